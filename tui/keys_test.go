package tui

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"hoidong/model"
)

// pressOf builds the key press a terminal sends for a binding's key name,
// so that a binding whose name no key produces ("pgdn") is caught.
func pressOf(t *testing.T, name string) tea.KeyPressMsg {
	t.Helper()
	named := map[string]rune{
		"enter": tea.KeyEnter, "esc": tea.KeyEscape, "space": tea.KeySpace, "tab": tea.KeyTab,
		"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
		"pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "home": tea.KeyHome, "end": tea.KeyEnd,
		"backspace": tea.KeyBackspace,
	}
	var mod tea.KeyMod
	base := name
	for _, p := range []struct {
		prefix string
		mod    tea.KeyMod
	}{{"ctrl+", tea.ModCtrl}, {"alt+", tea.ModAlt}, {"shift+", tea.ModShift}} {
		if rest, ok := strings.CutPrefix(base, p.prefix); ok {
			mod |= p.mod
			base = rest
		}
	}
	var msg tea.KeyPressMsg
	if code, ok := named[base]; ok {
		msg = tea.KeyPressMsg{Code: code, Mod: mod}
		if base == "space" {
			msg.Text = " "
		}
	} else if r, size := utf8.DecodeRuneInString(base); size == len(base) {
		msg = tea.KeyPressMsg{Code: r, Mod: mod}
		if mod == 0 {
			msg.Text = base
		}
	} else {
		t.Fatalf("no key press for key name %q", name)
	}
	if msg.String() != name {
		t.Fatalf("key name %q is pressed as %q", name, msg.String())
	}
	return msg
}

// checkKeys checks the screen on show as the help draws it: no two of its
// actions share a key; every action does something; every key of every
// binding is one a terminal can send and reaches that very action; and
// every binding the help shows is an action of the screen or one of the
// program's own keys, which the screen does not shadow.
func checkKeys(h *harness, state string) {
	h.t.Helper()
	t := h.t.(*testing.T)
	where := fmt.Sprintf("%s (%s)", h.m.page, state)
	s := h.m.current()
	acts := s.actions(&h.m.sh)
	owner := map[string]int{}
	for i, a := range acts {
		if a.do == nil && a.pressed == nil {
			t.Errorf("%s: %q does nothing", where, a.key.Help().Key)
		}
		if len(a.key.Keys()) == 0 || !a.key.Enabled() {
			t.Errorf("%s: action %d has no key", where, i)
		}
		for _, k := range a.key.Keys() {
			if j, dup := owner[k]; dup {
				t.Errorf("%s: %q is the key of both %q and %q", where, k, acts[j].key.Help().Desc, a.key.Help().Desc)
			}
			owner[k] = i
			msg := pressOf(t, k)
			for j, b := range acts {
				if key.Matches(msg, b.key) {
					if j != i {
						t.Errorf("%s: pressing %q runs %q, not %q", where, k, b.key.Help().Desc, a.key.Help().Desc)
					}
					break
				}
			}
		}
	}
	k := h.m.sh.keys
	program := []key.Binding{k.Back, k.Help, k.Quit, k.QuitTyping}
	hb := h.m.helpFor(s)
	shown := append([]key.Binding{}, hb.ShortHelp()...)
	for _, col := range hb.FullHelp() {
		shown = append(shown, col...)
	}
	for _, b := range shown {
		handled := false
		for _, a := range acts {
			if reflect.DeepEqual(a.key.Keys(), b.Keys()) && a.key.Help() == b.Help() {
				handled = true
			}
		}
		for _, p := range program {
			if reflect.DeepEqual(p.Keys(), b.Keys()) && p.Help() == b.Help() {
				if _, shadowed := owner[b.Keys()[0]]; shadowed {
					t.Errorf("%s: the help shows the program's %q, which the screen takes", where, b.Help().Key)
				}
				handled = true
			}
		}
		if !handled {
			t.Errorf("%s: the help shows %q (%s), which nothing handles", where, b.Help().Key, b.Help().Desc)
		}
	}
}

// TestKeys_EveryScreenShowsWhatItHandles walks every screen of a meeting in
// each of its states and checks its keys.
func TestKeys_EveryScreenShowsWhatItHandles(t *testing.T) {
	empty := newHarness(t, false)
	checkKeys(empty, "a file without a meeting")
	empty.press("1")
	empty.expectPage(pageSecretary)
	checkKeys(empty, "first field")
	empty.typeText("123456")
	empty.press("enter")
	checkKeys(empty, "second field")

	p := model.SamplePlan()
	p.Meeting.Secret = true
	h := newHarnessPlan(t, p)
	checkKeys(h, "agenda")
	h.press("1")
	checkKeys(h, "with voting codes")
	h.press("esc", "i")
	h.press("esc")
	checkKeys(h, "nothing read")
	h.press("esc", "2")
	checkKeys(h, "nobody present")
	h.press("esc")
	h.rollCall()
	h.press("2")
	checkKeys(h, "members present")
	h.press("esc", "3")
	checkKeys(h, "the list")
	h.press("enter")
	checkKeys(h, "on a check")
	for range h.rec().Plan.Eligibility {
		h.press("k")
	}
	checkKeys(h, "on a criterion")
	h.press("esc", "esc")
	h.reviewAll()
	h.press("4")
	checkKeys(h, "no round open")
	h.press("enter", "c")
	h.expectPage(pageBooth)
	checkKeys(h, "calling")
	h.press("c")
	checkKeys(h, "member's code")
	h.press("esc", "ctrl+x")
	checkKeys(h, "secretary code")
	h.typeText(testSecretaryCode)
	h.press("enter")
	h.expectPage(pageRounds)
	checkKeys(h, "electronic round open")
	h.press("5")
	checkKeys(h, "no round closed")
	h.press("esc", "6")
	checkKeys(h, "meeting open")
	h.press("x")
	checkKeys(h, "documents")

	// A secret-free meeting for the marking states of the booth.
	h2 := openSampleRound(t)
	h2.press("c")
	checkKeys(h2, "marking")
	h2.press("a", "enter")
	checkKeys(h2, "reviewing the ballot")

	// Ties: a re-vote to open, the chair to decide, the chair choosing.
	tie := tieAtQuota(t, model.SamplePlan())
	checkKeys(tie, "a tie to re-vote")
	chair := model.SamplePlan()
	for i := range chair.Awards {
		if chair.Awards[i].Code == "GK_HUYEN" {
			chair.Awards[i].TieBreak = model.TieChair
		}
	}
	ch := tieAtQuota(t, chair)
	checkKeys(ch, "a tie for the chair")
	ch.press("c")
	checkKeys(ch, "the chair choosing")

	// A paper round.
	pr := newHarness(t, true)
	pr.rollCall()
	pr.reviewAll()
	pr.press("4", "p", "c")
	pr.expectPage(pagePaper)
	checkKeys(pr, "paper counts")
	pr.press("esc")
	checkKeys(pr, "paper round open")

	// The review's dossier, the members who may be the nominee, and what
	// was said about a nominee and about the meeting.
	d := newHarness(t, true)
	d.rollCall()
	d.focus("Đinh Thị Mẫu Ngọc", "GK_HUYEN")
	d.toDossier()
	checkKeys(d, "on a document")
	d.press("h")
	checkKeys(d, "a document to undo")
	d.press("m")
	checkKeys(d, "choosing a nominated member")
	d.press("esc", "g")
	d.expectPage(pageRemarks)
	checkKeys(d, "no remarks")
	d.press("a")
	checkKeys(d, "choosing who spoke")
	d.press("enter")
	d.typeText("Đồng ý")
	d.press("enter")
	checkKeys(d, "remarks")
	d.press("esc", "esc", "esc", "g")
	d.expectPage(pageRemarks)
	checkKeys(d, "the meeting's remarks")
}

// TestKeys_NamedOnScreenFromTheBinding rebinds the booth's keys and checks
// that the booth tells voters the new keys, never the old ones.
func TestKeys_NamedOnScreenFromTheBinding(t *testing.T) {
	h := openSampleRound(t)
	b := &h.m.sh.keys.Booth
	b.ConfirmIdentity = key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "đúng là tôi"))
	b.Skip = key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "mời người sau"))
	b.Agree = key.NewBinding(key.WithKeys("1"), key.WithHelp("1", "đồng ý"))
	b.Disagree = key.NewBinding(key.WithKeys("2"), key.WithHelp("2", "không đồng ý"))
	h.expect("nhấn y để nhận phiếu", "nhấn n để mời người tiếp theo")
	h.press("y")
	h.expect("1: đồng ý · 2: không đồng ý")
	if strings.Contains(h.screen(), "d: đồng ý") || strings.Contains(h.screen(), "k: không đồng ý") {
		t.Fatalf("the booth names the old keys:\n%s", h.screen())
	}
	h.press("1")
	h.expect("Đã đánh dấu 1/")
}
