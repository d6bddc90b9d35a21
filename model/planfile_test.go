package model

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// basePlan is a small valid plan that the broken-plan cases mutate.
const basePlan = `[org]
name = "UBND xã Thử Nghiệm"
superior = "UBND huyện Thử Nghiệm"
place = "Thử Nghiệm"

[plan]
number = "01/KH-UBND"
date = "2024-01-10"
title = "Kế hoạch thi đua"

[meeting]
number = "01/BB-HĐTĐKT"
date = "2024-12-20"
place = "Hội trường"
tellers = 1

[council]
name = "Hội đồng Thi đua – Khen thưởng xã Thử Nghiệm"

[[council.members]]
name = "Người Thứ Nhất"
position = "Chủ tịch UBND xã"
role = "chair"

[[council.members]]
name = "Người Thứ Hai"
position = "Công chức"
role = "member"

[[council.members]]
name = "Người Thứ Ba"
position = "Công chức Văn phòng"
role = "secretary"
votes = false

[[awards]]
code = "GK"
name = "Giấy khen"
authority = "Chủ tịch UBND xã"
for = "both"
threshold = "70%"

[[awards]]
code = "LDTT"
name = "Lao động tiên tiến"
for = "individual"
ballot = false

[[criteria]]
for = "individual"
items = [
  { text = "Hoàn thành tốt nhiệm vụ" },
  { text = "Có sáng kiến", required = false },
]

[[eligibility]]
code = "KL"
text = "Đang bị kỷ luật"
effect = "exclude"

[[nominees]]
kind = "collective"
name = "Tổ Một"
unit = "UBND xã"
awards = ["GK"]

[[nominees]]
kind = "individual"
name = "Cá Nhân Một"
unit = "Tổ Một"
position = "Công chức"
awards = ["GK", "LDTT"]
facts = ["KL"]
`

// mutate replaces each old string, which must occur exactly once, by new.
func mutate(t *testing.T, pairs ...string) string {
	t.Helper()
	s := basePlan
	for i := 0; i+1 < len(pairs); i += 2 {
		if n := strings.Count(s, pairs[i]); n != 1 {
			t.Fatalf("%q occurs %d times in the base plan", pairs[i], n)
		}
		s = strings.Replace(s, pairs[i], pairs[i+1], 1)
	}
	return s
}

// lineOf returns "dòng N" for the line of basePlan that holds sub.
func lineOf(t *testing.T, sub string) string {
	t.Helper()
	i := strings.Index(basePlan, sub)
	if i < 0 {
		t.Fatalf("%q not in the base plan", sub)
	}
	return fmt.Sprintf("dòng %d", strings.Count(basePlan[:i], "\n")+1)
}

func problemsOf(t *testing.T, err error) Problems {
	t.Helper()
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("error is %T (%v), want Problems", err, err)
	}
	return ps
}

func TestBasePlanParses(t *testing.T) {
	p, err := ParsePlan([]byte(basePlan))
	if err != nil {
		t.Fatalf("base plan: %v", err)
	}
	if len(p.Council.Members) != 3 || len(p.Awards) != 2 || len(p.Nominees) != 2 {
		t.Fatalf("unexpected plan: %+v", p)
	}
}

func TestPlanDefaults(t *testing.T) {
	p, err := ParsePlan([]byte(mutate(t, "tellers = 1\n", "")))
	if err != nil {
		t.Fatal(err)
	}
	if p.Meeting.Quorum != (Fraction{2, 3}) {
		t.Errorf("quorum = %v, want 2/3", p.Meeting.Quorum)
	}
	if p.Meeting.Tellers != 2 {
		t.Errorf("tellers = %d, want 2: no more than the voting members", p.Meeting.Tellers)
	}
	big, err := ParsePlan([]byte(mutate(t, "tellers = 1\n", "", "[[awards]]\ncode = \"GK\"", "[[council.members]]\nname = \"Người Thứ Tư\"\nrole = \"member\"\n\n[[council.members]]\nname = \"Người Thứ Năm\"\nrole = \"member\"\n\n[[awards]]\ncode = \"GK\"")))
	if err != nil {
		t.Fatal(err)
	}
	if big.Meeting.Tellers != 3 {
		t.Errorf("tellers = %d, want the default 3", big.Meeting.Tellers)
	}
	if !p.Council.Members[0].Votes || !p.Council.Members[1].Votes || p.Council.Members[2].Votes {
		t.Errorf("votes = %v %v %v, want true true false", p.Council.Members[0].Votes, p.Council.Members[1].Votes, p.Council.Members[2].Votes)
	}
	gk := p.Awards[0].Rule
	want := Rule{BallotRequired: true, Threshold: Fraction{70, 100}, Comparison: AtLeast, Base: BaseAllMembers}
	if gk != want {
		t.Errorf("GK rule = %+v, want %+v", gk, want)
	}
	if p.Ref.Year != 2024 {
		t.Errorf("year = %d, want 2024 from the plan date", p.Ref.Year)
	}
	if c := p.Criteria[0].Criteria; !c[0].Required || c[1].Required {
		t.Errorf("required = %v %v, want true false", c[0].Required, c[1].Required)
	}
}

func TestPlanTOMLDatesAndComparisons(t *testing.T) {
	s := mutate(t,
		`date = "2024-12-20"`, `date = 2024-12-20`,
		`threshold = "70%"`, "threshold = \"70,5%\"\ncomparison = \"≥\"\nbase = \"valid-ballots\"",
	)
	p, err := ParsePlan([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	if p.Meeting.Date != "2024-12-20" {
		t.Errorf("date = %q", p.Meeting.Date)
	}
	want := Rule{BallotRequired: true, Threshold: Fraction{705, 1000}, Comparison: AtLeast, Base: BaseValid}
	if p.Awards[0].Rule != want {
		t.Errorf("rule = %+v, want %+v", p.Awards[0].Rule, want)
	}
}

func TestParsePlanFraction(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Fraction
	}{
		{"70%", Fraction{70, 100}},
		{"70,5%", Fraction{705, 1000}},
		{"70.5%", Fraction{705, 1000}},
		{" 90 % ", Fraction{90, 100}},
		{"2/3", Fraction{2, 3}},
		{"4/6", Fraction{4, 6}},
		{"66,67%", Fraction{6667, 10000}},
		{"100%", Fraction{100, 100}},
		{"150%", Fraction{150, 100}},
	} {
		got, msg := parsePlanFraction(tc.in)
		if msg != "" || got != tc.want {
			t.Errorf("parsePlanFraction(%q) = %v, %q; want %v", tc.in, got, msg, tc.want)
		}
	}
	for _, in := range []string{"", "abc", "70", "0.7", "%", "7,0,5%", "2/", "/3", "-5%", "2/0", "1234567%"} {
		if _, msg := parsePlanFraction(in); msg == "" {
			t.Errorf("parsePlanFraction(%q) accepted", in)
		}
	}
}

func TestPlanFractionText(t *testing.T) {
	for f, want := range map[Fraction]string{
		{7, 10}: "70%", {141, 200}: "70,5%", {2, 3}: "2/3", {3, 2}: "150%", {1, 1}: "100%", {1, 400}: "0,25%",
	} {
		if got := planFractionText(f); got != want {
			t.Errorf("planFractionText(%v) = %q, want %q", f, got, want)
		}
	}
}

func TestBrokenPlans(t *testing.T) {
	type want struct{ where, what string }
	for _, tc := range []struct {
		name  string
		input string
		want  []want
		exact bool // no other problems besides want
	}{
		{"syntax: unclosed string", mutate(t, `number = "01/KH-UBND"`, `number = "01/KH-UBND`),
			[]want{{lineOf(t, `number = "01/KH-UBND"`), "dấu ngoặc kép"}}, true},
		{"syntax: key defined twice", mutate(t, "place = \"Hội trường\"\n", "place = \"Hội trường\"\nplace = \"Khác\"\n"),
			[]want{{lineOf(t, "tellers = 1"), "khai báo hai lần"}}, true},
		{"syntax: value without quotes", mutate(t, `title = "Kế hoạch thi đua"`, `title = Kế hoạch thi đua`),
			[]want{{lineOf(t, `title = "Kế hoạch thi đua"`), "dấu ngoặc kép"}}, true},
		{"unknown key", mutate(t, `threshold = "70%"`, `thresold = "70%"`),
			[]want{{"awards[1].thresold", `khóa không được hỗ trợ: "thresold"; có phải ý là "threshold"?`}, {"awards[1].threshold", "chưa có ngưỡng đạt"}}, true},
		{"unknown section", mutate(t, "[org]", "[orgs]"),
			[]want{{"orgs", `khóa không được hỗ trợ: "orgs"`}, {"org.name", "chưa có tên cơ quan"}}, true},
		{"missing chair", mutate(t, `role = "chair"`, `role = "member"`),
			[]want{{"council.members", "Hội đồng chưa có chủ tịch"}}, true},
		{"two chairs", mutate(t, "role = \"member\"", "role = \"chair\""),
			[]want{{"council.members[2].role", "chỉ có một chủ tịch; thành viên thứ 1 (Người Thứ Nhất) đã là chủ tịch"}}, true},
		{"two secretaries", mutate(t, "role = \"member\"", "role = \"secretary\""),
			[]want{{"council.members[3].role", "chỉ có một thư ký"}}, true},
		{"unknown role", mutate(t, `role = "chair"`, `role = "boss"`),
			[]want{{"council.members[1].role", `vai trò không hợp lệ: "boss"`}}, true},
		{"missing role", mutate(t, "role = \"member\"\n", ""),
			[]want{{"council.members[2].role", "thiếu vai trò"}}, true},
		{"member without name", mutate(t, `name = "Người Thứ Hai"`, `name = "  "`),
			[]want{{"council.members[2].name", "thiếu họ và tên thành viên"}}, true},
		{"no members", mutate(t, "[[council.members]]\nname = \"Người Thứ Nhất\"\nposition = \"Chủ tịch UBND xã\"\nrole = \"chair\"\n\n[[council.members]]\nname = \"Người Thứ Hai\"\nposition = \"Công chức\"\nrole = \"member\"\n\n[[council.members]]\nname = \"Người Thứ Ba\"\nposition = \"Công chức Văn phòng\"\nrole = \"secretary\"\nvotes = false\n", ""),
			[]want{{"council.members", "chưa có thành viên nào"}}, true},
		{"threshold over 100%", mutate(t, `threshold = "70%"`, `threshold = "150%"`),
			[]want{{"awards[1].threshold", "150% vượt quá 100%"}}, true},
		{"threshold zero", mutate(t, `threshold = "70%"`, `threshold = "0%"`),
			[]want{{"awards[1].threshold", "phải lớn hơn 0%"}}, true},
		{"threshold malformed", mutate(t, `threshold = "70%"`, `threshold = "abc"`),
			[]want{{"awards[1].threshold", `tỷ lệ "abc" viết sai`}}, true},
		{"threshold as a number", mutate(t, `threshold = "70%"`, `threshold = 0.7`),
			[]want{{"awards[1].threshold", "dấu ngoặc kép"}}, true},
		{"unknown base", mutate(t, `threshold = "70%"`, "threshold = \"70%\"\nbase = \"everyone\""),
			[]want{{"awards[1].base", `cơ sở tính tỷ lệ không hợp lệ: "everyone"`}}, true},
		{"unknown comparison", mutate(t, `threshold = "70%"`, "threshold = \"70%\"\ncomparison = \"=>\""),
			[]want{{"awards[1].comparison", `cách so sánh không hợp lệ: "=>"`}}, true},
		{"more than 100%", mutate(t, `threshold = "70%"`, "threshold = \"100%\"\ncomparison = \">\""),
			[]want{{"awards[1].comparison", "không ai đạt được"}}, true},
		{"duplicate award code", mutate(t, `code = "LDTT"`, `code = "GK"`),
			[]want{{"awards[2].code", `mã "GK" bị trùng với awards[1]`}}, false},
		{"award code with diacritics", mutate(t, `code = "LDTT"`, `code = "LĐTT"`),
			[]want{{"awards[2].code", "chữ cái không dấu"}}, false},
		{"award without name", mutate(t, `name = "Giấy khen"`, `name = ""`),
			[]want{{"awards[1].name", "thiếu tên danh hiệu"}}, true},
		{"award for invalid", mutate(t, `for = "both"`, `for = "everybody"`),
			[]want{{"awards[1].for", `đối tượng khen thưởng không hợp lệ: "everybody"`}}, true},
		{"nominee with unknown award", mutate(t, `awards = ["GK"]`, `awards = ["GX"]`),
			[]want{{"nominees[1].awards", `mã danh hiệu "GX" không có trong kế hoạch; các mã có trong kế hoạch: GK, LDTT`}}, true},
		{"award not for the kind", mutate(t, `awards = ["GK"]`, `awards = ["GK", "LDTT"]`),
			[]want{{"nominees[1].awards", "Lao động tiên tiến (LDTT) không dành cho tập thể"}}, true},
		{"nominee without awards", mutate(t, `awards = ["GK"]`, `awards = []`),
			[]want{{"nominees[1].awards", "chưa đề nghị danh hiệu"}}, true},
		{"nominee awards not a list", mutate(t, `awards = ["GK"]`, `awards = "GK"`),
			[]want{{"nominees[1].awards", "phải là danh sách"}}, true},
		{"nominee unknown kind", mutate(t, `kind = "collective"`, `kind = "unit"`),
			[]want{{"nominees[1].kind", `loại đối tượng không hợp lệ: "unit"`}}, true},
		{"nominee without name", mutate(t, `name = "Tổ Một"`, `name = ""`),
			[]want{{"nominees[1].name", "thiếu tên tập thể"}}, true},
		{"nominee unknown fact", mutate(t, `facts = ["KL"]`, `facts = ["KY_LUAT"]`),
			[]want{{"nominees[2].facts", `mã điều kiện "KY_LUAT" không có trong kế hoạch; các mã có trong kế hoạch: KL`}}, true},
		{"duplicate nominee", mutate(t, `name = "Cá Nhân Một"`+"\n"+`unit = "Tổ Một"`, `name = "Tổ  một"`+"\n"+`unit = "UBND xã"`+"\n"+`kind2 = 1`) + "\n[[nominees]]\nkind = \"collective\"\nname = \"tổ một\"\nunit = \"UBND xã\"\nawards = [\"GK\"]\n",
			[]want{{"nominees[3]", "trùng với nominees[1]"}, {"nominees[2].kind2", "khóa không được hỗ trợ"}}, true},
		{"criteria for unknown award", mutate(t, `for = "individual"`+"\nitems", `for = "individual"`+"\naward = \"CSTD\"\nitems"),
			[]want{{"criteria[1].award", `mã danh hiệu "CSTD" không có trong kế hoạch; các mã có trong kế hoạch: GK, LDTT`}}, true},
		{"criteria for invalid", mutate(t, `for = "individual"`+"\nitems", `for = "both"`+"\nitems"),
			[]want{{"criteria[1].for", `đối tượng của bộ tiêu chuẩn không hợp lệ: "both"`}}, true},
		{"empty criterion", mutate(t, `{ text = "Có sáng kiến", required = false }`, `{ text = "", required = false }`),
			[]want{{"criteria[1].items[2].text", "nội dung tiêu chuẩn để trống"}}, true},
		{"bad plan date", mutate(t, `date = "2024-01-10"`, `date = "2024-02-30"`),
			[]want{{"plan.date", `ngày ban hành kế hoạch không hợp lệ: "2024-02-30"`}}, true},
		{"bad meeting date", mutate(t, `date = "2024-12-20"`, `date = "20/12/2024"`),
			[]want{{"meeting.date", `ngày họp không hợp lệ: "20/12/2024"`}}, true},
		{"unknown effect", mutate(t, `effect = "exclude"`, `effect = "later"`),
			[]want{{"eligibility[1].effect", `hệ quả không hợp lệ: "later"`}}, true},
		{"duplicate eligibility code", mutate(t, "[[nominees]]\nkind = \"collective\"", "[[eligibility]]\ncode = \"KL\"\ntext = \"Khác\"\neffect = \"defer\"\n\n[[nominees]]\nkind = \"collective\""),
			[]want{{"eligibility[2].code", `mã "KL" bị trùng với eligibility[1]`}}, true},
		{"tellers more than voting members", mutate(t, "tellers = 1", "tellers = 3"),
			[]want{{"meeting.tellers", "nhiều hơn số thành viên được biểu quyết (2)"}}, true},
		{"no tellers", mutate(t, "tellers = 1", "tellers = 0"),
			[]want{{"meeting.tellers", "ít nhất 1 người"}}, true},
		{"tellers as text", mutate(t, "tellers = 1", `tellers = "1"`),
			[]want{{"meeting.tellers", "phải là số nguyên"}}, true},
		{"quorum over 100%", mutate(t, "tellers = 1", "tellers = 1\nquorum = \"120%\""),
			[]want{{"meeting.quorum", "120% vượt quá 100%"}}, true},
		{"missing plan number", mutate(t, "number = \"01/KH-UBND\"\n", ""),
			[]want{{"plan.number", "chưa có số kế hoạch"}}, true},
		{"several problems at once", mutate(t,
			`name = "UBND xã Thử Nghiệm"`, `name = ""`,
			`role = "chair"`, `role = "member"`,
			`threshold = "70%"`, `threshold = "70 phần trăm"`,
			`facts = ["KL"]`, `facts = ["KL", "XX"]`,
		), []want{
			{"org.name", "chưa có tên cơ quan"},
			{"council.members", "chưa có chủ tịch"},
			{"awards[1].threshold", "viết sai"},
			{"nominees[2].facts", `"XX"`},
		}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParsePlan([]byte(tc.input))
			if err == nil {
				t.Fatal("accepted")
			}
			ps := problemsOf(t, err)
			for _, w := range tc.want {
				found := false
				for _, p := range ps {
					if p.Where == w.where && strings.Contains(p.What, w.what) {
						found = true
					}
				}
				if !found {
					t.Errorf("no problem %s: …%s…; got:\n%v", w.where, w.what, ps)
				}
			}
			if tc.exact && len(ps) != len(tc.want) {
				t.Errorf("got %d problems, want %d:\n%v", len(ps), len(tc.want), ps)
			}
			for _, p := range ps {
				if !norm.NFC.IsNormalString(p.What) {
					t.Errorf("message not NFC: %q", p.What)
				}
			}
		})
	}
}

func TestSeveralProblemsInFileOrder(t *testing.T) {
	s := mutate(t,
		`effect = "exclude"`, `effect = "x"`,
		`name = "UBND xã Thử Nghiệm"`, `name = ""`,
		`threshold = "70%"`, `threshold = "x"`,
	)
	_, err := ParsePlan([]byte(s))
	ps := problemsOf(t, err)
	var got []string
	for _, p := range ps {
		got = append(got, p.Where)
	}
	want := []string{"org.name", "awards[1].threshold", "eligibility[1].effect"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("order = %v, want %v", got, want)
	}
}

func TestPlanEncodingProblems(t *testing.T) {
	bad := []byte("[org]\nname = \"UBND x\xe3\"\n")
	_, err := ParsePlan(bad)
	ps := problemsOf(t, err)
	if len(ps) != 1 || ps[0].Where != "dòng 2" || !strings.Contains(ps[0].What, "UTF-8") {
		t.Errorf("non-UTF-8: %v", ps)
	}
	_, err = ParsePlan([]byte{0xFF, 0xFE, '[', 0})
	ps = problemsOf(t, err)
	if len(ps) != 1 || !strings.Contains(ps[0].What, "UTF-16") {
		t.Errorf("UTF-16: %v", ps)
	}
	// A byte-order mark, as Notepad writes it, is accepted.
	if _, err := ParsePlan(append([]byte{0xEF, 0xBB, 0xBF}, basePlan...)); err != nil {
		t.Errorf("with BOM: %v", err)
	}
}

func TestPlanTextIsNFC(t *testing.T) {
	nfd := norm.NFD.String(basePlan)
	if nfd == basePlan {
		t.Fatal("test input has nothing to normalise")
	}
	p, err := ParsePlan([]byte(strings.Replace(nfd, `title = "Kế hoạch thi đua"`, `title = "  Kế hoạch thi đua  "`, 1)))
	if err != nil {
		t.Fatal(err)
	}
	checks := [][2]string{
		{p.Org.Name, "UBND xã Thử Nghiệm"},
		{p.Council.Name, "Hội đồng Thi đua – Khen thưởng xã Thử Nghiệm"},
		{p.Council.Members[0].Name, "Người Thứ Nhất"},
		{p.Criteria[0].Criteria[0].Text, "Hoàn thành tốt nhiệm vụ"},
		{p.Eligibility[0].Text, "Đang bị kỷ luật"},
		{p.Nominees[1].Name, "Cá Nhân Một"},
		{p.Meeting.Number, "01/BB-HĐTĐKT"},
		{p.Ref.Title, "Kế hoạch thi đua"},
	}
	for _, c := range checks {
		got, want := c[0], c[1]
		if got != want {
			t.Errorf("got %q, want NFC %q", got, want)
		}
	}
}

func TestLoadPlan(t *testing.T) {
	dir := t.TempDir()
	_, err := LoadPlan(filepath.Join(dir, "khong-co.toml"))
	if ErrorCodeOf(err) != ENotFound || !strings.Contains(Message(err), "khong-co.toml") {
		t.Errorf("missing file: %v (code %d)", err, ErrorCodeOf(err))
	}
	_, err = LoadPlan(dir)
	if ErrorCodeOf(err) != EInvalid || !strings.Contains(Message(err), dir) {
		t.Errorf("directory: %v (code %d)", err, ErrorCodeOf(err))
	}
	path := filepath.Join(dir, "ke-hoach.toml")
	if err := os.WriteFile(path, []byte(basePlan), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := LoadPlan(path)
	if err != nil || p.Org.Name != "UBND xã Thử Nghiệm" {
		t.Errorf("LoadPlan = %q, %v", p.Org.Name, err)
	}
	if err := os.WriteFile(path, []byte(mutate(t, `role = "chair"`, `role = "member"`)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = LoadPlan(path)
	if ps := problemsOf(t, err); len(ps) != 1 || ps[0].Where != "council.members" {
		t.Errorf("LoadPlan problems = %v", ps)
	}
}

func TestValidatePlanWithoutTOML(t *testing.T) {
	p := SamplePlan()
	if ps := ValidatePlan(&p); len(ps) != 0 {
		t.Fatalf("sample: %v", ps)
	}
	p.Council.Members[1].Role = 0
	p.Awards[0].Rule.Threshold = Fraction{3, 2}
	p.Awards[0].Rule.Base = 0
	p.Meeting.Quorum = Fraction{}
	p.Nominees[0].Kind = 0
	ps := ValidatePlan(&p)
	for _, where := range []string{"council.members[2].role", "awards[1].threshold", "awards[1].base", "meeting.quorum", "nominees[1].kind"} {
		found := false
		for _, pr := range ps {
			found = found || pr.Where == where
		}
		if !found {
			t.Errorf("no problem at %s; got:\n%v", where, ps)
		}
	}
	if len(ps) != 5 {
		t.Errorf("got %d problems, want 5:\n%v", len(ps), ps)
	}
}

func TestSamplePlan(t *testing.T) {
	data := SamplePlanTOML()
	if !norm.NFC.IsNormal(data) {
		t.Error("sample.toml is not NFC")
	}
	p, err := ParsePlan(data)
	if err != nil {
		t.Fatalf("sample plan: %v", err)
	}
	if ps := ValidatePlan(&p); len(ps) > 0 {
		t.Fatalf("sample plan does not validate: %v", ps)
	}
	if !reflect.DeepEqual(p, SamplePlan()) {
		t.Error("parsing SamplePlanTOML() differs from SamplePlan()")
	}
	data[0] = 'X'
	if SamplePlanTOML()[0] == 'X' {
		t.Error("SamplePlanTOML returns the embedded slice itself")
	}

	if p.Org.Name != "UBND thị trấn Như Quỳnh" || p.Org.Superior != "UBND huyện Văn Lâm" || p.Org.Place != "Như Quỳnh" {
		t.Errorf("org = %+v", p.Org)
	}
	if p.Ref != (PlanRef{"11/KH-UBND", "2023-01-15", "Kế hoạch phát động phong trào thi đua cải cách hành chính năm 2023", 2023}) {
		t.Errorf("ref = %+v", p.Ref)
	}
	if p.Meeting != (MeetingSettings{Number: "01/BB-HĐTĐKT", Date: "2023-12-15", Place: "Hội trường UBND thị trấn Như Quỳnh", Quorum: Fraction{2, 3}, Tellers: 3,
		SignSecretary: "THƯ KÝ", SignPresiding: "CHỦ TỌA", WrittenBallots: true}) {
		t.Errorf("meeting = %+v", p.Meeting)
	}

	roles := map[Role]int{}
	voting := 0
	for _, m := range p.Council.Members {
		roles[m.Role]++
		if m.Votes {
			voting++
		}
		if strings.Contains(m.Name, "Lê Thế Am") {
			t.Errorf("real signatory in the sample council: %s", m.Name)
		}
		if m.Role == RoleSecretary && m.Votes {
			t.Error("the sample secretary votes")
		}
	}
	if len(p.Council.Members) != 9 || voting != 8 || roles[RoleChair] != 1 || roles[RoleViceChair] != 1 || roles[RoleMember] != 6 || roles[RoleSecretary] != 1 {
		t.Errorf("council: %d members, %d voting, roles %v", len(p.Council.Members), voting, roles)
	}

	wantRules := map[string]Rule{
		"GK_TT":       {true, Fraction{50, 100}, MoreThan, BasePresent},
		"GK_HUYEN":    {true, Fraction{70, 100}, AtLeast, BaseAllMembers},
		"HTNV":        {false, Fraction{}, AtLeast, BaseAllMembers},
		"LDTT":        {false, Fraction{}, AtLeast, BaseAllMembers},
		"CSTDCS":      {true, Fraction{70, 100}, AtLeast, BaseAllMembers},
		"CSTD_TINH":   {true, Fraction{90, 100}, AtLeast, BaseAllMembers},
		"CSTD_TQ":     {true, Fraction{90, 100}, AtLeast, BaseAllMembers},
		"BK_TINH":     {true, Fraction{70, 100}, AtLeast, BaseAllMembers},
		"BK_TTG":      {true, Fraction{90, 100}, AtLeast, BaseAllMembers},
		"HUAN_CHUONG": {true, Fraction{90, 100}, AtLeast, BaseAllMembers},
	}
	if len(p.Awards) != len(wantRules) {
		t.Errorf("%d awards, want %d", len(p.Awards), len(wantRules))
	}
	for code, rule := range wantRules {
		a, ok := p.Award(code)
		if !ok {
			t.Errorf("no award %s", code)
			continue
		}
		if a.Rule != rule {
			t.Errorf("%s rule = %+v, want %+v", code, a.Rule, rule)
		}
	}
	if a, _ := p.Award("GK_TT"); a.Superior || a.Recipients != ForBoth || a.Authority != "Chủ tịch UBND thị trấn Như Quỳnh" {
		t.Errorf("GK_TT = %+v", a)
	}
	if a, _ := p.Award("GK_HUYEN"); !a.Superior || a.Recipients != ForBoth || a.Authority != "Chủ tịch UBND huyện Văn Lâm" {
		t.Errorf("GK_HUYEN = %+v", a)
	}

	coll := p.CriteriaFor(KindCollective, "GK_HUYEN")
	ind := p.CriteriaFor(KindIndividual, "GK_TT")
	if len(coll) != 4 || len(ind) != 5 {
		t.Fatalf("criteria: %d collective, %d individual; want 4 and 5", len(coll), len(ind))
	}
	if coll[1].Text != "Hoàn thành xuất sắc nhiệm vụ được giao trong năm 2023" || !coll[1].Required {
		t.Errorf("collective criterion 2 = %+v", coll[1])
	}
	if ind[4].Text != "Thực hiện nghiêm kỷ luật, kỷ cương hành chính (không vi phạm kỷ luật, kỷ cương hành chính)." {
		t.Errorf("individual criterion 5 = %q", ind[4].Text)
	}
	for _, c := range append(append([]Criterion(nil), coll...), ind...) {
		innovation := strings.HasPrefix(c.Text, "Có sáng kiến hoặc giải pháp")
		if c.Required == innovation {
			t.Errorf("criterion %q required = %v", c.Text, c.Required)
		}
	}
	// Every criterion is the seed's text, word for word.
	seed, err := os.ReadFile("../../shared/seed/000_467d48b8acb805c9.txt")
	if err == nil {
		for _, c := range append(append([]Criterion(nil), coll...), ind...) {
			if !strings.Contains(string(seed), c.Text) {
				t.Errorf("criterion not in the seed: %q", c.Text)
			}
		}
	}

	if len(p.Eligibility) != 4 || p.Eligibility[0].Effect != EffectExclude || p.Eligibility[1].Effect != EffectDefer {
		t.Errorf("eligibility = %+v", p.Eligibility)
	}

	kinds := map[Kind]int{}
	deferred := 0
	for _, n := range p.Nominees {
		kinds[n.Kind]++
		if n.Kind == KindCollective && !reflect.DeepEqual(n.Awards, []string{"GK_HUYEN", "BK_TINH"}) {
			t.Errorf("collective %s awards = %v", n.Name, n.Awards)
		}
		if n.Kind == KindIndividual && (len(n.Awards) == 0 || n.Awards[0] != "GK_TT") {
			t.Errorf("individual %s awards = %v", n.Name, n.Awards)
		}
		if reflect.DeepEqual(n.Facts, []string{"XEM_XET_KY_LUAT"}) {
			deferred++
		}
	}
	if kinds[KindCollective] != 4 || kinds[KindIndividual] != 6 || deferred != 1 {
		t.Errorf("nominees: %v, deferred %d", kinds, deferred)
	}
	if p.Nominees[0].Name != "UBND thị trấn" {
		t.Errorf("first nominee = %q", p.Nominees[0].Name)
	}
}
