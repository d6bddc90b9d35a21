package export

import (
	"bufio"
	"io"
	"strings"
)

// writeMarkdown writes a document as CommonMark with GitHub tables: the
// header and signature blocks as tables, section headings as headings,
// nested paragraphs as nested bullet lists.
func writeMarkdown(out io.Writer, d *doc) error {
	var w mdWriter
	for _, b := range d.blocks {
		w.block(b)
	}
	return nfc(out, func(b *bufio.Writer) {
		b.WriteString(strings.TrimRight(w.b.String(), "\n"))
		b.WriteByte('\n')
	})
}

// mdWriter accumulates Markdown; list tracks whether the last line was a
// list item, so that a following paragraph is set apart by a blank line.
type mdWriter struct {
	b      strings.Builder
	list   bool
	tables map[tableKey]string // tables already written, by their content
}

// para starts a block that needs a blank line before it.
func (w *mdWriter) para(s string) {
	w.gap()
	w.b.WriteString(s)
	w.b.WriteString("\n")
	w.list = false
}

// gap writes the blank line that separates blocks.
func (w *mdWriter) gap() {
	if w.b.Len() > 0 && !strings.HasSuffix(w.b.String(), "\n\n") {
		w.b.WriteString("\n")
	}
}

// block writes one block.
func (w *mdWriter) block(b block) {
	switch b := b.(type) {
	case para:
		w.paragraph(b)
	case blank, shortRule, together:
	case sectionBreak:
		w.para("---")
	case header:
		left := make([]string, len(b.left))
		for i, l := range b.left {
			left[i] = mdSpan(span{text: l.text, bold: l.bold})
		}
		w.para("| " + strings.Join(left, "<br>") + " | " + mdSpan(span{text: nation, bold: true}) + "<br>" + mdSpan(span{text: motto, bold: true}) + " |\n" +
			"|:---:|:---:|\n" +
			"| " + mdCell(b.number) + " | " + mdSpan(span{text: b.date, italic: true}) + " |")
	case tableBlock:
		w.table(b)
	case signatures:
		w.signatures(b.cols)
	case recipients:
		lines := []string{mdSpan(span{text: "Nơi nhận:", bold: true, italic: true})}
		for _, l := range b.lines {
			lines = append(lines, mdEscape(l))
		}
		w.para(strings.Join(lines, "<br>"))
		w.signatures([]sigCol{b.sig})
	}
}

// paragraph writes a paragraph by its role.
func (w *mdWriter) paragraph(p para) {
	spans := p.spans
	lead := strings.TrimSpace(p.lead)
	if lead != "" && lead != "-" && isBoldLead(p) {
		// A bold label takes its number into the bold: "**1. Chủ tọa:**".
		spans = append([]span{{text: p.lead + spans[0].text, bold: true, italic: spans[0].italic}}, spans[1:]...)
		lead = ""
	}
	text := mdSpans(spans)
	switch p.role {
	case roleTitle:
		w.para("# " + mdEscape(plain(p.spans)))
	case roleSubject, roleCentred, roleAddress, roleDraft:
		w.para(text)
	case roleSection:
		w.para("## " + mdEscape(plain(p.spans)))
	case roleSubsection:
		w.para("### " + mdEscape(plain(p.spans)))
	default:
		if lead != "" && lead != "-" {
			text = mdEscape(lead) + " " + text
		}
		if lead == "-" || p.level > 0 {
			w.item(max(p.level-1, 0), mdLineStart(text))
			return
		}
		w.para(mdLineStart(text))
	}
}

// isBoldLead reports whether a paragraph's lead belongs to a bold label
// ("1. Chủ tọa:"), as opposed to a plain numbered line.
func isBoldLead(p para) bool { return len(p.spans) > 0 && p.spans[0].bold }

// item writes a bullet at nesting depth.
func (w *mdWriter) item(depth int, text string) {
	if !w.list {
		w.gap()
	}
	w.b.WriteString(strings.Repeat("  ", depth) + "- " + text + "\n")
	w.list = true
}

// table writes a GitHub table.
func (w *mdWriter) table(t tableBlock) {
	key, ok := t.key(false)
	text, seen := w.tables[key]
	if !ok || !seen {
		text = mdTable(t)
	}
	if ok && !seen {
		if w.tables == nil {
			w.tables = map[tableKey]string{}
		}
		w.tables[key] = text
	}
	w.para(text)
}

// mdTable returns a GitHub table.
func mdTable(t tableBlock) string {
	var b strings.Builder
	titles := make([]string, len(t.cols))
	aligns := make([]string, len(t.cols))
	for i, c := range t.cols {
		titles[i] = mdCell(c.title)
		aligns[i] = "---"
		if c.right {
			aligns[i] = "---:"
		}
		if t.boxes && i >= 2 {
			aligns[i] = ":---:"
		}
	}
	b.WriteString("| " + strings.Join(titles, " | ") + " |\n|" + strings.Join(aligns, "|") + "|")
	for _, r := range t.rows {
		cells := make([]string, len(t.cols))
		for i := range t.cols {
			if i < len(r) {
				cells[i] = mdCell(r[i])
			}
			if t.boxes && cells[i] == "" {
				cells[i] = "☐"
			}
		}
		b.WriteString("\n| " + strings.Join(cells, " | ") + " |")
	}
	return b.String()
}

// signatures writes signature blocks as a table: roles in the heading, a
// row of space for the signatures, the names beneath.
func (w *mdWriter) signatures(cols []sigCol) {
	roles := make([]string, len(cols))
	gaps := make([]string, len(cols))
	names := make([]string, len(cols))
	aligns := make([]string, len(cols))
	for i, c := range cols {
		rs := make([]string, len(c.roles))
		for j, r := range c.roles {
			rs[j] = mdSpan(span{text: r, bold: true})
		}
		roles[i] = strings.Join(rs, "<br>")
		if c.note != "" {
			gaps[i] = mdSpan(span{text: c.note, italic: true})
		}
		gaps[i] += "<br><br><br>"
		ns := make([]string, len(c.names))
		for j, n := range c.names {
			ns[j] = mdSpan(span{text: n, bold: true})
		}
		names[i] = strings.Join(ns, "<br><br><br><br>")
		aligns[i] = ":---:"
	}
	w.para("| " + strings.Join(roles, " | ") + " |\n|" + strings.Join(aligns, "|") + "|\n| " +
		strings.Join(gaps, " | ") + " |\n| " + strings.Join(names, " | ") + " |")
}

// mdSpans writes spans with their emphasis.
func mdSpans(spans []span) string {
	var b strings.Builder
	for _, s := range spans {
		b.WriteString(mdSpan(s))
	}
	return b.String()
}

// mdSpan writes one span; emphasis markers go inside the surrounding
// spaces, where CommonMark needs them.
func mdSpan(s span) string {
	text := mdEscape(s.text)
	if strings.TrimSpace(text) == "" || (!s.bold && !s.italic) {
		return text
	}
	core := strings.TrimSpace(text)
	lead := text[:strings.Index(text, core)]
	trail := text[len(lead)+len(core):]
	mark := ""
	if s.bold {
		mark += "**"
	}
	if s.italic {
		mark += "_"
	}
	closing := reverse(mark)
	return lead + mark + core + closing + trail
}

// reverse reverses an ASCII string.
func reverse(s string) string {
	b := []byte(s)
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	return string(b)
}

// mdEscape escapes the characters Markdown would read as markup.
func mdEscape(s string) string {
	s = strings.ReplaceAll(s, glue, " ")
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '|', '#':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// mdCell writes a table cell: escaped, on one line.
func mdCell(s string) string {
	return strings.ReplaceAll(mdEscape(s), "\n", "<br>")
}

// mdLineStart escapes what would start a list at the beginning of a
// paragraph: "1. ", "1) ", "- ", "+ ".
func mdLineStart(s string) string {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') {
		return s[:i] + "\\" + s[i:]
	}
	if strings.HasPrefix(s, "- ") || strings.HasPrefix(s, "+ ") || strings.HasPrefix(s, ">") {
		return "\\" + s
	}
	return s
}
