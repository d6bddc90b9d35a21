package store

import (
	"context"
	"database/sql"
	"fmt"
)

// chainLegacy brings a file written before the log was chained (schema 1)
// into the chain, once, as the migration to schema 2 is applied: it hashes
// the old events in order and appends a chain.start event that logs every
// audited table as it stands, the seal of every closed electronic round and
// the ballots already cast in an open one. Verify hashes the older events,
// whose details are plain text, and replays the log from this chain.start,
// which is legal only right after them (see verifier.event).
func (s *Store) chainLegacy(ctx context.Context) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		type event struct {
			seq              int64
			at, kind, detail string
		}
		var old []event
		err := scanRows(ctx, tx, "read events", `SELECT seq, at, kind, detail FROM events WHERE hash IS NULL ORDER BY seq`, nil,
			func(rows *sql.Rows) error {
				var e event
				if err := rows.Scan(&e.seq, &e.at, &e.kind, &e.detail); err != nil {
					return err
				}
				old = append(old, e)
				return nil
			})
		if err != nil || len(old) == 0 {
			return err
		}
		prev := ""
		for _, e := range old {
			prev = eventHash(prev, e.seq, e.at, e.kind, e.detail)
			if _, err := tx.ExecContext(ctx, `UPDATE events SET hash = ? WHERE seq = ?`, prev, e.seq); err != nil {
				return fmt.Errorf("chain event %d: %w", e.seq, err)
			}
		}
		d := eventDetail{Note: fmt.Sprintf("chain started after %d unchained events", len(old))}
		var rounds []struct {
			id     int64
			closed bool
		}
		err = scanRows(ctx, tx, "read rounds", `SELECT id, status = 'closed' FROM rounds WHERE mode = 'electronic' ORDER BY seq`, nil,
			func(rows *sql.Rows) error {
				var r struct {
					id     int64
					closed bool
				}
				if err := rows.Scan(&r.id, &r.closed); err != nil {
					return err
				}
				rounds = append(rounds, r)
				return nil
			})
		if err != nil {
			return err
		}
		for _, r := range rounds {
			seal, _, err := readSeal(ctx, tx, r.id, false)
			if err != nil {
				return err
			}
			if !r.closed {
				// A seal without a commitment only counts the ballots cast so far.
				seal = roundSeal{Round: r.id, Ballots: seal.Ballots}
			}
			d.Seals = append(d.Seals, seal)
		}
		for _, t := range auditedTables() {
			c, err := readChange(ctx, tx, row(t.name))
			if err != nil {
				return err
			}
			d.Changes = append(d.Changes, c)
		}
		return s.appendEvent(ctx, tx, "chain.start", d)
	})
}
