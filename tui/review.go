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
	// pick is the list of voting members, to mark who is the nominee or
	// heads it; nil when it is not on show.
	pick *chooser
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
	// For a document of the dossier: its place in the award's list, its
	// short name, and whether it was received before.
	dossier  bool
	doc      int
	docLabel string
	received bool
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

// The review's cursor runs over three sections, each with its own keys
// so that no key means "good" on one line and "bad" on the next: the
// eligibility checks (c/k), the criteria of the award shown (d/x, n), and
// the documents of the award's dossier that the secretary marks (h).
const (
	sectionChecks = iota
	sectionCriteria
	sectionDossier
)

// reviewLayout is what the cursor runs over for one candidacy.
type reviewLayout struct {
	checks, criteria int
	// dossier is every document of the award's dossier; docs are those
	// the cursor reaches, the ones the program does not write.
	dossier, docs []model.DossierItem
}

// layout returns what the cursor runs over for the candidacy shown.
func (s *reviewScreen) layout(c *shared, n *model.NomineeRecord) reviewLayout {
	l := reviewLayout{checks: len(c.rec.Plan.Eligibility), criteria: len(c.rec.Plan.CriteriaFor(n.Kind, s.award))}
	l.dossier = n.Dossier(&c.rec.Plan, s.award)
	for _, it := range l.dossier {
		if !it.Document.Produced {
			l.docs = append(l.docs, it)
		}
	}
	return l
}

// total is how many lines the cursor reaches.
func (l reviewLayout) total() int { return l.checks + l.criteria + len(l.docs) }

// section is the section of cursor position i.
func (l reviewLayout) section(i int) int {
	switch {
	case i < l.checks:
		return sectionChecks
	case i < l.checks+l.criteria:
		return sectionCriteria
	}
	return sectionDossier
}

// actions implements screen: the keys of the section under the cursor,
// then those of the whole candidacy; while the list of members who may
// be the nominee is open, its keys.
func (s *reviewScreen) actions(c *shared) []action {
	n, ok := s.target(c)
	if !ok {
		return nil
	}
	if s.pick != nil {
		return s.pick.actions(c.keys)
	}
	k := c.keys
	rk := k.Review
	lay := s.layout(c, n)
	total := lay.total()
	s.cursor = clamp(s.cursor, total)
	acts := []action{
		more(k.Up, s.moveTo(c, lay, func() int { return s.cursor - 1 })),
		more(k.Down, s.moveTo(c, lay, func() int { return s.cursor + 1 })),
		more(k.Home, s.moveTo(c, lay, func() int { return 0 })),
		more(k.End, s.moveTo(c, lay, func() int { return total - 1 })),
		more(rk.Next, s.moveTo(c, lay, func() int { return s.cursor + 1 })),
	}
	switch lay.section(s.cursor) {
	case sectionChecks:
		acts = append(acts,
			act(rk.CheckYes, func() tea.Cmd { return s.check(c, n, true, total) }),
			act(rk.CheckNo, func() tea.Cmd { return s.check(c, n, false, total) }))
	case sectionCriteria:
		acts = append(acts,
			act(rk.Met, func() tea.Cmd { return s.mark(c, n, model.MarkMet, lay) }),
			act(rk.NotMet, func() tea.Cmd { return s.mark(c, n, model.MarkNotMet, lay) }),
			act(rk.Note, func() tea.Cmd { return s.note(c, n) }))
	default:
		acts = append(acts, act(rk.Received, func() tea.Cmd { return s.receivedDoc(c, n, lay) }))
	}
	if len(s.undo) > 0 {
		acts = append(acts, act(rk.Undo, func() tea.Cmd { return s.undoLast(c) }))
	}
	return append(acts,
		more(rk.Remarks, func() tea.Cmd { return openRemarks(n.ID, pageReview) }),
		more(rk.Nominated, func() tea.Cmd { return s.pickMembers(c, n) }),
		more(rk.PrevNominee, func() tea.Cmd { return s.step(-1) }),
		act(rk.NextNominee, func() tea.Cmd { return s.step(1) }),
		more(rk.NextAward, run(func() { s.nextAward(n, lay.checks) })))
}

// moveTo moves the cursor to the line to gives, and says so on the status
// line when it crosses into another section, whose keys differ.
func (s *reviewScreen) moveTo(c *shared, lay reviewLayout, to func() int) func() tea.Cmd {
	return func() tea.Cmd {
		was := lay.section(s.cursor)
		s.cursor = clamp(to(), lay.total())
		if now := lay.section(s.cursor); now != was {
			return say(sectionHint(c, now), false)
		}
		return nil
	}
}

// sectionHint names a section of the review and its keys.
func sectionHint(c *shared, section int) string {
	rk := c.keys.Review
	switch section {
	case sectionChecks:
		return "Phần điều kiện khen thưởng: " + hints(rk.CheckYes, rk.CheckNo) + "."
	case sectionCriteria:
		return "Phần tiêu chuẩn: " + hints(rk.Met, rk.NotMet, rk.Note) + "."
	}
	return "Phần hồ sơ: " + hint(rk.Received) + "."
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
func (s *reviewScreen) mark(c *shared, n *model.NomineeRecord, mark model.Mark, lay reviewLayout) tea.Cmd {
	st, id, award := c.st, n.ID, s.award
	idx := s.cursor - lay.checks
	word := "đạt"
	if mark == model.MarkNotMet {
		word = "không đạt"
	}
	prev := candidacyMark(n, award, idx)
	was := reviewUndo{nominee: id, award: award, cursor: s.cursor, idx: idx, mark: prev}
	ack := fmt.Sprintf("Tiêu chí %d: %s.", idx+1, word)
	if idx == lay.criteria-1 && len(lay.docs) > 0 {
		ack += " Tiếp theo là phần hồ sơ: " + hint(c.keys.Review.Received) + "."
	}
	return s.write(c, was, ack, lay.total(), func(ctx context.Context) error {
		return st.SetMark(ctx, id, award, idx, mark, prev.Note)
	})
}

// receivedDoc marks the document under the cursor received, or no longer
// received when it was.
func (s *reviewScreen) receivedDoc(c *shared, n *model.NomineeRecord, lay reviewLayout) tea.Cmd {
	st, id, award := c.st, n.ID, s.award
	it := lay.docs[s.cursor-lay.checks-lay.criteria]
	on := !it.Received
	was := reviewUndo{nominee: id, award: award, cursor: s.cursor, dossier: true, doc: it.Index, docLabel: it.Document.Label(), received: it.Received}
	word := "đã nhận"
	if !on {
		word = "còn thiếu"
	}
	ack := fmt.Sprintf("%s — %s: %s.", n.Name, it.Document.Label(), word)
	return s.write(c, was, ack, lay.total(), func(ctx context.Context) error {
		return st.SetDocumentReceived(ctx, id, award, it.Index, on)
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
	if u.dossier {
		return c.do(pageReview, fmt.Sprintf("%sđã hoàn tác «%s».", name, u.docLabel), func(ctx context.Context) error {
			return st.SetDocumentReceived(ctx, u.nominee, u.award, u.doc, u.received)
		})
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

// view implements screen: the candidacy's header, then the lines of its
// sections scrolled so that the cursor shows, the heading of the cursor's
// section kept on the first line when it scrolls away; under them the
// line under the cursor in full and what was said about the nominee.
func (s *reviewScreen) view(c *shared) string {
	n, ok := s.target(c)
	if !ok {
		return "\nChưa chọn đối tượng. Về danh sách (" + keyName(c.keys.Back) + ") và chọn một đối tượng."
	}
	if s.pick != nil {
		return s.pick.view(c, c.height)
	}
	var b strings.Builder
	b.WriteString(s.viewHeader(c, n))
	lay := s.layout(c, n)
	lines := s.rows(c, n, lay)
	detail := append(s.detail(c, n, lay), s.remarkLines(c, n)...)
	used := strings.Count(b.String(), "\n")
	room := c.height - used - 1 - len(detail)
	if room < 3 {
		detail = detail[:max(0, len(detail)-(3-room))]
		room = 3
	}
	b.WriteString(s.viewRows(c, lines, room))
	b.WriteString("\n" + strings.Join(detail, "\n"))
	return b.String()
}

// reviewLine is one line of the review's list: a check, a criterion, a
// document, or a section's heading.
type reviewLine struct {
	text    string
	at      int // the cursor's position on the line; -1 for none
	section int
	heading bool
}

// viewRows draws room lines of the list around the cursor.
func (s *reviewScreen) viewRows(c *shared, lines []reviewLine, room int) string {
	st, w := c.styles, c.width
	cur := 0
	for i, l := range lines {
		if l.at == s.cursor {
			cur = i
		}
	}
	var b strings.Builder
	first, head := reviewWindow(lines, cur, room)
	if head >= 0 {
		b.WriteString(lines[head].text + "\n")
		room--
	}
	for i := first; i < len(lines) && i < first+room; i++ {
		switch {
		case lines[i].heading:
			b.WriteString(lines[i].text + "\n")
		case i == cur:
			b.WriteString(st.Selected.Render("›") + " " + ansi.Truncate(lines[i].text, w-2, "…") + "\n")
		default:
			b.WriteString("  " + ansi.Truncate(lines[i].text, w-2, "…") + "\n")
		}
	}
	return b.String()
}

// reviewWindow chooses the first of room lines to show around the line
// cur, and the heading to keep on top of them (-1 for none): the heading
// of the section on top stays on show, so that no line is read under the
// heading of another section.
func reviewWindow(lines []reviewLine, cur, room int) (first, head int) {
	first, head = window(cur, len(lines), room), -1
	for i := first; i >= 0 && first < len(lines); i-- {
		if lines[i].heading && lines[i].section == lines[first].section {
			head = i
			break
		}
	}
	switch {
	case head < 0 || head >= first:
		return first, -1
	case first+1 < len(lines) && lines[first+1].section == lines[first].section:
		return first + 1, head
	case cur > first:
		return first + 1, -1 // the section's last line alone, without its heading: leave it out
	}
	return first, -1
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
	for _, m := range rec.NominatedMembers(n.ID) {
		for _, l := range strings.Split(ansi.Wrap(disclosure(rec, m, n), w, ""), "\n") {
			b.WriteString(st.Warn.Render(l) + "\n")
		}
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

// rows lists one line per eligibility check, the criteria's heading and
// one line per criterion, then, when the award asks for a dossier, its
// heading and one line per document.
func (s *reviewScreen) rows(c *shared, n *model.NomineeRecord, lay reviewLayout) []reviewLine {
	st, rec := c.styles, c.rec
	var lines []reviewLine
	for i, ch := range rec.Plan.Eligibility {
		lines = append(lines, reviewLine{text: checkBox(st, n, i) + " " + ch.Text, at: i})
	}
	cl := voting.ChecklistOf(&rec.Plan, n, s.award)
	head := fmt.Sprintf("Tiêu chuẩn (%d/%d đã đánh giá, %d đạt)", cl.Marked, cl.Total, cl.Met)
	if voting.Frozen(rec, n.ID, s.award) {
		head += " — đã khóa vì đã đưa vào bỏ phiếu"
	}
	lines = append(lines, reviewLine{text: st.Title.Render(ansi.Truncate(head, c.width, "…")), at: -1, section: sectionCriteria, heading: true})
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
		lines = append(lines, reviewLine{text: fmt.Sprintf("%s %d. %s%s", val, i+1, cr.Text, req), at: lay.checks + i, section: sectionCriteria})
	}
	return append(lines, dossierLines(c, lay)...)
}

// dossierLines are the heading of the dossier and a line per document:
// received, missing (in the warning's colour), or written by the program,
// which the cursor passes over.
func dossierLines(c *shared, lay reviewLayout) []reviewLine {
	if len(lay.dossier) == 0 {
		return nil
	}
	st := c.styles
	var missing []model.Document
	for _, it := range lay.dossier {
		if !it.Present() {
			missing = append(missing, it.Document)
		}
	}
	head := st.Title.Render("Hồ sơ: đủ")
	if len(missing) > 0 {
		head = st.Warn.Render(fmt.Sprintf("Hồ sơ: còn thiếu %d giấy tờ (%s)", len(missing), model.DocumentLabels(missing)))
	}
	lines := []reviewLine{{text: ansi.Truncate(head, c.width, "…"), at: -1, section: sectionDossier, heading: true}}
	at := lay.checks + lay.criteria
	for _, it := range lay.dossier {
		l := reviewLine{at: -1, section: sectionDossier}
		switch {
		case it.Document.Produced:
			l.text = st.Muted.Render("[   –   ] " + it.Document.Label() + " (do chương trình lập)")
		case it.Received:
			l.text, l.at = st.Good.Render("[Đã nhận]")+" "+it.Document.Label(), at
		default:
			l.text, l.at = st.Warn.Render("[ Thiếu ] "+it.Document.Label()), at
		}
		if l.at >= 0 {
			at++
		}
		lines = append(lines, l)
	}
	return lines
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
func (s *reviewScreen) detail(c *shared, n *model.NomineeRecord, lay reviewLayout) []string {
	st, w := c.styles, c.width
	checks := c.rec.Plan.Eligibility
	crit := c.rec.Plan.CriteriaFor(n.Kind, s.award)
	wrap := func(text string) []string { return strings.Split(ansi.Wrap(text, w-2, ""), "\n") }
	switch i := s.cursor; lay.section(i) {
	case sectionChecks:
		detail := wrap("Điều kiện: " + checks[i].Text + " — có áp dụng với đối tượng này không?")
		if i < len(n.Checks) && !n.Checks[i].Confirmed && n.Checks[i].Applies {
			rk := c.keys.Review
			detail = append(detail, st.Warn.Render(ansi.Truncate("Hồ sơ đăng ký ghi nhận điều này. Hội đồng xác nhận: "+
				keyName(rk.CheckYes)+" có, "+keyName(rk.CheckNo)+" không.", w-2, "…")))
		}
		return detail
	case sectionCriteria:
		i -= lay.checks
		detail := wrap(fmt.Sprintf("Tiêu chí %d/%d: %s", i+1, len(crit), crit[i].Text))
		if note := candidacyMark(n, s.award, i).Note; note != "" {
			detail = append(detail, wrap("Ghi chú: "+note)...)
		}
		return detail
	}
	if i := s.cursor - lay.checks - lay.criteria; i >= 0 && i < len(lay.docs) {
		it := lay.docs[i]
		return wrap(fmt.Sprintf("Giấy tờ %d/%d của hồ sơ: %s — %s.", it.Index+1, len(lay.dossier), it.Document.Name, it.State()))
	}
	return nil
}

// remarkLines sum up, under the list, what was said about the nominee:
// the number of remarks and the last ones, as many as the screen spares,
// and the free-text note of an older file, read only.
func (s *reviewScreen) remarkLines(c *shared, n *model.NomineeRecord) []string {
	st, w := c.styles, c.width
	g := keyName(c.keys.Review.Remarks)
	var out []string
	if n.Note != "" {
		out = append(out, st.Muted.Render(ansi.Truncate("Ghi chép thảo luận trước đây: "+strings.ReplaceAll(n.Note, "\n", " "), w-2, "…")))
	}
	if len(n.Remarks) == 0 {
		return append(out, st.Muted.Render(ansi.Truncate("Chưa có ý kiến phát biểu ("+g+": thêm).", w-2, "…")))
	}
	out = append(out, st.Subtitle.Render(ansi.Truncate(fmt.Sprintf("Ý kiến phát biểu (%d; %s: xem, thêm, sửa):", len(n.Remarks), g), w-2, "…")))
	shown := n.Remarks[max(0, len(n.Remarks)-max(c.height/10, 1)):]
	for _, r := range shown {
		out = append(out, ansi.Truncate("• "+r.Heading()+": "+strings.ReplaceAll(r.Text, "\n", " "), w-2, "…"))
	}
	return out
}
