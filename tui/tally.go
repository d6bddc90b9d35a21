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

	// memo is what the round on show needs from the record, worked out
	// once per snapshot and round rather than on every frame.
	memo tallyMemo
}

// tallyMemo is a round's standing and result lines as one snapshot of the
// record gives them, with what the table's widths depend on.
type tallyMemo struct {
	rec      *model.Record // the snapshot it was worked out from
	round    int64
	standing voting.RoundStanding
	lines    []voting.LineOutcome
	names    []string // the nominee of each line
	nameW    int      // the widest name, capped
	verdictW int      // the widest standing
	title    string   // the round's title

	// drawn keeps the table's heading and lines as last drawn for one
	// layout: a frame draws again only the rows whose look changed.
	header string
	drawn  rowCache[string, drawnRow]
}

// worked returns the memo of round r in rec, working it out when the
// snapshot or the round changed.
func (s *tallyScreen) worked(rec *model.Record, r model.Round) *tallyMemo {
	if s.memo.rec == rec && s.memo.round == r.ID {
		return &s.memo
	}
	ix := voting.NewIndex(rec)
	m := tallyMemo{rec: rec, round: r.ID, standing: ix.Standing(r), lines: ix.Outcomes(r),
		nameW: 12, verdictW: lipgloss.Width("Kết quả")}
	m.names = make([]string, len(m.lines))
	for i, lo := range m.lines {
		m.names[i] = "?"
		if n, ok := ix.Nominee(lo.Line.NomineeID); ok {
			m.names[i] = n.Name
		}
		m.nameW = max(m.nameW, lipgloss.Width(m.names[i]))
		m.verdictW = max(m.verdictW, lipgloss.Width(lo.Outcome.Label()))
	}
	m.nameW = min(m.nameW, 32)
	m.title = roundTitle(rec, r)
	s.memo = m
	return &s.memo
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
	standing := s.worked(c.rec, r).standing
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
	memo := s.worked(rec, r)
	standing := memo.standing
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
	lines := memo.lines
	var explain []string
	if at := s.list.at(); at < len(lines) {
		explain = strings.Split(ansi.Wrap("Phép tính: "+lines[at].Explain(a.Rule), c.width, ""), "\n")
	}
	rows := max(c.height-4-strings.Count(head, "\n")-len(after)-len(explain), 3)
	parts := []string{head, s.viewTable(c, memo, a.Rule, rows)}
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
	head := s.worked(c.rec, r).title
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
		b.WriteString(ansi.Wrap(fmt.Sprintf("Trong đó %d phiếu bằng văn bản của thành viên vắng mặt: %s.", len(senders), strings.Join(names, ", ")), w, "") + "\n")
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
func (s *tallyScreen) viewTable(c *shared, memo *tallyMemo, rule model.Rule, rows int) string {
	st, w := c.styles, c.width
	verdictW, nameW := memo.verdictW, memo.nameW
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
	selected := s.list.selectedOnPage()
	// The rows are drawn one by one and kept: moving the cursor draws
	// two rows again, not the page.
	layout := fmt.Sprint(w, c.theme, c.dark, cols)
	if memo.drawn.forLayout(layout) {
		memo.header = grid{cols: cols, cursor: true, selected: -1}.renderHeader(st)
	}
	var b strings.Builder
	b.WriteString("\n" + memo.header)
	for i := start; i < end; i++ {
		key := drawnRow{at: i, selected: i-start == selected}
		row, ok := memo.drawn.lookup(key)
		if !ok {
			row = memo.drawn.keep(key, s.drawRow(st, memo, cols, rule, barW, len(figures) == 4, key))
		}
		b.WriteString("\n" + row.text)
	}
	return b.String() + s.list.pager(c) + "\n"
}

// drawRow draws line key.at of the table: the name, the figures, the bar
// and the standing.
func (s *tallyScreen) drawRow(st styles, memo *tallyMemo, cols []column, rule model.Rule, barW int, withBase bool, key drawnRow) string {
	lo := memo.lines[key.at]
	l := lo.Line
	row := []string{memo.names[key.at], fmt.Sprint(l.Agree), fmt.Sprint(l.Disagree)}
	if withBase {
		row = append(row, fmt.Sprint(l.Base))
	}
	row = append(row, voting.FormatShare(l.Agree, l.Base))
	if barW > 0 {
		row = append(row, shareBar(st, l, rule, barW, lo.Threshold))
	}
	row = append(row, lo.Outcome.Label())
	g := grid{cols: cols, cursor: true, selected: -1, rows: [][]string{row}, cell: func(_, col int) lipgloss.Style {
		if col == len(cols)-1 {
			return outcomeStyle(st, lo.Outcome)
		}
		return lipgloss.NewStyle()
	}}
	if key.selected {
		g.selected = 0
	}
	return g.renderRow(st, 0)
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
	// Each run of one kind of cell is styled once: the bar, the mark, the
	// rest of the bar, and the rest of the scale.
	var b strings.Builder
	run := func(style lipgloss.Style, cell string, from, to int) {
		if to > from {
			b.WriteString(style.Render(strings.Repeat(cell, to-from)))
		}
	}
	if mark < 0 {
		run(fill, "█", 0, filled)
		run(st.Muted, "░", filled, width)
		return b.String()
	}
	run(fill, "█", 0, min(filled, mark))
	run(st.Muted, "░", min(filled, mark), mark)
	run(st.Title, "│", mark, mark+1)
	run(fill, "█", mark+1, max(filled, mark+1))
	run(st.Muted, "░", max(filled, mark+1), width)
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
