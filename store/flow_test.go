package store

import (
	"context"
	"reflect"
	"testing"

	"hoidong/model"
	"hoidong/voting"
)

// TestMiniMeeting runs a whole meeting under the small test plan: roll call,
// counting committee, review, two ballot rounds, closing, and a reopen.
func TestMiniMeeting(t *testing.T) {
	ctx := context.Background()
	s := newMeeting(t)

	// Roll call: the four voting members and the secretary.
	for id := int64(1); id <= 5; id++ {
		must(t, s.SetAttendance(ctx, id, model.AttendancePresent, ""))
	}
	if q := voting.Quorum(ptr(record(t, s))); !q.Met || q.Present != 4 {
		t.Fatalf("quorum %+v", q)
	}
	must(t, s.SetTellerHead(ctx, 2))
	must(t, s.SetTeller(ctx, 3, true))
	must(t, s.SetTeller(ctx, 4, true))

	// Review: Gấm and Yến meet everything; Hải is under review and deferred;
	// the street group gets the certificate without a ballot.
	for _, id := range []int64{1, 2, 4} {
		must(t, s.SetCheck(ctx, id, "discipline", false))
		must(t, s.SetCheck(ctx, id, "review", id == 2))
	}
	for _, id := range []int64{1, 4} {
		for i := 0; i < 3; i++ {
			must(t, s.SetMark(ctx, id, "LDTT", i, model.MarkMet, ""))
		}
	}
	must(t, s.SetNomineeNote(ctx, 2, "Đang xem xét kỷ luật; chưa xét."))
	rec := record(t, s)
	if got := voting.Candidates(&rec, "LDTT"); !reflect.DeepEqual(got, []int64{1, 4}) {
		t.Fatalf("candidates for LDTT = %v", got)
	}

	// Round 1: Gấm passes 4/4, Yến gets 2/4 and fails.
	r1, err := s.OpenRound(ctx, "LDTT", []int64{1, 4})
	must(t, err)
	for m := int64(1); m <= 4; m++ {
		must(t, s.CastBallot(ctx, r1, m, "", map[int64]bool{1: true, 4: m <= 2}))
	}
	must(t, s.CloseRound(ctx, r1, testKey(t, s)))

	// Hải's review is cleared after round 1 (his checklist is not frozen).
	must(t, s.SetCheck(ctx, 2, "review", false))
	for i := 0; i < 3; i++ {
		must(t, s.SetMark(ctx, 2, "LDTT", i, model.MarkMet, ""))
	}
	r2, err := s.OpenRound(ctx, "LDTT", []int64{2})
	must(t, err)
	for m := int64(1); m <= 4; m++ {
		must(t, s.CastBallot(ctx, r2, m, "", map[int64]bool{2: m != 4}))
	}
	must(t, s.CloseRound(ctx, r2, testKey(t, s)))
	must(t, s.SetDiscussion(ctx, "Hội đồng thống nhất đề nghị khen thưởng."))
	must(t, s.CloseMeeting(ctx))

	rec = record(t, s)
	if len(rec.Rounds) != 2 || rec.Rounds[0].Seq != 1 || rec.Rounds[1].Seq != 2 {
		t.Fatalf("rounds %+v", rec.Rounds)
	}
	want1 := []model.ResultLine{{NomineeID: 1, Agree: 4, Base: 4, Pass: true}, {NomineeID: 4, Agree: 2, Disagree: 2, Base: 4}}
	want2 := []model.ResultLine{{NomineeID: 2, Agree: 3, Disagree: 1, Base: 4, Pass: true}}
	if !reflect.DeepEqual(rec.Rounds[0].Results, want1) || !reflect.DeepEqual(rec.Rounds[1].Results, want2) {
		t.Errorf("results %+v / %+v", rec.Rounds[0].Results, rec.Rounds[1].Results)
	}
	for _, r := range rec.Rounds {
		// What is stored is what a recount from the ballots gives.
		award, _ := rec.Plan.Award(r.Award)
		recount := voting.Tally(award.Rule, r.Nominees, r.Ballots, voting.RoundBase(r))
		if !reflect.DeepEqual(recount, r.Results) {
			t.Errorf("round %d: stored %+v, recount %+v", r.Seq, r.Results, recount)
		}
	}
	list := voting.Recommended(&rec)
	if !reflect.DeepEqual(list[0].Individual, []int64{1, 2}) {
		t.Errorf("recommended for LDTT: %+v", list[0])
	}
	if rec.Meeting.Status != model.MeetingClosed {
		t.Errorf("meeting %+v", rec.Meeting)
	}

	must(t, s.Close())
	s2, err := Open(s.Path())
	must(t, err)
	defer s2.Close()
	if again := record(t, s2); !reflect.DeepEqual(again, rec) {
		t.Error("the closed meeting reads back differently after reopening")
	}
	wantCode(t, s2.SetDiscussion(ctx, "sửa"), model.ELocked)
}

// TestSampleMeeting runs the sample plan through: everyone present, every
// check cleared, every criterion met, a round for each award that needs a
// ballot, everyone agreeing.
func TestSampleMeeting(t *testing.T) {
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
	rounds := 0
	for _, a := range rec.Plan.Awards {
		if !a.Rule.BallotRequired {
			continue
		}
		cur := record(t, s)
		ids := voting.Candidates(&cur, a.Code)
		if len(ids) == 0 {
			continue
		}
		id, err := s.OpenRound(ctx, a.Code, ids)
		must(t, err)
		rounds++
		for _, m := range cur.Members {
			if !m.Votes {
				continue
			}
			choices := make(map[int64]bool, len(ids))
			for _, n := range ids {
				choices[n] = true
			}
			must(t, s.CastBallot(ctx, id, m.ID, "", choices))
		}
		must(t, s.CloseRound(ctx, id, testKey(t, s)))
	}
	if rounds == 0 {
		t.Fatal("the sample plan gave no ballot round")
	}
	must(t, s.CloseMeeting(ctx))
	final := record(t, s)
	for _, r := range final.Rounds {
		for _, l := range r.Results {
			if !l.Pass || l.Disagree != 0 {
				t.Errorf("round %d: %+v with everyone agreeing", r.Seq, l)
			}
		}
	}
}

func ptr[T any](v T) *T { return &v }
