package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"hoidong/model"
	"hoidong/voting"
)

// CreateMeeting stores the plan as a new meeting, giving members and
// nominees ids in plan order; it refuses a file that already has a meeting.
func (s *Store) CreateMeeting(ctx context.Context, p model.Plan) error {
	planText, err := encodePlan(&p)
	if err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM meeting`).Scan(&n); err != nil {
			return fmt.Errorf("create meeting: %w", err)
		}
		if n > 0 {
			return model.Errorf(model.EConflict, "Tệp %q đã có phiên họp; không thể tạo phiên họp mới trong tệp này.", s.path)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO meeting (id, plan, status) VALUES (1, ?, 'open')`, planText); err != nil {
			return fmt.Errorf("create meeting: %w", err)
		}
		if err := insertMembers(ctx, tx, p.Council.Members); err != nil {
			return err
		}
		ids, err := insertNominees(ctx, tx, p.Nominees)
		if err != nil {
			return err
		}
		if err := insertDossier(ctx, tx, &p, ids, p.Nominees); err != nil {
			return err
		}
		if err := insertPlanConflicts(ctx, tx, p.Council.Members, p.Nominees); err != nil {
			return err
		}
		return s.record(ctx, tx, "meeting.create",
			fmt.Sprintf("plan %s: %d members, %d nominees", p.Ref.Number, len(p.Council.Members), len(p.Nominees)),
			row("meeting"), row("members"), row("nominees"), row("candidacies"), row("dossier"), row("nominated_members"))
	})
}

func insertMembers(ctx context.Context, tx *sql.Tx, members []model.Member) error {
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO members (pos, name, position, role, votes) VALUES (?, ?, ?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("insert members: %w", err)
	}
	defer stmt.Close()
	for i, m := range members {
		role, err := roleText(m.Role)
		if err != nil {
			return model.Errorf(model.EInvalid, "Thành viên thứ %d (%s) có vai trò không hợp lệ.", i+1, m.Name)
		}
		if _, err := stmt.ExecContext(ctx, i+1, m.Name, m.Position, role, m.Votes); err != nil {
			return fmt.Errorf("insert member %d: %w", i+1, err)
		}
	}
	return nil
}

// insertNominees inserts the plan's nominees with their candidacies and
// returns their ids, in order.
func insertNominees(ctx context.Context, tx *sql.Tx, nominees []model.Nominee) ([]int64, error) {
	nstmt, err := tx.PrepareContext(ctx, `INSERT INTO nominees (pos, kind, name, unit, position, summary, facts)
		VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`)
	if err != nil {
		return nil, fmt.Errorf("insert nominees: %w", err)
	}
	defer nstmt.Close()
	cstmt, err := tx.PrepareContext(ctx, `INSERT INTO candidacies (nominee_id, award, pos) VALUES (?, ?, ?)`)
	if err != nil {
		return nil, fmt.Errorf("insert candidacies: %w", err)
	}
	defer cstmt.Close()
	ids := make([]int64, 0, len(nominees))
	for i, n := range nominees {
		kind, err := kindText(n.Kind)
		if err != nil {
			return nil, model.Errorf(model.EInvalid, "Đối tượng thứ %d (%s) không rõ là tập thể hay cá nhân.", i+1, n.Name)
		}
		facts, err := json.Marshal(n.Facts)
		if err != nil {
			return nil, fmt.Errorf("encode facts of nominee %d: %w", i+1, err)
		}
		var id int64
		if err := nstmt.QueryRowContext(ctx, i+1, kind, n.Name, n.Unit, n.Position, n.Summary, string(facts)).Scan(&id); err != nil {
			return nil, fmt.Errorf("insert nominee %d: %w", i+1, err)
		}
		ids = append(ids, id)
		for j, award := range n.Awards {
			if _, err := cstmt.ExecContext(ctx, id, award, j); err != nil {
				if isPrimaryKeyViolation(err) {
					return nil, model.Errorf(model.EInvalid, "Đối tượng thứ %d (%s) được đề nghị %q hai lần.", i+1, n.Name, award)
				}
				return nil, fmt.Errorf("insert candidacy %d/%s: %w", i+1, award, err)
			}
		}
	}
	return ids, nil
}

// meetingClosed is the error for any change after the meeting closed.
func meetingClosed() error {
	return model.Errorf(model.ELocked, "Phiên họp đã kết thúc; biên bản đã khóa, không thể thay đổi.")
}

// requireOpen refuses a change when there is no meeting or it has closed.
func (s *Store) requireOpen(ctx context.Context, q querier) error {
	var status string
	err := q.QueryRowContext(ctx, `SELECT status FROM meeting WHERE id = 1`).Scan(&status)
	if errors.Is(err, sql.ErrNoRows) {
		return s.noMeeting()
	}
	if err != nil {
		return fmt.Errorf("read meeting status: %w", err)
	}
	if status != "open" {
		return meetingClosed()
	}
	return nil
}

// openPlan refuses a change when the meeting is missing or closed, and
// otherwise returns its plan (without members and nominees).
func (s *Store) openPlan(ctx context.Context, q querier) (model.Plan, error) {
	plan, info, err := s.loadMeeting(ctx, q)
	if err != nil {
		return plan, err
	}
	if info.Status != model.MeetingOpen {
		return plan, meetingClosed()
	}
	return plan, nil
}

// openRoundSeq returns the seq of the open round, or 0 when none is open.
func openRoundSeq(ctx context.Context, q querier) (int, string, error) {
	var (
		seq   int
		award string
	)
	err := q.QueryRowContext(ctx, `SELECT seq, award FROM rounds WHERE status = 'open'`).Scan(&seq, &award)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, "", nil
	}
	if err != nil {
		return 0, "", fmt.Errorf("read open round: %w", err)
	}
	return seq, award, nil
}

// memberRow is what the writes need to know about a member.
type memberRow struct {
	ID         int64
	Name       string
	Votes      bool
	Attendance model.Attendance
}

func loadMember(ctx context.Context, q querier, id int64) (memberRow, error) {
	m := memberRow{ID: id}
	var attendance string
	err := q.QueryRowContext(ctx, `SELECT name, votes, attendance FROM members WHERE id = ?`, id).
		Scan(&m.Name, &m.Votes, &attendance)
	if errors.Is(err, sql.ErrNoRows) {
		return m, model.Errorf(model.ENotFound, "Không có thành viên Hội đồng mã %d.", id)
	}
	if err != nil {
		return m, fmt.Errorf("read member %d: %w", id, err)
	}
	if m.Attendance, err = parseAttendance(attendance); err != nil {
		return m, err
	}
	return m, nil
}

// nomineeRow is what the writes need to know about a nominee.
type nomineeRow struct {
	ID     int64
	Kind   model.Kind
	Name   string
	Awards []string
}

func loadNominee(ctx context.Context, q querier, id int64) (nomineeRow, error) {
	n := nomineeRow{ID: id}
	var kind string
	err := q.QueryRowContext(ctx, `SELECT kind, name FROM nominees WHERE id = ?`, id).Scan(&kind, &n.Name)
	if errors.Is(err, sql.ErrNoRows) {
		return n, model.Errorf(model.ENotFound, "Không có đối tượng đề nghị mã %d.", id)
	}
	if err != nil {
		return n, fmt.Errorf("read nominee %d: %w", id, err)
	}
	if n.Kind, err = parseKind(kind); err != nil {
		return n, err
	}
	err = scanRows(ctx, q, "read candidacies", `SELECT award FROM candidacies WHERE nominee_id = ? ORDER BY pos`, []any{id},
		func(rows *sql.Rows) error {
			var a string
			if err := rows.Scan(&a); err != nil {
				return err
			}
			n.Awards = append(n.Awards, a)
			return nil
		})
	return n, err
}

// awardName returns the award's name from the plan, or its code.
func awardName(p *model.Plan, code string) string {
	if a, ok := p.Award(code); ok && a.Name != "" {
		return a.Name
	}
	return code
}

// frozenAwards returns the names of the nominee's awards whose checklist can
// no longer change because the nominee has been put to a vote for them.
func frozenAwards(ctx context.Context, q querier, plan *model.Plan, n nomineeRow, awards []string) ([]string, error) {
	rounds, err := loadRounds(ctx, q, n.ID, false)
	if err != nil || len(rounds) == 0 {
		return nil, err
	}
	rec := model.Record{Plan: *plan, Rounds: rounds}
	var names []string
	for _, a := range awards {
		if voting.Frozen(&rec, n.ID, a) {
			names = append(names, awardName(plan, a))
		}
	}
	return names, nil
}

// SetAttendance records a member's presence (with the reason for an
// absence) and starts the meeting's clock at the first roll call; it is
// refused while a round is open. An absent member leaves the counting
// committee.
func (s *Store) SetAttendance(ctx context.Context, memberID int64, a model.Attendance, reason string) error {
	word, ok := attendanceText(a)
	if !ok {
		return model.Errorf(model.EInvalid, "Trạng thái điểm danh không hợp lệ (%d).", a)
	}
	reason = strings.TrimSpace(reason)
	if a != model.AttendanceAbsent {
		reason = ""
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := s.requireOpen(ctx, tx); err != nil {
			return err
		}
		m, err := loadMember(ctx, tx, memberID)
		if err != nil {
			return err
		}
		if seq, _, err := openRoundSeq(ctx, tx); err != nil {
			return err
		} else if seq != 0 {
			return model.Errorf(model.EConflict,
				"Vòng bỏ phiếu %d đang mở; không thể thay đổi điểm danh của %s cho đến khi vòng này kết thúc.", seq, m.Name)
		}
		_, err = tx.ExecContext(ctx, `UPDATE members SET attendance = ?1, absent_reason = ?2,
			teller = teller AND ?1 = 'present', teller_head = teller_head AND ?1 = 'present',
			written_ballot = written_ballot AND ?1 = 'absent' WHERE id = ?3`,
			word, reason, memberID)
		if err != nil {
			return fmt.Errorf("set attendance of member %d: %w", memberID, err)
		}
		res, err := tx.ExecContext(ctx, `UPDATE meeting SET started_at = ? WHERE id = 1 AND started_at IS NULL`,
			timeText(s.now()))
		if err != nil {
			return fmt.Errorf("start meeting: %w", err)
		}
		changed := []rowRef{row("members", memberID)}
		if n, err := res.RowsAffected(); err != nil {
			return fmt.Errorf("start meeting: %w", err)
		} else if n > 0 {
			changed = append(changed, row("meeting", 1))
		}
		detail := fmt.Sprintf("member %d: %s", memberID, word)
		if reason != "" {
			detail += " (" + reason + ")"
		}
		return s.record(ctx, tx, "attendance", detail, changed...)
	})
}

// SetTeller puts a present member on the counting committee or takes them
// off it; taking off the head leaves the committee without one.
func (s *Store) SetTeller(ctx context.Context, memberID int64, on bool) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := s.requireOpen(ctx, tx); err != nil {
			return err
		}
		m, err := loadMember(ctx, tx, memberID)
		if err != nil {
			return err
		}
		if on && m.Attendance != model.AttendancePresent {
			return model.Errorf(model.EConflict, "%s không có mặt nên không thể tham gia Ban kiểm phiếu.", m.Name)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE members SET teller = ?1, teller_head = teller_head AND ?1 WHERE id = ?2`,
			on, memberID); err != nil {
			return fmt.Errorf("set teller %d: %w", memberID, err)
		}
		return s.record(ctx, tx, "teller", fmt.Sprintf("member %d: teller %t", memberID, on), row("members", memberID))
	})
}

// SetTellerHead makes a present member a teller and the committee's only
// head.
func (s *Store) SetTellerHead(ctx context.Context, memberID int64) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := s.requireOpen(ctx, tx); err != nil {
			return err
		}
		m, err := loadMember(ctx, tx, memberID)
		if err != nil {
			return err
		}
		if m.Attendance != model.AttendancePresent {
			return model.Errorf(model.EConflict, "%s không có mặt nên không thể làm Trưởng ban kiểm phiếu.", m.Name)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE members SET teller_head = 0 WHERE teller_head = 1 AND id <> ?`, memberID); err != nil {
			return fmt.Errorf("clear teller head: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE members SET teller = 1, teller_head = 1 WHERE id = ?`, memberID); err != nil {
			return fmt.Errorf("set teller head %d: %w", memberID, err)
		}
		return s.record(ctx, tx, "teller", fmt.Sprintf("member %d: teller head", memberID), row("members"))
	})
}

// SetCheck confirms whether an eligibility check applies to a nominee; it
// is refused once the nominee has been put to a vote for any award.
func (s *Store) SetCheck(ctx context.Context, nomineeID int64, code string, applies bool) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		r, err := s.newReviewer(ctx, tx)
		if err != nil {
			return err
		}
		return r.setCheck(CheckEntry{Nominee: nomineeID, Code: code, Applies: applies})
	})
}

// SetMark records the mark and note on one criterion (numbered from 0) of a
// nominee's checklist for an award; it is refused once the nominee has been
// put to a vote for that award.
func (s *Store) SetMark(ctx context.Context, nomineeID int64, award string, idx int, mark model.Mark, note string) error {
	if _, ok := markText(mark); !ok {
		return model.Errorf(model.EInvalid, "Kết quả tiêu chí không hợp lệ (%d).", mark)
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		r, err := s.newReviewer(ctx, tx)
		if err != nil {
			return err
		}
		return r.setMark(MarkEntry{Nominee: nomineeID, Award: award, Idx: idx, Mark: mark, Note: note})
	})
}

// SetNomineeNote replaces the discussion note on a nominee.
func (s *Store) SetNomineeNote(ctx context.Context, nomineeID int64, note string) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := s.requireOpen(ctx, tx); err != nil {
			return err
		}
		if _, err := loadNominee(ctx, tx, nomineeID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE nominees SET note = ? WHERE id = ?`, note, nomineeID); err != nil {
			return fmt.Errorf("set note of nominee %d: %w", nomineeID, err)
		}
		return s.record(ctx, tx, "note", fmt.Sprintf("nominee %d", nomineeID), row("nominees", nomineeID))
	})
}

// SetDiscussion replaces the meeting's discussion notes.
func (s *Store) SetDiscussion(ctx context.Context, text string) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := s.requireOpen(ctx, tx); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE meeting SET discussion = ? WHERE id = 1`, text); err != nil {
			return fmt.Errorf("set discussion: %w", err)
		}
		return s.record(ctx, tx, "discussion", "", row("meeting", 1))
	})
}

// CloseMeeting closes the meeting; its record can no longer change. It is
// refused while a round is open.
func (s *Store) CloseMeeting(ctx context.Context) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := s.requireOpen(ctx, tx); err != nil {
			return err
		}
		if seq, _, err := openRoundSeq(ctx, tx); err != nil {
			return err
		} else if seq != 0 {
			return model.Errorf(model.EConflict, "Vòng bỏ phiếu %d đang mở; hãy kết thúc vòng này trước khi bế mạc phiên họp.", seq)
		}
		now := timeText(s.now())
		if _, err := tx.ExecContext(ctx, `UPDATE meeting SET status = 'closed', closed_at = ? WHERE id = 1`, now); err != nil {
			return fmt.Errorf("close meeting: %w", err)
		}
		return s.record(ctx, tx, "meeting.close", "", row("meeting", 1))
	})
}

// UnsetCheck forgets the council's answer on an eligibility check of a
// nominee, as if it had not been looked at yet (an undone mark); what the
// registration said stays.
func (s *Store) UnsetCheck(ctx context.Context, nomineeID int64, code string) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		plan, err := s.openPlan(ctx, tx)
		if err != nil {
			return err
		}
		n, err := loadNominee(ctx, tx, nomineeID)
		if err != nil {
			return err
		}
		frozen, err := frozenAwards(ctx, tx, &plan, n, n.Awards)
		if err != nil {
			return err
		}
		if len(frozen) > 0 {
			return model.Errorf(model.EConflict, "%s đã được đưa ra bỏ phiếu (%s); không thể sửa điều kiện khen thưởng.",
				n.Name, strings.Join(frozen, ", "))
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM checks WHERE nominee_id = ? AND code = ?`, nomineeID, code); err != nil {
			return fmt.Errorf("unset check %s of nominee %d: %w", code, nomineeID, err)
		}
		return s.record(ctx, tx, "check", fmt.Sprintf("nominee %d: %s not answered", nomineeID, code),
			row("checks", nomineeID, code))
	})
}
