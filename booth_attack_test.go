//go:build unix

package main

// The booth belongs to the voters: the real binary in tmux, its booth
// open, typed at as a member who wants out would type — the old way out
// (ctrl+x t), ctrl+c, esc, q, the agenda's digits, the close key, pastes,
// a resize, SIGINT — never reaches a secretary screen; the secretary code
// leaves; a round with one ballot is not closed.

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"hoidong/model"
	"hoidong/store"
)

// attackCode is the secretary code of the meeting the attack runs on.
const attackCode = "ma-thu-ky-phong-bo-phieu"

// readyMeeting writes, in a new file under dir, the sample meeting with
// every member present but the writers, who are absent and send written
// ballots, the secretary code set, and the nominees proposed for award
// reviewed and ready for a ballot (but those the plan says are under
// review).
func readyMeeting(t *testing.T, dir, award string, writers ...string) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(dir, "hop.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p := model.SamplePlan()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(st.CreateMeeting(ctx, p))
	must(st.SetSecretaryCode(ctx, attackCode))
	rec, err := st.Record(ctx)
	must(err)
	for _, m := range rec.Members {
		if slices.Contains(writers, m.Name) {
			must(st.SetAttendance(ctx, m.ID, model.AttendanceAbsent, "đi công tác"))
			must(st.SetWrittenBallot(ctx, m.ID, true))
			continue
		}
		must(st.SetAttendance(ctx, m.ID, model.AttendancePresent, ""))
	}
	for _, n := range rec.Nominees {
		if !slices.Contains(n.Awards, award) || len(n.Facts) > 0 {
			continue
		}
		for _, c := range p.Eligibility {
			must(st.SetCheck(ctx, n.ID, c.Code, false))
		}
		for i := range p.CriteriaFor(n.Kind, award) {
			must(st.SetMark(ctx, n.ID, award, i, model.MarkMet, ""))
		}
	}
	return path
}

func TestBooth_AttacksInTmux(t *testing.T) {
	work, bin := tmuxBinary(t)
	db := readyMeeting(t, work, model.SamplePlan().Awards[0].Code)
	term := startTmux(t, work, "exec env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen "+shellQuote(bin)+" --db "+shellQuote(db))
	term.waitFor("· Chương trình phiên họp")
	term.send("4")
	term.waitFor("· Bỏ phiếu kín")
	term.press("openRound")
	term.waitFor("Mở vòng bỏ phiếu kín tại máy")
	term.press("yes")
	term.waitFor("PHÒNG BỎ PHIẾU KÍN", "Nếu đúng là ông/bà")

	pid := func() int {
		out, err := term.tmux("display-message", "-p", "-t", "e2e", "#{pane_pid}")
		if err != nil {
			t.Fatal(err)
		}
		n, err := strconv.Atoi(strings.TrimSpace(out))
		if err != nil {
			t.Fatalf("pane pid %q: %v", out, err)
		}
		return n
	}()
	roundOpen := func() bool {
		ro, err := store.OpenReadOnly(db)
		if err != nil {
			t.Fatal(err)
		}
		defer ro.Close()
		rec, err := ro.Record(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return len(rec.Rounds) == 1 && rec.Rounds[0].Status == model.RoundOpen
	}
	// stays waits a moment for the program to take what was typed, then
	// checks that it still shows the booth and nothing of the secretary's.
	stays := func(what string) {
		t.Helper()
		time.Sleep(250 * time.Millisecond)
		s := term.screen()
		booth := strings.Contains(s, "PHÒNG BỎ PHIẾU KÍN") || strings.Contains(s, "Cửa sổ quá nhỏ")
		if !booth || strings.Contains(s, "HỘI ĐỒNG THI ĐUA") || strings.Contains(s, "hoidong exited") {
			t.Fatalf("after %s the booth is gone:\n%s", what, frame(s))
		}
		if exited, _, _ := procExited(pid); exited {
			t.Fatalf("after %s the program ended", what)
		}
		if !roundOpen() {
			t.Fatalf("after %s the round is no longer open", what)
		}
	}
	calm := func() { // back to the call screen
		term.send("Escape")
		time.Sleep(120 * time.Millisecond)
		term.send("Escape")
		time.Sleep(120 * time.Millisecond)
		term.send("Escape")
		term.waitFor("Nếu đúng là ông/bà")
		// A key right after ESC would read as alt+key.
		time.Sleep(150 * time.Millisecond)
	}
	for _, seq := range [][]string{
		{"C-x", "t"}, {"C-x", "c"}, {"C-x", "Enter"}, {"C-c"}, {"C-c", "t"}, {"C-c", "C-c"},
		{"Escape"}, {"q"}, {"1"}, {"2"}, {"4"}, {"6"}, {"o"}, {"o", "c"}, {"x"}, {"e"}, {"?"},
		{"C-z"}, {`C-\`}, {"C-d"}, {"Tab"}, {"BTab"}, {"F1"}, {"M-q"},
		{"c", "d", "C-x", "t"}, {"c", "a", "Enter", "C-c", "q"},
	} {
		term.send(seq...)
		stays(strings.Join(seq, " "))
		calm()
	}
	// Pastes, bracketed and not, including the secretary code itself: a
	// paste is never typed into the secretary code.
	for _, text := range []string{"o", "\x18t", attackCode} {
		if _, err := term.tmux("set-buffer", "--", text); err != nil {
			t.Fatal(err)
		}
		for _, bracketed := range []bool{true, false} {
			args := []string{"paste-buffer", "-t", "e2e"}
			if bracketed {
				args = append(args, "-p")
			}
			if _, err := term.tmux(args...); err != nil {
				t.Fatal(err)
			}
			stays(fmt.Sprintf("pasting %q", text))
			calm()
		}
	}
	term.send("C-x")
	term.waitFor("Nhập mã thư ký để rời phòng bỏ phiếu")
	if _, err := term.tmux("set-buffer", "--", attackCode); err != nil {
		t.Fatal(err)
	}
	if _, err := term.tmux("paste-buffer", "-p", "-t", "e2e"); err != nil {
		t.Fatal(err)
	}
	term.send("Enter")
	stays("pasting the secretary code into its field")
	calm()
	for _, size := range [][2]int{{120, 40}, {40, 12}, {80, 24}} {
		if _, err := term.tmux("resize-window", "-t", "e2e", "-x", strconv.Itoa(size[0]), "-y", strconv.Itoa(size[1])); err != nil {
			t.Fatal(err)
		}
		stays(fmt.Sprintf("a resize to %d×%d", size[0], size[1]))
	}
	term.waitFor("Nếu đúng là ông/bà")
	if err := syscall.Kill(pid, syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	stays("SIGINT")

	// One member votes; the secretary code leaves; one ballot is not closed.
	term.send("c")
	term.waitFor("Đã đánh dấu 0/")
	term.send("a", "Enter")
	term.waitFor("Xem lại phiếu trước khi bỏ")
	term.send("Enter")
	term.waitFor("Phiếu đã được ghi nhận")
	term.send("C-x")
	term.waitFor("Nhập mã thư ký để rời phòng bỏ phiếu")
	term.typeText(attackCode)
	term.send("Enter")
	term.waitFor("· Bỏ phiếu kín", "1/8 đã bỏ phiếu")
	term.press("closeRound")
	s := term.waitFor("Cần ít nhất 2 phiếu")
	if strings.Contains(s, "Đóng vòng 1 và kiểm phiếu") {
		t.Fatalf("a round with one ballot offered to close:\n%s", frame(s))
	}
	term.press("yes")
	time.Sleep(300 * time.Millisecond)
	if !roundOpen() {
		t.Fatal("the round closed with one ballot")
	}
}
