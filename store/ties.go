package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"hoidong/model"
	"hoidong/voting"
)

// OpenRevote opens a re-vote among exactly the nominees tied at the quota
// line of a closed round (see voting.Standing), linked to it as its parent,
// in the same mode (electronic or paper) and with OpenRound's checks on the
// meeting, the quorum and other open rounds. It is refused when the round
// has no tie, when the award's plan says the chair settles ties, and when
// the tie already has its re-vote.
func (s *Store) OpenRevote(ctx context.Context, parentRoundID int64) (int64, error) {
	return s.openRound(ctx, roundSpec{parent: parentRoundID})
}

// revoteSpec returns the round that re-votes the tie of round parentID.
func revoteSpec(rec *model.Record, parentID int64) (roundSpec, error) {
	parent, award, st, err := tiedRound(rec, parentID)
	if err != nil {
		return roundSpec{}, err
	}
	name := awardName(&rec.Plan, award.Code)
	switch {
	case st.Break == model.TieChair:
		return roundSpec{}, model.Errorf(model.EConflict,
			"Theo kế hoạch, khi bằng phiếu ở ranh giới chỉ tiêu %s thì chủ tọa quyết định; không bỏ phiếu lại.", name)
	case st.Revote != 0:
		seq := 0
		for _, r := range rec.Rounds {
			if r.ID == st.Revote {
				seq = r.Seq
			}
		}
		return roundSpec{}, model.Errorf(model.EConflict, "Vòng %d đã được bỏ phiếu lại ở vòng %d.", parent.Seq, seq)
	}
	mode := modeElectronic
	if parent.Mode == model.RoundPaper {
		mode = modePaper
	}
	return roundSpec{award: award.Code, nominees: slices.Clone(st.Tied), mode: mode, parent: parent.ID}, nil
}

// tiedRound finds a closed round of an award with a quota whose standing has
// a tie at the line, or says why not.
func tiedRound(rec *model.Record, roundID int64) (model.Round, model.Award, voting.RoundStanding, error) {
	var (
		r     model.Round
		found bool
	)
	for _, x := range rec.Rounds {
		if x.ID == roundID {
			r, found = x, true
		}
	}
	if !found {
		return r, model.Award{}, voting.RoundStanding{}, model.Errorf(model.ENotFound, "Không có vòng bỏ phiếu mã %d.", roundID)
	}
	if r.Status != model.RoundClosed {
		return r, model.Award{}, voting.RoundStanding{}, model.Errorf(model.EConflict,
			"Vòng bỏ phiếu %d chưa kết thúc; chưa biết ai bằng phiếu ở ranh giới chỉ tiêu.", r.Seq)
	}
	a, ok := rec.Plan.Award(r.Award)
	name := awardName(&rec.Plan, r.Award)
	if !ok || a.Quota == nil {
		return r, a, voting.RoundStanding{}, model.Errorf(model.EConflict, "%s không có chỉ tiêu; không có bằng phiếu ở ranh giới chỉ tiêu.", name)
	}
	st := voting.Standing(rec, r)
	if !st.Tie() {
		return r, a, st, model.Errorf(model.EConflict,
			"Vòng bỏ phiếu %d (%s) không có đối tượng bằng phiếu ở ranh giới chỉ tiêu.", r.Seq, name)
	}
	return r, a, st, nil
}

// DecideTie records the chair's decision on the tie at the quota line of a
// closed round: chosen are the tied nominees the chair gives the places
// left, exactly as many as there are places. The decision carries the name
// of the person presiding over the meeting (model.Record.Presiding: the one
// recorded by SetPresiding, else the chair if present, else the first
// vice-chair present) and the note, and is final. It is refused unless the award's plan says the chair settles
// ties, the round has an undecided tie, and chosen lists distinct tied
// nominees, as many as the places left.
func (s *Store) DecideTie(ctx context.Context, roundID int64, chosen []int64, note string) error {
	note = strings.TrimSpace(note)
	return s.write(ctx, func(tx *sql.Tx) error {
		rec, err := s.loadRecord(ctx, tx, false)
		if err != nil {
			return err
		}
		if rec.Meeting.Status != model.MeetingOpen {
			return meetingClosed()
		}
		r, award, st, err := tiedRound(&rec, roundID)
		if err != nil {
			return err
		}
		name := awardName(&rec.Plan, award.Code)
		switch {
		case st.Break != model.TieChair:
			return model.Errorf(model.EConflict,
				"Theo kế hoạch, khi bằng phiếu ở ranh giới chỉ tiêu %s thì bỏ phiếu lại giữa các đối tượng bằng phiếu, không do chủ tọa quyết định.", name)
		case st.Decided:
			return model.Errorf(model.EConflict, "Chủ tọa đã quyết định việc bằng phiếu ở vòng %d.", r.Seq)
		}
		nameOf := func(id int64) string {
			if n, ok := rec.NomineeByID(id); ok {
				return n.Name
			}
			return fmt.Sprintf("đối tượng mã %d", id)
		}
		seen := map[int64]bool{}
		for _, id := range chosen {
			if seen[id] {
				return model.Errorf(model.EInvalid, "%s được chọn hai lần.", nameOf(id))
			}
			seen[id] = true
			if !slices.Contains(st.Tied, id) {
				return model.Errorf(model.EInvalid, "%s không nằm trong số đối tượng bằng phiếu ở ranh giới chỉ tiêu của vòng %d.",
					nameOf(id), r.Seq)
			}
		}
		if len(chosen) != st.Remaining {
			return model.Errorf(model.EInvalid,
				"Còn %d suất cho %d đối tượng bằng phiếu ở vòng %d; chủ tọa phải chọn đúng %d đối tượng (đang chọn %d).",
				st.Remaining, len(st.Tied), r.Seq, st.Remaining, len(chosen))
		}
		presiding, ok := rec.Presiding()
		if !ok {
			return model.Errorf(model.EConflict,
				"Chưa xác định người chủ trì phiên họp (Chủ tịch và các Phó Chủ tịch Hội đồng chưa có mặt); hãy chọn người chủ trì trước khi quyết định.")
		}
		chair := presiding.Name
		if _, err := tx.ExecContext(ctx, `INSERT INTO chair_decisions (round_id, award, chair, at, note) VALUES (?, ?, ?, ?, ?)`,
			roundID, award.Code, chair, timeText(s.now()), note); err != nil {
			return fmt.Errorf("record chair decision on round %d: %w", roundID, err)
		}
		rows := make([][]any, len(st.Tied))
		for i, id := range st.Tied {
			rows[i] = []any{roundID, id, seen[id]}
		}
		if err := insertRows(ctx, tx, "decision_nominees (round_id, nominee_id, chosen)", rows); err != nil {
			return err
		}
		return s.record(ctx, tx, "tie.decide",
			fmt.Sprintf("round %d: the chair chose %d of %d tied nominees", r.Seq, len(chosen), len(st.Tied)),
			row("chair_decisions", roundID), row("decision_nominees", roundID))
	})
}

// loadDecisions reads the chair's decisions in round order, each with its
// tied and chosen nominees in ballot order.
func loadDecisions(ctx context.Context, q querier) ([]model.ChairDecision, error) {
	var out []model.ChairDecision
	at := map[int64]int{}
	err := scanRows(ctx, q, "read chair decisions",
		`SELECT round_id, award, chair, at, note FROM chair_decisions ORDER BY round_id`, nil,
		func(rows *sql.Rows) error {
			var (
				d    model.ChairDecision
				when sql.NullString
			)
			if err := rows.Scan(&d.Round, &d.Award, &d.Chair, &when, &d.Note); err != nil {
				return err
			}
			var err error
			if d.At, err = parseTime(when); err != nil {
				return err
			}
			at[d.Round] = len(out)
			out = append(out, d)
			return nil
		})
	if err != nil || len(out) == 0 {
		return out, err
	}
	err = scanRows(ctx, q, "read chair decisions",
		`SELECT d.round_id, d.nominee_id, d.chosen FROM decision_nominees d
		JOIN round_nominees r ON r.round_id = d.round_id AND r.nominee_id = d.nominee_id
		ORDER BY d.round_id, r.pos`, nil,
		func(rows *sql.Rows) error {
			var (
				rid, nid int64
				chosen   bool
			)
			if err := rows.Scan(&rid, &nid, &chosen); err != nil {
				return err
			}
			i, ok := at[rid]
			if !ok {
				return fmt.Errorf("decision line of unknown round %d", rid)
			}
			out[i].Tied = append(out[i].Tied, nid)
			if chosen {
				out[i].Chosen = append(out[i].Chosen, nid)
			}
			return nil
		})
	return out, err
}
