package tui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"hoidong/export"
	"hoidong/model"
	"hoidong/store"
)

// previewScreen shows each document of the meeting as it will be printed,
// one at a time in a scrollable view, and writes them all to a folder.
type previewScreen struct {
	base
	exportDir string
	docs      []export.DocType // the documents that suit the record, in order
	cursor    int              // the document shown
	page      viewport.Model   // its plain-text rendering, scrolled
	lines     int              // how many lines it has
	err       string           // why the document could not be built
	rec       *model.Record    // the record the text was built from
	active    bool             // the screen is on show
	rendering bool             // the document is being laid out
}

// renderedMsg carries the plain text of one document of a snapshot.
type renderedMsg struct {
	rec  *model.Record
	doc  string
	text string
	err  error
}

// title implements screen.
func (s *previewScreen) title() string { return "Xem trước và xuất tài liệu" }

// enter lists the documents and lays out the one shown.
func (s *previewScreen) enter(c *shared) tea.Cmd {
	s.active = true
	return s.build(c)
}

// leave stops following new snapshots.
func (s *previewScreen) leave(*shared) { s.active = false }

// refresh lays the document out again from a new snapshot while on show.
func (s *previewScreen) refresh(c *shared, _ recordMsg) tea.Cmd {
	if s.active {
		return s.build(c)
	}
	return nil
}

// build lists the documents that suit the record and lays out the chosen
// one, in a command.
func (s *previewScreen) build(c *shared) tea.Cmd {
	rec := c.rec
	s.rec = rec
	s.docs, s.err = nil, ""
	if rec == nil {
		return nil
	}
	selected, err := export.Select(rec, export.Options{})
	if err != nil {
		s.err = model.Message(err)
		return nil
	}
	seen := map[string]bool{}
	for _, t := range export.DocTypes() {
		for _, d := range selected {
			if d.Doc == t.Key && !seen[t.Key] {
				seen[t.Key] = true
				s.docs = append(s.docs, t)
			}
		}
	}
	s.cursor = clamp(s.cursor, len(s.docs))
	return s.show()
}

// show lays out the document under the cursor, in a command; its text
// arrives as a renderedMsg.
func (s *previewScreen) show() tea.Cmd {
	s.page.GotoTop()
	if len(s.docs) == 0 || s.rec == nil {
		s.setText("")
		return nil
	}
	s.rendering = true
	rec, doc := s.rec, s.docs[s.cursor].Key
	return func() tea.Msg {
		text, err := export.Preview(rec, doc)
		return to(pagePreview, renderedMsg{rec: rec, doc: doc, text: text, err: err})
	}
}

// receive implements screen: the text of the document asked for.
func (s *previewScreen) receive(c *shared, msg tea.Msg) tea.Cmd {
	if e, ok := msg.(exportStart); ok {
		c.busy = "Đang kiểm tra hồ sơ và ghi tài liệu vào " + e.dir + "…"
		return exportWith(c.ctx, c.st, e.dir, export.Options{})
	}
	m, ok := msg.(renderedMsg)
	if !ok || m.rec != s.rec || len(s.docs) == 0 || s.docs[s.cursor].Key != m.doc {
		return nil // a document no longer asked for
	}
	s.rendering, s.err = false, ""
	if m.err != nil {
		s.err = model.Message(m.err)
		s.setText("")
		return nil
	}
	s.setText(strings.TrimRight(m.text, "\n"))
	return nil
}

// setText shows a document's text in the viewport, from its top.
func (s *previewScreen) setText(text string) {
	s.page.SetContent(text)
	s.lines = 0
	if text != "" {
		s.lines = strings.Count(text, "\n") + 1
	}
	s.page.GotoTop()
}

// size fits the viewport to the room the screen leaves it.
func (s *previewScreen) size(c *shared) {
	s.page.SetWidth(c.width)
	s.page.SetHeight(s.room(c))
}

// room returns how many lines of the document fit on screen.
func (s *previewScreen) room(c *shared) int {
	used := 3 // the list of documents, its rule, the position line
	if len(c.exported.paths) > 0 {
		used += 2 + min(len(c.exported.paths), 2)
	}
	return max(c.height-used, 1)
}

// actions implements screen.
func (s *previewScreen) actions(c *shared) []action {
	k := c.keys
	pk := k.Preview
	s.size(c)
	acts := []action{
		more(k.Up, run(func() { s.page.ScrollUp(1) })),
		act(k.Down, run(func() { s.page.ScrollDown(1) })),
		more(k.Home, run(func() { s.page.GotoTop() })),
		more(k.End, run(func() { s.page.GotoBottom() })),
		more(k.PageUp, run(func() { s.page.PageUp() })),
		more(k.PageDown, run(func() { s.page.PageDown() })),
	}
	if len(s.docs) > 0 {
		acts = append([]action{
			act(pk.Next, func() tea.Cmd { s.cursor = (s.cursor + 1) % len(s.docs); return s.show() }),
			more(pk.Prev, func() tea.Cmd { s.cursor = (s.cursor + len(s.docs) - 1) % len(s.docs); return s.show() }),
		}, acts...)
	}
	st := c.st
	return append(acts, act(pk.Write, func() tea.Cmd {
		return prompt("Thư mục ghi biên bản và kết quả:", s.exportDir, func(dir string) tea.Cmd {
			if dir == "" {
				return say("Chưa nhập thư mục.", true)
			}
			return s.askWrite(c, st, dir)
		})
	}))
}

// askWrite names what will be written where, and writes it on yes.
func (s *previewScreen) askWrite(c *shared, st *store.Store, dir string) tea.Cmd {
	docs, err := export.Select(c.rec, export.Options{})
	if err != nil {
		return say(model.Message(err), true)
	}
	kind := "chính thức"
	if c.rec.Meeting.Status != model.MeetingClosed {
		kind = "DỰ THẢO (phiên họp chưa kết thúc)"
	}
	q := fmt.Sprintf("Ghi %d tệp, %d tài liệu, bản %s, vào thư mục\n%s?\n\nTrước khi ghi, chương trình kiểm tra hồ sơ; tệp cùng tên trong thư mục được thay.",
		len(docs), len(s.docs), kind, dir)
	return ask(q, func() tea.Msg { return to(pagePreview, exportStart{dir: dir}) })
}

// exportStart begins writing the documents once the secretary said yes.
type exportStart struct{ dir string }

// exportWith checks the record as verify does and, when it proves itself,
// writes the documents opt selects into dir from the record it checked;
// a record that does not prove itself gets no documents.
func exportWith(ctx context.Context, st *store.Store, dir string, opt export.Options) tea.Cmd {
	return func() tea.Msg {
		rec, rep, err := st.VerifiedRecord(ctx)
		if err != nil {
			return exportedMsg{err: err}
		}
		if !rep.OK() {
			return exportedMsg{err: model.Errorf(model.EInvalid, "Hồ sơ KHÔNG nguyên vẹn: %s Không xuất tài liệu nào.", rep.Problem)}
		}
		docs, err := export.Select(&rec, opt)
		if err != nil {
			return exportedMsg{err: err}
		}
		paths, err := export.WriteFiles(dir, &rec, docs)
		return exportedMsg{paths: paths, err: err, draft: rec.Meeting.Status != model.MeetingClosed}
	}
}

// view implements screen: the documents across the top, the chosen one
// below in a window of its lines, the written files at the bottom.
func (s *previewScreen) view(c *shared) string {
	st := c.styles
	var b strings.Builder
	b.WriteString(s.tabs(c) + "\n")
	s.size(c)
	pos := "Không có tài liệu."
	switch {
	case s.rendering:
		pos = "Đang dàn trang…"
	case s.lines > 0:
		first := s.page.YOffset() + 1
		pos = fmt.Sprintf("dòng %d–%d / %d", first, min(first+s.page.Height()-1, s.lines), s.lines)
	}
	if len(s.docs) > 1 {
		pos = fmt.Sprintf("tài liệu %d/%d (%s: tài liệu sau) · %s", s.cursor+1, len(s.docs), keyName(c.keys.Preview.Next), pos)
	}
	b.WriteString(st.Muted.Render(lipgloss.PlaceHorizontal(c.width, lipgloss.Right, ansi.Truncate(pos, c.width, "…"))) + "\n")
	b.WriteString(st.Muted.Render(strings.Repeat("─", c.width)) + "\n")
	if s.err != "" {
		b.WriteString(st.Error.Render(s.err) + "\n")
	}
	b.WriteString(s.page.View() + "\n")
	if n := len(c.exported.paths); n > 0 {
		what := "Đã ghi"
		if c.exported.draft {
			what = "Đã ghi DỰ THẢO"
		}
		b.WriteString("\n" + st.Good.Render(fmt.Sprintf("%s: %d tệp vào %s", what, n, truncateLeft(filepath.Dir(c.exported.paths[0]), c.width-30))) + "\n")
		for _, l := range fileLines(c.exported.paths, c.width-2, 2) {
			b.WriteString("  " + l + "\n")
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

// tabs renders the documents on one line, the chosen one highlighted;
// when they do not all fit, the line starts late enough to show it.
func (s *previewScreen) tabs(c *shared) string {
	st := c.styles
	labels := make([]string, len(s.docs))
	for i, d := range s.docs {
		name := d.Short
		if name == "" {
			name = d.Title
		}
		labels[i] = " " + name + " "
	}
	first := 0
	for first < s.cursor && lipgloss.Width(strings.Join(labels[first:s.cursor+1], "│")) > c.width-2 {
		first++
	}
	var parts []string
	for i := first; i < len(labels); i++ {
		if i == s.cursor {
			parts = append(parts, st.Selected.Render(labels[i]))
		} else {
			parts = append(parts, st.Muted.Render(labels[i]))
		}
	}
	line := strings.Join(parts, st.Muted.Render("│"))
	if first > 0 {
		line = st.Muted.Render("…") + line
	}
	return ansi.Truncate(line, c.width, "…")
}

// fileLines lists the base names of paths on at most n lines of width w,
// ending with how many more there are when they do not fit.
func fileLines(paths []string, w, n int) []string {
	var lines []string
	cur := ""
	for i, p := range paths {
		name := filepath.Base(p)
		next := name
		if cur != "" {
			next = cur + ", " + name
		}
		if lipgloss.Width(next) <= w {
			cur = next
			continue
		}
		lines = append(lines, cur+",")
		cur = name
		if len(lines) == n-1 {
			rest := len(paths) - i
			more := fmt.Sprintf(" … và %d tệp khác", rest)
			for lipgloss.Width(cur+more) > w && strings.Contains(cur, ", ") {
				cur = cur[:strings.LastIndex(cur, ", ")]
				rest++
				more = fmt.Sprintf(" … và %d tệp khác", rest)
			}
			if i == len(paths)-1 && lipgloss.Width(name) <= w {
				return append(lines, name)
			}
			return append(lines, ansi.Truncate(cur+more, w, "…"))
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}
