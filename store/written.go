package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strings"

	"hoidong/model"
	"hoidong/voting"
)

// Written ballots of absent members, and members who are nominated (see
// model/written.go for the rules and migration 00006 for the tables).
//
// A written ballot of an electronic round is cast like a booth ballot —
// sealed to the round's key, stored apart from the participation row, its
// event naming neither the member nor the ballot — but entered by the
// counting committee, without a voting code, from a member marked absent
// who sends one; its participation row says written, and the round's seal
// at close lists the written voters so that verify can check them. The
// participation table's primary key refuses a second ballot of the member
// in the round, written or at the booth. A paper round records only that
// the member's envelope went into the box (paper_envelopes).
//
// With the plan's nominated_members = "recuse", a round records when it
// opens which voting members leave which nominee blank (round_recusals):
// their ballots must leave it blank and every other ballot must mark it.
// Because a blank points at the recused member's ballot, closing the round
// shuffles, for each such nominee, that nominee's column (agree, disagree,
// blank) across the round's ballots with crypto/rand before they are stored
// and committed: every nominee's counts stay the same, so the tally and
// verify's recount do not change, and no stored ballot keeps a recused
// member's other marks beside their blank.

// writtenEnvelopesSpec is the audited spec of paper_envelopes.
func writtenEnvelopesSpec() tableSpec {
	return tableSpec{name: "paper_envelopes", key: []string{"round_id", "member_id"},
		labels: map[string]string{},
		describe: func(n *names, k []any) string {
			return n.round(k[0]) + ", phong bì phiếu bằng văn bản của " + n.member(k[1])
		}}
}

// nominatedMembersSpec is the audited spec of nominated_members.
func nominatedMembersSpec() tableSpec {
	return tableSpec{name: "nominated_members", key: []string{"member_id", "nominee_id"},
		columns: []string{"source"},
		labels:  map[string]string{"source": "nguồn ghi nhận"},
		describe: func(n *names, k []any) string {
			return n.member(k[0]) + " là người được đề nghị: " + n.nominee(k[1])
		}}
}

// roundRecusalsSpec is the audited spec of round_recusals.
func roundRecusalsSpec() tableSpec {
	return tableSpec{name: "round_recusals", key: []string{"round_id", "nominee_id", "member_id"},
		columns: []string{"present"},
		labels:  map[string]string{"present": "có mặt khi mở vòng"},
		describe: func(n *names, k []any) string {
			return n.round(k[0]) + ", " + n.member(k[2]) + " không bỏ phiếu cho " + n.nominee(k[1])
		}}
}

// insertPlanConflicts records the conflicts the plan's members and
// nominees show (model.PlanConflicts) for a new meeting, whose members and
// nominees have ids in plan order.
func insertPlanConflicts(ctx context.Context, tx *sql.Tx, members []model.Member, nominees []model.Nominee) error {
	conflicts := model.PlanConflicts(members, nominees)
	if len(conflicts) == 0 {
		return nil
	}
	memberIDs, err := idsByPos(ctx, tx, "members")
	if err != nil {
		return err
	}
	nomineeIDs, err := idsByPos(ctx, tx, "nominees")
	if err != nil {
		return err
	}
	rows := make([][]any, 0, len(conflicts))
	for _, c := range conflicts {
		if c.Member < len(memberIDs) && c.Nominee < len(nomineeIDs) {
			rows = append(rows, []any{memberIDs[c.Member], nomineeIDs[c.Nominee], model.ConflictPlan.String()})
		}
	}
	return insertRows(ctx, tx, "nominated_members (member_id, nominee_id, source)", rows)
}

// idsByPos lists the ids of a table's rows in pos order.
func idsByPos(ctx context.Context, q querier, table string) ([]int64, error) {
	var ids []int64
	err := scanRows(ctx, q, "read "+table, `SELECT id FROM `+table+` ORDER BY pos`, nil, func(rows *sql.Rows) error {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		ids = append(ids, id)
		return nil
	})
	return ids, err
}

// importConflicts records the conflicts an import brings: an imported
// individual nominee with a voting member's name, or an imported voting
// member with an individual nominee's name. It returns how many.
func importConflicts(ctx context.Context, tx *sql.Tx, newNominees, newMembers []int64) (int, error) {
	if len(newNominees) == 0 && len(newMembers) == 0 {
		return 0, nil
	}
	var (
		members  []model.Member
		nominees []model.Nominee
	)
	err := scanRows(ctx, tx, "read members", `SELECT id, name, votes FROM members ORDER BY pos`, nil, func(rows *sql.Rows) error {
		var m model.Member
		if err := rows.Scan(&m.ID, &m.Name, &m.Votes); err != nil {
			return err
		}
		members = append(members, m)
		return nil
	})
	if err != nil {
		return 0, err
	}
	err = scanRows(ctx, tx, "read nominees", `SELECT id, kind, name FROM nominees WHERE kind = 'individual' ORDER BY pos`, nil,
		func(rows *sql.Rows) error {
			var (
				n    model.Nominee
				kind string
			)
			if err := rows.Scan(&n.ID, &kind, &n.Name); err != nil {
				return err
			}
			n.Kind = model.KindIndividual
			nominees = append(nominees, n)
			return nil
		})
	if err != nil {
		return 0, err
	}
	var rows [][]any
	for _, c := range model.PlanConflicts(members, nominees) {
		m, n := members[c.Member].ID, nominees[c.Nominee].ID
		if slices.Contains(newMembers, m) || slices.Contains(newNominees, n) {
			rows = append(rows, []any{m, n, model.ConflictPlan.String()})
		}
	}
	return len(rows), insertRows(ctx, tx, "nominated_members (member_id, nominee_id, source)", rows)
}

// loadConflicts reads the nominated members in member, then nominee order.
func loadConflicts(ctx context.Context, q querier) ([]model.Conflict, error) {
	var out []model.Conflict
	err := scanRows(ctx, q, "read nominated members",
		`SELECT c.member_id, c.nominee_id, c.source FROM nominated_members c JOIN members m ON m.id = c.member_id
		JOIN nominees n ON n.id = c.nominee_id ORDER BY m.pos, n.pos`, nil,
		func(rows *sql.Rows) error {
			var (
				c      model.Conflict
				source string
			)
			if err := rows.Scan(&c.Member, &c.Nominee, &source); err != nil {
				return err
			}
			c.Source = model.ConflictPlan
			if source == model.ConflictSecretary.String() {
				c.Source = model.ConflictSecretary
			}
			out = append(out, c)
			return nil
		})
	return out, err
}

// planCouncilMembers gives the record's plan the council_member of each
// nominee whose conflict came from the plan, unless the plan recognises
// it by the nominee's own name: the plan round-trips through the record.
func planCouncilMembers(rec *model.Record) {
	for _, c := range rec.Conflicts {
		if c.Source != model.ConflictPlan {
			continue
		}
		m, ok := rec.MemberByID(c.Member)
		if !ok {
			continue
		}
		for i := range rec.Plan.Nominees {
			n := &rec.Plan.Nominees[i]
			if n.ID == c.Nominee && n.CouncilMember == "" && !(n.Kind == model.KindIndividual && model.NameKey(n.Name) == model.NameKey(m.Name)) {
				n.CouncilMember = m.Name
				rec.Nominees[i].CouncilMember = m.Name
			}
		}
	}
}

// loadRoundExtras reads the written ballots, envelopes and recusals of the
// rounds l has read (filtered as f says).
func loadRoundExtras(ctx context.Context, q querier, l *roundLoader, f rowFilter) error {
	addWritten := func(rows *sql.Rows) error {
		var rid, mid int64
		if err := rows.Scan(&rid, &mid); err != nil {
			return err
		}
		r, err := l.round(rid)
		if err != nil {
			return err
		}
		r.Written = append(r.Written, mid)
		return nil
	}
	steps := []loadStep{
		{"read written ballots",
			`SELECT round_id, member_id FROM participation WHERE written = 1` + f.where("AND", "round_id") + ` ORDER BY round_id, member_id`,
			addWritten},
		{"read envelopes",
			`SELECT round_id, member_id FROM paper_envelopes` + f.where("WHERE", "round_id") + ` ORDER BY round_id, member_id`,
			addWritten},
		{"read recusals",
			`SELECT round_id, nominee_id, member_id, present FROM round_recusals` + f.where("WHERE", "round_id") +
				` ORDER BY round_id, nominee_id, member_id`,
			func(rows *sql.Rows) error {
				var (
					rid int64
					x   model.Recusal
				)
				if err := rows.Scan(&rid, &x.Nominee, &x.Member, &x.Present); err != nil {
					return err
				}
				r, err := l.round(rid)
				if err != nil {
					return err
				}
				r.Recused = append(r.Recused, x)
				return nil
			}},
	}
	return runSteps(ctx, q, f.args, steps)
}

// insertRecusals records, for a round just opened, the voting members who
// must leave each of its nominees blank, when the plan asks a nominated
// member to recuse themselves.
func insertRecusals(ctx context.Context, tx *sql.Tx, rec *model.Record, roundID int64, nominees []int64) error {
	if !rec.Plan.Recuses() {
		return nil
	}
	var rows [][]any
	for _, id := range nominees {
		for _, m := range rec.NominatedMembers(id) {
			if m.Votes {
				rows = append(rows, []any{roundID, id, m.ID, m.Attendance == model.AttendancePresent})
			}
		}
	}
	return insertRows(ctx, tx, "round_recusals (round_id, nominee_id, member_id, present)", rows)
}

// roundRecused returns the round's recusals.
func roundRecused(ctx context.Context, q querier, roundID int64) ([]model.Recusal, error) {
	var out []model.Recusal
	err := scanRows(ctx, q, "read recusals",
		`SELECT nominee_id, member_id, present FROM round_recusals WHERE round_id = ? ORDER BY nominee_id, member_id`,
		[]any{roundID}, func(rows *sql.Rows) error {
			var x model.Recusal
			if err := rows.Scan(&x.Nominee, &x.Member, &x.Present); err != nil {
				return err
			}
			out = append(out, x)
			return nil
		})
	return out, err
}

// roundWritten returns the members whose ballot in the round came in
// writing: written participation, or envelopes of a paper round.
func roundWritten(ctx context.Context, q querier, roundID int64, paper bool) ([]int64, error) {
	query := `SELECT member_id FROM participation WHERE round_id = ? AND written = 1 ORDER BY member_id`
	if paper {
		query = `SELECT member_id FROM paper_envelopes WHERE round_id = ? ORDER BY member_id`
	}
	var out []int64
	err := scanRows(ctx, q, "read written ballots", query, []any{roundID}, func(rows *sql.Rows) error {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		out = append(out, id)
		return nil
	})
	return out, err
}

// SetWrittenBallot marks an absent voting member as sending a written
// ballot (gửi phiếu bằng văn bản), or takes the mark away. It is refused
// as model.WrittenBallotBlocked says: for a member who is not absent or
// has no vote, when the plan takes no written ballot, after the meeting
// closed, and — to take the mark away — once a round holds the member's
// written ballot. Marking a member present (SetAttendance) takes the mark
// away too; the written ballots already counted stay in their rounds.
func (s *Store) SetWrittenBallot(ctx context.Context, memberID int64, on bool) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		plan, info, err := s.loadMeeting(ctx, tx)
		if err != nil {
			return err
		}
		m, err := loadMember(ctx, tx, memberID)
		if err != nil {
			return err
		}
		in, err := writtenIn(ctx, tx, memberID)
		if err != nil {
			return err
		}
		mr := model.MemberRecord{Member: model.Member{ID: m.ID, Name: m.Name, Votes: m.Votes}, Attendance: m.Attendance}
		if why := model.WrittenBallotBlocked(&plan, info.Status, mr, on, in); why != "" {
			if info.Status == model.MeetingClosed {
				return meetingClosed()
			}
			return model.Errorf(model.EConflict, "%s", why)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE members SET written_ballot = ? WHERE id = ?`, on, memberID); err != nil {
			return fmt.Errorf("set written ballot of member %d: %w", memberID, err)
		}
		return s.record(ctx, tx, "written", fmt.Sprintf("member %d: written ballot %t", memberID, on), row("members", memberID))
	})
}

// writtenIn returns the number of the first round holding a written
// ballot or an envelope of the member, or 0.
func writtenIn(ctx context.Context, q querier, memberID int64) (int, error) {
	var seq sql.NullInt64
	err := q.QueryRowContext(ctx, `SELECT MIN(r.seq) FROM rounds r WHERE
		EXISTS (SELECT 1 FROM participation p WHERE p.round_id = r.id AND p.member_id = ?1 AND p.written = 1)
		OR EXISTS (SELECT 1 FROM paper_envelopes e WHERE e.round_id = r.id AND e.member_id = ?1)`, memberID).Scan(&seq)
	if err != nil {
		return 0, fmt.Errorf("read written ballots of member %d: %w", memberID, err)
	}
	return int(seq.Int64), nil
}

// writtenRound is a round about to take a written ballot or an envelope,
// with the member who sent it.
type writtenRound struct {
	row    roundRow
	member memberRow
}

// loadWrittenRound checks that an open round of the meeting takes a
// written ballot (an envelope, paper) from memberID: the round is open and
// of that mode, its award accepts written ballots, and the member is an
// absent voting member marked as sending one.
func (s *Store) loadWrittenRound(ctx context.Context, tx *sql.Tx, roundID, memberID int64, paper bool) (writtenRound, error) {
	plan, err := s.openPlan(ctx, tx)
	if err != nil {
		return writtenRound{}, err
	}
	r, err := loadRoundRow(ctx, tx, roundID)
	if err != nil {
		return writtenRound{}, err
	}
	m, err := loadMember(ctx, tx, memberID)
	if err != nil {
		return writtenRound{}, err
	}
	var marked bool
	if err := tx.QueryRowContext(ctx, `SELECT written_ballot FROM members WHERE id = ?`, memberID).Scan(&marked); err != nil {
		return writtenRound{}, fmt.Errorf("read member %d: %w", memberID, err)
	}
	switch {
	case !r.Open:
		return writtenRound{}, model.Errorf(model.EConflict, "Vòng bỏ phiếu %d đã kết thúc; không nhận thêm phiếu.", r.Seq)
	case r.Paper && !paper:
		return writtenRound{}, model.Errorf(model.EConflict,
			"Vòng bỏ phiếu %d là vòng bỏ phiếu giấy; phong bì phiếu bằng văn bản được bỏ vào hòm phiếu và ghi nhận là đã nhận phong bì.", r.Seq)
	case !r.Paper && paper:
		return writtenRound{}, model.Errorf(model.EConflict,
			"Vòng bỏ phiếu %d bỏ phiếu trên máy; Ban kiểm phiếu nhập nội dung phiếu bằng văn bản ở màn hình nhập phiếu bằng văn bản.", r.Seq)
	case !plan.AcceptsWritten(r.Award):
		return writtenRound{}, model.Errorf(model.EConflict,
			"%s không nhận phiếu bằng văn bản của thành viên vắng mặt (theo kế hoạch).", awardName(&plan, r.Award))
	case !m.Votes:
		return writtenRound{}, model.Errorf(model.EConflict, "%s không có quyền biểu quyết nên không bỏ phiếu.", m.Name)
	case m.Attendance == model.AttendancePresent:
		return writtenRound{}, model.Errorf(model.EConflict,
			"%s có mặt; thành viên có mặt bỏ phiếu tại máy bỏ phiếu, không gửi phiếu bằng văn bản.", m.Name)
	case !marked:
		return writtenRound{}, model.Errorf(model.EConflict,
			"%s chưa được đánh dấu gửi phiếu bằng văn bản khi điểm danh; không nhận phiếu bằng văn bản của thành viên này.", m.Name)
	}
	return writtenRound{row: r, member: m}, nil
}

// CastWrittenBallot records the written ballot of an absent member in an
// open electronic round, as the counting committee reads it from the
// member's sealed envelope: one choice per nominee, none for a nominee the
// member recuses themselves from. It is stored exactly like a booth ballot
// (CastBallot) — sealed, apart from who sent it, its event naming neither —
// and its participation row says written. No voting code is asked. It is
// refused for a member who is present, has no vote or is not marked as
// sending a written ballot, in a round whose award takes no written ballot,
// in a paper round (see ReceiveWrittenEnvelope), and for a second ballot of
// the member in the round, written or at the booth (the participation
// table's primary key).
func (s *Store) CastWrittenBallot(ctx context.Context, roundID, memberID int64, choices map[int64]bool) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		w, err := s.loadWrittenRound(ctx, tx, roundID, memberID, false)
		if err != nil {
			return err
		}
		return s.storeBallot(ctx, tx, w.row, w.member, true, choices)
	})
}

// ReceiveWrittenEnvelope records that an absent member's sealed envelope
// went into the ballot box of an open paper round: the round then allows
// one more ballot issued, and at least the envelopes returned. It is
// refused as CastWrittenBallot is, and for a second envelope of the member.
func (s *Store) ReceiveWrittenEnvelope(ctx context.Context, roundID, memberID int64) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		w, err := s.loadWrittenRound(ctx, tx, roundID, memberID, true)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO paper_envelopes (round_id, member_id) VALUES (?, ?)`, roundID, memberID); err != nil {
			if isPrimaryKeyViolation(err) {
				return model.Errorf(model.EConflict, "Đã nhận phong bì phiếu bằng văn bản của %s trong vòng %d.", w.member.Name, w.row.Seq)
			}
			return fmt.Errorf("receive envelope in round %d: %w", roundID, err)
		}
		return s.record(ctx, tx, "written.envelope", fmt.Sprintf("round %d: envelope of member %d received", w.row.Seq, memberID),
			row("paper_envelopes", roundID, memberID))
	})
}

// UndoWrittenEnvelope takes back ReceiveWrittenEnvelope while the paper
// round is open and its counts are not entered (they close it).
func (s *Store) UndoWrittenEnvelope(ctx context.Context, roundID, memberID int64) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := s.requireOpen(ctx, tx); err != nil {
			return err
		}
		r, err := loadRoundRow(ctx, tx, roundID)
		if err != nil {
			return err
		}
		m, err := loadMember(ctx, tx, memberID)
		if err != nil {
			return err
		}
		if !r.Open {
			return model.Errorf(model.EConflict, "Vòng bỏ phiếu %d đã kết thúc; phong bì đã được kiểm.", r.Seq)
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM paper_envelopes WHERE round_id = ? AND member_id = ?`, roundID, memberID)
		if err != nil {
			return fmt.Errorf("undo envelope in round %d: %w", roundID, err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return fmt.Errorf("undo envelope in round %d: %w", roundID, err)
		} else if n == 0 {
			return model.Errorf(model.ENotFound, "Vòng bỏ phiếu %d chưa nhận phong bì phiếu bằng văn bản của %s.", r.Seq, m.Name)
		}
		return s.record(ctx, tx, "written.envelope", fmt.Sprintf("round %d: envelope of member %d taken back", r.Seq, memberID),
			row("paper_envelopes", roundID, memberID))
	})
}

// SetNominatedMember records that a voting member is a nominee, or heads a
// collective nominee (on), or that they are not (off, whoever recorded it:
// the plan or the secretary). It is refused for a member without a vote,
// and once the nominee has been put to a vote, when what the members knew
// and how the ballot was laid out can no longer change.
func (s *Store) SetNominatedMember(ctx context.Context, memberID, nomineeID int64, on bool) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := s.requireOpen(ctx, tx); err != nil {
			return err
		}
		m, err := loadMember(ctx, tx, memberID)
		if err != nil {
			return err
		}
		n, err := loadNominee(ctx, tx, nomineeID)
		if err != nil {
			return err
		}
		if !m.Votes {
			return model.Errorf(model.EConflict, "%s không có quyền biểu quyết; chỉ ghi nhận thành viên được biểu quyết là người được đề nghị.", m.Name)
		}
		var seq sql.NullInt64
		if err := tx.QueryRowContext(ctx, `SELECT MIN(r.seq) FROM rounds r JOIN round_nominees n ON n.round_id = r.id
			WHERE n.nominee_id = ?`, nomineeID).Scan(&seq); err != nil {
			return fmt.Errorf("read rounds of nominee %d: %w", nomineeID, err)
		}
		if seq.Valid {
			return model.Errorf(model.EConflict, "%s đã được đưa ra bỏ phiếu (vòng %d); không thể thay đổi thành viên Hội đồng là người được đề nghị.",
				n.Name, seq.Int64)
		}
		if on && n.Kind == model.KindIndividual {
			if err := oneMemberPerIndividual(ctx, tx, m.ID, n); err != nil {
				return err
			}
		}
		var err2 error
		if on {
			_, err2 = tx.ExecContext(ctx, `INSERT INTO nominated_members (member_id, nominee_id, source) VALUES (?, ?, 'secretary')
				ON CONFLICT DO NOTHING`, memberID, nomineeID)
		} else {
			_, err2 = tx.ExecContext(ctx, `DELETE FROM nominated_members WHERE member_id = ? AND nominee_id = ?`, memberID, nomineeID)
		}
		if err2 != nil {
			return fmt.Errorf("set nominated member %d/%d: %w", memberID, nomineeID, err2)
		}
		return s.record(ctx, tx, "nominated", fmt.Sprintf("member %d, nominee %d: nominated %t", memberID, nomineeID, on),
			row("nominated_members", memberID, nomineeID))
	})
}

// oneMemberPerIndividual refuses to record member as the individual n when
// another member is already recorded as that person.
func oneMemberPerIndividual(ctx context.Context, tx querier, member int64, n nomineeRow) error {
	var other string
	err := tx.QueryRowContext(ctx, `SELECT m.name FROM nominated_members c JOIN members m ON m.id = c.member_id
		WHERE c.nominee_id = ? AND c.member_id <> ? ORDER BY m.pos LIMIT 1`, n.ID, member).Scan(&other)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil
	case err != nil:
		return fmt.Errorf("read nominated members of %d: %w", n.ID, err)
	}
	return model.Errorf(model.EConflict, "Cá nhân %s đã được ghi nhận là đồng chí %s; một cá nhân chỉ là một thành viên Hội đồng. Bỏ ghi nhận đó trước nếu nhầm người.", n.Name, other)
}

// recusedFrom lists the nominees of a round the member must leave blank.
func recusedFrom(ctx context.Context, q querier, roundID, memberID int64) ([]int64, error) {
	var out []int64
	err := scanRows(ctx, q, "read recusals", `SELECT nominee_id FROM round_recusals WHERE round_id = ? AND member_id = ?`,
		[]any{roundID, memberID}, func(rows *sql.Rows) error {
			var id int64
			if err := rows.Scan(&id); err != nil {
				return err
			}
			out = append(out, id)
			return nil
		})
	return out, err
}

// checkRecusedChoices makes sure a ballot marks exactly the round's
// nominees, leaving blank those the member recuses themselves from.
func checkRecusedChoices(seq int, name string, nominees, recused []int64, choices map[int64]bool) error {
	var marked []string
	for _, id := range recused {
		if _, ok := choices[id]; ok {
			marked = append(marked, fmt.Sprint(id))
		}
	}
	if len(marked) > 0 {
		return model.Errorf(model.EInvalid,
			"%s là người được đề nghị nên không bỏ phiếu cho chính mình; phiếu vòng %d phải để trống %d dòng đó (đối tượng mã %s).",
			name, seq, len(marked), strings.Join(marked, ", "))
	}
	want := make([]int64, 0, len(nominees))
	for _, id := range nominees {
		if !slices.Contains(recused, id) {
			want = append(want, id)
		}
	}
	return checkChoices(seq, want, choices)
}

// closingBase returns the bases of a round being closed, from what it
// recorded (voting.RoundBase): its written ballots (or envelopes) and its
// recusals; valid is the valid ballots counted.
func closingBase(ctx context.Context, tx querier, r roundRow, valid int) (voting.BaseCounts, error) {
	mode := model.RoundElectronic
	if r.Paper {
		mode = model.RoundPaper
	}
	round := model.Round{Mode: mode, AllMembers: r.AllMembers, Eligible: r.Eligible, Valid: valid}
	var err error
	if round.Written, err = roundWritten(ctx, tx, r.ID, r.Paper); err != nil {
		return voting.BaseCounts{}, err
	}
	if round.Recused, err = roundRecused(ctx, tx, r.ID); err != nil {
		return voting.BaseCounts{}, err
	}
	if !r.Paper {
		seal, _, err := readSeal(ctx, tx, r.ID, false)
		if err != nil {
			return voting.BaseCounts{}, err
		}
		round.Voters = seal.Voters
	}
	return voting.RoundBase(round), nil
}

// shuffleRecused checks the blanks of the opened ballots of a round
// against its recusals — for each nominee, exactly as many blanks as
// members recused from it have voted — and then, for each nominee with a
// recusal, permutes that nominee's column (agree, disagree, blank) across
// the ballots, uniformly at random, so that no stored ballot keeps a
// recused member's marks beside their blank. Every nominee's counts stay
// the same.
func shuffleRecused(ctx context.Context, tx querier, r roundRow, opened []map[int64]bool) error {
	recused, err := roundRecused(ctx, tx, r.ID)
	if err != nil {
		return err
	}
	nominees, err := roundNominees(ctx, tx, r.ID)
	if err != nil {
		return err
	}
	seal, _, err := readSeal(ctx, tx, r.ID, false)
	if err != nil {
		return err
	}
	want := map[int64]int{}
	for _, x := range recused {
		if slices.Contains(seal.Voters, x.Member) {
			want[x.Nominee]++
		}
	}
	for _, id := range nominees {
		blank := 0
		for _, b := range opened {
			if _, ok := b[id]; !ok {
				blank++
			}
		}
		if blank != want[id] {
			return model.Errorf(model.EInvalid,
				"Vòng bỏ phiếu %d có %d phiếu để trống đối tượng mã %d nhưng %d thành viên không bỏ phiếu cho đối tượng này đã bỏ phiếu; tệp có thể đã bị sửa ngoài chương trình. Chưa đóng vòng.",
				r.Seq, blank, id, want[id])
		}
	}
	for id := range want {
		if err := shuffleColumn(opened, id); err != nil {
			return err
		}
	}
	return nil
}

// shuffleColumn permutes nominee id's marks across the ballots with a
// Fisher–Yates shuffle drawn from crypto/rand.
func shuffleColumn(ballots []map[int64]bool, id int64) error {
	for i := len(ballots) - 1; i > 0; i-- {
		k, err := rand.Int(rand.Reader, big.NewInt(int64(i+1)))
		if err != nil {
			return fmt.Errorf("shuffle ballots: %w", err)
		}
		j := int(k.Int64())
		a, aok := ballots[i][id]
		b, bok := ballots[j][id]
		delete(ballots[i], id)
		delete(ballots[j], id)
		if bok {
			ballots[i][id] = b
		}
		if aok {
			ballots[j][id] = a
		}
	}
	return nil
}

// writtenVoters names the members whose ballot the file and the seal
// logged at close do not both record as written.
func (v *verifier) writtenVoters(name string, inFile, logged []int64) string {
	var diff []string
	for _, id := range inFile {
		if !slices.Contains(logged, id) {
			diff = append(diff, v.names.member(id)+" được ghi trong tệp là gửi phiếu bằng văn bản nhưng khi đóng vòng thì không")
		}
	}
	for _, id := range logged {
		if !slices.Contains(inFile, id) {
			diff = append(diff, v.names.member(id)+" được ghi khi đóng vòng là gửi phiếu bằng văn bản nhưng trong tệp thì không")
		}
	}
	if len(diff) == 0 {
		return ""
	}
	return name + ": " + strings.Join(diff, "; ") + "."
}
