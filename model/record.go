package model

import "fmt"

// Questions that need only the record are answered here, once, for the
// screens, the documents and the store alike. Judgements (who passed, what
// is ready for a ballot) belong to package voting.

// PendingVoters lists, in record order, the voting members present who
// have not yet cast a ballot in round r.
func (rec *Record) PendingVoters(r Round) []MemberRecord {
	voted := make(map[int64]bool, len(r.Voters))
	for _, id := range r.Voters {
		voted[id] = true
	}
	var out []MemberRecord
	for _, m := range rec.Members {
		if m.Votes && m.Attendance == AttendancePresent && !voted[m.ID] {
			out = append(out, m)
		}
	}
	return out
}

// PresentMembers lists the members present, in record order.
func (rec *Record) PresentMembers() []MemberRecord {
	var out []MemberRecord
	for _, m := range rec.Members {
		if m.Attendance == AttendancePresent {
			out = append(out, m)
		}
	}
	return out
}

// Committee counts the counting committee and names its head ("" if none).
func (rec *Record) Committee() (tellers int, head string) {
	for _, m := range rec.Members {
		if m.Teller {
			tellers++
		}
		if m.TellerHead {
			head = m.Name
		}
	}
	return tellers, head
}

// ClosedRounds lists the rounds that have been counted, in record order.
func (rec *Record) ClosedRounds() []Round {
	var out []Round
	for _, r := range rec.Rounds {
		if r.Status == RoundClosed {
			out = append(out, r)
		}
	}
	return out
}

// OpenRound returns the round that takes ballots now, if any.
func (rec *Record) OpenRound() (Round, bool) {
	for i := range rec.Rounds {
		if rec.Rounds[i].Status == RoundOpen {
			return rec.Rounds[i], true
		}
	}
	return Round{}, false
}

// NomineeByID returns the nominee with the given id by a linear scan; for
// many lookups over one snapshot, index the nominees once.
func (rec *Record) NomineeByID(id int64) (*NomineeRecord, bool) {
	for i := range rec.Nominees {
		if rec.Nominees[i].ID == id {
			return &rec.Nominees[i], true
		}
	}
	return nil, false
}

// MemberByID returns the member with the given id.
func (rec *Record) MemberByID(id int64) (*MemberRecord, bool) {
	for i := range rec.Members {
		if rec.Members[i].ID == id {
			return &rec.Members[i], true
		}
	}
	return nil, false
}

// NomineeNames lists the names of the nominees ids, in that order, each
// after prefix; ids not in the record are left out.
func (rec *Record) NomineeNames(ids []int64, prefix string) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if n, ok := rec.NomineeByID(id); ok {
			out = append(out, prefix+n.Name)
		}
	}
	return out
}

// BallotAwards lists, in plan order, the awards that need a secret ballot.
func (p *Plan) BallotAwards() []Award {
	var out []Award
	for _, a := range p.Awards {
		if a.Rule.BallotRequired {
			out = append(out, a)
		}
	}
	return out
}

// ImportBlocked says why nominees and members can no longer be imported
// into the meeting, or "" when they can; see ImportBlockedBy.
func (rec *Record) ImportBlocked() string {
	if rec == nil {
		return "Chưa có phiên họp."
	}
	return ImportBlockedBy(rec.Meeting.Status, len(rec.Rounds))
}

// ImportBlockedBy is the one rule of imports, asked by the screen before
// it reads a file and by the store inside the transaction that writes: a
// meeting takes nominees and members until it closes or its first ballot
// round opens. It says why not, or "".
func ImportBlockedBy(status MeetingStatus, rounds int) string {
	switch {
	case status == MeetingClosed:
		return "Phiên họp đã kết thúc; không thể nhập thêm."
	case rounds > 0:
		return fmt.Sprintf("Đã bắt đầu bỏ phiếu (có %d vòng bỏ phiếu); không thể nhập thêm đối tượng hay thành viên Hội đồng.", rounds)
	}
	return ""
}
