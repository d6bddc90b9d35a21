package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"hoidong/model"
	"hoidong/voting"
)

// nomineesScreen lists every candidacy grouped by award and kind.
type nomineesScreen struct {
	base
	rows []nomineeRow
	list *pickList // rows, the cursor always on a candidacy
	// filter is what the list is filtered by, typed into a text input
	// that the list follows key by key.
	filter textinput.Model
	// typing is set while the filter is being typed: the list follows
	// every key.
	typing bool
	// memo is what the frames reuse rather than work out again.
	memo nomineesMemo
}

// nomineesMemo is what the frames of the list reuse: the record's index,
// built once per snapshot, and the heading, the rows and the detail pane
// as last drawn. rebuild, which changes the rows, forgets the rows drawn;
// the rest is keyed by what it is drawn from.
type nomineesMemo struct {
	rec    *model.Record // the snapshot ix was built from
	ix     *voting.Index
	head   drawnLine // the list's heading line, for the layout of rows
	rows   rowCache[nomineesLayout, drawnRow]
	detail nomineeDetail
}

// nomineesLayout is what the rows as drawn depend on beside the rows
// themselves: the list's width and the look.
type nomineesLayout struct {
	width int
	theme Theme
	dark  bool
}

// nomineeDetail is the detail pane as last drawn, split into lines.
type nomineeDetail struct {
	key    detailKey
	lines  []drawnLine
	widest int
}

// detailKey is what the detail pane is drawn from.
type detailKey struct {
	rec           *model.Record
	nominee       int64
	width, height int
	theme         Theme
	dark          bool
}

// index returns the index of rec, built once per snapshot.
func (s *nomineesScreen) index(rec *model.Record) *voting.Index {
	if s.memo.ix == nil || s.memo.rec != rec {
		s.memo.rec, s.memo.ix = rec, voting.NewIndex(rec)
	}
	return s.memo.ix
}

// newNomineesScreen makes the list of nominees, moved by the keys of k.
func newNomineesScreen(k keyMap) *nomineesScreen {
	f := textinput.New()
	f.Prompt = ""
	f.CharLimit = 100
	sty := textinput.DefaultStyles(true)
	sty.Cursor.Blink = false // a steady cursor; no timer to wait for
	f.SetStyles(sty)
	return &nomineesScreen{list: newPickList(k), filter: f}
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
	missing   bool // the candidacy's dossier lacks a document
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
	ix := s.index(rec)
	s.memo.rows.reset()
	var cur nomineeRow
	if r, ok := s.list.current(); ok && r.at < len(s.rows) {
		cur = s.rows[r.at]
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
	rows := make([]pickRow, len(s.rows))
	for i, r := range s.rows {
		rows[i] = pickRow{at: i, heading: r.heading != ""}
	}
	s.list.set(rows)
	if !s.list.find(func(r pickRow) bool { return s.rows[r.at].nominee == cur.nominee && s.rows[r.at].award == cur.award }) {
		s.list.home()
	}
}

// groups sorts the indexes of the nominees that pass the filter by the
// awards they are proposed for, collectives then individuals.
func (s *nomineesScreen) groups(rec *model.Record) map[string][2][]int {
	byAward := map[string][2][]int{}
	for i := range rec.Nominees {
		n := &rec.Nominees[i]
		if f := s.filter.Value(); f != "" && !model.ContainsFold(n.Name, f) && !model.ContainsFold(n.Unit, f) {
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
			missing: len(n.MissingDocuments(&rec.Plan, award)) > 0,
		})
	}
	return rows
}

// actions implements screen. / starts a filter that follows every key
// typed, without diacritics or with; enter keeps it and goes back to the
// list; esc clears it, and only with no filter does esc leave the screen.
func (s *nomineesScreen) actions(c *shared) []action {
	k := c.keys
	nk := k.Nominees
	moves := s.list.actions(k, !s.typing)
	if s.typing {
		acts := []action{
			act(nk.KeepFilter, run(func() { s.typing = false; s.filter.Blur() })),
			act(nk.ClearFilter, run(func() { s.setFilter(c, ""); s.typing = false; s.filter.Blur() })),
		}
		if len(moves) > 0 {
			acts = append(acts, moves[:2]...) // up and down; the rest is text
		}
		return acts
	}
	acts := moves
	if len(moves) > 0 {
		acts = append(acts, act(nk.Open, func() tea.Cmd {
			r, ok := s.list.current()
			if !ok {
				return nil
			}
			return s.open(s.rows[r.at])
		}))
	}
	acts = append(acts, act(nk.Search, func() tea.Cmd { s.typing = true; return s.filter.Focus() }))
	if s.filter.Value() != "" {
		acts = append(acts, act(nk.ClearFilter, run(func() { s.setFilter(c, "") })))
	}
	return acts
}

// open opens the review of candidacy r.
func (s *nomineesScreen) open(r nomineeRow) tea.Cmd {
	return func() tea.Msg { return to(pageReview, focusMsg{nominee: r.nominee, award: r.award}) }
}

// takesText implements screen: while the filter is typed.
func (s *nomineesScreen) takesText() bool { return s.typing }

// typed implements screen: a key of the filter being typed.
func (s *nomineesScreen) typed(c *shared, msg tea.KeyPressMsg) tea.Cmd {
	if !s.typing {
		return nil
	}
	return s.edit(c, msg)
}

// paste takes pasted text into the filter being typed.
func (s *nomineesScreen) paste(c *shared, msg tea.PasteMsg) tea.Cmd {
	if !s.typing {
		return nil
	}
	msg.Content = strings.ReplaceAll(msg.Content, "\n", " ")
	return s.edit(c, msg)
}

// edit passes a key or a paste to the filter, and filters the list anew
// when the filter changed.
func (s *nomineesScreen) edit(c *shared, msg tea.Msg) tea.Cmd {
	was := s.filter.Value()
	var cmd tea.Cmd
	s.filter, cmd = s.filter.Update(msg)
	if s.filter.Value() != was {
		s.rebuild(c)
	}
	return cmd
}

// setFilter filters the list anew.
func (s *nomineesScreen) setFilter(c *shared, f string) {
	s.filter.SetValue(f)
	s.rebuild(c)
}

// missingMark follows the name of a candidacy whose dossier lacks a
// document.
const missingMark = " · thiếu hồ sơ"

// statusStyle colours a status.
func statusStyle(st styles, s voting.Status) lipgloss.Style {
	switch s {
	case voting.StatusPassed, voting.StatusApproved, voting.StatusReady:
		return st.Good
	case voting.StatusExcluded, voting.StatusCriteriaFailed, voting.StatusFailed:
		return st.Bad
	case voting.StatusDeferred, voting.StatusInRound:
		return st.Warn
	}
	return st.Muted
}

// view implements screen.
func (s *nomineesScreen) view(c *shared) string {
	st := c.styles
	var b strings.Builder
	nk := c.keys.Nominees
	rows := c.height - 1
	filter := s.filter.Value()
	switch {
	case s.typing:
		hint := "  (gõ không dấu cũng được; " + hints(nk.KeepFilter, nk.ClearFilter) + ")"
		s.filter.SetWidth(max(c.width-lipgloss.Width("Tìm: "+hint)-1, 10))
		b.WriteString(ansi.Truncate(st.Title.Render("Tìm: ")+s.filter.View()+st.Muted.Render(hint), c.width, "…") + "\n")
		rows--
	case filter != "":
		b.WriteString(st.Warn.Render(ansi.Truncate("Đang lọc: \""+filter+"\" ("+hints(nk.Search, nk.ClearFilter)+")", c.width, "…")) + "\n")
		rows--
	}
	if len(s.rows) == 0 {
		if filter != "" {
			return b.String() + "\nKhông có đối tượng nào khớp với \"" + filter + "\"."
		}
		return b.String() + "\nKế hoạch chưa có đối tượng đề nghị nào."
	}
	// On a wide screen the list keeps a readable width and the nominee
	// under the cursor is shown in full beside it.
	listW := c.width
	if c.width >= 160 {
		listW = min(c.width/2+10, 100)
	}
	s.list.resize(listW, rows)
	top := strings.Count(b.String(), "\n") + 1
	lines, widest := s.page(c, listW)
	s.list.hits(c, top, func(r pickRow, again bool) tea.Cmd {
		if again {
			return s.open(s.rows[r.at])
		}
		return nil
	})
	pager := s.list.pager(c)
	if listW == c.width {
		b.WriteString(s.memo.head.text + "\n")
		writeBlock(&b, lines, widest)
		b.WriteString(pager)
		return b.String()
	}
	left := append(append([]drawnLine{s.memo.head}, lines...), measure(strings.TrimPrefix(pager, "\n")))
	if pager == "" {
		left = left[:len(left)-1]
	}
	detail, detailW := s.detailLines(c, c.width-listW-3, rows+1)
	joinBeside(&b, left, widest, listW, detail, detailW)
	return b.String()
}

// page returns the lines of the page on show as pickList.view draws them,
// each row drawn once for its layout and kept, and the widest width.
func (s *nomineesScreen) page(c *shared, listW int) ([]drawnLine, int) {
	st := c.styles
	if s.memo.rows.forLayout(nomineesLayout{width: listW, theme: c.theme, dark: c.dark}) {
		nameW, checkW, statusW := listW-2-12-24, 12, 24
		s.memo.head = measure(st.Header.Render("  " + lipgloss.NewStyle().Width(nameW).Render("Đối tượng") +
			lipgloss.NewStyle().Width(checkW).Render("Tiêu chuẩn") + lipgloss.NewStyle().Width(statusW).Render("Tình trạng")))
	}
	return pageLines(s.list, func(i int, r pickRow, selected bool) drawnLine {
		key := drawnRow{at: i, selected: selected}
		if l, ok := s.memo.rows.lookup(key); ok {
			return l
		}
		return s.memo.rows.keep(key, s.drawRow(st, r, listW, selected))
	})
}

// drawRow draws row r of the list, listW cells wide: a heading, or a
// candidacy with its name, its criteria and its status.
func (s *nomineesScreen) drawRow(st styles, r pickRow, listW int, selected bool) string {
	nameW, checkW, statusW := listW-2-12-24, 12, 24
	name, check := lipgloss.NewStyle().Width(nameW), lipgloss.NewStyle().Width(checkW)
	row := s.rows[r.at]
	if r.heading {
		return st.Title.Render(ansi.Truncate(row.heading, listW, "…"))
	}
	line := name.Render(ansi.Truncate(row.name, nameW, "…")) + check.Render(row.check)
	if row.missing {
		line = name.Render(ansi.Truncate(row.name, nameW-lipgloss.Width(missingMark)-1, "…")+st.Warn.Render(missingMark)) + check.Render(row.check)
	}
	status := statusStyle(st, row.status).Render(ansi.Truncate(row.statusTxt, statusW, "…"))
	if selected {
		return st.Selected.Render("› "+line) + status
	}
	return "  " + line + status
}

// joinBeside writes the lines of left, each padded to listW, beside
// those of detail three cells apart, each padded to detailW: what
// lipgloss.JoinHorizontal writes for the list drawn listW wide and the
// detail pane, without measuring every line again. When a line of the
// list is wider than listW (widest counts the rows), it leaves the
// drawing to lipgloss, which then wraps it.
func joinBeside(b *strings.Builder, left []drawnLine, widest, listW int, detail []drawnLine, detailW int) {
	for _, l := range left {
		widest = max(widest, l.width)
	}
	if widest > listW {
		texts := make([]string, len(left))
		for i, l := range left {
			texts[i] = l.text
		}
		details := make([]string, len(detail))
		for i, l := range detail {
			details[i] = l.text
		}
		b.WriteString(lipgloss.JoinHorizontal(lipgloss.Top,
			lipgloss.NewStyle().Width(listW).Render(strings.Join(texts, "\n")), "   ", strings.Join(details, "\n")))
		return
	}
	n := max(len(left), len(detail), 1)
	size := n * (listW + 4 + detailW)
	for _, l := range left {
		size += len(l.text) - l.width
	}
	for _, l := range detail {
		size += len(l.text) - l.width
	}
	b.Grow(size)
	for i := range n {
		if i > 0 {
			b.WriteByte('\n')
		}
		var l, d drawnLine
		if i < len(left) {
			l = left[i]
		}
		if i < len(detail) {
			d = detail[i]
		}
		writePadded(b, l, listW)
		b.WriteString("   ")
		writePadded(b, d, detailW)
	}
}

// detailLines returns the detail pane of the nominee under the cursor
// split into lines, with the widest width: drawn once per snapshot,
// nominee, size and look.
func (s *nomineesScreen) detailLines(c *shared, width, height int) ([]drawnLine, int) {
	key := detailKey{rec: c.rec, width: width, height: height, theme: c.theme, dark: c.dark}
	if r, ok := s.list.current(); ok {
		key.nominee = s.rows[r.at].nominee
	}
	if s.memo.detail.lines == nil || s.memo.detail.key != key {
		lines, widest := blockLines(s.detail(c, width, height))
		s.memo.detail = nomineeDetail{key: key, lines: lines, widest: widest}
	}
	return s.memo.detail.lines, s.memo.detail.widest
}

// detail shows the nominee under the cursor in full, for a wide screen:
// who, where, what they are proposed for, their achievements and where
// each candidacy stands.
func (s *nomineesScreen) detail(c *shared, width, height int) string {
	r, ok := s.list.current()
	if !ok {
		return ""
	}
	st, rec := c.styles, c.rec
	n, ok := rec.NomineeByID(s.rows[r.at].nominee)
	if !ok {
		return ""
	}
	ix := s.index(rec)
	lines := []string{st.Title.Render(ansi.Truncate(n.Name, width, "…")), st.Muted.Render(n.Kind.Label())}
	for _, f := range [][2]string{{"Đơn vị", n.Unit}, {"Chức vụ", n.Position}} {
		if f[1] != "" {
			lines = append(lines, strings.Split(ansi.Wrap(f[0]+": "+f[1], width, ""), "\n")...)
		}
	}
	lines = append(lines, "", st.Subtitle.Render("Đề nghị"))
	for _, cd := range n.Candidacies {
		a, _ := rec.Plan.Award(cd.Award)
		cl := voting.ChecklistOf(&rec.Plan, n, cd.Award)
		status := ix.Status(n, cd.Award)
		lines = append(lines, strings.Split(ansi.Wrap("• "+a.Name, width, ""), "\n")...)
		lines = append(lines, "  "+fmt.Sprintf("tiêu chuẩn %d/%d đạt · ", cl.Met, cl.Total)+statusStyle(st, status).Render(status.Label()))
		if missing := n.MissingDocuments(&rec.Plan, cd.Award); len(missing) > 0 {
			lines = append(lines, st.Warn.Render(ansi.Truncate("  hồ sơ còn thiếu: "+model.DocumentLabels(missing), width, "…")))
		}
	}
	if r := voting.EligibilityReason(&rec.Plan, n); r != "" && voting.EligibilityOf(&rec.Plan, n) != model.EligibilityEligible {
		lines = append(lines, "", st.Warn.Render(ansi.Wrap(r, width, "")))
	}
	if n.Summary != "" {
		lines = append(lines, "", st.Subtitle.Render("Thành tích"))
		lines = append(lines, strings.Split(ansi.Wrap(n.Summary, width, ""), "\n")...)
	}
	if n.Note != "" {
		lines = append(lines, "", st.Subtitle.Render("Ý kiến thảo luận"))
		lines = append(lines, strings.Split(ansi.Wrap(n.Note, width, ""), "\n")...)
	}
	return strings.Join(lines[:min(len(lines), height)], "\n")
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
				s.list.selectAt(j)
				return s.rows[j].nominee, s.rows[j].award, true
			}
		}
		return 0, "", false
	}
	return 0, "", false
}
