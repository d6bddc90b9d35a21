package tui

import (
	"charm.land/lipgloss/v2"
	"charm.land/lipgloss/v2/table"
)

// column is one column of a grid: its heading, its width in cells,
// whether its figures are aligned right, and how many blank cells more
// than one set it apart from the next.
type column struct {
	title string
	width int
	right bool
	gap   int
}

// grid is a table of the screens, drawn by lipgloss/table: no borders, a
// blank cell between columns, every cell cut to its column's width with
// "…". The screens choose the widths (the one column that may give way is
// the name), so that what must stay on screen — a verdict, a figure — is
// never the part a narrow terminal cuts.
type grid struct {
	cols []column
	rows [][]string
	// cursor draws a column for the cursor mark ("›") in front, and
	// highlights row selected; -1 selects none.
	cursor   bool
	selected int
	// cell styles a cell beyond the grid's own look (the colour of a
	// verdict); nil for none.
	cell func(row, col int) lipgloss.Style
}

// render draws the grid in the styles st.
func (g grid) render(st styles) string {
	return g.draw(st, true)
}

// renderHeader draws only the grid's heading line, as render draws it.
func (g grid) renderHeader(st styles) string {
	h := g
	h.rows = nil
	return h.draw(st, true)
}

// renderRow draws only row i, as render draws it: every cell has its
// column's width, so the rows of a grid drawn one by one line up as the
// whole grid does. A screen with many rows keeps the rows it drew and
// draws again only the ones that change.
func (g grid) renderRow(st styles, i int) string {
	r := g
	r.rows = [][]string{g.rows[i]}
	r.selected = -1
	if i == g.selected {
		r.selected = 0
	}
	if g.cell != nil {
		r.cell = func(_, col int) lipgloss.Style { return g.cell(i, col) }
	}
	return r.draw(st, false)
}

// draw draws the grid, with its heading line or without.
func (g grid) draw(st styles, header bool) string {
	cols, rows := g.cols, g.rows
	if g.cursor {
		cols = append([]column{{width: 1}}, cols...)
		marked := make([][]string, len(rows))
		for i, r := range rows {
			mark := ""
			if i == g.selected {
				mark = "›"
			}
			marked[i] = append([]string{mark}, r...)
		}
		rows = marked
	}
	t := table.New().
		Border(lipgloss.HiddenBorder()).
		BorderTop(false).BorderBottom(false).BorderLeft(false).BorderRight(false).
		BorderHeader(false).BorderColumn(false).
		Wrap(false).
		Rows(rows...).
		StyleFunc(func(row, col int) lipgloss.Style { return g.style(st, cols, row, col) })
	if header {
		headers := make([]string, len(cols))
		for i, c := range cols {
			headers[i] = c.title
		}
		t = t.Headers(headers...)
	}
	return t.Render()
}

// style is the look of one cell: its column's width and alignment, the
// heading's or the highlighted row's look, and the caller's colour.
func (g grid) style(st styles, cols []column, row, col int) lipgloss.Style {
	c := cols[col]
	s := lipgloss.NewStyle()
	if row == table.HeaderRow {
		s = st.Header
	} else {
		data := col
		if g.cursor {
			data--
		}
		if g.cell != nil && data >= 0 {
			s = g.cell(row, data)
		}
		if row == g.selected && g.cursor {
			s = s.Inherit(st.Selected)
		}
	}
	w := c.width
	if col < len(cols)-1 {
		// The gap between columns belongs to the column before it, so
		// that a highlighted row is highlighted from end to end.
		s = s.PaddingRight(1 + c.gap)
		w += 1 + c.gap
	}
	if c.right {
		s = s.Align(lipgloss.Right)
	}
	return s.Width(w)
}

// flexWidth is what is left of width for the one column that gives way,
// when the others take widths and a gap each (and the cursor's column, if
// any); never less than least.
func flexWidth(width, least int, cursor bool, widths ...int) int {
	used := len(widths) // the gaps, one after each of the other columns
	for _, w := range widths {
		used += w
	}
	if cursor {
		used += 2
	}
	return max(width-used, least)
}
