package store

// The event log is append-only and hash-chained, and every write leaves in
// it exactly what it stored, so that Verify can rebuild the record from the
// log and compare it with the tables.
//
// How to log a change (every write method must, inside its transaction,
// after its last statement):
//
//	return s.record(ctx, tx, "mark", fmt.Sprintf("nominee %d ...", id),
//		row("marks", nomineeID, award, idx))
//
// Each rowRef names an audited table and a key, or a leading part of the
// key: row("members", 3) is member 3; row("round_nominees", roundID) is
// every ballot line of that round; row("members") is the whole table.
// record reads the named rows back from the table (so the log holds exactly
// what is stored) and the log then says "the rows under this key are now
// exactly these": a row that is gone is logged as gone. Name every row the
// write inserted, updated or deleted; naming more is harmless.
//
// A new table that is part of the record is added to auditedTables below,
// with its key columns, its value columns and Vietnamese labels for Verify's
// messages, and gets the closed-meeting triggers (see migration 00002) in
// its own migration. Columns that must never be logged (a voting code's
// hash, anything that could identify a ballot) are simply left out of the
// spec, or the table is left out entirely.
//
// The secret ballot is the exception: participation, ballots and
// ballot_choices are never logged row by row. Casting logs recordCast (the
// round only: neither the member nor the ballot), and closing an electronic
// round logs recordSealed, which adds the round's seal: the sorted voter set
// and one commitment over the sorted ballot hashes.

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// tableSpec describes one table whose rows the log carries.
type tableSpec struct {
	name    string
	key     []string // primary key columns, in order
	columns []string // logged value columns, after the key
	labels  map[string]string
	// describe names a row for a Vietnamese message, e.g. "thành viên số 3
	// (Lê Văn Cường)"; key has one value per key column.
	describe func(n *names, key []any) string
}

// auditedTables lists the tables of the record in the order Verify compares
// them. Add new record tables here.
func auditedTables() []tableSpec {
	return []tableSpec{
		{name: "meeting", key: []string{"id"},
			columns: []string{"plan", "status", "started_at", "closed_at", "discussion", "presiding", "minutes_date"},
			labels: map[string]string{"plan": "kế hoạch", "status": "trạng thái", "started_at": "giờ bắt đầu",
				"closed_at": "giờ kết thúc", "discussion": "ý kiến thảo luận", "presiding": "người chủ trì",
				"minutes_date": "ngày ghi trên biên bản"},
			describe: func(*names, []any) string { return "phiên họp" }},
		{name: "members", key: []string{"id"},
			columns: []string{"pos", "name", "position", "role", "votes", "attendance", "absent_reason", "teller", "teller_head", "written_ballot"},
			labels: map[string]string{"pos": "số thứ tự", "name": "họ tên", "position": "chức vụ", "role": "vai trò",
				"votes": "quyền biểu quyết", "attendance": "điểm danh", "absent_reason": "lý do vắng",
				"teller": "thành viên Ban kiểm phiếu", "teller_head": "Trưởng ban kiểm phiếu",
				"written_ballot": "gửi phiếu bằng văn bản"},
			describe: func(n *names, k []any) string { return n.member(k[0]) }},
		{name: "nominees", key: []string{"id"},
			columns: []string{"pos", "kind", "name", "unit", "position", "summary", "facts", "note"},
			labels: map[string]string{"pos": "số thứ tự", "kind": "loại", "name": "tên", "unit": "đơn vị",
				"position": "chức vụ", "summary": "tóm tắt thành tích", "facts": "điều kiện đã biết", "note": "ghi chú thảo luận"},
			describe: func(n *names, k []any) string { return n.nominee(k[0]) }},
		{name: "candidacies", key: []string{"nominee_id", "award"},
			columns: []string{"pos"},
			labels:  map[string]string{"pos": "thứ tự đề nghị"},
			describe: func(n *names, k []any) string {
				return n.nominee(k[0]) + ", đề nghị " + n.award(k[1])
			}},
		{name: "checks", key: []string{"nominee_id", "code"},
			columns: []string{"applies"},
			labels:  map[string]string{"applies": "áp dụng"},
			describe: func(n *names, k []any) string {
				return n.nominee(k[0]) + ", điều kiện " + valueText(k[1])
			}},
		{name: "marks", key: []string{"nominee_id", "award", "idx"},
			columns: []string{"mark", "note"},
			labels:  map[string]string{"mark": "kết quả", "note": "ghi chú"},
			describe: func(n *names, k []any) string {
				idx, _ := k[2].(int64)
				return fmt.Sprintf("%s, %s, tiêu chí %d", n.nominee(k[0]), n.award(k[1]), idx+1)
			}},
		{name: "rounds", key: []string{"id"},
			columns: []string{"seq", "award", "mode", "status", "opened_at", "closed_at", "eligible", "all_members",
				"issued", "returned", "valid", "invalid", "parent"},
			labels: map[string]string{"seq": "số vòng", "award": "danh hiệu", "mode": "hình thức", "status": "trạng thái",
				"opened_at": "giờ mở", "closed_at": "giờ đóng", "eligible": "số thành viên có mặt",
				"all_members": "tổng số thành viên", "issued": "số phiếu phát ra", "returned": "số phiếu thu về",
				"valid": "số phiếu hợp lệ", "invalid": "số phiếu không hợp lệ", "parent": "vòng được bỏ phiếu lại"},
			describe: func(n *names, k []any) string { return n.round(k[0]) }},
		{name: "round_nominees", key: []string{"round_id", "pos"},
			columns: []string{"nominee_id"},
			labels:  map[string]string{"nominee_id": "đối tượng"},
			describe: func(n *names, k []any) string {
				pos, _ := k[1].(int64)
				return fmt.Sprintf("%s, dòng %d của phiếu", n.round(k[0]), pos+1)
			}},
		{name: "results", key: []string{"round_id", "nominee_id"},
			columns: []string{"agree", "disagree", "base", "pass"},
			labels: map[string]string{"agree": "số đồng ý", "disagree": "số không đồng ý", "base": "cơ sở tính",
				"pass": "kết quả đạt"},
			describe: func(n *names, k []any) string { return n.round(k[0]) + ", " + n.nominee(k[1]) }},
		// Paper rounds, ties and voting codes (migration 00003; see paper.go,
		// ties.go and codes.go). A voting code's hash and its count of wrong
		// tries are never logged.
		{name: "paper_counts", key: []string{"round_id", "nominee_id"},
			columns:  []string{"agree"},
			labels:   map[string]string{"agree": "số phiếu đồng ý do Ban kiểm phiếu đếm"},
			describe: func(n *names, k []any) string { return n.round(k[0]) + ", " + n.nominee(k[1]) }},
		{name: "chair_decisions", key: []string{"round_id"},
			columns: []string{"award", "chair", "at", "note"},
			labels: map[string]string{"award": "danh hiệu", "chair": "chủ tọa", "at": "thời điểm",
				"note": "ghi chú"},
			describe: func(n *names, k []any) string { return "quyết định của chủ tọa về " + n.round(k[0]) }},
		{name: "decision_nominees", key: []string{"round_id", "nominee_id"},
			columns: []string{"chosen"},
			labels:  map[string]string{"chosen": "được chủ tọa chọn"},
			describe: func(n *names, k []any) string {
				return "quyết định của chủ tọa về " + n.round(k[0]) + ", " + n.nominee(k[1])
			}},
		{name: "member_codes", key: []string{"member_id"},
			columns:  []string{"issued", "locked"},
			labels:   map[string]string{"issued": "số lần cấp mã bỏ phiếu", "locked": "bị khóa vì nhập sai mã"},
			describe: func(n *names, k []any) string { return "mã bỏ phiếu của " + n.member(k[0]) }},
		// Dossiers and remarks (migration 00007; see dossier.go).
		{name: "dossier", key: []string{"nominee_id", "award", "doc"},
			labels: map[string]string{},
			describe: func(n *names, k []any) string {
				doc, _ := k[2].(int64)
				return fmt.Sprintf("%s, hồ sơ %s, giấy tờ %d", n.nominee(k[0]), n.award(k[1]), doc+1)
			}},
		{name: "remarks", key: []string{"id"},
			columns: []string{"nominee_id", "speaker", "speaker_name", "text"},
			labels: map[string]string{"nominee_id": "đối tượng", "speaker": "người phát biểu",
				"speaker_name": "tên người phát biểu", "text": "nội dung"},
			describe: func(_ *names, k []any) string { return "ý kiến phát biểu số " + valueText(k[0]) }},
		// Written ballots and nominated members (migration 00006; see
		// written.go).
		writtenEnvelopesSpec(), nominatedMembersSpec(), roundRecusalsSpec(),
		{name: "corrections", key: []string{"seq"},
			columns:  []string{"at", "text"},
			labels:   map[string]string{"at": "thời điểm", "text": "nội dung"},
			describe: func(_ *names, k []any) string { return "đính chính số " + valueText(k[0]) }},
	}
}

// specOf returns the audited table called name.
func specOf(name string) (tableSpec, bool) {
	for _, t := range auditedTables() {
		if t.name == name {
			return t, true
		}
	}
	return tableSpec{}, false
}

// rowRef names the rows of an audited table under a key or a leading part
// of it.
type rowRef struct {
	table string
	key   []any
}

// row names the rows of table whose key starts with key: one row for a full
// key, a group for a part of it, the whole table for none.
func row(table string, key ...any) rowRef {
	return rowRef{table: table, key: key}
}

// eventDetail is the JSON stored in events.detail.
type eventDetail struct {
	Note    string      `json:"note,omitempty"`
	Cast    int64       `json:"cast,omitempty"` // the round a ballot was cast in
	Seals   []roundSeal `json:"seals,omitempty"`
	Changes []rowChange `json:"changes,omitempty"`
}

// rowChange says that the rows of Table under Key are now exactly Rows,
// each holding the values of Cols in order.
type rowChange struct {
	Table string   `json:"table"`
	Key   []any    `json:"key"`
	Cols  []string `json:"cols"`
	Rows  [][]any  `json:"rows"`
}

// roundSeal is what closing an electronic round pins: who voted and, without
// saying which ballot is whose, what the ballots were.
type roundSeal struct {
	Round      int64   `json:"round"`
	Voters     []int64 `json:"voters"`
	Written    []int64 `json:"written,omitempty"` // of the voters, those whose ballot came in writing
	Ballots    int     `json:"ballots"`
	Commitment string  `json:"commitment"`
}

// record appends an event of kind with a short English note, carrying the
// current content of the named rows, to the log.
func (s *Store) record(ctx context.Context, tx *sql.Tx, kind, note string, rows ...rowRef) error {
	d := eventDetail{Note: note}
	for _, r := range rows {
		c, err := readChange(ctx, tx, r)
		if err != nil {
			return fmt.Errorf("log %s: %w", kind, err)
		}
		d.Changes = append(d.Changes, c)
	}
	return s.appendEvent(ctx, tx, kind, d)
}

// recordChanges is record for changes already read (see readChanges),
// followed by the rows named.
func (s *Store) recordChanges(ctx context.Context, tx *sql.Tx, kind, note string, changes []rowChange, rows ...rowRef) error {
	d := eventDetail{Note: note, Changes: changes}
	for _, r := range rows {
		c, err := readChange(ctx, tx, r)
		if err != nil {
			return fmt.Errorf("log %s: %w", kind, err)
		}
		d.Changes = append(d.Changes, c)
	}
	return s.appendEvent(ctx, tx, kind, d)
}

// recordCast logs that a ballot was cast in a round, and nothing else: no
// member, no ballot, no row.
func (s *Store) recordCast(ctx context.Context, tx *sql.Tx, roundID int64, seq int) error {
	return s.appendEvent(ctx, tx, "ballot.cast",
		eventDetail{Note: fmt.Sprintf("ballot cast in round %d", seq), Cast: roundID})
}

// recordSealed is record for closing an electronic round: it adds the
// round's seal, read from the participation and ballot tables.
func (s *Store) recordSealed(ctx context.Context, tx *sql.Tx, kind, note string, roundID int64, rows ...rowRef) error {
	seal, _, err := readSeal(ctx, tx, roundID, false)
	if err != nil {
		return err
	}
	d := eventDetail{Note: note, Seals: []roundSeal{seal}}
	for _, r := range rows {
		c, err := readChange(ctx, tx, r)
		if err != nil {
			return fmt.Errorf("log %s: %w", kind, err)
		}
		d.Changes = append(d.Changes, c)
	}
	return s.appendEvent(ctx, tx, kind, d)
}

// closedRound returns the round an event closed, if it closed one: an
// electronic round closes with a round.close event carrying its seal, a
// paper round with a round.paper event logging its row of rounds.
func closedRound(kind string, d eventDetail) (int64, bool) {
	switch kind {
	case "round.close":
		if len(d.Seals) > 0 {
			return d.Seals[0].Round, true
		}
	case "round.paper":
		for _, c := range d.Changes {
			if c.Table != "rounds" || len(c.Key) != 1 {
				continue
			}
			if id, err := sqlValue(c.Key[0]); err == nil {
				if n, ok := id.(int64); ok {
					return n, true
				}
			}
		}
	}
	return 0, false
}

// legacyClosedRound returns the number (seq) of the round a schema 1 event
// closed: such events logged "round 2 closed: 7 ballots" as plain text.
func legacyClosedRound(kind, detail string) (int64, bool) {
	var seq int64
	if kind != "round.close" || strings.HasPrefix(detail, "{") {
		return 0, false
	}
	if _, err := fmt.Sscanf(detail, "round %d closed", &seq); err != nil {
		return 0, false
	}
	return seq, true
}

// appendEvent chains and inserts one event.
func (s *Store) appendEvent(ctx context.Context, tx *sql.Tx, kind string, d eventDetail) error {
	b, err := encodeDetail(d)
	if err != nil {
		return fmt.Errorf("log %s: %w", kind, err)
	}
	detail := string(b)
	seq, prev, err := lastEvent(ctx, tx)
	if err != nil {
		return err
	}
	seq++
	at := timeText(s.now())
	_, err = tx.ExecContext(ctx, `INSERT INTO events (seq, at, kind, detail, hash) VALUES (?, ?, ?, ?, ?)`,
		seq, at, kind, detail, eventHash(prev, seq, at, kind, detail))
	if err != nil {
		return fmt.Errorf("log event %s: %w", kind, err)
	}
	return nil
}

// lastEvent returns the seq and hash of the newest event, or 0 and "".
func lastEvent(ctx context.Context, q querier) (int64, string, error) {
	var (
		seq  int64
		hash sql.NullString
	)
	err := q.QueryRowContext(ctx, `SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1`).Scan(&seq, &hash)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, "", nil
	}
	if err != nil {
		return 0, "", fmt.Errorf("read last event: %w", err)
	}
	return seq, hash.String, nil
}

// eventHash is the chain's link: hex SHA-256 over the previous event's hash
// (empty for the first event) and this event's seq, time, kind and detail,
// each field on its own line and kind and detail prefixed with their length
// in bytes, so that no two events hash the same text:
//
//	prev "\n" seq "\n" at "\n" len(kind) ":" kind "\n" len(detail) ":" detail
func eventHash(prev string, seq int64, at, kind, detail string) string {
	h := sha256.New()
	h.Write([]byte(prev))
	h.Write([]byte("\n" + strconv.FormatInt(seq, 10) + "\n" + at + "\n" +
		strconv.Itoa(len(kind)) + ":" + kind + "\n" + strconv.Itoa(len(detail)) + ":"))
	h.Write([]byte(detail))
	return hex.EncodeToString(h.Sum(nil))
}

// readChange reads the rows r names, as they are stored now.
func readChange(ctx context.Context, q querier, r rowRef) (rowChange, error) {
	spec, ok := specOf(r.table)
	if !ok {
		return rowChange{}, fmt.Errorf("table %q is not audited", r.table)
	}
	if len(r.key) > len(spec.key) {
		return rowChange{}, fmt.Errorf("table %s: key %v is longer than %v", r.table, r.key, spec.key)
	}
	c := rowChange{Table: r.table, Key: make([]any, len(r.key)), Cols: spec.allColumns(), Rows: [][]any{}}
	for i, v := range r.key {
		nv, err := keyValue(v)
		if err != nil {
			return rowChange{}, fmt.Errorf("table %s: %w", r.table, err)
		}
		c.Key[i] = nv
	}
	err := spec.scan(ctx, q, c.Key, func(vals []any) error {
		for i, v := range vals {
			vals[i] = jsonValue(v)
		}
		c.Rows = append(c.Rows, vals)
		return nil
	})
	if err != nil {
		return rowChange{}, err
	}
	for i, v := range c.Key {
		c.Key[i] = jsonValue(v)
	}
	return c, nil
}

// readChanges reads, in one query, what readChange reads for the rows of
// table under each of ids, the first column of its key: one change per
// id, in the order of ids.
func readChanges(ctx context.Context, q querier, table string, ids []int64) ([]rowChange, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	spec, ok := specOf(table)
	if !ok {
		return nil, fmt.Errorf("table %q is not audited", table)
	}
	cols := spec.allColumns()
	lo, hi := slices.Min(ids), slices.Max(ids)
	rows := make(map[int64][][]any, len(ids))
	for _, id := range ids {
		rows[id] = [][]any{}
	}
	query := "SELECT " + strings.Join(cols, ", ") + " FROM " + table +
		" WHERE " + spec.key[0] + " BETWEEN ? AND ? ORDER BY " + strings.Join(spec.key, ", ")
	err := scanRows(ctx, q, "read "+table, query, []any{lo, hi}, func(r *sql.Rows) error {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := r.Scan(ptrs...); err != nil {
			return err
		}
		id, ok := vals[0].(int64)
		if _, want := rows[id]; !ok || !want {
			return nil
		}
		for i, v := range vals {
			vals[i] = jsonValue(v)
		}
		rows[id] = append(rows[id], vals)
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]rowChange, len(ids))
	for i, id := range ids {
		out[i] = rowChange{Table: table, Key: []any{id}, Cols: cols, Rows: rows[id]}
	}
	return out, nil
}

// allColumns returns the key columns then the value columns.
func (t tableSpec) allColumns() []string {
	return append(slices.Clone(t.key), t.columns...)
}

// scan reads the table's rows whose key starts with prefix, in key order,
// each as the values of allColumns.
func (t tableSpec) scan(ctx context.Context, q querier, prefix []any, fn func([]any) error) error {
	cols := t.allColumns()
	var b strings.Builder
	b.WriteString("SELECT " + strings.Join(cols, ", ") + " FROM " + t.name)
	for i := range prefix {
		if i == 0 {
			b.WriteString(" WHERE ")
		} else {
			b.WriteString(" AND ")
		}
		b.WriteString(t.key[i] + " = ?")
	}
	b.WriteString(" ORDER BY " + strings.Join(t.key, ", "))
	dest := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range dest {
		ptrs[i] = &dest[i]
	}
	return scanRows(ctx, q, "read "+t.name, b.String(), prefix, func(rows *sql.Rows) error {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		return fn(slices.Clone(dest))
	})
}

// keyValue normalises a key value given by a caller to what SQLite returns.
func keyValue(v any) (any, error) {
	switch x := v.(type) {
	case int:
		return int64(x), nil
	case int64:
		return x, nil
	case int32:
		return int64(x), nil
	case string:
		return x, nil
	case bool:
		return int64(boolInt(x)), nil
	}
	return nil, fmt.Errorf("unsupported key value %T", v)
}

// jsonValue turns a SQLite value into what the log's JSON holds: numbers and
// text as themselves, a blob as {"blob": hex}, a real as {"real": text} so
// that it never reads back as an integer.
func jsonValue(v any) any {
	switch x := v.(type) {
	case []byte:
		return map[string]string{"blob": hex.EncodeToString(x)}
	case float64:
		return map[string]string{"real": strconv.FormatFloat(x, 'g', -1, 64)}
	}
	return v
}

// sqlValue is the inverse of jsonValue for a value decoded with UseNumber.
// A value decodeReplay has already turned back (an int64, a []byte, a
// float64, or a badValue it could not) is returned as it is, or as the
// failure it stands for.
func sqlValue(v any) (any, error) {
	switch x := v.(type) {
	case nil, string:
		return x, nil
	case json.Number:
		if n, err := x.Int64(); err == nil {
			return n, nil
		}
		return nil, fmt.Errorf("bad number %s", x)
	case map[string]any:
		if h, ok := x["blob"].(string); ok && len(x) == 1 {
			b, err := hex.DecodeString(h)
			return b, err
		}
		if r, ok := x["real"].(string); ok && len(x) == 1 {
			return strconv.ParseFloat(r, 64)
		}
	case int64, []byte, float64:
		return x, nil
	case badValue:
		return nil, x.err
	}
	return nil, fmt.Errorf("bad value %v", v)
}

// badValue stands, in a detail decodeReplay read, for a logged value
// sqlValue refuses, with sqlValue's error.
type badValue struct{ err error }

// readSeal reads a round's seal from the participation and ballot tables,
// and with withBallots the ballots themselves, sorted by id.
//
// A ballot's hash is hex SHA-256 of its id (32 hex digits) followed, for
// each of its choices in ascending nominee id, by "\n" nominee "=" 1 or 0.
// The commitment is hex SHA-256 of the ballot hashes, sorted, each followed
// by "\n". Anyone can recompute both from the file with any SQLite tool.
func readSeal(ctx context.Context, q querier, roundID int64, withBallots bool) (roundSeal, []ballotRow, error) {
	seal := roundSeal{Round: roundID, Voters: []int64{}}
	err := scanRows(ctx, q, "read voters", `SELECT member_id, written FROM participation WHERE round_id = ? ORDER BY member_id`,
		[]any{roundID}, func(rows *sql.Rows) error {
			var (
				id      int64
				written bool
			)
			if err := rows.Scan(&id, &written); err != nil {
				return err
			}
			seal.Voters = append(seal.Voters, id)
			if written {
				seal.Written = append(seal.Written, id)
			}
			return nil
		})
	if err != nil {
		return seal, nil, err
	}
	var (
		ballots []ballotRow
		hashes  []string
	)
	// One row per ballot with its choices already joined in nominee order:
	// the text the ballot's hash is taken over, and five times faster to
	// read than one row per choice.
	err = scanRows(ctx, q, "read ballots",
		`SELECT b.id, (SELECT group_concat(c.nominee_id || '=' || c.agree, char(10) ORDER BY c.nominee_id)
			FROM ballot_choices c WHERE c.ballot_id = b.id)
		FROM ballots b WHERE b.round_id = ? ORDER BY b.id`, []any{roundID},
		func(rows *sql.Rows) error {
			var (
				id      []byte
				choices sql.NullString
			)
			if err := rows.Scan(&id, &choices); err != nil {
				return err
			}
			text := hex.EncodeToString(id)
			if choices.Valid {
				text += "\n" + choices.String
			}
			sum := sha256.Sum256([]byte(text))
			hashes = append(hashes, hex.EncodeToString(sum[:]))
			if !withBallots {
				return nil
			}
			b := ballotRow{id: hex.EncodeToString(id)}
			for rest := choices.String; rest != ""; {
				line, tail, _ := strings.Cut(rest, "\n")
				rest = tail
				n, a, ok := strings.Cut(line, "=")
				nominee, err1 := strconv.ParseInt(n, 10, 64)
				agree, err2 := strconv.ParseInt(a, 10, 64)
				if !ok || err1 != nil || err2 != nil {
					agree = -1 // not a stored 0 or 1: counts as neither
				}
				b.choices = append(b.choices, ballotChoice{nominee, agree})
			}
			ballots = append(ballots, b)
			return nil
		})
	if err != nil {
		return seal, nil, err
	}
	seal.Ballots = len(hashes)
	seal.Commitment = commitment(hashes)
	return seal, ballots, nil
}

// commitment hashes the sorted ballot hashes.
func commitment(hashes []string) string {
	slices.Sort(hashes)
	h := sha256.New()
	for _, b := range hashes {
		h.Write([]byte(b + "\n"))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// ballotRow is one stored ballot as Verify reads it.
type ballotRow struct {
	id      string
	choices []ballotChoice
}

// ballotChoice is one stored choice; agree is what the column holds.
type ballotChoice struct {
	nominee int64
	agree   int64
}
