package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// chooser is a short list shown in place of a screen's body to choose one
// row from: who spoke, which member is the nominee. The screen that opens
// it gives the rows, the key that chooses and the key that closes it; the
// chooser gives the moves and draws the list under its question.
type chooser struct {
	question string
	rows     []string
	list     *pickList
	choose   key.Binding
	close    key.Binding
	// chosen runs on the row under the cursor; closed when the chooser is
	// put away without a choice.
	chosen func(i int) tea.Cmd
	closed func()
}

// newChooser makes a chooser over rows with the cursor on row at.
func newChooser(k keyMap, question string, rows []string, at int) *chooser {
	ch := &chooser{question: question, rows: rows, list: newPickList(k)}
	pr := make([]pickRow, len(rows))
	for i := range rows {
		pr[i] = pickRow{at: i}
	}
	ch.list.set(pr)
	ch.list.selectAt(at)
	return ch
}

// actions are the chooser's keys: the moves, choose and close.
func (ch *chooser) actions(k keyMap) []action {
	acts := listMoves(ch.list, k)
	if ch.list.len() > 0 {
		acts = append(acts, act(ch.choose, func() tea.Cmd { return ch.chosen(ch.list.at()) }))
	}
	return append(acts, act(ch.close, run(ch.closed)))
}

// view draws the question and the rows, as many as fit in height lines.
func (ch *chooser) view(c *shared, height int) string {
	st := c.styles
	q := strings.Split(ansi.Wrap(ch.question, c.width-2, ""), "\n")
	var b strings.Builder
	for _, l := range q {
		b.WriteString(st.Subtitle.Render(l) + "\n")
	}
	b.WriteString("\n")
	top := strings.Count(b.String(), "\n")
	ch.list.resize(c.width, max(height-top, 1))
	b.WriteString(ch.list.view(c, top, func(r pickRow, selected bool) string {
		line := ansi.Truncate(ch.rows[r.at], c.width-2, "…")
		if selected {
			return st.Selected.Render("› " + line)
		}
		return "  " + line
	}, func(r pickRow, again bool) tea.Cmd {
		if again {
			return ch.chosen(r.at)
		}
		return nil
	}))
	return b.String()
}

// listMoves are a list's moves that apply now: the list turns off its
// page keys while all its rows fit on one page.
func listMoves(p *pickList, k keyMap) []action {
	var out []action
	for _, a := range p.actions(k, true) {
		if a.key.Enabled() {
			out = append(out, a)
		}
	}
	return out
}
