package export

import "strings"

// A document is built once as a list of blocks — the layout an
// administrative document needs, independent of the file format — and then
// rendered as plain text, Markdown or Word. Each renderer decides how a
// block looks in its format; the content is decided only here.

// role is what a paragraph is in the document's structure.
type role int

// Paragraph roles.
const (
	roleBody       role = iota // ordinary text
	roleTitle                  // the document type: BIÊN BẢN, TỜ TRÌNH…
	roleSubject                // the subject under the title, bold and centred
	roleSection                // I. THỜI GIAN, ĐỊA ĐIỂM
	roleSubsection             // 1. Xem xét hồ sơ…
	roleCentred                // centred text that is not a title (a date, a note)
	roleAddress                // "Kính gửi: …", centred on the page in bold
	roleLeft                   // body text set ragged, not justified (a code)
	roleDraft                  // DỰ THẢO under the title of a draft, centred and boxed
)

// span is a run of text with its emphasis.
type span struct {
	text         string
	bold, italic bool
}

// block is one element of a document.
type block interface{ isBlock() }

// para is a paragraph: text after an optional hanging lead such as "1. ",
// "- " or "a) ", nested level deep; its wrapped lines hang under the text.
type para struct {
	level int
	lead  string
	spans []span
	role  role
	keep  bool // kept on the same page as what follows: a heading, a line that introduces
}

// blank is an empty line.
type blank struct{}

// shortRule is a short centred line, as under a title.
type shortRule struct{ width int }

// sectionBreak starts a new page whose numbering starts again: each
// vote-count record, each decision and the list attached to it count
// their own pages. cut makes it, in plain text, only a line to cut along:
// ballot papers are printed several to a page.
type sectionBreak struct{ cut bool }

// together opens (end false) or closes (end true) a run of blocks kept on
// one page in plain text: a ballot paper.
type together struct{ end bool }

// headLine is one line of the agency block of a header.
type headLine struct {
	text string
	bold bool
}

// header is the two-column heading of an administrative document: the
// agency on the left, the national title and motto on the right, then the
// number and the place and date.
type header struct {
	left   []headLine // upper-cased already
	number string     // "Số: …", empty for none
	date   string     // place and date, in italics
}

// tableBlock is a table with a header row; widths are the plain-text widths
// of the columns and also their proportions in Word.
type tableBlock struct {
	level int // nesting level of the text it belongs to
	extra int // further indentation in plain text, in cells
	cols  []column
	rows  [][]string
	boxes bool // empty cells are boxes to tick (ballot papers)
}

// tableKey identifies a table's content, for a renderer that lays out
// the same table more than once (the copies of a ballot paper share their
// rows): the first row, the number of rows, and how it is set.
type tableKey struct {
	first *[]string
	rows  int
	cols  *column
	level int
	extra int
	boxes bool
	keep  bool
}

// key returns the table's tableKey, keep saying whether it is kept with
// the block after it; ok is false for a table without rows or columns,
// which is not worth remembering.
func (t tableBlock) key(keep bool) (k tableKey, ok bool) {
	if len(t.rows) == 0 || len(t.cols) == 0 {
		return tableKey{}, false
	}
	return tableKey{first: &t.rows[0], rows: len(t.rows), cols: &t.cols[0], level: t.level, extra: t.extra, boxes: t.boxes, keep: keep}, true
}

// sigCol is one signature block: the role lines, then each name beneath
// the space for its signature.
type sigCol struct {
	roles []string // upper-case, bold
	note  string   // small italic line under the roles, e.g. "(Ký, ghi rõ họ tên)"
	names []string
}

// signatures is a row of signature blocks, left to right.
type signatures struct{ cols []sigCol }

// recipients is the "Nơi nhận:" list at the foot of a letter, on the left
// beside the signature.
type recipients struct {
	lines []string
	sig   sigCol
}

func (para) isBlock()         {}
func (blank) isBlock()        {}
func (shortRule) isBlock()    {}
func (together) isBlock()     {}
func (sectionBreak) isBlock() {}
func (header) isBlock()       {}
func (tableBlock) isBlock()   {}
func (signatures) isBlock()   {}
func (recipients) isBlock()   {}

// doc is a document under construction.
type doc struct {
	title string // for the file's properties: "Biên bản họp Hội đồng…"
	draft bool   // written before the meeting closed: DỰ THẢO under each title
	// unnumbered pages carry no number: papers to cut apart, not one
	// document of several pages.
	unnumbered bool
	blocks     []block
}

// add appends blocks.
func (d *doc) add(b ...block) { d.blocks = append(d.blocks, b...) }

// text appends a body paragraph of plain text at level with lead.
func (d *doc) text(level int, lead, s string) {
	d.add(para{level: level, lead: lead, spans: []span{{text: s}}})
}

// item appends a list item "- label text", the label in bold.
func (d *doc) item(level int, label, s string) {
	var sp []span
	if label != "" {
		sp = append(sp, span{text: label, bold: true})
	}
	if s != "" {
		sp = append(sp, span{text: s})
	}
	d.add(para{level: level, lead: "- ", spans: sp})
}

// labelled appends a paragraph whose lead and label are bold: "1. Chủ trì: …";
// a label without text is a heading, kept with what follows.
func (d *doc) labelled(level int, lead, label, s string) {
	var sp []span
	if label != "" {
		sp = append(sp, span{text: label, bold: true})
	}
	if s != "" {
		sp = append(sp, span{text: s})
	}
	d.add(para{level: level, lead: lead, spans: sp, keep: s == ""})
}

// keepLast keeps the last paragraph on the page of what follows it: a
// line that introduces a list without ending in a colon.
func (d *doc) keepLast() {
	if n := len(d.blocks); n > 0 {
		if p, ok := d.blocks[n-1].(para); ok {
			p.keep = true
			d.blocks[n-1] = p
		}
	}
}

// section appends a section heading such as "I. THỜI GIAN, ĐỊA ĐIỂM".
func (d *doc) section(s string) { d.add(para{role: roleSection, spans: []span{{text: s, bold: true}}}) }

// subsection appends a subsection heading such as "1. Xem xét hồ sơ".
func (d *doc) subsection(s string) {
	d.add(para{role: roleSubsection, spans: []span{{text: s, bold: true}}})
}

// draftMark and draftNote stand under the title of a document written
// before the meeting closed.
const (
	draftMark = "DỰ THẢO"
	draftNote = "(Phiên họp chưa kết thúc; nội dung có thể còn thay đổi.)"
)

// titleBlock appends the document type and its subject lines, centred, and
// a short rule beneath; a draft says so under them.
func (d *doc) titleBlock(kind string, subject ...string) {
	d.add(blank{}, blank{}, para{role: roleTitle, spans: []span{{text: kind, bold: true}}})
	for _, s := range subject {
		if strings.TrimSpace(s) != "" {
			d.add(para{role: roleSubject, spans: []span{{text: s, bold: true}}})
		}
	}
	d.add(shortRule{width: 12})
	if d.draft {
		d.add(para{role: roleDraft, spans: []span{{text: draftMark, bold: true}}},
			para{role: roleCentred, spans: []span{{text: draftNote, italic: true}}})
	}
	d.add(blank{})
}

// plain returns the text of spans joined.
func plain(spans []span) string {
	var b strings.Builder
	for _, s := range spans {
		b.WriteString(s.text)
	}
	return b.String()
}
