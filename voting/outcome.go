package voting

import (
	"fmt"
	"slices"

	"hoidong/model"
)

// One verdict: every screen and every document asks the functions below
// where a nominee stands after a closed round, and none judges a result
// line itself. Whether the vote reached the award's threshold is one fact
// (LineOutcome.Threshold); the final standing is another (Outcome), which
// for an award with a quota also depends on the places, on a tie at the
// quota line and on how that tie was settled — by a re-vote, which may tie
// again, or by the chair.

// Outcome is a nominee's final standing in one closed round.
type Outcome int

// Outcomes of a result line. OutcomeNone is the zero value: the nominee
// has no result line in a closed round.
const (
	OutcomeNone           Outcome = iota
	OutcomeFailed                 // the vote did not reach the threshold
	OutcomePassed                 // reached the threshold, within the award's places (or no quota)
	OutcomeOverQuota              // reached the threshold, beyond the award's places
	OutcomeTiedRevote             // tied at the quota line; the tie waits for a re-vote, or is in one
	OutcomeTiedChair              // tied at the quota line; the tie waits for the chair's decision
	OutcomeChairChosen            // tied at the quota line; the chair gave it a place
	OutcomeChairNotChosen         // tied at the quota line; the chair did not give it a place
	OutcomeRevoteWon              // tied at the quota line; the re-votes gave it a place
	OutcomeRevoteLost             // tied at the quota line; the re-votes did not give it a place
)

// String returns the stable English spelling used in JSON and CSV.
func (o Outcome) String() string {
	switch o {
	case OutcomeFailed:
		return "failed"
	case OutcomePassed:
		return "passed"
	case OutcomeOverQuota:
		return "over-quota"
	case OutcomeTiedRevote:
		return "tied-revote"
	case OutcomeTiedChair:
		return "tied-chair"
	case OutcomeChairChosen:
		return "chair-chosen"
	case OutcomeChairNotChosen:
		return "chair-not-chosen"
	case OutcomeRevoteWon:
		return "revote-won"
	case OutcomeRevoteLost:
		return "revote-lost"
	}
	return "none"
}

// Label returns the Vietnamese words for the outcome, short enough for a
// table cell: the standing first ("Đạt", "Không đạt", "Ngoài chỉ tiêu"),
// then how a tie made it so.
func (o Outcome) Label() string {
	switch o {
	case OutcomeFailed:
		return "Không đạt"
	case OutcomePassed:
		return "Đạt"
	case OutcomeOverQuota:
		return "Ngoài chỉ tiêu"
	case OutcomeTiedRevote:
		return "Bằng phiếu, chờ bỏ phiếu lại"
	case OutcomeTiedChair:
		return "Bằng phiếu, chờ chủ tọa quyết định"
	case OutcomeChairChosen:
		return "Đạt (chủ tọa chọn)"
	case OutcomeChairNotChosen:
		return "Ngoài chỉ tiêu (chủ tọa không chọn)"
	case OutcomeRevoteWon:
		return "Đạt sau bỏ phiếu lại"
	case OutcomeRevoteLost:
		return "Không đạt sau bỏ phiếu lại"
	}
	return "—"
}

// Recommended reports whether the outcome puts the nominee on the list
// recommended for the award.
func (o Outcome) Recommended() bool {
	return o == OutcomePassed || o == OutcomeChairChosen || o == OutcomeRevoteWon
}

// Pending reports whether the outcome waits for a tie to be settled.
func (o Outcome) Pending() bool {
	return o == OutcomeTiedRevote || o == OutcomeTiedChair
}

// status is the candidacy status an outcome in its deciding round gives.
func (o Outcome) status() Status {
	switch o {
	case OutcomePassed, OutcomeChairChosen, OutcomeRevoteWon:
		return StatusPassed
	case OutcomeOverQuota, OutcomeChairNotChosen, OutcomeRevoteLost:
		return StatusOverQuota
	case OutcomeTiedRevote:
		return StatusTieRevote
	case OutcomeTiedChair:
		return StatusTieChair
	}
	return StatusFailed
}

// LineOutcome is one result line of a closed round with its verdict.
type LineOutcome struct {
	Line      model.ResultLine
	Threshold bool    // the vote reached the award's threshold (the line's Pass)
	Outcome   Outcome // the final standing in this round
	Revote    int64   // the re-vote round settling its tie, once opened; 0 for none
	// For a nominee beyond the quota (OutcomeOverQuota): the places open
	// to the round, and how many nominees reaching the threshold had more
	// agree votes.
	Places, Ahead int
}

// Explain writes out the arithmetic behind the line and its verdict:
// "7/9 = 77,78% ≥ 70% (7 × 100 = 700 ≥ 70 × 9 = 630) → Đạt" when the
// threshold decides alone, and "… → Đạt tỷ lệ; kết quả: Ngoài chỉ tiêu"
// when the quota or a tie decides further.
func (lo LineOutcome) Explain(r model.Rule) string {
	s := Arithmetic(lo.Line, r)
	switch lo.Outcome {
	case OutcomePassed, OutcomeFailed:
		return s + " → " + lo.Outcome.Label()
	case OutcomeNone:
		return s
	case OutcomeOverQuota:
		why := fmt.Sprintf("%d đối tượng nhiều phiếu đồng ý hơn, vòng có %d suất", lo.Ahead, lo.Places)
		if lo.Places == 0 {
			why = "vòng không còn suất nào"
		}
		return s + " → Đạt tỷ lệ; kết quả: " + lo.Outcome.Label() + " (" + why + ")"
	}
	return s + " → Đạt tỷ lệ; kết quả: " + lo.Outcome.Label()
}

// overQuota fills in, for a line of round i beyond the quota, the places
// open to the round and the passing nominees with more agree votes.
func (ix *Index) overQuota(i int, lo *LineOutcome) {
	if lo.Outcome != OutcomeOverQuota {
		return
	}
	lo.Places = ix.standingAt(i).Places
	for _, l := range ix.rec.Rounds[i].Results {
		if l.Pass && l.Agree > lo.Line.Agree {
			lo.Ahead++
		}
	}
}

// Arithmetic writes the comparison of one result line with the rule's
// threshold, without a verdict: "7/9 = 77,78% ≥ 70% (7 × 100 = 700 ≥ 70 ×
// 9 = 630)".
func Arithmetic(line model.ResultLine, r model.Rule) string {
	t := r.Threshold
	if line.Base <= 0 || t.Den <= 0 {
		return fmt.Sprintf("%d/%d = — (không có cơ sở để tính tỷ lệ)", line.Agree, line.Base)
	}
	pass := Passes(line.Agree, line.Base, r)
	var op string
	switch {
	case r.Comparison == model.MoreThan && pass:
		op = ">"
	case r.Comparison == model.MoreThan:
		op = "≤"
	case pass:
		op = "≥"
	default:
		op = "<"
	}
	lhs := int64(line.Agree) * t.Den
	rhs := t.Num * int64(line.Base)
	return fmt.Sprintf("%d/%d = %s %s %s (%d × %d = %d %s %d × %d = %d)",
		line.Agree, line.Base, FormatShare(line.Agree, line.Base), op, FormatFraction(t),
		line.Agree, t.Den, lhs, op, t.Num, line.Base, rhs)
}

// Outcomes returns every result line of a closed round of the record with
// its outcome, in the record's nominee order (the order of rec.Nominees,
// which the store gives in the canonical order) whatever the ballot order
// of the round; nominees the record does not list come last, in ballot
// order. An open round has none.
func (ix *Index) Outcomes(r model.Round) []LineOutcome {
	i, ok := ix.roundNo[r.ID]
	if ok {
		r = ix.rec.Rounds[i]
	}
	if r.Status != model.RoundClosed {
		return nil
	}
	out := make([]LineOutcome, len(r.Results))
	for k, l := range r.Results {
		out[k].Line = l
		out[k].Threshold = l.Pass
		if ok {
			out[k].Outcome, out[k].Revote = ix.outcomeIn(i, l.NomineeID, l.Pass)
			ix.overQuota(i, &out[k])
		} else if l.Pass {
			out[k].Outcome = OutcomePassed
		} else {
			out[k].Outcome = OutcomeFailed
		}
	}
	slices.SortStableFunc(out, func(a, b LineOutcome) int {
		return ix.position(a.Line.NomineeID) - ix.position(b.Line.NomineeID)
	})
	return out
}

// Outcome returns nominee's result line in a closed round of the record
// with its outcome; the outcome is OutcomeNone when the round has no line
// for the nominee or is not closed.
func (ix *Index) Outcome(r model.Round, nominee int64) LineOutcome {
	i, ok := ix.roundNo[r.ID]
	if ok {
		r = ix.rec.Rounds[i]
	}
	if r.Status != model.RoundClosed {
		return LineOutcome{Line: model.ResultLine{NomineeID: nominee}}
	}
	var (
		l     model.ResultLine
		found bool
	)
	if ok {
		l, found = ix.lineIn(i, nominee)
	} else {
		l, found = lineOf(&r, nominee)
	}
	if !found {
		return LineOutcome{Line: model.ResultLine{NomineeID: nominee}}
	}
	lo := LineOutcome{Line: l, Threshold: l.Pass, Outcome: OutcomeFailed}
	switch {
	case ok:
		lo.Outcome, lo.Revote = ix.outcomeIn(i, nominee, l.Pass)
		ix.overQuota(i, &lo)
	case l.Pass:
		lo.Outcome = OutcomePassed
	}
	return lo
}

// Final returns the final standing of nominee id's candidacy for award:
// its outcome in the first closed round it was put to, a tie there
// followed through its re-votes ("revote-won"), with that round. It
// reports false when no closed round lists the candidacy. The outcome is
// Recommended exactly when the candidacy is on the recommended list (a
// record that puts a decided candidacy to a new round aside).
func (ix *Index) Final(id int64, award string) (model.Round, LineOutcome, bool) {
	a := ix.awardNo(award, false)
	if a < 0 {
		return model.Round{}, LineOutcome{}, false
	}
	m, ok := ix.rounds[candKey{id, a}]
	if !ok || m.first < 0 {
		return model.Round{}, LineOutcome{}, false
	}
	r := ix.rec.Rounds[m.first]
	if m.line < 0 {
		return r, LineOutcome{Line: model.ResultLine{NomineeID: id}}, true
	}
	l := r.Results[m.line]
	lo := LineOutcome{Line: l, Threshold: l.Pass}
	lo.Outcome, lo.Revote = ix.outcomeIn(m.first, id, l.Pass)
	ix.overQuota(m.first, &lo)
	return r, lo, true
}

// PlacesAtStake returns the places a re-vote round of the record shares
// out among the nominees tied in the round it re-votes ("còn 1 suất"), and
// false for a round that is not a re-vote or whose parent has no standing.
func (ix *Index) PlacesAtStake(r model.Round) (int, bool) {
	if r.Parent == 0 || ix.quota == nil {
		return 0, false
	}
	i, ok := ix.roundNo[r.ID]
	if !ok {
		return 0, false
	}
	p, ok := ix.quota.parent(ix.rec, i)
	if !ok {
		return 0, false
	}
	s, ok := ix.quota.standings[p]
	if !ok || !s.Tie() {
		return 0, false
	}
	return s.Remaining, true
}

// outcomeIn decides nominee id's outcome in closed round i of the record,
// given whether its vote there reached the threshold, and the re-vote
// round settling its tie, if any. It is the one place a verdict is made;
// Index.Status follows it for the candidacy's deciding round.
func (ix *Index) outcomeIn(i int, id int64, threshold bool) (Outcome, int64) {
	if !threshold {
		return OutcomeFailed, 0
	}
	if ix.quota == nil || !ix.limited(ix.rec.Rounds[i].Award) {
		return OutcomePassed, 0
	}
	// Computed while the index is built (a share quota counts the winners
	// of another award); every closed round has its standing afterwards.
	s := ix.standingAt(i)
	o := s.outcomeOf(id)
	switch o {
	case OutcomeTiedRevote, OutcomeRevoteWon, OutcomeRevoteLost:
		return o, s.Revote
	}
	return o, 0
}

// settleRevotes gives each nominee tied at the quota line of a round whose
// re-vote has closed the outcome the re-votes gave it: won when it is
// recommended in the re-vote (or, tied again there, in the re-vote of
// that), lost otherwise, and still tied while a later re-vote is pending.
// It runs once the standings are computed, while the index is built.
func (ix *Index) settleRevotes() {
	done := make(map[int]bool, len(ix.quota.standings))
	for i := range ix.rec.Rounds {
		ix.settleRevote(i, done)
	}
}

// settleRevote settles the tie of round i, after its re-vote's own tie.
func (ix *Index) settleRevote(i int, done map[int]bool) {
	if done[i] {
		return
	}
	done[i] = true
	q := ix.quota
	s, ok := q.standings[i]
	if !ok || !s.Tie() || s.Break != model.TieRevote || !s.Settled {
		return
	}
	j, ok := q.byID[s.Revote]
	if !ok {
		return
	}
	ix.settleRevote(j, done) // a re-vote always comes later, so this ends
	for _, id := range s.Tied {
		o := OutcomeRevoteLost
		if l, ok := lineOf(&ix.rec.Rounds[j], id); ok {
			switch got, _ := ix.outcomeIn(j, id, l.Pass); {
			case got.Recommended():
				o = OutcomeRevoteWon
			case got.Pending():
				o = OutcomeTiedRevote
			}
		}
		s.outcome[id] = o
	}
}

// lineIn returns nominee id's result line in round i of the record,
// found through the index when the round is the latest closed round
// listing it for its award.
func (ix *Index) lineIn(i int, id int64) (model.ResultLine, bool) {
	r := &ix.rec.Rounds[i]
	if a, ok := ix.awards[r.Award]; ok {
		if m, ok := ix.rounds[candKey{id, a}]; ok && m.latest == i && m.lastAt >= 0 {
			return r.Results[m.lastAt], true
		}
	}
	return lineOf(r, id)
}

// lineOf returns nominee id's result line in round r.
func lineOf(r *model.Round, id int64) (model.ResultLine, bool) {
	for _, l := range r.Results {
		if l.NomineeID == id {
			return l, true
		}
	}
	return model.ResultLine{}, false
}

// position returns where nominee id comes in the record's order; ids the
// record does not list come after all of them.
func (ix *Index) position(id int64) int {
	if p, ok := ix.nominees[id]; ok {
		return p
	}
	return len(ix.rec.Nominees)
}
