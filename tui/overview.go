package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"hoidong/model"
	"hoidong/voting"
)

// overviewScreen shows the agenda and the state of each step.
type overviewScreen struct {
	base
	list     *pickList // one row per step of the agenda
	states   []string  // where each step stands, computed once per snapshot
	demoCode string    // the demo's secretary code, shown for the user to note
}

// refresh works out the steps' states from a new snapshot.
func (s *overviewScreen) refresh(c *shared, _ recordMsg) tea.Cmd {
	s.states = stepStates(c.rec)
	if s.list.len() == 0 {
		rows := make([]pickRow, len(agenda()))
		for i := range rows {
			rows[i] = pickRow{at: i}
		}
		s.list.set(rows)
	}
	return nil
}

// agendaStep is one line of the agenda.
type agendaStep struct {
	label string
	to    page
}

// agenda is the meeting's order of business.
func agenda() []agendaStep {
	return []agendaStep{
		{"Khai mạc, điểm danh thành viên", pageRollCall},
		{"Bầu Ban kiểm phiếu", pageTellers},
		{"Xét từng đối tượng: điều kiện, tiêu chuẩn", pageNominees},
		{"Bỏ phiếu kín", pageRounds},
		{"Kết quả kiểm phiếu", pageTally},
		{"Kết luận, xuất biên bản, bế mạc", pageConclusion},
	}
}

// title implements screen.
func (s *overviewScreen) title() string { return "Chương trình phiên họp" }

// actions implements screen.
func (s *overviewScreen) actions(c *shared) []action {
	steps := agenda()
	k := c.keys
	return append(s.list.actions(k, false),
		more(k.Overview.Open, func() tea.Cmd { return navigate(steps[s.list.at()].to) }),
		actKey(k.Overview.Jump, func(msg tea.KeyPressMsg) tea.Cmd { return s.jump(int(msg.Code - '0')) }),
		act(k.Overview.Discussion, func() tea.Cmd { return openRemarks(0, pageOverview) }),
		act(k.Overview.Verify, func() tea.Cmd { return verifyRecord(c) }),
		more(k.Overview.Import, func() tea.Cmd { return openImport(c) }))
}

// jump opens step n (1-based) of the agenda.
func (s *overviewScreen) jump(n int) tea.Cmd {
	steps := agenda()
	if n < 1 || n > len(steps) {
		return nil
	}
	s.list.selectAt(n - 1)
	return navigate(steps[n-1].to)
}

// verifyRecord checks the record as hoidong verify does, in a command.
func verifyRecord(c *shared) tea.Cmd {
	ctx, st := c.ctx, c.st
	return func() tea.Msg {
		rep, err := st.Verify(ctx)
		switch {
		case err != nil:
			return statusMsg{text: model.Message(err), err: true}
		case !rep.OK():
			return statusMsg{text: "Hồ sơ KHÔNG khớp: " + rep.Problem, err: true}
		}
		return statusMsg{text: fmt.Sprintf("Hồ sơ nguyên vẹn (%d sự kiện). Mã kiểm tra: %s", rep.Events, rep.Head)}
	}
}

// stepStates describes where each agenda step stands.
func stepStates(rec *model.Record) []string {
	closed := len(rec.ClosedRounds())
	p := voting.ProgressOf(rec)
	results := "Chưa có kết quả"
	if closed > 0 {
		results = fmt.Sprintf("%d vòng đã kiểm phiếu", closed)
	}
	end := "Chưa kết thúc"
	if rec.Meeting.Status == model.MeetingClosed {
		end = "Đã kết thúc lúc " + clock(rec.Meeting.ClosedAt)
	}
	return []string{
		rollCallState(rec),
		committeeState(rec),
		fmt.Sprintf("Đã xét %d/%d lượt đề nghị", p.Reviewed(), p.Candidacies),
		roundsState(rec, closed),
		results,
		end,
	}
}

// rollCallState is the roll call's line of the agenda.
func rollCallState(rec *model.Record) string {
	marked := 0
	for _, m := range rec.Members {
		if m.Attendance != model.AttendanceUnknown {
			marked++
		}
	}
	q := voting.Quorum(rec)
	switch {
	case marked == 0:
		return "Chưa điểm danh"
	case q.Met:
		return fmt.Sprintf("Có mặt %d/%d — đủ điều kiện", q.Present, q.Total)
	}
	return fmt.Sprintf("Có mặt %d/%d — chưa đủ (cần %d)", q.Present, q.Total, q.Needed())
}

// committeeState is the counting committee's line of the agenda.
func committeeState(rec *model.Record) string {
	tellers, head := rec.Committee()
	switch {
	case tellers == 0:
		return "Chưa chọn"
	case head == "":
		return fmt.Sprintf("%d thành viên, chưa có trưởng ban", tellers)
	}
	return fmt.Sprintf("Trưởng ban %s; %d thành viên", head, tellers)
}

// roundsState is the ballot rounds' line of the agenda.
func roundsState(rec *model.Record, closed int) string {
	if r, ok := rec.OpenRound(); ok {
		a, _ := rec.Plan.Award(r.Award)
		return fmt.Sprintf("Đang mở vòng %d (%s): %d/%d đã bỏ phiếu", r.Seq, a.Name, len(r.Voters), r.Eligible)
	}
	if closed == 0 {
		return "Chưa có vòng nào"
	}
	return fmt.Sprintf("Đã đóng %d vòng", closed)
}

// view implements screen.
func (s *overviewScreen) view(c *shared) string {
	rec := c.rec
	st := c.styles
	var b strings.Builder
	p := rec.Plan
	fmt.Fprintf(&b, "%s\n", st.Subtitle.Render(p.Council.Name))
	fmt.Fprintf(&b, "%s\n", st.Muted.Render(ansi.Truncate(fmt.Sprintf("Theo Kế hoạch %s · Biên bản số %s · %s", p.Ref.Number, p.Meeting.Number, p.Meeting.Place), c.width, "…")))
	b.WriteString("\n")
	states := s.states
	if len(states) < len(agenda()) {
		states = stepStates(rec)
	}
	label := lipgloss.NewStyle().Width(46)
	steps := agenda()
	s.list.resize(c.width, len(steps))
	b.WriteString(s.list.view(c, strings.Count(b.String(), "\n"), func(r pickRow, selected bool) string {
		line := fmt.Sprintf(" %d. %s", r.at+1, label.Render(steps[r.at].label))
		if selected {
			return st.Selected.Render("›"+line) + " " + states[r.at]
		}
		return " " + line + " " + st.Muted.Render(states[r.at])
	}, func(r pickRow, again bool) tea.Cmd {
		if again {
			return navigate(steps[r.at].to)
		}
		return nil
	}) + "\n")
	b.WriteString("\n")
	if d := rec.Meeting.Discussion; d != "" {
		b.WriteString(st.Muted.Render(ansi.Truncate("Ghi chép thảo luận trước đây: "+strings.ReplaceAll(d, "\n", " "), c.width, "…")) + "\n")
	}
	if rs := rec.Meeting.Remarks; len(rs) > 0 {
		last := rs[len(rs)-1]
		line := fmt.Sprintf("Ý kiến phát biểu chung (%d; %s: xem, thêm): %s: %s", len(rs), keyName(c.keys.Overview.Discussion), last.Heading(), last.Text)
		b.WriteString(st.Muted.Render(ansi.Truncate(strings.ReplaceAll(line, "\n", " "), c.width, "…")) + "\n")
	}
	if s.demoCode != "" && rec.Meeting.StartedAt.IsZero() {
		b.WriteString(st.Title.Render("Bắt đầu: nhấn 1 để điểm danh, rồi lần lượt các bước 2 đến 6.") + "\n")
	}
	if s.demoCode != "" && rec.Meeting.Status == model.MeetingOpen {
		note := strings.Split(ansi.Wrap("Phiên họp mẫu đã chọn sẵn mã thư ký này: cần để rời phòng bỏ phiếu ("+
			keyName(c.keys.Booth.Secretary)+") và để mở phiếu khi đóng vòng.", c.width-6, ""), "\n")
		b.WriteString(st.Box.Render(st.Title.Render("Mã thư ký: "+s.demoCode)+"\n"+st.Muted.Render(strings.Join(note, "\n"))) + "\n")
	}
	return b.String()
}
