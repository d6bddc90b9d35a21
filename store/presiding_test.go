package store

import (
	"context"
	"strings"
	"testing"

	"hoidong/model"
)

func TestSetPresiding(t *testing.T) {
	ctx := context.Background()
	s := newMeeting(t)
	// Nobody is present yet: nobody presides, and nobody can be chosen.
	rec := record(t, s)
	if _, ok := rec.Presiding(); ok {
		t.Error("somebody presides before the roll call")
	}
	e := wantCode(t, s.SetPresiding(ctx, 2), model.EConflict)
	if !strings.Contains(e.Message, "Trần Thị Bình không có mặt") {
		t.Errorf("message %q", e.Message)
	}
	must(t, s.SetAttendance(ctx, 1, model.AttendanceAbsent, "Đi công tác"))
	for _, id := range []int64{2, 3, 4, 5} {
		must(t, s.SetAttendance(ctx, id, model.AttendancePresent, ""))
	}
	// The chair is absent: the vice-chair presides by default.
	rec = record(t, s)
	if m, ok := rec.Presiding(); !ok || m.ID != 2 || rec.Meeting.Presiding != 0 {
		t.Errorf("presiding %d %v (recorded %d), want the vice-chair", m.ID, ok, rec.Meeting.Presiding)
	}
	wantCode(t, s.SetPresiding(ctx, 1), model.EConflict) // the chair is absent
	e = wantCode(t, s.SetPresiding(ctx, 5), model.EConflict)
	if !strings.Contains(e.Message, "thư ký") {
		t.Errorf("message %q", e.Message)
	}
	wantCode(t, s.SetPresiding(ctx, 99), model.ENotFound)
	// The council chooses a member.
	before := len(rec.Events)
	must(t, s.SetPresiding(ctx, 3))
	rec = record(t, s)
	if m, ok := rec.Presiding(); !ok || m.ID != 3 || rec.Meeting.Presiding != 3 {
		t.Errorf("presiding %d %v (recorded %d), want member 3", m.ID, ok, rec.Meeting.Presiding)
	}
	if len(rec.Events) != before+1 || rec.Events[len(rec.Events)-1].Kind != "presiding" {
		t.Errorf("events %+v", rec.Events[before:])
	}
	verifyOK(t, s)
	// 0 goes back to the default.
	must(t, s.SetPresiding(ctx, 0))
	if rec = record(t, s); rec.Meeting.Presiding != 0 {
		t.Errorf("recorded %d after clearing", rec.Meeting.Presiding)
	}
	must(t, s.SetPresiding(ctx, 3))
	verifyOK(t, s)

	// An edit of who presides, behind the program's back, is caught.
	must(t, s.CloseMeeting(ctx))
	wantCode(t, s.SetPresiding(ctx, 2), model.ELocked)
	must(t, s.Close())
	path := copyFile(t, s.Path())
	db := rawDB(t, path)
	dropTriggers(t, db)
	_, err := db.Exec(`UPDATE meeting SET presiding = 4`)
	must(t, err)
	must(t, db.Close())
	want := "Bảng meeting, phiên họp: người chủ trì trong tệp là 4 nhưng nhật ký ghi 3"
	if rep := verifyFile(t, path); !strings.Contains(rep.Problem, want) {
		t.Errorf("problem %q, want …%s…", rep.Problem, want)
	}
}

func TestConfirmMinutesDate(t *testing.T) {
	ctx := context.Background()
	s := newMeeting(t)
	for _, bad := range []string{"15/12/2023", "2023-13-01", "2023-02-30", "hôm nay"} {
		e := wantCode(t, s.ConfirmMinutesDate(ctx, bad), model.EInvalid)
		if !strings.Contains(e.Message, bad) {
			t.Errorf("message %q does not name %q", e.Message, bad)
		}
	}
	// The test clock starts at 01:30 UTC on the 15th: 08:30 in Vietnam, the
	// plan's day. A meeting that sat on another day asks for the date.
	must(t, s.SetAttendance(ctx, 1, model.AttendancePresent, ""))
	rec := record(t, s)
	if sat, planned, differs := rec.DateToConfirm(); sat != "2023-12-15" || planned != "2023-12-15" || differs {
		t.Errorf("DateToConfirm = %q %q %v", sat, planned, differs)
	}
	must(t, s.ConfirmMinutesDate(ctx, " 2023-12-16 "))
	rec = record(t, s)
	if rec.Meeting.MinutesDate != "2023-12-16" || rec.DocumentDate() != "2023-12-16" {
		t.Errorf("minutes date %q, documents %q", rec.Meeting.MinutesDate, rec.DocumentDate())
	}
	if e := rec.Events[len(rec.Events)-1]; e.Kind != "minutes.date" {
		t.Errorf("last event %+v", e)
	}
	verifyOK(t, s)
	must(t, s.ConfirmMinutesDate(ctx, ""))
	if rec = record(t, s); rec.Meeting.MinutesDate != "" || rec.DocumentDate() != "2023-12-15" {
		t.Errorf("after clearing: %q, documents %q", rec.Meeting.MinutesDate, rec.DocumentDate())
	}
	must(t, s.ConfirmMinutesDate(ctx, "2023-12-16"))
	verifyOK(t, s)
	// The database refuses a date that is not one.
	if _, err := s.db.ExecContext(ctx, `UPDATE meeting SET minutes_date = '16/12/2023'`); err == nil {
		t.Error("the database accepted a malformed date")
	}

	// An edit of the date, behind the program's back, is caught.
	must(t, s.CloseMeeting(ctx))
	wantCode(t, s.ConfirmMinutesDate(ctx, "2023-12-15"), model.ELocked)
	must(t, s.Close())
	path := copyFile(t, s.Path())
	db := rawDB(t, path)
	dropTriggers(t, db)
	_, err := db.Exec(`UPDATE meeting SET minutes_date = '2023-12-14'`)
	must(t, err)
	must(t, db.Close())
	want := `Bảng meeting, phiên họp: ngày ghi trên biên bản trong tệp là "2023-12-14" nhưng nhật ký ghi "2023-12-16"`
	if rep := verifyFile(t, path); !strings.Contains(rep.Problem, want) {
		t.Errorf("problem %q, want …%s…", rep.Problem, want)
	}
}

// TestDecideTie_PresidingViceChair: with the chair absent, the decision on
// a tie carries the name of whoever presides, not the chair's.
func TestDecideTie_PresidingViceChair(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	p := testPlan()
	p.Awards[0].Quota = &model.Quota{Count: 1}
	p.Awards[0].TieBreak = model.TieChair
	// A fifth voting member, so that three of four are present without the chair.
	p.Council.Members = append(p.Council.Members, model.Member{Name: "Đinh Văn Phong", Position: "Trưởng Công an", Role: model.RoleMember, Votes: true})
	createMeeting(t, s, p)
	must(t, s.SetAttendance(ctx, 1, model.AttendanceAbsent, "Ốm"))
	for _, id := range []int64{2, 3, 4, 6} {
		must(t, s.SetAttendance(ctx, id, model.AttendancePresent, ""))
	}
	for _, id := range []int64{1, 4} {
		for _, code := range []string{"discipline", "review"} {
			must(t, s.SetCheck(ctx, id, code, false))
		}
		for i := 0; i < 3; i++ {
			must(t, s.SetMark(ctx, id, "LDTT", i, model.MarkMet, ""))
		}
	}
	round, err := s.OpenRound(ctx, "LDTT", []int64{1, 4})
	must(t, err)
	for _, m := range []int64{2, 3, 4, 6} {
		must(t, s.CastBallot(ctx, round, m, "", map[int64]bool{1: true, 4: true}))
	}
	must(t, s.CloseRound(ctx, round, testKey(t, s)))
	must(t, s.SetPresiding(ctx, 3))
	must(t, s.DecideTie(ctx, round, []int64{1}, ""))
	rec := record(t, s)
	if len(rec.Decisions) != 1 || rec.Decisions[0].Chair != "Lê Văn Cường" {
		t.Errorf("decisions %+v, want Lê Văn Cường's", rec.Decisions)
	}
	verifyOK(t, s)
}
