package model

import (
	"slices"
	"strings"
	"testing"
)

// writtenPlan is the base plan with written ballots for the meeting, an
// award that refuses them, recusal, and a nominee headed by a member.
func writtenPlan(t *testing.T) string {
	return mutate(t,
		"tellers = 1\n", "tellers = 1\nwritten_ballots = true\nnominated_members = \"recuse\"\n",
		`threshold = "70%"`, "threshold = \"70%\"\nwritten_ballots = false",
		`name = "Tổ Một"`, "name = \"Tổ Một\"\ncouncil_member = \"người  thứ hai\"",
		`name = "Cá Nhân Một"`, `name = "Người Thứ Nhất"`)
}

func TestPlanWrittenKeys(t *testing.T) {
	p, err := ParsePlan([]byte(writtenPlan(t)))
	if err != nil {
		t.Fatal(err)
	}
	if !p.Meeting.WrittenBallots || p.Meeting.Nominated != NominatedRecuse || !p.Recuses() {
		t.Errorf("meeting = %+v", p.Meeting)
	}
	if w := p.Awards[0].WrittenBallots; w == nil || *w {
		t.Errorf("award written_ballots = %v, want false", w)
	}
	// The award overrides the meeting; an award without a ballot never
	// takes written ballots.
	if p.AcceptsWritten("GK") || p.AcceptsWritten("LDTT") || p.AnyWritten() {
		t.Error("GK refuses written ballots; LDTT has no ballot")
	}
	p.Awards[0].WrittenBallots = nil
	if !p.AcceptsWritten("GK") || !p.AnyWritten() {
		t.Error("GK follows the meeting's written_ballots = true")
	}
	if p.Nominees[0].CouncilMember != "người  thứ hai" {
		t.Errorf("council_member = %q", p.Nominees[0].CouncilMember)
	}
	// The collective names member 2; the individual has member 1's name.
	got := PlanConflicts(p.Council.Members, p.Nominees)
	want := []PlanConflict{{Member: 1, Nominee: 0}, {Member: 0, Nominee: 1}}
	if !slices.Equal(got, want) {
		t.Errorf("PlanConflicts = %v, want %v", got, want)
	}

	base, err := ParsePlan([]byte(basePlan))
	if err != nil {
		t.Fatal(err)
	}
	if base.Meeting.WrittenBallots || base.Meeting.Nominated != NominatedDisclose || base.Awards[0].WrittenBallots != nil || base.AnyWritten() {
		t.Errorf("defaults: %+v %+v", base.Meeting, base.Awards[0])
	}
	diff := PlanDiff(base, p)
	for _, w := range []string{
		"meeting.written_ballots: false → true", `meeting.nominated_members: "disclose" → "recuse"`,
		`nominees[1].council_member: "" → "người  thứ hai"`,
	} {
		if !slices.Contains(diff, w) {
			t.Errorf("PlanDiff lacks %q: %q", w, diff)
		}
	}
	p.Awards[0].WrittenBallots = new(bool)
	if d := PlanDiff(base, p); !slices.Contains(d, "awards[1].written_ballots: (không có) → false") {
		t.Errorf("PlanDiff = %q", d)
	}
}

func TestPlanWrittenKeyProblems(t *testing.T) {
	type want struct{ where, what string }
	for _, tc := range []struct {
		name     string
		from, to string
		want     want
	}{
		{"written_ballots as text", "written_ballots = true", `written_ballots = "có"`,
			want{"meeting.written_ballots", "phải là true (có) hoặc false (không)"}},
		{"award written_ballots as a number", "written_ballots = false", "written_ballots = 1",
			want{"awards[1].written_ballots", "phải là true (có) hoặc false (không)"}},
		{"written ballots without a ballot", "ballot = false", "ballot = false\nwritten_ballots = true",
			want{"awards[2].written_ballots", "Lao động tiên tiến (LDTT) không bỏ phiếu kín"}},
		{"unknown policy", `nominated_members = "recuse"`, `nominated_members = "abstain"`,
			want{"meeting.nominated_members", `cách xử lý thành viên được đề nghị không hợp lệ: "abstain"; chỉ dùng một trong: "disclose", "recuse"`}},
		{"unknown member", `council_member = "người  thứ hai"`, `council_member = "Người Thứ Tư"`,
			want{"nominees[1].council_member", `đối tượng "Tổ Một" ghi council_member = "Người Thứ Tư" nhưng Hội đồng không có thành viên nào tên như vậy`}},
		{"member without a vote", `council_member = "người  thứ hai"`, `council_member = "Người Thứ Ba"`,
			want{"nominees[1].council_member", "không có quyền biểu quyết"}},
		{"misspelt key", "written_ballots = true", "written_ballot = true",
			want{"meeting.written_ballot", `có phải ý là "written_ballots"?`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := writtenPlan(t)
			if strings.Count(s, tc.from) != 1 {
				t.Fatalf("%q occurs %d times", tc.from, strings.Count(s, tc.from))
			}
			_, err := ParsePlan([]byte(strings.Replace(s, tc.from, tc.to, 1)))
			ps := problemsOf(t, err)
			for _, p := range ps {
				if p.Where == tc.want.where && strings.Contains(p.What, tc.want.what) {
					return
				}
			}
			t.Errorf("no problem %s: …%s…; got:\n%v", tc.want.where, tc.want.what, ps)
		})
	}
}

// TestSamplePlanWritten: plan show documents the new keys in Vietnamese,
// and the sample lets the demo show written ballots and a nominated member.
func TestSamplePlanWritten(t *testing.T) {
	text := string(SamplePlanTOML())
	for _, w := range []string{
		"#   written_ballots: true nếu thành viên vắng mặt được gửi phiếu bằng văn bản",
		"#   nominated_members: khi một thành viên Hội đồng được biểu quyết",
		"#   council_member: (không bắt buộc) họ tên thành viên Hội đồng",
		"\nwritten_ballots = true\n", "\nnominated_members = \"disclose\"\n", "\ncouncil_member = \"Nguyễn Văn Mẫu An\"\n",
	} {
		if !strings.Contains(text, w) {
			t.Errorf("sample plan lacks %q", w)
		}
	}
	p := SamplePlan()
	if !p.AcceptsWritten("GK_HUYEN") || p.AcceptsWritten("LDTT") || p.Recuses() {
		t.Error("sample: written ballots for the ballot awards, disclosure only")
	}
	// The sample's council_member names the chair.
	if c := PlanConflicts(p.Council.Members, p.Nominees); len(c) != 1 || p.Council.Members[c[0].Member].Role != RoleChair || p.Nominees[c[0].Nominee].Name != "UBND thị trấn" {
		t.Errorf("sample conflicts = %v", c)
	}
}

func TestWrittenBallotBlocked(t *testing.T) {
	p := SamplePlan()
	absent := MemberRecord{Member: Member{Name: "A", Votes: true}, Attendance: AttendanceAbsent}
	present := absent
	present.Attendance = AttendancePresent
	silent := absent
	silent.Votes = false
	none := p
	none.Meeting.WrittenBallots = false
	for _, tc := range []struct {
		name    string
		plan    *Plan
		status  MeetingStatus
		m       MemberRecord
		on      bool
		in      int
		blocked string
	}{
		{"absent voting member", &p, MeetingOpen, absent, true, 0, ""},
		{"present member", &p, MeetingOpen, present, true, 0, "chưa được điểm danh vắng mặt"},
		{"member without a vote", &p, MeetingOpen, silent, true, 0, "không có quyền biểu quyết"},
		{"plan without written ballots", &none, MeetingOpen, absent, true, 0, "written_ballots = false"},
		{"closed meeting", &p, MeetingClosed, absent, true, 0, "Phiên họp đã kết thúc"},
		{"unmark before any ballot", &p, MeetingOpen, absent, false, 0, ""},
		{"unmark after a ballot", &p, MeetingOpen, absent, false, 2, "đã được nhập trong vòng 2"},
	} {
		got := WrittenBallotBlocked(tc.plan, tc.status, tc.m, tc.on, tc.in)
		if (tc.blocked == "") != (got == "") || !strings.Contains(got, tc.blocked) {
			t.Errorf("%s: %q, want …%s…", tc.name, got, tc.blocked)
		}
	}
}

func TestRecordWrittenAndConflicts(t *testing.T) {
	rec := &Record{Plan: SamplePlan()}
	for i := range 4 {
		m := MemberRecord{Member: Member{ID: int64(i + 1), Name: string(rune('A' + i)), Votes: true}, Attendance: AttendancePresent}
		if i >= 2 {
			m.Attendance, m.WrittenBallot = AttendanceAbsent, true
		}
		rec.Members = append(rec.Members, m)
	}
	rec.Conflicts = []Conflict{{Member: 2, Nominee: 10, Source: ConflictPlan}, {Member: 1, Nominee: 11, Source: ConflictSecretary}}
	r := Round{Award: "GK_HUYEN", Status: RoundOpen, Eligible: 2, Nominees: []int64{11, 10, 12},
		Voters: []int64{1, 3}, Written: []int64{3}, Recused: []Recusal{{Nominee: 10, Member: 2, Present: true}}}
	if got := rec.PendingWritten(r); len(got) != 1 || got[0].ID != 4 {
		t.Errorf("PendingWritten = %v", got)
	}
	if got := rec.PendingVoters(r); len(got) != 1 || got[0].ID != 2 {
		t.Errorf("PendingVoters = %v", got)
	}
	if n := rec.ExpectedBallots(r); n != 4 {
		t.Errorf("ExpectedBallots = %d, want 4", n)
	}
	if got := rec.WrittenSenders(r); len(got) != 1 || got[0].Name != "C" {
		t.Errorf("WrittenSenders = %v", got)
	}
	if !rec.SentWritten(4) || rec.SentWritten(1) {
		t.Error("SentWritten")
	}
	if got := rec.NominatedMembers(10); len(got) != 1 || got[0].ID != 2 {
		t.Errorf("NominatedMembers = %v", got)
	}
	if got := rec.ConflictsOf(1); !slices.Equal(got, []int64{11}) {
		t.Errorf("ConflictsOf = %v", got)
	}
	if c, ok := rec.ConflictOf(1, 11); !ok || c.Source != ConflictSecretary {
		t.Errorf("ConflictOf = %v %v", c, ok)
	}
	if got := rec.RecusedIn(r, 10); len(got) != 1 || got[0].ID != 2 {
		t.Errorf("RecusedIn = %v", got)
	}
	if got := RecusesFrom(r, 2); !slices.Equal(got, []int64{10}) {
		t.Errorf("RecusesFrom = %v", got)
	}
	r.Award = "LDTT"
	if got := rec.PendingWritten(r); got != nil {
		t.Errorf("an award without written ballots: %v", got)
	}
}
