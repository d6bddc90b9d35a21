package export

import (
	"fmt"
	"strings"

	"hoidong/model"
	"hoidong/voting"
)

// buildList lays out the danh sách đề nghị khen thưởng ("danh sách trích
// ngang"): the nominees recommended, per award and per collective or
// individual, with unit, position, achievements and the vote.
func buildList(k *book) *doc {
	d := k.newDoc("Danh sách đề nghị khen thưởng")
	d.add(k.councilHeader("", k.dateLine()))
	subject := []string{"Tập thể, cá nhân đề nghị khen thưởng"}
	if ref := k.minutesRef(); ref != "" {
		subject = append(subject, "(Kèm theo "+ref+")")
	}
	d.titleBlock("DANH SÁCH", subject...)
	no := 0
	for _, l := range k.recommended() {
		if len(l.Collective)+len(l.Individual) == 0 {
			continue
		}
		no++
		if no > 1 {
			d.add(blank{})
		}
		d.add(para{role: roleSection, spans: []span{{text: roman(no) + ". " + strings.ToUpper(l.Award.Name), bold: true}}})
		if a := l.Award; a.Superior && a.Authority != "" {
			d.text(0, "", "(Đề nghị "+a.Authority+" xét tặng)")
			d.keepLast()
		} else if a.Authority != "" {
			d.text(0, "", "("+a.Authority+" tặng)")
			d.keepLast()
		}
		sub := 0
		for _, kind := range kinds() {
			ids := idsOf(l, kind)
			if len(ids) == 0 {
				continue
			}
			sub++
			d.labelled(0, fmt.Sprintf("%d. ", sub), fmt.Sprintf("%s (%d)", kind.Label(), len(ids)), "")
			d.add(listTable(k, l.Award, kind, ids))
		}
	}
	if no == 0 {
		d.text(0, "", "Không có tập thể, cá nhân nào được đề nghị khen thưởng.")
	}
	d.add(signatures{cols: []sigCol{
		{roles: []string{"THƯ KÝ"}, names: []string{k.secretaryName()}},
		k.presiding(),
	}})
	return d
}

// listTable is the table of one award and kind in the recommended list.
func listTable(k *book, a model.Award, kind model.Kind, ids []int64) tableBlock {
	nameTitle, unitTitle := "Tên tập thể", "Đơn vị"
	if kind == model.KindIndividual {
		nameTitle, unitTitle = "Họ và tên", "Chức vụ, đơn vị"
	}
	t := tableBlock{cols: []column{
		{title: "STT", width: 3, right: true},
		{title: nameTitle, width: 16},
		{title: unitTitle, width: 16},
		{title: "Tóm tắt thành tích", width: 19},
		{title: "Tỷ lệ đồng ý", width: 7, right: true},
		{title: "Kết quả", width: 9},
	}}
	for i, id := range ids {
		var unit, summary string
		if n, ok := k.ix.Nominee(id); ok {
			if kind == model.KindIndividual {
				unit = strings.Join(nonEmpty(n.Position, n.Unit), ", ")
			} else {
				unit = strings.TrimSpace(n.Unit)
			}
			summary = strings.TrimSpace(n.Summary)
		}
		t.rows = append(t.rows, []string{fmt.Sprint(i + 1), k.name(id), unit, summary, k.shareOf(id, a.Code), k.standing(id, a.Code)})
	}
	return t
}

// shareOf returns the share of agree votes that decided a nominee, or a
// dash when no ballot decided it.
func (k *book) shareOf(id int64, award string) string {
	_, l, ok := k.resultOf(id, award)
	if !ok || l.Base <= 0 {
		return "—"
	}
	return voting.FormatShare(l.Agree, l.Base)
}

// standing returns the Vietnamese words for where a candidacy stands: its
// final standing after the rounds it was put to, else its review status
// ("Đủ điều kiện" for an award without a ballot).
func (k *book) standing(id int64, award string) string {
	if _, lo, ok := k.ix.Final(id, award); ok {
		return lo.Outcome.Label()
	}
	if n, ok := k.ix.Nominee(id); ok {
		return k.ix.Status(n, award).Label()
	}
	return "—"
}

// roman writes 1–39 as a Roman numeral, as section numbers are written.
func roman(n int) string {
	if n <= 0 || n >= 40 {
		return fmt.Sprint(n)
	}
	tens := []string{"", "X", "XX", "XXX"}
	ones := []string{"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"}
	return tens[n/10] + ones[n%10]
}
