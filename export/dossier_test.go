package export

import (
	"strings"
	"testing"

	"hoidong/model"
)

// TestDossierReport_Draft keeps the report of the open meeting as a golden
// file: a draft, named so, where the collective whose round is still open
// lacks its achievement report.
func TestDossierReport_Draft(t *testing.T) {
	rec := openPaperFixture()
	docs, err := Select(rec, Options{Docs: []string{DocDossier}, Formats: []string{FormatText}})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].Name != "bao-cao-ho-so-con-thieu-du-thao.txt" {
		t.Fatalf("docs %+v", docs)
	}
	text := string(render(t, docs[0].Write, rec))
	if !strings.Contains(text, draftMark) || !strings.Contains(text, "Tổng cộng: 1 hồ sơ còn thiếu giấy tờ.") {
		t.Errorf("draft report:\n%s", text)
	}
	golden(t, docs[0].Name+".golden", []byte(text))
}

// TestDossierReport_CompleteAndOutOfRunning: a candidacy that failed its
// vote is not listed; when every dossier still in the running is complete,
// the report says so in a sentence.
func TestDossierReport_CompleteAndOutOfRunning(t *testing.T) {
	rec := fixture()
	// Nguyễn Thị Thu Hà failed the district's award: her missing report
	// does not matter.
	rec.Nominees[2].Candidacies[1].Received[1] = false
	text := textOf(t, rec, DocDossier)
	if strings.Contains(text, "Nguyễn Thị Thu Hà") {
		t.Errorf("a failed candidacy is listed:\n%s", text)
	}
	rec.Nominees[0].Candidacies[0].Received[1] = true
	text = textOf(t, rec, DocDossier)
	if !strings.Contains(strings.Join(strings.Fields(text), " "),
		"Hồ sơ của tất cả các tập thể, cá nhân đề nghị cấp trên khen thưởng đã đủ các giấy tờ theo quy định.") ||
		!strings.Contains(text, "Không có hồ sơ nào còn thiếu.") {
		t.Errorf("complete report:\n%s", text)
	}
	sub := textOf(t, rec, DocSubmission)
	if strings.Contains(sub, "hồ sơ còn thiếu") {
		t.Errorf("the tờ trình flags a complete dossier:\n%s", sub)
	}
	// Without a dossier for any award of the superior level there is
	// nothing to report: asked for by name, it says why.
	rec.Plan.Awards[1].Documents = nil
	if _, err := Select(rec, Options{Docs: []string{DocDossier}}); model.ErrorCodeOf(err) != model.EInvalid ||
		!strings.Contains(model.Message(err), "kế hoạch không quy định hồ sơ") {
		t.Errorf("Select = %v", err)
	}
	docs, err := Select(rec, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if d.Doc == DocDossier {
			t.Errorf("the report is written without dossiers: %s", d.Name)
		}
	}
}

// textOf renders document key of rec as plain text.
func textOf(t *testing.T, rec *model.Record, key string) string {
	t.Helper()
	b, err := renderDoc(rec, key, FormatText)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
