package store

import (
	"bytes"
	"context"
	"os"
	"testing"
)

// userVersion reads the rewrite mark of s's file.
func userVersion(t testing.TB, s *Store) int64 {
	t.Helper()
	var v int64
	must(t, s.db.QueryRow(`PRAGMA user_version`).Scan(&v))
	return v
}

// TestScrub_MarkSpareOpening checks the rewrite's mark: a close that
// finishes its rewrite marks the file, the secretary's program opening a
// marked file leaves it as it is, and one whose mark is behind its closed
// rounds (a crash after the close committed) is rewritten and marked.
func TestScrub_MarkSpareOpening(t *testing.T) {
	ctx := context.Background()
	s := newMeeting(t)
	ready(t, s)
	id, err := s.OpenRound(ctx, "LDTT", []int64{1, 4})
	must(t, err)
	if v := userVersion(t, s); v != 0 {
		t.Fatalf("mark %d before any round closed", v)
	}
	for m := int64(1); m <= 4; m++ {
		must(t, s.CastBallot(ctx, id, m, "", map[int64]bool{1: true, 4: m%2 == 0}))
	}
	must(t, s.CloseRound(ctx, id, testKey(t, s)))
	if v := userVersion(t, s); v != 1 {
		t.Fatalf("mark %d after the first close, want 1", v)
	}
	path := s.Path()
	must(t, s.Close())

	before, err := os.ReadFile(path)
	must(t, err)
	s, err = Open(path)
	must(t, err)
	must(t, s.Close())
	after, err := os.ReadFile(path)
	must(t, err)
	if !bytes.Equal(before, after) {
		t.Error("opening a file whose rewrite is marked done changed it")
	}

	// A crash between the close's commit and its rewrite leaves the mark
	// behind.
	s, err = Open(path)
	must(t, err)
	_, err = s.db.Exec(`PRAGMA user_version = 0`)
	must(t, err)
	must(t, s.Close())
	s, err = Open(path)
	must(t, err)
	defer s.Close()
	if v := userVersion(t, s); v != 1 {
		t.Errorf("mark %d after opening a file whose rewrite was not finished, want 1", v)
	}
}
