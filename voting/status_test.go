package voting

import (
	"fmt"
	"slices"
	"testing"

	"hoidong/model"
)

const (
	awardVote = "CSTD" // secret ballot, ≥ 70% of all members
	awardFree = "LDTT" // no ballot
)

func testPlan() model.Plan {
	return model.Plan{
		Awards: []model.Award{
			{Code: awardFree, Name: "Lao động tiên tiến", Recipients: model.ForIndividual, Rule: model.Rule{}},
			{Code: awardVote, Name: "Chiến sĩ thi đua cơ sở", Recipients: model.ForBoth, Rule: rule(70, 100, model.AtLeast, model.BaseAllMembers)},
		},
		Criteria: []model.CriteriaSet{
			{Kind: model.KindIndividual, Criteria: []model.Criterion{{Text: "Hoàn thành tốt nhiệm vụ", Required: true}, {Text: "Có sáng kiến", Required: false}}},
			{Kind: model.KindCollective, Criteria: []model.Criterion{{Text: "Hoàn thành xuất sắc nhiệm vụ", Required: true}}},
			{Kind: model.KindIndividual, Award: awardVote, Criteria: []model.Criterion{{Text: "Có sáng kiến được công nhận", Required: true}, {Text: "Đạt Lao động tiên tiến", Required: true}, {Text: "Tham gia phong trào", Required: false}}},
		},
		Eligibility: []model.EligibilityCheck{
			{Code: "kyluat", Text: "đang bị kỷ luật", Effect: model.EffectExclude},
			{Code: "xemxet", Text: "đang xem xét kỷ luật, khiếu nại, tố cáo", Effect: model.EffectDefer},
		},
		Meeting: model.MeetingSettings{Quorum: model.Fraction{Num: 2, Den: 3}},
	}
}

func checks(kyluat, xemxet bool) []model.CheckMark {
	return []model.CheckMark{{Code: "kyluat", Confirmed: true, Applies: kyluat}, {Code: "xemxet", Confirmed: true, Applies: xemxet}}
}

func marks(ms ...model.Mark) []model.CriterionMark {
	out := make([]model.CriterionMark, len(ms))
	for i, m := range ms {
		out[i].Mark = m
	}
	return out
}

const (
	N = model.MarkNone
	Y = model.MarkMet
	X = model.MarkNotMet
)

func person(id int64, cs []model.CheckMark, cands ...model.Candidacy) model.NomineeRecord {
	return model.NomineeRecord{Nominee: model.Nominee{ID: id, Kind: model.KindIndividual, Name: fmt.Sprintf("Người %d", id)}, Checks: cs, Candidacies: cands}
}

func unit(id int64, cs []model.CheckMark, cands ...model.Candidacy) model.NomineeRecord {
	n := person(id, cs, cands...)
	n.Kind = model.KindCollective
	n.Name = fmt.Sprintf("Đơn vị %d", id)
	return n
}

func TestEligibilityOf_Branches(t *testing.T) {
	p := testPlan()
	tests := []struct {
		name   string
		plan   *model.Plan
		checks []model.CheckMark
		want   model.Eligibility
		reason string
	}{
		{"plan without checks", &model.Plan{}, nil, model.EligibilityEligible, ""},
		{"all confirmed none apply", &p, checks(false, false), model.EligibilityEligible, ""},
		{"exclude applies", &p, checks(true, false), model.EligibilityExcluded, "Không khen thưởng: đang bị kỷ luật"},
		{"defer applies", &p, checks(false, true), model.EligibilityDeferred, "Chưa xét: đang xem xét kỷ luật, khiếu nại, tố cáo"},
		{"exclude beats defer", &p, checks(true, true), model.EligibilityExcluded, "Không khen thưởng: đang bị kỷ luật"},
		{"nothing confirmed", &p, []model.CheckMark{{Code: "kyluat"}, {Code: "xemxet"}}, model.EligibilityPending, ""},
		{"one unconfirmed", &p, []model.CheckMark{{Code: "kyluat", Confirmed: true}, {Code: "xemxet"}}, model.EligibilityPending, ""},
		{"applies but unconfirmed", &p, []model.CheckMark{{Code: "kyluat", Applies: true}, {Code: "xemxet", Confirmed: true}}, model.EligibilityPending, ""},
		{"confirmed exclude with another unconfirmed", &p, []model.CheckMark{{Code: "kyluat", Confirmed: true, Applies: true}, {Code: "xemxet"}}, model.EligibilityExcluded, "Không khen thưởng: đang bị kỷ luật"},
		{"missing marks", &p, nil, model.EligibilityPending, ""},
		{"marks out of order by code", &p, []model.CheckMark{{Code: "xemxet", Confirmed: true, Applies: true}, {Code: "kyluat", Confirmed: true}}, model.EligibilityDeferred, "Chưa xét: đang xem xét kỷ luật, khiếu nại, tố cáo"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := person(1, tt.checks)
			if got := EligibilityOf(tt.plan, &n); got != tt.want {
				t.Errorf("EligibilityOf = %v, want %v", got, tt.want)
			}
			if got := EligibilityReason(tt.plan, &n); got != tt.reason {
				t.Errorf("EligibilityReason = %q, want %q", got, tt.reason)
			}
		})
	}
}

func TestChecklistOf_Counts(t *testing.T) {
	p := testPlan()
	tests := []struct {
		name  string
		n     model.NomineeRecord
		award string
		want  Checklist
		done  bool
	}{
		{"general set complete", person(1, nil, model.Candidacy{Award: awardFree, Marks: marks(Y, X)}), awardFree, Checklist{Total: 2, Marked: 2, Met: 1, NotMet: 1}, true},
		{"award set partial", person(1, nil, model.Candidacy{Award: awardVote, Marks: marks(Y, N, X)}), awardVote, Checklist{Total: 3, Marked: 2, Met: 1, NotMet: 1}, false},
		{"required not met", person(1, nil, model.Candidacy{Award: awardVote, Marks: marks(X, X, Y)}), awardVote, Checklist{Total: 3, Marked: 3, Met: 1, NotMet: 2, RequiredNotMet: 2}, true},
		{"short marks", person(1, nil, model.Candidacy{Award: awardVote, Marks: marks(Y)}), awardVote, Checklist{Total: 3, Marked: 1, Met: 1}, false},
		{"not proposed", person(1, nil), awardVote, Checklist{Total: 3}, false},
		{"collective uses its set", unit(1, nil, model.Candidacy{Award: awardVote, Marks: marks(Y)}), awardVote, Checklist{Total: 1, Marked: 1, Met: 1}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ChecklistOf(&p, &tt.n, tt.award)
			if got != tt.want || got.Complete() != tt.done {
				t.Errorf("ChecklistOf = %+v (complete %v), want %+v (%v)", got, got.Complete(), tt.want, tt.done)
			}
		})
	}
	n := person(1, nil, model.Candidacy{Award: awardVote, Marks: marks(X, X, X)})
	if got, want := CriteriaReason(&p, &n, awardVote), "Không đạt tiêu chuẩn: Có sáng kiến được công nhận; Đạt Lao động tiên tiến"; got != want {
		t.Errorf("CriteriaReason = %q, want %q", got, want)
	}
}

// statusRecord holds one nominee per status branch, ids 1…, and rounds for awardVote.
func statusRecord() (*model.Record, map[int64]Status) {
	p := testPlan()
	ok := checks(false, false)
	vote := func(ms ...model.Mark) model.Candidacy { return model.Candidacy{Award: awardVote, Marks: marks(ms...)} }
	rec := &model.Record{Plan: p, Members: members(9, 9)}
	rec.Nominees = []model.NomineeRecord{
		person(1, ok, vote(Y, Y, N)),                  // pending: incomplete
		person(2, checks(true, false), vote(Y, Y, Y)), // excluded
		person(3, checks(false, true), vote(Y, Y, Y)), // deferred
		person(4, ok, vote(Y, X, N)),                  // criteria failed, even incomplete
		person(5, ok, vote(Y, Y, X)),                  // ready: optional not met
		unit(6, ok, vote(Y)),                          // ready collective
		person(7, ok, vote(Y, Y, Y)),                  // in open round
		person(8, ok, vote(Y, Y, Y)),                  // passed
		person(9, ok, vote(Y, Y, Y)),                  // failed
		person(10, ok, vote(Y, Y, Y)),                 // failed then passed in a later round
		person(11, ok, vote(Y, Y, Y)),                 // passed then failed in a later round (re-vote)
		person(12, nil, vote(Y, Y, Y)),                // pending: eligibility not confirmed
		person(13, ok),                                // not proposed for the award
		unit(14, ok, vote(Y)),                         // passed collective
	}
	rec.Rounds = []model.Round{
		{ID: 1, Award: awardVote, Seq: 1, Status: model.RoundClosed, Nominees: []int64{8, 9, 10, 11, 14},
			Results: []model.ResultLine{{NomineeID: 8, Pass: true}, {NomineeID: 9}, {NomineeID: 10}, {NomineeID: 11, Pass: true}, {NomineeID: 14, Pass: true}}},
		{ID: 3, Award: awardVote, Seq: 3, Status: model.RoundOpen, Nominees: []int64{7}},
		{ID: 2, Award: awardVote, Seq: 2, Status: model.RoundClosed, Nominees: []int64{10, 11},
			Results: []model.ResultLine{{NomineeID: 10, Pass: true}, {NomineeID: 11}}},
	}
	want := map[int64]Status{
		1: StatusPending, 2: StatusExcluded, 3: StatusDeferred, 4: StatusCriteriaFailed, 5: StatusReady,
		6: StatusReady, 7: StatusInRound, 8: StatusPassed, 9: StatusFailed, 10: StatusPassed, 11: StatusFailed,
		12: StatusPending, 13: StatusPending, 14: StatusPassed,
	}
	return rec, want
}

func TestStatusOf_Branches(t *testing.T) {
	rec, want := statusRecord()
	ix := NewIndex(rec)
	for i := range rec.Nominees {
		n := &rec.Nominees[i]
		t.Run(n.Name, func(t *testing.T) {
			if got := StatusOf(rec, n, awardVote); got != want[n.ID] {
				t.Errorf("StatusOf = %v (%s), want %v (%s)", got, got.Label(), want[n.ID], want[n.ID].Label())
			}
			if got := ix.Status(n, awardVote); got != want[n.ID] {
				t.Errorf("Index.Status = %v (%s), want %v (%s)", got, got.Label(), want[n.ID], want[n.ID].Label())
			}
		})
	}
}

func TestStatusOf_NoBallotAward(t *testing.T) {
	p := testPlan()
	ok := checks(false, false)
	free := func(ms ...model.Mark) model.Candidacy { return model.Candidacy{Award: awardFree, Marks: marks(ms...)} }
	tests := []struct {
		name string
		n    model.NomineeRecord
		want Status
	}{
		{"complete and eligible is approved", person(1, ok, free(Y, Y)), StatusApproved},
		{"optional not met is approved", person(1, ok, free(Y, X)), StatusApproved},
		{"required not met", person(1, ok, free(X, Y)), StatusCriteriaFailed},
		{"incomplete", person(1, ok, free(Y, N)), StatusPending},
		{"eligibility pending", person(1, nil, free(Y, Y)), StatusPending},
		{"excluded", person(1, checks(true, false), free(Y, Y)), StatusExcluded},
		{"deferred", person(1, checks(false, true), free(Y, Y)), StatusDeferred},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &model.Record{Plan: p, Nominees: []model.NomineeRecord{tt.n}}
			if got := StatusOf(rec, &rec.Nominees[0], awardFree); got != tt.want {
				t.Errorf("StatusOf = %s, want %s", got.Label(), tt.want.Label())
			}
			if got := Candidates(rec, awardFree); len(got) != 0 {
				t.Errorf("Candidates for a no-ballot award = %v, want none", got)
			}
		})
	}
}

func TestStatusOf_UnknownAward(t *testing.T) {
	rec, _ := statusRecord()
	n := person(50, checks(false, false), model.Candidacy{Award: "KHAC", Marks: marks(Y, Y)})
	rec.Nominees = append(rec.Nominees, n)
	if got := StatusOf(rec, &n, "KHAC"); got != StatusReady {
		t.Errorf("StatusOf unknown award = %s, want %s", got.Label(), StatusReady.Label())
	}
	if got := NewIndex(rec).Status(&n, "KHAC"); got != StatusReady {
		t.Errorf("Index.Status unknown award = %s, want %s", got.Label(), StatusReady.Label())
	}
}

func TestCandidates_ReadyOnly(t *testing.T) {
	rec, _ := statusRecord()
	if got, want := Candidates(rec, awardVote), []int64{5, 6}; !slices.Equal(got, want) {
		t.Errorf("Candidates = %v, want %v", got, want)
	}
	if got := Candidates(rec, "KHAC"); len(got) != 0 {
		t.Errorf("Candidates unknown award = %v", got)
	}
}

func TestFrozen_AnyRound(t *testing.T) {
	rec, _ := statusRecord()
	ix := NewIndex(rec)
	tests := []struct {
		id    int64
		award string
		want  bool
	}{
		{7, awardVote, true}, {8, awardVote, true}, {9, awardVote, true}, {5, awardVote, false}, {8, awardFree, false}, {8, "KHAC", false},
	}
	for _, tt := range tests {
		if got := Frozen(rec, tt.id, tt.award); got != tt.want {
			t.Errorf("Frozen(%d, %s) = %v, want %v", tt.id, tt.award, got, tt.want)
		}
		if got := ix.Frozen(tt.id, tt.award); got != tt.want {
			t.Errorf("Index.Frozen(%d, %s) = %v, want %v", tt.id, tt.award, got, tt.want)
		}
	}
}

func TestIndex_Lookups(t *testing.T) {
	rec, _ := statusRecord()
	ix := NewIndex(rec)
	if n, ok := ix.Nominee(6); !ok || n.ID != 6 || n != &rec.Nominees[5] {
		t.Errorf("Index.Nominee(6) = %v, %v", n, ok)
	}
	if _, ok := ix.Nominee(404); ok {
		t.Error("Index.Nominee(404) found")
	}
	if m, ok := ix.Member(3); !ok || m.ID != 3 {
		t.Errorf("Index.Member(3) = %v, %v", m, ok)
	}
	if n, ok := rec.NomineeByID(6); !ok || n != &rec.Nominees[5] {
		t.Errorf("NomineeByID(6) = %v, %v", n, ok)
	}
	if _, ok := rec.NomineeByID(404); ok {
		t.Error("NomineeByID(404) found")
	}
	if m, ok := rec.MemberByID(999); !ok || m.Votes {
		t.Errorf("MemberByID(999) = %v, %v", m, ok)
	}
	if _, ok := rec.MemberByID(404); ok {
		t.Error("MemberByID(404) found")
	}
	r, l, ok := ix.Result(10, awardVote)
	if !ok || r.Seq != 2 || !l.Pass {
		t.Errorf("Index.Result(10) = round %d %+v %v, want round 2 pass", r.Seq, l, ok)
	}
	if _, _, ok := ix.Result(5, awardVote); ok {
		t.Error("Index.Result(5) found")
	}
}

func TestOpenRound_Found(t *testing.T) {
	rec, _ := statusRecord()
	if r, ok := rec.OpenRound(); !ok || r.ID != 3 {
		t.Errorf("OpenRound = %d, %v, want 3", r.ID, ok)
	}
	rec.Rounds = rec.Rounds[:1]
	if _, ok := rec.OpenRound(); ok {
		t.Error("OpenRound found one among closed rounds")
	}
}

func TestNextVoter_Order(t *testing.T) {
	rec := &model.Record{Members: members(5, 4)}                    // 1–4 present, 5 absent, 999 non-voting
	rec.Members[0], rec.Members[2] = rec.Members[2], rec.Members[0] // record order 3, 2, 1, 4
	tests := []struct {
		name   string
		voters []int64
		skip   int
		want   int64
		ok     bool
	}{
		{"nobody voted", nil, 0, 3, true},
		{"first voted", []int64{3}, 0, 2, true},
		{"out of order", []int64{1, 2, 3}, 0, 4, true},
		{"all present voted", []int64{1, 2, 3, 4}, 0, 0, false},
		{"first not ready", nil, 1, 2, true},
		{"passed over everyone comes back to the first", nil, 4, 3, true},
		{"passed over, one left", []int64{1, 2, 3}, 5, 4, true},
		{"all present voted, passed over", []int64{1, 2, 3, 4}, 3, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, ok := NextVoter(rec, model.Round{Voters: tt.voters}, tt.skip)
			if ok != tt.ok || m.ID != tt.want {
				t.Errorf("NextVoter = %d, %v, want %d, %v", m.ID, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestRecommended_PerAward(t *testing.T) {
	rec, _ := statusRecord()
	ok := checks(false, false)
	rec.Nominees = append(rec.Nominees,
		person(20, ok, model.Candidacy{Award: awardFree, Marks: marks(Y, Y)}),
		person(21, ok, model.Candidacy{Award: awardFree, Marks: marks(X, Y)}),
	)
	got := Recommended(rec)
	if len(got) != 2 {
		t.Fatalf("Recommended has %d awards, want 2", len(got))
	}
	if got[0].Award.Code != awardFree || !slices.Equal(got[0].Individual, []int64{20}) || len(got[0].Collective) != 0 || got[0].Collective == nil {
		t.Errorf("first = %+v", got[0])
	}
	if got[1].Award.Code != awardVote || !slices.Equal(got[1].Individual, []int64{8, 10}) || !slices.Equal(got[1].Collective, []int64{14}) {
		t.Errorf("second = %+v", got[1])
	}
	empty := Recommended(&model.Record{Plan: testPlan()})
	if len(empty) != 2 || empty[0].Individual == nil || len(empty[1].Collective) != 0 {
		t.Errorf("empty = %+v", empty)
	}
}

func bigRecord(n int) *model.Record {
	p := testPlan()
	rec := &model.Record{Plan: p, Members: members(31, 29)}
	ok := checks(false, false)
	for i := 0; i < n; i++ {
		ms := marks(Y, Y, Y)
		if i%10 == 0 {
			ms = marks(Y, N, N)
		}
		rec.Nominees = append(rec.Nominees, person(int64(i+1), ok, model.Candidacy{Award: awardVote, Marks: ms}, model.Candidacy{Award: awardFree, Marks: marks(Y, Y)}))
	}
	// Two closed rounds of 500 each.
	for r := 0; r < 2; r++ {
		round := model.Round{ID: int64(r + 1), Seq: r + 1, Award: awardVote, Status: model.RoundClosed}
		for i := 0; i < 500; i++ {
			id := int64(r*500 + i + 1)
			round.Nominees = append(round.Nominees, id)
			round.Results = append(round.Results, model.ResultLine{NomineeID: id, Pass: i%3 != 0})
		}
		rec.Rounds = append(rec.Rounds, round)
	}
	return rec
}

func TestCandidates_Big(t *testing.T) {
	rec := bigRecord(5000)
	got := Candidates(rec, awardVote)
	if len(got) != 4000-400 { // 4,000 not in rounds, a tenth of them incomplete
		t.Errorf("Candidates = %d, want 3600", len(got))
	}
}

func BenchmarkCandidates_5000(b *testing.B) {
	rec := bigRecord(5000)
	b.ReportAllocs()
	for b.Loop() {
		Candidates(rec, awardVote)
	}
}

func BenchmarkIndexStatus_5000(b *testing.B) {
	rec := bigRecord(5000)
	ix := NewIndex(rec)
	b.ReportAllocs()
	for b.Loop() {
		for i := range rec.Nominees {
			ix.Status(&rec.Nominees[i], awardVote)
		}
	}
}

func BenchmarkRecommended_5000(b *testing.B) {
	rec := bigRecord(5000)
	b.ReportAllocs()
	for b.Loop() {
		Recommended(rec)
	}
}

func TestProgressOf_CountsEveryCandidacy(t *testing.T) {
	rec, _ := statusRecord()
	p := ProgressOf(rec)
	want := 0
	ix := NewIndex(rec)
	pending, ready := 0, 0
	for i := range rec.Nominees {
		for _, cd := range rec.Nominees[i].Candidacies {
			want++
			switch ix.Status(&rec.Nominees[i], cd.Award) {
			case StatusPending:
				pending++
			case StatusReady:
				ready++
			}
		}
	}
	if p.Candidacies != want || p.Pending != pending || p.Ready != ready || p.Reviewed() != want-pending {
		t.Fatalf("ProgressOf = %+v, want %d candidacies, %d pending, %d ready", p, want, pending, ready)
	}
	if want == 0 || pending == 0 && ready == 0 {
		t.Fatal("the fixture exercises nothing")
	}
}
