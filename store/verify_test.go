package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"hoidong/model"
)

// closedMeeting runs the small meeting through two rounds, closes it and
// the store, and returns the file and the head the record ended on.
func closedMeeting(t *testing.T) (string, string) {
	t.Helper()
	ctx := context.Background()
	s := newMeeting(t)
	for id := int64(1); id <= 5; id++ {
		must(t, s.SetAttendance(ctx, id, model.AttendancePresent, ""))
	}
	must(t, s.SetTellerHead(ctx, 2))
	must(t, s.SetTeller(ctx, 3, true))
	for _, id := range []int64{1, 2, 4} {
		must(t, s.SetCheck(ctx, id, "discipline", false))
		must(t, s.SetCheck(ctx, id, "review", false))
		for i := 0; i < 3; i++ {
			must(t, s.SetMark(ctx, id, "LDTT", i, model.MarkMet, ""))
		}
	}
	must(t, s.SetMark(ctx, 3, "GK", 0, model.MarkMet, "Đạt"))
	must(t, s.SetNomineeNote(ctx, 2, "Đã xem xét."))
	r1, err := s.OpenRound(ctx, "LDTT", []int64{1, 4})
	must(t, err)
	for m := int64(1); m <= 4; m++ {
		must(t, s.CastBallot(ctx, r1, m, "", map[int64]bool{1: true, 4: m <= 2}))
	}
	must(t, s.CloseRound(ctx, r1, testKey(t, s)))
	r2, err := s.OpenRound(ctx, "LDTT", []int64{2})
	must(t, err)
	for m := int64(1); m <= 4; m++ {
		must(t, s.CastBallot(ctx, r2, m, "", map[int64]bool{2: m != 4}))
	}
	must(t, s.CloseRound(ctx, r2, testKey(t, s)))
	must(t, s.SetDiscussion(ctx, "Hội đồng thống nhất."))
	must(t, s.CloseMeeting(ctx))
	head := record(t, s).Head
	must(t, s.Close())
	return s.Path(), head
}

// copyFile copies the record to a fresh file and returns its path.
func copyFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	must(t, err)
	out := filepath.Join(t.TempDir(), "copy.db")
	must(t, os.WriteFile(out, b, 0o600))
	return out
}

// rawDB opens the file with no pragmas and none of the store's rules, the
// way someone editing it behind the program's back would.
func rawDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	must(t, err)
	db.SetMaxOpenConns(1)
	t.Cleanup(func() { _ = db.Close() })
	return db
}

// dropTriggers removes every trigger, as a determined editor would first.
func dropTriggers(t *testing.T, db *sql.DB) {
	t.Helper()
	rows, err := db.Query(`SELECT name FROM sqlite_schema WHERE type = 'trigger'`)
	must(t, err)
	var names []string
	for rows.Next() {
		var n string
		must(t, rows.Scan(&n))
		names = append(names, n)
	}
	must(t, rows.Close())
	for _, n := range names {
		_, err := db.Exec(`DROP TRIGGER ` + n)
		must(t, err)
	}
}

// verifyFile verifies the file read-only, as `hoidong verify` does.
func verifyFile(t *testing.T, path string) VerifyReport {
	t.Helper()
	s, err := OpenReadOnly(path)
	must(t, err)
	defer s.Close()
	rep, err := s.Verify(context.Background())
	must(t, err)
	return rep
}

func TestVerify_UntouchedRecordIsIntact(t *testing.T) {
	path, head := closedMeeting(t)
	rep := verifyFile(t, copyFile(t, path))
	if rep.Problem != "" {
		t.Fatalf("problem in an untouched record: %s", rep.Problem)
	}
	if rep.Head != head || len(head) != 64 {
		t.Errorf("head %q, Record().Head %q", rep.Head, head)
	}
	if rep.Events < 30 {
		t.Errorf("%d events", rep.Events)
	}
	// Verifying changes nothing in the file.
	rep2 := verifyFile(t, path)
	if !reflect.DeepEqual(rep2, rep) {
		t.Errorf("second verify %+v, first %+v", rep2, rep)
	}
}

// rechain recomputes every event's hash in the file, as someone who knows
// the algorithm would after editing the log.
func rechain(t *testing.T, db *sql.DB) {
	t.Helper()
	rows, err := db.Query(`SELECT seq, at, kind, detail FROM events ORDER BY seq`)
	must(t, err)
	type ev struct {
		seq              int64
		at, kind, detail string
	}
	var evs []ev
	for rows.Next() {
		var e ev
		must(t, rows.Scan(&e.seq, &e.at, &e.kind, &e.detail))
		evs = append(evs, e)
	}
	must(t, rows.Close())
	prev := ""
	for _, e := range evs {
		prev = eventHash(prev, e.seq, e.at, e.kind, e.detail)
		_, err := db.Exec(`UPDATE events SET hash = ? WHERE seq = ?`, prev, e.seq)
		must(t, err)
	}
}

// TestVerify_NamesEachTamperedRecord edits a copy of a closed meeting behind
// the program's back in each way a record can be edited, and checks that
// verify names the first record that no longer matches.
func TestVerify_NamesEachTamperedRecord(t *testing.T) {
	path, head := closedMeeting(t)
	ballotOf := `(SELECT id FROM ballots WHERE round_id = %d ORDER BY id LIMIT 1)`
	cases := []struct {
		name  string
		sql   []string
		fn    func(t *testing.T, db *sql.DB)
		wants []string
	}{
		{name: "ballot choice edited",
			sql:   []string{`UPDATE ballot_choices SET agree = 1 - agree WHERE ballot_id = ` + fmt.Sprintf(ballotOf, 2)},
			wants: []string{"Vòng 2", "bộ phiếu không khớp cam kết đã ghi khi đóng vòng"}},
		{name: "ballot deleted",
			sql: []string{`DELETE FROM ballot_choices WHERE ballot_id = ` + fmt.Sprintf(ballotOf, 1),
				`DELETE FROM ballots WHERE id = ` + fmt.Sprintf(ballotOf, 1)},
			wants: []string{"Vòng 1: tệp có 3 phiếu nhưng khi đóng vòng ghi 4 phiếu"}},
		{name: "ballot inserted",
			sql: []string{`INSERT INTO ballots (id, round_id) VALUES (x'00000000000000000000000000000001', 1)`,
				`INSERT INTO ballot_choices VALUES (x'00000000000000000000000000000001', 1, 1), (x'00000000000000000000000000000001', 4, 1)`},
			wants: []string{"Vòng 1: tệp có 5 phiếu nhưng khi đóng vòng ghi 4 phiếu"}},
		{name: "ballot choice inserted",
			sql:   []string{`INSERT INTO ballot_choices SELECT id, 3, 1 FROM ballots WHERE round_id = 2 ORDER BY id LIMIT 1`},
			wants: []string{"Vòng 2", "bộ phiếu không khớp cam kết"}},
		{name: "participation edited",
			sql: []string{`UPDATE participation SET member_id = 5 WHERE round_id = 1 AND member_id = 4`},
			wants: []string{"Vòng 1: thành viên số 4 (Phạm Thị Dung) có trong danh sách đã bỏ phiếu ghi khi đóng vòng nhưng trong tệp không còn; " +
				"thành viên số 5 (Hoàng Văn Em) có trong danh sách đã bỏ phiếu của tệp nhưng không có trong danh sách ghi khi đóng vòng"}},
		{name: "participation deleted",
			sql:   []string{`DELETE FROM participation WHERE round_id = 2 AND member_id = 3`},
			wants: []string{"Vòng 2: thành viên số 3 (Lê Văn Cường) có trong danh sách đã bỏ phiếu ghi khi đóng vòng nhưng trong tệp không còn"}},
		{name: "participation inserted",
			sql:   []string{`INSERT INTO participation (round_id, member_id) VALUES (2, 5)`},
			wants: []string{"Vòng 2: thành viên số 5 (Hoàng Văn Em) có trong danh sách đã bỏ phiếu của tệp"}},
		{name: "attendance edited",
			sql:   []string{`UPDATE members SET attendance = 'absent' WHERE id = 3`},
			wants: []string{`Bảng members, thành viên số 3 (Lê Văn Cường): điểm danh trong tệp là "absent" nhưng nhật ký ghi "present"`}},
		{name: "mark edited",
			sql:   []string{`UPDATE marks SET mark = 'not-met' WHERE nominee_id = 4 AND idx = 1`},
			wants: []string{`Bảng marks, đối tượng số 4 (Ngô Thị Yến), Lao động tiên tiến, tiêu chí 2: kết quả trong tệp là "not-met" nhưng nhật ký ghi "met"`}},
		{name: "mark inserted",
			sql:   []string{`INSERT INTO marks VALUES (1, 'GK', 0, 'met', '')`},
			wants: []string{"Bảng marks, đối tượng số 1 (Đỗ Thị Gấm), Giấy khen, tiêu chí 1: có trong tệp nhưng nhật ký không ghi"}},
		{name: "check deleted",
			sql:   []string{`DELETE FROM checks WHERE nominee_id = 2 AND code = 'review'`},
			wants: []string{`Bảng checks, đối tượng số 2 (Vũ Văn Hải), điều kiện "review": nhật ký ghi có dòng này nhưng trong tệp không còn`}},
		{name: "result edited",
			sql:   []string{`UPDATE results SET agree = 3, disagree = 1, pass = 1 WHERE round_id = 1 AND nominee_id = 4`},
			wants: []string{"Bảng results, vòng 1, đối tượng số 4 (Ngô Thị Yến): số đồng ý trong tệp là 3 nhưng nhật ký ghi 2"}},
		{name: "round count edited",
			sql:   []string{`UPDATE rounds SET valid = 5 WHERE id = 2`},
			wants: []string{"Bảng rounds, vòng 2: số phiếu hợp lệ trong tệp là 5 nhưng nhật ký ghi 4"}},
		{name: "event detail edited",
			sql:   []string{`UPDATE events SET detail = replace(detail, 'present', 'absent') WHERE seq = 4`},
			wants: []string{"Sự kiện số 4 (ghi lúc ", "ngày 15/12/2023): mã băm không khớp"}},
		{name: "event deleted",
			sql:   []string{`DELETE FROM events WHERE seq = 10`},
			wants: []string{"Sự kiện số 10 bị thiếu: sau sự kiện số 9 là sự kiện số 11"}},
		{name: "event inserted in the middle",
			fn: func(t *testing.T, db *sql.DB) {
				// Make room after event 10, then insert a well-formed event
				// chained onto event 10, as a careful forger would.
				for _, q := range []string{`UPDATE events SET seq = -seq WHERE seq > 10`, `UPDATE events SET seq = 1 - seq WHERE seq < 0`} {
					_, err := db.Exec(q)
					must(t, err)
				}
				var prev, at string
				must(t, db.QueryRow(`SELECT hash, at FROM events WHERE seq = 10`).Scan(&prev, &at))
				detail := `{"note":"member 3: absent","changes":[]}`
				_, err := db.Exec(`INSERT INTO events (seq, at, kind, detail, hash) VALUES (11, ?, 'attendance', ?, ?)`,
					at, detail, eventHash(prev, 11, at, "attendance", detail))
				must(t, err)
			},
			wants: []string{"Sự kiện số 12 (ghi lúc", "mã băm không khớp"}},
		{name: "result and log edited, chain recomputed",
			fn: func(t *testing.T, db *sql.DB) {
				_, err := db.Exec(`UPDATE results SET agree = 3, disagree = 1, pass = 1 WHERE round_id = 1 AND nominee_id = 4`)
				must(t, err)
				var seq int64
				var detail string
				must(t, db.QueryRow(`SELECT seq, detail FROM events WHERE kind = 'round.close' ORDER BY seq LIMIT 1`).Scan(&seq, &detail))
				var d eventDetail
				must(t, json.Unmarshal([]byte(detail), &d))
				for _, c := range d.Changes {
					if c.Table == "results" {
						c.Rows[1][2], c.Rows[1][3], c.Rows[1][5] = 3, 1, 1
					}
				}
				b, err := json.Marshal(d)
				must(t, err)
				_, err = db.Exec(`UPDATE events SET detail = ? WHERE seq = ?`, string(b), seq)
				must(t, err)
				rechain(t, db)
			},
			wants: []string{"Vòng 1, đối tượng số 4 (Ngô Thị Yến): kết quả ghi 3 đồng ý nhưng kiểm lại từ phiếu được 2"}},
		{name: "protective trigger removed",
			sql:   []string{`SELECT 1`},
			wants: []string{"Tệp thiếu trigger bảo vệ"}},
	}
	detected := 0
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := copyFile(t, path)
			db := rawDB(t, p)
			dropTriggers(t, db)
			for _, q := range c.sql {
				if _, err := db.Exec(q); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
			}
			if c.fn != nil {
				c.fn(t, db)
			}
			must(t, db.Close())
			rep := verifyFile(t, p)
			if rep.Problem == "" {
				t.Fatalf("not detected")
			}
			for _, w := range c.wants {
				if !strings.Contains(rep.Problem, w) {
					t.Fatalf("problem %q\ndoes not say %q", rep.Problem, w)
				}
			}
			if c.name == "result and log edited, chain recomputed" && rep.Head == head {
				t.Errorf("a rewritten log kept the head %s", head)
			}
			detected++
			t.Log(rep.Problem)
		})
	}
	t.Logf("%d of %d tamper cases detected and named", detected, len(cases))
}

func TestVerify_FileWithoutMeeting(t *testing.T) {
	s := openTest(t)
	_, err := s.Verify(context.Background())
	wantCode(t, err, model.ENotFound)
}
