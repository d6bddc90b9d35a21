package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"hoidong/model"
	"hoidong/voting"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// render writes one document of rec into memory.
func render(t *testing.T, write func(io.Writer, *model.Record) error, rec *model.Record) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf, rec); err != nil {
		t.Fatalf("write: %v", err)
	}
	return buf.Bytes()
}

// golden compares got with testdata/name byte for byte, or rewrites the
// file with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./export -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; run go test ./export -update and review the diff\n--- got ---\n%s", name, got)
	}
}

func TestFixture_ResultsMatchTally(t *testing.T) {
	rec := fixture()
	for _, r := range rec.Rounds {
		a, _ := rec.Plan.Award(r.Award)
		var got []model.ResultLine
		if r.Mode == model.RoundPaper {
			agree := map[int64]int{}
			for _, l := range r.Results {
				agree[l.NomineeID] = l.Agree
			}
			got = voting.TallyPaper(a.Rule, r.Nominees, agree, voting.RoundBase(r))
		} else {
			got = voting.Tally(a.Rule, r.Nominees, r.Ballots, voting.RoundBase(r))
		}
		if !slices.Equal(got, r.Results) {
			t.Errorf("round %d: fixture results %+v, tally gives %+v", r.Seq, r.Results, got)
		}
	}
}

// TestDocuments_Golden compares every document in every text format with
// its golden file: the fixture is a closed meeting with an electronic
// round, a paper round and a tie settled by a re-vote.
func TestDocuments_Golden(t *testing.T) {
	for _, d := range Documents() {
		if d.Format == FormatDocx {
			continue // checked part by part in docx_test.go
		}
		t.Run(d.Name, func(t *testing.T) {
			golden(t, d.Name+".golden", render(t, d.Write, fixture()))
		})
	}
}

// TestDocuments_GoldenOpenPaperRound covers the ballot papers of an open
// paper round, one per member present, and the documents while it is open.
func TestDocuments_GoldenOpenPaperRound(t *testing.T) {
	rec := openPaperFixture()
	for _, d := range Documents() {
		if d.Doc != DocBallots || d.Format == FormatDocx {
			continue
		}
		t.Run(d.Name, func(t *testing.T) {
			golden(t, "vong-mo-"+d.Name+".golden", render(t, d.Write, rec))
		})
	}
}

func TestDocuments_Deterministic(t *testing.T) {
	for _, d := range Documents() {
		a := render(t, d.Write, fixture())
		for range 5 { // map iteration order differs from run to run
			if b := render(t, d.Write, fixture()); !bytes.Equal(a, b) {
				t.Fatalf("%s: two exports of the same record differ", d.Name)
			}
		}
	}
}

// TestDocuments_LeaveRecordUnchanged renders everything and compares the
// record with a fresh copy: exporting never changes the record.
func TestDocuments_LeaveRecordUnchanged(t *testing.T) {
	rec := fixture()
	rec.Decisions = []model.ChairDecision{{Award: "GK-TT", Round: 1, Tied: []int64{nomThon, nomHa}, Chosen: []int64{nomHa}, Chair: "Lê Văn Mẫu Tâm"}}
	want := fixture()
	want.Decisions = []model.ChairDecision{{Award: "GK-TT", Round: 1, Tied: []int64{nomThon, nomHa}, Chosen: []int64{nomHa}, Chair: "Lê Văn Mẫu Tâm"}}
	for _, d := range Documents() {
		render(t, d.Write, rec)
	}
	if !reflect.DeepEqual(rec, want) {
		t.Error("exporting changed the record")
	}
}

func TestDocuments_Order(t *testing.T) {
	var names []string
	for _, d := range Documents() {
		names = append(names, d.Name)
	}
	var want []string
	for _, base := range []string{"bien-ban-hop", "bien-ban-kiem-phieu", "ket-qua-bo-phieu", "danh-sach-de-nghi-khen-thuong", "to-trinh-de-nghi-khen-thuong", "quyet-dinh-khen-thuong", "phieu-bau", "bao-cao-ho-so-con-thieu"} {
		for _, f := range []string{"txt", "md", "csv", "json", "docx"} {
			if f != "json" || base == "quyet-dinh-khen-thuong" || base == "bao-cao-ho-so-con-thieu" {
				want = append(want, base+"."+f)
			}
		}
	}
	want = append(want, "ho-so-phien-hop.json")
	if !slices.Equal(names, want) {
		t.Errorf("Documents() = %v, want %v", names, want)
	}
}

func TestDocuments_NFC(t *testing.T) {
	rec := fixture()
	rec.Nominees[1].Name = norm.NFD.String("Thôn Ngọc Quỳnh Đông")
	for _, d := range Documents() {
		out := render(t, d.Write, rec)
		if d.Format == FormatDocx {
			out = []byte(docxPart(t, out, "word/document.xml"))
		}
		if !norm.NFC.IsNormal(out) {
			t.Errorf("%s is not NFC", d.Name)
		}
	}
}

func TestDocuments_TextLinesFitPage(t *testing.T) {
	for _, rec := range []*model.Record{fixture(), openPaperFixture()} {
		for _, d := range Documents() {
			if d.Format != FormatText {
				continue
			}
			for i, l := range strings.Split(string(render(t, d.Write, rec)), "\n") {
				if w := width(l); w > pageWidth {
					t.Errorf("%s line %d is %d columns wide: %q", d.Name, i+1, w, l)
				}
				if strings.TrimRight(l, " ") != l {
					t.Errorf("%s line %d has trailing spaces: %q", d.Name, i+1, l)
				}
			}
		}
	}
}

func TestDocuments_NilRecord(t *testing.T) {
	for _, d := range Documents() {
		err := d.Write(io.Discard, nil)
		if model.ErrorCodeOf(err) != model.EInvalid {
			t.Errorf("%s(nil) = %v, want a user error", d.Name, err)
		}
	}
}

func TestMinutes_LinesFitPage(t *testing.T) {
	out := string(render(t, Minutes, fixture()))
	for i, l := range strings.Split(out, "\n") {
		if w := width(l); w > pageWidth {
			t.Errorf("line %d is %d columns wide: %q", i+1, w, l)
		}
		if strings.TrimRight(l, " ") != l {
			t.Errorf("line %d has trailing spaces: %q", i+1, l)
		}
	}
}

func TestMinutes_HeaderColumnsAligned(t *testing.T) {
	out := string(render(t, Minutes, fixture()))
	lines := strings.Split(out, "\n")
	header := lines[:7]
	want := []struct{ left, right string }{
		{"UBND THỊ TRẤN NHƯ QUỲNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
		{"HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG", "Độc lập - Tự do - Hạnh phúc"},
		{"THỊ TRẤN NHƯ QUỲNH", ""}, // and the rule under the motto
		{"", ""},
		{"", ""},
		{"Số: 01/BB-HĐTĐKT", "Như Quỳnh, ngày 15 tháng 12 năm 2023"},
	}
	for i, w := range want {
		l := header[i]
		if w.left == "" && w.right == "" {
			continue
		}
		left, right := splitAt(l, headerLeft)
		if w.right == "" {
			right = ""
		}
		if strings.TrimSpace(left) != w.left || strings.TrimSpace(right) != w.right {
			t.Errorf("header line %d = %q, want %q | %q", i+1, l, w.left, w.right)
		}
		// Each part is centred in its column by display width.
		if d := centreOffset(left, headerLeft); d > 1 {
			t.Errorf("header line %d: left part off centre by %d: %q", i+1, d, left)
		}
		if d := centreOffset(right, pageWidth-headerLeft); right != "" && d > 1 {
			t.Errorf("header line %d: right part off centre by %d: %q", i+1, d, right)
		}
	}
	// The rule under the motto is as long as the motto and starts where it starts.
	motto, rl := header[1], header[2]
	_, mr := splitAt(motto, headerLeft)
	_, rr := splitAt(rl, headerLeft)
	if width(strings.TrimSpace(rr)) != width("Độc lập - Tự do - Hạnh phúc") || leading(rr) != leading(mr) {
		t.Errorf("rule %q does not sit under the motto %q", rr, mr)
	}
}

// splitAt cuts line at display column col (padding it to col first).
func splitAt(line string, col int) (string, string) {
	line = padRight(line, col)
	var left strings.Builder
	w := 0
	for i, r := range line {
		if w >= col {
			return left.String(), line[i:]
		}
		left.WriteRune(r)
		w = width(left.String())
	}
	return left.String(), ""
}

// leading counts the spaces at the start of s.
func leading(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }

// centreOffset returns how far the text of s is from the centre of a column
// of width w, in cells.
func centreOffset(s string, w int) int {
	text := strings.TrimSpace(s)
	l := leading(s)
	r := w - l - width(text)
	d := l - r
	if d < 0 {
		d = -d
	}
	return d
}

func TestCenter_DisplayWidth(t *testing.T) {
	for _, s := range []string{"Độc lập - Tự do - Hạnh phúc", "UBND THỊ TRẤN NHƯ QUỲNH", "Nghĩa", "Ngh\u0129a"} {
		c := center(s, 40)
		if width(c) != 40 {
			t.Errorf("center(%q, 40) is %d wide", s, width(c))
		}
	}
	// Decomposed marks take no cell of their own.
	if w := width(norm.NFD.String("Quỳnh")); w != 5 {
		t.Errorf("width of decomposed Quỳnh = %d, want 5", w)
	}
}

func TestWrap(t *testing.T) {
	for _, tc := range []struct {
		in   string
		w    int
		want []string
	}{
		{"Bộ phận Tiếp nhận và trả kết quả", 12, []string{"Bộ phận Tiếp", "nhận và trả", "kết quả"}},
		{"", 5, []string{""}},
		{"Nghiêngnghiêng", 5, []string{"Nghiê", "ngngh", "iêng"}},
	} {
		if got := wrap(tc.in, tc.w); !slices.Equal(got, tc.want) {
			t.Errorf("wrap(%q, %d) = %q, want %q", tc.in, tc.w, got, tc.want)
		}
	}
}

func TestDateLine(t *testing.T) {
	for _, tc := range []struct {
		y    int
		m    time.Month
		d    int
		want string
	}{
		{2024, 2, 5, "Như Quỳnh, ngày 05 tháng 02 năm 2024"},
		{2024, 3, 15, "Như Quỳnh, ngày 15 tháng 3 năm 2024"},
		{2023, 1, 15, "Như Quỳnh, ngày 15 tháng 01 năm 2023"},
		{2023, 12, 1, "Như Quỳnh, ngày 01 tháng 12 năm 2023"},
		{2023, 10, 9, "Như Quỳnh, ngày 09 tháng 10 năm 2023"},
	} {
		if got := DateLine("Như Quỳnh", time.Date(tc.y, tc.m, tc.d, 0, 0, 0, 0, time.UTC)); got != tc.want {
			t.Errorf("DateLine(%d-%d-%d) = %q, want %q", tc.y, tc.m, tc.d, got, tc.want)
		}
	}
	if got := DateLine("", time.Date(2024, 2, 5, 0, 0, 0, 0, time.UTC)); got != "Ngày 05 tháng 02 năm 2024" {
		t.Errorf("DateLine without place = %q", got)
	}
}

func TestMinutes_VietnamTimeNotLocal(t *testing.T) {
	rec := fixture()
	rec.Plan.Meeting.Date = "" // fall back to StartedAt
	out := flat(string(render(t, Minutes, rec)))
	for _, want := range []string{"bắt đầu lúc 08 giờ 30 phút, ngày 15 tháng 12 năm 2023", "Như Quỳnh, ngày 15 tháng 12 năm 2023", "kết thúc lúc 10 giờ 45 phút cùng ngày"} {
		if !strings.Contains(out, want) {
			t.Errorf("minutes lack %q", want)
		}
	}
}

// flat joins the wrapped lines of a text into one line of single spaces.
func flat(s string) string { return strings.Join(strings.Fields(unpage(s)), " ") }

func TestMinutes_Content(t *testing.T) {
	out := flat(string(render(t, Minutes, fixture())))
	for _, want := range []string{
		"BIÊN BẢN",
		"Có mặt 4/5 thành viên — đủ điều kiện (≥ 2/3): 4 × 3 = 12 ≥ 2 × 5 = 10",
		"Hoàng Thị Duyên – Công chức Văn hóa - Xã hội, Ủy viên (lý do: đi công tác tại huyện)",
		"Điều kiện khen thưởng: Thuộc trường hợp không khen thưởng: đang bị kỷ luật.",
		"Chưa có sáng kiến được công nhận",
		"Vòng 1 – Giấy khen của Chủ tịch UBND thị trấn - Hình thức: bỏ phiếu kín điện tử",
		"Vòng 2 – Giấy khen của Chủ tịch UBND huyện - Hình thức: bỏ phiếu kín bằng phiếu giấy",
		"Số phiếu hợp lệ: 3; số phiếu không hợp lệ: 1.",
		"4/5 = 80,00% ≥ 70%",
		"Thôn Ngọc Quỳnh 4 0 80,00% Đạt sau bỏ phiếu lại",
		"1) 4/5 = 80,00% ≥ 70% (4 × 100 = 400 ≥ 70 × 5 = 350) → Đạt tỷ lệ; kết quả: Đạt sau bỏ phiếu lại.",
		"Bằng phiếu: Các đối tượng Thôn Ngọc Quỳnh, Nguyễn Thị Thu Hà đạt tỷ lệ với số phiếu bằng nhau tại ranh giới chỉ tiêu, còn 1 suất; Hội đồng bỏ phiếu lại giữa các đối tượng này (vòng 3).",
		"Kết quả giải quyết bằng phiếu: Thôn Ngọc Quỳnh đạt sau bỏ phiếu lại; Nguyễn Thị Thu Hà không đạt sau bỏ phiếu lại.",
		"Kết quả xem xét: đủ điều kiện, đưa ra bỏ phiếu (vòng 1, 3); kết quả bỏ phiếu: đạt sau bỏ phiếu lại.",
		"Chỉ tiêu: 1 suất.",
		"Vòng 3 – Giấy khen của Chủ tịch UBND thị trấn – bỏ phiếu lại các đối tượng bằng phiếu ở vòng 1, còn 1 suất",
		"a) Tập thể (1): 1) Thôn Ngọc Quỳnh – Thị trấn Như Quỳnh. b) Cá nhân: Không có.",
		"V. ĐÍNH CHÍNH",
		"1. Lúc 11 giờ 05 phút, ngày 15 tháng 12 năm 2023: Sửa chức vụ",
		"Mã kiểm tra hồ sơ: c0ffee00a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c",
		"THƯ KÝ CHỦ TỌA Đỗ Thị Hằng Lê Văn Mẫu Tâm",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("minutes lack %q", want)
		}
	}
}

func TestMinutes_OpenMeeting(t *testing.T) {
	rec := fixture()
	rec.Meeting.Status = model.MeetingOpen
	rec.Meeting.ClosedAt = time.Time{}
	rec.Rounds[1].Status = model.RoundOpen
	rec.Corrections, rec.Head = nil, ""
	out := string(render(t, Minutes, rec))
	if !strings.Contains(out, "Phiên họp chưa kết thúc.") {
		t.Error("an open meeting is not said to be unfinished")
	}
	if !strings.Contains(out, "Vòng bỏ phiếu chưa kết thúc; chưa có kết quả.") || strings.Contains(out, "3/4 =") {
		t.Error("an open round shows figures")
	}
	if strings.Contains(out, "ĐÍNH CHÍNH") || strings.Contains(out, "Mã kiểm tra") {
		t.Error("an open meeting without corrections or head prints them")
	}
}

func TestResultsCSV_ReadsBack(t *testing.T) {
	rec := fixture()
	out := render(t, ResultsCSV, rec)
	if !bytes.HasPrefix(out, []byte("\xef\xbb\xbf")) {
		t.Fatal("CSV does not start with the UTF-8 BOM")
	}
	if !bytes.Contains(out, []byte("\r\n")) || bytes.Count(out, []byte("\n")) != bytes.Count(out, []byte("\r\n")) {
		t.Error("CSV lines do not all end in CRLF")
	}
	rows, err := csv.NewReader(bytes.NewReader(out[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"Vòng", "Danh hiệu/Hình thức", "Loại", "Tên", "Đơn vị", "Đồng ý", "Không đồng ý", "Cơ sở tính", "Tỷ lệ", "Đạt tỷ lệ", "Kết quả"},
		{"1", "Giấy khen của Chủ tịch UBND thị trấn", "Tập thể", "Thôn Ngọc Quỳnh", "Thị trấn Như Quỳnh", "4", "0", "5", "80,00%", "Có", "Đạt sau bỏ phiếu lại"},
		{"1", "Giấy khen của Chủ tịch UBND thị trấn", "Cá nhân", "Nguyễn Thị Thu Hà", "UBND thị trấn Như Quỳnh", "4", "0", "5", "80,00%", "Có", "Không đạt sau bỏ phiếu lại"},
		{"1", "Giấy khen của Chủ tịch UBND thị trấn", "Cá nhân", "Vũ Văn Khải", "UBND thị trấn Như Quỳnh", "2", "2", "5", "40,00%", "Không", "Không đạt"},
		{"2", "Giấy khen của Chủ tịch UBND huyện", "Tập thể", "Bộ phận Tiếp nhận và trả kết quả giải quyết thủ tục hành chính", "UBND thị trấn Như Quỳnh", "3", "0", "4", "75,00%", "Có", "Đạt"},
		{"2", "Giấy khen của Chủ tịch UBND huyện", "Cá nhân", "Nguyễn Thị Thu Hà", "UBND thị trấn Như Quỳnh", "2", "1", "4", "50,00%", "Không", "Không đạt"},
		{"3", "Giấy khen của Chủ tịch UBND thị trấn", "Tập thể", "Thôn Ngọc Quỳnh", "Thị trấn Như Quỳnh", "4", "0", "5", "80,00%", "Có", "Đạt"},
		{"3", "Giấy khen của Chủ tịch UBND thị trấn", "Cá nhân", "Nguyễn Thị Thu Hà", "UBND thị trấn Như Quỳnh", "2", "2", "5", "40,00%", "Không", "Không đạt"},
	}
	if len(rows) != len(want) {
		t.Fatalf("got %d rows, want %d: %q", len(rows), len(want), rows)
	}
	for i := range want {
		if !slices.Equal(rows[i], want[i]) {
			t.Errorf("row %d = %q, want %q", i, rows[i], want[i])
		}
	}
}

func TestResultsCSV_FormulaGuard(t *testing.T) {
	rec := fixture()
	rec.Nominees[1].Name = "=HYPERLINK(\"x\")"
	out := render(t, ResultsCSV, rec)
	rows, err := csv.NewReader(bytes.NewReader(out[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := rows[1][3]; got != "'=HYPERLINK(\"x\")" {
		t.Errorf("formula-like name written as %q", got)
	}
}

func TestJSON_MatchesRecord(t *testing.T) {
	rec := fixture()
	var doc struct {
		SchemaVersion int  `json:"schema_version"`
		Draft         bool `json:"draft"`
		Meeting       struct {
			Status    string `json:"status"`
			StartedAt string `json:"started_at"`
			ClosedAt  string `json:"closed_at"`
			Quorum    struct {
				Present, Total int
				Met            bool
			} `json:"quorum"`
		} `json:"meeting"`
		Members  []struct{ ID int64 } `json:"members"`
		Nominees []struct {
			ID          int64  `json:"id"`
			Eligibility string `json:"eligibility"`
		} `json:"nominees"`
		Rounds []struct {
			Seq     int `json:"seq"`
			Issued  int `json:"issued"`
			Valid   int `json:"valid"`
			Invalid int `json:"invalid"`
			Ballots []struct {
				ID       string  `json:"id"`
				Agree    []int64 `json:"agree"`
				Disagree []int64 `json:"disagree"`
			} `json:"ballots"`
			Results []struct {
				NomineeID     int64  `json:"nominee_id"`
				Agree         int    `json:"agree"`
				Disagree      int    `json:"disagree"`
				Base          int    `json:"base"`
				Share         string `json:"share"`
				ThresholdMet  bool   `json:"threshold_met"`
				Standing      string `json:"standing"`
				StandingLabel string `json:"standing_label"`
				Recommended   bool   `json:"recommended"`
				Revote        int64  `json:"revote_round_id"`
			} `json:"results"`
		} `json:"rounds"`
		Recommended []struct {
			Award      string  `json:"award"`
			Collective []int64 `json:"collective"`
			Individual []int64 `json:"individual"`
		} `json:"recommended"`
	}
	if err := json.Unmarshal(render(t, JSON, rec), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.SchemaVersion != SchemaVersion || doc.Draft {
		t.Errorf("schema_version = %d, draft %v", doc.SchemaVersion, doc.Draft)
	}
	if doc.Meeting.Status != "closed" || doc.Meeting.StartedAt != "2023-12-15T08:30:00+07:00" || doc.Meeting.ClosedAt != "2023-12-15T10:45:00+07:00" {
		t.Errorf("meeting = %+v", doc.Meeting)
	}
	if q := doc.Meeting.Quorum; q.Present != 4 || q.Total != 5 || !q.Met {
		t.Errorf("quorum = %+v", q)
	}
	if len(doc.Members) != len(rec.Members) || len(doc.Nominees) != len(rec.Nominees) {
		t.Errorf("members %d nominees %d", len(doc.Members), len(doc.Nominees))
	}
	if doc.Nominees[4].ID != nomTuan || doc.Nominees[4].Eligibility != "excluded" {
		t.Errorf("excluded nominee = %+v", doc.Nominees[4])
	}
	if len(doc.Rounds) != len(rec.Rounds) {
		t.Fatalf("rounds %d, want %d", len(doc.Rounds), len(rec.Rounds))
	}
	ix := voting.NewIndex(rec)
	// Round 1's tie at the quota line, settled by the re-vote in round 3:
	// both reached the threshold; one won the place.
	if r := doc.Rounds[0].Results; r[0].Standing != "revote-won" || !r[0].ThresholdMet || r[0].Revote != 3 ||
		r[1].Standing != "revote-lost" || !r[1].ThresholdMet || r[1].Recommended || r[1].StandingLabel != "Không đạt sau bỏ phiếu lại" {
		t.Errorf("round 1 results %+v", r)
	}
	for i, r := range rec.Rounds {
		got := doc.Rounds[i]
		if got.Seq != r.Seq || got.Issued != r.Issued || got.Valid != r.Valid || got.Invalid != r.Invalid {
			t.Errorf("round %d figures = %+v", r.Seq, got)
		}
		if len(got.Ballots) != len(r.Ballots) {
			t.Errorf("round %d: %d ballots, want %d", r.Seq, len(got.Ballots), len(r.Ballots))
		}
		for bi, b := range r.Ballots {
			var agree, disagree []int64
			for _, id := range r.Nominees {
				if a, ok := b.Choices[id]; ok && a {
					agree = append(agree, id)
				} else if ok {
					disagree = append(disagree, id)
				}
			}
			gb := got.Ballots[bi]
			if gb.ID != b.ID || !slices.Equal(gb.Agree, agree) || !slices.Equal(gb.Disagree, disagree) {
				t.Errorf("round %d ballot %d = %+v, want agree %v disagree %v", r.Seq, bi, gb, agree, disagree)
			}
		}
		for li, lo := range ix.Outcomes(r) {
			g, l := got.Results[li], lo.Line
			if g.NomineeID != l.NomineeID || g.Agree != l.Agree || g.Disagree != l.Disagree || g.Base != l.Base || g.ThresholdMet != l.Pass ||
				g.Share != voting.FormatShare(l.Agree, l.Base) || g.Standing != lo.Outcome.String() || g.StandingLabel != lo.Outcome.Label() ||
				g.Recommended != lo.Outcome.Recommended() || g.Revote != lo.Revote {
				t.Errorf("round %d result %d = %+v, want %+v %s", r.Seq, li, g, l, lo.Outcome)
			}
		}
	}
	wantRec := voting.Recommended(rec)
	for i, l := range wantRec {
		g := doc.Recommended[i]
		if g.Award != l.Award.Code || !slices.Equal(g.Collective, orEmpty(l.Collective)) || !slices.Equal(g.Individual, orEmpty(l.Individual)) {
			t.Errorf("recommended %d = %+v, want %+v", i, g, l)
		}
	}
}

func TestJSON_OpenRoundHidesVotes(t *testing.T) {
	rec := fixture()
	rec.Rounds[0].Status = model.RoundOpen
	out := string(render(t, JSON, rec))
	var doc struct {
		Rounds []struct {
			Ballots []json.RawMessage `json:"ballots"`
			Results []json.RawMessage `json:"results"`
		} `json:"rounds"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Rounds[0].Ballots) != 0 || len(doc.Rounds[0].Results) != 0 {
		t.Error("an open round's ballots or results are exported")
	}
}

func TestWriteDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "xuat", "bien-ban")
	rec := fixture()
	paths, err := WriteDir(dir, rec)
	if err != nil {
		t.Fatal(err)
	}
	docs, err := Select(rec, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != len(docs) || len(docs) != len(Documents()) {
		t.Fatalf("paths = %v", paths)
	}
	for i, d := range docs {
		if paths[i] != filepath.Join(dir, d.Name) {
			t.Errorf("path %d = %s", i, paths[i])
		}
		got, err := os.ReadFile(paths[i])
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, render(t, d.Write, rec)) {
			t.Errorf("%s on disk differs from the document", d.Name)
		}
	}
	// A second export replaces the files and leaves no temporary file behind.
	if _, err := WriteDir(dir, rec); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != len(docs) {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("directory holds %v", names)
	}
}

func TestWriteDir_NotADirectory(t *testing.T) {
	file := filepath.Join(t.TempDir(), "tep.txt")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(file, "con")
	_, err := WriteDir(dir, fixture())
	if model.ErrorCodeOf(err) != model.EInvalid {
		t.Fatalf("err = %v, want a user error", err)
	}
	if msg := model.Message(err); !strings.Contains(msg, dir) || !strings.Contains(msg, "thư mục") {
		t.Errorf("message %q does not name the folder", msg)
	}
}

func TestWriteDir_ReadOnly(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can write anywhere")
	}
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(dir, 0o755) })
	_, err := WriteDir(dir, fixture())
	if model.ErrorCodeOf(err) != model.EInvalid || !strings.Contains(model.Message(err), "không có quyền ghi") {
		t.Errorf("err = %v", err)
	}
}

// TestWriteFiles_RemovesLeftoversOfACrash clears the temporary file an
// earlier, interrupted export left next to a document.
func TestWriteFiles_RemovesLeftoversOfACrash(t *testing.T) {
	dir := t.TempDir()
	stale := filepath.Join(dir, ".bien-ban-hop.txt.123456.tmp")
	if err := os.WriteFile(stale, []byte("nửa chừng"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := WriteDir(dir, fixture()); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Fatalf("leftover still there: %v", err)
	}
}
