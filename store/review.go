package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"hoidong/model"
	"hoidong/voting"
)

// CheckEntry is the council's answer on one eligibility check of a
// nominee: whether the condition applies.
type CheckEntry struct {
	Nominee int64
	Code    string
	Applies bool
}

// MarkEntry is one criterion (numbered from 0) of a nominee's checklist
// for an award, marked, with its note.
type MarkEntry struct {
	Nominee int64
	Award   string
	Idx     int
	Mark    model.Mark
	Note    string
}

// Review records many answers on eligibility checks and many criterion
// marks in one transaction, all or nothing: checks first, then marks, in
// the order given. Each is refused, and logged, exactly as SetCheck and
// SetMark would refuse and log it on its own, one event each, so that the
// record reads as if they had been entered one by one; only the waits for
// the disk are shared.
func (s *Store) Review(ctx context.Context, checks []CheckEntry, marks []MarkEntry) error {
	for _, m := range marks {
		if _, ok := markText(m.Mark); !ok {
			return model.Errorf(model.EInvalid, "Kết quả tiêu chí không hợp lệ (%d).", m.Mark)
		}
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		r, err := s.newReviewer(ctx, tx)
		if err != nil {
			return err
		}
		for _, c := range checks {
			if err := r.setCheck(c); err != nil {
				return err
			}
		}
		for _, m := range marks {
			if err := r.setMark(m); err != nil {
				return err
			}
		}
		return nil
	})
}

// reviewer makes review changes inside one write transaction, reading the
// plan once and each nominee, with the awards it has been voted on, once.
type reviewer struct {
	s        *Store
	ctx      context.Context
	tx       *sql.Tx
	plan     model.Plan
	nominees map[int64]reviewedNominee
}

// reviewedNominee is a nominee as the review's checks need it.
type reviewedNominee struct {
	row    nomineeRow
	frozen map[string]string // award code → its name, for the awards it has been voted on
}

// newReviewer starts a review in tx, refusing when the meeting is missing
// or closed.
func (s *Store) newReviewer(ctx context.Context, tx *sql.Tx) (*reviewer, error) {
	plan, err := s.openPlan(ctx, tx)
	if err != nil {
		return nil, err
	}
	return &reviewer{s: s, ctx: ctx, tx: tx, plan: plan, nominees: map[int64]reviewedNominee{}}, nil
}

// nominee reads a nominee and the awards it has been voted on.
func (r *reviewer) nominee(id int64) (reviewedNominee, error) {
	if n, ok := r.nominees[id]; ok {
		return n, nil
	}
	row, err := loadNominee(r.ctx, r.tx, id)
	if err != nil {
		return reviewedNominee{}, err
	}
	n := reviewedNominee{row: row, frozen: map[string]string{}}
	rounds, err := loadRounds(r.ctx, r.tx, id, false)
	if err != nil {
		return reviewedNominee{}, err
	}
	rec := model.Record{Plan: r.plan, Rounds: rounds}
	for _, a := range row.Awards {
		if len(rounds) > 0 && voting.Frozen(&rec, id, a) {
			n.frozen[a] = awardName(&r.plan, a)
		}
	}
	r.nominees[id] = n
	return n, nil
}

// frozenNames returns, in the nominee's order, the names of its awards
// among awards that it has been voted on.
func (n reviewedNominee) frozenNames(awards []string) []string {
	var out []string
	for _, a := range awards {
		if name, ok := n.frozen[a]; ok {
			out = append(out, name)
		}
	}
	return out
}

// setCheck records one answer on an eligibility check, as SetCheck does.
func (r *reviewer) setCheck(c CheckEntry) error {
	n, err := r.nominee(c.Nominee)
	if err != nil {
		return err
	}
	known := false
	for _, e := range r.plan.Eligibility {
		known = known || e.Code == c.Code
	}
	if !known {
		return model.Errorf(model.ENotFound, "Kế hoạch không có điều kiện loại trừ mã %q.", c.Code)
	}
	if frozen := n.frozenNames(n.row.Awards); len(frozen) > 0 {
		return model.Errorf(model.EConflict, "%s đã được đưa ra bỏ phiếu (%s); không thể sửa điều kiện khen thưởng.",
			n.row.Name, strings.Join(frozen, ", "))
	}
	if _, err := r.tx.ExecContext(r.ctx, `INSERT INTO checks (nominee_id, code, applies) VALUES (?1, ?2, ?3)
		ON CONFLICT (nominee_id, code) DO UPDATE SET applies = ?3`, c.Nominee, c.Code, c.Applies); err != nil {
		return fmt.Errorf("set check %s of nominee %d: %w", c.Code, c.Nominee, err)
	}
	return r.s.record(r.ctx, r.tx, "check", fmt.Sprintf("nominee %d: %s applies %t", c.Nominee, c.Code, c.Applies),
		row("checks", c.Nominee, c.Code))
}

// setMark records one criterion mark, as SetMark does.
func (r *reviewer) setMark(m MarkEntry) error {
	word, ok := markText(m.Mark)
	if !ok {
		return model.Errorf(model.EInvalid, "Kết quả tiêu chí không hợp lệ (%d).", m.Mark)
	}
	note := strings.TrimSpace(m.Note)
	n, err := r.nominee(m.Nominee)
	if err != nil {
		return err
	}
	name := awardName(&r.plan, m.Award)
	found := false
	for _, a := range n.row.Awards {
		found = found || a == m.Award
	}
	if !found {
		return model.Errorf(model.ENotFound, "%s không được đề nghị %s.", n.row.Name, name)
	}
	criteria := r.plan.CriteriaFor(n.row.Kind, m.Award)
	if m.Idx < 0 || m.Idx >= len(criteria) {
		return model.Errorf(model.EInvalid, "Tiêu chí số %d không có trong danh mục %s của %s (có %d tiêu chí).",
			m.Idx+1, name, n.row.Name, len(criteria))
	}
	if len(n.frozenNames([]string{m.Award})) > 0 {
		return model.Errorf(model.EConflict, "%s đã được đưa ra bỏ phiếu %s; không thể sửa kết quả tiêu chí.", n.row.Name, name)
	}
	if m.Mark == model.MarkNone && note == "" {
		_, err = r.tx.ExecContext(r.ctx, `DELETE FROM marks WHERE nominee_id = ? AND award = ? AND idx = ?`, m.Nominee, m.Award, m.Idx)
	} else {
		_, err = r.tx.ExecContext(r.ctx, `INSERT INTO marks (nominee_id, award, idx, mark, note) VALUES (?1, ?2, ?3, ?4, ?5)
			ON CONFLICT (nominee_id, award, idx) DO UPDATE SET mark = ?4, note = ?5`, m.Nominee, m.Award, m.Idx, word, note)
	}
	if err != nil {
		return fmt.Errorf("set mark %d/%s/%d: %w", m.Nominee, m.Award, m.Idx, err)
	}
	return r.s.record(r.ctx, r.tx, "mark", fmt.Sprintf("nominee %d, %s, criterion %d: %s", m.Nominee, m.Award, m.Idx+1, word),
		row("marks", m.Nominee, m.Award, m.Idx))
}
