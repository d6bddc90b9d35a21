package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"hoidong/model"
	"hoidong/voting"
)

// forge appends an event to the log with a correct hash, as anyone who has
// read how the chain is computed can: the chain has no secret. It returns
// the event's number.
func forge(t *testing.T, db *sql.DB, kind string, d eventDetail) int64 {
	t.Helper()
	ctx := context.Background()
	seq, prev, err := lastEvent(ctx, db)
	must(t, err)
	b, err := json.Marshal(d)
	must(t, err)
	seq++
	at := "2023-12-15T03:00:00Z"
	_, err = db.Exec(`INSERT INTO events (seq, at, kind, detail, hash) VALUES (?, ?, ?, ?, ?)`,
		seq, at, kind, string(b), eventHash(prev, seq, at, kind, string(b)))
	must(t, err)
	return seq
}

// snapshot is what a forged chain.start carries, made the way chainLegacy
// makes the real one: every audited table as it now stands, the seal of
// every closed electronic round and its ballots counted as cast.
func snapshot(t *testing.T, db *sql.DB) eventDetail {
	t.Helper()
	ctx := context.Background()
	d := eventDetail{Note: "chain started"}
	rows, err := db.Query(`SELECT id FROM rounds WHERE mode = 'electronic' AND status = 'closed' ORDER BY seq`)
	must(t, err)
	var ids []int64
	for rows.Next() {
		var id int64
		must(t, rows.Scan(&id))
		ids = append(ids, id)
	}
	must(t, rows.Close())
	for _, id := range ids {
		seal, _, err := readSeal(ctx, db, id, false)
		must(t, err)
		// A seal without a commitment counts the round's ballots as cast,
		// so that the casts match the seal that follows.
		d.Seals = append(d.Seals, roundSeal{Round: id, Ballots: seal.Ballots}, seal)
	}
	for _, spec := range auditedTables() {
		c, err := readChange(ctx, db, row(spec.name))
		must(t, err)
		d.Changes = append(d.Changes, c)
	}
	return d
}

// triggerSQL returns the statements that create the file's triggers.
func triggerSQL(t *testing.T, db *sql.DB) []string {
	t.Helper()
	rows, err := db.Query(`SELECT sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name`)
	must(t, err)
	defer rows.Close()
	var out []string
	for rows.Next() {
		var q string
		must(t, rows.Scan(&q))
		out = append(out, q)
	}
	must(t, rows.Err())
	return out
}

// openMeetingFile is a meeting still open, with a closed round, written to
// a file and closed.
func openMeetingFile(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	s := newMeeting(t)
	ready(t, s)
	r, err := s.OpenRound(ctx, "LDTT", []int64{1, 4})
	must(t, err)
	for m := int64(1); m <= 4; m++ {
		must(t, s.CastBallot(ctx, r, m, "", map[int64]bool{1: true, 4: true}))
	}
	must(t, s.CloseRound(ctx, r, testKey(t, s)))
	must(t, s.Close())
	return s.Path()
}

// TestVerify_ForgedChainStart appends, after editing the tables, a
// chain.start whose snapshot holds the edited tables and whose hash is
// right, and puts the triggers back. When the replay started at the last
// chain.start, the attendance and mark edits passed; now the replay starts
// at the first event, and the forged event is reported by its number.
func TestVerify_ForgedChainStart(t *testing.T) {
	closed, _ := closedMeeting(t)
	cases := []struct {
		name  string
		file  string
		edit  string
		wants []string
	}{
		{name: "closed meeting, attendance edited", file: closed,
			edit:  `UPDATE members SET attendance = 'absent' WHERE id = 3`,
			wants: []string{"sự kiện bắt đầu chuỗi (chain.start) nằm giữa nhật ký, trong khi chuỗi đã bắt đầu từ sự kiện số 1."}},
		{name: "closed meeting, result edited", file: closed,
			edit:  `UPDATE results SET agree = 3, disagree = 1, pass = 1 WHERE round_id = 1 AND nominee_id = 4`,
			wants: []string{"sự kiện bắt đầu chuỗi (chain.start) nằm giữa nhật ký, trong khi chuỗi đã bắt đầu từ sự kiện số 1."}},
		{name: "open meeting, mark edited", file: openMeetingFile(t),
			edit:  `UPDATE marks SET mark = 'not-met' WHERE nominee_id = 4 AND idx = 0`,
			wants: []string{"sự kiện bắt đầu chuỗi (chain.start) nằm giữa nhật ký, trong khi chuỗi đã bắt đầu từ sự kiện số 1."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := copyFile(t, c.file)
			db := rawDB(t, p)
			triggers := triggerSQL(t, db)
			dropTriggers(t, db)
			_, err := db.Exec(c.edit)
			must(t, err)
			seq := forge(t, db, "chain.start", snapshot(t, db))
			for _, q := range triggers { // a careful forger puts them back
				_, err := db.Exec(q)
				must(t, err)
			}
			must(t, db.Close())
			rep := verifyFile(t, p)
			want := fmt.Sprintf("Sự kiện số %d (ghi lúc ", seq)
			if !strings.HasPrefix(rep.Problem, want) {
				t.Fatalf("problem %q\ndoes not start with %q", rep.Problem, want)
			}
			for _, w := range c.wants {
				if !strings.Contains(rep.Problem, w) {
					t.Errorf("problem %q\ndoes not say %q", rep.Problem, w)
				}
			}
			t.Log(rep.Problem)
		})
	}
}

// TestVerify_SecondChainStartInAMigratedFile forges a second chain.start in
// a file migrated from schema 1, whose first one is legal.
func TestVerify_SecondChainStartInAMigratedFile(t *testing.T) {
	path := v1File(t)
	s, err := Open(path)
	must(t, err)
	must(t, s.Close())
	if rep := verifyFile(t, path); !rep.OK() {
		t.Fatalf("the migrated file does not verify: %s", rep.Problem)
	}
	db := rawDB(t, path)
	_, err = db.Exec(`UPDATE members SET attendance = 'absent' WHERE id = 2`)
	must(t, err)
	seq := forge(t, db, "chain.start", snapshot(t, db))
	must(t, db.Close())
	rep := verifyFile(t, path)
	want := fmt.Sprintf("Sự kiện số %d (ghi lúc 10:00:00 ngày 15/12/2023): nhật ký bắt đầu chuỗi (chain.start) lần thứ hai; chuỗi đã bắt đầu ở sự kiện số 6.", seq)
	if !strings.HasPrefix(rep.Problem, want) {
		t.Errorf("problem %q\nwant it to start with %q", rep.Problem, want)
	}
}

// TestVerify_LegacyEventsOnlyBeforeTheChain checks the other ways to make
// the replay skip events: legacy events not followed by chain.start, and a
// plain-text event after the chain began.
func TestVerify_LegacyEventsOnlyBeforeTheChain(t *testing.T) {
	migrated := func(t *testing.T) string {
		path := copyFile(t, v1File(t))
		s, err := Open(path)
		must(t, err)
		must(t, s.Close())
		return path
	}
	t.Run("chain.start renamed", func(t *testing.T) {
		path := migrated(t)
		db := rawDB(t, path)
		dropTriggers(t, db)
		_, err := db.Exec(`UPDATE events SET kind = 'attendance' WHERE kind = 'chain.start'`)
		must(t, err)
		rechain(t, db)
		must(t, db.Close())
		rep := verifyFile(t, path)
		want := "): trước sự kiện này nhật ký có 5 sự kiện cũ (chưa thuộc chuỗi) nhưng không có sự kiện bắt đầu chuỗi (chain.start) ngay sau chúng."
		if !strings.HasPrefix(rep.Problem, "Sự kiện số 6 (ghi lúc ") || !strings.HasSuffix(rep.Problem, want) {
			t.Errorf("problem %q\nwant event 6 and %q", rep.Problem, want)
		}
	})
	t.Run("plain-text event after the chain", func(t *testing.T) {
		path := migrated(t)
		db := rawDB(t, path)
		seq, prev, err := lastEvent(context.Background(), db)
		must(t, err)
		at, detail := "2023-12-15T03:00:00Z", "members 1-4: absent"
		_, err = db.Exec(`INSERT INTO events (seq, at, kind, detail, hash) VALUES (?, ?, 'attendance', ?, ?)`,
			seq+1, at, detail, eventHash(prev, seq+1, at, "attendance", detail))
		must(t, err)
		must(t, db.Close())
		rep := verifyFile(t, path)
		if want := fmt.Sprintf("Sự kiện số %d (ghi lúc 10:00:00 ngày 15/12/2023): nội dung không đọc được.", seq+1); rep.Problem != want {
			t.Errorf("problem %q\nwant %q", rep.Problem, want)
		}
	})
}

// TestVerify_ForgedEventAfterClose forges ordinary events after the meeting
// closed: once closed, the log may only add corrections.
func TestVerify_ForgedEventAfterClose(t *testing.T) {
	ctx := context.Background()
	path, _ := closedMeeting(t)
	withCorrection := copyFile(t, path)
	s, err := Open(withCorrection)
	must(t, err)
	must(t, s.AddCorrection(ctx, "Đính chính thứ nhất"))
	must(t, s.Close())
	cases := []struct {
		name string
		file string
		edit string
		kind string
		rows []rowRef
		want string
	}{
		{name: "members rewritten", file: path,
			edit: `UPDATE members SET attendance = 'absent' WHERE id = 3`,
			kind: "correction", rows: []rowRef{row("members")},
			want: "ghi thay đổi ở bảng members sau khi phiên họp đã kết thúc (sự kiện số %d); sau đó nhật ký chỉ được ghi thêm đính chính."},
		{name: "correction rewritten", file: withCorrection,
			edit: `UPDATE corrections SET text = 'Đính chính đã sửa' WHERE seq = 1`,
			kind: "correction", rows: []rowRef{row("corrections", 1)},
			want: "sửa đính chính số 1 đã ghi trước đó; đính chính chỉ được ghi thêm, không được sửa."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := copyFile(t, c.file)
			db := rawDB(t, p)
			var closedAt int64
			must(t, db.QueryRow(`SELECT seq FROM events WHERE kind = 'meeting.close'`).Scan(&closedAt))
			dropTriggers(t, db)
			_, err := db.Exec(c.edit)
			must(t, err)
			d := eventDetail{Note: "correction"}
			for _, r := range c.rows {
				ch, err := readChange(ctx, db, r)
				must(t, err)
				d.Changes = append(d.Changes, ch)
			}
			seq := forge(t, db, c.kind, d)
			must(t, db.Close())
			rep := verifyFile(t, p)
			want := fmt.Sprintf("Sự kiện số %d (ghi lúc 10:00:00 ngày 15/12/2023): ", seq)
			if strings.Contains(c.want, "%d") {
				want += fmt.Sprintf(c.want, closedAt)
			} else {
				want += c.want
			}
			if rep.Problem != want {
				t.Errorf("problem %q\nwant %q", rep.Problem, want)
			}
		})
	}
	// The real correction verifies.
	if rep := verifyFile(t, withCorrection); !rep.OK() {
		t.Errorf("a correction does not verify: %s", rep.Problem)
	}
}

// TestVerify_PlanEditedNamesTheField edits the plan stored in the meeting
// row: the message names the changed fields as the plan file does, not
// the whole stored plan.
func TestVerify_PlanEditedNamesTheField(t *testing.T) {
	path, _ := closedMeeting(t)
	p := copyFile(t, path)
	db := rawDB(t, p)
	dropTriggers(t, db)
	var text string
	must(t, db.QueryRow(`SELECT plan FROM meeting`).Scan(&text))
	plan, err := decodePlan(text)
	must(t, err)
	plan.Awards[0].Rule.Threshold = model.Fraction{Num: 50, Den: 100}
	plan.Council.Name = "Hội đồng khác"
	edited, err := encodePlan(&plan)
	must(t, err)
	_, err = db.Exec(`UPDATE meeting SET plan = ?`, edited)
	must(t, err)
	must(t, db.Close())
	rep := verifyFile(t, p)
	want := "Bảng meeting, phiên họp: kế hoạch trong tệp khác với kế hoạch nhật ký ghi (giá trị nhật ký ghi → giá trị trong tệp): " +
		`council.name: "Hội đồng Thi đua – Khen thưởng thị trấn" → "Hội đồng khác"; awards[1].threshold: 70% → 50%.`
	if rep.Problem != want {
		t.Errorf("problem %q\nwant %q", rep.Problem, want)
	}

	// A plan that cannot be read as one is shown as it is.
	p = copyFile(t, path)
	db = rawDB(t, p)
	dropTriggers(t, db)
	_, err = db.Exec(`UPDATE meeting SET plan = 'không phải JSON'`)
	must(t, err)
	must(t, db.Close())
	rep = verifyFile(t, p)
	if !strings.HasPrefix(rep.Problem, `Bảng meeting, phiên họp: kế hoạch trong tệp là "không phải JSON" nhưng nhật ký ghi "{`) {
		t.Errorf("problem %q", rep.Problem)
	}
}

// TestVerifiedRecord_HeadsAreTheRecomputedOnes checks that VerifiedRecord
// gives the record with verify's head and each closed round's head at
// close, for an electronic and a paper round, that Record shows the same
// stored heads, and that a record that does not verify is not given.
func TestVerifiedRecord_HeadsAreTheRecomputedOnes(t *testing.T) {
	ctx := context.Background()
	s := newMeeting(t)
	ready(t, s)
	e, err := s.OpenRound(ctx, "LDTT", []int64{1})
	must(t, err)
	for m := int64(1); m <= 4; m++ {
		must(t, s.CastBallot(ctx, e, m, "", map[int64]bool{1: true}))
	}
	must(t, s.CloseRound(ctx, e, testKey(t, s)))
	p, err := s.OpenPaperRound(ctx, "LDTT", []int64{4})
	must(t, err)
	rec := record(t, s)
	wantHeads := map[int64]string{}
	for _, ev := range rec.Events {
		if ev.Kind == "round.close" {
			wantHeads[e] = ev.Hash
		}
	}
	if rec.Rounds[0].CloseHead != wantHeads[e] || wantHeads[e] == "" {
		t.Errorf("Record: electronic round's CloseHead %q, want %q", rec.Rounds[0].CloseHead, wantHeads[e])
	}
	if rec.Rounds[1].CloseHead != "" {
		t.Errorf("Record: an open round has CloseHead %q", rec.Rounds[1].CloseHead)
	}
	must(t, s.EnterPaperCounts(ctx, p, voting.PaperCounts{Issued: 4, Returned: 4, Valid: 4, Agree: map[int64]int{4: 3}}))
	rec = record(t, s)
	for _, ev := range rec.Events {
		if ev.Kind == "round.paper" {
			wantHeads[p] = ev.Hash
		}
	}

	ro, err := OpenReadOnly(s.Path())
	must(t, err)
	defer ro.Close()
	vrec, rep, err := ro.VerifiedRecord(ctx)
	must(t, err)
	if !rep.OK() {
		t.Fatalf("verify: %s", rep.Problem)
	}
	if vrec.Head != rep.Head || vrec.Head != rec.Head {
		t.Errorf("head %q, report %q, Record %q", vrec.Head, rep.Head, rec.Head)
	}
	if !reflect.DeepEqual(rep.RoundHeads, wantHeads) {
		t.Errorf("round heads %v, want %v", rep.RoundHeads, wantHeads)
	}
	for i, r := range vrec.Rounds {
		if r.CloseHead != wantHeads[r.ID] || r.CloseHead != rec.Rounds[i].CloseHead {
			t.Errorf("round %d: CloseHead %q, want %q (Record: %q)", r.Seq, r.CloseHead, wantHeads[r.ID], rec.Rounds[i].CloseHead)
		}
	}
	// Apart from the heads, it is the record Record gives.
	if !reflect.DeepEqual(vrec, rec) {
		t.Error("VerifiedRecord differs from Record")
	}

	// A record that does not verify is not given.
	_, err = s.db.Exec(`UPDATE members SET attendance = 'absent' WHERE id = 3`)
	must(t, err)
	vrec, rep, err = ro.VerifiedRecord(ctx)
	must(t, err)
	if rep.OK() || !reflect.DeepEqual(vrec, model.Record{}) || rep.RoundHeads != nil {
		t.Errorf("a tampered record was given: problem %q, head %q, %d members", rep.Problem, vrec.Head, len(vrec.Members))
	}
}
