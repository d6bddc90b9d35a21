package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"hoidong/model"
	"hoidong/voting"
)

// nomineesScreen lists every candidacy grouped by award and kind.
type nomineesScreen struct {
	base
	rows   []nomineeRow
	cursor int // index into rows; always on a candidacy row
	filter string
}

// nomineeRow is a group heading or one candidacy.
type nomineeRow struct {
	heading   string
	nominee   int64
	award     string
	name      string
	check     string
	status    voting.Status
	statusTxt string
}

// title implements screen.
func (s *nomineesScreen) title() string { return "Danh sách đối tượng đề nghị" }

// refresh rebuilds the rows from a new snapshot.
func (s *nomineesScreen) refresh(c *shared, _ recordMsg) tea.Cmd {
	s.rebuild(c)
	return nil
}

// rebuild lists the candidacies of c.rec that pass the filter, grouped
// by award and kind, in the record's order (the one order of every list
// and document), keeping the cursor on the same candidacy.
func (s *nomineesScreen) rebuild(c *shared) {
	rec := c.rec
	ix := voting.NewIndex(rec)
	var cur nomineeRow
	if s.cursor < len(s.rows) {
		cur = s.rows[s.cursor]
	}
	s.rows = s.rows[:0]
	groups := s.groups(rec)
	for _, a := range rec.Plan.Awards {
		for k, kind := range []model.Kind{model.KindCollective, model.KindIndividual} {
			if g := groups[a.Code][k]; len(g) > 0 {
				s.rows = append(s.rows, nomineeRow{heading: fmt.Sprintf("%s — %s (%d)", a.Name, kind.Label(), len(g))})
				s.rows = append(s.rows, candidacyRows(rec, ix, a.Code, g)...)
			}
		}
	}
	s.cursor = 0
	for i, r := range s.rows {
		if r.heading == "" && r.nominee == cur.nominee && r.award == cur.award {
			s.cursor = i
			break
		}
	}
	s.skipHeading(1)
}

// groups sorts the indexes of the nominees that pass the filter by the
// awards they are proposed for, collectives then individuals.
func (s *nomineesScreen) groups(rec *model.Record) map[string][2][]int {
	byAward := map[string][2][]int{}
	for i := range rec.Nominees {
		n := &rec.Nominees[i]
		if s.filter != "" && !model.ContainsFold(n.Name, s.filter) && !model.ContainsFold(n.Unit, s.filter) {
			continue
		}
		k := 0
		if n.Kind == model.KindIndividual {
			k = 1
		}
		for _, cd := range n.Candidacies {
			g := byAward[cd.Award]
			g[k] = append(g[k], i)
			byAward[cd.Award] = g
		}
	}
	return byAward
}

// candidacyRows are the rows of the nominees at indexes for one award.
func candidacyRows(rec *model.Record, ix *voting.Index, award string, indexes []int) []nomineeRow {
	rows := make([]nomineeRow, 0, len(indexes))
	for _, i := range indexes {
		n := &rec.Nominees[i]
		cl := voting.ChecklistOf(&rec.Plan, n, award)
		st := ix.Status(n, award)
		rows = append(rows, nomineeRow{
			nominee: n.ID, award: award, name: n.Name,
			check:  fmt.Sprintf("%d/%d đạt", cl.Met, cl.Total),
			status: st, statusTxt: st.Label(),
		})
	}
	return rows
}

// skipHeading moves the cursor off a heading in direction dir.
func (s *nomineesScreen) skipHeading(dir int) {
	for s.cursor >= 0 && s.cursor < len(s.rows) && s.rows[s.cursor].heading != "" {
		s.cursor += dir
	}
	if s.cursor < 0 || s.cursor >= len(s.rows) {
		s.cursor = clamp(s.cursor, len(s.rows))
		for s.cursor >= 0 && s.cursor < len(s.rows) && s.rows[s.cursor].heading != "" {
			s.cursor -= dir
		}
		s.cursor = clamp(s.cursor, len(s.rows))
	}
}

// move shifts the cursor by d candidacy rows.
func (s *nomineesScreen) move(d int) {
	dir := 1
	if d < 0 {
		dir, d = -1, -d
	}
	for ; d > 0; d-- {
		next := s.cursor + dir
		for next >= 0 && next < len(s.rows) && s.rows[next].heading != "" {
			next += dir
		}
		if next < 0 || next >= len(s.rows) {
			return
		}
		s.cursor = next
	}
}

// actions implements screen.
func (s *nomineesScreen) actions(c *shared) []action {
	k := c.keys
	search := act(k.Nominees.Search, func() tea.Cmd {
		return prompt("Tìm theo tên hoặc đơn vị (gõ không dấu cũng được; để trống để bỏ lọc):", s.filter, func(q string) tea.Cmd {
			s.filter = q
			s.rebuild(c)
			return nil
		})
	})
	if len(s.rows) == 0 {
		return []action{search}
	}
	return []action{
		act(k.Up, run(func() { s.move(-1) })),
		act(k.Down, run(func() { s.move(1) })),
		more(k.Home, run(func() { s.move(-len(s.rows)) })),
		more(k.End, run(func() { s.move(len(s.rows)) })),
		more(k.PageUp, run(func() { s.move(-(c.height - 3)) })),
		more(k.PageDown, run(func() { s.move(c.height - 3) })),
		act(k.Nominees.Open, func() tea.Cmd {
			r := s.rows[s.cursor]
			if r.heading != "" {
				return nil
			}
			return func() tea.Msg { return to(pageReview, focusMsg{nominee: r.nominee, award: r.award}) }
		}),
		search,
	}
}

// statusStyle colours a status.
func statusStyle(st styles, s voting.Status) func(...string) string {
	switch s {
	case voting.StatusPassed, voting.StatusApproved, voting.StatusReady:
		return st.Good.Render
	case voting.StatusExcluded, voting.StatusCriteriaFailed, voting.StatusFailed:
		return st.Bad.Render
	case voting.StatusDeferred, voting.StatusInRound:
		return st.Warn.Render
	}
	return st.Muted.Render
}

// view implements screen.
func (s *nomineesScreen) view(c *shared) string {
	st := c.styles
	var b strings.Builder
	if len(s.rows) == 0 {
		if s.filter != "" {
			return "\nKhông có đối tượng nào khớp với \"" + s.filter + "\". Nhấn / để tìm lại hoặc bỏ lọc."
		}
		return "\nKế hoạch chưa có đối tượng đề nghị nào."
	}
	nameW, checkW := c.width-2-12-24, 12
	rows := c.height - 1
	if s.filter != "" {
		b.WriteString(st.Warn.Render(truncate("Đang lọc: \""+s.filter+"\" ("+keyName(c.keys.Nominees.Search)+" để đổi, để trống để bỏ lọc)", c.width)) + "\n")
		rows--
	}
	b.WriteString(st.Header.Render(padRight("  Đối tượng", nameW+2)+padRight("Tiêu chuẩn", checkW)+padRight("Tình trạng", 24)) + "\n")
	start := window(s.cursor, len(s.rows), rows)
	for i := start; i < len(s.rows) && i < start+rows; i++ {
		r := s.rows[i]
		if r.heading != "" {
			b.WriteString(st.Title.Render(truncate(r.heading, c.width)) + "\n")
			continue
		}
		line := padRight(r.name, nameW) + padRight(r.check, checkW)
		if i == s.cursor {
			b.WriteString(st.Selected.Render("› "+line) + statusStyle(st, r.status)(r.statusTxt) + "\n")
		} else {
			b.WriteString("  " + line + statusStyle(st, r.status)(r.statusTxt) + "\n")
		}
	}
	return b.String()
}

// neighbour returns the candidacy before (dir -1) or after (dir +1) the
// given one in the list.
func (s *nomineesScreen) neighbour(nominee int64, award string, dir int) (int64, string, bool) {
	for i, r := range s.rows {
		if r.heading != "" || r.nominee != nominee || r.award != award {
			continue
		}
		for j := i + dir; j >= 0 && j < len(s.rows); j += dir {
			if s.rows[j].heading == "" {
				s.cursor = j
				return s.rows[j].nominee, s.rows[j].award, true
			}
		}
		return 0, "", false
	}
	return 0, "", false
}
