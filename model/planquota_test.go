package model

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// withQuota adds lines to the base plan's GK award (awards[1], decided by
// ballot) and, optionally, other lines to the LDTT award (awards[2]).
func withQuota(t *testing.T, gk, ldtt string) string {
	t.Helper()
	s := mutate(t, `threshold = "70%"`, "threshold = \"70%\"\n"+gk)
	if ldtt != "" {
		s = strings.Replace(s, "ballot = false\n", "ballot = false\n"+ldtt+"\n", 1)
	}
	return s
}

func TestPlanQuota_Parses(t *testing.T) {
	for _, tc := range []struct {
		name  string
		lines string
		want  Quota
		tie   TieBreak
	}{
		{"fixed number", "quota = 3", Quota{Count: 3}, TieRevote},
		{"fixed number, chair", "quota = 1\ntie = \"chair\"", Quota{Count: 1}, TieChair},
		{"share of another award", "quota = \"15%\"\nquota_of = \"LDTT\"", Quota{ShareOf: "LDTT", Share: Fraction{15, 100}}, TieRevote},
		{"share as a fraction", "quota = \"1/3\"\nquota_of = \"LDTT\"\ntie = \"revote\"", Quota{ShareOf: "LDTT", Share: Fraction{1, 3}}, TieRevote},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := ParsePlan([]byte(withQuota(t, tc.lines, "")))
			if err != nil {
				t.Fatal(err)
			}
			a, _ := p.Award("GK")
			if a.Quota == nil || *a.Quota != tc.want || a.TieBreak != tc.tie {
				t.Errorf("quota = %+v, tie = %v; want %+v, %v", a.Quota, a.TieBreak, tc.want, tc.tie)
			}
			if other, _ := p.Award("LDTT"); other.Quota != nil || other.TieBreak != 0 {
				t.Errorf("LDTT quota = %+v, tie = %v; want none", other.Quota, other.TieBreak)
			}
		})
	}
}

func TestPlanSecret_Parses(t *testing.T) {
	for _, tc := range []struct {
		line string
		want bool
	}{{"", false}, {"secret = false\n", false}, {"secret = true\n", true}} {
		p, err := ParsePlan([]byte(mutate(t, "tellers = 1\n", "tellers = 1\n"+tc.line)))
		if err != nil {
			t.Fatalf("%q: %v", tc.line, err)
		}
		if p.Meeting.Secret != tc.want {
			t.Errorf("%q: secret = %v", tc.line, p.Meeting.Secret)
		}
	}
	_, err := ParsePlan([]byte(mutate(t, "tellers = 1\n", "tellers = 1\nsecret = \"có\"\n")))
	ps := problemsOf(t, err)
	if len(ps) != 1 || ps[0].Where != "meeting.secret" || !strings.Contains(ps[0].What, "true (có) hoặc false") {
		t.Errorf("problems = %v", ps)
	}
}

func TestPlanQuota_Broken(t *testing.T) {
	for _, tc := range []struct {
		name, gk, ldtt string
		where, what    string
	}{
		{"zero places", "quota = 0", "", "awards[1].quota", "lớn hơn 0"},
		{"negative places", "quota = -2", "", "awards[1].quota", "lớn hơn 0"},
		{"number in quotes", "quota = \"3\"", "", "awards[1].quota", "viết không có dấu ngoặc kép: quota = 3"},
		{"malformed share", "quota = \"mười lăm\"\nquota_of = \"LDTT\"", "", "awards[1].quota", "viết sai"},
		{"share over 100%", "quota = \"150%\"\nquota_of = \"LDTT\"", "", "awards[1].quota", "150% vượt quá 100%"},
		{"share of zero", "quota = \"0%\"\nquota_of = \"LDTT\"", "", "awards[1].quota", "phải lớn hơn 0%"},
		{"a float", "quota = 1.5", "", "awards[1].quota", "số nguyên (quota = 3)"},
		{"share without quota_of", "quota = \"15%\"", "", "awards[1].quota_of", "quota_of = \"LDTT\"; các mã có trong kế hoạch: GK, LDTT"},
		{"quota_of without quota", "quota_of = \"LDTT\"", "", "awards[1].quota_of", "thêm quota"},
		{"quota_of with a number", "quota = 2\nquota_of = \"LDTT\"", "", "awards[1].quota_of", "chỉ tiêu 2 suất là số cố định"},
		{"quota_of unknown", "quota = \"15%\"\nquota_of = \"LĐTT\"", "", "awards[1].quota_of", `mã danh hiệu "LĐTT" không có trong kế hoạch`},
		{"quota_of itself", "quota = \"15%\"\nquota_of = \"GK\"", "", "awards[1].quota_of", "không thể lấy theo chính nó"},
		{"unknown tie", "quota = 3\ntie = \"coin\"", "", "awards[1].tie", `không hợp lệ: "coin"; chỉ dùng một trong: "revote", "chair"`},
		{"tie without quota", "tie = \"chair\"", "", "awards[1].tie", "tie chỉ dùng khi danh hiệu có chỉ tiêu"},
		{"quota without ballot", "", "quota = 2", "awards[2].quota", "chỉ dùng cho danh hiệu có bỏ phiếu kín"},
		{"cycle of shares", "quota = \"50%\"\nquota_of = \"LDTT\"", "ballot = true\nthreshold = \"50%\"\nquota = \"50%\"\nquota_of = \"GK\"", "awards[1].quota_of", "vòng tròn: GK → LDTT → GK"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			input := withQuota(t, tc.gk, tc.ldtt)
			if tc.name == "cycle of shares" {
				input = strings.Replace(input, "ballot = false\nballot = true\n", "ballot = true\n", 1)
			}
			_, err := ParsePlan([]byte(input))
			if err == nil {
				t.Fatal("accepted")
			}
			ps := problemsOf(t, err)
			found := false
			for _, p := range ps {
				if p.Where == tc.where && strings.Contains(p.What, tc.what) {
					found = true
				}
				if !norm.NFC.IsNormalString(p.What) {
					t.Errorf("message not NFC: %q", p.What)
				}
			}
			if !found {
				t.Errorf("no problem %s: …%s…; got:\n%v", tc.where, tc.what, ps)
			}
			if tc.name != "cycle of shares" && len(ps) != 1 {
				t.Errorf("got %d problems, want 1:\n%v", len(ps), ps)
			}
		})
	}
}

func TestPlanQuota_ValidateWithoutTOML(t *testing.T) {
	p := SamplePlan()
	for i := range p.Awards {
		if p.Awards[i].Code == "GK_TT" {
			p.Awards[i].Quota = &Quota{Count: 2}
			p.Awards[i].TieBreak = 7
		}
		if p.Awards[i].Code == "BK_TINH" {
			p.Awards[i].Quota = &Quota{Share: Fraction{1, 10}, ShareOf: "CSTDCS"}
		}
	}
	ps := ValidatePlan(&p)
	if len(ps) != 1 || ps[0].Where != "awards[1].tie" {
		t.Errorf("problems = %v", ps)
	}
}

func TestSamplePlan_Quotas(t *testing.T) {
	p := SamplePlan()
	if p.Meeting.Secret {
		t.Error("the sample plan asks for voting codes")
	}
	gk, _ := p.Award("GK_HUYEN")
	if gk.Quota == nil || *gk.Quota != (Quota{Count: 3}) || gk.TieBreak != TieRevote {
		t.Errorf("GK_HUYEN quota = %+v, tie %v", gk.Quota, gk.TieBreak)
	}
	cs, _ := p.Award("CSTDCS")
	if cs.Quota == nil || *cs.Quota != (Quota{Count: 1}) || cs.TieBreak != TieChair {
		t.Errorf("CSTDCS quota = %+v, tie %v", cs.Quota, cs.TieBreak)
	}
	for _, a := range p.Awards {
		if a.Code != "GK_HUYEN" && a.Code != "CSTDCS" && (a.Quota != nil || a.TieBreak != 0) {
			t.Errorf("%s has a quota %+v / tie %v", a.Code, a.Quota, a.TieBreak)
		}
	}
}
