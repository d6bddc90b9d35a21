package export

import (
	"fmt"

	"hoidong/model"
	"hoidong/voting"
)

// buildResults lays out the kết quả bỏ phiếu: the results of every closed
// round as tables, signed for the council.
func buildResults(k *book) *doc {
	d := k.newDoc("Kết quả bỏ phiếu")
	d.add(k.councilHeader("", k.dateLine()))
	subject := []string{"Bỏ phiếu kín xét đề nghị khen thưởng"}
	if ref := k.minutesRef(); ref != "" {
		subject = append(subject, "(Kèm theo "+ref+")")
	}
	d.titleBlock("KẾT QUẢ BỎ PHIẾU", subject...)
	rounds := k.closedRounds()
	if len(rounds) == 0 {
		d.text(0, "", "Chưa có vòng bỏ phiếu nào kết thúc.")
	}
	for i, r := range rounds {
		if i > 0 {
			d.add(blank{})
		}
		a := k.award(r.Award)
		d.labelled(0, fmt.Sprintf("%d. ", i+1), k.roundHeading(r), "")
		issued, returned, valid, invalid := figures(r)
		d.item(1, "", fmt.Sprintf("Hình thức: %s; thành viên có mặt: %d/%d.", r.Mode.Label(), r.Eligible, r.AllMembers))
		d.item(1, "", fmt.Sprintf("Phiếu phát ra: %d; thu về: %d; hợp lệ: %d; không hợp lệ: %d.", issued, returned, valid, invalid))
		if senders := k.rec.WrittenSenders(r); len(senders) > 0 {
			d.item(1, "", fmt.Sprintf("Phiếu gửi bằng văn bản: %d, của %s.", len(senders), comrades(senders)))
		}
		roundDisclosures(d, k, r, 1)
		d.item(1, "Điều kiện đạt: ", "số phiếu đồng ý "+thresholdWords(a.Rule)+" "+k.baseWords(a.Rule.Base, r)+".")
		d.add(resultTable(k, k.lines(r), 1))
		tieNotes(d, k, r, 1)
	}
	if open := len(k.rounds) - len(rounds); open > 0 {
		d.add(blank{})
		d.text(0, "", fmt.Sprintf("Còn %d vòng bỏ phiếu chưa kết thúc; kết quả sẽ có khi đóng vòng.", open))
	}
	d.add(signatures{cols: []sigCol{
		{roles: []string{"THƯ KÝ"}, names: []string{k.secretaryName()}},
		k.presiding(),
	}})
	return d
}

// thresholdWords writes "từ 70% trở lên so với" or "trên 50% so với".
func thresholdWords(r model.Rule) string {
	if !r.BallotRequired {
		return "— (không cần bỏ phiếu)"
	}
	t := voting.FormatFraction(r.Threshold)
	if r.Comparison == model.MoreThan {
		return "trên " + t + " so với"
	}
	return "từ " + t + " trở lên so với"
}
