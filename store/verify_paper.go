package store

import (
	"database/sql"
	"fmt"

	"hoidong/voting"
)

// paperRecount checks a paper round against the counting committee's
// figures (the round's issued, returned, valid and invalid, and
// paper_counts): an open round has none yet; a closed one has figures that
// add up (voting.CheckPaper) and results that voting.TallyPaper recounts
// from them.
func (v *verifier) paperRecount(r *roundInfo, name string) (string, error) {
	var issued, returned, valid, invalid int
	if err := v.q.QueryRowContext(v.ctx, `SELECT issued, returned, valid, invalid FROM rounds WHERE id = ?`, r.id).
		Scan(&issued, &returned, &valid, &invalid); err != nil {
		return "", fmt.Errorf("verify paper round %d: %w", r.id, err)
	}
	c := voting.PaperCounts{Issued: issued, Returned: returned, Valid: valid, Invalid: invalid, Agree: map[int64]int{}}
	err := scanRows(v.ctx, v.q, "read paper counts", `SELECT nominee_id, agree FROM paper_counts WHERE round_id = ?`,
		[]any{r.id}, func(rows *sql.Rows) error {
			var (
				id    int64
				agree int
			)
			if err := rows.Scan(&id, &agree); err != nil {
				return err
			}
			c.Agree[id] = agree
			return nil
		})
	if err != nil {
		return "", err
	}
	if r.status != "closed" {
		if len(c.Agree) > 0 {
			return fmt.Sprintf("%s (đang mở) đã có số liệu kiểm phiếu giấy; số liệu chỉ được ghi khi kết thúc vòng.", name), nil
		}
		return "", nil
	}
	base, err := closingBase(v.ctx, v.q, roundRow{ID: r.id, Paper: true, AllMembers: r.all, Eligible: r.eligible}, valid)
	if err != nil {
		return "", err
	}
	envelopes := base.Present - r.eligible
	if ps := voting.CheckPaperWritten(c, r.nominees, r.eligible, envelopes, func(id int64) string { return v.names.nominee(id) }); ps != nil {
		return fmt.Sprintf("%s: số liệu kiểm phiếu giấy không khớp nhau: %s.", name, ps[0]), nil
	}
	award, ok := v.names.plan.Award(r.award)
	if !ok {
		return fmt.Sprintf("%s: kế hoạch không có danh hiệu mã %q của vòng này.", name, r.award), nil
	}
	lines := voting.TallyPaper(award.Rule, r.nominees, c.Agree, base)
	return v.compareResults(name, r, lines, "kiểm lại từ số liệu kiểm phiếu giấy"), nil
}
