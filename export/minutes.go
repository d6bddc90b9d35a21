package export

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"hoidong/model"
	"hoidong/voting"
)

// Layout of the plain-text minutes, in display columns.
const (
	headerLeft = 32 // left header column: the agency and the number
	indentStep = 3  // indentation of each nested level of the body
)

// Minutes writes the biên bản họp Hội đồng as plain UTF-8 text.
func Minutes(w io.Writer, rec *model.Record) error {
	if rec == nil {
		return errNoRecord()
	}
	m := newMinutes(rec)
	m.header()
	m.title()
	m.timePlace()
	m.composition()
	m.review()
	m.discussion()
	m.votes()
	m.conclusion()
	m.closing()
	m.signatures()
	_, err := io.WriteString(w, norm.NFC.String(m.b.String()))
	return err
}

// errNoRecord is the error for a missing snapshot.
func errNoRecord() error {
	return model.Errorf(model.EInvalid, "Không có dữ liệu phiên họp để xuất.")
}

// minutes builds the text of the minutes line by line.
type minutes struct {
	rec    *model.Record
	ix     *voting.Index
	rounds []model.Round       // by sequence number
	seqs   map[candidacy][]int // rounds each candidacy was put to, in order
	b      strings.Builder
}

// candidacy identifies a nominee proposed for one award.
type candidacy struct {
	nominee int64
	award   string
}

// newMinutes indexes rec once so that every lookup while writing is cheap,
// even for a sitting with thousands of nominees.
func newMinutes(rec *model.Record) *minutes {
	m := &minutes{rec: rec, ix: voting.NewIndex(rec), rounds: sortedRounds(rec), seqs: map[candidacy][]int{}}
	for _, r := range m.rounds {
		for _, id := range r.Nominees {
			k := candidacy{id, r.Award}
			m.seqs[k] = append(m.seqs[k], r.Seq)
		}
	}
	return m
}

// line writes one line without trailing spaces.
func (m *minutes) line(s string) {
	m.b.WriteString(strings.TrimRight(strings.ReplaceAll(s, glue, " "), " "))
	m.b.WriteByte('\n')
}

// blank writes an empty line.
func (m *minutes) blank() { m.b.WriteByte('\n') }

// para writes text wrapped to the page, the first line after prefix and the
// following lines indented to line up with the text after the prefix.
func (m *minutes) para(prefix, text string) {
	m.hang(prefix, strings.Repeat(" ", width(prefix)), text)
}

// item writes a list item "- label text" wrapped to the page, its following
// lines hanging under the text after the dash.
func (m *minutes) item(indent, label, text string) {
	m.hang(indent+"- "+label, indent+"  ", text)
}

// hang writes text wrapped to the page after first on the first line and
// after rest on the following lines.
func (m *minutes) hang(first, rest, text string) {
	for i, l := range wrapN(text, pageWidth-width(first), pageWidth-width(rest)) {
		if i == 0 {
			m.line(first + l)
		} else {
			m.line(rest + l)
		}
	}
}

// centred writes text wrapped to maxW and centred on the page.
func (m *minutes) centred(text string, maxW int) {
	for _, l := range wrap(text, maxW) {
		m.line(center(l, pageWidth))
	}
}

// ind returns the indentation of nesting level n.
func ind(n int) string { return strings.Repeat(" ", n*indentStep) }

// header writes the two-column heading: the agency and the number on the
// left, the national title, the motto and the place and date on the right.
func (m *minutes) header() {
	p := &m.rec.Plan
	lw, rw := headerLeft, pageWidth-headerLeft
	var left []string
	for _, s := range []string{p.Org.Superior, p.Org.Name} {
		if strings.TrimSpace(s) == "" {
			continue
		}
		for _, l := range wrap(strings.ToUpper(s), lw-2) {
			left = append(left, center(l, lw))
		}
	}
	orgW := 0
	if len(left) > 0 {
		orgW = width(strings.TrimSpace(left[len(left)-1]))
	}
	left = append(left, center(rule(min(max((orgW+1)/2, 8), lw-2)), lw))

	const nation, motto = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"
	right := []string{center(nation, rw), center(motto, rw), center(rule(width(motto)), rw)}
	for _, l := range sideBySide(left, right, lw) {
		m.line(l)
	}

	number := strings.TrimSpace(p.Meeting.Number)
	if number == "" {
		number = "      /BB-HĐTĐKT" // left blank to be numbered by hand
	}
	date := DateLine(p.Org.Place, m.date())
	if _, ok := meetingDate(p.Meeting.Date, m.rec.Meeting.StartedAt); !ok {
		date = placeOr(p.Org.Place) + "ngày    tháng    năm     "
	}
	m.blank()
	for _, l := range sideBySide([]string{center("Số: "+number, lw)}, []string{center(date, rw)}, lw) {
		m.line(l)
	}
}

// placeOr returns "place, " or "" when the place is unknown.
func placeOr(place string) string {
	if place == "" {
		return ""
	}
	return place + ", "
}

// date returns the meeting's date (zero when unknown).
func (m *minutes) date() time.Time {
	d, _ := meetingDate(m.rec.Plan.Meeting.Date, m.rec.Meeting.StartedAt)
	return d
}

// title writes the document type and its subject, centred.
func (m *minutes) title() {
	ref := m.rec.Plan.Ref
	m.blank()
	m.blank()
	m.line(center("BIÊN BẢN", pageWidth))
	m.centred("Họp Hội đồng Thi đua – Khen thưởng xét đề nghị khen thưởng", 70)
	var ctx []string
	if ref.Number != "" {
		s := "theo Kế hoạch số " + ref.Number
		if ref.Date != "" {
			s += " ngày " + shortDate(ref.Date)
		}
		ctx = append(ctx, s)
	}
	if t := planSubject(ref.Title); t != "" {
		ctx = append(ctx, "về việc "+t)
	}
	for _, c := range ctx {
		m.centred(c, 70)
	}
	m.line(center(rule(12), pageWidth))
	m.blank()
}

// timePlace writes section I: when and where the meeting was held.
func (m *minutes) timePlace() {
	m.line("I. THỜI GIAN, ĐỊA ĐIỂM")
	started := m.rec.Meeting.StartedAt
	switch {
	case !started.IsZero():
		m.item("", "Thời gian: ", "bắt đầu lúc "+clockWords(started)+", "+dateWords(started.In(model.Vietnam()))+".")
	case !m.date().IsZero():
		m.item("", "Thời gian: ", dateWords(m.date())+".")
	default:
		m.item("", "Thời gian: ", "chưa ghi nhận.")
	}
	place := trimEnd(m.rec.Plan.Meeting.Place)
	if place == "" {
		place = "chưa ghi nhận"
	}
	m.item("", "Địa điểm: ", place+".")
	m.blank()
}

// chair returns the member who presides: the chair if present, else a
// present vice-chair, else the chair of record.
func (m *minutes) chair() (model.MemberRecord, bool) {
	return m.memberWith(model.RoleChair, model.RoleViceChair)
}

// secretary returns the council's secretary.
func (m *minutes) secretary() (model.MemberRecord, bool) {
	return m.memberWith(model.RoleSecretary)
}

// memberWith returns the first present member with one of roles, tried in
// order, falling back to the first member with roles[0] whatever their
// attendance.
func (m *minutes) memberWith(roles ...model.Role) (model.MemberRecord, bool) {
	for _, r := range roles {
		for _, mr := range m.rec.Members {
			if mr.Role == r && mr.Attendance == model.AttendancePresent {
				return mr, true
			}
		}
	}
	for _, mr := range m.rec.Members {
		if mr.Role == roles[0] {
			return mr, true
		}
	}
	return model.MemberRecord{}, false
}

// who writes "Name – Position".
func who(name, position string) string {
	if position == "" {
		return name
	}
	return name + " – " + position
}

// composition writes section II: chair, secretary, members present and
// absent, quorum, counting committee.
func (m *minutes) composition() {
	m.line("II. THÀNH PHẦN")
	if c, ok := m.chair(); ok {
		m.para("1. Chủ tọa: ", who(c.Name, c.Position)+", "+lowerFirst(c.Role.Label())+".")
	} else {
		m.para("1. Chủ tọa: ", "chưa xác định.")
	}
	if s, ok := m.secretary(); ok {
		m.para("2. Thư ký: ", who(s.Name, s.Position)+", thư ký Hội đồng.")
	} else {
		m.para("2. Thư ký: ", "chưa xác định.")
	}
	m.para("3. Thành viên Hội đồng: ", voting.Quorum(m.rec).Text()+".")

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
	m.line(ind(1) + "a) Có mặt:")
	if len(present) == 0 {
		m.line(ind(2) + "Không có.")
	} else {
		t := table{
			indent: ind(2),
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
		m.table(t)
	}
	m.line(ind(1) + "b) Vắng mặt:")
	if len(absent) == 0 {
		m.line(ind(2) + "Không có.")
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
		m.para(fmt.Sprintf("%s%d) ", ind(2), i+1), who(mr.Name, mr.Position)+", "+lowerFirst(mr.Role.Label())+" ("+reason+").")
	}

	var head, tellers []string
	for _, mr := range m.rec.Members {
		switch {
		case mr.TellerHead:
			head = append(head, mr.Name)
		case mr.Teller:
			tellers = append(tellers, mr.Name)
		}
	}
	if len(head) == 0 && len(tellers) == 0 {
		m.para("4. Ban kiểm phiếu: ", "chưa lập.")
	} else {
		m.line("4. Ban kiểm phiếu:")
		m.item(ind(1), "Trưởng ban: ", orNone(strings.Join(head, ", "))+".")
		m.item(ind(1), "Ủy viên: ", orNone(strings.Join(tellers, ", "))+".")
	}
	m.blank()
}

// orNone returns s or "không có" when s is empty.
func orNone(s string) string {
	if s == "" {
		return "không có"
	}
	return s
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

// awardOf returns the plan's award with code, or a stand-in named by its code.
func awardOf(p *model.Plan, code string) model.Award {
	if a, ok := p.Award(code); ok {
		return a
	}
	return model.Award{Code: code, Name: code, Recipients: model.ForBoth, Rule: model.Rule{BallotRequired: true}}
}

// proposedFor returns the nominees of kind k proposed for award, in record order.
func (m *minutes) proposedFor(award string, k model.Kind) []*model.NomineeRecord {
	var out []*model.NomineeRecord
	for i := range m.rec.Nominees {
		n := &m.rec.Nominees[i]
		if n.Kind == k && slices.Contains(n.Awards, award) {
			out = append(out, n)
		}
	}
	return out
}

// kinds are the nominee kinds in the order the documents list them.
func kinds() []model.Kind { return []model.Kind{model.KindCollective, model.KindIndividual} }

// letter returns the i-th item letter: a, b, c…
func letter(i int) string { return string(rune('a' + i)) }

// review writes section III.1: every nominee reviewed, per award and kind.
func (m *minutes) review() {
	m.line("III. NỘI DUNG")
	var coll, indiv int
	for i := range m.rec.Nominees {
		if m.rec.Nominees[i].Kind == model.KindCollective {
			coll++
		} else {
			indiv++
		}
	}
	m.line("1. Xem xét hồ sơ đề nghị khen thưởng")
	m.para(ind(1), fmt.Sprintf("Hội đồng đã xem xét hồ sơ của %d tập thể và %d cá nhân được đề nghị khen thưởng, theo từng hình thức khen thưởng, như sau:", coll, indiv))
	no := 0
	for _, a := range m.awardsInOrder() {
		if len(m.proposedFor(a.Code, model.KindCollective))+len(m.proposedFor(a.Code, model.KindIndividual)) == 0 {
			continue // an award nobody was proposed for has nothing to record
		}
		no++
		m.blank()
		heading := a.Name
		if a.Superior && a.Authority != "" {
			heading += " (đề nghị " + a.Authority + " xét tặng)"
		} else if a.Authority != "" {
			heading += " (" + a.Authority + " tặng)"
		}
		m.para(fmt.Sprintf("1.%d. ", no), heading)
		li := 0
		for _, k := range kinds() {
			ns := m.proposedFor(a.Code, k)
			if len(ns) == 0 {
				continue
			}
			m.line(fmt.Sprintf("%s%s) %s:", ind(1), letter(li), k.Label()))
			li++
			m.criteria(m.rec.Plan.CriteriaFor(k, a.Code))
			for i, n := range ns {
				m.nominee(i+1, n, a)
			}
		}
	}
	if no == 0 {
		m.line(ind(1) + "Không có tập thể, cá nhân nào được đề nghị.")
	}
	m.blank()
}

// criteria lists, once per award and kind, the criteria each nominee's
// marks below refer to by number.
func (m *minutes) criteria(cs []model.Criterion) {
	if len(cs) == 0 {
		m.line(ind(2) + "Kế hoạch không quy định tiêu chuẩn xét.")
		return
	}
	m.line(ind(2) + "Tiêu chuẩn xét:")
	for i, c := range cs {
		text := trimEnd(c.Text)
		if c.Required {
			text += " (bắt buộc)"
		}
		m.para(fmt.Sprintf("%s(%d) ", ind(2), i+1), text+".")
	}
}

// nominee writes one nominee's review for award a.
func (m *minutes) nominee(no int, n *model.NomineeRecord, a model.Award) {
	p := &m.rec.Plan
	name := n.Name
	var detail []string
	for _, s := range []string{n.Position, n.Unit} {
		if s = strings.TrimSpace(s); s != "" {
			detail = append(detail, s)
		}
	}
	if len(detail) > 0 {
		name += " – " + strings.Join(detail, ", ")
	}
	m.para(fmt.Sprintf("%s%d) ", ind(2), no), name)
	sub := ind(3)
	if s := strings.TrimSpace(n.Summary); s != "" {
		m.item(sub, "Thành tích: ", s)
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
	m.item(sub, "Điều kiện khen thưởng: ", eligText)

	criteria := p.CriteriaFor(n.Kind, a.Code)
	cand := voting.Candidacy(n, a.Code)
	cl := voting.ChecklistOf(p, n, a.Code)
	switch {
	case len(criteria) == 0:
	case cl.Marked == 0 && (elig == model.EligibilityExcluded || elig == model.EligibilityDeferred):
		m.item(sub, "Tiêu chuẩn: ", "không xem xét.")
	default:
		marks := make([]string, len(criteria))
		for i := range criteria {
			var mark model.CriterionMark
			if cand != nil && i < len(cand.Marks) {
				mark = cand.Marks[i]
			}
			marks[i] = fmt.Sprintf("(%d)%s%s", i+1, glue, markLabel(mark.Mark))
			if note := trimEnd(mark.Note); note != "" {
				marks[i] += " – " + note
			}
		}
		m.item(sub, fmt.Sprintf("Tiêu chuẩn (đạt %d/%d): ", cl.Met, cl.Total), strings.Join(marks, "; ")+".")
	}
	if note := strings.TrimSpace(n.Note); note != "" {
		m.item(sub, "Ý kiến: ", note)
	}
	m.item(sub, "Kết quả xem xét: ", m.outcome(n, a))
}

// outcome says in a sentence what the review decided for n and award a.
func (m *minutes) outcome(n *model.NomineeRecord, a model.Award) string {
	if seqs := m.seqs[candidacy{n.ID, a.Code}]; len(seqs) > 0 {
		strs := make([]string, len(seqs))
		for i, q := range seqs {
			strs[i] = fmt.Sprint(q)
		}
		return "đủ điều kiện, đưa ra bỏ phiếu (vòng " + strings.Join(strs, ", ") + ")."
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
	m.line("2. Ý kiến thảo luận")
	d := strings.TrimSpace(m.rec.Meeting.Discussion)
	if d == "" {
		m.line(ind(1) + "Không có ý kiến khác.")
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
				lead, p = b, strings.TrimSpace(p[len(b):])
				break
			}
		}
		m.para(ind(1)+lead, p)
	}
	m.blank()
}

// sortedRounds returns the record's rounds ordered by sequence number.
func sortedRounds(rec *model.Record) []model.Round {
	rs := slices.Clone(rec.Rounds)
	slices.SortStableFunc(rs, func(a, b model.Round) int { return cmp.Compare(a.Seq, b.Seq) })
	return rs
}

// figures returns a round's ballot counts; an electronic round that did
// not record them has them derived from its voters and ballots.
func figures(r model.Round) (issued, returned, valid, invalid int) {
	issued, returned, valid, invalid = r.Issued, r.Returned, r.Valid, r.Invalid
	if r.Mode == model.RoundElectronic && issued == 0 && returned == 0 && valid == 0 && invalid == 0 {
		issued, returned, valid = r.Eligible, len(r.Voters), len(r.Ballots)
		invalid = max(returned-valid, 0)
	}
	return issued, returned, valid, invalid
}

// votes writes section III.3: the result of every closed round.
func (m *minutes) votes() {
	m.line("3. Kết quả bỏ phiếu")
	rs := m.rounds
	if len(rs) == 0 {
		m.line(ind(1) + "Không có vòng bỏ phiếu nào.")
	}
	for _, r := range rs {
		a := awardOf(&m.rec.Plan, r.Award)
		head := fmt.Sprintf("Vòng %d – %s – bỏ phiếu kín (%s)", r.Seq, a.Name, roundModeLabel(r.Mode))
		m.blank()
		m.para(ind(1), head)
		if r.Status != model.RoundClosed {
			m.item(ind(1), "", "Vòng bỏ phiếu chưa kết thúc; chưa có kết quả.")
			continue
		}
		issued, returned, valid, invalid := figures(r)
		m.item(ind(1), "Quy tắc: ", voting.RuleText(a.Rule)+".")
		m.item(ind(1), "", fmt.Sprintf("Số phiếu phát ra: %d; số phiếu thu về: %d.", issued, returned))
		m.item(ind(1), "", fmt.Sprintf("Số phiếu hợp lệ: %d; số phiếu không hợp lệ: %d.", valid, invalid))
		t := table{
			indent: ind(1) + "  ",
			cols: []column{
				{title: "STT", width: 3, right: true},
				{title: "Tập thể, cá nhân", width: 26},
				{title: "Đồng ý", width: 6, right: true},
				{title: "Không đồng ý", width: 12, right: true},
				{title: "Tỷ lệ", width: 7, right: true},
				{title: "Kết quả", width: 9},
			},
		}
		for i, l := range r.Results {
			name := fmt.Sprintf("(mã %d)", l.NomineeID)
			if n, ok := m.ix.Nominee(l.NomineeID); ok {
				name = n.Name
			}
			t.rows = append(t.rows, []string{
				fmt.Sprint(i + 1), name, fmt.Sprint(l.Agree), fmt.Sprint(l.Disagree),
				voting.FormatShare(l.Agree, l.Base), voting.VerdictLabel(l.Pass),
			})
		}
		m.table(t)
		if len(r.Results) > 0 {
			m.item(ind(1), "", fmt.Sprintf("Cách tính (tỷ lệ = số phiếu đồng ý / %s):", a.Rule.Base.Label()))
			for i, l := range r.Results {
				m.para(fmt.Sprintf("%s%d) ", ind(2), i+1), voting.Explain(l, a.Rule)+".")
			}
		}
	}
	m.blank()
}

// conclusion writes section IV: the nominees recommended for each award.
func (m *minutes) conclusion() {
	m.line("IV. KẾT LUẬN")
	m.para("", "Căn cứ kết quả xem xét và bỏ phiếu, Hội đồng Thi đua – Khen thưởng thống nhất đề nghị khen thưởng như sau:")
	no := 0
	for _, l := range m.ix.Recommended() {
		a := l.Award
		if len(l.Collective)+len(l.Individual) == 0 && !m.proposed(a.Code) {
			continue
		}
		no++
		heading := a.Name
		if a.Superior && a.Authority != "" {
			heading += " (đề nghị " + a.Authority + " xét tặng)"
		}
		m.para(fmt.Sprintf("%d. ", no), heading+":")
		li := 0
		for _, k := range kinds() {
			ids := l.Collective
			if k == model.KindIndividual {
				ids = l.Individual
			}
			if !a.Recipients.Allows(k) && len(ids) == 0 {
				continue
			}
			if len(ids) == 0 {
				m.line(fmt.Sprintf("%s%s) %s: Không có.", ind(1), letter(li), k.Label()))
				li++
				continue
			}
			m.line(fmt.Sprintf("%s%s) %s (%d):", ind(1), letter(li), k.Label(), len(ids)))
			li++
			for i, id := range ids {
				text := fmt.Sprintf("(mã %d)", id)
				if n, ok := m.ix.Nominee(id); ok {
					text = n.Name
					if k == model.KindIndividual {
						if d := strings.Join(nonEmpty(n.Position, n.Unit), ", "); d != "" {
							text += " – " + d
						}
					} else if n.Unit != "" {
						text += " – " + n.Unit
					}
				}
				m.para(fmt.Sprintf("%s%d) ", ind(2), i+1), text+".")
			}
		}
	}
	if no == 0 {
		m.line(ind(1) + "Không có tập thể, cá nhân nào được đề nghị khen thưởng.")
	}
	m.blank()
}

// proposed reports whether anyone was proposed for award code.
func (m *minutes) proposed(code string) bool {
	for i := range m.rec.Nominees {
		if slices.Contains(m.rec.Nominees[i].Awards, code) {
			return true
		}
	}
	return false
}

// nonEmpty returns the non-blank strings among ss.
func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// closing writes when the meeting ended.
func (m *minutes) closing() {
	mi := m.rec.Meeting
	if mi.Status != model.MeetingClosed || mi.ClosedAt.IsZero() {
		m.para("", "Phiên họp chưa kết thúc.")
		return
	}
	end := mi.ClosedAt.In(model.Vietnam())
	when := "Phiên họp kết thúc lúc " + clockWords(end)
	if s := mi.StartedAt.In(model.Vietnam()); !mi.StartedAt.IsZero() && s.YearDay() == end.YearDay() && s.Year() == end.Year() {
		when += " cùng ngày."
	} else {
		when += ", " + dateWords(end) + "."
	}
	m.para("", when)
}

// signatures writes the signature blocks: the secretary on the left, the
// chair on the right, names beneath the space for the signature.
func (m *minutes) signatures() {
	half := pageWidth / 2
	var sec, chair string
	if s, ok := m.secretary(); ok {
		sec = s.Name
	}
	if c, ok := m.chair(); ok {
		chair = c.Name
	}
	m.blank()
	m.line(center("THƯ KÝ", half) + center("CHỦ TỌA", half))
	for range 5 {
		m.blank()
	}
	m.line(center(sec, half) + center(chair, half))
}

// table writes a plain-text table.
func (m *minutes) table(t table) {
	for _, l := range t.render() {
		m.line(l)
	}
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
