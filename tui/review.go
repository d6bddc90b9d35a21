package tui

import (
	"context"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"hoidong/model"
	"hoidong/voting"
)

// reviewScreen reviews one nominee: details, eligibility checks, then the
// criteria of one proposed award, one at a time.
type reviewScreen struct {
	base
	nominee int64
	award   string
	cursor  int // over checks, then criteria
	// anchor is the candidacy of the list that [ and ] move from: the one
	// opened from the list or reached by [ and ]; tab changes the award
	// shown, not the place in the list.
	anchor struct {
		nominee int64
		award   string
	}
	// neighbour finds the candidacy before (-1) or after (+1) in the list.
	neighbour func(nominee int64, award string, dir int) (int64, string, bool)
	// undo holds what the last marks replaced, the latest last.
	undo []reviewUndo
}

// reviewUndo is what one mark replaced: enough to put it back.
type reviewUndo struct {
	nominee int64
	award   string
	cursor  int
	check   string // the eligibility check's code; "" for a criterion
	// The check's answer before: whether it had one, and what.
	answered, applies bool
	// The criterion's mark and note before.
	idx  int
	mark model.CriterionMark
}

// focusMsg opens the review of one candidacy.
type focusMsg struct {
	nominee int64
	award   string
}

// title implements screen.
func (s *reviewScreen) title() string { return "Xét đối tượng" }

// confirmedCheck is an exclusion the secretary confirmed.
type confirmedCheck struct {
	cursor int
	write  func() tea.Cmd
}

// receive implements screen: the candidacy to review, from the list; an
// exclusion confirmed.
func (s *reviewScreen) receive(_ *shared, msg tea.Msg) tea.Cmd {
	switch m := msg.(type) {
	case focusMsg:
		s.focus(m.nominee, m.award)
		return navigate(pageReview)
	case confirmedCheck:
		s.cursor = m.cursor
		return m.write()
	}
	return nil
}

// focus points the screen at one candidacy of the list.
func (s *reviewScreen) focus(nominee int64, award string) {
	if s.nominee != nominee || s.award != award {
		s.cursor = 0
	}
	s.nominee, s.award = nominee, award
	s.anchor.nominee, s.anchor.award = nominee, award
}

// target returns the reviewed nominee.
func (s *reviewScreen) target(c *shared) (*model.NomineeRecord, bool) {
	return c.rec.NomineeByID(s.nominee)
}

// actions implements screen: on an eligibility check, whether it applies;
// on a criterion, whether it is met, and its note.
func (s *reviewScreen) actions(c *shared) []action {
	n, ok := s.target(c)
	if !ok {
		return nil
	}
	k := c.keys
	rk := k.Review
	checks := c.rec.Plan.Eligibility
	total := len(checks) + len(c.rec.Plan.CriteriaFor(n.Kind, s.award))
	s.cursor = clamp(s.cursor, total)
	acts := []action{
		more(k.Up, run(func() { s.cursor = clamp(s.cursor-1, total) })),
		more(k.Down, run(func() { s.cursor = clamp(s.cursor+1, total) })),
		more(k.Home, run(func() { s.cursor = 0 })),
		more(k.End, run(func() { s.cursor = max(total-1, 0) })),
		more(rk.Next, run(func() { s.cursor = clamp(s.cursor+1, total) })),
	}
	if s.cursor < len(checks) {
		acts = append(acts,
			act(rk.CheckYes, func() tea.Cmd { return s.check(c, n, true, total) }),
			act(rk.CheckNo, func() tea.Cmd { return s.check(c, n, false, total) }))
	} else {
		acts = append(acts,
			act(rk.Met, func() tea.Cmd { return s.mark(c, n, model.MarkMet, total) }),
			act(rk.NotMet, func() tea.Cmd { return s.mark(c, n, model.MarkNotMet, total) }),
			act(rk.Note, func() tea.Cmd { return s.note(c, n) }))
	}
	if len(s.undo) > 0 {
		acts = append(acts, act(rk.Undo, func() tea.Cmd { return s.undoLast(c) }))
	}
	return append(acts,
		more(rk.NomineeNote, func() tea.Cmd { return s.nomineeNote(c, n) }),
		more(rk.PrevNominee, func() tea.Cmd { return s.step(-1) }),
		act(rk.NextNominee, func() tea.Cmd { return s.step(1) }),
		more(rk.NextAward, run(func() { s.nextAward(n, len(checks)) })))
}

// check records whether eligibility check under the cursor applies.
func (s *reviewScreen) check(c *shared, n *model.NomineeRecord, applies bool, total int) tea.Cmd {
	st, id := c.st, n.ID
	ch := c.rec.Plan.Eligibility[s.cursor]
	word := "không"
	if applies {
		word = "có"
	}
	was := reviewUndo{nominee: id, award: s.award, cursor: s.cursor, check: ch.Code}
	if s.cursor < len(n.Checks) && n.Checks[s.cursor].Confirmed {
		was.answered, was.applies = true, n.Checks[s.cursor].Applies
	}
	ack := fmt.Sprintf("%s: %s — %s.", n.Name, ch.Text, word)
	if s.cursor == len(c.rec.Plan.Eligibility)-1 && total > s.cursor+1 {
		rk := c.keys.Review
		ack += " Tiếp theo là phần tiêu chuẩn: " + hints(rk.Met, rk.NotMet) + "."
	}
	write := func(ctx context.Context) error { return st.SetCheck(ctx, id, ch.Code, applies) }
	if applies && ch.Effect == model.EffectExclude && !(was.answered && was.applies) {
		// Excluding a nominee is asked first, naming what follows.
		cursor := s.cursor
		return ask(fmt.Sprintf("%s: %s?\n\nĐối tượng sẽ thuộc trường hợp không khen thưởng: không được đưa ra bỏ phiếu cho %d hình thức đã đề nghị.",
			n.Name, ch.Text, len(n.Candidacies)), func() tea.Msg {
			return to(pageReview, confirmedCheck{cursor: cursor, write: func() tea.Cmd { return s.write(c, was, ack, total, write) }})
		})
	}
	return s.write(c, was, ack, total, write)
}

// mark records the criterion under the cursor met or not met.
func (s *reviewScreen) mark(c *shared, n *model.NomineeRecord, mark model.Mark, total int) tea.Cmd {
	st, id, award := c.st, n.ID, s.award
	idx := s.cursor - len(c.rec.Plan.Eligibility)
	word := "đạt"
	if mark == model.MarkNotMet {
		word = "không đạt"
	}
	prev := candidacyMark(n, award, idx)
	was := reviewUndo{nominee: id, award: award, cursor: s.cursor, idx: idx, mark: prev}
	return s.write(c, was, fmt.Sprintf("Tiêu chí %d: %s.", idx+1, word), total, func(ctx context.Context) error {
		return st.SetMark(ctx, id, award, idx, mark, prev.Note)
	})
}

// write queues a mark, moves the cursor on at once, and remembers what the
// mark replaces for undo; a write that fails takes both back.
func (s *reviewScreen) write(c *shared, was reviewUndo, ack string, total int, w func(ctx context.Context) error) tea.Cmd {
	back := s.moveOn(total)
	s.undo = append(s.undo, was)
	if len(s.undo) > 100 {
		s.undo = s.undo[len(s.undo)-100:]
	}
	depth := len(s.undo)
	return c.doThen(pageReview, ack, func() {
		back()
		if len(s.undo) >= depth {
			s.undo = s.undo[:depth-1]
		}
	}, w)
}

// undoLast puts back what the last mark replaced and returns to its line.
func (s *reviewScreen) undoLast(c *shared) tea.Cmd {
	u := s.undo[len(s.undo)-1]
	s.undo = s.undo[:len(s.undo)-1]
	s.nominee, s.award, s.cursor = u.nominee, u.award, u.cursor
	st := c.st
	name := ""
	if n, ok := c.rec.NomineeByID(u.nominee); ok {
		name = n.Name + ": "
	}
	if u.check != "" {
		return c.do(pageReview, name+"đã hoàn tác điều kiện vừa đánh dấu.", func(ctx context.Context) error {
			if !u.answered {
				return st.UnsetCheck(ctx, u.nominee, u.check)
			}
			return st.SetCheck(ctx, u.nominee, u.check, u.applies)
		})
	}
	return c.do(pageReview, fmt.Sprintf("%sđã hoàn tác tiêu chí %d.", name, u.idx+1), func(ctx context.Context) error {
		return st.SetMark(ctx, u.nominee, u.award, u.idx, u.mark.Mark, u.mark.Note)
	})
}

// note asks for the note of the criterion under the cursor.
func (s *reviewScreen) note(c *shared, n *model.NomineeRecord) tea.Cmd {
	st, id, award := c.st, n.ID, s.award
	idx := s.cursor - len(c.rec.Plan.Eligibility)
	cm := candidacyMark(n, award, idx)
	return prompt(fmt.Sprintf("Ghi chú cho tiêu chí %d:", idx+1), cm.Note, func(note string) tea.Cmd {
		return c.do(pageReview, fmt.Sprintf("Đã ghi chú tiêu chí %d.", idx+1), func(ctx context.Context) error {
			return st.SetMark(ctx, id, award, idx, cm.Mark, note)
		})
	})
}

// nomineeNote asks for the discussion note on the nominee.
func (s *reviewScreen) nomineeNote(c *shared, n *model.NomineeRecord) tea.Cmd {
	st, id := c.st, n.ID
	return prompt("Ý kiến thảo luận về "+n.Name+":", n.Note, func(note string) tea.Cmd {
		return c.do(pageReview, "Đã ghi ý kiến thảo luận.", func(ctx context.Context) error {
			return st.SetNomineeNote(ctx, id, note)
		})
	})
}

// step moves to the candidacy before (-1) or after (+1) in the list, as
// the list shows it, across award groups; at either end it says so.
func (s *reviewScreen) step(dir int) tea.Cmd {
	if s.neighbour == nil {
		return nil
	}
	id, a, ok := s.neighbour(s.anchor.nominee, s.anchor.award, dir)
	if !ok {
		if dir < 0 {
			return say("Đây là đối tượng đầu tiên của danh sách.", false)
		}
		return say("Đây là đối tượng cuối cùng của danh sách.", false)
	}
	s.focus(id, a)
	return nil
}

// nextAward moves to the nominee's next proposed award, on its criteria.
func (s *reviewScreen) nextAward(n *model.NomineeRecord, checks int) {
	for i, cd := range n.Candidacies {
		if cd.Award == s.award {
			s.award = n.Candidacies[(i+1)%len(n.Candidacies)].Award
			s.cursor = checks
			return
		}
	}
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
		return "\nChưa chọn đối tượng. Về danh sách (" + keyName(c.keys.Back) + ") và chọn một đối tượng."
	}
	var b strings.Builder
	b.WriteString(s.viewHeader(c, n))
	lines, critHead := s.rows(c, n)
	detail := s.detail(c, n)
	cur := s.cursor
	if cur >= critHead {
		cur++
	}
	st, w := c.styles, c.width
	used := strings.Count(b.String(), "\n")
	room := c.height - used - 1 - len(detail)
	if room < 3 {
		detail = detail[:max(0, len(detail)-(3-room))]
		room = 3
	}
	first := window(cur, len(lines), room)
	for i := first; i < len(lines) && i < first+room; i++ {
		switch {
		case i == critHead:
			b.WriteString(lines[i] + "\n")
		case i == cur:
			b.WriteString(st.Selected.Render("›") + " " + ansi.Truncate(lines[i], w-2, "…") + "\n")
		default:
			b.WriteString("  " + ansi.Truncate(lines[i], w-2, "…") + "\n")
		}
	}
	b.WriteString("\n" + strings.Join(detail, "\n"))
	return b.String()
}

// viewHeader writes who is reviewed, for which award, and the state of
// their eligibility.
func (s *reviewScreen) viewHeader(c *shared, n *model.NomineeRecord) string {
	st, rec, w := c.styles, c.rec, c.width
	var b strings.Builder
	award, _ := rec.Plan.Award(s.award)
	b.WriteString(st.Subtitle.Render(ansi.Truncate(n.Name, w-12, "…")) + st.Muted.Render(" · "+n.Kind.Label()) + "\n")
	var info []string
	if n.Unit != "" {
		info = append(info, "Đơn vị: "+n.Unit)
	}
	if n.Position != "" {
		info = append(info, "Chức vụ: "+n.Position)
	}
	b.WriteString(ansi.Truncate(strings.Join(info, " · "), w, "…") + "\n")
	which := ""
	for i, cd := range n.Candidacies {
		if cd.Award == s.award && len(n.Candidacies) > 1 {
			which = fmt.Sprintf("  (%d/%d, %s: đổi)", i+1, len(n.Candidacies), keyName(c.keys.Review.NextAward))
		}
	}
	b.WriteString(ansi.Truncate("Đề nghị: "+award.Name+which, w, "…") + "\n")
	if n.Summary != "" {
		b.WriteString(st.Muted.Render(ansi.Truncate("Thành tích: "+n.Summary, w, "…")) + "\n")
	}
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
	b.WriteString("\n" + st.Title.Render(ansi.Truncate(elLine, w, "…")) + "\n")
	return b.String()
}

// rows lists one line per eligibility check, the criteria's heading, then
// one line per criterion; critHead is the heading's index.
func (s *reviewScreen) rows(c *shared, n *model.NomineeRecord) (lines []string, critHead int) {
	st, rec := c.styles, c.rec
	for i, ch := range rec.Plan.Eligibility {
		lines = append(lines, checkBox(st, n, i)+" "+ch.Text)
	}
	critHead = len(lines)
	cl := voting.ChecklistOf(&rec.Plan, n, s.award)
	head := fmt.Sprintf("Tiêu chuẩn (%d/%d đã đánh giá, %d đạt)", cl.Marked, cl.Total, cl.Met)
	if voting.Frozen(rec, n.ID, s.award) {
		head += " — đã khóa vì đã đưa vào bỏ phiếu"
	}
	lines = append(lines, st.Title.Render(ansi.Truncate(head, c.width, "…")))
	for i, cr := range rec.Plan.CriteriaFor(n.Kind, s.award) {
		val := "[   ?   ]"
		switch candidacyMark(n, s.award, i).Mark {
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
	return lines, critHead
}

// checkBox shows whether eligibility check i applies to n: unknown, as the
// registration says but not yet confirmed, or as the council confirmed.
func checkBox(st styles, n *model.NomineeRecord, i int) string {
	switch {
	case i >= len(n.Checks) || !n.Checks[i].Applies && !n.Checks[i].Confirmed:
		return "[   ?   ]"
	case !n.Checks[i].Confirmed:
		return st.Warn.Render("[ Có ?  ]") // the registration says so; not yet confirmed
	case n.Checks[i].Applies:
		return st.Bad.Render("[  Có   ]")
	}
	return st.Good.Render("[ Không ]")
}

// detail writes the line under the cursor in full, with its note, below
// the list.
func (s *reviewScreen) detail(c *shared, n *model.NomineeRecord) []string {
	st, w := c.styles, c.width
	checks := c.rec.Plan.Eligibility
	crit := c.rec.Plan.CriteriaFor(n.Kind, s.award)
	var detail []string
	if s.cursor < len(checks) {
		detail = strings.Split(ansi.Wrap("Điều kiện: "+checks[s.cursor].Text+" — có áp dụng với đối tượng này không?", w-2, ""), "\n")
		if s.cursor < len(n.Checks) && !n.Checks[s.cursor].Confirmed && n.Checks[s.cursor].Applies {
			rk := c.keys.Review
			detail = append(detail, st.Warn.Render(ansi.Truncate("Hồ sơ đăng ký ghi nhận điều này. Hội đồng xác nhận: "+
				keyName(rk.CheckYes)+" có, "+keyName(rk.CheckNo)+" không.", w-2, "…")))
		}
	} else if i := s.cursor - len(checks); i < len(crit) {
		detail = strings.Split(ansi.Wrap(fmt.Sprintf("Tiêu chí %d/%d: %s", i+1, len(crit), crit[i].Text), w-2, ""), "\n")
		if note := candidacyMark(n, s.award, i).Note; note != "" {
			detail = append(detail, strings.Split(ansi.Wrap("Ghi chú: "+note, w-2, ""), "\n")...)
		}
	}
	if n.Note != "" {
		detail = append(detail, st.Muted.Render(ansi.Truncate("Ý kiến thảo luận: "+n.Note, w-2, "…")))
	}
	return detail
}
