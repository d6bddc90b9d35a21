package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"
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
