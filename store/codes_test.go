package store

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"hoidong/model"
)

// secretMeeting opens a store holding testPlan with voting codes required,
// members 1–4 present and nominees 1 and 4 ready for LDTT.
func secretMeeting(t *testing.T) *Store {
	t.Helper()
	s := openTest(t)
	p := testPlan()
	p.Meeting.Secret = true
	createMeeting(t, s, p)
	ready(t, s)
	return s
}

// issue issues the codes and checks there is one per voting member.
func issue(t *testing.T, s *Store) map[int64]string {
	t.Helper()
	codes, err := s.IssueCodes(context.Background())
	must(t, err)
	if len(codes) != 4 {
		t.Fatalf("%d codes, want one per voting member (4): %v", len(codes), codes)
	}
	for id, c := range codes {
		if len(c) != CodeDigits || strings.Trim(c, "0123456789") != "" {
			t.Errorf("member %d: code %q is not %d digits", id, c, CodeDigits)
		}
	}
	return codes
}

// wrong returns a well-formed code that is not c.
func wrong(c string) string {
	if c[0] == '9' {
		return "0" + c[1:]
	}
	return string(c[0]+1) + c[1:]
}

func TestCodes_IssueOnceAndCast(t *testing.T) {
	ctx := context.Background()
	s := secretMeeting(t)
	codes := issue(t, s)
	for _, m := range record(t, s).Members {
		if m.HasSecret != m.Votes || m.Locked {
			t.Errorf("%s: has secret %v, locked %v", m.Name, m.HasSecret, m.Locked)
		}
	}
	again, err := s.IssueCodes(ctx)
	must(t, err)
	if len(again) != 0 {
		t.Errorf("issued again: %v", again)
	}
	id, err := s.OpenRound(ctx, "LDTT", []int64{1, 4})
	must(t, err)
	full := map[int64]bool{1: true, 4: false}
	wantCode(t, s.CastBallot(ctx, id, 1, "", full), model.EInvalid)
	wantCode(t, s.CastBallot(ctx, id, 1, codes[2], full), model.EInvalid)
	must(t, s.CheckCode(ctx, 1, codes[1]))
	must(t, s.CastBallot(ctx, id, 1, codes[1], full))
	// As typed from a slip: grouped, with a dash.
	c := codes[2]
	must(t, s.CastBallot(ctx, id, 2, c[:4]+" - "+c[4:], full))
	if r := record(t, s).Rounds[0]; len(r.Voters) != 2 {
		t.Errorf("voters %v", r.Voters)
	}
	// The secretary does not vote and gets no code.
	_, err = s.ReissueCode(ctx, 5)
	wantCode(t, err, model.EConflict)
	rep, err := s.Verify(ctx)
	must(t, err)
	if !rep.OK() {
		t.Errorf("verify: %s", rep.Problem)
	}
}

// TestCodes_HashedAtRest looks for every clear code in the raw bytes of the
// database file and its WAL, while the store is open and after it closes,
// and in the event log: none is there, only argon2id hashes.
func TestCodes_HashedAtRest(t *testing.T) {
	ctx := context.Background()
	s := secretMeeting(t)
	codes := issue(t, s)
	c5, err := s.ReissueCode(ctx, 3)
	must(t, err)
	codes[5] = c5 // member 3's new code; the old one stays in the list to look for
	id, err := s.OpenRound(ctx, "LDTT", []int64{1, 4})
	must(t, err)
	must(t, s.CheckCode(ctx, 1, codes[1]))
	wantCode(t, s.CheckCode(ctx, 2, wrong(codes[2])), model.EInvalid)
	must(t, s.CastBallot(ctx, id, 2, codes[2], map[int64]bool{1: true, 4: true}))
	must(t, s.CastBallot(ctx, id, 1, codes[1], map[int64]bool{1: false, 4: true}))
	scan := func(when string) {
		t.Helper()
		for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
			b, err := os.ReadFile(s.Path() + suffix)
			if os.IsNotExist(err) {
				continue
			}
			must(t, err)
			for member, c := range codes {
				if bytes.Contains(b, []byte(c)) {
					t.Errorf("%s: the clear code of member %d is in %s", when, member, s.Path()+suffix)
				}
			}
		}
	}
	scan("store open")
	var hashes int
	must(t, s.db.QueryRowContext(ctx, `SELECT count(*) FROM member_codes WHERE hash LIKE '$argon2id$v=19$m=19456,t=2,p=1$%'`).Scan(&hashes))
	if hashes != 4 {
		t.Errorf("%d argon2id hashes stored, want 4", hashes)
	}
	for _, e := range record(t, s).Events {
		for member, c := range codes {
			if strings.Contains(e.Detail, c) {
				t.Errorf("event %d (%s) holds member %d's code", e.Seq, e.Kind, member)
			}
		}
		if strings.Contains(e.Detail, "argon2id") {
			t.Errorf("event %d (%s) holds a code hash", e.Seq, e.Kind)
		}
	}
	must(t, s.CloseRound(ctx, id, testKey(t, s)))
	must(t, s.Close())
	scan("store closed")
}

func TestCodes_ThreeWrongTriesLock(t *testing.T) {
	ctx := context.Background()
	s := secretMeeting(t)
	codes := issue(t, s)
	bad := wrong(codes[3])
	for left := 2; left >= 1; left-- {
		e := wantCode(t, s.CheckCode(ctx, 3, bad), model.EInvalid)
		if want := "còn " + string(rune('0'+left)) + " lần nhập"; !strings.Contains(e.Message, want) {
			t.Errorf("message %q, want …%s…", e.Message, want)
		}
	}
	e := wantCode(t, s.CheckCode(ctx, 3, bad), model.ELocked)
	if want := "Lê Văn Cường đã nhập sai mã 3 lần; mời thư ký mở khóa."; e.Message != want {
		t.Errorf("message %q, want %q", e.Message, want)
	}
	// Locked: the right code no longer opens the ballot, nor casts it.
	wantCode(t, s.CheckCode(ctx, 3, codes[3]), model.ELocked)
	id, err := s.OpenRound(ctx, "LDTT", []int64{1, 4})
	must(t, err)
	wantCode(t, s.CastBallot(ctx, id, 3, codes[3], map[int64]bool{1: true, 4: true}), model.ELocked)
	if m := record(t, s).Members[2]; !m.Locked || !m.HasSecret {
		t.Errorf("member 3 %+v", m)
	}
	// The lock survives a restart.
	must(t, s.Close())
	s2, err := Open(s.Path())
	must(t, err)
	defer s2.Close()
	wantCode(t, s2.CheckCode(ctx, 3, codes[3]), model.ELocked)
	// Other members are not affected.
	must(t, s2.CheckCode(ctx, 4, codes[4]))

	must(t, s2.UnlockMember(ctx, 3))
	if m := record(t, s2).Members[2]; m.Locked {
		t.Error("still locked after unlocking")
	}
	must(t, s2.CastBallot(ctx, id, 3, codes[3], map[int64]bool{1: true, 4: true}))
	must(t, s2.UnlockMember(ctx, 3)) // not locked: nothing to do
	rep, err := s2.Verify(ctx)
	must(t, err)
	if !rep.OK() {
		t.Errorf("verify: %s", rep.Problem)
	}
	kinds := map[string]int{}
	for _, e := range record(t, s2).Events {
		kinds[e.Kind]++
	}
	if kinds["member.lock"] != 1 || kinds["member.unlock"] != 1 || kinds["codes.issue"] != 1 {
		t.Errorf("events %v", kinds)
	}
}

func TestCodes_RightCodeStartsTheCountAgain(t *testing.T) {
	ctx := context.Background()
	s := secretMeeting(t)
	codes := issue(t, s)
	bad := wrong(codes[1])
	for range 2 {
		wantCode(t, s.CheckCode(ctx, 1, bad), model.EInvalid)
	}
	must(t, s.CheckCode(ctx, 1, codes[1]))
	for range 2 {
		wantCode(t, s.CheckCode(ctx, 1, bad), model.EInvalid)
	}
	id, err := s.OpenRound(ctx, "LDTT", []int64{1, 4})
	must(t, err)
	must(t, s.CastBallot(ctx, id, 1, codes[1], map[int64]bool{1: true, 4: true}))
	e := wantCode(t, s.CheckCode(ctx, 1, bad), model.EInvalid)
	if !strings.Contains(e.Message, "còn 2 lần") {
		t.Errorf("a ballot cast with the right code did not start the count again: %q", e.Message)
	}
	// Malformed entries are not tries.
	for _, typed := range []string{"", "123", "abcdefgh", "1234567890"} {
		wantCode(t, s.CheckCode(ctx, 2, typed), model.EInvalid)
	}
	must(t, s.CheckCode(ctx, 2, codes[2]))
	if m := record(t, s).Members[1]; m.Locked {
		t.Error("malformed entries locked the member")
	}
}

func TestCodes_Reissue(t *testing.T) {
	ctx := context.Background()
	s := secretMeeting(t)
	codes := issue(t, s)
	bad := wrong(codes[4])
	for range 3 {
		_ = s.CheckCode(ctx, 4, bad)
	}
	wantCode(t, s.CheckCode(ctx, 4, codes[4]), model.ELocked)
	fresh, err := s.ReissueCode(ctx, 4)
	must(t, err)
	if len(fresh) != CodeDigits {
		t.Fatalf("code %q", fresh)
	}
	if fresh != codes[4] {
		wantCode(t, s.CheckCode(ctx, 4, codes[4]), model.EInvalid) // the old slip no longer works
	}
	must(t, s.CheckCode(ctx, 4, fresh))
	if m := record(t, s).Members[3]; m.Locked || !m.HasSecret {
		t.Errorf("member 4 after a new code: %+v", m)
	}
	rep, err := s.Verify(ctx)
	must(t, err)
	if !rep.OK() {
		t.Errorf("verify: %s", rep.Problem)
	}
}

func TestCodes_MissingOrNotRequired(t *testing.T) {
	ctx := context.Background()
	s := secretMeeting(t)
	id, err := s.OpenRound(ctx, "LDTT", []int64{1, 4})
	must(t, err)
	e := wantCode(t, s.CastBallot(ctx, id, 1, "12345678", map[int64]bool{1: true, 4: true}), model.EConflict)
	if !strings.Contains(e.Message, "chưa được cấp mã") {
		t.Errorf("message %q", e.Message)
	}

	// Without meeting.secret no code is asked for, and none is issued.
	s = newMeeting(t)
	ready(t, s)
	_, err = s.IssueCodes(ctx)
	wantCode(t, err, model.EConflict)
	_, err = s.ReissueCode(ctx, 1)
	wantCode(t, err, model.EConflict)
	must(t, s.CheckCode(ctx, 1, "bất kỳ"))
	id, err = s.OpenRound(ctx, "LDTT", []int64{1, 4})
	must(t, err)
	must(t, s.CastBallot(ctx, id, 1, "", map[int64]bool{1: true, 4: true}))
	for _, m := range record(t, s).Members {
		if m.HasSecret || m.Locked {
			t.Errorf("%s: has secret %v, locked %v", m.Name, m.HasSecret, m.Locked)
		}
	}
}

// TestVerify_CodeTampering inserts, deletes and unlocks codes behind the
// program's back; verify names each.
func TestVerify_CodeTampering(t *testing.T) {
	ctx := context.Background()
	s := secretMeeting(t)
	codes := issue(t, s)
	for range 3 {
		_ = s.CheckCode(ctx, 2, wrong(codes[2]))
	}
	must(t, s.Close())
	if rep := verifyFile(t, s.Path()); !rep.OK() {
		t.Fatalf("untouched: %s", rep.Problem)
	}
	for _, tc := range []struct{ name, sql, want string }{
		{"unlocked", `UPDATE member_codes SET locked = 0 WHERE member_id = 2`,
			"Bảng member_codes, mã bỏ phiếu của thành viên số 2 (Trần Thị Bình): bị khóa vì nhập sai mã trong tệp là 0 nhưng nhật ký ghi 1"},
		{"deleted", `DELETE FROM member_codes WHERE member_id = 1`,
			"mã bỏ phiếu của thành viên số 1 (Nguyễn Văn An): nhật ký ghi có dòng này nhưng trong tệp không còn"},
		{"a code for the secretary", `INSERT INTO member_codes (member_id, hash, issued) SELECT 5, hash, 1 FROM member_codes WHERE member_id = 1`,
			"mã bỏ phiếu của thành viên số 5 (Hoàng Văn Em): có trong tệp nhưng nhật ký không ghi"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := copyFile(t, s.Path())
			db := rawDB(t, path)
			dropTriggers(t, db)
			_, err := db.Exec(tc.sql)
			must(t, err)
			must(t, db.Close())
			if rep := verifyFile(t, path); !strings.Contains(rep.Problem, tc.want) {
				t.Errorf("problem %q, want …%s…", rep.Problem, tc.want)
			}
		})
	}
}

func TestNormalizeCode(t *testing.T) {
	for in, want := range map[string]string{
		"12345678":      "12345678",
		"1234 5678":     "12345678",
		"1234-5678":     "12345678",
		" 12.34.56.78 ": "12345678",
		"１２３４５６７８":      "12345678", // full-width digits
	} {
		if got, ok := normalizeCode(in); !ok || got != want {
			t.Errorf("normalizeCode(%q) = %q, %v", in, got, ok)
		}
	}
	for _, in := range []string{"", "1234567", "123456789", "1234567a", "ấ2345678"} {
		if _, ok := normalizeCode(in); ok {
			t.Errorf("normalizeCode(%q) accepted", in)
		}
	}
}

// BenchmarkCheckCode measures one code check: one argon2id hash.
func BenchmarkCheckCode(b *testing.B) {
	ctx := context.Background()
	s := openTest(b)
	p := testPlan()
	p.Meeting.Secret = true
	createMeeting(b, s, p)
	codes, err := s.IssueCodes(ctx)
	must(b, err)
	for b.Loop() {
		must(b, s.CheckCode(ctx, 1, codes[1]))
	}
}
