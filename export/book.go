package export

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"hoidong/model"
	"hoidong/voting"
)

// book is one record indexed once, so that every lookup while building a
// document is cheap even for a sitting with thousands of nominees.
type book struct {
	rec       *model.Record
	ix        *voting.Index
	draft     bool                  // the meeting is not closed: its documents are drafts
	rounds    []model.Round         // by sequence number
	seqs      map[candidacy][]int   // rounds each candidacy was put to, in order
	revotes   map[int64][]int       // round id -> indexes in rounds of its re-votes
	decisions map[int64][]int       // round id -> indexes in rec.Decisions
	byID      map[int64]model.Round // rounds by id
	order     map[int64]int         // nominee id -> place in the record's (canonical) order
	outcomes  map[int64][]voting.LineOutcome
}

// candidacy identifies a nominee proposed for one award.
type candidacy struct {
	nominee int64
	award   string
}

// newBook indexes rec.
func newBook(rec *model.Record) *book {
	k := &book{
		rec: rec, ix: voting.NewIndex(rec), rounds: sortedRounds(rec), draft: isDraft(rec),
		seqs: map[candidacy][]int{}, revotes: map[int64][]int{}, decisions: map[int64][]int{},
		byID:     make(map[int64]model.Round, len(rec.Rounds)),
		order:    make(map[int64]int, len(rec.Nominees)),
		outcomes: make(map[int64][]voting.LineOutcome, len(rec.Rounds)),
	}
	for i := range rec.Nominees {
		if _, dup := k.order[rec.Nominees[i].ID]; !dup {
			k.order[rec.Nominees[i].ID] = i
		}
	}
	for i, r := range k.rounds {
		k.byID[r.ID] = r
		if r.Parent != 0 {
			k.revotes[r.Parent] = append(k.revotes[r.Parent], i)
		}
		for _, id := range r.Nominees {
			c := candidacy{id, r.Award}
			k.seqs[c] = append(k.seqs[c], r.Seq)
		}
	}
	for i, d := range rec.Decisions {
		k.decisions[d.Round] = append(k.decisions[d.Round], i)
	}
	for _, r := range k.rounds {
		if r.Status == model.RoundClosed {
			k.outcomes[r.ID] = k.ix.Outcomes(r)
		}
	}
	return k
}

// isDraft reports whether documents of rec are drafts: its meeting is not
// closed, so what they say can still change.
func isDraft(rec *model.Record) bool { return rec.Meeting.Status != model.MeetingClosed }

// newDoc starts a document of the book, a draft when the meeting is not closed.
func (k *book) newDoc(title string) *doc { return &doc{title: title, draft: k.draft} }

// lines returns a closed round's result lines with their verdicts, in the
// record's nominee order.
func (k *book) lines(r model.Round) []voting.LineOutcome { return k.outcomes[r.ID] }

// inOrder returns ids in the record's nominee order; ids the record does
// not list keep their order at the end.
func (k *book) inOrder(ids []int64) []int64 {
	out := slices.Clone(ids)
	slices.SortStableFunc(out, func(a, b int64) int { return cmp.Compare(k.place(a), k.place(b)) })
	return out
}

// place returns where nominee id comes in the record's order.
func (k *book) place(id int64) int {
	if p, ok := k.order[id]; ok {
		return p
	}
	return len(k.order)
}

// sortedRounds returns the record's rounds ordered by sequence number.
func sortedRounds(rec *model.Record) []model.Round {
	rs := slices.Clone(rec.Rounds)
	slices.SortStableFunc(rs, func(a, b model.Round) int { return cmp.Compare(a.Seq, b.Seq) })
	return rs
}

// closedRounds returns the closed rounds in order: only they have figures.
func (k *book) closedRounds() []model.Round {
	var out []model.Round
	for _, r := range k.rounds {
		if r.Status == model.RoundClosed {
			out = append(out, r)
		}
	}
	return out
}

// award returns the plan's award with code, or a stand-in named by its code.
func (k *book) award(code string) model.Award { return awardOf(&k.rec.Plan, code) }

// awardOf returns the plan's award with code, or a stand-in named by its code.
func awardOf(p *model.Plan, code string) model.Award {
	if a, ok := p.Award(code); ok {
		return a
	}
	return model.Award{Code: code, Name: code, Recipients: model.ForBoth, Rule: model.Rule{BallotRequired: true}}
}

// name returns a nominee's name, or a placeholder naming its id.
func (k *book) name(id int64) string {
	if n, ok := k.ix.Nominee(id); ok {
		return n.Name
	}
	return fmt.Sprintf("(mã %d)", id)
}

// names joins the names of ids with commas.
func (k *book) names(ids []int64) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = k.name(id)
	}
	return strings.Join(out, ", ")
}

// presider returns the member who presides over the meeting, as the
// record says (model.Record.Presiding).
func (k *book) presider() (model.MemberRecord, bool) { return k.rec.Presiding() }

// secretary returns the council's secretary.
func (k *book) secretary() (model.MemberRecord, bool) {
	for _, mr := range k.rec.Members {
		if mr.Role == model.RoleSecretary {
			return mr, true
		}
	}
	return model.MemberRecord{}, false
}

// presiderName and secretaryName return the names for the signature
// blocks; "" leaves the name to write by hand.
func (k *book) presiderName() string {
	c, _ := k.presider()
	return c.Name
}

func (k *book) secretaryName() string {
	s, _ := k.secretary()
	return s.Name
}

// chairOfRecord returns the name of the member whose role is chair,
// whatever their attendance: the head of the organisation, who signs what
// the organisation sends after the meeting.
func (k *book) chairOfRecord() string {
	for _, mr := range k.rec.Members {
		if mr.Role == model.RoleChair {
			return mr.Name
		}
	}
	return ""
}

// signTitles returns the titles over the signatures of the minutes: the
// plan's, else THƯ KÝ and CHỦ TỌA.
func (k *book) signTitles() (secretary, presiding string) {
	m := k.rec.Plan.Meeting
	secretary, presiding = strings.TrimSpace(m.SignSecretary), strings.TrimSpace(m.SignPresiding)
	if secretary == "" {
		secretary = model.DefaultSignSecretary
	}
	if presiding == "" {
		presiding = model.DefaultSignPresiding
	}
	return secretary, presiding
}

// hasNonVoting reports whether the council has members without a vote
// (usually the secretary): then a share of "all members" says it counts
// only those who have one.
func (k *book) hasNonVoting() bool {
	for _, mr := range k.rec.Members {
		if !mr.Votes {
			return true
		}
	}
	return false
}

// baseWords names what a share in round r is taken of, with its size:
// "tổng số thành viên Hội đồng có quyền biểu quyết (8)".
func (k *book) baseWords(b model.Base, r model.Round) string {
	_, _, valid, _ := figures(r)
	switch b {
	case model.BaseAllMembers:
		if k.hasNonVoting() {
			return fmt.Sprintf("tổng số thành viên Hội đồng có quyền biểu quyết (%d)", r.AllMembers)
		}
		return fmt.Sprintf("tổng số thành viên Hội đồng (%d)", r.AllMembers)
	case model.BasePresent:
		if k.hasNonVoting() {
			return fmt.Sprintf("số thành viên có quyền biểu quyết có mặt (%s)", presentBase(r))
		}
		return fmt.Sprintf("số thành viên có mặt (%s)", presentBase(r))
	case model.BaseValid:
		return fmt.Sprintf("số phiếu hợp lệ (%d)", valid)
	}
	return b.Label()
}

// ruleWords states an award's rule for round r: "Bỏ phiếu kín; đạt khi số
// phiếu đồng ý từ 70% trở lên so với tổng số thành viên Hội đồng có quyền
// biểu quyết (8)".
func (k *book) ruleWords(a model.Award, r model.Round) string {
	if !a.Rule.BallotRequired {
		return voting.RuleText(a.Rule)
	}
	return "Bỏ phiếu kín; đạt khi số phiếu đồng ý " + thresholdWords(a.Rule) + " " + k.baseWords(a.Rule.Base, r)
}

// roundQuorum is the quorum of round r: the members with a vote present
// when it opened against all those with one, by the plan's rule.
func (k *book) roundQuorum(r model.Round) voting.QuorumState {
	q := voting.QuorumState{Rule: voting.Quorum(k.rec).Rule, Present: r.Eligible, Total: r.AllMembers}
	q.Met = q.Total > 0 && int64(q.Present)*q.Rule.Den >= q.Rule.Num*int64(q.Total)
	return q
}

// tellers returns the counting committee: the head first, then the others
// in record order.
func (k *book) tellers() (head, others []model.MemberRecord) {
	for _, mr := range k.rec.Members {
		switch {
		case mr.TellerHead:
			head = append(head, mr)
		case mr.Teller:
			others = append(others, mr)
		}
	}
	return head, others
}

// date returns the date the documents carry (zero when unknown): the one
// the secretary confirmed, else the day the meeting sat, else the plan's.
func (k *book) date() time.Time {
	d, err := time.Parse(time.DateOnly, k.rec.DocumentDate())
	if err != nil {
		return time.Time{}
	}
	return d
}

// dayOf returns the calendar day the documents give an instant of the
// meeting: its day in Vietnam time, moved as far as the date the secretary
// confirmed is from the day the machine's clock says the meeting sat, so
// that the times of day and the dates agree with the header.
func (k *book) dayOf(t time.Time) time.Time {
	v := t.In(model.Vietnam())
	day := time.Date(v.Year(), v.Month(), v.Day(), 0, 0, 0, 0, time.UTC)
	confirmed, err1 := time.Parse(time.DateOnly, k.rec.Meeting.MinutesDate)
	sat, err2 := time.Parse(time.DateOnly, k.rec.SatOn())
	if err1 == nil && err2 == nil {
		day = day.AddDate(0, 0, int(confirmed.Sub(sat).Hours()/24))
	}
	return day
}

// whenWords writes "08 giờ 30 phút, ngày 15 tháng 12 năm 2023" in Vietnam
// time, on the day the documents give t.
func (k *book) whenWords(t time.Time) string {
	return clockWords(t) + ", " + dateWords(k.dayOf(t))
}

// dateLine returns the place and date of the documents in words, or a line
// with blanks to fill in by hand when the date is unknown.
func (k *book) dateLine() string {
	p := &k.rec.Plan
	if k.date().IsZero() {
		gap := strings.Repeat(glue, 4)
		return placeOr(p.Org.Place) + "ngày" + gap + "tháng" + gap + "năm" + gap
	}
	return DateLine(p.Org.Place, k.date())
}

// placeOr returns "place, " or "" when the place is unknown.
func placeOr(place string) string {
	if place == "" {
		return ""
	}
	return place + ", "
}

// councilName returns the council's name, or the generic one.
func (k *book) councilName() string {
	if n := strings.TrimSpace(k.rec.Plan.Council.Name); n != "" {
		return n
	}
	return "Hội đồng Thi đua – Khen thưởng"
}

// councilHeader is the heading of the council's own documents: the
// organisation above, the council in bold beneath.
func (k *book) councilHeader(number, date string) header {
	var left []headLine
	if s := strings.TrimSpace(k.rec.Plan.Org.Name); s != "" {
		left = append(left, headLine{text: strings.ToUpper(s)})
	}
	for _, l := range splitCouncil(strings.ToUpper(k.councilName())) {
		left = append(left, headLine{text: l, bold: true})
	}
	return header{left: left, number: number, date: date}
}

// orgHeader is the heading of the organisation's documents (the
// submission): its superior above, the organisation in bold beneath.
func (k *book) orgHeader(number, date string) header {
	var left []headLine
	if s := strings.TrimSpace(k.rec.Plan.Org.Superior); s != "" {
		left = append(left, headLine{text: strings.ToUpper(s)})
	}
	if s := strings.TrimSpace(k.rec.Plan.Org.Name); s != "" {
		left = append(left, headLine{text: strings.ToUpper(s), bold: true})
	}
	return header{left: left, number: number, date: date}
}

// splitCouncil breaks a council's name after "KHEN THƯỞNG" so that the
// place it belongs to goes on its own line, as a heading is laid out.
func splitCouncil(s string) []string {
	const key = "KHEN THƯỞNG"
	i := strings.Index(s, key)
	if i < 0 {
		return []string{s}
	}
	head, tail := strings.TrimSpace(s[:i+len(key)]), strings.TrimSpace(s[i+len(key):])
	if tail == "" {
		return []string{head}
	}
	return []string{head, tail}
}

// minutesRef names the minutes for other documents: "Biên bản họp … số
// 01/BB-HĐTĐKT ngày 15/12/2023".
func (k *book) minutesRef() string {
	s := "Biên bản họp " + k.councilName()
	if n := strings.TrimSpace(k.rec.Plan.Meeting.Number); n != "" {
		s += " số " + n
	}
	if d := k.date(); !d.IsZero() {
		s += " ngày " + d.Format("02/01/2006")
	}
	return s
}

// planRef names the plan: "Kế hoạch số 11/KH-UBND ngày 15/01/2023 của UBND
// thị trấn Như Quỳnh về việc …".
func (k *book) planRef() string {
	ref := k.rec.Plan.Ref
	if ref.Number == "" {
		return ""
	}
	s := "Kế hoạch số " + ref.Number
	if ref.Date != "" {
		s += " ngày " + shortDate(ref.Date)
	}
	if o := k.rec.Plan.Org.Name; o != "" {
		s += " của " + o
	}
	if t := planSubject(ref.Title); t != "" {
		s += " về việc " + t
	}
	return s
}

// year returns the emulation year: the plan's, else the meeting's.
func (k *book) year() int {
	if y := k.rec.Plan.Ref.Year; y > 0 {
		return y
	}
	return k.date().Year()
}

// presiding returns the signature block of whoever signs for the council
// as the one presiding: the chair; a vice-chair on the chair's behalf; or
// the member the council chose, under the minutes' title (CHỦ TỌA).
func (k *book) presiding() sigCol {
	c, ok := k.presider()
	roles := []string{"TM. HỘI ĐỒNG"}
	switch {
	case ok && c.Role == model.RoleChair:
		roles = append(roles, "CHỦ TỊCH")
	case ok && c.Role == model.RoleViceChair:
		roles = append(roles, "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
	default:
		_, title := k.signTitles()
		roles = []string{title}
	}
	return sigCol{roles: roles, names: []string{c.Name}}
}

// minuteSigs are the signature blocks of the minutes: the secretary on the
// left, whoever presides on the right, under the plan's titles.
func (k *book) minuteSigs() signatures {
	sec, pres := k.signTitles()
	return signatures{cols: []sigCol{
		{roles: []string{sec}, names: []string{k.secretaryName()}},
		{roles: []string{pres}, names: []string{k.presiderName()}},
	}}
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

// tied returns where round r's passing nominees stand against the
// award's quota: those tied at the quota line, and the re-vote rounds that
// settle the tie.
func (k *book) tied(r model.Round) ([]int64, []model.Round) {
	st := k.ix.Standing(r)
	var rounds []model.Round
	for _, i := range k.revotes[r.ID] {
		rounds = append(rounds, k.rounds[i])
	}
	return k.inOrder(st.Tied), rounds
}

// roundDecisions returns the chair's decisions on round r's tie.
func (k *book) roundDecisions(r model.Round) []model.ChairDecision {
	var out []model.ChairDecision
	for _, i := range k.decisions[r.ID] {
		out = append(out, k.rec.Decisions[i])
	}
	return out
}

// roundHeading names a round: "Vòng 3 – Giấy khen … – bỏ phiếu lại các
// đối tượng bằng phiếu ở vòng 1, còn 1 suất".
func (k *book) roundHeading(r model.Round) string {
	s := fmt.Sprintf("Vòng %d – %s", r.Seq, k.award(r.Award).Name)
	if re := k.revoteOf(r); re != "" {
		s += " – " + re
	}
	return s
}

// revoteOf says which round a re-vote settles and how many places are
// still at stake: "bỏ phiếu lại các đối tượng bằng phiếu ở vòng 1, còn 1
// suất"; "" for a round that is not a re-vote.
func (k *book) revoteOf(r model.Round) string {
	p, ok := k.byID[r.Parent]
	if !ok || r.Parent == 0 {
		return ""
	}
	s := fmt.Sprintf("bỏ phiếu lại các đối tượng bằng phiếu ở vòng %d", p.Seq)
	if n, ok := k.ix.PlacesAtStake(r); ok {
		s += fmt.Sprintf(", còn %d suất", n)
	}
	return s
}

// modeText describes how a round's ballots were cast.
func modeText(m model.RoundMode) string {
	if m == model.RoundPaper {
		return "bỏ phiếu kín bằng phiếu giấy; Ban kiểm phiếu đếm phiếu, số liệu được nhập vào chương trình"
	}
	return "bỏ phiếu kín điện tử tại máy, lần lượt từng thành viên; chương trình kiểm phiếu khi đóng vòng, dưới sự giám sát của Ban kiểm phiếu"
}

// quotaText describes an award's quota, with the arithmetic of a share,
// or "" for none.
func (k *book) quotaText(a model.Award) string { return voting.QuotaText(k.rec, a) }

// recommended returns the conclusion per award: the nominees passed within
// the quota, the ties settled by re-vote or by the chair.
func (k *book) recommended() []voting.AwardList { return k.ix.Recommended() }

// resultOf returns the result line that decided nominee id for award.
func (k *book) resultOf(id int64, award string) (model.Round, model.ResultLine, bool) {
	return k.ix.Result(id, award)
}

// kinds are the nominee kinds in the order the documents list them.
func kinds() []model.Kind { return []model.Kind{model.KindCollective, model.KindIndividual} }

// idsOf returns the list's ids of kind k.
func idsOf(l voting.AwardList, k model.Kind) []int64 {
	if k == model.KindIndividual {
		return l.Individual
	}
	return l.Collective
}

// letter returns the i-th item letter: a, b, c…
func letter(i int) string { return string(rune('a' + i)) }

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

// orNone returns s or "không có" when s is empty.
func orNone(s string) string {
	if s == "" {
		return "không có"
	}
	return s
}

// who writes "Name – Position".
func who(name, position string) string {
	if position == "" {
		return name
	}
	return name + " – " + position
}
