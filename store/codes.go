package store

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"database/sql"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"
	"golang.org/x/text/unicode/norm"

	"hoidong/model"
)

// Members' voting codes.
//
// When the plan asks for them (meeting.secret = true), every voting member
// gets a personal code of CodeDigits digits, drawn at random and shown once
// for printing on a slip. Digits only: a Vietnamese keyboard (Unikey in
// Telex or VNI mode) turns letters typed after a vowel into accents, but
// leaves a run of digits alone. The file keeps only a salted argon2id hash
// of each code, never the code: not in a table, not in the event log.
//
// A wrong code counts as a try; the third wrong try in a row locks the
// member until the secretary unlocks them, and a right code starts the count
// again. The count of wrong tries is kept beside the hash and, like the
// hash, is left out of the event log; issuing a code and locking and
// unlocking a member are logged (which member, how many codes they have
// been given, whether they are locked).

// CodeDigits is the number of digits in a member's voting code.
const CodeDigits = 8

// maxCodeTries is the number of wrong tries in a row that locks a member.
const maxCodeTries = 3

// argon2id parameters: the OWASP recommendation of 19 MiB, 2 passes, 1 lane.
// They are written into each stored hash, so that a later version can
// raise them without breaking the codes already issued.
const (
	argonMemory = 19 * 1024
	argonTime   = 2
	argonLanes  = 1
	argonKeyLen = 32
	argonSalt   = 16
)

// newCode draws a code of CodeDigits uniformly random digits.
func newCode() (string, error) {
	const space = 100_000_000 // 10^CodeDigits
	limit := (^uint64(0) / space) * space
	var b [8]byte
	for {
		if _, err := rand.Read(b[:]); err != nil {
			return "", fmt.Errorf("voting code: %w", err)
		}
		if v := binary.LittleEndian.Uint64(b[:]); v < limit {
			return fmt.Sprintf("%0*d", CodeDigits, v%space), nil
		}
	}
}

// hashCode returns the PHC string of a salted argon2id hash of code.
func hashCode(code string) (string, error) {
	salt := make([]byte, argonSalt)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("voting code salt: %w", err)
	}
	key := argon2.IDKey([]byte(code), salt, argonTime, argonMemory, argonLanes, argonKeyLen)
	enc := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, argonMemory, argonTime, argonLanes, enc.EncodeToString(salt), enc.EncodeToString(key)), nil
}

// codeMatches reports whether code hashes to the stored PHC string.
func codeMatches(stored, code string) (bool, error) {
	parts := strings.Split(stored, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false, errors.New("voting code hash: not an argon2id hash")
	}
	var (
		version, memory, passes int
		lanes                   int
	)
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return false, fmt.Errorf("voting code hash: version %q", parts[2])
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &memory, &passes, &lanes); err != nil ||
		memory < 8 || memory > 1<<22 || passes < 1 || passes > 100 || lanes < 1 || lanes > 255 {
		return false, fmt.Errorf("voting code hash: parameters %q", parts[3])
	}
	enc := base64.RawStdEncoding
	salt, err := enc.DecodeString(parts[4])
	if err != nil {
		return false, fmt.Errorf("voting code hash: salt: %w", err)
	}
	want, err := enc.DecodeString(parts[5])
	if err != nil || len(want) == 0 {
		return false, fmt.Errorf("voting code hash: key: %v", err)
	}
	got := argon2.IDKey([]byte(code), salt, uint32(passes), uint32(memory), uint8(lanes), uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}

// normalizeCode reads a code as typed: spaces, dashes and dots between the
// digits are dropped and full-width digits read as digits. ok is false when
// what is left is not CodeDigits digits.
func normalizeCode(s string) (string, bool) {
	s = norm.NFKC.String(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == ' ' || r == '-' || r == '.' || r == '\t':
		default:
			return "", false
		}
	}
	return b.String(), b.Len() == CodeDigits
}

// secretRequired reports whether the meeting's plan asks for voting codes.
func secretRequired(ctx context.Context, q querier) (bool, error) {
	var on sql.NullBool
	err := q.QueryRowContext(ctx, `SELECT json_extract(plan, '$.meeting.Secret') FROM meeting WHERE id = 1`).Scan(&on)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return false, fmt.Errorf("read meeting.secret: %w", err)
	}
	return on.Valid && on.Bool, nil
}

// codeRow is a member's stored code.
type codeRow struct {
	hash     string
	failures int
	locked   bool
	found    bool
}

func loadCode(ctx context.Context, q querier, memberID int64) (codeRow, error) {
	var c codeRow
	err := q.QueryRowContext(ctx, `SELECT hash, failures, locked FROM member_codes WHERE member_id = ?`, memberID).
		Scan(&c.hash, &c.failures, &c.locked)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return c, nil
	case err != nil:
		return c, fmt.Errorf("read voting code of member %d: %w", memberID, err)
	}
	c.found = true
	return c, nil
}

// lockedError is what a locked member is told.
func lockedError(name string) error {
	return model.Errorf(model.ELocked, "%s đã nhập sai mã %d lần; mời thư ký mở khóa.", name, maxCodeTries)
}

// codeProof is a code found right outside a transaction, for the
// transaction that uses it to confirm; nil when codes are not required.
type codeProof struct {
	memberID int64
	hash     string // the stored hash the code matched
	reset    bool   // earlier wrong tries to forget
}

// proveCode checks a member's code when the plan asks for codes, doing the
// slow hash outside any write transaction. A wrong code is recorded as a
// try (the third locks the member) and returned as a user error; so is a
// member without a code, or locked. It returns nil, nil when the plan asks
// for no codes.
func (s *Store) proveCode(ctx context.Context, memberID int64, code string) (*codeProof, error) {
	var (
		on  bool
		m   memberRow
		row codeRow
	)
	err := s.read(ctx, func(tx *sql.Tx) error {
		if err := s.requireOpen(ctx, tx); err != nil {
			return err
		}
		var err error
		if on, err = secretRequired(ctx, tx); err != nil || !on {
			return err
		}
		if m, err = loadMember(ctx, tx, memberID); err != nil {
			return err
		}
		row, err = loadCode(ctx, tx, memberID)
		return err
	})
	if err != nil || !on {
		return nil, err
	}
	if !m.Votes {
		return nil, model.Errorf(model.EConflict, "%s không có quyền biểu quyết nên không có mã bỏ phiếu.", m.Name)
	}
	if !row.found {
		return nil, model.Errorf(model.EConflict, "%s chưa được cấp mã bỏ phiếu; mời thư ký cấp mã.", m.Name)
	}
	if row.locked {
		return nil, lockedError(m.Name)
	}
	typed, ok := normalizeCode(code)
	if strings.TrimSpace(code) == "" {
		return nil, model.Errorf(model.EInvalid, "Chưa nhập mã bỏ phiếu của %s.", m.Name)
	}
	if !ok {
		return nil, model.Errorf(model.EInvalid, "Mã bỏ phiếu gồm %d chữ số, như trên phiếu mã của %s; hãy nhập lại.", CodeDigits, m.Name)
	}
	match, err := codeMatches(row.hash, typed)
	if err != nil {
		return nil, fmt.Errorf("check voting code of member %d: %w", memberID, err)
	}
	if match {
		return &codeProof{memberID: memberID, hash: row.hash, reset: row.failures > 0}, nil
	}
	return nil, s.wrongCode(ctx, m, row.hash)
}

// wrongCode counts a wrong try against the hash that was tried and returns
// what the member is told; the try that reaches maxCodeTries locks them.
func (s *Store) wrongCode(ctx context.Context, m memberRow, hash string) error {
	var (
		failures int
		locked   bool
		counted  bool
	)
	err := s.write(ctx, func(tx *sql.Tx) error {
		if err := s.requireOpen(ctx, tx); err != nil {
			return err
		}
		err := tx.QueryRowContext(ctx, `UPDATE member_codes SET failures = failures + 1, locked = failures + 1 >= ?
			WHERE member_id = ? AND hash = ? AND NOT locked RETURNING failures, locked`, maxCodeTries, m.ID, hash).
			Scan(&failures, &locked)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return nil // reissued or locked meanwhile: this try was against a code that no longer counts
		case err != nil:
			return fmt.Errorf("count wrong voting code of member %d: %w", m.ID, err)
		}
		counted = true
		if !locked {
			return nil // the count of tries is not part of the record
		}
		return s.record(ctx, tx, "member.lock", fmt.Sprintf("member %d locked after %d wrong codes", m.ID, maxCodeTries),
			row("member_codes", m.ID))
	})
	switch {
	case err != nil:
		return err
	case !counted:
		return model.Errorf(model.EConflict, "Mã bỏ phiếu của %s vừa được cấp lại hoặc đã bị khóa; mời thư ký kiểm tra.", m.Name)
	case locked:
		return lockedError(m.Name)
	}
	return model.Errorf(model.EInvalid, "Mã bỏ phiếu của %s không đúng; còn %d lần nhập (nhập sai %d lần thì bị khóa).",
		m.Name, maxCodeTries-failures, maxCodeTries)
}

// confirm makes sure, inside the transaction that uses the code, that the
// member's code is still the one that matched and they are not locked, and
// forgets earlier wrong tries. A nil proof confirms nothing.
func (p *codeProof) confirm(ctx context.Context, tx *sql.Tx, name string) error {
	if p == nil {
		return nil
	}
	row, err := loadCode(ctx, tx, p.memberID)
	if err != nil {
		return err
	}
	switch {
	case !row.found || row.hash != p.hash:
		return model.Errorf(model.EConflict, "Mã bỏ phiếu của %s vừa được cấp lại; hãy nhập mã mới.", name)
	case row.locked:
		return lockedError(name)
	case row.failures > 0:
		if _, err := tx.ExecContext(ctx, `UPDATE member_codes SET failures = 0 WHERE member_id = ?`, p.memberID); err != nil {
			return fmt.Errorf("reset wrong voting codes of member %d: %w", p.memberID, err)
		}
	}
	return nil
}

// CheckCode checks a member's voting code before the booth shows them their
// ballot. A wrong code counts as a try: the third wrong try in a row locks
// the member (ELocked) until the secretary unlocks them; a right one starts
// the count again. When the plan asks for no codes, CheckCode accepts any.
func (s *Store) CheckCode(ctx context.Context, memberID int64, code string) error {
	proof, err := s.proveCode(ctx, memberID, code)
	if err != nil || proof == nil || !proof.reset {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		m, err := loadMember(ctx, tx, memberID)
		if err != nil {
			return err
		}
		return proof.confirm(ctx, tx, m.Name)
	})
}

// requireSecret refuses to issue codes for a plan that asks for none.
func requireSecret(ctx context.Context, q querier) error {
	on, err := secretRequired(ctx, q)
	if err != nil {
		return err
	}
	if !on {
		return model.Errorf(model.EConflict,
			"Kế hoạch của phiên họp không yêu cầu mã bỏ phiếu (meeting.secret = false); không cần cấp mã.")
	}
	return nil
}

// IssueCodes gives a new voting code to every voting member who has none
// yet and returns the codes by member id, for printing the slips: this is
// the only time the codes can be read. Members who already have a code are
// left alone (use ReissueCode); when everyone has one the map is empty. It
// is refused when the plan asks for no codes.
func (s *Store) IssueCodes(ctx context.Context) (map[int64]string, error) {
	var ids []int64
	err := s.read(ctx, func(tx *sql.Tx) error {
		if err := s.requireOpen(ctx, tx); err != nil {
			return err
		}
		if err := requireSecret(ctx, tx); err != nil {
			return err
		}
		return scanRows(ctx, tx, "read members without a code",
			`SELECT id FROM members WHERE votes AND id NOT IN (SELECT member_id FROM member_codes) ORDER BY pos`, nil,
			func(rows *sql.Rows) error {
				var id int64
				if err := rows.Scan(&id); err != nil {
					return err
				}
				ids = append(ids, id)
				return nil
			})
	})
	if err != nil {
		return nil, err
	}
	codes := make(map[int64]string, len(ids))
	hashes := make(map[int64]string, len(ids))
	for _, id := range ids {
		if codes[id], err = newCode(); err != nil {
			return nil, err
		}
		if hashes[id], err = hashCode(codes[id]); err != nil {
			return nil, err
		}
	}
	if len(ids) == 0 {
		return codes, nil
	}
	err = s.write(ctx, func(tx *sql.Tx) error {
		if err := s.requireOpen(ctx, tx); err != nil {
			return err
		}
		stmt, err := tx.PrepareContext(ctx, `INSERT INTO member_codes (member_id, hash, issued) VALUES (?, ?, 1)
			ON CONFLICT (member_id) DO NOTHING`)
		if err != nil {
			return fmt.Errorf("issue voting codes: %w", err)
		}
		defer stmt.Close()
		for _, id := range ids {
			res, err := stmt.ExecContext(ctx, id, hashes[id])
			if err != nil {
				return fmt.Errorf("issue voting code of member %d: %w", id, err)
			}
			if n, err := res.RowsAffected(); err != nil {
				return fmt.Errorf("issue voting code of member %d: %w", id, err)
			} else if n == 0 {
				delete(codes, id) // issued meanwhile by another program: that code stands
			}
		}
		return s.record(ctx, tx, "codes.issue", fmt.Sprintf("voting codes issued to %d members", len(codes)),
			row("member_codes"))
	})
	if err != nil {
		return nil, err
	}
	return codes, nil
}

// ReissueCode gives a voting member a new code in place of their old one
// (lost, seen by someone else, or never printed), unlocks them, and returns
// the code for printing a new slip. It is refused when the plan asks for no
// codes.
func (s *Store) ReissueCode(ctx context.Context, memberID int64) (string, error) {
	var m memberRow
	err := s.read(ctx, func(tx *sql.Tx) error {
		if err := s.requireOpen(ctx, tx); err != nil {
			return err
		}
		if err := requireSecret(ctx, tx); err != nil {
			return err
		}
		var err error
		m, err = loadMember(ctx, tx, memberID)
		return err
	})
	if err != nil {
		return "", err
	}
	if !m.Votes {
		return "", model.Errorf(model.EConflict, "%s không có quyền biểu quyết nên không cần mã bỏ phiếu.", m.Name)
	}
	code, err := newCode()
	if err != nil {
		return "", err
	}
	hash, err := hashCode(code)
	if err != nil {
		return "", err
	}
	err = s.write(ctx, func(tx *sql.Tx) error {
		if err := s.requireOpen(ctx, tx); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO member_codes (member_id, hash, issued) VALUES (?1, ?2, 1)
			ON CONFLICT (member_id) DO UPDATE SET hash = ?2, issued = issued + 1, failures = 0, locked = 0`,
			memberID, hash); err != nil {
			return fmt.Errorf("reissue voting code of member %d: %w", memberID, err)
		}
		return s.record(ctx, tx, "code.reissue", fmt.Sprintf("member %d: new voting code", memberID),
			row("member_codes", memberID))
	})
	if err != nil {
		return "", err
	}
	return code, nil
}

// UnlockMember lets a member locked after wrong codes try again, with the
// count of wrong tries started afresh; a member who is not locked is left
// as they are.
func (s *Store) UnlockMember(ctx context.Context, memberID int64) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := s.requireOpen(ctx, tx); err != nil {
			return err
		}
		if _, err := loadMember(ctx, tx, memberID); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE member_codes SET failures = 0, locked = 0
			WHERE member_id = ? AND (locked OR failures > 0)`, memberID)
		if err != nil {
			return fmt.Errorf("unlock member %d: %w", memberID, err)
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return err
		}
		return s.record(ctx, tx, "member.unlock", fmt.Sprintf("member %d unlocked", memberID), row("member_codes", memberID))
	})
}

// fillCodes sets HasSecret and Locked on the members of a record.
func fillCodes(ctx context.Context, q querier, members []model.MemberRecord) error {
	at := make(map[int64]int, len(members))
	for i := range members {
		at[members[i].ID] = i
	}
	return scanRows(ctx, q, "read voting codes", `SELECT member_id, locked FROM member_codes`, nil,
		func(rows *sql.Rows) error {
			var (
				id     int64
				locked bool
			)
			if err := rows.Scan(&id, &locked); err != nil {
				return err
			}
			if i, ok := at[id]; ok {
				members[i].HasSecret, members[i].Locked = true, locked
			}
			return nil
		})
}
