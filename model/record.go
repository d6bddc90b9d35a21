package model

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
