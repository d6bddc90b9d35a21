package tui

import (
	"context"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
)

// tellersScreen chooses the counting committee among members present.
type tellersScreen struct {
	base
	cursor int
}

// title implements screen.
func (s *tellersScreen) title() string { return "Ban kiểm phiếu" }

// actions implements screen.
func (s *tellersScreen) actions(c *shared) []action {
	ms := c.rec.PresentMembers()
	if len(ms) == 0 {
		return nil
	}
	s.cursor = clamp(s.cursor, len(ms))
	m, st := ms[s.cursor], c.st
	k := c.keys
	return []action{
		act(k.Up, run(func() { s.cursor = clamp(s.cursor-1, len(ms)) })),
		act(k.Down, run(func() { s.cursor = clamp(s.cursor+1, len(ms)) })),
		more(k.Home, run(func() { s.cursor = 0 })),
		more(k.End, run(func() { s.cursor = len(ms) - 1 })),
		act(k.Tellers.Toggle, func() tea.Cmd {
			on := !m.Teller
			ack := m.Name + ": ủy viên Ban kiểm phiếu."
			if !on {
				ack = m.Name + ": không còn trong Ban kiểm phiếu."
			}
			return c.do(pageTellers, ack, func(ctx context.Context) error { return st.SetTeller(ctx, m.ID, on) })
		}),
		act(k.Tellers.Head, func() tea.Cmd {
			return c.do(pageTellers, m.Name+": Trưởng ban kiểm phiếu.", func(ctx context.Context) error { return st.SetTellerHead(ctx, m.ID) })
		}),
	}
}

// view implements screen.
func (s *tellersScreen) view(c *shared) string {
	st := c.styles
	rec := c.rec
	var b strings.Builder
	ms := rec.PresentMembers()
	n, _ := rec.Committee()
	want := rec.Plan.Meeting.Tellers
	line := fmt.Sprintf("Ban kiểm phiếu: %d/%d thành viên", n, want)
	if n == want {
		b.WriteString(st.Good.Render(line) + "\n")
	} else {
		b.WriteString(st.Warn.Render(line) + "\n")
	}
	if len(ms) == 0 {
		b.WriteString("\nChưa có thành viên nào có mặt. Hãy điểm danh trước (" + keyName(c.keys.Back) + ", rồi bước 1).\n")
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
		row := i
		c.hit(strings.Count(b.String(), "\n"), func() tea.Cmd { s.cursor = row; return nil })
		if i == s.cursor {
			b.WriteString(st.Selected.Render("› "+l) + "\n")
		} else {
			b.WriteString("  " + l + "\n")
		}
	}
	return b.String()
}
