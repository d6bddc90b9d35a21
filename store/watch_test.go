package store

import (
	"context"
	"reflect"
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

// TestSnapshot_IsRecordWithoutLog checks that Snapshot gives what Record
// gives but the event log, close heads and head included.
func TestSnapshot_IsRecordWithoutLog(t *testing.T) {
	ctx := context.Background()
	s := newMeeting(t)
	ready(t, s)
	id, err := s.OpenRound(ctx, "LDTT", []int64{1, 4})
	must(t, err)
	for m := int64(1); m <= 4; m++ {
		must(t, s.CastBallot(ctx, id, m, "", map[int64]bool{1: true, 4: m%2 == 0}))
	}
	must(t, s.CloseRound(ctx, id, testKey(t, s)))
	rec := record(t, s)
	snap, err := s.Snapshot(ctx)
	must(t, err)
	if len(rec.Events) == 0 || rec.Rounds[0].CloseHead == "" || len(snap.Events) != 0 {
		t.Fatalf("record has %d events, close head %q; snapshot has %d events", len(rec.Events), rec.Rounds[0].CloseHead, len(snap.Events))
	}
	rec.Events = nil
	if !reflect.DeepEqual(rec, snap) {
		t.Errorf("snapshot differs from the record without its log:\n%+v\n%+v", snap, rec)
	}
}

// TestVerifiedRecord_IsRecord checks that the record VerifiedRecord gives
// of an intact file, its log kept from verify's reading, is Record's.
func TestVerifiedRecord_IsRecord(t *testing.T) {
	ctx := context.Background()
	s := newMeeting(t)
	ready(t, s)
	id, err := s.OpenRound(ctx, "LDTT", []int64{1, 4})
	must(t, err)
	for m := int64(1); m <= 4; m++ {
		must(t, s.CastBallot(ctx, id, m, "", map[int64]bool{1: true, 4: m%2 == 0}))
	}
	must(t, s.CloseRound(ctx, id, testKey(t, s)))
	rec := record(t, s)
	got, rep, err := s.VerifiedRecord(ctx)
	must(t, err)
	if !rep.OK() || len(got.Events) != len(rec.Events) || len(got.Events) == 0 {
		t.Fatalf("verify %q, %d events, want %d", rep.Problem, len(got.Events), len(rec.Events))
	}
	if !reflect.DeepEqual(got, rec) {
		t.Errorf("verified record differs from Record:\n%+v\n%+v", got, rec)
	}
}
