package export

import (
	"fmt"
	"time"

	"hoidong/model"
	"hoidong/voting"
)

// buildCount lays out the biên bản kiểm phiếu: one record per closed round,
// each on its own page, signed by the counting committee.
func buildCount(k *book) *doc {
	d := k.newDoc("Biên bản kiểm phiếu")
	rounds := k.closedRounds()
	if len(rounds) == 0 {
		d.add(k.councilHeader("", k.dateLine()))
		d.titleBlock("BIÊN BẢN KIỂM PHIẾU")
		d.text(0, "", "Chưa có vòng bỏ phiếu nào kết thúc.")
		return d
	}
	for i, r := range rounds {
		if i > 0 {
			d.add(sectionBreak{})
		}
		countRound(d, k, r)
	}
	return d
}

// countRound writes the vote-count record of one closed round.
func countRound(d *doc, k *book, r model.Round) {
	a := k.award(r.Award)
	date := k.dateLine()
	if !r.ClosedAt.IsZero() {
		date = DateLine(k.rec.Plan.Org.Place, k.dayOf(r.ClosedAt))
	}
	d.add(k.councilHeader("", date))
	subject := "Bỏ phiếu kín xét đề nghị tặng " + a.Name
	round := fmt.Sprintf("Vòng %d", r.Seq)
	if re := k.revoteOf(r); re != "" {
		round += " (" + re + ")"
	}
	d.titleBlock("BIÊN BẢN KIỂM PHIẾU", subject, round)

	opening := "Hôm nay"
	if !r.ClosedAt.IsZero() {
		opening += ", vào lúc " + k.whenWords(r.ClosedAt)
	}
	if place := trimEnd(k.rec.Plan.Meeting.Place); place != "" {
		opening += ", tại " + place
	}
	opening += ", Ban kiểm phiếu do " + k.councilName() + " bầu tại phiên họp gồm:"
	d.text(0, "", opening)

	head, others := k.tellers()
	committee := append(head, others...)
	if len(committee) == 0 {
		d.text(1, "", "(Chưa ghi nhận thành viên Ban kiểm phiếu.)")
	} else {
		t := tableBlock{cols: []column{
			{title: "STT", width: 3, right: true},
			{title: "Họ và tên", width: 22},
			{title: "Chức vụ", width: 32},
			{title: "Nhiệm vụ", width: 15},
		}}
		for i, mr := range committee {
			task := "Ủy viên"
			if mr.TellerHead {
				task = "Trưởng ban"
			}
			t.rows = append(t.rows, []string{fmt.Sprint(i + 1), mr.Name, mr.Position, task})
		}
		d.add(t)
	}
	d.text(0, "", "Đã tiến hành kiểm phiếu và xác nhận kết quả như sau:")
	d.labelled(0, "1. ", "Hình thức bỏ phiếu: ", modeText(r.Mode)+".")
	d.labelled(0, "2. ", "Thành viên Hội đồng: ", fmt.Sprintf("tổng số %d thành viên có quyền biểu quyết; có mặt khi bỏ phiếu %d thành viên, %s.",
		r.AllMembers, r.Eligible, quorumWords(k.roundQuorum(r))))
	d.labelled(0, "3. ", "Kết quả kiểm phiếu:", "")
	roundBody(d, k, r, 1)
	d.labelled(0, "4. ", "Kết quả: ", countVerdict(k, r)+".")
	d.add(blank{})
	read := "Biên bản kiểm phiếu được lập xong và công bố trước Hội đồng"
	if !r.ClosedAt.IsZero() {
		read += " lúc " + clockWords(r.ClosedAt)
		if s := k.rec.Meeting.StartedAt; !s.IsZero() && sameDay(s, r.ClosedAt) {
			read += " cùng ngày"
		} else {
			read += ", " + dateWords(k.dayOf(r.ClosedAt))
		}
	}
	d.text(0, "", read+".")
	if h := r.CloseHead; h != "" {
		d.add(blank{})
		d.add(para{role: roleLeft, keep: true, spans: []span{{text: "Mã kiểm tra hồ sơ khi đóng vòng: ", bold: true}, {text: h}}})
		d.add(para{role: roleBody, keep: true, spans: []span{{text: "(Mã của bản ghi đóng vòng bỏ phiếu này trong nhật ký phiên họp, dùng để đối chiếu biên bản kiểm phiếu với tệp dữ liệu.)", italic: true}}})
	}

	var headNames, otherNames []string
	for _, mr := range head {
		headNames = append(headNames, mr.Name)
	}
	for _, mr := range others {
		otherNames = append(otherNames, mr.Name)
	}
	if len(headNames) == 0 {
		headNames = []string{""}
	}
	if len(otherNames) == 0 {
		otherNames = []string{""}
	}
	d.add(signatures{cols: []sigCol{
		{roles: []string{"CÁC ỦY VIÊN"}, names: otherNames},
		{roles: []string{"TRƯỞNG BAN KIỂM PHIẾU"}, names: headNames},
	}})
}

// countVerdict sums up a round by the verdict of each line: how many are
// recommended, then each standing with its nominees, in a fixed order.
func countVerdict(k *book, r model.Round) string {
	lines := k.lines(r)
	groups := map[voting.Outcome][]int64{}
	recommended := 0
	for _, lo := range lines {
		groups[lo.Outcome] = append(groups[lo.Outcome], lo.Line.NomineeID)
		if lo.Outcome.Recommended() {
			recommended++
		}
	}
	s := fmt.Sprintf("%d/%d đối tượng đạt", recommended, len(lines))
	for _, o := range []voting.Outcome{
		voting.OutcomePassed, voting.OutcomeRevoteWon, voting.OutcomeChairChosen,
		voting.OutcomeTiedRevote, voting.OutcomeTiedChair,
		voting.OutcomeOverQuota, voting.OutcomeRevoteLost, voting.OutcomeChairNotChosen, voting.OutcomeFailed,
	} {
		if ids := groups[o]; len(ids) > 0 {
			s += fmt.Sprintf("; %s (%d): %s", lowerFirst(o.Label()), len(ids), k.names(ids))
		}
	}
	return s
}

// sameDay reports whether a and b fall on the same day in Vietnam time.
func sameDay(a, b time.Time) bool {
	const day = "2006-01-02"
	return a.In(model.Vietnam()).Format(day) == b.In(model.Vietnam()).Format(day)
}

// quorumWords says whether the members present make the quorum, with the
// arithmetic: "đủ điều kiện tiến hành bỏ phiếu (≥ 2/3): 4 × 3 = 12 ≥ 2 × 5
// = 10".
func quorumWords(q voting.QuorumState) string {
	s := "đủ điều kiện tiến hành bỏ phiếu"
	if !q.Met {
		s = fmt.Sprintf("chưa đủ điều kiện tiến hành bỏ phiếu (cần tối thiểu %d)", q.Needed())
	}
	if a := q.Arithmetic(); a != "" {
		s += " (≥ " + voting.FormatFraction(q.Rule) + "): " + keepMath(a)
	}
	return s
}
