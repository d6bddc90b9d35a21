package tui

import (
	"context"
	"fmt"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"hoidong/model"
)

// The written-ballot screen is where the counting committee enters the
// written ballots of absent members (gửi phiếu bằng văn bản) into the open
// round: not at the members' booth, but at the secretary's program, one
// sealed envelope after another. In an electronic round it opens the
// sender's ballot, marked with the booth's own ballot (ballot.go), and
// stores it as the booth stores a ballot; then it forgets every mark. In a
// paper round the envelope goes into the ballot box with the other paper
// ballots, and the screen records only that it was received.

// writtenState is where the entry of a written ballot stands.
type writtenState int

// Written-ballot states.
const (
	writtenList    writtenState = iota // the members who send one, with their state
	writtenMarking                     // the committee marks the sender's ballot
	writtenReview                      // the ballot summed up before it is stored
	writtenSaving                      // the ballot is being stored
)

// writtenScreen enters the written ballots of the open round.
type writtenScreen struct {
	base
	list   *pickList            // one row per member in rows
	rows   []model.MemberRecord // the members listed, from the last snapshot
	state  writtenState
	round  int64   // the open round the screen follows
	sender int64   // the member whose ballot is being entered
	ballot *ballot // their ballot while it is marked
	notice string  // why the last key did nothing, on the ballot
}

// saveWrittenMsg is the committee's yes to storing the ballot on screen.
type saveWrittenMsg struct{ round, sender int64 }

// writtenRows lists, in record order, the voting members whose written
// ballot round r takes or took: those marked as sending one, and those
// whose ballot (envelope) it already holds.
func writtenRows(rec *model.Record, r model.Round) []model.MemberRecord {
	var out []model.MemberRecord
	for _, m := range rec.Members {
		if m.Votes && m.WrittenBallot || slices.Contains(r.Written, m.ID) {
			out = append(out, m)
		}
	}
	return out
}

// title implements screen.
func (s *writtenScreen) title() string { return "Phiếu bằng văn bản" }

// refresh follows the record: the open round and its senders, and the
// outcome of storing a ballot.
func (s *writtenScreen) refresh(c *shared, msg recordMsg) tea.Cmd {
	r, open := c.rec.OpenRound()
	if !open || r.ID != s.round {
		s.forget()
		s.state, s.round = writtenList, r.ID
	}
	s.rows = nil
	if open {
		s.rows = writtenRows(c.rec, r)
	}
	rows := make([]pickRow, len(s.rows))
	for i := range rows {
		rows[i] = pickRow{at: i}
	}
	s.list.set(rows)
	if msg.from != pageWritten || s.state != writtenSaving {
		return nil
	}
	s.state = writtenList
	sender := s.sender
	s.sender = 0
	if msg.err != nil {
		return nil // the status line says why
	}
	// The cursor goes on to the next ballot still to enter.
	s.list.find(func(row pickRow) bool { return !slices.Contains(r.Written, s.rows[row.at].ID) })
	m, _ := c.rec.MemberByID(sender)
	return say("Đã ghi phiếu bằng văn bản của đồng chí "+m.Name+".", false)
}

// enter shows the list, no ballot open.
func (s *writtenScreen) enter(*shared) tea.Cmd {
	s.forget()
	s.state = writtenList
	return nil
}

// leave forgets the ballot being entered.
func (s *writtenScreen) leave(*shared) {
	s.forget()
	if s.state != writtenSaving {
		s.state = writtenList
	}
}

// forget drops the ballot being entered, every mark overwritten.
func (s *writtenScreen) forget() {
	s.ballot.clear()
	s.ballot, s.notice = nil, ""
	if s.state != writtenSaving {
		s.sender = 0
	}
}

// openWrittenRound returns the open round when its award takes written
// ballots.
func openWrittenRound(rec *model.Record) (model.Round, bool) {
	r, open := rec.OpenRound()
	return r, open && rec.Plan.AcceptsWritten(r.Award)
}

// actions implements screen.
func (s *writtenScreen) actions(c *shared) []action {
	r, ok := openWrittenRound(c.rec)
	if !ok {
		return nil
	}
	switch s.state {
	case writtenMarking:
		return s.markingActions(c, r)
	case writtenReview:
		return []action{
			act(c.keys.Written.Save, func() tea.Cmd { return s.askSave(c, r) }),
			act(c.keys.Booth.Change, run(func() { s.state = writtenMarking })),
		}
	case writtenSaving:
		return nil
	}
	if len(s.rows) == 0 || s.list.len() != len(s.rows) {
		return nil
	}
	wk := c.keys.Written
	acts := s.list.actions(c.keys, true)
	if r.Mode == model.RoundPaper {
		return append(acts,
			act(wk.Receive, func() tea.Cmd { return s.receiveEnvelope(c, r) }),
			act(wk.Undo, func() tea.Cmd { return s.undoEnvelope(c, r) }))
	}
	return append(acts, act(wk.Open, func() tea.Cmd { return s.open(c, r) }))
}

// current is the member under the cursor.
func (s *writtenScreen) current() model.MemberRecord { return s.rows[s.list.at()] }

// open opens the ballot of the member under the cursor, unless the round
// already holds one of theirs.
func (s *writtenScreen) open(c *shared, r model.Round) tea.Cmd {
	m := s.current()
	switch {
	case slices.Contains(r.Written, m.ID):
		return say(fmt.Sprintf("Phiếu bằng văn bản của đồng chí %s đã được nhập trong vòng %d; mỗi thành viên chỉ có một phiếu.", m.Name, r.Seq), true)
	case slices.Contains(r.Voters, m.ID):
		return say(fmt.Sprintf("Đồng chí %s đã bỏ phiếu tại máy trong vòng %d.", m.Name, r.Seq), true)
	}
	s.sender, s.ballot, s.notice = m.ID, newBallot(r, m.ID), ""
	s.state = writtenMarking
	return nil
}

// markingActions: the committee marks the envelope's ballot with the
// booth's keys.
func (s *writtenScreen) markingActions(c *shared, r model.Round) []action {
	k := c.keys
	bk := k.Booth
	b := s.ballot
	mark := func(m int8) func() tea.Cmd {
		return run(func() { s.notice = b.mark(m) })
	}
	return append(b.moves(k, c.height-8),
		act(bk.Agree, mark(markAgree)),
		act(bk.Disagree, mark(markDisagree)),
		act(bk.AgreeRest, run(func() { b.agreeRest(); s.notice = "" })),
		act(bk.Review, run(func() {
			why, at := ballotIncomplete(c, r, b)
			if why == "" {
				s.state, s.notice = writtenReview, ""
				return
			}
			s.notice = why
			if at >= 0 {
				b.cursor = at
			}
		})),
		act(k.Written.Cancel, run(func() { s.forget(); s.state = writtenList })))
}

// senderName names the member whose ballot is being entered.
func (s *writtenScreen) senderName(rec *model.Record) string {
	m, _ := rec.MemberByID(s.sender)
	return m.Name
}

// askSave asks, naming the sender, before the ballot is stored; the yes
// comes back to receive, which stores it and forgets the marks.
func (s *writtenScreen) askSave(c *shared, r model.Round) tea.Cmd {
	agree, disagree, blank := s.ballot.counts()
	figures := fmt.Sprintf("Đồng ý %d · Không đồng ý %d", agree, disagree)
	if blank > 0 {
		figures += fmt.Sprintf(" · Để trống %d", blank)
	}
	yes := saveWrittenMsg{round: r.ID, sender: s.sender}
	return ask(fmt.Sprintf("Ghi phiếu bằng văn bản của đồng chí %s vào vòng %d?\n\n%s.\n\nSau khi ghi, phiếu không sửa được và màn hình được xóa.",
		s.senderName(c.rec), r.Seq, figures), func() tea.Msg { return to(pageWritten, yes) })
}

// receive implements screen: the yes to storing the ballot. The choices
// go to the store in a job; the screen keeps nothing of them.
func (s *writtenScreen) receive(c *shared, msg tea.Msg) tea.Cmd {
	yes, ok := msg.(saveWrittenMsg)
	if !ok || s.state != writtenReview || s.ballot == nil || yes.round != s.round || yes.sender != s.sender {
		return nil
	}
	r, open := c.rec.OpenRound()
	if !open || r.ID != yes.round {
		return nil
	}
	choices := s.ballot.choices(r)
	s.ballot.clear()
	s.ballot, s.notice = nil, ""
	s.state = writtenSaving
	st := c.st
	return c.enqueue(job{from: pageWritten, write: func(ctx context.Context) error {
		return st.CastWrittenBallot(ctx, yes.round, yes.sender, choices)
	}})
}

// receiveEnvelope records, once asked, that the envelope of the member
// under the cursor went into the ballot box of the paper round r.
func (s *writtenScreen) receiveEnvelope(c *shared, r model.Round) tea.Cmd {
	m, st, id := s.current(), c.st, r.ID
	if slices.Contains(r.Written, m.ID) {
		return say(fmt.Sprintf("Đã nhận phong bì phiếu bằng văn bản của đồng chí %s trong vòng %d.", m.Name, r.Seq), true)
	}
	return askDo(fmt.Sprintf("Ghi nhận đã nhận phong bì phiếu bằng văn bản của đồng chí %s trong vòng %d?\n\nPhong bì được bỏ vào hòm phiếu và kiểm cùng các phiếu khác; số phiếu phát ra và thu về tính cả phiếu này.", m.Name, r.Seq),
		job{from: pageWritten, ack: fmt.Sprintf("Phong bì phiếu bằng văn bản của đồng chí %s: đã nhận.", m.Name), what: "phong bì phiếu bằng văn bản của đồng chí " + m.Name, write: func(ctx context.Context) error {
			return st.ReceiveWrittenEnvelope(ctx, id, m.ID)
		}})
}

// undoEnvelope takes back, once asked, the envelope recorded for the
// member under the cursor.
func (s *writtenScreen) undoEnvelope(c *shared, r model.Round) tea.Cmd {
	m, st, id := s.current(), c.st, r.ID
	if !slices.Contains(r.Written, m.ID) {
		return say(fmt.Sprintf("Vòng %d chưa nhận phong bì phiếu bằng văn bản của đồng chí %s.", r.Seq, m.Name), true)
	}
	return askDo(fmt.Sprintf("Bỏ ghi nhận phong bì phiếu bằng văn bản của đồng chí %s trong vòng %d?", m.Name, r.Seq),
		job{from: pageWritten, ack: fmt.Sprintf("Phong bì phiếu bằng văn bản của đồng chí %s: đã bỏ ghi nhận.", m.Name), what: "bỏ ghi nhận phong bì của đồng chí " + m.Name, write: func(ctx context.Context) error {
			return st.UndoWrittenEnvelope(ctx, id, m.ID)
		}})
}

// view implements screen.
func (s *writtenScreen) view(c *shared) string {
	r, open := c.rec.OpenRound()
	switch {
	case !open:
		return "\nKhông có vòng bỏ phiếu nào đang mở."
	case !c.rec.Plan.AcceptsWritten(r.Award):
		a, _ := c.rec.Plan.Award(r.Award)
		return "\n" + ansi.Wrap(fmt.Sprintf("Vòng %d (%s) không nhận phiếu bằng văn bản của thành viên vắng mặt (theo kế hoạch).", r.Seq, a.Name), c.width, "")
	}
	switch s.state {
	case writtenMarking:
		return s.viewMarking(c, r)
	case writtenReview:
		return s.viewReview(c, r)
	case writtenSaving:
		return lipgloss.Place(c.width, c.height, lipgloss.Center, lipgloss.Center, "Đang ghi phiếu…")
	}
	return s.viewList(c, r)
}

// head is the round's line over the screen.
func writtenHead(c *shared, r model.Round) string {
	t := roundTitle(c.rec, r)
	if r.Mode == model.RoundPaper {
		t += " (phiếu giấy)"
	}
	return c.styles.Subtitle.Render(ansi.Truncate(t, c.width, "…"))
}

// writtenIntro is what the list says above the table, wrapped.
func writtenIntro(c *shared, r model.Round) []string {
	st := c.styles
	if r.Mode == model.RoundPaper {
		return wrapped(st.Muted, "Phong bì dán kín được bỏ vào hòm phiếu cùng các phiếu khác; ở đây chỉ ghi nhận đã nhận phong bì. Số phong bì đã nhận được tính vào số phiếu phát ra và thu về.", c.width)
	}
	return append(wrapped(st.Muted, "Ban kiểm phiếu mở phong bì của từng thành viên, chọn người đó và nhập phiếu.", c.width),
		wrapped(st.Warn, "Màn hình hiện nội dung phiếu khi nhập: không chiếu lên màn hình chung.", c.width)...)
}

// wrapped wraps text to width, each line in style sty.
func wrapped(sty lipgloss.Style, text string, width int) []string {
	lines := strings.Split(ansi.Wrap(text, width, ""), "\n")
	for i, l := range lines {
		lines[i] = sty.Render(l)
	}
	return lines
}

// viewList lists the senders with their state in the round.
func (s *writtenScreen) viewList(c *shared, r model.Round) string {
	var b strings.Builder
	b.WriteString(writtenHead(c, r) + "\n")
	intro := writtenIntro(c, r)
	for _, l := range intro {
		b.WriteString(l + "\n")
	}
	b.WriteString("\n")
	if len(s.rows) == 0 {
		b.WriteString(ansi.Wrap("Chưa có thành viên nào được đánh dấu gửi phiếu bằng văn bản. Đánh dấu ở bước 1 (Điểm danh): chọn thành viên vắng mặt, nhấn "+
			keyName(c.keys.RollCall.Written)+".", c.width, "") + "\n")
		return b.String()
	}
	top := strings.Count(b.String(), "\n") + 1 // under the table's heading
	progress := wrapped(lipgloss.NewStyle(), writtenProgress(c, r), c.width)
	s.list.resize(c.width, c.height-5-len(intro)-len(progress))
	b.WriteString(s.table(c, r) + s.list.pager(c) + "\n")
	s.list.hits(c, top, nil)
	b.WriteString("\n" + strings.Join(progress, "\n") + "\n")
	return b.String()
}

// table draws the senders on show: name, position, state in the round.
func (s *writtenScreen) table(c *shared, r model.Round) string {
	st := c.styles
	start, end := s.list.page()
	rows := s.rows[start:end]
	const stateW = 20
	g := grid{
		cols: []column{{title: "Họ và tên", width: 25}, {title: "Chức vụ", width: flexWidth(c.width, 10, true, 25, stateW)},
			{title: fmt.Sprintf("Vòng %d", r.Seq), width: stateW}},
		cursor:   true,
		selected: s.list.selectedOnPage(),
	}
	done := make([]bool, len(rows))
	for i, m := range rows {
		state := "Chưa nhập"
		switch {
		case r.Mode == model.RoundPaper && slices.Contains(r.Written, m.ID):
			state, done[i] = "Đã nhận phong bì", true
		case r.Mode == model.RoundPaper:
			state = "Chưa nhận phong bì"
		case slices.Contains(r.Written, m.ID):
			state, done[i] = "Đã nhập", true
		case slices.Contains(r.Voters, m.ID):
			state, done[i] = "Bỏ phiếu tại máy", true
		}
		g.rows = append(g.rows, []string{m.Name, m.Position, state})
	}
	g.cell = func(row, col int) lipgloss.Style {
		switch {
		case col != 2:
			return lipgloss.NewStyle()
		case done[row]:
			return st.Good
		}
		return st.Warn
	}
	return g.render(st)
}

// senderHead names the sender and the round over their ballot.
func (s *writtenScreen) senderHead(c *shared, r model.Round) string {
	return c.styles.Title.Render(ansi.Truncate("Phiếu bằng văn bản của đồng chí "+s.senderName(c.rec), c.width, "…")) + "\n" + writtenHead(c, r)
}

// viewMarking draws the sender's ballot being marked.
func (s *writtenScreen) viewMarking(c *shared, r model.Round) string {
	var b strings.Builder
	b.WriteString(s.senderHead(c, r) + "\n")
	b.WriteString(markingHelp(c, r, s.ballot))
	if s.notice != "" {
		b.WriteString(c.styles.Error.Render(ansi.Truncate(s.notice, c.width, "…")))
	}
	b.WriteString("\n")
	b.WriteString(s.ballot.lines(c, r, c.height-6))
	return b.String()
}

// viewReview sums the sender's ballot up before it is stored.
func (s *writtenScreen) viewReview(c *shared, r model.Round) string {
	st, wk := c.styles, c.keys.Written
	var b strings.Builder
	b.WriteString(s.senderHead(c, r) + "\n\n")
	b.WriteString(st.Subtitle.Render("Xem lại phiếu trước khi ghi") + "\n\n")
	b.WriteString(s.ballot.summary(c, r, c.height-15))
	b.WriteString(hint(wk.Save) + "   ·   " + hint(c.keys.Booth.Change) + "\n")
	b.WriteString(strings.Join(wrapped(st.Muted, "Sau khi ghi, màn hình được xóa; phiếu được lưu như phiếu bỏ tại máy, không gắn với tên người gửi.", c.width), "\n"))
	return b.String()
}
