package tui

import (
	"context"
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"hoidong/model"
	"hoidong/voting"
)

// conclusionScreen shows the recommended list per award, exports the
// documents and closes the meeting.
type conclusionScreen struct {
	base
	offset int
}

// title implements screen.
func (s *conclusionScreen) title() string { return "Kết luận" }

// lines renders the recommended list.
func conclusionLines(rec *model.Record) []string {
	proposed := map[string]bool{}
	for _, n := range rec.Nominees {
		for _, cd := range n.Candidacies {
			proposed[cd.Award] = true
		}
	}
	var out []string
	for _, l := range voting.Recommended(rec) {
		if !proposed[l.Award.Code] {
			continue // nobody was proposed for it
		}
		out = append(out, l.Award.Name+":")
		if len(l.Collective)+len(l.Individual) == 0 {
			out = append(out, "    Không có.")
			continue
		}
		for _, g := range []struct {
			label string
			ids   []int64
		}{{"Tập thể", l.Collective}, {"Cá nhân", l.Individual}} {
			if len(g.ids) == 0 {
				continue
			}
			out = append(out, fmt.Sprintf("  %s (%d):", g.label, len(g.ids)))
			for i, id := range g.ids {
				if n, ok := rec.NomineeByID(id); ok {
					out = append(out, fmt.Sprintf("    %d. %s", i+1, n.Name))
				}
			}
		}
	}
	return out
}

// unfinished warns about candidacies left unreviewed or not voted on.
func unfinished(rec *model.Record) string {
	p := voting.ProgressOf(rec)
	var w []string
	if p.Pending > 0 {
		w = append(w, fmt.Sprintf("còn %d lượt đề nghị chưa xét xong", p.Pending))
	}
	if p.Ready > 0 {
		w = append(w, fmt.Sprintf("%d lượt đủ điều kiện nhưng chưa bỏ phiếu", p.Ready))
	}
	if len(w) == 0 {
		return ""
	}
	return "\n\nLưu ý: " + strings.Join(w, "; ") + "."
}

// actions implements screen: before the close, the close; after it,
// corrections; always the documents.
func (s *conclusionScreen) actions(c *shared) []action {
	k := c.keys
	ck := k.Conclusion
	acts := []action{
		more(k.Up, run(func() { s.offset = max(s.offset-1, 0) })),
		more(k.Down, run(func() { s.offset++ })),
		more(k.Home, run(func() { s.offset = 0 })),
		more(k.End, run(func() { s.offset = 1 << 30 })),
		// Documents are previewed before they are written.
		act(ck.Export, func() tea.Cmd { return navigate(pagePreview) }),
	}
	if c.rec.Meeting.Status == model.MeetingClosed {
		return append(acts, act(ck.Correction, func() tea.Cmd { return s.correct(c) }),
			refuse(ck.CloseMeeting, "Phiên họp đã kết thúc từ trước."))
	}
	acts = append(acts, act(ck.CloseMeeting, func() tea.Cmd { return s.close(c) }),
		refuse(ck.Correction, "Đính chính chỉ dùng sau khi phiên họp đã kết thúc; trước đó hãy sửa trực tiếp ở bước tương ứng."))
	if sat, planned, differs := c.rec.DateToConfirm(); differs {
		acts = append(acts,
			act(ck.DateSat, func() tea.Cmd { return confirmDate(c, sat) }),
			act(ck.DatePlanned, func() tea.Cmd { return confirmDate(c, planned) }))
	}
	return acts
}

// confirmDate records the date the minutes carry.
func confirmDate(c *shared, date string) tea.Cmd {
	st := c.st
	return c.do(pageConclusion, "Biên bản ghi ngày "+dayText(date)+".", func(ctx context.Context) error {
		return st.ConfirmMinutesDate(ctx, date)
	})
}

// dayText writes "2023-12-15" as "15/12/2023".
func dayText(date string) string {
	if t, err := time.Parse(time.DateOnly, date); err == nil {
		return t.Format("02/01/2006")
	}
	return date
}

// dateLines say, when the meeting sat on another day than the plan set,
// which date the minutes carry and how to choose.
func dateLines(c *shared) []string {
	sat, planned, differs := c.rec.DateToConfirm()
	if !differs {
		return nil
	}
	ck := c.keys.Conclusion
	st := c.styles
	head := fmt.Sprintf("Phiên họp họp ngày %s, khác ngày %s trong kế hoạch.", dayText(sat), dayText(planned))
	var which string
	switch c.rec.Meeting.MinutesDate {
	case "":
		which = st.Warn.Render("Biên bản ghi ngày họp "+dayText(sat)+" nếu không chọn khác: ") + hints(ck.DateSat, ck.DatePlanned) + "."
	default:
		which = "Biên bản ghi ngày " + dayText(c.rec.Meeting.MinutesDate) + " (" + hints(ck.DateSat, ck.DatePlanned) + " để đổi)."
	}
	return append(strings.Split(ansi.Wrap(head, c.width, ""), "\n"), strings.Split(ansi.Wrap(which, c.width, ""), "\n")...)
}

// correct asks for a correction to the closed record.
func (s *conclusionScreen) correct(c *shared) tea.Cmd {
	st := c.st
	return prompt("Nội dung đính chính (ghi vào biên bản như một mục riêng, không sửa nội dung đã khóa):", "", func(text string) tea.Cmd {
		if text == "" {
			return say("Chưa nhập nội dung đính chính.", true)
		}
		return askDo("Ghi đính chính sau đây vào hồ sơ?\n\n"+text, job{from: pageConclusion, ack: "Đã ghi đính chính.", write: func(ctx context.Context) error {
			return st.AddCorrection(ctx, text)
		}})
	})
}

// close asks the chair to confirm the list and end the meeting.
func (s *conclusionScreen) close(c *shared) tea.Cmd {
	rec, st := c.rec, c.st
	if _, open := rec.OpenRound(); open {
		return say("Còn vòng bỏ phiếu đang mở: hãy đóng vòng (bước 4) trước khi kết thúc phiên họp.", true)
	}
	dated := ""
	if _, _, differs := rec.DateToConfirm(); differs {
		dated = "\n\nBiên bản ghi ngày " + dayText(rec.DocumentDate()) + "."
	}
	coll, indiv, awards := 0, 0, 0
	for _, l := range voting.Recommended(rec) {
		coll += len(l.Collective)
		indiv += len(l.Individual)
		if len(l.Collective)+len(l.Individual) > 0 {
			awards++
		}
	}
	listed := fmt.Sprintf("\n\nDanh sách đề nghị khen thưởng: %d tập thể, %d cá nhân, cho %d danh hiệu, hình thức.", coll, indiv, awards)
	return askDo("Chủ tọa xác nhận danh sách đề nghị khen thưởng và kết thúc phiên họp?"+listed+"\n\nSau khi kết thúc, biên bản bị khóa: không thể điểm danh, chấm tiêu chuẩn hay bỏ phiếu thêm."+dated+unfinished(rec),
		job{from: pageConclusion, ack: "Phiên họp đã kết thúc. Nhấn " + keyName(c.keys.Conclusion.Export) + " để xuất biên bản chính thức.", what: "kết thúc phiên họp", write: func(ctx context.Context) error {
			return st.CloseMeeting(ctx)
		}})
}

// view implements screen.
func (s *conclusionScreen) view(c *shared) string {
	rec := c.rec
	st := c.styles
	var b strings.Builder
	b.WriteString(st.Subtitle.Render("Danh sách đề nghị khen thưởng") + "\n")
	if rec.Meeting.Status == model.MeetingClosed {
		b.WriteString(st.Warn.Render("Phiên họp đã kết thúc lúc "+clock(rec.Meeting.ClosedAt)+"; biên bản đã khóa.") + "\n")
	} else {
		b.WriteString(st.Muted.Render("Chủ tọa xác nhận danh sách rồi kết thúc phiên họp ("+keyName(c.keys.Conclusion.CloseMeeting)+").") + "\n")
	}
	dates := dateLines(c)
	if rec.Meeting.Status != model.MeetingClosed {
		for _, l := range dates {
			b.WriteString(l + "\n")
		}
	} else {
		dates = nil
	}
	b.WriteString("\n")
	var lines []string
	if len(rec.Corrections) > 0 {
		lines = append(lines, "Đính chính sau khi kết thúc:")
		for i, c := range rec.Corrections {
			lines = append(lines, fmt.Sprintf("  %d. %s (%s)", i+1, c.Text, clock(c.At)))
		}
		lines = append(lines, "")
	}
	lines = append(lines, conclusionLines(rec)...)
	room := c.height - 3 - len(dates)
	if len(c.exported.paths) > 0 {
		room -= len(c.exported.paths) + 2
	}
	room = max(room, 3)
	s.offset = min(s.offset, max(len(lines)-room, 0))
	end := min(s.offset+room, len(lines))
	for i := s.offset; i < end; i++ {
		if i == end-1 && end < len(lines) {
			b.WriteString(st.Muted.Render(fmt.Sprintf("… còn %d dòng (%s để xem tiếp)", len(lines)-end+1, keyName(c.keys.Down))) + "\n")
			break
		}
		b.WriteString(ansi.Truncate(lines[i], c.width, "…") + "\n")
	}
	if len(c.exported.paths) > 0 {
		if c.exported.draft {
			b.WriteString("\n" + st.Warn.Render("Đã ghi bản DỰ THẢO (phiên họp chưa kết thúc):") + "\n")
		} else {
			b.WriteString("\n" + st.Good.Render("Đã ghi:") + "\n")
		}
		for _, p := range c.exported.paths {
			b.WriteString("  " + truncateLeft(p, c.width-2) + "\n")
		}
	}
	return b.String()
}
