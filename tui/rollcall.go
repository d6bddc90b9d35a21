package tui

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"hoidong/export"
	"hoidong/model"
	"hoidong/store"
	"hoidong/voting"
)

// rollCallScreen records who is present, with the quorum computed live.
type rollCallScreen struct {
	base
	list *pickList // one row per member, in the record's order
	// drawn keeps the table's heading and rows as last drawn: a frame
	// draws again only the rows whose look changed. refresh, which takes
	// a new snapshot, forgets the rows.
	drawn  rowCache[rollCallLayout, drawnRow]
	header string
}

// rollCallLayout is what the table's rows as drawn depend on beside the
// members: the width, the look and the key named on a locked member's row.
type rollCallLayout struct {
	width  int
	theme  Theme
	dark   bool
	unlock string
}

// title implements screen.
func (s *rollCallScreen) title() string { return "Điểm danh" }

// refresh lists the members of a new snapshot.
func (s *rollCallScreen) refresh(c *shared, _ recordMsg) tea.Cmd {
	rows := make([]pickRow, len(c.rec.Members))
	for i := range rows {
		rows[i] = pickRow{at: i}
	}
	s.list.set(rows)
	s.drawn.reset()
	return nil
}

// actions implements screen.
func (s *rollCallScreen) actions(c *shared) []action {
	members := c.rec.Members
	if len(members) == 0 {
		return nil
	}
	k := c.keys
	rk := k.RollCall
	secret := c.rec.Plan.Meeting.Secret
	acts := append(s.list.actions(k, !secret),
		act(rk.Present, func() tea.Cmd { return s.present(c) }),
		act(rk.Absent, func() tea.Cmd { return s.absent(c) }),
		more(rk.Presides, func() tea.Cmd { return s.presides(c) }))
	if c.rec.Plan.AnyWritten() {
		acts = append(acts, more(rk.Written, func() tea.Cmd { return s.written(c) }))
	}
	if secret {
		acts = append(acts,
			act(rk.IssueCodes, func() tea.Cmd { return issueCodes(c) }),
			more(rk.ReissueCode, func() tea.Cmd { return reissueCode(c, members[s.list.at()]) }),
			act(rk.Unlock, func() tea.Cmd { return s.unlock(c) }))
	}
	return acts
}

// present marks the member under the cursor present and moves on.
func (s *rollCallScreen) present(c *shared) tea.Cmd {
	members, st := c.rec.Members, c.st
	back := s.list.at()
	m := members[back]
	s.list.move(1)
	return c.doThen(pageRollCall, m.Name+": có mặt.", func() { s.list.selectAt(back) }, func(ctx context.Context) error {
		return st.SetAttendance(ctx, m.ID, model.AttendancePresent, "")
	})
}

// absent asks the reason of the member under the cursor's absence.
func (s *rollCallScreen) absent(c *shared) tea.Cmd {
	members, st := c.rec.Members, c.st
	back := s.list.at()
	m := members[back]
	return prompt("Lý do vắng mặt của "+m.Name+":", m.AbsentReason, func(reason string) tea.Cmd {
		s.list.selectAt(back)
		s.list.move(1)
		return c.doThen(pageRollCall, m.Name+": vắng mặt.", func() { s.list.selectAt(back) }, func(ctx context.Context) error {
			return st.SetAttendance(ctx, m.ID, model.AttendanceAbsent, reason)
		})
	})
}

// written marks the absent member under the cursor as sending a written
// ballot (gửi phiếu bằng văn bản), or takes the mark away, as the rule the
// store applies too allows.
func (s *rollCallScreen) written(c *shared) tea.Cmd {
	rec, st := c.rec, c.st
	m := rec.Members[s.list.at()]
	on := !m.WrittenBallot
	if why := model.WrittenBallotBlocked(&rec.Plan, rec.Meeting.Status, m, on, writtenRound(rec, m.ID)); why != "" {
		return say(why, true)
	}
	ack := m.Name + ": vắng mặt, gửi phiếu bằng văn bản."
	if !on {
		ack = m.Name + ": bỏ đánh dấu gửi phiếu bằng văn bản."
	}
	return c.do(pageRollCall, ack, func(ctx context.Context) error {
		return st.SetWrittenBallot(ctx, m.ID, on)
	})
}

// writtenRound is the number of the first round that holds a written
// ballot or an envelope of member id, or 0.
func writtenRound(rec *model.Record, id int64) int {
	first := 0
	for _, r := range rec.Rounds {
		if slices.Contains(r.Written, id) && (first == 0 || r.Seq < first) {
			first = r.Seq
		}
	}
	return first
}

// presides records the member under the cursor as the one who presides:
// when the chair is absent, a vice-chair or the member the council chooses.
func (s *rollCallScreen) presides(c *shared) tea.Cmd {
	m, st := c.rec.Members[s.list.at()], c.st
	if m.Attendance != model.AttendancePresent {
		return say(m.Name+" chưa có mặt; chỉ người có mặt mới chủ trì được.", true)
	}
	return askDo(m.Name+" chủ trì phiên họp?\n\nNgười chủ trì ký biên bản và quyết định khi các đối tượng bằng phiếu tại ranh giới chỉ tiêu.",
		job{from: pageRollCall, ack: m.Name + " chủ trì phiên họp.", write: func(ctx context.Context) error { return st.SetPresiding(ctx, m.ID) }})
}

// unlock lets the member under the cursor try their code again.
func (s *rollCallScreen) unlock(c *shared) tea.Cmd {
	m, st := c.rec.Members[s.list.at()], c.st
	if !m.Locked {
		return say(m.Name+" không bị khóa.", true)
	}
	return c.do(pageRollCall, "Đã mở khóa cho "+m.Name+".", func(ctx context.Context) error {
		return st.UnlockMember(ctx, m.ID)
	})
}

// noCodes is the refusal when the plan asks for no voting codes.
func noCodes() tea.Cmd {
	return say("Kế hoạch không dùng mã bỏ phiếu riêng (secret = false trong mục [meeting]).", true)
}

// issueCodes gives every voting member without a code one, written on
// slips to print.
func issueCodes(c *shared) tea.Cmd {
	if !c.rec.Plan.Meeting.Secret {
		return noCodes()
	}
	st := c.st
	path := filepath.Join(c.exportDir, "phieu-ma-bo-phieu.txt")
	again := keyName(c.keys.RollCall.ReissueCode)
	return askDo("Cấp mã bỏ phiếu cho mọi thành viên được biểu quyết chưa có mã?\n\nCác phiếu mã được ghi vào tệp:\n"+path+"\n\nIn tệp, cắt và trao tận tay từng người, rồi xóa tệp.",
		job{from: pageRollCall, ack: "Đã ghi phiếu mã vào " + path + ". In, trao tận tay rồi xóa tệp.", what: "cấp mã bỏ phiếu", write: func(ctx context.Context) error {
			codes, err := st.IssueCodes(ctx)
			if err != nil {
				return err
			}
			if len(codes) == 0 {
				return model.Errorf(model.EConflict, "Mọi thành viên được biểu quyết đều đã có mã; muốn cấp lại cho một người, chọn người đó và nhấn %s.", again)
			}
			return writeSlips(ctx, st, path, again, codes)
		}})
}

// reissueCode gives member m a new code in place of the old one.
func reissueCode(c *shared, m model.MemberRecord) tea.Cmd {
	if !c.rec.Plan.Meeting.Secret {
		return noCodes()
	}
	st := c.st
	path := filepath.Join(c.exportDir, fmt.Sprintf("phieu-ma-bo-phieu-%d.txt", m.ID))
	again := keyName(c.keys.RollCall.ReissueCode)
	return askDo("Cấp mã mới cho "+m.Name+"? Mã cũ hết hiệu lực ngay.\n\nPhiếu mã được ghi vào tệp:\n"+path,
		job{from: pageRollCall, ack: "Đã ghi phiếu mã mới của " + m.Name + " vào " + path + ".", what: "cấp lại mã bỏ phiếu của " + m.Name, write: func(ctx context.Context) error {
			code, err := st.ReissueCode(ctx, m.ID)
			if err != nil {
				return err
			}
			return writeSlips(ctx, st, path, again, map[int64]string{m.ID: code})
		}})
}

// writeSlips writes printable code slips to path. It runs inside a job.
func writeSlips(ctx context.Context, st *store.Store, path, again string, codes map[int64]string) error {
	rec, err := st.Record(ctx)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := export.CodeSlips(&b, &rec, codes); err != nil {
		return err
	}
	if err := export.WriteFile(path, b.Bytes(), 0o600); err != nil {
		return model.Errorf(model.EInvalid, "%s Các mã đã cấp nhưng chưa in được; hãy cấp lại cho từng người (phím %s) sau khi sửa.", model.Message(err), again)
	}
	return nil
}

// writtenLine says, when the plan takes written ballots, how many absent
// members send one and which key marks them: no line or one.
func writtenLine(c *shared) []string {
	if !c.rec.Plan.AnyWritten() {
		return nil
	}
	k := keyName(c.keys.RollCall.Written)
	line := "Thành viên vắng mặt gửi phiếu bằng văn bản: chọn người đó, nhấn " + k + "."
	if n := len(c.rec.WrittenMembers()); n > 0 {
		line = fmt.Sprintf("Gửi phiếu bằng văn bản: %d thành viên vắng mặt (%s: đánh dấu hoặc bỏ đánh dấu).", n, k)
	}
	return strings.Split(ansi.Wrap(line, c.width, ""), "\n")
}

// attendanceLabel is the Vietnamese word for a member's attendance.
func attendanceLabel(m model.MemberRecord) string {
	switch m.Attendance {
	case model.AttendancePresent:
		return "Có mặt"
	case model.AttendanceAbsent:
		label := "Vắng"
		if m.WrittenBallot {
			// First, where a narrow column cuts the reason rather than it.
			label += " – gửi phiếu bằng văn bản"
		}
		if m.AbsentReason != "" {
			label += " – " + m.AbsentReason
		}
		return label
	}
	return "Chưa điểm danh"
}

// quorumLines writes the quorum with its arithmetic, the arithmetic on a
// line of its own when both do not fit on one.
func quorumLines(q voting.QuorumState, width int) []string {
	text := q.Text()
	if lipgloss.Width(text) <= width {
		return []string{text}
	}
	arith := q.Arithmetic()
	head := strings.TrimSuffix(strings.TrimSuffix(text, arith), ": ")
	return append(strings.Split(ansi.Wrap(head+":", width, ""), "\n"), "  "+arith)
}

// table draws the members on show, a row each: name, role, attendance.
// Each row is drawn once for its layout and kept.
func (s *rollCallScreen) table(c *shared) string {
	st := c.styles
	unlock := keyName(c.keys.RollCall.Unlock)
	g := grid{
		cols: []column{{title: "Họ và tên", width: 25}, {title: "Vai trò", width: 21},
			{title: "Điểm danh", width: flexWidth(c.width, 9, true, 25, 21)}},
		cursor:   true,
		selected: -1,
	}
	if s.drawn.forLayout(rollCallLayout{width: c.width, theme: c.theme, dark: c.dark, unlock: unlock}) {
		s.header = g.renderHeader(st)
	}
	start, end := s.list.page()
	selected := s.list.selectedOnPage()
	var b strings.Builder
	b.WriteString(s.header)
	for i := start; i < end; i++ {
		key := drawnRow{at: i, selected: i-start == selected}
		row, ok := s.drawn.lookup(key)
		if !ok {
			row = s.drawn.keep(key, s.drawRow(c, g, i, key.selected, unlock))
		}
		b.WriteString("\n" + row.text)
	}
	return b.String()
}

// drawRow draws member i's row of the table g.
func (s *rollCallScreen) drawRow(c *shared, g grid, i int, selected bool, unlock string) string {
	st, rec := c.styles, c.rec
	m := rec.Members[i]
	role := m.Role.Label()
	if !m.Votes {
		role += " (không BQ)"
	}
	state := attendanceLabel(m)
	if m.Locked {
		state += " · BỊ KHÓA (" + unlock + ": mở)"
	} else if rec.Plan.Meeting.Secret && m.Votes && !m.HasSecret {
		state += " · chưa có mã"
	}
	g.rows = [][]string{{m.Name, role, state}}
	if selected {
		g.selected = 0
	}
	g.cell = func(_, col int) lipgloss.Style {
		if col != 2 {
			return lipgloss.NewStyle()
		}
		switch m.Attendance {
		case model.AttendancePresent:
			return st.Good
		case model.AttendanceAbsent:
			return st.Warn
		}
		return st.Muted
	}
	return g.renderRow(st, 0)
}

// view implements screen.
func (s *rollCallScreen) view(c *shared) string {
	st := c.styles
	rec := c.rec
	var b strings.Builder
	q := voting.Quorum(rec)
	qs := st.Bad
	if q.Met {
		qs = st.Good
	}
	quorum := quorumLines(q, c.width)
	b.WriteString(qs.Render(strings.Join(quorum, "\n")) + "\n")
	chair := "Người chủ trì: chưa xác định (chủ tịch hoặc phó chủ tịch có mặt; " + keyName(c.keys.RollCall.Presides) + " để chọn người khác)."
	if p, ok := rec.Presiding(); ok {
		chair = "Người chủ trì: " + p.Name + " (" + keyName(c.keys.RollCall.Presides) + " để chọn người khác)."
	}
	b.WriteString(st.Muted.Render("Chỉ thành viên có quyền biểu quyết được tính vào số có mặt.") + "\n")
	b.WriteString("\n")
	top := strings.Count(b.String(), "\n") + 1 // under the table's heading
	written := writtenLine(c)
	chairLines := strings.Split(ansi.Wrap(chair, c.width, ""), "\n")
	s.list.resize(c.width, c.height-5-len(quorum)-len(written)-len(chairLines))
	b.WriteString(s.table(c) + s.list.pager(c) + "\n")
	s.list.hits(c, top, nil)
	// Below the table, so that a member's name is found on their row first.
	b.WriteString("\n" + strings.Join(chairLines, "\n") + "\n")
	for _, l := range written {
		b.WriteString(st.Muted.Render(l) + "\n")
	}
	return b.String()
}
