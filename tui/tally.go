package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"hoidong/model"
	"hoidong/voting"
)

// tallyScreen shows the result of each closed round with the arithmetic.
type tallyScreen struct {
	round  int // index among closed rounds
	cursor int // result line
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
}

// update implements screen.
func (s *tallyScreen) update(c *shared, msg tea.KeyPressMsg) tea.Cmd {
	rs := closedRounds(c.rec)
	if len(rs) == 0 {
		return nil
	}
	s.round = clamp(s.round, len(rs))
	k := c.keys
	switch {
	case key.Matches(msg, k.Left):
		s.round = clamp(s.round-1, len(rs))
		s.cursor = 0
	case key.Matches(msg, k.Right):
		s.round = clamp(s.round+1, len(rs))
		s.cursor = 0
	case key.Matches(msg, k.Up):
		s.cursor = clamp(s.cursor-1, len(rs[s.round].Results))
	case key.Matches(msg, k.Down):
		s.cursor = clamp(s.cursor+1, len(rs[s.round].Results))
	}
	return nil
}

// view implements screen.
func (s *tallyScreen) view(c *shared) string {
	rec := c.rec
	st := c.styles
	w := c.width
	rs := closedRounds(rec)
	if len(rs) == 0 {
		return "\nChưa có vòng bỏ phiếu nào được đóng và kiểm phiếu."
	}
	s.round = clamp(s.round, len(rs))
	r := rs[s.round]
	a, _ := rec.Plan.Award(r.Award)
	var b strings.Builder
	b.WriteString(st.Subtitle.Render(truncate(fmt.Sprintf("Vòng %d — %s", r.Seq, a.Name), w-16)) + st.Muted.Render(fmt.Sprintf("  (%d/%d vòng)", s.round+1, len(rs))) + "\n")
	b.WriteString(fmt.Sprintf("Phiếu phát ra %d · thu về %d · hợp lệ %d · không hợp lệ %d · thành viên %d\n", r.Issued, r.Returned, r.Valid, r.Invalid, r.AllMembers))
	rule := wrap("Quy tắc: "+voting.RuleText(a.Rule), w)
	b.WriteString(st.Muted.Render(strings.Join(rule, "\n")) + "\n\n")
	nameW := w - 2 - 8 - 10 - 8 - 10 - 12
	b.WriteString(st.Header.Render(padRight("  Đối tượng", nameW+2)+padLeft("Đồng ý", 8)+padLeft("Không ĐY", 10)+padLeft("Cơ sở", 8)+padLeft("Tỷ lệ", 10)+"  Kết quả   ") + "\n")
	rows := c.height - 7 - len(rule)
	start := window(s.cursor, len(r.Results), rows)
	for i := start; i < len(r.Results) && i < start+rows; i++ {
		l := r.Results[i]
		name := "?"
		if n, ok := voting.NomineeByID(rec, l.NomineeID); ok {
			name = n.Name
		}
		verdict := st.Bad.Render("Không đạt")
		if l.Pass {
			verdict = st.Good.Render("Đạt")
		}
		line := padRight(name, nameW) + padLeft(fmt.Sprint(l.Agree), 8) + padLeft(fmt.Sprint(l.Disagree), 10) + padLeft(fmt.Sprint(l.Base), 8) + padLeft(voting.FormatShare(l.Agree, l.Base), 10) + "  "
		if i == s.cursor {
			b.WriteString(st.Selected.Render("› "+line) + verdict + "\n")
		} else {
			b.WriteString("  " + line + verdict + "\n")
		}
	}
	if s.cursor < len(r.Results) {
		b.WriteString("\n" + strings.Join(wrap("Phép tính: "+voting.Explain(r.Results[s.cursor], a.Rule), w), "\n"))
	}
	return b.String()
}

// help implements screen.
func (s *tallyScreen) help(c *shared) bindings {
	k := c.keys
	return bindings{short: []key.Binding{k.Up, k.Down, k.Left, k.Right, k.Back, k.Help}}
}
