package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// screen is one page of the program. Every hook the root calls is here;
// a screen embeds base for the hooks it does not need.
type screen interface {
	// title is the screen's heading.
	title() string
	// actions are the keys the screen answers to now, in the order the
	// help shows them. The root matches a key press against them first;
	// the help line is drawn from them, so a key shown is a key handled.
	actions(c *shared) []action
	// typed takes a key no action took: text typed into a field. Screens
	// without a field ignore it.
	typed(c *shared, msg tea.KeyPressMsg) tea.Cmd
	// takesText reports whether the screen is taking text now, so that
	// letters and digits reach typed instead of the program's own keys
	// (q, ?); only ctrl+c still quits.
	takesText() bool
	// view renders the body.
	view(c *shared) string
	// refresh follows a new snapshot of the record (c.rec).
	refresh(c *shared, msg recordMsg) tea.Cmd
	// enter runs when the screen comes on show.
	enter(c *shared) tea.Cmd
	// leave runs when another screen takes its place.
	leave(c *shared)
	// receive takes a message a command addressed to the screen's page.
	receive(c *shared, msg tea.Msg) tea.Cmd
}

// base is the no-op half of the screen contract.
type base struct{}

func (base) typed(*shared, tea.KeyPressMsg) tea.Cmd { return nil }
func (base) takesText() bool                        { return false }
func (base) refresh(*shared, recordMsg) tea.Cmd     { return nil }
func (base) enter(*shared) tea.Cmd                  { return nil }
func (base) leave(*shared)                          {}
func (base) receive(*shared, tea.Msg) tea.Cmd       { return nil }

// action is one key a screen answers to, and what it does.
type action struct {
	key key.Binding
	do  func() tea.Cmd
	// pressed is do for a binding of several keys whose action depends
	// on which was pressed (the digits of the agenda).
	pressed func(msg tea.KeyPressMsg) tea.Cmd
	// short puts the key on the one-line help; every action but a
	// hidden one is in the full help (?).
	short  bool
	hidden bool
}

// act is an action shown on the one-line help.
func act(b key.Binding, do func() tea.Cmd) action { return action{key: b, do: do, short: true} }

// more is an action shown only in the full help.
func more(b key.Binding, do func() tea.Cmd) action { return action{key: b, do: do} }

// refuse is a hidden action: a key that does not apply in this state but
// is pressed often enough to deserve a word on why.
func refuse(b key.Binding, why string) action {
	return action{key: b, do: func() tea.Cmd { return say(why, true) }, hidden: true}
}

// actKey is an action shown on the one-line help that reads which of its
// keys was pressed.
func actKey(b key.Binding, pressed func(tea.KeyPressMsg) tea.Cmd) action {
	return action{key: b, pressed: pressed, short: true}
}

// run makes a function that changes the screen into an action's do.
func run(f func()) func() tea.Cmd {
	return func() tea.Cmd { f(); return nil }
}

// dispatch runs the first action whose key msg is; ok is false when none.
func dispatch(acts []action, msg tea.KeyPressMsg) (tea.Cmd, bool) {
	for _, a := range acts {
		if !key.Matches(msg, a.key) {
			continue
		}
		switch {
		case a.do != nil:
			return a.do(), true
		case a.pressed != nil:
			return a.pressed(msg), true
		}
		return nil, true
	}
	return nil, false
}

// addressed is a message for one page's screen, whatever page is on show.
type addressed struct {
	to  page
	msg tea.Msg
}

// to addresses a message to a page.
func to(p page, msg tea.Msg) tea.Msg { return addressed{to: p, msg: msg} }

// Every screen keeps the contract.
var (
	_ screen = (*startScreen)(nil)
	_ screen = (*secretaryScreen)(nil)
	_ screen = (*overviewScreen)(nil)
	_ screen = (*rollCallScreen)(nil)
	_ screen = (*tellersScreen)(nil)
	_ screen = (*nomineesScreen)(nil)
	_ screen = (*reviewScreen)(nil)
	_ screen = (*roundsScreen)(nil)
	_ screen = (*paperScreen)(nil)
	_ screen = (*boothScreen)(nil)
	_ screen = (*tallyScreen)(nil)
	_ screen = (*conclusionScreen)(nil)
	_ screen = (*previewScreen)(nil)
	_ screen = (*importScreen)(nil)
	_ screen = (*writtenScreen)(nil)
	_ screen = (*remarksScreen)(nil)
)
