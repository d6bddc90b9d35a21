package synth_test

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"hoidong/export"
	"hoidong/model"
	"hoidong/store"
	"hoidong/synth"
)

// build generates a meeting into a new file and returns its store.
func build(t *testing.T, o synth.Options) (*store.Store, synth.Summary) {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "synth.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	sum, err := synth.Generate(context.Background(), st, o, "12345678")
	if err != nil {
		t.Fatal(err)
	}
	return st, sum
}

// commitment is the seal of a round's ballots in a logged event: it
// hashes the ballots' random ids.
var commitment = regexp.MustCompile(`"commitment":"[0-9a-f]{64}"`)

// comparable is the JSON record of st without what the secret ballot
// draws at random: ballot ids (and so the order of the ballots), the
// round seals' commitments and every hash of the log over them.
func comparable(t *testing.T, st *store.Store) string {
	t.Helper()
	rec, rep, err := st.VerifiedRecord(context.Background())
	if err != nil || !rep.OK() {
		t.Fatalf("the generated record does not verify: %v %s", err, rep.Problem)
	}
	var buf bytes.Buffer
	if err := export.JSON(&buf, &rec); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	doc["head"] = ""
	for _, r := range doc["rounds"].([]any) {
		r := r.(map[string]any)
		r["close_head"] = ""
		var ballots []string
		for _, b := range r["ballots"].([]any) {
			b.(map[string]any)["id"] = ""
			text, _ := json.Marshal(b)
			ballots = append(ballots, string(text))
		}
		slices.Sort(ballots)
		r["ballots"] = ballots
	}
	for _, e := range doc["events"].([]any) {
		e := e.(map[string]any)
		e["hash"] = ""
		e["detail"] = commitment.ReplaceAllString(e["detail"].(string), `"commitment":""`)
	}
	out, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func TestGenerate_SameSeedSameRecord(t *testing.T) {
	o := synth.Options{Nominees: 120, Members: 7, Rounds: 2, Seed: 42}
	a, _ := build(t, o)
	b, _ := build(t, o)
	if comparable(t, a) != comparable(t, b) {
		t.Error("two meetings generated with the same seed differ")
	}
	o.Seed = 43
	c, _ := build(t, o)
	if comparable(t, a) == comparable(t, c) {
		t.Error("two meetings generated with different seeds are the same")
	}
}

func TestGenerate_Sizes(t *testing.T) {
	st, sum := build(t, synth.Options{Nominees: 1000, Members: 9, Rounds: 3, Seed: 7})
	rec, err := st.Record(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if sum.Nominees != 1000 || len(rec.Nominees) != 1000 {
		t.Errorf("nominees: summary %d, record %d, want 1000", sum.Nominees, len(rec.Nominees))
	}
	voters := 0
	for _, m := range rec.Members {
		if m.Votes {
			voters++
			if m.Attendance != model.AttendancePresent {
				t.Errorf("%s is not present", m.Name)
			}
		}
	}
	if voters != 9 || sum.Members != 9 {
		t.Errorf("voting members: summary %d, record %d, want 9", sum.Members, voters)
	}
	if len(rec.Rounds) != 3 || sum.Rounds != 3 || sum.Ballots != 27 {
		t.Fatalf("rounds: summary %d (%d ballots), record %d, want 3 rounds of 9 ballots", sum.Rounds, sum.Ballots, len(rec.Rounds))
	}
	big := false
	for _, r := range rec.Rounds {
		if r.Status != model.RoundClosed || r.Mode != model.RoundElectronic {
			t.Errorf("round %d is %v/%v, want a closed electronic round", r.Seq, r.Status, r.Mode)
		}
		if len(r.Nominees) > synth.RoundSize || len(r.Nominees) == 0 {
			t.Errorf("round %d has %d nominees", r.Seq, len(r.Nominees))
		}
		big = big || len(r.Nominees) == synth.RoundSize
		if len(r.Ballots) != 9 || len(r.Voters) != 9 || len(r.Results) != len(r.Nominees) {
			t.Errorf("round %d: %d ballots, %d voters, %d results", r.Seq, len(r.Ballots), len(r.Voters), len(r.Results))
		}
	}
	if !big {
		t.Error("no round is full, though 1000 nominees give more than 500 for the first award")
	}
	if rec.Meeting.SecretarySet != true {
		t.Error("the secretary code is not set")
	}
	if _, err := st.UnlockSecretary(context.Background(), "12345678"); err != nil {
		t.Errorf("the secretary code given does not unlock: %v", err)
	}
}

func TestGenerate_Names(t *testing.T) {
	p, err := synth.Plan(synth.Options{Nominees: 2000, Members: 31, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	families := map[string]int{}
	individuals := 0
	for _, n := range p.Nominees {
		if !norm.NFC.IsNormalString(n.Name + n.Unit + n.Position + n.Summary) {
			t.Errorf("%q is not NFC", n.Name)
		}
		if n.Kind != model.KindIndividual {
			continue
		}
		individuals++
		words := strings.Fields(n.Name)
		if len(words) != 3 {
			t.Errorf("%q is not family, middle and given name", n.Name)
		}
		families[words[0]]++
	}
	// Nguyễn is the name of about 38% of the population.
	if share := float64(families["Nguyễn"]) / float64(individuals); share < 0.33 || share > 0.44 {
		t.Errorf("Nguyễn is the family name of %.0f%% of the individuals, want about 38%%", share*100)
	}
	if len(p.Council.Members) != 32 {
		t.Errorf("council of %d people, want 31 voting members and a secretary", len(p.Council.Members))
	}
}

func TestGenerate_Refuses(t *testing.T) {
	for _, o := range []synth.Options{
		{Nominees: 0, Members: 5},
		{Nominees: 10, Members: 1},
		{Nominees: 10, Members: 5, Rounds: -2},
	} {
		if err := o.Check(); model.ErrorCodeOf(err) != model.EInvalid {
			t.Errorf("%+v: %v, want a user error", o, err)
		}
	}
	st, err := store.Open(filepath.Join(t.TempDir(), "synth.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	_, err = synth.Generate(context.Background(), st, synth.Options{Nominees: 30, Members: 5, Rounds: 50}, "12345678")
	if model.ErrorCodeOf(err) != model.EInvalid || !strings.Contains(model.Message(err), "không thể mở 50 vòng") {
		t.Errorf("50 rounds of 30 nominees: %v", err)
	}
}
