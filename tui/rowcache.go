package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// drawnLine is one line as drawn, with its width in cells measured once.
type drawnLine struct {
	text  string
	width int
}

// measure measures a line of text once.
func measure(s string) drawnLine { return drawnLine{text: s, width: ansi.StringWidth(s)} }

// drawnRow is a row of a list as drawn: its index and whether the cursor
// is on it.
type drawnRow struct {
	at       int
	selected bool
}

// maxDrawnRows bounds a rowCache: past it the cache starts afresh, so that
// paging through a long list does not keep every row it ever drew.
const maxDrawnRows = 2048

// rowCache keeps the rows of a list as last drawn for one layout L (the
// width and the look), keyed by K: a frame draws again only the rows whose
// look changed. Whoever changes what the rows show empties it (reset).
type rowCache[L, K comparable] struct {
	layout L
	rows   map[K]drawnLine
}

// forLayout empties the cache when the layout is not the one it holds
// rows for, and reports whether it did.
func (c *rowCache[L, K]) forLayout(l L) bool {
	if c.rows != nil && c.layout == l && len(c.rows) < maxDrawnRows {
		return false
	}
	c.layout, c.rows = l, make(map[K]drawnLine)
	return true
}

// reset forgets every row drawn.
func (c *rowCache[L, K]) reset() { c.rows = nil }

// lookup returns row k as drawn, if it was.
func (c *rowCache[L, K]) lookup(k K) (drawnLine, bool) {
	l, ok := c.rows[k]
	return l, ok
}

// keep keeps row k as drawn and returns it measured.
func (c *rowCache[L, K]) keep(k K, s string) drawnLine {
	l := measure(s)
	if c.rows != nil {
		c.rows[k] = l
	}
	return l
}

// pageLines are the lines pickList.view draws for the page on show,
// without the pager: a line per row as draw gives it, then blank lines
// down to the list's height, every line padded with spaces to the widest.
// They are returned unpadded, with that widest width; draw gets the index
// of the row in the list, the row and whether the cursor is on it.
func pageLines(p *pickList, draw func(i int, r pickRow, selected bool) drawnLine) ([]drawnLine, int) {
	if p.len() == 0 {
		return nil, 0
	}
	start, end := p.page()
	n := max(end-start, p.l.Paginator.PerPage, p.l.Height())
	lines := make([]drawnLine, 0, n)
	widest := 0
	for i := start; i < end; i++ {
		l := draw(i, p.row(i), i == p.l.Index())
		widest = max(widest, l.width)
		lines = append(lines, l)
	}
	for len(lines) < n {
		lines = append(lines, drawnLine{})
	}
	return lines, widest
}

// writePadded writes l followed by spaces up to width cells.
func writePadded(b *strings.Builder, l drawnLine, width int) {
	b.WriteString(l.text)
	for n := width - l.width; n > 0; n -= len(blanks) {
		b.WriteString(blanks[:min(n, len(blanks))])
	}
}

// writeBlock writes lines on lines of their own, each padded to width
// cells.
func writeBlock(b *strings.Builder, lines []drawnLine, width int) {
	size := len(lines) * (width + 1)
	for _, l := range lines {
		size += len(l.text) - l.width
	}
	b.Grow(size)
	for i, l := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		writePadded(b, l, width)
	}
}

// blanks are the spaces writePadded adds, a slice at a time.
const blanks = "                                "

// blockLines splits a block of text into measured lines, as
// lipgloss.JoinHorizontal reads a block (tabs as four spaces), and
// returns the widest width.
func blockLines(s string) ([]drawnLine, int) {
	s = strings.ReplaceAll(s, "\t", "    ")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	parts := strings.Split(s, "\n")
	lines := make([]drawnLine, len(parts))
	widest := 0
	for i, p := range parts {
		lines[i] = measure(p)
		widest = max(widest, lines[i].width)
	}
	return lines, widest
}
