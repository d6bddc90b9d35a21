package tui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"hoidong/model"
	"hoidong/store"
)

// harness drives the root model with messages, running every command it
// returns synchronously, against a real database in a temporary folder.
type harness struct {
	t   testing.TB
	m   *Model
	st  *store.Store
	dir string
}

// fixedClock returns a clock that starts at 08:30 on 15/12/2023 in Vietnam
// and moves one minute per reading.
func fixedClock() func() time.Time {
	t := time.Date(2023, 12, 15, 1, 30, 0, 0, time.UTC)
	return func() time.Time {
		t = t.Add(time.Minute)
		return t
	}
}

// newHarness opens a database, with the sample meeting when sample is set,
// and loads it into a fresh program at 80×24.
func newHarness(t *testing.T, sample bool) *harness {
	t.Helper()
	if sample {
		return newHarnessPlan(t, model.SamplePlan())
	}
	return newHarnessPlan(t, model.Plan{})
}

// newHarnessPlan is newHarness with a meeting created from plan p, or none
// when p has no council.
func newHarnessPlan(t *testing.T, p model.Plan) *harness {
	t.Helper()
	sample := len(p.Council.Members) > 0
	dir := t.TempDir()
	st, err := store.Open(filepath.Join(dir, "hop.db"))
	if err != nil {
		t.Fatal(err)
	}
	st.Now = fixedClock()
	t.Cleanup(func() { st.Close() })
	if sample {
		if err := st.CreateMeeting(context.Background(), p); err != nil {
			t.Fatal(err)
		}
		if err := st.SetSecretaryCode(context.Background(), testSecretaryCode); err != nil {
			t.Fatal(err)
		}
	}
	h := &harness{t: t, st: st, dir: dir}
	h.m = New(Options{Store: st, ExportDir: filepath.Join(dir, "bien-ban")})
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	h.run(load(context.Background(), st, 0))
	return h
}

// testSecretaryCode is the secretary code of every test meeting.
const testSecretaryCode = "thu-ky-2468"

// leaveBooth takes the program out of its booth with the secretary code.
func (h *harness) leaveBooth() {
	h.t.Helper()
	h.press("ctrl+x")
	h.typeText(testSecretaryCode)
	h.press("enter")
	h.expectPage(pageRounds)
}

// showResults shows the room the results of the round just closed.
func (h *harness) showResults() {
	h.t.Helper()
	h.expectPage(pageTally)
	h.expect("để công bố kết quả")
	h.press("enter")
}

// castOne casts the ballot of the member the booth calls: agreeing to
// every nominee, or disagreeing with the first.
func (h *harness) castOne(agreeAll bool) {
	h.t.Helper()
	h.expectPage(pageBooth)
	h.press("c")
	if !agreeAll {
		h.press("k")
	}
	h.press("a", "enter", "enter")
	h.expect("Phiếu đã được ghi nhận")
}

// send delivers one message and runs what it returns.
func (h *harness) send(msg tea.Msg) {
	h.t.Helper()
	_, cmd := h.m.Update(msg)
	h.run(cmd)
}

// run executes a command and feeds its messages back, except timers.
func (h *harness) run(cmd tea.Cmd) {
	h.t.Helper()
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case nil, tickMsg, tea.QuitMsg:
	case tea.BatchMsg:
		for _, c := range msg {
			h.run(c)
		}
	default:
		h.send(msg)
	}
}

// keyMsg builds the key press for a key name or a single character.
func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "home":
		return tea.KeyPressMsg{Code: tea.KeyHome}
	case "end":
		return tea.KeyPressMsg{Code: tea.KeyEnd}
	case "ctrl+x":
		return tea.KeyPressMsg{Code: 'x', Mod: tea.ModCtrl}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	case "ctrl+u":
		return tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl}
	case "ctrl+s":
		return tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	}
	r := []rune(k)
	if len(r) != 1 {
		panic("unknown key " + k)
	}
	return tea.KeyPressMsg{Code: r[0], Text: k}
}

// press sends keys in order.
func (h *harness) press(keys ...string) {
	h.t.Helper()
	for _, k := range keys {
		h.send(keyMsg(k))
	}
}

// typeText types text into a prompt, one key per character.
func (h *harness) typeText(s string) {
	h.t.Helper()
	for _, r := range s {
		h.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// screen returns the current screen without colours.
func (h *harness) screen() string {
	return ansi.Strip(h.m.View().Content)
}

// expect fails unless the screen shows every text.
func (h *harness) expect(texts ...string) {
	h.t.Helper()
	s := h.screen()
	for _, text := range texts {
		if !strings.Contains(s, text) {
			h.t.Fatalf("screen lacks %q:\n%s", text, s)
		}
	}
}

// expectPage fails unless the program is on the page.
func (h *harness) expectPage(p page) {
	h.t.Helper()
	if h.m.page != p {
		h.t.Fatalf("page = %s, want %s; status %q\n%s", h.m.page, p, h.m.status, h.screen())
	}
}

// rec returns the program's snapshot.
func (h *harness) rec() *model.Record {
	return h.m.sh.rec
}

// fresh reads the record straight from the database.
func (h *harness) fresh() model.Record {
	h.t.Helper()
	r, err := h.st.Record(context.Background())
	if err != nil {
		h.t.Fatal(err)
	}
	return r
}
