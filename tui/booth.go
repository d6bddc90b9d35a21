package tui

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"hoidong/model"
	"hoidong/store"
	"hoidong/voting"
)

// boothState is where one member's turn at the booth stands.
type boothState int

// Booth states.
const (
	boothCalling   boothState = iota // calling the next member by name
	boothMarking                     // the member marks each nominee
	boothReview                      // the member reviews the ballot before casting
	boothSaving                      // the ballot is being stored
	boothCode                        // the member types their personal code
	boothChecking                    // the code is being checked
	boothSecretary                   // the secretary types the secretary code to leave
	boothUnlocking                   // the secretary code is being checked
)

// boothScreen is the voting booth: it calls each member present in turn,
// takes one secret ballot, then clears. It shows no result and leads
// nowhere but back to the secretary, behind a key and a confirmation.
type boothScreen struct {
	boothOnly bool
	state     boothState
	round     int64
	voter     int64
	skip      int    // how many pending voters to pass over when calling
	marks     []int8 // per nominee of the round: 0 unmarked, 1 agree, 2 disagree
	cursor    int
	notice    string // a line for the member being called, never naming anyone
	noticeErr bool
	code      string // the member's code, kept only until the ballot is cast

	// The secretary leaving the in-program booth.
	secret    string     // the secretary code typed so far
	resume    boothState // the state to go back to when the secretary gives up
	secretMsg string     // why the last try failed
}

// Ballot marks.
const (
	markNone     int8 = 0
	markAgree    int8 = 1
	markDisagree int8 = 2
)

// title implements screen.
func (s *boothScreen) title() string { return "Phòng bỏ phiếu kín" }

// enter resets the booth whenever it is opened.
func (s *boothScreen) enter(c *shared) {
	s.reset()
	s.notice = ""
}

// leave forgets everything about the current member when the booth closes.
func (s *boothScreen) leave() { s.reset() }

// reset forgets the current member, every mark and any secretary code typed.
func (s *boothScreen) reset() {
	s.state = boothCalling
	s.voter = 0
	s.marks = nil
	s.cursor = 0
	s.code = ""
	s.secret, s.secretMsg = "", ""
}

// unlockMsg reports the check of the secretary code typed at the booth.
type unlockMsg struct {
	key *store.SecretaryKey
	err error
}

// unlocked takes the result of the secretary code's check: on success the
// root leaves the booth; otherwise the booth says why and waits.
func (s *boothScreen) unlocked(msg unlockMsg) bool {
	if s.state != boothUnlocking {
		if msg.key != nil {
			msg.key.Forget()
		}
		return false
	}
	if msg.err != nil {
		s.state, s.secret = boothSecretary, ""
		s.secretMsg = model.Message(msg.err)
		return false
	}
	s.reset()
	return true
}

// refresh follows the record: the round, and the result of a cast.
func (s *boothScreen) refresh(c *shared, msg recordMsg) {
	r, open := voting.OpenRound(c.rec)
	if !open || r.ID != s.round {
		s.round = r.ID
		s.reset()
		s.skip = 0
	}
	if msg.from == pageBooth && s.state == boothChecking {
		if msg.err != nil {
			s.state, s.code = boothCode, ""
			s.notice, s.noticeErr = model.Message(msg.err), true
			if model.ErrorCodeOf(msg.err) == model.ELocked {
				s.reset()
			}
			return
		}
		s.state = boothMarking
		s.notice = ""
		return
	}
	if msg.from == pageBooth && s.state == boothSaving {
		s.reset()
		if msg.err != nil {
			s.notice, s.noticeErr = model.Message(msg.err), true
		} else {
			s.notice, s.noticeErr = "Phiếu đã được ghi nhận. Xin cảm ơn.", false
		}
	}
}

// called returns the member the booth is calling now.
func (s *boothScreen) called(rec *model.Record, r model.Round) (model.MemberRecord, bool) {
	p := rec.PendingVoters(r)
	if len(p) == 0 {
		return model.MemberRecord{}, false
	}
	return p[s.skip%len(p)], true
}

// update implements screen.
func (s *boothScreen) update(c *shared, msg tea.KeyPressMsg) tea.Cmd {
	k := c.keys
	if s.state == boothSecretary || s.state == boothUnlocking {
		return s.updateSecretary(c, msg)
	}
	if key.Matches(msg, k.Secretary) || msg.String() == "ctrl+c" {
		if s.boothOnly {
			leave := k.LeaveBooth
			return askWith("Dành cho thư ký: nhấn t để đóng phòng bỏ phiếu.\nPhiếu đang đánh dấu dở sẽ bị hủy. Phím khác: ở lại.", &leave, tea.Quit)
		}
		if s.state == boothSaving || s.state == boothChecking {
			return nil // a ballot or a member's code is on its way to the record
		}
		s.resume, s.state, s.secret, s.secretMsg = s.state, boothSecretary, "", ""
		return nil
	}
	r, open := voting.OpenRound(c.rec)
	if !open {
		return nil
	}
	switch s.state {
	case boothCalling:
		m, ok := s.called(c.rec, r)
		if !ok {
			return nil
		}
		switch {
		case key.Matches(msg, k.ConfirmIdentity):
			if m.Locked {
				s.notice, s.noticeErr = m.Name+" đang bị khóa vì nhập sai mã; mời thư ký mở khóa (bước 1, phím u).", true
				s.skip++
				return nil
			}
			s.voter = m.ID
			s.marks = make([]int8, len(r.Nominees))
			s.cursor = 0
			s.notice = ""
			s.state = boothMarking
			if c.rec.Plan.Meeting.Secret {
				s.state, s.code = boothCode, ""
			}
		case key.Matches(msg, k.Skip):
			s.skip++
			s.notice = ""
		}
	case boothCode:
		switch {
		case msg.String() == "backspace":
			if s.code != "" {
				s.code = s.code[:len(s.code)-1]
			}
		case len(msg.Text) == 1 && msg.Text[0] >= '0' && msg.Text[0] <= '9':
			if len(s.code) < 16 {
				s.code += msg.Text
			}
		case key.Matches(msg, k.Back):
			s.reset()
		case key.Matches(msg, k.Enter):
			if s.code == "" {
				return nil
			}
			st, voter, code := c.st, s.voter, s.code
			s.state = boothChecking
			return c.do(pageBooth, "", func(ctx context.Context) error {
				return st.CheckCode(ctx, voter, code)
			})
		}
	case boothMarking:
		n := len(s.marks)
		switch {
		case key.Matches(msg, k.Up):
			s.cursor = clamp(s.cursor-1, n)
		case key.Matches(msg, k.Down):
			s.cursor = clamp(s.cursor+1, n)
		case key.Matches(msg, k.PageUp):
			s.cursor = clamp(s.cursor-(c.height-8), n)
		case key.Matches(msg, k.PageDown):
			s.cursor = clamp(s.cursor+(c.height-8), n)
		case key.Matches(msg, k.Agree):
			s.marks[s.cursor] = markAgree
			s.cursor = clamp(s.cursor+1, n)
		case key.Matches(msg, k.Disagree):
			s.marks[s.cursor] = markDisagree
			s.cursor = clamp(s.cursor+1, n)
		case key.Matches(msg, k.AgreeRest):
			for i := range s.marks {
				if s.marks[i] == markNone {
					s.marks[i] = markAgree
				}
			}
		case key.Matches(msg, k.Review):
			if left := s.unmarked(); left > 0 {
				s.notice, s.noticeErr = fmt.Sprintf("Còn %d đối tượng chưa đánh dấu. Mỗi đối tượng cần một lựa chọn.", left), true
				for i, mk := range s.marks {
					if mk == markNone {
						s.cursor = i
						break
					}
				}
				return nil
			}
			s.notice = ""
			s.state = boothReview
		case key.Matches(msg, k.Back):
			s.reset()
		}
	case boothReview:
		switch {
		case key.Matches(msg, k.Cast):
			choices := make(map[int64]bool, len(r.Nominees))
			for i, id := range r.Nominees {
				choices[id] = s.marks[i] == markAgree
			}
			st, roundID, voter, code := c.st, r.ID, s.voter, s.code
			s.marks, s.code = nil, ""
			s.state = boothSaving
			return c.do(pageBooth, "", func(ctx context.Context) error {
				return st.CastBallot(ctx, roundID, voter, code, choices)
			})
		case key.Matches(msg, k.Back):
			s.state = boothMarking
		}
	}
	return nil
}

// maxSecretaryCode is the longest secretary code the booth takes.
const maxSecretaryCode = 64

// updateSecretary takes the secretary code, one character at a time, and
// checks it against the record; nothing else can leave the booth.
func (s *boothScreen) updateSecretary(c *shared, msg tea.KeyPressMsg) tea.Cmd {
	if s.state == boothUnlocking {
		return nil
	}
	k := c.keys
	switch {
	case key.Matches(msg, k.Back):
		s.state, s.secret, s.secretMsg = s.resume, "", ""
	case msg.Code == tea.KeyBackspace:
		if r := []rune(s.secret); len(r) > 0 {
			s.secret = string(r[:len(r)-1])
		}
	case key.Matches(msg, k.Enter):
		if s.secret == "" {
			return nil
		}
		st, code := c.st, s.secret
		s.secret, s.state = "", boothUnlocking
		return func() tea.Msg {
			key, err := st.UnlockSecretary(context.Background(), code)
			return unlockMsg{key: key, err: err}
		}
	case msg.Text != "" && msg.Mod&(tea.ModCtrl|tea.ModAlt) == 0:
		if len([]rune(s.secret))+len([]rune(msg.Text)) <= maxSecretaryCode {
			s.secret += msg.Text
		}
	}
	return nil
}

// unmarked counts nominees without a mark.
func (s *boothScreen) unmarked() int {
	n := 0
	for _, mk := range s.marks {
		if mk == markNone {
			n++
		}
	}
	return n
}

// counts sums the marks.
func (s *boothScreen) counts() (agree, disagree int) {
	for _, mk := range s.marks {
		switch mk {
		case markAgree:
			agree++
		case markDisagree:
			disagree++
		}
	}
	return
}

// view implements screen.
func (s *boothScreen) view(c *shared) string {
	st := c.styles
	rec := c.rec
	w, h := c.width, c.height
	r, open := voting.OpenRound(rec)
	center := func(body string) string {
		return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, body)
	}
	if !open && (s.state == boothSecretary || s.state == boothUnlocking) {
		return center(s.viewSecretary(c))
	}
	if !open {
		if s.boothOnly {
			return center("Hiện không có vòng bỏ phiếu nào đang mở.\nMàn hình sẽ tự cập nhật khi thư ký mở vòng.")
		}
		return center("Không có vòng bỏ phiếu nào đang mở.\nThư ký: " + c.keys.Secretary.Help().Key + " rồi nhập mã thư ký để quay lại.")
	}
	if s.state == boothSecretary || s.state == boothUnlocking {
		return center(s.viewSecretary(c))
	}
	head := st.Subtitle.Render(roundTitle(rec, r))
	notice := ""
	if s.notice != "" {
		if s.noticeErr {
			notice = st.Error.Render(s.notice)
		} else {
			notice = st.Good.Render(s.notice)
		}
	}
	switch s.state {
	case boothCalling:
		m, ok := s.called(rec, r)
		if !ok {
			return center(head + "\n\n" + notice + "\n\n" + st.Title.Render("Tất cả thành viên có mặt đã bỏ phiếu.") + "\n\nMời thư ký ra khỏi phòng bỏ phiếu (" + c.keys.Secretary.Help().Key + ", nhập mã thư ký) rồi đóng vòng (" + c.keys.CloseRound.Help().Key + ").")
		}
		call := st.Booth.Render(lipgloss.JoinVertical(lipgloss.Center,
			"Mời",
			"",
			st.Title.Render(m.Name),
			st.Muted.Render(m.Position),
			"",
			"bỏ phiếu.",
		))
		return center(lipgloss.JoinVertical(lipgloss.Center, head, "", notice, "", call, "",
			"Nếu đúng là ông/bà "+m.Name+", nhấn c để nhận phiếu.",
			st.Muted.Render("Nếu chưa sẵn sàng, nhấn s để mời người tiếp theo.")))
	case boothMarking:
		return s.viewMarking(c, r, head, notice)
	case boothReview:
		agree, disagree := s.counts()
		var b strings.Builder
		b.WriteString(head + "\n\n")
		b.WriteString(st.Title.Render("Xem lại phiếu trước khi bỏ") + "\n\n")
		b.WriteString(st.Box.Render(fmt.Sprintf("Đồng ý %d · Không đồng ý %d", agree, disagree)) + "\n\n")
		if disagree > 0 {
			b.WriteString("Không đồng ý với:\n")
			shown := 0
			for i, id := range r.Nominees {
				if s.marks[i] != markDisagree {
					continue
				}
				if shown == h-14 {
					b.WriteString(fmt.Sprintf("  … và %d đối tượng khác\n", disagree-shown))
					break
				}
				if n, ok := voting.NomineeByID(rec, id); ok {
					b.WriteString("  – " + truncate(n.Name, w-6) + "\n")
				}
				shown++
			}
			b.WriteString("\n")
		}
		b.WriteString("enter: bỏ phiếu   ·   esc: sửa lại\n")
		b.WriteString(st.Muted.Render("Sau khi bỏ phiếu, màn hình được xóa và không ai xem lại được lựa chọn này."))
		return b.String()
	case boothSaving:
		return center("Đang ghi nhận phiếu…")
	case boothChecking:
		return center("Đang kiểm tra mã…")
	case boothCode:
		name := ""
		if m, ok := voting.MemberByID(rec, s.voter); ok {
			name = m.Name
		}
		dots := strings.Repeat("● ", len(s.code))
		box := st.Booth.Render(lipgloss.JoinVertical(lipgloss.Center,
			"Mời ông/bà "+name,
			"nhập mã bỏ phiếu ghi trên phiếu mã của mình",
			"",
			st.Title.Render(padRight(dots, 32)),
		))
		return center(lipgloss.JoinVertical(lipgloss.Center, head, "", notice, "", box, "",
			"Gõ các chữ số rồi nhấn enter. Nhập sai 3 lần sẽ bị khóa.",
			st.Muted.Render("esc: không phải tôi, quay lại")))
	}
	return ""
}

// viewSecretary asks for the secretary code, showing only a dot per
// character typed.
func (s *boothScreen) viewSecretary(c *shared) string {
	st := c.styles
	if s.state == boothUnlocking {
		return "Đang kiểm tra mã thư ký…"
	}
	dots := strings.Repeat("●", min(len([]rune(s.secret)), 32))
	box := st.Booth.Render(lipgloss.JoinVertical(lipgloss.Center,
		st.Title.Render("Dành cho thư ký"),
		"",
		"Nhập mã thư ký để rời phòng bỏ phiếu",
		"",
		st.Title.Render(padRight(dots, 32)),
	))
	lines := []string{box, ""}
	if s.secretMsg != "" {
		lines = append(lines, st.Error.Render(s.secretMsg), "")
	}
	lines = append(lines, "Gõ mã rồi nhấn "+c.keys.Enter.Help().Key+".",
		st.Muted.Render(c.keys.Back.Help().Key+": quay lại phòng bỏ phiếu"))
	return lipgloss.JoinVertical(lipgloss.Center, lines...)
}

// viewMarking draws the ballot being marked.
func (s *boothScreen) viewMarking(c *shared, r model.Round, head, notice string) string {
	st := c.styles
	rec := c.rec
	w := c.width
	var b strings.Builder
	agree, disagree := s.counts()
	b.WriteString(head + "\n")
	b.WriteString("d: đồng ý · k: không đồng ý · a: đồng ý mọi dòng chưa đánh dấu\n")
	b.WriteString(st.Muted.Render(fmt.Sprintf("Đã đánh dấu %d/%d: đồng ý %d, không đồng ý %d. Xong thì nhấn enter để xem lại.", agree+disagree, len(s.marks), agree, disagree)) + "\n")
	b.WriteString(notice + "\n")
	rows := c.height - 5
	start := window(s.cursor, len(r.Nominees), rows)
	for i := start; i < len(r.Nominees) && i < start+rows; i++ {
		name := "?"
		if n, ok := voting.NomineeByID(rec, r.Nominees[i]); ok {
			name = n.Name
			if n.Unit != "" && n.Kind == model.KindIndividual {
				name += " – " + n.Unit
			}
		}
		box := "[" + padRight("", 12) + "]"
		switch s.marks[i] {
		case markAgree:
			box = st.Good.Render("[" + padRight("Đồng ý", 12) + "]")
		case markDisagree:
			box = st.Bad.Render("[" + padRight("Không đồng ý", 12) + "]")
		}
		line := fmt.Sprintf("%3d. %s", i+1, truncate(name, w-24))
		if i == s.cursor {
			b.WriteString(st.Selected.Render("›") + " " + box + " " + st.Selected.Render(line) + "\n")
		} else {
			b.WriteString("  " + box + " " + line + "\n")
		}
	}
	return b.String()
}

// help implements screen.
func (s *boothScreen) help(c *shared) bindings {
	k := c.keys
	switch s.state {
	case boothSecretary, boothUnlocking:
		return bindings{short: []key.Binding{key.NewBinding(key.WithKeys("enter"), key.WithHelp(k.Enter.Help().Key, "xác nhận mã thư ký")), key.NewBinding(key.WithKeys("esc"), key.WithHelp(k.Back.Help().Key, "quay lại"))}}
	case boothCode:
		return bindings{short: []key.Binding{key.NewBinding(key.WithKeys("0"), key.WithHelp("0-9", "mã")), key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "xác nhận mã")), key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "quay lại"))}}
	case boothMarking:
		return bindings{short: []key.Binding{k.Up, k.Down, k.Agree, k.Disagree, k.AgreeRest, k.Review}}
	case boothReview:
		return bindings{short: []key.Binding{k.Cast, key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "sửa lại"))}}
	}
	if r, open := voting.OpenRound(c.rec); !open || len(c.rec.PendingVoters(r)) == 0 {
		return bindings{}
	}
	return bindings{short: []key.Binding{k.ConfirmIdentity, k.Skip}}
}
