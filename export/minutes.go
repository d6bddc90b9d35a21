package export

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"hoidong/model"
	"hoidong/voting"
)

// Minutes writes the biên bản họp Hội đồng as plain UTF-8 text.
func Minutes(w io.Writer, rec *model.Record) error {
	if rec == nil {
		return errNoRecord()
	}
	_, err := w.Write(renderText(buildMinutes(newBook(rec))))
	return err
}

// errNoRecord is the error for a missing snapshot.
func errNoRecord() error {
	return model.Errorf(model.EInvalid, "Không có dữ liệu phiên họp để xuất.")
}

// minutes builds the minutes of the meeting.
type minutes struct {
	*book
	doc
	said map[int64]bool // nominees whose remarks are written, under the first award they are reviewed for
}

// buildMinutes lays out the biên bản họp Hội đồng.
func buildMinutes(k *book) *doc {
	m := &minutes{book: k, doc: *k.newDoc("Biên bản họp " + k.councilName()), said: map[int64]bool{}}
	number := strings.TrimSpace(k.rec.Plan.Meeting.Number)
	if number == "" {
		number = "      /BB-HĐTĐKT" // left blank to be numbered by hand
	}
	m.add(k.councilHeader("Số: "+number, k.dateLine()))
	m.title()
	m.timePlace()
	m.composition()
	m.review()
	m.discussion()
	m.votes()
	m.conclusion()
	m.closing()
	m.corrections()
	m.verification()
	m.add(k.minuteSigs())
	return &m.doc
}

// title writes the document type and its subject, centred.
func (m *minutes) title() {
	ref := m.rec.Plan.Ref
	subject := []string{"Họp Hội đồng Thi đua – Khen thưởng xét đề nghị khen thưởng"}
	if ref.Number != "" {
		s := "theo Kế hoạch số " + ref.Number
		if ref.Date != "" {
			s += " ngày " + shortDate(ref.Date)
		}
		subject = append(subject, s)
	}
	if t := planSubject(ref.Title); t != "" {
		subject = append(subject, "về việc "+t)
	}
	m.titleBlock("BIÊN BẢN", subject...)
}

// timePlace writes section I: when and where the meeting was held.
func (m *minutes) timePlace() {
	m.section("I. THỜI GIAN, ĐỊA ĐIỂM")
	started := m.rec.Meeting.StartedAt
	switch {
	case !started.IsZero():
		m.item(0, "Thời gian: ", "bắt đầu lúc "+m.whenWords(started)+".")
	case !m.date().IsZero():
		m.item(0, "Thời gian: ", dateWords(m.date())+".")
	default:
		m.item(0, "Thời gian: ", "chưa ghi nhận.")
	}
	place := trimEnd(m.rec.Plan.Meeting.Place)
	if place == "" {
		place = "chưa ghi nhận"
	}
	m.item(0, "Địa điểm: ", place+".")
	m.add(blank{})
}

// composition writes section II: who presides, the secretary, members
// present and absent, quorum, counting committee.
func (m *minutes) composition() {
	m.section("II. THÀNH PHẦN")
	if c, ok := m.presider(); ok {
		m.labelled(0, "1. ", "Chủ trì: ", who(c.Name, c.Position)+", "+roleWords(c.Role)+".")
	} else {
		m.labelled(0, "1. ", "Chủ trì: ", "chưa xác định.")
	}
	if s, ok := m.secretary(); ok {
		m.labelled(0, "2. ", "Thư ký: ", who(s.Name, s.Position)+", "+roleWords(s.Role)+".")
	} else {
		m.labelled(0, "2. ", "Thư ký: ", "chưa xác định.")
	}
	members := "Thành viên Hội đồng: "
	if m.hasNonVoting() {
		members = "Thành viên Hội đồng có quyền biểu quyết: "
	}
	m.labelled(0, "3. ", members, keepMath(voting.Quorum(m.rec).Text())+".")

	var present, absent []model.MemberRecord
	for _, mr := range m.rec.Members {
		if !mr.Votes {
			continue
		}
		if mr.Attendance == model.AttendancePresent {
			present = append(present, mr)
		} else {
			absent = append(absent, mr)
		}
	}
	m.text(1, "a) ", "Có mặt:")
	if len(present) == 0 {
		m.text(2, "", "Không có.")
	} else {
		t := tableBlock{
			level: 2,
			cols: []column{
				{title: "STT", width: 3, right: true},
				{title: "Họ và tên", width: 20},
				{title: "Chức vụ", width: 24},
				{title: "Nhiệm vụ", width: 21},
			},
		}
		for i, mr := range present {
			t.rows = append(t.rows, []string{fmt.Sprint(i + 1), mr.Name, mr.Position, mr.Role.Label()})
		}
		m.add(t)
	}
	m.text(1, "b) ", "Vắng mặt:")
	if len(absent) == 0 {
		m.text(2, "", "Không có.")
	}
	for i, mr := range absent {
		reason := trimEnd(mr.AbsentReason)
		switch {
		case mr.Attendance != model.AttendanceAbsent:
			reason = "chưa điểm danh"
		case reason == "":
			reason = "không rõ lý do"
		default:
			reason = "lý do: " + lowerFirst(reason)
		}
		m.text(2, fmt.Sprintf("%d) ", i+1), who(mr.Name, mr.Position)+", "+mr.Role.Label()+" ("+reason+")"+m.writtenAbsent(mr)+".")
	}
	writtenAttendance(&m.doc, m.book, 2)

	head, tellers := m.tellers()
	names := func(ms []model.MemberRecord) string {
		var s []string
		for _, mr := range ms {
			s = append(s, mr.Name)
		}
		return strings.Join(s, ", ")
	}
	if len(head) == 0 && len(tellers) == 0 {
		m.labelled(0, "4. ", "Ban kiểm phiếu: ", "chưa lập.")
	} else {
		m.labelled(0, "4. ", "Ban kiểm phiếu:", "")
		m.item(1, "Trưởng ban: ", orNone(names(head))+".")
		m.item(1, "Ủy viên: ", orNone(names(tellers))+".")
	}
	m.add(blank{})
}

// awardsInOrder returns the plan's awards followed by any award code used
// by a nominee or a round that the plan does not define.
func (m *minutes) awardsInOrder() []model.Award {
	awards := slices.Clone(m.rec.Plan.Awards)
	known := make(map[string]bool, len(awards))
	for _, a := range awards {
		known[a.Code] = true
	}
	add := func(code string) {
		if !known[code] {
			known[code] = true
			awards = append(awards, awardOf(&m.rec.Plan, code))
		}
	}
	for i := range m.rec.Nominees {
		for _, c := range m.rec.Nominees[i].Awards {
			add(c)
		}
	}
	for i := range m.rec.Rounds {
		add(m.rec.Rounds[i].Award)
	}
	return awards
}

// proposedFor returns the nominees of kind k proposed for award, in record order.
func (k *book) proposedFor(award string, kind model.Kind) []*model.NomineeRecord {
	var out []*model.NomineeRecord
	for i := range k.rec.Nominees {
		n := &k.rec.Nominees[i]
		if n.Kind == kind && slices.Contains(n.Awards, award) {
			out = append(out, n)
		}
	}
	return out
}

// awardHeading names an award with who grants it.
func awardHeading(a model.Award) string {
	switch {
	case a.Superior && a.Authority != "":
		return a.Name + " (đề nghị " + a.Authority + " xét tặng)"
	case a.Authority != "":
		return a.Name + " (" + a.Authority + " tặng)"
	}
	return a.Name
}

// review writes section III.1: every nominee reviewed, per award and kind.
func (m *minutes) review() {
	m.section("III. NỘI DUNG")
	var coll, indiv int
	for i := range m.rec.Nominees {
		if m.rec.Nominees[i].Kind == model.KindCollective {
			coll++
		} else {
			indiv++
		}
	}
	m.subsection("1. Xem xét hồ sơ đề nghị khen thưởng")
	m.text(1, "", fmt.Sprintf("Hội đồng đã xem xét hồ sơ của %d tập thể và %d cá nhân được đề nghị khen thưởng, theo từng hình thức khen thưởng, như sau:", coll, indiv))
	no := 0
	for _, a := range m.awardsInOrder() {
		if len(m.proposedFor(a.Code, model.KindCollective))+len(m.proposedFor(a.Code, model.KindIndividual)) == 0 {
			continue // an award nobody was proposed for has nothing to record
		}
		no++
		m.add(blank{})
		m.labelled(0, fmt.Sprintf("1.%d. ", no), awardHeading(a), "")
		li := 0
		for _, kind := range kinds() {
			ns := m.proposedFor(a.Code, kind)
			if len(ns) == 0 {
				continue
			}
			m.text(1, letter(li)+") ", kind.Label()+":")
			li++
			m.criteria(m.rec.Plan.CriteriaFor(kind, a.Code))
			for i, n := range ns {
				m.nominee(i+1, n, a)
			}
		}
	}
	if no == 0 {
		m.text(1, "", "Không có tập thể, cá nhân nào được đề nghị.")
	}
	m.add(blank{})
}

// criteria lists, once per award and kind, the criteria each nominee's
// marks below refer to by number.
func (m *minutes) criteria(cs []model.Criterion) {
	if len(cs) == 0 {
		m.text(2, "", "Kế hoạch không quy định tiêu chuẩn xét.")
		return
	}
	m.text(2, "", "Tiêu chuẩn xét:")
	for i, c := range cs {
		text := trimEnd(c.Text)
		if c.Required {
			text += " (bắt buộc)"
		}
		m.text(2, fmt.Sprintf("(%d) ", i+1), text+".")
	}
}

// nominee writes one nominee's review for award a.
func (m *minutes) nominee(no int, n *model.NomineeRecord, a model.Award) {
	p := &m.rec.Plan
	name := n.Name
	if d := nonEmpty(n.Position, n.Unit); len(d) > 0 {
		name += " – " + strings.Join(d, ", ")
	}
	m.labelled(2, fmt.Sprintf("%d) ", no), name, "")
	if s := strings.TrimSpace(n.Summary); s != "" {
		m.item(3, "Thành tích: ", s)
	}

	elig := voting.EligibilityOf(p, n)
	var eligText string
	switch elig {
	case model.EligibilityEligible:
		eligText = "Đủ điều kiện."
	case model.EligibilityPending:
		eligText = "Chưa xác nhận."
	case model.EligibilityExcluded:
		eligText = "Thuộc trường hợp không khen thưởng: " + checksApplying(p, n) + "."
	case model.EligibilityDeferred:
		eligText = "Thuộc trường hợp chưa xét khen thưởng: " + checksApplying(p, n) + "."
	}
	m.item(3, "Điều kiện khen thưởng: ", eligText)

	criteria := p.CriteriaFor(n.Kind, a.Code)
	cand := voting.Candidacy(n, a.Code)
	cl := voting.ChecklistOf(p, n, a.Code)
	switch {
	case len(criteria) == 0:
	case cl.Marked == 0 && (elig == model.EligibilityExcluded || elig == model.EligibilityDeferred):
		m.item(3, "Tiêu chuẩn: ", "không xem xét.")
	default:
		marks := make([]string, len(criteria))
		for i := range criteria {
			var mark model.CriterionMark
			if cand != nil && i < len(cand.Marks) {
				mark = cand.Marks[i]
			}
			marks[i] = fmt.Sprintf("(%d)%s%s", i+1, glue, mark.Mark.Label())
			if note := trimEnd(mark.Note); note != "" {
				marks[i] += " – " + note
			}
		}
		m.item(3, fmt.Sprintf("Tiêu chuẩn (đạt %d/%d): ", cl.Met, cl.Total), strings.Join(marks, "; ")+".")
	}
	for _, s := range m.disclosures([]int64{n.ID}) {
		m.item(3, "Công khai: ", s)
	}
	if w := m.dossierWords(n, a.Code); w != "" {
		m.item(3, "Hồ sơ: ", w)
	}
	if note := strings.TrimSpace(n.Note); note != "" {
		m.item(3, "Ý kiến: ", note)
	}
	if !m.said[n.ID] {
		remarkItems(&m.doc, 3, n.Remarks)
		m.said[n.ID] = true
	}
	m.item(3, "Kết quả xem xét: ", m.outcome(n, a))
}

// outcome says in a sentence what the review decided for n and award a.
func (m *minutes) outcome(n *model.NomineeRecord, a model.Award) string {
	if seqs := m.seqs[candidacy{n.ID, a.Code}]; len(seqs) > 0 {
		strs := make([]string, len(seqs))
		for i, q := range seqs {
			strs[i] = fmt.Sprint(q)
		}
		s := "đủ điều kiện, đưa ra bỏ phiếu (vòng " + strings.Join(strs, ", ") + ")"
		if _, lo, ok := m.ix.Final(n.ID, a.Code); ok {
			s += "; kết quả bỏ phiếu: " + lowerFirst(lo.Outcome.Label())
		}
		return s + "."
	}
	switch st := m.ix.Status(n, a.Code); st {
	case voting.StatusExcluded:
		return "không khen thưởng, không đưa ra bỏ phiếu."
	case voting.StatusDeferred:
		return "chưa xét khen thưởng, không đưa ra bỏ phiếu."
	case voting.StatusCriteriaFailed:
		return "không đạt tiêu chuẩn bắt buộc, không đưa ra bỏ phiếu."
	case voting.StatusReady:
		return "đủ điều kiện, chưa bỏ phiếu."
	case voting.StatusApproved:
		return "đủ điều kiện; hình thức này không phải bỏ phiếu."
	default:
		return "chưa xét xong."
	}
}

// discussion writes section III.2: the council's discussion notes.
func (m *minutes) discussion() {
	m.subsection("2. Ý kiến thảo luận")
	d := strings.TrimSpace(m.rec.Meeting.Discussion)
	if d == "" && len(m.rec.Meeting.Remarks) == 0 {
		m.text(1, "", "Không có ý kiến khác.")
	}
	for _, p := range strings.Split(d, "\n") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		// A paragraph typed as a list item keeps its bullet hanging.
		lead := ""
		for _, b := range []string{"- ", "+ ", "* ", "• "} {
			if strings.HasPrefix(p, b) {
				lead, p = "- ", strings.TrimSpace(p[len(b):])
				break
			}
		}
		m.text(1, lead, p)
	}
	remarkItems(&m.doc, 1, m.rec.Meeting.Remarks)
	m.add(blank{})
}

// votes writes section III.3: the result of every round.
func (m *minutes) votes() {
	m.subsection("3. Kết quả bỏ phiếu")
	if len(m.rounds) == 0 {
		m.text(1, "", "Không có vòng bỏ phiếu nào.")
	}
	for _, r := range m.rounds {
		m.add(blank{})
		m.labelled(1, "", m.roundHeading(r), "")
		m.item(1, "Hình thức: ", modeText(r.Mode)+".")
		if r.Status != model.RoundClosed {
			m.item(1, "", "Vòng bỏ phiếu chưa kết thúc; chưa có kết quả.")
			continue
		}
		roundBody(&m.doc, m.book, r, 1)
	}
	m.add(blank{})
}

// roundBody writes a closed round's rule, figures, results table, working
// and ties at level, for the minutes and the vote-count record alike.
func roundBody(d *doc, k *book, r model.Round, level int) {
	a := k.award(r.Award)
	issued, returned, valid, invalid := figures(r)
	d.item(level, "Quy tắc: ", k.ruleWords(a, r)+".")
	if q := k.quotaText(a); q != "" {
		d.item(level, "", q+".")
	}
	roundDisclosures(d, k, r, level)
	d.item(level, "", k.issuedWords(r, issued, returned))
	d.item(level, "", fmt.Sprintf("Số phiếu hợp lệ: %d; số phiếu không hợp lệ: %d.", valid, invalid))
	lines := k.lines(r)
	d.add(resultTable(k, lines, level))
	if len(lines) > 0 {
		d.item(level, "Cách tính: ", fmt.Sprintf("tỷ lệ = số phiếu đồng ý / %s.", k.baseWords(a.Rule.Base, r)))
		d.keepLast()
		for i, lo := range lines {
			d.text(level+1, fmt.Sprintf("%d) ", i+1), keepMath(lo.Explain(a.Rule))+".")
		}
	}
	tieNotes(d, k, r, level)
}

// tieNotes writes, after a round's table, the tie at its quota line: who
// tied for how many places, how the tie is settled — the re-vote or the
// chair's decision — and where that left each tied nominee.
func tieNotes(d *doc, k *book, r model.Round, level int) {
	a := k.award(r.Award)
	st := k.ix.Standing(r)
	tied, revotes := k.tied(r)
	decisions := k.roundDecisions(r)
	if len(tied) > 0 {
		var seqs []string
		open := false
		for _, rv := range revotes {
			seqs = append(seqs, fmt.Sprint(rv.Seq))
			open = open || rv.Status != model.RoundClosed
		}
		s := fmt.Sprintf("Các đối tượng %s đạt tỷ lệ với số phiếu bằng nhau tại ranh giới chỉ tiêu, còn %d suất", k.names(tied), st.Remaining)
		switch {
		case len(seqs) > 0 && open:
			s += "; Hội đồng bỏ phiếu lại giữa các đối tượng này (vòng " + strings.Join(seqs, ", ") + "), chưa có kết quả."
		case len(seqs) > 0:
			s += "; Hội đồng bỏ phiếu lại giữa các đối tượng này (vòng " + strings.Join(seqs, ", ") + ")."
		case len(decisions) == 0:
			s += "; chờ " + tieWay(a) + "."
		default:
			s += "; người chủ trì phiên họp quyết định."
		}
		d.item(level, "Bằng phiếu: ", s)
	}
	for _, dc := range decisions {
		s := "Người chủ trì phiên họp"
		if chair := strings.TrimSpace(dc.Chair); chair != "" {
			s += ", " + chair + ","
		}
		s += " quyết định chọn " + orNone(k.names(k.inOrder(dc.Chosen))) + " trong số các đối tượng bằng phiếu"
		if !dc.At.IsZero() {
			s += " (lúc " + clockWords(dc.At) + ")"
		}
		s += "."
		if n := trimEnd(dc.Note); n != "" {
			s += " " + n + "."
		}
		d.item(level, "Quyết định của người chủ trì: ", s)
	}
	if len(tied) > 0 && (st.Settled || len(decisions) > 0) {
		var each []string
		for _, lo := range k.lines(r) {
			if slices.Contains(tied, lo.Line.NomineeID) {
				each = append(each, k.name(lo.Line.NomineeID)+" "+lowerFirst(lo.Outcome.Label()))
			}
		}
		d.item(level, "Kết quả giải quyết bằng phiếu: ", strings.Join(each, "; ")+".")
	}
}

// tieWay names how the award's ties are settled.
func tieWay(a model.Award) string {
	if a.TieBreak == model.TieChair {
		return "người chủ trì phiên họp quyết định"
	}
	return "bỏ phiếu lại"
}

// resultTable is the per-nominee table of a closed round, each line with
// its verdict: the final standing, a tie and how it was settled included.
func resultTable(k *book, lines []voting.LineOutcome, level int) tableBlock {
	t := tableBlock{
		level: level, extra: 2,
		cols: []column{
			{title: "STT", width: 3, right: true},
			{title: "Tập thể, cá nhân", width: 20},
			{title: "Đồng ý", width: 6, right: true},
			{title: "Không đồng ý", width: 7, right: true},
			{title: "Tỷ lệ", width: 7, right: true},
			{title: "Kết quả", width: 20},
		},
	}
	for i, lo := range lines {
		l := lo.Line
		t.rows = append(t.rows, []string{
			fmt.Sprint(i + 1), k.name(l.NomineeID), fmt.Sprint(l.Agree), fmt.Sprint(l.Disagree),
			voting.FormatShare(l.Agree, l.Base), lo.Outcome.Label(),
		})
	}
	return t
}

// conclusion writes section IV: the nominees recommended for each award,
// or, when the council never had its quorum and held no vote, that it
// could not vote.
func (m *minutes) conclusion() {
	m.section("IV. KẾT LUẬN")
	if q := voting.Quorum(m.rec); !q.Met && len(m.closedRounds()) == 0 {
		can := "không"
		if m.book.draft {
			can = "chưa"
		}
		s := "Hội đồng chưa có thành viên được biểu quyết."
		if a := q.Arithmetic(); a != "" {
			s = fmt.Sprintf("Có mặt %d/%d thành viên Hội đồng được biểu quyết, chưa đạt tối thiểu %s tổng số thành viên (cần %d thành viên): %s.",
				q.Present, q.Total, voting.FormatFraction(q.Rule), q.Needed(), keepMath(a))
		}
		m.text(0, "", s)
		m.text(0, "", "Hội đồng "+can+" đủ điều kiện tiến hành bỏ phiếu; không có tập thể, cá nhân nào được đề nghị khen thưởng tại phiên họp này.")
		m.add(blank{})
		return
	}
	m.text(0, "", "Căn cứ kết quả xem xét và bỏ phiếu, Hội đồng Thi đua – Khen thưởng thống nhất đề nghị khen thưởng như sau:")
	no := 0
	for _, l := range m.recommended() {
		a := l.Award
		if len(l.Collective)+len(l.Individual) == 0 && !m.proposed(a.Code) {
			continue
		}
		no++
		heading := a.Name
		if a.Superior && a.Authority != "" {
			heading += " (đề nghị " + a.Authority + " xét tặng)"
		}
		m.labelled(0, fmt.Sprintf("%d. ", no), heading+":", "")
		li := 0
		for _, kind := range kinds() {
			ids := idsOf(l, kind)
			if !a.Recipients.Allows(kind) && len(ids) == 0 {
				continue
			}
			if len(ids) == 0 {
				m.text(1, letter(li)+") ", kind.Label()+": Không có.")
				li++
				continue
			}
			m.text(1, letter(li)+") ", fmt.Sprintf("%s (%d):", kind.Label(), len(ids)))
			li++
			for i, id := range ids {
				m.text(2, fmt.Sprintf("%d) ", i+1), m.described(id)+".")
			}
		}
	}
	if no == 0 {
		m.text(1, "", "Không có tập thể, cá nhân nào được đề nghị khen thưởng.")
	}
	m.add(blank{})
}

// described names a nominee with position and unit: "Name – Position, Unit".
func (k *book) described(id int64) string {
	n, ok := k.ix.Nominee(id)
	if !ok {
		return k.name(id)
	}
	text := n.Name
	if n.Kind == model.KindIndividual {
		if d := strings.Join(nonEmpty(n.Position, n.Unit), ", "); d != "" {
			text += " – " + d
		}
	} else if u := strings.TrimSpace(n.Unit); u != "" {
		text += " – " + u
	}
	return text
}

// proposed reports whether anyone was proposed for award code.
func (k *book) proposed(code string) bool {
	for i := range k.rec.Nominees {
		if slices.Contains(k.rec.Nominees[i].Awards, code) {
			return true
		}
	}
	return false
}

// closing writes that the minutes were read out and approved, and when
// the meeting ended.
func (m *minutes) closing() {
	mi := m.rec.Meeting
	if mi.Status != model.MeetingClosed || mi.ClosedAt.IsZero() {
		m.text(0, "", "Phiên họp chưa kết thúc.")
		return
	}
	m.text(0, "", "Biên bản đã được đọc lại cho các thành viên dự họp cùng nghe và nhất trí thông qua.")
	when := "Phiên họp kết thúc lúc " + clockWords(mi.ClosedAt)
	if !mi.StartedAt.IsZero() && sameDay(mi.StartedAt, mi.ClosedAt) {
		when += " cùng ngày."
	} else {
		when += ", " + dateWords(m.dayOf(mi.ClosedAt)) + "."
	}
	m.text(0, "", when)
}

// corrections writes what was corrected after the meeting closed.
func (m *minutes) corrections() {
	if len(m.rec.Corrections) == 0 {
		return
	}
	m.add(blank{})
	m.section("V. ĐÍNH CHÍNH")
	m.text(0, "", "Sau khi kết thúc phiên họp, biên bản được đính chính như sau:")
	for i, c := range m.rec.Corrections {
		label := ""
		if !c.At.IsZero() {
			label = "Lúc " + m.whenWords(c.At) + ": "
		}
		m.labelled(0, fmt.Sprintf("%d. ", i+1), label, trimEnd(c.Text)+".")
	}
}

// verification prints the hash that pins the record the minutes were
// written from.
func (m *minutes) verification() {
	if m.rec.Head == "" {
		return
	}
	m.add(blank{})
	m.add(para{role: roleLeft, keep: true, spans: []span{{text: "Mã kiểm tra hồ sơ: ", bold: true}, {text: m.rec.Head}}})
	m.add(para{role: roleBody, keep: true, spans: []span{{text: "(Mã của bản ghi cuối cùng trong nhật ký phiên họp, dùng để đối chiếu biên bản này với tệp dữ liệu.)", italic: true}}})
}

// checksApplying lists, lower-cased, the eligibility checks that keep n from
// the vote, as voting.EligibilityReason names them after its "…: " lead.
func checksApplying(p *model.Plan, n *model.NomineeRecord) string {
	reason := trimEnd(voting.EligibilityReason(p, n))
	if _, tail, ok := strings.Cut(reason, ": "); ok {
		reason = tail
	}
	return lowerFirst(reason)
}

// planSubject turns a plan's title into the subject of "về việc …": without
// a leading "Kế hoạch" (the sentence already names the plan), lower-cased at
// the start, without final punctuation.
func planSubject(title string) string {
	t := trimEnd(title)
	for _, lead := range []string{"Kế hoạch về việc ", "Kế hoạch về ", "Kế hoạch "} {
		if len(t) > len(lead) && strings.EqualFold(t[:len(lead)], lead) {
			t = strings.TrimSpace(t[len(lead):])
			break
		}
	}
	return lowerFirst(t)
}

// roleWords names a member's role on the council in a sentence, with the
// capitals the tables give it: "Chủ tịch Hội đồng", "Thư ký Hội đồng".
func roleWords(r model.Role) string {
	if r == model.RoleSecretary {
		return r.Label() + " Hội đồng"
	}
	return r.Label()
}
