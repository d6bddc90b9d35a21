package tui

import (
	"context"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"hoidong/model"
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
		s.cursor = clamp(s.cursor+1, len(members))
		return c.do(pageRollCall, m.Name+": có mặt.", func(ctx context.Context) error {
			return st.SetAttendance(ctx, m.ID, model.AttendancePresent, "")
		})
	case key.Matches(msg, c.keys.Absent):
		return prompt("Lý do vắng mặt của "+m.Name+":", m.AbsentReason, func(reason string) tea.Cmd {
			s.cursor = clamp(s.cursor+1, len(members))
			return c.do(pageRollCall, m.Name+": vắng mặt.", func(ctx context.Context) error {
				return st.SetAttendance(ctx, m.ID, model.AttendanceAbsent, reason)
			})
		})
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
	b.WriteString(qs.Render(q.Text()) + "\n")
	b.WriteString(st.Muted.Render("Chỉ thành viên có quyền biểu quyết được tính vào số có mặt.") + "\n\n")
	nameW, roleW := 28, 22
	b.WriteString(st.Header.Render(padRight("  Họ và tên", nameW+2)+padRight("Vai trò", roleW)+"Điểm danh") + "\n")
	rows := c.height - 5
	start := window(s.cursor, len(rec.Members), rows)
	for i := start; i < len(rec.Members) && i < start+rows; i++ {
		m := rec.Members[i]
		role := m.Role.Label()
		if !m.Votes {
			role += " (không BQ)"
		}
		state := attendanceLabel(m)
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
	return bindings{short: []key.Binding{k.Up, k.Down, k.Present, k.Absent, k.Back, k.Help}}
}
