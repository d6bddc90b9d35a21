package store

import (
	"context"
	"database/sql"
	"fmt"
	"testing"
)

// logBulk logs rows a benchmark's setup wrote with bulk statements, so that
// the file still proves itself.
func logBulk(b testing.TB, s *Store, rows ...rowRef) {
	b.Helper()
	must(b, s.write(context.Background(), func(tx *sql.Tx) error {
		return s.record(context.Background(), tx, "bench.setup", "bulk setup", rows...)
	}))
}

// benchLoggedMeeting is benchRecordMeeting's sitting with 4 closed rounds
// and the log a real review leaves: one event per criterion marked, 15,000
// in all.
func benchLoggedMeeting(b testing.TB) *Store {
	b.Helper()
	ctx := context.Background()
	s := benchRecordMeeting(b, 4)
	must(b, s.write(ctx, func(tx *sql.Tx) error {
		for i := 0; i < 15000; i++ {
			id, idx := int64(1+i/3), i%3
			if err := s.record(ctx, tx, "mark", fmt.Sprintf("nominee %d, CSTD, criterion %d: met", id, idx+1),
				row("marks", id, "CSTD", idx)); err != nil {
				return err
			}
		}
		return nil
	}))
	return s
}

// BenchmarkVerify_5000 verifies a provincial sitting: 5,000 nominees, 31
// members, 15,000 marks each logged on its own, and 4 closed rounds of 500
// with every member's ballot (62,000 ballot choices recounted).
func BenchmarkVerify_5000(b *testing.B) {
	s := benchLoggedMeeting(b)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rep, err := s.Verify(ctx)
		if err != nil {
			b.Fatal(err)
		}
		if rep.Problem != "" || rep.Events < 15000 {
			b.Fatal(rep)
		}
	}
}

// BenchmarkRecord_5000_Log reads the whole record, events included, of the
// same sitting: what the log adds to BenchmarkRecord_5000.
func BenchmarkRecord_5000_Log(b *testing.B) {
	s := benchLoggedMeeting(b)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rec, err := s.Record(ctx)
		if err != nil {
			b.Fatal(err)
		}
		if len(rec.Events) < 15000 {
			b.Fatal(len(rec.Events))
		}
	}
}

// BenchmarkEventHash is the chain's own cost per event, for a typical mark.
func BenchmarkEventHash(b *testing.B) {
	detail := `{"note":"nominee 1001, CSTD, criterion 2: met","changes":[{"table":"marks","key":[1001,"CSTD",1],"cols":["nominee_id","award","idx","mark","note"],"rows":[[1001,"CSTD",1,"met","ghi chú"]]}]}`
	for i := 0; i < b.N; i++ {
		_ = eventHash("5f0c0a1b2c3d4e5f60718293a4b5c6d7e8f9001122334455667788990aabbccd", int64(i), "2023-12-15T01:30:00Z", "mark", detail)
	}
}

// BenchmarkChainCost measures what logging adds to a write, without the
// disk: each iteration logs inside a transaction that is rolled back, so no
// fsync is timed. "plain" is the unchained insert the store used before;
// "mark" is SetMark's record (read the row back, JSON, hash, insert);
// "cast" is CastBallot's recordCast; "seal" is CloseRound's recordSealed.
func BenchmarkChainCost(b *testing.B) {
	ctx := context.Background()
	s := benchRecordMeeting(b, 2)
	run := func(b *testing.B, fn func(tx *sql.Tx, i int) error) {
		for i := 0; i < b.N; i++ {
			tx, err := s.db.BeginTx(ctx, nil)
			if err != nil {
				b.Fatal(err)
			}
			if err := fn(tx, i); err != nil {
				b.Fatal(err)
			}
			must(b, tx.Rollback())
		}
	}
	b.Run("plain", func(b *testing.B) {
		run(b, func(tx *sql.Tx, i int) error {
			_, err := tx.ExecContext(ctx, `INSERT INTO events (at, kind, detail) VALUES (?, ?, ?)`,
				timeText(s.now()), "mark", fmt.Sprintf("nominee %d, CSTD, criterion %d: met", 1001+i%4000, 1+i%3))
			return err
		})
	})
	b.Run("mark", func(b *testing.B) {
		run(b, func(tx *sql.Tx, i int) error {
			id := int64(1001 + i%4000)
			return s.record(ctx, tx, "mark", fmt.Sprintf("nominee %d, CSTD, criterion %d: met", id, 1+i%3),
				row("marks", id, "CSTD", i%3))
		})
	})
	b.Run("cast", func(b *testing.B) {
		run(b, func(tx *sql.Tx, i int) error { return s.recordCast(ctx, tx, 1, 1) })
	})
	// CloseRound's seal over a round of 500 nominees and 31 ballots.
	b.Run("seal", func(b *testing.B) {
		run(b, func(tx *sql.Tx, i int) error {
			return s.recordSealed(ctx, tx, "round.close", "round 1 closed", 1, row("rounds", 1), row("results", 1))
		})
	})
}
