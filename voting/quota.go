package voting

import (
	"fmt"
	"slices"

	"hoidong/model"
)

// Quotas and ties at the quota line.
//
// An award with a quota has a limited number of places. After a round for it
// closes, its passing nominees are ranked by agree votes (nothing else) and
// take the places open to the round in that order. Nominees with exactly as
// many agree votes as the last place, when they do not all fit, are tied at
// the line: the places left go to them by a re-vote among exactly those
// nominees (a round whose Parent is the tied round), or by the chair's
// recorded decision, as the award's TieBreak says.
//
// The places open to a round:
//   - a first round (Parent 0): the quota less the places won, or held for a
//     pending tie, by the award's earlier first rounds and their re-votes —
//     results announced earlier stand;
//   - a re-vote: the places its parent's tie left (RoundStanding.Remaining).
//
// Every round is judged against the award's threshold, a re-vote too: a
// nominee who no longer reaches it in the re-vote is not recommended, and a
// place nobody reaches stays empty. A re-vote can tie again, which leads to
// another re-vote.

// RoundStanding is where the passing nominees of one closed round stand
// against their award's quota, and what their tie at the quota line still
// needs.
type RoundStanding struct {
	Round     int64               // the round's id
	Award     string              // the award's code
	Closed    bool                // the round has closed; an open round has no standing yet
	Limited   bool                // the award has a quota
	Places    int                 // places open to this round (limited awards only)
	Within    []int64             // passing nominees within the places, most agree votes first
	Tied      []int64             // passing nominees tied at the quota line, in the record's nominee order
	Remaining int                 // places left for the tied nominees
	Out       []int64             // passing nominees beyond the places, most agree votes first
	Break     model.TieBreak      // how a tie at the line is settled (never 0)
	Revote    int64               // the re-vote round among the tied, once opened; 0 if none
	Decided   bool                // the chair has decided the tie
	Decision  model.ChairDecision // the chair's decision, when Decided
	Settled   bool                // the tie is settled: its re-vote has closed or the chair has decided

	outcome map[int64]Outcome // the outcome of each passing nominee in this round
}

// Tie reports whether nominees are tied at the quota line of the round.
func (s RoundStanding) Tie() bool { return len(s.Tied) > 0 }

// NeedsRevote reports whether the round's tie waits for a re-vote that has not been opened yet.
func (s RoundStanding) NeedsRevote() bool {
	return s.Tie() && s.Break != model.TieChair && s.Revote == 0
}

// NeedsChair reports whether the round's tie waits for the chair's decision.
func (s RoundStanding) NeedsChair() bool {
	return s.Tie() && s.Break == model.TieChair && !s.Decided
}

// outcomeOf returns a passing nominee's outcome in the round; a nominee
// the standing does not list did not pass.
func (s *RoundStanding) outcomeOf(id int64) Outcome {
	if o, ok := s.outcome[id]; ok {
		return o
	}
	return OutcomeFailed
}

// tieBreak returns the award's way of settling a tie, a re-vote by default.
func tieBreak(a model.Award) model.TieBreak {
	if a.TieBreak == model.TieChair {
		return model.TieChair
	}
	return model.TieRevote
}

// quotaIndex is what an Index knows about quotas: the standing of every
// closed round of an award with a quota, computed when the index is built.
type quotaIndex struct {
	byID      map[int64]int                 // round id -> index in rec.Rounds
	revotes   map[int64]int                 // round id -> index of its latest re-vote round
	decisions map[int64]model.ChairDecision // round id -> the chair's latest decision on its tie
	standings map[int]*RoundStanding        // index in rec.Rounds -> standing, awards with a quota
	places    map[string]int                // award code -> places (QuotaPlaces), memoised
	busy      map[string]bool               // award codes whose places are being computed
	inRound   map[int]bool                  // rounds whose standing is being computed
}

// newQuotaIndex builds the quota part of ix, or returns nil when no award of
// the plan has a quota. It runs while the index is built, before anyone
// else can read it.
func (ix *Index) newQuotaIndex() *quotaIndex {
	rec := ix.rec
	limited := false
	for _, a := range rec.Plan.Awards {
		limited = limited || a.Quota != nil
	}
	if !limited {
		return nil
	}
	q := &quotaIndex{
		byID:      make(map[int64]int, len(rec.Rounds)),
		revotes:   map[int64]int{},
		decisions: make(map[int64]model.ChairDecision, len(rec.Decisions)),
		standings: map[int]*RoundStanding{},
		places:    map[string]int{},
		busy:      map[string]bool{},
		inRound:   map[int]bool{},
	}
	for i := range rec.Rounds {
		q.byID[rec.Rounds[i].ID] = i
	}
	for i := range rec.Rounds {
		r := &rec.Rounds[i]
		if p, ok := q.parent(rec, i); ok {
			if j, seen := q.revotes[rec.Rounds[p].ID]; !seen || rec.Rounds[j].Seq < r.Seq {
				q.revotes[rec.Rounds[p].ID] = i
			}
		}
	}
	for _, d := range rec.Decisions {
		q.decisions[d.Round] = d
	}
	return q
}

// parent returns the index of round i's parent when it is a re-vote of an
// earlier round for the same award.
func (q *quotaIndex) parent(rec *model.Record, i int) (int, bool) {
	r := &rec.Rounds[i]
	if r.Parent == 0 {
		return 0, false
	}
	p, ok := q.byID[r.Parent]
	if !ok || rec.Rounds[p].Award != r.Award || rec.Rounds[p].Seq >= r.Seq {
		return 0, false
	}
	return p, true
}

// fillStandings computes the standing of every closed round of an award with a quota.
func (ix *Index) fillStandings() {
	for i := range ix.rec.Rounds {
		r := &ix.rec.Rounds[i]
		if r.Status == model.RoundClosed && ix.limited(r.Award) {
			ix.standingAt(i)
		}
	}
}

// limited reports whether the plan gives the award a quota.
func (ix *Index) limited(code string) bool {
	a := ix.awardNo(code, false)
	return a >= 0 && ix.info[a].known && ix.info[a].award.Quota != nil
}

// award returns the plan's award for code.
func (ix *Index) award(code string) model.Award {
	if a := ix.awardNo(code, false); a >= 0 && ix.info[a].known {
		return ix.info[a].award
	}
	return model.Award{Code: code}
}

// standingAt returns the standing of round i, computing it the first time.
func (ix *Index) standingAt(i int) *RoundStanding {
	q := ix.quota
	if s, ok := q.standings[i]; ok {
		return s
	}
	if q.inRound[i] {
		return &RoundStanding{} // a loop of parents in a damaged record
	}
	q.inRound[i] = true
	places := -1
	if ix.limited(ix.rec.Rounds[i].Award) {
		places = ix.placesFor(i)
	}
	s := rank(&ix.rec.Rounds[i], ix.award(ix.rec.Rounds[i].Award), places, ix.position)
	if s.Tie() {
		if j, ok := q.revotes[s.Round]; ok && s.Break == model.TieRevote {
			s.Revote = ix.rec.Rounds[j].ID
			s.Settled = ix.rec.Rounds[j].Status == model.RoundClosed
		}
		if d, ok := q.decisions[s.Round]; ok && s.Break == model.TieChair {
			s.Decided, s.Decision, s.Settled = true, d, true
			for _, id := range s.Tied {
				s.outcome[id] = OutcomeChairNotChosen
			}
			for _, id := range d.Chosen {
				if o, ok := s.outcome[id]; ok && o == OutcomeChairNotChosen {
					s.outcome[id] = OutcomeChairChosen
				}
			}
		}
	}
	q.standings[i] = &s
	delete(q.inRound, i)
	return &s
}

// placesFor returns the places open to round i of an award with a quota.
func (ix *Index) placesFor(i int) int {
	rec, q := ix.rec, ix.quota
	if p, ok := q.parent(rec, i); ok {
		return ix.standingAt(p).Remaining
	}
	if rec.Rounds[i].Parent != 0 {
		return 0 // a re-vote whose parent is missing: nothing to share out
	}
	r := &rec.Rounds[i]
	total, _ := ix.quotaPlaces(r.Award)
	taken := 0
	for j := range rec.Rounds {
		o := &rec.Rounds[j]
		if o.Award == r.Award && o.Parent == 0 && o.Seq < r.Seq && o.Status == model.RoundClosed {
			taken += ix.chainTaken(j)
		}
	}
	return max(0, total-taken)
}

// chainTaken counts the places that round i and its re-votes have filled or
// hold for a tie still to be settled.
func (ix *Index) chainTaken(i int) int {
	s := ix.standingAt(i)
	n := len(s.Within)
	if !s.Tie() {
		return n
	}
	switch {
	case s.Decided:
		for _, id := range s.Tied {
			if s.outcome[id].Recommended() {
				n++
			}
		}
	case s.Settled:
		n += ix.chainTaken(ix.quota.byID[s.Revote])
	default:
		n += s.Remaining
	}
	return n
}

// quotaPlaces returns the number of places of the plan's award code, and
// whether it has a quota.
func (ix *Index) quotaPlaces(code string) (int, bool) {
	a := ix.award(code)
	if a.Quota == nil {
		return 0, false
	}
	if ix.quota == nil {
		return ix.placesOf(a), true
	}
	if n, ok := ix.quota.places[code]; ok {
		return n, true
	}
	if ix.quota.busy[code] {
		return 0, true // a loop of shares, which the plan's validation refuses
	}
	ix.quota.busy[code] = true
	n := ix.placesOf(a)
	delete(ix.quota.busy, code)
	ix.quota.places[code] = n
	return n, true
}

// placesOf computes an award's places: its fixed number, or its share of
// the other award's winners rounded down.
func (ix *Index) placesOf(a model.Award) int {
	q := a.Quota
	if q.Count > 0 || q.ShareOf == "" || q.Share.Den <= 0 {
		return max(0, q.Count)
	}
	return int(int64(ix.winners(q.ShareOf)) * q.Share.Num / q.Share.Den)
}

// winners counts the nominees recommended for award code: passed within its
// quota, or approved without a ballot.
func (ix *Index) winners(code string) int {
	n := 0
	for i := range ix.rec.Nominees {
		nom := &ix.rec.Nominees[i]
		if Candidacy(nom, code) == nil {
			continue
		}
		if s := ix.Status(nom, code); s == StatusPassed || s == StatusApproved {
			n++
		}
	}
	return n
}

// rank orders a closed round's passing nominees against places (-1: no
// quota) and finds the tie at the line, if any. Nominees with as many agree
// votes, and the tied, are listed in the order pos gives (the record's
// nominee order).
func rank(r *model.Round, a model.Award, places int, pos func(int64) int) RoundStanding {
	s := RoundStanding{Round: r.ID, Award: r.Award, Closed: r.Status == model.RoundClosed,
		Limited: places >= 0, Places: max(places, 0), Break: tieBreak(a), outcome: map[int64]Outcome{}}
	if !s.Closed {
		return s
	}
	var passing []model.ResultLine
	for _, l := range r.Results {
		if l.Pass {
			passing = append(passing, l)
		}
	}
	// Most agree votes first; the record's order among equals, for a stable list.
	slices.SortStableFunc(passing, func(x, y model.ResultLine) int {
		if x.Agree != y.Agree {
			return y.Agree - x.Agree
		}
		return pos(x.NomineeID) - pos(y.NomineeID)
	})
	ids := func(ls []model.ResultLine) []int64 {
		out := make([]int64, len(ls))
		for i, l := range ls {
			out[i] = l.NomineeID
		}
		return out
	}
	k := len(passing)
	if s.Limited && places < k {
		k = places
	}
	switch {
	case k == len(passing):
		s.Within = ids(passing)
	case k == 0 || passing[k].Agree < passing[k-1].Agree:
		s.Within, s.Out = ids(passing[:k]), ids(passing[k:])
	default:
		line := passing[k-1].Agree
		above := 0
		for above < len(passing) && passing[above].Agree > line {
			above++
		}
		end := above
		for end < len(passing) && passing[end].Agree == line {
			end++
		}
		s.Within, s.Out = ids(passing[:above]), ids(passing[end:])
		tied := ids(passing[above:end])
		slices.SortStableFunc(tied, func(x, y int64) int { return pos(x) - pos(y) })
		s.Tied, s.Remaining = tied, k-above
	}
	for _, id := range s.Within {
		s.outcome[id] = OutcomePassed
	}
	for _, id := range s.Out {
		s.outcome[id] = OutcomeOverQuota
	}
	tie := OutcomeTiedRevote
	if s.Break == model.TieChair {
		tie = OutcomeTiedChair
	}
	for _, id := range s.Tied {
		s.outcome[id] = tie
	}
	return s
}

// Standing returns where the passing nominees of a round of the record stand
// against their award's quota; for an award without one, every passing
// nominee is within.
func (ix *Index) Standing(round model.Round) RoundStanding {
	if ix.quota != nil {
		if i, ok := ix.quota.byID[round.ID]; ok {
			if s, ok := ix.quota.standings[i]; ok {
				return *s
			}
		}
	}
	if i, ok := ix.roundNo[round.ID]; ok {
		round = ix.rec.Rounds[i]
	}
	return rank(&round, ix.award(round.Award), -1, ix.position)
}

// QuotaPlaces returns how many nominees may receive award code under its
// quota, and whether it has one.
func (ix *Index) QuotaPlaces(code string) (places int, limited bool) {
	if ix.quota != nil {
		if n, ok := ix.quota.places[code]; ok {
			return n, true
		}
	}
	a := ix.award(code)
	if a.Quota == nil {
		return 0, false
	}
	return ix.placesOf(a), true
}

// Standing returns, for a round of rec, which passing nominees are within
// the award's quota, which are tied at the line and which are out, and what
// the tie still needs; for many calls over one record, use an Index.
func Standing(rec *model.Record, round model.Round) RoundStanding {
	return newStatusIndex(rec).Standing(round)
}

// QuotaPlaces returns how many nominees may receive award under its quota —
// a fixed number, or a share of the other award's winners in rec rounded
// down — and whether it has a quota at all.
func QuotaPlaces(rec *model.Record, award model.Award) (places int, limited bool) {
	if award.Quota == nil {
		return 0, false
	}
	return newStatusIndex(rec).placesOf(award), true
}

// QuotaText describes an award's quota in Vietnamese for screens and
// minutes, with the arithmetic of a share ("15% số đạt Lao động tiên tiến:
// 20 × 15% = 3 suất (làm tròn xuống)"), or "" when it has none.
func QuotaText(rec *model.Record, award model.Award) string {
	q := award.Quota
	if q == nil {
		return ""
	}
	if q.Count > 0 || q.ShareOf == "" || q.Share.Den <= 0 {
		return fmt.Sprintf("Chỉ tiêu: %d suất", q.Count)
	}
	ix := newStatusIndex(rec)
	w := ix.winners(q.ShareOf)
	name := q.ShareOf
	if a, ok := rec.Plan.Award(q.ShareOf); ok && a.Name != "" {
		name = a.Name
	}
	return fmt.Sprintf("Chỉ tiêu: %s số đạt %s: %d × %s = %d suất (làm tròn xuống)",
		FormatFraction(q.Share), name, w, FormatFraction(q.Share), ix.placesOf(award))
}

// PlacesLeft returns how many places of award code's quota a new round
// can still fill — the quota less what its earlier rounds (and their
// re-votes or the chair) filled or hold for a tie — and whether the award
// has a quota at all.
func (ix *Index) PlacesLeft(code string) (int, bool) {
	total, limited := ix.QuotaPlaces(code)
	if !limited {
		return 0, false
	}
	taken := 0
	if ix.quota != nil {
		for j := range ix.rec.Rounds {
			o := &ix.rec.Rounds[j]
			if o.Award == code && o.Parent == 0 && o.Status == model.RoundClosed {
				taken += ix.chainTaken(j)
			}
		}
	}
	return max(0, total-taken), true
}

// NoPlaceLeft says why no round can be opened for award a because its
// quota leaves no place, with the arithmetic ("15% số đạt Lao động tiên
// tiến: 3 × 15% = 0 suất"), or "" when a place is left or it has no quota.
func NoPlaceLeft(rec *model.Record, a model.Award) string {
	ix := newStatusIndex(rec)
	left, limited := ix.PlacesLeft(a.Code)
	if !limited || left > 0 {
		return ""
	}
	if total, _ := ix.QuotaPlaces(a.Code); total > 0 {
		return fmt.Sprintf("Không còn suất nào cho %s: đã dùng hết %d suất (%s).", a.Name, total, QuotaText(rec, a))
	}
	return fmt.Sprintf("Không mở được vòng bỏ phiếu cho %s: chỉ tiêu không có suất nào (%s).", a.Name, QuotaText(rec, a))
}
