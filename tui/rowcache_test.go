package tui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"hoidong/model"
	"hoidong/store"
	"hoidong/synth"
)

// The list of nominees and the roll call keep the rows they drew and
// assemble their frames themselves rather than through lipgloss. These
// tests hold them to the frames the screens drew before, colours and
// padding included (the goldens compare the text only), and check that
// nothing kept is shown once what it was drawn from has changed.

// synthHarness opens a synthetic meeting of n nominees and 31 members in a
// program at 200×60.
func synthHarness(t *testing.T, n int) *harness {
	t.Helper()
	dir := t.TempDir()
	st, err := store.Open(filepath.Join(dir, "hop.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := synth.Generate(context.Background(), st, synth.Options{Nominees: n, Members: 31, Seed: 1}, testSecretaryCode); err != nil {
		t.Fatal(err)
	}
	h := &harness{t: t, st: st, dir: dir}
	h.m = New(Options{Store: st, ExportDir: filepath.Join(dir, "bien-ban")})
	h.send(tea.WindowSizeMsg{Width: 200, Height: 60})
	h.run(load(context.Background(), st, 0))
	return h
}

// referenceNomineesView is the list's view as it was drawn before its rows
// were kept: each row drawn by the list, the list drawn listW wide by a
// lipgloss style and joined to the detail pane by lipgloss.
func referenceNomineesView(s *nomineesScreen, c *shared) string {
	st := c.styles
	var b strings.Builder
	nk := c.keys.Nominees
	rows := c.height - 1
	filter := s.filter.Value()
	switch {
	case s.typing:
		hint := "  (gõ không dấu cũng được; " + hints(nk.KeepFilter, nk.ClearFilter) + ")"
		s.filter.SetWidth(max(c.width-lipgloss.Width("Tìm: "+hint)-1, 10))
		b.WriteString(ansi.Truncate(st.Title.Render("Tìm: ")+s.filter.View()+st.Muted.Render(hint), c.width, "…") + "\n")
		rows--
	case filter != "":
		b.WriteString(st.Warn.Render(ansi.Truncate("Đang lọc: \""+filter+"\" ("+hints(nk.Search, nk.ClearFilter)+")", c.width, "…")) + "\n")
		rows--
	}
	if len(s.rows) == 0 {
		if filter != "" {
			return b.String() + "\nKhông có đối tượng nào khớp với \"" + filter + "\"."
		}
		return b.String() + "\nKế hoạch chưa có đối tượng đề nghị nào."
	}
	listW := c.width
	if c.width >= 160 {
		listW = min(c.width/2+10, 100)
	}
	nameW, checkW, statusW := listW-2-12-24, 12, 24
	name, check := lipgloss.NewStyle().Width(nameW), lipgloss.NewStyle().Width(checkW)
	head := st.Header.Render("  " + name.Render("Đối tượng") + check.Render("Tiêu chuẩn") + lipgloss.NewStyle().Width(statusW).Render("Tình trạng"))
	s.list.resize(listW, rows)
	list := s.list.view(c, strings.Count(b.String(), "\n")+1, func(r pickRow, selected bool) string {
		return s.drawRow(st, r, listW, selected)
	}, nil)
	if listW == c.width {
		return b.String() + head + "\n" + list
	}
	detail := s.detail(c, c.width-listW-3, rows+1)
	left := lipgloss.NewStyle().Width(listW).Render(head + "\n" + list)
	return b.String() + lipgloss.JoinHorizontal(lipgloss.Top, left, "   ", detail)
}

// referenceRollCallTable is the roll call's table as it was drawn before
// its rows were kept: the page's rows as one grid.
func referenceRollCallTable(s *rollCallScreen, c *shared) string {
	st, rec := c.styles, c.rec
	start, end := s.list.page()
	members := rec.Members[start:end]
	g := grid{
		cols: []column{{title: "Họ và tên", width: 25}, {title: "Vai trò", width: 21},
			{title: "Điểm danh", width: flexWidth(c.width, 9, true, 25, 21)}},
		rows:     make([][]string, len(members)),
		cursor:   true,
		selected: s.list.selectedOnPage(),
		cell: func(row, col int) lipgloss.Style {
			if col != 2 {
				return lipgloss.NewStyle()
			}
			switch members[row].Attendance {
			case model.AttendancePresent:
				return st.Good
			case model.AttendanceAbsent:
				return st.Warn
			}
			return st.Muted
		},
	}
	for i, m := range members {
		role := m.Role.Label()
		if !m.Votes {
			role += " (không BQ)"
		}
		state := attendanceLabel(m)
		if m.Locked {
			state += " · BỊ KHÓA (" + keyName(c.keys.RollCall.Unlock) + ": mở)"
		} else if rec.Plan.Meeting.Secret && m.Votes && !m.HasSecret {
			state += " · chưa có mã"
		}
		g.rows[i] = []string{m.Name, role, state}
	}
	return g.render(st)
}

// drawsAsBefore checks the screen on show against the reference drawing,
// and the whole frame against the one drawn with nothing kept.
func (h *harness) drawsAsBefore(step string) {
	h.t.Helper()
	c := &h.m.sh
	switch s := h.m.current().(type) {
	case *nomineesScreen:
		got := s.view(c)
		if want := referenceNomineesView(s, c); got != want {
			h.t.Fatalf("%s: the list draws\n%q\nbut drew\n%q", step, got, want)
		}
	case *rollCallScreen:
		_ = s.view(c) // lays the list out
		got := s.table(c)
		if want := referenceRollCallTable(s, c); got != want {
			h.t.Fatalf("%s: the roll call draws\n%q\nbut drew\n%q", step, got, want)
		}
	}
	kept := h.m.View().Content
	h.forget()
	if fresh := h.m.View().Content; kept != fresh {
		h.t.Fatalf("%s: a stale frame:\n%s\nwhere a fresh one shows\n%s", step, kept, fresh)
	}
}

// forget empties what the list and the roll call keep between frames.
func (h *harness) forget() {
	h.m.screens[pageNominees].(*nomineesScreen).memo = nomineesMemo{}
	rc := h.m.screens[pageRollCall].(*rollCallScreen)
	rc.drawn, rc.header = rowCache[rollCallLayout, drawnRow]{}, ""
}

// ctrlT is the key that switches the theme.
func ctrlT() tea.KeyPressMsg { return tea.KeyPressMsg{Code: 't', Mod: tea.ModCtrl} }

// TestNominees_DrawsAsTheListDid walks the list of a meeting of 150
// nominees at several sizes and in every theme, paging, filtering and
// with no match, and compares every frame with the list's own drawing.
func TestNominees_DrawsAsTheListDid(t *testing.T) {
	h := synthHarness(t, 150)
	h.press("3")
	h.expectPage(pageNominees)
	for _, sz := range [][2]int{{200, 60}, {80, 24}, {120, 40}, {159, 30}, {160, 48}, {250, 50}, {100, 80}} {
		h.send(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		for range 4 {
			h.drawsAsBefore("home")
			h.press("down", "down")
			h.drawsAsBefore("down")
			h.press("pgdown")
			h.drawsAsBefore("pgdown")
			h.press("end")
			h.drawsAsBefore("end")
			h.press("home")
			h.send(ctrlT())
		}
	}
	h.send(tea.WindowSizeMsg{Width: 200, Height: 60})
	h.press("/")
	h.typeText("a")
	h.drawsAsBefore("typing")
	h.press("enter", "down")
	h.drawsAsBefore("filtered")
	h.press("/")
	h.typeText("zzzz")
	h.drawsAsBefore("no match")
	h.press("esc")
	h.drawsAsBefore("cleared")
}

// TestRollCall_DrawsAsTheTableDid compares the roll call's table with the
// one grid it was drawn as, at several sizes, themes and pages.
func TestRollCall_DrawsAsTheTableDid(t *testing.T) {
	h := synthHarness(t, 20)
	h.press("1")
	h.expectPage(pageRollCall)
	for _, sz := range [][2]int{{200, 60}, {80, 24}, {120, 30}} {
		h.send(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		for range 4 {
			h.drawsAsBefore("home")
			h.press("down")
			h.drawsAsBefore("down")
			h.press("end")
			h.drawsAsBefore("end")
			h.press("home")
			h.send(ctrlT())
		}
	}
}

// TestNominees_FramesFollowChanges changes the record, the filter, the
// theme and the size under the list: each frame after shows the change.
func TestNominees_FramesFollowChanges(t *testing.T) {
	h := newHarness(t, true)
	h.send(tea.WindowSizeMsg{Width: 200, Height: 60})
	h.press("3")
	s := h.m.screens[pageNominees].(*nomineesScreen)
	// The cursor on the first candidacy whose award asks for documents.
	for range s.rows {
		r, _ := s.list.current()
		a, _ := h.rec().Plan.Award(s.rows[r.at].award)
		if len(a.Documents) > 0 {
			break
		}
		h.press("down")
	}
	r, _ := s.list.current()
	row := s.rows[r.at]
	h.expect(row.name, "Tình trạng")

	// Another terminal writes a note on the nominee under the cursor: the
	// next snapshot shows it in the detail pane.
	n, _ := h.rec().NomineeByID(row.nominee)
	if err := h.st.SetNomineeNote(context.Background(), row.nominee, "Ghi chú mới của hội đồng"); err != nil {
		t.Fatal(err)
	}
	h.run(load(context.Background(), h.st, 0))
	h.expect("Ghi chú mới của hội đồng")
	h.drawsAsBefore("note")

	// A document comes in or goes missing: the row says so.
	missing := len(n.MissingDocuments(&h.rec().Plan, row.award)) > 0
	changed := false
	for _, it := range n.Dossier(&h.rec().Plan, row.award) {
		if it.Document.Produced {
			continue
		}
		if err := h.st.SetDocumentReceived(context.Background(), row.nominee, row.award, it.Index, missing); err != nil {
			t.Fatal(err)
		}
		changed = true
	}
	if !changed {
		t.Fatal("the award asks for no document to receive")
	}
	h.run(load(context.Background(), h.st, 0))
	line := lineOf(h.screen(), "› ") // the row under the cursor
	if !strings.Contains(line, ansi.Truncate(row.name, 20, "")) {
		t.Fatalf("the cursor left %s: %q", row.name, line)
	}
	if strings.Contains(line, "thiếu hồ sơ") == missing {
		t.Fatalf("after the documents changed, the row still reads %q", line)
	}
	h.drawsAsBefore("documents")

	// The filter: only what matches, then everything again.
	h.press("/")
	h.typeText("zzzz")
	h.expect("Không có đối tượng nào khớp")
	h.press("esc")
	h.expect(row.name)
	h.drawsAsBefore("filter")

	// The theme changes every colour.
	before := h.m.View().Content
	h.send(ctrlT())
	if h.m.View().Content == before {
		t.Fatal("the theme changed but the frame did not")
	}
	h.drawsAsBefore("theme")

	// A narrower terminal has no room for the detail pane.
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	if strings.Contains(h.screen(), "Ghi chú mới của hội đồng") {
		t.Fatal("the detail pane stayed at 120 columns")
	}
	for _, l := range strings.Split(h.screen(), "\n") {
		if w := ansi.StringWidth(l); w > 120 {
			t.Fatalf("a line %d wide at 120 columns: %q", w, l)
		}
	}
	h.drawsAsBefore("resize")
}

// TestRollCall_FramesFollowChanges marks members present and absent, and
// changes the theme and the size: each frame after shows the change.
func TestRollCall_FramesFollowChanges(t *testing.T) {
	h := newHarness(t, true)
	h.send(tea.WindowSizeMsg{Width: 200, Height: 60})
	h.press("1")
	first := h.rec().Members[0]
	if first.Attendance == model.AttendancePresent {
		t.Fatal("the synthetic meeting starts with the roll call taken")
	}
	h.drawsAsBefore("start")
	h.press("c")
	if l := lineOf(h.screen(), first.Name); !strings.Contains(l, "Có mặt") {
		t.Fatalf("marked present, the row reads %q", l)
	}
	h.drawsAsBefore("present")
	h.press("up", "v")
	h.typeText("Đi công tác")
	h.press("enter")
	if l := lineOf(h.screen(), first.Name); !strings.Contains(l, "Vắng – Đi công tác") {
		t.Fatalf("marked absent, the row reads %q", l)
	}
	h.drawsAsBefore("absent")
	before := h.m.View().Content
	h.send(ctrlT())
	if h.m.View().Content == before {
		t.Fatal("the theme changed but the frame did not")
	}
	h.drawsAsBefore("theme")
	h.send(tea.WindowSizeMsg{Width: 90, Height: 30})
	h.drawsAsBefore("resize")
}

// lineOf is the first line of screen that holds text.
func lineOf(screen, text string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, text) {
			return l
		}
	}
	return ""
}
