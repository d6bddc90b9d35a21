package export_test

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"hoidong/export"
	"hoidong/model"
	"hoidong/store"
	"hoidong/voting"
)

// TestJSON_MatchesDatabase holds a meeting in a real database — roll call,
// review, one electronic round per ballot award, close — then reads the
// exported JSON back and compares it with what the database holds.
func TestJSON_MatchesDatabase(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(filepath.Join(t.TempDir(), "hop.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	clock := time.Date(2023, 12, 15, 1, 30, 0, 0, time.UTC)
	st.Now = func() time.Time { clock = clock.Add(time.Minute); return clock }
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(st.CreateMeeting(ctx, model.SamplePlan()))
	must(st.SetSecretaryCode(ctx, "Thư ký 2023"))
	key, err := st.UnlockSecretary(ctx, "Thư ký 2023")
	must(err)
	rec, err := st.Record(ctx)
	must(err)
	for _, m := range rec.Members {
		must(st.SetAttendance(ctx, m.ID, model.AttendancePresent, ""))
	}
	for _, n := range rec.Nominees {
		for _, c := range rec.Plan.Eligibility {
			must(st.SetCheck(ctx, n.ID, c.Code, slices.Contains(n.Facts, c.Code)))
		}
		for _, a := range n.Awards {
			for i := range rec.Plan.CriteriaFor(n.Kind, a) {
				must(st.SetMark(ctx, n.ID, a, i, model.MarkMet, ""))
			}
		}
	}
	rec, err = st.Record(ctx)
	must(err)
	rounds := 0
	for _, a := range rec.Plan.Awards {
		ids := voting.Candidates(&rec, a.Code)
		if len(ids) == 0 || !a.Rule.BallotRequired || rounds == 2 {
			continue
		}
		id, err := st.OpenRound(ctx, a.Code, ids)
		must(err)
		for i, m := range rec.Members {
			if !m.Votes {
				continue
			}
			choices := map[int64]bool{}
			for j, n := range ids {
				choices[n] = (i+j)%3 != 0
			}
			must(st.CastBallot(ctx, id, m.ID, "", choices))
		}
		must(st.CloseRound(ctx, id, key))
		rounds++
	}
	must(st.CloseMeeting(ctx))
	rec, err = st.Record(ctx)
	must(err)
	if rounds == 0 || rec.Head == "" || len(rec.Events) == 0 {
		t.Fatalf("rounds %d head %q events %d", rounds, rec.Head, len(rec.Events))
	}

	var buf bytes.Buffer
	must(export.JSON(&buf, &rec))
	var doc struct {
		SchemaVersion int    `json:"schema_version"`
		Head          string `json:"head"`
		Events        []struct {
			Seq  int64  `json:"seq"`
			Kind string `json:"kind"`
			Hash string `json:"hash"`
		} `json:"events"`
		Members []struct {
			ID         int64  `json:"id"`
			Name       string `json:"name"`
			Attendance string `json:"attendance"`
		} `json:"members"`
		Nominees []struct {
			ID   int64  `json:"id"`
			Name string `json:"name"`
		} `json:"nominees"`
		Rounds []struct {
			ID      int64   `json:"id"`
			Seq     int     `json:"seq"`
			Voters  []int64 `json:"voters"`
			Ballots []struct {
				ID       string  `json:"id"`
				Agree    []int64 `json:"agree"`
				Disagree []int64 `json:"disagree"`
			} `json:"ballots"`
			Results []struct {
				NomineeID    int64  `json:"nominee_id"`
				Agree        int    `json:"agree"`
				Disagree     int    `json:"disagree"`
				Base         int    `json:"base"`
				ThresholdMet bool   `json:"threshold_met"`
				Standing     string `json:"standing"`
			} `json:"results"`
		} `json:"rounds"`
	}
	must(json.Unmarshal(buf.Bytes(), &doc))
	if doc.SchemaVersion != export.SchemaVersion || doc.Head != rec.Head || len(doc.Events) != len(rec.Events) {
		t.Fatalf("schema %d head %q (want %q) events %d (want %d)", doc.SchemaVersion, doc.Head, rec.Head, len(doc.Events), len(rec.Events))
	}
	for i, e := range rec.Events {
		if g := doc.Events[i]; g.Seq != e.Seq || g.Kind != e.Kind || g.Hash != e.Hash {
			t.Errorf("event %d = %+v, want %+v", i, g, e)
		}
	}
	if len(doc.Members) != len(rec.Members) || len(doc.Nominees) != len(rec.Nominees) || len(doc.Rounds) != len(rec.Rounds) {
		t.Fatalf("members %d nominees %d rounds %d", len(doc.Members), len(doc.Nominees), len(doc.Rounds))
	}
	for i, m := range rec.Members {
		if g := doc.Members[i]; g.ID != m.ID || g.Name != m.Name || g.Attendance != "present" {
			t.Errorf("member %d = %+v", i, g)
		}
	}
	for i, n := range rec.Nominees {
		if g := doc.Nominees[i]; g.ID != n.ID || g.Name != n.Name {
			t.Errorf("nominee %d = %+v", i, g)
		}
	}
	ix := voting.NewIndex(&rec)
	for i, r := range rec.Rounds {
		g := doc.Rounds[i]
		if g.ID != r.ID || g.Seq != r.Seq || !slices.Equal(g.Voters, r.Voters) || len(g.Ballots) != len(r.Ballots) || len(g.Results) != len(r.Results) {
			t.Fatalf("round %d = %+v", r.Seq, g)
		}
		for j, b := range r.Ballots {
			gb := g.Ballots[j]
			if gb.ID != b.ID || len(gb.Agree)+len(gb.Disagree) != len(b.Choices) {
				t.Errorf("round %d ballot %d = %+v", r.Seq, j, gb)
			}
			for _, id := range gb.Agree {
				if !b.Choices[id] {
					t.Errorf("round %d ballot %s: %d exported as agree", r.Seq, b.ID, id)
				}
			}
		}
		// The lines come in the record's nominee order, each with its verdict.
		for j, lo := range ix.Outcomes(r) {
			gl, l := g.Results[j], lo.Line
			if gl.NomineeID != l.NomineeID || gl.Agree != l.Agree || gl.Disagree != l.Disagree || gl.Base != l.Base ||
				gl.ThresholdMet != l.Pass || gl.Standing != lo.Outcome.String() {
				t.Errorf("round %d result %d = %+v, want %+v %s", r.Seq, j, gl, l, lo.Outcome)
			}
		}
	}

	// The documents of the same record come out the same twice, and
	// writing them leaves the database's record as it was.
	before := rec
	docs, err := export.Select(&rec, export.Options{})
	must(err)
	paths, err := export.WriteFiles(t.TempDir(), &rec, docs)
	must(err)
	if len(paths) != len(docs) {
		t.Errorf("%d paths for %d documents", len(paths), len(docs))
	}
	after, err := st.Record(ctx)
	must(err)
	if after.Head != before.Head || len(after.Events) != len(before.Events) {
		t.Error("exporting changed the database")
	}
}
