package export

import (
	"strings"

	"golang.org/x/text/unicode/norm"
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

// textWriter lays blocks out as plain text, line by line.
type textWriter struct{ b strings.Builder }

// renderText lays a document out as plain UTF-8 text in NFC.
func renderText(d *doc) []byte {
	var w textWriter
	for _, b := range d.blocks {
		w.block(b)
	}
	return norm.NFC.Bytes([]byte(w.b.String()))
}

// line writes one line without trailing spaces.
func (w *textWriter) line(s string) {
	w.b.WriteString(strings.TrimRight(strings.ReplaceAll(s, glue, " "), " "))
	w.b.WriteByte('\n')
}

// hang writes text wrapped to the page after first on the first line and
// after rest on the following lines.
func (w *textWriter) hang(first, rest, text string) {
	for i, l := range wrapN(text, pageWidth-width(first), pageWidth-width(rest)) {
		if i == 0 {
			w.line(first + l)
		} else {
			w.line(rest + l)
		}
	}
}

// centred writes text wrapped to maxW and centred on the page.
func (w *textWriter) centred(text string, maxW int) {
	for _, l := range wrap(text, maxW) {
		w.line(center(l, pageWidth))
	}
}

// block writes one block.
func (w *textWriter) block(b block) {
	switch b := b.(type) {
	case para:
		text := plain(b.spans)
		switch b.role {
		case roleTitle, roleSubject, roleCentred, roleAddress:
			w.centred(text, titleWidth)
		case roleDraft:
			w.centred("[ "+text+" ]", titleWidth)
		default:
			first := ind(b.level) + b.lead
			w.hang(first, ind(b.level)+strings.Repeat(" ", width(b.lead)), text)
		}
	case blank:
		w.line("")
	case shortRule:
		w.line(center(rule(b.width), pageWidth))
	case pageBreak:
		if b.cut {
			w.line(strings.TrimSpace(strings.Repeat("- ", pageWidth/2)))
		} else {
			w.line("")
			w.line(strings.Repeat("═", pageWidth))
		}
	case header:
		w.header(b)
	case tableBlock:
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
		for _, l := range t.render() {
			w.line(l)
		}
	case signatures:
		w.line("")
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
	case recipients:
		w.line("")
		half := pageWidth / 2
		left := []string{"Nơi nhận:"}
		for _, l := range b.lines {
			left = append(left, wrap(l, half-2)...)
		}
		for _, l := range columns([][]string{left, sigLines(b.sig, half, 0)}, half) {
			w.line(l)
		}
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

// unpaged returns plain text without its page breaks: the form feed and
// the page number that start each page after the first, for a screen.
func unpaged(s string) string {
	var b strings.Builder
	for _, l := range strings.SplitAfter(s, "\n") {
		if strings.HasPrefix(l, "\f") {
			continue
		}
		b.WriteString(l)
	}
	return b.String()
}
