package export

import (
	"fmt"
	"strings"

	"hoidong/voting"
)

// hasSuperior reports whether the plan has an award the superior level grants.
func (k *book) hasSuperior() bool {
	for _, a := range k.rec.Plan.Awards {
		if a.Superior {
			return true
		}
	}
	return false
}

// buildSubmission lays out the tờ trình draft to the awarding level: one
// per award the superior level grants and the council recommended anyone
// for, each on its own page, with the number and day left to fill in.
func buildSubmission(k *book) *doc {
	d := k.newDoc("Tờ trình đề nghị khen thưởng")
	org := k.rec.Plan.Org
	gap := strings.Repeat(glue, 6) // left blank to be dated when signed
	date := placeOr(org.Place) + "ngày" + gap + "tháng" + gap + "năm"
	if y := k.date().Year(); !k.date().IsZero() {
		date += fmt.Sprintf(" %d", y)
	}
	n := 0
	for _, l := range k.recommended() {
		a := l.Award
		if !a.Superior || len(l.Collective)+len(l.Individual) == 0 {
			continue
		}
		if n > 0 {
			d.add(sectionBreak{})
		}
		n++
		d.add(k.orgHeader("Số:        /TTr-"+abbrev(org.Name), date))
		subject := "Về việc đề nghị tặng " + a.Name
		if y := k.year(); y > 0 {
			subject += fmt.Sprintf(" năm %d", y)
		}
		d.titleBlock("TỜ TRÌNH", subject)
		authority := strings.TrimSpace(a.Authority)
		if authority == "" {
			authority = org.Superior
		}
		d.add(para{role: roleAddress, spans: []span{{text: "Kính gửi: " + authority}}}, blank{})
		if ref := k.planRef(); ref != "" {
			d.text(0, "", "Căn cứ "+ref+";")
		}
		d.text(0, "", "Căn cứ "+k.minutesRef()+" và kết quả bỏ phiếu của Hội đồng;")
		issuer := strings.TrimSpace(org.Name)
		d.text(0, "", fmt.Sprintf("%s kính đề nghị %s xem xét, tặng %s cho %s đã có thành tích xuất sắc, cụ thể như sau:",
			issuer, authority, a.Name, countWords(len(l.Collective), len(l.Individual))))
		for i, kind := range kinds() {
			ids := idsOf(l, kind)
			if len(ids) == 0 {
				d.labelled(0, fmt.Sprintf("%d. ", i+1), kind.Label()+": ", "không có.")
				continue
			}
			d.labelled(0, fmt.Sprintf("%d. ", i+1), fmt.Sprintf("%s (%d):", kind.Label(), len(ids)), "")
			for j, id := range ids {
				d.text(1, fmt.Sprintf("%d) ", j+1), k.described(id)+k.voteNote(id, a.Code)+k.missingWords(id, a.Code)+".")
			}
		}
		k.missingNote(d, l)
		d.text(0, "", "(Có danh sách trích ngang, báo cáo thành tích và biên bản họp, kết quả bỏ phiếu của Hội đồng Thi đua – Khen thưởng kèm theo.)")
		d.text(0, "", fmt.Sprintf("%s kính trình %s xem xét, quyết định./.", issuer, authority))
		d.add(recipients{
			lines: []string{"- Như trên;", "- Lưu: VT, HĐTĐKT."},
			sig:   sigCol{roles: []string{"TM. " + strings.ToUpper(issuer), "CHỦ TỊCH"}, names: []string{k.orgHead()}},
		})
	}
	if n == 0 {
		d.add(k.orgHeader("", date))
		d.titleBlock("TỜ TRÌNH", "Về việc đề nghị khen thưởng")
		d.text(0, "", "Hội đồng không đề nghị tập thể, cá nhân nào cho hình thức khen thưởng do cấp trên xét tặng; không cần lập tờ trình.")
	}
	return d
}

// missingNote says, under the list of a tờ trình, how many of those on it
// have an incomplete dossier.
func (k *book) missingNote(d *doc, l voting.AwardList) {
	incomplete := func(ids []int64) int {
		n := 0
		for _, id := range ids {
			if !k.rec.DossierComplete(id, l.Award.Code) {
				n++
			}
		}
		return n
	}
	c, i := incomplete(l.Collective), incomplete(l.Individual)
	if c+i > 0 {
		d.text(0, "", fmt.Sprintf("(Hồ sơ của %s nêu trên còn thiếu giấy tờ như đã ghi, cần bổ sung đủ trước khi trình; xem Báo cáo hồ sơ còn thiếu.)", countWords(c, i)))
	}
}

// voteNote says how the council's vote decided a candidacy, for a list of
// names: " (đạt sau bỏ phiếu lại, 80,00% phiếu đồng ý)"; "" when no ballot
// decided it.
func (k *book) voteNote(id int64, award string) string {
	_, lo, ok := k.ix.Final(id, award)
	if !ok {
		return ""
	}
	return " (" + lowerFirst(lo.Outcome.Label()) + ", " + k.shareOf(id, award) + " phiếu đồng ý)"
}

// abbrev returns the document-code abbreviation of an organisation's name:
// its leading word in capitals ("UBND thị trấn Như Quỳnh" → "UBND"), or
// nothing when it has none.
func abbrev(name string) string {
	f := strings.Fields(name)
	if len(f) == 0 {
		return ""
	}
	if w := f[0]; w == strings.ToUpper(w) && len([]rune(w)) >= 2 {
		return w
	}
	return ""
}

// orgHead returns the name of whoever signs for the organisation after the
// meeting: the decision's signer the plan names, else the council's chair
// of record (the head of the organisation chairs its council).
func (k *book) orgHead() string {
	if n := strings.TrimSpace(k.rec.Plan.Decision.SignerName); n != "" {
		return n
	}
	return k.chairOfRecord()
}

// countWords writes how many collectives and individuals a list holds, as
// an office writes counts: "01 tập thể và 02 cá nhân", "03 cá nhân".
func countWords(collectives, individuals int) string {
	var parts []string
	if collectives > 0 {
		parts = append(parts, fmt.Sprintf("%02d tập thể", collectives))
	}
	if individuals > 0 {
		parts = append(parts, fmt.Sprintf("%02d cá nhân", individuals))
	}
	if len(parts) == 0 {
		return "00 tập thể, cá nhân"
	}
	return strings.Join(parts, " và ")
}
