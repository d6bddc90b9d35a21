package tui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"hoidong/importer"
	"hoidong/model"
)

// importScreen loads a registration table: the secretary gives a file,
// sees what it would add and every problem in it, and confirms. Reading
// and writing happen in commands; a file with problems cannot be imported.
type importScreen struct {
	base
	path   string          // the file last asked for
	batch  *importer.Batch // what it would add; nil before a file is read
	offset int             // first line of the preview shown
}

// importReadMsg carries what a file would add.
type importReadMsg struct {
	path  string
	batch *importer.Batch
}

// openImport is the way in from the overview: the import screen, and the
// question for a file.
func openImport(c *shared) tea.Cmd {
	if why := c.rec.ImportBlocked(); why != "" {
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

// readImport reads a file against the meeting rec, in a command.
func readImport(rec *model.Record, path string) tea.Cmd {
	return func() tea.Msg {
		return to(pageImport, importReadMsg{path: path, batch: importer.ReadFiles(rec, []string{path}, importer.Options{})})
	}
}

// receive implements screen: what a file would add.
func (s *importScreen) receive(_ *shared, msg tea.Msg) tea.Cmd {
	if m, ok := msg.(importReadMsg); ok {
		s.path, s.batch, s.offset = m.path, m.batch, 0
	}
	return nil
}

// title implements screen.
func (s *importScreen) title() string { return "Nhập danh sách từ tệp" }

// refresh forgets the preview once it has been imported.
func (s *importScreen) refresh(_ *shared, msg recordMsg) tea.Cmd {
	if msg.job && msg.from == pageImport && msg.err == nil {
		s.batch, s.offset = nil, 0
	}
	return nil
}

// actions implements screen.
func (s *importScreen) actions(c *shared) []action {
	k := c.keys
	ik := k.Import
	lines := len(s.lines(c))
	page := max(c.height-1, 1)
	last := max(lines-page, 0)
	acts := []action{
		more(k.Up, run(func() { s.offset = max(s.offset-1, 0) })),
		more(k.Down, run(func() { s.offset = min(s.offset+1, last) })),
		more(k.Home, run(func() { s.offset = 0 })),
		more(k.End, run(func() { s.offset = last })),
		more(k.PageUp, run(func() { s.offset = max(s.offset-page, 0) })),
		more(k.PageDown, run(func() { s.offset = min(s.offset+page, last) })),
	}
	if s.batch != nil {
		acts = append(acts,
			act(ik.Confirm, func() tea.Cmd { return s.confirm(c) }),
			act(ik.Reread, func() tea.Cmd { return readImport(c.rec, s.path) }))
	}
	return append(acts, act(ik.Other, func() tea.Cmd { return askImportPath(c, s.path) }))
}

// confirm asks before writing the batch into the meeting.
func (s *importScreen) confirm(c *shared) tea.Cmd {
	b := s.batch
	switch {
	case b == nil:
		return askImportPath(c, s.path)
	case len(b.Problems) > 0:
		return say(fmt.Sprintf("Tệp còn %d lỗi nên chưa nhập được; sửa tệp rồi nhấn %s để đọc lại.", len(b.Problems), keyName(c.keys.Import.Reread)), true)
	case b.Empty():
		return say("Tệp không có đối tượng hay thành viên nào để nhập.", true)
	}
	if why := c.rec.ImportBlocked(); why != "" {
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
		busy: "Đang nhập " + b.Headline() + "…",
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
	b := s.batch
	if b == nil {
		return []string{"", "Nhấn " + keyName(c.keys.Import.Other) + " để chọn tệp cần nhập.", "",
			st.Muted.Render("Tệp là bảng đăng ký như mẫu: dòng tiêu đề có cột «Tập thể, cá nhân» (hoặc «Họ và tên») và mỗi danh hiệu một cột đánh dấu X."),
			st.Muted.Render("Mẫu trống theo kế hoạch của phiên họp: hoidong import --template xlsx --db TỆP > bang-dang-ky.xlsx")}
	}
	out := []string{st.Muted.Render("Tệp: ") + truncateLeft(s.path, c.width-6)}
	out = append(out, s.verdictLines(c)...)
	out = append(out, s.countLines(c)...)
	for _, n := range b.Notes {
		out = append(out, hanging(st.Muted.Render("Lưu ý: "), n, c.width)...)
	}
	out = append(out, s.nomineeLines(c)...)
	return append(out, s.memberLines(c)...)
}

// hanging wraps s to width after prefix, the later lines indented under
// the first.
func hanging(prefix, s string, width int) []string {
	pw := lipgloss.Width(prefix)
	lines := strings.Split(ansi.Wrap(s, width-pw, ""), "\n")
	for i := range lines {
		if i == 0 {
			lines[i] = prefix + lines[i]
		} else {
			lines[i] = strings.Repeat(" ", pw) + lines[i]
		}
	}
	return lines
}

// verdictLines say whether the file can be imported, and its problems.
func (s *importScreen) verdictLines(c *shared) []string {
	st, b := c.styles, s.batch
	switch {
	case len(b.Problems) > 0:
		out := []string{st.Error.Render(fmt.Sprintf("Có %d lỗi — chưa nhập được. Sửa tệp rồi nhấn %s để đọc lại:", len(b.Problems), keyName(c.keys.Import.Reread)))}
		for _, p := range b.Problems {
			out = append(out, hanging("• ", strings.TrimPrefix(p.String(), "tệp "+filepath.Base(s.path)+", "), c.width)...)
		}
		if !b.Empty() {
			out = append(out, "", st.Muted.Render("Các dòng không có lỗi: "+b.Headline()+"."))
		}
		return out
	case b.Empty():
		return []string{st.Warn.Render("Tệp không có đối tượng hay thành viên nào để nhập.")}
	}
	return []string{st.Good.Render("Sẽ thêm "+b.Headline()+".") + st.Muted.Render(" Nhấn "+keyName(c.keys.Import.Confirm)+" để nhập.")}
}

// countLines count the nominees the file proposes for each award.
func (s *importScreen) countLines(c *shared) []string {
	counts := s.batch.ByAward(&c.rec.Plan)
	if len(counts) == 0 {
		return nil
	}
	nameW := 0
	for _, ac := range counts {
		nameW = max(nameW, lipgloss.Width(ac.Award.Name))
	}
	nameW = min(nameW, c.width-24)
	g := grid{cols: []column{{width: 1}, {width: nameW + 1}, {width: flexWidth(c.width, 10, false, 1, nameW+1)}}}
	for _, ac := range counts {
		g.rows = append(g.rows, []string{"", ac.Award.Name, ac.CountText()})
	}
	return tableLines(g, c.styles)
}

// tableLines draws g as lines without its (empty) heading row.
func tableLines(g grid, st styles) []string {
	return strings.Split(g.render(st), "\n")[1:]
}

// nomineeLines list the nominees the file adds, in the order of the lists.
func (s *importScreen) nomineeLines(c *shared) []string {
	st, b := c.styles, s.batch
	if len(b.Nominees) == 0 {
		return nil
	}
	const kindW, awardW, rowW = 7, 20, 9
	g := grid{
		cols: []column{{width: 1}, {title: "Loại", width: kindW}, {title: "Tên, đơn vị", width: flexWidth(c.width, 16, false, 1, kindW, awardW, rowW)},
			{title: "Đề nghị", width: awardW}, {title: "Trong tệp", width: rowW}},
		cell: func(_, col int) lipgloss.Style {
			if col == 4 {
				return st.Muted
			}
			return lipgloss.NewStyle()
		},
	}
	for _, i := range b.Order() {
		n := b.Nominees[i]
		name := n.Name
		if n.Unit != "" {
			name += " – " + n.Unit
		}
		g.rows = append(g.rows, []string{"", n.Kind.Label(), name, strings.Join(n.Awards, ", "), fmt.Sprintf("dòng %d", b.NomineeOrigins[i].Row)})
	}
	return append([]string{"", st.Subtitle.Render("Đối tượng sẽ thêm")}, strings.Split(g.render(st), "\n")...)
}

// memberLines list the council members the file adds.
func (s *importScreen) memberLines(c *shared) []string {
	st, b := c.styles, s.batch
	if len(b.Members) == 0 {
		return nil
	}
	const nameW, rowW = 30, 9
	g := grid{
		cols: []column{{width: 1}, {title: "Họ và tên", width: nameW}, {title: "Vai trò", width: flexWidth(c.width, 16, false, 1, nameW, rowW)},
			{title: "Trong tệp", width: rowW}},
		cell: func(_, col int) lipgloss.Style {
			if col == 3 {
				return st.Muted
			}
			return lipgloss.NewStyle()
		},
	}
	for i, m := range b.Members {
		votes := "biểu quyết"
		if !m.Votes {
			votes = "không biểu quyết"
		}
		g.rows = append(g.rows, []string{"", m.Name, m.Role.Label() + ", " + votes, fmt.Sprintf("dòng %d", b.MemberOrigins[i].Row)})
	}
	return append([]string{"", st.Subtitle.Render("Thành viên Hội đồng sẽ thêm")}, strings.Split(g.render(st), "\n")...)
}
