package main

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"hoidong/model"
	"hoidong/store"
)

// exportPlan is a small plan: 5 members (4 voting), 4 nominees, 2 awards.
func exportPlan() model.Plan {
	return model.Plan{
		Org: model.Org{Name: "UBND thị trấn Như Quỳnh", Superior: "UBND huyện Văn Lâm", Place: "Như Quỳnh"},
		Ref: model.PlanRef{Number: "11/KH-UBND", Date: "2023-01-15", Title: "Kế hoạch thi đua", Year: 2023},
		Council: model.Council{
			Name: "Hội đồng Thi đua – Khen thưởng thị trấn",
			Members: []model.Member{
				{Name: "Nguyễn Văn An", Position: "Chủ tịch UBND", Role: model.RoleChair, Votes: true},
				{Name: "Trần Thị Bình", Position: "Phó Chủ tịch UBND", Role: model.RoleViceChair, Votes: true},
				{Name: "Lê Văn Cường", Position: "Trưởng Công an", Role: model.RoleMember, Votes: true},
				{Name: "Phạm Thị Dung", Position: "Chủ tịch MTTQ", Role: model.RoleMember, Votes: true},
				{Name: "Hoàng Văn Em", Position: "Công chức VP", Role: model.RoleSecretary, Votes: false},
			},
		},
		Awards: []model.Award{
			{Code: "LDTT", Name: "Lao động tiên tiến", Authority: "Chủ tịch UBND", Recipients: model.ForIndividual,
				Rule: model.Rule{BallotRequired: true, Threshold: model.Fraction{Num: 70, Den: 100}, Comparison: model.AtLeast, Base: model.BaseAllMembers}},
			{Code: "GK", Name: "Giấy khen", Authority: "Chủ tịch UBND", Recipients: model.ForBoth,
				Rule: model.Rule{BallotRequired: false}},
		},
		Criteria: []model.CriteriaSet{
			{Kind: model.KindIndividual, Criteria: []model.Criterion{
				{Text: "Hoàn thành tốt nhiệm vụ", Required: true},
				{Text: "Chấp hành tốt chủ trương", Required: true},
				{Text: "Có sáng kiến", Required: false},
			}},
			{Kind: model.KindCollective, Criteria: []model.Criterion{{Text: "Hoàn thành xuất sắc nhiệm vụ", Required: true}}},
		},
		Eligibility: []model.EligibilityCheck{
			{Code: "discipline", Text: "đang bị kỷ luật", Effect: model.EffectExclude},
			{Code: "review", Text: "đang xem xét kỷ luật", Effect: model.EffectDefer},
		},
		Meeting: model.MeetingSettings{Number: "01/BB-HĐTĐKT", Date: "2023-12-15", Place: "Hội trường UBND",
			Quorum: model.Fraction{Num: 2, Den: 3}, Tellers: 3},
		Nominees: []model.Nominee{
			{Kind: model.KindIndividual, Name: "Đỗ Thị Gấm", Unit: "Văn phòng", Awards: []string{"LDTT", "GK"}},
			{Kind: model.KindIndividual, Name: "Vũ Văn Hải", Unit: "Địa chính", Awards: []string{"LDTT"}},
			{Kind: model.KindCollective, Name: "Tổ dân phố Bình An", Awards: []string{"GK"}},
			{Kind: model.KindIndividual, Name: "Ngô Thị Yến", Unit: "Tư pháp", Awards: []string{"LDTT"}},
		},
	}
}

// testSecretaryCode is the secretary code of the meetings these tests hold.
const testSecretaryCode = "ma-thu-ky-kiem-thu"

// closeElectronicRound closes an electronic round with the secretary's
// key; the one place these tests call CloseRound.
func closeElectronicRound(ctx context.Context, st *store.Store, id int64) error {
	key, err := st.UnlockSecretary(ctx, testSecretaryCode)
	if err != nil {
		return err
	}
	defer key.Forget()
	return st.CloseRound(ctx, id, key)
}

// exportMeeting holds a whole meeting, two electronic rounds and the
// close, in a file of its own folder, and returns the file and its head.
func exportMeeting(t *testing.T) (string, string) {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "hop.db")
	st, err := store.Open(path)
	mustDo(t, err)
	defer st.Close()
	mustDo(t, st.CreateMeeting(ctx, exportPlan()))
	mustDo(t, st.SetSecretaryCode(ctx, testSecretaryCode))
	for id := int64(1); id <= 5; id++ {
		mustDo(t, st.SetAttendance(ctx, id, model.AttendancePresent, ""))
	}
	mustDo(t, st.SetTellerHead(ctx, 2))
	mustDo(t, st.SetTeller(ctx, 3, true))
	for _, id := range []int64{1, 2, 4} {
		mustDo(t, st.SetCheck(ctx, id, "discipline", false))
		mustDo(t, st.SetCheck(ctx, id, "review", false))
		for i := 0; i < 3; i++ {
			mustDo(t, st.SetMark(ctx, id, "LDTT", i, model.MarkMet, ""))
		}
	}
	mustDo(t, st.SetMark(ctx, 3, "GK", 0, model.MarkMet, "Đạt"))
	r1, err := st.OpenRound(ctx, "LDTT", []int64{1, 4})
	mustDo(t, err)
	for m := int64(1); m <= 4; m++ {
		mustDo(t, st.CastBallot(ctx, r1, m, "", map[int64]bool{1: true, 4: m <= 2}))
	}
	mustDo(t, closeElectronicRound(ctx, st, r1))
	r2, err := st.OpenRound(ctx, "LDTT", []int64{2})
	mustDo(t, err)
	for m := int64(1); m <= 4; m++ {
		mustDo(t, st.CastBallot(ctx, r2, m, "", map[int64]bool{2: m != 4}))
	}
	mustDo(t, closeElectronicRound(ctx, st, r2))
	mustDo(t, st.SetDiscussion(ctx, "Hội đồng thống nhất."))
	mustDo(t, st.CloseMeeting(ctx))
	rec, err := st.Record(ctx)
	mustDo(t, err)
	mustDo(t, st.Close())
	return path, rec.Head
}

func mustDo(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// copyDB copies the database file alone into a new folder.
func copyDB(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	mustDo(t, err)
	out := filepath.Join(t.TempDir(), "ban-sao.db")
	mustDo(t, os.WriteFile(out, b, 0o644))
	return out
}

// chainHash is the event chain's link as the design documents it, written
// out here so that the tests forge events the way anyone could:
// SHA-256 over prev "\n" seq "\n" at "\n" len(kind) ":" kind "\n" len(detail) ":" detail.
func chainHash(prev string, seq int64, at, kind, detail string) string {
	sum := sha256.Sum256([]byte(fmt.Sprintf("%s\n%d\n%s\n%d:%s\n%d:%s", prev, seq, at, len(kind), kind, len(detail), detail)))
	return hex.EncodeToString(sum[:])
}

// tamperDB opens the file with no pragmas and without its triggers, the
// way someone editing it behind the program's back would.
func tamperDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	mustDo(t, err)
	db.SetMaxOpenConns(1)
	t.Cleanup(func() { _ = db.Close() })
	var names []string
	rows, err := db.Query(`SELECT name FROM sqlite_schema WHERE type = 'trigger'`)
	mustDo(t, err)
	for rows.Next() {
		var n string
		mustDo(t, rows.Scan(&n))
		names = append(names, n)
	}
	mustDo(t, rows.Close())
	for _, n := range names {
		_, err := db.Exec(`DROP TRIGGER ` + n)
		mustDo(t, err)
	}
	return db
}

// rechainAll recomputes every event's hash, as someone who edited the log
// and knows the algorithm would.
func rechainAll(t *testing.T, db *sql.DB) {
	t.Helper()
	type ev struct {
		seq              int64
		at, kind, detail string
	}
	var evs []ev
	rows, err := db.Query(`SELECT seq, at, kind, detail FROM events ORDER BY seq`)
	mustDo(t, err)
	for rows.Next() {
		var e ev
		mustDo(t, rows.Scan(&e.seq, &e.at, &e.kind, &e.detail))
		evs = append(evs, e)
	}
	mustDo(t, rows.Close())
	prev := ""
	for _, e := range evs {
		prev = chainHash(prev, e.seq, e.at, e.kind, e.detail)
		_, err := db.Exec(`UPDATE events SET hash = ? WHERE seq = ?`, prev, e.seq)
		mustDo(t, err)
	}
}

// appendForged appends an event chained onto the last one.
func appendForged(t *testing.T, db *sql.DB, kind string, detail any) int64 {
	t.Helper()
	var (
		seq  int64
		prev string
	)
	mustDo(t, db.QueryRow(`SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1`).Scan(&seq, &prev))
	b, err := json.Marshal(detail)
	mustDo(t, err)
	seq++
	at := "2023-12-15T03:00:00Z"
	_, err = db.Exec(`INSERT INTO events (seq, at, kind, detail, hash) VALUES (?, ?, ?, ?, ?)`,
		seq, at, kind, string(b), chainHash(prev, seq, at, kind, string(b)))
	mustDo(t, err)
	return seq
}

// tableRows reads every row of a table as the log writes a change:
// {"table", "key": [], "cols", "rows"}.
func tableRows(t *testing.T, db *sql.DB, table string, cols ...string) map[string]any {
	t.Helper()
	rows, err := db.Query(`SELECT ` + strings.Join(cols, ", ") + ` FROM ` + table + ` ORDER BY 1`)
	mustDo(t, err)
	defer rows.Close()
	out := [][]any{}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		mustDo(t, rows.Scan(ptrs...))
		out = append(out, vals)
	}
	return map[string]any{"table": table, "key": []any{}, "cols": cols, "rows": out}
}

// editJSON decodes a JSON text, lets fn change it and encodes it again.
func editJSON(t *testing.T, text string, fn func(v map[string]any)) string {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	var v map[string]any
	mustDo(t, dec.Decode(&v))
	fn(v)
	b, err := json.Marshal(v)
	mustDo(t, err)
	return string(b)
}

// TestExport_RefusesATamperedRecord edits a copy of a closed meeting behind
// the program's back in each way the store's verify tests do, and forges a
// chain start: export writes no document, prints verify's message naming
// the cause, and fails.
func TestExport_RefusesATamperedRecord(t *testing.T) {
	path, _ := exportMeeting(t)
	ballotOf := `(SELECT id FROM ballots WHERE round_id = %d ORDER BY id LIMIT 1)`
	cases := []struct {
		name string
		sql  []string
		fn   func(t *testing.T, db *sql.DB)
		want string // with more, when the cause takes two phrases
		more string
	}{
		{name: "ballot choice edited",
			sql:  []string{`UPDATE ballot_choices SET agree = 1 - agree WHERE ballot_id = ` + fmt.Sprintf(ballotOf, 2)},
			want: "Vòng 2: bộ phiếu không khớp cam kết đã ghi khi đóng vòng"},
		{name: "ballot deleted",
			sql: []string{`DELETE FROM ballot_choices WHERE ballot_id = ` + fmt.Sprintf(ballotOf, 1),
				`DELETE FROM ballots WHERE id = ` + fmt.Sprintf(ballotOf, 1)},
			want: "Vòng 1: tệp có 3 phiếu nhưng khi đóng vòng ghi 4 phiếu"},
		{name: "ballot inserted",
			sql: []string{`INSERT INTO ballots (id, round_id) VALUES (x'00000000000000000000000000000001', 1)`,
				`INSERT INTO ballot_choices VALUES (x'00000000000000000000000000000001', 1, 1), (x'00000000000000000000000000000001', 4, 1)`},
			want: "Vòng 1: tệp có 5 phiếu nhưng khi đóng vòng ghi 4 phiếu"},
		{name: "ballot choice inserted",
			sql:  []string{`INSERT INTO ballot_choices SELECT id, 3, 1 FROM ballots WHERE round_id = 2 ORDER BY id LIMIT 1`},
			want: "Vòng 2: bộ phiếu không khớp cam kết"},
		{name: "participation edited",
			sql:  []string{`UPDATE participation SET member_id = 5 WHERE round_id = 1 AND member_id = 4`},
			want: "Vòng 1: thành viên số 4 (Phạm Thị Dung) có trong danh sách đã bỏ phiếu ghi khi đóng vòng nhưng trong tệp không còn"},
		{name: "participation deleted",
			sql:  []string{`DELETE FROM participation WHERE round_id = 2 AND member_id = 3`},
			want: "Vòng 2: thành viên số 3 (Lê Văn Cường) có trong danh sách đã bỏ phiếu ghi khi đóng vòng nhưng trong tệp không còn"},
		{name: "participation inserted",
			sql:  []string{`INSERT INTO participation (round_id, member_id) VALUES (2, 5)`},
			want: "Vòng 2: thành viên số 5 (Hoàng Văn Em) có trong danh sách đã bỏ phiếu của tệp"},
		{name: "attendance edited",
			sql:  []string{`UPDATE members SET attendance = 'absent' WHERE id = 3`},
			want: `Bảng members, thành viên số 3 (Lê Văn Cường): điểm danh trong tệp là "absent" nhưng nhật ký ghi "present"`},
		{name: "mark edited",
			sql:  []string{`UPDATE marks SET mark = 'not-met' WHERE nominee_id = 4 AND idx = 1`},
			want: `Bảng marks, đối tượng số 4 (Ngô Thị Yến), Lao động tiên tiến, tiêu chí 2: kết quả trong tệp là "not-met" nhưng nhật ký ghi "met"`},
		{name: "mark inserted",
			sql:  []string{`INSERT INTO marks VALUES (1, 'GK', 0, 'met', '')`},
			want: "Bảng marks, đối tượng số 1 (Đỗ Thị Gấm), Giấy khen, tiêu chí 1: có trong tệp nhưng nhật ký không ghi"},
		{name: "check deleted",
			sql:  []string{`DELETE FROM checks WHERE nominee_id = 2 AND code = 'review'`},
			want: `Bảng checks, đối tượng số 2 (Vũ Văn Hải), điều kiện "review": nhật ký ghi có dòng này nhưng trong tệp không còn`},
		{name: "result edited",
			sql:  []string{`UPDATE results SET agree = 3, disagree = 1, pass = 1 WHERE round_id = 1 AND nominee_id = 4`},
			want: "Bảng results, vòng 1, đối tượng số 4 (Ngô Thị Yến): số đồng ý trong tệp là 3 nhưng nhật ký ghi 2"},
		{name: "round count edited",
			sql:  []string{`UPDATE rounds SET valid = 5 WHERE id = 2`},
			want: "Bảng rounds, vòng 2: số phiếu hợp lệ trong tệp là 5 nhưng nhật ký ghi 4"},
		{name: "plan edited",
			fn: func(t *testing.T, db *sql.DB) {
				var plan string
				mustDo(t, db.QueryRow(`SELECT plan FROM meeting`).Scan(&plan))
				plan = editJSON(t, plan, func(v map[string]any) {
					rule := v["awards"].([]any)[0].(map[string]any)["Rule"].(map[string]any)
					rule["Threshold"] = map[string]any{"Num": 50, "Den": 100}
				})
				_, err := db.Exec(`UPDATE meeting SET plan = ?`, plan)
				mustDo(t, err)
			},
			want: "Bảng meeting, phiên họp: kế hoạch trong tệp khác với kế hoạch nhật ký ghi (giá trị nhật ký ghi → giá trị trong tệp): awards[1].threshold: 70% → 50%."},
		{name: "event detail edited",
			sql:  []string{`UPDATE events SET detail = replace(detail, 'present', 'absent') WHERE seq = 4`},
			want: "Sự kiện số 4 (ghi lúc ", more: "mã băm không khớp"},
		{name: "event deleted",
			sql:  []string{`DELETE FROM events WHERE seq = 10`},
			want: "Sự kiện số 10 bị thiếu: sau sự kiện số 9 là sự kiện số 11"},
		{name: "event inserted in the middle",
			fn: func(t *testing.T, db *sql.DB) {
				for _, q := range []string{`UPDATE events SET seq = -seq WHERE seq > 10`, `UPDATE events SET seq = 1 - seq WHERE seq < 0`} {
					_, err := db.Exec(q)
					mustDo(t, err)
				}
				var prev, at string
				mustDo(t, db.QueryRow(`SELECT hash, at FROM events WHERE seq = 10`).Scan(&prev, &at))
				detail := `{"note":"member 3: absent","changes":[]}`
				_, err := db.Exec(`INSERT INTO events (seq, at, kind, detail, hash) VALUES (11, ?, 'attendance', ?, ?)`,
					at, detail, chainHash(prev, 11, at, "attendance", detail))
				mustDo(t, err)
			},
			want: "Sự kiện số 12 (ghi lúc", more: "mã băm không khớp"},
		{name: "result and log edited, chain recomputed",
			fn: func(t *testing.T, db *sql.DB) {
				_, err := db.Exec(`UPDATE results SET agree = 3, disagree = 1, pass = 1 WHERE round_id = 1 AND nominee_id = 4`)
				mustDo(t, err)
				var (
					seq    int64
					detail string
				)
				mustDo(t, db.QueryRow(`SELECT seq, detail FROM events WHERE kind = 'round.close' ORDER BY seq LIMIT 1`).Scan(&seq, &detail))
				detail = editJSON(t, detail, func(v map[string]any) {
					for _, c := range v["changes"].([]any) {
						c := c.(map[string]any)
						if c["table"] == "results" {
							row := c["rows"].([]any)[1].([]any)
							row[2], row[3], row[5] = 3, 1, 1
						}
					}
				})
				_, err = db.Exec(`UPDATE events SET detail = ? WHERE seq = ?`, detail, seq)
				mustDo(t, err)
				rechainAll(t, db)
			},
			want: "Vòng 1, đối tượng số 4 (Ngô Thị Yến): kết quả ghi 3 đồng ý nhưng kiểm lại từ phiếu được 2"},
		{name: "protective trigger removed",
			sql:  []string{`SELECT 1`},
			want: "Tệp thiếu trigger bảo vệ"},
		{name: "chain start forged after an edit",
			fn: func(t *testing.T, db *sql.DB) {
				_, err := db.Exec(`UPDATE members SET attendance = 'absent' WHERE id = 3`)
				mustDo(t, err)
				snapshot := map[string]any{"note": "chain started", "changes": []any{tableRows(t, db, "members",
					"id", "pos", "name", "position", "role", "votes", "attendance", "absent_reason", "teller", "teller_head")}}
				seq := appendForged(t, db, "chain.start", snapshot)
				if seq < 30 {
					t.Fatalf("forged event %d", seq)
				}
			},
			want: "sự kiện bắt đầu chuỗi (chain.start) nằm giữa nhật ký, trong khi chuỗi đã bắt đầu từ sự kiện số 1."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := copyDB(t, path)
			db := tamperDB(t, p)
			for _, q := range c.sql {
				_, err := db.Exec(q)
				mustDo(t, err)
			}
			if c.fn != nil {
				c.fn(t, db)
			}
			mustDo(t, db.Close())
			out := t.TempDir()
			code, stdout, stderr := runCmd("export", "--db", p, "--out", out)
			if code == 0 {
				t.Fatalf("export of a tampered record succeeded:\n%s", stdout)
			}
			if !strings.HasPrefix(stderr, "Hồ sơ KHÔNG nguyên vẹn: ") || !strings.Contains(stderr, c.want) || !strings.Contains(stderr, c.more) {
				t.Errorf("stderr %q\ndoes not name the cause %q %q", stderr, c.want, c.more)
			}
			if !strings.Contains(stderr, "Không ghi tài liệu nào") {
				t.Errorf("stderr %q does not say no document was written", stderr)
			}
			if entries, err := os.ReadDir(out); err != nil || len(entries) > 0 || stdout != "" {
				t.Errorf("export wrote %d entries (%v), stdout %q", len(entries), err, stdout)
			}
			// verify says the same.
			vcode, vout, _ := runCmd("verify", "--db", p)
			if vcode != 1 || !strings.Contains(stderr, strings.SplitN(vout, "\n", 2)[0]) {
				t.Errorf("verify (exit %d) said %q", vcode, vout)
			}
		})
	}
}

// TestExport_CleanRecord exports an untouched record: every document is
// written, the minutes carry the head verify recomputes, and nothing is
// created beside the database file.
func TestExport_CleanRecord(t *testing.T) {
	path, head := exportMeeting(t)
	dir := filepath.Dir(path)
	before := dirNames(t, dir)
	out := filepath.Join(t.TempDir(), "bien-ban")
	code, stdout, stderr := runCmd("export", "--db", path, "--out", out, "--format", "txt")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	paths := strings.Fields(stdout)
	if len(paths) < 4 {
		t.Fatalf("wrote %v", paths)
	}
	var minutes string
	for _, p := range paths {
		if strings.Contains(filepath.Base(p), "bien-ban-hop") {
			b, err := os.ReadFile(p)
			mustDo(t, err)
			minutes = string(b)
		}
	}
	if !strings.Contains(minutes, "Mã kiểm tra hồ sơ:") || !strings.Contains(minutes, head) {
		t.Errorf("the minutes do not carry the head %s", head)
	}
	if after := dirNames(t, dir); !reflect.DeepEqual(after, before) {
		t.Errorf("export created files beside the record: %v, before %v", after, before)
	}
}

// dirNames lists a folder's entries.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	mustDo(t, err)
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

// TestVerifyAndExport_ReadOnlyCopies verifies and exports a read-only copy
// and an archived copy in a read-only folder: both succeed, give the head
// the record ended on, and create nothing beside the file.
func TestVerifyAndExport_ReadOnlyCopies(t *testing.T) {
	path, head := exportMeeting(t)
	readOnlyCopy := func(t *testing.T) string {
		p := copyDB(t, path)
		mustDo(t, os.Chmod(p, 0o444))
		return p
	}
	archivedCopy := func(t *testing.T) string {
		p := copyDB(t, path)
		mustDo(t, os.Chmod(p, 0o444))
		dir := filepath.Dir(p)
		mustDo(t, os.Chmod(dir, 0o555))
		t.Cleanup(func() { _ = os.Chmod(dir, 0o755) })
		return p
	}
	for name, mk := range map[string]func(*testing.T) string{"read-only copy": readOnlyCopy, "archived copy": archivedCopy} {
		t.Run(name, func(t *testing.T) {
			p := mk(t)
			dir := filepath.Dir(p)
			before := dirNames(t, dir)
			code, stdout, stderr := runCmd("verify", "--db", p)
			if code != 0 || !strings.HasPrefix(stdout, "Hồ sơ nguyên vẹn. Mã kiểm tra (head): "+head+"\n") {
				t.Fatalf("verify: exit %d\n%s%s", code, stdout, stderr)
			}
			out := t.TempDir()
			code, _, stderr = runCmd("export", "--db", p, "--out", out, "--format", "json", "--doc", "ho-so")
			if code != 0 {
				t.Fatalf("export: exit %d\n%s", code, stderr)
			}
			b, err := os.ReadFile(filepath.Join(out, "ho-so-phien-hop.json"))
			mustDo(t, err)
			if !strings.Contains(string(b), strconv.Quote(head)) {
				t.Error("the exported record does not carry the head")
			}
			if after := dirNames(t, dir); !reflect.DeepEqual(after, before) {
				t.Errorf("files beside the record: %v, before %v", after, before)
			}
		})
	}
}

// TestExport_MissingFileOrFolder checks export's messages for a
// file that is not there and a folder argument missing.
func TestExport_MissingFileOrFolder(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "khong-co.db")
	code, _, stderr := runCmd("export", "--db", missing, "--out", t.TempDir())
	if code == 0 || !strings.Contains(stderr, "Không tìm thấy tệp") || !strings.Contains(stderr, missing) {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	code, _, stderr = runCmd("export", "--db", missing)
	if code == 0 || !strings.Contains(stderr, "cần chỉ rõ thư mục ghi") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}
