package export

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"hoidong/model"
)

// unpage removes from plain text what pagination added: the form feed and
// page number that start each page, the blank line under a number, and a
// table's heading repeated at the top of a page the table goes on.
func unpage(s string) string {
	lines := strings.Split(s, "\n")
	var out, heading []string
	inTable := false
	indent := func(l string) int { return len(l) - len(strings.TrimLeft(l, " ")) }
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if strings.HasPrefix(l, "\f") {
			if strings.TrimSpace(l) != "" && i+1 < len(lines) && lines[i+1] == "" {
				i++ // the blank line under the number
			}
			if n := len(heading); inTable && n > 0 && i+n < len(lines) && equalLines(lines[i+1:i+1+n], heading) {
				i += n // the heading repeated above the rows it continues
			}
			continue
		}
		if strings.HasPrefix(strings.TrimLeft(l, " "), "STT ") {
			// A table's heading runs from its titles to its rule.
			j := i
			for j < len(lines) && !strings.Contains(lines[j], "───") {
				j++
			}
			if j < len(lines) {
				heading = lines[i : j+1]
				out = append(out, heading...)
				i, inTable = j, true
				continue
			}
		}
		if inTable && len(heading) > 0 {
			hi, li := indent(heading[0]), indent(l)
			row := strings.TrimSpace(l) != "" && (li > hi || (li == hi && l[li] >= '0' && l[li] <= '9'))
			inTable = row
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// equalLines reports whether two runs of lines are the same.
func equalLines(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// pageRecords are the meetings the page tests lay out: the fixture closed
// and open, the chair's decision, generated meetings and a large sitting.
func pageRecords() map[string]*model.Record {
	out := map[string]*model.Record{
		"fixture": fixture(), "open paper round": openPaperFixture(), "chair decides": chairFixture(),
		"large": largeRecord(700),
	}
	rng := rand.New(rand.NewPCG(11, 2023))
	for i := range 12 {
		out[fmt.Sprintf("generated %d", i)] = generatedMeeting(rng)
	}
	return out
}

// signatureRoles are the titles over signatures, as plain text prints them.
var signatureRoles = regexp.MustCompile(`^\s*(THƯ KÝ|CHỦ TỌA|CHỦ TRÌ|TM\. |CÁC ỦY VIÊN|CHỦ TỊCH)`)

// TestText_Pages lays every plain-text document out and reads its pages:
// none is longer than a page; every page after the first of a section
// starts with a form feed and its number (ballot papers go unnumbered); no
// page ends with a heading or a line that introduces what follows; a page
// that holds signatures holds the text they sign too.
func TestText_Pages(t *testing.T) {
	for name, rec := range pageRecords() {
		for _, typ := range DocTypes() {
			if !slices.Contains(typ.Formats, FormatText) {
				continue
			}
			b, err := renderDoc(rec, typ.Key, FormatText)
			if err != nil {
				t.Fatal(err)
			}
			pages := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n\f")
			page := 1
			for i, p := range pages {
				lines := strings.Split(p, "\n")
				where := fmt.Sprintf("%s, %s, page %d of the file", name, typ.Key, i+1)
				if len(lines) > pageLines {
					t.Errorf("%s: %d lines, more than a page of %d", where, len(lines), pageLines)
				}
				if i > 0 {
					head := strings.TrimSpace(lines[0])
					switch {
					case head == "": // a new section, or papers to cut apart: page 1, unnumbered
						page = 1
						if typ.Key != DocBallots && len(lines) > 1 && lines[1] == "" {
							t.Errorf("%s: a section starts with a blank line", where)
						}
					case typ.Key == DocBallots:
						t.Errorf("%s: a ballot paper is numbered %q", where, head)
					default:
						page++
						if head != strconv.Itoa(page) || centreOffset(lines[0], pageWidth) > 1 {
							t.Errorf("%s: starts with %q, want page %d centred", where, lines[0], page)
						}
						lines = lines[2:] // the number and the blank line under it
					}
				}
				var text []string
				for _, l := range lines {
					if strings.TrimSpace(l) != "" {
						text = append(text, l)
					}
				}
				if len(text) == 0 {
					t.Errorf("%s: an empty page", where)
					continue
				}
				if last := strings.TrimSpace(text[len(text)-1]); i < len(pages)-1 && (strings.HasSuffix(last, ":") || regexp.MustCompile(`^[IVX]+\. [^a-zđ]+$`).MatchString(last)) {
					t.Errorf("%s ends with a heading: %q", where, last)
				}
				if j := slices.IndexFunc(text, func(l string) bool { return signatureRoles.MatchString(l) }); j == 0 && typ.Key != DocBallots {
					t.Errorf("%s holds signatures alone:\n%s", where, strings.Join(text, "\n"))
				}
			}
		}
	}
}

// docxBody splits the body of a document.xml into its top-level paragraphs
// and tables, in order.
func docxBody(t *testing.T, doc string) []string {
	t.Helper()
	body := doc[strings.Index(doc, "<w:body>")+len("<w:body>") : strings.LastIndex(doc, "</w:body>")]
	var out []string
	for body != "" {
		var end string
		switch {
		case strings.HasPrefix(body, "<w:p>"):
			end = "</w:p>"
		case strings.HasPrefix(body, "<w:tbl>"):
			end = "</w:tbl>"
		case strings.HasPrefix(body, "<w:sectPr>"):
			end = "</w:sectPr>"
		default:
			t.Fatalf("unexpected body element at %.60q", body)
		}
		depth, i := 0, 0
		open := end[:len(end)-1][1:] // "w:p" from "</w:p>"
		open = "<" + strings.TrimPrefix(open, "/")
		for {
			o := strings.Index(body[i:], open)
			c := strings.Index(body[i:], end)
			// An opening tag of the same name, not one of a longer name.
			for o >= 0 && !strings.ContainsAny(body[i+o+len(open):i+o+len(open)+1], ">/ ") {
				next := strings.Index(body[i+o+1:], open)
				if next < 0 {
					o = -1
				} else {
					o += 1 + next
				}
			}
			if o >= 0 && o < c {
				depth++
				i += o + len(open)
				continue
			}
			depth--
			i += c + len(end)
			if depth == 0 {
				break
			}
		}
		out = append(out, body[:i])
		body = body[i:]
	}
	return out
}

// TestDocx_PagesNumberedFromTwo: every .docx numbers its pages with a PAGE
// field centred in the header, in Arabic numerals at 14 pt, from the
// second page of each section on (the first page's header is empty), each
// section numbered from 1; ballot papers carry no number.
func TestDocx_PagesNumberedFromTwo(t *testing.T) {
	for name, rec := range pageRecords() {
		for _, typ := range DocTypes() {
			if !slices.Contains(typ.Formats, FormatDocx) {
				continue
			}
			b, err := renderDoc(rec, typ.Key, FormatDocx)
			if err != nil {
				t.Fatal(err)
			}
			where := name + ", " + typ.Key
			h1, h2 := docxPart(t, b, "word/header1.xml"), docxPart(t, b, "word/header2.xml")
			if !strings.Contains(h1, `<w:instrText xml:space="preserve"> PAGE </w:instrText>`) || !strings.Contains(h1, `<w:jc w:val="center"/>`) ||
				!strings.Contains(h1, `<w:sz w:val="28"/>`) || strings.Count(h1, `w:fldCharType=`) != 3 {
				t.Errorf("%s: header1 is not a centred 14 pt page number: %s", where, h1)
			}
			if strings.Contains(h2, "<w:t") || strings.Contains(h2, "<w:fldChar") {
				t.Errorf("%s: the first page's header is not empty: %s", where, h2)
			}
			rels := docxPart(t, b, "word/_rels/document.xml.rels")
			types := docxPart(t, b, "[Content_Types].xml")
			for _, h := range []string{"header1.xml", "header2.xml"} {
				if !strings.Contains(rels, `relationships/header" Target="`+h+`"`) || !strings.Contains(types, `PartName="/word/`+h+`" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"`) {
					t.Errorf("%s: %s is not a header of the document", where, h)
				}
			}
			doc := docxPart(t, b, "word/document.xml")
			sects := regexp.MustCompile(`<w:sectPr>.*?</w:sectPr>`).FindAllString(doc, -1)
			if len(sects) == 0 {
				t.Fatalf("%s: no section", where)
			}
			def := `<w:headerReference w:type="default" r:id="rId4"/>`
			if typ.Key == DocBallots {
				def = `<w:headerReference w:type="default" r:id="rId5"/>`
			}
			for i, s := range sects {
				for _, want := range []string{def, `<w:headerReference w:type="first" r:id="rId5"/>`, `<w:titlePg/>`, `<w:pgNumType w:start="1"/>`} {
					if !strings.Contains(s, want) {
						t.Errorf("%s: section %d lacks %s", where, i+1, want)
					}
				}
			}
			if !strings.HasSuffix(doc, sects[len(sects)-1]+`</w:body></w:document>`) {
				t.Errorf("%s: the last section's properties do not end the body", where)
			}
		}
	}
}

// TestDocx_KeepWithNext: in every .docx the text before each signature
// block is kept with it, the last row of a table before it included, and
// so are the empty lines between; every heading and every line that
// introduces what follows is kept with what follows; table rows never split.
func TestDocx_KeepWithNext(t *testing.T) {
	heading := regexp.MustCompile(`^([IVX]+\. |\d+\.\s)`)
	for name, rec := range pageRecords() {
		for _, typ := range DocTypes() {
			if !slices.Contains(typ.Formats, FormatDocx) {
				continue
			}
			b, err := renderDoc(rec, typ.Key, FormatDocx)
			if err != nil {
				t.Fatal(err)
			}
			where := name + ", " + typ.Key
			doc := docxPart(t, b, "word/document.xml")
			if rows, cant := strings.Count(doc, "<w:tr>"), strings.Count(doc, "<w:cantSplit/>"); rows != cant {
				t.Errorf("%s: %d of %d table rows may split", where, rows-cant, rows)
			}
			els := docxBody(t, doc)
			signatures := 0
			for i, el := range els {
				// A signature block: a borderless table that is not the heading.
				isSig := strings.HasPrefix(el, "<w:tbl>") && strings.Contains(el, `<w:insideV w:val="nil"/>`) && !strings.Contains(el, nation)
				if !isSig {
					if strings.HasPrefix(el, "<w:p>") {
						text := strings.Join(docxText(el), "")
						bold := strings.Contains(el, "<w:b/>")
						if (strings.HasSuffix(strings.TrimSpace(text), ":") || (bold && heading.MatchString(text) && len(text) < 120)) &&
							!strings.Contains(el, "<w:keepNext/>") && i < len(els)-2 {
							t.Errorf("%s: heading %q is not kept with what follows", where, text)
						}
					}
					continue
				}
				signatures++
				// Walk back to the text the block signs, every step kept with the next.
				for j := i - 1; j >= 0; j-- {
					e := els[j]
					if strings.HasPrefix(e, "<w:tbl>") {
						rows := regexp.MustCompile(`(?s)<w:tr>.*?</w:tr>`).FindAllString(e, -1)
						last := rows[len(rows)-1]
						if strings.Count(last, "<w:p>") != strings.Count(last, "<w:keepNext/>") {
							t.Errorf("%s: the last row of the table before signature block %d is not kept with it", where, signatures)
						}
						break
					}
					if !strings.Contains(e, "<w:keepNext/>") {
						t.Errorf("%s: %q before signature block %d is not kept with it", where, strings.Join(docxText(e), ""), signatures)
						break
					}
					if text := docxText(e); len(text) > 0 && !strings.Contains(e, "<w:i/>") && !strings.HasPrefix(strings.Join(text, ""), "Mã kiểm tra") {
						break // the body's last paragraph
					}
				}
			}
			if signatures == 0 && typ.Key != DocBallots && typ.Key != DocDecision && typ.Key != DocSubmission {
				t.Errorf("%s: no signature block", where)
			}
		}
	}
}
