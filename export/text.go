package export

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// pageWidth is the width of a plain-text page in display columns.
const pageWidth = 80

// width returns the display width of s in terminal cells: Vietnamese letters
// with diacritics count one cell however many bytes or code points they use.
func width(s string) int {
	// Fast path for the common case, text made only of precomposed Latin
	// letters (Vietnamese in NFC included), each one cell wide; grapheme
	// segmentation dominates the cost of laying out a long document.
	n := 0
	for _, r := range s {
		if !narrowLatin(r) {
			return ansi.StringWidth(s)
		}
		n++
	}
	return n
}

// narrowLatin reports whether r is a precomposed Latin letter, digit or
// punctuation mark that takes exactly one cell and never joins with its
// neighbours into one grapheme.
func narrowLatin(r rune) bool {
	return (r >= 0x20 && r <= 0x7e) || r == 0xa0 || (r >= 0xc0 && r <= 0x24f && r != 0xd7 && r != 0xf7) || (r >= 0x1e00 && r <= 0x1eff)
}

// padRight pads s with spaces on the right to display width w.
func padRight(s string, w int) string {
	if d := w - width(s); d > 0 {
		return s + strings.Repeat(" ", d)
	}
	return s
}

// padLeft pads s with spaces on the left to display width w.
func padLeft(s string, w int) string {
	if d := w - width(s); d > 0 {
		return strings.Repeat(" ", d) + s
	}
	return s
}

// center centres s in display width w, the odd space going to the right;
// the result is exactly w wide unless s is wider.
func center(s string, w int) string {
	d := w - width(s)
	if d <= 0 {
		return s
	}
	left := d / 2
	return strings.Repeat(" ", left) + s + strings.Repeat(" ", d-left)
}

// rule returns a horizontal line of n cells.
func rule(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat("─", n)
}

// glue is a no-break space: the wrapper never breaks a line there, and the
// document writes it as an ordinary space.
const glue = "\u00a0"

// keepMath glues the products and sums of written-out arithmetic ("4 × 3 =
// 12") so that a line breaks only beside a comparison, never inside a term.
func keepMath(s string) string {
	return strings.NewReplacer(" × ", glue+"×"+glue, " = ", glue+"="+glue).Replace(s)
}

// wrap breaks s into lines of at most w display cells, at spaces where it
// can and inside a word only when the word alone is wider than w. Runs of
// white space collapse to one space. It returns at least one line.
func wrap(s string, w int) []string { return wrapN(s, w, w) }

// wrapN is wrap with the first line first cells wide and the others w.
func wrapN(s string, first, w int) []string {
	limit := max(first, 1)
	var lines []string
	var cur strings.Builder
	curW := 0
	flush := func() {
		lines = append(lines, cur.String())
		cur.Reset()
		curW = 0
		limit = max(w, 1)
	}
	words := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' })
	for _, word := range words {
		ww := width(word)
		if curW > 0 && curW+1+ww <= limit {
			cur.WriteByte(' ')
			cur.WriteString(word)
			curW += 1 + ww
			continue
		}
		if curW > 0 {
			flush()
		}
		for ww > limit {
			head := ansi.Truncate(word, limit, "")
			if head == "" { // a single grapheme wider than the line
				break
			}
			cur.WriteString(head)
			flush()
			word = ansi.TruncateLeft(word, width(head), "")
			ww = width(word)
		}
		cur.WriteString(word)
		curW = ww
	}
	if curW > 0 || len(lines) == 0 {
		flush()
	}
	return lines
}

// sideBySide joins two columns line by line, padding the left one to width
// lw; the shorter column is extended with blank lines at the bottom.
func sideBySide(left, right []string, lw int) []string {
	n := max(len(left), len(right))
	out := make([]string, n)
	for i := range n {
		var l, r string
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		out[i] = strings.TrimRight(padRight(l, lw)+r, " ")
	}
	return out
}

// column is one column of a plain-text table.
type column struct {
	title string
	width int  // display cells
	right bool // right-aligned, for numbers
}

// table is a plain-text table whose cells wrap inside their column.
type table struct {
	indent string
	cols   []column
	rows   [][]string
}

// colGap separates the columns of a table.
const colGap = "  "

// heading lays out the table's heading: the column titles and a rule
// under each column.
func (t table) heading() []string {
	titles := make([]string, len(t.cols))
	rules := make([]string, len(t.cols))
	for i, c := range t.cols {
		titles[i] = c.title
		rules[i] = rule(c.width)
	}
	return append(t.row(titles), t.indent+strings.Join(rules, colGap))
}

// row lays out one row, possibly over several lines.
func (t table) row(cells []string) []string {
	wrapped := make([][]string, len(t.cols))
	height := 1
	for i, c := range t.cols {
		var s string
		if i < len(cells) {
			s = cells[i]
		}
		wrapped[i] = wrap(s, c.width)
		height = max(height, len(wrapped[i]))
	}
	out := make([]string, height)
	for l := range height {
		parts := make([]string, len(t.cols))
		for i, c := range t.cols {
			var s string
			if l < len(wrapped[i]) {
				s = wrapped[i][l]
			}
			if c.right {
				parts[i] = padLeft(s, c.width)
			} else {
				parts[i] = padRight(s, c.width)
			}
		}
		out[l] = strings.TrimRight(t.indent+strings.Join(parts, colGap), " ")
	}
	return out
}
