package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"golang.org/x/text/unicode/norm"

	"hoidong/model"
)

// AddCorrection records a correction to a closed meeting's record: the
// record itself stays as it was, and the correction is a new, dated entry
// that the minutes show as such. It is refused while the meeting is open,
// when the record can still be changed directly.
func (s *Store) AddCorrection(ctx context.Context, text string) error {
	text = norm.NFC.String(strings.TrimSpace(text))
	if text == "" {
		return model.Errorf(model.EInvalid, "Nội dung đính chính đang để trống.")
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		_, info, err := s.loadMeeting(ctx, tx)
		if err != nil {
			return err
		}
		if info.Status != model.MeetingClosed {
			return model.Errorf(model.EConflict,
				"Phiên họp chưa kết thúc; hãy sửa trực tiếp trong biên bản thay vì ghi đính chính.")
		}
		var seq int64
		if err := tx.QueryRowContext(ctx, `INSERT INTO corrections (at, text) VALUES (?, ?) RETURNING seq`,
			timeText(s.now()), text).Scan(&seq); err != nil {
			return fmt.Errorf("add correction: %w", err)
		}
		return s.record(ctx, tx, "correction", fmt.Sprintf("correction %d", seq), row("corrections", seq))
	})
}

// loadCorrections reads the corrections in the order they were made.
func loadCorrections(ctx context.Context, q querier) ([]model.Correction, error) {
	var out []model.Correction
	err := scanRows(ctx, q, "read corrections", `SELECT at, text FROM corrections ORDER BY seq`, nil,
		func(rows *sql.Rows) error {
			var (
				c  model.Correction
				at sql.NullString
			)
			if err := rows.Scan(&at, &c.Text); err != nil {
				return err
			}
			var err error
			if c.At, err = parseTime(at); err != nil {
				return err
			}
			out = append(out, c)
			return nil
		})
	return out, err
}

// loadEvents reads the event log in seq order and returns it with its head.
func loadEvents(ctx context.Context, q querier) ([]model.Event, string, error) {
	var out []model.Event
	err := scanRows(ctx, q, "read events", `SELECT seq, at, kind, detail, hash FROM events ORDER BY seq`, nil,
		func(rows *sql.Rows) error {
			var (
				e        model.Event
				at, hash sql.NullString
			)
			if err := rows.Scan(&e.Seq, &at, &e.Kind, &e.Detail, &hash); err != nil {
				return err
			}
			var err error
			if e.At, err = parseTime(at); err != nil {
				return err
			}
			e.Hash = hash.String
			out = append(out, e)
			return nil
		})
	if err != nil || len(out) == 0 {
		return out, "", err
	}
	return out, out[len(out)-1].Hash, nil
}

// loadClosingEvents reads the events that may have closed a round, in
// seq order: all closeHeads looks at.
func loadClosingEvents(ctx context.Context, q querier) ([]model.Event, error) {
	var out []model.Event
	err := scanRows(ctx, q, "read events", `SELECT seq, kind, detail, hash FROM events
		WHERE kind IN ('round.close', 'round.paper') ORDER BY seq`, nil,
		func(rows *sql.Rows) error {
			var (
				e    model.Event
				hash sql.NullString
			)
			if err := rows.Scan(&e.Seq, &e.Kind, &e.Detail, &hash); err != nil {
				return err
			}
			e.Hash = hash.String
			out = append(out, e)
			return nil
		})
	return out, err
}

// closeHeads maps each round closed in the log to the stored hash of the
// event that closed it. Verify recomputes the same map (VerifyReport's
// RoundHeads); this one only reads what the file says.
func closeHeads(events []model.Event, rounds []model.Round) map[int64]string {
	heads := map[int64]string{}
	for _, e := range events {
		if e.Kind != "round.close" && e.Kind != "round.paper" {
			continue
		}
		if seq, ok := legacyClosedRound(e.Kind, e.Detail); ok {
			for _, r := range rounds {
				if int64(r.Seq) == seq {
					heads[r.ID] = e.Hash
				}
			}
			continue
		}
		d, err := decodeDetail(e.Detail)
		if err != nil {
			continue
		}
		if id, ok := closedRound(e.Kind, d); ok {
			heads[id] = e.Hash
		}
	}
	return heads
}
