package store

import (
	"context"
	"slices"
	"strings"
	"testing"

	"hoidong/model"
	"hoidong/voting"
)

// quotaMeeting opens a store holding testPlan with one LDTT place, settled
// by tb when tied, members 1–4 present and nominees 1 and 4 ready.
func quotaMeeting(t *testing.T, tb model.TieBreak) *Store {
	t.Helper()
	s := openTest(t)
	p := testPlan()
	p.Awards[0].Quota = &model.Quota{Count: 1}
	p.Awards[0].TieBreak = tb
	createMeeting(t, s, p)
	ready(t, s)
	return s
}

// vote casts the four members' ballots in an electronic round, member m
// agreeing with nominee n when agree(m, n), and closes it.
func vote(t *testing.T, s *Store, id int64, nominees []int64, agree func(m, n int64) bool) {
	t.Helper()
	ctx := context.Background()
	for m := int64(1); m <= 4; m++ {
		c := map[int64]bool{}
		for _, n := range nominees {
			c[n] = agree(m, n)
		}
		must(t, s.CastBallot(ctx, id, m, "", c))
	}
	must(t, s.CloseRound(ctx, id, testKey(t, s)))
}

func everyone(_, _ int64) bool { return true }

func statusOf(t *testing.T, rec *model.Record, id int64) voting.Status {
	t.Helper()
	n, ok := rec.NomineeByID(id)
	if !ok {
		t.Fatalf("no nominee %d", id)
	}
	return voting.StatusOf(rec, n, "LDTT")
}

func verifyOK(t *testing.T, s *Store) {
	t.Helper()
	rep, err := s.Verify(context.Background())
	must(t, err)
	if !rep.OK() {
		t.Errorf("verify: %s", rep.Problem)
	}
}

func TestRevote_SettlesATie(t *testing.T) {
	ctx := context.Background()
	s := quotaMeeting(t, model.TieRevote)
	first, err := s.OpenRound(ctx, "LDTT", []int64{1, 4})
	must(t, err)
	_, err = s.OpenRevote(ctx, first)
	wantCode(t, err, model.EConflict) // the round is still open
	vote(t, s, first, []int64{1, 4}, everyone)
	rec := record(t, s)
	st := voting.Standing(&rec, rec.Rounds[0])
	if !st.NeedsRevote() || !slices.Equal(st.Tied, []int64{1, 4}) || st.Remaining != 1 {
		t.Fatalf("standing %+v", st)
	}
	if got := statusOf(t, &rec, 1); got != voting.StatusTieRevote {
		t.Errorf("tied nominee %s", got.Label())
	}
	err = s.DecideTie(ctx, first, []int64{1}, "")
	wantCode(t, err, model.EConflict) // the plan says re-vote

	re, err := s.OpenRevote(ctx, first)
	must(t, err)
	rec = record(t, s)
	r := rec.Rounds[1]
	if r.Parent != first || r.Award != "LDTT" || r.Mode != model.RoundElectronic || !slices.Equal(r.Nominees, []int64{1, 4}) {
		t.Fatalf("re-vote round %+v", r)
	}
	if _, keyed, err := sealedCount(ctx, s.db, re); err != nil || !keyed {
		t.Errorf("the electronic re-vote has no round key (%v): its ballots would not be sealed", err)
	}
	// Nominee 4 gets 3 of 4 (75%, still passing), nominee 1 all 4.
	vote(t, s, re, []int64{1, 4}, func(m, n int64) bool { return n == 1 || m != 4 })
	rec = record(t, s)
	if got := statusOf(t, &rec, 1); got != voting.StatusPassed {
		t.Errorf("nominee 1 %s", got.Label())
	}
	if got := statusOf(t, &rec, 4); got != voting.StatusOverQuota {
		t.Errorf("nominee 4 %s", got.Label())
	}
	for _, l := range voting.Recommended(&rec) {
		if l.Award.Code == "LDTT" && !slices.Equal(l.Individual, []int64{1}) {
			t.Errorf("recommended %v", l.Individual)
		}
	}
	_, err = s.OpenRevote(ctx, first)
	e := wantCode(t, err, model.EConflict)
	if !strings.Contains(e.Message, "đã được bỏ phiếu lại ở vòng 2") {
		t.Errorf("message %q", e.Message)
	}
	_, err = s.OpenRevote(ctx, re)
	wantCode(t, err, model.EConflict) // no tie left
	_, err = s.OpenRevote(ctx, 99)
	wantCode(t, err, model.ENotFound)
	verifyOK(t, s)
}

func TestRevote_TiesAgain(t *testing.T) {
	ctx := context.Background()
	s := quotaMeeting(t, 0) // no tie-break given: a re-vote
	first, err := s.OpenRound(ctx, "LDTT", []int64{1, 4})
	must(t, err)
	vote(t, s, first, []int64{1, 4}, everyone)
	re, err := s.OpenRevote(ctx, first)
	must(t, err)
	vote(t, s, re, []int64{1, 4}, func(m, _ int64) bool { return m != 2 }) // 3 and 3
	rec := record(t, s)
	if st := voting.Standing(&rec, rec.Rounds[1]); !st.NeedsRevote() || st.Remaining != 1 {
		t.Fatalf("re-vote standing %+v", st)
	}
	again, err := s.OpenRevote(ctx, re)
	must(t, err)
	vote(t, s, again, []int64{1, 4}, func(m, n int64) bool { return n == 4 || m == 1 }) // 1 of 4 and 4 of 4
	rec = record(t, s)
	if rec.Rounds[2].Parent != re {
		t.Errorf("second re-vote's parent %d, want %d", rec.Rounds[2].Parent, re)
	}
	if got := statusOf(t, &rec, 4); got != voting.StatusPassed {
		t.Errorf("nominee 4 %s", got.Label())
	}
	if got := statusOf(t, &rec, 1); got != voting.StatusFailed {
		t.Errorf("nominee 1 %s", got.Label()) // 1 of 4 does not reach 70% in the re-vote
	}
	verifyOK(t, s)
}

func TestRevote_PaperRoundRevotesOnPaper(t *testing.T) {
	ctx := context.Background()
	s := quotaMeeting(t, model.TieRevote)
	first, err := s.OpenPaperRound(ctx, "LDTT", []int64{1, 4})
	must(t, err)
	must(t, s.EnterPaperCounts(ctx, first, goodPaperTie()))
	re, err := s.OpenRevote(ctx, first)
	must(t, err)
	rec := record(t, s)
	if r := rec.Rounds[1]; r.Mode != model.RoundPaper || r.Parent != first {
		t.Errorf("re-vote %+v", r)
	}
	c := goodPaperTie()
	c.Agree[4] = 3
	must(t, s.EnterPaperCounts(ctx, re, c))
	rec = record(t, s)
	if statusOf(t, &rec, 1) != voting.StatusPassed || statusOf(t, &rec, 4) != voting.StatusOverQuota {
		t.Errorf("statuses %s, %s", statusOf(t, &rec, 1).Label(), statusOf(t, &rec, 4).Label())
	}
	verifyOK(t, s)
}

// goodPaperTie are paper counts that add up and tie nominees 1 and 4 at 4.
func goodPaperTie() voting.PaperCounts {
	return voting.PaperCounts{Issued: 4, Returned: 4, Valid: 4, Agree: map[int64]int{1: 4, 4: 4}}
}

func TestDecideTie_ChairChooses(t *testing.T) {
	ctx := context.Background()
	s := quotaMeeting(t, model.TieChair)
	first, err := s.OpenRound(ctx, "LDTT", []int64{1, 4})
	must(t, err)
	wantCode(t, s.DecideTie(ctx, first, []int64{4}, ""), model.EConflict) // still open
	vote(t, s, first, []int64{1, 4}, everyone)
	rec := record(t, s)
	if got := statusOf(t, &rec, 4); got != voting.StatusTieChair {
		t.Errorf("tied nominee %s", got.Label())
	}
	_, err = s.OpenRevote(ctx, first)
	e := wantCode(t, err, model.EConflict)
	if !strings.Contains(e.Message, "chủ tọa quyết định") {
		t.Errorf("message %q", e.Message)
	}
	before := record(t, s)
	for _, tc := range []struct {
		name   string
		chosen []int64
		what   string
	}{
		{"nobody", nil, "chủ tọa phải chọn đúng 1 đối tượng (đang chọn 0)"},
		{"too many", []int64{1, 4}, "chủ tọa phải chọn đúng 1 đối tượng (đang chọn 2)"},
		{"not tied", []int64{2}, "Vũ Văn Hải không nằm trong số đối tượng bằng phiếu"},
		{"twice", []int64{4, 4}, "Ngô Thị Yến được chọn hai lần"},
	} {
		e := wantCode(t, s.DecideTie(ctx, first, tc.chosen, ""), model.EInvalid)
		if !strings.Contains(e.Message, tc.what) {
			t.Errorf("%s: message %q, want …%s…", tc.name, e.Message, tc.what)
		}
	}
	if after := record(t, s); len(after.Events) != len(before.Events) || len(after.Decisions) != 0 {
		t.Error("a refused decision changed the record")
	}
	must(t, s.DecideTie(ctx, first, []int64{4}, "  Có sáng kiến được công nhận cấp huyện. "))
	rec = record(t, s)
	if len(rec.Decisions) != 1 {
		t.Fatalf("decisions %+v", rec.Decisions)
	}
	d := rec.Decisions[0]
	if d.Round != first || d.Award != "LDTT" || d.Chair != "Nguyễn Văn An" || d.Note != "Có sáng kiến được công nhận cấp huyện." ||
		!slices.Equal(d.Tied, []int64{1, 4}) || !slices.Equal(d.Chosen, []int64{4}) || d.At.IsZero() {
		t.Errorf("decision %+v", d)
	}
	if statusOf(t, &rec, 4) != voting.StatusPassed || statusOf(t, &rec, 1) != voting.StatusOverQuota {
		t.Errorf("statuses %s, %s", statusOf(t, &rec, 4).Label(), statusOf(t, &rec, 1).Label())
	}
	wantCode(t, s.DecideTie(ctx, first, []int64{1}, ""), model.EConflict) // final
	verifyOK(t, s)

	must(t, s.CloseMeeting(ctx))
	must(t, s.Close())
	path := copyFile(t, s.Path())
	db := rawDB(t, path)
	dropTriggers(t, db)
	_, err = db.Exec(`UPDATE decision_nominees SET chosen = 1 - chosen`)
	must(t, err)
	must(t, db.Close())
	want := "Bảng decision_nominees, quyết định của chủ tọa về vòng 1, đối tượng số 1 (Đỗ Thị Gấm): được chủ tọa chọn trong tệp là 1 nhưng nhật ký ghi 0"
	if rep := verifyFile(t, path); !strings.Contains(rep.Problem, want) {
		t.Errorf("problem %q, want …%s…", rep.Problem, want)
	}
	// The database refuses to change a decision even while the meeting is open.
	s2 := quotaMeeting(t, model.TieChair)
	id, err := s2.OpenRound(ctx, "LDTT", []int64{1, 4})
	must(t, err)
	vote(t, s2, id, []int64{1, 4}, everyone)
	must(t, s2.DecideTie(ctx, id, []int64{1}, ""))
	for _, q := range []string{`UPDATE decision_nominees SET chosen = 0`, `DELETE FROM chair_decisions`} {
		if _, err := s2.db.ExecContext(ctx, q); err == nil {
			t.Errorf("the database accepted %s", q)
		}
	}
}

func TestDecideTie_NoQuotaNoTie(t *testing.T) {
	ctx := context.Background()
	s := newMeeting(t)
	ready(t, s)
	id, err := s.OpenRound(ctx, "LDTT", []int64{1, 4})
	must(t, err)
	vote(t, s, id, []int64{1, 4}, everyone)
	e := wantCode(t, s.DecideTie(ctx, id, []int64{1}, ""), model.EConflict)
	if !strings.Contains(e.Message, "không có chỉ tiêu") {
		t.Errorf("message %q", e.Message)
	}
	_, err = s.OpenRevote(ctx, id)
	wantCode(t, err, model.EConflict)

	s = quotaMeeting(t, model.TieChair)
	id, err = s.OpenRound(ctx, "LDTT", []int64{1, 4})
	must(t, err)
	vote(t, s, id, []int64{1, 4}, func(_, n int64) bool { return n == 1 })
	e = wantCode(t, s.DecideTie(ctx, id, []int64{1}, ""), model.EConflict)
	if !strings.Contains(e.Message, "không có đối tượng bằng phiếu") {
		t.Errorf("message %q", e.Message)
	}
}

// TestSampleMeeting_Quotas runs the sample plan's quota awards: GK_HUYEN's
// six nominees all agreed on tie for its 3 places and go to a re-vote;
// CSTDCS gets the one place the superior level gave; as a share of the
// LĐTT winners, 15% of three rounds down to none.
func TestSampleMeeting_Quotas(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	createMeeting(t, s, model.SamplePlan())
	rec := record(t, s)
	for _, m := range rec.Members {
		must(t, s.SetAttendance(ctx, m.ID, model.AttendancePresent, ""))
	}
	for _, n := range rec.Nominees {
		for _, c := range rec.Plan.Eligibility {
			must(t, s.SetCheck(ctx, n.ID, c.Code, false))
		}
		for _, c := range n.Candidacies {
			for i := range c.Marks {
				must(t, s.SetMark(ctx, n.ID, c.Award, i, model.MarkMet, ""))
			}
		}
	}
	rec = record(t, s)
	ids := voting.Candidates(&rec, "GK_HUYEN")
	id, err := s.OpenRound(ctx, "GK_HUYEN", ids)
	must(t, err)
	for _, m := range rec.Members {
		if m.Votes {
			c := map[int64]bool{}
			for _, n := range ids {
				c[n] = true
			}
			must(t, s.CastBallot(ctx, id, m.ID, "", c))
		}
	}
	must(t, s.CloseRound(ctx, id, testKey(t, s)))
	rec = record(t, s)
	st := voting.Standing(&rec, rec.Rounds[0])
	if st.Places != 3 || len(st.Tied) != len(ids) || st.Remaining != 3 || !st.NeedsRevote() {
		t.Errorf("GK_HUYEN standing %+v", st)
	}
	cs, _ := rec.Plan.Award("CSTDCS")
	places, limited := voting.QuotaPlaces(&rec, cs)
	if !limited || places != 1 {
		t.Errorf("CSTDCS places %d, %v", places, limited)
	}
	cs.Quota = &model.Quota{ShareOf: "LDTT", Share: model.Fraction{Num: 15, Den: 100}}
	places, limited = voting.QuotaPlaces(&rec, cs)
	if !limited || places != 0 { // 3 LĐTT winners × 15% = 0,45
		t.Errorf("CSTDCS places as 15%% of LĐTT: %d, %v", places, limited)
	}

}
