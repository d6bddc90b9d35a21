package export

import (
	"fmt"
	"strings"

	"hoidong/model"
	"hoidong/voting"
)

// ballotSet is the ballot paper of one round, and how many to print.
type ballotSet struct {
	award    model.Award
	seq      int    // the round's number; 0 for a round not opened yet
	revote   string // which tie a re-vote settles and the places at stake, "" for none
	nominees []int64
	copies   int
	specimen bool // a round already held: one specimen, marked so
}

// ballotSets chooses the ballots to print: every open round's; else the
// next round of each award with nominees ready for a ballot; else a
// specimen of each round held.
func (k *book) ballotSets() []ballotSet {
	present := voting.Quorum(k.rec).Present
	var out []ballotSet
	for _, r := range k.rounds {
		if r.Status == model.RoundOpen {
			out = append(out, ballotSet{award: k.award(r.Award), seq: r.Seq, revote: k.revoteOf(r), nominees: r.Nominees, copies: max(r.Eligible, 1)})
		}
	}
	if len(out) > 0 {
		return out
	}
	if k.rec.Meeting.Status != model.MeetingClosed {
		for _, a := range k.rec.Plan.Awards {
			if !a.Rule.BallotRequired {
				continue
			}
			if ids := k.ix.Candidates(a.Code); len(ids) > 0 {
				out = append(out, ballotSet{award: a, nominees: ids, copies: max(present, 1)})
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	for _, r := range k.rounds {
		out = append(out, ballotSet{award: k.award(r.Award), seq: r.Seq, revote: k.revoteOf(r), nominees: r.Nominees, copies: 1, specimen: true})
	}
	return out
}

// parentSeq returns the number of the round r re-votes, or 0.
func (k *book) parentSeq(r model.Round) int {
	if p, ok := k.byID[r.Parent]; ok && r.Parent != 0 {
		return p.Seq
	}
	return 0
}

// buildBallots lays out the phiếu bầu: one paper per member present who
// votes, each on its own page (cut lines between them in plain text),
// unnumbered so that no ballot can be traced to its voter. They are the
// forms used during the meeting, never drafts.
func buildBallots(k *book) *doc {
	d := &doc{title: "Phiếu bầu", unnumbered: true}
	sets := k.ballotSets()
	if len(sets) == 0 {
		d.add(para{role: roleTitle, spans: []span{{text: "PHIẾU BẦU", bold: true}}}, blank{})
		d.text(0, "", "Chưa có đối tượng nào sẵn sàng bỏ phiếu: hãy xét xong điều kiện và tiêu chuẩn của các đối tượng trước.")
		return d
	}
	first := true
	for _, s := range sets {
		// Every copy is the same paper: its blocks are laid out once and
		// shared, and the renderers lay out its table once.
		paper := &doc{}
		ballot(paper, k, s)
		for range s.copies {
			if !first {
				d.add(sectionBreak{cut: true})
			}
			first = false
			d.add(together{})
			d.add(paper.blocks...)
			d.add(together{end: true})
		}
	}
	return d
}

// ballot writes one ballot paper.
func ballot(d *doc, k *book, s ballotSet) {
	for _, l := range splitCouncil(strings.ToUpper(k.councilName())) {
		d.add(para{role: roleCentred, spans: []span{{text: l, bold: true}}})
	}
	d.add(blank{})
	kind := "PHIẾU BẦU"
	if s.specimen {
		kind = "PHIẾU BẦU (MẪU)"
	}
	d.add(para{role: roleTitle, spans: []span{{text: kind, bold: true}}})
	d.add(para{role: roleSubject, spans: []span{{text: "Bỏ phiếu kín xét đề nghị tặng " + s.award.Name, bold: true}}})
	var when string
	if dt := k.date(); !dt.IsZero() {
		when = "Phiên họp ngày " + dt.Format("02/01/2006")
	}
	if s.seq > 0 {
		if when != "" {
			when += " – "
		}
		when += fmt.Sprintf("Vòng %d", s.seq)
		if s.revote != "" {
			when += " (" + s.revote + ")"
		}
	}
	if when != "" {
		d.add(para{role: roleCentred, spans: []span{{text: when, italic: true}}})
	}
	d.add(blank{})
	t := tableBlock{boxes: true, cols: []column{
		{title: "STT", width: 3, right: true},
		{title: "Tập thể, cá nhân", width: 40},
		{title: "Đồng ý", width: 11},
		{title: "Không đồng ý", width: 14},
	}}
	for i, id := range s.nominees {
		t.rows = append(t.rows, []string{fmt.Sprint(i + 1), k.described(id), "", ""})
	}
	d.add(t, blank{})
	d.add(para{spans: []span{{text: "Cách ghi phiếu: ", bold: true, italic: true}, {text: "ở mỗi dòng, đánh dấu X vào một ô: ô “Đồng ý” hoặc ô “Không đồng ý”. Không ghi thêm tên hay nội dung nào khác lên phiếu; phiếu ghi thêm nội dung khác hoặc không theo mẫu này là phiếu không hợp lệ.", italic: true}}})
}
