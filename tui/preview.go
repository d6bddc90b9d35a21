package tui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"hoidong/export"
	"hoidong/model"
	"hoidong/store"
)

// previewScreen shows each document of the meeting as it will be printed,
// one at a time in a scrollable view, and writes them all to a folder.
type previewScreen struct {
	exportDir string
	docs      []export.DocType // the documents that suit the record, in order
	cursor    int              // the document shown
	lines     []string         // its plain-text rendering
	offset    int              // first line shown
	err       string           // why the document could not be built
	rec       *model.Record    // the record the text was built from
	active    bool             // the screen is on show
	written   []string         // paths of the last export
	draft     bool             // the last export was written before the meeting closed
}

// previewKeys are the preview's own bindings.
type previewKeys struct {
	next, prev, write key.Binding
}

// newPreviewKeys builds the preview's bindings.
func newPreviewKeys() previewKeys {
	return previewKeys{
		next:  key.NewBinding(key.WithKeys("tab", "right"), key.WithHelp("tab/→", "tài liệu sau")),
		prev:  key.NewBinding(key.WithKeys("shift+tab", "left"), key.WithHelp("←", "tài liệu trước")),
		write: key.NewBinding(key.WithKeys("w", "enter"), key.WithHelp("w", "ghi ra thư mục")),
	}
}

// title implements screen.
func (s *previewScreen) title() string { return "Xem trước và xuất tài liệu" }

// enter builds the documents' list and the shown document's text.
func (s *previewScreen) enter(c *shared) {
	s.active = true
	s.build(c.rec)
}

// leave forgets nothing but stops rebuilding on every new snapshot.
func (s *previewScreen) leave() { s.active = false }

// refresh rebuilds the text when a new snapshot arrives while on show.
func (s *previewScreen) refresh(c *shared, _ recordMsg) {
	if s.draft && c.rec != nil && c.rec.Meeting.Status == model.MeetingClosed {
		s.written, s.draft = nil, false
	}
	if s.active {
		s.build(c.rec)
	}
}

// build lays out the list of documents and the text of the chosen one.
func (s *previewScreen) build(rec *model.Record) {
	s.rec = rec
	s.docs, s.lines, s.err = nil, nil, ""
	if rec == nil {
		return
	}
	selected, err := export.Select(rec, export.Options{})
	if err != nil {
		s.err = model.Message(err)
		return
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
	s.show()
}

// show builds the text of the document under the cursor.
func (s *previewScreen) show() {
	s.lines, s.err, s.offset = nil, "", 0
	if len(s.docs) == 0 || s.rec == nil {
		return
	}
	text, err := export.Preview(s.rec, s.docs[s.cursor].Key)
	if err != nil {
		s.err = model.Message(err)
		return
	}
	s.lines = strings.Split(strings.TrimRight(text, "\n"), "\n")
}

// room returns how many lines of the document fit on screen.
func (s *previewScreen) room(c *shared) int {
	used := 3 // the list of documents, its rule, the position line
	if len(s.written) > 0 {
		used += 2 + min(len(s.written), 2)
	}
	return max(c.height-used, 1)
}

// update implements screen.
func (s *previewScreen) update(c *shared, msg tea.KeyPressMsg) tea.Cmd {
	k := c.keys
	pk := newPreviewKeys()
	room := s.room(c)
	last := max(len(s.lines)-room, 0)
	switch {
	case key.Matches(msg, k.Up):
		s.offset = max(s.offset-1, 0)
	case key.Matches(msg, k.Down):
		s.offset = min(s.offset+1, last)
	case key.Matches(msg, k.PageUp):
		s.offset = max(s.offset-room, 0)
	case key.Matches(msg, k.PageDown):
		s.offset = min(s.offset+room, last)
	case key.Matches(msg, pk.next) && len(s.docs) > 0:
		s.cursor = (s.cursor + 1) % len(s.docs)
		s.show()
	case key.Matches(msg, pk.prev) && len(s.docs) > 0:
		s.cursor = (s.cursor + len(s.docs) - 1) % len(s.docs)
		s.show()
	case key.Matches(msg, pk.write):
		st := c.st
		return prompt("Thư mục ghi biên bản và kết quả:", s.exportDir, func(dir string) tea.Cmd {
			if dir == "" {
				return say("Chưa nhập thư mục.", true)
			}
			return exportWith(st, dir, export.Options{})
		})
	}
	return nil
}

// exportWith checks the record as verify does and, when it proves itself,
// writes the documents opt selects into dir from the record it checked;
// a record that does not prove itself gets no documents.
func exportWith(st *store.Store, dir string, opt export.Options) tea.Cmd {
	return func() tea.Msg {
		rec, rep, err := st.VerifiedRecord(context.Background())
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
	room := s.room(c)
	s.offset = min(s.offset, max(len(s.lines)-room, 0))
	end := min(s.offset+room, len(s.lines))
	pos := "Không có tài liệu."
	if len(s.lines) > 0 {
		pos = fmt.Sprintf("dòng %d–%d / %d", s.offset+1, end, len(s.lines))
	}
	b.WriteString(st.Muted.Render(padLeft(pos, c.width)) + "\n")
	b.WriteString(st.Muted.Render(strings.Repeat("─", c.width)) + "\n")
	if s.err != "" {
		b.WriteString(st.Error.Render(s.err) + "\n")
	}
	for i := s.offset; i < end; i++ {
		b.WriteString(truncate(s.lines[i], c.width) + "\n")
	}
	for i := end - s.offset; i < room; i++ {
		b.WriteString("\n")
	}
	if n := len(s.written); n > 0 {
		what := "Đã ghi"
		if s.draft {
			what = "Đã ghi DỰ THẢO"
		}
		b.WriteString("\n" + st.Good.Render(fmt.Sprintf("%s: %d tệp vào %s", what, n, truncateLeft(filepath.Dir(s.written[0]), c.width-30))) + "\n")
		for _, l := range fileLines(s.written, c.width-2, 2) {
			b.WriteString("  " + l + "\n")
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

// shortTitles are the documents' names on the tab line.
func shortTitles() map[string]string {
	return map[string]string{
		export.DocMinutes: "Biên bản", export.DocCount: "Kiểm phiếu", export.DocResults: "Kết quả",
		export.DocList: "Danh sách", export.DocSubmission: "Tờ trình", export.DocBallots: "Phiếu bầu",
		export.DocRecord: "Hồ sơ JSON",
	}
}

// tabs renders the documents on one line, the chosen one highlighted;
// when they do not all fit, the line starts late enough to show it.
func (s *previewScreen) tabs(c *shared) string {
	st := c.styles
	names := shortTitles()
	labels := make([]string, len(s.docs))
	for i, d := range s.docs {
		name, ok := names[d.Key]
		if !ok {
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
	return truncate(line, c.width)
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
			return append(lines, truncate(cur+more, w))
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// help implements screen.
func (s *previewScreen) help(c *shared) bindings {
	k := c.keys
	pk := newPreviewKeys()
	return bindings{
		short: []key.Binding{pk.next, k.Down, pk.write, k.Back, k.Help},
		full:  [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown}, {pk.next, pk.prev, pk.write}, {k.Back, k.Help, k.Quit}},
	}
}
