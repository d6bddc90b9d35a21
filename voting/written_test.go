package voting

import (
	"fmt"
	"testing"

	"hoidong/model"
)

// writtenRound is a closed electronic round of a council of 8 voting
// members, present of them present, with one ballot from each voter:
// agree of them agree to nominee 1; the written ballots come from members
// 7 and 8 (absent), and recused members leave nominee 1 blank.
func writtenRound(present, written, agree int, recused []model.Recusal) model.Round {
	r := model.Round{Mode: model.RoundElectronic, Status: model.RoundClosed, AllMembers: 8, Eligible: present,
		Nominees: []int64{1}, Recused: recused}
	for m := 1; m <= present; m++ {
		r.Voters = append(r.Voters, int64(m))
	}
	for m := 8 - written + 1; m <= 8; m++ {
		r.Voters = append(r.Voters, int64(m))
		r.Written = append(r.Written, int64(m))
	}
	blank := map[int64]bool{}
	for _, x := range recused {
		blank[x.Member] = true
	}
	for _, m := range r.Voters {
		b := model.Ballot{ID: fmt.Sprint(m), Choices: map[int64]bool{}}
		if !blank[m] {
			b.Choices[1] = agree > 0
			if agree > 0 {
				agree--
			}
		}
		r.Ballots = append(r.Ballots, b)
	}
	return r
}

// TestBase_WrittenAndRecusalBoundaries: 8 voting members; one vote either
// side of 2/3 and of 70% of all members, of those present and of the
// valid ballots, with and without written ballots and a recusal.
func TestBase_WrittenAndRecusalBoundaries(t *testing.T) {
	twoThirds := model.Fraction{Num: 2, Den: 3}
	seventy := model.Fraction{Num: 70, Den: 100}
	rec := func(member int64, present bool) []model.Recusal {
		return []model.Recusal{{Nominee: 1, Member: member, Present: present}}
	}
	for _, tc := range []struct {
		name                    string
		threshold               model.Fraction
		base                    model.Base
		present, written, agree int
		recused                 []model.Recusal
		wantBase                int
		pass                    bool
	}{
		// All members: 2/3 of 8 is 5,33; 70% of 8 is 5,6: 6 agree pass, 5 fail.
		{"2/3 of all, 6 present", twoThirds, model.BaseAllMembers, 6, 0, 6, nil, 8, true},
		{"2/3 of all, one short", twoThirds, model.BaseAllMembers, 6, 0, 5, nil, 8, false},
		{"2/3 of all, 5 present and a written agree", twoThirds, model.BaseAllMembers, 5, 1, 6, nil, 8, true},
		{"2/3 of all, the written ballot disagrees", twoThirds, model.BaseAllMembers, 5, 1, 5, nil, 8, false},
		{"70% of all, 6 agree", seventy, model.BaseAllMembers, 6, 2, 6, nil, 8, true},
		{"70% of all, 5 agree", seventy, model.BaseAllMembers, 6, 2, 5, nil, 8, false},
		// A recusal: 8 − 1 = 7; 2/3 of 7 is 4,67 and 70% of 7 is 4,9: 5 pass, 4 fail.
		{"2/3 of all less one recused, 5", twoThirds, model.BaseAllMembers, 7, 0, 5, rec(1, true), 7, true},
		{"2/3 of all less one recused, 4", twoThirds, model.BaseAllMembers, 7, 0, 4, rec(1, true), 7, false},
		{"70% of all less one recused, 5", seventy, model.BaseAllMembers, 6, 1, 5, rec(1, true), 7, true},
		{"70% of all less one recused, 4", seventy, model.BaseAllMembers, 6, 1, 4, rec(1, true), 7, false},
		{"recused member absent, no ballot", seventy, model.BaseAllMembers, 6, 0, 5, rec(8, false), 7, true},
		{"recused member sent the written ballot", seventy, model.BaseAllMembers, 6, 1, 4, rec(8, false), 7, false},
		// Present: 6 present + 1 written = 7; 2/3 of 7: 5 pass, 4 fail;
		// without the written ballot 2/3 of 6 is 4.
		{"2/3 of present and written, 5", twoThirds, model.BasePresent, 6, 1, 5, nil, 7, true},
		{"2/3 of present and written, 4", twoThirds, model.BasePresent, 6, 1, 4, nil, 7, false},
		{"2/3 of present, no written, 4", twoThirds, model.BasePresent, 6, 0, 4, nil, 6, true},
		{"2/3 of present, no written, 3", twoThirds, model.BasePresent, 6, 0, 3, nil, 6, false},
		{"present less a recused written sender", twoThirds, model.BasePresent, 6, 1, 4, rec(8, false), 6, true},
		{"present less a recused absent member", twoThirds, model.BasePresent, 6, 0, 4, rec(8, false), 6, true},
		{"present less a recused member present", twoThirds, model.BasePresent, 6, 1, 4, rec(1, true), 6, true},
		{"present less a recused member present, 3", twoThirds, model.BasePresent, 6, 1, 3, rec(1, true), 6, false},
		// Valid ballots: a written ballot is valid; a recused voter's is not counted for the nominee.
		{"70% of valid with written", seventy, model.BaseValid, 5, 2, 5, nil, 7, true},
		{"70% of valid with written, 4", seventy, model.BaseValid, 5, 2, 4, nil, 7, false},
		{"70% of valid less the recused voter", seventy, model.BaseValid, 5, 2, 5, rec(1, true), 6, true},
		{"70% of valid less the recused voter, 4", seventy, model.BaseValid, 5, 2, 4, rec(1, true), 6, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rule := model.Rule{BallotRequired: true, Threshold: tc.threshold, Comparison: model.AtLeast, Base: tc.base}
			r := writtenRound(tc.present, tc.written, tc.agree, tc.recused)
			lines := Tally(rule, r.Nominees, r.Ballots, RoundBase(r))
			l := lines[0]
			if l.Agree != tc.agree || l.Base != tc.wantBase || l.Pass != tc.pass {
				t.Errorf("line %+v, want agree %d base %d pass %v", l, tc.agree, tc.wantBase, tc.pass)
			}
			if l.Pass != Passes(l.Agree, l.Base, rule) {
				t.Error("Tally and Passes disagree")
			}
			// Paper: the same figures entered by the counting committee.
			p := r
			p.Mode, p.Ballots, p.Voters = model.RoundPaper, nil, nil
			p.Valid = tc.present + tc.written
			paper := TallyPaper(rule, p.Nominees, map[int64]int{1: tc.agree}, RoundBase(p))
			if paper[0].Base != l.Base || paper[0].Pass != l.Pass || paper[0].Agree+paper[0].Disagree != l.Agree+l.Disagree {
				t.Errorf("paper %+v, electronic %+v", paper[0], l)
			}
			full, less := RoundBase(r).Less(1, tc.base)
			if full-less != tc.wantBase {
				t.Errorf("Less = %d − %d, want %d", full, less, tc.wantBase)
			}
		})
	}
}

func TestCheckPaperWritten(t *testing.T) {
	c := PaperCounts{Issued: 8, Returned: 8, Valid: 8, Agree: map[int64]int{1: 5}}
	if ps := CheckPaperWritten(c, []int64{1}, 6, 2, nil); ps != nil {
		t.Errorf("6 present and 2 envelopes take 8 ballots: %v", ps)
	}
	if ps := CheckPaperWritten(c, []int64{1}, 6, 1, nil); len(ps) != 1 || ps[0].What != "8 lớn hơn số thành viên có mặt được biểu quyết (6) cộng số phiếu bằng văn bản đã nhận (1), tức 7" {
		t.Errorf("too many issued: %v", ps)
	}
	c = PaperCounts{Issued: 6, Returned: 1, Valid: 1, Agree: map[int64]int{1: 1}}
	if ps := CheckPaperWritten(c, []int64{1}, 6, 2, nil); len(ps) != 1 || ps[0].Where != "Số phiếu thu về" {
		t.Errorf("fewer returned than envelopes: %v", ps)
	}
	if ps := CheckPaper(PaperCounts{Issued: 7, Returned: 7, Valid: 7, Agree: map[int64]int{1: 1}}, []int64{1}, 6); len(ps) != 1 || ps[0].What != "7 lớn hơn số thành viên có mặt được biểu quyết (6)" {
		t.Errorf("without envelopes: %v", ps)
	}
}
