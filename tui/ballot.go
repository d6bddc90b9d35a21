package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"hoidong/model"
	"hoidong/voting"
)

// ballot is one member's ballot while it is marked: at the booth by the
// member, and at the written-ballot screen by the counting committee
// reading an absent member's envelope. Both screens mark, move and draw it
// with the same code, so that a written ballot is entered exactly as a
// booth ballot is cast. The lines the member must leave blank (the
// nominees they are, or head, when the plan has nominated members recuse
// themselves) are shown blank and take no mark.
type ballot struct {
	marks  []int8 // per nominee of the round: markNone, markAgree, markDisagree
	blank  []bool // per nominee: the member leaves it blank
	cursor int
}

// Ballot marks.
const (
	markNone     int8 = 0
	markAgree    int8 = 1
	markDisagree int8 = 2
)

// recusedLine is what a blank line of a ballot says after the nominee's
// name, its box saying "để trống".
const recusedLine = "(đồng chí là người được đề nghị)"

// newBallot opens member's ballot for round r, with the lines the member
// leaves blank, the cursor on the first line to mark.
func newBallot(r model.Round, member int64) *ballot {
	b := &ballot{marks: make([]int8, len(r.Nominees)), blank: make([]bool, len(r.Nominees))}
	for _, id := range model.RecusesFrom(r, member) {
		if i := slices.Index(r.Nominees, id); i >= 0 {
			b.blank[i] = true
		}
	}
	b.cursor = b.nextMarkable(-1)
	return b
}

// clear forgets every mark, overwriting them first.
func (b *ballot) clear() {
	if b == nil {
		return
	}
	for i := range b.marks {
		b.marks[i] = markNone
	}
	b.marks, b.blank, b.cursor = nil, nil, 0
}

// nextMarkable is the first line after i that takes a mark, or i itself
// (at least 0) when none does.
func (b *ballot) nextMarkable(i int) int {
	for j := i + 1; j < len(b.marks); j++ {
		if !b.blank[j] {
			return j
		}
	}
	return clamp(i, len(b.marks))
}

// mark puts m on the line under the cursor and moves to the next line to
// mark; on a blank line it changes nothing and says why.
func (b *ballot) mark(m int8) string {
	if len(b.marks) == 0 {
		return ""
	}
	if b.blank[b.cursor] {
		return "Dòng này để trống, không đánh dấu được: đồng chí là người được đề nghị."
	}
	b.marks[b.cursor] = m
	b.cursor = b.nextMarkable(b.cursor)
	return ""
}

// agreeRest marks "đồng ý" every line still unmarked, the blank ones apart.
func (b *ballot) agreeRest() {
	for i := range b.marks {
		if b.marks[i] == markNone && !b.blank[i] {
			b.marks[i] = markAgree
		}
	}
}

// move shifts the cursor by d lines, stopping at either end.
func (b *ballot) move(d int) { b.cursor = clamp(b.cursor+d, len(b.marks)) }

// counts sums the marks, and the lines left blank.
func (b *ballot) counts() (agree, disagree, blank int) {
	for i, mk := range b.marks {
		switch {
		case b.blank[i]:
			blank++
		case mk == markAgree:
			agree++
		case mk == markDisagree:
			disagree++
		}
	}
	return
}

// firstUnmarked is the first line still to mark, or -1.
func (b *ballot) firstUnmarked() int {
	for i, mk := range b.marks {
		if mk == markNone && !b.blank[i] {
			return i
		}
	}
	return -1
}

// unmarked counts the lines still to mark.
func (b *ballot) unmarked() int {
	n := 0
	for i, mk := range b.marks {
		if mk == markNone && !b.blank[i] {
			n++
		}
	}
	return n
}

// choices are the ballot's marks for the store: agree or not per nominee
// of round r, none for a blank line.
func (b *ballot) choices(r model.Round) map[int64]bool {
	out := make(map[int64]bool, len(r.Nominees))
	for i, id := range r.Nominees {
		if i < len(b.marks) && !b.blank[i] {
			out[id] = b.marks[i] == markAgree
		}
	}
	return out
}

// moves are the keys that move the cursor over the ballot, page lines at
// a time for the page keys; none is on the one-line help.
func (b *ballot) moves(k keyMap, page int) []action {
	page = max(page, 1)
	return []action{
		more(k.Up, run(func() { b.move(-1) })),
		more(k.Down, run(func() { b.move(1) })),
		more(k.Home, run(func() { b.cursor = 0 })),
		more(k.End, run(func() { b.cursor = max(len(b.marks)-1, 0) })),
		more(k.PageUp, run(func() { b.move(-page) })),
		more(k.PageDown, run(func() { b.move(page) })),
	}
}

// progress is the line that counts the marks: "Đã đánh dấu 3/5: đồng ý 2,
// không đồng ý 1.", with the blank lines apart.
func (b *ballot) progress() string {
	agree, disagree, blank := b.counts()
	s := fmt.Sprintf("Đã đánh dấu %d/%d: đồng ý %d, không đồng ý %d", agree+disagree, len(b.marks)-blank, agree, disagree)
	if blank > 0 {
		s += fmt.Sprintf(", để trống %d", blank)
	}
	return s + "."
}

// markingHelp is the two lines over a ballot being marked: the keys that
// mark it (and, in a re-vote, how many may be agreed with), and how many
// lines are marked.
func markingHelp(c *shared, r model.Round, b *ballot) string {
	bk := c.keys.Booth
	how := hints(bk.Agree, bk.Disagree, bk.AgreeRest)
	if places, ok := voting.NewIndex(c.rec).PlacesAtStake(r); ok {
		how = fmt.Sprintf("Chọn tối đa %d: đồng ý với nhiều nhất %d đối tượng. ", places, places) + hints(bk.Agree, bk.Disagree)
	}
	done := b.progress() + " Xong thì nhấn " + keyName(bk.Review) + " để xem lại."
	if lipgloss.Width(done) > c.width {
		done = b.progress() + " " + hint(bk.Review) + "."
	}
	return ansi.Truncate(how, c.width, "…") + "\n" + c.styles.Muted.Render(ansi.Truncate(done, c.width, "…")) + "\n"
}

// lines draws as many lines of the ballot as rows allows, the cursor's
// line among them.
func (b *ballot) lines(c *shared, r model.Round, rows int) string {
	var out strings.Builder
	start := window(b.cursor, len(r.Nominees), rows)
	for i := start; i < len(r.Nominees) && i < len(b.marks) && i < start+rows; i++ {
		out.WriteString(b.line(c, r, i) + "\n")
	}
	return out.String()
}

// line is one nominee of the ballot with its mark, or blank.
func (b *ballot) line(c *shared, r model.Round, i int) string {
	st := c.styles
	name := "?"
	if n, ok := c.rec.NomineeByID(r.Nominees[i]); ok {
		name = n.Name
		if n.Unit != "" && n.Kind == model.KindIndividual && !b.blank[i] {
			name += " – " + n.Unit
		}
	}
	box := "[" + strings.Repeat(" ", 12) + "]"
	var tail string
	switch {
	case b.blank[i]:
		box = st.Muted.Render("[" + lipgloss.PlaceHorizontal(12, lipgloss.Center, "để trống") + "]")
		tail = " " + st.Muted.Render(recusedLine)
	case b.marks[i] == markAgree:
		box = st.Good.Render("[" + lipgloss.PlaceHorizontal(12, lipgloss.Left, "Đồng ý") + "]")
	case b.marks[i] == markDisagree:
		box = st.Bad.Render("[" + lipgloss.PlaceHorizontal(12, lipgloss.Left, "Không đồng ý") + "]")
	}
	room := max(c.width-24-lipgloss.Width(tail), 12)
	line := fmt.Sprintf("%3d. %s", i+1, ansi.Truncate(name, room, "…"))
	if i == b.cursor {
		return ansi.Truncate(st.Selected.Render("›")+" "+box+" "+st.Selected.Render(line)+tail, c.width, "…")
	}
	return ansi.Truncate("  "+box+" "+line+tail, c.width, "…")
}

// summary sums the ballot up before it is cast: the counts in a box, the
// nominees disagreed with, and those left blank, in at most rows lines of
// names.
func (b *ballot) summary(c *shared, r model.Round, rows int) string {
	st := c.styles
	agree, disagree, blank := b.counts()
	figures := fmt.Sprintf("Đồng ý %d · Không đồng ý %d", agree, disagree)
	if blank > 0 {
		figures += fmt.Sprintf(" · Để trống %d", blank)
	}
	var out strings.Builder
	out.WriteString(st.Box.Render(figures) + "\n\n")
	names := func(head string, n int, keep func(i int) bool) {
		if n == 0 {
			return
		}
		out.WriteString(head + "\n")
		shown := 0
		for i, id := range r.Nominees {
			if i >= len(b.marks) || !keep(i) {
				continue
			}
			if shown == max(rows, 1) {
				out.WriteString(fmt.Sprintf("  … và %d đối tượng khác\n", n-shown))
				break
			}
			if nr, ok := c.rec.NomineeByID(id); ok {
				out.WriteString("  – " + ansi.Truncate(nr.Name, c.width-6, "…") + "\n")
			}
			shown++
		}
		out.WriteString("\n")
	}
	names("Không đồng ý với:", disagree, func(i int) bool { return !b.blank[i] && b.marks[i] == markDisagree })
	names("Để trống (đồng chí là người được đề nghị):", blank, func(i int) bool { return b.blank[i] })
	return out.String()
}
