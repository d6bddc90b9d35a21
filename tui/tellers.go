package tui

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"hoidong/model"
)

// tellersScreen chooses the counting committee among members present.
type tellersScreen struct {
	cursor int
}

// title implements screen.
func (s *tellersScreen) title() string { return "Ban kiểm phiếu" }

// committee counts the counting committee and names its head ("" if none).
func committee(rec *model.Record) (tellers int, head string) {
	for _, m := range rec.Members {
		if m.Teller {
			tellers++
		}
		if m.TellerHead {
			head = m.Name
		}
	}
	return tellers, head
}

// presentMembers returns the members present.
func presentMembers(rec *model.Record) []model.MemberRecord {
	var out []model.MemberRecord
	for _, m := range rec.Members {
		if m.Attendance == model.AttendancePresent {
			out = append(out, m)
		}
	}
	return out
}

// update implements screen.
func (s *tellersScreen) update(c *shared, msg tea.KeyPressMsg) tea.Cmd {
	ms := presentMembers(c.rec)
	if len(ms) == 0 {
		return nil
	}
	s.cursor = clamp(s.cursor, len(ms))
	m := ms[s.cursor]
	st := c.st
	switch {
	case key.Matches(msg, c.keys.Up):
		s.cursor = clamp(s.cursor-1, len(ms))
	case key.Matches(msg, c.keys.Down):
		s.cursor = clamp(s.cursor+1, len(ms))
	case key.Matches(msg, c.keys.ToggleTeller):
		on := !m.Teller
		ack := m.Name + ": ủy viên Ban kiểm phiếu."
		if !on {
			ack = m.Name + ": không còn trong Ban kiểm phiếu."
		}
		return c.do(pageTellers, ack, func(ctx context.Context) error { return st.SetTeller(ctx, m.ID, on) })
	case key.Matches(msg, c.keys.TellerHead):
		return c.do(pageTellers, m.Name+": Trưởng ban kiểm phiếu.", func(ctx context.Context) error { return st.SetTellerHead(ctx, m.ID) })
	}
	return nil
}

// view implements screen.
func (s *tellersScreen) view(c *shared) string {
	st := c.styles
	rec := c.rec
	var b strings.Builder
	ms := presentMembers(rec)
	n, _ := committee(rec)
	want := rec.Plan.Meeting.Tellers
	line := fmt.Sprintf("Ban kiểm phiếu: %d/%d thành viên", n, want)
	if n == want {
		b.WriteString(st.Good.Render(line) + "\n")
	} else {
		b.WriteString(st.Warn.Render(line) + "\n")
	}
	if len(ms) == 0 {
		b.WriteString("\nChưa có thành viên nào có mặt. Hãy điểm danh trước (esc, rồi bước 1).\n")
		return b.String()
	}
	b.WriteString(st.Muted.Render("Chọn trong số thành viên có mặt.") + "\n\n")
	nameW := 30
	rows := c.height - 4
	start := window(s.cursor, len(ms), rows)
	for i := start; i < len(ms) && i < start+rows; i++ {
		m := ms[i]
		mark := "[ ]"
		role := ""
		switch {
		case m.TellerHead:
			mark, role = "[x]", "Trưởng ban"
		case m.Teller:
			mark, role = "[x]", "Ủy viên"
		}
		l := mark + " " + padRight(m.Name, nameW) + padRight(m.Position, 30) + " " + role
		if i == s.cursor {
			b.WriteString(st.Selected.Render("› "+l) + "\n")
		} else {
			b.WriteString("  " + l + "\n")
		}
	}
	return b.String()
}

// help implements screen.
func (s *tellersScreen) help(c *shared) bindings {
	k := c.keys
	return bindings{short: []key.Binding{k.Up, k.Down, k.ToggleTeller, k.TellerHead, k.Back, k.Help}}
}
