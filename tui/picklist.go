package tui

import (
	"io"

	"charm.land/bubbles/v2/list"
	"charm.land/bubbles/v2/paginator"
	tea "charm.land/bubbletea/v2"
)

// pickList is the one cursor list of the program's screens, over
// bubbles/list: the list keeps the rows, the cursor and the pages, and
// draws the page on show through a one-line delegate; a screen that shows
// a table draws the page's rows with grid instead. The list's own key map
// is made from the program's bindings, and its title, status bar, help
// and filter are off: the screens' keys are actions (screen.go), so the
// help line is drawn from the same bindings, and the one filter (the
// nominees') matches without diacritics, which the list's does not.
type pickList struct {
	l    list.Model
	line *lineDelegate
	// paged is set when the rows do not fit: a line under them says
	// which page is on show.
	paged bool
}

// pickRow is one row of a pickList: an index into the screen's own rows,
// or a heading that the cursor passes over.
type pickRow struct {
	at      int
	heading bool
}

// FilterValue implements list.Item; the list's filter is not used.
func (pickRow) FilterValue() string { return "" }

// lineDelegate draws each row of the page on one line, as the screen
// showing the list says.
type lineDelegate struct {
	draw func(r pickRow, selected bool) string
}

// Render implements list.ItemDelegate.
func (d *lineDelegate) Render(w io.Writer, m list.Model, index int, item list.Item) {
	if r, ok := item.(pickRow); ok && d.draw != nil {
		_, _ = io.WriteString(w, d.draw(r, index == m.Index()))
	}
}

// Height implements list.ItemDelegate.
func (*lineDelegate) Height() int { return 1 }

// Spacing implements list.ItemDelegate.
func (*lineDelegate) Spacing() int { return 0 }

// Update implements list.ItemDelegate; keys reach the list as actions.
func (*lineDelegate) Update(tea.Msg, *list.Model) tea.Cmd { return nil }

// newPickList makes an empty list moved by the keys of k.
func newPickList(k keyMap) *pickList {
	d := &lineDelegate{}
	l := list.New(nil, d, MinWidth, 1)
	l.SetShowTitle(false)
	l.SetShowStatusBar(false)
	l.SetShowHelp(false)
	l.SetShowPagination(false)
	l.SetFilteringEnabled(false)
	l.DisableQuitKeybindings()
	// Only the moves, from the program's bindings; the list's other keys
	// (filter, quit, help) are bound to nothing.
	l.KeyMap = list.KeyMap{
		CursorUp: k.Up, CursorDown: k.Down, PrevPage: k.PageUp, NextPage: k.PageDown,
		GoToStart: k.Home, GoToEnd: k.End,
	}
	l.Paginator.Type = paginator.Arabic
	l.Paginator.ArabicFormat = "trang %d/%d"
	return &pickList{l: l, line: d}
}

// set replaces the rows, keeping the cursor where it was as far as it can.
func (p *pickList) set(rows []pickRow) {
	items := make([]list.Item, len(rows))
	for i, r := range rows {
		items[i] = r
	}
	at := p.l.Index()
	p.l.SetItems(items)
	p.l.Select(clamp(at, len(items)))
	p.settle(1)
}

// len is how many rows the list has, headings included.
func (p *pickList) len() int { return len(p.l.Items()) }

// row returns row i.
func (p *pickList) row(i int) pickRow {
	r, _ := p.l.Items()[i].(pickRow)
	return r
}

// current returns the row under the cursor; ok is false for an empty
// list.
func (p *pickList) current() (pickRow, bool) {
	r, ok := p.l.SelectedItem().(pickRow)
	return r, ok && !r.heading
}

// at returns the screen's index of the row under the cursor, or 0.
func (p *pickList) at() int {
	r, _ := p.current()
	return r.at
}

// find puts the cursor on the first row that matches.
func (p *pickList) find(match func(pickRow) bool) bool {
	for i, it := range p.l.Items() {
		if r, ok := it.(pickRow); ok && !r.heading && match(r) {
			p.l.Select(i)
			return true
		}
	}
	return false
}

// selectAt puts the cursor on the row whose screen index is at.
func (p *pickList) selectAt(at int) {
	p.find(func(r pickRow) bool { return r.at == at })
}

// move shifts the cursor by d rows, over headings, stopping at either end.
func (p *pickList) move(d int) {
	items := p.l.Items()
	dir := 1
	if d < 0 {
		dir, d = -1, -d
	}
	i := p.l.Index()
	for ; d > 0; d-- {
		j := i + dir
		for j >= 0 && j < len(items) && p.row(j).heading {
			j += dir
		}
		if j < 0 || j >= len(items) {
			break
		}
		i = j
	}
	p.l.Select(i)
}

// settle moves the cursor off a heading, in direction dir first.
func (p *pickList) settle(dir int) {
	if _, ok := p.current(); ok || p.len() == 0 {
		return
	}
	i := p.l.Index()
	for _, d := range []int{dir, -dir} {
		for j := i; j >= 0 && j < p.len(); j += d {
			if !p.row(j).heading {
				p.l.Select(j)
				return
			}
		}
	}
}

// home and end put the cursor on the first and the last row.
func (p *pickList) home() { p.l.Select(0); p.settle(1) }
func (p *pickList) end()  { p.l.Select(max(p.len()-1, 0)); p.settle(-1) }

// actions are the list's moves, each from its binding; the up and down
// keys go on the one-line help when short is set.
func (p *pickList) actions(k keyMap, short bool) []action {
	if p.len() == 0 {
		return nil
	}
	page := func() int { return max(p.l.Paginator.PerPage, 1) }
	acts := []action{
		{key: p.l.KeyMap.CursorUp, do: run(func() { p.move(-1) }), short: short},
		{key: p.l.KeyMap.CursorDown, do: run(func() { p.move(1) }), short: short},
		more(p.l.KeyMap.GoToStart, run(p.home)),
		more(p.l.KeyMap.GoToEnd, run(p.end)),
	}
	if p.l.Paginator.TotalPages > 1 { // the list disables its page keys on one page
		acts = append(acts,
			more(p.l.KeyMap.PrevPage, run(func() { p.move(-page()) })),
			more(p.l.KeyMap.NextPage, run(func() { p.move(page()) })))
	}
	return acts
}

// resize gives the list width cells and at most height lines, a line of
// them for the page when the rows do not fit.
func (p *pickList) resize(width, height int) {
	height = max(height, 1)
	p.paged = p.len() > height && height > 1
	if p.paged {
		height--
	} else {
		height = max(min(height, p.len()), 1)
	}
	if p.l.Width() != width || p.l.Height() != height {
		p.l.SetSize(width, height)
	}
}

// page returns the bounds of the rows on show.
func (p *pickList) page() (start, end int) {
	return p.l.Paginator.GetSliceBounds(p.len())
}

// selectedOnPage is the row under the cursor counted from the first row
// on show, or -1.
func (p *pickList) selectedOnPage() int {
	if _, ok := p.current(); !ok {
		return -1
	}
	start, _ := p.page()
	return p.l.Index() - start
}

// pager is the line under the rows that says which page is on show, or "".
func (p *pickList) pager(c *shared) string {
	if !p.paged {
		return ""
	}
	return "\n" + c.styles.Muted.Render(p.l.Paginator.View())
}

// view draws the page on show, a line per row as draw says, and lets a
// click on line top+i of the body choose row i of the page: click gets the
// row and whether it was already chosen.
func (p *pickList) view(c *shared, top int, draw func(r pickRow, selected bool) string, click func(r pickRow, again bool) tea.Cmd) string {
	if p.len() == 0 {
		return ""
	}
	p.line.draw = draw
	out := p.l.View()
	p.line.draw = nil
	p.hits(c, top, click)
	return out + p.pager(c)
}

// hits lets a click on line top+i of the body choose row i of the page.
func (p *pickList) hits(c *shared, top int, click func(r pickRow, again bool) tea.Cmd) {
	start, end := p.page()
	for i := start; i < end; i++ {
		r := p.row(i)
		if r.heading {
			continue
		}
		c.hit(top+i-start, func() tea.Cmd {
			again := p.l.Index() == i
			p.l.Select(i)
			if click == nil {
				return nil
			}
			return click(r, again)
		})
	}
}
