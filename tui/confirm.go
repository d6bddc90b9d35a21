package tui

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// A yes/no question is a huh form of one Confirm field, over the screen:
// the question's first paragraph is the field's title, the rest (the
// figures the answer is about) its description, and the buttons answer
// it. The root forwards keys and the form's own messages to it and reads
// the answer once the form is done. Only the strict question of the
// separate booth (one key confirms, any other stays) is not a form: a
// voter at that booth must not be able to answer it by habit.

// newConfirm builds the form asking question, answered into *answer, with
// "có" chosen first so that enter says yes as it always has.
func newConfirm(c *shared, question string, answer *bool) *huh.Form {
	*answer = true
	inner := confirmWidth(c) - c.styles.Dialog.GetHorizontalFrameSize()
	question = fitQuestion(question, inner, c.height-c.styles.Dialog.GetVerticalFrameSize())
	title, desc, _ := strings.Cut(question, "\n\n")
	if desc != "" {
		desc = "\n" + desc // the question's paragraphs stay apart
	}
	field := huh.NewConfirm().Title(title).Description(desc).
		Affirmative("Có").Negative("Không").Value(answer)
	f := huh.NewForm(huh.NewGroup(field)).
		WithShowHelp(false).
		WithKeyMap(formKeys(c.keys)).
		WithTheme(formTheme(c.styles))
	// Init focuses the field; its commands only ask the terminal's size,
	// which sizeConfirm gives the form instead.
	_ = f.Init()
	sizeConfirm(c, f)
	return f
}

// confirmWidth is the width of the question's box.
func confirmWidth(c *shared) int { return min(c.width-4, 70) }

// sizeConfirm fits the form inside the question's box.
func sizeConfirm(c *shared, f *huh.Form) {
	inner := confirmWidth(c) - c.styles.Dialog.GetHorizontalFrameSize()
	f.Update(tea.WindowSizeMsg{Width: inner, Height: max(c.height-c.styles.Dialog.GetVerticalFrameSize(), 3)})
}

// formKeys maps the program's bindings onto the form's: the dialog's keys
// answer, enter takes the button chosen, ← and → choose; nothing else
// (tab, shift+tab) moves a one-field form.
func formKeys(k keyMap) *huh.KeyMap {
	km := huh.NewDefaultKeyMap()
	km.Quit = key.Binding{} // ctrl+c is the root's: it asks before quitting
	km.Confirm = huh.ConfirmKeyMap{
		Toggle: k.Dialog.Toggle,
		Submit: k.Dialog.Choose,
		Accept: k.Dialog.Yes,
		Reject: k.Dialog.No,
	}
	return km
}

// formTheme is the look of a form in the program's styles: the projector
// theme's bold, full-strength colours included.
func formTheme(st styles) huh.Theme {
	return huh.ThemeFunc(func(isDark bool) *huh.Styles {
		t := huh.ThemeBase(isDark)
		text := lipgloss.NewStyle().Bold(st.Muted.GetBold())
		button := lipgloss.NewStyle().Padding(0, 2).MarginRight(2)
		t.Focused.Base = lipgloss.NewStyle()
		t.Focused.Title = st.Subtitle
		t.Focused.Description = text
		t.Focused.ErrorIndicator = st.Error.SetString(" *")
		t.Focused.ErrorMessage = st.Error
		t.Focused.FocusedButton = button.Inherit(st.Selected).Underline(true) // chosen without colour too
		t.Focused.BlurredButton = button.Inherit(text)
		t.Blurred = t.Focused
		t.Group.Title = st.Subtitle
		t.Group.Description = text
		return t
	})
}

// fitQuestion shortens question until its form (the question wrapped to
// width, a blank line and the buttons) fits in height lines, so that the
// buttons and the question's last sentences stay on a small screen: first
// the longest list ("– …" lines) keeps fewer items and says how many more
// there are, down to two; then the paragraphs after the first lose the
// blank lines between them; last, lines are cut from the end of the list
// part with "…".
func fitQuestion(question string, width, height int) string {
	for formHeight(question, width) > height {
		shorter, ok := trimLongestList(question)
		if !ok {
			break
		}
		question = shorter
	}
	if formHeight(question, width) > height {
		title, desc, found := strings.Cut(question, "\n\n")
		if found {
			question = title + "\n\n" + strings.ReplaceAll(desc, "\n\n", "\n")
		}
	}
	if over := formHeight(question, width) - height; over > 0 {
		lines := strings.Split(ansi.Wrap(question, width, ""), "\n")
		keep := max(len(lines)-over-1, 1)
		question = strings.Join(lines[:keep], "\n") + "\n…"
	}
	return question
}

// formHeight is the number of lines the form of question takes at width:
// the title, a blank line and the other paragraphs, a blank line, the
// buttons.
func formHeight(question string, width int) int {
	return strings.Count(ansi.Wrap(question, width, ""), "\n") + 1 + 2
}

// moreLine is the line that closes a shortened list: "… và 3 đối tượng
// khác".
var moreLine = regexp.MustCompile(`^… và (\d+) (.*)khác\.?$`)

// trimLongestList drops the last item of the longest run of "– " lines
// with more than two, counting it in the "… và N … khác" line after the
// run (added when there is none); ok false when no run is that long.
func trimLongestList(question string) (string, bool) {
	lines := strings.Split(question, "\n")
	best, bestLen := -1, 2
	for i := 0; i < len(lines); {
		j := i
		for j < len(lines) && strings.HasPrefix(lines[j], "– ") {
			j++
		}
		if j-i > bestLen {
			best, bestLen = i, j-i
		}
		i = max(j, i+1)
	}
	if best < 0 {
		return question, false
	}
	last := best + bestLen - 1
	after := last + 1
	n, noun := 1, ""
	if after < len(lines) {
		if m := moreLine.FindStringSubmatch(lines[after]); m != nil {
			k, _ := strconv.Atoi(m[1])
			n, noun = k+1, m[2]
			lines = append(lines[:after], lines[after+1:]...)
		}
	}
	more := fmt.Sprintf("… và %d %skhác", n, noun)
	if noun == "" {
		more = fmt.Sprintf("… và %d dòng khác", n)
	}
	out := append(append(append([]string{}, lines[:last]...), more), lines[after:]...)
	return strings.Join(out, "\n"), true
}
