package voting

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"hoidong/model"
)

const (
	awardQuota = "GK"   // by ballot, ≥ 50% of 9 members (5 agree votes), with a quota
	awardBase  = "LDTT" // no ballot: the award a share is taken of
)

// quotaRecord is a record with nominees 1…n proposed for awardQuota and
// awardBase, nothing to review (no checks, no criteria), 9 voting members,
// and the given quota on awardQuota.
func quotaRecord(n int, q *model.Quota, tb model.TieBreak) *model.Record {
	rec := &model.Record{Plan: model.Plan{Awards: []model.Award{
		{Code: awardBase, Name: "Lao động tiên tiến", Recipients: model.ForIndividual},
		{Code: awardQuota, Name: "Giấy khen", Recipients: model.ForBoth, Rule: rule(50, 100, model.AtLeast, model.BaseAllMembers), Quota: q, TieBreak: tb},
	}}}
	for id := int64(1); id <= int64(n); id++ {
		rec.Nominees = append(rec.Nominees, person(id, nil, model.Candidacy{Award: awardQuota}, model.Candidacy{Award: awardBase}))
	}
	return rec
}

// closeRound adds a closed round for awardQuota with the given agree votes
// per nominee (ballot order is the order of ids) and its parent.
func closeRound(rec *model.Record, id, parent int64, ids []int64, agree ...int) model.Round {
	r := model.Round{ID: id, Award: awardQuota, Seq: int(id), Parent: parent, Mode: model.RoundElectronic, Status: model.RoundClosed,
		Nominees: ids, Eligible: 9, AllMembers: 9}
	a, _ := rec.Plan.Award(awardQuota)
	for i, nid := range ids {
		r.Results = append(r.Results, model.ResultLine{NomineeID: nid, Agree: agree[i], Disagree: 9 - agree[i], Base: 9, Pass: Passes(agree[i], 9, a.Rule)})
	}
	rec.Rounds = append(rec.Rounds, r)
	return r
}

func ids(xs ...int64) []int64 { return xs }

// recommendedFor returns the recommended ids for awardQuota, sorted.
func recommendedFor(rec *model.Record) []int64 {
	for _, l := range Recommended(rec) {
		if l.Award.Code == awardQuota {
			out := append(slices.Clone(l.Collective), l.Individual...)
			slices.Sort(out)
			return out
		}
	}
	return nil
}

func TestStanding_FirstRound(t *testing.T) {
	five := ids(1, 2, 3, 4, 5)
	for _, tc := range []struct {
		name              string
		quota             *model.Quota
		agree             []int
		within, tied, out []int64
		remaining         int
		status            map[int64]Status
	}{
		{"no quota: every passing nominee is within", nil, []int{8, 7, 6, 5, 4},
			ids(1, 2, 3, 4), nil, nil, 0,
			map[int64]Status{1: StatusPassed, 4: StatusPassed, 5: StatusFailed}},
		{"quota 3, four passing, clean cut", &model.Quota{Count: 3}, []int{5, 8, 7, 6, 4},
			ids(2, 3, 4), nil, ids(1), 0,
			map[int64]Status{1: StatusOverQuota, 2: StatusPassed, 3: StatusPassed, 4: StatusPassed, 5: StatusFailed}},
		{"quota 3, fewer passing than places", &model.Quota{Count: 3}, []int{9, 4, 4, 5, 0},
			ids(1, 4), nil, nil, 0,
			map[int64]Status{1: StatusPassed, 4: StatusPassed, 2: StatusFailed}},
		{"quota 3, equal votes all within", &model.Quota{Count: 3}, []int{7, 7, 7, 4, 4},
			ids(1, 2, 3), nil, nil, 0,
			map[int64]Status{1: StatusPassed, 2: StatusPassed, 3: StatusPassed}},
		{"quota 3, two tied at the line", &model.Quota{Count: 3}, []int{6, 8, 5, 6, 7},
			ids(2, 5), ids(1, 4), ids(3), 1,
			map[int64]Status{1: StatusTieRevote, 4: StatusTieRevote, 2: StatusPassed, 3: StatusOverQuota}},
		{"quota 3, three tied spanning the line", &model.Quota{Count: 3}, []int{6, 6, 9, 5, 6},
			ids(3), ids(1, 2, 5), ids(4), 2,
			map[int64]Status{1: StatusTieRevote, 2: StatusTieRevote, 5: StatusTieRevote, 3: StatusPassed, 4: StatusOverQuota}},
		{"quota 1, everyone tied", &model.Quota{Count: 1}, []int{9, 9, 9, 9, 9},
			nil, five, nil, 1,
			map[int64]Status{1: StatusTieRevote, 5: StatusTieRevote}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := quotaRecord(5, tc.quota, 0)
			r := closeRound(rec, 1, 0, five, tc.agree...)
			s := Standing(rec, r)
			if !slices.Equal(s.Within, tc.within) || !slices.Equal(s.Tied, tc.tied) || !slices.Equal(s.Out, tc.out) || s.Remaining != tc.remaining {
				t.Errorf("standing within %v tied %v (remaining %d) out %v; want %v %v (%d) %v",
					s.Within, s.Tied, s.Remaining, s.Out, tc.within, tc.tied, tc.remaining, tc.out)
			}
			if s.Limited != (tc.quota != nil) || !s.Closed || s.Round != 1 {
				t.Errorf("standing %+v", s)
			}
			if s.NeedsRevote() != (len(tc.tied) > 0) || s.NeedsChair() || s.Settled {
				t.Errorf("needs revote %v, chair %v, settled %v", s.NeedsRevote(), s.NeedsChair(), s.Settled)
			}
			ix := NewIndex(rec)
			for id, want := range tc.status {
				n, _ := ix.Nominee(id)
				if got := ix.Status(n, awardQuota); got != want {
					t.Errorf("nominee %d: Index.Status = %s, want %s", id, got.Label(), want.Label())
				}
				if got := StatusOf(rec, n, awardQuota); got != want {
					t.Errorf("nominee %d: StatusOf = %s, want %s", id, got.Label(), want.Label())
				}
			}
			if got := recommendedFor(rec); !slices.Equal(got, slices.Sorted(slices.Values(tc.within))) {
				t.Errorf("recommended %v, want %v", got, tc.within)
			}
		})
	}
}

func TestQuotaPlaces_ShareRoundsDown(t *testing.T) {
	for _, tc := range []struct {
		winners int
		share   model.Fraction
		want    int
	}{
		{20, model.Fraction{Num: 15, Den: 100}, 3},
		{13, model.Fraction{Num: 15, Den: 100}, 1}, // 1,95
		{7, model.Fraction{Num: 15, Den: 100}, 1},  // 1,05
		{6, model.Fraction{Num: 15, Den: 100}, 0},  // 0,9
		{0, model.Fraction{Num: 15, Den: 100}, 0},
		{10, model.Fraction{Num: 1, Den: 3}, 3},
	} {
		t.Run(fmt.Sprintf("%d×%s", tc.winners, FormatFraction(tc.share)), func(t *testing.T) {
			q := &model.Quota{ShareOf: awardBase, Share: tc.share}
			rec := quotaRecord(20, q, 0)
			// Nominees beyond the winners are not approved for the base award:
			// an exclusion check applies to them.
			rec.Plan.Eligibility = []model.EligibilityCheck{{Code: "kyluat", Text: "đang bị kỷ luật", Effect: model.EffectExclude}}
			for i := range rec.Nominees {
				rec.Nominees[i].Checks = checks(i >= tc.winners, false)
			}
			a, _ := rec.Plan.Award(awardQuota)
			places, limited := QuotaPlaces(rec, a)
			if places != tc.want || !limited {
				t.Errorf("QuotaPlaces = %d, %v; want %d", places, limited, tc.want)
			}
			if got, _ := NewIndex(rec).QuotaPlaces(awardQuota); got != tc.want {
				t.Errorf("Index.QuotaPlaces = %d, want %d", got, tc.want)
			}
			if txt := QuotaText(rec, a); txt == "" {
				t.Error("no quota text")
			}
		})
	}
	rec := quotaRecord(1, nil, 0)
	if p, limited := QuotaPlaces(rec, rec.Plan.Awards[1]); p != 0 || limited {
		t.Errorf("no quota: %d, %v", p, limited)
	}
	if txt := QuotaText(rec, rec.Plan.Awards[1]); txt != "" {
		t.Errorf("no quota text = %q", txt)
	}
	a := rec.Plan.Awards[1]
	a.Quota = &model.Quota{ShareOf: awardBase, Share: model.Fraction{Num: 15, Den: 100}}
	if got, want := QuotaText(rec, a), "Chỉ tiêu: 15% số đạt Lao động tiên tiến: 1 × 15% = 0 suất (làm tròn xuống)"; got != want {
		t.Errorf("QuotaText = %q, want %q", got, want)
	}
	a.Quota = &model.Quota{Count: 3}
	if got, want := QuotaText(rec, a), "Chỉ tiêu: 3 suất"; got != want {
		t.Errorf("QuotaText = %q, want %q", got, want)
	}
}

// TestStanding_ShareOfQuota ranks a round against a share of the base
// award's winners: 13 × 15% = 1,95, one place.
func TestStanding_ShareOfQuota(t *testing.T) {
	rec := quotaRecord(13, &model.Quota{ShareOf: awardBase, Share: model.Fraction{Num: 15, Den: 100}}, 0)
	r := closeRound(rec, 1, 0, ids(1, 2, 3), 6, 8, 7)
	s := Standing(rec, r)
	if s.Places != 1 || !slices.Equal(s.Within, ids(2)) || !slices.Equal(s.Out, ids(3, 1)) {
		t.Errorf("standing %+v", s)
	}
}

func TestStanding_RevoteResolves(t *testing.T) {
	rec := quotaRecord(5, &model.Quota{Count: 3}, model.TieRevote)
	first := closeRound(rec, 1, 0, ids(1, 2, 3, 4, 5), 8, 6, 6, 6, 3)
	s := Standing(rec, first)
	if !s.NeedsRevote() || s.Remaining != 2 || !slices.Equal(s.Tied, ids(2, 3, 4)) {
		t.Fatalf("first round standing %+v", s)
	}
	// An open re-vote: the tied nominees are in a round, the tie waits.
	rec.Rounds = append(rec.Rounds, model.Round{ID: 2, Award: awardQuota, Seq: 2, Parent: 1, Status: model.RoundOpen, Nominees: ids(2, 3, 4)})
	s = Standing(rec, first)
	if s.NeedsRevote() || s.Settled || s.Revote != 2 {
		t.Errorf("with the re-vote open: %+v", s)
	}
	if st := StatusOf(rec, &rec.Nominees[1], awardQuota); st != StatusInRound {
		t.Errorf("tied nominee during the re-vote: %s", st.Label())
	}
	// The re-vote closes: 2 and 4 take the two places; 3 is out.
	rec.Rounds = rec.Rounds[:1]
	re := closeRound(rec, 2, 1, ids(2, 3, 4), 7, 5, 8)
	s = Standing(rec, first)
	if !s.Settled || s.NeedsRevote() || s.Revote != 2 {
		t.Errorf("after the re-vote: %+v", s)
	}
	rs := Standing(rec, re)
	if rs.Places != 2 || !slices.Equal(rs.Within, ids(4, 2)) || !slices.Equal(rs.Out, ids(3)) || rs.Tie() {
		t.Errorf("re-vote standing %+v", rs)
	}
	want := map[int64]Status{1: StatusPassed, 2: StatusPassed, 3: StatusOverQuota, 4: StatusPassed, 5: StatusFailed}
	for id, w := range want {
		if got := StatusOf(rec, &rec.Nominees[id-1], awardQuota); got != w {
			t.Errorf("nominee %d: %s, want %s", id, got.Label(), w.Label())
		}
	}
	if got := recommendedFor(rec); !slices.Equal(got, ids(1, 2, 4)) {
		t.Errorf("recommended %v", got)
	}
}

func TestStanding_RevoteTiesAgain(t *testing.T) {
	rec := quotaRecord(4, &model.Quota{Count: 2}, 0)
	first := closeRound(rec, 1, 0, ids(1, 2, 3, 4), 9, 7, 7, 7)
	re := closeRound(rec, 2, 1, ids(2, 3, 4), 6, 6, 8) // 4 takes the one place left
	s := Standing(rec, first)
	if s.Remaining != 1 || !s.Settled {
		t.Fatalf("first %+v", s)
	}
	rs := Standing(rec, re)
	if !slices.Equal(rs.Within, ids(4)) || rs.Tie() {
		t.Fatalf("re-vote %+v", rs)
	}

	// The same, but the re-vote ties again: another re-vote is needed.
	rec = quotaRecord(4, &model.Quota{Count: 2}, 0)
	closeRound(rec, 1, 0, ids(1, 2, 3, 4), 9, 7, 7, 7)
	re = closeRound(rec, 2, 1, ids(2, 3, 4), 6, 6, 5)
	rs = Standing(rec, re)
	if !rs.NeedsRevote() || rs.Places != 1 || rs.Remaining != 1 || !slices.Equal(rs.Tied, ids(2, 3)) || !slices.Equal(rs.Out, ids(4)) {
		t.Fatalf("re-vote tying again %+v", rs)
	}
	want := map[int64]Status{1: StatusPassed, 2: StatusTieRevote, 3: StatusTieRevote, 4: StatusOverQuota}
	for id, w := range want {
		if got := StatusOf(rec, &rec.Nominees[id-1], awardQuota); got != w {
			t.Errorf("nominee %d: %s, want %s", id, got.Label(), w.Label())
		}
	}
	if got := recommendedFor(rec); !slices.Equal(got, ids(1)) {
		t.Errorf("recommended while tied %v", got)
	}
	// The second re-vote settles it; a nominee below the threshold there
	// does not take the place.
	closeRound(rec, 3, 2, ids(2, 3), 4, 5)
	if got := recommendedFor(rec); !slices.Equal(got, ids(1, 3)) {
		t.Errorf("recommended after the second re-vote %v", got)
	}
	if st := StatusOf(rec, &rec.Nominees[1], awardQuota); st != StatusFailed {
		t.Errorf("below the threshold in the re-vote: %s", st.Label())
	}
	if s := Standing(rec, re); !s.Settled || s.Revote != 3 {
		t.Errorf("first re-vote after the second %+v", s)
	}
}

func TestStanding_ChairDecides(t *testing.T) {
	rec := quotaRecord(4, &model.Quota{Count: 2}, model.TieChair)
	first := closeRound(rec, 1, 0, ids(1, 2, 3, 4), 9, 7, 7, 7)
	s := Standing(rec, first)
	if !s.NeedsChair() || s.NeedsRevote() || s.Break != model.TieChair || s.Remaining != 1 {
		t.Fatalf("standing %+v", s)
	}
	if st := StatusOf(rec, &rec.Nominees[2], awardQuota); st != StatusTieChair || st.Label() != "Hòa ở ranh giới chỉ tiêu — chờ chủ tọa quyết định" {
		t.Errorf("tied nominee: %s", st.Label())
	}
	rec.Decisions = append(rec.Decisions, model.ChairDecision{Award: awardQuota, Round: 1, Tied: ids(2, 3, 4), Chosen: ids(3), Chair: "Nguyễn Văn An"})
	s = Standing(rec, first)
	if s.NeedsChair() || !s.Settled || !s.Decided || s.Decision.Chair != "Nguyễn Văn An" {
		t.Errorf("after the decision %+v", s)
	}
	want := map[int64]Status{1: StatusPassed, 2: StatusOverQuota, 3: StatusPassed, 4: StatusOverQuota}
	for id, w := range want {
		if got := StatusOf(rec, &rec.Nominees[id-1], awardQuota); got != w {
			t.Errorf("nominee %d: %s, want %s", id, got.Label(), w.Label())
		}
	}
	if got := recommendedFor(rec); !slices.Equal(got, ids(1, 3)) {
		t.Errorf("recommended %v", got)
	}
}

// TestStanding_LaterRound gives a second first round only the places the
// earlier one left, counting places held for an unsettled tie.
func TestStanding_LaterRound(t *testing.T) {
	rec := quotaRecord(6, &model.Quota{Count: 3}, 0)
	closeRound(rec, 1, 0, ids(1, 2, 3), 9, 6, 6) // three passing for three places: all within
	later := closeRound(rec, 2, 0, ids(4, 5, 6), 9, 8, 4)
	s := Standing(rec, later)
	if s.Places != 0 || !slices.Equal(s.Out, ids(4, 5)) || len(s.Within) != 0 {
		t.Errorf("later round %+v", s)
	}

	rec = quotaRecord(6, &model.Quota{Count: 3}, 0)
	rec.Plan.Awards[1].Quota.Count = 4
	closeRound(rec, 1, 0, ids(1, 2, 3), 9, 6, 6) // quota 4: all three within, one place left
	later = closeRound(rec, 2, 0, ids(4, 5, 6), 9, 8, 4)
	if s := Standing(rec, later); s.Places != 1 || !slices.Equal(s.Within, ids(4)) {
		t.Errorf("later round with one place left %+v", s)
	}

	rec = quotaRecord(6, &model.Quota{Count: 3}, model.TieChair)
	closeRound(rec, 1, 0, ids(1, 2, 3, 4), 9, 6, 6, 6) // 1 within, 2 places held for the tie
	later = closeRound(rec, 2, 0, ids(5, 6), 9, 8)
	if s := Standing(rec, later); s.Places != 0 {
		t.Errorf("places held for a tie were given away: %+v", s)
	}
	rec.Decisions = []model.ChairDecision{{Award: awardQuota, Round: 1, Tied: ids(2, 3, 4), Chosen: ids(2, 4)}}
	if s := Standing(rec, later); s.Places != 0 {
		t.Errorf("after the decision: %+v", s)
	}
}

func TestStanding_OpenRoundAndUnknown(t *testing.T) {
	rec := quotaRecord(2, &model.Quota{Count: 1}, 0)
	r := model.Round{ID: 1, Award: awardQuota, Seq: 1, Status: model.RoundOpen, Nominees: ids(1, 2)}
	rec.Rounds = append(rec.Rounds, r)
	if s := Standing(rec, r); s.Closed || s.Tie() || len(s.Within) != 0 {
		t.Errorf("open round standing %+v", s)
	}
	for _, st := range []Status{StatusOverQuota, StatusTieRevote, StatusTieChair} {
		if st.Label() == "?" {
			t.Errorf("status %d has no label", st)
		}
	}
	if !StatusOverQuota.Final() || StatusTieRevote.Final() || StatusTieChair.Final() {
		t.Error("Final: over quota is final, a tie is not")
	}
}

// BenchmarkRecommended_Quota_5000 measures the conclusion of a large
// meeting whose award has a quota and a tie.
func BenchmarkRecommended_Quota_5000(b *testing.B) {
	rec := quotaRecord(5000, &model.Quota{Count: 300}, 0)
	all := make([]int64, 500)
	agree := make([]int, 500)
	for i := range all {
		all[i] = int64(i + 1)
		agree[i] = 5 + i%5
	}
	closeRound(rec, 1, 0, all, agree...)
	b.ReportAllocs()
	for b.Loop() {
		Recommended(rec)
	}
}

func TestNoPlaceLeft_SaysTheArithmetic(t *testing.T) {
	p := model.SamplePlan()
	for i := range p.Awards {
		if p.Awards[i].Code == "CSTDCS" {
			p.Awards[i].Quota = &model.Quota{ShareOf: "LDTT", Share: model.Fraction{Num: 15, Den: 100}}
		}
	}
	rec := &model.Record{Plan: p}
	cs, _ := p.Award("CSTDCS")
	why := NoPlaceLeft(rec, cs)
	if !strings.Contains(why, "0 suất") || !strings.Contains(why, cs.Name) {
		t.Fatalf("NoPlaceLeft = %q", why)
	}
	gk, _ := p.Award("GK_HUYEN")
	if why := NoPlaceLeft(rec, gk); why != "" {
		t.Fatalf("a quota of 3 with nothing filled: %q", why)
	}
	free, _ := p.Award("GK_TT")
	if why := NoPlaceLeft(rec, free); why != "" {
		t.Fatalf("an award without a quota: %q", why)
	}
}
