package export

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// docxPart returns one part of a .docx, failing the test if it is missing.
func docxPart(t *testing.T, docx []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	for _, f := range zr.File {
		if f.Name != name {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		defer rc.Close()
		b, err := io.ReadAll(rc)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	t.Fatalf("no part %s", name)
	return ""
}

// docxText returns the text of each paragraph of a document.xml fragment.
func docxText(fragment string) []string {
	var out []string
	for _, p := range regexp.MustCompile(`(?s)<w:p>.*?</w:p>`).FindAllString(fragment, -1) {
		var b strings.Builder
		for _, m := range regexp.MustCompile(`<w:t xml:space="preserve">([^<]*)</w:t>`).FindAllStringSubmatch(p, -1) {
			b.WriteString(m[1])
		}
		if b.Len() > 0 {
			out = append(out, b.String())
		}
	}
	return out
}

// renderDocxOf renders document key of the fixture as .docx.
func renderDocxOf(t *testing.T, key string) []byte {
	t.Helper()
	b, err := renderDoc(fixture(), key, FormatDocx)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDocx_PartsAndWellFormed(t *testing.T) {
	for _, t0 := range DocTypes() {
		if !slices.Contains(t0.Formats, FormatDocx) {
			continue
		}
		out := renderDocxOf(t, t0.Key)
		zr, err := zip.NewReader(bytes.NewReader(out), int64(len(out)))
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, f := range zr.File {
			names = append(names, f.Name)
			if !f.Modified.Equal(zipTime()) {
				t.Errorf("%s: %s has time %v", t0.Key, f.Name, f.Modified)
			}
			rc, _ := f.Open()
			dec := xml.NewDecoder(rc)
			for {
				if _, err := dec.Token(); err == io.EOF {
					break
				} else if err != nil {
					t.Fatalf("%s: %s is not well-formed XML: %v", t0.Key, f.Name, err)
				}
			}
			rc.Close()
		}
		want := []string{"[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml",
			"word/_rels/document.xml.rels", "word/document.xml", "word/header1.xml", "word/header2.xml", "word/settings.xml", "word/styles.xml"}
		if !slices.Equal(names, want) {
			t.Errorf("%s: parts %v, want %v", t0.Key, names, want)
		}
	}
}

func TestDocx_PageAndFont(t *testing.T) {
	out := renderDocxOf(t, DocMinutes)
	doc := docxPart(t, out, "word/document.xml")
	// A4; margins top and bottom 20 mm, left 30 mm, right 15 mm.
	for _, want := range []string{`<w:pgSz w:w="11906" w:h="16838"/>`, `<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"`} {
		if !strings.Contains(doc, want) {
			t.Errorf("document lacks %s", want)
		}
	}
	styles := docxPart(t, out, "word/styles.xml")
	if !strings.Contains(styles, `<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"`) || !strings.Contains(styles, `<w:sz w:val="28"/>`) {
		t.Error("default font is not Times New Roman 14 pt")
	}
}

func TestDocx_MinutesHeaderTitleSignatures(t *testing.T) {
	doc := docxPart(t, renderDocxOf(t, DocMinutes), "word/document.xml")
	tables := regexp.MustCompile(`(?s)<w:tbl>.*?</w:tbl>`).FindAllString(doc, -1)
	if len(tables) < 2 {
		t.Fatalf("%d tables", len(tables))
	}
	// The heading is the first table: borderless, two columns, the agency
	// on the left and the national title and motto on the right.
	head := tables[0]
	if !strings.Contains(head, `<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>`) {
		t.Error("heading table has borders")
	}
	if n := strings.Count(head, "<w:gridCol "); n != 2 {
		t.Errorf("heading table has %d columns", n)
	}
	text := docxText(head)
	for _, want := range []string{"UBND THỊ TRẤN NHƯ QUỲNH", "HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 01/BB-HĐTĐKT", "Như Quỳnh, ngày 15 tháng 12 năm 2023"} {
		if !slices.Contains(text, want) {
			t.Errorf("heading lacks %q: %q", want, text)
		}
	}
	if !strings.Contains(head, `<w:b/><w:bCs/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr><w:t xml:space="preserve">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`) {
		t.Error("national title is not bold 12 pt")
	}
	// The title: bold and centred.
	if !regexp.MustCompile(`<w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">BIÊN BẢN</w:t>`).MatchString(doc) {
		t.Error("title BIÊN BẢN is not a bold centred paragraph")
	}
	// Results are real tables with borders and a repeated heading row.
	if !strings.Contains(doc, `<w:tblHeader/>`) || !strings.Contains(doc, `<w:insideV w:val="single"`) {
		t.Error("results are not bordered tables with a heading row")
	}
	// The signature blocks: the last table, borderless, THƯ KÝ left and
	// CHỦ TỌA right, the names beneath.
	sig := tables[len(tables)-1]
	if !strings.Contains(sig, `<w:insideV w:val="nil"/>`) {
		t.Error("signature table has borders")
	}
	if got := docxText(sig); !slices.Equal(got, []string{"THƯ KÝ", "CHỦ TỌA", "Đỗ Thị Hằng", "Lê Văn Mẫu Tâm"}) {
		t.Errorf("signature blocks = %q", got)
	}
	if !strings.Contains(doc, "c0ffee00a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c") {
		t.Error("verification hash missing")
	}
}

func TestDocx_CountSignedByCommittee(t *testing.T) {
	doc := docxPart(t, renderDocxOf(t, DocCount), "word/document.xml")
	if n := strings.Count(doc, `<w:sectPr>`); n != 3 {
		t.Errorf("%d sections, want one for each of 3 rounds", n)
	}
	tables := regexp.MustCompile(`(?s)<w:tbl>.*?</w:tbl>`).FindAllString(doc, -1)
	sig := tables[len(tables)-1]
	if got := docxText(sig); !slices.Equal(got, []string{"CÁC ỦY VIÊN", "TRƯỞNG BAN KIỂM PHIẾU", "Nguyễn Văn Bình", "Phạm Đức Dũng", "Trần Thị Cúc"}) {
		t.Errorf("committee signatures = %q", got)
	}
}

func TestDocx_Reproducible(t *testing.T) {
	for _, t0 := range DocTypes() {
		if !slices.Contains(t0.Formats, FormatDocx) {
			continue
		}
		if a, b := renderDocxOf(t, t0.Key), renderDocxOf(t, t0.Key); !bytes.Equal(a, b) {
			t.Errorf("%s: two .docx of the same record differ", t0.Key)
		}
	}
}

func TestDocx_EscapesText(t *testing.T) {
	rec := fixture()
	rec.Nominees[1].Name = "Thôn <Ngọc> & \"Quỳnh\"\x01"
	b, err := renderDoc(rec, DocMinutes, FormatDocx)
	if err != nil {
		t.Fatal(err)
	}
	doc := docxPart(t, b, "word/document.xml")
	if !strings.Contains(doc, "Thôn &lt;Ngọc&gt; &amp; &quot;Quỳnh&quot;") {
		t.Error("special characters not escaped")
	}
	if strings.Contains(doc, "\x01") {
		t.Error("control character written into XML")
	}
}

// TestDocx_Golden keeps the body of every .docx of the fixture as a golden
// file, a paragraph, table or row to a line so that a diff reads.
func TestDocx_Golden(t *testing.T) {
	lines := strings.NewReplacer("<w:p>", "\n<w:p>", "<w:tbl>", "\n<w:tbl>", "<w:tr>", "\n<w:tr>", "<w:sectPr>", "\n<w:sectPr>")
	for _, d := range Documents() {
		if d.Format != FormatDocx {
			continue
		}
		t.Run(d.Name, func(t *testing.T) {
			doc := docxPart(t, render(t, d.Write, fixture()), "word/document.xml")
			golden(t, d.Name+".xml.golden", []byte(lines.Replace(doc)+"\n"))
		})
	}
}
