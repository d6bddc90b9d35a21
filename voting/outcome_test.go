package voting

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"hoidong/model"
)

// outcomesOf returns the outcome of each nominee in round r of rec.
func outcomesOf(rec *model.Record, r model.Round) map[int64]Outcome {
	out := map[int64]Outcome{}
	for _, lo := range NewIndex(rec).Outcomes(r) {
		out[lo.Line.NomineeID] = lo.Outcome
	}
	return out
}

// TestOutcome_Table walks through the ways a round can end, one scenario
// per row: the outcome of every nominee in every round named.
func TestOutcome_Table(t *testing.T) {
	type want map[int64]Outcome
	for _, tc := range []struct {
		name  string
		build func() *model.Record
		round map[int64]want // round id -> nominee -> outcome
	}{
		{"no quota: the threshold decides", func() *model.Record {
			rec := quotaRecord(3, nil, 0)
			closeRound(rec, 1, 0, ids(1, 2, 3), 9, 5, 4)
			return rec
		}, map[int64]want{1: {1: OutcomePassed, 2: OutcomePassed, 3: OutcomeFailed}}},
		{"quota 2, clean cut", func() *model.Record {
			rec := quotaRecord(4, &model.Quota{Count: 2}, 0)
			closeRound(rec, 1, 0, ids(1, 2, 3, 4), 6, 8, 7, 2)
			return rec
		}, map[int64]want{1: {1: OutcomeOverQuota, 2: OutcomePassed, 3: OutcomePassed, 4: OutcomeFailed}}},
		{"tie waiting for a re-vote", func() *model.Record {
			rec := quotaRecord(4, &model.Quota{Count: 2}, model.TieRevote)
			closeRound(rec, 1, 0, ids(1, 2, 3, 4), 9, 7, 7, 7)
			return rec
		}, map[int64]want{1: {1: OutcomePassed, 2: OutcomeTiedRevote, 3: OutcomeTiedRevote, 4: OutcomeTiedRevote}}},
		{"re-vote open", func() *model.Record {
			rec := quotaRecord(4, &model.Quota{Count: 2}, model.TieRevote)
			closeRound(rec, 1, 0, ids(1, 2, 3, 4), 9, 7, 7, 7)
			rec.Rounds = append(rec.Rounds, model.Round{ID: 2, Award: awardQuota, Seq: 2, Parent: 1, Status: model.RoundOpen, Nominees: ids(2, 3, 4)})
			return rec
		}, map[int64]want{1: {1: OutcomePassed, 2: OutcomeTiedRevote, 3: OutcomeTiedRevote, 4: OutcomeTiedRevote}, 2: {}}},
		{"re-vote settles", func() *model.Record {
			rec := quotaRecord(5, &model.Quota{Count: 3}, model.TieRevote)
			closeRound(rec, 1, 0, ids(1, 2, 3, 4, 5), 8, 6, 6, 6, 3)
			closeRound(rec, 2, 1, ids(2, 3, 4), 7, 5, 8)
			return rec
		}, map[int64]want{
			1: {1: OutcomePassed, 2: OutcomeRevoteWon, 3: OutcomeRevoteLost, 4: OutcomeRevoteWon, 5: OutcomeFailed},
			2: {2: OutcomePassed, 3: OutcomeOverQuota, 4: OutcomePassed},
		}},
		{"re-vote: one below the threshold, a place left empty", func() *model.Record {
			rec := quotaRecord(3, &model.Quota{Count: 2}, model.TieRevote)
			closeRound(rec, 1, 0, ids(1, 2, 3), 9, 6, 6)
			closeRound(rec, 2, 1, ids(2, 3), 7, 3)
			return rec
		}, map[int64]want{1: {1: OutcomePassed, 2: OutcomeRevoteWon, 3: OutcomeRevoteLost}, 2: {2: OutcomePassed, 3: OutcomeFailed}}},
		{"re-vote ties again, still pending", func() *model.Record {
			rec := quotaRecord(4, &model.Quota{Count: 2}, 0)
			closeRound(rec, 1, 0, ids(1, 2, 3, 4), 9, 7, 7, 7)
			closeRound(rec, 2, 1, ids(2, 3, 4), 6, 6, 5)
			return rec
		}, map[int64]want{
			1: {1: OutcomePassed, 2: OutcomeTiedRevote, 3: OutcomeTiedRevote, 4: OutcomeRevoteLost},
			2: {2: OutcomeTiedRevote, 3: OutcomeTiedRevote, 4: OutcomeOverQuota},
		}},
		{"chain of re-votes settled by the second", func() *model.Record {
			rec := quotaRecord(4, &model.Quota{Count: 2}, 0)
			closeRound(rec, 1, 0, ids(1, 2, 3, 4), 9, 7, 7, 7)
			closeRound(rec, 2, 1, ids(2, 3, 4), 6, 6, 5)
			closeRound(rec, 3, 2, ids(2, 3), 5, 7)
			return rec
		}, map[int64]want{
			1: {1: OutcomePassed, 2: OutcomeRevoteLost, 3: OutcomeRevoteWon, 4: OutcomeRevoteLost},
			2: {2: OutcomeRevoteLost, 3: OutcomeRevoteWon, 4: OutcomeOverQuota},
			3: {2: OutcomeOverQuota, 3: OutcomePassed},
		}},
		{"tie waiting for the chair", func() *model.Record {
			rec := quotaRecord(4, &model.Quota{Count: 2}, model.TieChair)
			closeRound(rec, 1, 0, ids(1, 2, 3, 4), 9, 7, 7, 7)
			return rec
		}, map[int64]want{1: {1: OutcomePassed, 2: OutcomeTiedChair, 3: OutcomeTiedChair, 4: OutcomeTiedChair}}},
		{"the chair decides", func() *model.Record {
			rec := quotaRecord(4, &model.Quota{Count: 2}, model.TieChair)
			closeRound(rec, 1, 0, ids(1, 2, 3, 4), 9, 7, 7, 4)
			rec.Decisions = []model.ChairDecision{{Award: awardQuota, Round: 1, Tied: ids(2, 3), Chosen: ids(3)}}
			return rec
		}, map[int64]want{1: {1: OutcomePassed, 2: OutcomeChairNotChosen, 3: OutcomeChairChosen, 4: OutcomeFailed}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := tc.build()
			ix := NewIndex(rec)
			for _, r := range rec.Rounds {
				w, ok := tc.round[r.ID]
				if !ok {
					continue
				}
				got := outcomesOf(rec, r)
				if r.Status != model.RoundClosed {
					if len(got) != 0 {
						t.Errorf("open round %d has outcomes %v", r.ID, got)
					}
					continue
				}
				for id, o := range w {
					if got[id] != o {
						t.Errorf("round %d nominee %d: %s, want %s", r.ID, id, got[id], o)
					}
					lo := ix.Outcome(r, id)
					if lo.Outcome != o || lo.Line.NomineeID != id {
						t.Errorf("Outcome(round %d, %d) = %+v, want %s", r.ID, id, lo, o)
					}
					if !lo.Threshold && o != OutcomeFailed {
						t.Errorf("round %d nominee %d: %s below the threshold", r.ID, id, o)
					}
				}
				if len(got) != len(w) {
					t.Errorf("round %d: %d outcomes, want %d", r.ID, len(got), len(w))
				}
			}
			checkConsistent(t, rec)
		})
	}
}

// TestOutcome_RevoteFields: a tied line names the re-vote that settles
// it, and the re-vote states the places at stake.
func TestOutcome_RevoteFields(t *testing.T) {
	rec := quotaRecord(5, &model.Quota{Count: 3}, model.TieRevote)
	first := closeRound(rec, 1, 0, ids(1, 2, 3, 4, 5), 8, 6, 6, 6, 3)
	ix := NewIndex(rec)
	if lo := ix.Outcome(first, 2); lo.Outcome != OutcomeTiedRevote || lo.Revote != 0 {
		t.Errorf("before the re-vote: %+v", lo)
	}
	if _, ok := ix.PlacesAtStake(first); ok {
		t.Error("a first round has no places at stake")
	}
	open := model.Round{ID: 2, Award: awardQuota, Seq: 2, Parent: 1, Status: model.RoundOpen, Nominees: ids(2, 3, 4)}
	rec.Rounds = append(rec.Rounds, open)
	ix = NewIndex(rec)
	if n, ok := ix.PlacesAtStake(open); !ok || n != 2 {
		t.Errorf("places at stake in the open re-vote = %d, %v; want 2", n, ok)
	}
	if lo := ix.Outcome(first, 3); lo.Outcome != OutcomeTiedRevote || lo.Revote != 2 {
		t.Errorf("during the re-vote: %+v", lo)
	}
	if lo := ix.Outcome(first, 1); lo.Revote != 0 {
		t.Errorf("a nominee within the places names a re-vote: %+v", lo)
	}
	rec.Rounds = rec.Rounds[:1]
	re := closeRound(rec, 2, 1, ids(2, 3, 4), 7, 5, 8)
	ix = NewIndex(rec)
	if n, ok := ix.PlacesAtStake(re); !ok || n != 2 {
		t.Errorf("places at stake in the closed re-vote = %d, %v", n, ok)
	}
	if lo := ix.Outcome(first, 3); lo.Outcome != OutcomeRevoteLost || lo.Revote != 2 {
		t.Errorf("after the re-vote: %+v", lo)
	}
	if lo := ix.Outcome(first, 99); lo.Outcome != OutcomeNone {
		t.Errorf("a nominee not on the ballot: %+v", lo)
	}
	if r, lo, ok := ix.Final(4, awardQuota); !ok || r.ID != 1 || lo.Outcome != OutcomeRevoteWon {
		t.Errorf("Final(4) = round %d %+v %v", r.ID, lo, ok)
	}
	if _, _, ok := ix.Final(4, awardBase); ok {
		t.Error("Final of a candidacy no round lists")
	}
}

// TestOutcomes_RecordOrder lists a round's lines in the record's order,
// whatever the ballot order, and the tied in that order too.
func TestOutcomes_RecordOrder(t *testing.T) {
	rec := quotaRecord(4, &model.Quota{Count: 1}, model.TieRevote)
	r := closeRound(rec, 1, 0, ids(4, 2, 3, 1), 7, 7, 2, 7)
	var got []int64
	for _, lo := range NewIndex(rec).Outcomes(r) {
		got = append(got, lo.Line.NomineeID)
	}
	if !slices.Equal(got, ids(1, 2, 3, 4)) {
		t.Errorf("Outcomes order %v, want 1 2 3 4", got)
	}
	if s := Standing(rec, r); !slices.Equal(s.Tied, ids(1, 2, 4)) {
		t.Errorf("tied %v, want 1 2 4", s.Tied)
	}
	// Reverse the record's order: the lines follow it.
	slices.Reverse(rec.Nominees)
	got = got[:0]
	for _, lo := range NewIndex(rec).Outcomes(r) {
		got = append(got, lo.Line.NomineeID)
	}
	if !slices.Equal(got, ids(4, 3, 2, 1)) {
		t.Errorf("Outcomes order %v, want 4 3 2 1", got)
	}
}

func TestOutcome_Words(t *testing.T) {
	seen := map[string]bool{}
	labels := map[string]bool{}
	for o := OutcomeNone; o <= OutcomeRevoteLost; o++ {
		s, l := o.String(), o.Label()
		if seen[s] || labels[l] || s == "" || l == "" {
			t.Errorf("outcome %d: %q / %q is empty or not unique", o, s, l)
		}
		seen[s], labels[l] = true, true
		if !norm.NFC.IsNormalString(l) {
			t.Errorf("label %q is not NFC", l)
		}
		rec := o == OutcomePassed || o == OutcomeChairChosen || o == OutcomeRevoteWon
		if o.Recommended() != rec {
			t.Errorf("%s: Recommended = %v", o, o.Recommended())
		}
		if o.status().Label() == "?" {
			t.Errorf("%s has no status", o)
		}
	}
	rule := rule(70, 100, model.AtLeast, model.BaseAllMembers)
	line := model.ResultLine{NomineeID: 1, Agree: 7, Base: 9, Pass: true}
	for _, tc := range []struct {
		o             Outcome
		places, ahead int
		want          string
	}{
		{OutcomePassed, 0, 0, "7/9 = 77,78% ≥ 70% (7 × 100 = 700 ≥ 70 × 9 = 630) → Đạt"},
		{OutcomeOverQuota, 3, 3, "7/9 = 77,78% ≥ 70% (7 × 100 = 700 ≥ 70 × 9 = 630) → Đạt tỷ lệ; kết quả: Ngoài chỉ tiêu (3 đối tượng nhiều phiếu đồng ý hơn, vòng có 3 suất)"},
		{OutcomeOverQuota, 0, 0, "7/9 = 77,78% ≥ 70% (7 × 100 = 700 ≥ 70 × 9 = 630) → Đạt tỷ lệ; kết quả: Ngoài chỉ tiêu (vòng không còn suất nào)"},
		{OutcomeRevoteWon, 0, 0, "7/9 = 77,78% ≥ 70% (7 × 100 = 700 ≥ 70 × 9 = 630) → Đạt tỷ lệ; kết quả: Đạt sau bỏ phiếu lại"},
	} {
		if got := (LineOutcome{Line: line, Threshold: true, Outcome: tc.o, Places: tc.places, Ahead: tc.ahead}).Explain(rule); got != tc.want {
			t.Errorf("Explain(%s) = %q, want %q", tc.o, got, tc.want)
		}
	}
	if got, want := Explain(line, rule), "7/9 = 77,78% ≥ 70% (7 × 100 = 700 ≥ 70 × 9 = 630) → Đạt"; got != want {
		t.Errorf("Explain = %q, want %q", got, want)
	}
}

// checkConsistent checks the one verdict against the statuses and the
// conclusion: a candidacy is recommended exactly when the outcome of its
// deciding round (the latest closed round listing it) is, and exactly when
// its final standing is; an approved candidacy has no round.
func checkConsistent(t *testing.T, rec *model.Record) {
	t.Helper()
	ix := NewIndex(rec)
	listed := map[[2]any]bool{}
	for _, l := range ix.Recommended() {
		for _, id := range append(slices.Clone(l.Collective), l.Individual...) {
			listed[[2]any{id, l.Award.Code}] = true
		}
	}
	for i := range rec.Nominees {
		n := &rec.Nominees[i]
		for _, c := range n.Candidacies {
			in := listed[[2]any{n.ID, c.Award}]
			st := ix.Status(n, c.Award)
			// The deciding round: the latest closed round listing it.
			var deciding *model.Round
			open := false
			for j := range rec.Rounds {
				r := &rec.Rounds[j]
				if r.Award != c.Award || !slices.Contains(r.Nominees, n.ID) {
					continue
				}
				if r.Status != model.RoundClosed {
					open = true
				} else if deciding == nil || r.Seq >= deciding.Seq {
					deciding = r
				}
			}
			_, final, hasFinal := ix.Final(n.ID, c.Award)
			switch {
			case deciding == nil:
				if in != (st == StatusApproved) || hasFinal {
					t.Errorf("nominee %d %s: no round, listed %v, status %s", n.ID, c.Award, in, st.Label())
				}
			default:
				o := ix.Outcome(*deciding, n.ID).Outcome
				if in != (o.Recommended() && !open) {
					t.Errorf("nominee %d %s: listed %v, outcome %s in deciding round %d (open round %v)", n.ID, c.Award, in, o, deciding.ID, open)
				}
				if !open && st != o.status() {
					t.Errorf("nominee %d %s: status %s, outcome %s", n.ID, c.Award, st.Label(), o)
				}
				if !hasFinal || final.Outcome.Recommended() != in {
					t.Errorf("nominee %d %s: listed %v, final %s", n.ID, c.Award, in, final.Outcome)
				}
			}
		}
	}
}

// randomMeeting holds a random meeting for awardQuota: nominees in a
// shuffled record order, one or two first rounds on shuffled ballots,
// ties settled by re-votes (which may tie again) or by the chair, and the
// last step sometimes left undone or its re-vote left open.
func randomMeeting(rng *rand.Rand) *model.Record {
	n := 2 + rng.IntN(9)
	tb := model.TieRevote
	if rng.IntN(2) == 0 {
		tb = model.TieChair
	}
	rec := quotaRecord(n, &model.Quota{Count: 1 + rng.IntN(n)}, tb)
	rng.Shuffle(len(rec.Nominees), func(i, j int) { rec.Nominees[i], rec.Nominees[j] = rec.Nominees[j], rec.Nominees[i] })
	all := make([]int64, n)
	for i := range all {
		all[i] = int64(i + 1)
	}
	rng.Shuffle(n, func(i, j int) { all[i], all[j] = all[j], all[i] })
	split := n
	if n > 3 && rng.IntN(3) == 0 {
		split = n / 2
	}
	votes := func(k int) []int {
		v := make([]int, k)
		for i := range v {
			v[i] = 3 + rng.IntN(4) // 3…6 of 9: ties and failures both common
		}
		return v
	}
	id := int64(0)
	settle := func(r model.Round) {
		for steps := 0; steps < 4; steps++ {
			s := Standing(rec, r)
			if !s.Tie() || rng.IntN(6) == 0 {
				return // settled, or left for later
			}
			if s.Break == model.TieChair {
				chosen := slices.Clone(s.Tied)
				rng.Shuffle(len(chosen), func(i, j int) { chosen[i], chosen[j] = chosen[j], chosen[i] })
				rec.Decisions = append(rec.Decisions, model.ChairDecision{Award: awardQuota, Round: r.ID, Tied: s.Tied, Chosen: chosen[:s.Remaining]})
				return
			}
			id++
			tied := slices.Clone(s.Tied)
			rng.Shuffle(len(tied), func(i, j int) { tied[i], tied[j] = tied[j], tied[i] })
			if rng.IntN(8) == 0 {
				rec.Rounds = append(rec.Rounds, model.Round{ID: id, Award: awardQuota, Seq: int(id), Parent: r.ID, Status: model.RoundOpen, Nominees: tied})
				return
			}
			r = closeRound(rec, id, r.ID, tied, votes(len(tied))...)
		}
	}
	for _, part := range [][]int64{all[:split], all[split:]} {
		if len(part) == 0 {
			continue
		}
		id++
		settle(closeRound(rec, id, 0, part, votes(len(part))...))
	}
	return rec
}

// TestOutcome_Property checks, over random meetings with quotas and ties,
// that the one verdict agrees with the statuses and the conclusion, that
// no more nominees are recommended than the quota allows, that a line
// below the threshold always fails, and that lines come in record order.
func TestOutcome_Property(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	kinds := map[Outcome]int{}
	for iter := range 3000 {
		rec := randomMeeting(rng)
		ix := NewIndex(rec)
		places, _ := ix.QuotaPlaces(awardQuota)
		if got := len(recommendedFor(rec)); got > places {
			t.Fatalf("meeting %d: %d recommended for %d places", iter, got, places)
		}
		for _, r := range rec.Rounds {
			last := -1
			for _, lo := range ix.Outcomes(r) {
				kinds[lo.Outcome]++
				if p := ix.position(lo.Line.NomineeID); p < last {
					t.Fatalf("meeting %d round %d: lines out of record order", iter, r.ID)
				} else {
					last = p
				}
				if !lo.Threshold && lo.Outcome != OutcomeFailed || lo.Threshold && lo.Outcome == OutcomeFailed {
					t.Fatalf("meeting %d round %d: %+v", iter, r.ID, lo)
				}
				settled := lo.Outcome == OutcomeRevoteWon || lo.Outcome == OutcomeRevoteLost
				if settled && lo.Revote == 0 || lo.Revote != 0 && !settled && lo.Outcome != OutcomeTiedRevote {
					t.Fatalf("meeting %d round %d: revote field %+v", iter, r.ID, lo)
				}
			}
			if r.Parent != 0 {
				n, ok := ix.PlacesAtStake(r)
				if !ok || n != Standing(rec, rec.Rounds[slices.IndexFunc(rec.Rounds, func(p model.Round) bool { return p.ID == r.Parent })]).Remaining {
					t.Fatalf("meeting %d round %d: places at stake %d %v", iter, r.ID, n, ok)
				}
			}
		}
		checkConsistent(t, rec)
		if t.Failed() {
			t.Fatalf("meeting %d: %+v", iter, rec.Rounds)
		}
	}
	// The generator reaches every outcome.
	for o := OutcomeFailed; o <= OutcomeRevoteLost; o++ {
		if kinds[o] == 0 {
			t.Errorf("no generated meeting gave %s", o)
		}
	}
	if testing.Verbose() {
		var b strings.Builder
		for o := OutcomeFailed; o <= OutcomeRevoteLost; o++ {
			b.WriteString(o.String() + " ")
		}
		t.Log(b.String(), kinds)
	}
}

// TestOutcome_ShareOfALimitedAward: an award whose places are a share of
// another award's winners counts those winners by their outcome, even
// when its own round comes first and the other award has a quota too.
func TestOutcome_ShareOfALimitedAward(t *testing.T) {
	rec := quotaRecord(3, &model.Quota{ShareOf: awardBase, Share: model.Fraction{Num: 100, Den: 100}}, 0)
	base := &rec.Plan.Awards[0]
	base.Rule, base.Quota, base.TieBreak = rule(50, 100, model.AtLeast, model.BaseAllMembers), &model.Quota{Count: 2}, model.TieRevote
	gk := closeRound(rec, 1, 0, ids(1, 2, 3), 9, 8, 7) // three pass; places: LDTT's winners
	ldtt := model.Round{ID: 2, Award: awardBase, Seq: 2, Status: model.RoundClosed, Nominees: ids(1, 2, 3), Eligible: 9, AllMembers: 9}
	for i, a := range []int{9, 8, 7} { // three pass, two places: two winners
		ldtt.Results = append(ldtt.Results, model.ResultLine{NomineeID: int64(i + 1), Agree: a, Base: 9, Pass: true})
	}
	rec.Rounds = append(rec.Rounds, ldtt)
	if got := outcomesOf(rec, ldtt); got[3] != OutcomeOverQuota || got[1] != OutcomePassed {
		t.Fatalf("LDTT outcomes %v", got)
	}
	if got := outcomesOf(rec, gk); got[1] != OutcomePassed || got[2] != OutcomePassed || got[3] != OutcomeOverQuota {
		t.Errorf("GK outcomes %v, want two places (LDTT's two winners)", got)
	}
	checkConsistent(t, rec)
}

// TestOutcome_OverQuotaSaysWhy: a line beyond the quota carries the places
// open to its round and how many had more agree votes, through every way
// of asking for it, and its working says so.
func TestOutcome_OverQuotaSaysWhy(t *testing.T) {
	rec := quotaRecord(5, &model.Quota{Count: 3}, model.TieRevote)
	closeRound(rec, 1, 0, ids(1, 2, 3, 4, 5), 8, 6, 6, 6, 3)
	closeRound(rec, 2, 1, ids(2, 3, 4), 7, 5, 8)
	ix := NewIndex(rec)
	revote := rec.Rounds[1]
	var fromList LineOutcome
	for _, lo := range ix.Outcomes(revote) {
		if lo.Line.NomineeID == 3 {
			fromList = lo
		}
	}
	one := ix.Outcome(revote, 3)
	for _, lo := range []LineOutcome{fromList, one} {
		if lo.Outcome != OutcomeOverQuota || lo.Places != 2 || lo.Ahead != 2 {
			t.Errorf("nominee 3 in the re-vote: %+v, want over-quota, 2 places, 2 ahead", lo)
		}
	}
	if got := one.Explain(rec.Plan.Awards[0].Rule); !strings.HasSuffix(got, "Ngoài chỉ tiêu (2 đối tượng nhiều phiếu đồng ý hơn, vòng có 2 suất)") {
		t.Errorf("working = %q", got)
	}

	rec = quotaRecord(4, &model.Quota{Count: 2}, 0)
	closeRound(rec, 1, 0, ids(1, 2, 3, 4), 6, 8, 7, 2)
	ix = NewIndex(rec)
	if _, lo, ok := ix.Final(1, awardQuota); !ok || lo.Places != 2 || lo.Ahead != 2 {
		t.Errorf("Final of nominee 1: %+v", lo)
	}
	if lo := ix.Outcome(rec.Rounds[0], 2); lo.Places != 0 || lo.Ahead != 0 {
		t.Errorf("a nominee within the quota carries over-quota figures: %+v", lo)
	}
}
