package store

import (
	"context"
	"strings"
	"testing"

	"hoidong/model"
)

// TestClosed_DatabaseRefusesChanges checks that once the meeting is closed
// the file itself refuses any change to the record, even from a raw SQL
// connection that bypasses the program, while the log and the corrections
// can still grow.
func TestClosed_DatabaseRefusesChanges(t *testing.T) {
	path, _ := closedMeeting(t)
	db := rawDB(t, copyFile(t, path))
	refused := []string{
		`UPDATE meeting SET status = 'open'`,
		`UPDATE meeting SET discussion = 'sửa'`,
		`DELETE FROM meeting`,
		`UPDATE members SET attendance = 'absent' WHERE id = 3`,
		`INSERT INTO members (pos, name, role, votes) VALUES (99, 'Người lạ', 'member', 1)`,
		`DELETE FROM members WHERE id = 5`,
		`UPDATE nominees SET note = 'sửa' WHERE id = 1`,
		`INSERT INTO nominees (pos, kind, name) VALUES (99, 'individual', 'Người lạ')`,
		`DELETE FROM candidacies WHERE nominee_id = 3`,
		`INSERT INTO marks VALUES (1, 'GK', 0, 'met', '')`,
		`UPDATE marks SET mark = 'not-met'`,
		`DELETE FROM marks`,
		`UPDATE checks SET applies = 1`,
		`DELETE FROM checks`,
		`UPDATE rounds SET valid = 9`,
		`INSERT INTO rounds (seq, award, mode, status, opened_at, eligible, all_members) VALUES (9, 'LDTT', 'electronic', 'open', 'x', 4, 4)`,
		`DELETE FROM round_nominees WHERE round_id = 2`,
		`INSERT INTO participation (round_id, member_id) VALUES (2, 5)`,
		`INSERT INTO ballots VALUES (x'00000000000000000000000000000001', 1)`,
		`INSERT INTO ballot_choices SELECT id, 3, 1 FROM ballots LIMIT 1`,
		`UPDATE results SET agree = 4`,
		`DELETE FROM results`,
		`UPDATE events SET detail = ''`,
		`DELETE FROM events`,
	}
	for _, q := range refused {
		if _, err := db.Exec(q); err == nil {
			t.Errorf("a closed record accepted: %s", q)
		}
	}
	if _, err := db.Exec(`INSERT INTO corrections (at, text) VALUES ('2023-12-16T01:00:00Z', 'Đính chính')`); err != nil {
		t.Errorf("a correction was refused: %v", err)
	}
	if _, err := db.Exec(`UPDATE corrections SET text = 'sửa'`); err == nil {
		t.Error("a correction could be edited")
	}
	if _, err := db.Exec(`INSERT INTO events (seq, at, kind, detail, hash) VALUES (1000, 'x', 'x', '', 'x')`); err != nil {
		t.Errorf("the log could not grow: %v", err)
	}
}

func TestClosed_OpenMeetingTakesNoCorrection(t *testing.T) {
	s := newMeeting(t)
	wantCode(t, s.AddCorrection(context.Background(), "Đính chính"), model.EConflict)
	if _, err := s.db.Exec(`INSERT INTO corrections (at, text) VALUES ('x', 'y')`); err == nil {
		t.Error("the database took a correction of an open meeting")
	}
}

func TestAddCorrection_IsRecordedAndVerified(t *testing.T) {
	ctx := context.Background()
	path, head := closedMeeting(t)
	s, err := Open(path)
	must(t, err)
	defer s.Close()
	s.Now = fixedClock()

	wantCode(t, s.SetAttendance(ctx, 3, model.AttendanceAbsent, "ốm"), model.ELocked)
	wantCode(t, s.AddCorrection(ctx, "   "), model.EInvalid)
	before := record(t, s)
	if before.Head != head {
		t.Fatalf("a refused change moved the head")
	}
	// Decomposed input is stored composed (NFC).
	must(t, s.AddCorrection(ctx, "  Ghi nhầm chức vụ của ông Cường: Trưởng Công an thi\u0323 trấn.  "))
	rec := record(t, s)
	if len(rec.Corrections) != 1 || rec.Corrections[0].Text != "Ghi nhầm chức vụ của ông Cường: Trưởng Công an thị trấn." {
		t.Fatalf("corrections %+v", rec.Corrections)
	}
	if rec.Corrections[0].At.IsZero() {
		t.Error("correction without a time")
	}
	if len(rec.Events) != len(before.Events)+1 || rec.Events[len(rec.Events)-1].Kind != "correction" {
		t.Fatalf("events after a correction: %d, last %+v", len(rec.Events), rec.Events[len(rec.Events)-1])
	}
	if rec.Head == head || rec.Head != rec.Events[len(rec.Events)-1].Hash {
		t.Errorf("head %s after a correction (before %s)", rec.Head, head)
	}
	for i, e := range rec.Events {
		if e.Seq != int64(i+1) || len(e.Hash) != 64 {
			t.Fatalf("event %d: %+v", i, e)
		}
	}
	rep, err := s.Verify(ctx)
	must(t, err)
	if rep.Problem != "" || rep.Head != rec.Head {
		t.Fatalf("verify after a correction: %+v", rep)
	}
}

// TestVerify_BesideTheSecretary verifies a file the secretary's program has
// open, mid-round, from a read-only handle that takes no lock.
func TestVerify_BesideTheSecretary(t *testing.T) {
	ctx := context.Background()
	s := newMeeting(t)
	ready(t, s)
	id, err := s.OpenRound(ctx, "LDTT", []int64{1, 4})
	must(t, err)
	must(t, s.CastBallot(ctx, id, 1, "", map[int64]bool{1: true, 4: false}))
	ro, err := OpenReadOnly(s.Path())
	must(t, err)
	defer ro.Close()
	rep, err := ro.Verify(ctx)
	must(t, err)
	if rep.Problem != "" || rep.Head != record(t, s).Head {
		t.Fatalf("verify mid-round: %+v", rep)
	}
	if err := ro.SetDiscussion(ctx, "x"); err == nil {
		t.Error("a read-only store wrote")
	}
	// A ballot slipped into the open round behind the program's back.
	if _, err := s.db.Exec(`INSERT INTO participation (round_id, member_id) VALUES (?, 2)`, id); err != nil {
		t.Fatal(err)
	}
	rep, err = ro.Verify(ctx)
	must(t, err)
	if !strings.Contains(rep.Problem, "Vòng 1 (đang mở): nhật ký ghi 1 lần bỏ phiếu nhưng tệp có 2 người đã bỏ phiếu và 1 phiếu") {
		t.Errorf("problem %q", rep.Problem)
	}
}
