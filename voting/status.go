package voting

import "hoidong/model"

// Status is where a candidacy (nominee × award) stands, derived from the record.
type Status int

// Candidacy statuses.
const (
	StatusPending        Status = iota // review not finished
	StatusExcluded                     // an exclude check applies
	StatusDeferred                     // a defer check applies
	StatusCriteriaFailed               // a required criterion not met
	StatusReady                        // eligible, checklist complete, may go to a ballot
	StatusInRound                      // in an open round
	StatusPassed                       // the vote reached the threshold
	StatusFailed                       // the vote did not reach the threshold
	StatusApproved                     // award without ballot: eligible and all required criteria met
	StatusOverQuota                    // passed, but beyond the award's quota
	StatusTieRevote                    // passed, tied at the quota line; waits for a re-vote
	StatusTieChair                     // passed, tied at the quota line; waits for the chair's decision
)

// Label returns the Vietnamese name of the status.
func (s Status) Label() string {
	switch s {
	case StatusPending:
		return "Chưa xét xong"
	case StatusExcluded:
		return "Không khen thưởng"
	case StatusDeferred:
		return "Chưa xét (hoãn)"
	case StatusCriteriaFailed:
		return "Không đạt tiêu chuẩn"
	case StatusReady:
		return "Sẵn sàng bỏ phiếu"
	case StatusInRound:
		return "Đang bỏ phiếu"
	case StatusPassed:
		return "Đạt"
	case StatusFailed:
		return "Không đạt"
	case StatusApproved:
		return "Đủ điều kiện"
	case StatusOverQuota:
		return "Đạt nhưng ngoài chỉ tiêu"
	case StatusTieRevote:
		return "Hòa ở ranh giới chỉ tiêu — chờ bỏ phiếu lại"
	case StatusTieChair:
		return "Hòa ở ranh giới chỉ tiêu — chờ chủ tọa quyết định"
	}
	return "?"
}

// Final reports whether the status is a conclusion that the review can no longer change.
func (s Status) Final() bool {
	return s == StatusPassed || s == StatusFailed || s == StatusExcluded || s == StatusOverQuota
}

// candKey identifies a candidacy inside an Index: nominee id and award number.
type candKey struct {
	id    int64
	award int
}

// roundMark is what the rounds say about one candidacy.
type roundMark struct {
	inOpen  bool // in an open round
	latest  int  // index in rec.Rounds of the latest closed round containing it, -1 if none
	pass    bool // its result in that round
	latestQ int  // Seq of that round
	first   int  // index in rec.Rounds of the earliest closed round containing it, -1 if none
	firstQ  int  // Seq of that round
	line    int  // index of its result line in that round, -1 if none
	lastAt  int  // index of its first result line in the latest closed round, -1 if none
}

// awardInfo is what an Index keeps about one award code.
type awardInfo struct {
	award    model.Award // as the plan gives it, with its quota
	rule     model.Rule
	known    bool                 // the plan defines it
	criteria [3][]model.Criterion // by model.Kind
}

// Index answers lookups and statuses over one record in constant time; build it once per snapshot and do not use it after the record changes.
type Index struct {
	rec      *model.Record
	nominees map[int64]int // nominee id -> index in rec.Nominees: the record's order
	roundNo  map[int64]int // round id -> index in rec.Rounds
	members  map[int64]int
	awards   map[string]int
	info     []awardInfo
	rounds   map[candKey]roundMark
	quota    *quotaIndex // nil when no award of the plan has a quota
}

// NewIndex builds an Index over rec in one pass over its nominees, members and rounds.
func NewIndex(rec *model.Record) *Index {
	ix := newStatusIndex(rec)
	ix.members = make(map[int64]int, len(rec.Members))
	for i := range rec.Members {
		ix.members[rec.Members[i].ID] = i
	}
	return ix
}

// newStatusIndex builds the part of an Index that statuses need, without the member lookups.
func newStatusIndex(rec *model.Record) *Index {
	ix := &Index{rec: rec, awards: make(map[string]int, len(rec.Plan.Awards)),
		nominees: make(map[int64]int, len(rec.Nominees)), roundNo: make(map[int64]int, len(rec.Rounds))}
	for i := range rec.Nominees {
		if _, dup := ix.nominees[rec.Nominees[i].ID]; !dup {
			ix.nominees[rec.Nominees[i].ID] = i
		}
	}
	for i := range rec.Rounds {
		ix.roundNo[rec.Rounds[i].ID] = i
	}
	for _, a := range rec.Plan.Awards {
		if _, dup := ix.awards[a.Code]; dup {
			continue
		}
		ix.awards[a.Code] = len(ix.info)
		ix.info = append(ix.info, ix.newAwardInfo(a, true))
	}
	n := 0
	for i := range rec.Rounds {
		n += len(rec.Rounds[i].Nominees)
	}
	ix.rounds = make(map[candKey]roundMark, n)
	for ri := range rec.Rounds {
		r := &rec.Rounds[ri]
		a := ix.awardNo(r.Award, true)
		closed := r.Status == model.RoundClosed
		for _, id := range r.Nominees {
			k := candKey{id, a}
			m, ok := ix.rounds[k]
			if !ok {
				m.latest, m.first, m.line, m.lastAt = -1, -1, -1, -1
			}
			if closed {
				if m.latest < 0 || r.Seq >= m.latestQ {
					m.latest, m.latestQ, m.pass = ri, r.Seq, false
				}
				if m.first < 0 || r.Seq < m.firstQ {
					m.first, m.firstQ = ri, r.Seq
				}
			} else {
				m.inOpen = true
			}
			ix.rounds[k] = m
		}
	}
	for ri := range rec.Rounds {
		r := &rec.Rounds[ri]
		if r.Status != model.RoundClosed {
			continue
		}
		a := ix.awards[r.Award]
		for li, l := range r.Results {
			k := candKey{l.NomineeID, a}
			if m, ok := ix.rounds[k]; ok && (m.latest == ri || m.first == ri) {
				if m.latest == ri {
					m.pass = l.Pass
					if m.lastAt < 0 {
						m.lastAt = li
					}
				}
				if m.first == ri {
					m.line = li
				}
				ix.rounds[k] = m
			}
		}
	}
	if ix.quota = ix.newQuotaIndex(); ix.quota != nil {
		ix.fillStandings()
		ix.settleRevotes()
	}
	return ix
}

// awardNo returns the number of an award code, adding codes the plan lacks when add is set, or -1.
func (ix *Index) awardNo(code string, add bool) int {
	if a, ok := ix.awards[code]; ok {
		return a
	}
	if !add {
		return -1
	}
	a := len(ix.info)
	ix.awards[code] = a
	ix.info = append(ix.info, ix.newAwardInfo(model.Award{Code: code, Rule: model.Rule{BallotRequired: true}}, false))
	return a
}

// newAwardInfo gathers an award's rule and its criteria for each kind.
func (ix *Index) newAwardInfo(a model.Award, known bool) awardInfo {
	inf := awardInfo{award: a, rule: a.Rule, known: known}
	for _, k := range []model.Kind{model.KindCollective, model.KindIndividual} {
		inf.criteria[k] = ix.rec.Plan.CriteriaFor(k, a.Code)
	}
	return inf
}

// Record returns the record the index was built over.
func (ix *Index) Record() *model.Record { return ix.rec }

// Nominee returns the nominee with the given id.
func (ix *Index) Nominee(id int64) (*model.NomineeRecord, bool) {
	i, ok := ix.nominees[id]
	if !ok {
		return nil, false
	}
	return &ix.rec.Nominees[i], true
}

// Member returns the member with the given id.
func (ix *Index) Member(id int64) (*model.MemberRecord, bool) {
	i, ok := ix.members[id]
	if !ok {
		return nil, false
	}
	return &ix.rec.Members[i], true
}

// Status returns the status of nominee n's candidacy for award.
func (ix *Index) Status(n *model.NomineeRecord, award string) Status {
	a := ix.awardNo(award, false)
	if a >= 0 && len(ix.rounds) > 0 {
		if m, ok := ix.rounds[candKey{n.ID, a}]; ok {
			switch {
			case m.inOpen:
				return StatusInRound
			case m.latest >= 0:
				// The outcome in the deciding round, the latest closed round listing it.
				o, _ := ix.outcomeIn(m.latest, n.ID, m.pass)
				return o.status()
			}
		}
	}
	cand := Candidacy(n, award)
	if cand == nil {
		return StatusPending
	}
	elig := EligibilityOf(&ix.rec.Plan, n)
	switch elig {
	case model.EligibilityExcluded:
		return StatusExcluded
	case model.EligibilityDeferred:
		return StatusDeferred
	}
	var criteria []model.Criterion
	rule := model.Rule{BallotRequired: true}
	if a >= 0 {
		inf := &ix.info[a]
		if inf.known {
			rule = inf.rule
		}
		if n.Kind == model.KindCollective || n.Kind == model.KindIndividual {
			criteria = inf.criteria[n.Kind]
		}
	} else {
		criteria = ix.rec.Plan.CriteriaFor(n.Kind, award)
	}
	cl := checklist(criteria, cand)
	switch {
	case cl.RequiredNotMet > 0:
		return StatusCriteriaFailed
	case elig != model.EligibilityEligible || !cl.Complete():
		return StatusPending
	case !rule.BallotRequired:
		return StatusApproved
	}
	return StatusReady
}

// Result returns the round that decided nominee id for award (the latest closed round containing it) and its result line.
func (ix *Index) Result(id int64, award string) (model.Round, model.ResultLine, bool) {
	a := ix.awardNo(award, false)
	if a < 0 {
		return model.Round{}, model.ResultLine{}, false
	}
	m, ok := ix.rounds[candKey{id, a}]
	if !ok || m.latest < 0 {
		return model.Round{}, model.ResultLine{}, false
	}
	r := ix.rec.Rounds[m.latest]
	if m.lastAt >= 0 {
		return r, r.Results[m.lastAt], true
	}
	return r, model.ResultLine{NomineeID: id}, true
}

// Frozen reports whether the nominee's checklist for award can no longer change: it has been in a round for that award.
func (ix *Index) Frozen(nomineeID int64, award string) bool {
	a := ix.awardNo(award, false)
	if a < 0 {
		return false
	}
	_, ok := ix.rounds[candKey{nomineeID, a}]
	return ok
}

// Candidates returns, in record order, the ids of the nominees ready for a ballot on award.
func (ix *Index) Candidates(award string) []int64 {
	var ids []int64
	for i := range ix.rec.Nominees {
		n := &ix.rec.Nominees[i]
		if ix.Status(n, award) == StatusReady {
			ids = append(ids, n.ID)
		}
	}
	return ids
}

// AwardList is the conclusion for one award: the nominees passed or approved, collectives then individuals, in record order.
type AwardList struct {
	Award      model.Award
	Collective []int64
	Individual []int64
}

// Recommended returns the conclusion for every award of the plan, in plan order, including awards with nobody.
func (ix *Index) Recommended() []AwardList {
	out := make([]AwardList, len(ix.rec.Plan.Awards))
	for ai, a := range ix.rec.Plan.Awards {
		l := AwardList{Award: a, Collective: []int64{}, Individual: []int64{}}
		for i := range ix.rec.Nominees {
			n := &ix.rec.Nominees[i]
			if Candidacy(n, a.Code) == nil {
				continue
			}
			if s := ix.Status(n, a.Code); s != StatusPassed && s != StatusApproved {
				continue
			}
			if n.Kind == model.KindCollective {
				l.Collective = append(l.Collective, n.ID)
			} else {
				l.Individual = append(l.Individual, n.ID)
			}
		}
		out[ai] = l
	}
	return out
}

// StatusOf returns the status of nominee n's candidacy for award; for many calls over one record, use an Index.
func StatusOf(rec *model.Record, n *model.NomineeRecord, award string) Status {
	if a, ok := rec.Plan.Award(award); ok && a.Quota != nil {
		return newStatusIndex(rec).Status(n, award) // the quota ranks the award's other nominees too
	}
	return newRoundIndex(rec, n.ID, award).Status(n, award)
}

// newRoundIndex builds a small Index holding only what the rounds say about one candidacy.
func newRoundIndex(rec *model.Record, id int64, award string) *Index {
	ix := &Index{rec: rec, awards: map[string]int{}, rounds: map[candKey]roundMark{}}
	for _, a := range rec.Plan.Awards {
		if a.Code == award {
			ix.awards[award] = 0
			ix.info = append(ix.info, ix.newAwardInfo(a, true))
			break
		}
	}
	a := ix.awardNo(award, true)
	m := roundMark{latest: -1, first: -1, line: -1, lastAt: -1}
	seen := false
	for ri := range rec.Rounds {
		r := &rec.Rounds[ri]
		if r.Award != award || !containsID(r.Nominees, id) {
			continue
		}
		seen = true
		if r.Status != model.RoundClosed {
			m.inOpen = true
		} else if m.latest < 0 || r.Seq >= m.latestQ {
			m.latest, m.latestQ, m.pass = ri, r.Seq, false
			for _, l := range r.Results {
				if l.NomineeID == id {
					m.pass = l.Pass
					break
				}
			}
		}
	}
	if seen {
		ix.rounds[candKey{id, a}] = m
	}
	return ix
}

func containsID(ids []int64, id int64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// Candidates returns, in record order, the ids of the nominees ready for a ballot on award: the ballot of a new round.
func Candidates(rec *model.Record, award string) []int64 {
	return newStatusIndex(rec).Candidates(award)
}

// Frozen reports whether a nominee's checklist for award can no longer change: it has been in a round for that award.
func Frozen(rec *model.Record, nomineeID int64, award string) bool {
	for i := range rec.Rounds {
		if rec.Rounds[i].Award == award && containsID(rec.Rounds[i].Nominees, nomineeID) {
			return true
		}
	}
	return false
}

// Recommended returns the conclusion for every award of the plan, in plan order, including awards with nobody.
func Recommended(rec *model.Record) []AwardList {
	return newStatusIndex(rec).Recommended()
}

// NextVoter returns the member the booth calls to vote in round: the
// voting members present who have not voted, in record order, the first
// passed over skip times (a member not ready lets the next one vote first,
// and is called again after the last). ok is false when everyone present
// has voted.
func NextVoter(rec *model.Record, round model.Round, skip int) (model.MemberRecord, bool) {
	p := rec.PendingVoters(round)
	if len(p) == 0 {
		return model.MemberRecord{}, false
	}
	return p[((skip%len(p))+len(p))%len(p)], true
}
