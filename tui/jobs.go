package tui

import (
	"context"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"hoidong/model"
	"hoidong/store"
)

// Reading and writing the record happen in commands, never in Update or
// View: load and the job queue below are the only ways the screens reach
// the store, and every call receives the program's context, cancelled when
// the program quits so that a write in flight ends cleanly.

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
	// notify is the successful job's message for a page.
	notify tea.Msg
	// version is the file's data version read before the record: a poll
	// that finds the same number knows the record has not changed.
	version int64
}

// tickMsg asks for a fresh look at the record, for live progress, and
// brings the time for the status bar.
type tickMsg struct{ at time.Time }

// tick fires once a second.
func tick() tea.Cmd {
	return tea.Tick(time.Second, func(t time.Time) tea.Msg { return tickMsg{at: t} })
}

// load reads the record; gen is the number of writes started so far, so
// that a load overtaken by a write can be recognised and dropped.
func load(ctx context.Context, st *store.Store, gen int) tea.Cmd {
	return func() tea.Msg {
		msg := snapshot(ctx, st, "", nil)
		msg.gen = gen
		return msg
	}
}

// poll asks the file whether anything was committed since the record the
// screen shows (version), by this program or a booth in another process,
// and reads the record again only then: a screen that follows a round
// costs almost nothing while nobody votes.
func poll(ctx context.Context, st *store.Store, gen int, version int64) tea.Cmd {
	return func() tea.Msg {
		if v, err := st.DataVersion(ctx); err == nil && v == version {
			return nil
		}
		msg := snapshot(ctx, st, "", nil)
		msg.gen = gen
		return msg
	}
}

// snapshot reads the record into a recordMsg: the record without its
// event log, which no screen shows.
func snapshot(ctx context.Context, st *store.Store, ack string, actErr error) recordMsg {
	version, err := st.DataVersion(ctx)
	if err != nil {
		return recordMsg{err: err}
	}
	has, err := st.HasMeeting(ctx)
	if err != nil {
		return recordMsg{err: err}
	}
	if !has {
		return recordMsg{none: true, err: actErr}
	}
	rec, err := st.Snapshot(ctx)
	if err != nil {
		return recordMsg{err: err}
	}
	if actErr != nil {
		ack = ""
	}
	return recordMsg{rec: &rec, ack: ack, err: actErr, version: version}
}

// job is one write to the record. Jobs run one at a time, in the order the
// user asked for them, so that quick key presses land in the record in the
// order they were pressed.
type job struct {
	from page   // the page that asked
	ack  string // the status line on success
	// what names what was not recorded when the write fails ("kết thúc
	// phiên họp"); when empty, the ack says it, less a leading "Đã".
	what  string
	then  page // the page to show on success; pageLoading for none
	write func(ctx context.Context) error
	// undo puts the screen back as it was before the key that asked for
	// the write (the cursor moved on at once), when the write fails.
	undo func()
	// notify is sent once the write succeeded (a message addressed to a
	// page: a round just closed, for the tally).
	notify tea.Msg
	// busy says what is under way while the write runs, for a write slow
	// enough to show a spinner ("Đang mở phiếu và kiểm phiếu…").
	busy string
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
	c.busy = j.busy
	ctx, st, logPath := c.ctx, c.st, c.logPath
	return func() tea.Msg {
		err := j.write(ctx)
		msg := snapshot(ctx, st, j.ack, err)
		msg.from, msg.job = j.from, true
		if err == nil {
			msg.then, msg.notify = j.then, j.notify
		} else {
			msg.failed = &j
			msg.logged = logFailure(logPath, j.ack, err)
		}
		return msg
	}
}

// navigateMsg moves to another page.
type navigateMsg struct{ to page }

// navigate returns a command that moves to page p.
func navigate(p page) tea.Cmd {
	return func() tea.Msg { return navigateMsg{to: p} }
}

// askMsg asks the user a yes/no question before running yes, or queuing
// write.
type askMsg struct {
	question string
	yes      tea.Cmd
	write    *job
	confirm  *key.Binding // a stricter key than the usual yes, if set
	quits    bool         // the question is whether to quit
}

// ask asks a yes/no question and runs yes on yes.
func ask(question string, yes tea.Cmd) tea.Cmd {
	return func() tea.Msg { return askMsg{question: question, yes: yes} }
}

// askWith asks a question that only the given key confirms; any other key
// cancels it.
func askWith(question string, confirm *key.Binding, yes tea.Cmd) tea.Cmd {
	return func() tea.Msg { return askMsg{question: question, yes: yes, confirm: confirm} }
}

// askDo asks a yes/no question and queues the write on yes.
func askDo(question string, j job) tea.Cmd {
	return func() tea.Msg { return askMsg{question: question, write: &j} }
}

// inputMsg asks the user for a line of text.
type inputMsg struct {
	label, value string
	submit       func(string) tea.Cmd
	secret       bool // show a dot for each character typed
}

// prompt returns a command that asks for a line of text.
func prompt(label, value string, submit func(string) tea.Cmd) tea.Cmd {
	return func() tea.Msg { return inputMsg{label: label, value: value, submit: submit} }
}

// promptSecret asks for the secretary code, hidden as it is typed.
func promptSecret(label string, submit func(string) tea.Cmd) tea.Cmd {
	return func() tea.Msg { return inputMsg{label: label, submit: submit, secret: true} }
}

// statusMsg shows a line on the status bar.
type statusMsg struct {
	text string
	err  bool
}

// say returns a command that shows a status line.
func say(text string, isErr bool) tea.Cmd {
	return func() tea.Msg { return statusMsg{text: text, err: isErr} }
}

// exportedMsg reports documents written.
type exportedMsg struct {
	paths []string
	err   error
	draft bool // written before the meeting closed
}
