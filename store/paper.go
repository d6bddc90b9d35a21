package store

import (
	"context"
	"database/sql"
	"fmt"

	"hoidong/model"
	"hoidong/voting"
)

// Round modes as the rounds table spells them.
const (
	modeElectronic = "electronic"
	modePaper      = "paper"
)

// roundSpec is what opening a round needs: the award, the nominees in
// ballot order, the mode, and for a re-vote the round whose tie it settles.
type roundSpec struct {
	award    string
	nominees []int64
	mode     string
	parent   int64 // 0 for a first round
}

// note is the tail of the round.open event's note: the round re-voted.
func (sp roundSpec) note(rec *model.Record) string {
	if sp.parent == 0 {
		return ""
	}
	for _, r := range rec.Rounds {
		if r.ID == sp.parent {
			return fmt.Sprintf(", re-vote of round %d", r.Seq)
		}
	}
	return fmt.Sprintf(", re-vote of round id %d", sp.parent)
}

// nullID stores 0 as NULL, for optional references.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// OpenPaperRound opens a paper ballot round for an award over the given
// nominees, in ballot order, and returns its id, with the same checks as
// OpenRound. The counting committee counts the paper ballots; the round
// takes no ballot on the machine and closes when EnterPaperCounts stores
// the committee's figures.
func (s *Store) OpenPaperRound(ctx context.Context, award string, nominees []int64) (int64, error) {
	return s.openRound(ctx, roundSpec{award: award, nominees: nominees, mode: modePaper})
}

// EnterPaperCounts stores the counting committee's figures for an open paper
// round — ballots issued, returned, valid and invalid, and the agree count
// per nominee — tallies them against the award's rule with
// voting.TallyPaper and closes the round, all in one transaction. Counts
// that do not add up against the voting members present when the round
// opened and the envelopes of written ballots received (see
// voting.CheckPaperWritten) are refused with model.Problems naming
// each wrong figure, and nothing is stored; so are fewer than 2 returned
// ballots, whose tally would show how the one voter voted.
func (s *Store) EnterPaperCounts(ctx context.Context, roundID int64, c voting.PaperCounts) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		cr, err := s.loadClosing(ctx, tx, roundID, true,
			"Vòng bỏ phiếu %d đã kết thúc; không nhập lại số liệu kiểm phiếu.",
			"Vòng bỏ phiếu %d bỏ phiếu trên máy, không phải vòng bỏ phiếu giấy; không nhập số liệu kiểm phiếu giấy.")
		if err != nil {
			return err
		}
		r, nominees := cr.row, cr.nominees
		names, err := nomineeNames(ctx, tx, roundID)
		if err != nil {
			return err
		}
		envelopes, err := roundWritten(ctx, tx, roundID, true)
		if err != nil {
			return err
		}
		if ps := voting.CheckPaperWritten(c, nominees, r.Eligible, len(envelopes), func(id int64) string { return names[id] }); ps != nil {
			return ps
		}
		if c.Returned < 2 {
			return model.Errorf(model.EConflict,
				"Vòng bỏ phiếu giấy %d chỉ thu về %d phiếu; bỏ phiếu kín cần ít nhất 2 phiếu thu về mới kiểm phiếu được (kết quả của một phiếu chính là lá phiếu của người bỏ). Chưa đóng vòng.",
				r.Seq, c.Returned)
		}
		rows := make([][]any, len(nominees))
		for i, id := range nominees {
			rows[i] = []any{roundID, id, c.Agree[id]}
		}
		if err := insertRows(ctx, tx, "paper_counts (round_id, nominee_id, agree)", rows); err != nil {
			return err
		}
		base, err := closingBase(ctx, tx, r, c.Valid)
		if err != nil {
			return err
		}
		lines := voting.TallyPaper(cr.award.Rule, nominees, c.Agree, base)
		if err := s.finishRound(ctx, tx, roundID, lines, c.Issued, c.Returned, c.Valid, c.Invalid); err != nil {
			return err
		}
		return s.record(ctx, tx, "round.paper",
			fmt.Sprintf("round %d closed on paper: %d issued, %d returned, %d valid, %d invalid",
				r.Seq, c.Issued, c.Returned, c.Valid, c.Invalid),
			row("rounds", roundID), row("paper_counts", roundID), row("results", roundID))
	})
	if err != nil {
		return err
	}
	return s.scrub(ctx)
}

// nomineeNames returns the names of a round's nominees by id.
func nomineeNames(ctx context.Context, q querier, roundID int64) (map[int64]string, error) {
	out := map[int64]string{}
	err := scanRows(ctx, q, "read nominee names",
		`SELECT n.id, n.name FROM round_nominees r JOIN nominees n ON n.id = r.nominee_id WHERE r.round_id = ?`,
		[]any{roundID}, func(rows *sql.Rows) error {
			var (
				id   int64
				name string
			)
			if err := rows.Scan(&id, &name); err != nil {
				return err
			}
			out[id] = name
			return nil
		})
	return out, err
}
