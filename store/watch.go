package store

import (
	"context"
	"errors"
	"fmt"
)

// DataVersion returns a number that changes whenever a change to the file
// has been committed since the last call, by this program or by another
// one (a booth casting a ballot); while nothing is written it stays the
// same. A screen that shows the record and polls it can compare the
// number and read the record again only when it changed. It asks SQLite's
// PRAGMA data_version on a connection kept for it alone, which never
// writes: SQLite counts, per connection, the commits of the others.
func (s *Store) DataVersion(ctx context.Context) (int64, error) {
	s.watchMu.Lock()
	defer s.watchMu.Unlock()
	if s.db == nil {
		return 0, errors.New("store is closed")
	}
	if s.watch == nil {
		c, err := s.db.Conn(ctx)
		if err != nil {
			return 0, fmt.Errorf("data version of %s: %w", s.path, err)
		}
		s.watch = c
	}
	var v int64
	if err := s.watch.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&v); err != nil {
		return 0, fmt.Errorf("data version of %s: %w", s.path, err)
	}
	if s.still != nil {
		if err := s.still(); err != nil {
			return 0, err
		}
	}
	return v, nil
}

// RoundProgress returns how many members have voted in a round, reading
// that count and nothing else: what the projector shows while a round is
// open ("7/9 đã bỏ phiếu").
func (s *Store) RoundProgress(ctx context.Context, roundID int64) (voters int, err error) {
	if s.db == nil {
		return 0, errors.New("store is closed")
	}
	return voterCount(ctx, s.db, roundID)
}
