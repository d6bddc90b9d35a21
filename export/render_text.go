package export

import (
	"bufio"
	"io"
	"strconv"
	"strings"
)

// Layout of plain-text documents, in display columns.
const (
	headerLeft = 32 // left header column: the agency and the number
	indentStep = 3  // indentation of each nested level of the body
	titleWidth = 70 // centred titles wrap at this width
	sigGap     = 4  // blank lines left for a signature
)

// nation and motto are the national title and motto of every header.
const (
	nation = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
	motto  = "Độc lập - Tự do - Hạnh phúc"
)

// ind returns the plain-text indentation of nesting level n.
func ind(n int) string { return strings.Repeat(" ", n*indentStep) }

// pageLines is the height of a plain-text page: A4 less margins of 20 mm
// at the top and bottom holds 60 lines at 6 lines to the inch.
const pageLines = 60

// tline is one line of a plain-text document before it is cut into pages.
type tline struct {
	text string
	keep bool     // stays on the same page as the next line
	brk  breakAt  // what starts before this line
	head []string // a table's heading, repeated when a page starts at this line
}

// breakAt is a break a document asks for before a line.
type breakAt int

const (
	noBreak      breakAt = iota
	sectionStart         // a new page whose numbering starts again
)

// textWriter lays blocks out as plain text, line by line; pages are cut
// when the document is done.
type textWriter struct {
	lines    []tline
	brk      breakAt // break before the next line written
	together int     // index of the first line of a range kept on one page; -1 for none
	tables   map[tableKey]laidTable
}

// laidTable is a table laid out as plain text: its heading lines and the
// lines of each row, as lineText makes them.
type laidTable struct {
	head []string
	rows [][]string
}

// renderText lays a document out as plain UTF-8 text in NFC, cut into
// pages of pageLines lines: each page after the first begins with a form
// feed and, unless the document's pages go unnumbered, its number centred
// on the line; each section starts at page 1, unnumbered.
func renderText(d *doc) []byte {
	var b strings.Builder
	_ = writeText(&b, d)
	return []byte(b.String())
}

// writeText writes renderText's text to out.
func writeText(out io.Writer, d *doc) error {
	w := textWriter{together: -1}
	for _, b := range d.blocks {
		w.block(b)
	}
	return nfc(out, func(b *bufio.Writer) { paginate(b, w.lines, !d.unnumbered) })
}

// line writes one line without trailing spaces.
func (w *textWriter) line(s string) {
	w.put(lineText(s))
}

// lineText is a line as written: glue shown as spaces, without trailing
// spaces.
func lineText(s string) string {
	return strings.TrimRight(strings.ReplaceAll(s, glue, " "), " ")
}

// put writes one line already made by lineText.
func (w *textWriter) put(text string) {
	w.lines = append(w.lines, tline{text: text, brk: w.brk})
	w.brk = noBreak
}

// keepLines marks lines from..len-2 to stay with the line after each.
func (w *textWriter) keepLines(from int) {
	for i := max(from, 0); i < len(w.lines)-1; i++ {
		w.lines[i].keep = true
	}
}

// keepLast keeps what ends the text so far with what follows, back to its
// last n lines that are neither blank nor kept with the next already: the
// end of the last n paragraphs, with the paragraphs kept whole (such as a
// verification code) and blank lines among them.
func (w *textWriter) keepLast(n int) {
	for i := len(w.lines) - 1; i >= 0 && n > 0; i-- {
		if w.lines[i].brk == sectionStart {
			break
		}
		if w.lines[i].text != "" && !w.lines[i].keep {
			n--
		}
		w.lines[i].keep = true
	}
}

// hang writes text wrapped to the page after first on the first line and
// after rest on the following lines, keeping a paragraph's first two and
// last two lines together; keep keeps the whole paragraph with what
// follows.
func (w *textWriter) hang(first, rest, text string, keep bool) {
	from := len(w.lines)
	ls := wrapN(text, pageWidth-width(first), pageWidth-width(rest))
	for i, l := range ls {
		if i == 0 {
			w.line(first + l)
		} else {
			w.line(rest + l)
		}
	}
	n := len(ls)
	switch {
	case keep:
		w.keepLines(from)
		w.lines[len(w.lines)-1].keep = true
	case n <= 3:
		w.keepLines(from)
	default:
		w.lines[from].keep = true
		w.lines[from+n-2].keep = true
	}
}

// centred writes text wrapped to maxW and centred on the page.
func (w *textWriter) centred(text string, maxW int, keep bool) {
	from := len(w.lines)
	for _, l := range wrap(text, maxW) {
		w.line(center(l, pageWidth))
	}
	w.keepLines(from)
	if keep {
		w.lines[len(w.lines)-1].keep = true
	}
}

// block writes one block.
func (w *textWriter) block(b block) {
	switch b := b.(type) {
	case para:
		text := plain(b.spans)
		keep := keepsNext(b)
		switch b.role {
		case roleTitle, roleSubject, roleCentred, roleAddress:
			w.centred(text, titleWidth, keep)
		case roleDraft:
			w.centred("[ "+text+" ]", titleWidth, keep)
		default:
			first := ind(b.level) + b.lead
			w.hang(first, ind(b.level)+strings.Repeat(" ", width(b.lead)), text, keep)
		}
	case blank:
		w.line("")
	case shortRule:
		w.line(center(rule(b.width), pageWidth))
		w.lines[len(w.lines)-1].keep = true
	case sectionBreak:
		if b.cut {
			w.line(strings.TrimSpace(strings.Repeat("- ", pageWidth/2)))
		} else {
			w.brk = sectionStart
		}
	case together:
		if b.end {
			w.keepLines(w.together)
			w.together = -1
		} else {
			w.together = len(w.lines)
		}
	case header:
		from := len(w.lines)
		w.header(b)
		w.keepLines(from)
		w.lines[len(w.lines)-1].keep = true
	case tableBlock:
		w.table(b)
	case signatures:
		w.keepLast(1)
		w.line("")
		from := len(w.lines)
		cw := pageWidth / max(len(b.cols), 1)
		cols := make([][]string, len(b.cols))
		head := 0
		for _, c := range b.cols {
			head = max(head, len(sigHead(c, cw)))
		}
		for i, c := range b.cols {
			cols[i] = sigLines(c, cw, head)
		}
		for _, l := range columns(cols, cw) {
			w.line(l)
		}
		w.keepLines(from)
	case recipients:
		w.keepLast(1)
		w.line("")
		from := len(w.lines)
		half := pageWidth / 2
		left := []string{"Nơi nhận:"}
		for _, l := range b.lines {
			for i, wl := range wrap(l, half-4) {
				if i > 0 {
					wl = "  " + wl // under the text, past the dash
				}
				left = append(left, wl)
			}
		}
		for _, l := range columns([][]string{left, sigLines(b.sig, half, 0)}, half) {
			w.line(l)
		}
		w.keepLines(from)
	}
}

// table writes a table: its heading kept with the first row, each row
// whole on one page, the heading repeated on a page a row starts.
func (w *textWriter) table(b tableBlock) {
	lt := w.layTable(b)
	for _, l := range lt.head {
		w.put(l)
		w.lines[len(w.lines)-1].keep = true
	}
	for _, lines := range lt.rows {
		from := len(w.lines)
		for _, l := range lines {
			w.put(l)
			w.lines[len(w.lines)-1].head = lt.head
		}
		w.keepLines(from)
	}
}

// layTable lays a table out as lines, once for each table's content.
func (w *textWriter) layTable(b tableBlock) laidTable {
	key, ok := b.key(false)
	if lt, seen := w.tables[key]; ok && seen {
		return lt
	}
	t := table{indent: ind(b.level) + strings.Repeat(" ", b.extra), cols: b.cols, rows: b.rows}
	if b.boxes {
		t.rows = make([][]string, len(b.rows))
		for i, r := range b.rows {
			t.rows[i] = make([]string, len(r))
			for j, c := range r {
				if c == "" && j < len(b.cols) {
					c = strings.ReplaceAll(center("[   ]", b.cols[j].width), " ", glue)
				}
				t.rows[i][j] = c
			}
		}
	}
	lt := laidTable{head: t.heading(), rows: make([][]string, len(t.rows))}
	for i, l := range lt.head {
		lt.head[i] = lineText(l)
	}
	for i, r := range t.rows {
		lt.rows[i] = t.row(r)
		for j, l := range lt.rows[i] {
			lt.rows[i][j] = lineText(l)
		}
	}
	if ok {
		if w.tables == nil {
			w.tables = map[tableKey]laidTable{}
		}
		w.tables[key] = lt
	}
	return lt
}

// keepsNext reports whether a paragraph stays on the page of what follows
// it: a title, a heading, a line that introduces what follows (ending in a
// colon), or one the document asks to keep.
func keepsNext(p para) bool {
	switch p.role {
	case roleTitle, roleSubject, roleSection, roleSubsection, roleDraft:
		return true
	}
	return p.keep || strings.HasSuffix(strings.TrimSpace(plain(p.spans)), ":")
}

// paginate cuts lines into pages of pageLines lines. A run of lines each
// kept with the next moves whole to a new page when it does not fit (unless
// it is longer than a page); a blank line after a kept line is kept too;
// no page starts with a blank line; a table row that starts a page has the
// table's heading above it. Each page after the first of its section
// starts with a form feed and, when numbered, its number centred; a new
// section starts with a form feed alone.
func paginate(b *bufio.Writer, lines []tline, numbered bool) {
	keep := make([]bool, len(lines))
	for i, l := range lines {
		keep[i] = l.keep || (l.text == "" && i > 0 && keep[i-1] && l.brk == noBreak)
	}
	used, body, page := 0, 0, 1
	written := false
	emit := func(s string, content bool) {
		b.WriteString(s)
		b.WriteByte('\n')
		written = true
		used++
		if content {
			body++
		}
	}
	newPage := func(restart bool) {
		if restart {
			page = 1
		} else {
			page++
		}
		used, body = 0, 0
		if numbered && page > 1 {
			emit("\f"+strings.TrimRight(center(strconv.Itoa(page), pageWidth), " "), false)
			emit("", false)
		} else {
			emit("\f", false)
		}
	}
	repeatHead := func(k int) {
		for _, h := range lines[k].head {
			emit(h, true)
		}
	}
	for i := 0; i < len(lines); {
		if lines[i].brk == sectionStart && written {
			newPage(true)
		}
		j := i
		for j < len(lines)-1 && keep[j] && lines[j+1].brk != sectionStart {
			j++
		}
		if n := j - i + 1; body > 0 && used+n > pageLines && n <= pageLines-2 {
			newPage(false)
			repeatHead(i)
		}
		for k := i; k <= j; k++ {
			if used >= pageLines {
				newPage(false)
				repeatHead(k)
			}
			if lines[k].text == "" && body == 0 {
				continue
			}
			emit(lines[k].text, true)
		}
		i = j + 1
	}
}

// sigHead returns the role lines and note of a signature block, centred
// in a column cw wide.
func sigHead(c sigCol, cw int) []string {
	var out []string
	for _, r := range c.roles {
		for _, l := range wrap(r, cw-2) {
			out = append(out, center(l, cw))
		}
	}
	if c.note != "" {
		out = append(out, center(c.note, cw))
	}
	return out
}

// sigLines lays out one signature block centred in a column cw wide, its
// heading padded to head lines so that names side by side line up.
func sigLines(c sigCol, cw, head int) []string {
	out := sigHead(c, cw)
	for len(out) < head {
		out = append(out, "")
	}
	for i := range c.names {
		n := c.names[i]
		gap := sigGap + 1
		for range gap {
			out = append(out, "")
		}
		out = append(out, center(n, cw))
	}
	return out
}

// columns sets lists of lines side by side in columns cw wide.
func columns(cols [][]string, cw int) []string {
	n := 0
	for _, c := range cols {
		n = max(n, len(c))
	}
	out := make([]string, n)
	for i := range n {
		var b strings.Builder
		for j, c := range cols {
			s := ""
			if i < len(c) {
				s = c[i]
			}
			if j < len(cols)-1 {
				s = padRight(s, cw)
			}
			b.WriteString(s)
		}
		out[i] = b.String()
	}
	return out
}

// header writes the two-column heading: the agency and the number on the
// left, the national title, the motto and the place and date on the right.
func (w *textWriter) header(h header) {
	lw, rw := headerLeft, pageWidth-headerLeft
	var left []string
	lastW := 0
	for _, hl := range h.left {
		for _, l := range wrap(hl.text, lw-2) {
			left = append(left, center(l, lw))
			lastW = width(l)
		}
	}
	if len(left) > 0 {
		left = append(left, center(rule(min(max((lastW+1)/2, 8), lw-2)), lw))
	}
	right := []string{center(nation, rw), center(motto, rw), center(rule(width(motto)), rw)}
	for _, l := range sideBySide(left, right, lw) {
		w.line(l)
	}
	w.line("")
	var num []string
	if h.number != "" {
		num = []string{center(h.number, lw)}
	}
	var date []string
	for _, l := range wrap(h.date, rw-2) {
		date = append(date, center(l, rw))
	}
	for _, l := range sideBySide(num, date, lw) {
		w.line(l)
	}
}

// unpaged returns plain text for a screen: each form feed and page number
// that starts a page becomes a rule saying where the page begins.
func unpaged(s string) string {
	var b strings.Builder
	for _, l := range strings.SplitAfter(s, "\n") {
		if rest, ok := strings.CutPrefix(l, "\f"); ok {
			mark := strings.Repeat("┄", 10)
			if n := strings.TrimSpace(rest); n != "" {
				mark += " trang " + n + " " + strings.Repeat("┄", 10)
			}
			b.WriteString(center(mark, pageWidth))
			b.WriteString("\n")
			continue
		}
		b.WriteString(l)
	}
	return b.String()
}
