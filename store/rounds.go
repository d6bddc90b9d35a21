package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"hoidong/model"
	"hoidong/voting"
)

// OpenRound opens an electronic ballot round for an award over the given
// nominees, in ballot order, and returns its id. It is refused while another
// round is open, without a quorum, for an empty list, for a nominee not ready
// for a ballot on the award, for an award that needs no ballot, and before
// the secretary code is set: the round gets a key pair whose private key is
// sealed to the secretary's key, and its ballots are sealed until it closes.
func (s *Store) OpenRound(ctx context.Context, award string, nominees []int64) (int64, error) {
	return s.openRound(ctx, roundSpec{award: award, nominees: nominees, mode: modeElectronic})
}

// openRound opens a round as spec says, with OpenRound's checks; a re-vote
// (spec.parent set) takes its award, nominees and mode from the tie of the
// round it settles instead of from spec.
func (s *Store) openRound(ctx context.Context, spec roundSpec) (int64, error) {
	var roundID int64
	err := s.write(ctx, func(tx *sql.Tx) error {
		rec, err := s.loadRecord(ctx, tx, false)
		if err != nil {
			return err
		}
		if rec.Meeting.Status != model.MeetingOpen {
			return meetingClosed()
		}
		if r, open := rec.OpenRound(); open {
			return model.Errorf(model.EConflict, "Vòng bỏ phiếu %d (%s) đang mở; hãy kết thúc vòng đó trước.",
				r.Seq, awardName(&rec.Plan, r.Award))
		}
		if spec.parent != 0 {
			if spec, err = revoteSpec(&rec, spec.parent); err != nil {
				return err
			}
		}
		award, nominees := spec.award, spec.nominees
		a, ok := rec.Plan.Award(award)
		if !ok {
			return model.Errorf(model.ENotFound, "Kế hoạch không có danh hiệu hay hình thức khen thưởng mã %q.", award)
		}
		name := awardName(&rec.Plan, award)
		if !a.Rule.BallotRequired {
			return model.Errorf(model.EInvalid, "%s không cần bỏ phiếu kín.", name)
		}
		if q := voting.Quorum(&rec); !q.Met {
			return model.Errorf(model.EConflict, "Chưa thể mở vòng bỏ phiếu: %s.", q.Text())
		}
		if why := voting.NoPlaceLeft(&rec, a); why != "" && spec.parent == 0 {
			return model.Errorf(model.EConflict, "%s", why)
		}
		if len(nominees) == 0 {
			return model.Errorf(model.EInvalid, "Chưa chọn đối tượng nào cho vòng bỏ phiếu %s.", name)
		}
		if spec.mode == modeElectronic {
			if err := requireSecretaryCode(ctx, tx); err != nil {
				return err
			}
		}
		ix := voting.NewIndex(&rec)
		ready := make(map[int64]bool)
		for _, id := range ix.Candidates(award) {
			ready[id] = true
		}
		seen := make(map[int64]bool, len(nominees))
		for _, id := range nominees {
			n, ok := ix.Nominee(id)
			if !ok {
				return model.Errorf(model.ENotFound, "Không có đối tượng đề nghị mã %d.", id)
			}
			if seen[id] {
				return model.Errorf(model.EInvalid, "%s có tên hai lần trong danh sách bỏ phiếu.", n.Name)
			}
			seen[id] = true
			if !ready[id] && spec.parent == 0 {
				return model.Errorf(model.EConflict, "%s chưa thể đưa ra bỏ phiếu %s (%s).",
					n.Name, name, ix.Status(n, award).Label())
			}
		}
		eligible, all := 0, 0
		for _, m := range rec.Members {
			if m.Votes {
				all++
				if m.Attendance == model.AttendancePresent {
					eligible++
				}
			}
		}
		seq := 1
		for _, r := range rec.Rounds {
			seq = max(seq, r.Seq+1)
		}
		err = tx.QueryRowContext(ctx, `INSERT INTO rounds (seq, award, mode, status, opened_at, eligible, all_members, parent)
			VALUES (?, ?, ?, 'open', ?, ?, ?, ?) RETURNING id`,
			seq, award, spec.mode, timeText(s.now()), eligible, all, nullID(spec.parent)).Scan(&roundID)
		if err != nil {
			return fmt.Errorf("open round: %w", err)
		}
		rows := make([][]any, len(nominees))
		for i, id := range nominees {
			rows[i] = []any{roundID, i, id}
		}
		if err := insertRows(ctx, tx, "round_nominees (round_id, pos, nominee_id)", rows); err != nil {
			return err
		}
		if err := insertRecusals(ctx, tx, &rec, roundID, nominees); err != nil {
			return err
		}
		if spec.mode == modeElectronic {
			if err := newRoundKey(ctx, tx, roundID); err != nil {
				return err
			}
		}
		return s.record(ctx, tx, "round.open",
			fmt.Sprintf("round %d: %s, %s, %d nominees, %d of %d voting members present%s",
				seq, award, spec.mode, len(nominees), eligible, all, spec.note(&rec)),
			row("rounds", roundID), row("round_nominees", roundID), row("round_recusals", roundID))
	})
	if err != nil {
		return 0, err
	}
	return roundID, nil
}

// insertRows inserts rows into table (written with its column list) with
// multi-row INSERT statements, a few hundred rows at a time; the statement
// for a full batch is prepared once.
func insertRows(ctx context.Context, tx *sql.Tx, table string, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	width := len(rows[0])
	per := max(1, 900/width)
	tuple := "(" + strings.TrimSuffix(strings.Repeat("?,", width), ",") + ")"
	statement := func(n int) string {
		return "INSERT INTO " + table + " VALUES " + strings.TrimSuffix(strings.Repeat(tuple+",", n), ",")
	}
	var full *sql.Stmt
	defer func() {
		if full != nil {
			_ = full.Close()
		}
	}()
	args := make([]any, 0, per*width)
	for start := 0; start < len(rows); start += per {
		chunk := rows[start:min(start+per, len(rows))]
		args = args[:0]
		for _, r := range chunk {
			args = append(args, r...)
		}
		var err error
		switch {
		case len(chunk) < per || len(rows) == per:
			_, err = tx.ExecContext(ctx, statement(len(chunk)), args...)
		default:
			if full == nil {
				if full, err = tx.PrepareContext(ctx, statement(per)); err != nil {
					return fmt.Errorf("insert into %s: %w", table, err)
				}
			}
			_, err = full.ExecContext(ctx, args...)
		}
		if err != nil {
			return fmt.Errorf("insert into %s: %w", table, err)
		}
	}
	return nil
}

// roundRow is what casting and closing need to know about a round.
type roundRow struct {
	ID         int64
	Seq        int
	Award      string
	Open       bool
	Paper      bool
	Eligible   int
	AllMembers int
}

func loadRoundRow(ctx context.Context, q querier, id int64) (roundRow, error) {
	r := roundRow{ID: id}
	var status, mode string
	err := q.QueryRowContext(ctx, `SELECT seq, award, status, mode, eligible, all_members FROM rounds WHERE id = ?`, id).
		Scan(&r.Seq, &r.Award, &status, &mode, &r.Eligible, &r.AllMembers)
	if errors.Is(err, sql.ErrNoRows) {
		return r, model.Errorf(model.ENotFound, "Không có vòng bỏ phiếu mã %d.", id)
	}
	if err != nil {
		return r, fmt.Errorf("read round %d: %w", id, err)
	}
	r.Open = status == "open"
	r.Paper = mode == modePaper
	return r, nil
}

func roundNominees(ctx context.Context, q querier, roundID int64) ([]int64, error) {
	var ids []int64
	err := scanRows(ctx, q, "read round nominees",
		`SELECT nominee_id FROM round_nominees WHERE round_id = ? ORDER BY pos`, []any{roundID},
		func(rows *sql.Rows) error {
			var id int64
			if err := rows.Scan(&id); err != nil {
				return err
			}
			ids = append(ids, id)
			return nil
		})
	return ids, err
}

// CastBallot records one member's secret ballot in an open round, in one
// transaction: the member joins the round's participation set and a ballot
// with a random id and one choice per nominee is stored apart from it,
// sealed to the round's public key (a round opened by an older version,
// without a key, stores it in the clear until it closes). A
// second ballot from the same member is refused by the participation
// table's primary key. When the plan asks for voting codes
// (Meeting.Secret), code must be the member's code: a wrong one counts as
// a try, as with CheckCode; without Secret, code is ignored. A paper round
// takes no ballot here.
func (s *Store) CastBallot(ctx context.Context, roundID, memberID int64, code string, choices map[int64]bool) error {
	proof, err := s.proveCode(ctx, memberID, code)
	if err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := s.requireOpen(ctx, tx); err != nil {
			return err
		}
		r, err := loadRoundRow(ctx, tx, roundID)
		if err != nil {
			return err
		}
		if !r.Open {
			return model.Errorf(model.EConflict, "Vòng bỏ phiếu %d đã kết thúc; không nhận thêm phiếu.", r.Seq)
		}
		if r.Paper {
			return model.Errorf(model.EConflict, "Vòng bỏ phiếu %d là vòng bỏ phiếu giấy; không nhận phiếu trên máy.", r.Seq)
		}
		m, err := loadMember(ctx, tx, memberID)
		if err != nil {
			return err
		}
		if !m.Votes {
			return model.Errorf(model.EConflict, "%s không có quyền biểu quyết nên không bỏ phiếu.", m.Name)
		}
		if m.Attendance != model.AttendancePresent {
			return model.Errorf(model.EConflict, "%s không có mặt nên không thể bỏ phiếu trong vòng %d.", m.Name, r.Seq)
		}
		if err := proof.confirm(ctx, tx, m.Name); err != nil {
			return err
		}
		return s.storeBallot(ctx, tx, r, m, false, choices)
	})
}

// storeBallot checks and stores one member's ballot in an open electronic
// round: the member joins the participation set (written, for a written
// ballot) and the ballot, leaving blank the nominees the member recuses
// themselves from, is sealed to the round's key, or stored in the clear
// in a round without one. The event names neither.
func (s *Store) storeBallot(ctx context.Context, tx *sql.Tx, r roundRow, m memberRow, written bool, choices map[int64]bool) error {
	roundID := r.ID
	nominees, err := roundNominees(ctx, tx, roundID)
	if err != nil {
		return err
	}
	recused, err := recusedFrom(ctx, tx, roundID, m.ID)
	if err != nil {
		return err
	}
	if err := checkRecusedChoices(r.Seq, m.Name, nominees, recused, choices); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO participation (round_id, member_id, written) VALUES (?, ?, ?)`, roundID, m.ID, written); err != nil {
		if isPrimaryKeyViolation(err) {
			return model.Errorf(model.EConflict, "Thành viên %s đã bỏ phiếu trong vòng %d.", m.Name, r.Seq)
		}
		return fmt.Errorf("record participation in round %d: %w", roundID, err)
	}
	pub, keyed, err := roundPublicKey(ctx, tx, roundID)
	if err != nil {
		return err
	}
	if keyed {
		if err := storeSealedBallot(ctx, tx, roundID, pub, nominees, choices); err != nil {
			return err
		}
		return s.recordCast(ctx, tx, roundID, r.Seq)
	}
	id := make([]byte, 16)
	if _, err := rand.Read(id); err != nil {
		return fmt.Errorf("ballot id: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO ballots (id, round_id) VALUES (?, ?)`, id, roundID); err != nil {
		return fmt.Errorf("store ballot in round %d: %w", roundID, err)
	}
	rows := make([][]any, 0, len(nominees))
	for _, n := range nominees {
		if agree, ok := choices[n]; ok {
			rows = append(rows, []any{id, n, agree})
		}
	}
	if err := insertRows(ctx, tx, "ballot_choices (ballot_id, nominee_id, agree)", rows); err != nil {
		return err
	}
	return s.recordCast(ctx, tx, roundID, r.Seq)
}

// checkChoices makes sure a ballot marks exactly the round's nominees.
func checkChoices(seq int, nominees []int64, choices map[int64]bool) error {
	missing := 0
	for _, n := range nominees {
		if _, ok := choices[n]; !ok {
			missing++
		}
	}
	if missing > 0 {
		return model.Errorf(model.EInvalid, "Phiếu bầu vòng %d còn %d đối tượng chưa đánh dấu.", seq, missing)
	}
	if len(choices) != len(nominees) {
		return model.Errorf(model.EInvalid, "Phiếu bầu vòng %d có %d đối tượng không thuộc danh sách của vòng.",
			seq, len(choices)-len(nominees))
	}
	return nil
}

// CloseRound closes an open electronic round, tallies its ballots against
// the award's rule and stores the results; afterwards it rewrites the file
// so that nothing in it keeps the order in which ballots arrived. The
// ballots of a round with a key are sealed: key, from UnlockSecretary,
// opens them (without it the close is refused with EConflict); they are
// stored for good under fresh random ids and the sealed copies and the
// round's keys deleted. A ballot that does not open or does not fit the
// round refuses the close, and so does a round with fewer than 2 ballots,
// whose tally would show how the one voter voted. A refused close changes
// nothing.
func (s *Store) CloseRound(ctx context.Context, roundID int64, key *SecretaryKey) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		c, err := s.loadClosing(ctx, tx, roundID, false,
			"Vòng bỏ phiếu %d đã kết thúc.",
			"Vòng bỏ phiếu %d là vòng bỏ phiếu giấy; vòng kết thúc khi nhập kết quả kiểm phiếu của Ban kiểm phiếu.")
		if err != nil {
			return err
		}
		sealed, keyed, err := sealedCount(ctx, tx, roundID)
		if err != nil {
			return err
		}
		var (
			ballots []model.Ballot
			opened  []map[int64]bool
		)
		if keyed {
			if err := checkSealedClose(ctx, tx, c.row, sealed, key); err != nil {
				return err
			}
			if opened, err = openSealedBallots(ctx, tx, c.row, c.nominees, key); err != nil {
				return err
			}
			if err := shuffleRecused(ctx, tx, c.row, opened); err != nil {
				return err
			}
			ballots = make([]model.Ballot, len(opened))
			for i, choices := range opened {
				ballots[i] = model.Ballot{Choices: choices}
			}
		} else {
			if ballots, err = roundBallots(ctx, tx, roundID); err != nil {
				return err
			}
			if err := enoughBallots(c.row.Seq, len(ballots)); err != nil {
				return err
			}
		}
		n := len(ballots)
		base, err := closingBase(ctx, tx, c.row, n)
		if err != nil {
			return err
		}
		lines := voting.Tally(c.award.Rule, c.nominees, ballots, base)
		if err := s.finishRound(ctx, tx, roundID, lines, n, n, n, 0); err != nil {
			return err
		}
		if keyed {
			// The round is closed now: its ballots may be stored in the
			// clear, and its sealed ballots and keys deleted.
			if err := storeOpenedBallots(ctx, tx, roundID, c.nominees, opened); err != nil {
				return err
			}
			if err := dropSealed(ctx, tx, roundID); err != nil {
				return err
			}
		}
		return s.recordSealed(ctx, tx, "round.close", fmt.Sprintf("round %d closed: %d ballots", c.row.Seq, n), roundID,
			row("rounds", roundID), row("results", roundID))
	})
	if err != nil {
		return err
	}
	return s.scrub(ctx)
}

// closingRound is an open round about to be closed, with what closing it
// needs.
type closingRound struct {
	row      roundRow
	award    model.Award
	nominees []int64
}

// loadClosing reads an open round of the given mode for closing. closed
// and wrongMode are the Vietnamese refusals, each taking the round's
// number.
func (s *Store) loadClosing(ctx context.Context, tx *sql.Tx, roundID int64, paper bool, closed, wrongMode string) (closingRound, error) {
	plan, err := s.openPlan(ctx, tx)
	if err != nil {
		return closingRound{}, err
	}
	r, err := loadRoundRow(ctx, tx, roundID)
	if err != nil {
		return closingRound{}, err
	}
	if !r.Open {
		return closingRound{}, model.Errorf(model.EConflict, closed, r.Seq)
	}
	if r.Paper != paper {
		return closingRound{}, model.Errorf(model.EConflict, wrongMode, r.Seq)
	}
	award, ok := plan.Award(r.Award)
	if !ok {
		return closingRound{}, fmt.Errorf("close round %d: award %q is not in the plan", roundID, r.Award)
	}
	nominees, err := roundNominees(ctx, tx, roundID)
	if err != nil {
		return closingRound{}, err
	}
	return closingRound{row: r, award: award, nominees: nominees}, nil
}

// finishRound stores a round's result lines and marks it closed with its
// ballot figures.
func (s *Store) finishRound(ctx context.Context, tx *sql.Tx, roundID int64, lines []model.ResultLine, issued, returned, valid, invalid int) error {
	rows := make([][]any, len(lines))
	for i, l := range lines {
		rows[i] = []any{roundID, l.NomineeID, l.Agree, l.Disagree, l.Base, l.Pass}
	}
	if err := insertRows(ctx, tx, "results (round_id, nominee_id, agree, disagree, base, pass)", rows); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE rounds SET status = 'closed', closed_at = ?,
		issued = ?, returned = ?, valid = ?, invalid = ? WHERE id = ?`,
		timeText(s.now()), issued, returned, valid, invalid, roundID); err != nil {
		return fmt.Errorf("close round %d: %w", roundID, err)
	}
	return nil
}

// roundBallots reads a round's ballots, sorted by id.
func roundBallots(ctx context.Context, q querier, roundID int64) ([]model.Ballot, error) {
	var out []model.Ballot
	err := loadBallots(ctx, q, `r.id = ?`, []any{roundID}, func(_ int64, b model.Ballot) error {
		out = append(out, b)
		return nil
	})
	return out, err
}

// scrub rebuilds the database file and empties the WAL. Rows of a
// WITHOUT ROWID table sit in key order, but inside a page SQLite places each
// new cell where there is room, so the layout of the participation and
// ballot pages would otherwise keep the order of arrival, which pairs voters
// with ballots. VACUUM rewrites every table in key order; with
// secure_delete on, the old pages are zeroed, and the TRUNCATE checkpoint
// leaves no old page image in the WAL.
//
// Once both have finished, the rewrite is marked done (PRAGMA
// user_version: the number of closed electronic rounds the rewrite
// covered), so that opening the file need not repeat it; a crash, or a
// reader that keeps the WAL from being emptied, leaves the mark behind the
// rounds, and the secretary's program rewrites the file when it next opens
// it (see rescrub). The mark lives in the file's header: it says nothing
// of any ballot.
func (s *Store) scrub(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `VACUUM`); err != nil {
		return fmt.Errorf("vacuum %s after closing a round: %w", s.path, err)
	}
	done, err := s.truncateWAL(ctx)
	if err != nil || !done {
		return err
	}
	closed, marked, err := s.scrubState(ctx)
	if err != nil || closed == marked {
		return err
	}
	if _, err := s.db.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d`, closed)); err != nil {
		return fmt.Errorf("mark the rewrite of %s: %w", s.path, err)
	}
	return s.checkpoint(ctx)
}
