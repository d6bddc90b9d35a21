package tui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"hoidong/importer"
	"hoidong/model"
)

// importScreen loads a registration table: the secretary gives a file,
// sees what it would add and every problem in it, and confirms. Reading
// and writing happen in commands; a file with problems cannot be imported.
type importScreen struct {
	path   string          // the file last asked for
	batch  *importer.Batch // what it would add; nil before a file is read
	offset int             // first line of the preview shown
}

// importReadMsg carries what a file would add.
type importReadMsg struct {
	path  string
	batch *importer.Batch
}

// importKeys are the import screen's own bindings.
type importKeys struct {
	open, confirm, reread, other key.Binding
}

// newImportKeys builds the import screen's bindings; open is the
// overview's key to the screen.
func newImportKeys() importKeys {
	return importKeys{
		open:    key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "nhập danh sách từ tệp")),
		confirm: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "nhập vào phiên họp")),
		reread:  key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "đọc lại tệp")),
		other:   key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "chọn tệp khác")),
	}
}

// importBlocked says why nothing can be imported into the meeting rec, or
// "" when it can; the store checks the same when writing.
func importBlocked(rec *model.Record) string {
	switch {
	case rec == nil:
		return "Chưa có phiên họp."
	case rec.Meeting.Status == model.MeetingClosed:
		return "Phiên họp đã kết thúc; không thể nhập thêm."
	case len(rec.Rounds) > 0:
		return "Đã bắt đầu bỏ phiếu; không thể nhập thêm đối tượng hay thành viên Hội đồng."
	}
	return ""
}

// openImport is the way in from the overview: the import screen, and the
// question for a file.
func openImport(c *shared) tea.Cmd {
	if why := importBlocked(c.rec); why != "" {
		return say(why, true)
	}
	return tea.Batch(navigate(pageImport), askImportPath(c, ""))
}

// askImportPath asks for the file to read.
func askImportPath(c *shared, last string) tea.Cmd {
	rec := c.rec
	return prompt("Tệp cần nhập (CSV, TSV, văn bản Unicode hoặc XLSX). Gõ đường dẫn, dán, hoặc kéo thả tệp vào đây:", last,
		func(path string) tea.Cmd {
			path = cleanPath(path)
			if path == "" {
				return nil
			}
			return readImport(rec, path)
		})
}

// cleanPath drops the quotes a pasted or dropped path comes in: Windows'
// "Copy as path" and terminals quote paths with spaces.
func cleanPath(p string) string {
	p = strings.TrimSpace(p)
	if len(p) >= 2 && (p[0] == '"' && p[len(p)-1] == '"' || p[0] == '\'' && p[len(p)-1] == '\'') {
		p = p[1 : len(p)-1]
	}
	return p
}

// readImport reads a file against the meeting rec.
func readImport(rec *model.Record, path string) tea.Cmd {
	return func() tea.Msg {
		return importReadMsg{path: path, batch: importer.ReadFiles(rec, []string{path}, importer.Options{})}
	}
}

// loaded takes what a file would add.
func (s *importScreen) loaded(msg importReadMsg) {
	s.path, s.batch, s.offset = msg.path, msg.batch, 0
}

// title implements screen.
func (s *importScreen) title() string { return "Nhập danh sách từ tệp" }

// refresh forgets the preview once it has been imported.
func (s *importScreen) refresh(_ *shared, msg recordMsg) {
	if msg.job && msg.from == pageImport && msg.err == nil {
		s.batch, s.offset = nil, 0
	}
}

// update implements screen.
func (s *importScreen) update(c *shared, msg tea.KeyPressMsg) tea.Cmd {
	k := newImportKeys()
	lines := len(s.lines(c))
	page := max(c.height-1, 1)
	switch {
	case key.Matches(msg, c.keys.Up):
		s.offset = max(s.offset-1, 0)
	case key.Matches(msg, c.keys.Down):
		s.offset = min(s.offset+1, max(lines-page, 0))
	case key.Matches(msg, c.keys.PageUp):
		s.offset = max(s.offset-page, 0)
	case key.Matches(msg, c.keys.PageDown):
		s.offset = min(s.offset+page, max(lines-page, 0))
	case key.Matches(msg, k.other):
		return askImportPath(c, s.path)
	case key.Matches(msg, k.reread) && s.path != "":
		return readImport(c.rec, s.path)
	case key.Matches(msg, k.confirm):
		return s.confirm(c)
	}
	return nil
}

// confirm asks before writing the batch into the meeting.
func (s *importScreen) confirm(c *shared) tea.Cmd {
	b := s.batch
	switch {
	case b == nil:
		return askImportPath(c, s.path)
	case len(b.Problems) > 0:
		return say(fmt.Sprintf("Tệp còn %d lỗi nên chưa nhập được; sửa tệp rồi nhấn r để đọc lại.", len(b.Problems)), true)
	case b.Empty():
		return say("Tệp không có đối tượng hay thành viên nào để nhập.", true)
	}
	if why := importBlocked(c.rec); why != "" {
		return say(why, true)
	}
	st := c.st
	nominees, members := b.Nominees, b.Members
	then := pageNominees
	if len(nominees) == 0 {
		then = pageRollCall
	}
	return askDo(fmt.Sprintf("Nhập %s vào phiên họp?\n\nSau khi nhập, không xóa được các dòng này.", b.Headline()), job{
		from: pageImport,
		ack:  "Đã nhập " + b.Headline() + ".",
		then: then,
		write: func(ctx context.Context) error {
			return st.Import(ctx, nominees, members)
		},
	})
}

// view implements screen.
func (s *importScreen) view(c *shared) string {
	lines := s.lines(c)
	h := max(c.height, 1)
	s.offset = min(s.offset, max(len(lines)-h, 0))
	end := min(s.offset+h, len(lines))
	return strings.Join(lines[s.offset:end], "\n")
}

// lines renders the whole preview, to be shown a window at a time.
func (s *importScreen) lines(c *shared) []string {
	st := c.styles
	w := c.width
	b := s.batch
	if b == nil {
		return []string{"", "Nhấn o để chọn tệp cần nhập.", "",
			st.Muted.Render("Tệp là bảng đăng ký như mẫu: dòng tiêu đề có cột «Tập thể, cá nhân» (hoặc «Họ và tên») và mỗi danh hiệu một cột đánh dấu X."),
			st.Muted.Render("Mẫu trống theo kế hoạch của phiên họp: hoidong import --template xlsx --db TỆP > bang-dang-ky.xlsx")}
	}
	var out []string
	add := func(s string) { out = append(out, s) }
	wrapped := func(prefix, s string) {
		pw := lipgloss.Width(prefix)
		for i, l := range wrap(s, w-pw) {
			if i == 0 {
				add(prefix + l)
			} else {
				add(strings.Repeat(" ", pw) + l)
			}
		}
	}
	add(st.Muted.Render("Tệp: ") + truncateLeft(s.path, w-6))
	if len(b.Problems) > 0 {
		add(st.Error.Render(fmt.Sprintf("Có %d lỗi — chưa nhập được. Sửa tệp rồi nhấn r để đọc lại:", len(b.Problems))))
		for _, p := range b.Problems {
			wrapped("• ", strings.TrimPrefix(p.String(), "tệp "+filepath.Base(s.path)+", "))
		}
		if !b.Empty() {
			add("")
			add(st.Muted.Render("Các dòng không có lỗi: " + b.Headline() + "."))
		}
	} else if b.Empty() {
		add(st.Warn.Render("Tệp không có đối tượng hay thành viên nào để nhập."))
	} else {
		add(st.Good.Render("Sẽ thêm "+b.Headline()+".") + st.Muted.Render(" Nhấn enter để nhập."))
	}
	if counts := b.ByAward(&c.rec.Plan); len(counts) > 0 {
		nameW := 0
		for _, ac := range counts {
			nameW = max(nameW, lipgloss.Width(ac.Award.Name))
		}
		nameW = min(nameW, w-24)
		for _, ac := range counts {
			add("  " + padRight(ac.Award.Name, nameW) + "  " + ac.CountText())
		}
	}
	for _, n := range b.Notes {
		wrapped(st.Muted.Render("Lưu ý: "), n)
	}
	if len(b.Nominees) > 0 {
		add("")
		add(st.Header.Render("Đối tượng sẽ thêm"))
		awardW := 20
		nameW := w - 2 - 8 - 1 - awardW - 1 - 9
		for _, i := range b.Order() {
			n := b.Nominees[i]
			name := n.Name
			if n.Unit != "" {
				name += " – " + n.Unit
			}
			add("  " + padRight(n.Kind.Label(), 8) + " " + padRight(name, nameW) + " " +
				padRight(strings.Join(n.Awards, ", "), awardW) + " " + st.Muted.Render(fmt.Sprintf("dòng %d", b.NomineeOrigins[i].Row)))
		}
	}
	if len(b.Members) > 0 {
		add("")
		add(st.Header.Render("Thành viên Hội đồng sẽ thêm"))
		for i, m := range b.Members {
			votes := "biểu quyết"
			if !m.Votes {
				votes = "không biểu quyết"
			}
			add("  " + padRight(m.Name, 30) + " " + padRight(m.Role.Label()+", "+votes, w-2-30-1-9) + " " +
				st.Muted.Render(fmt.Sprintf("dòng %d", b.MemberOrigins[i].Row)))
		}
	}
	return out
}

// help implements screen.
func (s *importScreen) help(c *shared) bindings {
	k := newImportKeys()
	g := c.keys
	short := []key.Binding{k.other, g.Back, g.Help}
	if s.batch != nil {
		short = []key.Binding{k.confirm, k.reread, k.other, g.Back}
	}
	return bindings{short: short, full: [][]key.Binding{{k.confirm, k.reread, k.other}, {g.Up, g.Down, g.PageUp, g.PageDown, g.Back, g.Help, g.Quit}}}
}
