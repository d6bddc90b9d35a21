package model

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// dossierPlan is the base plan with a dossier for GK and the collective's
// achievement report received.
func dossierPlan(t *testing.T) string {
	return mutate(t,
		`threshold = "70%"`, `threshold = "70%"
superior = true

[[awards.documents]]
name = "Tờ trình đề nghị khen thưởng"
short = "Tờ trình"
produced = true

[[awards.documents]]
name = "Báo cáo thành tích của tập thể hoặc cá nhân được đề nghị khen thưởng"
short = "Báo cáo thành tích"

[[awards.documents]]
name = "Bản sao quyết định công nhận sáng kiến"
short = "Sáng kiến"`,
		"unit = \"UBND xã\"\nawards = [\"GK\"]", "unit = \"UBND xã\"\nawards = [\"GK\"]\nreceived = [\"bao cao thanh tich\"]")
}

func TestPlanDossier(t *testing.T) {
	p, err := ParsePlan([]byte(dossierPlan(t)))
	if err != nil {
		t.Fatal(err)
	}
	want := []Document{
		{Name: "Tờ trình đề nghị khen thưởng", Short: "Tờ trình", Produced: true},
		{Name: "Báo cáo thành tích của tập thể hoặc cá nhân được đề nghị khen thưởng", Short: "Báo cáo thành tích"},
		{Name: "Bản sao quyết định công nhận sáng kiến", Short: "Sáng kiến"},
	}
	if !reflect.DeepEqual(p.Awards[0].Documents, want) {
		t.Errorf("documents = %+v", p.Awards[0].Documents)
	}
	if got := p.Nominees[0].Received; !reflect.DeepEqual(got, []DossierDoc{{"GK", 1}}) {
		t.Errorf("received = %+v", got)
	}
	if len(p.Awards[1].Documents) != 0 || !p.HasDossiers() {
		t.Errorf("LDTT documents = %+v", p.Awards[1].Documents)
	}
	// "đủ" receives every document the program does not write.
	all, err := ParsePlan([]byte(strings.Replace(dossierPlan(t), `received = ["bao cao thanh tich"]`, `received = ["Đầy đủ"]`, 1)))
	if err != nil {
		t.Fatal(err)
	}
	if got := all.Nominees[0].Received; !reflect.DeepEqual(got, []DossierDoc{{"GK", 1}, {"GK", 2}}) {
		t.Errorf("received all = %+v", got)
	}
	base, err := ParsePlan([]byte(basePlan))
	if err != nil {
		t.Fatal(err)
	}
	diff := PlanDiff(base, p)
	for _, w := range []string{`awards[1].documents[2]: (không có) → "Báo cáo thành tích của tập thể hoặc cá nhân được đề nghị khen thưởng"`,
		`nominees[1].received: [] → ["GK#2"]`} {
		if !slices.Contains(diff, w) {
			t.Errorf("PlanDiff lacks %q: %q", w, diff)
		}
	}
}

func TestPlanDossierProblems(t *testing.T) {
	for _, tc := range []struct {
		name, from, to, where, what string
	}{
		{"document without a name", `name = "Bản sao quyết định công nhận sáng kiến"`, `name = ""`,
			"awards[1].documents[3].name", "giấy tờ trong hồ sơ chưa có tên"},
		{"duplicate names", `short = "Sáng kiến"`, `short = "Báo cáo thành tích"`,
			"awards[1].documents[3]", "«Báo cáo thành tích» trùng với giấy tờ thứ 2 trong hồ sơ của Giấy khen (GK)"},
		{"produced as text", "produced = true", `produced = "có"`,
			"awards[1].documents[1].produced", "phải là true (có) hoặc false (không)"},
		{"name as a number", `name = "Bản sao quyết định công nhận sáng kiến"`, "name = 3",
			"awards[1].documents[3].name", "phải là chữ đặt trong dấu ngoặc kép"},
		{"unknown key", `short = "Sáng kiến"`, `shorts = "Sáng kiến"`,
			"awards[1].documents[3].shorts", `có phải ý là "short"?`},
		{"documents not a list of tables", `code = "LDTT"`, "code = \"LDTT\"\ndocuments = \"Tờ trình\"",
			"awards[2].documents", "phải là danh sách các bảng [[awards[2].documents]]"},
		{"unknown received document", `received = ["bao cao thanh tich"]`, `received = ["Giấy chứng nhận"]`,
			"nominees[1].received", "giấy tờ «Giấy chứng nhận» không có trong hồ sơ của các danh hiệu đề nghị; ghi tên hoặc tên ngắn: «Báo cáo thành tích», «Sáng kiến»"},
		{"received as text", `received = ["bao cao thanh tich"]`, `received = "đủ"`,
			"nominees[1].received", "phải là danh sách trong dấu [ ]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := dossierPlan(t)
			if strings.Count(s, tc.from) != 1 {
				t.Fatalf("%q occurs %d times", tc.from, strings.Count(s, tc.from))
			}
			_, err := ParsePlan([]byte(strings.Replace(s, tc.from, tc.to, 1)))
			ps := problemsOf(t, err)
			for _, p := range ps {
				if p.Where == tc.where && strings.Contains(p.What, tc.what) {
					return
				}
			}
			t.Errorf("no problem %s: …%s…; got:\n%v", tc.where, tc.what, ps)
		})
	}
}

func TestRecordDossier(t *testing.T) {
	p, err := ParsePlan([]byte(dossierPlan(t)))
	if err != nil {
		t.Fatal(err)
	}
	rec := Record{Plan: p, Nominees: []NomineeRecord{
		{Nominee: Nominee{ID: 1, Kind: KindCollective, Name: "Tổ Một", Awards: []string{"GK"}},
			Candidacies: []Candidacy{{Award: "GK", Received: []bool{false, true, false}}}},
		{Nominee: Nominee{ID: 2, Kind: KindIndividual, Name: "Cá Nhân Một", Awards: []string{"GK", "LDTT"}},
			Candidacies: []Candidacy{{Award: "GK", Received: []bool{false, true, true}}, {Award: "LDTT"}}},
		{Nominee: Nominee{ID: 3, Kind: KindIndividual, Name: "Cá Nhân Hai", Awards: []string{"GK"}},
			Candidacies: []Candidacy{{Award: "GK"}}},
	}}
	if got := DocumentLabels(rec.MissingDocuments(1, "GK")); got != "Sáng kiến" {
		t.Errorf("missing 1 = %q", got)
	}
	if !rec.DossierComplete(2, "GK") || !rec.DossierComplete(2, "LDTT") || rec.DossierComplete(3, "GK") {
		t.Error("DossierComplete is wrong")
	}
	items := rec.Dossier(1, "GK")
	var states []string
	for _, it := range items {
		states = append(states, it.State())
	}
	if want := []string{"Do chương trình lập", "Đã nhận", "Còn thiếu"}; !slices.Equal(states, want) {
		t.Errorf("states = %q", states)
	}
	gaps := rec.IncompleteDossiers()
	if len(gaps) != 2 || gaps[0].Nominee.ID != 1 || gaps[1].Nominee.ID != 3 {
		t.Fatalf("gaps = %+v", gaps)
	}
	if DocumentLabels(gaps[1].Missing) != "Báo cáo thành tích, Sáng kiến" || len(gaps[1].Received) != 0 ||
		DocumentLabels(gaps[0].Received) != "Báo cáo thành tích" {
		t.Errorf("gaps = %+v", gaps)
	}
	// An award of the meeting's own level is not sent anywhere.
	rec.Plan.Awards[0].Superior = false
	if gaps := rec.IncompleteDossiers(); len(gaps) != 0 {
		t.Errorf("own-level gaps = %+v", gaps)
	}
}

func TestRemarkHeading(t *testing.T) {
	for _, tc := range []struct {
		r    Remark
		want string
	}{
		{Remark{Speaker: 3, SpeakerName: "Nguyễn Văn An"}, "Đồng chí Nguyễn Văn An phát biểu"},
		{Remark{SpeakerName: "Đại diện Văn phòng"}, "Ý kiến khác (Đại diện Văn phòng)"},
		{Remark{}, "Ý kiến khác"},
	} {
		if got := tc.r.Heading(); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.r, got, tc.want)
		}
	}
}
