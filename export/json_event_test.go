package export

import (
	"bytes"
	"encoding/json"
	"testing"
)

// checkEvent checks that appendIndented writes e as the encoder does.
func checkEvent(t *testing.T, e jsonEvent) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("    ", "  ")
	if err := enc.Encode(e); err != nil {
		t.Fatal(err)
	}
	want := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
	if got := e.appendIndented(nil, "    "); !bytes.Equal(got, want) {
		t.Fatalf("appendIndented(%#v) =\n%s\nthe encoder writes\n%s", e, got, want)
	}
}

func TestJSONEvent_AsEncoder(t *testing.T) {
	for _, e := range []jsonEvent{
		{Seq: 1, At: "2023-12-15T08:30:00+07:00", Kind: "mark", Detail: `{"note":"a <b> & \"c\"\n"}`, Hash: "ab"},
		{Seq: -5, Kind: "", Detail: "\x00\x1f\x7f\b\f\t\r\\", Hash: "\xff\u2028\u2029\ufffd"},
	} {
		checkEvent(t, e)
	}
}

func FuzzJSONEvent(f *testing.F) {
	f.Add(int64(1), "2023-12-15T08:30:00+07:00", "mark", `{"note":"Nguyễn <Văn> & An"}`, "00ff")
	f.Fuzz(func(t *testing.T, seq int64, at, kind, detail, hash string) {
		checkEvent(t, jsonEvent{Seq: seq, At: at, Kind: kind, Detail: detail, Hash: hash})
	})
}
