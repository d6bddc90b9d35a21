package tui

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"hoidong/store"
)

// secretaryScreen asks the secretary to choose the secretary code before
// the meeting starts: the code that leaves the in-program booth and opens
// a round's sealed ballots when it closes. It is typed twice, hidden.
type secretaryScreen struct {
	base
	fields [2]textinput.Model
	focus  int
	saving bool
	err    string
}

// title implements screen.
func (s *secretaryScreen) title() string { return "Chọn mã thư ký" }

// enter clears both fields.
func (s *secretaryScreen) enter(c *shared) tea.Cmd {
	s.clear()
	return s.fields[0].Focus()
}

// clear empties both fields and puts the cursor in the first.
func (s *secretaryScreen) clear() {
	for i := range s.fields {
		f := textinput.New()
		f.Prompt = "› "
		f.EchoMode = textinput.EchoPassword
		f.EchoCharacter = '●'
		f.CharLimit = maxSecretaryCode
		f.SetWidth(40)
		sty := textinput.DefaultStyles(true)
		sty.Cursor.Blink = false
		f.SetStyles(sty)
		s.fields[i] = f
	}
	s.focus, s.saving, s.err = 0, false, ""
}

// refresh notices the end of a save.
func (s *secretaryScreen) refresh(c *shared, msg recordMsg) tea.Cmd {
	if msg.from == pageSecretary && msg.job {
		s.saving = false
		if msg.err != nil {
			return s.enter(c)
		}
	}
	return nil
}

// takesText implements screen: the code is typed here.
func (s *secretaryScreen) takesText() bool { return true }

// actions implements screen.
func (s *secretaryScreen) actions(c *shared) []action {
	if s.saving {
		return nil
	}
	k := c.keys.Secretary
	return []action{act(k.Next, s.next(c)), act(k.Clear, s.back)}
}

// next moves to the second field, or saves the code once typed twice.
func (s *secretaryScreen) next(c *shared) func() tea.Cmd {
	return func() tea.Cmd {
		if s.focus == 0 {
			if n := len([]rune(strings.TrimSpace(s.fields[0].Value()))); n < store.MinSecretaryCode {
				s.err = fmt.Sprintf("Mã thư ký cần ít nhất %d ký tự (mới có %d).", store.MinSecretaryCode, n)
				return nil
			}
			s.err = ""
			s.fields[0].Blur()
			s.focus = 1
			return s.fields[1].Focus()
		}
		code := s.fields[0].Value()
		if s.fields[1].Value() != code {
			cmd := s.enter(c)
			s.err = "Hai lần nhập không giống nhau; hãy nhập lại mã thư ký."
			return cmd
		}
		s.saving, s.err = true, ""
		st := c.st
		return c.enqueue(job{from: pageSecretary, ack: "Đã lưu mã thư ký.", then: pageOverview,
			write: func(ctx context.Context) error { return st.SetSecretaryCode(ctx, code) }})
	}
}

// back clears the field being typed, or goes back to the first one.
func (s *secretaryScreen) back() tea.Cmd {
	if s.focus == 1 {
		s.fields[1].Blur()
		s.fields[1].SetValue("")
		s.focus = 0
		return s.fields[0].Focus()
	}
	s.fields[0].SetValue("")
	return nil
}

// typed implements screen: a character of the code.
func (s *secretaryScreen) typed(_ *shared, msg tea.KeyPressMsg) tea.Cmd {
	if s.saving {
		return nil
	}
	var cmd tea.Cmd
	s.fields[s.focus], cmd = s.fields[s.focus].Update(msg)
	return cmd
}

// paste takes pasted text into the field being typed.
func (s *secretaryScreen) paste(_ *shared, msg tea.PasteMsg) tea.Cmd {
	if s.saving {
		return nil
	}
	var cmd tea.Cmd
	s.fields[s.focus], cmd = s.fields[s.focus].Update(msg)
	return cmd
}

// view implements screen.
func (s *secretaryScreen) view(c *shared) string {
	st := c.styles
	var b strings.Builder
	b.WriteString("\n" + st.Subtitle.Render("Trước khi bắt đầu, thư ký chọn mã thư ký cho phiên họp.") + "\n\n")
	for _, l := range strings.Split(ansi.Wrap("Mã thư ký dùng để rời phòng bỏ phiếu trên máy này và để mở phiếu khi đóng mỗi vòng bỏ phiếu. "+
		"Trong khi vòng bỏ phiếu còn mở, phiếu được niêm phong; không có mã này thì không ai đọc được. "+
		"Chỉ thư ký biết mã; thành viên Hội đồng không cần mã này.", c.width-2, ""), "\n") {
		b.WriteString(l + "\n")
	}
	b.WriteString("\n")
	labels := [2]string{"Mã thư ký (ít nhất " + fmt.Sprint(store.MinSecretaryCode) + " ký tự):", "Nhập lại mã thư ký:"}
	for i := range s.fields {
		if i == s.focus {
			b.WriteString(st.Title.Render(labels[i]) + "\n")
		} else {
			b.WriteString(labels[i] + "\n")
		}
		b.WriteString("  " + s.fields[i].View() + "\n\n")
	}
	switch {
	case s.saving:
		b.WriteString(st.Muted.Render("Đang lưu mã thư ký…") + "\n")
	case s.err != "":
		b.WriteString(st.Error.Render(s.err) + "\n")
	}
	b.WriteString(st.Warn.Render("Hãy ghi nhớ mã. Quên mã thì không mở được phiếu của vòng đang mở.") + "\n")
	b.WriteString(st.Muted.Render("Đổi mã sau này: hoidong secretary-code --db TỆP") + "\n")
	return b.String()
}
