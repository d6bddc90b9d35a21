package store

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"

	"golang.org/x/crypto/nacl/box"

	"hoidong/model"
)

// Sealed ballots.
//
// An electronic round gets its own X25519 key pair when it opens. Its
// public key is stored as is; its private key only as an anonymous sealed
// box (nacl/box.SealAnonymous) to the secretary's public key. Each ballot
// cast in the round is stored as an anonymous sealed box to the round's
// public key, in sealed_ballots under a random id: sealing needs only
// public keys, so any booth process can cast, and nothing in the file opens
// a ballot without the secretary code. Every ballot of a round seals a
// message of the same length. When the round closes, the secretary's key
// opens the round's private key, which opens the ballots; they are checked,
// tallied and stored in ballots and ballot_choices under fresh random ids
// as before, and the sealed copies and the round's keys are deleted, the
// rewrite that follows every close (scrub) destroying their pages.
//
// A round opened by an older version has no key: its ballots are stored in
// the clear as they always were.

// Formats of a sealed ballot's message, its first byte: format 1 (written
// by older versions) has one bit per choice, format 2 two, for a blank.
const (
	ballotFormat1 = 1
	ballotFormat  = 2
)

// Choice states of format 2, in the low two bits.
const (
	stateDisagree = 0
	stateAgree    = 1
	stateBlank    = 2 // a nominee the voter recuses themselves from
)

// encodeBallot is the message a ballot seals: the format byte, the round
// id, the number of choices, then for each nominee of the round in
// ascending id the nominee id shifted left by two with the choice in the
// low bits (1 for đồng ý, 0 for không đồng ý, 2 for a nominee choices
// leaves out: a blank), all as unsigned varints. The choice never changes
// the length of a varint, so every ballot of a round has the same length.
func encodeBallot(roundID int64, nominees []int64, choices map[int64]bool) []byte {
	ids := slices.Clone(nominees)
	slices.Sort(ids)
	out := make([]byte, 0, 1+2*binary.MaxVarintLen64+len(ids)*3)
	out = append(out, ballotFormat)
	out = binary.AppendUvarint(out, uint64(roundID))
	out = binary.AppendUvarint(out, uint64(len(ids)))
	for _, id := range ids {
		v := uint64(id) << 2
		switch agree, ok := choices[id]; {
		case !ok:
			v |= stateBlank
		case agree:
			v |= stateAgree
		}
		out = binary.AppendUvarint(out, v)
	}
	return out
}

// decodeBallot reads a sealed ballot's message and checks that it is a
// ballot of the round marking exactly its nominees.
func decodeBallot(msg []byte, roundID int64, nominees []int64) (map[int64]bool, error) {
	if len(msg) == 0 || (msg[0] != ballotFormat && msg[0] != ballotFormat1) {
		return nil, errors.New("unknown ballot format")
	}
	shift := uint(2)
	if msg[0] == ballotFormat1 {
		shift = 1
	}
	rest := msg[1:]
	next := func() (uint64, error) {
		v, n := binary.Uvarint(rest)
		if n <= 0 {
			return 0, errors.New("truncated ballot")
		}
		rest = rest[n:]
		return v, nil
	}
	rid, err := next()
	if err != nil {
		return nil, err
	}
	if rid != uint64(roundID) {
		return nil, fmt.Errorf("ballot of round %d", rid)
	}
	count, err := next()
	if err != nil {
		return nil, err
	}
	if count != uint64(len(nominees)) {
		return nil, fmt.Errorf("ballot with %d choices for %d nominees", count, len(nominees))
	}
	want := slices.Clone(nominees)
	slices.Sort(want)
	choices := make(map[int64]bool, len(want))
	for _, id := range want {
		v, err := next()
		if err != nil {
			return nil, err
		}
		if v>>shift != uint64(id) {
			return nil, fmt.Errorf("ballot marks nominee %d, not %d", v>>shift, id)
		}
		switch state := v & (1<<shift - 1); state {
		case stateAgree, stateDisagree:
			choices[id] = state == stateAgree
		case stateBlank:
		default:
			return nil, fmt.Errorf("ballot marks nominee %d with %d", id, state)
		}
	}
	if len(rest) != 0 {
		return nil, errors.New("trailing bytes in ballot")
	}
	return choices, nil
}

// needSecretaryCode is the refusal to open an electronic round before the
// secretary code is set: its ballots could not be sealed. It fits on one
// line of an 80-column terminal.
func needSecretaryCode() error {
	return model.Errorf(model.EConflict,
		"Chưa có mã thư ký: hãy đặt mã thư ký trước khi mở vòng bỏ phiếu trên máy.")
}

// requireSecretaryCode refuses to go on when no secretary code is set.
func requireSecretaryCode(ctx context.Context, q querier) error {
	set, err := secretaryCodeSet(ctx, q)
	if err == nil && !set {
		return needSecretaryCode()
	}
	return err
}

// newRoundKey gives a newly opened electronic round its key pair, the
// private key sealed to the secretary's public key.
func newRoundKey(ctx context.Context, tx *sql.Tx, roundID int64) error {
	secretary, ok, err := secretaryPublicKey(ctx, tx)
	if err != nil {
		return err
	}
	if !ok {
		return needSecretaryCode()
	}
	pub, priv, err := box.GenerateKey(rand.Reader)
	if err != nil {
		return fmt.Errorf("round key: %w", err)
	}
	defer clear(priv[:])
	sealed, err := box.SealAnonymous(nil, priv[:], secretary, rand.Reader)
	if err != nil {
		return fmt.Errorf("round key: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO round_keys (round_id, public_key, sealed_private) VALUES (?, ?, ?)`,
		roundID, pub[:], sealed); err != nil {
		return fmt.Errorf("store key of round %d: %w", roundID, err)
	}
	return nil
}

// roundPublicKey returns the public key of a round, or ok false for a round
// without a key (a paper round, a closed round, or one opened by an older
// version).
func roundPublicKey(ctx context.Context, q querier, roundID int64) (pub *[keySize]byte, ok bool, err error) {
	var b []byte
	err = q.QueryRowContext(ctx, `SELECT public_key FROM round_keys WHERE round_id = ?`, roundID).Scan(&b)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil, false, nil
	case err != nil:
		return nil, false, fmt.Errorf("read key of round %d: %w", roundID, err)
	case len(b) != keySize:
		return nil, false, fmt.Errorf("key of round %d has %d bytes", roundID, len(b))
	}
	return (*[keySize]byte)(b), true, nil
}

// storeSealedBallot seals a ballot to the round's public key and stores it
// under a random id.
func storeSealedBallot(ctx context.Context, tx *sql.Tx, roundID int64, pub *[keySize]byte, nominees []int64, choices map[int64]bool) error {
	msg := encodeBallot(roundID, nominees, choices)
	defer clear(msg)
	sealed, err := box.SealAnonymous(nil, msg, pub, rand.Reader)
	if err != nil {
		return fmt.Errorf("seal ballot: %w", err)
	}
	id := make([]byte, 16)
	if _, err := rand.Read(id); err != nil {
		return fmt.Errorf("ballot id: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO sealed_ballots (id, round_id, box) VALUES (?, ?, ?)`, id, roundID, sealed); err != nil {
		return fmt.Errorf("store sealed ballot in round %d: %w", roundID, err)
	}
	return nil
}

// sealedCount returns how many sealed ballots a round holds and whether it
// still has its keys.
func sealedCount(ctx context.Context, q querier, roundID int64) (n int, keyed bool, err error) {
	err = q.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM sealed_ballots WHERE round_id = ?1),
		EXISTS (SELECT 1 FROM round_keys WHERE round_id = ?1)`, roundID).Scan(&n, &keyed)
	if err != nil {
		return 0, false, fmt.Errorf("read sealed ballots of round %d: %w", roundID, err)
	}
	return n, keyed, nil
}

// voterCount returns how many members have voted in a round.
func voterCount(ctx context.Context, q querier, roundID int64) (int, error) {
	var n int
	if err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM participation WHERE round_id = ?`, roundID).Scan(&n); err != nil {
		return 0, fmt.Errorf("count voters of round %d: %w", roundID, err)
	}
	return n, nil
}

// openSealedBallots opens every sealed ballot of an open round with the
// secretary's key, in the order of their random ids. Any ballot that does
// not open or is not a ballot of the round's nominees refuses the close.
func openSealedBallots(ctx context.Context, tx *sql.Tx, r roundRow, nominees []int64, key *SecretaryKey) ([]map[int64]bool, error) {
	var public, sealedPrivate []byte
	err := tx.QueryRowContext(ctx, `SELECT public_key, sealed_private FROM round_keys WHERE round_id = ?`, r.ID).
		Scan(&public, &sealedPrivate)
	if err != nil {
		return nil, fmt.Errorf("read key of round %d: %w", r.ID, err)
	}
	secretary, ok, err := secretaryPublicKey(ctx, tx)
	if err != nil {
		return nil, err
	}
	if !ok || *secretary != key.public {
		return nil, model.Errorf(model.EConflict,
			"Khóa thư ký đang dùng không phải của tệp này; hãy nhập lại mã thư ký rồi đóng vòng bỏ phiếu %d.", r.Seq)
	}
	priv, ok := box.OpenAnonymous(nil, sealedPrivate, &key.public, &key.private)
	if !ok || len(priv) != keySize || len(public) != keySize {
		return nil, model.Errorf(model.EInvalid,
			"Mã thư ký không mở được khóa của vòng bỏ phiếu %d; tệp có thể đã bị sửa ngoài chương trình. Chưa đóng vòng.", r.Seq)
	}
	defer clear(priv)
	roundPriv, roundPub := (*[keySize]byte)(priv), (*[keySize]byte)(public)
	if !keyPairMatches(roundPub, roundPriv) {
		return nil, model.Errorf(model.EInvalid,
			"Khóa của vòng bỏ phiếu %d không khớp nhau; tệp có thể đã bị sửa ngoài chương trình. Chưa đóng vòng.", r.Seq)
	}
	var out []map[int64]bool
	bad := 0
	err = scanRows(ctx, tx, "read sealed ballots", `SELECT box FROM sealed_ballots WHERE round_id = ? ORDER BY id`,
		[]any{r.ID}, func(rows *sql.Rows) error {
			var sealed []byte
			if err := rows.Scan(&sealed); err != nil {
				return err
			}
			msg, ok := box.OpenAnonymous(nil, sealed, roundPub, roundPriv)
			if !ok {
				bad++
				return nil
			}
			choices, err := decodeBallot(msg, r.ID, nominees)
			clear(msg)
			if err != nil {
				bad++
				return nil
			}
			out = append(out, choices)
			return nil
		})
	if err != nil {
		return nil, err
	}
	if bad > 0 {
		return nil, model.Errorf(model.EInvalid,
			"Vòng bỏ phiếu %d có %d phiếu niêm phong không mở được hoặc không khớp danh sách đối tượng của vòng; tệp có thể đã bị sửa ngoài chương trình. Chưa đóng vòng.",
			r.Seq, bad)
	}
	return out, nil
}

// storeOpenedBallots stores the opened ballots of a closed round in ballots
// and ballot_choices under fresh random ids, inserted in the order of those
// ids.
func storeOpenedBallots(ctx context.Context, tx *sql.Tx, roundID int64, nominees []int64, opened []map[int64]bool) error {
	type idBallot struct {
		id      []byte
		choices map[int64]bool
	}
	list := make([]idBallot, len(opened))
	for i, c := range opened {
		id := make([]byte, 16)
		if _, err := rand.Read(id); err != nil {
			return fmt.Errorf("ballot id: %w", err)
		}
		list[i] = idBallot{id: id, choices: c}
	}
	slices.SortFunc(list, func(a, b idBallot) int { return bytes.Compare(a.id, b.id) })
	ballots := make([][]any, len(list))
	choices := make([][]any, 0, len(list)*len(nominees))
	for i, b := range list {
		ballots[i] = []any{b.id, roundID}
		for _, n := range nominees {
			if agree, ok := b.choices[n]; ok {
				choices = append(choices, []any{b.id, n, agree})
			}
		}
	}
	if err := insertRows(ctx, tx, "ballots (id, round_id)", ballots); err != nil {
		return err
	}
	return insertRows(ctx, tx, "ballot_choices (ballot_id, nominee_id, agree)", choices)
}

// checkSealedClose refuses to close a round with a key when it has fewer
// than 2 ballots, when its sealed ballots do not match its voters, or
// without the secretary's key.
func checkSealedClose(ctx context.Context, tx *sql.Tx, r roundRow, sealed int, key *SecretaryKey) error {
	if err := enoughBallots(r.Seq, sealed); err != nil {
		return err
	}
	voters, err := voterCount(ctx, tx, r.ID)
	if err != nil {
		return err
	}
	if voters != sealed {
		return model.Errorf(model.EInvalid,
			"Vòng bỏ phiếu %d có %d người đã bỏ phiếu nhưng %d phiếu niêm phong; tệp có thể đã bị sửa ngoài chương trình. Chưa đóng vòng.",
			r.Seq, voters, sealed)
	}
	if !key.usable() {
		return model.Errorf(model.EConflict,
			"Cần mã thư ký để mở các phiếu đã niêm phong của vòng bỏ phiếu %d; hãy nhập mã thư ký rồi đóng vòng.", r.Seq)
	}
	return nil
}

// enoughBallots refuses to tally a secret round with fewer than 2 ballots:
// the tally of one ballot is that voter's vote.
func enoughBallots(seq, n int) error {
	if n >= 2 {
		return nil
	}
	return model.Errorf(model.EConflict,
		"Vòng bỏ phiếu %d mới có %d phiếu; bỏ phiếu kín cần ít nhất 2 phiếu mới kiểm phiếu được (kết quả của một phiếu chính là lá phiếu của người bỏ). Chưa đóng vòng.",
		seq, n)
}

// dropSealed deletes a closed round's sealed ballots and keys.
func dropSealed(ctx context.Context, tx *sql.Tx, roundID int64) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM sealed_ballots WHERE round_id = ?`, roundID); err != nil {
		return fmt.Errorf("delete sealed ballots of round %d: %w", roundID, err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM round_keys WHERE round_id = ?`, roundID); err != nil {
		return fmt.Errorf("delete key of round %d: %w", roundID, err)
	}
	return nil
}

// sealedProblem is Verify's check of a round's sealed ballots and keys: only
// an open electronic round has them, and an open round with a key holds no
// ballot in the clear.
func sealedProblem(name string, r *roundInfo, sealed int, keyed bool, plain int) string {
	switch {
	case r.mode == modePaper && (sealed > 0 || keyed):
		return fmt.Sprintf("%s là vòng bỏ phiếu giấy nhưng tệp có %d phiếu niêm phong hoặc khóa niêm phong của vòng.", name, sealed)
	case r.status == "closed" && sealed > 0:
		return fmt.Sprintf("%s đã kết thúc nhưng tệp vẫn còn %d phiếu niêm phong của vòng.", name, sealed)
	case r.status == "closed" && keyed:
		return name + " đã kết thúc nhưng tệp vẫn còn khóa niêm phong của vòng."
	case r.status != "closed" && sealed > 0 && !keyed:
		return fmt.Sprintf("%s (đang mở) có %d phiếu niêm phong nhưng tệp không còn khóa của vòng.", name, sealed)
	case r.status != "closed" && keyed && plain > 0:
		return fmt.Sprintf("%s (đang mở) niêm phong phiếu nhưng tệp có %d phiếu không niêm phong.", name, plain)
	}
	return ""
}
