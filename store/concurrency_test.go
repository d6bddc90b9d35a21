package store

import (
	"context"
	"sync"
	"testing"

	"hoidong/model"
)

// TestCastBallot_RacingDuplicatesOneWins casts the same member's ballot from
// several goroutines at once: exactly one is stored.
func TestCastBallot_RacingDuplicatesOneWins(t *testing.T) {
	ctx := context.Background()
	s := newMeeting(t)
	ready(t, s)
	id, err := s.OpenRound(ctx, "LDTT", []int64{1, 4})
	must(t, err)
	booth, err := OpenBooth(s.Path())
	must(t, err)
	defer booth.Close()

	const tries = 8
	errs := make([]error, tries)
	var wg sync.WaitGroup
	for i := range tries {
		wg.Add(1)
		go func() {
			defer wg.Done()
			st := s
			if i%2 == 1 {
				st = booth
			}
			errs[i] = st.CastBallot(ctx, id, 1, "", map[int64]bool{1: true, 4: i%3 == 0})
		}()
	}
	wg.Wait()
	ok := 0
	for _, err := range errs {
		switch model.ErrorCodeOf(err) {
		case 0:
			if err != nil {
				t.Errorf("internal error: %v", err)
			}
			ok++
		case model.EConflict:
		default:
			t.Errorf("unexpected error: %v", err)
		}
	}
	if ok != 1 || countBallots(t, s) != 1 {
		t.Errorf("%d casts succeeded, %d ballots stored; want 1 and 1", ok, countBallots(t, s))
	}
}

// TestBoothAndSecretaryWriteTogether has a booth cast every ballot while the
// secretary keeps writing notes: no write fails for a busy database.
func TestBoothAndSecretaryWriteTogether(t *testing.T) {
	ctx := context.Background()
	p := testPlan()
	p.Council.Members = nil
	for i := 0; i < 31; i++ {
		p.Council.Members = append(p.Council.Members, model.Member{Name: "Thành viên", Role: model.RoleMember, Votes: true})
	}
	s := openTest(t)
	createMeeting(t, s, p)
	for m := int64(1); m <= 31; m++ {
		must(t, s.SetAttendance(ctx, m, model.AttendancePresent, ""))
	}
	for _, code := range []string{"discipline", "review"} {
		must(t, s.SetCheck(ctx, 1, code, false))
	}
	for i := 0; i < 3; i++ {
		must(t, s.SetMark(ctx, 1, "LDTT", i, model.MarkMet, ""))
	}
	id, err := s.OpenRound(ctx, "LDTT", []int64{1})
	must(t, err)
	booth, err := OpenBooth(s.Path())
	must(t, err)
	defer booth.Close()

	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for m := int64(1); m <= 31; m++ {
			if err := booth.CastBallot(ctx, id, m, "", map[int64]bool{1: m%4 != 0}); err != nil {
				t.Errorf("booth cast %d: %v", m, err)
			}
			if _, err := booth.Record(ctx); err != nil {
				t.Errorf("booth record: %v", err)
			}
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 31; i++ {
			if err := s.SetNomineeNote(ctx, 3, "ghi chú"); err != nil {
				t.Errorf("secretary note: %v", err)
			}
			if _, err := s.Record(ctx); err != nil {
				t.Errorf("secretary record: %v", err)
			}
		}
	}()
	wg.Wait()
	must(t, s.CloseRound(ctx, id, testKey(t, s)))
	r := record(t, s).Rounds[0]
	if len(r.Voters) != 31 || len(r.Ballots) != 31 || r.Results[0].Agree != 24 {
		t.Errorf("round: %d voters, %d ballots, result %+v", len(r.Voters), len(r.Ballots), r.Results)
	}
}
