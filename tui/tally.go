package tui

import (
	"context"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"hoidong/model"
	"hoidong/voting"
)

// tallyScreen shows the result of each closed round with the arithmetic,
// the award's quota and any tie at its line, and settles that tie: a
// re-vote among the tied, or the chair's decision.
type tallyScreen struct {
	base
	round  int // index among closed rounds
	cursor int // result line

	choosing bool           // the chair is choosing among the tied nominees
	chosen   map[int64]bool // the chair's choice so far
	pick     int            // cursor among the tied nominees

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
	s.cursor = 0
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
	return rs[s.round], true
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
		act(tk.PrevRound, run(func() { s.round, s.cursor = clamp(s.round-1, rounds), 0 })),
		act(tk.NextRound, run(func() { s.round, s.cursor = clamp(s.round+1, rounds), 0 })),
	}
	if s.hidden[r.ID] {
		return append(acts, act(tk.Show, run(func() { delete(s.hidden, r.ID) })))
	}
	acts = append(acts,
		more(k.Up, run(func() { s.cursor = clamp(s.cursor-1, len(r.Results)) })),
		more(k.Down, run(func() { s.cursor = clamp(s.cursor+1, len(r.Results)) })),
		more(k.Home, run(func() { s.cursor = 0 })),
		more(k.End, run(func() { s.cursor = max(len(r.Results)-1, 0) })),
	)
	if standing.NeedsRevote() {
		acts = append(acts, act(tk.Revote, func() tea.Cmd { return s.askRevote(c, r, standing) }))
	}
	if standing.NeedsChair() {
		acts = append(acts, act(tk.ChairDecide, run(func() { s.choosing, s.chosen, s.pick = true, map[int64]bool{}, 0 })))
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

// choiceActions are the keys while the chair chooses among the tied.
func (s *tallyScreen) choiceActions(c *shared, r model.Round, standing voting.RoundStanding) []action {
	k := c.keys
	tk := k.Tally
	tied := standing.Tied
	return []action{
		act(k.Up, run(func() { s.pick = clamp(s.pick-1, len(tied)) })),
		act(k.Down, run(func() { s.pick = clamp(s.pick+1, len(tied)) })),
		act(tk.Choose, run(func() {
			if len(tied) > 0 {
				s.chosen[tied[s.pick]] = !s.chosen[tied[s.pick]]
			}
		})),
		act(tk.Decide, func() tea.Cmd { return s.decide(c, r, standing) }),
		act(tk.CancelChoice, run(func() { s.choosing = false })),
	}
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
	if s.cursor < len(lines) {
		explain = wrap("Phép tính: "+lines[s.cursor].Explain(a.Rule), c.width)
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
	b.WriteString(st.Subtitle.Render(truncate(head, w-16)) + st.Muted.Render(fmt.Sprintf("  (%d/%d vòng)", s.round+1, len(rs))) + "\n")
	b.WriteString(fmt.Sprintf("Phiếu phát ra %d · thu về %d · hợp lệ %d · không hợp lệ %d · thành viên %d\n", r.Issued, r.Returned, r.Valid, r.Invalid, r.AllMembers))
	b.WriteString(st.Muted.Render(strings.Join(wrap("Quy tắc: "+voting.RuleText(a.Rule), w), "\n")) + "\n")
	return b.String()
}

// viewAfter is what follows the table: the quota, the tie and how it is
// settled.
func (s *tallyScreen) viewAfter(c *shared, a model.Award, standing voting.RoundStanding) []string {
	st, w := c.styles, c.width
	var after []string
	if standing.Limited {
		after = append(after, wrap(voting.QuotaText(c.rec, a), w)...)
	}
	if !standing.Tie() {
		return after
	}
	after = append(after, wrap(fmt.Sprintf("Hòa ở ranh giới chỉ tiêu: %d đối tượng bằng phiếu cho %d suất còn lại.", len(standing.Tied), standing.Remaining), w)...)
	switch {
	case standing.Decided:
		after = append(after, wrap("Chủ tọa "+standing.Decision.Chair+" đã quyết định: "+strings.Join(c.rec.NomineeNames(standing.Decision.Chosen, ""), ", ")+".", w)...)
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
// each nominee on one line, the name (its width capped), the figures, a
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
	numW := 7 + 9 + 9
	showBase := w-2-numW-6-2-verdictW >= 18
	if showBase {
		numW += 6
	}
	barW := min(w-2-nameW-numW-2-verdictW-2, 40)
	if barW < 10 {
		barW = 0
		nameW = max(min(w-2-numW-2-verdictW, 32), 12)
	}
	cols := padRight("  Đối tượng", nameW+2) + padLeft("Đồng ý", 7) + padLeft("Không ĐY", 9)
	if showBase {
		cols += padLeft("Cơ sở", 6)
	}
	cols += padLeft("Tỷ lệ", 9) + "  "
	if barW > 0 {
		cols += padRight("", barW+2)
	}
	cols += padRight("Kết quả", verdictW)
	var b strings.Builder
	b.WriteString("\n" + st.Header.Render(cols) + "\n")
	start := window(s.cursor, len(lines), rows)
	for i := start; i < len(lines) && i < start+rows; i++ {
		lo := lines[i]
		l := lo.Line
		name := "?"
		if n, ok := c.rec.NomineeByID(l.NomineeID); ok {
			name = n.Name
		}
		line := padRight(name, nameW) + padLeft(fmt.Sprint(l.Agree), 7) + padLeft(fmt.Sprint(l.Disagree), 9)
		if showBase {
			line += padLeft(fmt.Sprint(l.Base), 6)
		}
		line += padLeft(voting.FormatShare(l.Agree, l.Base), 9) + "  "
		style := outcomeStyle(st, lo.Outcome)
		verdict := style(lo.Outcome.Label())
		if barW > 0 {
			verdict = shareBar(st, l, rule, barW, lo.Threshold) + "  " + verdict
		}
		if i == s.cursor {
			b.WriteString(st.Selected.Render("› "+line) + verdict + "\n")
		} else {
			b.WriteString("  " + line + verdict + "\n")
		}
	}
	return b.String()
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
func outcomeStyle(st styles, o voting.Outcome) func(...string) string {
	switch {
	case o.Recommended():
		return st.Good.Render
	case o.Pending(), o == voting.OutcomeOverQuota, o == voting.OutcomeChairNotChosen:
		return st.Warn.Render
	}
	return st.Bad.Render
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
	for i, id := range standing.Tied {
		mark := "[ ]"
		if s.chosen[id] {
			mark = "[x]"
		}
		name := ""
		if nr, ok := c.rec.NomineeByID(id); ok {
			name = nr.Name
		}
		line := mark + " " + truncate(name, c.width-8)
		if i == s.pick {
			b.WriteString(st.Selected.Render("› "+line) + "\n")
		} else {
			b.WriteString("  " + line + "\n")
		}
	}
	b.WriteString("\n" + st.Muted.Render(hints(tk.Choose, tk.Decide, tk.CancelChoice)))
	return b.String()
}
