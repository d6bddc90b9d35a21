package export

import (
	"fmt"
	"strings"

	"hoidong/model"
	"hoidong/voting"
)

// The document parts of written ballots and nominated members (see
// model/written.go): who sent a written ballot, in the attendance and in
// each round, never what it said; which members are nominated; and, when
// the plan has them recuse themselves, the base of each such nominee with
// its arithmetic.

// comrades names members the way the minutes do: "đồng chí A và đồng chí
// B", or "đồng chí A, đồng chí B và đồng chí C".
func comrades(ms []model.MemberRecord) string {
	names := make([]string, len(ms))
	for i, m := range ms {
		names[i] = "đồng chí " + m.Name
	}
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " và " + names[len(names)-1]
}

// writtenAbsent is the tail of an absent member's line in the attendance:
// ", gửi phiếu bằng văn bản" for a member who sent one.
func (k *book) writtenAbsent(m model.MemberRecord) string {
	if m.Votes && m.Attendance == model.AttendanceAbsent && k.rec.SentWritten(m.ID) {
		return ", gửi phiếu bằng văn bản"
	}
	return ""
}

// writtenAttendance writes, after the members absent, those who sent a
// written ballot and how it counts.
func writtenAttendance(d *doc, k *book, level int) {
	var ms []model.MemberRecord
	for _, m := range k.rec.Members {
		if k.writtenAbsent(m) != "" {
			ms = append(ms, m)
		}
	}
	if len(ms) == 0 {
		return
	}
	d.text(level, "", upperFirst(comrades(ms))+" vắng mặt, gửi phiếu bằng văn bản. Phiếu bằng văn bản được Ban kiểm phiếu mở và kiểm cùng các phiếu khác, tính là phiếu đã bỏ; không tính vào số thành viên có mặt để xác định điều kiện tiến hành họp.")
}

// issuedWords writes a round's ballots issued and returned, saying how
// many came in writing and from whom: "Số phiếu phát ra: 9 (trong đó 2
// phiếu gửi bằng văn bản của đồng chí A và đồng chí B); số phiếu thu về:
// 9."
func (k *book) issuedWords(r model.Round, issued, returned int) string {
	s := fmt.Sprintf("Số phiếu phát ra: %d", issued)
	if senders := k.rec.WrittenSenders(r); len(senders) > 0 {
		s += fmt.Sprintf(" (trong đó %d phiếu gửi bằng văn bản của %s, vắng mặt)", len(senders), comrades(senders))
	}
	return s + fmt.Sprintf("; số phiếu thu về: %d.", returned)
}

// nominatedWords says that member m is nominee n, or heads it: "Đồng chí A
// là người được đề nghị (người đứng đầu tập thể B)".
func nominatedWords(m model.MemberRecord, n *model.NomineeRecord) string {
	what := "cá nhân " + n.Name
	if n.Kind == model.KindCollective {
		what = "người đứng đầu tập thể " + n.Name
	}
	return "Đồng chí " + m.Name + " là người được đề nghị (" + what + ")"
}

// disclosures lists, for the nominees ids in that order, the sentences
// that disclose the voting members who are nominated.
func (k *book) disclosures(ids []int64) []string {
	var out []string
	for _, id := range ids {
		n, ok := k.rec.NomineeByID(id)
		if !ok {
			continue
		}
		for _, m := range k.rec.NominatedMembers(id) {
			out = append(out, nominatedWords(m, n)+".")
		}
	}
	return out
}

// roundDisclosures writes, for a round, the members nominated among its
// nominees and, when they recuse themselves, the base of each such
// nominee with its arithmetic: "Đồng chí A không bỏ phiếu cho chính mình
// (để trống dòng B trên phiếu); tỷ lệ của B tính trên 8 − 1 = 7 thành
// viên."
func roundDisclosures(d *doc, k *book, r model.Round, level int) {
	for _, s := range k.disclosures(k.inOrder(r.Nominees)) {
		d.item(level, "Công khai: ", s)
	}
	if len(r.Recused) == 0 || r.Status != model.RoundClosed {
		return
	}
	a := k.award(r.Award)
	base := voting.RoundBase(r)
	for _, id := range k.inOrder(r.Nominees) {
		ms := k.rec.RecusedIn(r, id)
		if len(ms) == 0 {
			continue
		}
		full, less := base.Less(id, a.Rule.Base)
		own := "chính mình"
		if n, ok := k.rec.NomineeByID(id); ok && n.Kind == model.KindCollective {
			own = "tập thể mình đứng đầu"
		}
		s := fmt.Sprintf("%s không bỏ phiếu cho %s (để trống dòng %s trên phiếu); tỷ lệ của %s tính trên %d − %d = %d %s.",
			upperFirst(comrades(ms)), own, k.name(id), k.name(id), full, less, full-less, baseNoun(a.Rule.Base))
		d.item(level, "Không bỏ phiếu cho chính mình: ", s)
	}
}

// baseNoun is what a base counts: "thành viên" or "phiếu hợp lệ".
func baseNoun(b model.Base) string {
	if b == model.BaseValid {
		return "phiếu hợp lệ"
	}
	return "thành viên"
}

// presentBase is the base "members present" of round r: those present
// when it opened and the written ballots of absent members it received.
func presentBase(r model.Round) string {
	if len(r.Written) == 0 {
		return fmt.Sprint(r.Eligible)
	}
	return fmt.Sprintf("%d, gồm %d có mặt và %d phiếu bằng văn bản", r.Eligible+len(r.Written), r.Eligible, len(r.Written))
}

// The JSON record's parts of written ballots and nominated members.
type (
	// jsonConflict is a voting member who is, or heads, a nominee;
	// source is "plan" or "secretary".
	jsonConflict struct {
		MemberID  int64  `json:"member_id"`
		NomineeID int64  `json:"nominee_id"`
		Source    string `json:"source"`
	}
	// jsonRecusal is a member who left a nominee blank in a round;
	// present says whether they were present when it opened.
	jsonRecusal struct {
		NomineeID int64 `json:"nominee_id"`
		MemberID  int64 `json:"member_id"`
		Present   bool  `json:"present"`
	}
)

// conflictsJSON lists the record's nominated members.
func conflictsJSON(rec *model.Record) []jsonConflict {
	out := []jsonConflict{}
	for _, c := range rec.Conflicts {
		out = append(out, jsonConflict{MemberID: c.Member, NomineeID: c.Nominee, Source: c.Source.String()})
	}
	return out
}

// recusalsJSON lists a round's recusals.
func recusalsJSON(r model.Round) []jsonRecusal {
	out := []jsonRecusal{}
	for _, x := range r.Recused {
		out = append(out, jsonRecusal{NomineeID: x.Nominee, MemberID: x.Member, Present: x.Present})
	}
	return out
}
