package tui

import (
	"context"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"hoidong/model"
	"hoidong/voting"
)

// tallyScreen shows the result of each closed round with the arithmetic,
// the award's quota and any tie at its line, and settles that tie: a
// re-vote among the tied, or the chair's decision.
type tallyScreen struct {
	base
	round int       // index among closed rounds
	list  *pickList // the result lines of the round on show
	shown int64     // the round whose lines list holds

	choosing bool           // the chair is choosing among the tied nominees
	chosen   map[int64]bool // the chair's choice so far
	choice   *pickList      // the tied nominees the chair chooses among

	// hidden holds the rounds this program closed whose results the
	// secretary has not yet chosen to show the room.
	hidden map[int64]bool
}

// closedMsg tells the tally a round was just closed: its results wait
// until the secretary shows them.
type closedMsg struct{ round int64 }

// receive implements screen: a round just closed.
func (s *tallyScreen) receive(_ *shared, msg tea.Msg) tea.Cmd {
	if m, ok := msg.(closedMsg); ok {
		if s.hidden == nil {
			s.hidden = map[int64]bool{}
		}
		s.hidden[m.round] = true
	}
	return nil
}

// title implements screen.
func (s *tallyScreen) title() string { return "Kết quả kiểm phiếu" }

// enter shows the latest round.
func (s *tallyScreen) enter(c *shared) tea.Cmd {
	s.round = len(c.rec.ClosedRounds()) - 1
	s.shown = 0
	s.choosing = false
	return nil
}

// current returns the round on screen.
func (s *tallyScreen) current(rec *model.Record) (model.Round, bool) {
	rs := rec.ClosedRounds()
	if len(rs) == 0 {
		return model.Round{}, false
	}
	s.round = clamp(s.round, len(rs))
	r := rs[s.round]
	if r.ID != s.shown || s.list.len() != len(r.Results) {
		// Another round is on show: its lines, from the first.
		rows := make([]pickRow, len(r.Results))
		for i := range rows {
			rows[i] = pickRow{at: i}
		}
		s.list.set(rows)
		s.list.home()
		s.shown = r.ID
	}
	return r, true
}

// actions implements screen: moving between rounds and lines, and settling
// the round's tie; while the chair chooses, the choice.
func (s *tallyScreen) actions(c *shared) []action {
	r, ok := s.current(c.rec)
	if !ok {
		return nil
	}
	standing := voting.Standing(c.rec, r)
	if s.choosing {
		return s.choiceActions(c, r, standing)
	}
	k := c.keys
	tk := k.Tally
	rounds := len(c.rec.ClosedRounds())
	acts := []action{
		act(tk.PrevRound, run(func() { s.round = clamp(s.round-1, rounds) })),
		act(tk.NextRound, run(func() { s.round = clamp(s.round+1, rounds) })),
	}
	if s.hidden[r.ID] {
		return append(acts, act(tk.Show, run(func() { delete(s.hidden, r.ID) })))
	}
	acts = append(acts, s.list.actions(k, false)...)
	if standing.NeedsRevote() {
		acts = append(acts, act(tk.Revote, func() tea.Cmd { return s.askRevote(c, r, standing) }))
	}
	if standing.NeedsChair() {
		acts = append(acts, act(tk.ChairDecide, run(func() { s.choose(standing.Tied) })))
	}
	return acts
}

// askRevote asks before opening a re-vote among the tied nominees.
func (s *tallyScreen) askRevote(c *shared, r model.Round, standing voting.RoundStanding) tea.Cmd {
	st, id := c.st, r.ID
	then := pageBooth
	if r.Mode == model.RoundPaper {
		then = pagePaper
	}
	q := fmt.Sprintf("Mở vòng bỏ phiếu lại giữa %d đối tượng bằng phiếu, cho %d suất còn lại?\n\n%s",
		len(standing.Tied), standing.Remaining, strings.Join(c.rec.NomineeNames(standing.Tied, "– "), "\n"))
	return askDo(q, job{from: pageTally, ack: fmt.Sprintf("Đã mở vòng bỏ phiếu lại cho vòng %d.", r.Seq), then: then, write: func(ctx context.Context) error {
		_, err := st.OpenRevote(ctx, id)
		return err
	}})
}

// choose starts the chair's choice among the tied nominees.
func (s *tallyScreen) choose(tied []int64) {
	s.choosing, s.chosen = true, map[int64]bool{}
	rows := make([]pickRow, len(tied))
	for i := range rows {
		rows[i] = pickRow{at: i}
	}
	s.choice.set(rows)
	s.choice.home()
}

// choiceActions are the keys while the chair chooses among the tied.
func (s *tallyScreen) choiceActions(c *shared, r model.Round, standing voting.RoundStanding) []action {
	k := c.keys
	tk := k.Tally
	tied := standing.Tied
	return append(s.choice.actions(k, true),
		act(tk.Choose, run(func() {
			if at := s.choice.at(); at < len(tied) {
				s.chosen[tied[at]] = !s.chosen[tied[at]]
			}
		})),
		act(tk.Decide, func() tea.Cmd { return s.decide(c, r, standing) }),
		act(tk.CancelChoice, run(func() { s.choosing = false })))
}

// decide asks for a note and then to record the chair's choice.
func (s *tallyScreen) decide(c *shared, r model.Round, standing voting.RoundStanding) tea.Cmd {
	var chosen []int64
	for _, id := range standing.Tied {
		if s.chosen[id] {
			chosen = append(chosen, id)
		}
	}
	if len(chosen) != standing.Remaining {
		return say(fmt.Sprintf("Cần chọn đúng %d đối tượng (đã chọn %d).", standing.Remaining, len(chosen)), true)
	}
	st, id, seq := c.st, r.ID, r.Seq
	names := strings.Join(c.rec.NomineeNames(chosen, "– "), "\n")
	return prompt("Ghi chú quyết định của chủ tọa (có thể để trống):", "", func(note string) tea.Cmd {
		s.choosing = false
		return askDo("Ghi quyết định của chủ tọa cho vòng "+fmt.Sprint(seq)+"?\n\n"+names,
			job{from: pageTally, ack: "Đã ghi quyết định của chủ tọa.", write: func(ctx context.Context) error {
				return st.DecideTie(ctx, id, chosen, note)
			}})
	})
}

// view implements screen.
func (s *tallyScreen) view(c *shared) string {
	rec := c.rec
	r, ok := s.current(rec)
	if !ok {
		return "\nChưa có vòng bỏ phiếu nào được đóng và kiểm phiếu."
	}
	a, _ := rec.Plan.Award(r.Award)
	standing := voting.Standing(rec, r)
	head := s.viewHead(c, r, a)
	if s.choosing {
		return head + "\n" + s.viewChoice(c, standing)
	}
	if s.hidden[r.ID] {
		return head + "\n" + lipgloss.Place(c.width, c.height-4, lipgloss.Center, lipgloss.Center,
			c.styles.Big.Render(fmt.Sprintf("Vòng %d đã đóng: %d phiếu thu về.", r.Seq, r.Returned))+
				"\n\n"+fmt.Sprintf("Nhấn %s để công bố kết quả cho Hội đồng.", keyName(c.keys.Tally.Show)))
	}
	after := s.viewAfter(c, a, standing)
	lines := voting.NewIndex(rec).Outcomes(r)
	var explain []string
	if at := s.list.at(); at < len(lines) {
		explain = strings.Split(ansi.Wrap("Phép tính: "+lines[at].Explain(a.Rule), c.width, ""), "\n")
	}
	rows := max(c.height-4-strings.Count(head, "\n")-len(after)-len(explain), 3)
	parts := []string{head, s.viewTable(c, r, a.Rule, lines, rows)}
	if len(explain) > 0 {
		parts = append(parts, "\n"+strings.Join(explain, "\n"))
	}
	if len(after) > 0 {
		parts = append(parts, "\n"+strings.Join(after, "\n"))
	}
	return strings.Join(parts, "")
}

// viewHead names the round and its figures and rule.
func (s *tallyScreen) viewHead(c *shared, r model.Round, a model.Award) string {
	st, w := c.styles, c.width
	head := roundTitle(c.rec, r)
	if r.Mode == model.RoundPaper {
		head += " · phiếu giấy"
	}
	rs := c.rec.ClosedRounds()
	var b strings.Builder
	b.WriteString(st.Subtitle.Render(ansi.Truncate(head, w-16, "…")) + st.Muted.Render(fmt.Sprintf("  (%d/%d vòng)", s.round+1, len(rs))) + "\n")
	b.WriteString(fmt.Sprintf("Phiếu phát ra %d · thu về %d · hợp lệ %d · không hợp lệ %d · thành viên %d\n", r.Issued, r.Returned, r.Valid, r.Invalid, r.AllMembers))
	if senders := c.rec.WrittenSenders(r); len(senders) > 0 {
		names := make([]string, len(senders))
		for i, m := range senders {
			names[i] = m.Name
		}
		b.WriteString(ansi.Truncate(fmt.Sprintf("Trong đó %d phiếu bằng văn bản của thành viên vắng mặt: %s.", len(senders), strings.Join(names, ", ")), w, "…") + "\n")
	}
	b.WriteString(st.Muted.Render(ansi.Wrap("Quy tắc: "+voting.RuleText(a.Rule), w, "")) + "\n")
	return b.String()
}

// viewAfter is what follows the table: the quota, the tie and how it is
// settled.
func (s *tallyScreen) viewAfter(c *shared, a model.Award, standing voting.RoundStanding) []string {
	st, w := c.styles, c.width
	var after []string
	if standing.Limited {
		after = append(after, strings.Split(ansi.Wrap(voting.QuotaText(c.rec, a), w, ""), "\n")...)
	}
	if !standing.Tie() {
		return after
	}
	after = append(after, strings.Split(ansi.Wrap(fmt.Sprintf("Hòa ở ranh giới chỉ tiêu: %d đối tượng bằng phiếu cho %d suất còn lại.", len(standing.Tied), standing.Remaining), w, ""), "\n")...)
	switch {
	case standing.Decided:
		after = append(after, strings.Split(ansi.Wrap("Chủ tọa "+standing.Decision.Chair+" đã quyết định: "+strings.Join(c.rec.NomineeNames(standing.Decision.Chosen, ""), ", ")+".", w, ""), "\n")...)
	case standing.Revote != 0:
		after = append(after, "Đã mở vòng bỏ phiếu lại.")
	case standing.NeedsRevote():
		after = append(after, st.Warn.Render(keyName(c.keys.Tally.Revote)+": mở vòng bỏ phiếu lại giữa các đối tượng hòa."))
	case standing.NeedsChair():
		after = append(after, st.Warn.Render(keyName(c.keys.Tally.ChairDecide)+": chủ tọa quyết định chọn trong các đối tượng hòa."))
	}
	return after
}

// viewTable draws the result lines, rows at a time around the cursor:
// each nominee on one row, the name (its width capped), the figures, a
// bar of the agree votes against the base with the threshold marked on
// it, and the standing in words and colour. The standing is never cut:
// the bar goes first, then the base column, then the name narrows.
func (s *tallyScreen) viewTable(c *shared, r model.Round, rule model.Rule, lines []voting.LineOutcome, rows int) string {
	st, w := c.styles, c.width
	verdictW := lipgloss.Width("Kết quả")
	for _, lo := range lines {
		verdictW = max(verdictW, lipgloss.Width(lo.Outcome.Label()))
	}
	nameW := 12
	for _, lo := range lines {
		if n, ok := c.rec.NomineeByID(lo.Line.NomineeID); ok {
			nameW = max(nameW, lipgloss.Width(n.Name))
		}
	}
	nameW = min(nameW, 32)
	figures := []column{{title: "Đồng ý", width: 6, right: true}, {title: "Không ĐY", width: 8, right: true},
		{title: "Cơ sở", width: 5, right: true}, {title: "Tỷ lệ", width: 8, right: true, gap: 1}}
	numW := 7 + 9 + 10 // the figures but the base, each with its gap
	if w-2-1-(numW+6)-verdictW < 20 {
		figures = append(figures[:2], figures[3]) // no room for the base beside a readable name
	} else {
		numW += 6
	}
	barW := min(w-2-(nameW+1)-numW-2-verdictW, 40)
	if barW < 10 {
		barW = 0
		nameW = max(min(w-2-numW-1-verdictW, 32), 12)
	}
	cols := append([]column{{title: "Đối tượng", width: nameW}}, figures...)
	if barW > 0 {
		cols = append(cols, column{width: barW, gap: 1})
	}
	cols = append(cols, column{title: "Kết quả", width: verdictW})
	s.list.resize(w, rows)
	start, end := s.list.page()
	g := grid{cols: cols, cursor: true, selected: s.list.selectedOnPage(), cell: func(row, col int) lipgloss.Style {
		if col == len(cols)-1 {
			return outcomeStyle(st, lines[start+row].Outcome)
		}
		return lipgloss.NewStyle()
	}}
	for _, lo := range lines[start:end] {
		l := lo.Line
		name := "?"
		if n, ok := c.rec.NomineeByID(l.NomineeID); ok {
			name = n.Name
		}
		row := []string{name, fmt.Sprint(l.Agree), fmt.Sprint(l.Disagree)}
		if len(figures) == 4 {
			row = append(row, fmt.Sprint(l.Base))
		}
		row = append(row, voting.FormatShare(l.Agree, l.Base))
		if barW > 0 {
			row = append(row, shareBar(st, l, rule, barW, lo.Threshold))
		}
		g.rows = append(g.rows, append(row, lo.Outcome.Label()))
	}
	return "\n" + g.render(st) + s.list.pager(c) + "\n"
}

// shareBar draws agree out of base as a bar width cells wide, with the
// threshold marked where it falls ("│"), in the colour of whether the
// threshold was reached.
func shareBar(st styles, l model.ResultLine, rule model.Rule, width int, reached bool) string {
	if l.Base <= 0 {
		return strings.Repeat(" ", width)
	}
	filled := min(l.Agree*width/l.Base, width)
	mark := -1
	if rule.Threshold.Den > 0 {
		mark = min(int(rule.Threshold.Num*int64(width)/rule.Threshold.Den), width-1)
	}
	fill := st.Bad
	if reached {
		fill = st.Good
	}
	var b strings.Builder
	for i := 0; i < width; i++ {
		switch {
		case i == mark:
			b.WriteString(st.Title.Render("│"))
		case i < filled:
			b.WriteString(fill.Render("█"))
		default:
			b.WriteString(st.Muted.Render("░"))
		}
	}
	return b.String()
}

// outcomeStyle colours a nominee's standing in a round.
func outcomeStyle(st styles, o voting.Outcome) lipgloss.Style {
	switch {
	case o.Recommended():
		return st.Good
	case o.Pending(), o == voting.OutcomeOverQuota, o == voting.OutcomeChairNotChosen:
		return st.Warn
	}
	return st.Bad
}

// viewChoice draws the chair's choice among the tied nominees.
func (s *tallyScreen) viewChoice(c *shared, standing voting.RoundStanding) string {
	st, tk := c.styles, c.keys.Tally
	var b strings.Builder
	n := 0
	for _, v := range s.chosen {
		if v {
			n++
		}
	}
	b.WriteString(st.Title.Render(fmt.Sprintf("Chủ tọa chọn %d trong %d đối tượng bằng phiếu (đã chọn %d)", standing.Remaining, len(standing.Tied), n)) + "\n\n")
	s.choice.resize(c.width, c.height-6)
	b.WriteString(s.choice.view(c, strings.Count(b.String(), "\n"), func(r pickRow, selected bool) string {
		id := standing.Tied[r.at]
		mark := "[ ]"
		if s.chosen[id] {
			mark = "[x]"
		}
		name := ""
		if nr, ok := c.rec.NomineeByID(id); ok {
			name = nr.Name
		}
		line := mark + " " + ansi.Truncate(name, c.width-8, "…")
		if selected {
			return st.Selected.Render("› " + line)
		}
		return "  " + line
	}, nil) + "\n")
	b.WriteString("\n" + st.Muted.Render(hints(tk.Choose, tk.Decide, tk.CancelChoice)))
	return b.String()
}
