// Package tui is the secretary's terminal program and the voting booth:
// a root model routing to one screen at a time.
package tui

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"hoidong/model"
	"hoidong/store"
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
	pageLoading page = iota
	pageStart
	pageOverview
	pageRollCall
	pageTellers
	pageNominees
	pageReview
	pageRounds
	pageBooth
	pageTally
	pageConclusion
	pageImport    // import registrations (importscreen.go)
	pagePreview   // preview and write documents (preview.go)
	pagePaper     // enter the counts of a paper round (paper.go)
	pageCodes     // issue and manage members' voting codes (codes.go)
	pageSecretary // choose the secretary code (secretary.go)
)

// String returns the page's name for logs and tests.
func (p page) String() string {
	return [...]string{"loading", "start", "overview", "rollcall", "tellers", "nominees", "review", "rounds", "booth", "tally", "conclusion", "import", "preview", "paper", "codes", "secretary"}[p]
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
}

// shared is what every screen reads: the record and the look, and the
// queue of writes.
type shared struct {
	st     *store.Store
	rec    *model.Record
	keys   keyMap
	styles styles
	width  int
	height int // height of the body area

	exportDir string // where documents and code slips are written by default
	logPath   string // where the technical detail of a failure is written

	queue      []job // writes waiting to run, in the order asked
	writing    bool  // a write is running
	generation int   // writes started so far; older snapshots are dropped

	// boothLocked is set while the in-program booth is on screen: every
	// key goes to the booth and nothing leads elsewhere until the
	// secretary code has been checked.
	boothLocked bool
	// secretary is the key the secretary code opened when the secretary
	// last left the booth, kept to close the round without asking again;
	// forgotten when the booth opens again or the round closes.
	secretary *store.SecretaryKey
}

// forgetSecretary drops the secretary's key from memory.
func (c *shared) forgetSecretary() {
	if c.secretary != nil {
		c.secretary.Forget()
		c.secretary = nil
	}
}

// screen is one page of the program.
type screen interface {
	// title is the screen's heading.
	title() string
	// update handles a key press and returns a command.
	update(c *shared, msg tea.KeyPressMsg) tea.Cmd
	// view renders the body.
	view(c *shared) string
	// help lists the screen's keys.
	help(c *shared) bindings
}

// Model is the root of the program.
type Model struct {
	opts    Options
	sh      shared
	help    help.Model
	page    page
	screens map[page]screen

	dialog *dialog
	input  *input

	status     string
	statusErr  bool
	quitting   bool
	termHeight int
}

// dialog is a yes/no question over the current screen.
type dialog struct {
	question string
	yes      tea.Cmd
	write    *job // queued when the answer is yes, instead of yes
	confirm  key.Binding
	strict   bool    // only confirm answers; every other key cancels
	no       tea.Cmd // run when the answer is no
}

// input asks for one line of text over the current screen.
type input struct {
	label  string
	field  textinput.Model
	submit func(string) tea.Cmd
}

// recordMsg carries a fresh snapshot after a load or an action.
type recordMsg struct {
	rec  *model.Record
	none bool   // the database holds no meeting yet
	ack  string // what to confirm on the status line
	err  error  // the action's failure, if any
	from page   // the page that asked, for screens that react to their own actions
	then page   // the page to show when the action succeeded; pageLoading for none
	job  bool   // the snapshot follows a write
	gen  int    // for plain loads: writes started when the load began
	// failed is the write that failed, when err is its failure.
	failed *job
	// logged is where the technical detail of the failure was written, or
	// "" when it could not be written.
	logged string
}

// navigateMsg moves to another page.
type navigateMsg struct{ to page }

// askMsg asks the user a yes/no question before running yes, or queuing
// write.
type askMsg struct {
	question string
	yes      tea.Cmd
	write    *job
	confirm  *key.Binding // a stricter key than the usual yes, if set
}

// inputMsg asks the user for a line of text.
type inputMsg struct {
	label, value string
	submit       func(string) tea.Cmd
	secret       bool // show a dot for each character typed
}

// statusMsg shows a line on the status bar.
type statusMsg struct {
	text string
	err  bool
}

// exportedMsg reports documents written.
type exportedMsg struct {
	paths []string
	err   error
	draft bool // written before the meeting closed
}

// New builds the root model.
func New(opts Options) *Model {
	m := &Model{
		opts: opts,
		sh: shared{
			st:     opts.Store,
			keys:   newKeyMap(),
			styles: newStyles(true),
			width:  MinWidth,
			height: MinHeight - 4,

			exportDir: opts.ExportDir,
			logPath:   logPathFor(opts.Store),
		},
		help: help.New(),
		page: pageLoading,
	}
	m.help.Styles = help.DefaultStyles(true)
	if opts.ViewOnly != "" {
		m.dialog = &dialog{
			question: opts.ViewOnly + "\n\nMở tệp để xem (chỉ đọc, không thay đổi gì)? Trả lời không thì chương trình thoát.",
			confirm:  m.sh.keys.Yes,
			no:       tea.Quit,
		}
	}
	list := &nomineesScreen{}
	m.screens = map[page]screen{
		pageStart:      &startScreen{},
		pageOverview:   &overviewScreen{demoCode: opts.DemoCode},
		pageRollCall:   &rollCallScreen{},
		pageTellers:    &tellersScreen{},
		pageNominees:   list,
		pageReview:     &reviewScreen{neighbour: list.neighbour},
		pageRounds:     &roundsScreen{},
		pageBooth:      &boothScreen{boothOnly: opts.BoothOnly},
		pageTally:      &tallyScreen{},
		pageConclusion: &conclusionScreen{exportDir: opts.ExportDir},
		pagePaper:      &paperScreen{},
		pagePreview:    &previewScreen{exportDir: opts.ExportDir},
		pageImport:     &importScreen{},
		pageSecretary:  &secretaryScreen{},
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
	_, err := tea.NewProgram(New(opts), tea.WithFilter(filter)).Run()
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
	return tea.Batch(load(m.sh.st, 0), tea.RequestBackgroundColor, tick())
}

// tickMsg asks for a fresh look at the record, for live progress.
type tickMsg struct{}

// tick fires once a second.
func tick() tea.Cmd {
	return tea.Tick(time.Second, func(time.Time) tea.Msg { return tickMsg{} })
}

// load reads the record; gen is the number of writes started so far, so
// that a load overtaken by a write can be recognised and dropped.
func load(st *store.Store, gen int) tea.Cmd {
	return func() tea.Msg {
		msg := snapshot(st, "", nil)
		msg.gen = gen
		return msg
	}
}

// snapshot reads the record into a recordMsg.
func snapshot(st *store.Store, ack string, actErr error) recordMsg {
	ctx := context.Background()
	has, err := st.HasMeeting(ctx)
	if err != nil {
		return recordMsg{err: err}
	}
	if !has {
		return recordMsg{none: true, err: actErr}
	}
	rec, err := st.Record(ctx)
	if err != nil {
		return recordMsg{err: err}
	}
	if actErr != nil {
		ack = ""
	}
	return recordMsg{rec: &rec, ack: ack, err: actErr}
}

// job is one write to the record. Jobs run one at a time, in the order the
// user asked for them, so that quick key presses land in the record in the
// order they were pressed.
type job struct {
	from  page   // the page that asked
	ack   string // the status line on success
	then  page   // the page to show on success; pageLoading for none
	write func(ctx context.Context) error
	// undo puts the screen back as it was before the key that asked for
	// the write (the cursor moved on at once), when the write fails.
	undo func()
}

// do queues a write and starts it if no other write is running.
func (c *shared) do(from page, ack string, write func(ctx context.Context) error) tea.Cmd {
	return c.enqueue(job{from: from, ack: ack, write: write})
}

// doThen is do for a key that already moved the screen on: undo moves it
// back if the write fails.
func (c *shared) doThen(from page, ack string, undo func(), write func(ctx context.Context) error) tea.Cmd {
	return c.enqueue(job{from: from, ack: ack, write: write, undo: undo})
}

// enqueue adds a job to the queue and starts the next one if idle.
func (c *shared) enqueue(j job) tea.Cmd {
	c.queue = append(c.queue, j)
	return c.kick()
}

// kick starts the next queued write unless one is running.
func (c *shared) kick() tea.Cmd {
	if c.writing || len(c.queue) == 0 {
		return nil
	}
	j := c.queue[0]
	c.queue = c.queue[1:]
	c.writing = true
	c.generation++
	st, logPath := c.st, c.logPath
	return func() tea.Msg {
		err := j.write(context.Background())
		msg := snapshot(st, j.ack, err)
		msg.from, msg.job = j.from, true
		if err == nil {
			msg.then = j.then
		} else {
			msg.failed = &j
			msg.logged = logFailure(logPath, j.ack, err)
		}
		return msg
	}
}

// navigate returns a command that moves to page p.
func navigate(p page) tea.Cmd {
	return func() tea.Msg { return navigateMsg{to: p} }
}

// askWith asks a question that only the given key confirms; any other key
// cancels it.
func askWith(question string, confirm *key.Binding, yes tea.Cmd) tea.Cmd {
	return func() tea.Msg { return askMsg{question: question, yes: yes, confirm: confirm} }
}

// ask asks a yes/no question and runs yes on yes.
func ask(question string, yes tea.Cmd) tea.Cmd {
	return func() tea.Msg { return askMsg{question: question, yes: yes} }
}

// askDo asks a yes/no question and queues the write on yes.
func askDo(question string, j job) tea.Cmd {
	return func() tea.Msg { return askMsg{question: question, write: &j} }
}

// prompt returns a command that asks for a line of text.
func prompt(label, value string, submit func(string) tea.Cmd) tea.Cmd {
	return func() tea.Msg { return inputMsg{label: label, value: value, submit: submit} }
}

// promptSecret asks for the secretary code, hidden as it is typed.
func promptSecret(label string, submit func(string) tea.Cmd) tea.Cmd {
	return func() tea.Msg { return inputMsg{label: label, submit: submit, secret: true} }
}

// say returns a command that shows a status line.
func say(text string, isErr bool) tea.Cmd {
	return func() tea.Msg { return statusMsg{text: text, err: isErr} }
}

// Page reports the current page's name, for tests.
func (m *Model) Page() string { return m.page.String() }

// Status reports the status line, for tests.
func (m *Model) Status() string { return m.status }

// Record returns the last snapshot, for tests.
func (m *Model) Record() *model.Record { return m.sh.rec }

// Update implements tea.Model.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if m.sh.boothLocked {
		return m, m.updateLocked(msg)
	}
	switch msg := msg.(type) {
	case unlockMsg:
		if msg.key != nil {
			msg.key.Forget() // the booth is not on screen: nobody asked
		}
		return m, nil
	case tea.WindowSizeMsg:
		m.sh.width = msg.Width
		m.help.SetWidth(msg.Width)
		m.layout(msg.Height)
		return m, nil
	case tea.BackgroundColorMsg:
		m.sh.styles = newStyles(msg.IsDark())
		m.help.Styles = help.DefaultStyles(msg.IsDark())
		return m, nil
	case recordMsg:
		return m, m.onRecord(msg)
	case tickMsg:
		// Progress of an open round can come from a booth in another process.
		if m.sh.rec != nil && !m.sh.writing && (m.page == pageRounds || m.page == pageBooth || m.page == pageOverview) {
			return m, tea.Batch(tick(), load(m.sh.st, m.sh.generation))
		}
		return m, tick()
	case navigateMsg:
		m.go2(msg.to)
		return m, nil
	case focusMsg:
		if r, ok := m.screens[pageReview].(*reviewScreen); ok {
			r.focus(msg.nominee, msg.award)
		}
		m.go2(pageReview)
		return m, nil
	case askMsg:
		m.dialog = &dialog{question: msg.question, yes: msg.yes, write: msg.write, confirm: m.sh.keys.Yes}
		if msg.confirm != nil {
			m.dialog.confirm, m.dialog.strict = *msg.confirm, true
		}
		return m, nil
	case inputMsg:
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
		return m, m.input.field.Focus()
	case statusMsg:
		m.status, m.statusErr = msg.text, msg.err
		return m, nil
	case exportedMsg:
		if msg.err != nil {
			m.status, m.statusErr = model.Message(msg.err), true
			return m, nil
		}
		if c, ok := m.screens[pageConclusion].(*conclusionScreen); ok {
			c.written, c.draft = msg.paths, msg.draft
		}
		if p, ok := m.screens[pagePreview].(*previewScreen); ok {
			p.written, p.draft = msg.paths, msg.draft
		}
		m.status, m.statusErr = fmt.Sprintf("Đã xuất %d tệp.", len(msg.paths)), false
		if msg.draft {
			m.status = fmt.Sprintf("Đã xuất %d tệp DỰ THẢO: phiên họp chưa kết thúc.", len(msg.paths))
		}
		return m, nil
	case importReadMsg:
		if s, ok := m.screens[pageImport].(*importScreen); ok {
			s.loaded(msg)
		}
		return m, nil
	case tea.KeyPressMsg:
		return m, m.onKey(msg)
	case tea.PasteMsg:
		if s, ok := m.screens[pageSecretary].(*secretaryScreen); ok && m.page == pageSecretary && m.input == nil {
			return m, s.paste(msg)
		}
		if m.input != nil {
			var cmd tea.Cmd
			m.input.field, cmd = m.input.field.Update(msg)
			return m, cmd
		}
	}
	if m.input != nil {
		var cmd tea.Cmd
		m.input.field, cmd = m.input.field.Update(msg)
		return m, cmd
	}
	return m, nil
}

// updateLocked handles a message while the in-program booth is on screen.
// Keys, pastes and whatever a command sends back stay inside the booth;
// only a checked secretary code (unlockMsg) opens the way out.
func (m *Model) updateLocked(msg tea.Msg) tea.Cmd {
	booth, _ := m.screens[pageBooth].(*boothScreen)
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
	case unlockMsg:
		if booth == nil || !booth.unlocked(msg) {
			return nil
		}
		m.sh.forgetSecretary()
		m.sh.secretary = msg.key
		m.sh.boothLocked = false
		m.go2(pageRounds)
		m.status, m.statusErr = "Thư ký đã rời phòng bỏ phiếu.", false
		return nil
	case tea.KeyPressMsg:
		if booth == nil {
			return nil
		}
		return booth.update(&m.sh, msg)
	}
	// Pastes, navigation, questions, prompts and anything else a command
	// sends back are dropped: the booth offers nothing but voting.
	return nil
}

// layout sizes the body for a terminal height.
func (m *Model) layout(total int) {
	helpLines := 1
	if m.help.ShowAll {
		helpLines = lipgloss.Height(m.help.View(m.current().help(&m.sh)))
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
	var next tea.Cmd
	if msg.job {
		m.sh.writing = false
		if msg.failed != nil {
			// The writes queued after it assumed it would succeed: drop
			// them, and put the screen back where the failed one began.
			m.sh.queue = nil
			if msg.failed.undo != nil {
				msg.failed.undo()
			}
			msg.err = failure(msg.failed.ack, msg.err, msg.logged)
		}
		next = m.sh.kick()
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
		return next
	}
	if msg.rec == nil {
		return next
	}
	m.sh.rec = msg.rec
	for _, s := range m.screens {
		if r, ok := s.(interface{ refresh(*shared, recordMsg) }); ok {
			r.refresh(&m.sh, msg)
		}
	}
	if msg.then != pageLoading {
		m.go2(msg.then)
	}
	if m.page == pageLoading || m.page == pageStart {
		if m.opts.BoothOnly {
			m.page = pageBooth
		} else {
			m.page = pageOverview
		}
	}
	if m.needsSecretary() && m.page != pageSecretary {
		m.go2(pageSecretary)
	}
	return next
}

// needsSecretary reports whether the secretary must choose the secretary
// code before anything else: an open meeting without one.
func (m *Model) needsSecretary() bool {
	r := m.sh.rec
	return !m.opts.BoothOnly && m.opts.ViewOnly == "" && r != nil && r.Meeting.Status == model.MeetingOpen && !r.Meeting.SecretarySet
}

// go2 switches page.
func (m *Model) go2(p page) {
	if (m.opts.BoothOnly || m.sh.boothLocked) && p != pageBooth {
		return
	}
	if m.needsSecretary() && p != pageSecretary {
		return
	}
	if p == pageBooth && m.opts.ViewOnly != "" {
		m.status, m.statusErr = "Tệp đang mở chỉ để xem; không bỏ phiếu được.", true
		return
	}
	if l, ok := m.screens[m.page].(interface{ leave() }); ok && m.page != p {
		l.leave()
	}
	if m.page != p {
		m.status, m.statusErr = "", false
	}
	if p == pageBooth && !m.opts.BoothOnly {
		m.dialog, m.input = nil, nil
		m.sh.forgetSecretary()
		m.sh.boothLocked = true
	}
	m.page = p
	if e, ok := m.screens[p].(interface{ enter(*shared) }); ok {
		e.enter(&m.sh)
	}
	m.layout(m.termHeight)
}

// onKey routes a key press: overlays first, then global keys, then the screen.
func (m *Model) onKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.sh.keys
	if m.input != nil {
		switch msg.String() {
		case "enter":
			in := m.input
			m.input = nil
			return in.submit(strings.TrimSpace(in.field.Value()))
		case "esc":
			m.input = nil
			return nil
		}
		var cmd tea.Cmd
		m.input.field, cmd = m.input.field.Update(msg)
		return cmd
	}
	if m.dialog != nil {
		switch {
		case key.Matches(msg, m.dialog.confirm):
			d := m.dialog
			m.dialog = nil
			if d.write != nil {
				return m.sh.enqueue(*d.write)
			}
			return d.yes
		case m.dialog.strict, key.Matches(msg, k.No):
			d := m.dialog
			m.dialog = nil
			if d.no != nil {
				m.quitting = true
				return d.no
			}
		}
		return nil
	}
	if m.page == pageBooth {
		// The booth owns every key; it alone decides how to leave.
		return m.current().update(&m.sh, msg)
	}
	if m.page == pageSecretary {
		// The code is typed here: only ctrl+c leaves.
		if msg.String() == "ctrl+c" {
			m.quitting = true
			return tea.Quit
		}
		return m.current().update(&m.sh, msg)
	}
	switch {
	case msg.String() == "ctrl+c":
		m.quitting = true
		return tea.Quit
	case key.Matches(msg, k.Quit):
		m.quitting = true
		return tea.Quit
	case key.Matches(msg, k.Help):
		m.help.ShowAll = !m.help.ShowAll
		m.layout(m.termHeight)
		return nil
	case key.Matches(msg, k.Back) && m.page != pageOverview && m.page != pageStart && m.page != pageLoading && !m.capturesBack():
		if m.page == pageReview {
			m.go2(pageNominees)
		} else {
			m.go2(pageOverview)
		}
		return nil
	}
	return m.current().update(&m.sh, msg)
}

// capturesBack reports whether the screen uses esc itself just now.
func (m *Model) capturesBack() bool {
	c, ok := m.current().(interface{ capturesBack() bool })
	return ok && c.capturesBack()
}

// View implements tea.Model.
func (m *Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.WindowTitle = "hoidong"
	if m.page == pageBooth {
		v.WindowTitle = "hoidong – phòng bỏ phiếu"
	}
	return v
}

// render draws the whole screen as text.
func (m *Model) render() string {
	w, h := m.sh.width, m.termHeight
	if m.quitting {
		return ""
	}
	if w < MinWidth || h < MinHeight {
		return lipgloss.Place(max(w, 1), max(h, 1), lipgloss.Center, lipgloss.Center,
			lipgloss.NewStyle().Width(min(max(w, 10), 60)).Render(fmt.Sprintf(
				"Cửa sổ quá nhỏ (%d×%d). Hãy phóng to cửa sổ lên ít nhất %d×%d để tiếp tục.", w, h, MinWidth, MinHeight)))
	}
	if m.page == pageLoading {
		return "Đang mở phiên họp…"
	}
	s := m.current()
	st := m.sh.styles
	// The marks of the file's state come before the screen's name, which
	// is the part a narrow terminal cuts.
	title := st.Title.Render("HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG")
	if r := m.sh.rec; r != nil && r.Meeting.Status == model.MeetingClosed {
		title += st.Warn.Render(" [đã kết thúc]")
	}
	if m.opts.ViewOnly != "" {
		title += st.Warn.Render(" [chỉ xem]")
	}
	title += st.Muted.Render(" · ") + st.Subtitle.Render(s.title())
	if m.page == pageBooth {
		title = st.Title.Render("PHÒNG BỎ PHIẾU KÍN")
	}
	var sub string
	if m.opts.Notice != "" && m.page != pageBooth {
		sub = st.Muted.Render(fitNotice(m.opts.Notice, w))
	}
	var body string
	switch {
	case m.input != nil:
		body = m.renderInput()
	case m.dialog != nil:
		body = lipgloss.Place(w, m.sh.height, lipgloss.Center, lipgloss.Center,
			st.Dialog.Width(min(w-4, 70)).Render(m.dialog.question+m.dialogKeys()))
	default:
		body = s.view(&m.sh)
	}
	body = fit(body, w, m.sh.height)
	status := ""
	if m.status != "" && m.page != pageBooth {
		if m.statusErr {
			status = st.Error.Render(truncate(m.status, w))
		} else {
			status = st.Status.Render(truncate(m.status, w))
		}
	}
	helpView := m.help.View(s.help(&m.sh))
	if m.dialog != nil {
		helpView = ""
		if !m.dialog.strict {
			helpView = m.help.View(bindings{short: []key.Binding{m.sh.keys.Yes, m.sh.keys.No}})
		}
	}
	if m.input != nil {
		helpView = st.Muted.Render("enter: lưu   ·   esc: hủy")
	}
	return strings.Join([]string{truncate(title, w), sub, body, status, helpView}, "\n")
}

// dialogKeys explains how to answer the dialog.
func (m *Model) dialogKeys() string {
	if m.dialog.strict {
		return ""
	}
	return "\n\n" + m.sh.styles.Muted.Render("c/enter: có   ·   k/esc: không")
}

// renderInput draws the text prompt.
func (m *Model) renderInput() string {
	st := m.sh.styles
	return "\n" + st.Subtitle.Render(m.input.label) + "\n\n" + m.input.field.View()
}
