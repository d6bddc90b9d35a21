package store

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"database/sql"
	"encoding/base64"
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/curve25519"
	"golang.org/x/crypto/nacl/box"
	"golang.org/x/crypto/nacl/secretbox"
	"golang.org/x/text/unicode/norm"

	"hoidong/model"
)

// The secretary code.
//
// The secretary chooses a code when the meeting starts. It lets the
// secretary leave the in-program booth, and it opens the ballots of a round
// when the round closes: while a round is open its ballots are sealed to the
// round's public key (see sealed.go), the round's private key is sealed to
// the secretary's X25519 public key, and the secretary's private key is kept
// only encrypted (nacl/secretbox) under a key derived from the code with
// argon2id. A copy of the file taken while a round is open therefore shows
// who voted but not what, to anyone who does not know the code.
//
// The file keeps a salted argon2id hash of the code (PHC form, with its
// parameters), the salt of the key derivation, the public key and the
// encrypted private key, and the count of wrong tries: never the code,
// never the private key in the clear, and nothing of this in the event log.
// Setting and changing the code are logged as bare notes.
//
// A wrong code counts as a try. From the third wrong try in a row every
// further try is refused, without being checked, until a wait is over: 30
// seconds after the third, doubling with each further wrong try up to 10
// minutes. A right code starts the count again. The count and the end of
// the wait are stored, so that restarting the program does not clear them.

// MinSecretaryCode is the least number of characters of a secretary code.
const MinSecretaryCode = 6

// maxSecretaryCode is the most characters a secretary code may have.
const maxSecretaryCode = 64

// Wrong tries of the secretary code.
const (
	secretaryFreeTries = 3                // wrong tries in a row before the first wait
	secretaryFirstWait = 30 * time.Second // the wait after the third wrong try
	secretaryMaxWait   = 10 * time.Minute // the longest wait
)

// kdfParams are argon2id parameters: memory in KiB, passes and lanes.
type kdfParams struct {
	memory uint32
	passes uint32
	lanes  uint8
}

// defaultSecretaryKDF is stronger than the members' codes get (19 MiB, 2
// passes): the secretary code guards every open round's ballots, and it is
// checked rarely.
func defaultSecretaryKDF() kdfParams {
	return kdfParams{memory: 64 * 1024, passes: 3, lanes: 1}
}

// secretaryKDF returns the parameters for hashing a new secretary code: the
// store's own when set (tests lower them), else the default. Checking an
// existing code uses the parameters stored in its hash.
func (s *Store) secretaryKDF() kdfParams {
	if s.kdf == (kdfParams{}) {
		return defaultSecretaryKDF()
	}
	return s.kdf
}

// maxKDFMemory bounds the memory that a stored hash may ask for (1 GiB), so
// that a damaged file cannot exhaust the machine.
const maxKDFMemory = 1 << 20

// Sizes of the stored secrets.
const (
	kdfSaltSize = 16
	keySize     = 32
	nonceSize   = 24
)

// SecretaryKey is the secretary's key pair, obtained with the secretary
// code from UnlockSecretary: it opens the sealed ballots of a round when
// the round closes. Forget it as soon as it is no longer needed.
type SecretaryKey struct {
	public  [keySize]byte
	private [keySize]byte
	live    bool
}

// Forget zeroes the private key; the key opens nothing afterwards.
func (k *SecretaryKey) Forget() {
	if k == nil {
		return
	}
	clear(k.private[:])
	k.live = false
}

// usable reports whether k holds a private key.
func (k *SecretaryKey) usable() bool { return k != nil && k.live }

// normalizeSecretaryCode reads a secretary code as typed: NFC, without
// surrounding spaces. It refuses a code that is too short or too long, or
// holds a control character.
func normalizeSecretaryCode(code string) (string, error) {
	if !utf8.ValidString(code) {
		return "", model.Errorf(model.EInvalid, "Mã thư ký có ký tự không đọc được; hãy gõ lại.")
	}
	code = strings.TrimSpace(norm.NFC.String(code))
	n := utf8.RuneCountInString(code)
	switch {
	case n < MinSecretaryCode:
		return "", model.Errorf(model.EInvalid,
			"Mã thư ký cần ít nhất %d ký tự (mã vừa nhập có %d ký tự); nên dùng cả chữ và số, dễ nhớ nhưng khó đoán.",
			MinSecretaryCode, n)
	case n > maxSecretaryCode:
		return "", model.Errorf(model.EInvalid, "Mã thư ký dài nhất %d ký tự (mã vừa nhập có %d ký tự).", maxSecretaryCode, n)
	}
	for _, r := range code {
		if unicode.IsControl(r) {
			return "", model.Errorf(model.EInvalid, "Mã thư ký không được chứa ký tự điều khiển (như Tab hay xuống dòng).")
		}
	}
	return code, nil
}

// argonHash returns the PHC string of an argon2id hash of secret with salt.
func argonHash(secret string, salt []byte, p kdfParams) string {
	key := secretaryKDF(secret, salt, p, argonKeyLen)
	enc := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, p.memory, p.passes, p.lanes, enc.EncodeToString(salt), enc.EncodeToString(key))
}

// parseArgonHash reads a PHC argon2id string: its parameters, salt and key.
func parseArgonHash(stored string) (kdfParams, []byte, []byte, error) {
	var p kdfParams
	parts := strings.Split(stored, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return p, nil, nil, errors.New("not an argon2id hash")
	}
	if parts[2] != "v="+strconv.Itoa(argon2.Version) {
		return p, nil, nil, fmt.Errorf("argon2id version %q", parts[2])
	}
	var memory, passes, lanes int
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &memory, &passes, &lanes); err != nil ||
		lanes < 1 || lanes > 255 || memory < 8*lanes || memory > maxKDFMemory || passes < 1 || passes > 100 {
		return p, nil, nil, fmt.Errorf("argon2id parameters %q", parts[3])
	}
	enc := base64.RawStdEncoding
	salt, err := enc.DecodeString(parts[4])
	if err != nil || len(salt) < 8 {
		return p, nil, nil, fmt.Errorf("argon2id salt %q", parts[4])
	}
	key, err := enc.DecodeString(parts[5])
	if err != nil || len(key) < 16 {
		return p, nil, nil, fmt.Errorf("argon2id key %q", parts[5])
	}
	return kdfParams{memory: uint32(memory), passes: uint32(passes), lanes: uint8(lanes)}, salt, key, nil
}

// secretaryRow is the stored secretary code.
type secretaryRow struct {
	hash       string
	kdfSalt    []byte
	public     []byte
	privateBox []byte
	failures   int
	waitUntil  time.Time // zero when there is no wait
	found      bool
}

func loadSecretary(ctx context.Context, q querier) (secretaryRow, error) {
	var (
		r    secretaryRow
		wait sql.NullString
	)
	err := q.QueryRowContext(ctx, `SELECT hash, kdf_salt, public_key, private_box, failures, wait_until
		FROM secretary WHERE id = 1`).Scan(&r.hash, &r.kdfSalt, &r.public, &r.privateBox, &r.failures, &wait)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return r, nil
	case err != nil:
		return r, fmt.Errorf("read secretary code: %w", err)
	}
	if r.waitUntil, err = parseTime(wait); err != nil {
		return r, fmt.Errorf("read secretary code: %w", err)
	}
	r.found = true
	return r, nil
}

// secretaryPublicKey returns the secretary's public key, or ok false when no
// secretary code is set.
func secretaryPublicKey(ctx context.Context, q querier) (pub *[keySize]byte, ok bool, err error) {
	var b []byte
	err = q.QueryRowContext(ctx, `SELECT public_key FROM secretary WHERE id = 1`).Scan(&b)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil, false, nil
	case err != nil:
		return nil, false, fmt.Errorf("read secretary public key: %w", err)
	case len(b) != keySize:
		return nil, false, fmt.Errorf("secretary public key has %d bytes", len(b))
	}
	return (*[keySize]byte)(b), true, nil
}

// secretaryCodeSet reports whether a secretary code is set.
func secretaryCodeSet(ctx context.Context, q querier) (bool, error) {
	var set bool
	if err := q.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM secretary)`).Scan(&set); err != nil {
		return false, fmt.Errorf("read secretary code: %w", err)
	}
	return set, nil
}

// SecretaryCodeSet reports whether the secretary has chosen the secretary
// code.
func (s *Store) SecretaryCodeSet(ctx context.Context) (bool, error) {
	var set bool
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		set, err = secretaryCodeSet(ctx, tx)
		return err
	})
	return set, err
}

// sealedSecret is the secretary's private key as stored: the hash of the
// code, the salt of the key derivation and the secretbox that holds the key.
type sealedSecret struct {
	hash       string
	kdfSalt    []byte
	privateBox []byte
}

// lockSecret derives a key from code and encrypts private under it, with
// fresh salts, hashing the code with p.
func lockSecret(code string, private *[keySize]byte, p kdfParams) (sealedSecret, error) {
	salt := make([]byte, argonSalt)
	kdfSalt := make([]byte, kdfSaltSize)
	var nonce [nonceSize]byte
	for _, b := range [][]byte{salt, kdfSalt, nonce[:]} {
		if _, err := rand.Read(b); err != nil {
			return sealedSecret{}, fmt.Errorf("secretary code: %w", err)
		}
	}
	kek := deriveKEK(code, kdfSalt, p)
	defer clear(kek[:])
	return sealedSecret{
		hash:       argonHash(code, salt, p),
		kdfSalt:    kdfSalt,
		privateBox: secretbox.Seal(nonce[:], private[:], &nonce, kek),
	}, nil
}

// deriveKEK derives the key that encrypts the secretary's private key.
func deriveKEK(code string, kdfSalt []byte, p kdfParams) *[keySize]byte {
	return (*[keySize]byte)(secretaryKDF(code, kdfSalt, p, keySize))
}

// secretaryKDF runs argon2id over the secretary code, then lets the
// collector take back its work area (64 MiB by default) at once: the code
// is hashed and a key derived from it one after the other, and two such
// areas held together would double what the program takes from the
// machine.
func secretaryKDF(code string, salt []byte, p kdfParams, keyLen uint32) []byte {
	key := argon2.IDKey([]byte(code), salt, p.passes, p.memory, p.lanes, keyLen)
	runtime.GC()
	return key
}

// SetSecretaryCode sets the secretary code of an open meeting, once: when a
// code is already set it is refused (EConflict; ChangeSecretaryCode changes
// it). It makes the secretary's key pair, which seals every electronic
// round's key from now on.
func (s *Store) SetSecretaryCode(ctx context.Context, code string) error {
	code, err := normalizeSecretaryCode(code)
	if err != nil {
		return err
	}
	alreadySet := func() error {
		return model.Errorf(model.EConflict, "Mã thư ký đã được đặt; muốn thay thì dùng chức năng đổi mã thư ký (cần mã cũ).")
	}
	err = s.read(ctx, func(tx *sql.Tx) error {
		if err := s.requireOpen(ctx, tx); err != nil {
			return err
		}
		set, err := secretaryCodeSet(ctx, tx)
		if err == nil && set {
			return alreadySet()
		}
		return err
	})
	if err != nil {
		return err
	}
	pub, priv, err := box.GenerateKey(rand.Reader)
	if err != nil {
		return fmt.Errorf("secretary key: %w", err)
	}
	defer clear(priv[:])
	sec, err := lockSecret(code, priv, s.secretaryKDF())
	if err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := s.requireOpen(ctx, tx); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO secretary (id, hash, kdf_salt, public_key, private_box)
			VALUES (1, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`, sec.hash, sec.kdfSalt, pub[:], sec.privateBox)
		if err != nil {
			return fmt.Errorf("set secretary code: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return fmt.Errorf("set secretary code: %w", err)
		} else if n == 0 {
			return alreadySet() // set meanwhile by another program
		}
		return s.record(ctx, tx, "secretary.set", "secretary code set")
	})
}

// ChangeSecretaryCode replaces the secretary code: old must be the current
// code (a wrong one counts as a try, as with UnlockSecretary). The
// secretary's key pair stays the same, so the open round's sealed ballots
// still open; only the encryption of its private key changes.
func (s *Store) ChangeSecretaryCode(ctx context.Context, old, new string) error {
	newCode, err := normalizeSecretaryCode(new)
	if err != nil {
		return err
	}
	if err := s.readOpenMeeting(ctx); err != nil {
		return err
	}
	key, hash, err := s.unlock(ctx, old)
	if err != nil {
		return err
	}
	defer key.Forget()
	if oldCode, _ := normalizeSecretaryCode(old); oldCode == newCode {
		return model.Errorf(model.EInvalid, "Mã thư ký mới trùng với mã đang dùng; hãy chọn mã khác.")
	}
	sec, err := lockSecret(newCode, &key.private, s.secretaryKDF())
	if err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := s.requireOpen(ctx, tx); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE secretary SET hash = ?, kdf_salt = ?, private_box = ?, failures = 0, wait_until = NULL
			WHERE id = 1 AND hash = ? AND public_key = ?`, sec.hash, sec.kdfSalt, sec.privateBox, hash, key.public[:])
		if err != nil {
			return fmt.Errorf("change secretary code: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return fmt.Errorf("change secretary code: %w", err)
		} else if n == 0 {
			return changedMeanwhile()
		}
		return s.record(ctx, tx, "secretary.change", "secretary code changed")
	})
}

// readOpenMeeting refuses when there is no meeting or it has closed.
func (s *Store) readOpenMeeting(ctx context.Context) error {
	return s.read(ctx, func(tx *sql.Tx) error { return s.requireOpen(ctx, tx) })
}

func changedMeanwhile() error {
	return model.Errorf(model.EConflict, "Mã thư ký vừa được đổi ở một chương trình khác; hãy nhập mã mới.")
}

// UnlockSecretary checks the secretary code and returns the secretary's
// key, which CloseRound needs to open a round's sealed ballots. A wrong code
// counts as a try: from the third wrong try in a row, every try is refused
// (ELocked) until a wait is over, 30 seconds doubling with each further
// wrong try up to 10 minutes; a right code starts the count again.
func (s *Store) UnlockSecretary(ctx context.Context, code string) (*SecretaryKey, error) {
	key, _, err := s.unlock(ctx, code)
	return key, err
}

// unlock is UnlockSecretary, also returning the hash the code matched.
func (s *Store) unlock(ctx context.Context, code string) (*SecretaryKey, string, error) {
	var row secretaryRow
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		row, err = loadSecretary(ctx, tx)
		return err
	})
	if err != nil {
		return nil, "", err
	}
	if !row.found {
		return nil, "", model.Errorf(model.EConflict, "Chưa đặt mã thư ký cho phiên họp này.")
	}
	if wait := row.waitUntil.Sub(s.now()); wait > 0 {
		return nil, "", waitError(row.failures, wait)
	}
	if strings.TrimSpace(code) == "" {
		return nil, "", model.Errorf(model.EInvalid, "Chưa nhập mã thư ký.")
	}
	params, _, _, err := parseArgonHash(row.hash)
	if err != nil {
		return nil, "", fmt.Errorf("secretary code hash: %w", err)
	}
	typed, ferr := normalizeSecretaryCode(code)
	match := false
	if ferr == nil { // a code that cannot be one is a wrong try, without hashing
		if match, err = secretaryCodeMatches(row.hash, typed); err != nil {
			return nil, "", err
		}
	}
	if !match {
		return nil, "", s.wrongSecretaryCode(ctx, row.hash)
	}
	kek := deriveKEK(typed, row.kdfSalt, params)
	defer clear(kek[:])
	key, err := openSecretaryKey(row, kek)
	if err != nil {
		return nil, "", model.Errorf(model.EInvalid,
			"Mã thư ký đúng nhưng không mở được khóa thư ký trong tệp %q; tệp có thể đã bị sửa ngoài chương trình.", s.path)
	}
	if row.failures > 0 || !row.waitUntil.IsZero() {
		err := s.write(ctx, func(tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, `UPDATE secretary SET failures = 0, wait_until = NULL WHERE id = 1 AND hash = ?`, row.hash)
			if err != nil {
				return fmt.Errorf("reset wrong secretary codes: %w", err)
			}
			return nil
		})
		if err != nil {
			key.Forget()
			return nil, "", err
		}
	}
	return key, row.hash, nil
}

// secretaryCodeMatches reports whether code hashes to the stored hash.
func secretaryCodeMatches(stored, code string) (bool, error) {
	p, salt, want, err := parseArgonHash(stored)
	if err != nil {
		return false, fmt.Errorf("secretary code hash: %w", err)
	}
	got := secretaryKDF(code, salt, p, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}

// openSecretaryKey decrypts the secretary's private key with kek and checks
// it against the stored public key.
func openSecretaryKey(row secretaryRow, kek *[keySize]byte) (*SecretaryKey, error) {
	if len(row.privateBox) < nonceSize+secretbox.Overhead || len(row.public) != keySize {
		return nil, errors.New("secretary key: bad size")
	}
	nonce := (*[nonceSize]byte)(row.privateBox[:nonceSize])
	priv, ok := secretbox.Open(nil, row.privateBox[nonceSize:], nonce, kek)
	if !ok || len(priv) != keySize {
		return nil, errors.New("secretary key does not open")
	}
	defer clear(priv)
	k := &SecretaryKey{live: true}
	copy(k.private[:], priv)
	copy(k.public[:], row.public)
	if !keyPairMatches(&k.public, &k.private) {
		k.Forget()
		return nil, errors.New("secretary key pair does not match")
	}
	return k, nil
}

// keyPairMatches reports whether private is the private key of public.
func keyPairMatches(public, private *[keySize]byte) bool {
	derived, err := curve25519.X25519(private[:], curve25519.Basepoint)
	return err == nil && subtle.ConstantTimeCompare(derived, public[:]) == 1
}

// wrongSecretaryCode counts a wrong try against the hash that was tried and
// returns what the secretary is told.
func (s *Store) wrongSecretaryCode(ctx context.Context, hash string) error {
	var (
		failures int
		wait     time.Duration
		counted  bool
	)
	err := s.write(ctx, func(tx *sql.Tx) error {
		row, err := loadSecretary(ctx, tx)
		if err != nil || !row.found || row.hash != hash {
			return err // changed meanwhile: this try was against a code that no longer counts
		}
		counted = true
		failures = row.failures + 1
		wait = secretaryWait(failures)
		var until any
		if wait > 0 {
			until = timeText(s.now().Add(wait))
		}
		if _, err := tx.ExecContext(ctx, `UPDATE secretary SET failures = ?, wait_until = ? WHERE id = 1`, failures, until); err != nil {
			return fmt.Errorf("count wrong secretary code: %w", err)
		}
		return nil // tries are not part of the record
	})
	switch {
	case err != nil:
		return err
	case !counted:
		return changedMeanwhile()
	case wait > 0:
		return waitError(failures, wait)
	}
	return model.Errorf(model.EInvalid, "Mã thư ký không đúng. Còn %d lần nhập; nhập sai %d lần liền thì phải chờ rồi mới được thử lại.",
		secretaryFreeTries-failures, secretaryFreeTries)
}

// secretaryWait is the wait after the given number of wrong tries in a row.
func secretaryWait(failures int) time.Duration {
	if failures < secretaryFreeTries {
		return 0
	}
	wait := secretaryFirstWait
	for i := secretaryFreeTries; i < failures && wait < secretaryMaxWait; i++ {
		wait *= 2
	}
	return min(wait, secretaryMaxWait)
}

// waitError tells the secretary how long to wait before the next try.
func waitError(failures int, wait time.Duration) error {
	secs := int((wait + time.Second - 1) / time.Second)
	return model.Errorf(model.ELocked, "Đã nhập sai mã thư ký %d lần; hãy chờ %d giây rồi thử lại.", failures, secs)
}
