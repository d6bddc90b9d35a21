package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/text/unicode/norm"

	"hoidong/model"
)

// The dossier of each candidacy (which documents the plan asks for have
// been received) and the remarks of the discussion (who said what). Both
// change until the meeting closes: a dossier may still arrive after the
// vote, and a remark may be corrected before the minutes are signed.

// SetDocumentReceived marks document doc (its place, from 0, in the
// award's list of documents in the plan) of the dossier of the nominee
// proposed for award as received, or as not received. It is refused for
// a document the program writes itself, and once the meeting has closed;
// it is logged.
func (s *Store) SetDocumentReceived(ctx context.Context, nomineeID int64, award string, doc int, received bool) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		plan, err := s.openPlan(ctx, tx)
		if err != nil {
			return err
		}
		n, err := loadNominee(ctx, tx, nomineeID)
		if err != nil {
			return err
		}
		if err := checkDossierDoc(&plan, n, award, doc); err != nil {
			return err
		}
		if received {
			_, err = tx.ExecContext(ctx, `INSERT INTO dossier (nominee_id, award, doc) VALUES (?, ?, ?)
				ON CONFLICT DO NOTHING`, nomineeID, award, doc)
		} else {
			_, err = tx.ExecContext(ctx, `DELETE FROM dossier WHERE nominee_id = ? AND award = ? AND doc = ?`, nomineeID, award, doc)
		}
		if err != nil {
			return fmt.Errorf("set document %d/%s/%d: %w", nomineeID, award, doc, err)
		}
		state := "received"
		if !received {
			state = "not received"
		}
		return s.record(ctx, tx, "dossier", fmt.Sprintf("nominee %d, %s, document %d: %s", nomineeID, award, doc+1, state),
			row("dossier", nomineeID, award, doc))
	})
}

// checkDossierDoc refuses a document that is not one n's dossier for
// award can be marked for.
func checkDossierDoc(plan *model.Plan, n nomineeRow, award string, doc int) error {
	name := awardName(plan, award)
	found := false
	for _, a := range n.Awards {
		found = found || a == award
	}
	if !found {
		return model.Errorf(model.ENotFound, "%s không được đề nghị %s.", n.Name, name)
	}
	a, _ := plan.Award(award)
	switch {
	case len(a.Documents) == 0:
		return model.Errorf(model.EInvalid, "Kế hoạch không quy định hồ sơ cho %s.", name)
	case doc < 0 || doc >= len(a.Documents):
		return model.Errorf(model.EInvalid, "Hồ sơ %s không có giấy tờ số %d (có %d giấy tờ).", name, doc+1, len(a.Documents))
	case a.Documents[doc].Produced:
		return model.Errorf(model.EInvalid, "«%s» do chương trình lập từ phiên họp; không cần đánh dấu đã nhận.", a.Documents[doc].Label())
	}
	return nil
}

// insertDossier stores the documents each of nominees (inserted under
// ids) is registered with as received; documents the program writes are
// left out.
func insertDossier(ctx context.Context, tx *sql.Tx, plan *model.Plan, ids []int64, nominees []model.Nominee) error {
	var rows [][]any
	for i, n := range nominees {
		nr := nomineeRow{ID: ids[i], Name: n.Name, Awards: n.Awards}
		seen := map[model.DossierDoc]bool{}
		for _, d := range n.Received {
			if a, ok := plan.Award(d.Award); ok && d.Doc >= 0 && d.Doc < len(a.Documents) && a.Documents[d.Doc].Produced {
				continue
			}
			if err := checkDossierDoc(plan, nr, d.Award, d.Doc); err != nil {
				return model.Errorf(model.EInvalid, "Đối tượng thứ %d (%s): %s", i+1, n.Name, err.Error())
			}
			if !seen[d] {
				seen[d] = true
				rows = append(rows, []any{ids[i], d.Award, d.Doc})
			}
		}
	}
	return insertRows(ctx, tx, "dossier (nominee_id, award, doc)", rows)
}

// scanDossier reads one row of dossier into its candidacy.
func (l *nomineeLoader) scanDossier(rows *sql.Rows) error {
	var (
		id    int64
		award string
		doc   int
	)
	if err := rows.Scan(&id, &award, &doc); err != nil {
		return err
	}
	i, ok := l.index[id]
	if !ok {
		return fmt.Errorf("dossier of unknown nominee %d", id)
	}
	for ci := range l.out[i].Candidacies {
		c := &l.out[i].Candidacies[ci]
		if c.Award == award && doc < len(c.Received) {
			c.Received[doc] = true
		}
	}
	return nil
}

// received gives each nominee read the list of the documents received
// for its dossiers, as its registration gives it (model.Nominee.Received).
func (l *nomineeLoader) received() {
	for i := range l.out {
		n := &l.out[i]
		for _, c := range n.Candidacies {
			for doc, ok := range c.Received {
				if ok {
					n.Received = append(n.Received, model.DossierDoc{Award: c.Award, Doc: doc})
				}
			}
		}
	}
}

// scanRemark reads one row of remarks about a nominee.
func (l *nomineeLoader) scanRemark(rows *sql.Rows) error {
	var (
		id int64
		r  model.Remark
	)
	if err := rows.Scan(&r.ID, &id, &r.Speaker, &r.SpeakerName, &r.Text); err != nil {
		return err
	}
	i, ok := l.index[id]
	if !ok {
		return fmt.Errorf("remark of unknown nominee %d", id)
	}
	l.out[i].Remarks = append(l.out[i].Remarks, r)
	return nil
}

// remarkColumns are the columns scanRemark reads, after the FROM.
const remarkColumns = `SELECT id, nominee_id, coalesce(speaker, 0), speaker_name, text FROM remarks`

// loadMeetingRemarks reads the remarks about the meeting itself.
func loadMeetingRemarks(ctx context.Context, q querier) ([]model.Remark, error) {
	var out []model.Remark
	err := scanRows(ctx, q, "read remarks", `SELECT id, coalesce(speaker, 0), speaker_name, text FROM remarks
		WHERE nominee_id IS NULL ORDER BY id`, nil,
		func(rows *sql.Rows) error {
			var r model.Remark
			if err := rows.Scan(&r.ID, &r.Speaker, &r.SpeakerName, &r.Text); err != nil {
				return err
			}
			out = append(out, r)
			return nil
		})
	return out, err
}

// remarkInput is a remark as given, cleaned.
type remarkInput struct {
	speaker     int64
	speakerName string
	text        string
}

// cleanRemark trims and normalises a remark and refuses empty words.
func cleanRemark(speaker int64, speakerName, text string) (remarkInput, error) {
	in := remarkInput{speaker: speaker, speakerName: norm.NFC.String(strings.TrimSpace(speakerName)),
		text: norm.NFC.String(strings.TrimSpace(text))}
	if in.text == "" {
		return in, model.Errorf(model.EInvalid, "Nội dung ý kiến phát biểu đang để trống.")
	}
	if speaker < 0 {
		return in, model.Errorf(model.ENotFound, "Không có thành viên Hội đồng mã %d.", speaker)
	}
	return in, nil
}

// speakerOf returns the name a remark records for in.speaker: the
// member's, who must be present; for "ý kiến khác" (0) the name typed.
// keep is the member already recorded for the remark being edited, who
// may speak on it whatever the roll call says now.
func speakerOf(ctx context.Context, q querier, in remarkInput, keep int64) (string, error) {
	if in.speaker == 0 {
		return in.speakerName, nil
	}
	m, err := loadMember(ctx, q, in.speaker)
	if err != nil {
		return "", err
	}
	if m.Attendance != model.AttendancePresent && in.speaker != keep {
		return "", model.Errorf(model.EConflict,
			"%s không có mặt tại phiên họp theo điểm danh nên không thể ghi ý kiến phát biểu; ý kiến của người không phải thành viên dự họp ghi là «ý kiến khác».", m.Name)
	}
	return m.Name, nil
}

// AddRemark records what someone said in the discussion about the nominee
// with nomineeID, or about the meeting when nomineeID is 0, and returns
// the remark's id. speaker is the council member who spoke, who must be
// present (the name recorded is theirs; speakerName is ignored), or 0 for
// "ý kiến khác", with speakerName saying whose (it may be empty). Empty
// text is refused, and so is any remark once the meeting has closed; it
// is logged.
func (s *Store) AddRemark(ctx context.Context, nomineeID, speaker int64, speakerName, text string) (int64, error) {
	in, err := cleanRemark(speaker, speakerName, text)
	if err != nil {
		return 0, err
	}
	var id int64
	err = s.write(ctx, func(tx *sql.Tx) error {
		if err := s.requireOpen(ctx, tx); err != nil {
			return err
		}
		if nomineeID != 0 {
			if _, err := loadNominee(ctx, tx, nomineeID); err != nil {
				return err
			}
		}
		name, err := speakerOf(ctx, tx, in, 0)
		if err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, `INSERT INTO remarks (nominee_id, speaker, speaker_name, text) VALUES (?, ?, ?, ?) RETURNING id`,
			nullID(nomineeID), nullID(in.speaker), name, in.text).Scan(&id); err != nil {
			return fmt.Errorf("add remark: %w", err)
		}
		return s.record(ctx, tx, "remark", remarkNote("added", id, nomineeID), row("remarks", id))
	})
	return id, err
}

// EditRemark changes who said a remark and what, under the rules of
// AddRemark; the member already recorded for it may stay its speaker even
// if the roll call now says they are absent.
func (s *Store) EditRemark(ctx context.Context, id, speaker int64, speakerName, text string) error {
	in, err := cleanRemark(speaker, speakerName, text)
	if err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := s.requireOpen(ctx, tx); err != nil {
			return err
		}
		nominee, was, err := loadRemark(ctx, tx, id)
		if err != nil {
			return err
		}
		name, err := speakerOf(ctx, tx, in, was)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE remarks SET speaker = ?, speaker_name = ?, text = ? WHERE id = ?`,
			nullID(in.speaker), name, in.text, id); err != nil {
			return fmt.Errorf("edit remark %d: %w", id, err)
		}
		return s.record(ctx, tx, "remark", remarkNote("edited", id, nominee), row("remarks", id))
	})
}

// DeleteRemark removes a remark, until the meeting closes; it is logged.
func (s *Store) DeleteRemark(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := s.requireOpen(ctx, tx); err != nil {
			return err
		}
		nominee, _, err := loadRemark(ctx, tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM remarks WHERE id = ?`, id); err != nil {
			return fmt.Errorf("delete remark %d: %w", id, err)
		}
		return s.record(ctx, tx, "remark", remarkNote("deleted", id, nominee), row("remarks", id))
	})
}

// loadRemark returns the nominee a remark is about (0 for the meeting) and
// its speaker (0 for "ý kiến khác").
func loadRemark(ctx context.Context, q querier, id int64) (nominee, speaker int64, err error) {
	err = q.QueryRowContext(ctx, `SELECT coalesce(nominee_id, 0), coalesce(speaker, 0) FROM remarks WHERE id = ?`, id).
		Scan(&nominee, &speaker)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, 0, model.Errorf(model.ENotFound, "Không có ý kiến phát biểu mã %d.", id)
	}
	if err != nil {
		return 0, 0, fmt.Errorf("read remark %d: %w", id, err)
	}
	return nominee, speaker, nil
}

// remarkNote is the log's note for a change of a remark.
func remarkNote(what string, id, nominee int64) string {
	if nominee == 0 {
		return fmt.Sprintf("remark %d on the meeting %s", id, what)
	}
	return fmt.Sprintf("remark %d on nominee %d %s", id, nominee, what)
}
