// Package tui is the secretary's terminal program and the voting booth:
// a root model routing to one screen at a time.
//
// To add a screen: give it a page constant below (and its name in
// page.String), write it in a file of its own as a type that embeds base
// and implements screen (screen.go: its title, the actions its keys run,
// its view, and whichever hooks it needs), add its compile-time check to
// screen.go, put it in New's map, and give its keys a group in keys.go.
// The root does the rest: it matches keys against the screen's actions,
// draws the help line from them, sends esc to the page's parent, and
// routes a command's addressed message to the page it names.
package tui

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	"charm.land/bubbles/v2/textinput"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"hoidong/model"
	"hoidong/store"
	"hoidong/voting"
)

// MinWidth and MinHeight are the smallest terminal the program lays out in.
const (
	MinWidth  = 80
	MinHeight = 24
)

// page names a screen of the program.
type page int

// The program's screens.
const (
	pageLoading    page = iota // before the first snapshot
	pageStart                  // a file without a meeting (start.go)
	pageOverview               // the agenda (overview.go)
	pageRollCall               // roll call and voting codes (rollcall.go)
	pageTellers                // the counting committee (tellers.go)
	pageNominees               // the list of nominees (nominees.go)
	pageReview                 // one nominee's review (review.go)
	pageRounds                 // ballot rounds (rounds.go)
	pageBooth                  // the voting booth (booth.go)
	pageTally                  // the results of closed rounds (tally.go)
	pageConclusion             // the recommended list and the close (conclusion.go)
	pageImport                 // import registrations (importscreen.go)
	pagePreview                // preview and write documents (preview.go)
	pagePaper                  // enter the counts of a paper round (paper.go)
	pageSecretary              // choose the secretary code (secretary.go)
	pageWritten                // enter the written ballots of absent members (written.go)
	pageRemarks                // who said what, about a nominee or the meeting (remarks.go)
)

// String returns the page's name for logs and tests.
func (p page) String() string {
	return [...]string{"loading", "start", "overview", "rollcall", "tellers", "nominees", "review", "rounds", "booth",
		"tally", "conclusion", "import", "preview", "paper", "secretary", "written", "remarks"}[p]
}

// parent is the page esc goes back to from p: one level up.
func (p page) parent() page {
	switch p {
	case pageReview:
		return pageNominees
	case pagePreview:
		return pageConclusion
	case pagePaper, pageWritten:
		return pageRounds
	}
	return pageOverview
}

// Options configure the program.
type Options struct {
	// Store is the open meeting database.
	Store *store.Store
	// Notice is shown under the title, e.g. where a demo file lives.
	Notice string
	// ExportDir is the folder the conclusion screen suggests for documents.
	ExportDir string
	// BoothOnly runs just the voting booth, for a second terminal.
	BoothOnly bool
	// DemoCode is the secretary code the demo chose for the user, shown on
	// the agenda so that the demo stays one command.
	DemoCode string
	// ViewOnly, when set, says why the file cannot be written: the program
	// offers to show it without changing anything, and changes nothing.
	ViewOnly string
	// Theme is the look to start with; ThemeAuto follows the terminal.
	Theme Theme
}

// shared is what every screen reads: the record and the look, and the
// queue of writes.
type shared struct {
	ctx context.Context // cancelled when the program quits
	st  *store.Store
	rec *model.Record
	// version is the file's data version when rec was read (see poll).
	version int64
	keys    keyMap
	styles  styles
	theme   Theme
	dark    bool      // the terminal's background is dark
	now     time.Time // the time the status bar shows, from the last tick
	width   int
	height  int // height of the body area

	busy      string // what slow thing is under way, for the spinner; "" for none
	exportDir string // where documents and code slips are written by default
	logPath   string // where the technical detail of a failure is written
	exported  exported

	queue      []job // writes waiting to run, in the order asked
	writing    bool  // a write is running
	generation int   // writes started so far; older snapshots are dropped

	// boothLocked is set while the in-program booth is on screen: every
	// key goes to the booth and nothing leads elsewhere until the
	// secretary code has been checked.
	boothLocked bool
	// hits are what a mouse click on a line of the body does, as the last
	// view drew it: the lines of a list select their row.
	hits map[int]func() tea.Cmd

	// secretary is the key the secretary code opened when the secretary
	// last left the booth, kept to close the round without asking again;
	// forgotten when the booth opens again or the round closes.
	secretary *store.SecretaryKey
}

// exported is the last set of documents written.
type exported struct {
	paths []string
	draft bool // written before the meeting closed
}

// forgetSecretary drops the secretary's key from memory.
func (c *shared) forgetSecretary() {
	if c.secretary != nil {
		c.secretary.Forget()
		c.secretary = nil
	}
}

// Model is the root of the program.
type Model struct {
	opts    Options
	sh      shared
	cancel  context.CancelFunc
	help    help.Model
	page    page
	screens map[page]screen

	dialog *dialog
	input  *input

	status     string
	statusErr  bool
	quitting   bool
	termHeight int

	spin     spinner.Model // turns while something slow is under way
	spinning bool
}

// dialog is a yes/no question over the current screen: a huh form
// (confirm.go), or, when strict, a question only one key answers yes.
type dialog struct {
	question string
	yes      tea.Cmd
	write    *job // queued when the answer is yes, instead of yes
	form     *huh.Form
	answer   bool        // the form's answer
	confirm  key.Binding // the one key of a strict question
	strict   bool        // only confirm answers; every other key cancels
	no       tea.Cmd     // run when the answer is no
	quits    bool        // the question is whether to quit
}

// input asks for one line of text over the current screen.
type input struct {
	label  string
	field  textinput.Model
	submit func(string) tea.Cmd
}

// New builds the root model.
func New(opts Options) *Model {
	ctx, cancel := context.WithCancel(context.Background())
	m := &Model{
		opts:   opts,
		cancel: cancel,
		sh: shared{
			ctx:    ctx,
			st:     opts.Store,
			keys:   newKeyMap(),
			styles: newStyles(opts.Theme, true),
			theme:  opts.Theme,
			dark:   true,
			width:  MinWidth,
			height: MinHeight - 4,

			exportDir: opts.ExportDir,
			logPath:   logPathFor(opts.Store),
		},
		help: help.New(),
		page: pageLoading,
		spin: spinner.New(spinner.WithSpinner(spinner.Dot)),
	}
	m.restyle()
	if opts.ViewOnly != "" {
		m.openDialog(&dialog{
			question: opts.ViewOnly + "\n\nMở tệp để xem (chỉ đọc, không thay đổi gì)? Trả lời không thì chương trình thoát.",
			no:       tea.Quit,
		})
	}
	list := newNomineesScreen(m.sh.keys)
	m.screens = map[page]screen{
		pageStart:      &startScreen{},
		pageSecretary:  &secretaryScreen{},
		pageOverview:   &overviewScreen{demoCode: opts.DemoCode, list: newPickList(m.sh.keys)},
		pageRollCall:   &rollCallScreen{list: newPickList(m.sh.keys)},
		pageTellers:    &tellersScreen{list: newPickList(m.sh.keys)},
		pageNominees:   list,
		pageReview:     &reviewScreen{neighbour: list.neighbour},
		pageRounds:     &roundsScreen{list: newPickList(m.sh.keys)},
		pagePaper:      &paperScreen{list: newPickList(m.sh.keys)},
		pageBooth:      &boothScreen{boothOnly: opts.BoothOnly},
		pageTally:      &tallyScreen{list: newPickList(m.sh.keys), choice: newPickList(m.sh.keys)},
		pageConclusion: &conclusionScreen{},
		pagePreview:    &previewScreen{exportDir: opts.ExportDir, page: viewport.New()},
		pageImport:     &importScreen{},
		pageWritten:    &writtenScreen{list: newPickList(m.sh.keys)},
		pageRemarks:    &remarksScreen{list: newPickList(m.sh.keys)},
	}
	return m
}

// logPathFor names the log file beside the database: "hoidong.db.log".
func logPathFor(st *store.Store) string {
	if st == nil || st.Path() == "" {
		return ""
	}
	return st.Path() + ".log"
}

// Run runs the program in the terminal until the user quits.
func Run(opts Options) error {
	m := New(opts)
	defer m.cancel()
	// 30 frames a second is more than a room reads, and an idle program
	// wakes half as often as at the default 60.
	_, err := tea.NewProgram(m, tea.WithFilter(filter), tea.WithFPS(30)).Run()
	if errors.Is(err, tea.ErrInterrupted) {
		return nil
	}
	return err
}

// filter keeps an interrupt (ctrl+c where the terminal still turns it into
// a signal) from ending the program while the in-program booth is on
// screen: only the secretary code leaves the booth.
func filter(m tea.Model, msg tea.Msg) tea.Msg {
	if root, ok := m.(*Model); ok && root.sh.boothLocked {
		if _, interrupt := msg.(tea.InterruptMsg); interrupt {
			return nil
		}
	}
	return msg
}

// Init implements tea.Model.
func (m *Model) Init() tea.Cmd {
	return tea.Batch(load(m.sh.ctx, m.sh.st, 0), tea.RequestBackgroundColor, tick())
}

// Page reports the current page's name, for tests.
func (m *Model) Page() string { return m.page.String() }

// Status reports the status line, for tests.
func (m *Model) Status() string { return m.status }

// Record returns the last snapshot, for tests.
func (m *Model) Record() *model.Record { return m.sh.rec }

// quit ends the program: the context every store call receives is
// cancelled, so a write in flight ends cleanly.
func (m *Model) quit() tea.Cmd {
	m.quitting = true
	m.cancel()
	return tea.Quit
}

// Update implements tea.Model.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if t, ok := msg.(spinner.TickMsg); ok {
		if m.sh.busy == "" {
			m.spinning = false
			return m, nil
		}
		var cmd tea.Cmd
		m.spin, cmd = m.spin.Update(t)
		return m, cmd
	}
	var cmd tea.Cmd
	if m.sh.boothLocked {
		cmd = m.updateLocked(msg)
	} else {
		cmd = m.update(msg)
	}
	if m.sh.busy != "" && !m.spinning {
		m.spinning = true
		cmd = tea.Batch(cmd, m.spin.Tick)
	}
	return m, cmd
}

// update handles a message outside the booth.
func (m *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.sh.width = msg.Width
		m.help.SetWidth(msg.Width)
		m.layout(msg.Height)
		if m.dialog != nil && m.dialog.form != nil {
			sizeConfirm(&m.sh, m.dialog.form)
		}
	case tea.BackgroundColorMsg:
		m.sh.dark = msg.IsDark()
		m.restyle()
	case recordMsg:
		return m.onRecord(msg)
	case tickMsg:
		m.sh.now = msg.at
		return m.onTick()
	case tea.KeyPressMsg:
		return m.onKey(msg)
	case tea.PasteMsg:
		return m.onPaste(msg)
	case tea.MouseClickMsg:
		return m.onClick(msg)
	default:
		return m.onCommand(msg)
	}
	return nil
}

// restyle builds the styles of the theme on the terminal's background.
func (m *Model) restyle() {
	m.sh.styles = newStyles(m.sh.theme, m.sh.dark)
	dark := m.sh.dark
	if m.sh.theme == ThemeDark || m.sh.theme == ThemeProjector {
		dark = true
	} else if m.sh.theme == ThemeLight {
		dark = false
	}
	m.help.Styles = help.DefaultStyles(dark)
	if m.dialog != nil && m.dialog.form != nil {
		m.dialog.form.WithTheme(formTheme(m.sh.styles))
	}
	if m.sh.theme == ThemeProjector {
		// The help line is read from the back of the room: no dim grey.
		m.help.Styles.ShortKey = m.sh.styles.Title
		m.help.Styles.ShortDesc = m.sh.styles.Subtitle
		m.help.Styles.ShortSeparator = m.sh.styles.Subtitle
		m.help.Styles.FullKey = m.sh.styles.Title
		m.help.Styles.FullDesc = m.sh.styles.Subtitle
		m.help.Styles.FullSeparator = m.sh.styles.Subtitle
		m.help.Styles.Ellipsis = m.sh.styles.Subtitle
	}
}

// onClick selects the row of a list that was clicked; a second click on
// the row selected opens it, as enter would.
func (m *Model) onClick(msg tea.MouseClickMsg) tea.Cmd {
	if msg.Button != tea.MouseLeft || m.input != nil || m.dialog != nil {
		return nil
	}
	if f, ok := m.sh.hits[msg.Y-2]; ok { // under the title and the notice lines
		return f()
	}
	return nil
}

// hit records what a click on line y of the body does.
func (c *shared) hit(y int, f func() tea.Cmd) {
	if c.hits == nil {
		c.hits = map[int]func() tea.Cmd{}
	}
	c.hits[y] = f
}

// onTick reloads the record where the screen follows progress that can
// come from a booth in another process.
func (m *Model) onTick() tea.Cmd {
	if m.sh.rec != nil && !m.sh.writing && (m.page == pageRounds || m.page == pageBooth || m.page == pageOverview) {
		return tea.Batch(tick(), poll(m.sh.ctx, m.sh.st, m.sh.generation, m.sh.version))
	}
	return tick()
}

// onCommand takes what a command sent back: a page to show, a message for
// a page, a question, a prompt, a status line, written documents.
func (m *Model) onCommand(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case navigateMsg:
		return m.go2(msg.to)
	case addressed:
		if s, ok := m.screens[msg.to]; ok {
			return s.receive(&m.sh, msg.msg)
		}
	case quitMsg:
		return m.quit()
	case askMsg:
		d := &dialog{question: msg.question, yes: msg.yes, write: msg.write, quits: msg.quits}
		if msg.confirm != nil {
			d.confirm, d.strict = *msg.confirm, true
		}
		m.openDialog(d)
	case inputMsg:
		return m.openInput(msg)
	case statusMsg:
		m.status, m.statusErr = msg.text, msg.err
	case exportedMsg:
		m.onExported(msg)
	case leaveBoothMsg:
		if msg.key != nil {
			msg.key.Forget() // the booth is not on screen: nobody asked
		}
	default:
		if m.dialog != nil && m.dialog.form != nil {
			return m.onDialogForm(msg) // the form's own messages: next field, done
		}
		if m.input != nil {
			var cmd tea.Cmd
			m.input.field, cmd = m.input.field.Update(msg)
			return cmd
		}
	}
	return nil
}

// openDialog puts a question over the screen.
func (m *Model) openDialog(d *dialog) {
	if !d.strict {
		d.form = newConfirm(&m.sh, d.question, &d.answer)
	}
	if m.statusErr {
		// An error under a new question is about an earlier try.
		m.status, m.statusErr = "", false
	}
	m.dialog = d
}

// onDialogForm passes a message to the question's form and, once the form
// is answered, acts on the answer.
func (m *Model) onDialogForm(msg tea.Msg) tea.Cmd {
	d := m.dialog
	f, cmd := d.form.Update(msg)
	if form, ok := f.(*huh.Form); ok {
		d.form = form
	}
	if d.form.State == huh.StateNormal {
		return cmd
	}
	m.dialog = nil
	return tea.Batch(cmd, m.answer(d, d.form.State == huh.StateCompleted && d.answer))
}

// answer acts on the answer to question d.
func (m *Model) answer(d *dialog, yes bool) tea.Cmd {
	switch {
	case yes && d.write != nil:
		return m.sh.enqueue(*d.write)
	case yes:
		return d.yes
	case d.no != nil:
		return m.quit()
	}
	return nil
}

// openInput shows a one-line prompt over the screen.
func (m *Model) openInput(msg inputMsg) tea.Cmd {
	f := textinput.New()
	f.Prompt = "› "
	sty := textinput.DefaultStyles(true)
	sty.Cursor.Blink = false // a steady cursor; no timer to wait for
	f.SetStyles(sty)
	f.SetWidth(m.sh.width - 8)
	f.SetValue(msg.value)
	f.CharLimit = 2000
	if msg.secret {
		f.EchoMode, f.EchoCharacter = textinput.EchoPassword, '●'
		f.CharLimit = maxSecretaryCode
	}
	m.input = &input{label: msg.label, field: f, submit: msg.submit}
	return m.input.field.Focus()
}

// onExported takes the result of writing documents.
func (m *Model) onExported(msg exportedMsg) {
	m.sh.busy = ""
	if msg.err != nil {
		m.status, m.statusErr = model.Message(msg.err), true
		return
	}
	m.sh.exported = exported{paths: msg.paths, draft: msg.draft}
	m.status, m.statusErr = fmt.Sprintf("Đã xuất %d tệp.", len(msg.paths)), false
	if msg.draft {
		m.status = fmt.Sprintf("Đã xuất %d tệp DỰ THẢO: phiên họp chưa kết thúc.", len(msg.paths))
	}
}

// onPaste puts pasted text into the open prompt or the field the screen
// is taking text into.
func (m *Model) onPaste(msg tea.PasteMsg) tea.Cmd {
	if m.input != nil {
		var cmd tea.Cmd
		m.input.field, cmd = m.input.field.Update(msg)
		return cmd
	}
	if p, ok := m.current().(interface {
		paste(*shared, tea.PasteMsg) tea.Cmd
	}); ok && m.current().takesText() {
		return p.paste(&m.sh, msg)
	}
	return nil
}

// updateLocked handles a message while the in-program booth is on screen.
// Keys, pastes and whatever a command sends back stay inside the booth;
// only a checked secretary code (unlockMsg) opens the way out.
func (m *Model) updateLocked(msg tea.Msg) tea.Cmd {
	booth := m.screens[pageBooth]
	switch msg := msg.(type) {
	case tea.WindowSizeMsg, tea.BackgroundColorMsg, tickMsg:
		m.sh.boothLocked = false
		_, cmd := m.Update(msg)
		m.sh.boothLocked = true
		return cmd
	case recordMsg:
		msg.then = pageLoading // no write leads away from the booth
		m.sh.boothLocked = false
		cmd := m.onRecord(msg)
		m.sh.boothLocked = true
		m.page = pageBooth
		return cmd
	case addressed:
		if msg.to != pageBooth {
			return nil
		}
		return booth.receive(&m.sh, msg.msg)
	case leaveBoothMsg:
		// Only the booth sends it, once the store has checked the code.
		m.sh.forgetSecretary()
		m.sh.secretary = msg.key
		m.sh.boothLocked = false
		cmd := m.go2(pageRounds)
		m.status, m.statusErr = "Thư ký đã rời phòng bỏ phiếu.", false
		return cmd
	case tea.KeyPressMsg:
		if cmd, ok := dispatch(booth.actions(&m.sh), msg); ok {
			return cmd
		}
		return booth.typed(&m.sh, msg)
	}
	// Pastes, navigation, questions, prompts and anything else a command
	// sends back are dropped: the booth offers nothing but voting.
	return nil
}

// layout sizes the body for a terminal height.
func (m *Model) layout(total int) {
	helpLines := 1
	if m.help.ShowAll {
		helpLines = lipgloss.Height(m.help.View(m.helpFor(m.current())))
	}
	// title, notice/blank, status, help
	m.sh.height = max(total-3-helpLines, 1)
	m.termHeight = total
}

// current returns the active screen.
func (m *Model) current() screen {
	if s, ok := m.screens[m.page]; ok {
		return s
	}
	return m.screens[pageStart]
}

// onRecord takes a fresh snapshot.
func (m *Model) onRecord(msg recordMsg) tea.Cmd {
	var cmds []tea.Cmd
	if msg.job {
		m.sh.writing, m.sh.busy = false, ""
		if msg.failed != nil {
			msg.err = m.failed(msg)
		}
		cmds = append(cmds, m.sh.kick())
	} else if msg.gen < m.sh.generation {
		return nil // a plain load overtaken by a write: its snapshot is stale
	}
	defer func() {
		// After any move to another page, which clears the status line.
		if msg.err != nil {
			m.status, m.statusErr = model.Message(msg.err), true
		} else if msg.ack != "" {
			m.status, m.statusErr = msg.ack, false
		}
	}()
	if msg.none {
		m.sh.rec = nil
		m.page = pageStart
		if m.opts.BoothOnly {
			msg.err = model.Errorf(model.ENotFound, "Tệp chưa có phiên họp. Thư ký cần tạo phiên họp trước.")
		}
		return tea.Batch(cmds...)
	}
	if msg.rec == nil {
		return tea.Batch(cmds...)
	}
	m.sh.rec = msg.rec
	m.sh.version = msg.version
	if m.sh.exported.draft && msg.rec.Meeting.Status == model.MeetingClosed {
		m.sh.exported = exported{} // a draft is never shown as the final documents
	}
	for _, s := range m.screens {
		cmds = append(cmds, s.refresh(&m.sh, msg))
	}
	if msg.notify != nil {
		if a, ok := msg.notify.(addressed); ok {
			if s, ok := m.screens[a.to]; ok {
				cmds = append(cmds, s.receive(&m.sh, a.msg))
			}
		}
	}
	return tea.Batch(append(cmds, m.pageAfter(msg))...)
}

// failed handles a write that failed: the writes queued after it assumed
// it would succeed and are dropped, the screen goes back where the failed
// one began, and the error says what was not recorded.
func (m *Model) failed(msg recordMsg) error {
	m.sh.queue = nil
	if msg.failed.undo != nil {
		msg.failed.undo()
	}
	return failure(msg.failed.failedWhat(), msg.err, msg.logged)
}

// pageAfter shows the page a snapshot leads to: the one the write asked
// for, the first page once a meeting is there, the secretary code first
// of all while it is missing.
func (m *Model) pageAfter(msg recordMsg) tea.Cmd {
	var cmds []tea.Cmd
	if msg.then != pageLoading {
		cmds = append(cmds, m.go2(msg.then))
	}
	if m.page == pageLoading || m.page == pageStart {
		first := pageOverview
		if m.opts.BoothOnly {
			first = pageBooth
		}
		cmds = append(cmds, m.go2(first))
	}
	if m.needsSecretary() && m.page != pageSecretary {
		cmds = append(cmds, m.go2(pageSecretary))
	}
	return tea.Batch(cmds...)
}

// needsSecretary reports whether the secretary must choose the secretary
// code before anything else: an open meeting without one.
func (m *Model) needsSecretary() bool {
	r := m.sh.rec
	return !m.opts.BoothOnly && m.opts.ViewOnly == "" && r != nil && r.Meeting.Status == model.MeetingOpen && !r.Meeting.SecretarySet
}

// go2 switches page.
func (m *Model) go2(p page) tea.Cmd {
	if (m.opts.BoothOnly || m.sh.boothLocked) && p != pageBooth {
		return nil
	}
	if m.needsSecretary() && p != pageSecretary {
		return nil
	}
	if p == pageBooth && m.opts.ViewOnly != "" {
		m.status, m.statusErr = "Tệp đang mở chỉ để xem; không bỏ phiếu được.", true
		return nil
	}
	if m.page != p {
		if s, ok := m.screens[m.page]; ok {
			s.leave(&m.sh)
		}
		m.status, m.statusErr = "", false
	}
	if p == pageBooth && !m.opts.BoothOnly {
		m.dialog, m.input = nil, nil
		m.sh.forgetSecretary()
		m.sh.boothLocked = true
	}
	m.page = p
	var cmd tea.Cmd
	if s, ok := m.screens[p]; ok {
		cmd = s.enter(&m.sh)
	}
	m.layout(m.termHeight)
	return cmd
}

// onKey routes a key press: overlays first, then the screen's actions,
// then the program's own keys, then text for the screen's field.
func (m *Model) onKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case m.input != nil:
		return m.onInputKey(msg)
	case m.dialog != nil:
		return m.onDialogKey(msg)
	case m.page == pageLoading:
		if key.Matches(msg, m.sh.keys.QuitTyping) {
			return m.quit()
		}
		return nil
	case key.Matches(msg, m.sh.keys.QuitTyping) && m.page != pageBooth:
		return m.askQuit()
	}
	s := m.current()
	if cmd, ok := dispatch(s.actions(&m.sh), msg); ok {
		return cmd
	}
	if m.page == pageBooth || s.takesText() && !key.Matches(msg, m.sh.keys.QuitTyping) {
		return s.typed(&m.sh, msg) // the separate booth, or a field: nothing else
	}
	if cmd, ok := m.programKey(msg); ok {
		return cmd
	}
	return s.typed(&m.sh, msg)
}

// quitMsg quits once the question was answered yes.
type quitMsg struct{}

// askQuit asks before ending the program.
func (m *Model) askQuit() tea.Cmd {
	return func() tea.Msg {
		return askMsg{question: "Thoát chương trình?\n\nMọi thao tác đã được ghi vào tệp; mở lại là tiếp tục đúng chỗ.",
			yes: func() tea.Msg { return quitMsg{} }, quits: true}
	}
}

// programKey runs the program's own keys: quit, help, back one level.
func (m *Model) programKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := m.sh.keys
	switch {
	case key.Matches(msg, k.Quit):
		return m.quit(), true
	case key.Matches(msg, k.Help):
		m.help.ShowAll = !m.help.ShowAll
		m.layout(m.termHeight)
		return nil, true
	case key.Matches(msg, k.Theme):
		m.sh.theme = m.sh.theme.next()
		m.restyle()
		return say("Giao diện: "+m.sh.theme.Label()+".", false), true
	case key.Matches(msg, k.Back) && m.page != pageOverview && m.page != pageStart:
		return m.go2(m.page.parent()), true
	}
	return nil, false
}

// onInputKey handles a key while a prompt is open.
func (m *Model) onInputKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.sh.keys.Input
	switch {
	case key.Matches(msg, m.sh.keys.QuitTyping):
		m.input = nil
		return m.askQuit()
	case key.Matches(msg, k.Submit):
		in := m.input
		m.input = nil
		return in.submit(strings.TrimSpace(in.field.Value()))
	case key.Matches(msg, k.Cancel):
		m.input = nil
		return nil
	}
	var cmd tea.Cmd
	m.input.field, cmd = m.input.field.Update(msg)
	return cmd
}

// onDialogKey handles a key while a question is open: ctrl+c asks to
// quit (or quits, when that was the question); the form takes the rest;
// a strict question is answered yes by its one key and no by any other.
func (m *Model) onDialogKey(msg tea.KeyPressMsg) tea.Cmd {
	d := m.dialog
	switch {
	case key.Matches(msg, m.sh.keys.QuitTyping) && !m.opts.BoothOnly:
		m.dialog = nil
		if d.quits {
			return m.quit() // ctrl+c twice
		}
		return m.askQuit()
	case d.form != nil:
		return m.onDialogForm(msg)
	}
	m.dialog = nil
	return m.answer(d, key.Matches(msg, d.confirm))
}

// helpFor draws a screen's help from its actions: the short line holds
// the actions marked short, then the program's own keys; the full help
// holds every action.
func (m *Model) helpFor(s screen) bindings {
	k := m.sh.keys
	var short, all []key.Binding
	taken := map[string]bool{}
	for _, a := range s.actions(&m.sh) {
		for _, kk := range a.key.Keys() {
			taken[kk] = true
		}
		if a.hidden {
			continue
		}
		if a.short {
			short = append(short, a.key)
		}
		all = append(all, a.key)
	}
	if m.page == pageBooth {
		return bindings{short: short, full: [][]key.Binding{all}}
	}
	var own, ownShort []key.Binding
	switch {
	case s.takesText():
		own = []key.Binding{k.QuitTyping}
		ownShort = own
	case m.page == pageOverview || m.page == pageStart:
		own = []key.Binding{k.Help, k.Quit}
		ownShort = own
	default:
		own = []key.Binding{k.Back, k.Help, k.Quit}
		ownShort = own[:2]
	}
	// A key the screen takes for itself (esc while choosing) is not the
	// program's any more.
	free := func(bs []key.Binding) []key.Binding {
		var out []key.Binding
		for _, b := range bs {
			if !taken[b.Keys()[0]] {
				out = append(out, b)
			}
		}
		return out
	}
	return bindings{short: append(short, free(ownShort)...), full: [][]key.Binding{all, free(own)}}
}

// View implements tea.Model.
func (m *Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	if m.page != pageBooth {
		v.MouseMode = tea.MouseModeCellMotion // clicks select rows; the booth takes keys only
	}
	v.WindowTitle = "hoidong"
	if m.page == pageBooth {
		v.WindowTitle = "hoidong – phòng bỏ phiếu"
	}
	return v
}

// render draws the whole screen as text.
func (m *Model) render() string {
	w, h := m.sh.width, m.termHeight
	switch {
	case m.quitting:
		return ""
	case w < MinWidth || h < MinHeight:
		return lipgloss.Place(max(w, 1), max(h, 1), lipgloss.Center, lipgloss.Center,
			lipgloss.NewStyle().Width(min(max(w, 10), 60)).Render(fmt.Sprintf(
				"Cửa sổ quá nhỏ (%d×%d). Hãy phóng to cửa sổ lên ít nhất %d×%d để tiếp tục.", w, h, MinWidth, MinHeight)))
	case m.page == pageLoading:
		return "Đang mở phiên họp…"
	}
	s := m.current()
	body := clip(m.body(s), w, m.sh.height)
	status := m.statusLine()
	if strings.Contains(status, "\n") {
		// A message too long for one line takes the place of the line
		// under the title, so that its end (often the reason) is read.
		return strings.Join([]string{m.headLine(s), body, status, m.helpLine(s)}, "\n")
	}
	var sub string
	if m.opts.Notice != "" && m.page != pageBooth {
		sub = m.sh.styles.Muted.Render(fitNotice(m.opts.Notice, w))
	}
	return strings.Join([]string{m.headLine(s), sub, body, status, m.helpLine(s)}, "\n")
}

// clip makes s exactly height lines, each cut to width cells. It does
// what a lipgloss style with MaxWidth, Height and MaxHeight does to the
// body, without padding every line to the widest one: on every frame of a
// 200×60 screen that padding was most of what the frame allocated.
func clip(s string, width, height int) string {
	lines := strings.SplitN(s, "\n", height+1)
	if len(lines) > height {
		lines = lines[:height]
	}
	for i, l := range lines {
		if len(l) > width && ansi.StringWidth(l) > width {
			lines[i] = ansi.Truncate(l, width, "")
		}
	}
	for len(lines) < height {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// body is the screen's view, or the question or prompt over it.
func (m *Model) body(s screen) string {
	st := m.sh.styles
	switch {
	case m.input != nil:
		return m.renderInput()
	case m.dialog != nil && m.dialog.form != nil:
		return lipgloss.Place(m.sh.width, m.sh.height, lipgloss.Center, lipgloss.Center,
			st.Dialog.Width(confirmWidth(&m.sh)).Render(m.dialog.form.View()))
	case m.dialog != nil:
		return lipgloss.Place(m.sh.width, m.sh.height, lipgloss.Center, lipgloss.Center,
			st.Dialog.Width(confirmWidth(&m.sh)).Render(m.dialog.question))
	}
	m.sh.hits = nil
	return s.view(&m.sh)
}

// statusLine is what is under way, or the last action's outcome; never
// shown at the booth.
func (m *Model) statusLine() string {
	st := m.sh.styles
	switch {
	case m.page == pageBooth:
		return ""
	case m.sh.busy != "":
		return st.Title.Render(m.spin.View()) + " " + st.Subtitle.Render(ansi.Truncate(m.sh.busy, m.sh.width-3, "…"))
	case m.status == "":
		return ""
	case m.statusErr:
		return twoLines(m.status, m.sh.width, st.Error)
	}
	return twoLines(m.status, m.sh.width, st.Status)
}

// twoLines renders a message in style on one line of width cells, or, when
// it is longer, on two, word-wrapped, the second cut with "…" if need be.
func twoLines(s string, width int, style lipgloss.Style) string {
	if ansi.StringWidth(s) <= width {
		return style.Render(s)
	}
	lines := strings.SplitN(ansi.Wrap(s, width, ""), "\n", 3)
	if len(lines) > 2 {
		lines = []string{lines[0], lines[1] + " " + lines[2]}
	}
	lines = lines[:min(len(lines), 2)]
	for i, l := range lines {
		lines[i] = style.Render(ansi.Truncate(strings.TrimSpace(l), width, "…"))
	}
	return strings.Join(lines, "\n")
}

// helpLine is the keys of what is on screen: a prompt, a question, or the
// screen's own.
func (m *Model) helpLine(s screen) string {
	k := m.sh.keys
	switch {
	case m.input != nil:
		return m.sh.styles.Muted.Render(hint(k.Input.Submit) + "   ·   " + hint(k.Input.Cancel))
	case m.dialog != nil && m.dialog.strict:
		return ""
	case m.dialog != nil:
		return m.help.View(bindings{short: []key.Binding{k.Dialog.Choose, k.Dialog.Toggle, k.Dialog.Yes, k.Dialog.No}})
	}
	return m.help.View(m.helpFor(s))
}

// titleLine is the top line: the council, the file's state, the screen.
// The marks of the file's state come before the screen's name, which is
// the part a narrow terminal cuts.
func (m *Model) titleLine(s screen) string {
	st := m.sh.styles
	if m.page == pageBooth {
		return st.Title.Render("PHÒNG BỎ PHIẾU KÍN")
	}
	title := st.Title.Render("HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG")
	if r := m.sh.rec; r != nil && r.Meeting.Status == model.MeetingClosed {
		title += st.Warn.Render(" [đã kết thúc]")
	}
	if m.opts.ViewOnly != "" {
		title += st.Warn.Render(" [chỉ xem]")
	}
	return title + st.Muted.Render(" · ") + st.Subtitle.Render(s.title())
}

// headLine is the top line: the title on the left and, on every
// secretary screen, the status bar on the right — the quorum, the open
// round and its progress, the time — as much of it as fits, the quorum
// last to go. The file is named on the line below.
func (m *Model) headLine(s screen) string {
	title, w := m.titleLine(s), m.sh.width
	parts := m.statusParts()
	for len(parts) > 0 {
		bar := m.sh.styles.Bar.Render(strings.Join(parts, " │ "))
		if gap := w - lipgloss.Width(title) - lipgloss.Width(bar); gap >= 2 {
			return title + strings.Repeat(" ", gap) + bar
		}
		parts = parts[:len(parts)-1]
	}
	return ansi.Truncate(title, w, "…")
}

// statusParts are the facts of the status bar, most important first.
func (m *Model) statusParts() []string {
	rec := m.sh.rec
	if m.page == pageBooth || rec == nil || m.page == pageStart || m.page == pageSecretary {
		return nil
	}
	q := voting.Quorum(rec)
	word := "chưa đủ"
	if q.Met {
		word = "đủ"
	}
	parts := []string{fmt.Sprintf("Có mặt %d/%d · %s", q.Present, q.Total, word)}
	if r, open := rec.OpenRound(); open {
		parts = append(parts, fmt.Sprintf("Vòng %d: %d/%d đã bỏ phiếu", r.Seq, len(r.Voters), rec.ExpectedBallots(r)))
	}
	if !m.sh.now.IsZero() {
		parts = append(parts, clock(m.sh.now))
	}
	return parts
}

// renderInput draws the text prompt.
func (m *Model) renderInput() string {
	st := m.sh.styles
	return "\n" + st.Subtitle.Render(m.input.label) + "\n\n" + m.input.field.View()
}
