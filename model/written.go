package model

import (
	"fmt"
	"slices"
	"strconv"
)

// Written ballots of absent members, and members who are nominated.
//
// The plan says whether an award's rounds accept a written ballot from a
// voting member who is absent (written_ballots = true on [meeting], the
// default of every award, or on one [[awards]], which overrides it). At
// roll call such a member is marked "gửi phiếu bằng văn bản"; in a round
// that accepts them the counting committee enters the marks of the sealed
// envelope, stored exactly like a booth ballot, and the round records who
// sent one (never what they said). The quorum counts only those present;
// the share's base counts a written ballot as a vote cast.
//
// A voting member who is proposed as an individual, or heads a proposed
// collective, is recognised from the plan (council_member on the nominee,
// or an individual nominee with the member's name) or marked by the
// secretary; screens and minutes disclose it. With nominated_members =
// "recuse" that member leaves that nominee blank, and the nominee's base
// excludes the member.

// NominatedPolicy is what follows when a voting member is nominated.
type NominatedPolicy int

// Nominated-member policies: disclosure alone (the zero value, and the
// common practice), or recusal.
const (
	NominatedDisclose NominatedPolicy = iota
	NominatedRecuse
)

// String returns the plan-file spelling.
func (p NominatedPolicy) String() string {
	if p == NominatedRecuse {
		return "recuse"
	}
	return "disclose"
}

// ConflictSource says who recognised that a member is nominated.
type ConflictSource int

// Conflict sources.
const (
	ConflictPlan      ConflictSource = iota + 1 // the plan (council_member, or the same name)
	ConflictSecretary                           // the secretary marked it
)

// String returns the stored spelling: "plan" or "secretary".
func (c ConflictSource) String() string {
	if c == ConflictSecretary {
		return "secretary"
	}
	return "plan"
}

// Conflict is a voting member who is a nominee, or heads a collective
// nominee.
type Conflict struct {
	Member, Nominee int64
	Source          ConflictSource
}

// Recusal is a member who leaves a nominee blank in one round, as fixed
// when the round opened; Present says whether the member was present then.
type Recusal struct {
	Nominee, Member int64
	Present         bool
}

// writtenKeys are the [meeting] keys read by meetingWritten.
func meetingWrittenKeys() []string { return []string{"written_ballots", "nominated_members"} }

// meetingWritten reads written_ballots and nominated_members from [meeting].
func (r *planReader) meetingWritten(t map[string]any, m *MeetingSettings) {
	m.WrittenBallots = r.boolean(t, "meeting", "written_ballots", false)
	if k := r.choice(t, "meeting", "nominated_members", "cách xử lý thành viên được đề nghị", "disclose", "recuse"); k >= 0 {
		m.Nominated = NominatedPolicy(k)
	}
}

// optionalBool reads a true/false key that may be left out (nil).
func (r *planReader) optionalBool(m map[string]any, path, key string) *bool {
	if _, ok := m[key]; !ok {
		return nil
	}
	b := r.boolean(m, path, key, false)
	if r.bad[planJoin(path, key)] {
		return nil
	}
	return &b
}

// AcceptsWritten reports whether the rounds of award accept written
// ballots of absent members: the award's written_ballots, else the
// meeting's; never for an award without a secret ballot.
func (p *Plan) AcceptsWritten(award string) bool {
	a, ok := p.Award(award)
	if !ok || !a.Rule.BallotRequired {
		return false
	}
	if a.WrittenBallots != nil {
		return *a.WrittenBallots
	}
	return p.Meeting.WrittenBallots
}

// AnyWritten reports whether some award of the plan accepts written ballots.
func (p *Plan) AnyWritten() bool {
	for _, a := range p.Awards {
		if p.AcceptsWritten(a.Code) {
			return true
		}
	}
	return false
}

// Recuses reports whether a nominated member leaves their own nominee blank.
func (p *Plan) Recuses() bool { return p.Meeting.Nominated == NominatedRecuse }

// PlanConflict pairs a member and a nominee of a plan by their positions
// in Council.Members and Nominees.
type PlanConflict struct {
	Member, Nominee int
}

// PlanConflicts recognises, in plan order, the voting members who are
// nominated: the member a nominee's council_member names, and the voting
// member whose name is an individual nominee's (NameKey: case and spacing
// ignored). A name that matches no voting member is left out (the plan
// check reports it).
func PlanConflicts(members []Member, nominees []Nominee) []PlanConflict {
	byName := make(map[string]int, len(members))
	for i, m := range members {
		if m.Votes {
			if _, dup := byName[NameKey(m.Name)]; !dup {
				byName[NameKey(m.Name)] = i
			}
		}
	}
	var out []PlanConflict
	for j, n := range nominees {
		var found []int
		if n.CouncilMember != "" {
			if i, ok := byName[NameKey(n.CouncilMember)]; ok {
				found = append(found, i)
			}
		}
		if n.Kind == KindIndividual {
			if i, ok := byName[NameKey(n.Name)]; ok && !slices.Contains(found, i) {
				found = append(found, i)
			}
		}
		slices.Sort(found)
		for _, i := range found {
			out = append(out, PlanConflict{Member: i, Nominee: j})
		}
	}
	return out
}

// written checks the keys of written ballots and nominated members.
func (v *planValidator) written() {
	p := v.p
	for i, a := range p.Awards {
		if a.WrittenBallots != nil && *a.WrittenBallots && !a.Rule.BallotRequired {
			v.add(planIndex("awards", i)+".written_ballots",
				"%s không bỏ phiếu kín (ballot = false) nên không nhận phiếu bằng văn bản; bỏ khóa written_ballots hoặc ghi ballot = true", awardLabel(a))
		}
	}
	voting := map[string]bool{}
	all := map[string]bool{}
	for _, m := range p.Council.Members {
		all[NameKey(m.Name)] = true
		if m.Votes {
			voting[NameKey(m.Name)] = true
		}
	}
	for i, n := range p.Nominees {
		if n.CouncilMember == "" {
			continue
		}
		where := planIndex("nominees", i) + ".council_member"
		switch key := NameKey(n.CouncilMember); {
		case voting[key]:
		case all[key]:
			v.add(where, "đối tượng %q ghi council_member = %q nhưng thành viên này không có quyền biểu quyết; chỉ ghi thành viên được biểu quyết", n.Name, n.CouncilMember)
		default:
			v.add(where, "đối tượng %q ghi council_member = %q nhưng Hội đồng không có thành viên nào tên như vậy; ghi đúng họ và tên như ở mục [[council.members]]", n.Name, n.CouncilMember)
		}
	}
}

// written compares the keys of written ballots and nominated members.
func (d *planDiff) written(before, after Plan) {
	d.flag("meeting.written_ballots", before.Meeting.WrittenBallots, after.Meeting.WrittenBallots)
	d.add("meeting.nominated_members", strconv.Quote(before.Meeting.Nominated.String()), strconv.Quote(after.Meeting.Nominated.String()))
}

// optionalFlag writes a key that may be left out: true, false or "(không có)".
func optionalFlag(b *bool) string {
	if b == nil {
		return absent
	}
	return strconv.FormatBool(*b)
}

// WrittenBallotBlocked is the one rule of marking a member "gửi phiếu bằng
// văn bản" (on) or taking the mark away, asked by the roll-call screen and
// by the store inside its transaction: it says why not, or "". writtenIn
// is the number of the first round that holds a written ballot of the
// member (0 for none).
func WrittenBallotBlocked(p *Plan, status MeetingStatus, m MemberRecord, on bool, writtenIn int) string {
	switch {
	case status == MeetingClosed:
		return "Phiên họp đã kết thúc; không thể thay đổi."
	case !on && writtenIn > 0:
		return fmt.Sprintf("Phiếu bằng văn bản của %s đã được nhập trong vòng %d; không thể bỏ đánh dấu gửi phiếu bằng văn bản.", m.Name, writtenIn)
	case !on:
		return ""
	case !p.AnyWritten():
		return "Kế hoạch không nhận phiếu bằng văn bản của thành viên vắng mặt (written_ballots = false); không thể đánh dấu."
	case !m.Votes:
		return fmt.Sprintf("%s không có quyền biểu quyết nên không gửi phiếu.", m.Name)
	case m.Attendance != AttendanceAbsent:
		return fmt.Sprintf("%s chưa được điểm danh vắng mặt; chỉ thành viên vắng mặt mới gửi phiếu bằng văn bản.", m.Name)
	}
	return ""
}

// WrittenSenders lists, in record order, the members whose ballot in
// round r came in writing (an envelope, in a paper round).
func (rec *Record) WrittenSenders(r Round) []MemberRecord {
	return rec.membersIn(r.Written)
}

// membersIn lists, in record order, the members whose ids are in ids.
func (rec *Record) membersIn(ids []int64) []MemberRecord {
	var out []MemberRecord
	for _, m := range rec.Members {
		if slices.Contains(ids, m.ID) {
			out = append(out, m)
		}
	}
	return out
}

// WrittenMembers lists, in record order, the members marked as sending a
// written ballot.
func (rec *Record) WrittenMembers() []MemberRecord {
	var out []MemberRecord
	for _, m := range rec.Members {
		if m.WrittenBallot {
			out = append(out, m)
		}
	}
	return out
}

// SentWritten reports whether member id sent a written ballot in some
// round, or is marked as sending one.
func (rec *Record) SentWritten(id int64) bool {
	if m, ok := rec.MemberByID(id); ok && m.WrittenBallot {
		return true
	}
	for _, r := range rec.Rounds {
		if slices.Contains(r.Written, id) {
			return true
		}
	}
	return false
}

// PendingWritten lists, in record order, the members marked as sending a
// written ballot whose ballot round r has not received yet; none when the
// round's award does not accept written ballots or the round is closed.
func (rec *Record) PendingWritten(r Round) []MemberRecord {
	if r.Status == RoundClosed || !rec.Plan.AcceptsWritten(r.Award) {
		return nil
	}
	var out []MemberRecord
	for _, m := range rec.Members {
		if m.WrittenBallot && m.Votes && m.Attendance == AttendanceAbsent && !slices.Contains(r.Voters, m.ID) && !slices.Contains(r.Written, m.ID) {
			out = append(out, m)
		}
	}
	return out
}

// ExpectedBallots is how many ballots round r may receive: the voting
// members present when it opened and, when its award accepts them, the
// written ballots received or still awaited.
func (rec *Record) ExpectedBallots(r Round) int {
	return r.Eligible + len(r.Written) + len(rec.PendingWritten(r))
}

// NominatedMembers lists, in record order, the members nominated as
// nominee id or heading it.
func (rec *Record) NominatedMembers(nominee int64) []MemberRecord {
	var ids []int64
	for _, c := range rec.Conflicts {
		if c.Nominee == nominee {
			ids = append(ids, c.Member)
		}
	}
	return rec.membersIn(ids)
}

// ConflictsOf lists the nominees member id is, or heads, in the record's
// order of conflicts.
func (rec *Record) ConflictsOf(member int64) []int64 {
	var out []int64
	for _, c := range rec.Conflicts {
		if c.Member == member {
			out = append(out, c.Nominee)
		}
	}
	return out
}

// ConflictOf returns the conflict of member and nominee, if one is recorded.
func (rec *Record) ConflictOf(member, nominee int64) (Conflict, bool) {
	for _, c := range rec.Conflicts {
		if c.Member == member && c.Nominee == nominee {
			return c, true
		}
	}
	return Conflict{}, false
}

// RecusedIn lists, in record order, the members who leave nominee blank
// in round r.
func (rec *Record) RecusedIn(r Round, nominee int64) []MemberRecord {
	var ids []int64
	for _, x := range r.Recused {
		if x.Nominee == nominee {
			ids = append(ids, x.Member)
		}
	}
	return rec.membersIn(ids)
}

// RecusesFrom lists, in ballot order, the nominees of round r that member
// must leave blank: the booth shows them blank and takes no mark for them.
func RecusesFrom(r Round, member int64) []int64 {
	var out []int64
	for _, id := range r.Nominees {
		for _, x := range r.Recused {
			if x.Nominee == id && x.Member == member {
				out = append(out, id)
				break
			}
		}
	}
	return out
}
