package tui

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/progress"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"hoidong/model"
	"hoidong/voting"
)

// roundsScreen opens a ballot round for an award, shows the progress of the
// open round and closes it.
type roundsScreen struct {
	base
	list  *pickList      // one row per award put to a secret ballot
	ready map[string]int // candidates ready per award, computed once per snapshot
}

// refresh counts the candidates ready for each award, and forgets the
// secretary's key once no round is open.
func (s *roundsScreen) refresh(c *shared, _ recordMsg) tea.Cmd {
	if _, open := c.rec.OpenRound(); !open {
		c.forgetSecretary()
	}
	s.ready = map[string]int{}
	ix := voting.NewIndex(c.rec)
	awards := c.rec.Plan.BallotAwards()
	rows := make([]pickRow, len(awards))
	for i, a := range awards {
		s.ready[a.Code] = len(ix.Candidates(a.Code))
		rows[i] = pickRow{at: i}
	}
	s.list.set(rows)
	return nil
}

// title implements screen.
func (s *roundsScreen) title() string { return "Bỏ phiếu kín" }

// progressBar draws done out of all as a bar as wide as the screen allows,
// with the Charm progress component, without its animation.
func progressBar(c *shared, done, all int) string {
	bar := progress.New(progress.WithWidth(max(min(c.width-4, 60), 10)), progress.WithoutPercentage(),
		progress.WithFillCharacters('█', '░'), progress.WithColors(paletteFor(c.theme, c.dark).good))
	if all <= 0 {
		return bar.ViewAs(0)
	}
	return bar.ViewAs(float64(done) / float64(all))
}

// roundTitle names a round for the screens: "Vòng 3 — Giấy khen … (bỏ
// phiếu lại, còn 1 suất)".
func roundTitle(rec *model.Record, r model.Round) string {
	a, _ := rec.Plan.Award(r.Award)
	t := fmt.Sprintf("Vòng %d — %s", r.Seq, a.Name)
	if places, ok := voting.NewIndex(rec).PlacesAtStake(r); ok {
		t += fmt.Sprintf(" (bỏ phiếu lại, còn %d suất)", places)
	} else if r.Parent != 0 {
		t += " (bỏ phiếu lại)"
	}
	return t
}

// tellerWarning says what the counting committee lacks, or "".
func tellerWarning(rec *model.Record) string {
	n, head := rec.Committee()
	switch {
	case n == 0:
		return "Lưu ý: chưa bầu Ban kiểm phiếu (bước 2)."
	case head == "":
		return "Lưu ý: Ban kiểm phiếu chưa có trưởng ban (bước 2)."
	case n < rec.Plan.Meeting.Tellers:
		return fmt.Sprintf("Lưu ý: Ban kiểm phiếu mới có %d/%d thành viên (bước 2).", n, rec.Plan.Meeting.Tellers)
	}
	return ""
}

// actions implements screen: while a round is open, the way into its
// booth (or to its paper counts) and its close; otherwise the choice of
// an award and the opening of a round for it.
func (s *roundsScreen) actions(c *shared) []action {
	k := c.keys
	rk := k.Rounds
	if r, open := c.rec.OpenRound(); open {
		var acts []action
		if r.Mode == model.RoundPaper {
			acts = []action{act(rk.PaperCounts, func() tea.Cmd { return navigate(pagePaper) })}
		} else {
			acts = []action{
				act(rk.EnterBooth, func() tea.Cmd { return navigate(pageBooth) }),
				act(rk.CloseRound, func() tea.Cmd { return s.askClose(c, r) }),
			}
		}
		if b, ok := writtenBinding(c, r); ok {
			acts = append(acts, act(b, func() tea.Cmd { return navigate(pageWritten) }))
		}
		return acts
	}
	awards := c.rec.Plan.BallotAwards()
	if len(awards) == 0 || s.list.len() != len(awards) {
		return nil
	}
	a := awards[s.list.at()]
	return append(s.list.actions(k, false),
		act(rk.OpenRound, func() tea.Cmd { return s.askOpen(c, a, false) }),
		act(rk.OpenPaperRound, func() tea.Cmd { return s.askOpen(c, a, true) }))
}

// writtenBinding is the key to the written-ballot screen for the open
// round r: none when its award takes no written ballot or nobody sends
// one.
func writtenBinding(c *shared, r model.Round) (key.Binding, bool) {
	if !c.rec.Plan.AcceptsWritten(r.Award) || len(writtenRows(c.rec, r)) == 0 {
		return key.Binding{}, false
	}
	if r.Mode == model.RoundPaper {
		return c.keys.Rounds.Envelopes, true
	}
	return c.keys.Rounds.WrittenBallots, true
}

// askOpen asks before opening a round for award a with every nominee
// ready for it, electronic or on paper.
func (s *roundsScreen) askOpen(c *shared, a model.Award, paper bool) tea.Cmd {
	rec, st := c.rec, c.st
	ids := voting.Candidates(rec, a.Code)
	if len(ids) == 0 {
		return say("Chưa có đối tượng nào sẵn sàng bỏ phiếu cho "+a.Name+": hãy xét điều kiện và tiêu chuẩn trước (bước 3).", true)
	}
	if q := voting.Quorum(rec); !q.Met {
		return say("Chưa thể mở vòng bỏ phiếu: "+q.Text()+".", true)
	}
	if why := voting.NoPlaceLeft(rec, a); why != "" {
		return say(why, true)
	}
	names := rec.NomineeNames(ids[:min(len(ids), 5)], "– ")
	if len(ids) > 5 {
		names = append(names, fmt.Sprintf("… và %d đối tượng khác", len(ids)-5))
	}
	code := a.Code
	form := "bỏ phiếu kín tại máy"
	if paper {
		form = "bỏ phiếu kín bằng phiếu giấy"
	}
	question := fmt.Sprintf("Mở vòng %s cho %s với %d đối tượng?\n\n%s", form, a.Name, len(ids), strings.Join(names, "\n"))
	if d := disclosureLines(rec, ids); len(d) > 0 {
		question += "\n\n" + strings.Join(d, "\n")
	}
	if w := writtenRoundLine(c, a, paper); w != "" {
		question += "\n\n" + w
	}
	question += "\n\nSau khi mở, danh sách và tiêu chuẩn của các đối tượng này bị khóa."
	if w := tellerWarning(rec); w != "" {
		question += "\n\n" + w
	}
	if paper {
		return askDo(question, job{from: pageRounds, ack: "Đã mở vòng bỏ phiếu giấy cho " + a.Name + ". Phát phiếu, kiểm phiếu rồi nhập kết quả.", what: "mở vòng bỏ phiếu giấy cho " + a.Name, then: pagePaper, write: func(ctx context.Context) error {
			_, err := st.OpenPaperRound(ctx, code, ids)
			return err
		}})
	}
	return askDo(question, job{from: pageRounds, ack: "Đã mở vòng bỏ phiếu cho " + a.Name + ".", then: pageBooth, write: func(ctx context.Context) error {
		_, err := st.OpenRound(ctx, code, ids)
		return err
	}})
}

// writtenRoundLine says, before a round for award a opens, whose written
// ballots it will receive and where the counting committee enters them, or
// that the award takes none from the members marked as sending them; ""
// when no voting member is marked.
func writtenRoundLine(c *shared, a model.Award, paper bool) string {
	var names []string
	for _, m := range c.rec.WrittenMembers() {
		if m.Votes && m.Attendance == model.AttendanceAbsent {
			names = append(names, m.Name)
		}
	}
	if len(names) == 0 {
		return ""
	}
	who := strings.Join(names, ", ")
	if !c.rec.Plan.AcceptsWritten(a.Code) {
		return fmt.Sprintf("%s không nhận phiếu bằng văn bản: %s không bỏ phiếu trong vòng này.", a.Name, who)
	}
	if paper {
		return fmt.Sprintf("Vòng này nhận phiếu bằng văn bản của %d thành viên vắng mặt: %s. Sau khi mở vòng, Ban kiểm phiếu ghi nhận từng phong bì (%s); phiếu trong phong bì được kiểm cùng các phiếu giấy.",
			len(names), who, keyName(c.keys.Rounds.Envelopes))
	}
	return fmt.Sprintf("Vòng này nhận phiếu bằng văn bản của %d thành viên vắng mặt: %s. Ban kiểm phiếu nhập phiếu sau khi mở vòng (%s).", len(names), who, keyName(c.keys.Rounds.WrittenBallots))
}

// disclosureLines names the voting members nominated among the nominees
// ids, "Đồng chí … là người được đề nghị", and, when the plan has them
// recuse themselves, the line each will leave blank; at most four lines.
func disclosureLines(rec *model.Record, ids []int64) []string {
	var out []string
	for _, id := range ids {
		n, ok := rec.NomineeByID(id)
		if !ok {
			continue
		}
		for _, m := range rec.NominatedMembers(id) {
			if !m.Votes {
				continue
			}
			what := "cá nhân " + n.Name
			if n.Kind == model.KindCollective {
				what = "người đứng đầu tập thể " + n.Name
			}
			line := "Đồng chí " + m.Name + " là người được đề nghị (" + what + ")"
			if rec.Plan.Recuses() {
				line += "; đồng chí để trống dòng " + n.Name + " trên phiếu của mình"
			}
			out = append(out, line+".")
		}
	}
	if len(out) > 4 {
		out = append(out[:3], fmt.Sprintf("… và %d thành viên khác là người được đề nghị.", len(out)-3))
	}
	return out
}

// namesUpTo lists members as the questions do, "– A" a line, at most three
// and how many more.
func namesUpTo(ms []model.MemberRecord) string {
	names := make([]string, 0, 4)
	for i, m := range ms {
		if i == 3 {
			names = append(names, fmt.Sprintf("… và %d người khác", len(ms)-3))
			break
		}
		names = append(names, "– "+m.Name)
	}
	return strings.Join(names, "\n")
}

// askClose asks before closing the open electronic round r: it refuses a
// round with fewer than two ballots, names who has not voted yet, and
// opens the sealed ballots with the secretary's key, asking for the
// secretary code unless the secretary has just given it to leave the booth.
func (s *roundsScreen) askClose(c *shared, r model.Round) tea.Cmd {
	if n := len(r.Voters); n < 2 {
		return say(fmt.Sprintf("Vòng %d mới có %d phiếu. Cần ít nhất 2 phiếu mới đóng vòng và kiểm phiếu được: kết quả của một phiếu sẽ cho biết người đó đã chọn gì.", r.Seq, n), true)
	}
	q := fmt.Sprintf("Đóng vòng %d và kiểm phiếu (%d phiếu)?", r.Seq, len(r.Voters))
	var waits []string
	if waiting := c.rec.PendingVoters(r); len(waiting) > 0 {
		waits = append(waits, fmt.Sprintf("Còn %d thành viên có mặt chưa bỏ phiếu:\n%s", len(waiting), namesUpTo(waiting)))
	}
	if written := c.rec.PendingWritten(r); len(written) > 0 {
		waits = append(waits, fmt.Sprintf("Chưa nhập phiếu bằng văn bản của %d thành viên vắng mặt:\n%s", len(written), namesUpTo(written)))
	}
	if len(waits) > 0 {
		q = fmt.Sprintf("%s\n\nNếu đóng vòng %d bây giờ, họ không thể bỏ phiếu trong vòng này nữa. Vẫn đóng vòng và kiểm phiếu với %d phiếu?",
			strings.Join(waits, "\n\n"), r.Seq, len(r.Voters))
	}
	st, id := c.st, r.ID
	done := job{from: pageRounds, ack: fmt.Sprintf("Đã đóng vòng %d và kiểm phiếu.", r.Seq), then: pageTally,
		notify: to(pageTally, closedMsg{round: r.ID}),
		busy:   fmt.Sprintf("Đang mở %d phiếu đã niêm phong, kiểm phiếu vòng %d và sắp xếp lại tệp…", len(r.Voters), r.Seq)}
	if key := c.secretary; key != nil {
		done.write = func(ctx context.Context) error { return st.CloseRound(ctx, id, key) }
		return askDo(q, done)
	}
	return ask(q, promptSecret("Mã thư ký (để mở các phiếu đã niêm phong và kiểm phiếu):", func(code string) tea.Cmd {
		if code == "" {
			return say("Chưa nhập mã thư ký; vòng bỏ phiếu vẫn mở.", true)
		}
		done.write = func(ctx context.Context) error {
			key, err := st.UnlockSecretary(ctx, code)
			if err != nil {
				return err
			}
			defer key.Forget()
			return st.CloseRound(ctx, id, key)
		}
		return c.enqueue(done)
	}))
}

// writtenProgress says how many of the written ballots the open round r
// awaits have been entered (envelopes received, on paper), or "".
func writtenProgress(c *shared, r model.Round) string {
	pending := len(c.rec.PendingWritten(r))
	all := len(r.Written) + pending
	if all == 0 {
		return ""
	}
	if r.Mode == model.RoundPaper {
		return fmt.Sprintf("Phong bì phiếu bằng văn bản đã nhận: %d/%d (tính vào số phiếu phát ra và thu về).", len(r.Written), all)
	}
	return fmt.Sprintf("Phiếu bằng văn bản của thành viên vắng mặt: đã nhập %d/%d.", len(r.Written), all)
}

// viewOpen shows the open round r: on paper, what the committee does;
// electronic, how many have voted.
func (s *roundsScreen) viewOpen(c *shared, r model.Round) string {
	rec, st := c.rec, c.styles
	var b strings.Builder
	a, _ := rec.Plan.Award(r.Award)
	written := ""
	if w := writtenProgress(c, r); w != "" {
		written = ansi.Wrap(w, c.width, "") + "\n"
	}
	writtenKey := ""
	if wb, ok := writtenBinding(c, r); ok {
		writtenKey = hint(wb) + "\n"
	}
	if r.Mode == model.RoundPaper {
		b.WriteString(st.Subtitle.Render(fmt.Sprintf("Vòng %d — %s (phiếu giấy)", r.Seq, a.Name)) + "\n\n")
		b.WriteString(fmt.Sprintf("%d đối tượng trên phiếu; %d thành viên có mặt được biểu quyết.\n\n", len(r.Nominees), r.Eligible))
		b.WriteString("Ban kiểm phiếu phát phiếu, thu phiếu và kiểm phiếu; sau đó thư ký nhập kết quả.\n")
		b.WriteString("Phiếu bầu để in: bước 6, xuất tài liệu (phiếu bầu).\n\n")
		if written != "" {
			b.WriteString(written + "\n")
		}
		b.WriteString(hint(c.keys.Rounds.PaperCounts) + "\n" + writtenKey)
		return b.String()
	}
	b.WriteString(st.Subtitle.Render(roundTitle(rec, r)) + "\n\n")
	expected := rec.ExpectedBallots(r)
	big := fmt.Sprintf("%d/%d đã bỏ phiếu", len(r.Voters), expected)
	if expected > r.Eligible {
		big += fmt.Sprintf(" · trong đó %d bằng văn bản", len(r.Written))
	}
	b.WriteString(st.Box.Render(st.Title.Render(big)) + "\n")
	b.WriteString(progressBar(c, len(r.Voters), expected) + "\n\n")
	b.WriteString(fmt.Sprintf("%d đối tượng trên phiếu. Kết quả chỉ được công bố sau khi đóng vòng.\n", len(r.Nominees)))
	b.WriteString(written)
	b.WriteString("\n" + hint(c.keys.Rounds.EnterBooth) + "   ·   " + hint(c.keys.Rounds.CloseRound) + "\n" + writtenKey)
	return b.String()
}

// view implements screen.
func (s *roundsScreen) view(c *shared) string {
	rec := c.rec
	st := c.styles
	var b strings.Builder
	q := voting.Quorum(rec)
	if r, open := rec.OpenRound(); open {
		return s.viewOpen(c, r)
	}
	qs := st.Bad
	if q.Met {
		qs = st.Good
	}
	b.WriteString(qs.Render(strings.Join(quorumLines(q, c.width), "\n")) + "\n\n")
	awards := rec.Plan.BallotAwards()
	if len(awards) == 0 {
		b.WriteString("Kế hoạch không có danh hiệu, hình thức nào cần bỏ phiếu kín.\n")
		return b.String()
	}
	top := strings.Count(b.String(), "\n") + 1 // under the table's heading
	s.list.resize(c.width, c.height-6)
	start, end := s.list.page()
	g := grid{
		cols: []column{{title: "Danh hiệu / hình thức", width: flexWidth(c.width, 20, true, 13, 11)},
			{title: "Sẵn sàng", width: 13}, {title: "Đã bỏ phiếu", width: 11}},
		cursor:   true,
		selected: s.list.selectedOnPage(),
	}
	for _, a := range awards[start:end] {
		ready, ok := s.ready[a.Code]
		if !ok {
			ready = len(voting.Candidates(rec, a.Code))
		}
		rounds := 0
		for _, r := range rec.Rounds {
			if r.Award == a.Code {
				rounds++
			}
		}
		g.rows = append(g.rows, []string{a.Name, fmt.Sprintf("%d đối tượng", ready), fmt.Sprintf("%d vòng", rounds)})
	}
	b.WriteString(g.render(st) + s.list.pager(c) + "\n")
	s.list.hits(c, top, nil)
	if s.list.len() == len(awards) {
		b.WriteString("\n" + st.Muted.Render(ansi.Wrap("Quy tắc: "+voting.RuleText(awards[s.list.at()].Rule), c.width, "")) + "\n")
	}
	return b.String()
}
