package tui

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"hoidong/model"
	"hoidong/voting"
)

// reviewScreen reviews one nominee: details, eligibility checks, then the
// criteria of one proposed award, one at a time.
type reviewScreen struct {
	nominee int64
	award   string
	cursor  int // over checks, then criteria
	// neighbour finds the candidacy before (-1) or after (+1) in the list.
	neighbour func(nominee int64, award string, dir int) (int64, string, bool)
}

// title implements screen.
func (s *reviewScreen) title() string { return "Xét đối tượng" }

// focus points the screen at one candidacy.
func (s *reviewScreen) focus(nominee int64, award string) {
	if s.nominee != nominee || s.award != award {
		s.cursor = 0
	}
	s.nominee, s.award = nominee, award
}

// target returns the reviewed nominee.
func (s *reviewScreen) target(c *shared) (*model.NomineeRecord, bool) {
	return voting.NomineeByID(c.rec, s.nominee)
}

// update implements screen.
func (s *reviewScreen) update(c *shared, msg tea.KeyPressMsg) tea.Cmd {
	n, ok := s.target(c)
	if !ok {
		return nil
	}
	k := c.keys
	checks := c.rec.Plan.Eligibility
	crit := c.rec.Plan.CriteriaFor(n.Kind, s.award)
	total := len(checks) + len(crit)
	s.cursor = clamp(s.cursor, total)
	st := c.st
	id, award := n.ID, s.award
	onCheck := s.cursor < len(checks)
	switch {
	case key.Matches(msg, k.Up):
		s.cursor = clamp(s.cursor-1, total)
	case key.Matches(msg, k.Down), key.Matches(msg, k.Enter):
		s.cursor = clamp(s.cursor+1, total)
	case key.Matches(msg, k.PrevNominee), key.Matches(msg, k.NextNominee):
		dir := 1
		if key.Matches(msg, k.PrevNominee) {
			dir = -1
		}
		if s.neighbour != nil {
			if nid, a, ok := s.neighbour(id, award, dir); ok {
				s.focus(nid, a)
			}
		}
	case key.Matches(msg, k.NextAward):
		for i, cd := range n.Candidacies {
			if cd.Award == s.award {
				s.award = n.Candidacies[(i+1)%len(n.Candidacies)].Award
				s.cursor = len(checks)
				break
			}
		}
	case onCheck && (key.Matches(msg, k.CheckYes) || key.Matches(msg, k.CheckNo)):
		code := checks[s.cursor].Code
		applies := key.Matches(msg, k.CheckYes)
		word := "không"
		if applies {
			word = "có"
		}
		text := checks[s.cursor].Text
		return c.doThen(pageReview, fmt.Sprintf("%s: %s — %s.", n.Name, text, word), s.moveOn(total), func(ctx context.Context) error {
			return st.SetCheck(ctx, id, code, applies)
		})
	case !onCheck && (key.Matches(msg, k.Met) || key.Matches(msg, k.NotMet)):
		idx := s.cursor - len(checks)
		mark := model.MarkMet
		word := "đạt"
		if key.Matches(msg, k.NotMet) {
			mark, word = model.MarkNotMet, "không đạt"
		}
		note := candidacyMark(n, award, idx).Note
		return c.doThen(pageReview, fmt.Sprintf("Tiêu chí %d: %s.", idx+1, word), s.moveOn(total), func(ctx context.Context) error {
			return st.SetMark(ctx, id, award, idx, mark, note)
		})
	case !onCheck && key.Matches(msg, k.Note):
		idx := s.cursor - len(checks)
		cm := candidacyMark(n, award, idx)
		return prompt(fmt.Sprintf("Ghi chú cho tiêu chí %d:", idx+1), cm.Note, func(note string) tea.Cmd {
			return c.do(pageReview, fmt.Sprintf("Đã ghi chú tiêu chí %d.", idx+1), func(ctx context.Context) error {
				return st.SetMark(ctx, id, award, idx, cm.Mark, note)
			})
		})
	case key.Matches(msg, k.NomineeNote):
		return prompt("Ý kiến thảo luận về "+n.Name+":", n.Note, func(note string) tea.Cmd {
			return c.do(pageReview, "Đã ghi ý kiến thảo luận.", func(ctx context.Context) error {
				return st.SetNomineeNote(ctx, id, note)
			})
		})
	}
	return nil
}

// moveOn moves the cursor to the next line at once, so that quick key
// presses mark line after line, and returns how to come back to this
// line if the write fails.
func (s *reviewScreen) moveOn(total int) func() {
	nominee, award, cursor := s.nominee, s.award, s.cursor
	s.cursor = clamp(s.cursor+1, total)
	return func() { s.nominee, s.award, s.cursor = nominee, award, cursor }
}

// candidacyMark returns the mark of criterion idx of a candidacy.
func candidacyMark(n *model.NomineeRecord, award string, idx int) model.CriterionMark {
	for _, cd := range n.Candidacies {
		if cd.Award == award && idx >= 0 && idx < len(cd.Marks) {
			return cd.Marks[idx]
		}
	}
	return model.CriterionMark{}
}

// view implements screen.
func (s *reviewScreen) view(c *shared) string {
	n, ok := s.target(c)
	if !ok {
		return "\nChưa chọn đối tượng. Về danh sách (esc) và chọn một đối tượng."
	}
	st := c.styles
	rec := c.rec
	w := c.width
	var b strings.Builder
	award, _ := rec.Plan.Award(s.award)
	b.WriteString(st.Subtitle.Render(truncate(n.Name, w-12)) + st.Muted.Render(" · "+n.Kind.Label()) + "\n")
	var info []string
	if n.Unit != "" {
		info = append(info, "Đơn vị: "+n.Unit)
	}
	if n.Position != "" {
		info = append(info, "Chức vụ: "+n.Position)
	}
	b.WriteString(truncate(strings.Join(info, " · "), w) + "\n")
	which := ""
	if len(n.Candidacies) > 1 {
		for i, cd := range n.Candidacies {
			if cd.Award == s.award {
				which = fmt.Sprintf("  (%d/%d, tab: đổi)", i+1, len(n.Candidacies))
			}
		}
	}
	b.WriteString(truncate("Đề nghị: "+award.Name+which, w) + "\n")
	if n.Summary != "" {
		b.WriteString(st.Muted.Render(truncate("Thành tích: "+n.Summary, w)) + "\n")
	}
	frozen := voting.Frozen(rec, n.ID, s.award)
	el := voting.EligibilityOf(&rec.Plan, n)
	elLine := "Điều kiện khen thưởng — " + el.Label()
	if r := voting.EligibilityReason(&rec.Plan, n); r != "" && el != model.EligibilityEligible {
		// The reason starts with its own verdict ("Chưa xét: …"); keep the
		// label and the checks that apply.
		if _, checks, ok := strings.Cut(r, ": "); ok {
			r = checks
		}
		elLine += ": " + r
	}
	b.WriteString("\n" + st.Title.Render(truncate(elLine, w)) + "\n")

	checks := rec.Plan.Eligibility
	crit := rec.Plan.CriteriaFor(n.Kind, s.award)
	cl := voting.ChecklistOf(&rec.Plan, n, s.award)
	var lines []string
	for i, ch := range checks {
		val := "[   ?   ]"
		if i < len(n.Checks) && !n.Checks[i].Confirmed && n.Checks[i].Applies {
			val = st.Warn.Render("[ Có ?  ]") // the registration says so; not yet confirmed
		}
		if i < len(n.Checks) && n.Checks[i].Confirmed {
			if n.Checks[i].Applies {
				val = st.Bad.Render("[  Có   ]")
			} else {
				val = st.Good.Render("[ Không ]")
			}
		}
		lines = append(lines, val+" "+ch.Text)
	}
	critHead := len(lines)
	for i, cr := range crit {
		m := candidacyMark(n, s.award, i)
		val := "[   ?   ]"
		switch m.Mark {
		case model.MarkMet:
			val = st.Good.Render("[  Đạt  ]")
		case model.MarkNotMet:
			val = st.Bad.Render("[K. đạt ]")
		}
		req := ""
		if !cr.Required {
			req = " (không bắt buộc)"
		}
		lines = append(lines, fmt.Sprintf("%s %d. %s%s", val, i+1, cr.Text, req))
	}
	head := fmt.Sprintf("Tiêu chuẩn (%d/%d đã đánh giá, %d đạt)", cl.Marked, cl.Total, cl.Met)
	if frozen {
		head += " — đã khóa vì đã đưa vào bỏ phiếu"
	}

	// The current item in full, with its note, below the list.
	var detail []string
	if s.cursor < len(checks) {
		detail = wrap("Điều kiện: "+checks[s.cursor].Text+" — có áp dụng với đối tượng này không?", w-2)
		if s.cursor < len(n.Checks) && !n.Checks[s.cursor].Confirmed && n.Checks[s.cursor].Applies {
			detail = append(detail, st.Warn.Render(truncate("Hồ sơ đăng ký ghi nhận điều này. Hội đồng xác nhận: c có, k không.", w-2)))
		}
	} else if i := s.cursor - len(checks); i < len(crit) {
		detail = wrap(fmt.Sprintf("Tiêu chí %d/%d: %s", i+1, len(crit), crit[i].Text), w-2)
		if note := candidacyMark(n, s.award, i).Note; note != "" {
			detail = append(detail, wrap("Ghi chú: "+note, w-2)...)
		}
	}
	if n.Note != "" {
		detail = append(detail, st.Muted.Render(truncate("Ý kiến thảo luận: "+n.Note, w-2)))
	}
	// One row per check, a heading, then one row per criterion.
	rows := append(lines[:critHead:critHead], st.Title.Render(truncate(head, w)))
	rows = append(rows, lines[critHead:]...)
	cur := s.cursor
	if cur >= critHead {
		cur++
	}
	used := strings.Count(b.String(), "\n")
	room := c.height - used - 1 - len(detail)
	if room < 3 {
		detail = detail[:max(0, len(detail)-(3-room))]
		room = 3
	}
	first := window(cur, len(rows), room)
	for i := first; i < len(rows) && i < first+room; i++ {
		switch {
		case i == critHead:
			b.WriteString(rows[i] + "\n")
		case i == cur:
			b.WriteString(st.Selected.Render("›") + " " + truncate(rows[i], w-2) + "\n")
		default:
			b.WriteString("  " + truncate(rows[i], w-2) + "\n")
		}
	}
	b.WriteString("\n" + strings.Join(detail, "\n"))
	return b.String()
}

// help implements screen.
func (s *reviewScreen) help(c *shared) bindings {
	k := c.keys
	full := [][]key.Binding{
		{k.Up, k.Down, k.PrevNominee, k.NextNominee, k.NextAward},
		{k.CheckYes, k.CheckNo, k.Met, k.NotMet},
		{k.Note, k.NomineeNote, k.Back, k.Help, k.Quit},
	}
	if s.cursor < len(c.rec.Plan.Eligibility) {
		return bindings{short: []key.Binding{k.CheckYes, k.CheckNo, k.NextNominee, k.Back, k.Help}, full: full}
	}
	return bindings{short: []key.Binding{k.Met, k.NotMet, k.Note, k.NextNominee, k.Back, k.Help}, full: full}
}
