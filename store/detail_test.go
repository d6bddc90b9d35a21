package store

import (
	"encoding/json"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"
)

// slowDetail reads a detail with encoding/json alone.
func slowDetail(detail string) (eventDetail, error) {
	var d eventDetail
	dec := json.NewDecoder(strings.NewReader(detail))
	dec.UseNumber()
	err := dec.Decode(&d)
	return d, err
}

// detailSeeds are details as the program writes them, and some it never
// writes.
func detailSeeds() []string {
	return []string{
		`{"note":"nominee 12, BK_TINH, criterion 3: met","changes":[{"table":"marks","key":[12,"BK_TINH",2],"cols":["nominee_id","award","idx","mark","note"],"rows":[[12,"BK_TINH",2,"met",""]]}]}`,
		`{"note":"ballot cast in round 1","cast":3}`,
		`{"note":"round 1 closed: 4 ballots","seals":[{"round":1,"voters":[1,2,3,4],"ballots":4,"commitment":"ab"}],"changes":[{"table":"rounds","key":[1],"cols":["id","closed_at","parent"],"rows":[[1,"2023-12-15T01:30:00Z",null]]}]}`,
		`{"changes":[{"table":"members","key":[],"cols":["id"],"rows":[]}]}`,
		`{"note":"x","changes":[{"table":"t","key":[{"blob":"00ff"}],"cols":["a"],"rows":[[{"real":"1.5"}]]}]}`,
		`{"note":"chú thích \"trong\" ngoặc\n","changes":[{"table":"meeting","key":[1],"cols":["plan"],"rows":[["{\"version\":1}"]]}]}`,
		`{"note":"a","note":"b"}`,
		`{"Note":"a"}`,
		`{ "note":"a"}`,
		`{"note":"a"} trailing`,
		`{"cast":01}`,
		`{"cast":1.0}`,
		`{"cast":-0}`,
		`{"cast":99999999999999999999}`,
		`{"changes":[{"table":"t","key":[1e3],"cols":[],"rows":[]}]}`,
		`{"changes":[{"table":"t","key":[true],"cols":[],"rows":[]}]}`,
		`{"changes":null}`,
		`{"note":"\xff"}`,
		`{"note":"tab	inside"}`,
		`{"extra":1}`,
		`{}`,
		``,
		`[`,
	}
}

func TestDecodeDetail_AsEncodingJSON(t *testing.T) {
	for _, s := range detailSeeds() {
		checkDetail(t, s)
	}
}

func FuzzDecodeDetail(f *testing.F) {
	for _, s := range detailSeeds() {
		f.Add(s)
	}
	f.Fuzz(checkDetail)
}

// checkDetail checks that decodeDetail reads s as encoding/json does, and
// decodeReplay as encoding/json then sqlValue do.
func checkDetail(t *testing.T, s string) {
	want, werr := slowDetail(s)
	got, gerr := decodeDetail(s)
	if (werr == nil) != (gerr == nil) {
		t.Fatalf("%q: error %v, encoding/json says %v", s, gerr, werr)
	}
	if werr == nil && !reflect.DeepEqual(got, want) {
		t.Fatalf("%q: read %#v, encoding/json reads %#v", s, got, want)
	}
	replayed, rerr := decodeReplay(s)
	if (werr == nil) != (rerr == nil) {
		t.Fatalf("%q: replay error %v, encoding/json says %v", s, rerr, werr)
	}
	if werr != nil {
		return
	}
	for i, c := range want.Changes {
		for j, v := range c.Key {
			sameStored(t, s, replayed.Changes[i].Key[j], v)
		}
		for r, row := range c.Rows {
			for j, v := range row {
				sameStored(t, s, replayed.Changes[i].Rows[r][j], v)
			}
		}
		if !reflect.DeepEqual(replayed.Changes[i].Cols, c.Cols) || replayed.Changes[i].Table != c.Table {
			t.Fatalf("%q: replay read change %d as %#v", s, i, replayed.Changes[i])
		}
	}
	replayed.Changes, want.Changes = nil, nil
	if !reflect.DeepEqual(replayed, want) {
		t.Fatalf("%q: replay read %#v, encoding/json reads %#v", s, replayed, want)
	}
}

// sameStored checks that a value decodeReplay read is what sqlValue makes
// of the value encoding/json read.
func sameStored(t *testing.T, s string, got, decoded any) {
	want, werr := sqlValue(decoded)
	g, gerr := sqlValue(got)
	if (werr == nil) != (gerr == nil) || werr == nil && !reflect.DeepEqual(g, want) {
		t.Fatalf("%q: replay read %#v (%v), sqlValue makes %#v (%v)", s, g, gerr, want, werr)
	}
}

// checkEncode checks that encodeDetail writes d as json.Marshal does.
func checkEncode(t *testing.T, d eventDetail) {
	want, werr := json.Marshal(d)
	got, gerr := encodeDetail(d)
	if werr != nil || gerr != nil || string(got) != string(want) {
		t.Fatalf("encodeDetail(%#v) = %s (%v), json.Marshal writes %s (%v)", d, got, gerr, want, werr)
	}
}

func TestEncodeDetail_AsJSONMarshal(t *testing.T) {
	for _, s := range detailSeeds() {
		if d, err := slowDetail(s); err == nil {
			// Logged values are what jsonValue gives: numbers as int64.
			for i := range d.Changes {
				for j, k := range d.Changes[i].Key {
					if v, err := sqlValue(k); err == nil {
						d.Changes[i].Key[j] = jsonValue(v)
					}
				}
				for _, r := range d.Changes[i].Rows {
					for j, x := range r {
						if v, err := sqlValue(x); err == nil {
							r[j] = jsonValue(v)
						}
					}
				}
			}
			checkEncode(t, d)
		}
	}
	checkEncode(t, eventDetail{Seals: []roundSeal{{Round: 1, Ballots: 2}}, Changes: []rowChange{{Table: "t"}, {Rows: [][]any{nil, {}}}}})
	checkEncode(t, eventDetail{Changes: []rowChange{{Key: []any{1.5, true}}}})
}

func FuzzEncodeDetail(f *testing.F) {
	f.Add("nominee 1: met", "marks", int64(12), "Nguyễn <Văn> & \"An\"\n\t\u2028", []byte{0, 0xff}, 2.5)
	f.Add("", "", int64(-1), "\xff\x01\x7f\b\f\\", []byte(nil), math.Copysign(0, -1))
	f.Fuzz(func(t *testing.T, note, table string, key int64, text string, blob []byte, real float64) {
		row := []any{key, text, nil, jsonValue(blob), jsonValue(real)}
		checkEncode(t, eventDetail{Note: note, Cast: key,
			Seals:   []roundSeal{{Round: key, Voters: []int64{key, 2}, Ballots: 3, Commitment: text}},
			Changes: []rowChange{{Table: table, Key: []any{key, text}, Cols: []string{table, text}, Rows: [][]any{row}}}})
	})
}

func TestParseUTC_AsTimeParse(t *testing.T) {
	for _, s := range []string{
		"2025-12-18T00:30:00Z", "2025-12-18T00:30:00.04Z", "2023-12-15T01:30:00.123456789Z", "2024-02-28T23:59:59.1Z",
		"2024-02-29T00:00:00Z", "2023-02-31T00:00:00Z", "2025-13-01T00:00:00Z", "2025-12-18T24:00:00Z", "2025-12-18T00:30:60Z",
		"2025-12-18T00:30:00.Z", "2025-12-18T00:30:00.1234567890Z", "2025-12-18T00:30:00+07:00", "0000-01-01T00:00:00Z",
		"2025-12-18 00:30:00Z", "2025-1a-18T00:30:00Z",
	} {
		want, werr := time.Parse(time.RFC3339Nano, s)
		got, ok := parseUTC(s)
		if !ok {
			continue
		}
		if werr != nil || !reflect.DeepEqual(got, want.UTC()) {
			t.Errorf("parseUTC(%q) = %v, time.Parse gives %v (%v)", s, got, want.UTC(), werr)
		}
	}
}
