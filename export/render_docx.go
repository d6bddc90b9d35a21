package export

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Word layout, in twentieths of a point (twips) and half-points, after
// Decree 30/2020: A4 portrait; margins top and bottom 20 mm, left 30 mm,
// right 15 mm; Times New Roman, body 14 pt.
const (
	pageW, pageH     = 11906, 16838
	marginTop        = 1134 // 20 mm
	marginBottom     = 1134 // 20 mm
	marginLeft       = 1701 // 30 mm
	marginRight      = 850  // 15 mm
	textW            = pageW - marginLeft - marginRight
	levelTw          = 425 // indentation of each nested level (7.5 mm)
	headerOut        = 425 // the heading table reaches this far into the left margin…
	headerOutRight   = 170 // …and this far into the right one, for the national title
	headerW          = textW + headerOut + headerOutRight
	sizeBody         = 28 // 14 pt
	sizeTable        = 26 // 13 pt
	sizeHeadSmall    = 24 // 12 pt: the agency lines and the national title
	sizeHeadMotto    = 26 // 13 pt
	sizeRecipients   = 24 // 12 pt: "Nơi nhận:"
	sizeRecipientsLn = 22 // 11 pt: its lines
)

// zipTime is the fixed modification time of every part, so that the same
// document always gives the same bytes.
func zipTime() time.Time { return time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC) }

// writeDocx writes a document as a Word file: a zip of WordprocessingML
// parts, in a fixed order, with fixed times and no generated ids or
// dates, the body of the document streamed into its part as it is laid
// out.
func writeDocx(out io.Writer, d *doc) error {
	parts := []struct {
		name, data string
		body       bool // word/document.xml: data is its head, the body and the tail follow
	}{
		{"[Content_Types].xml", contentTypesXML, false},
		{"_rels/.rels", relsXML, false},
		{"docProps/app.xml", appXML, false},
		{"docProps/core.xml", fmt.Sprintf(coreXML, xmlText(d.title)), false},
		{"word/_rels/document.xml.rels", documentRelsXML, false},
		{"word/document.xml", documentHead, true},
		{"word/header1.xml", pageNumberHeaderXML, false},
		{"word/header2.xml", emptyHeaderXML, false},
		{"word/settings.xml", settingsXML, false},
		{"word/styles.xml", stylesXML, false},
	}
	zw := zip.NewWriter(out)
	// The fastest compression: a ballot paper's file holds a copy for
	// each member. One compressor serves every part in turn.
	var fw *flate.Writer
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		if fw == nil {
			var err error
			fw, err = flate.NewWriter(w, flate.BestSpeed)
			return fw, err
		}
		fw.Reset(w)
		return fw, nil
	})
	for _, p := range parts {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: zipTime()})
		if err != nil {
			return err
		}
		o := newNFCOut(f)
		o.WriteString(p.data)
		if p.body {
			w := &docxWriter{b: o.Writer, out: o, numbered: !d.unnumbered}
			keep := keepPlan(d.blocks)
			for i, blk := range d.blocks {
				w.block(blk, keep[i])
			}
			o.WriteString(w.sect())
			o.WriteString(documentTail)
		}
		if err := o.close(); err != nil {
			return err
		}
	}
	return zw.Close()
}

// docxWriter writes the body of word/document.xml.
type docxWriter struct {
	b        *bufio.Writer
	out      *nfcOut             // where b writes, when it can take text already in NFC
	numbered bool                // pages after the first of each section carry their number
	tables   map[tableKey][]byte // tables already written, by their content
}

// keepPlan decides which blocks stay on the page of the block after them:
// titles, headings and lines that introduce what follows; the last
// paragraph or table row before a signature, so that no page holds
// signatures alone; and a blank line after a block that is kept.
func keepPlan(blocks []block) []bool {
	keep := make([]bool, len(blocks))
	for i, b := range blocks {
		switch b := b.(type) {
		case para:
			keep[i] = keepsNext(b)
		case header, shortRule:
			keep[i] = true
		case signatures, recipients:
			// Walking back, count the blocks not kept with what follows
			// already: a paragraph kept whole with the signature (the
			// verification code) does not stand in for the text before it.
			for j, n := i-1, 0; j >= 0 && n < 1; j-- {
				switch bj := blocks[j].(type) {
				case sectionBreak:
					n = 1
					continue
				case para:
					if !keep[j] && !keepsNext(bj) {
						n++
					}
				case tableBlock:
					n++
				}
				keep[j] = true
			}
		}
	}
	for i := 1; i < len(blocks); i++ {
		if _, ok := blocks[i].(blank); ok && keep[i-1] {
			keep[i] = true
		}
	}
	return keep
}

// pOpts are the properties of one Word paragraph.
type pOpts struct {
	jc                   string // left, center, right, both
	left, hanging, first int
	right                int
	before, after        int
	keepNext, keepLines  bool
	borderBottom         bool
	box                  bool // a border on every side
	tiny                 bool // an empty paragraph carrying only a rule
	noSpacing            bool
}

// p writes one paragraph of runs.
func (w *docxWriter) p(o pOpts, runs ...string) {
	b := w.b
	b.WriteString("<w:p><w:pPr>")
	if o.keepNext {
		b.WriteString("<w:keepNext/>")
	}
	if o.keepLines {
		b.WriteString("<w:keepLines/>")
	}
	switch {
	case o.box:
		b.WriteString(`<w:pBdr><w:top w:val="single" w:sz="8" w:space="1" w:color="000000"/><w:left w:val="single" w:sz="8" w:space="4" w:color="000000"/>` +
			`<w:bottom w:val="single" w:sz="8" w:space="1" w:color="000000"/><w:right w:val="single" w:sz="8" w:space="4" w:color="000000"/></w:pBdr>`)
	case o.borderBottom:
		b.WriteString(`<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>`)
	}
	if o.noSpacing || o.tiny {
		fmt.Fprintf(b, `<w:spacing w:before="%d" w:after="%d" w:line="240" w:lineRule="auto"/>`, o.before, o.after)
	} else {
		fmt.Fprintf(b, `<w:spacing w:before="%d" w:after="%d"/>`, o.before, o.after)
	}
	if o.left != 0 || o.hanging != 0 || o.first != 0 || o.right != 0 {
		fmt.Fprintf(b, `<w:ind w:left="%d" w:right="%d"`, o.left, o.right)
		if o.hanging > 0 {
			fmt.Fprintf(b, ` w:hanging="%d"`, o.hanging)
		} else if o.first > 0 {
			fmt.Fprintf(b, ` w:firstLine="%d"`, o.first)
		}
		b.WriteString("/>")
	}
	if o.jc != "" {
		fmt.Fprintf(b, `<w:jc w:val="%s"/>`, o.jc)
	}
	if o.tiny {
		b.WriteString(`<w:rPr><w:sz w:val="4"/><w:szCs w:val="4"/></w:rPr>`)
	}
	b.WriteString("</w:pPr>")
	for _, r := range runs {
		b.WriteString(r)
	}
	b.WriteString("</w:p>")
}

// run returns one run of text with its emphasis and size.
func run(text string, bold, italic bool, size int) string {
	var b strings.Builder
	b.WriteString("<w:r>")
	if bold || italic || size > 0 {
		b.WriteString("<w:rPr>")
		if bold {
			b.WriteString("<w:b/><w:bCs/>")
		}
		if italic {
			b.WriteString("<w:i/><w:iCs/>")
		}
		if size > 0 {
			fmt.Fprintf(&b, `<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, size, size)
		}
		b.WriteString("</w:rPr>")
	}
	parts := strings.Split(text, "\t")
	for i, p := range parts {
		if i > 0 {
			b.WriteString("<w:tab/>")
		}
		if p != "" {
			b.WriteString(`<w:t xml:space="preserve">` + xmlText(p) + "</w:t>")
		}
	}
	b.WriteString("</w:r>")
	return b.String()
}

// spanRuns returns the runs of spans.
func spanRuns(spans []span, size int) []string {
	out := make([]string, 0, len(spans))
	for _, s := range spans {
		out = append(out, run(s.text, s.bold, s.italic, size))
	}
	return out
}

// block writes one block.
func (w *docxWriter) block(b block, keep bool) {
	switch b := b.(type) {
	case para:
		w.para(b, keep)
	case blank:
		w.p(pOpts{noSpacing: true, keepNext: keep})
	case shortRule:
		rw := b.width * 110
		side := max((textW-rw)/2, 0)
		w.p(pOpts{tiny: true, borderBottom: true, left: side, right: side, before: 60, after: 120, keepNext: keep})
	case sectionBreak:
		// The paragraph that ends a section carries its properties; the
		// next section starts on a new page, numbered from 1.
		w.b.WriteString(`<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>` +
			w.sect() + `</w:pPr></w:p>`)
	case header:
		w.header(b)
	case tableBlock:
		w.table(b, keep)
	case signatures:
		w.signatures(b.cols)
	case recipients:
		w.recipients(b)
	}
}

// para writes a paragraph by its role; keep keeps it on the page of the
// block after it.
func (w *docxWriter) para(p para, keep bool) {
	switch p.role {
	case roleTitle:
		w.p(pOpts{jc: "center", keepNext: true, noSpacing: true}, spanRuns(p.spans, 0)...)
		return
	case roleSubject:
		w.p(pOpts{jc: "center", keepNext: true, noSpacing: true}, spanRuns(p.spans, 0)...)
		return
	case roleCentred:
		w.p(pOpts{jc: "center", noSpacing: true, keepNext: keep}, spanRuns(p.spans, 0)...)
		return
	case roleDraft:
		// A box just wider than the words, centred under the title.
		bw := textTwips(plain(p.spans), sizeBody, true) + 2*170
		side := max((textW-bw)/2, 0)
		w.p(pOpts{jc: "center", keepNext: true, box: true, left: side, right: side, before: 60, after: 60}, spanRuns(p.spans, 0)...)
		return
	case roleAddress:
		w.p(pOpts{jc: "center", before: 120, after: 120, keepNext: keep}, spanRuns(p.spans, 0)...)
		return
	case roleLeft:
		w.p(pOpts{jc: "left", after: 60, keepNext: keep}, spanRuns(p.spans, 0)...)
		return
	case roleSection, roleSubsection:
		w.p(pOpts{jc: "both", keepNext: true, before: 120, after: 60}, spanRuns(p.spans, 0)...)
		return
	}
	left := p.level * levelTw
	o := pOpts{jc: "both", after: 60, left: left, keepNext: keep}
	var runs []string
	if p.lead != "" {
		bold := len(p.spans) > 0 && p.spans[0].bold
		hang := max(textTwips(p.lead, sizeBody, bold)+60, 284)
		o.left += hang
		o.hanging = hang
		runs = append(runs, run(strings.TrimRight(p.lead, " ")+"\t", bold, false, 0))
	} else if p.level == 0 {
		o.first = 567 // a body paragraph's first line is indented 10 mm
	}
	w.p(o, append(runs, spanRuns(p.spans, 0)...)...)
}

// tblOpen writes the start of a table: its width, indent, borders and grid.
func (w *docxWriter) tblOpen(widths []int, indent int, borders bool) {
	total := 0
	for _, x := range widths {
		total += x
	}
	b := w.b
	fmt.Fprintf(b, `<w:tbl><w:tblPr><w:tblW w:w="%d" w:type="dxa"/><w:tblInd w:w="%d" w:type="dxa"/>`, total, indent)
	if borders {
		b.WriteString(`<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders>`)
	} else {
		b.WriteString(`<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>`)
	}
	b.WriteString(`<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	for _, x := range widths {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, x)
	}
	b.WriteString("</w:tblGrid>")
}

// cell writes one table cell holding paragraphs written by fill.
func (w *docxWriter) cell(width int, valign string, fill func()) {
	fmt.Fprintf(w.b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, width)
	if valign != "" {
		fmt.Fprintf(w.b, `<w:vAlign w:val="%s"/>`, valign)
	}
	w.b.WriteString("</w:tcPr>")
	fill()
	w.b.WriteString("</w:tc>")
}

// header writes the two-column heading as a borderless table: the agency,
// a short rule and the number on the left; the national title, the motto
// with a rule as long as it, and the place and date on the right.
func (w *docxWriter) header(h header) {
	// The left column is as wide as its longest line needs, within bounds;
	// the national title takes the rest.
	left := 0
	for _, l := range h.left {
		left = max(left, textTwips(l.text, sizeHeadSmall, l.bold))
	}
	left = min(max(left+270, 3969), headerW-textTwips(nation, sizeHeadSmall, true)-270)
	widths := []int{left, headerW - left}
	w.tblOpen(widths, -headerOut, false)
	cellIn := func(width int) int { return width - 170 } // less the cell margins
	w.b.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
	w.cell(widths[0], "top", func() {
		last := 0
		for _, l := range h.left {
			w.p(pOpts{jc: "center", noSpacing: true}, run(l.text, l.bold, false, sizeHeadSmall))
			last = textTwips(l.text, sizeHeadSmall, l.bold)
		}
		if len(h.left) == 0 {
			w.p(pOpts{noSpacing: true})
			return
		}
		rw := min(max(last*2/5, 900), cellIn(widths[0]))
		side := max((cellIn(widths[0])-rw)/2, 0)
		w.p(pOpts{tiny: true, borderBottom: true, left: side, right: side, before: 40})
	})
	w.cell(widths[1], "top", func() {
		w.p(pOpts{jc: "center", noSpacing: true}, run(nation, true, false, sizeHeadSmall))
		w.p(pOpts{jc: "center", noSpacing: true}, run(motto, true, false, sizeHeadMotto))
		rw := min(textTwips(motto, sizeHeadMotto, true), cellIn(widths[1]))
		side := max((cellIn(widths[1])-rw)/2, 0)
		w.p(pOpts{tiny: true, borderBottom: true, left: side, right: side, before: 40})
	})
	w.b.WriteString(`</w:tr><w:tr><w:trPr><w:cantSplit/></w:trPr>`)
	w.cell(widths[0], "", func() {
		if h.number == "" {
			w.p(pOpts{noSpacing: true})
			return
		}
		w.p(pOpts{jc: "center", before: 120}, run(h.number, false, false, sizeHeadMotto))
	})
	w.cell(widths[1], "", func() {
		w.p(pOpts{jc: "center", before: 120}, run(h.date, false, true, sizeBody))
	})
	w.b.WriteString("</w:tr></w:tbl>")
}

// table writes a bordered table with a bold heading row repeated on each
// page and kept with the first row; no row splits across pages; keep
// keeps the last row on the page of the block after the table.
func (w *docxWriter) table(t tableBlock, keep bool) {
	key, ok := t.key(keep)
	if !ok {
		w.layTable(t, keep)
		return
	}
	text, seen := w.tables[key]
	if !seen {
		var buf bytes.Buffer
		out := w.b
		w.b = bufio.NewWriter(&buf)
		w.layTable(t, keep)
		_ = w.b.Flush()
		w.b = out
		// The table starts with "<w:tbl>": it can be normalised apart
		// from what comes before it, once for all its copies.
		text = norm.NFC.Bytes(buf.Bytes())
		if w.tables == nil {
			w.tables = map[tableKey][]byte{}
		}
		w.tables[key] = text
	}
	if w.out != nil && w.out.Writer == w.b {
		w.out.raw(text)
		return
	}
	w.b.Write(text)
}

// layTable writes a table as table describes.
func (w *docxWriter) layTable(t tableBlock, keep bool) {
	indent := t.level * levelTw
	avail := textW - indent
	total := 0
	for _, c := range t.cols {
		total += c.width
	}
	size := sizeTable
	if t.boxes {
		size = sizeBody
	}
	widths := columnWidths(t, avail, size)
	w.tblOpen(widths, indent, true)
	w.b.WriteString(`<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>`)
	for i, c := range t.cols {
		w.cell(widths[i], "center", func() {
			w.p(pOpts{jc: "center", noSpacing: true, before: 40, after: 40, keepNext: true}, run(c.title, true, false, size))
		})
	}
	w.b.WriteString("</w:tr>")
	for ri, r := range t.rows {
		last := ri == len(t.rows)-1
		w.b.WriteString(`<w:tr><w:trPr><w:cantSplit/>`)
		if t.boxes {
			w.b.WriteString(`<w:trHeight w:val="567" w:hRule="atLeast"/>`)
		}
		w.b.WriteString("</w:trPr>")
		for i, c := range t.cols {
			text := ""
			if i < len(r) {
				text = r[i]
			}
			jc := "left"
			if c.right {
				jc = "center"
			}
			w.cell(widths[i], "center", func() {
				w.p(pOpts{jc: jc, noSpacing: true, before: 40, after: 40, keepNext: keep && last}, run(text, false, false, size))
			})
		}
		w.b.WriteString("</w:tr>")
	}
	w.b.WriteString("</w:tbl>")
	w.p(pOpts{noSpacing: true, tiny: true, keepNext: keep})
}

// columnWidths shares avail among a table's columns in proportion to
// their plain-text widths, but never narrower than a column's heading
// words or, for numbers, its figures need; the wide text columns give way.
func columnWidths(t tableBlock, avail, size int) []int {
	const pad = 230 // cell margins and a little air
	n := len(t.cols)
	widths := make([]int, n)
	mins := make([]int, n)
	total := 0
	for _, c := range t.cols {
		total += c.width
	}
	for i, c := range t.cols {
		widths[i] = avail * c.width / max(total, 1)
		for _, word := range strings.Fields(c.title) {
			mins[i] = max(mins[i], textTwips(word, size, true)+pad)
		}
		if c.right {
			for _, r := range t.rows {
				if i < len(r) {
					mins[i] = max(mins[i], textTwips(r[i], size, false)+pad)
				}
			}
		}
	}
	deficit, slack := 0, 0
	for i := range widths {
		if widths[i] < mins[i] {
			deficit += mins[i] - widths[i]
			widths[i] = mins[i]
		} else {
			slack += widths[i] - mins[i]
		}
	}
	if deficit > 0 && slack > 0 {
		for i := range widths {
			if extra := widths[i] - mins[i]; extra > 0 {
				widths[i] -= min(extra, deficit*extra/slack+1)
			}
		}
	}
	used := 0
	for _, x := range widths {
		used += x
	}
	if n > 0 {
		widths[n-1] += avail - used
	}
	return widths
}

// sigHead writes the roles and note of a signature block into a cell.
func (w *docxWriter) sigHead(c sigCol) {
	for _, r := range c.roles {
		w.p(pOpts{jc: "center", noSpacing: true, keepNext: true}, run(r, true, false, 0))
	}
	if c.note != "" {
		w.p(pOpts{jc: "center", noSpacing: true, keepNext: true}, run(c.note, false, true, 0))
	}
	if len(c.roles) == 0 && c.note == "" {
		w.p(pOpts{noSpacing: true, keepNext: true})
	}
}

// sigNames writes the space for each signature and the name beneath it.
func (w *docxWriter) sigNames(c sigCol) {
	for i, n := range c.names {
		for range sigGap {
			w.p(pOpts{noSpacing: true, keepNext: true})
		}
		w.p(pOpts{jc: "center", noSpacing: true, keepNext: i < len(c.names)-1}, run(n, true, false, 0))
	}
	if len(c.names) == 0 {
		w.p(pOpts{noSpacing: true})
	}
}

// signatures writes signature blocks side by side in a borderless table:
// the roles in one row and the names in the next, so that names line up
// however many lines the roles take; neither row is split across pages.
func (w *docxWriter) signatures(cols []sigCol) {
	if len(cols) == 0 {
		return
	}
	w.p(pOpts{noSpacing: true, keepNext: true})
	widths := make([]int, len(cols))
	for i := range widths {
		widths[i] = textW / len(cols)
	}
	w.tblOpen(widths, 0, false)
	w.b.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
	for i, c := range cols {
		w.cell(widths[i], "bottom", func() { w.sigHead(c) })
	}
	w.b.WriteString(`</w:tr><w:tr><w:trPr><w:cantSplit/></w:trPr>`)
	for i, c := range cols {
		w.cell(widths[i], "top", func() { w.sigNames(c) })
	}
	w.b.WriteString("</w:tr></w:tbl>")
}

// recipients writes "Nơi nhận:" on the left and the signature on the right.
func (w *docxWriter) recipients(r recipients) {
	w.p(pOpts{noSpacing: true, keepNext: true})
	widths := []int{textW * 2 / 5, textW - textW*2/5} // the signer's title is the longer
	w.tblOpen(widths, 0, false)
	w.b.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
	w.cell(widths[0], "top", func() {
		w.p(pOpts{noSpacing: true}, run("Nơi nhận:", true, true, sizeRecipients))
		for _, l := range r.lines {
			w.p(pOpts{noSpacing: true, left: 113, hanging: 113}, run(l, false, false, sizeRecipientsLn))
		}
	})
	w.cell(widths[1], "top", func() {
		w.sigHead(r.sig)
		w.sigNames(r.sig)
	})
	w.b.WriteString("</w:tr></w:tbl>")
}

// xmlText escapes text for XML and drops the control characters XML
// cannot hold.
func xmlText(s string) string {
	s = strings.ReplaceAll(s, glue, " ")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\n' || r == '\r':
			b.WriteByte(' ')
		case r < 0x20 && r != '\t', r == 0xfffe, r == 0xffff:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// textTwips estimates the width of s set in Times New Roman at size
// half-points, from the font's advance widths; letters with diacritics
// count as their base letter.
func textTwips(s string, size int, bold bool) int {
	table := timesRoman()
	if bold {
		table = timesBold()
	}
	units := 0
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		switch r {
		case 'Đ':
			r = 'D'
		case 'đ':
			r = 'd'
		case '–':
			units += 500
			continue
		case '—':
			units += 1000
			continue
		}
		if r >= 32 && r < 127 {
			units += int(table[r-32])
		} else {
			units += 600
		}
	}
	// units are thousandths of an em; an em is size/2 points, 20 twips each.
	return units * size * 10 / 1000
}

// timesRoman returns the advance widths of Times New Roman for ASCII
// 32–126, in thousandths of an em.
func timesRoman() [95]uint16 {
	return [95]uint16{
		250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278,
		500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444,
		921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722,
		556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500,
		333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500,
		500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
	}
}

// timesBold returns the advance widths of Times New Roman Bold for ASCII
// 32–126, in thousandths of an em.
func timesBold() [95]uint16 {
	return [95]uint16{
		250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278,
		500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500,
		930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778,
		611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500,
		333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500,
		556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
	}
}

// The fixed parts of a .docx.
const (
	contentTypesXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`

	relsXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`

	appXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>hoidong</Application></Properties>`

	coreXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>%s</dc:title><dc:creator>hoidong</dc:creator><dc:language>vi-VN</dc:language></cp:coreProperties>`

	documentRelsXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/></Relationships>`

	documentHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>`

	documentTail = `</w:body></w:document>`

	// pageNumberHeaderXML is the header of every page but a section's
	// first: the page number (a PAGE field) centred, 14 pt.
	pageNumberHeaderXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:p><w:pPr><w:spacing w:before="0" w:after="0"/><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:rPr><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:rPr><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr><w:noProof/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr><w:t>2</w:t></w:r><w:r><w:rPr><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr><w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>`

	// emptyHeaderXML is the header of a section's first page, and of the
	// pages of papers to cut apart: nothing.
	emptyHeaderXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:p><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr></w:p></w:hdr>`

	settingsXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`

	stylesXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:color w:val="000000"/><w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl/><w:spacing w:after="0" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>`
)

// sect is the properties of a section: A4 portrait with the margins
// above; its pages numbered from 1, the number centred in the top margin
// on every page but the first (a first-page header with nothing in it),
// or no number at all for papers to cut apart.
func (w *docxWriter) sect() string {
	refs := `<w:headerReference w:type="default" r:id="rId4"/>`
	if !w.numbered {
		refs = `<w:headerReference w:type="default" r:id="rId5"/>`
	}
	refs += `<w:headerReference w:type="first" r:id="rId5"/>`
	return fmt.Sprintf(`<w:sectPr>%s<w:pgSz w:w="%d" w:h="%d"/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="567" w:footer="567" w:gutter="0"/><w:pgNumType w:start="1"/><w:cols w:space="720"/><w:titlePg/></w:sectPr>`,
		refs, pageW, pageH, marginTop, marginRight, marginBottom, marginLeft)
}
