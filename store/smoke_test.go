package store

import (
	"context"
	"testing"

	"hoidong/model"
)

func TestSmoke(t *testing.T) {
	ctx := context.Background()
	s := newMeeting(t)
	ready(t, s)
	id, err := s.OpenRound(ctx, "LDTT", []int64{1, 4})
	must(t, err)
	for m := int64(1); m <= 4; m++ {
		must(t, s.CastBallot(ctx, id, m, map[int64]bool{1: true, 4: m%2 == 0}))
	}
	wantCode(t, s.CastBallot(ctx, id, 1, map[int64]bool{1: true, 4: true}), model.EConflict)
	must(t, s.CloseRound(ctx, id))
	rec := record(t, s)
	t.Logf("%+v", rec.Rounds)
	must(t, s.CloseMeeting(ctx))
}
