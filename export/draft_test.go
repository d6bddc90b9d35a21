package export

import (
	"encoding/json"
	"strings"
	"testing"

	"hoidong/model"
)

// TestDocuments_Draft: while the meeting is open every document but the
// ballot papers says DỰ THẢO under each title (text, Markdown, Word), on
// its first CSV line and in the JSON, and its file name says so; a closed
// meeting's documents are final, under their plain names.
func TestDocuments_Draft(t *testing.T) {
	for _, tc := range []struct {
		name  string
		rec   *model.Record
		draft bool
	}{
		{"open meeting", openPaperFixture(), true},
		{"closed meeting", fixture(), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			docs, err := Select(tc.rec, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(docs) != len(Documents()) {
				t.Fatalf("%d documents selected", len(docs))
			}
			for _, d := range docs {
				marked := tc.draft && d.Doc != DocBallots
				if got := strings.Contains(d.Name, "-du-thao."); got != marked {
					t.Errorf("%s: draft name %v, want %v", d.Name, got, marked)
				}
				out, err := Render(d, tc.rec)
				if err != nil {
					t.Fatal(err)
				}
				text := string(out)
				switch d.Format {
				case FormatText:
					titles := 0 // each title block ends in a short rule of 12 cells
					for _, l := range strings.Split(text, "\n") {
						if strings.TrimSpace(l) == rule(12) {
							titles++
						}
					}
					if marks := strings.Count(text, "[ "+draftMark+" ]"); marked && (marks == 0 || marks != titles) || !marked && marks != 0 {
						t.Errorf("%s: %d DỰ THẢO marks for %d titles", d.Name, marks, titles)
					}
				case FormatMarkdown:
					if got := strings.Contains(text, "**"+draftMark+"**"); got != marked {
						t.Errorf("%s: DỰ THẢO %v, want %v", d.Name, got, marked)
					}
				case FormatDocx:
					doc := docxPart(t, out, "word/document.xml")
					if got := strings.Contains(doc, ">"+draftMark+"<"); got != marked {
						t.Errorf("%s: DỰ THẢO %v, want %v", d.Name, got, marked)
					}
				case FormatCSV:
					rows := csvRows(t, out)
					if got := strings.HasPrefix(rows[0][0], draftMark); got != marked {
						t.Errorf("%s: first row %q", d.Name, rows[0])
					}
				case FormatJSON:
					var doc struct {
						Draft *bool `json:"draft"`
					}
					if err := json.Unmarshal(out, &doc); err != nil || doc.Draft == nil || *doc.Draft != marked {
						t.Errorf("%s: draft %v (%v)", d.Name, doc.Draft, err)
					}
				}
				if d.Doc == DocBallots && strings.Contains(text, draftMark) {
					t.Errorf("%s: a ballot paper says DỰ THẢO", d.Name)
				}
			}
		})
	}
}

// TestDocuments_DraftUnderTitle: DỰ THẢO stands right under the title
// block, before the body, and in Word in a box centred on the page.
func TestDocuments_DraftUnderTitle(t *testing.T) {
	rec := openPaperFixture()
	out := string(render(t, Minutes, rec))
	lines := strings.Split(out, "\n")
	at := -1
	for i, l := range lines {
		if strings.TrimSpace(l) == "[ "+draftMark+" ]" {
			at = i
			break
		}
	}
	if at < 2 || strings.Trim(lines[at-1], " ─") != "" || !strings.Contains(lines[at+1], draftNote) || !strings.HasPrefix(lines[at+3], "I. THỜI GIAN") {
		t.Errorf("DỰ THẢO is not under the title:\n%s", strings.Join(lines[max(at-6, 0):min(at+4, len(lines))], "\n"))
	}
	if c := centreOffset(lines[at], pageWidth); c > 1 {
		t.Errorf("DỰ THẢO off centre by %d", c)
	}
	b, err := renderDoc(rec, DocMinutes, FormatDocx)
	if err != nil {
		t.Fatal(err)
	}
	doc := docxPart(t, b, "word/document.xml")
	i := strings.Index(doc, ">"+draftMark+"<")
	p := doc[strings.LastIndex(doc[:i], "<w:p>"):i]
	if !strings.Contains(p, `<w:left w:val="single"`) || !strings.Contains(p, `<w:jc w:val="center"/>`) || !strings.Contains(p, "<w:keepNext/>") {
		t.Errorf("DỰ THẢO is not a boxed centred paragraph: %s", p)
	}
	if t0 := strings.Index(doc, ">BIÊN BẢN<"); t0 < 0 || t0 > i || strings.Contains(doc[t0:i], ">I. THỜI GIAN") {
		t.Error("DỰ THẢO does not follow the title")
	}
}

// TestDocuments_GoldenDraft keeps the minutes of the open meeting as a
// golden file: the draft's heading, and the tie waiting for its re-vote.
func TestDocuments_GoldenDraft(t *testing.T) {
	rec := openPaperFixture()
	docs, err := Select(rec, Options{Docs: []string{DocMinutes, DocResults}, Formats: []string{FormatText, FormatCSV}})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		t.Run(d.Name, func(t *testing.T) {
			golden(t, d.Name+".golden", render(t, d.Write, rec))
		})
	}
}
