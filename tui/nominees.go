package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"hoidong/model"
	"hoidong/voting"
)

// nomineesScreen lists every candidacy grouped by award and kind.
type nomineesScreen struct {
	base
	rows   []nomineeRow
	cursor int // index into rows; always on a candidacy row
	filter string
	// typing is set while the filter is being typed: the list follows
	// every key.
	typing bool
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

// actions implements screen. / starts a filter that follows every key
// typed, without diacritics or with; enter keeps it and goes back to the
// list; esc clears it, and only with no filter does esc leave the screen.
func (s *nomineesScreen) actions(c *shared) []action {
	k := c.keys
	nk := k.Nominees
	if s.typing {
		return []action{
			act(nk.KeepFilter, run(func() { s.typing = false })),
			act(nk.ClearFilter, run(func() { s.setFilter(c, ""); s.typing = false })),
			more(k.Up, run(func() { s.move(-1) })),
			more(k.Down, run(func() { s.move(1) })),
		}
	}
	search := act(nk.Search, run(func() { s.typing = true }))
	acts := []action{}
	if len(s.rows) > 0 {
		acts = append(acts,
			act(k.Up, run(func() { s.move(-1) })),
			act(k.Down, run(func() { s.move(1) })),
			more(k.Home, run(func() { s.move(-len(s.rows)) })),
			more(k.End, run(func() { s.move(len(s.rows)) })),
			more(k.PageUp, run(func() { s.move(-(c.height - 3)) })),
			more(k.PageDown, run(func() { s.move(c.height - 3) })),
			act(nk.Open, func() tea.Cmd {
				r := s.rows[s.cursor]
				if r.heading != "" {
					return nil
				}
				return func() tea.Msg { return to(pageReview, focusMsg{nominee: r.nominee, award: r.award}) }
			}))
	}
	acts = append(acts, search)
	if s.filter != "" {
		acts = append(acts, act(nk.ClearFilter, run(func() { s.setFilter(c, "") })))
	}
	return acts
}

// takesText implements screen: while the filter is typed.
func (s *nomineesScreen) takesText() bool { return s.typing }

// typed implements screen: a character of the filter, or backspace.
func (s *nomineesScreen) typed(c *shared, msg tea.KeyPressMsg) tea.Cmd {
	if !s.typing {
		return nil
	}
	switch {
	case msg.Code == tea.KeyBackspace:
		if r := []rune(s.filter); len(r) > 0 {
			s.setFilter(c, string(r[:len(r)-1]))
		}
	case msg.Text != "" && msg.Mod&(tea.ModCtrl|tea.ModAlt) == 0:
		s.setFilter(c, s.filter+msg.Text)
	}
	return nil
}

// paste takes pasted text into the filter being typed.
func (s *nomineesScreen) paste(c *shared, msg tea.PasteMsg) tea.Cmd {
	if s.typing {
		s.setFilter(c, s.filter+strings.ReplaceAll(msg.Content, "\n", " "))
	}
	return nil
}

// setFilter filters the list anew.
func (s *nomineesScreen) setFilter(c *shared, f string) {
	s.filter = f
	s.rebuild(c)
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
	nk := c.keys.Nominees
	rows := c.height - 1
	switch {
	case s.typing:
		b.WriteString(st.Title.Render("Tìm: ") + s.filter + st.Selected.Render(" ") + st.Muted.Render(
			"  (gõ không dấu cũng được; "+hints(nk.KeepFilter, nk.ClearFilter)+")") + "\n")
		rows--
	case s.filter != "":
		b.WriteString(st.Warn.Render(truncate("Đang lọc: \""+s.filter+"\" ("+hints(nk.Search, nk.ClearFilter)+")", c.width)) + "\n")
		rows--
	}
	if len(s.rows) == 0 {
		if s.filter != "" {
			return b.String() + "\nKhông có đối tượng nào khớp với \"" + s.filter + "\"."
		}
		return b.String() + "\nKế hoạch chưa có đối tượng đề nghị nào."
	}
	// On a wide screen the list keeps a readable width and the nominee
	// under the cursor is shown in full beside it.
	listW := c.width
	if c.width >= 160 {
		listW = min(c.width/2+10, 100)
	}
	nameW, checkW := listW-2-12-24, 12
	var list strings.Builder
	list.WriteString(st.Header.Render(padRight("  Đối tượng", nameW+2)+padRight("Tiêu chuẩn", checkW)+padRight("Tình trạng", 24)) + "\n")
	start := window(s.cursor, len(s.rows), rows)
	for i := start; i < len(s.rows) && i < start+rows; i++ {
		r := s.rows[i]
		if r.heading != "" {
			list.WriteString(st.Title.Render(truncate(r.heading, listW)) + "\n")
			continue
		}
		line := padRight(r.name, nameW) + padRight(r.check, checkW)
		row := i
		c.hit(strings.Count(b.String()+list.String(), "\n"), func() tea.Cmd {
			if s.cursor == row {
				return func() tea.Msg {
					return to(pageReview, focusMsg{nominee: s.rows[row].nominee, award: s.rows[row].award})
				}
			}
			s.cursor = row
			return nil
		})
		if i == s.cursor {
			list.WriteString(st.Selected.Render("› "+line) + statusStyle(st, r.status)(truncate(r.statusTxt, 24)) + "\n")
		} else {
			list.WriteString("  " + line + statusStyle(st, r.status)(truncate(r.statusTxt, 24)) + "\n")
		}
	}
	if listW == c.width {
		return b.String() + list.String()
	}
	detail := s.detail(c, c.width-listW-3, rows+1)
	return b.String() + lipgloss.JoinHorizontal(lipgloss.Top, padLines(list.String(), listW), "   ", detail)
}

// detail shows the nominee under the cursor in full, for a wide screen:
// who, where, what they are proposed for, their achievements and where
// each candidacy stands.
func (s *nomineesScreen) detail(c *shared, width, height int) string {
	if s.cursor >= len(s.rows) || s.rows[s.cursor].heading != "" {
		return ""
	}
	st, rec := c.styles, c.rec
	n, ok := rec.NomineeByID(s.rows[s.cursor].nominee)
	if !ok {
		return ""
	}
	ix := voting.NewIndex(rec)
	lines := []string{st.Title.Render(truncate(n.Name, width)), st.Muted.Render(n.Kind.Label())}
	for _, f := range [][2]string{{"Đơn vị", n.Unit}, {"Chức vụ", n.Position}} {
		if f[1] != "" {
			lines = append(lines, wrap(f[0]+": "+f[1], width)...)
		}
	}
	lines = append(lines, "", st.Subtitle.Render("Đề nghị"))
	for _, cd := range n.Candidacies {
		a, _ := rec.Plan.Award(cd.Award)
		cl := voting.ChecklistOf(&rec.Plan, n, cd.Award)
		status := ix.Status(n, cd.Award)
		lines = append(lines, wrap("• "+a.Name, width)...)
		lines = append(lines, "  "+fmt.Sprintf("tiêu chuẩn %d/%d đạt · ", cl.Met, cl.Total)+statusStyle(st, status)(status.Label()))
	}
	if r := voting.EligibilityReason(&rec.Plan, n); r != "" && voting.EligibilityOf(&rec.Plan, n) != model.EligibilityEligible {
		lines = append(lines, "", st.Warn.Render(strings.Join(wrap(r, width), "\n")))
	}
	if n.Summary != "" {
		lines = append(lines, "", st.Subtitle.Render("Thành tích"))
		lines = append(lines, wrap(n.Summary, width)...)
	}
	if n.Note != "" {
		lines = append(lines, "", st.Subtitle.Render("Ý kiến thảo luận"))
		lines = append(lines, wrap(n.Note, width)...)
	}
	return strings.Join(lines[:min(len(lines), height)], "\n")
}

// padLines pads every line of s to width display columns, so that what
// is joined beside it starts in one column.
func padLines(s string, width int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = padRight(l, width)
	}
	return strings.Join(lines, "\n")
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
