package export

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"hoidong/model"
	"hoidong/voting"
)

// The draft decision (quyết định) that grants an award of the meeting's
// own level — the seed's Giấy khen of the town chairman — to those the
// council recommended, laid out as Decree 30/2020 lays out a decision,
// with its attached list on pages of its own.

// hasOwnLevel reports whether the plan has an award granted at the
// meeting's own level.
func (k *book) hasOwnLevel() bool {
	for _, a := range k.rec.Plan.Awards {
		if !a.Superior {
			return true
		}
	}
	return false
}

// decisionLists returns the recommended lists of the awards granted at the
// meeting's own level that have anyone on them, in the plan's order.
func (k *book) decisionLists() []voting.AwardList {
	var out []voting.AwardList
	for _, l := range k.recommended() {
		if !l.Award.Superior && len(l.Collective)+len(l.Individual) > 0 {
			out = append(out, l)
		}
	}
	return out
}

// issuer returns the body that issues the decision, in capitals: the
// plan's, else the organisation's name with "UBND" written out.
func (k *book) issuer() string {
	if s := strings.TrimSpace(k.rec.Plan.Decision.Issuer); s != "" {
		return strings.ToUpper(s)
	}
	s := strings.ToUpper(strings.TrimSpace(k.rec.Plan.Org.Name))
	if rest, ok := strings.CutPrefix(s, "UBND "); ok {
		s = "ỦY BAN NHÂN DÂN " + rest
	}
	return s
}

// issuerLines breaks the issuing body for the heading: "ỦY BAN NHÂN DÂN"
// above the place it belongs to.
func issuerLines(s string) []string {
	const key = "ỦY BAN NHÂN DÂN"
	if rest, ok := strings.CutPrefix(s, key+" "); ok {
		return []string{key, strings.TrimSpace(rest)}
	}
	return []string{s}
}

// signer returns who decides, in capitals, as the line under the subject
// states it: the plan's, else "CHỦ TỊCH" and the issuing body.
func (k *book) signer() string {
	if s := strings.TrimSpace(k.rec.Plan.Decision.Signer); s != "" {
		return strings.ToUpper(s)
	}
	return "CHỦ TỊCH " + k.issuer()
}

// decisionNumber returns "Số: 25/QĐ-UBND", or the number left blank.
func (k *book) decisionNumber() string {
	if n := strings.TrimSpace(k.rec.Plan.Decision.Number); n != "" {
		return n
	}
	n := strings.Repeat(glue, 6) + "/QĐ"
	if a := abbrev(k.rec.Plan.Org.Name); a != "" {
		n += "-" + a
	}
	return n
}

// decisionDate returns the decision's date: the plan's, else the year of
// the meeting with the day and month left blank to date it when signed.
func (k *book) decisionDate() (time.Time, bool) {
	d, err := time.Parse(time.DateOnly, k.rec.Plan.Decision.Date)
	return d, err == nil
}

// decisionDateLine is the place and date of the decision.
func (k *book) decisionDateLine() string {
	if d, ok := k.decisionDate(); ok {
		return DateLine(k.rec.Plan.Org.Place, d)
	}
	return placeOr(k.rec.Plan.Org.Place) + k.blankDate()
}

// blankDate writes "ngày      tháng      năm 2023", day and month to fill
// in by hand.
func (k *book) blankDate() string {
	gap := strings.Repeat(glue, 6)
	s := "ngày" + gap + "tháng" + gap + "năm"
	if d := k.date(); !d.IsZero() {
		s += fmt.Sprintf(" %d", d.Year())
	}
	return s
}

// awardObject names what a decision gives: a form of award by its name
// ("Giấy khen của Chủ tịch UBND thị trấn"), an emulation title as such
// ("danh hiệu Lao động tiên tiến"). The name keeps its capitals.
func awardObject(a model.Award) string {
	for _, form := range []string{"Giấy khen", "Bằng khen", "Huân chương", "Huy chương", "Kỷ niệm chương", "Cờ thi đua", "Huân, Huy chương"} {
		if strings.HasPrefix(a.Name, form) {
			return a.Name
		}
	}
	return "danh hiệu " + a.Name
}

// bases returns the legal bases of the decision: the plan's, then the plan
// the meeting was held under and the minutes of the meeting, each a
// "Căn cứ …" sentence ending in a semicolon.
func (k *book) bases() []string {
	var out []string
	for _, b := range k.rec.Plan.Decision.Bases {
		b = strings.TrimRight(strings.TrimSpace(b), " .;,")
		if b == "" {
			continue
		}
		if !strings.HasPrefix(strings.ToLower(b), "căn cứ") {
			b = "Căn cứ " + b
		}
		out = append(out, b+";")
	}
	if ref := k.planRef(); ref != "" {
		out = append(out, "Căn cứ "+ref+";")
	}
	out = append(out, "Căn cứ "+k.minutesRef()+";")
	return out
}

// executors returns who carries the decision out, before the nominees
// themselves: the plan's, else the organisation's office.
func (k *book) executors() string {
	var ex []string
	for _, e := range k.rec.Plan.Decision.Executors {
		if e = strings.TrimRight(strings.TrimSpace(e), " .;,"); e != "" {
			ex = append(ex, e)
		}
	}
	if len(ex) == 0 {
		if org := strings.TrimSpace(k.rec.Plan.Org.Name); org != "" {
			ex = []string{"Văn phòng " + org}
		} else {
			ex = []string{"Các bộ phận có liên quan"}
		}
	}
	return strings.Join(ex, ", ")
}

// recipientLines are the decision's "Nơi nhận".
func (k *book) recipientLines() []string {
	lines := []string{"- Như Điều 3;"}
	for _, r := range k.rec.Plan.Decision.Recipients {
		if r = strings.TrimRight(strings.TrimSpace(r), " .;,"); r != "" {
			lines = append(lines, "- "+r+";")
		}
	}
	return append(lines, "- Lưu: VT, HĐTĐKT.")
}

// signTitle is the title over the decision's signature.
func (k *book) signTitle() string {
	if s := strings.TrimSpace(k.rec.Plan.Decision.SignTitle); s != "" {
		return s
	}
	return "CHỦ TỊCH"
}

// buildDecision lays out the draft quyết định: one for each award granted
// at the meeting's own level that the council recommended anyone for, each
// in its own section, followed by its attached list in a section of its
// own (an attachment numbers its pages apart).
func buildDecision(k *book) *doc {
	d := k.newDoc("Quyết định khen thưởng")
	lists := k.decisionLists()
	if len(lists) == 0 {
		d.add(k.decisionHeader())
		d.titleBlock("QUYẾT ĐỊNH", "Về việc khen thưởng")
		d.text(0, "", "Hội đồng không đề nghị tập thể, cá nhân nào cho hình thức khen thưởng do cấp này tặng; không cần lập quyết định.")
		return d
	}
	for i, l := range lists {
		if i > 0 {
			d.add(sectionBreak{})
		}
		k.decision(d, l)
		d.add(sectionBreak{})
		k.decisionList(d, l)
	}
	return d
}

// decisionHeader is the heading of a decision: the issuing body on the
// left, its number beneath; the national title and motto, and the place
// and date on the right.
func (k *book) decisionHeader() header {
	var left []headLine
	for _, l := range issuerLines(k.issuer()) {
		left = append(left, headLine{text: l, bold: true})
	}
	return header{left: left, number: "Số: " + k.decisionNumber(), date: k.decisionDateLine()}
}

// decision writes the decision that grants the award of list l.
func (k *book) decision(d *doc, l voting.AwardList) {
	a := l.Award
	obj := awardObject(a)
	d.add(k.decisionHeader())
	d.titleBlock("QUYẾT ĐỊNH", "Về việc tặng "+obj)
	d.add(para{role: roleCentred, keep: true, spans: []span{{text: k.signer(), bold: true}}}, blank{})
	bases := k.bases()
	if p := strings.TrimRight(strings.TrimSpace(k.rec.Plan.Decision.Proposer), " .;,"); p != "" {
		bases = append(bases, "Theo đề nghị của "+p+".")
	} else {
		last := bases[len(bases)-1]
		bases[len(bases)-1] = strings.TrimSuffix(last, ";") + "."
	}
	for _, b := range bases {
		d.add(para{spans: []span{{text: b, italic: true}}})
	}
	d.add(blank{}, para{role: roleSubject, keep: true, spans: []span{{text: "QUYẾT ĐỊNH:", bold: true}}}, blank{})

	reason := strings.TrimRight(strings.TrimSpace(a.Reason), " .;,")
	if reason == "" {
		reason = strings.Repeat(".", 40)
	}
	d.add(para{spans: []span{{text: "Điều 1. ", bold: true},
		{text: fmt.Sprintf("Tặng %s cho %s (có danh sách kèm theo), đã có thành tích %s.", obj, countWords(len(l.Collective), len(l.Individual)), reason)}}})
	d.add(para{spans: []span{{text: "Điều 2. ", bold: true}, {text: k.rewardText(a, obj, len(l.Collective) > 0, len(l.Individual) > 0)}}})
	d.add(para{spans: []span{{text: "Điều 3. ", bold: true},
		{text: "Quyết định này có hiệu lực kể từ ngày ký. " + k.executors() + " và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./."}}})
	d.add(recipients{
		lines: k.recipientLines(),
		sig:   sigCol{roles: []string{k.signTitle()}, names: []string{k.orgHead()}},
	})
}

// rewardText is Điều 2: the cash that goes with the award to each
// collective and each individual, as a multiple of the base salary and,
// when the plan gives the base salary, in figures and in words; a blank to
// fill in by hand where the plan states none.
func (k *book) rewardText(a model.Award, obj string, collectives, individuals bool) string {
	var parts []string
	each := func(who string, f model.Fraction) {
		s := "mỗi " + who + " được tặng " + obj + " kèm theo tiền thưởng "
		m := model.MultipleText(f)
		switch {
		case m == "":
			s += strings.Repeat(".", 20) + " đồng"
		case k.rec.Plan.Decision.BaseSalary > 0:
			amount := rewardAmount(f, k.rec.Plan.Decision.BaseSalary)
			s += fmt.Sprintf("%s lần mức lương cơ sở, là %s đồng (bằng chữ: %s)", m, moneyFigures(amount), moneyWords(amount))
		default:
			s += m + " lần mức lương cơ sở"
		}
		parts = append(parts, s)
	}
	if collectives {
		each("tập thể", a.RewardCollective)
	}
	if individuals {
		each("cá nhân", a.RewardIndividual)
	}
	s := strings.Join(parts, "; ")
	if s != "" {
		s = upperFirst(s) + "."
	}
	if f := strings.TrimRight(strings.TrimSpace(k.rec.Plan.Decision.Fund), " .;,"); f != "" {
		s += " Kinh phí khen thưởng chi từ " + f + "."
	}
	return s
}

// rewardAmount is multiple f of the base salary in đồng, rounded up to
// the next ten thousand đồng, as the rules on rewards round it.
func rewardAmount(f model.Fraction, base int64) int64 {
	if f.Den <= 0 {
		return 0
	}
	const step = 10000
	den := f.Den * step
	return (f.Num*base + den - 1) / den * step
}

// decisionList writes the list attached to the decision of list l: the
// collectives, then the individuals, in the record's order.
func (k *book) decisionList(d *doc, l voting.AwardList) {
	a := l.Award
	d.add(para{role: roleTitle, keep: true, spans: []span{{text: "DANH SÁCH", bold: true}}},
		para{role: roleSubject, keep: true, spans: []span{{text: whoWords(len(l.Collective), len(l.Individual)) + " được tặng " + awardObject(a), bold: true}}})
	when := k.blankDate()
	if dt, ok := k.decisionDate(); ok {
		when = dateWords(dt)
	}
	d.add(para{role: roleCentred, keep: true, spans: []span{{text: "(Kèm theo Quyết định số " + k.decisionNumber() + " " + when + ")", italic: true}}},
		shortRule{width: 12})
	if k.draft {
		d.add(para{role: roleDraft, keep: true, spans: []span{{text: draftMark, bold: true}}},
			para{role: roleCentred, keep: true, spans: []span{{text: draftNote, italic: true}}})
	}
	d.add(blank{})
	no := 0
	for _, kind := range kinds() {
		ids := idsOf(l, kind)
		if len(ids) == 0 {
			continue
		}
		no++
		d.add(para{role: roleSection, spans: []span{{text: fmt.Sprintf("%s. %s (%02d)", roman(no), strings.ToUpper(kind.Label()), len(ids)), bold: true}}})
		nameTitle, unitTitle := "Tên tập thể", "Đơn vị"
		if kind == model.KindIndividual {
			nameTitle, unitTitle = "Họ và tên", "Chức vụ, đơn vị"
		}
		t := tableBlock{cols: []column{
			{title: "STT", width: 3, right: true},
			{title: nameTitle, width: 30},
			{title: unitTitle, width: 41},
		}}
		for i, id := range ids {
			t.rows = append(t.rows, []string{strconv.Itoa(i + 1), k.name(id), k.unitOf(id)})
		}
		d.add(t)
	}
}

// unitOf writes where a nominee belongs: an individual's position and
// unit, a collective's unit.
func (k *book) unitOf(id int64) string {
	n, ok := k.ix.Nominee(id)
	if !ok {
		return ""
	}
	if n.Kind == model.KindIndividual {
		return strings.Join(nonEmpty(n.Position, n.Unit), ", ")
	}
	return strings.TrimSpace(n.Unit)
}

// decisionRows is the decision's attached list as a table: one row per
// collective or individual per award granted at this level.
func decisionRows(k *book) [][]string {
	rows := [][]string{{"Quyết định số", "Danh hiệu/Hình thức", "Loại", "STT", "Tên", "Chức vụ", "Đơn vị",
		"Tiền thưởng (lần mức lương cơ sở)", "Tiền thưởng (đồng)"}}
	for _, l := range k.decisionLists() {
		for _, kind := range kinds() {
			f := l.Award.RewardCollective
			if kind == model.KindIndividual {
				f = l.Award.RewardIndividual
			}
			multiple, amount := model.MultipleText(f), ""
			if multiple != "" && k.rec.Plan.Decision.BaseSalary > 0 {
				amount = strconv.FormatInt(rewardAmount(f, k.rec.Plan.Decision.BaseSalary), 10)
			}
			for i, id := range idsOf(l, kind) {
				var pos, unit string
				if n, ok := k.ix.Nominee(id); ok {
					pos, unit = n.Position, n.Unit
				}
				rows = append(rows, []string{strings.TrimSpace(k.rec.Plan.Decision.Number), l.Award.Name, kind.Label(), strconv.Itoa(i + 1),
					k.name(id), pos, unit, multiple, amount})
			}
		}
	}
	return rows
}

// The decision as JSON: what a document system needs to fill in its own
// form of the decision.
type (
	jsonGrants struct {
		SchemaVersion int         `json:"schema_version"`
		Draft         bool        `json:"draft"`
		Decisions     []jsonGrant `json:"decisions"`
	}
	jsonGrant struct {
		Award      string         `json:"award"`
		Number     string         `json:"number"`
		Date       string         `json:"date"`
		Issuer     string         `json:"issuer"`
		Subject    string         `json:"subject"`
		Signer     string         `json:"signer"`
		Bases      []string       `json:"bases"`
		Articles   []string       `json:"articles"`
		Recipients []string       `json:"recipients"`
		SignTitle  string         `json:"sign_title"`
		SignerName string         `json:"signer_name"`
		List       []jsonGrantRow `json:"list"`
	}
	jsonGrantRow struct {
		No        int    `json:"no"`
		Kind      string `json:"kind"`
		NomineeID int64  `json:"nominee_id"`
		Name      string `json:"name"`
		Position  string `json:"position"`
		Unit      string `json:"unit"`
		Reward    string `json:"reward_multiple"`
		Amount    int64  `json:"reward_dong"`
	}
)

// decisionJSON writes the decisions of rec as JSON.
// writeDecisionJSON writes decisionJSON's text to w.
func writeDecisionJSON(w io.Writer, k *book) error {
	b, err := decisionJSON(k.rec, k)
	if err == nil {
		_, err = w.Write(b)
	}
	return err
}

func decisionJSON(_ *model.Record, k *book) ([]byte, error) {
	out := jsonGrants{SchemaVersion: 1, Draft: k.draft, Decisions: []jsonGrant{}}
	for _, l := range k.decisionLists() {
		d := &doc{}
		k.decision(d, l)
		var articles []string
		for _, b := range d.blocks {
			if p, ok := b.(para); ok && len(p.spans) > 1 && strings.HasPrefix(p.spans[0].text, "Điều ") {
				articles = append(articles, strings.ReplaceAll(plain(p.spans), glue, " "))
			}
		}
		date := ""
		if dt, ok := k.decisionDate(); ok {
			date = dt.Format(time.DateOnly)
		}
		jd := jsonGrant{
			Award: l.Award.Code, Number: strings.TrimSpace(k.rec.Plan.Decision.Number), Date: date, Issuer: k.issuer(),
			Subject: "Về việc tặng " + awardObject(l.Award), Signer: k.signer(), Bases: k.bases(), Articles: articles,
			Recipients: k.recipientLines(), SignTitle: k.signTitle(), SignerName: k.orgHead(), List: []jsonGrantRow{},
		}
		if p := strings.TrimRight(strings.TrimSpace(k.rec.Plan.Decision.Proposer), " .;,"); p != "" {
			jd.Bases = append(jd.Bases, "Theo đề nghị của "+p+".")
		}
		for _, kind := range kinds() {
			f := l.Award.RewardCollective
			if kind == model.KindIndividual {
				f = l.Award.RewardIndividual
			}
			var amount int64
			if model.MultipleText(f) != "" && k.rec.Plan.Decision.BaseSalary > 0 {
				amount = rewardAmount(f, k.rec.Plan.Decision.BaseSalary)
			}
			for i, id := range idsOf(l, kind) {
				row := jsonGrantRow{No: i + 1, Kind: kind.String(), NomineeID: id, Name: k.name(id), Reward: model.MultipleText(f), Amount: amount}
				if n, ok := k.ix.Nominee(id); ok {
					row.Position, row.Unit = n.Position, n.Unit
				}
				jd.List = append(jd.List, row)
			}
		}
		out.Decisions = append(out.Decisions, jd)
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return nil, err
	}
	return norm.NFC.Bytes(append(b, '\n')), nil
}

// moneyFigures writes an amount of đồng with dots between thousands:
// 1080000 as "1.080.000".
func moneyFigures(n int64) string {
	s := strconv.FormatInt(n, 10)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// moneyWords writes an amount of đồng in words, as a payment order does:
// 1080000 as "Một triệu không trăm tám mươi nghìn đồng".
func moneyWords(n int64) string {
	if n == 0 {
		return "Không đồng"
	}
	units := []string{"", " nghìn", " triệu", " tỷ", " nghìn tỷ", " triệu tỷ"}
	var groups []int64
	for n > 0 {
		groups = append(groups, n%1000)
		n /= 1000
	}
	var parts []string
	for i := len(groups) - 1; i >= 0; i-- {
		g := groups[i]
		if g == 0 {
			continue
		}
		parts = append(parts, hundredWords(g, i == len(groups)-1)+units[i])
	}
	return upperFirst(strings.Join(parts, " ") + " đồng")
}

// hundredWords reads a group of three digits; a group that is not the
// leading one reads its hundreds even when they are zero ("không trăm").
func hundredWords(g int64, leading bool) string {
	digits := []string{"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"}
	h, t, u := g/100, g/10%10, g%10
	var w []string
	if h > 0 || !leading {
		w = append(w, digits[h], "trăm")
	}
	switch {
	case t == 0 && u == 0:
	case t == 0:
		if len(w) > 0 {
			w = append(w, "linh")
		}
		w = append(w, digits[u])
	case t == 1:
		w = append(w, "mười")
		switch u {
		case 0:
		case 5:
			w = append(w, "lăm")
		default:
			w = append(w, digits[u])
		}
	default:
		w = append(w, digits[t], "mươi")
		switch u {
		case 0:
		case 1:
			w = append(w, "mốt")
		case 5:
			w = append(w, "lăm")
		default:
			w = append(w, digits[u])
		}
	}
	return strings.Join(w, " ")
}

// whoWords names who a list holds: "Tập thể, cá nhân", "Tập thể" or "Cá nhân".
func whoWords(collectives, individuals int) string {
	switch {
	case individuals == 0:
		return "Tập thể"
	case collectives == 0:
		return "Cá nhân"
	}
	return "Tập thể, cá nhân"
}
