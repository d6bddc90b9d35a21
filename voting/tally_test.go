package voting

import (
	"math/rand/v2"
	"testing"

	"hoidong/model"
)

func ballot(choices map[int64]bool) model.Ballot { return model.Ballot{Choices: choices} }

func TestTally_Bases(t *testing.T) {
	nominees := []int64{10, 20, 30}
	ballots := []model.Ballot{
		ballot(map[int64]bool{10: true, 20: true, 30: false}),
		ballot(map[int64]bool{10: true, 20: true, 30: false}),
		ballot(map[int64]bool{10: true, 20: false, 30: true}),
		ballot(map[int64]bool{10: true, 20: true, 30: true}),
		ballot(map[int64]bool{10: false, 20: true}), // missing 30: neither
	}
	base := BaseCounts{AllMembers: 8, Present: 6, Valid: 5}
	tests := []struct {
		name     string
		r        model.Rule
		wantBase int
		wantPass []bool
	}{
		// agree: 10→4, 20→4, 30→2
		{"all members 70%", rule(70, 100, model.AtLeast, model.BaseAllMembers), 8, []bool{false, false, false}},
		{"all members 50%", rule(50, 100, model.AtLeast, model.BaseAllMembers), 8, []bool{true, true, false}},
		{"present 2/3", rule(2, 3, model.AtLeast, model.BasePresent), 6, []bool{true, true, false}},
		{"present more than 2/3", rule(2, 3, model.MoreThan, model.BasePresent), 6, []bool{false, false, false}},
		{"valid 80%", rule(80, 100, model.AtLeast, model.BaseValid), 5, []bool{true, true, false}},
		{"valid more than 80%", rule(80, 100, model.MoreThan, model.BaseValid), 5, []bool{false, false, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := Tally(tt.r, nominees, ballots, base)
			wantAgree := []int{4, 4, 2}
			wantDis := []int{1, 1, 2}
			if len(lines) != len(nominees) {
				t.Fatalf("got %d lines", len(lines))
			}
			for i, l := range lines {
				if l.NomineeID != nominees[i] || l.Agree != wantAgree[i] || l.Disagree != wantDis[i] || l.Base != tt.wantBase || l.Pass != tt.wantPass[i] {
					t.Errorf("line %d = %+v, want agree %d disagree %d base %d pass %v", i, l, wantAgree[i], wantDis[i], tt.wantBase, tt.wantPass[i])
				}
			}
		})
	}
}

func TestTally_NoBallots(t *testing.T) {
	lines := Tally(rule(50, 100, model.AtLeast, model.BaseValid), []int64{1}, nil, BaseCounts{AllMembers: 5, Present: 5})
	if len(lines) != 1 || lines[0].Agree != 0 || lines[0].Base != 0 || lines[0].Pass {
		t.Errorf("lines = %+v", lines)
	}
}

func TestTallyPaper_Counts(t *testing.T) {
	r := rule(70, 100, model.AtLeast, model.BaseAllMembers)
	lines := TallyPaper(r, []int64{1, 2}, map[int64]int{1: 7, 2: 6}, BaseCounts{AllMembers: 9, Present: 9, Valid: 8})
	want := []model.ResultLine{
		{NomineeID: 1, Agree: 7, Disagree: 1, Base: 9, Pass: true},
		{NomineeID: 2, Agree: 6, Disagree: 2, Base: 9, Pass: false},
	}
	for i := range want {
		if lines[i] != want[i] {
			t.Errorf("line %d = %+v, want %+v", i, lines[i], want[i])
		}
	}
}

func TestCheckPaper_Conditions(t *testing.T) {
	tests := []struct {
		name string
		c    PaperCounts
		n    int
	}{
		{"adds up", PaperCounts{Issued: 9, Returned: 9, Valid: 8, Invalid: 1, Agree: map[int64]int{1: 8, 2: 0}}, 0},
		{"returned more than issued", PaperCounts{Issued: 8, Returned: 9, Valid: 9, Agree: map[int64]int{1: 1, 2: 1}}, 1},
		{"issued more than present", PaperCounts{Issued: 10, Returned: 10, Valid: 10, Agree: map[int64]int{1: 1, 2: 1}}, 1},
		{"valid plus invalid differs", PaperCounts{Issued: 9, Returned: 9, Valid: 7, Invalid: 1, Agree: map[int64]int{1: 1, 2: 1}}, 1},
		{"agree above valid and missing", PaperCounts{Issued: 9, Returned: 9, Valid: 9, Agree: map[int64]int{1: 10}}, 2},
		{"negative", PaperCounts{Issued: 9, Returned: 9, Valid: 9, Invalid: 0, Agree: map[int64]int{1: -1, 2: 0}}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := CheckPaper(tt.c, []int64{1, 2}, 9)
			if len(ps) != tt.n {
				t.Errorf("problems = %v, want %d", ps, tt.n)
			}
		})
	}
}

func TestTally_RandomBallotsProperty(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	rules := []model.Rule{
		rule(70, 100, model.AtLeast, model.BaseAllMembers),
		rule(2, 3, model.AtLeast, model.BasePresent),
		rule(50, 100, model.MoreThan, model.BaseValid),
		rule(90, 100, model.AtLeast, model.BaseAllMembers),
	}
	for iter := 0; iter < 500; iter++ {
		nNom := 1 + rng.IntN(40)
		nominees := make([]int64, nNom)
		for i := range nominees {
			nominees[i] = int64(1000 + i*7)
		}
		all := 5 + rng.IntN(27)
		present := rng.IntN(all + 1)
		ballots := make([]model.Ballot, present)
		agree := make(map[int64]int)
		for b := range ballots {
			ch := make(map[int64]bool, nNom)
			for _, id := range nominees {
				v := rng.IntN(2) == 0
				ch[id] = v
				if v {
					agree[id]++
				}
			}
			ballots[b] = ballot(ch)
		}
		r := rules[rng.IntN(len(rules))]
		base := BaseCounts{AllMembers: all, Present: present, Valid: present}
		lines := Tally(r, nominees, ballots, base)
		b := base.Pick(r.Base)
		for i, l := range lines {
			if l.NomineeID != nominees[i] {
				t.Fatalf("order: line %d is %d", i, l.NomineeID)
			}
			if l.Agree+l.Disagree != len(ballots) {
				t.Fatalf("agree %d + disagree %d != ballots %d", l.Agree, l.Disagree, len(ballots))
			}
			if l.Agree != agree[l.NomineeID] {
				t.Fatalf("agree %d, counted %d", l.Agree, agree[l.NomineeID])
			}
			want := b > 0 && int64(l.Agree)*r.Threshold.Den >= r.Threshold.Num*int64(b)
			if r.Comparison == model.MoreThan {
				want = b > 0 && int64(l.Agree)*r.Threshold.Den > r.Threshold.Num*int64(b)
			}
			if l.Pass != want || l.Base != b {
				t.Fatalf("line %+v under %+v: pass want %v base want %d", l, r, want, b)
			}
		}
		paper := TallyPaper(r, nominees, agree, base)
		for i := range paper {
			if paper[i] != lines[i] {
				t.Fatalf("paper %+v != electronic %+v", paper[i], lines[i])
			}
		}
	}
}

func BenchmarkTally_500x31(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 4))
	nominees := make([]int64, 500)
	for i := range nominees {
		nominees[i] = int64(i + 1)
	}
	ballots := make([]model.Ballot, 31)
	for i := range ballots {
		ch := make(map[int64]bool, len(nominees))
		for _, id := range nominees {
			ch[id] = rng.IntN(5) != 0
		}
		ballots[i] = ballot(ch)
	}
	r := rule(70, 100, model.AtLeast, model.BaseAllMembers)
	base := BaseCounts{AllMembers: 31, Present: 31, Valid: 31}
	b.ReportAllocs()
	for b.Loop() {
		Tally(r, nominees, ballots, base)
	}
}
