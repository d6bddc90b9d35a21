package store

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"fmt"
	"math"
	mrand "math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/crypto/nacl/box"

	"hoidong/model"
	"hoidong/voting"
)

// unkeyRound makes an open round look like one opened by a version without
// sealed ballots: it deletes the round's keys behind the store's back, so
// that its ballots are stored in the clear.
func unkeyRound(t testing.TB, s *Store, roundID int64) {
	t.Helper()
	var trigger string
	must(t, s.db.QueryRow(`SELECT sql FROM sqlite_schema WHERE name = 'round_keys_delete_at_close'`).Scan(&trigger))
	_, err := s.db.Exec(`DROP TRIGGER round_keys_delete_at_close`)
	must(t, err)
	_, err = s.db.Exec(`DELETE FROM round_keys WHERE round_id = ?`, roundID)
	must(t, err)
	_, err = s.db.Exec(trigger)
	must(t, err)
}

// sealedMeeting is a council of members voting members, all present, and
// nominees individuals ready for CSTD, with the secretary code set. The
// nominees' ids start at 101, so that a sealed ballot's message is long
// enough to look for in a file without chance matches.
func sealedMeeting(t testing.TB, members, nominees int) (*Store, []int64) {
	t.Helper()
	s := benchMeeting(t, members, 100+nominees)
	ids := make([]int64, nominees)
	for i := range ids {
		ids[i] = int64(101 + i)
	}
	return s, ids
}

// tableCount counts the rows of a table.
func tableCount(t testing.TB, q querier, table string) int {
	t.Helper()
	var n int
	must(t, q.QueryRowContext(context.Background(), `SELECT COUNT(*) FROM `+table).Scan(&n))
	return n
}

// rawFiles returns the bytes of the database file and its WAL.
func rawFiles(t testing.TB, path string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, suffix := range []string{"", "-wal"} {
		b, err := os.ReadFile(path + suffix)
		if os.IsNotExist(err) {
			continue
		}
		must(t, err)
		out[path+suffix] = b
	}
	return out
}

// allChoices lists every way of marking nominees, with its bits as the
// index: bit i set for đồng ý on nominees[i].
func allChoices(nominees []int64) []map[int64]bool {
	out := make([]map[int64]bool, 1<<len(nominees))
	for v := range out {
		out[v] = map[int64]bool{}
		for i, n := range nominees {
			out[v][n] = v>>i&1 == 1
		}
	}
	return out
}

func TestSealedBallots_NothingInTheClearWhileOpen(t *testing.T) {
	ctx := context.Background()
	s, nominees := sealedMeeting(t, 6, 8)
	id, err := s.OpenRound(ctx, "CSTD", nominees)
	must(t, err)
	var public, sealedPriv []byte
	must(t, s.db.QueryRow(`SELECT public_key, sealed_private FROM round_keys WHERE round_id = ?`, id).Scan(&public, &sealedPriv))
	if len(public) != 32 || len(sealedPriv) != 80 {
		t.Fatalf("round key of %d and %d bytes", len(public), len(sealedPriv))
	}
	patterns := allChoices(nominees)
	var boxLen int
	for m := int64(1); m <= 6; m++ {
		choices := patterns[int(m*37)%len(patterns)]
		must(t, s.CastBallot(ctx, id, m, "", choices))
		if n := tableCount(t, s.db, "ballots") + tableCount(t, s.db, "ballot_choices"); n != 0 {
			t.Fatalf("after ballot %d, %d rows in ballots and ballot_choices", m, n)
		}
		if n := tableCount(t, s.db, "sealed_ballots"); n != int(m) {
			t.Fatalf("after ballot %d, %d sealed ballots", m, n)
		}
		// No way of marking the ballot, as the sealed message encodes it,
		// is anywhere in the file or its WAL.
		for name, data := range rawFiles(t, s.Path()) {
			for v, c := range patterns {
				if bytes.Contains(data, encodeBallot(id, nominees, c)) {
					t.Errorf("after ballot %d, %s holds the choices %08b in the clear", m, name, v)
				}
			}
		}
		// Every ballot seals a message of the same length.
		rows, err := s.db.Query(`SELECT length(box) FROM sealed_ballots`)
		must(t, err)
		for rows.Next() {
			var n int
			must(t, rows.Scan(&n))
			if boxLen == 0 {
				boxLen = n
			}
			if n != boxLen {
				t.Errorf("sealed ballots of %d and %d bytes in one round", n, boxLen)
			}
		}
		must(t, rows.Close())
	}
	// The database keeps ballots sealed: none in the clear, none changed.
	for _, q := range []string{
		`INSERT INTO ballots (id, round_id) VALUES (randomblob(16), 1)`,
		`UPDATE sealed_ballots SET box = box || x'00'`,
		`DELETE FROM sealed_ballots`,
		`DELETE FROM round_keys`,
		`UPDATE round_keys SET public_key = randomblob(32)`,
	} {
		if _, err := s.db.Exec(q); err == nil {
			t.Errorf("the database accepted %s in an open round", q)
		}
	}
	rep, err := s.Verify(ctx)
	must(t, err)
	if !rep.OK() {
		t.Errorf("verify of the open round: %s", rep.Problem)
	}
}

// castAll casts ballots[m-1] for members 1, 2, … in an open round.
func castAll(t testing.TB, s *Store, roundID int64, ballots []map[int64]bool) {
	t.Helper()
	for i, c := range ballots {
		must(t, s.CastBallot(context.Background(), roundID, int64(i+1), "", c))
	}
}

// roundState is what a refused close must leave as it was.
func roundState(t testing.TB, s *Store) string {
	t.Helper()
	rec := record(t, s)
	return fmt.Sprintf("%+v sealed=%d keys=%d ballots=%d results=%d events=%d", rec.Rounds,
		tableCount(t, s.db, "sealed_ballots"), tableCount(t, s.db, "round_keys"),
		tableCount(t, s.db, "ballots"), tableCount(t, s.db, "results"), len(rec.Events))
}

func TestSealedBallots_CloseOpensAndTallies(t *testing.T) {
	ctx := context.Background()
	s, nominees := sealedMeeting(t, 7, 6)
	rng := mrand.New(mrand.NewPCG(1, 2))
	ballots := make([]map[int64]bool, 7)
	for i := range ballots {
		ballots[i] = map[int64]bool{}
		for _, n := range nominees {
			ballots[i][n] = rng.IntN(10) < 8
		}
	}
	id, err := s.OpenRound(ctx, "CSTD", nominees)
	must(t, err)
	castAll(t, s, id, ballots)
	var boxes [][]byte
	rows, err := s.db.Query(`SELECT box FROM sealed_ballots`)
	must(t, err)
	for rows.Next() {
		var b []byte
		must(t, rows.Scan(&b))
		boxes = append(boxes, b)
	}
	must(t, rows.Close())
	key := testKey(t, s)
	before := roundState(t, s)

	// Without the key, with another meeting's key, with a key that is not
	// the secretary's, with a forgotten key: refused, nothing changed.
	other, _ := sealedMeeting(t, 2, 1)
	otherKey := testKey(t, other)
	forged := &SecretaryKey{public: key.public, live: true}
	_, _ = rand.Read(forged.private[:])
	forgotten := testKey(t, s)
	forgotten.Forget()
	for _, c := range []struct {
		name string
		key  *SecretaryKey
		code model.ErrorCode
		says string
	}{
		{"no key", nil, model.EConflict, "Cần mã thư ký"},
		{"forgotten key", forgotten, model.EConflict, "Cần mã thư ký"},
		{"another file's key", otherKey, model.EConflict, "không phải của tệp này"},
		{"a forged key", forged, model.EInvalid, "không mở được khóa của vòng"},
	} {
		t.Run(c.name, func(t *testing.T) {
			wantMessage(t, s.CloseRound(ctx, id, c.key), c.code, c.says, "vòng bỏ phiếu 1")
			if after := roundState(t, s); after != before {
				t.Errorf("a refused close changed the file:\n%s\n%s", before, after)
			}
		})
	}

	// With the secretary's key the round tallies as a round in the clear
	// does, from the same ballots.
	must(t, s.CloseRound(ctx, id, key))
	plain, _ := sealedMeeting(t, 7, 6)
	pid, err := plain.OpenRound(ctx, "CSTD", nominees)
	must(t, err)
	unkeyRound(t, plain, pid)
	castAll(t, plain, pid, ballots)
	if tableCount(t, plain.db, "sealed_ballots") != 0 || tableCount(t, plain.db, "ballots") != 7 {
		t.Fatal("the round without a key did not store its ballots in the clear")
	}
	must(t, plain.CloseRound(ctx, pid, nil))
	got, want := record(t, s).Rounds[0], record(t, plain).Rounds[0]
	if !slices.Equal(got.Results, want.Results) || got.Valid != want.Valid || got.Returned != want.Returned ||
		!slices.Equal(got.Voters, want.Voters) {
		t.Errorf("sealed round\n%+v\n%+v\nround in the clear\n%+v\n%+v", got.Results, got, want.Results, want)
	}
	agree := make([]int, len(nominees))
	for _, b := range ballots {
		for i, n := range nominees {
			if b[n] {
				agree[i]++
			}
		}
	}
	lines := voting.Tally(model.Rule{BallotRequired: true, Threshold: model.Fraction{Num: 90, Den: 100},
		Comparison: model.AtLeast, Base: model.BaseAllMembers}, nominees, got.Ballots,
		voting.BaseCounts{AllMembers: 7, Present: 7, Valid: 7})
	for i, l := range got.Results {
		if l.Agree != agree[i] || l != lines[i] {
			t.Errorf("nominee %d: %+v, counted by hand %d agree", l.NomineeID, l, agree[i])
		}
	}
	var gotBallots, wantBallots []string
	for _, b := range got.Ballots {
		gotBallots = append(gotBallots, fmt.Sprint(b.Choices))
	}
	for _, b := range ballots {
		wantBallots = append(wantBallots, fmt.Sprint(b))
	}
	slices.Sort(gotBallots)
	slices.Sort(wantBallots)
	if !slices.Equal(gotBallots, wantBallots) {
		t.Errorf("stored ballots %v, cast %v", gotBallots, wantBallots)
	}

	// Nothing sealed is left: no row, and no byte of a sealed ballot or of
	// the round's keys in the file.
	if n := tableCount(t, s.db, "sealed_ballots") + tableCount(t, s.db, "round_keys"); n != 0 {
		t.Errorf("%d sealed ballots and round keys left after the close", n)
	}
	for name, data := range rawFiles(t, s.Path()) {
		for i, b := range boxes {
			if bytes.Contains(data, b[:32]) || bytes.Contains(data, b[len(b)-32:]) {
				t.Errorf("%s still holds sealed ballot %d", name, i)
			}
		}
	}
	for _, q := range []string{
		`INSERT INTO sealed_ballots (id, round_id, box) VALUES (randomblob(16), 1, randomblob(100))`,
		`INSERT INTO round_keys (round_id, public_key, sealed_private) VALUES (1, randomblob(32), randomblob(80))`,
	} {
		if _, err := s.db.Exec(q); err == nil {
			t.Errorf("the database accepted %s for a closed round", q)
		}
	}
	rep, err := s.Verify(ctx)
	must(t, err)
	if !rep.OK() {
		t.Errorf("verify: %s", rep.Problem)
	}
}

func TestSealedBallots_NeverCloseWithOneBallot(t *testing.T) {
	ctx := context.Background()
	s := newMeeting(t)
	ready(t, s)
	key := testKey(t, s)
	id, err := s.OpenRound(ctx, "LDTT", []int64{1, 4})
	must(t, err)
	before := roundState(t, s)
	wantMessage(t, s.CloseRound(ctx, id, key), model.EConflict, "Vòng bỏ phiếu 1 mới có 0 phiếu", "ít nhất 2 phiếu")
	must(t, s.CastBallot(ctx, id, 1, "", map[int64]bool{1: true, 4: false}))
	mid := roundState(t, s)
	wantMessage(t, s.CloseRound(ctx, id, key), model.EConflict, "mới có 1 phiếu")
	if after := roundState(t, s); after != mid || before == mid {
		t.Errorf("a refused close changed the file")
	}
	must(t, s.CastBallot(ctx, id, 2, "", map[int64]bool{1: true, 4: true}))
	must(t, s.CloseRound(ctx, id, key))

	// A round in the clear, from an older version, neither.
	s = newMeeting(t)
	ready(t, s)
	id, err = s.OpenRound(ctx, "LDTT", []int64{1, 4})
	must(t, err)
	unkeyRound(t, s, id)
	must(t, s.CastBallot(ctx, id, 3, "", map[int64]bool{1: true, 4: false}))
	wantMessage(t, s.CloseRound(ctx, id, nil), model.EConflict, "mới có 1 phiếu")

	// Nor a paper round with fewer than 2 ballots returned.
	s = newMeeting(t)
	ready(t, s)
	paper := paperRound(t, s)
	for _, returned := range []int{0, 1} {
		c := voting.PaperCounts{Issued: 4, Returned: returned, Valid: returned, Agree: map[int64]int{1: returned, 4: 0}}
		wantMessage(t, s.EnterPaperCounts(ctx, paper, c), model.EConflict, fmt.Sprintf("chỉ thu về %d phiếu", returned))
	}
	if r := record(t, s).Rounds[0]; r.Status != model.RoundOpen {
		t.Fatal("a refused paper count closed the round")
	}
	must(t, s.EnterPaperCounts(ctx, paper, voting.PaperCounts{Issued: 4, Returned: 2, Valid: 2, Agree: map[int64]int{1: 2, 4: 1}}))
}

func TestSealedBallots_BadBoxRefusesTheClose(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		name string
		box  func(pub *[32]byte, round int64) []byte
	}{
		{"not a sealed box", func(*[32]byte, int64) []byte { b := make([]byte, 60); _, _ = rand.Read(b); return b }},
		{"sealed to another key", func(*[32]byte, int64) []byte {
			pub, _, _ := box.GenerateKey(rand.Reader)
			b, _ := box.SealAnonymous(nil, encodeBallot(1, []int64{1, 4}, map[int64]bool{1: true}), pub, rand.Reader)
			return b
		}},
		{"another round's ballot", func(pub *[32]byte, round int64) []byte {
			b, _ := box.SealAnonymous(nil, encodeBallot(round+1, []int64{1, 4}, map[int64]bool{1: true}), pub, rand.Reader)
			return b
		}},
		{"other nominees", func(pub *[32]byte, round int64) []byte {
			b, _ := box.SealAnonymous(nil, encodeBallot(round, []int64{1, 2}, map[int64]bool{1: true}), pub, rand.Reader)
			return b
		}},
		{"a nominee missing", func(pub *[32]byte, round int64) []byte {
			b, _ := box.SealAnonymous(nil, encodeBallot(round, []int64{4}, map[int64]bool{4: true}), pub, rand.Reader)
			return b
		}},
		{"trailing bytes", func(pub *[32]byte, round int64) []byte {
			msg := append(encodeBallot(round, []int64{1, 4}, map[int64]bool{1: true}), 0)
			b, _ := box.SealAnonymous(nil, msg, pub, rand.Reader)
			return b
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := newMeeting(t)
			ready(t, s)
			id, err := s.OpenRound(ctx, "LDTT", []int64{1, 4})
			must(t, err)
			for m := int64(1); m <= 3; m++ {
				must(t, s.CastBallot(ctx, id, m, "", map[int64]bool{1: true, 4: m == 2}))
			}
			pub, _, err := roundPublicKey(ctx, s.db, id)
			must(t, err)
			// Behind the store's back: a voter and a ballot that is not one.
			_, err = s.db.Exec(`INSERT INTO participation (round_id, member_id) VALUES (?, 4)`, id)
			must(t, err)
			_, err = s.db.Exec(`INSERT INTO sealed_ballots (id, round_id, box) VALUES (randomblob(16), ?, ?)`, id, c.box(pub, id))
			must(t, err)
			before := roundState(t, s)
			wantMessage(t, s.CloseRound(ctx, id, testKey(t, s)), model.EInvalid, "1 phiếu niêm phong không mở được", "Chưa đóng vòng")
			if after := roundState(t, s); after != before {
				t.Errorf("a refused close changed the file")
			}
		})
	}

	t.Run("more sealed ballots than voters", func(t *testing.T) {
		s := newMeeting(t)
		ready(t, s)
		id, err := s.OpenRound(ctx, "LDTT", []int64{1, 4})
		must(t, err)
		for m := int64(1); m <= 3; m++ {
			must(t, s.CastBallot(ctx, id, m, "", map[int64]bool{1: true, 4: true}))
		}
		pub, _, err := roundPublicKey(ctx, s.db, id)
		must(t, err)
		b, err := box.SealAnonymous(nil, encodeBallot(id, []int64{1, 4}, map[int64]bool{1: false, 4: false}), pub, rand.Reader)
		must(t, err)
		_, err = s.db.Exec(`INSERT INTO sealed_ballots (id, round_id, box) VALUES (randomblob(16), ?, ?)`, id, b)
		must(t, err)
		rep, err := s.Verify(ctx)
		must(t, err)
		if !strings.Contains(rep.Problem, "Vòng 1 (đang mở): nhật ký ghi 3 lần bỏ phiếu nhưng tệp có 3 người đã bỏ phiếu và 4 phiếu") {
			t.Errorf("verify: %q", rep.Problem)
		}
		wantMessage(t, s.CloseRound(ctx, id, testKey(t, s)), model.EInvalid, "3 người đã bỏ phiếu nhưng 4 phiếu niêm phong")
	})
}

func TestSealedBallots_BoothAndRestartKeepCasting(t *testing.T) {
	ctx := context.Background()
	s := newMeeting(t)
	ready(t, s)
	path := s.Path()
	id, err := s.OpenRound(ctx, "LDTT", []int64{1, 4})
	must(t, err)
	booth, err := OpenBooth(path)
	must(t, err)
	defer booth.Close()
	must(t, booth.CastBallot(ctx, id, 1, "", map[int64]bool{1: true, 4: true}))
	must(t, s.CastBallot(ctx, id, 2, "", map[int64]bool{1: true, 4: false}))
	// The secretary's program restarts; the booth goes on.
	must(t, s.Close())
	s, err = Open(path)
	must(t, err)
	defer s.Close()
	must(t, booth.CastBallot(ctx, id, 3, "", map[int64]bool{1: false, 4: true}))
	must(t, s.CastBallot(ctx, id, 4, "", map[int64]bool{1: true, 4: true}))
	if n := tableCount(t, s.db, "sealed_ballots"); n != 4 || tableCount(t, s.db, "ballots") != 0 {
		t.Fatalf("%d sealed ballots, want 4 and none in the clear", n)
	}
	// Any program with the code can close the round, the booth's included.
	key, err := booth.UnlockSecretary(ctx, testSecretaryCode)
	must(t, err)
	must(t, s.CloseRound(ctx, id, key))
	r := record(t, booth).Rounds[0]
	if r.Results[0].Agree != 3 || r.Results[1].Agree != 3 || len(r.Ballots) != 4 {
		t.Errorf("results %+v with %d ballots", r.Results, len(r.Ballots))
	}
}

func TestVerify_SealedBallotsLeftOrLost(t *testing.T) {
	ctx := context.Background()
	dropTriggers := func(t *testing.T, s *Store) {
		t.Helper()
		for _, tr := range []string{"sealed_ballots_delete_at_close", "sealed_ballots_open_only", "round_keys_open_only"} {
			_, err := s.db.Exec(`DROP TRIGGER ` + tr)
			must(t, err)
		}
	}
	opened := func(t *testing.T) (*Store, int64) {
		s := newMeeting(t)
		ready(t, s)
		id, err := s.OpenRound(ctx, "LDTT", []int64{1, 4})
		must(t, err)
		for m := int64(1); m <= 3; m++ {
			must(t, s.CastBallot(ctx, id, m, "", map[int64]bool{1: true, 4: m != 1}))
		}
		dropTriggers(t, s)
		return s, id
	}
	for _, c := range []struct {
		name   string
		tamper func(t *testing.T, s *Store, id int64)
		says   string
	}{
		{"a sealed ballot lost", func(t *testing.T, s *Store, id int64) {
			_, err := s.db.Exec(`DELETE FROM sealed_ballots WHERE id = (SELECT MIN(id) FROM sealed_ballots)`)
			must(t, err)
		}, "Vòng 1 (đang mở): nhật ký ghi 3 lần bỏ phiếu nhưng tệp có 3 người đã bỏ phiếu và 2 phiếu."},
		{"the round key lost", func(t *testing.T, s *Store, id int64) {
			_, err := s.db.Exec(`DROP TRIGGER round_keys_delete_at_close`)
			must(t, err)
			_, err = s.db.Exec(`DELETE FROM round_keys`)
			must(t, err)
		}, "Vòng 1 (đang mở) có 3 phiếu niêm phong nhưng tệp không còn khóa của vòng."},
		{"a sealed ballot left after the close", func(t *testing.T, s *Store, id int64) {
			must(t, s.CastBallot(ctx, id, 4, "", map[int64]bool{1: true, 4: true}))
			must(t, s.CloseRound(ctx, id, testKey(t, s)))
			_, err := s.db.Exec(`INSERT INTO sealed_ballots (id, round_id, box) VALUES (randomblob(16), ?, randomblob(80))`, id)
			must(t, err)
		}, "Vòng 1 đã kết thúc nhưng tệp vẫn còn 1 phiếu niêm phong của vòng."},
		{"a round key left after the close", func(t *testing.T, s *Store, id int64) {
			must(t, s.CastBallot(ctx, id, 4, "", map[int64]bool{1: true, 4: true}))
			must(t, s.CloseRound(ctx, id, testKey(t, s)))
			_, err := s.db.Exec(`INSERT INTO round_keys (round_id, public_key, sealed_private) VALUES (?, randomblob(32), randomblob(80))`, id)
			must(t, err)
		}, "Vòng 1 đã kết thúc nhưng tệp vẫn còn khóa niêm phong của vòng."},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, id := opened(t)
			rep, err := s.Verify(ctx)
			must(t, err)
			if !rep.OK() {
				t.Fatalf("verify before tampering: %s", rep.Problem)
			}
			c.tamper(t, s, id)
			rep, err = s.Verify(ctx)
			must(t, err)
			if rep.Problem != c.says {
				t.Errorf("problem %q, want %q", rep.Problem, c.says)
			}
		})
	}
}

// The mid-round copy.
//
// Someone copies the database file and its WAL after every single ballot
// of a round, without the secretary code. Comparing consecutive copies
// tells exactly which member cast which stored item: a new participation
// row and a new sealed ballot appear together. That is the strongest
// pairing of voters with what is stored that a copy can give, stronger than
// reading the order of cells in one copy. The attacker then tries to learn
// each member's vote from that item: from the ballot tables through SQL,
// and from the raw bytes, looking for every way of marking the ballot as
// the sealed message would encode it. Where it learns nothing it guesses
// "đồng ý" for every nominee.
//
// Every choice is drawn uniformly and independently, so whatever an
// attacker who learns nothing guesses, the number of choices it gets right
// out of N is binomial (N, 1/2). The test pools many meetings, each with
// its own seed, and fails when the number right is more than midRoundZ
// standard deviations above N/2 (probability about 3·10⁻⁷ by chance). The
// control runs the same meetings with rounds that have no key, as a file
// from an older version holds them, and must see the attacker read every
// vote.

// midRoundZ is the one-sided bound on the attacker's excess of right
// guesses, in standard deviations.
const midRoundZ = 5.0

// midRoundResult is what the attacker achieved over one or more meetings.
type midRoundResult struct {
	choices, right int // choices guessed, and guessed right
	fromSQL, raw   int // ballots read from the ballot tables, found in raw bytes
}

func (r midRoundResult) z() float64 {
	n := float64(r.choices)
	return (float64(r.right) - n/2) / math.Sqrt(n/4)
}

// copyFiles copies the database file and its WAL into a new directory,
// as someone copying the meeting's files would, and returns the copy's
// path and raw bytes.
func copyFiles(t *testing.T, path string) (string, []byte) {
	t.Helper()
	dir := t.TempDir()
	dst := filepath.Join(dir, "ban-sao.db")
	var raw []byte
	for _, suffix := range []string{"", "-wal"} {
		data, err := os.ReadFile(path + suffix)
		if os.IsNotExist(err) {
			continue
		}
		must(t, err)
		must(t, os.WriteFile(dst+suffix, data, 0o600))
		raw = append(raw, data...)
	}
	return dst, raw
}

// attackCopy reads what a copy holds: the members who have voted, and the
// ballots in the clear with their choices, by ballot id.
func attackCopy(t *testing.T, path string) (map[int64]bool, map[string]map[int64]bool) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	must(t, err)
	defer db.Close()
	voters := map[int64]bool{}
	ballots := map[string]map[int64]bool{}
	must(t, scanRows(context.Background(), db, "copy", `SELECT member_id FROM participation`, nil, func(rows *sql.Rows) error {
		var m int64
		if err := rows.Scan(&m); err != nil {
			return err
		}
		voters[m] = true
		return nil
	}))
	must(t, scanRows(context.Background(), db, "copy", `SELECT ballot_id, nominee_id, agree FROM ballot_choices`, nil,
		func(rows *sql.Rows) error {
			var (
				id    []byte
				n     int64
				agree bool
			)
			if err := rows.Scan(&id, &n, &agree); err != nil {
				return err
			}
			if ballots[string(id)] == nil {
				ballots[string(id)] = map[int64]bool{}
			}
			ballots[string(id)][n] = agree
			return nil
		}))
	return voters, ballots
}

// midRoundMeeting holds one round of voters members over nominees, in a
// random order of the members with uniformly random choices, copies the
// files after every ballot and runs the attack. keyed false gives the round
// no key. No copy may hold the round's private key.
func midRoundMeeting(t *testing.T, seed uint64, voters, nomineeCount int, keyed bool) midRoundResult {
	t.Helper()
	ctx := context.Background()
	rng := mrand.New(mrand.NewPCG(seed, 0x5eed))
	s, nominees := sealedMeeting(t, voters, nomineeCount)
	id, err := s.OpenRound(ctx, "CSTD", nominees)
	must(t, err)
	var roundPriv []byte
	if keyed {
		key := testKey(t, s)
		var sealed []byte
		must(t, s.db.QueryRow(`SELECT sealed_private FROM round_keys WHERE round_id = ?`, id).Scan(&sealed))
		var ok bool
		if roundPriv, ok = box.OpenAnonymous(nil, sealed, &key.public, &key.private); !ok {
			t.Fatal("the round's private key does not open")
		}
		key.Forget()
	} else {
		unkeyRound(t, s, id)
	}
	patterns := allChoices(nominees)
	encodings := make([][]byte, len(patterns))
	for v, c := range patterns {
		encodings[v] = encodeBallot(id, nominees, c)
	}
	var (
		res       midRoundResult
		seen      = map[string]bool{}
		prevCount = make([]int, len(patterns))
		prevVoter = map[int64]bool{}
	)
	for _, mi := range rng.Perm(voters) {
		member := int64(mi + 1)
		truth := make(map[int64]bool, len(nominees))
		for _, n := range nominees {
			truth[n] = rng.IntN(2) == 1
		}
		must(t, s.CastBallot(ctx, id, member, "", truth))

		path, raw := copyFiles(t, s.Path())
		if roundPriv != nil && bytes.Contains(raw, roundPriv) {
			t.Fatalf("seed %d: a copy holds the round's private key", seed)
		}
		voted, ballots := attackCopy(t, path)
		var newVoters []int64
		for m := range voted {
			if !prevVoter[m] {
				newVoters = append(newVoters, m)
			}
		}
		prevVoter = voted
		if len(newVoters) != 1 || newVoters[0] != member {
			t.Fatalf("seed %d: the copy shows the new voters %v, want member %d", seed, newVoters, member)
		}
		// The attacker's guess for this member: a ballot that appeared in
		// the clear, else a way of marking that appeared in the raw bytes,
		// else "đồng ý" throughout.
		var guess map[int64]bool
		for bid, c := range ballots {
			if !seen[bid] {
				seen[bid] = true
				guess = c
				res.fromSQL++
			}
		}
		// In the raw bytes, a way of marking seen for the first time is the
		// new ballot's; failing that, one seen more often than before (the
		// WAL also takes new copies of pages holding earlier ballots).
		fresh, more := -1, -1
		for v, enc := range encodings {
			n := bytes.Count(raw, enc)
			switch {
			case n > 0 && prevCount[v] == 0:
				fresh = v
			case n > prevCount[v]:
				more = v
			}
			prevCount[v] = n
		}
		if v := max(fresh, more); guess == nil && v >= 0 {
			if fresh >= 0 {
				v = fresh
			}
			guess = patterns[v]
			res.raw++
		}
		for _, n := range nominees {
			g, ok := guess[n]
			if !ok {
				g = true
			}
			res.choices++
			if g == truth[n] {
				res.right++
			}
		}
	}
	return res
}

// TestSealedBallots_MidRoundCopyTellsNoVote is the attack above on rounds
// with sealed ballots over many seeds, and its control on rounds without a
// key.
func TestSealedBallots_MidRoundCopyTellsNoVote(t *testing.T) {
	seed := mrand.Uint64()
	if s := os.Getenv("HOIDONG_SECRECY_SEED"); s != "" {
		_, err := fmt.Sscan(s, &seed)
		must(t, err)
	}
	meetings, voters, nominees := 12, 15, 6
	if testing.Short() {
		meetings = 4
	}
	t.Logf("seed %d (replay with HOIDONG_SECRECY_SEED=%d): %d meetings of %d voters, %d nominees", seed, seed, meetings, voters, nominees)
	var sealed, control midRoundResult
	for i := range meetings {
		ms := seed + uint64(i)*0x9e3779b97f4a7c15
		r := midRoundMeeting(t, ms, voters, nominees, true)
		sealed.choices += r.choices
		sealed.right += r.right
		sealed.fromSQL += r.fromSQL
		sealed.raw += r.raw
		if r.fromSQL > 0 || r.raw > 0 {
			t.Errorf("meeting %d (seed %d): a copy showed %d ballots in the ballot tables and %d in the raw bytes", i+1, ms, r.fromSQL, r.raw)
		}
		c := midRoundMeeting(t, ms, voters, nominees, false)
		control.choices += c.choices
		control.right += c.right
		control.fromSQL += c.fromSQL
	}
	t.Logf("sealed: %d of %d choices guessed right (Z = %+.2f, bound %.1f)", sealed.right, sealed.choices, sealed.z(), midRoundZ)
	t.Logf("control without keys: %d of %d right (Z = %+.2f), %d ballots read from copies", control.right, control.choices, control.z(), control.fromSQL)
	if sealed.z() > midRoundZ {
		t.Errorf("LEAK: copies taken mid-round let the attacker guess %d of %d choices (Z = %.2f > %.1f)",
			sealed.right, sealed.choices, sealed.z(), midRoundZ)
	}
	if control.z() <= midRoundZ || control.right != control.choices {
		t.Errorf("the control should let the attacker read every vote of rounds in the clear: %d of %d (Z = %.2f)",
			control.right, control.choices, control.z())
	}
}

// TestSealedBallots_RawScanFindsAMessage shows that the raw-byte part of the
// attack finds a ballot's message when it is in the bytes.
func TestSealedBallots_RawScanFindsAMessage(t *testing.T) {
	ctx := context.Background()
	s, nominees := sealedMeeting(t, 3, 6)
	id, err := s.OpenRound(ctx, "CSTD", nominees)
	must(t, err)
	must(t, s.CastBallot(ctx, id, 1, "", allChoices(nominees)[0]))
	_, raw := copyFiles(t, s.Path())
	msg := encodeBallot(id, nominees, allChoices(nominees)[45])
	leaky := slices.Concat(raw[:len(raw)/2], msg, raw[len(raw)/2:])
	found := -1
	for v, c := range allChoices(nominees) {
		if bytes.Count(leaky, encodeBallot(id, nominees, c)) > bytes.Count(raw, encodeBallot(id, nominees, c)) {
			found = v
		}
	}
	if found != 45 {
		t.Errorf("the scan found the choices %d, want 45", found)
	}
}

func TestEncodeBallot_RoundTripsAndKeepsItsLength(t *testing.T) {
	nominees := []int64{7, 300, 2, 70000}
	var length int
	for _, c := range allChoices(nominees) {
		msg := encodeBallot(9, nominees, c)
		if length == 0 {
			length = len(msg)
		}
		if len(msg) != length {
			t.Errorf("choices %v encode in %d bytes, others in %d", c, len(msg), length)
		}
		back, err := decodeBallot(msg, 9, []int64{70000, 2, 300, 7})
		must(t, err)
		if fmt.Sprint(back) != fmt.Sprint(c) {
			t.Errorf("decoded %v, encoded %v", back, c)
		}
		if _, err := decodeBallot(msg, 8, nominees); err == nil {
			t.Error("a ballot of round 9 decoded as one of round 8")
		}
		if _, err := decodeBallot(msg[:len(msg)-1], 9, nominees); err == nil {
			t.Error("a truncated ballot decoded")
		}
	}
}
