package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// sizes are the terminals a meeting room has: the smallest the program
// lays out in, and a projector-sized one.
var sizes = []struct {
	w, h  int
	theme Theme
}{{80, 24, ThemeAuto}, {160, 48, ThemeProjector}}

// snapAt snaps the screen at every size and theme, and checks that no
// line is wider than the terminal.
func (h *harness) snapAt(name string) {
	h.t.Helper()
	for _, sz := range sizes {
		h.m.sh.theme = sz.theme
		h.m.restyle()
		h.send(tea.WindowSizeMsg{Width: sz.w, Height: sz.h})
		for i, l := range strings.Split(h.screen(), "\n") {
			if w := ansi.StringWidth(l); w > sz.w {
				h.t.Errorf("%s at %d×%d: line %d is %d wide: %q", name, sz.w, sz.h, i+1, w, l)
			}
		}
		h.snap(fmt.Sprintf("%s-%dx%d", name, sz.w, sz.h))
	}
	h.m.sh.theme = ThemeAuto
	h.m.restyle()
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
}

// TestScreens_EverySizeAndTheme walks a meeting through every screen and
// snaps each at 80×24 and, in the projector theme, at 160×48.
func TestScreens_EverySizeAndTheme(t *testing.T) {
	h := newHarness(t, true)
	h.snapAt("overview")
	h.rollCall()
	h.press("1")
	h.snapAt("rollcall")
	h.press("esc", "2", "space", "t")
	h.snapAt("tellers")
	h.press("esc", "3")
	h.snapAt("nominees")
	h.press("enter")
	h.snapAt("review")
	h.press("esc", "esc")
	h.reviewAll()
	h.press("4")
	h.snapAt("rounds")
	h.press("enter", "c")
	h.snapAt("booth-calling")
	h.press("c")
	h.snapAt("booth-marking")
	h.press("a", "enter")
	h.snapAt("booth-review")
	h.press("enter")
	h.castAll(1)
	h.leaveBooth()
	h.snapAt("rounds-open")
	h.press("o", "c")
	h.snapAt("tally-hidden")
	h.press("enter")
	h.snapAt("tally")
	h.press("esc", "6")
	h.snapAt("conclusion")
	h.press("x")
	h.snapAt("preview")
}
