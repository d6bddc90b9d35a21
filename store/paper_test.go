package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"hoidong/model"
	"hoidong/voting"
)

// goodPaper are counts that add up for a paper round over nominees 1 and 4
// with the 4 voting members present: 4 issued and returned, 3 valid.
func goodPaper() voting.PaperCounts {
	return voting.PaperCounts{Issued: 4, Returned: 4, Valid: 3, Invalid: 1, Agree: map[int64]int{1: 3, 4: 2}}
}

// paperRound opens a paper round for LDTT over nominees 1 and 4.
func paperRound(t *testing.T, s *Store) int64 {
	t.Helper()
	ready(t, s)
	id, err := s.OpenPaperRound(context.Background(), "LDTT", []int64{1, 4})
	must(t, err)
	return id
}

func TestPaperRound_CountsCloseTheRound(t *testing.T) {
	ctx := context.Background()
	s := newMeeting(t)
	id := paperRound(t, s)
	rec := record(t, s)
	r := rec.Rounds[0]
	if r.Mode != model.RoundPaper || r.Status != model.RoundOpen || r.Eligible != 4 {
		t.Fatalf("opened %+v", r)
	}
	must(t, s.EnterPaperCounts(ctx, id, goodPaper()))
	rec = record(t, s)
	r = rec.Rounds[0]
	if r.Mode != model.RoundPaper || r.Status != model.RoundClosed || r.ClosedAt.IsZero() {
		t.Errorf("closed %+v", r)
	}
	if r.Issued != 4 || r.Returned != 4 || r.Valid != 3 || r.Invalid != 1 || len(r.Voters) != 0 || len(r.Ballots) != 0 {
		t.Errorf("figures %+v", r)
	}
	// LDTT: ≥ 70% of the 4 voting members; 3/4 passes, 2/4 does not.
	want := []model.ResultLine{
		{NomineeID: 1, Agree: 3, Disagree: 0, Base: 4, Pass: true},
		{NomineeID: 4, Agree: 2, Disagree: 1, Base: 4, Pass: false},
	}
	if !reflect.DeepEqual(r.Results, want) {
		t.Errorf("results %+v, want %+v", r.Results, want)
	}
	award, _ := rec.Plan.Award("LDTT")
	if again := voting.TallyPaper(award.Rule, r.Nominees, goodPaper().Agree, voting.RoundBase(r)); !reflect.DeepEqual(again, r.Results) {
		t.Errorf("recount %+v", again)
	}
	if last := rec.Events[len(rec.Events)-1]; last.Kind != "round.paper" {
		t.Errorf("last event %s", last.Kind)
	}
	rep, err := s.Verify(ctx)
	must(t, err)
	if !rep.OK() {
		t.Errorf("verify: %s", rep.Problem)
	}
	wantCode(t, s.EnterPaperCounts(ctx, id, goodPaper()), model.EConflict)
}

// TestPaperRound_CountsThatDoNotAddUp refuses each kind of count that does
// not add up, names the figure, and stores nothing.
func TestPaperRound_CountsThatDoNotAddUp(t *testing.T) {
	ctx := context.Background()
	s := newMeeting(t)
	id := paperRound(t, s)
	before := record(t, s)
	for _, tc := range []struct {
		name        string
		edit        func(c *voting.PaperCounts)
		where, what string
	}{
		{"issued above members present", func(c *voting.PaperCounts) { c.Issued, c.Returned, c.Valid = 5, 5, 4 },
			"Số phiếu phát ra", "5 lớn hơn số thành viên có mặt được biểu quyết (4)"},
		{"returned above issued", func(c *voting.PaperCounts) { c.Issued = 3 },
			"Số phiếu thu về", "4 lớn hơn số phiếu phát ra (3)"},
		{"valid and invalid not the returned", func(c *voting.PaperCounts) { c.Invalid = 0 },
			"Số phiếu hợp lệ và số phiếu không hợp lệ", "3 hợp lệ + 0 không hợp lệ = 3, không bằng số phiếu thu về (4)"},
		{"agree above valid", func(c *voting.PaperCounts) { c.Agree[4] = 4 },
			"Số phiếu đồng ý của Ngô Thị Yến", "4 lớn hơn số phiếu hợp lệ (3)"},
		{"agree missing", func(c *voting.PaperCounts) { delete(c.Agree, 1) },
			"Số phiếu đồng ý của Đỗ Thị Gấm", "chưa nhập"},
		{"agree for someone not on the ballot", func(c *voting.PaperCounts) { c.Agree[2] = 1 },
			"Số phiếu đồng ý", "đối tượng mã 2 không có trong danh sách"},
		{"negative", func(c *voting.PaperCounts) { c.Invalid = -1 },
			"Số phiếu không hợp lệ", "không được là số âm (đang ghi -1)"},
		{"nothing issued", func(c *voting.PaperCounts) { *c = voting.PaperCounts{Agree: map[int64]int{1: 0, 4: 0}} },
			"Số phiếu phát ra", "chưa nhập"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := goodPaper()
			tc.edit(&c)
			err := s.EnterPaperCounts(ctx, id, c)
			var ps model.Problems
			if !errors.As(err, &ps) {
				t.Fatalf("error %v, want Problems", err)
			}
			found := false
			for _, p := range ps {
				found = found || (p.Where == tc.where && strings.Contains(p.What, tc.what))
			}
			if !found {
				t.Errorf("problems %v; want %s: …%s…", ps, tc.where, tc.what)
			}
			if msg := model.Message(err); !strings.Contains(msg, tc.where) {
				t.Errorf("message %q does not name %q", msg, tc.where)
			}
			if after := record(t, s); !reflect.DeepEqual(after, before) {
				t.Error("refused counts changed the record")
			}
			var n int
			must(t, s.db.QueryRowContext(ctx, `SELECT count(*) FROM paper_counts`).Scan(&n))
			if n != 0 {
				t.Errorf("%d paper counts stored", n)
			}
		})
	}
}

// TestPaperRound_NeverElectronic keeps a round paper or electronic, never
// both, in the store and in the database itself.
func TestPaperRound_NeverElectronic(t *testing.T) {
	ctx := context.Background()
	s := newMeeting(t)
	paper := paperRound(t, s)
	full := map[int64]bool{1: true, 4: true}
	e := wantCode(t, s.CastBallot(ctx, paper, 1, "", full), model.EConflict)
	if !strings.Contains(e.Message, "bỏ phiếu giấy") {
		t.Errorf("message %q", e.Message)
	}
	wantCode(t, s.CloseRound(ctx, paper, testKey(t, s)), model.EConflict)
	// Behind the store's back, the database refuses too.
	for _, q := range []string{
		`INSERT INTO participation (round_id, member_id) VALUES (1, 1)`,
		`INSERT INTO ballots (id, round_id) VALUES (x'00112233445566778899aabbccddeeff', 1)`,
		`UPDATE rounds SET mode = 'electronic' WHERE id = 1`,
	} {
		if _, err := s.db.ExecContext(ctx, q); err == nil {
			t.Errorf("the database accepted %s", q)
		}
	}
	must(t, s.EnterPaperCounts(ctx, paper, goodPaper()))

	// An electronic round takes no paper counts.
	s = newMeeting(t)
	ready(t, s)
	id, err := s.OpenRound(ctx, "LDTT", []int64{1, 4})
	must(t, err)
	e = wantCode(t, s.EnterPaperCounts(ctx, id, goodPaper()), model.EConflict)
	if !strings.Contains(e.Message, "không phải vòng bỏ phiếu giấy") {
		t.Errorf("message %q", e.Message)
	}
	for _, q := range []string{
		`INSERT INTO paper_counts (round_id, nominee_id, agree) VALUES (1, 1, 2)`,
		`UPDATE rounds SET mode = 'paper' WHERE id = 1`,
	} {
		if _, err := s.db.ExecContext(ctx, q); err == nil {
			t.Errorf("the database accepted %s", q)
		}
	}
}

func TestPaperRound_SameChecksAsOpenRound(t *testing.T) {
	ctx := context.Background()
	s := newMeeting(t)
	_, err := s.OpenPaperRound(ctx, "LDTT", []int64{1})
	wantCode(t, err, model.EConflict) // no quorum yet
	ready(t, s)
	_, err = s.OpenPaperRound(ctx, "LDTT", []int64{2})
	wantCode(t, err, model.EConflict) // not ready for a ballot
	_, err = s.OpenPaperRound(ctx, "GK", []int64{3})
	wantCode(t, err, model.EInvalid) // no ballot for this award
	_, err = s.OpenPaperRound(ctx, "LDTT", nil)
	wantCode(t, err, model.EInvalid)
	id, err := s.OpenPaperRound(ctx, "LDTT", []int64{1, 4})
	must(t, err)
	_, err = s.OpenRound(ctx, "LDTT", []int64{1})
	wantCode(t, err, model.EConflict) // one open round at a time
	must(t, s.EnterPaperCounts(ctx, id, goodPaper()))
	must(t, s.CloseMeeting(ctx))
	_, err = s.OpenPaperRound(ctx, "LDTT", []int64{1})
	wantCode(t, err, model.ELocked)
}

// TestVerify_PaperRoundTampering edits a closed paper round behind the
// program's back and checks that verify names what changed.
func TestVerify_PaperRoundTampering(t *testing.T) {
	ctx := context.Background()
	s := newMeeting(t)
	id := paperRound(t, s)
	must(t, s.EnterPaperCounts(ctx, id, goodPaper()))
	must(t, s.CloseMeeting(ctx))
	must(t, s.Close())
	if rep := verifyFile(t, s.Path()); !rep.OK() {
		t.Fatalf("untouched: %s", rep.Problem)
	}
	for _, tc := range []struct {
		name  string
		sql   string
		chain bool // recompute the log's hashes afterwards
		want  string
	}{
		{"an agree count", `UPDATE paper_counts SET agree = 1 WHERE nominee_id = 4`, false,
			"Bảng paper_counts, vòng 1, đối tượng số 4 (Ngô Thị Yến): số phiếu đồng ý do Ban kiểm phiếu đếm trong tệp là 1 nhưng nhật ký ghi 2"},
		{"a figure", `UPDATE rounds SET invalid = 0`, false,
			"số phiếu không hợp lệ trong tệp là 0 nhưng nhật ký ghi 1"},
		{"a deleted count", `DELETE FROM paper_counts WHERE nominee_id = 1`, false,
			"đối tượng số 1 (Đỗ Thị Gấm): nhật ký ghi có dòng này nhưng trong tệp không còn"},
		{"a result", `UPDATE results SET pass = 1 WHERE nominee_id = 4`, false,
			"kết quả đạt trong tệp là 1 nhưng nhật ký ghi 0"},
		{"counts and log rewritten together", `UPDATE paper_counts SET agree = 3 WHERE nominee_id = 4`, true,
			"Vòng 1, đối tượng số 4 (Ngô Thị Yến): kết quả ghi 2 đồng ý nhưng kiểm lại từ số liệu kiểm phiếu giấy được 3"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := copyFile(t, s.Path())
			db := rawDB(t, path)
			dropTriggers(t, db)
			_, err := db.Exec(tc.sql)
			must(t, err)
			if tc.chain {
				relogPaperCounts(t, db)
			}
			must(t, db.Close())
			rep := verifyFile(t, path)
			if !strings.Contains(rep.Problem, tc.want) {
				t.Errorf("problem %q, want …%s…", rep.Problem, tc.want)
			}
		})
	}
}

// relogPaperCounts rewrites the round.paper event to carry the paper counts
// as the file now holds them, and rechains the log: an editor who knows the
// format, and is caught by the recount.
func relogPaperCounts(t *testing.T, db *sql.DB) {
	t.Helper()
	var seq int64
	var detail string
	must(t, db.QueryRow(`SELECT seq, detail FROM events WHERE kind = 'round.paper'`).Scan(&seq, &detail))
	var d eventDetail
	must(t, json.Unmarshal([]byte(detail), &d))
	for i, c := range d.Changes {
		if c.Table != "paper_counts" {
			continue
		}
		fresh, err := readChange(context.Background(), db, rowRef{table: c.Table, key: []any{int64(1)}})
		must(t, err)
		d.Changes[i] = fresh
	}
	b, err := json.Marshal(d)
	must(t, err)
	_, err = db.Exec(`UPDATE events SET detail = ? WHERE seq = ?`, string(b), seq)
	must(t, err)
	rechain(t, db)
}
