package store

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/nacl/box"
	"golang.org/x/text/unicode/norm"

	"hoidong/model"
)

// wantMessage checks that err is a user error with code whose message holds
// every one of parts.
func wantMessage(t *testing.T, err error, code model.ErrorCode, parts ...string) {
	t.Helper()
	e := wantCode(t, err, code)
	for _, p := range parts {
		if !strings.Contains(e.Message, p) {
			t.Errorf("message %q does not say %q", e.Message, p)
		}
	}
}

// meetingWithoutSecretary opens a store holding testPlan, members 1–4
// present and nominees 1 and 4 ready, without a secretary code.
func meetingWithoutSecretary(t *testing.T) *Store {
	t.Helper()
	s := openTest(t)
	must(t, s.CreateMeeting(context.Background(), testPlan()))
	ready(t, s)
	return s
}

func TestSecretaryCode_SetOnceThenChange(t *testing.T) {
	ctx := context.Background()
	s := meetingWithoutSecretary(t)
	if set, err := s.SecretaryCodeSet(ctx); err != nil || set {
		t.Fatalf("SecretaryCodeSet on a new meeting: %v, %v", set, err)
	}
	if record(t, s).Meeting.SecretarySet {
		t.Error("the record says the secretary code is set")
	}
	_, err := s.UnlockSecretary(ctx, testSecretaryCode)
	wantMessage(t, err, model.EConflict, "Chưa đặt mã thư ký")
	// No electronic round before the code: its ballots could not be sealed.
	_, err = s.OpenRound(ctx, "LDTT", []int64{1, 4})
	wantMessage(t, err, model.EConflict, "mã thư ký")
	if len(record(t, s).Rounds) != 0 {
		t.Fatal("a refused round was stored")
	}

	for _, c := range []struct {
		name, code, says string
	}{
		{"empty", "", "ít nhất 6 ký tự"},
		{"five characters", "Thư k", "ít nhất 6 ký tự (mã vừa nhập có 5 ký tự)"},
		{"five characters and spaces", "  12345  ", "có 5 ký tự"},
		{"65 characters", strings.Repeat("ư", 65), "dài nhất 64 ký tự"},
		{"a tab", "mã\tthư ký", "ký tự điều khiển"},
		{"a newline", "mã thư\nký", "ký tự điều khiển"},
		{"not UTF-8", "mã thư ký \xff", "không đọc được"},
	} {
		t.Run(c.name, func(t *testing.T) {
			wantMessage(t, s.SetSecretaryCode(ctx, c.code), model.EInvalid, c.says)
		})
	}
	if set, _ := s.SecretaryCodeSet(ctx); set {
		t.Fatal("a refused code was stored")
	}

	// Decomposed as some keyboards type it, with spaces around: stored as
	// NFC, trimmed.
	must(t, s.SetSecretaryCode(ctx, "  "+norm.NFD.String(testSecretaryCode)+" "))
	if set, err := s.SecretaryCodeSet(ctx); err != nil || !set {
		t.Fatalf("SecretaryCodeSet after setting: %v, %v", set, err)
	}
	if !record(t, s).Meeting.SecretarySet {
		t.Error("the record does not say the secretary code is set")
	}
	wantMessage(t, s.SetSecretaryCode(ctx, "một mã khác"), model.EConflict, "đã được đặt")
	key := testKey(t, s)
	public := key.public
	key.Forget()
	if key.usable() || key.private != [32]byte{} {
		t.Error("Forget left the private key")
	}

	// Changing needs the old code, which counts as a try.
	wantMessage(t, s.ChangeSecretaryCode(ctx, "mã sai mất rồi", "mã mới 2024"), model.EInvalid, "không đúng", "Còn 2 lần")
	wantMessage(t, s.ChangeSecretaryCode(ctx, testSecretaryCode, "12345"), model.EInvalid, "ít nhất 6 ký tự")
	wantMessage(t, s.ChangeSecretaryCode(ctx, testSecretaryCode, testSecretaryCode), model.EInvalid, "trùng")
	must(t, s.ChangeSecretaryCode(ctx, testSecretaryCode, "mã mới 2024"))
	_, err = s.UnlockSecretary(ctx, testSecretaryCode)
	wantMessage(t, err, model.EInvalid, "Mã thư ký không đúng", "Còn 2 lần")
	key, err = s.UnlockSecretary(ctx, "mã mới 2024")
	must(t, err)
	if key.public != public {
		t.Error("changing the code changed the secretary's public key")
	}
	// The right code started the count again.
	_, err = s.UnlockSecretary(ctx, "sai nữa rồi")
	wantMessage(t, err, model.EInvalid, "Còn 2 lần")
	must(t, s.ChangeSecretaryCode(ctx, "mã mới 2024", testSecretaryCode))

	// Setting and changing are logged, as bare notes.
	kinds := map[string]int{}
	for _, e := range record(t, s).Events {
		if strings.HasPrefix(e.Kind, "secretary.") {
			kinds[e.Kind]++
			if !strings.HasPrefix(e.Detail, `{"note":"secretary code `) || strings.Contains(e.Detail, "changes") {
				t.Errorf("event %d (%s) logs more than a note: %s", e.Seq, e.Kind, e.Detail)
			}
		}
	}
	if kinds["secretary.set"] != 1 || kinds["secretary.change"] != 2 || len(kinds) != 2 {
		t.Errorf("secretary events %v, want one set and two changes", kinds)
	}
	rep, err := s.Verify(ctx)
	must(t, err)
	if !rep.OK() {
		t.Errorf("verify: %s", rep.Problem)
	}

	// Once the meeting is closed the code stays as it is, and still unlocks.
	must(t, s.CloseMeeting(ctx))
	wantCode(t, s.ChangeSecretaryCode(ctx, testSecretaryCode, "mã mới 2024"), model.ELocked)
	testKey(t, s).Forget()
	if _, err := s.db.Exec(`UPDATE secretary SET kdf_salt = randomblob(16)`); err == nil {
		t.Error("the secretary code could be changed in a closed meeting")
	}
	if _, err := s.db.Exec(`DELETE FROM secretary`); err == nil {
		t.Error("the secretary code could be removed")
	}
}

func TestSecretaryCode_SetNeedsAnOpenMeeting(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	wantCode(t, s.SetSecretaryCode(ctx, testSecretaryCode), model.ENotFound)
	must(t, s.CreateMeeting(ctx, testPlan()))
	must(t, s.CloseMeeting(ctx))
	wantCode(t, s.SetSecretaryCode(ctx, testSecretaryCode), model.ELocked)
}

// TestSecretaryCode_WrongTriesWait drives the clock through the waits after
// wrong codes: none before the third wrong try, then 30 s doubling up to 10
// minutes, kept across a restart of the program; during a wait even the
// right code is refused, without being checked.
func TestSecretaryCode_WrongTriesWait(t *testing.T) {
	ctx := context.Background()
	s := newMeeting(t)
	path := s.Path()
	now := time.Date(2023, 12, 15, 2, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	s.Now = clock

	wrong := func(s *Store, code model.ErrorCode, parts ...string) {
		t.Helper()
		_, err := s.UnlockSecretary(ctx, "không phải mã")
		wantMessage(t, err, code, parts...)
	}
	wrong(s, model.EInvalid, "Mã thư ký không đúng", "Còn 2 lần")
	wrong(s, model.EInvalid, "Còn 1 lần")
	wrong(s, model.ELocked, "sai mã thư ký 3 lần", "chờ 30 giây")

	// The right code is refused during the wait, and not even hashed: a
	// hash that cannot be read would otherwise fail the try differently.
	var hash string
	must(t, s.db.QueryRow(`SELECT hash FROM secretary`).Scan(&hash))
	_, err := s.db.Exec(`UPDATE secretary SET hash = '$argon2id$unreadable'`)
	must(t, err)
	now = now.Add(29 * time.Second)
	_, err = s.UnlockSecretary(ctx, testSecretaryCode)
	wantMessage(t, err, model.ELocked, "3 lần", "chờ 1 giây")
	_, err = s.db.Exec(`UPDATE secretary SET hash = ?`, hash)
	must(t, err)

	// After the wait, each wrong try waits twice as long, up to 10 minutes.
	for i, wait := range []int{60, 120, 240, 480, 600, 600} {
		now = now.Add(10 * time.Minute)
		wrong(s, model.ELocked, "sai mã thư ký "+strconv.Itoa(4+i)+" lần", "chờ "+strconv.Itoa(wait)+" giây")
	}

	// The count and the wait survive a restart of the program.
	must(t, s.Close())
	s, err = Open(path)
	must(t, err)
	defer s.Close()
	s.Now = clock
	now = now.Add(599 * time.Second)
	_, err = s.UnlockSecretary(ctx, testSecretaryCode)
	wantMessage(t, err, model.ELocked, "sai mã thư ký 9 lần", "chờ 1 giây")
	now = now.Add(time.Second)
	testKey(t, s).Forget()
	wrong(s, model.EInvalid, "Còn 2 lần")
	var failures int
	must(t, s.db.QueryRow(`SELECT failures FROM secretary`).Scan(&failures))
	if failures != 1 {
		t.Errorf("%d wrong tries stored after a right code and a wrong one, want 1", failures)
	}
	// Tries are not logged.
	for _, e := range record(t, s).Events {
		if strings.Contains(e.Detail, "wrong") || strings.Contains(e.Kind, "unlock") {
			t.Errorf("event %d (%s) logs a try: %s", e.Seq, e.Kind, e.Detail)
		}
	}
}

// TestSecretaryCode_NothingSecretInTheFile looks, while a round is open and
// after it closes, in the raw bytes of the database, its WAL and its
// shared-memory file and in the event log, for the secretary code (as typed
// and in every normal form), the secretary's private key, the key derived
// from the code and the round's private key: none is there.
func TestSecretaryCode_NothingSecretInTheFile(t *testing.T) {
	ctx := context.Background()
	s := newMeeting(t)
	ready(t, s)
	must(t, s.ChangeSecretaryCode(ctx, testSecretaryCode, "Mật mã Thư ký 2024"))
	codes := []string{testSecretaryCode, "Mật mã Thư ký 2024"}
	id, err := s.OpenRound(ctx, "LDTT", []int64{1, 4})
	must(t, err)
	for m := int64(1); m <= 4; m++ {
		must(t, s.CastBallot(ctx, id, m, "", map[int64]bool{1: m != 2, 4: m%2 == 0}))
	}
	key, err := s.UnlockSecretary(ctx, codes[1])
	must(t, err)
	var (
		sealedPriv, kdfSalt []byte
		hash                string
	)
	must(t, s.db.QueryRow(`SELECT sealed_private FROM round_keys WHERE round_id = ?`, id).Scan(&sealedPriv))
	must(t, s.db.QueryRow(`SELECT hash, kdf_salt FROM secretary`).Scan(&hash, &kdfSalt))
	roundPriv, ok := box.OpenAnonymous(nil, sealedPriv, &key.public, &key.private)
	if !ok {
		t.Fatal("the secretary's key does not open the round's private key")
	}
	params, _, _, err := parseArgonHash(hash)
	must(t, err)
	kek := deriveKEK(codes[1], kdfSalt, params)
	secrets := map[string][]byte{}
	for name, v := range map[string][]byte{
		"secretary private key":     bytes.Clone(key.private[:]),
		"key derived from the code": kek[:],
		"round private key":         roundPriv,
	} {
		secrets[name] = v
		secrets[name+" (hex)"] = []byte(hex.EncodeToString(v))
		secrets[name+" (base64)"] = []byte(base64.RawStdEncoding.EncodeToString(v))
	}
	for i, c := range codes {
		for j, form := range []norm.Form{norm.NFC, norm.NFD, norm.NFKC, norm.NFKD} {
			secrets[fmt.Sprintf("secretary code %d in normal form %d", i+1, j)] = []byte(form.String(c))
		}
	}
	scan := func(when string) {
		t.Helper()
		for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
			data, err := os.ReadFile(s.Path() + suffix)
			if os.IsNotExist(err) {
				continue
			}
			must(t, err)
			for name, v := range secrets {
				if bytes.Contains(data, v) {
					t.Errorf("%s: the %s is in %s", when, name, s.Path()+suffix)
				}
			}
		}
	}
	events := func(when string) {
		t.Helper()
		rows, err := s.db.Query(`SELECT seq, kind, detail FROM events`)
		must(t, err)
		defer rows.Close()
		for rows.Next() {
			var (
				seq          int64
				kind, detail string
			)
			must(t, rows.Scan(&seq, &kind, &detail))
			for name, v := range secrets {
				if strings.Contains(detail, string(v)) {
					t.Errorf("%s: event %d (%s) holds the %s", when, seq, kind, name)
				}
			}
			for _, stored := range []string{"argon2", hash, hex.EncodeToString(kdfSalt), base64.RawStdEncoding.EncodeToString(kdfSalt),
				hex.EncodeToString(key.public[:])} {
				if strings.Contains(detail, stored) {
					t.Errorf("%s: event %d (%s) holds %q from the secretary table", when, seq, kind, stored)
				}
			}
		}
		must(t, rows.Err())
	}
	scan("round open")
	events("round open")
	must(t, s.CloseRound(ctx, id, key))
	scan("round closed")
	events("round closed")
	key.Forget()
	must(t, s.Close())
	scan("store closed")
}
