package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"hoidong/model"
)

// SetPresiding records who presides over the meeting: memberID, a member
// present who is not the secretary (the chair by default; when the chair
// is absent, a vice-chair or any member present the council chooses).
// memberID 0 clears the choice, and model.Record.Presiding falls back to
// the chair, or the first vice-chair present. The choice is logged, and
// the person who presides is the one named as presiding in the minutes,
// who signs them, and whose name DecideTie records.
func (s *Store) SetPresiding(ctx context.Context, memberID int64) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := s.requireOpen(ctx, tx); err != nil {
			return err
		}
		var value any // NULL clears the choice
		if memberID != 0 {
			m, err := loadMember(ctx, tx, memberID)
			if err != nil {
				return err
			}
			if m.Attendance != model.AttendancePresent {
				return model.Errorf(model.EConflict, "%s không có mặt nên không thể chủ trì phiên họp.", m.Name)
			}
			var role string
			if err := tx.QueryRowContext(ctx, `SELECT role FROM members WHERE id = ?`, memberID).Scan(&role); err != nil {
				return fmt.Errorf("read role of member %d: %w", memberID, err)
			}
			if role == "secretary" {
				return model.Errorf(model.EConflict,
					"%s là thư ký, người ghi biên bản; người chủ trì phiên họp phải là thành viên khác của Hội đồng.", m.Name)
			}
			value = memberID
		}
		if _, err := tx.ExecContext(ctx, `UPDATE meeting SET presiding = ? WHERE id = 1`, value); err != nil {
			return fmt.Errorf("set presiding: %w", err)
		}
		note := "the default presides"
		if memberID != 0 {
			note = fmt.Sprintf("member %d presides", memberID)
		}
		return s.record(ctx, tx, "presiding", note, row("meeting", 1))
	})
}

// ConfirmMinutesDate records the date the minutes and the other documents
// carry, as "2023-12-15", when the day the meeting sat differs from the
// day the plan set (see model.Record.DateToConfirm); "" clears it, and the
// documents carry the day the meeting sat. It is logged, and refused once
// the meeting has closed.
func (s *Store) ConfirmMinutesDate(ctx context.Context, date string) error {
	date = strings.TrimSpace(date)
	var value any // NULL clears the date
	if date != "" {
		d, err := time.Parse(time.DateOnly, date)
		if err != nil || d.Year() < 1945 || d.Year() > 2999 {
			return model.Errorf(model.EInvalid,
				"Ngày ghi trên biên bản không hợp lệ: %q; ghi theo dạng năm-tháng-ngày, ví dụ 2023-12-15.", date)
		}
		value = date
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := s.requireOpen(ctx, tx); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE meeting SET minutes_date = ? WHERE id = 1`, value); err != nil {
			return fmt.Errorf("confirm minutes date: %w", err)
		}
		note := "the minutes carry the day the meeting sat"
		if date != "" {
			note = "the minutes carry " + date
		}
		return s.record(ctx, tx, "minutes.date", note, row("meeting", 1))
	})
}
