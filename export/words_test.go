package export

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"hoidong/model"
)

// awardNames are names awards go by, each starting with a capital that
// must stay one wherever the name stands in a sentence.
var awardNames = []string{
	"Giấy khen của Chủ tịch UBND thị trấn", "Giấy khen của Chủ tịch UBND huyện", "Bằng khen của Chủ tịch UBND tỉnh",
	"Lao động tiên tiến", "Chiến sĩ thi đua cơ sở", "Cờ thi đua của UBND tỉnh", "Tập thể lao động xuất sắc",
	"Bằng khen của Thủ tướng Chính phủ", "Huân chương Lao động hạng Ba",
}

// everyText renders every document of rec in every format as text: the
// plain text without its pages, Markdown, CSV, JSON and the words of the
// Word document.
func everyText(t *testing.T, rec *model.Record) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, d := range Documents() {
		b, err := Render(d, rec)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		switch d.Format {
		case FormatDocx:
			text = strings.Join(docxText(docxPart(t, b, "word/document.xml")), "\n")
		case FormatText:
			text = unpage(text)
		}
		out[d.Name] = text
	}
	return out
}

// TestDocuments_AwardNamesKeepTheirCapitals renders generated meetings
// whose awards carry real names and finds no award name with its first
// letter lowered, in any document or format.
func TestDocuments_AwardNamesKeepTheirCapitals(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 2024))
	for iter := range 25 {
		rec := generatedMeeting(rng)
		names := slices.Clone(awardNames)
		rng.Shuffle(len(names), func(i, j int) { names[i], names[j] = names[j], names[i] })
		for i := range rec.Plan.Awards {
			rec.Plan.Awards[i].Name = names[i]
		}
		rec.Plan.Awards[0].Superior = rng.IntN(2) == 0
		rec.Plan.Awards[1].Superior = !rec.Plan.Awards[0].Superior
		if rng.IntN(3) == 0 {
			rec.Meeting.Status = model.MeetingOpen
		}
		for name, text := range everyText(t, rec) {
			flatText := strings.Join(strings.Fields(text), " ")
			for _, a := range rec.Plan.Awards {
				low := lowerFirst(a.Name)
				if low == a.Name {
					t.Fatalf("%q does not start with a capital", a.Name)
				}
				if i := strings.Index(flatText, low); i >= 0 {
					t.Errorf("meeting %d, %s: %q lower-cased: …%s…", iter, name, a.Name, flatText[max(i-40, 0):min(i+len(low)+20, len(flatText))])
				}
			}
		}
	}
}

// TestDocuments_NoDoubledWords finds no word, nor pair of words, written
// twice in a row in any document of the fixture or of generated meetings:
// no "Ban kiểm phiếu kiểm phiếu".
func TestDocuments_NoDoubledWords(t *testing.T) {
	recs := []*model.Record{fixture(), openPaperFixture(), chairFixture()}
	rng := rand.New(rand.NewPCG(8, 2024))
	for range 5 {
		recs = append(recs, generatedMeeting(rng))
	}
	word := regexp.MustCompile(`^\p{L}+$`)
	for i, rec := range recs {
		for name, text := range everyText(t, rec) {
			if strings.HasSuffix(name, ".json") || strings.HasSuffix(name, ".csv") {
				continue // records and tables, not sentences
			}
			for _, line := range strings.Split(text, "\n") {
				// Words next to each other: only white space between them.
				ws := strings.Fields(strings.ToLower(line))
				for j := range ws {
					if !word.MatchString(ws[j]) {
						continue
					}
					if j+1 < len(ws) && ws[j] == ws[j+1] {
						t.Errorf("meeting %d, %s: %q doubled in %q", i, name, ws[j], strings.TrimSpace(line))
					}
					if j+3 < len(ws) && word.MatchString(ws[j+1]) && ws[j] == ws[j+2] && ws[j+1] == ws[j+3] {
						t.Errorf("meeting %d, %s: %q doubled in %q", i, name, ws[j]+" "+ws[j+1], strings.TrimSpace(line))
					}
				}
			}
		}
	}
}

// TestDateLine_EveryDayOfAYear writes the date line for every day of a leap
// year: the day always in two digits, the month in two digits for January
// and February only, as Decree 30/2020 asks.
func TestDateLine_EveryDayOfAYear(t *testing.T) {
	months := []string{"", "01", "02", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"}
	n := 0
	for d := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() == 2024; d = d.AddDate(0, 0, 1) {
		n++
		day := fmt.Sprint(d.Day())
		if d.Day() < 10 {
			day = "0" + day
		}
		want := "Như Quỳnh, ngày " + day + " tháng " + months[d.Month()] + " năm 2024"
		if got := DateLine("Như Quỳnh", d); got != want {
			t.Errorf("%s: %q, want %q", d.Format(time.DateOnly), got, want)
		}
	}
	if n != 366 {
		t.Errorf("%d days", n)
	}
	// The documents carry the same line in their heading.
	rec := fixture()
	for _, c := range []struct{ date, want string }{
		{"2024-02-05", "ngày 05 tháng 02 năm 2024"}, {"2024-03-15", "ngày 15 tháng 3 năm 2024"},
		{"2023-01-09", "ngày 09 tháng 01 năm 2023"}, {"2023-12-01", "ngày 01 tháng 12 năm 2023"},
	} {
		rec.Meeting.MinutesDate = c.date
		for _, key := range []string{DocMinutes, DocResults, DocList} {
			b, err := renderDoc(rec, key, FormatText)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(b), "Như Quỳnh, "+c.want) {
				t.Errorf("%s dated %s lacks %q", key, c.date, c.want)
			}
		}
	}
}

// TestDocuments_ConfirmedDate: the date the secretary confirmed is the
// date of every document — the heading, the times in the body, the
// vote-count records, the references to the minutes — while the times of
// day stay as the clock recorded them.
func TestDocuments_ConfirmedDate(t *testing.T) {
	rec := fixture() // sat on 15/12/2023 by the clock
	rec.Meeting.MinutesDate = "2023-12-14"
	minutes := flat(string(render(t, Minutes, rec)))
	for _, want := range []string{
		"Như Quỳnh, ngày 14 tháng 12 năm 2023", "bắt đầu lúc 08 giờ 30 phút, ngày 14 tháng 12 năm 2023",
		"kết thúc lúc 10 giờ 45 phút cùng ngày", "Lúc 11 giờ 05 phút, ngày 14 tháng 12 năm 2023",
	} {
		if !strings.Contains(minutes, want) {
			t.Errorf("minutes lack %q", want)
		}
	}
	if strings.Contains(minutes, "15 tháng 12") {
		t.Error("the minutes still say the 15th")
	}
	b, err := renderDoc(rec, DocCount, FormatText)
	if err != nil {
		t.Fatal(err)
	}
	count := flat(string(b))
	if strings.Count(count, "Như Quỳnh, ngày 14 tháng 12 năm 2023") != 3 || !strings.Contains(count, "vào lúc 09 giờ 55 phút, ngày 14 tháng 12 năm 2023") {
		t.Errorf("vote-count records are not dated the 14th:\n%s", count)
	}
	for _, key := range []string{DocResults, DocSubmission, DocDecision} {
		b, err := renderDoc(rec, key, FormatText)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(flat(string(b)), "01/BB-HĐTĐKT ngày 14/12/2023") {
			t.Errorf("%s does not cite the minutes of the 14th", key)
		}
	}
}

// TestDocuments_WhoPresides: the minutes name whoever presides as "Chủ
// trì" and have them sign under the plan's title; with the chair absent,
// the vice-chair; a member the secretary recorded, when present.
func TestDocuments_WhoPresides(t *testing.T) {
	for _, tc := range []struct {
		name      string
		edit      func(*model.Record)
		presides  string
		annexSign []string
	}{
		{"the chair", func(*model.Record) {}, "Chủ trì: Lê Văn Mẫu Tâm – Chủ tịch UBND thị trấn, Chủ tịch Hội đồng.",
			[]string{"TM. HỘI ĐỒNG", "CHỦ TỊCH", "Lê Văn Mẫu Tâm"}},
		{"the vice-chair when the chair is absent", func(rec *model.Record) { rec.Members[0].Attendance = model.AttendanceAbsent },
			"Chủ trì: Nguyễn Văn Bình – Phó Chủ tịch UBND thị trấn, Phó Chủ tịch Hội đồng.",
			[]string{"TM. HỘI ĐỒNG", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Bình"}},
		{"the member recorded", func(rec *model.Record) {
			rec.Members[0].Attendance, rec.Members[1].Attendance = model.AttendanceAbsent, model.AttendanceAbsent
			rec.Meeting.Presiding = memTuPhap
		}, "Chủ trì: Phạm Đức Dũng – Công chức Tư pháp - Hộ tịch, Ủy viên.", []string{"CHỦ TRÌ", "Phạm Đức Dũng"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := fixture()
			rec.Plan.Meeting.SignPresiding = "CHỦ TRÌ"
			tc.edit(rec)
			m, _ := rec.Presiding()
			out := flat(string(render(t, Minutes, rec)))
			if !strings.Contains(out, tc.presides) {
				t.Errorf("minutes lack %q", tc.presides)
			}
			if !strings.Contains(out, "THƯ KÝ CHỦ TRÌ Đỗ Thị Hằng "+m.Name) {
				t.Errorf("minutes are not signed by %s under CHỦ TRÌ", m.Name)
			}
			b, err := renderDoc(rec, DocResults, FormatDocx)
			if err != nil {
				t.Fatal(err)
			}
			tables := regexp.MustCompile(`(?s)<w:tbl>.*?</w:tbl>`).FindAllString(docxPart(t, b, "word/document.xml"), -1)
			sig := docxText(tables[len(tables)-1])
			for _, w := range tc.annexSign {
				if !slices.Contains(sig, w) {
					t.Errorf("the results are signed %q, want %q among them", sig, w)
				}
			}
		})
	}
}

// TestMinutes_ReadOutBeforeClosing: a closed meeting's minutes say they
// were read out and approved, right before the closing time; a draft does
// not.
func TestMinutes_ReadOutBeforeClosing(t *testing.T) {
	const read = "Biên bản đã được đọc lại cho các thành viên dự họp cùng nghe và nhất trí thông qua. Phiên họp kết thúc lúc 10 giờ 45 phút"
	if out := flat(string(render(t, Minutes, fixture()))); !strings.Contains(out, read) {
		t.Errorf("the minutes lack %q", read)
	}
	if out := flat(string(render(t, Minutes, openPaperFixture()))); strings.Contains(out, "đọc lại") {
		t.Error("a draft says it was read out and approved")
	}
}

// TestRoles_SameCapitalsInTextAndTables: a role is written the same in a
// sentence and in the table of members.
func TestRoles_SameCapitalsInTextAndTables(t *testing.T) {
	out := flat(string(render(t, Minutes, fixture())))
	for _, r := range []model.Role{model.RoleChair, model.RoleViceChair, model.RoleMember} {
		lower := lowerFirst(r.Label())
		if strings.Contains(out, ", "+lower) || strings.Contains(out, " "+lower+" (") {
			t.Errorf("the minutes write %q in a sentence", lower)
		}
	}
	if !strings.Contains(out, "Công chức Văn hóa - Xã hội, Ủy viên (lý do") {
		t.Error("an absent member's role is not written as the table writes it")
	}
}

// TestShare_BaseSaysWhatItCounts: where some members have no vote, a share
// of all members says it counts those with one, and how many.
func TestShare_BaseSaysWhatItCounts(t *testing.T) {
	out := flat(string(render(t, Minutes, fixture())))
	for _, want := range []string{
		"so với tổng số thành viên Hội đồng có quyền biểu quyết (5)",
		"tỷ lệ = số phiếu đồng ý / số thành viên có quyền biểu quyết có mặt (4)",
		"3. Thành viên Hội đồng có quyền biểu quyết: Có mặt 4/5 thành viên",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("minutes lack %q", want)
		}
	}
	rec := fixture()
	for i := range rec.Members {
		rec.Members[i].Votes = true
	}
	if out := flat(string(render(t, Minutes, rec))); strings.Contains(out, "có quyền biểu quyết") || !strings.Contains(out, "tổng số thành viên Hội đồng (5)") {
		t.Error("a council where everyone votes still says who has a vote")
	}
}

// TestCount_QuorumAndTies: each vote-count record writes out the quorum
// of its round, and the tie at the quota line next to the tied nominees.
func TestCount_QuorumAndTies(t *testing.T) {
	b, err := renderDoc(fixture(), DocCount, FormatText)
	if err != nil {
		t.Fatal(err)
	}
	out := flat(string(b))
	if n := strings.Count(out, "có mặt khi bỏ phiếu 4 thành viên, đủ điều kiện tiến hành bỏ phiếu (≥ 2/3): 4 × 3 = 12 ≥ 2 × 5 = 10."); n != 3 {
		t.Errorf("%d rounds write out their quorum, want 3", n)
	}
	for _, want := range []string{
		"1 Thôn Ngọc Quỳnh 4 0 80,00% Đạt sau bỏ phiếu lại 2 Nguyễn Thị Thu Hà 4 0 80,00% Không đạt sau bỏ phiếu lại",
		"Hội đồng bỏ phiếu lại giữa các đối tượng này (vòng 3).",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("vote-count records lack %q", want)
		}
	}
}

// TestMoneyWords reads amounts of đồng as a payment order writes them.
func TestMoneyWords(t *testing.T) {
	for _, tc := range []struct {
		n       int64
		figures string
		words   string
	}{
		{540000, "540.000", "Năm trăm bốn mươi nghìn đồng"},
		{1080000, "1.080.000", "Một triệu không trăm tám mươi nghìn đồng"},
		{1800000, "1.800.000", "Một triệu tám trăm nghìn đồng"},
		{2340000, "2.340.000", "Hai triệu ba trăm bốn mươi nghìn đồng"},
		{15000, "15.000", "Mười lăm nghìn đồng"},
		{21000, "21.000", "Hai mươi mốt nghìn đồng"},
		{105000, "105.000", "Một trăm linh năm nghìn đồng"},
		{1005000, "1.005.000", "Một triệu không trăm linh năm nghìn đồng"},
		{2000000000, "2.000.000.000", "Hai tỷ đồng"},
		{0, "0", "Không đồng"},
	} {
		if got := moneyFigures(tc.n); got != tc.figures {
			t.Errorf("moneyFigures(%d) = %q, want %q", tc.n, got, tc.figures)
		}
		if got := moneyWords(tc.n); got != tc.words {
			t.Errorf("moneyWords(%d) = %q, want %q", tc.n, got, tc.words)
		}
	}
	for _, tc := range []struct {
		f    model.Fraction
		base int64
		want int64
	}{
		{model.Fraction{Num: 3, Den: 10}, 1800000, 540000},
		{model.Fraction{Num: 6, Den: 10}, 2340000, 1410000}, // 1.404.000 rounded up to the ten thousand
		{model.Fraction{Num: 15, Den: 10}, 1490000, 2240000},
	} {
		if got := rewardAmount(tc.f, tc.base); got != tc.want {
			t.Errorf("rewardAmount(%v, %d) = %d, want %d", tc.f, tc.base, got, tc.want)
		}
	}
}

// TestDecision_Content: the decision grants the town's own award to those
// the council recommended: its heading, the one who decides, the legal
// bases with the plan and the minutes by number and date, the three
// articles, the recipients and the signature, and the list attached in
// the record's order; none for an award the superior grants.
func TestDecision_Content(t *testing.T) {
	rec := fixture()
	rec.Plan.Decision.Number = "25/QĐ-UBND"
	rec.Plan.Decision.Date = "2023-12-20"
	rec.Plan.Decision.SignerName = "Lê Văn Mẫu Tâm"
	b, err := renderDoc(rec, DocDecision, FormatText)
	if err != nil {
		t.Fatal(err)
	}
	out := flat(string(b))
	for _, want := range []string{
		"ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM THỊ TRẤN NHƯ QUỲNH Độc lập - Tự do - Hạnh phúc",
		"Số: 25/QĐ-UBND Như Quỳnh, ngày 20 tháng 12 năm 2023",
		"QUYẾT ĐỊNH Về việc tặng Giấy khen của Chủ tịch UBND thị trấn",
		"CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ TRẤN NHƯ QUỲNH Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
		"Căn cứ Kế hoạch số 11/KH-UBND ngày 15/01/2023",
		"Căn cứ Biên bản họp Hội đồng Thi đua – Khen thưởng thị trấn Như Quỳnh số 01/BB-HĐTĐKT ngày 15/12/2023; Theo đề nghị của Văn phòng UBND thị trấn.",
		"QUYẾT ĐỊNH: Điều 1. Tặng Giấy khen của Chủ tịch UBND thị trấn cho 01 tập thể (có danh sách kèm theo), đã có thành tích xuất sắc trong phong trào",
		"Điều 2. Mỗi tập thể được tặng Giấy khen của Chủ tịch UBND thị trấn kèm theo tiền thưởng 0,6 lần mức lương cơ sở, là 1.080.000 đồng (bằng chữ: Một triệu không trăm tám mươi nghìn đồng).",
		"Điều 3. Quyết định này có hiệu lực kể từ ngày ký.",
		"Nơi nhận: CHỦ TỊCH - Như Điều 3; - Lưu: VT, HĐTĐKT. Lê Văn Mẫu Tâm",
		"DANH SÁCH Tập thể được tặng Giấy khen của Chủ tịch UBND thị trấn (Kèm theo Quyết định số 25/QĐ-UBND ngày 20 tháng 12 năm 2023)",
		"I. TẬP THỂ (01) STT Tên tập thể Đơn vị",
		"─ 1 Thôn Ngọc Quỳnh Thị trấn Như Quỳnh",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the decision lacks %q", want)
		}
	}
	if strings.Contains(out, "huyện (") || strings.Contains(out, "Bộ phận Tiếp nhận") {
		t.Error("the decision grants the district's award, which the superior grants")
	}
	// Its list is on a page of its own, numbered apart.
	if d, err := renderDoc(rec, DocDecision, FormatDocx); err != nil {
		t.Fatal(err)
	} else if n := strings.Count(docxPart(t, d, "word/document.xml"), "<w:sectPr>"); n != 2 {
		t.Errorf("%d sections, want the decision and its list", n)
	}
	// Without amounts, the reward is left to fill in.
	rec.Plan.Awards[0].RewardCollective = model.Fraction{}
	rec.Plan.Decision.BaseSalary = 0
	rec.Plan.Awards[0].Reason = ""
	b, _ = renderDoc(rec, DocDecision, FormatText)
	if out := flat(string(b)); !strings.Contains(out, "kèm theo tiền thưởng .................... đồng") || !strings.Contains(out, "đã có thành tích .......") {
		t.Errorf("blanks are not left to fill in:\n%s", out)
	}
	// Nobody recommended for the town's award: the decision says there is none to make.
	rec = fixture()
	rec.Rounds, rec.Decisions = nil, nil
	b, _ = renderDoc(rec, DocDecision, FormatText)
	if !strings.Contains(flat(string(b)), "không cần lập quyết định") {
		t.Error("a decision without anyone to grant")
	}
	// A plan without an award of its own level has no decision.
	rec = fixture()
	for i := range rec.Plan.Awards {
		rec.Plan.Awards[i].Superior = true
	}
	if _, err := Select(rec, Options{Docs: []string{DocDecision}}); model.ErrorCodeOf(err) != model.EInvalid {
		t.Errorf("a decision for a plan without an award of its own level: %v", err)
	}
	docs, _ := Select(rec, Options{})
	if slices.ContainsFunc(docs, func(d Document) bool { return d.Doc == DocDecision }) {
		t.Error("the decision is among the documents of a plan without an award of its own level")
	}
}

// TestDecision_TitleOrForm: a form of award is given by its name, an
// emulation title as such.
func TestDecision_TitleOrForm(t *testing.T) {
	for name, want := range map[string]string{
		"Giấy khen của Chủ tịch UBND thị trấn": "Giấy khen của Chủ tịch UBND thị trấn",
		"Lao động tiên tiến":                   "danh hiệu Lao động tiên tiến",
		"Bằng khen của Chủ tịch UBND tỉnh":     "Bằng khen của Chủ tịch UBND tỉnh",
		"Chiến sĩ thi đua cơ sở":               "danh hiệu Chiến sĩ thi đua cơ sở",
	} {
		if got := awardObject(model.Award{Name: name}); got != want {
			t.Errorf("awardObject(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestDocKeys: every registered document has a key, titles for the
// screens, a file name and formats; the CLI's list names them all.
func TestDocKeys(t *testing.T) {
	keys := DocKeys()
	if !slices.Equal(keys, []string{"bien-ban", "kiem-phieu", "ket-qua", "danh-sach", "to-trinh", "quyet-dinh", "phieu-bau", "ho-so-thieu", "ho-so"}) {
		t.Errorf("DocKeys() = %v", keys)
	}
	if DocUsage() != strings.Join(keys, ", ") {
		t.Errorf("DocUsage() = %q", DocUsage())
	}
	for _, d := range DocTypes() {
		if d.Title == "" || d.Short == "" || d.File == "" || len(d.Formats) == 0 || !unicode.IsUpper([]rune(d.Short)[0]) {
			t.Errorf("%s is not registered whole: %+v", d.Key, d)
		}
		if text, err := Preview(fixture(), d.Key); err != nil || text == "" || strings.Contains(text, "\f") {
			t.Errorf("Preview(%s): %v, form feed %v", d.Key, err, strings.Contains(text, "\f"))
		}
	}
}
