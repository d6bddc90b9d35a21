package tui

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"hoidong/model"
)

// TestScreens_StartOnEmptyFile offers the sample plan or a plan file and
// creates the meeting from the sample.
func TestScreens_StartOnEmptyFile(t *testing.T) {
	h := newHarness(t, false)
	h.expectPage(pageStart)
	h.snap("start")
	h.press("1")
	// Before anything else, the secretary chooses the secretary code.
	h.expectPage(pageSecretary)
	h.snap("secretary-code")
	for _, k := range []string{"q", "esc", "1", "4", "o", "?"} {
		h.press(k)
		h.expectPage(pageSecretary)
	}
	h.press("esc")
	h.typeText("12345")
	h.press("enter")
	h.expect("cần ít nhất 6 ký tự")
	h.typeText("6")
	h.press("enter")
	h.typeText("123457")
	h.press("enter")
	h.expect("Hai lần nhập không giống nhau")
	h.expectPage(pageSecretary)
	if h.fresh().Meeting.SecretarySet {
		t.Fatal("a code was saved although the two entries differ")
	}
	h.typeText("123456")
	h.press("enter")
	h.typeText("123456")
	h.press("enter")
	h.expectPage(pageOverview)
	if !h.fresh().Meeting.SecretarySet {
		t.Fatal("the secretary code was not saved")
	}
	if !h.fresh().Meeting.StartedAt.IsZero() {
		t.Fatal("meeting started before roll call")
	}
}

// TestScreens_StartFromMissingPlanFile names the file and changes nothing.
func TestScreens_StartFromMissingPlanFile(t *testing.T) {
	h := newHarness(t, false)
	h.press("2")
	h.snap("plan-prompt")
	missing := filepath.Join(h.dir, "khong-co.toml")
	h.typeText(missing)
	h.press("enter")
	h.expectPage(pageStart)
	if !h.m.statusErr || !strings.Contains(h.m.status, "khong-co.toml") {
		t.Fatalf("status = %q", h.m.status)
	}
}

// TestScreens_RollCallReviewAndHelp covers the roll call, a nominee review
// with a note, and the full help.
func TestScreens_RollCallReviewAndHelp(t *testing.T) {
	h := newHarness(t, true)
	h.press("1", "c", "c", "c", "c")
	h.snap("rollcall-partial")
	h.press("v")
	h.snap("absent-prompt")
	h.press("esc")
	h.press("?")
	h.snap("rollcall-full-help")
	h.press("?", "esc")

	h.press("3")
	h.press("enter")
	h.expectPage(pageReview)
	h.snap("review-checks")
	h.press("k", "k", "k", "k", "d")
	h.press("n")
	h.typeText("Có xác nhận của thủ trưởng đơn vị")
	h.press("enter")
	h.snap("review-criteria")
	n := h.fresh().Nominees
	var found bool
	for _, nr := range n {
		for _, cd := range nr.Candidacies {
			if len(cd.Marks) > 1 && cd.Marks[1].Note == "Có xác nhận của thủ trưởng đơn vị" {
				found = true
			}
		}
	}
	if !found {
		t.Fatal("criterion note not stored")
	}
}

// TestScreens_TooSmall asks for more room instead of a broken layout.
func TestScreens_TooSmall(t *testing.T) {
	h := newHarness(t, true)
	h.send(tea.WindowSizeMsg{Width: 60, Height: 20})
	h.expect("Cửa sổ quá nhỏ (60×20)", "80×24")
	h.snap("too-small")
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	h.expect("Chương trình phiên họp")
}

// TestScreens_Large lays out at 120×40 too.
func TestScreens_Large(t *testing.T) {
	h := newHarness(t, true)
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.snap("overview")
	h.press("3")
	h.snap("nominees")
}

// openSampleRound takes the roll call, reviews every nominee and opens the
// first round, leaving the program in the booth.
func openSampleRound(t *testing.T) *harness {
	t.Helper()
	h := newHarness(t, true)
	h.rollCall()
	h.reviewAll()
	h.press("4", "enter", "c")
	h.expectPage(pageBooth)
	return h
}

// TestBooth_EveryNomineeNeedsAMark refuses an incomplete ballot and stores
// nothing.
func TestBooth_EveryNomineeNeedsAMark(t *testing.T) {
	h := openSampleRound(t)
	h.press("c", "d", "enter")
	h.expect("Còn 4 đối tượng chưa đánh dấu")
	h.snap("incomplete")
	if v := h.fresh().Rounds[0].Voters; len(v) != 0 {
		t.Fatalf("voters = %v", v)
	}
	// Leaving mid-ballot forgets the marks.
	h.leaveBooth()
	h.press("b")
	h.expectPage(pageBooth)
	h.expect("Mời")
}

// TestBooth_ClearsBetweenVoters shows nothing of the previous voter's ballot
// or name once the ballot is cast.
func TestBooth_ClearsBetweenVoters(t *testing.T) {
	h := openSampleRound(t)
	rec := h.rec()
	first := rec.Members[0].Name
	h.press("c", "a", "up", "up", "k", "enter")
	h.expect("Không đồng ý 1")
	h.press("enter")
	// A second enter right after casting must not open the next ballot.
	h.press("enter")
	h.expect("Mời")
	s := h.screen()
	for _, leak := range []string{first, "Không đồng ý", "Đồng ý 4"} {
		if strings.Contains(s, leak) {
			t.Fatalf("booth still shows %q after the ballot:\n%s", leak, s)
		}
	}
	h.expect("Phiếu đã được ghi nhận", rec.Members[1].Name)
	if got := h.fresh().Rounds[0].Voters; len(got) != 1 || got[0] != rec.Members[0].ID {
		t.Fatalf("voters = %v", got)
	}
}

// TestBooth_SkipCallsTheNextMember lets a member who is not ready wait.
func TestBooth_SkipCallsTheNextMember(t *testing.T) {
	h := openSampleRound(t)
	rec := h.rec()
	h.expect(rec.Members[0].Name)
	h.press("s")
	h.expect(rec.Members[1].Name)
	h.press("c", "a", "enter", "enter")
	// The skipped member is called again in turn.
	h.press("s", "s", "s", "s", "s")
	h.expect(rec.Members[0].Name)
}

// TestRounds_OpenRefusedWithoutQuorum explains why no round opens.
func TestRounds_OpenRefusedWithoutQuorum(t *testing.T) {
	h := newHarness(t, true)
	h.press("1", "c", "c", "esc")
	h.press("4", "enter")
	h.expectPage(pageRounds)
	if !h.m.statusErr {
		t.Fatalf("status = %q", h.m.status)
	}
	if len(h.fresh().Rounds) != 0 {
		t.Fatal("a round was opened")
	}
}

// TestWrites_KeepOrderOfKeyPresses queues quick key presses so that the
// record ends as the last key said, however the commands are scheduled.
func TestWrites_KeepOrderOfKeyPresses(t *testing.T) {
	h := newHarness(t, true)
	h.press("3", "enter", "k", "k", "k", "k")
	var cmds []tea.Cmd
	for _, k := range []string{"d", "up", "x", "up", "d", "up", "x", "up", "d", "up", "x"} {
		_, cmd := h.m.Update(keyMsg(k))
		if cmd != nil {
			cmds = append(cmds, cmd)
		}
	}
	if len(cmds) != 1 {
		t.Fatalf("%d writes started at once, want 1 (the rest queued)", len(cmds))
	}
	h.run(cmds[0])
	rs := h.m.screens[pageReview].(*reviewScreen)
	n, _ := h.fresh(), 0
	for _, nr := range n.Nominees {
		if nr.ID != rs.nominee {
			continue
		}
		for _, cd := range nr.Candidacies {
			if cd.Award == rs.award && cd.Marks[0].Mark != model.MarkNotMet {
				t.Fatalf("criterion 1 = %v, want not met (the last key pressed)", cd.Marks[0].Mark)
			}
		}
	}
	if h.m.sh.writing || len(h.m.sh.queue) != 0 {
		t.Fatal("writes left behind")
	}
}

// TestWrites_StaleLoadIsDropped ignores a snapshot read before a write
// that has since landed.
func TestWrites_StaleLoadIsDropped(t *testing.T) {
	h := newHarness(t, true)
	stale := load(context.Background(), h.st, h.m.sh.generation)
	h.press("1", "c")
	h.send(stale())
	if h.rec().Members[0].Attendance != model.AttendancePresent {
		t.Fatal("an older snapshot replaced a newer one")
	}
}

// TestOverview_VerifyShowsTheHead checks the record from the agenda and
// shows its head hash.
func TestOverview_VerifyShowsTheHead(t *testing.T) {
	h := newHarness(t, true)
	h.press("1", "c", "esc", "v")
	head := h.fresh().Head
	if head == "" || h.m.statusErr || !strings.Contains(h.m.status, "Hồ sơ nguyên vẹn") || !strings.Contains(h.m.status, head) {
		t.Fatalf("status = %q, head %q", h.m.status, head)
	}
}

// TestConclusion_CorrectionAfterClose adds a correction to a closed meeting
// as a new entry, without changing what was locked.
func TestConclusion_CorrectionAfterClose(t *testing.T) {
	h := newHarness(t, true)
	h.rollCall()
	h.press("6", "d")
	if !h.m.statusErr {
		t.Fatal("a correction was offered before the meeting closed")
	}
	h.press("e", "c", "d")
	h.typeText("Sửa lỗi chính tả tên đơn vị ở mục III")
	h.press("enter", "c")
	rec := h.fresh()
	if len(rec.Corrections) != 1 || rec.Corrections[0].Text != "Sửa lỗi chính tả tên đơn vị ở mục III" {
		t.Fatalf("corrections = %+v (status %q)", rec.Corrections, h.m.status)
	}
	h.expect("Đính chính sau khi kết thúc", "Sửa lỗi chính tả")
	if rec.Members[0].Attendance != model.AttendancePresent {
		t.Fatal("the locked record changed")
	}
}

// TestNominees_VietnameseOrderAndSearch lists individuals by given name
// under Vietnamese collation and finds "Nguyễn"-like names typed without
// diacritics.
func TestNominees_VietnameseOrderAndSearch(t *testing.T) {
	p := model.SamplePlan()
	// Individuals listed in reverse: the screen must not keep file order.
	slices.Reverse(p.Nominees)
	h := newHarnessPlan(t, p)
	h.press("3")
	var names []string
	for _, r := range h.m.screens[pageNominees].(*nomineesScreen).rows {
		if r.award == "GK_TT" {
			names = append(names, r.name)
		}
	}
	// Khánh, Lan, Minh, Ngọc, Phúc, Quyên: by given name.
	want := []string{"Đỗ Văn Mẫu Khánh", "Dương Thị Mẫu Lan", "Trịnh Văn Mẫu Minh", "Đinh Thị Mẫu Ngọc", "Hồ Văn Mẫu Phúc", "Lý Thị Mẫu Quyên"}
	if strings.Join(names, "|") != strings.Join(want, "|") {
		t.Fatalf("order = %v, want %v", names, want)
	}
	// The list follows every key of the filter, typed without diacritics.
	h.press("/")
	h.typeText("duong")
	h.expect("Tìm: duong", "Dương Thị Mẫu Lan")
	if strings.Contains(h.screen(), "Đỗ Văn Mẫu Khánh") {
		t.Fatal("filter kept a nominee that does not match")
	}
	h.typeText(" thi")
	h.press("enter")
	h.expect("Đang lọc", "Dương Thị Mẫu Lan")
	h.snap("filtered")
	// q is text while typing, not quit; backspace takes a letter back.
	h.press("/", "q")
	if h.m.quitting {
		t.Fatal("q quit while typing the filter")
	}
	h.press("backspace", "enter")
	// esc clears the filter first, and leaves only when there is none.
	h.press("esc")
	h.expectPage(pageNominees)
	h.expect("Đỗ Văn Mẫu Khánh")
	if strings.Contains(h.screen(), "Đang lọc") {
		t.Fatal("esc left the filter on")
	}
	h.press("esc")
	h.expectPage(pageOverview)
}

// TestQuit_CtrlCAsks asks before quitting on ctrl+c, also from a prompt;
// no keeps the program running, a second ctrl+c or yes quits.
func TestQuit_CtrlCAsks(t *testing.T) {
	h := newHarness(t, true)
	h.press("ctrl+c")
	h.expect("Thoát chương trình?")
	if h.m.quitting {
		t.Fatal("ctrl+c quit without asking")
	}
	h.press("k")
	h.expectPage(pageOverview)
	h.press("g", "a", "enter")               // a remark on the meeting: its speaker, then the prompt
	h.expect("Ý kiến khác: người phát biểu") // nobody is present yet
	h.press("ctrl+c")
	h.expect("Thoát chương trình?")
	if h.m.input != nil {
		t.Fatal("the prompt stayed open under the question")
	}
	h.press("ctrl+c")
	if !h.m.quitting {
		t.Fatal("a second ctrl+c did not quit")
	}
}

// TestReview_ExclusionIsConfirmed asks before a check that excludes the
// nominee from the award, naming what follows; no changes nothing.
func TestReview_ExclusionIsConfirmed(t *testing.T) {
	h := newHarness(t, true)
	h.press("3", "enter")
	h.expectPage(pageReview)
	rs := h.m.screens[pageReview].(*reviewScreen)
	id := rs.nominee
	exclude := -1
	for i, ch := range h.rec().Plan.Eligibility {
		if ch.Effect == model.EffectExclude {
			exclude = i
			break
		}
	}
	if exclude < 0 {
		t.Fatal("the sample plan has no excluding check")
	}
	for i := 0; i < exclude; i++ {
		h.press("down")
	}
	h.press("c")
	h.expect("không khen thưởng", "Đang bị kỷ luật?")
	h.press("k")
	rec := h.fresh()
	if n, _ := rec.NomineeByID(id); n.Checks[exclude].Confirmed {
		t.Fatal("a declined exclusion was recorded")
	}
	h.press("c", "c")
	rec = h.fresh()
	if n, _ := rec.NomineeByID(id); !n.Checks[exclude].Confirmed || !n.Checks[exclude].Applies {
		t.Fatalf("the confirmed exclusion was not recorded: %+v", n.Checks[exclude])
	}
	// u takes it back.
	h.press("u")
	rec = h.fresh()
	if n, _ := rec.NomineeByID(id); n.Checks[exclude].Confirmed {
		t.Fatal("undo left the exclusion")
	}
}

// TestMouse_ClicksSelectRows selects the row clicked, and a second click
// on the row selected opens it.
func TestMouse_ClicksSelectRows(t *testing.T) {
	h := newHarness(t, true)
	click := func(text string) {
		t.Helper()
		for y, l := range strings.Split(h.screen(), "\n") {
			if strings.Contains(l, text) {
				h.send(tea.MouseClickMsg{Button: tea.MouseLeft, X: 4, Y: y})
				return
			}
		}
		t.Fatalf("no line with %q:\n%s", text, h.screen())
	}
	click("Xét từng đối tượng")
	if s := h.m.screens[pageOverview].(*overviewScreen); s.list.at() != 2 {
		t.Fatalf("cursor %d after a click on step 3", s.list.at())
	}
	h.expectPage(pageOverview)
	click("Xét từng đối tượng")
	h.expectPage(pageNominees)
	click("Trịnh Văn Mẫu Minh")
	click("Trịnh Văn Mẫu Minh")
	h.expectPage(pageReview)
	h.expect("Trịnh Văn Mẫu Minh · Cá nhân")
}
