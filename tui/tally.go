package tui

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"hoidong/model"
	"hoidong/voting"
)

// tallyScreen shows the result of each closed round with the arithmetic,
// the award's quota and any tie at its line, and settles that tie: a
// re-vote among the tied, or the chair's decision.
type tallyScreen struct {
	round  int // index among closed rounds
	cursor int // result line

	choosing bool           // the chair is choosing among the tied nominees
	chosen   map[int64]bool // the chair's choice so far
	pick     int            // cursor among the tied nominees
}

// title implements screen.
func (s *tallyScreen) title() string { return "Kết quả kiểm phiếu" }

// closedRounds lists the rounds that have been counted.
func closedRounds(rec *model.Record) []model.Round {
	var out []model.Round
	for _, r := range rec.Rounds {
		if r.Status == model.RoundClosed {
			out = append(out, r)
		}
	}
	return out
}

// enter shows the latest round.
func (s *tallyScreen) enter(c *shared) {
	s.round = len(closedRounds(c.rec)) - 1
	s.cursor = 0
	s.choosing = false
}

// capturesBack keeps esc for cancelling the chair's choice.
func (s *tallyScreen) capturesBack() bool { return s.choosing }

// current returns the round on screen.
func (s *tallyScreen) current(rec *model.Record) (model.Round, bool) {
	rs := closedRounds(rec)
	if len(rs) == 0 {
		return model.Round{}, false
	}
	return rs[clamp(s.round, len(rs))], true
}

// update implements screen.
func (s *tallyScreen) update(c *shared, msg tea.KeyPressMsg) tea.Cmd {
	rs := closedRounds(c.rec)
	if len(rs) == 0 {
		return nil
	}
	s.round = clamp(s.round, len(rs))
	r := rs[s.round]
	k := c.keys
	standing := voting.Standing(c.rec, r)
	if s.choosing {
		return s.updateChoice(c, msg, r, standing)
	}
	switch {
	case key.Matches(msg, k.Left):
		s.round = clamp(s.round-1, len(rs))
		s.cursor = 0
	case key.Matches(msg, k.Right):
		s.round = clamp(s.round+1, len(rs))
		s.cursor = 0
	case key.Matches(msg, k.Up):
		s.cursor = clamp(s.cursor-1, len(r.Results))
	case key.Matches(msg, k.Down):
		s.cursor = clamp(s.cursor+1, len(r.Results))
	case key.Matches(msg, k.Revote):
		if !standing.NeedsRevote() {
			return say("Vòng này không có đối tượng hòa cần bỏ phiếu lại.", true)
		}
		st, id := c.st, r.ID
		then := pageBooth
		if r.Mode == model.RoundPaper {
			then = pagePaper
		}
		q := fmt.Sprintf("Mở vòng bỏ phiếu lại giữa %d đối tượng bằng phiếu, cho %d suất còn lại?\n\n%s",
			len(standing.Tied), standing.Remaining, strings.Join(nomineeNames(c.rec, standing.Tied, "– "), "\n"))
		return askDo(q, job{from: pageTally, ack: fmt.Sprintf("Đã mở vòng bỏ phiếu lại cho vòng %d.", r.Seq), then: then, write: func(ctx context.Context) error {
			_, err := st.OpenRevote(ctx, id)
			return err
		}})
	case key.Matches(msg, k.ChairDecide):
		if !standing.NeedsChair() {
			return say("Vòng này không có đối tượng hòa chờ chủ tọa quyết định.", true)
		}
		s.choosing, s.chosen, s.pick = true, map[int64]bool{}, 0
	}
	return nil
}

// updateChoice handles keys while the chair chooses among the tied.
func (s *tallyScreen) updateChoice(c *shared, msg tea.KeyPressMsg, r model.Round, standing voting.RoundStanding) tea.Cmd {
	k := c.keys
	tied := standing.Tied
	switch {
	case key.Matches(msg, k.Back):
		s.choosing = false
	case key.Matches(msg, k.Up):
		s.pick = clamp(s.pick-1, len(tied))
	case key.Matches(msg, k.Down):
		s.pick = clamp(s.pick+1, len(tied))
	case key.Matches(msg, k.ToggleTeller): // space
		if len(tied) > 0 {
			id := tied[s.pick]
			s.chosen[id] = !s.chosen[id]
		}
	case key.Matches(msg, k.Enter):
		var chosen []int64
		for _, id := range tied {
			if s.chosen[id] {
				chosen = append(chosen, id)
			}
		}
		if len(chosen) != standing.Remaining {
			return say(fmt.Sprintf("Cần chọn đúng %d đối tượng (đã chọn %d).", standing.Remaining, len(chosen)), true)
		}
		st, id, seq := c.st, r.ID, r.Seq
		names := strings.Join(nomineeNames(c.rec, chosen, "– "), "\n")
		return prompt("Ghi chú quyết định của chủ tọa (có thể để trống):", "", func(note string) tea.Cmd {
			s.choosing = false
			return askDo("Ghi quyết định của chủ tọa cho vòng "+fmt.Sprint(seq)+"?\n\n"+names,
				job{from: pageTally, ack: "Đã ghi quyết định của chủ tọa.", write: func(ctx context.Context) error {
					return st.DecideTie(ctx, id, chosen, note)
				}})
		})
	}
	return nil
}

// nomineeNames lists the names of ids, each with a prefix.
func nomineeNames(rec *model.Record, ids []int64, prefix string) []string {
	var out []string
	for _, id := range ids {
		if n, ok := voting.NomineeByID(rec, id); ok {
			out = append(out, prefix+n.Name)
		}
	}
	return out
}

// view implements screen.
func (s *tallyScreen) view(c *shared) string {
	rec := c.rec
	st := c.styles
	w := c.width
	r, ok := s.current(rec)
	if !ok {
		return "\nChưa có vòng bỏ phiếu nào được đóng và kiểm phiếu."
	}
	rs := closedRounds(rec)
	a, _ := rec.Plan.Award(r.Award)
	standing := voting.Standing(rec, r)
	var b strings.Builder
	head := fmt.Sprintf("Vòng %d — %s", r.Seq, a.Name)
	if places, ok := voting.NewIndex(rec).PlacesAtStake(r); ok {
		head += fmt.Sprintf(" (bỏ phiếu lại, còn %d suất)", places)
	} else if r.Parent != 0 {
		head += " (bỏ phiếu lại)"
	}
	if r.Mode == model.RoundPaper {
		head += " · phiếu giấy"
	}
	b.WriteString(st.Subtitle.Render(truncate(head, w-16)) + st.Muted.Render(fmt.Sprintf("  (%d/%d vòng)", clamp(s.round, len(rs))+1, len(rs))) + "\n")
	b.WriteString(fmt.Sprintf("Phiếu phát ra %d · thu về %d · hợp lệ %d · không hợp lệ %d · thành viên %d\n", r.Issued, r.Returned, r.Valid, r.Invalid, r.AllMembers))
	rule := wrap("Quy tắc: "+voting.RuleText(a.Rule), w)
	b.WriteString(st.Muted.Render(strings.Join(rule, "\n")) + "\n")

	// What follows the table: the quota, the tie and how it is settled.
	var after []string
	if standing.Limited {
		after = append(after, wrap(voting.QuotaText(rec, a), w)...)
	}
	if standing.Tie() {
		after = append(after, wrap(fmt.Sprintf("Hòa ở ranh giới chỉ tiêu: %d đối tượng bằng phiếu cho %d suất còn lại.", len(standing.Tied), standing.Remaining), w)...)
		switch {
		case standing.Decided:
			after = append(after, wrap("Chủ tọa "+standing.Decision.Chair+" đã quyết định: "+strings.Join(nomineeNames(rec, standing.Decision.Chosen, ""), ", ")+".", w)...)
		case standing.Revote != 0:
			after = append(after, "Đã mở vòng bỏ phiếu lại.")
		case standing.NeedsRevote():
			after = append(after, st.Warn.Render(c.keys.Revote.Help().Key+": mở vòng bỏ phiếu lại giữa các đối tượng hòa."))
		case standing.NeedsChair():
			after = append(after, st.Warn.Render(c.keys.ChairDecide.Help().Key+": chủ tọa quyết định chọn trong các đối tượng hòa."))
		}
	}
	if s.choosing {
		return b.String() + "\n" + s.viewChoice(c, standing)
	}
	lines := voting.NewIndex(rec).Outcomes(r)
	verdictW := lipgloss.Width("Kết quả")
	for _, lo := range lines {
		verdictW = max(verdictW, lipgloss.Width(lo.Outcome.Label()))
	}
	// The standing is never cut: the base column goes first, then the
	// name narrows.
	showBase := w-2-7-9-9-2-verdictW-6 >= 18
	numW := 7 + 9 + 9
	if showBase {
		numW += 6
	}
	nameW := max(w-2-numW-2-verdictW, 12)
	cols := padRight("  Đối tượng", nameW+2) + padLeft("Đồng ý", 7) + padLeft("Không ĐY", 9)
	if showBase {
		cols += padLeft("Cơ sở", 6)
	}
	cols += padLeft("Tỷ lệ", 9) + "  " + padRight("Kết quả", verdictW)
	b.WriteString("\n" + st.Header.Render(cols) + "\n")
	var explain []string
	if s.cursor < len(lines) {
		explain = wrap("Phép tính: "+lines[s.cursor].Explain(a.Rule), w)
	}
	rows := max(c.height-6-len(rule)-len(after)-len(explain), 3)
	start := window(s.cursor, len(lines), rows)
	for i := start; i < len(lines) && i < start+rows; i++ {
		lo := lines[i]
		l := lo.Line
		name := "?"
		if n, ok := voting.NomineeByID(rec, l.NomineeID); ok {
			name = n.Name
		}
		verdict := outcomeStyle(st, lo.Outcome)(lo.Outcome.Label())
		line := padRight(name, nameW) + padLeft(fmt.Sprint(l.Agree), 7) + padLeft(fmt.Sprint(l.Disagree), 9)
		if showBase {
			line += padLeft(fmt.Sprint(l.Base), 6)
		}
		line += padLeft(voting.FormatShare(l.Agree, l.Base), 9) + "  "
		if i == s.cursor {
			b.WriteString(st.Selected.Render("› "+line) + verdict + "\n")
		} else {
			b.WriteString("  " + line + verdict + "\n")
		}
	}
	if len(explain) > 0 {
		b.WriteString("\n" + strings.Join(explain, "\n"))
	}
	if len(after) > 0 {
		b.WriteString("\n" + strings.Join(after, "\n"))
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
	st := c.styles
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
		if nr, ok := voting.NomineeByID(c.rec, id); ok {
			name = nr.Name
		}
		line := mark + " " + truncate(name, c.width-8)
		if i == s.pick {
			b.WriteString(st.Selected.Render("› "+line) + "\n")
		} else {
			b.WriteString("  " + line + "\n")
		}
	}
	b.WriteString("\n" + st.Muted.Render("space: chọn/bỏ · enter: ghi quyết định · esc: hủy"))
	return b.String()
}

// help implements screen.
func (s *tallyScreen) help(c *shared) bindings {
	k := c.keys
	if s.choosing {
		return bindings{short: []key.Binding{k.Up, k.Down, k.ToggleTeller, k.Enter, key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "hủy"))}}
	}
	short := []key.Binding{k.Left, k.Right}
	if r, ok := s.current(c.rec); ok {
		standing := voting.Standing(c.rec, r)
		if standing.NeedsRevote() {
			short = append(short, k.Revote)
		}
		if standing.NeedsChair() {
			short = append(short, k.ChairDecide)
		}
	}
	return bindings{short: append(short, k.Back, k.Help)}
}
