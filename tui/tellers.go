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
	list *pickList // one row per member present
}

// title implements screen.
func (s *tellersScreen) title() string { return "Ban kiểm phiếu" }

// refresh lists the members present in a new snapshot.
func (s *tellersScreen) refresh(c *shared, _ recordMsg) tea.Cmd {
	rows := make([]pickRow, len(c.rec.PresentMembers()))
	for i := range rows {
		rows[i] = pickRow{at: i}
	}
	s.list.set(rows)
	return nil
}

// actions implements screen.
func (s *tellersScreen) actions(c *shared) []action {
	ms := c.rec.PresentMembers()
	if len(ms) == 0 || s.list.len() != len(ms) {
		return nil
	}
	m, st := ms[s.list.at()], c.st
	k := c.keys
	return append(s.list.actions(k, true),
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
		}))
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
	top := strings.Count(b.String(), "\n") + 1 // under the table's heading
	s.list.resize(c.width, c.height-4)
	start, end := s.list.page()
	g := grid{
		cols: []column{{width: 3}, {title: "Họ và tên", width: 29}, {title: "Chức vụ", width: 29},
			{title: "Trong Ban", width: flexWidth(c.width, 10, true, 3, 29, 29)}},
		cursor:   true,
		selected: s.list.selectedOnPage(),
	}
	for _, m := range ms[start:end] {
		mark, role := "[ ]", ""
		switch {
		case m.TellerHead:
			mark, role = "[x]", "Trưởng ban"
		case m.Teller:
			mark, role = "[x]", "Ủy viên"
		}
		g.rows = append(g.rows, []string{mark, m.Name, m.Position, role})
	}
	b.WriteString(g.render(st) + s.list.pager(c) + "\n")
	s.list.hits(c, top, nil)
	return b.String()
}
