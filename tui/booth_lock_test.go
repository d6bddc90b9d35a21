package tui

import (
	"fmt"
	"hoidong/model"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// TestBooth_NothingTypedAtTheBoothLeavesIt types at the in-program booth
// every key and sequence a member could try — the old way out (ctrl+x t),
// ctrl+c, esc, q, the agenda's digits, the close key, pastes, resizes —
// and checks that the program never leaves the booth, never quits and
// never closes the round; only the secretary code opens the way out.
func TestBooth_NothingTypedAtTheBoothLeavesIt(t *testing.T) {
	h := openSampleRound(t)
	round := h.fresh().Rounds[0].ID
	stay := func(what string) {
		t.Helper()
		h.expectPage(pageBooth)
		if h.m.quitting {
			t.Fatalf("%s: the program quit", what)
		}
		if h.m.dialog != nil || h.m.input != nil {
			t.Fatalf("%s: a dialog or prompt opened over the booth", what)
		}
		if r := h.fresh().Rounds; len(r) != 1 || r[0].ID != round || r[0].Status.String() != "open" {
			t.Fatalf("%s: the round changed: %+v", what, r)
		}
	}
	sequences := [][]string{
		{"ctrl+x", "t"}, {"ctrl+x", "c"}, {"ctrl+x", "enter"}, {"ctrl+x", "esc"},
		{"ctrl+c"}, {"ctrl+c", "t"}, {"ctrl+c", "ctrl+c"}, {"esc"}, {"esc", "esc"}, {"q"}, {"?"},
		{"1"}, {"2"}, {"3"}, {"4"}, {"5"}, {"6"}, {"o"}, {"o", "c"}, {"x"}, {"e"}, {"b"}, {"v"}, {"i"}, {"g"},
		{"tab"}, {"left"}, {"right"}, {"pgdown"}, {"ctrl+u"}, {"ctrl+s"},
		// A member in the middle of a ballot.
		{"c", "d", "ctrl+x", "t"}, {"c", "a", "enter", "ctrl+c", "q"}, {"esc", "esc", "esc"},
		// A wrong secretary code, then the agenda's keys.
		{"ctrl+x", "1", "2", "3", "4", "5", "6", "enter", "o", "c"},
	}
	for _, seq := range sequences {
		h.press(seq...)
		stay(strings.Join(seq, " "))
		h.press("esc", "esc", "esc")
	}
	for _, msg := range []tea.Msg{
		tea.PasteMsg{Content: "o"}, tea.PasteMsg{Content: "\x18t"}, tea.PasteMsg{Content: testSecretaryCode + "\r"},
		tea.WindowSizeMsg{Width: 120, Height: 40}, tea.WindowSizeMsg{Width: 40, Height: 10}, tea.WindowSizeMsg{Width: 80, Height: 24},
		navigateMsg{to: pageRounds}, navigateMsg{to: pageOverview}, focusMsg{nominee: 1, award: "GK_TT"},
		askMsg{question: "?", yes: navigate(pageRollCall)}, inputMsg{label: "?"}, tea.InterruptMsg{},
	} {
		h.send(msg)
		stay(fmt.Sprintf("message %T", msg))
	}
	if got := filter(h.m, tea.InterruptMsg{}); got != nil {
		t.Fatalf("an interrupt reaches the program at the booth: %#v", got)
	}

	// The secretary code, and only it, leaves.
	h.press("ctrl+x")
	h.expect("Nhập mã thư ký")
	h.typeText(testSecretaryCode)
	h.press("enter")
	h.expectPage(pageRounds)
	if got := filter(h.m, tea.InterruptMsg{}); got == nil {
		t.Fatal("ctrl+c as a signal is dropped outside the booth too")
	}
}

// TestBooth_WrongSecretaryCodesWait makes the booth wait after three wrong
// secretary codes, even before the right one.
func TestBooth_WrongSecretaryCodesWait(t *testing.T) {
	h := openSampleRound(t)
	now := h.st.Now()
	h.st.Now = func() time.Time { return now } // the clock stands still: the wait does not pass
	for i := 0; i < 3; i++ {
		h.press("ctrl+x")
		h.typeText("sai-ma-" + string(rune('0'+i)))
		h.press("enter")
		h.expectPage(pageBooth)
	}
	h.expect("hãy chờ")
	h.press("ctrl+x")
	h.typeText(testSecretaryCode)
	h.press("enter")
	h.expectPage(pageBooth)
	h.expect("hãy chờ")
}

// TestRounds_CloseNeedsTwoBallotsAndNamesWhoHasNotVoted refuses to close a
// round with one ballot, and asks, naming how many have not voted, before
// closing one that not everybody present has voted in.
func TestRounds_CloseNeedsTwoBallotsAndNamesWhoHasNotVoted(t *testing.T) {
	h := openSampleRound(t)
	h.castOne(true)
	h.leaveBooth()
	h.press("o")
	if h.m.dialog != nil {
		t.Fatalf("a round with one ballot offered to close: %q", h.m.dialog.question)
	}
	h.expect("Cần ít nhất 2 phiếu")
	if h.fresh().Rounds[0].Status.String() != "open" {
		t.Fatal("the round closed with one ballot")
	}
	h.press("b")
	h.castOne(false)
	h.leaveBooth()
	h.press("o")
	h.expect("Còn 5 thành viên có mặt chưa bỏ phiếu")
	h.press("k")
	if h.fresh().Rounds[0].Status.String() != "open" {
		t.Fatal("the round closed although the secretary said no")
	}
	h.press("o", "c")
	h.expectPage(pageTally)
	if r := h.fresh().Rounds[0]; r.Status.String() != "closed" || len(r.Ballots) != 2 {
		t.Fatalf("round = %s with %d ballots", r.Status, len(r.Ballots))
	}
}

// TestRounds_CloseAsksTheSecretaryCodeAfterARestart asks for the secretary
// code to open the sealed ballots when the program did not just leave the
// booth with it, and keeps the round open on a wrong code.
func TestRounds_CloseAsksTheSecretaryCodeAfterARestart(t *testing.T) {
	h := openSampleRound(t)
	h.castOne(true)
	h.castOne(false)
	h.leaveBooth()
	h.m.sh.forgetSecretary() // as after a restart of the program
	h.press("o", "c")
	h.expect("Mã thư ký")
	h.typeText("khong-dung")
	h.press("enter")
	h.expectPage(pageRounds)
	if h.fresh().Rounds[0].Status.String() != "open" {
		t.Fatal("the round closed with a wrong secretary code")
	}
	h.expect("Mã thư ký không đúng")
	h.press("o", "c")
	h.typeText(testSecretaryCode)
	h.press("enter")
	h.expectPage(pageTally)
}

// TestBooth_KeysAndRevoteLimit shows the member's keys on ?, and in a
// re-vote says how many places are at stake and refuses a ballot agreeing
// with more nominees than that.
func TestBooth_KeysAndRevoteLimit(t *testing.T) {
	h := tieAtQuota(t, model.SamplePlan())
	h.press("r", "c")
	h.expectPage(pageBooth)
	h.expect("còn 3 suất")
	h.press("?")
	h.expect("Các phím", "đúng là tôi")
	h.press("?", "c")
	h.expect("Chọn tối đa 3")
	h.press("a", "enter")
	h.expect("chỉ đồng ý với tối đa 3 đối tượng (đang đồng ý 6)")
	if h.m.sh.writing || len(h.fresh().Rounds[1].Voters) != 0 {
		t.Fatal("a ballot agreeing with more than the places was taken")
	}
	h.press("home", "k", "k", "k", "enter")
	h.expect("Xem lại phiếu", "Đồng ý 3 · Không đồng ý 3")
}
