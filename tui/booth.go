package tui

import (
	"context"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"hoidong/model"
	"hoidong/store"
	"hoidong/voting"
)

// The voting booth is the one screen the secretary does not drive: the
// members do, one after another, and nothing they type may reach anything
// but their own ballot. Each state of a member's turn has its own actions
// and its own view, chosen by the short switches in actions and view.

// boothState is where one member's turn at the booth stands.
type boothState int

// Booth states.
const (
	boothCalling   boothState = iota // calling the next member by name
	boothCode                        // the member types their personal code
	boothChecking                    // the code is being checked
	boothMarking                     // the member marks each nominee
	boothReview                      // the member reviews the ballot before casting
	boothSaving                      // the ballot is being stored
	boothSecretary                   // the secretary types the secretary code to leave
	boothUnlocking                   // the secretary code is being checked
)

// boothScreen is the voting booth: it calls each member present in turn,
// takes one secret ballot, then clears. It shows no result and leads
// nowhere but back to the secretary, behind the secretary code.
type boothScreen struct {
	boothOnly bool
	state     boothState
	round     int64
	voter     int64
	skip      int     // how many pending voters to pass over when calling
	ballot    *ballot // the member's ballot while it is marked (ballot.go)
	notice    string  // a line for the member being called, never naming anyone
	noticeErr bool
	code      string // the member's code, kept only until the ballot is cast

	// keys shows the keys of the member's turn over the booth.
	keys bool

	// The secretary leaving the in-program booth.
	secret    string     // the secretary code typed so far
	resume    boothState // the state to go back to when the secretary gives up
	secretMsg string     // why the last try failed
}

// maxSecretaryCode is the longest secretary code the booth takes.
const maxSecretaryCode = 64

// unlockMsg reports the check of the secretary code typed at the booth.
type unlockMsg struct {
	key *store.SecretaryKey
	err error
}

// leaveBoothMsg tells the root that the secretary code was right: the
// secretary leaves the booth, keeping the key to close the round.
type leaveBoothMsg struct{ key *store.SecretaryKey }

// title implements screen.
func (s *boothScreen) title() string { return "Phòng bỏ phiếu kín" }

// enter resets the booth whenever it is opened.
func (s *boothScreen) enter(*shared) tea.Cmd {
	s.reset()
	s.notice = ""
	return nil
}

// leave forgets everything about the current member when the booth closes.
func (s *boothScreen) leave(*shared) { s.reset() }

// reset forgets the current member, every mark and any secretary code typed.
func (s *boothScreen) reset() {
	s.state = boothCalling
	s.voter = 0
	s.ballot.clear()
	s.ballot = nil
	s.code = ""
	s.secret, s.secretMsg = "", ""
}

// takesText implements screen: the codes are typed here.
func (s *boothScreen) takesText() bool {
	return s.state == boothCode || s.state == boothSecretary
}

// receive implements screen: the check of the secretary code.
func (s *boothScreen) receive(_ *shared, msg tea.Msg) tea.Cmd {
	u, ok := msg.(unlockMsg)
	if !ok {
		return nil
	}
	if s.state != boothUnlocking {
		if u.key != nil {
			u.key.Forget() // nobody is waiting for it
		}
		return nil
	}
	if u.err != nil {
		s.state, s.secret = boothSecretary, ""
		s.secretMsg = model.Message(u.err)
		return nil
	}
	s.reset()
	return func() tea.Msg { return leaveBoothMsg{key: u.key} }
}

// refresh follows the record: the round, and the result of a cast.
func (s *boothScreen) refresh(c *shared, msg recordMsg) tea.Cmd {
	r, open := c.rec.OpenRound()
	if !open || r.ID != s.round {
		s.round = r.ID
		s.reset()
		s.skip = 0
	}
	if msg.from != pageBooth {
		return nil
	}
	switch s.state {
	case boothChecking:
		if msg.err != nil {
			s.state, s.code = boothCode, ""
			s.notice, s.noticeErr = model.Message(msg.err), true
			if model.ErrorCodeOf(msg.err) == model.ELocked {
				s.reset()
			}
			return nil
		}
		s.state, s.notice = boothMarking, ""
	case boothSaving:
		s.reset()
		s.notice, s.noticeErr = "Phiếu đã được ghi nhận. Xin cảm ơn.", false
		if msg.err != nil {
			s.notice, s.noticeErr = model.Message(msg.err), true
		}
	}
	return nil
}

// called returns the member the booth is calling now: the same rule that
// voting.NextVoter states and tests.
func (s *boothScreen) called(rec *model.Record, r model.Round) (model.MemberRecord, bool) {
	return voting.NextVoter(rec, r, s.skip)
}

// actions implements screen: the keys of the member's turn as it stands,
// and always the secretary's way out.
func (s *boothScreen) actions(c *shared) []action {
	bk := c.keys.Booth
	leave := more(bk.Secretary, func() tea.Cmd { return s.secretaryAsks(c) })
	if s.state == boothSecretary || s.state == boothUnlocking {
		return s.secretaryActions(c)
	}
	r, open := c.rec.OpenRound()
	if !open {
		return []action{leave}
	}
	if s.keys {
		hide := run(func() { s.keys = false })
		return []action{act(bk.Keys, hide), act(bk.StayInside, hide), leave}
	}
	var acts []action
	switch s.state {
	case boothCalling:
		acts = s.callingActions(c, r)
	case boothCode:
		acts = s.codeActions(c)
	case boothMarking:
		acts = s.markingActions(c, r)
	case boothReview:
		acts = s.reviewActions(c, r)
	}
	if s.state != boothCode {
		acts = append(acts, more(bk.Keys, run(func() { s.keys = !s.keys })))
	}
	return append(acts, leave)
}

// secretaryAsks opens the secretary's way out: in the separate booth, a
// question before quitting to the shell; in the secretary's program, the
// secretary code.
func (s *boothScreen) secretaryAsks(c *shared) tea.Cmd {
	if s.boothOnly {
		leave := c.keys.Booth.LeaveBoothOnly
		return askWith("Dành cho thư ký: nhấn "+keyName(leave)+" để đóng phòng bỏ phiếu.\nPhiếu đang đánh dấu dở sẽ bị hủy. Phím khác: ở lại.", &leave, tea.Quit)
	}
	if s.state == boothSaving || s.state == boothChecking {
		return nil // a ballot or a member's code is on its way to the record
	}
	s.resume, s.state, s.secret, s.secretMsg = s.state, boothSecretary, "", ""
	return nil
}

// callingActions: the member called confirms who they are, or lets the
// next one go first.
func (s *boothScreen) callingActions(c *shared, r model.Round) []action {
	bk := c.keys.Booth
	m, ok := s.called(c.rec, r)
	if !ok {
		return nil
	}
	return []action{
		act(bk.ConfirmIdentity, run(func() { s.confirmIdentity(c, r, m) })),
		act(bk.Skip, run(func() { s.skip++; s.notice = "" })),
	}
}

// confirmIdentity opens the ballot of member m, or their code first.
func (s *boothScreen) confirmIdentity(c *shared, r model.Round, m model.MemberRecord) {
	if m.Locked {
		s.notice, s.noticeErr = m.Name+" đang bị khóa vì nhập sai mã; mời thư ký mở khóa (bước 1, phím "+keyName(c.keys.RollCall.Unlock)+").", true
		s.skip++
		return
	}
	s.voter = m.ID
	s.ballot = newBallot(r, m.ID)
	s.notice = ""
	s.state = boothMarking
	if c.rec.Plan.Meeting.Secret {
		s.state, s.code = boothCode, ""
	}
}

// codeActions: the member types their personal code.
func (s *boothScreen) codeActions(c *shared) []action {
	bk := c.keys.Booth
	return []action{
		actKey(bk.Digits, func(msg tea.KeyPressMsg) tea.Cmd {
			if len(s.code) < 16 {
				s.code += msg.Text
			}
			return nil
		}),
		more(bk.Erase, run(func() {
			if s.code != "" {
				s.code = s.code[:len(s.code)-1]
			}
		})),
		act(bk.SubmitCode, func() tea.Cmd {
			if s.code == "" {
				return nil
			}
			st, voter, code := c.st, s.voter, s.code
			s.state = boothChecking
			return c.do(pageBooth, "", func(ctx context.Context) error { return st.CheckCode(ctx, voter, code) })
		}),
		act(bk.NotMe, run(s.reset)),
	}
}

// markingActions: the member marks each nominee, but for the lines they
// leave blank.
func (s *boothScreen) markingActions(c *shared, r model.Round) []action {
	k := c.keys
	bk := k.Booth
	b := s.ballot
	mark := func(m int8) func() tea.Cmd {
		return run(func() {
			if why := b.mark(m); why != "" {
				s.notice, s.noticeErr = why, true
			}
		})
	}
	return append(b.moves(k, c.height-8),
		act(bk.Agree, mark(markAgree)),
		act(bk.Disagree, mark(markDisagree)),
		act(bk.AgreeRest, run(b.agreeRest)),
		act(bk.Review, run(func() { s.toReview(c, r) })),
		more(bk.Unmark, run(s.reset)))
}

// toReview shows the ballot for a last look, once every nominee is marked
// and, in a re-vote, no more agree than places are at stake.
func (s *boothScreen) toReview(c *shared, r model.Round) {
	if why, at := ballotIncomplete(c, r, s.ballot); why != "" {
		s.notice, s.noticeErr = why, true
		if at >= 0 {
			s.ballot.cursor = at
		}
		return
	}
	s.notice = ""
	s.state = boothReview
}

// ballotIncomplete says why ballot b of round r cannot be cast yet, and
// which line to go to (-1 for none): a line unmarked, or, in a re-vote,
// more agree than places at stake.
func ballotIncomplete(c *shared, r model.Round, b *ballot) (string, int) {
	if places, ok := voting.NewIndex(c.rec).PlacesAtStake(r); ok {
		if agree, _, _ := b.counts(); agree > places {
			return fmt.Sprintf("Vòng bỏ phiếu lại còn %d suất: chỉ đồng ý với tối đa %d đối tượng (đang đồng ý %d).", places, places, agree), -1
		}
	}
	if left := b.unmarked(); left > 0 {
		return fmt.Sprintf("Còn %d đối tượng chưa đánh dấu. Mỗi đối tượng cần một lựa chọn.", left), b.firstUnmarked()
	}
	return "", -1
}

// reviewActions: the member casts the ballot, or changes it.
func (s *boothScreen) reviewActions(c *shared, r model.Round) []action {
	bk := c.keys.Booth
	return []action{
		act(bk.Cast, func() tea.Cmd {
			choices := s.ballot.choices(r)
			st, roundID, voter, code := c.st, r.ID, s.voter, s.code
			s.ballot.clear()
			s.ballot, s.code = nil, ""
			s.state = boothSaving
			return c.do(pageBooth, "", func(ctx context.Context) error {
				return st.CastBallot(ctx, roundID, voter, code, choices)
			})
		}),
		act(bk.Change, run(func() { s.state = boothMarking })),
	}
}

// secretaryActions: the secretary types the secretary code; it is checked
// against the record, and nothing else leaves the booth.
func (s *boothScreen) secretaryActions(c *shared) []action {
	if s.state == boothUnlocking {
		return nil
	}
	bk := c.keys.Booth
	return []action{
		act(bk.SecretaryOK, func() tea.Cmd {
			if s.secret == "" {
				return nil
			}
			ctx, st, code := c.ctx, c.st, s.secret
			s.secret, s.state = "", boothUnlocking
			return func() tea.Msg {
				key, err := st.UnlockSecretary(ctx, code)
				return to(pageBooth, unlockMsg{key: key, err: err})
			}
		}),
		act(bk.StayInside, run(func() { s.state, s.secret, s.secretMsg = s.resume, "", "" })),
	}
}

// typed implements screen: a character of the secretary code. Nothing
// else is typed at the booth; the member's code takes digits only.
func (s *boothScreen) typed(_ *shared, msg tea.KeyPressMsg) tea.Cmd {
	if s.state != boothSecretary {
		return nil
	}
	switch {
	case msg.Code == tea.KeyBackspace:
		if r := []rune(s.secret); len(r) > 0 {
			s.secret = string(r[:len(r)-1])
		}
	case msg.Text != "" && msg.Mod&(tea.ModCtrl|tea.ModAlt) == 0:
		if len([]rune(s.secret))+len([]rune(msg.Text)) <= maxSecretaryCode {
			s.secret += msg.Text
		}
	}
	return nil
}

// view implements screen.
func (s *boothScreen) view(c *shared) string {
	center := func(body string) string {
		return lipgloss.Place(c.width, c.height, lipgloss.Center, lipgloss.Center, body)
	}
	if s.state == boothSecretary || s.state == boothUnlocking {
		return center(s.viewSecretary(c))
	}
	r, open := c.rec.OpenRound()
	if !open {
		if s.boothOnly {
			return center("Hiện không có vòng bỏ phiếu nào đang mở.\nMàn hình sẽ tự cập nhật khi thư ký mở vòng.")
		}
		return center("Không có vòng bỏ phiếu nào đang mở.\nThư ký: " + keyName(c.keys.Booth.Secretary) + " rồi nhập mã thư ký để quay lại.")
	}
	head := c.styles.Subtitle.Render(roundTitle(c.rec, r))
	if s.keys {
		return center(s.viewKeys(c))
	}
	switch s.state {
	case boothCode:
		return center(s.viewCode(c, head))
	case boothMarking:
		return s.viewMarking(c, r, head)
	case boothReview:
		return s.viewReview(c, r, head)
	case boothSaving:
		return center("Đang ghi nhận phiếu…")
	case boothChecking:
		return center("Đang kiểm tra mã…")
	}
	return center(s.viewCalling(c, r, head))
}

// viewKeys lists the keys of the member's turn as it stands.
func (s *boothScreen) viewKeys(c *shared) string {
	st := c.styles
	lines := []string{st.Title.Render("Các phím"), ""}
	s.keys = false
	acts := s.actions(c)
	s.keys = true
	for _, a := range acts {
		if a.key.Help().Key == keyName(c.keys.Booth.Secretary) {
			continue // the secretary's, not the member's
		}
		lines = append(lines, lipgloss.PlaceHorizontal(10, lipgloss.Left, keyName(a.key))+a.key.Help().Desc)
	}
	lines = append(lines, "", st.Muted.Render("Nhấn "+keyName(c.keys.Booth.Keys)+" hoặc "+keyName(c.keys.Booth.StayInside)+" để quay lại."))
	return st.Booth.Render(strings.Join(lines, "\n"))
}

// noticeLine is the booth's message for the member, in colour.
func (s *boothScreen) noticeLine(c *shared) string {
	switch {
	case s.notice == "":
		return ""
	case s.noticeErr:
		return c.styles.Error.Render(s.notice)
	}
	return c.styles.Good.Render(s.notice)
}

// viewCalling calls the next member by name.
func (s *boothScreen) viewCalling(c *shared, r model.Round, head string) string {
	st, bk := c.styles, c.keys.Booth
	m, ok := s.called(c.rec, r)
	if !ok {
		return head + "\n\n" + s.noticeLine(c) + "\n\n" + st.Title.Render("Tất cả thành viên có mặt đã bỏ phiếu.") +
			"\n\nMời thư ký ra khỏi phòng bỏ phiếu (" + keyName(bk.Secretary) + ", nhập mã thư ký) rồi đóng vòng (" + keyName(c.keys.Rounds.CloseRound) + ")."
	}
	call := st.Booth.Render(lipgloss.JoinVertical(lipgloss.Center,
		"Mời", "", st.Title.Render(m.Name), st.Muted.Render(m.Position), "", "bỏ phiếu."))
	return lipgloss.JoinVertical(lipgloss.Center, head, "", s.noticeLine(c), "", call, "",
		"Nếu đúng là ông/bà "+m.Name+", nhấn "+keyName(bk.ConfirmIdentity)+" để nhận phiếu.",
		st.Muted.Render("Nếu chưa sẵn sàng, nhấn "+keyName(bk.Skip)+" để mời người tiếp theo."))
}

// viewCode asks the member for their personal code, a dot per digit.
func (s *boothScreen) viewCode(c *shared, head string) string {
	st, bk := c.styles, c.keys.Booth
	name := ""
	if m, ok := c.rec.MemberByID(s.voter); ok {
		name = m.Name
	}
	box := st.Booth.Render(lipgloss.JoinVertical(lipgloss.Center,
		"Mời ông/bà "+name,
		"nhập mã bỏ phiếu ghi trên phiếu mã của mình",
		"",
		st.Title.Width(32).Render(strings.Repeat("● ", len(s.code))),
	))
	return lipgloss.JoinVertical(lipgloss.Center, head, "", s.noticeLine(c), "", box, "",
		"Gõ các chữ số rồi nhấn "+keyName(bk.SubmitCode)+". Nhập sai 3 lần sẽ bị khóa.",
		st.Muted.Render(hint(bk.NotMe)))
}

// viewReview sums the ballot up before it is cast.
func (s *boothScreen) viewReview(c *shared, r model.Round, head string) string {
	st, bk := c.styles, c.keys.Booth
	var b strings.Builder
	b.WriteString(head + "\n\n")
	b.WriteString(st.Title.Render("Xem lại phiếu trước khi bỏ") + "\n\n")
	b.WriteString(s.ballot.summary(c, r, c.height-14))
	b.WriteString(hint(bk.Cast) + "   ·   " + hint(bk.Change) + "\n")
	b.WriteString(st.Muted.Render("Sau khi bỏ phiếu, màn hình được xóa và không ai xem lại được lựa chọn này."))
	return b.String()
}

// viewSecretary asks for the secretary code, showing only a dot per
// character typed.
func (s *boothScreen) viewSecretary(c *shared) string {
	st, bk := c.styles, c.keys.Booth
	if s.state == boothUnlocking {
		return "Đang kiểm tra mã thư ký…"
	}
	dots := strings.Repeat("●", min(len([]rune(s.secret)), 32))
	box := st.Booth.Render(lipgloss.JoinVertical(lipgloss.Center,
		st.Title.Render("Dành cho thư ký"),
		"",
		"Nhập mã thư ký để rời phòng bỏ phiếu",
		"",
		st.Title.Width(32).Render(dots),
	))
	lines := []string{box, ""}
	if s.secretMsg != "" {
		lines = append(lines, st.Error.Render(s.secretMsg), "")
	}
	lines = append(lines, "Gõ mã rồi nhấn "+keyName(bk.SecretaryOK)+".", st.Muted.Render(hint(bk.StayInside)))
	return lipgloss.JoinVertical(lipgloss.Center, lines...)
}

// viewMarking draws the ballot being marked.
func (s *boothScreen) viewMarking(c *shared, r model.Round, head string) string {
	var b strings.Builder
	b.WriteString(head + "\n")
	b.WriteString(markingHelp(c, r, s.ballot))
	b.WriteString(s.noticeLine(c) + "\n")
	b.WriteString(s.ballot.lines(c, r, c.height-5))
	return b.String()
}
