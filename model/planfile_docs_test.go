package model

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// docsPlan is the base plan with every document key set.
func docsPlan(t *testing.T) string {
	return mutate(t,
		"tellers = 1\n", "tellers = 1\nsign_secretary = \"THƯ KÝ\"\nsign_presiding = \"CHỦ TRÌ\"\n",
		`threshold = "70%"`, "threshold = \"70%\"\nreason = \"xuất sắc trong phong trào thi đua\"\nreward_collective = \"0,6\"\nreward_individual = 0.3",
		"[[criteria]]", `[decision]
number = "25/QĐ-UBND"
date = 2024-12-27
issuer = "ỦY BAN NHÂN DÂN XÃ THỬ NGHIỆM"
signer = "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ THỬ NGHIỆM"
sign_title = "KT. CHỦ TỊCH"
signer_name = "Người Thứ Nhất"
bases = ["Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"]
proposer = "Văn phòng UBND xã"
executors = ["Văn phòng UBND xã"]
recipients = ["Như trên"]
base_salary = 2340000
fund = "Quỹ thi đua, khen thưởng của UBND xã"

[[criteria]]`)
}

func TestPlanDocumentKeys(t *testing.T) {
	p, err := ParsePlan([]byte(docsPlan(t)))
	if err != nil {
		t.Fatal(err)
	}
	if p.Meeting.SignSecretary != "THƯ KÝ" || p.Meeting.SignPresiding != "CHỦ TRÌ" {
		t.Errorf("meeting = %+v", p.Meeting)
	}
	a := p.Awards[0]
	if a.Reason != "xuất sắc trong phong trào thi đua" || a.RewardCollective != (Fraction{6, 10}) || a.RewardIndividual != (Fraction{3, 10}) {
		t.Errorf("award = %+v", a)
	}
	want := DecisionSettings{
		Number: "25/QĐ-UBND", Date: "2024-12-27", Issuer: "ỦY BAN NHÂN DÂN XÃ THỬ NGHIỆM",
		Signer: "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ THỬ NGHIỆM", SignTitle: "KT. CHỦ TỊCH", SignerName: "Người Thứ Nhất",
		Bases: []string{"Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"}, Proposer: "Văn phòng UBND xã",
		Executors: []string{"Văn phòng UBND xã"}, Recipients: []string{"Như trên"}, BaseSalary: 2340000,
		Fund: "Quỹ thi đua, khen thưởng của UBND xã",
	}
	if !reflect.DeepEqual(p.Decision, want) {
		t.Errorf("decision = %+v\nwant %+v", p.Decision, want)
	}
	if p.Decision.IsZero() || !(DecisionSettings{}).IsZero() {
		t.Error("IsZero is wrong")
	}
	// Without the keys, nothing is set.
	base, err := ParsePlan([]byte(basePlan))
	if err != nil {
		t.Fatal(err)
	}
	if !base.Decision.IsZero() || base.Awards[0].Reason != "" || base.Awards[0].RewardIndividual != (Fraction{}) || base.Meeting.SignPresiding != "" {
		t.Errorf("defaults: %+v %+v", base.Decision, base.Awards[0])
	}
	// Each changed key is named by PlanDiff.
	diff := PlanDiff(base, p)
	for _, w := range []string{
		`meeting.sign_presiding: "" → "CHỦ TRÌ"`, `awards[1].reason: "" → "xuất sắc trong phong trào thi đua"`,
		"awards[1].reward_individual: (không có) → 0,3", "decision.base_salary: 0 → 2340000", `decision.number: "" → "25/QĐ-UBND"`,
	} {
		if !slices.Contains(diff, w) {
			t.Errorf("PlanDiff lacks %q: %q", w, diff)
		}
	}
}

func TestPlanDocumentKeyProblems(t *testing.T) {
	type want struct{ where, what string }
	for _, tc := range []struct {
		name     string
		from, to string
		want     want
	}{
		{"title in small letters", `sign_presiding = "CHỦ TRÌ"`, `sign_presiding = "Chủ trì"`,
			want{"meeting.sign_presiding", `chức danh ký "Chủ trì" phải viết chữ in hoa`}},
		{"reward malformed", `reward_collective = "0,6"`, `reward_collective = "sáu"`,
			want{"awards[1].reward_collective", `hệ số "sáu" viết sai`}},
		{"reward zero", `reward_collective = "0,6"`, `reward_collective = "0"`,
			want{"awards[1].reward_collective", "phải lớn hơn 0"}},
		{"reward for a superior award", "reason = \"xuất sắc", "superior = true\nreason = \"xuất sắc",
			want{"awards[1].reward_collective", "chỉ ghi cho hình thức do cấp này tặng"}},
		{"reward for a kind the award is not for", `for = "both"`, `for = "individual"`,
			want{"awards[1].reward_collective", "Giấy khen (GK) không dành cho tập thể"}},
		{"decision date", "date = 2024-12-27", `date = "27/12/2024"`,
			want{"decision.date", `ngày ký quyết định không hợp lệ: "27/12/2024"`}},
		{"decision before the meeting", "date = 2024-12-27", "date = 2024-12-01",
			want{"decision.date", "trước ngày họp 20/12/2024"}},
		{"decision number", `number = "25/QĐ-UBND"`, `number = "25"`,
			want{"decision.number", `số quyết định "25" viết sai`}},
		{"base salary as text", "base_salary = 2340000", `base_salary = "2.340.000"`,
			want{"decision.base_salary", "phải là số đồng viết liền"}},
		{"empty legal basis", `bases = ["Căn cứ`, `bases = ["", "Căn cứ`,
			want{"decision.bases[1]", "căn cứ để trống"}},
		{"unknown decision key", "fund = ", "funds = ",
			want{"decision.funds", `có phải ý là "fund"?`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := docsPlan(t)
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

func TestMultipleText(t *testing.T) {
	for _, tc := range []struct {
		f    Fraction
		want string
	}{{Fraction{3, 10}, "0,3"}, {Fraction{15, 10}, "1,5"}, {Fraction{2, 1}, "2"}, {Fraction{60, 100}, "0,6"}, {Fraction{125, 100}, "1,25"}, {Fraction{}, ""}, {Fraction{1, 3}, "1/3"}} {
		if got := MultipleText(tc.f); got != tc.want {
			t.Errorf("MultipleText(%v) = %q, want %q", tc.f, got, tc.want)
		}
	}
}

func TestSamplePlanDecision(t *testing.T) {
	p := SamplePlan()
	d := p.Decision
	if !slices.ContainsFunc(d.Bases, func(s string) bool {
		return strings.Contains(s, "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022")
	}) {
		t.Errorf("the sample decision does not cite the 2022 law: %q", d.Bases)
	}
	if d.BaseSalary != 1800000 || d.SignTitle != "CHỦ TỊCH" {
		t.Errorf("decision = %+v", d)
	}
	a, _ := p.Award("GK_TT")
	if a.Reason == "" || a.RewardIndividual != (Fraction{3, 10}) || a.RewardCollective != (Fraction{6, 10}) {
		t.Errorf("GK_TT = %+v", a)
	}
	for _, a := range p.Awards {
		if a.Superior && (a.RewardCollective != (Fraction{}) || a.RewardIndividual != (Fraction{})) {
			t.Errorf("%s is the superior's but has a reward", a.Code)
		}
	}
}

// presidingRecord is a council with a chair, two vice-chairs, a member and
// a secretary, every one present.
func presidingRecord() *Record {
	rec := &Record{}
	for i, r := range []Role{RoleSecretary, RoleChair, RoleViceChair, RoleViceChair, RoleMember} {
		rec.Members = append(rec.Members, MemberRecord{Member: Member{ID: int64(i + 1), Role: r, Votes: r != RoleSecretary}, Attendance: AttendancePresent})
	}
	return rec
}

func TestRecordPresiding(t *testing.T) {
	for _, tc := range []struct {
		name     string
		absent   []int64
		unknown  bool // no roll call yet
		recorded int64
		want     int64
	}{
		{name: "the chair by default", want: 2},
		{name: "the first vice-chair present when the chair is absent", absent: []int64{2}, want: 3},
		{name: "the next vice-chair when the first is absent too", absent: []int64{2, 3}, want: 4},
		{name: "nobody when neither is present", absent: []int64{2, 3, 4}, want: 0},
		{name: "the member recorded", absent: []int64{2}, recorded: 5, want: 5},
		{name: "the member recorded even with the chair present", recorded: 4, want: 4},
		{name: "not a recorded member who is absent", absent: []int64{2, 5}, recorded: 5, want: 3},
		{name: "nobody before the roll call", unknown: true, want: 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := presidingRecord()
			for i := range rec.Members {
				switch {
				case tc.unknown:
					rec.Members[i].Attendance = AttendanceUnknown
				case slices.Contains(tc.absent, rec.Members[i].ID):
					rec.Members[i].Attendance = AttendanceAbsent
				}
			}
			rec.Meeting.Presiding = tc.recorded
			m, ok := rec.Presiding()
			if ok != (tc.want != 0) || m.ID != tc.want {
				t.Errorf("Presiding() = %d, %v; want %d", m.ID, ok, tc.want)
			}
		})
	}
}

func TestRecordDates(t *testing.T) {
	rec := &Record{}
	rec.Plan.Meeting.Date = "2023-12-15"
	if sat, planned, differs := rec.DateToConfirm(); sat != "" || planned != "2023-12-15" || differs {
		t.Errorf("before the meeting: %q %q %v", sat, planned, differs)
	}
	if d := rec.DocumentDate(); d != "2023-12-15" {
		t.Errorf("DocumentDate before the meeting = %q", d)
	}
	// 23:30 UTC on the 15th is already the 16th in Vietnam.
	rec.Meeting.StartedAt = time.Date(2023, 12, 15, 23, 30, 0, 0, time.UTC)
	if sat, planned, differs := rec.DateToConfirm(); sat != "2023-12-16" || planned != "2023-12-15" || !differs {
		t.Errorf("sat the next day: %q %q %v", sat, planned, differs)
	}
	if d := rec.DocumentDate(); d != "2023-12-16" {
		t.Errorf("DocumentDate = %q, want the day it sat", d)
	}
	rec.Meeting.MinutesDate = "2023-12-15"
	if d := rec.DocumentDate(); d != "2023-12-15" {
		t.Errorf("DocumentDate = %q, want the confirmed date", d)
	}
	rec.Meeting.StartedAt = time.Date(2023, 12, 15, 1, 30, 0, 0, time.UTC)
	if _, _, differs := rec.DateToConfirm(); differs {
		t.Error("the same day differs")
	}
}
