package store

import (
	"context"
	"testing"
)

// TestDataVersion_ChangesOnEveryCommit checks that the number changes
// after a write by the store itself and after a ballot cast by a booth
// process, and stays the same while nothing is written; RoundProgress
// counts the voters.
func TestDataVersion_ChangesOnEveryCommit(t *testing.T) {
	ctx := context.Background()
	s := newMeeting(t)
	ready(t, s)
	v0, err := s.DataVersion(ctx)
	must(t, err)
	if v, err := s.DataVersion(ctx); err != nil || v != v0 {
		t.Fatalf("data version %d (%v) with nothing written, was %d", v, err, v0)
	}
	id, err := s.OpenRound(ctx, "LDTT", []int64{1, 4})
	must(t, err)
	v1, err := s.DataVersion(ctx)
	must(t, err)
	if v1 == v0 {
		t.Fatal("data version did not change when the store opened a round")
	}
	if n, err := s.RoundProgress(ctx, id); err != nil || n != 0 {
		t.Fatalf("progress %d (%v) before any ballot", n, err)
	}

	booth, err := OpenBooth(s.Path())
	must(t, err)
	defer booth.Close()
	must(t, booth.CastBallot(ctx, id, 2, "", map[int64]bool{1: true, 4: false}))
	v2, err := s.DataVersion(ctx)
	must(t, err)
	if v2 == v1 {
		t.Fatal("data version did not change when a booth cast a ballot")
	}
	if n, err := s.RoundProgress(ctx, id); err != nil || n != 1 {
		t.Fatalf("progress %d (%v) after one ballot", n, err)
	}
	must(t, s.SetNomineeNote(ctx, 1, "ghi chú"))
	if v3, err := s.DataVersion(ctx); err != nil || v3 == v2 {
		t.Fatalf("data version %d (%v) after a note, was %d", v3, err, v2)
	}
}
