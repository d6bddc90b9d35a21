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

// TestScreens_ReviewSectionsEverySize snaps the review of a collective
// whose head sits on the council, the dossier of a nominee with what was
// said about her, the list of members who may be the nominee, and the
// remarks screen with its choice of speaker, at every size and theme.
func TestScreens_ReviewSectionsEverySize(t *testing.T) {
	h := newHarness(t, true)
	h.rollCall()
	h.focus("UBND thị trấn", "GK_HUYEN")
	h.snapAt("review-disclosed")
	h.focus("Đinh Thị Mẫu Ngọc", "GK_HUYEN")
	h.press("g", "a", "down", "enter")
	h.typeText("Đề nghị đơn vị bổ sung báo cáo thành tích trước khi trình Ủy ban nhân dân huyện xét tặng Giấy khen.")
	h.press("enter", "a", "end", "enter")
	h.typeText("Đại diện Văn phòng")
	h.press("enter")
	h.typeText("Văn phòng sẽ nhắc đơn vị nộp báo cáo trong tuần.")
	h.press("enter")
	h.snapAt("remarks")
	h.press("a")
	h.snapAt("remarks-speaker")
	h.press("esc", "esc")
	h.expectPage(pageReview)
	h.toDossier()
	h.snapAt("review-dossier")
	h.press("m")
	h.snapAt("review-members")
}
