package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"hoidong/model"
)

func TestSelect_Names(t *testing.T) {
	rec := fixture()
	docs, err := Select(rec, Options{Formats: []string{"CSV", ".md"}, Docs: []string{"ket-qua", "bien-ban"}})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, d := range docs {
		names = append(names, d.Name)
	}
	want := []string{"bien-ban-hop.md", "bien-ban-hop.csv", "ket-qua-bo-phieu.md", "ket-qua-bo-phieu.csv"}
	if !slices.Equal(names, want) {
		t.Errorf("Select = %v, want %v", names, want)
	}
}

func TestSelect_UnknownNamesListValidOnes(t *testing.T) {
	for _, tc := range []struct {
		opt  Options
		want []string
	}{
		{Options{Formats: []string{"pdf"}}, []string{"“pdf”", "txt, md, csv, json, docx"}},
		{Options{Docs: []string{"bien-bản"}}, []string{"“bien-bản”", "bien-ban, kiem-phieu, ket-qua, danh-sach, to-trinh, quyet-dinh, phieu-bau, ho-so-thieu, ho-so"}},
		{Options{Formats: []string{"json"}, Docs: []string{"bien-ban"}}, []string{"json", "ho-so"}},
	} {
		_, err := Select(fixture(), tc.opt)
		if model.ErrorCodeOf(err) != model.EInvalid {
			t.Errorf("Select(%+v) = %v, want a user error", tc.opt, err)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(model.Message(err), w) {
				t.Errorf("Select(%+v): message %q lacks %q", tc.opt, model.Message(err), w)
			}
		}
	}
}

func TestSelect_SubmissionOnlyWithSuperiorAward(t *testing.T) {
	rec := fixture()
	for i := range rec.Plan.Awards {
		rec.Plan.Awards[i].Superior = false
	}
	docs, err := Select(rec, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if d.Doc == DocSubmission {
			t.Errorf("%s selected though no award is the superior's", d.Name)
		}
	}
	if _, err := Select(rec, Options{Docs: []string{"to-trinh"}}); model.ErrorCodeOf(err) != model.EInvalid {
		t.Errorf("asking for a submission without a superior award: %v", err)
	}
}

func TestPreview(t *testing.T) {
	text, err := Preview(fixture(), DocCount)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, "BIÊN BẢN KIỂM PHIẾU") || strings.Count(text, "BIÊN BẢN KIỂM PHIẾU") != 3 {
		t.Errorf("preview of the vote-count records:\n%s", text)
	}
	if _, err := Preview(fixture(), "khong-co"); model.ErrorCodeOf(err) != model.EInvalid {
		t.Errorf("unknown document: %v", err)
	}
}

// TestCSV_AllReadBack reads every CSV back: BOM, CRLF, one header, every
// row as wide as the header.
func TestCSV_AllReadBack(t *testing.T) {
	for ri, rec := range []*model.Record{fixture(), openPaperFixture()} {
		for _, d := range Documents() {
			if d.Format != FormatCSV {
				continue
			}
			out := render(t, d.Write, rec)
			if !bytes.HasPrefix(out, []byte("\xef\xbb\xbf")) {
				t.Errorf("%s lacks the BOM", d.Name)
			}
			if bytes.Count(out, []byte("\n")) != bytes.Count(out, []byte("\r\n")) {
				t.Errorf("%s: not every line ends in CRLF", d.Name)
			}
			rows, err := csv.NewReader(bytes.NewReader(out[3:])).ReadAll()
			if err != nil {
				t.Fatalf("%s: %v", d.Name, err)
			}
			for i, r := range rows {
				if len(r) != len(rows[0]) {
					t.Errorf("%s row %d has %d cells, the header %d", d.Name, i, len(r), len(rows[0]))
				}
			}
			if ri == 0 && len(rows) < 2 {
				t.Errorf("%s has no rows", d.Name)
			}
		}
	}
}

func TestCSV_CountFigures(t *testing.T) {
	rows, err := csv.NewReader(bytes.NewReader(render(t, documentOf(t, "bien-ban-kiem-phieu.csv").Write, fixture())[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// The paper round: 4 issued, 4 returned, 3 valid, 1 invalid.
	paper := rows[4]
	if !slices.Equal(paper[:11], []string{"2", "", "", "Giấy khen của Chủ tịch UBND huyện", "phiếu giấy", "2023-12-15T10:20:00+07:00",
		"2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4c6e8b0d2f4a6c8e0b2d4f6a8c0e2b4d", "4", "4", "3", "1"}) {
		t.Errorf("paper round row = %q", paper)
	}
	// The re-vote of round 1, one place at stake: the threshold and the standing apart.
	revote := rows[6]
	if revote[0] != "3" || revote[1] != "1" || revote[2] != "1" || revote[12] != "Thôn Ngọc Quỳnh" || revote[17] != "Có" || revote[18] != "Đạt" {
		t.Errorf("re-vote row = %q", revote)
	}
	// Round 1's tied nominees carry the standing the re-vote gave them.
	if r := rows[2]; r[12] != "Nguyễn Thị Thu Hà" || r[17] != "Có" || r[18] != "Không đạt sau bỏ phiếu lại" {
		t.Errorf("tied row = %q", r)
	}
}

// documentOf returns the document with a file name.
func documentOf(t *testing.T, name string) Document {
	t.Helper()
	for _, d := range Documents() {
		if d.Name == name {
			return d
		}
	}
	t.Fatalf("no document %s", name)
	return Document{}
}

func TestJSON_Version2Fields(t *testing.T) {
	rec := fixture()
	rec.Decisions = []model.ChairDecision{{Award: "GK-TT", Round: 1, Tied: []int64{nomThon, nomHa}, Chosen: []int64{nomThon}, Chair: "Lê Văn Mẫu Tâm", At: at(10, 30), Note: "Theo đề nghị của Ban kiểm phiếu"}}
	var doc struct {
		SchemaVersion int `json:"schema_version"`
		Head          string
		Events        []struct {
			Seq  int64
			Kind string
			Hash string
		}
		Corrections []struct{ At, Text string }
		Decisions   []struct {
			Award   string
			RoundID int64 `json:"round_id"`
			Tied    []int64
			Chosen  []int64
			Chair   string
			At      string
		}
		Awards []struct {
			Code     string
			TieBreak string `json:"tie_break"`
			Quota    *struct{ Count int }
		}
		Rounds []struct {
			Seq      int
			ParentID int64 `json:"parent_id"`
			Mode     string
		}
	}
	if err := json.Unmarshal(render(t, JSON, rec), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.SchemaVersion != SchemaVersion || doc.Head != rec.Head || len(doc.Events) != len(rec.Events) || doc.Events[2].Hash != rec.Events[2].Hash {
		t.Errorf("head %q events %+v", doc.Head, doc.Events)
	}
	if len(doc.Corrections) != 1 || doc.Corrections[0].At != "2023-12-15T11:05:00+07:00" || doc.Corrections[0].Text != rec.Corrections[0].Text {
		t.Errorf("corrections %+v", doc.Corrections)
	}
	if d := doc.Decisions; len(d) != 1 || d[0].RoundID != 1 || !slices.Equal(d[0].Tied, []int64{nomThon, nomHa}) || !slices.Equal(d[0].Chosen, []int64{nomThon}) || d[0].Chair != "Lê Văn Mẫu Tâm" || d[0].At != "2023-12-15T10:30:00+07:00" {
		t.Errorf("decisions %+v", d)
	}
	if a := doc.Awards[0]; a.Quota == nil || a.Quota.Count != 1 || a.TieBreak != "revote" || doc.Awards[1].Quota != nil {
		t.Errorf("awards %+v", doc.Awards)
	}
	if r := doc.Rounds; r[2].Seq != 3 || r[2].ParentID != 1 || r[1].Mode != "paper" || r[0].ParentID != 0 {
		t.Errorf("rounds %+v", r)
	}
}

// TestMinutes_ChairDecision records a tie the chair settles: the decision
// is in the minutes with the chair's name, and the conclusion follows it.
func TestMinutes_ChairDecision(t *testing.T) {
	rec := fixture()
	rec.Plan.Awards[0].TieBreak = model.TieChair
	rec.Rounds = rec.Rounds[:2] // no re-vote
	rec.Decisions = []model.ChairDecision{{Award: "GK-TT", Round: 1, Tied: []int64{nomThon, nomHa}, Chosen: []int64{nomHa}, Chair: "Lê Văn Mẫu Tâm", At: at(10, 30), Note: "Ưu tiên cá nhân trực tiếp lao động"}}
	out := flat(string(render(t, Minutes, rec)))
	for _, want := range []string{
		"Quyết định của người chủ trì: Người chủ trì phiên họp, Lê Văn Mẫu Tâm, quyết định chọn Nguyễn Thị Thu Hà trong số các đối tượng bằng phiếu (lúc 10 giờ 30 phút). Ưu tiên cá nhân trực tiếp lao động.",
		"1. Giấy khen của Chủ tịch UBND thị trấn: a) Tập thể: Không có. b) Cá nhân (1): 1) Nguyễn Thị Thu Hà",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("minutes lack %q:\n%s", want, out)
		}
	}
}

// TestBallots_OpenPaperRound prints one unnumbered ballot per member
// present for the open paper round, listing its nominees.
func TestBallots_OpenPaperRound(t *testing.T) {
	rec := openPaperFixture()
	out := string(render(t, documentOf(t, "phieu-bau.txt").Write, rec))
	if n := strings.Count(out, "PHIẾU BẦU\n"); n != rec.Rounds[1].Eligible {
		t.Errorf("%d ballots, want %d", n, rec.Rounds[1].Eligible)
	}
	if strings.Contains(out, "MẪU") || strings.Contains(out, "Vòng 1 ") {
		t.Errorf("ballots for the open round should not be specimens or of round 1:\n%s", out)
	}
	for _, want := range []string{"Bỏ phiếu kín xét đề nghị tặng Giấy khen của Chủ tịch UBND huyện", "Vòng 2", "Bộ phận Tiếp nhận", "Nguyễn Thị Thu Hà", "[   ]", "Cách ghi phiếu"} {
		if !strings.Contains(out, want) {
			t.Errorf("ballot lacks %q", want)
		}
	}
	b, err := renderDoc(rec, DocBallots, FormatDocx)
	if err != nil {
		t.Fatal(err)
	}
	doc := docxPart(t, b, "word/document.xml")
	if n := strings.Count(doc, `<w:sectPr>`); n != rec.Rounds[1].Eligible {
		t.Errorf("%d sections for %d ballots, want one each", n, rec.Rounds[1].Eligible)
	}
	if strings.Contains(doc, `r:id="rId4"`) {
		t.Error("a ballot paper has a page number")
	}
}
