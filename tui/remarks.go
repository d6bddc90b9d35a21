package tui

import (
	"context"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"hoidong/model"
)

// remarksScreen is who said what in the discussion, about one nominee
// (opened from its review) or about the meeting (opened from the agenda):
// the remarks in the order entered, each under its speaker. A remark is
// added by choosing who spoke — a council member present, or «ý kiến
// khác» with a name if the secretary gives one — and then typing what was
// said; the same two steps change one, and deleting one asks first.
// Free-text notes typed before remarks existed stay on show, read only.
type remarksScreen struct {
	base
	nominee int64 // 0: the meeting
	from    page  // the page esc goes back to
	list    *pickList
	pick    *chooser // choosing who spoke; nil otherwise
	last    bool     // the next snapshot puts the cursor on the last remark (one was added)
}

// remarksFor opens the remarks about a nominee, or the meeting's (0).
type remarksFor struct {
	nominee int64
	from    page
}

// openRemarks returns a command that opens the remarks about a nominee,
// or the meeting's (0), from page from.
func openRemarks(nominee int64, from page) tea.Cmd {
	return func() tea.Msg { return to(pageRemarks, remarksFor{nominee: nominee, from: from}) }
}

// title implements screen.
func (s *remarksScreen) title() string { return "Ý kiến phát biểu" }

// receive implements screen: whose remarks to show.
func (s *remarksScreen) receive(c *shared, msg tea.Msg) tea.Cmd {
	if m, ok := msg.(remarksFor); ok {
		if s.nominee != m.nominee {
			s.list.set(nil)
		}
		s.nominee, s.from, s.pick = m.nominee, m.from, nil
		s.sync(c)
		return navigate(pageRemarks)
	}
	return nil
}

// refresh implements screen.
func (s *remarksScreen) refresh(c *shared, _ recordMsg) tea.Cmd {
	s.sync(c)
	return nil
}

// leave implements screen: a speaker half chosen is forgotten.
func (s *remarksScreen) leave(*shared) { s.pick = nil }

// sync makes one row per remark.
func (s *remarksScreen) sync(c *shared) {
	if c.rec == nil {
		return
	}
	_, remarks, _ := s.subject(c)
	rows := make([]pickRow, len(remarks))
	for i := range rows {
		rows[i] = pickRow{at: i}
	}
	s.list.set(rows)
	if s.last {
		s.list.end()
		s.last = false
	}
}

// subject names what the remarks are about ("Đinh Thị Mẫu Ngọc", "phiên
// họp"), and gives them and the free-text note of an older file.
func (s *remarksScreen) subject(c *shared) (name string, remarks []model.Remark, old string) {
	if s.nominee == 0 {
		return "phiên họp", c.rec.Meeting.Remarks, c.rec.Meeting.Discussion
	}
	n, ok := c.rec.NomineeByID(s.nominee)
	if !ok {
		return "", nil, ""
	}
	return n.Name, n.Remarks, n.Note
}

// current returns the remark under the cursor.
func (s *remarksScreen) current(c *shared) (model.Remark, bool) {
	_, remarks, _ := s.subject(c)
	r, ok := s.list.current()
	if !ok || r.at >= len(remarks) {
		return model.Remark{}, false
	}
	return remarks[r.at], true
}

// actions implements screen: while choosing who spoke, the chooser's;
// otherwise the list's moves, add, change, delete, and back.
func (s *remarksScreen) actions(c *shared) []action {
	k := c.keys
	if s.pick != nil {
		return s.pick.actions(k)
	}
	acts := append(listMoves(s.list, k), act(k.Remarks.Add, func() tea.Cmd { return s.choose(c, model.Remark{}) }))
	if r, ok := s.current(c); ok {
		acts = append(acts,
			act(k.Remarks.Edit, func() tea.Cmd { return s.choose(c, r) }),
			act(k.Remarks.Delete, func() tea.Cmd { return s.remove(c, r) }))
	}
	return append(acts, act(k.Remarks.Done, func() tea.Cmd { return navigate(s.from) }))
}

// speakers are who may be chosen as the speaker of a remark: the members
// present, the member already recorded for the remark being changed even
// if absent now, then «ý kiến khác» (id 0).
func speakers(rec *model.Record, keep int64) (rows []string, ids []int64) {
	for _, m := range rec.Members {
		if m.Attendance != model.AttendancePresent && m.ID != keep {
			continue
		}
		row := "Đồng chí " + m.Name
		if label := m.Role.Label(); label != "" {
			row += " — " + label
		}
		if m.Attendance != model.AttendancePresent {
			row += " (vắng mặt theo điểm danh)"
		}
		rows, ids = append(rows, row), append(ids, m.ID)
	}
	return append(rows, "Ý kiến khác (khách mời, đại diện cơ quan, đơn vị…)"), append(ids, 0)
}

// choose asks who spoke: for a new remark (r.ID 0) or to change r.
func (s *remarksScreen) choose(c *shared, r model.Remark) tea.Cmd {
	name, _, _ := s.subject(c)
	rows, ids := speakers(c.rec, r.Speaker)
	at := len(ids) - 1
	for i, id := range ids {
		if r.ID != 0 && id == r.Speaker {
			at = i
		}
	}
	if r.ID == 0 {
		at = 0
	}
	q := "Ai phát biểu về " + name + "?"
	if r.ID != 0 {
		q = "Sửa ý kiến phát biểu về " + name + " — ai phát biểu?"
	}
	ch := newChooser(c.keys, q, rows, at)
	ch.choose, ch.close = c.keys.Remarks.Speaker, c.keys.Remarks.Cancel
	ch.closed = func() { s.pick = nil }
	ch.chosen = func(i int) tea.Cmd {
		s.pick = nil
		return s.words(c, r, ids[i])
	}
	s.pick = ch
	return nil
}

// words asks, for «ý kiến khác», whose it is (it may stay empty), then
// what was said, and records it.
func (s *remarksScreen) words(c *shared, r model.Remark, speaker int64) tea.Cmd {
	if speaker != 0 {
		name := ""
		if m, ok := c.rec.MemberByID(speaker); ok {
			name = m.Name
		}
		return s.text(c, r, model.Remark{ID: r.ID, Speaker: speaker, SpeakerName: name})
	}
	was := ""
	if r.Speaker == 0 {
		was = r.SpeakerName
	}
	return prompt("Ý kiến khác: người phát biểu (không bắt buộc; ví dụ Đại diện Văn phòng):", was, func(name string) tea.Cmd {
		return s.text(c, r, model.Remark{ID: r.ID, SpeakerName: name})
	})
}

// text asks what was said, and records the remark.
func (s *remarksScreen) text(c *shared, was, r model.Remark) tea.Cmd {
	st, nominee := c.st, s.nominee
	name, _, _ := s.subject(c)
	return prompt(r.Heading()+" về "+name+":", was.Text, func(text string) tea.Cmd {
		r.Text = text
		ack := remarkAck(r)
		if r.ID != 0 {
			return c.do(pageRemarks, ack, func(ctx context.Context) error {
				return st.EditRemark(ctx, r.ID, r.Speaker, r.SpeakerName, r.Text)
			})
		}
		s.last = true
		return c.do(pageRemarks, ack, func(ctx context.Context) error {
			_, err := st.AddRemark(ctx, nominee, r.Speaker, r.SpeakerName, r.Text)
			return err
		})
	})
}

// remarkAck is the status line of a remark recorded: its heading and the
// start of its words, «Đồng chí X phát biểu: «Đề nghị…»», with no full
// stop doubled after words that end a sentence.
func remarkAck(r model.Remark) string {
	words := ansi.Truncate(r.Text, 60, "…")
	end := "."
	if strings.HasSuffix(words, ".") || strings.HasSuffix(words, "?") || strings.HasSuffix(words, "!") || strings.HasSuffix(words, "…") {
		end = ""
	}
	return r.Heading() + ": «" + words + "»" + end
}

// whose names a remark by its speaker, for a question: "ý kiến phát biểu
// của đồng chí X", "ý kiến khác (Y)".
func whose(r model.Remark) string {
	if r.Speaker != 0 {
		return "ý kiến phát biểu của đồng chí " + r.SpeakerName
	}
	if name := strings.TrimSpace(r.SpeakerName); name != "" {
		return "ý kiến khác (" + name + ")"
	}
	return "ý kiến khác"
}

// remove asks before deleting remark r, naming its speaker.
func (s *remarksScreen) remove(c *shared, r model.Remark) tea.Cmd {
	st := c.st
	return askDo(fmt.Sprintf("Xóa %s?\n\n«%s»", whose(r), ansi.Truncate(r.Text, 300, "…")), job{
		from: pageRemarks,
		ack:  "Xóa " + whose(r) + ".",
		write: func(ctx context.Context) error {
			return st.DeleteRemark(ctx, r.ID)
		},
	})
}

// view implements screen.
func (s *remarksScreen) view(c *shared) string {
	if s.pick != nil {
		return s.pick.view(c, c.height)
	}
	st, w := c.styles, c.width
	name, remarks, old := s.subject(c)
	if name == "" {
		return "\nKhông còn đối tượng này. Quay lại (" + keyName(c.keys.Remarks.Done) + ")."
	}
	var b strings.Builder
	head := "Ý kiến phát biểu về " + name
	if s.nominee == 0 {
		head = "Ý kiến phát biểu chung của phiên họp"
	}
	b.WriteString(st.Subtitle.Render(ansi.Truncate(fmt.Sprintf("%s (%d)", head, len(remarks)), w, "…")) + "\n")
	b.WriteString(st.Muted.Render(ansi.Truncate("Biên bản ghi: «Đồng chí … phát biểu: …», theo thứ tự dưới đây.", w, "…")) + "\n")
	if old != "" {
		b.WriteString(st.Muted.Render(ansi.Truncate("Ghi chép thảo luận trước đây (chỉ xem): "+strings.ReplaceAll(old, "\n", " "), w, "…")) + "\n")
	}
	b.WriteString("\n")
	if len(remarks) == 0 {
		rk := c.keys.Remarks
		b.WriteString(ansi.Wrap("Chưa có ý kiến phát biểu nào. Nhấn "+keyName(rk.Add)+" để thêm: chọn người phát biểu, rồi gõ nội dung.", w, ""))
		return b.String()
	}
	detail := s.detail(c, remarks)
	top := strings.Count(b.String(), "\n")
	s.list.resize(w, max(c.height-top-len(detail)-1, 1))
	b.WriteString(s.list.view(c, top, func(r pickRow, selected bool) string {
		rm := remarks[r.at]
		line := ansi.Truncate(fmt.Sprintf("%d. %s: %s", r.at+1, rm.Heading(), strings.ReplaceAll(rm.Text, "\n", " ")), w-2, "…")
		if selected {
			return st.Selected.Render("› " + line)
		}
		return "  " + line
	}, nil))
	return b.String() + "\n\n" + strings.Join(detail, "\n")
}

// detail writes the remark under the cursor in full, as many lines as the
// screen spares.
func (s *remarksScreen) detail(c *shared, remarks []model.Remark) []string {
	r, ok := s.list.current()
	if !ok || r.at >= len(remarks) {
		return nil
	}
	rm := remarks[r.at]
	lines := strings.Split(ansi.Wrap(rm.Heading()+": "+rm.Text, c.width-2, ""), "\n")
	return lines[:min(len(lines), max(c.height/3, 2))]
}
