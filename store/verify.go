package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"hoidong/model"
	"hoidong/voting"
)

// names turns ids into the words a Vietnamese message uses for them.
type names struct {
	plan     model.Plan
	members  map[int64]string
	nominees map[int64]string
	rounds   map[int64]int64 // round id -> seq
}

// loadNames reads the names of members and nominees, the rounds' numbers
// and the plan, as the file holds them.
func loadNames(ctx context.Context, q querier) (*names, error) {
	n := &names{members: map[int64]string{}, nominees: map[int64]string{}, rounds: map[int64]int64{}}
	var planText sql.NullString
	if err := q.QueryRowContext(ctx, `SELECT plan FROM meeting WHERE id = 1`).Scan(&planText); err == nil {
		if p, err := decodePlan(planText.String); err == nil {
			n.plan = p
		}
	}
	pairs := []struct {
		query string
		put   func(id int64, name string)
	}{
		{`SELECT id, name FROM members`, func(id int64, s string) { n.members[id] = s }},
		{`SELECT id, name FROM nominees`, func(id int64, s string) { n.nominees[id] = s }},
		{`SELECT id, CAST(seq AS TEXT) FROM rounds`, func(id int64, s string) {
			if v, err := strconv.ParseInt(s, 10, 64); err == nil {
				n.rounds[id] = v
			}
		}},
	}
	for _, p := range pairs {
		err := scanRows(ctx, q, "read names", p.query, nil, func(rows *sql.Rows) error {
			var (
				id   int64
				name sql.NullString
			)
			if err := rows.Scan(&id, &name); err != nil {
				return err
			}
			p.put(id, name.String)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return n, nil
}

// member names a member: "thành viên số 3 (Lê Văn Cường)".
func (n *names) member(id any) string {
	i, _ := id.(int64)
	if name, ok := n.members[i]; ok {
		return fmt.Sprintf("thành viên số %d (%s)", i, name)
	}
	return "thành viên số " + valueText(id)
}

// nominee names a nominee: "đối tượng số 4 (Ngô Thị Yến)".
func (n *names) nominee(id any) string {
	i, _ := id.(int64)
	if name, ok := n.nominees[i]; ok {
		return fmt.Sprintf("đối tượng số %d (%s)", i, name)
	}
	return "đối tượng số " + valueText(id)
}

// award names an award by its name in the plan, or its code.
func (n *names) award(code any) string {
	c, ok := code.(string)
	if !ok {
		return valueText(code)
	}
	return awardName(&n.plan, c)
}

// round names a round by its number: "vòng 2".
func (n *names) round(id any) string {
	i, _ := id.(int64)
	if seq, ok := n.rounds[i]; ok {
		return fmt.Sprintf("vòng %d", seq)
	}
	return "vòng mã " + valueText(id)
}

// valueText shows a stored value in a message: text in quotes, numbers as
// digits, NULL as "(trống)".
func valueText(v any) string {
	switch x := v.(type) {
	case nil:
		return "(trống)"
	case string:
		return strconv.Quote(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case []byte:
		return fmt.Sprintf("x'%x'", x)
	}
	return fmt.Sprint(v)
}

// VerifyReport is what Verify found: the head of the event chain and, when
// the record does not prove itself, the first record that does not match.
type VerifyReport struct {
	Head    string // hash of the last event, as recomputed: the value printed in the minutes
	Events  int    // number of events in the log
	Problem string // empty when the record is intact; else Vietnamese, naming the record
	// RoundHeads gives each closed round (by id) the recomputed hash of the
	// event that closed it: the value printed in its vote-count record.
	RoundHeads map[int64]string
}

// OK reports whether the record proved itself.
func (r VerifyReport) OK() bool { return r.Problem == "" }

// Verify recomputes the event chain from its first event, replays the log
// into the record it describes and compares that with every audited table
// in both directions, checks each closed round's voters and ballots
// against the seal logged at its close, and recounts every result from the
// ballots. It reads one snapshot and writes nothing, so it can run on a
// file another program has open.
func (s *Store) Verify(ctx context.Context) (VerifyReport, error) {
	var rep VerifyReport
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		rep, err = s.verify(ctx, tx, nil)
		return err
	})
	return rep, err
}

// VerifiedRecord verifies the record and reads it from the same snapshot,
// in one read transaction, for documents that may only be written from a
// file that verifies. The record's Head and each closed round's CloseHead
// are the hashes verify recomputed, not the ones stored. When the report
// names a problem, the record is left empty: nothing may be printed from it.
func (s *Store) VerifiedRecord(ctx context.Context) (model.Record, VerifyReport, error) {
	var (
		rec model.Record
		rep VerifyReport
	)
	err := s.read(ctx, func(tx *sql.Tx) error {
		var (
			err    error
			events []model.Event
		)
		// The log verify has just read, in this transaction, is the
		// record's: it is kept rather than read again.
		if rep, err = s.verify(ctx, tx, &events); err != nil || !rep.OK() {
			return err
		}
		if rec, err = s.loadRecord(ctx, tx, true); err != nil {
			return err
		}
		if rec.Corrections, err = loadCorrections(ctx, tx); err != nil {
			return err
		}
		rec.Events = events
		rec.Head = rep.Head
		for i := range rec.Rounds {
			rec.Rounds[i].CloseHead = ""
			if rec.Rounds[i].Status == model.RoundClosed {
				rec.Rounds[i].CloseHead = rep.RoundHeads[rec.Rounds[i].ID]
			}
		}
		return nil
	})
	if err != nil || !rep.OK() {
		return model.Record{}, rep, err
	}
	return rec, rep, nil
}

// verify runs every check through tx. With events not nil, the events it
// reads go there, as loadEvents reads them, when every check passes.
func (s *Store) verify(ctx context.Context, tx *sql.Tx, events *[]model.Event) (VerifyReport, error) {
	v := &verifier{ctx: ctx, q: tx, state: map[string]map[string]*expRow{},
		casts: map[int64]int{}, seals: map[int64]roundSeal{}, specs: map[string]tableSpec{},
		roundHeads: map[int64]string{}, keep: events != nil}
	for _, t := range auditedTables() {
		v.specs[t.name] = t
	}
	v.statusAt = slices.Index(v.specs["meeting"].allColumns(), "status")
	var err error
	if v.names, err = loadNames(ctx, tx); err != nil {
		return VerifyReport{}, err
	}
	problem, err := v.run()
	if err != nil {
		return VerifyReport{}, err
	}
	if v.events == 0 {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM meeting`).Scan(&n); err != nil {
			return VerifyReport{}, fmt.Errorf("verify: %w", err)
		}
		if n == 0 {
			return VerifyReport{}, s.noMeeting()
		}
	}
	rep := VerifyReport{Head: v.head, Events: v.events, Problem: problem}
	if problem == "" {
		rep.RoundHeads = v.roundHeads
		if events != nil {
			if v.keepErr != nil {
				return VerifyReport{}, v.keepErr
			}
			*events = v.kept
		}
	}
	return rep, nil
}

// verifier holds what Verify has rebuilt from the log.
type verifier struct {
	ctx    context.Context
	q      querier
	names  *names
	head   string
	events int
	state  map[string]map[string]*expRow // table -> key text -> row
	casts  map[int64]int                 // round id -> ballots cast, by the log
	seals  map[int64]roundSeal           // round id -> seal logged at close
	specs  map[string]tableSpec          // the audited tables by name

	legacy      int                // events before the chain began (schema 1), only hashed
	chained     int64              // seq of the first event of the chain; 0 before it
	chainedKind string             // the kind of that event
	closedAt    int64              // seq of the event that closed the meeting; 0 while open
	roundHeads  map[int64]string   // round id -> recomputed hash of the event that closed it
	statusAt    int                // where the meeting's status is among its table's columns
	layouts     map[string]*layout // by table, the layout of its last change
	pre         *prefetch          // the reading ahead of the checks
	hashBuf     []byte             // the text of the event being hashed
	keep        bool               // keep the events read, for the record
	kept        []model.Event      // the events read, when keep is set
	keepErr     error              // why an event read cannot be kept (a time that does not read)
}

// expRow is one row as the log says it should be.
type expRow struct {
	key []any
	// vals holds the row's values in the order of its table's
	// allColumns; a column the log did not carry holds notLogged.
	vals []any
	seen bool // tables found the row in the file
}

// notLogged stands for the value of a column an event did not log: a log
// written before the column existed says nothing about it.
type notLogged struct{}

// run does every check in order and returns the first problem.
func (v *verifier) run() (string, error) {
	if err := v.q.QueryRowContext(v.ctx, `SELECT COUNT(*) FROM events`).Scan(&v.events); err != nil {
		return "", fmt.Errorf("read events: %w", err)
	}
	v.pre = v.prefetch()
	defer v.pre.finish()
	for _, step := range []func() (string, error){v.chain, v.tables, v.rounds, v.triggers} {
		p, err := step()
		if err != nil || p != "" {
			return p, err
		}
	}
	return "", nil
}

// chain recomputes every event's hash from the first event and replays the
// log. Only a file migrated from schema 1 has events the replay skips: its
// legacy events, whose details are plain text, come first and are only
// hashed, and the chain.start event right after them logs every table as
// it stood. A chain.start anywhere else would let someone restart the
// replay from a snapshot of edited tables, so it is reported.
func (v *verifier) chain() (string, error) {
	var (
		problem string
		prevSeq int64
		prev    string
	)
	err := v.readEvents(func(e eventRow) bool {
		where := func() string { return fmt.Sprintf("Sự kiện số %d (ghi lúc %s)", e.seq, eventTime(e.at)) }
		switch {
		case e.seq != prevSeq+1:
			problem = fmt.Sprintf("Sự kiện số %d bị thiếu: sau sự kiện số %d là sự kiện số %d; nhật ký đã bị xóa bớt.", prevSeq+1, prevSeq, e.seq)
		case !e.hash.Valid:
			problem = where() + ": chưa có mã băm."
		case !v.hashes(e.hash.String, prev, e):
			problem = where() + ": mã băm không khớp; sự kiện này hoặc sự kiện trước nó đã bị sửa, xóa hay chèn thêm."
		}
		if problem != "" {
			return false
		}
		prevSeq, prev = e.seq, e.hash.String
		v.head = prev
		if v.keep && v.keepErr == nil {
			at, err := parseTime(sql.NullString{String: e.at, Valid: true})
			if err != nil {
				v.keepErr = fmt.Errorf("read events: %w", err)
			}
			v.kept = append(v.kept, model.Event{Seq: e.seq, At: at, Kind: e.kind, Detail: e.detail, Hash: e.hash.String})
		}
		if p := v.event(e.seq, e.kind, e.detail, prev); p != "" {
			problem = where() + ": " + p
			return false
		}
		return true
	})
	return problem, err
}

// hashes reports whether hash is the chain's link for event e after the
// event whose hash is prev: eventHash, computed in a buffer the verifier
// keeps, since it hashes every event of the log.
func (v *verifier) hashes(hash, prev string, e eventRow) bool {
	b := append(v.hashBuf[:0], prev...)
	b = append(b, '\n')
	b = strconv.AppendInt(b, e.seq, 10)
	b = append(b, '\n')
	b = append(b, e.at...)
	b = append(b, '\n')
	b = strconv.AppendInt(b, int64(len(e.kind)), 10)
	b = append(b, ':')
	b = append(b, e.kind...)
	b = append(b, '\n')
	b = strconv.AppendInt(b, int64(len(e.detail)), 10)
	b = append(b, ':')
	b = append(b, e.detail...)
	v.hashBuf = b
	sum := sha256.Sum256(b)
	var text [2 * sha256.Size]byte
	hex.Encode(text[:], sum[:])
	return string(text[:]) == hash
}

// eventRow is one row of the event log.
type eventRow struct {
	seq              int64
	at, kind, detail string
	hash             sql.NullString
}

// eventBatch is how many events the prefetch hands over at a time.
const eventBatch = 256

// prefetch reads what Verify compares, in order — the event log, then
// every audited table — in another goroutine, ahead of the checks: chain
// checks the events already read while the rest is read, so that reading
// the rows and checking them share the machine's cores. Only the reading
// goroutine uses the transaction until it is done.
type prefetch struct {
	events chan []eventRow // the log, a batch at a time; closed after its last event
	stop   chan struct{}   // closed to stop reading
	done   chan struct{}   // closed when the goroutine has finished
	tables map[string][][]any
	err    error // why reading stopped early; read after done
}

// prefetch starts reading.
func (v *verifier) prefetch() *prefetch {
	p := &prefetch{events: make(chan []eventRow, 4), stop: make(chan struct{}), done: make(chan struct{}),
		tables: map[string][][]any{}}
	go func() {
		defer close(p.done)
		p.err = p.read(v)
	}()
	return p
}

// errStopped ends a read that is no longer wanted.
var errStopped = errors.New("stopped")

// read reads the log into p.events, then every audited table into
// p.tables.
func (p *prefetch) read(v *verifier) error {
	batch := make([]eventRow, 0, eventBatch)
	send := func() bool {
		select {
		case p.events <- batch:
			batch = make([]eventRow, 0, eventBatch)
			return true
		case <-p.stop:
			return false
		}
	}
	err := scanRows(v.ctx, v.q, "read events", `SELECT seq, at, kind, detail, hash FROM events ORDER BY seq`, nil,
		func(rows *sql.Rows) error {
			var e eventRow
			if err := rows.Scan(&e.seq, &e.at, &e.kind, &e.detail, &e.hash); err != nil {
				return err
			}
			batch = append(batch, e)
			if len(batch) == eventBatch && !send() {
				return errStopped
			}
			return nil
		})
	if err == nil && len(batch) > 0 && !send() {
		err = errStopped
	}
	close(p.events)
	if err != nil {
		return err
	}
	for _, spec := range auditedTables() {
		var rows [][]any
		err := spec.scan(v.ctx, v.q, nil, func(vals []any) error {
			rows = append(rows, vals)
			return nil
		})
		if err != nil {
			return err
		}
		p.tables[spec.name] = rows
		select {
		case <-p.stop:
			return errStopped
		default:
		}
	}
	return nil
}

// finish stops the reading and waits for it to end.
func (p *prefetch) finish() {
	select {
	case <-p.stop:
	default:
		close(p.stop)
	}
	for range p.events {
	}
	<-p.done
}

// readEvents calls fn with each event of the log in order until fn
// returns false.
func (v *verifier) readEvents(fn func(eventRow) bool) error {
	for batch := range v.pre.events {
		for _, e := range batch {
			if !fn(e) {
				v.pre.finish()
				return nil
			}
		}
	}
	<-v.pre.done
	if errors.Is(v.pre.err, errStopped) {
		return nil
	}
	return v.pre.err
}

// tableRows returns every row of an audited table, in key order, each
// with the values of its allColumns.
func (v *verifier) tableRows(spec tableSpec) ([][]any, error) {
	<-v.pre.done
	if v.pre.err != nil {
		return nil, v.pre.err
	}
	return v.pre.tables[spec.name], nil
}

// chainStart is the kind of the event that starts the chain in a file
// migrated from schema 1 (see chainLegacy).
const chainStart = "chain.start"

// event places one event, whose hash has been checked, in the chain and
// replays it.
// A problem is returned without the words that name the event, which the
// caller puts before it.
func (v *verifier) event(seq int64, kind, detail, hash string) string {
	legacy := !strings.HasPrefix(detail, "{") // schema 1 logged plain text
	switch {
	case kind == chainStart && v.chained != 0 && v.chainedKind == chainStart:
		return fmt.Sprintf("nhật ký bắt đầu chuỗi (chain.start) lần thứ hai; chuỗi đã bắt đầu ở sự kiện số %d. "+
			"Một tệp chỉ bắt đầu chuỗi một lần, khi được nâng cấp từ phiên bản cũ; sự kiện này đã được thêm vào ngoài chương trình.",
			v.chained)
	case kind == chainStart && v.chained != 0:
		return fmt.Sprintf("sự kiện bắt đầu chuỗi (chain.start) nằm giữa nhật ký, trong khi chuỗi đã bắt đầu từ sự kiện số %d. "+
			"Sự kiện bắt đầu chuỗi chỉ hợp lệ khi là sự kiện đầu tiên của chuỗi; sự kiện này đã được thêm vào ngoài chương trình.",
			v.chained)
	case v.chained == 0 && legacy && kind != chainStart:
		// An event from before the chain: its detail is a note, not a change.
		v.legacy++
		v.legacyRound(kind, detail, hash)
		return ""
	case v.chained == 0 && v.legacy > 0 && kind != chainStart:
		return fmt.Sprintf("trước sự kiện này nhật ký có %d sự kiện cũ (chưa thuộc chuỗi) nhưng không có sự kiện bắt đầu chuỗi (chain.start) ngay sau chúng.",
			v.legacy)
	}
	if v.chained == 0 {
		v.chained, v.chainedKind = seq, kind
	}
	d, problem := v.replay(seq, kind, detail)
	if problem != "" {
		return problem
	}
	if id, ok := closedRound(kind, d); ok {
		v.roundHeads[id] = hash
	}
	return ""
}

// legacyRound notes the hash of a schema 1 event that closed a round: the
// head of the record when that round closed.
func (v *verifier) legacyRound(kind, detail, hash string) {
	seq, ok := legacyClosedRound(kind, detail)
	if !ok {
		return
	}
	for id, s := range v.names.rounds {
		if s == seq {
			v.roundHeads[id] = hash
		}
	}
}

// eventTime shows an event's stored time in Vietnam's time zone.
func eventTime(at string) string {
	t, err := parseTime(sql.NullString{String: at, Valid: true})
	if err != nil {
		return at
	}
	return t.In(model.Vietnam()).Format("15:04:05 ngày 02/01/2006")
}

// replay applies one event's detail to the rebuilt record and returns the
// detail. Once the log has closed the meeting, an event may only add a
// correction: the triggers refuse any other change to a closed record, so
// an event that makes one was written behind the program's back. A
// problem is returned as event returns it.
func (v *verifier) replay(seq int64, kind, detail string) (eventDetail, string) {
	d, err := decodeReplay(detail)
	if err != nil {
		return d, "nội dung không đọc được."
	}
	if v.closedAt != 0 {
		if p := v.afterClose(d); p != "" {
			return d, p
		}
	}
	if d.Cast != 0 {
		v.casts[d.Cast]++
	}
	for _, seal := range d.Seals {
		if seal.Commitment == "" || kind == chainStart {
			v.casts[seal.Round] += seal.Ballots // ballots cast before the log was chained
		}
		if seal.Commitment != "" {
			v.seals[seal.Round] = seal
		}
	}
	for _, c := range d.Changes {
		if p := v.apply(c); p != "" {
			return d, p
		}
	}
	if v.closedAt == 0 && v.meetingClosed() {
		v.closedAt = seq
	}
	return d, ""
}

// meetingClosed reports whether the record rebuilt so far has the meeting
// closed.
func (v *verifier) meetingClosed() bool {
	r, ok := v.state["meeting"][keyText([]any{int64(1)})]
	if !ok {
		return false
	}
	return v.statusAt >= 0 && r.vals[v.statusAt] == "closed"
}

// afterClose checks an event logged after the meeting closed: it may only
// add new corrections.
func (v *verifier) afterClose(d eventDetail) string {
	closed := fmt.Sprintf("sau khi phiên họp đã kết thúc (sự kiện số %d); sau đó nhật ký chỉ được ghi thêm đính chính", v.closedAt)
	if d.Cast != 0 || len(d.Seals) > 0 {
		return "ghi phiếu bầu " + closed + "."
	}
	for _, c := range d.Changes {
		if c.Table != "corrections" {
			return fmt.Sprintf("ghi thay đổi ở bảng %s %s.", c.Table, closed)
		}
		if len(c.Key) != 1 {
			return "ghi lại toàn bộ bảng corrections " + closed + "."
		}
		key, err := sqlValue(c.Key[0])
		if err != nil {
			return "khóa của bảng corrections không đọc được."
		}
		if _, ok := v.state["corrections"][keyText([]any{key})]; ok {
			return fmt.Sprintf("sửa đính chính số %s đã ghi trước đó; đính chính chỉ được ghi thêm, không được sửa.", valueText(key))
		}
	}
	return ""
}

// apply replaces the rows under a change's key with its rows.
func (v *verifier) apply(c rowChange) string {
	spec, ok := v.specs[c.Table]
	if !ok {
		return fmt.Sprintf("ghi thay đổi ở bảng lạ %q.", c.Table)
	}
	prefix := make([]any, len(c.Key))
	for i, k := range c.Key {
		var err error
		if prefix[i], err = sqlValue(k); err != nil || i >= len(spec.key) {
			return fmt.Sprintf("khóa của bảng %s không đọc được.", c.Table)
		}
	}
	table := v.state[spec.name]
	switch {
	case table == nil || len(prefix) == 0:
		table = map[string]*expRow{}
		v.state[spec.name] = table
	case len(prefix) == len(spec.key):
		delete(table, keyText(prefix))
	default:
		for k, r := range table {
			if hasPrefix(r.key, prefix) {
				delete(table, k)
			}
		}
	}
	l, problem := v.layoutOf(spec, c.Cols)
	if problem != "" {
		return problem
	}
	nkey := len(spec.key)
	for _, raw := range c.Rows {
		if len(raw) != len(c.Cols) {
			return fmt.Sprintf("một dòng của bảng %s có %d giá trị cho %d cột.", c.Table, len(raw), len(c.Cols))
		}
		var vals []any
		if l.same {
			// The change logged every column in the table's order: its
			// row, turned into stored values, is the expected row.
			vals = raw
		} else {
			vals = make([]any, l.width)
			for i := nkey; i < l.width; i++ {
				vals[i] = notLogged{}
			}
		}
		for i, col := range c.Cols {
			val, err := sqlValue(raw[i])
			if err != nil {
				return fmt.Sprintf("giá trị cột %s của bảng %s không đọc được.", col, c.Table)
			}
			if at := l.colAt[i]; at >= 0 {
				vals[at] = val
			}
		}
		r := &expRow{key: vals[:nkey:nkey], vals: vals}
		if !hasPrefix(r.key, prefix) {
			return fmt.Sprintf("một dòng của bảng %s nằm ngoài khóa của thay đổi.", c.Table)
		}
		table[keyText(r.key)] = r
	}
	return ""
}

// layout is where the columns a change logged go among its table's
// columns (allColumns).
type layout struct {
	cols  []string // the columns as logged
	colAt []int    // for each logged column, its place among the table's; -1 for a column the table lacks and for all but the last of a column logged twice
	width int      // the number of the table's columns
	same  bool     // the columns are the table's, in its order
}

// layoutOf returns the layout of a change of spec's table logging cols,
// or the problem of a change that lacks a key column. The layout of the
// table's last change is kept: nearly every change of a table logs the
// same columns.
func (v *verifier) layoutOf(spec tableSpec, cols []string) (*layout, string) {
	if l, ok := v.layouts[spec.name]; ok && slices.Equal(l.cols, cols) {
		return l, ""
	}
	for _, name := range spec.key {
		if !slices.Contains(cols, name) {
			return nil, fmt.Sprintf("thay đổi ở bảng %s thiếu cột khóa %s.", spec.name, name)
		}
	}
	all := spec.allColumns()
	l := &layout{cols: slices.Clone(cols), colAt: make([]int, len(cols)), width: len(all), same: slices.Equal(cols, all)}
	for i, col := range cols {
		l.colAt[i] = -1
		if slices.Index(cols[i+1:], col) < 0 {
			l.colAt[i] = slices.Index(all, col)
		}
	}
	if v.layouts == nil {
		v.layouts = map[string]*layout{}
	}
	v.layouts[spec.name] = l
	return l, ""
}

// keyText is a map key for a row's key values.
func keyText(key []any) string {
	var buf [64]byte
	b := buf[:0]
	for _, k := range key {
		switch x := k.(type) {
		case int64:
			b = append(b, 'i')
			b = binary.BigEndian.AppendUint64(b, uint64(x))
		case string:
			b = append(b, 's')
			b = binary.AppendUvarint(b, uint64(len(x)))
			b = append(b, x...)
		default:
			t := valueText(x)
			b = append(b, 'o')
			b = binary.AppendUvarint(b, uint64(len(t)))
			b = append(b, t...)
		}
	}
	return string(b)
}

// hasPrefix reports whether key starts with prefix.
func hasPrefix(key, prefix []any) bool {
	if len(prefix) > len(key) {
		return false
	}
	for i := range prefix {
		if compareValues(key[i], prefix[i]) != 0 {
			return false
		}
	}
	return true
}

// typeRank orders values the way SQLite does: NULL, numbers, text, blobs.
func typeRank(v any) int {
	switch v.(type) {
	case nil:
		return 0
	case int64, float64:
		return 1
	case string:
		return 2
	}
	return 3
}

// compareValues orders two stored values like SQLite's BINARY collation; it
// returns 0 only when they are the same value of the same kind.
func compareValues(a, b any) int {
	ra, rb := typeRank(a), typeRank(b)
	if ra != rb {
		return ra - rb
	}
	switch x := a.(type) {
	case nil:
		return 0
	case int64:
		switch y := b.(type) {
		case int64:
			return cmpOrdered(x, y)
		case float64:
			if c := cmpOrdered(float64(x), y); c != 0 {
				return c
			}
			return -1 // an integer and a real are different values
		}
	case float64:
		switch y := b.(type) {
		case float64:
			return cmpOrdered(x, y)
		case int64:
			if c := cmpOrdered(x, float64(y)); c != 0 {
				return c
			}
			return 1
		}
	case string:
		return strings.Compare(x, b.(string))
	case []byte:
		if y, ok := b.([]byte); ok {
			return bytes.Compare(x, y)
		}
	}
	return strings.Compare(fmt.Sprintf("%T%v", a, a), fmt.Sprintf("%T%v", b, b))
}

func cmpOrdered[T int64 | float64](a, b T) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// compareKeys orders two keys value by value.
func compareKeys(a, b []any) int {
	for i := range min(len(a), len(b)) {
		if c := compareValues(a[i], b[i]); c != 0 {
			return c
		}
	}
	return len(a) - len(b)
}

// tables compares every audited table with what the log rebuilt, in both
// directions, and names the first row in key order that differs: one the
// log has and the file lost, one the file has and the log never wrote, or
// one whose logged value the file does not hold.
func (v *verifier) tables() (string, error) {
	for _, spec := range auditedTables() {
		p, err := v.table(spec)
		if err != nil || p != "" {
			return p, err
		}
	}
	return "", nil
}

// table compares one audited table with what the log rebuilt. It reads
// the file's rows once, finding each among the rebuilt rows by its key;
// only when something differs does it look for the first difference.
func (v *verifier) table(spec tableSpec) (string, error) {
	expected := v.state[spec.name]
	for _, r := range expected {
		r.seen = false
	}
	var (
		firstKey []any
		problem  string
	)
	where := func(key []any) string { return "Bảng " + spec.name + ", " + spec.describe(v.names, key) }
	note := func(key []any, p func() string) {
		if firstKey == nil || compareKeys(key, firstKey) < 0 {
			firstKey, problem = key, p()
		}
	}
	matched := 0
	valueAt := len(spec.key)
	rows, err := v.tableRows(spec)
	if err != nil {
		return "", err
	}
	for _, vals := range rows {
		key := vals[:len(spec.key)]
		e, ok := expected[keyText(key)]
		if !ok || e.seen {
			note(key, func() string {
				return where(key) + ": có trong tệp nhưng nhật ký không ghi (đã được thêm vào ngoài chương trình)."
			})
			continue
		}
		e.seen = true
		matched++
		for i, col := range spec.columns {
			want, got := e.vals[valueAt+i], vals[valueAt+i]
			if _, unlogged := want.(notLogged); unlogged || compareValues(got, want) == 0 {
				continue
			}
			note(key, func() string { return v.valueProblem(spec, where(key), col, got, want) })
			break
		}
	}
	if matched < len(expected) {
		for _, e := range expected {
			if !e.seen {
				note(e.key, func() string {
					return where(e.key) + ": nhật ký ghi có dòng này nhưng trong tệp không còn (đã bị xóa ngoài chương trình)."
				})
			}
		}
	}
	return problem, nil
}

// valueProblem says that a column of a row in the file does not hold the
// value the log wrote.
func (v *verifier) valueProblem(spec tableSpec, where, col string, got, want any) string {
	if spec.name == "meeting" && col == "plan" {
		if p := planChange(got, want); p != "" {
			return where + ": " + p
		}
	}
	label := spec.labels[col]
	if label == "" {
		label = col
	}
	return fmt.Sprintf("%s: %s trong tệp là %s nhưng nhật ký ghi %s.", where, label, valueText(got), valueText(want))
}

// planChange names what differs between the plan stored in the file and
// the plan the log recorded, field by field in the plan file's terms; it
// returns "" when either cannot be read as a plan, and the caller then
// shows both values.
func planChange(inFile, logged any) string {
	fileText, ok1 := inFile.(string)
	logText, ok2 := logged.(string)
	if !ok1 || !ok2 {
		return ""
	}
	filePlan, err1 := decodePlan(fileText)
	logPlan, err2 := decodePlan(logText)
	if err1 != nil || err2 != nil {
		return ""
	}
	diff := model.PlanDiff(logPlan, filePlan)
	if len(diff) == 0 {
		return "kế hoạch trong tệp được ghi khác với nhật ký (văn bản JSON đã bị sửa) dù các mục của kế hoạch vẫn như nhật ký ghi."
	}
	return "kế hoạch trong tệp khác với kế hoạch nhật ký ghi (giá trị nhật ký ghi → giá trị trong tệp): " +
		strings.Join(diff, "; ") + "."
}

// roundInfo is what the round checks read from the rounds table.
type roundInfo struct {
	id, seq              int64
	award, mode, status  string
	eligible, all, valid int
	nominees             []int64
	results              map[int64]model.ResultLine
	resultOrder          []int64
}

// rounds checks each round's voters and ballots against its seal and
// recounts its results.
func (v *verifier) rounds() (string, error) {
	for _, orphan := range []struct{ query, what string }{
		{`SELECT COUNT(*) FROM participation WHERE round_id NOT IN (SELECT id FROM rounds)`,
			"Bảng participation có %d dòng không thuộc vòng bỏ phiếu nào."},
		{`SELECT COUNT(*) FROM ballots WHERE round_id NOT IN (SELECT id FROM rounds)`,
			"Bảng ballots có %d phiếu không thuộc vòng bỏ phiếu nào."},
		{`SELECT COUNT(*) FROM ballot_choices WHERE ballot_id NOT IN (SELECT id FROM ballots)`,
			"Bảng ballot_choices có %d lựa chọn không thuộc phiếu nào."},
	} {
		var n int
		if err := v.q.QueryRowContext(v.ctx, orphan.query).Scan(&n); err != nil {
			return "", fmt.Errorf("verify ballots: %w", err)
		}
		if n > 0 {
			return fmt.Sprintf(orphan.what, n), nil
		}
	}
	var list []*roundInfo
	err := scanRows(v.ctx, v.q, "read rounds",
		`SELECT id, seq, award, mode, status, eligible, all_members, valid FROM rounds ORDER BY seq`, nil,
		func(rows *sql.Rows) error {
			r := &roundInfo{results: map[int64]model.ResultLine{}}
			if err := rows.Scan(&r.id, &r.seq, &r.award, &r.mode, &r.status, &r.eligible, &r.all, &r.valid); err != nil {
				return err
			}
			list = append(list, r)
			return nil
		})
	if err != nil {
		return "", err
	}
	for _, r := range list {
		if r.nominees, err = roundNominees(v.ctx, v.q, r.id); err != nil {
			return "", err
		}
		err = scanRows(v.ctx, v.q, "read results",
			`SELECT nominee_id, agree, disagree, base, pass FROM results WHERE round_id = ? ORDER BY nominee_id`, []any{r.id},
			func(rows *sql.Rows) error {
				var l model.ResultLine
				if err := rows.Scan(&l.NomineeID, &l.Agree, &l.Disagree, &l.Base, &l.Pass); err != nil {
					return err
				}
				r.results[l.NomineeID] = l
				r.resultOrder = append(r.resultOrder, l.NomineeID)
				return nil
			})
		if err != nil {
			return "", err
		}
		if p, err := v.round(r); err != nil || p != "" {
			return p, err
		}
	}
	return "", nil
}

// round checks one round.
func (v *verifier) round(r *roundInfo) (string, error) {
	name := fmt.Sprintf("Vòng %d", r.seq)
	seal, ballots, err := readSeal(v.ctx, v.q, r.id, true)
	if err != nil {
		return "", err
	}
	casts := v.casts[r.id]
	sealed, keyed, err := sealedCount(v.ctx, v.q, r.id)
	if err != nil {
		return "", err
	}
	if p := sealedProblem(name, r, sealed, keyed, seal.Ballots); p != "" {
		return p, nil
	}
	if r.mode == "paper" {
		// Paper rounds keep no ballots: their results are recounted from
		// the counting committee's figures (see paperRecount).
		if len(seal.Voters) > 0 || seal.Ballots > 0 || casts > 0 {
			return fmt.Sprintf("%s là vòng bỏ phiếu giấy nhưng tệp có %d người đã bỏ phiếu điện tử và %d phiếu điện tử.",
				name, len(seal.Voters), seal.Ballots), nil
		}
		return v.paperRecount(r, name)
	}
	if r.status != "closed" {
		if casts != len(seal.Voters) || casts != seal.Ballots+sealed {
			return fmt.Sprintf("%s (đang mở): nhật ký ghi %d lần bỏ phiếu nhưng tệp có %d người đã bỏ phiếu và %d phiếu.",
				name, casts, len(seal.Voters), seal.Ballots+sealed), nil
		}
		return "", nil
	}
	logged, ok := v.seals[r.id]
	if !ok {
		return name + " đã kết thúc nhưng nhật ký không có niêm phong của vòng (danh sách người đã bỏ phiếu và cam kết bộ phiếu).", nil
	}
	if p := v.voters(name, seal.Voters, logged.Voters); p != "" {
		return p, nil
	}
	if p := v.writtenVoters(name, seal.Written, logged.Written); p != "" {
		return p, nil
	}
	if seal.Ballots != logged.Ballots {
		return fmt.Sprintf("%s: tệp có %d phiếu nhưng khi đóng vòng ghi %d phiếu.", name, seal.Ballots, logged.Ballots), nil
	}
	if seal.Commitment != logged.Commitment {
		return name + ": bộ phiếu không khớp cam kết đã ghi khi đóng vòng (có phiếu đã bị sửa, xóa hay thêm).", nil
	}
	if len(logged.Voters) != logged.Ballots || casts != logged.Ballots {
		return fmt.Sprintf("%s: %d người đã bỏ phiếu, %d phiếu khi đóng vòng và %d lần bỏ phiếu trong nhật ký không khớp nhau.",
			name, len(logged.Voters), logged.Ballots, casts), nil
	}
	if r.valid != len(ballots) {
		return fmt.Sprintf("%s: số phiếu hợp lệ ghi %d nhưng tệp có %d phiếu.", name, r.valid, len(ballots)), nil
	}
	rule, ok := v.names.plan.Award(r.award)
	if !ok {
		return fmt.Sprintf("%s: kế hoạch không có danh hiệu mã %q của vòng này.", name, r.award), nil
	}
	mb := make([]model.Ballot, len(ballots))
	for i, b := range ballots {
		mb[i] = model.Ballot{ID: b.id, Choices: make(map[int64]bool, len(b.choices))}
		for _, c := range b.choices {
			mb[i].Choices[c.nominee] = c.agree == 1
		}
	}
	base, err := closingBase(v.ctx, v.q, roundRow{ID: r.id, AllMembers: r.all, Eligible: r.eligible}, len(ballots))
	if err != nil {
		return "", err
	}
	lines := voting.Tally(rule.Rule, r.nominees, mb, base)
	return v.compareResults(name, r, lines, "kiểm lại từ phiếu"), nil
}

// voters names the members in one voter set and not the other: those the
// file lost, then those it gained.
func (v *verifier) voters(name string, inFile, logged []int64) string {
	var lost, gained []string
	i, j := 0, 0
	for i < len(inFile) || j < len(logged) {
		switch {
		case j == len(logged) || (i < len(inFile) && inFile[i] < logged[j]):
			gained = append(gained, v.names.member(inFile[i]))
			i++
		case i == len(inFile) || logged[j] < inFile[i]:
			lost = append(lost, v.names.member(logged[j]))
			j++
		default:
			i++
			j++
		}
	}
	var parts []string
	if len(lost) > 0 {
		parts = append(parts, strings.Join(lost, ", ")+" có trong danh sách đã bỏ phiếu ghi khi đóng vòng nhưng trong tệp không còn")
	}
	if len(gained) > 0 {
		parts = append(parts, strings.Join(gained, ", ")+" có trong danh sách đã bỏ phiếu của tệp nhưng không có trong danh sách ghi khi đóng vòng")
	}
	if len(parts) == 0 {
		return ""
	}
	return name + ": " + strings.Join(parts, "; ") + "."
}

// compareResults compares the stored results of a round with a recount.
func (v *verifier) compareResults(name string, r *roundInfo, lines []model.ResultLine, how string) string {
	counted := make(map[int64]bool, len(lines))
	for _, l := range lines {
		counted[l.NomineeID] = true
		where := name + ", " + v.names.nominee(l.NomineeID)
		got, ok := r.results[l.NomineeID]
		switch {
		case !ok:
			return where + ": tệp không có kết quả nhưng " + how + " thì có."
		case got.Agree != l.Agree:
			return fmt.Sprintf("%s: kết quả ghi %d đồng ý nhưng %s được %d.", where, got.Agree, how, l.Agree)
		case got.Disagree != l.Disagree:
			return fmt.Sprintf("%s: kết quả ghi %d không đồng ý nhưng %s được %d.", where, got.Disagree, how, l.Disagree)
		case got.Base != l.Base:
			return fmt.Sprintf("%s: kết quả ghi cơ sở tính %d nhưng %s là %d.", where, got.Base, how, l.Base)
		case got.Pass != l.Pass:
			return fmt.Sprintf("%s: kết quả ghi %s nhưng %s là %s.", where,
				voting.VerdictLabel(got.Pass), how, voting.VerdictLabel(l.Pass))
		}
	}
	for _, id := range r.resultOrder {
		if !counted[id] {
			return name + ", " + v.names.nominee(id) + ": có kết quả trong tệp nhưng không có trên phiếu của vòng."
		}
	}
	return ""
}

// guardedTables are the tables that migrations 00002 to 00007 close with
// triggers when the meeting closes.
func guardedTables() []string {
	return []string{"members", "nominees", "candidacies", "marks", "checks", "rounds", "round_nominees",
		"participation", "ballots", "ballot_choices", "results",
		"paper_counts", "chair_decisions", "decision_nominees", "member_codes", "round_keys", "sealed_ballots",
		"dossier", "remarks", "paper_envelopes", "nominated_members", "round_recusals"}
}

// triggers makes sure the triggers that keep the log append-only and a
// closed record closed are still in the file. Removing them changes no row,
// but only someone working behind the program's back does it.
func (v *verifier) triggers() (string, error) {
	want := []string{"events_no_update", "events_no_delete", "corrections_no_update", "corrections_no_delete",
		"corrections_only_after_close", "meeting_closed_update", "meeting_closed_delete"}
	for _, t := range guardedTables() {
		want = append(want, t+"_closed_insert", t+"_closed_update", t+"_closed_delete")
	}
	have := map[string]bool{}
	err := scanRows(v.ctx, v.q, "read triggers", `SELECT name FROM sqlite_schema WHERE type = 'trigger'`, nil,
		func(rows *sql.Rows) error {
			var name string
			if err := rows.Scan(&name); err != nil {
				return err
			}
			have[name] = true
			return nil
		})
	if err != nil {
		return "", err
	}
	for _, name := range want {
		if !have[name] {
			return fmt.Sprintf("Tệp thiếu trigger bảo vệ %q: cấu trúc cơ sở dữ liệu đã bị sửa ngoài chương trình.", name), nil
		}
	}
	return "", nil
}

// Recount tallies every closed electronic round again from the ballots
// stored in the file, in one read transaction, against its award's rule
// and the bases the round recorded, and returns each round's result
// lines by round id, in ballot order. Verify compares the same recount
// with the stored results.
func (s *Store) Recount(ctx context.Context) (map[int64][]model.ResultLine, error) {
	var out map[int64][]model.ResultLine
	err := s.read(ctx, func(tx *sql.Tx) error {
		plan, _, err := s.loadMeeting(ctx, tx)
		if err != nil {
			return err
		}
		rounds, err := loadRounds(ctx, tx, 0, true)
		if err != nil {
			return err
		}
		out = make(map[int64][]model.ResultLine, len(rounds))
		for _, r := range rounds {
			if r.Status != model.RoundClosed || r.Mode != model.RoundElectronic {
				continue
			}
			a, ok := plan.Award(r.Award)
			if !ok {
				return fmt.Errorf("recount round %d: award %q is not in the plan", r.Seq, r.Award)
			}
			r.Valid = len(r.Ballots)
			out[r.ID] = voting.Tally(a.Rule, r.Nominees, r.Ballots, voting.RoundBase(r))
		}
		return nil
	})
	return out, err
}
