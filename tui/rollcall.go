package tui

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"hoidong/export"
	"hoidong/model"
	"hoidong/store"
	"hoidong/voting"
)

// rollCallScreen records who is present, with the quorum computed live.
type rollCallScreen struct {
	cursor int
}

// title implements screen.
func (s *rollCallScreen) title() string { return "Điểm danh" }

// update implements screen.
func (s *rollCallScreen) update(c *shared, msg tea.KeyPressMsg) tea.Cmd {
	members := c.rec.Members
	if len(members) == 0 {
		return nil
	}
	s.cursor = clamp(s.cursor, len(members))
	m := members[s.cursor]
	st := c.st
	switch {
	case key.Matches(msg, c.keys.Up):
		s.cursor = clamp(s.cursor-1, len(members))
	case key.Matches(msg, c.keys.Down):
		s.cursor = clamp(s.cursor+1, len(members))
	case key.Matches(msg, c.keys.Present):
		back := s.cursor
		s.cursor = clamp(s.cursor+1, len(members))
		return c.doThen(pageRollCall, m.Name+": có mặt.", func() { s.cursor = back }, func(ctx context.Context) error {
			return st.SetAttendance(ctx, m.ID, model.AttendancePresent, "")
		})
	case key.Matches(msg, c.keys.Unlock):
		if !m.Locked {
			return say(m.Name+" không bị khóa.", true)
		}
		return c.do(pageRollCall, "Đã mở khóa cho "+m.Name+".", func(ctx context.Context) error {
			return st.UnlockMember(ctx, m.ID)
		})
	case key.Matches(msg, c.keys.IssueCodes):
		if !c.rec.Plan.Meeting.Secret {
			return say("Kế hoạch không dùng mã bỏ phiếu riêng (secret = false trong mục [meeting]).", true)
		}
		path := filepath.Join(c.exportDir, "phieu-ma-bo-phieu.txt")
		return askDo("Cấp mã bỏ phiếu cho mọi thành viên được biểu quyết chưa có mã?\n\nCác phiếu mã được ghi vào tệp:\n"+path+"\n\nIn tệp, cắt và trao tận tay từng người, rồi xóa tệp.",
			job{from: pageRollCall, ack: "Đã ghi phiếu mã vào " + path + ". In, trao tận tay rồi xóa tệp.", write: func(ctx context.Context) error {
				codes, err := st.IssueCodes(ctx)
				if err != nil {
					return err
				}
				if len(codes) == 0 {
					return model.Errorf(model.EConflict, "Mọi thành viên được biểu quyết đều đã có mã; muốn cấp lại cho một người, chọn người đó và nhấn r.")
				}
				return writeSlips(ctx, st, path, codes)
			}})
	case key.Matches(msg, c.keys.ReissueCode):
		if !c.rec.Plan.Meeting.Secret {
			return say("Kế hoạch không dùng mã bỏ phiếu riêng (secret = false trong mục [meeting]).", true)
		}
		path := filepath.Join(c.exportDir, fmt.Sprintf("phieu-ma-bo-phieu-%d.txt", m.ID))
		return askDo("Cấp mã mới cho "+m.Name+"? Mã cũ hết hiệu lực ngay.\n\nPhiếu mã được ghi vào tệp:\n"+path,
			job{from: pageRollCall, ack: "Đã ghi phiếu mã mới của " + m.Name + " vào " + path + ".", write: func(ctx context.Context) error {
				code, err := st.ReissueCode(ctx, m.ID)
				if err != nil {
					return err
				}
				return writeSlips(ctx, st, path, map[int64]string{m.ID: code})
			}})
	case key.Matches(msg, c.keys.Absent):
		return prompt("Lý do vắng mặt của "+m.Name+":", m.AbsentReason, func(reason string) tea.Cmd {
			back := s.cursor
			s.cursor = clamp(s.cursor+1, len(members))
			return c.doThen(pageRollCall, m.Name+": vắng mặt.", func() { s.cursor = back }, func(ctx context.Context) error {
				return st.SetAttendance(ctx, m.ID, model.AttendanceAbsent, reason)
			})
		})
	}
	return nil
}

// writeSlips writes printable code slips to path. It runs inside a job.
func writeSlips(ctx context.Context, st *store.Store, path string, codes map[int64]string) error {
	rec, err := st.Record(ctx)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := export.CodeSlips(&b, &rec, codes); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return model.Errorf(model.EInvalid, "Không tạo được thư mục %s: %v. Các mã đã cấp; hãy cấp lại (phím r) sau khi sửa.", filepath.Dir(path), err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		return model.Errorf(model.EInvalid, "Không ghi được tệp %s: %v. Các mã đã cấp; hãy cấp lại (phím r) sau khi sửa.", path, err)
	}
	return nil
}

// attendanceLabel is the Vietnamese word for a member's attendance.
func attendanceLabel(m model.MemberRecord) string {
	switch m.Attendance {
	case model.AttendancePresent:
		return "Có mặt"
	case model.AttendanceAbsent:
		if m.AbsentReason != "" {
			return "Vắng – " + m.AbsentReason
		}
		return "Vắng"
	}
	return "Chưa điểm danh"
}

// quorumLines writes the quorum with its arithmetic, the arithmetic on a
// line of its own when both do not fit on one.
func quorumLines(q voting.QuorumState, width int) []string {
	text := q.Text()
	if lipgloss.Width(text) <= width {
		return []string{text}
	}
	arith := q.Arithmetic()
	head := strings.TrimSuffix(strings.TrimSuffix(text, arith), ": ")
	return append(wrap(head+":", width), "  "+arith)
}

// view implements screen.
func (s *rollCallScreen) view(c *shared) string {
	st := c.styles
	rec := c.rec
	var b strings.Builder
	q := voting.Quorum(rec)
	qs := st.Bad
	if q.Met {
		qs = st.Good
	}
	quorum := quorumLines(q, c.width)
	b.WriteString(qs.Render(strings.Join(quorum, "\n")) + "\n")
	b.WriteString(st.Muted.Render("Chỉ thành viên có quyền biểu quyết được tính vào số có mặt.") + "\n\n")
	nameW, roleW := 28, 22
	b.WriteString(st.Header.Render(padRight("  Họ và tên", nameW+2)+padRight("Vai trò", roleW)+"Điểm danh") + "\n")
	rows := c.height - 4 - len(quorum)
	start := window(s.cursor, len(rec.Members), rows)
	for i := start; i < len(rec.Members) && i < start+rows; i++ {
		m := rec.Members[i]
		role := m.Role.Label()
		if !m.Votes {
			role += " (không BQ)"
		}
		state := attendanceLabel(m)
		if m.Locked {
			state += " · BỊ KHÓA (" + c.keys.Unlock.Help().Key + ": mở)"
		} else if rec.Plan.Meeting.Secret && m.Votes && !m.HasSecret {
			state += " · chưa có mã"
		}
		stStyle := st.Muted
		switch m.Attendance {
		case model.AttendancePresent:
			stStyle = st.Good
		case model.AttendanceAbsent:
			stStyle = st.Warn
		}
		line := padRight(m.Name, nameW) + padRight(role, roleW)
		if i == s.cursor {
			b.WriteString(st.Selected.Render("› "+line) + stStyle.Render(truncate(state, c.width-nameW-roleW-2)) + "\n")
		} else {
			b.WriteString("  " + line + stStyle.Render(truncate(state, c.width-nameW-roleW-2)) + "\n")
		}
	}
	return b.String()
}

// help implements screen.
func (s *rollCallScreen) help(c *shared) bindings {
	k := c.keys
	if c.rec.Plan.Meeting.Secret {
		return bindings{
			short: []key.Binding{k.Present, k.Absent, k.IssueCodes, k.Unlock, k.Back, k.Help},
			full:  [][]key.Binding{{k.Up, k.Down, k.Present, k.Absent}, {k.IssueCodes, k.ReissueCode, k.Unlock}, {k.Back, k.Help, k.Quit}},
		}
	}
	return bindings{short: []key.Binding{k.Up, k.Down, k.Present, k.Absent, k.Back, k.Help}}
}
