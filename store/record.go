package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"

	"hoidong/model"
)

// planDoc is the plan as stored in meeting.plan: everything but the members
// and the nominees, which have their own tables.
type planDoc struct {
	Version     int                      `json:"version"`
	Org         model.Org                `json:"org"`
	Ref         model.PlanRef            `json:"ref"`
	CouncilName string                   `json:"council_name"`
	Awards      []model.Award            `json:"awards"`
	Criteria    []model.CriteriaSet      `json:"criteria"`
	Eligibility []model.EligibilityCheck `json:"eligibility"`
	Meeting     model.MeetingSettings    `json:"meeting"`
	Decision    model.DecisionSettings   `json:"decision,omitzero"`
}

const planDocVersion = 1

func encodePlan(p *model.Plan) (string, error) {
	b, err := json.Marshal(planDoc{
		Version:     planDocVersion,
		Org:         p.Org,
		Ref:         p.Ref,
		CouncilName: p.Council.Name,
		Awards:      p.Awards,
		Criteria:    p.Criteria,
		Eligibility: p.Eligibility,
		Meeting:     p.Meeting,
		Decision:    p.Decision,
	})
	if err != nil {
		return "", fmt.Errorf("encode plan: %w", err)
	}
	return string(b), nil
}

func decodePlan(text string) (model.Plan, error) {
	var d planDoc
	if err := json.Unmarshal([]byte(text), &d); err != nil {
		return model.Plan{}, fmt.Errorf("decode plan: %w", err)
	}
	if d.Version != planDocVersion {
		return model.Plan{}, fmt.Errorf("decode plan: unknown plan document version %d", d.Version)
	}
	return model.Plan{
		Org:         d.Org,
		Ref:         d.Ref,
		Council:     model.Council{Name: d.CouncilName},
		Awards:      d.Awards,
		Criteria:    d.Criteria,
		Eligibility: d.Eligibility,
		Meeting:     d.Meeting,
		Decision:    d.Decision,
	}, nil
}

// HasMeeting reports whether the file holds a meeting.
func (s *Store) HasMeeting(ctx context.Context) (bool, error) {
	if s.db == nil {
		return false, errors.New("store is closed")
	}
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM meeting`).Scan(&n); err != nil {
		return false, fmt.Errorf("has meeting: %w", err)
	}
	return n > 0, nil
}

// Record returns a full snapshot of the meeting in one read transaction,
// with its corrections and its event log up to the head.
func (s *Store) Record(ctx context.Context) (model.Record, error) {
	var rec model.Record
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		rec, err = s.loadFullRecord(ctx, tx)
		return err
	})
	return rec, err
}

// loadFullRecord reads the whole record through q with its corrections,
// its event log and the head, and each closed round's CloseHead as the
// stored events give them.
func (s *Store) loadFullRecord(ctx context.Context, q querier) (model.Record, error) {
	rec, err := s.loadRecord(ctx, q, true)
	if err != nil {
		return rec, err
	}
	if rec.Corrections, err = loadCorrections(ctx, q); err != nil {
		return rec, err
	}
	if rec.Events, rec.Head, err = loadEvents(ctx, q); err != nil {
		return rec, err
	}
	heads := closeHeads(rec.Events, rec.Rounds)
	for i := range rec.Rounds {
		if rec.Rounds[i].Status == model.RoundClosed {
			rec.Rounds[i].CloseHead = heads[rec.Rounds[i].ID]
		}
	}
	return rec, nil
}

// Nominee returns one nominee with the council's review, as Record would
// give it, for refreshing one row of a large snapshot after a change.
func (s *Store) Nominee(ctx context.Context, id int64) (model.NomineeRecord, error) {
	var n model.NomineeRecord
	err := s.read(ctx, func(tx *sql.Tx) error {
		plan, _, err := s.loadMeeting(ctx, tx)
		if err != nil {
			return err
		}
		list, err := loadNominees(ctx, tx, &plan, id)
		if err != nil {
			return err
		}
		if len(list) == 0 {
			return model.Errorf(model.ENotFound, "Không có đối tượng đề nghị mã %d.", id)
		}
		n = list[0]
		return nil
	})
	return n, err
}

// noMeeting is the error for a file without a meeting.
func (s *Store) noMeeting() error {
	return model.Errorf(model.ENotFound, "Tệp %q chưa có phiên họp nào.", s.path)
}

// loadMeeting reads the meeting row and the plan without members and
// nominees.
func (s *Store) loadMeeting(ctx context.Context, q querier) (model.Plan, model.MeetingInfo, error) {
	var (
		planText, status, discussion string
		started, closed, minutesDate sql.NullString
		presiding                    sql.NullInt64
		info                         model.MeetingInfo
	)
	err := q.QueryRowContext(ctx, `SELECT plan, status, started_at, closed_at, discussion, presiding, minutes_date
		FROM meeting WHERE id = 1`).
		Scan(&planText, &status, &started, &closed, &discussion, &presiding, &minutesDate)
	if errors.Is(err, sql.ErrNoRows) {
		return model.Plan{}, info, s.noMeeting()
	}
	if err != nil {
		return model.Plan{}, info, fmt.Errorf("read meeting: %w", err)
	}
	plan, err := decodePlan(planText)
	if err != nil {
		return model.Plan{}, info, err
	}
	if info.Status, err = parseMeetingStatus(status); err != nil {
		return model.Plan{}, info, err
	}
	if info.StartedAt, err = parseTime(started); err != nil {
		return model.Plan{}, info, err
	}
	if info.ClosedAt, err = parseTime(closed); err != nil {
		return model.Plan{}, info, err
	}
	info.Discussion = discussion
	info.Presiding, info.MinutesDate = presiding.Int64, minutesDate.String
	return plan, info, nil
}

// loadRecord reads the whole record through q, with the ballots of closed
// rounds when withBallots is set.
func (s *Store) loadRecord(ctx context.Context, q querier, withBallots bool) (model.Record, error) {
	var rec model.Record
	var err error
	if rec.Plan, rec.Meeting, err = s.loadMeeting(ctx, q); err != nil {
		return rec, err
	}
	if rec.Meeting.SecretarySet, err = secretaryCodeSet(ctx, q); err != nil {
		return rec, err
	}
	if rec.Members, err = loadMembers(ctx, q); err != nil {
		return rec, err
	}
	if rec.Nominees, err = loadNominees(ctx, q, &rec.Plan, 0); err != nil {
		return rec, err
	}
	if rec.Rounds, err = loadRounds(ctx, q, 0, withBallots); err != nil {
		return rec, err
	}
	if rec.Decisions, err = loadDecisions(ctx, q); err != nil {
		return rec, err
	}
	if err = fillCodes(ctx, q, rec.Members); err != nil {
		return rec, err
	}
	if len(rec.Members) > 0 {
		rec.Plan.Council.Members = make([]model.Member, len(rec.Members))
		for i := range rec.Members {
			rec.Plan.Council.Members[i] = rec.Members[i].Member
		}
	}
	if len(rec.Nominees) > 0 {
		rec.Plan.Nominees = make([]model.Nominee, len(rec.Nominees))
		for i := range rec.Nominees {
			n := rec.Nominees[i].Nominee
			n.Awards = slices.Clone(n.Awards)
			n.Facts = slices.Clone(n.Facts)
			rec.Plan.Nominees[i] = n
		}
		canonicalOrder(&rec)
	}
	return rec, nil
}

// canonicalOrder puts the record's nominees in the one order every screen,
// ballot and document uses: collectives first, in the order they were
// added, then individuals by given name under Vietnamese collation
// (model.SortedNominees). It sorts once per load.
func canonicalOrder(rec *model.Record) {
	idx := model.SortedNominees(rec.Plan.Nominees)
	if slices.IsSorted(idx) {
		return
	}
	nominees := make([]model.NomineeRecord, len(idx))
	plain := make([]model.Nominee, len(idx))
	for i, j := range idx {
		nominees[i], plain[i] = rec.Nominees[j], rec.Plan.Nominees[j]
	}
	rec.Nominees, rec.Plan.Nominees = nominees, plain
}

func loadMembers(ctx context.Context, q querier) ([]model.MemberRecord, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, name, position, role, votes, attendance, absent_reason, teller, teller_head
		FROM members ORDER BY pos`)
	if err != nil {
		return nil, fmt.Errorf("read members: %w", err)
	}
	defer rows.Close()
	var out []model.MemberRecord
	for rows.Next() {
		var (
			m                model.MemberRecord
			role, attendance string
		)
		if err := rows.Scan(&m.ID, &m.Name, &m.Position, &role, &m.Votes, &attendance, &m.AbsentReason, &m.Teller, &m.TellerHead); err != nil {
			return nil, fmt.Errorf("read members: %w", err)
		}
		if m.Role, err = parseRole(role); err != nil {
			return nil, err
		}
		if m.Attendance, err = parseAttendance(attendance); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read members: %w", err)
	}
	return out, nil
}

// loadNominees reads the nominees, or only the one with id only when it is
// not zero, with their candidacies, checks and marks: four queries whatever
// their number.
func loadNominees(ctx context.Context, q querier, plan *model.Plan, only int64) ([]model.NomineeRecord, error) {
	where := func(keyword, column string) string { return "" }
	var args []any
	if only != 0 {
		where = func(keyword, column string) string { return " " + keyword + " " + column + " = ?" }
		args = []any{only}
	}
	var (
		out        []model.NomineeRecord
		index      = map[int64]int{}
		checkArena arena[model.CheckMark]
		markArena  arena[model.CriterionMark]
	)
	if only == 0 {
		checkArena.size, markArena.size = 4096, 4096
	}
	err := scanRows(ctx, q, "read nominees",
		`SELECT id, kind, name, unit, position, summary, facts, note FROM nominees`+where("WHERE", "id")+` ORDER BY pos`, args,
		func(rows *sql.Rows) error {
			var (
				n           model.NomineeRecord
				kind, facts string
			)
			if err := rows.Scan(&n.ID, &kind, &n.Name, &n.Unit, &n.Position, &n.Summary, &facts, &n.Note); err != nil {
				return err
			}
			var err error
			if n.Kind, err = parseKind(kind); err != nil {
				return err
			}
			if facts != "null" {
				if err := json.Unmarshal([]byte(facts), &n.Facts); err != nil {
					return fmt.Errorf("nominee %d facts: %w", n.ID, err)
				}
			}
			if len(plan.Eligibility) > 0 {
				n.Checks = checkArena.take(len(plan.Eligibility))
				for i, c := range plan.Eligibility {
					n.Checks[i] = model.CheckMark{Code: c.Code, Applies: slices.Contains(n.Facts, c.Code)}
				}
			}
			index[n.ID] = len(out)
			out = append(out, n)
			return nil
		})
	if err != nil {
		return nil, err
	}

	err = scanRows(ctx, q, "read candidacies",
		`SELECT nominee_id, award FROM candidacies`+where("WHERE", "nominee_id")+` ORDER BY nominee_id, pos`, args,
		func(rows *sql.Rows) error {
			var (
				id    int64
				award string
			)
			if err := rows.Scan(&id, &award); err != nil {
				return err
			}
			i, ok := index[id]
			if !ok {
				return fmt.Errorf("candidacy of unknown nominee %d", id)
			}
			n := &out[i]
			n.Awards = append(n.Awards, award)
			c := model.Candidacy{Award: award}
			if k := len(plan.CriteriaFor(n.Kind, award)); k > 0 {
				c.Marks = markArena.take(k)
			}
			n.Candidacies = append(n.Candidacies, c)
			return nil
		})
	if err != nil {
		return nil, err
	}

	checkIndex := make(map[string]int, len(plan.Eligibility))
	for i, c := range plan.Eligibility {
		checkIndex[c.Code] = i
	}
	err = scanRows(ctx, q, "read checks",
		`SELECT nominee_id, code, applies FROM checks`+where("WHERE", "nominee_id"), args,
		func(rows *sql.Rows) error {
			var (
				id      int64
				code    string
				applies bool
			)
			if err := rows.Scan(&id, &code, &applies); err != nil {
				return err
			}
			i, ok := index[id]
			ci, known := checkIndex[code]
			if !ok || !known {
				return nil // a check the plan no longer has
			}
			out[i].Checks[ci] = model.CheckMark{Code: code, Confirmed: true, Applies: applies}
			return nil
		})
	if err != nil {
		return nil, err
	}

	err = scanRows(ctx, q, "read marks",
		`SELECT nominee_id, award, idx, mark, note FROM marks`+where("WHERE", "nominee_id"), args,
		func(rows *sql.Rows) error {
			var (
				id          int64
				award, mark string
				idx         int
				m           model.CriterionMark
			)
			if err := rows.Scan(&id, &award, &idx, &mark, &m.Note); err != nil {
				return err
			}
			var err error
			if m.Mark, err = parseMark(mark); err != nil {
				return err
			}
			i, ok := index[id]
			if !ok {
				return fmt.Errorf("mark of unknown nominee %d", id)
			}
			for ci := range out[i].Candidacies {
				c := &out[i].Candidacies[ci]
				if c.Award == award && idx < len(c.Marks) {
					c.Marks[idx] = m
				}
			}
			return nil
		})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// arena hands out small zeroed slices cut from large blocks, so that the
// checks and marks of thousands of nominees take a few allocations, not
// thousands. Each slice is capped so that appending to it cannot spill into
// its neighbour.
type arena[T any] struct {
	block []T
	size  int // the size of a new block; smaller requests share it
}

func (a *arena[T]) take(n int) []T {
	if n > len(a.block) {
		a.block = make([]T, max(n, a.size))
	}
	s := a.block[:n:n]
	a.block = a.block[n:]
	return s
}

// loadRounds reads the rounds in seq order, or, when nominee is not zero,
// only the rounds whose ballot lists that nominee. Ballots are read for
// closed rounds only, and only when withBallots is set.
func loadRounds(ctx context.Context, q querier, nominee int64, withBallots bool) ([]model.Round, error) {
	// where restricts a query to the rounds listing the nominee, if asked.
	where := func(keyword, column string) string { return "" }
	var args []any
	if nominee != 0 {
		where = func(keyword, column string) string {
			return " " + keyword + " " + column + " IN (SELECT round_id FROM round_nominees WHERE nominee_id = ?)"
		}
		args = []any{nominee}
	}
	var out []model.Round
	index := map[int64]int{}
	err := scanRows(ctx, q, "read rounds",
		`SELECT id, seq, award, mode, status, opened_at, closed_at, eligible, all_members, issued, returned, valid, invalid,
			coalesce(parent, 0)
		FROM rounds`+where("WHERE", "id")+` ORDER BY seq`, args,
		func(rows *sql.Rows) error {
			var (
				r              model.Round
				mode, status   string
				opened, closed sql.NullString
			)
			if err := rows.Scan(&r.ID, &r.Seq, &r.Award, &mode, &status, &opened, &closed,
				&r.Eligible, &r.AllMembers, &r.Issued, &r.Returned, &r.Valid, &r.Invalid, &r.Parent); err != nil {
				return err
			}
			var err error
			if r.Mode, err = parseRoundMode(mode); err != nil {
				return err
			}
			if r.Status, err = parseRoundStatus(status); err != nil {
				return err
			}
			if r.OpenedAt, err = parseTime(opened); err != nil {
				return err
			}
			if r.ClosedAt, err = parseTime(closed); err != nil {
				return err
			}
			index[r.ID] = len(out)
			out = append(out, r)
			return nil
		})
	if err != nil || len(out) == 0 {
		return out, err
	}

	round := func(id int64) (*model.Round, error) {
		i, ok := index[id]
		if !ok {
			return nil, fmt.Errorf("row of unknown round %d", id)
		}
		return &out[i], nil
	}
	err = scanRows(ctx, q, "read round nominees",
		`SELECT round_id, nominee_id FROM round_nominees`+where("WHERE", "round_id")+` ORDER BY round_id, pos`, args,
		func(rows *sql.Rows) error {
			var rid, nid int64
			if err := rows.Scan(&rid, &nid); err != nil {
				return err
			}
			r, err := round(rid)
			if err != nil {
				return err
			}
			r.Nominees = append(r.Nominees, nid)
			return nil
		})
	if err != nil {
		return nil, err
	}
	err = scanRows(ctx, q, "read participation",
		`SELECT round_id, member_id FROM participation`+where("WHERE", "round_id")+` ORDER BY round_id, member_id`, args,
		func(rows *sql.Rows) error {
			var rid, mid int64
			if err := rows.Scan(&rid, &mid); err != nil {
				return err
			}
			r, err := round(rid)
			if err != nil {
				return err
			}
			r.Voters = append(r.Voters, mid)
			return nil
		})
	if err != nil {
		return nil, err
	}
	err = scanRows(ctx, q, "read results",
		`SELECT r.round_id, r.nominee_id, r.agree, r.disagree, r.base, r.pass
		FROM results r JOIN round_nominees n ON n.round_id = r.round_id AND n.nominee_id = r.nominee_id`+
			where("WHERE", "r.round_id")+` ORDER BY r.round_id, n.pos`, args,
		func(rows *sql.Rows) error {
			var (
				rid int64
				l   model.ResultLine
			)
			if err := rows.Scan(&rid, &l.NomineeID, &l.Agree, &l.Disagree, &l.Base, &l.Pass); err != nil {
				return err
			}
			r, err := round(rid)
			if err != nil {
				return err
			}
			r.Results = append(r.Results, l)
			return nil
		})
	if err != nil {
		return nil, err
	}
	if !withBallots {
		return out, nil
	}
	err = loadBallots(ctx, q, `r.status = 'closed'`+where("AND", "b.round_id"), args,
		func(rid int64, b model.Ballot) error {
			r, err := round(rid)
			if err != nil {
				return err
			}
			r.Ballots = append(r.Ballots, b)
			return nil
		})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// loadBallots reads the ballots of the rounds r that match cond, sorted by
// round and ballot id, and calls fn for each. Each ballot's choices come back
// as one text of comma-separated nominee ids, negated for "không đồng ý":
// one row per ballot instead of one per choice is five times faster.
func loadBallots(ctx context.Context, q querier, cond string, args []any, fn func(roundID int64, b model.Ballot) error) error {
	return scanRows(ctx, q, "read ballots",
		`SELECT b.round_id, b.id,
			(SELECT group_concat(iif(c.agree, c.nominee_id, -c.nominee_id)) FROM ballot_choices c WHERE c.ballot_id = b.id)
		FROM rounds r JOIN ballots b ON b.round_id = r.id
		WHERE `+cond+`
		ORDER BY b.round_id, b.id`, args,
		func(rows *sql.Rows) error {
			var (
				rid     int64
				id      []byte
				choices sql.RawBytes
			)
			if err := rows.Scan(&rid, &id, &choices); err != nil {
				return err
			}
			b := model.Ballot{ID: hex.EncodeToString(id), Choices: make(map[int64]bool, bytes.Count(choices, []byte(","))+1)}
			for len(choices) > 0 {
				field := choices
				if k := bytes.IndexByte(choices, ','); k >= 0 {
					field, choices = choices[:k], choices[k+1:]
				} else {
					choices = nil
				}
				n, err := strconv.ParseInt(string(field), 10, 64)
				if err != nil || n == 0 {
					return fmt.Errorf("ballot %x: bad choice %q", id, field)
				}
				if n < 0 {
					b.Choices[-n] = false
				} else {
					b.Choices[n] = true
				}
			}
			return fn(rid, b)
		})
}

// scanRows runs query and calls fn for each row; what names the read in
// errors.
func scanRows(ctx context.Context, q querier, what, query string, args []any, fn func(*sql.Rows) error) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}
