package tui

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"hoidong/model"
	"hoidong/voting"
)

// paperScreen takes the counts of a paper round, read out by the counting
// committee, checks that they add up and stores them.
type paperScreen struct {
	base
	round    int64
	values   []string // issued, returned, valid, invalid, then agree per nominee
	cursor   int
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
		s.cursor = 0
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
	return []action{
		more(k.Up, run(func() { s.cursor = clamp(s.cursor-1, n) })),
		more(k.Down, run(func() { s.cursor = clamp(s.cursor+1, n) })),
		more(k.Home, run(func() { s.cursor = 0 })),
		more(k.End, run(func() { s.cursor = max(n-1, 0) })),
		actKey(pk.Digits, func(msg tea.KeyPressMsg) tea.Cmd {
			if len(s.values[s.cursor]) < 4 {
				s.values[s.cursor] += msg.Text
			}
			return nil
		}),
		more(pk.Erase, run(func() {
			if v := s.values[s.cursor]; v != "" {
				s.values[s.cursor] = v[:len(v)-1]
			}
		})),
		more(pk.Next, func() tea.Cmd {
			if s.cursor < n-1 {
				s.cursor++
				return nil
			}
			return s.submit(c, r)
		}),
		act(pk.Save, func() tea.Cmd { return s.submit(c, r) }),
	}
}

// submit checks the counts and, once they add up, asks to store them.
func (s *paperScreen) submit(c *shared, r model.Round) tea.Cmd {
	for i, v := range s.values {
		if v == "" {
			s.cursor = i
			return say("Chưa nhập "+s.label(c, r, i)+".", true)
		}
	}
	counts := s.counts(r)
	s.problems = voting.CheckPaper(counts, r.Nominees, r.Eligible)
	if len(s.problems) > 0 {
		return say("Số liệu chưa khớp; chưa ghi gì. Xem các lỗi bên dưới.", true)
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
	b.WriteString(st.Subtitle.Render(truncate(fmt.Sprintf("Vòng %d — %s (phiếu giấy)", r.Seq, a.Name), c.width)) + "\n")
	b.WriteString(st.Muted.Render(fmt.Sprintf("Thành viên có mặt được biểu quyết: %d. Gõ số; %s sang ô sau, ở ô cuối thì ghi.", r.Eligible, keyName(c.keys.Paper.Next))) + "\n\n")
	var lines []string
	for i := range s.values {
		label := ""
		if i < 4 {
			label = paperFigure(i)
		} else if nr, ok := c.rec.NomineeByID(r.Nominees[i-4]); ok {
			label = fmt.Sprintf("%d. %s", i-3, nr.Name)
		}
		if i == 4 {
			lines = append(lines, st.Header.Render("Số phiếu đồng ý cho từng đối tượng"))
		}
		v := s.values[i]
		if i == s.cursor {
			v += "▏"
		}
		line := padRight(label, c.width-16) + padLeft(v, 8)
		if i == s.cursor {
			line = st.Selected.Render("› " + line)
		} else {
			line = "  " + line
		}
		lines = append(lines, line)
	}
	var problems []string
	for _, p := range s.problems {
		problems = append(problems, wrap(p.String(), c.width)...)
	}
	problems = problems[:min(len(problems), 6)]
	room := c.height - 3 - len(problems)
	cur := s.cursor
	if cur >= 4 {
		cur++
	}
	first := window(cur, len(lines), room)
	for i := first; i < len(lines) && i < first+room; i++ {
		b.WriteString(lines[i] + "\n")
	}
	for _, l := range problems {
		b.WriteString(st.Error.Render(l) + "\n")
	}
	return b.String()
}
