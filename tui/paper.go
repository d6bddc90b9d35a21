package tui

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"hoidong/model"
	"hoidong/voting"
)

// paperScreen takes the counts of a paper round, read out by the counting
// committee, checks that they add up and stores them.
type paperScreen struct {
	base
	round    int64
	values   []string  // issued, returned, valid, invalid, then agree per nominee
	list     *pickList // a row per value, and the heading of the agree counts
	problems model.Problems
}

// paperFigure names the four ballot figures before the per-nominee counts.
func paperFigure(i int) string {
	return [4]string{"Số phiếu phát ra", "Số phiếu thu về", "Số phiếu hợp lệ", "Số phiếu không hợp lệ"}[i]
}

// title implements screen.
func (s *paperScreen) title() string {
	return "Nhập kết quả kiểm phiếu (bỏ phiếu giấy)"
}

// enter prepares the form for the open paper round.
func (s *paperScreen) enter(c *shared) tea.Cmd {
	r, ok := c.rec.OpenRound()
	if !ok || r.Mode != model.RoundPaper {
		s.round, s.values = 0, nil
		return nil
	}
	if r.ID != s.round || len(s.values) != 4+len(r.Nominees) {
		s.round = r.ID
		s.values = make([]string, 4+len(r.Nominees))
		rows := make([]pickRow, 0, len(s.values)+1)
		for i := range s.values {
			if i == 4 {
				rows = append(rows, pickRow{heading: true})
			}
			rows = append(rows, pickRow{at: i})
		}
		s.list.set(rows)
		s.list.home()
		s.problems = nil
	}
	return nil
}

// counts turns the form into paper counts; empty fields count as 0.
func (s *paperScreen) counts(r model.Round) voting.PaperCounts {
	n := func(i int) int {
		v, _ := strconv.Atoi(s.values[i])
		return v
	}
	c := voting.PaperCounts{Issued: n(0), Returned: n(1), Valid: n(2), Invalid: n(3), Agree: map[int64]int{}}
	for i, id := range r.Nominees {
		c.Agree[id] = n(4 + i)
	}
	return c
}

// actions implements screen.
func (s *paperScreen) actions(c *shared) []action {
	r, ok := c.rec.OpenRound()
	if !ok || r.Mode != model.RoundPaper || r.ID != s.round {
		return nil
	}
	k := c.keys
	pk := k.Paper
	n := len(s.values)
	return append(s.list.actions(k, false),
		actKey(pk.Digits, func(msg tea.KeyPressMsg) tea.Cmd {
			if at := s.list.at(); len(s.values[at]) < 4 {
				s.values[at] += msg.Text
			}
			return nil
		}),
		more(pk.Erase, run(func() {
			if at, v := s.list.at(), s.values[s.list.at()]; v != "" {
				s.values[at] = v[:len(v)-1]
			}
		})),
		more(pk.Next, func() tea.Cmd {
			if s.list.at() < n-1 {
				s.list.move(1)
				return nil
			}
			return s.submit(c, r)
		}),
		act(pk.Save, func() tea.Cmd { return s.submit(c, r) }))
}

// submit checks the counts and, once they add up, asks to store them.
func (s *paperScreen) submit(c *shared, r model.Round) tea.Cmd {
	for i, v := range s.values {
		if v == "" {
			s.list.selectAt(i)
			return say("Chưa nhập "+s.label(c, r, i)+".", true)
		}
	}
	counts := s.counts(r)
	s.problems = voting.CheckPaperWritten(counts, r.Nominees, r.Eligible, len(r.Written), nil)
	if len(s.problems) > 0 {
		// The cursor goes to the first field a problem concerns, where
		// the problem is written in full.
		first := len(s.values)
		for _, p := range s.problems {
			for _, f := range paperFields(p) {
				first = min(first, f)
			}
		}
		if first < len(s.values) {
			s.list.selectAt(first)
		}
		return say("Số liệu chưa khớp; chưa ghi gì. Lỗi ghi bên cạnh từng ô.", true)
	}
	st, id := c.st, r.ID
	return askDo(fmt.Sprintf("Ghi số liệu kiểm phiếu vòng %d và đóng vòng?\n\nPhát ra %d · thu về %d · hợp lệ %d · không hợp lệ %d.",
		r.Seq, counts.Issued, counts.Returned, counts.Valid, counts.Invalid),
		job{from: pagePaper, ack: fmt.Sprintf("Đã ghi kết quả kiểm phiếu vòng %d.", r.Seq), then: pageTally, notify: to(pageTally, closedMsg{round: r.ID}), write: func(ctx context.Context) error {
			return st.EnterPaperCounts(ctx, id, counts)
		}})
}

// label names field i.
func (s *paperScreen) label(c *shared, r model.Round, i int) string {
	if i < 4 {
		return strings.ToLower(paperFigure(i))
	}
	name := "?"
	if nr, ok := c.rec.NomineeByID(r.Nominees[i-4]); ok {
		name = nr.Name
	}
	return "số phiếu đồng ý cho " + name
}

// view implements screen.
func (s *paperScreen) view(c *shared) string {
	st := c.styles
	r, ok := c.rec.OpenRound()
	if !ok || r.Mode != model.RoundPaper || r.ID != s.round {
		return "\nKhông có vòng bỏ phiếu giấy nào đang mở."
	}
	a, _ := c.rec.Plan.Award(r.Award)
	var b strings.Builder
	b.WriteString(st.Subtitle.Render(ansi.Truncate(fmt.Sprintf("Vòng %d — %s (phiếu giấy)", r.Seq, a.Name), c.width, "…")) + "\n")
	b.WriteString(st.Muted.Render(ansi.Truncate(fmt.Sprintf("Có mặt, được biểu quyết: %d. Gõ số; %s: ô sau, ở ô cuối thì ghi.",
		r.Eligible, keyName(c.keys.Paper.Next)), c.width, "…")) + "\n")
	envelopes := 0
	if c.rec.Plan.AcceptsWritten(r.Award) {
		envelopes = 1
		b.WriteString(st.Muted.Render(ansi.Truncate(fmt.Sprintf("Phong bì phiếu bằng văn bản đã nhận: %d (tính vào phát ra, thu về; %s ở bước 4).",
			len(r.Written), keyName(c.keys.Rounds.Envelopes)), c.width, "…")) + "\n")
	}
	b.WriteString("\n")
	var other []string // problems that concern no one field
	byField := map[int][]string{}
	for _, p := range s.problems {
		fields := paperFields(p)
		if len(fields) == 0 {
			other = append(other, p.String())
		}
		for _, f := range fields {
			byField[f] = append(byField[f], p.What)
		}
	}
	// The problems of the field under the cursor in full, under the table;
	// beside each field, as much of its own as fits.
	var below []string
	for _, p := range append(byField[s.list.at()], other...) {
		below = append(below, strings.Split(ansi.Wrap(p, c.width, ""), "\n")...)
	}
	below = below[:min(len(below), 6)]
	top := strings.Count(b.String(), "\n") + 1 // under the table's heading
	s.list.resize(c.width, c.height-4-envelopes-len(below))
	b.WriteString(s.table(c, r, byField) + s.list.pager(c) + "\n")
	s.list.hits(c, top, nil)
	for _, l := range below {
		b.WriteString(st.Error.Render(l) + "\n")
	}
	return b.String()
}

// table draws the fields on show: what each counts, its value, and its
// problems beside it.
func (s *paperScreen) table(c *shared, r model.Round, byField map[int][]string) string {
	st := c.styles
	labelW := 0
	for i := range s.values {
		labelW = max(labelW, lipgloss.Width(s.fieldLabel(c, r, i)))
	}
	labelW = min(max(labelW, 34), 40)
	start, end := s.list.page()
	g := grid{
		cols: []column{{title: "Số liệu", width: labelW}, {title: "Số", width: 5, right: true},
			{title: "Lỗi", width: flexWidth(c.width, 10, true, labelW, 5)}},
		cursor:   true,
		selected: s.list.selectedOnPage(),
	}
	heading := -1
	for i := start; i < end; i++ {
		row := s.list.row(i)
		if row.heading {
			heading = i - start
			g.rows = append(g.rows, []string{"Số phiếu đồng ý cho từng đối tượng", "", ""})
			continue
		}
		v := s.values[row.at]
		if row.at == s.list.at() {
			v += "▏"
		}
		g.rows = append(g.rows, []string{s.fieldLabel(c, r, row.at), v, strings.Join(byField[row.at], "; ")})
	}
	g.cell = func(row, col int) lipgloss.Style {
		switch {
		case row == heading:
			return st.Header
		case col == 2:
			return st.Error
		}
		return lipgloss.NewStyle()
	}
	return g.render(st)
}

// fieldLabel names field i as the form shows it.
func (s *paperScreen) fieldLabel(c *shared, r model.Round, i int) string {
	if i < 4 {
		return paperFigure(i)
	}
	if nr, ok := c.rec.NomineeByID(r.Nominees[i-4]); ok {
		return fmt.Sprintf("%d. %s", i-3, nr.Name)
	}
	return fmt.Sprintf("%d.", i-3)
}

// paperFields are the fields a problem of voting.CheckPaper concerns,
// read from where it says it is: a figure, the valid and invalid figures
// together, or a nominee's line.
func paperFields(p model.Problem) []int {
	if line, ok := strings.CutPrefix(p.Where, "Số phiếu đồng ý, dòng "); ok {
		if n, err := strconv.Atoi(line); err == nil && n > 0 {
			return []int{3 + n}
		}
		return nil
	}
	for i := range 4 {
		if p.Where == paperFigure(i) {
			return []int{i}
		}
	}
	if p.Where == paperFigure(2)+" và "+strings.ToLower(paperFigure(3)) {
		return []int{2, 3}
	}
	return nil
}
