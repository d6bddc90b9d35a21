package store

import (
	"context"
	"database/sql"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pressly/goose/v3"
)

// v1File writes a record the way schema 1 did, before the log was chained:
// a meeting, a roll call and an open round with two ballots, each logged
// with a plain-text event.
func v1File(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "cu.db")
	db, err := sql.Open("sqlite", path+dsnParams)
	must(t, err)
	defer db.Close()
	fsys, err := fs.Sub(migrationFiles, "migrations")
	must(t, err)
	p, err := goose.NewProvider(goose.DialectSQLite3, db, fsys, goose.WithDisableGlobalRegistry(true))
	must(t, err)
	_, err = p.UpTo(ctx, 1)
	must(t, err)
	plan := testPlan()
	planText, err := encodePlan(&plan)
	must(t, err)
	tx, err := db.BeginTx(ctx, nil)
	must(t, err)
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := tx.ExecContext(ctx, q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	event := func(kind, detail string) {
		exec(`INSERT INTO events (at, kind, detail) VALUES ('2023-12-15T01:30:00Z', ?, ?)`, kind, detail)
	}
	exec(`INSERT INTO meeting (id, plan, status, started_at) VALUES (1, ?, 'open', '2023-12-15T01:30:00Z')`, planText)
	must(t, insertMembers(ctx, tx, plan.Council.Members))
	_, err = insertNominees(ctx, tx, plan.Nominees)
	must(t, err)
	event("meeting.create", "plan 11/KH-UBND: 5 members, 4 nominees")
	exec(`UPDATE members SET attendance = 'present' WHERE id <= 4`)
	event("attendance", "members 1-4: present")
	exec(`INSERT INTO rounds (id, seq, award, mode, status, opened_at, eligible, all_members)
		VALUES (1, 1, 'LDTT', 'electronic', 'open', '2023-12-15T01:31:00Z', 4, 4)`)
	exec(`INSERT INTO round_nominees VALUES (1, 0, 1)`)
	event("round.open", "round 1: LDTT, 1 nominees, 4 of 4 voting members present")
	for m, id := range []string{"0102030405060708090a0b0c0d0e0f10", "f0e0d0c0b0a090807060504030201000"} {
		exec(`INSERT INTO participation VALUES (1, ?)`, m+1)
		exec(`INSERT INTO ballots VALUES (unhex(?), 1)`, id)
		exec(`INSERT INTO ballot_choices VALUES (unhex(?), 1, 1)`, id)
		event("ballot.cast", "ballot cast in round 1")
	}
	must(t, tx.Commit())
	return path
}

func TestChainLegacy_OldFileJoinsTheChain(t *testing.T) {
	ctx := context.Background()
	path := v1File(t)
	s, err := Open(path)
	must(t, err)
	defer s.Close()
	s.Now = fixedClock()
	rec := record(t, s)
	if n := len(rec.Events); n != 6 || rec.Events[5].Kind != "chain.start" {
		t.Fatalf("%d events after the upgrade", n)
	}
	for _, e := range rec.Events {
		if len(e.Hash) != 64 {
			t.Fatalf("event %d has no hash", e.Seq)
		}
	}
	rep, err := s.Verify(ctx)
	must(t, err)
	if rep.Problem != "" || rep.Head != rec.Head {
		t.Fatalf("verify after the upgrade: %+v", rep)
	}
	// The meeting goes on: the round resumes and closes, and still verifies.
	must(t, s.CastBallot(ctx, 1, 3, "", map[int64]bool{1: true}))
	must(t, s.CastBallot(ctx, 1, 4, "", map[int64]bool{1: false}))
	// Opened by the older version, the round has no key: its ballots are
	// in the clear and it closes without the secretary code.
	must(t, s.CloseRound(ctx, 1, nil))
	rep, err = s.Verify(ctx)
	must(t, err)
	if rep.Problem != "" {
		t.Fatalf("verify after closing the resumed round: %s", rep.Problem)
	}
	// Reopening does not start the chain again.
	must(t, s.Close())
	s2, err := Open(path)
	must(t, err)
	defer s2.Close()
	if again := record(t, s2); again.Head != rep.Head {
		t.Errorf("reopening moved the head")
	}
	// What was there before the upgrade is checked too.
	if _, err := s2.db.Exec(`UPDATE members SET attendance = 'absent' WHERE id = 1`); err != nil {
		t.Fatal(err)
	}
	rep, err = s2.Verify(ctx)
	must(t, err)
	if !strings.Contains(rep.Problem, "Bảng members, thành viên số 1 (Nguyễn Văn An): điểm danh") {
		t.Errorf("problem %q", rep.Problem)
	}
}

// TestChainLegacy_ClosedRound migrates a schema 1 file whose round was
// closed before the upgrade: the chain.start's seal stands for the ballots
// cast before it, and the round's head at close is the hash of the old
// round.close event.
func TestChainLegacy_ClosedRound(t *testing.T) {
	ctx := context.Background()
	path := v1File(t)
	db := rawDB(t, path)
	for _, q := range []string{
		`UPDATE rounds SET status = 'closed', closed_at = '2023-12-15T01:40:00Z', issued = 2, returned = 2, valid = 2 WHERE id = 1`,
		// LDTT needs 70% of the 4 voting members: 2 of 4 do not pass.
		`INSERT INTO results VALUES (1, 1, 2, 0, 4, 0)`,
		`INSERT INTO events (at, kind, detail) VALUES ('2023-12-15T01:40:00Z', 'round.close', 'round 1 closed: 2 ballots')`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	must(t, db.Close())
	s, err := Open(path)
	must(t, err)
	defer s.Close()
	rep, err := s.Verify(ctx)
	must(t, err)
	if !rep.OK() {
		t.Fatalf("verify after the upgrade: %s", rep.Problem)
	}
	rec := record(t, s)
	var closeHash string
	for _, e := range rec.Events {
		if e.Kind == "round.close" {
			closeHash = e.Hash
		}
	}
	if rep.RoundHeads[1] != closeHash || closeHash == "" {
		t.Errorf("round 1's head %q, want the old round.close event's %q", rep.RoundHeads[1], closeHash)
	}
	vrec, _, err := s.VerifiedRecord(ctx)
	must(t, err)
	if vrec.Rounds[0].CloseHead != closeHash || rec.Rounds[0].CloseHead != closeHash {
		t.Errorf("CloseHead %q (VerifiedRecord), %q (Record), want %q", vrec.Rounds[0].CloseHead, rec.Rounds[0].CloseHead, closeHash)
	}
}
