// Package synth builds a synthetic meeting of any size in a store, for
// trying the program on a provincial sitting and for measuring it: a
// council, thousands of nominees with Vietnamese names, units, awards and
// achievement summaries, their review, and closed ballot rounds cast
// member by member through the store's own code. The same seed gives the
// same meeting.
package synth

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"time"

	"hoidong/model"
	"hoidong/store"
	"hoidong/voting"
)

//go:embed plan.toml
var planFile []byte

// Limits on the size of a synthetic meeting.
const (
	MaxNominees = 100_000
	MaxMembers  = 99
	// RoundSize is the most nominees one round puts on a ballot.
	RoundSize = 500
	// AllRounds asks for as many rounds as it takes to vote on every
	// candidacy ready for a ballot.
	AllRounds = -1
)

// Options say how large a meeting to build.
type Options struct {
	Nominees int // nominees to review
	Members  int // voting members of the council; a secretary who does not vote comes in addition
	// Rounds is the number of ballot rounds to hold and close, each over
	// at most RoundSize nominees; AllRounds holds as many as there are
	// candidacies ready for a ballot.
	Rounds int
	Seed   uint64 // the same seed gives the same meeting
}

// Summary says what Generate built.
type Summary struct {
	Nominees int
	Members  int // voting members
	Rounds   int // closed rounds
	Ballots  int // ballots cast, in all rounds
	Events   int // events in the log
}

// Check refuses options that cannot make a meeting, with a Vietnamese
// message.
func (o Options) Check() error {
	switch {
	case o.Nominees < 1 || o.Nominees > MaxNominees:
		return model.Errorf(model.EInvalid, "Số đối tượng phải từ 1 đến %d (đang ghi %d).", MaxNominees, o.Nominees)
	case o.Members < 2 || o.Members > MaxMembers:
		return model.Errorf(model.EInvalid,
			"Số thành viên Hội đồng phải từ 2 đến %d (đang ghi %d): bỏ phiếu kín cần ít nhất 2 phiếu.", MaxMembers, o.Members)
	case o.Rounds < AllRounds:
		return model.Errorf(model.EInvalid, "Số vòng bỏ phiếu không được là số âm (đang ghi %d).", o.Rounds)
	}
	return nil
}

// Plan returns the plan of a synthetic meeting: the province's awards,
// criteria and eligibility checks, with a council and nominees drawn from
// the seed.
func Plan(o Options) (model.Plan, error) {
	if err := o.Check(); err != nil {
		return model.Plan{}, err
	}
	p, err := model.ParsePlan(planFile)
	if err != nil {
		return model.Plan{}, fmt.Errorf("synthetic plan: %w", err)
	}
	g := newGen(o.Seed)
	p.Council.Members = g.council(o.Members)
	p.Meeting.Tellers = min(3, o.Members)
	p.Nominees = g.nominees(o.Nominees)
	if ps := model.ValidatePlan(&p); len(ps) > 0 {
		return model.Plan{}, fmt.Errorf("synthetic plan: %w", ps)
	}
	return p, nil
}

// Generate builds a synthetic meeting in st, a new file without a
// meeting, through the store's own methods: it creates the meeting, sets
// the secretary code, calls the roll (every member present), chooses the
// counting committee, reviews every nominee (eligibility checks and
// criteria, one logged event each), then holds o.Rounds rounds: each is
// opened with OpenRound, every voting member casts a ballot, and it is
// closed with CloseRound and the secretary's key. Times are those of a
// clock that starts on the meeting's day at 07:30 and steps forward
// evenly, so that the same options give the same record; ballot ids,
// round keys and the hashes over them are drawn at random, as the secret
// ballot requires.
func Generate(ctx context.Context, st *store.Store, o Options, secretaryCode string) (Summary, error) {
	p, err := Plan(o)
	if err != nil {
		return Summary{}, err
	}
	g := newGen(o.Seed ^ 0x9e3779b97f4a7c15)
	was := st.Now
	clock := newClock(p.Meeting.Date)
	st.Now = clock.now
	defer func() { st.Now = was }()

	if err := st.CreateMeeting(ctx, p); err != nil {
		return Summary{}, err
	}
	if err := st.SetSecretaryCode(ctx, secretaryCode); err != nil {
		return Summary{}, err
	}
	rec, err := st.Record(ctx)
	if err != nil {
		return Summary{}, err
	}
	if err := rollCall(ctx, st, &rec); err != nil {
		return Summary{}, err
	}
	if err := g.review(ctx, st, &rec); err != nil {
		return Summary{}, err
	}
	if rec, err = st.Record(ctx); err != nil {
		return Summary{}, err
	}
	plan, err := roundPlan(&rec, o.Rounds)
	if err != nil {
		return Summary{}, err
	}
	sum := Summary{Nominees: len(rec.Nominees), Rounds: len(plan)}
	var voters []int64
	for _, m := range rec.Members {
		if m.Votes {
			voters = append(voters, m.ID)
		}
	}
	sum.Members = len(voters)
	support := g.support(&rec)
	rec = model.Record{} // not needed while the rounds are held
	if len(plan) > 0 {
		key, err := st.UnlockSecretary(ctx, secretaryCode)
		if err != nil {
			return Summary{}, err
		}
		defer key.Forget()
		for _, r := range plan {
			if err := g.round(ctx, st, key, clock, r, voters, support); err != nil {
				return Summary{}, err
			}
			sum.Ballots += len(voters)
		}
	}
	if rec, err = st.Record(ctx); err != nil {
		return Summary{}, err
	}
	sum.Events = len(rec.Events)
	return sum, nil
}

// clock is the time a synthetic meeting is held at: it starts at 07:30 on
// the meeting's day (Vietnam time) and moves on by a fixed step at every
// reading, and by the time a member takes to vote.
type clock struct {
	t time.Time
}

func newClock(date string) *clock {
	start, err := time.ParseInLocation(time.DateOnly, date, model.Vietnam())
	if err != nil {
		start = time.Date(2025, 12, 18, 0, 0, 0, 0, model.Vietnam())
	}
	return &clock{t: start.Add(7*time.Hour + 30*time.Minute)}
}

// now reads the clock.
func (c *clock) now() time.Time {
	c.t = c.t.Add(40 * time.Millisecond)
	return c.t
}

// wait moves the clock on by d.
func (c *clock) wait(d time.Duration) { c.t = c.t.Add(d) }

// gen draws every random choice of a meeting from one seed.
type gen struct {
	rng                    *rand.Rand
	family                 table
	middle, given          [2]table // by female
	individualAwards       table
	collectiveAwards       table
	places                 []place
	indSummary, colSummary []string
}

func newGen(seed uint64) *gen {
	g := &gen{
		rng:    rand.New(rand.NewPCG(seed, 0x6864_686f_6964_6f6e)),
		family: familyNames(),
		places: places(),
		// The awards the units propose, by how often: most people for the
		// province's certificate of merit, fewer for its emulation
		// fighter title, a few for the Prime Minister's certificate, the
		// national emulation fighter title or the Labour Order.
		individualAwards: table{{"BK_TINH", 62}, {"CSTD_TINH", 28}, {"BK_TTG", 6}, {"CSTD_TQ", 2}, {"HCLD3", 2}},
		collectiveAwards: table{{"TTLDXS", 50}, {"BK_TINH", 35}, {"BK_TTG", 10}, {"HCLD3", 5}},
		indSummary:       summaries(false),
		colSummary:       summaries(true),
	}
	for i, female := range []bool{false, true} {
		g.middle[i], g.given[i] = middleNames(female), givenNames(female)
	}
	return g
}

// person draws a full name.
func (g *gen) person() string {
	f := 0
	if g.rng.IntN(100) < 52 {
		f = 1
	}
	return g.family.draw(g.rng) + " " + g.middle[f].draw(g.rng) + " " + g.given[f].draw(g.rng)
}

// council makes a council of n voting members, chaired by the
// province's chairman, and its secretary, who does not vote.
func (g *gen) council(n int) []model.Member {
	heads := []struct {
		position string
		role     model.Role
	}{
		{"Chủ tịch UBND tỉnh", model.RoleChair},
		{"Phó Chủ tịch UBND tỉnh", model.RoleViceChair},
		{"Giám đốc Sở Nội vụ", model.RoleViceChair},
		{"Chủ tịch Liên đoàn Lao động tỉnh", model.RoleViceChair},
		{"Chánh Văn phòng UBND tỉnh", model.RoleMember},
		{"Chủ tịch Ủy ban MTTQ Việt Nam tỉnh", model.RoleMember},
		{"Bí thư Tỉnh đoàn", model.RoleMember},
		{"Chủ tịch Hội Liên hiệp Phụ nữ tỉnh", model.RoleMember},
		{"Chủ tịch Hội Nông dân tỉnh", model.RoleMember},
		{"Chủ tịch Hội Cựu chiến binh tỉnh", model.RoleMember},
		{"Trưởng ban Thi đua – Khen thưởng, Sở Nội vụ", model.RoleMember},
	}
	var positions []string
	for _, d := range departments() {
		if d.name != "Sở Nội vụ" {
			positions = append(positions, "Giám đốc "+d.name)
		}
	}
	for _, d := range departments() {
		positions = append(positions, "Phó Giám đốc "+d.name)
	}
	names := map[string]bool{}
	unique := func() string {
		for {
			if s := g.person(); !names[s] {
				names[s] = true
				return s
			}
		}
	}
	out := make([]model.Member, 0, n+1)
	for i := range n {
		m := model.Member{Name: unique(), Role: model.RoleMember, Votes: true}
		switch {
		case i < len(heads):
			m.Position, m.Role = heads[i].position, heads[i].role
		case i-len(heads) < len(positions):
			m.Position = positions[i-len(heads)]
		default:
			m.Position = "Ủy viên Hội đồng"
		}
		out = append(out, m)
	}
	out = append(out, model.Member{Name: unique(), Position: "Chuyên viên Ban Thi đua – Khen thưởng, Sở Nội vụ",
		Role: model.RoleSecretary})
	return out
}

// nominees makes n nominees: about one in ten a collective, the rest
// individuals, from the province's units, each proposed for one award and
// some individuals for two; a few carry a condition their unit reported.
func (g *gen) nominees(n int) []model.Nominee {
	type key struct{ kind, name, unit string }
	seen := map[key]bool{}
	var collectives []struct{ name, unit string }
	for _, p := range g.places {
		for _, c := range p.collectives {
			collectives = append(collectives, struct{ name, unit string }{c, p.unit})
		}
	}
	g.rng.Shuffle(len(collectives), func(i, j int) { collectives[i], collectives[j] = collectives[j], collectives[i] })
	facts := []string{"DANG_KY_LUAT", "XEM_XET_KY_LUAT", "KHIEU_NAI"}
	out := make([]model.Nominee, 0, n)
	for len(out) < n {
		var nm model.Nominee
		if g.rng.IntN(10) == 0 && len(collectives) > 0 {
			c := collectives[len(collectives)-1]
			collectives = collectives[:len(collectives)-1]
			nm = model.Nominee{Kind: model.KindCollective, Name: c.name, Unit: c.unit,
				Awards: []string{g.collectiveAwards.draw(g.rng)}, Summary: pick(g.rng, g.colSummary)}
		} else {
			p := &g.places[g.rng.IntN(len(g.places))]
			unit := p.unit
			if g.rng.IntN(2) == 0 {
				unit = pick(g.rng, p.collectives) + ", " + p.unit
			}
			nm = model.Nominee{Kind: model.KindIndividual, Name: g.person(), Unit: unit,
				Position: p.positions.draw(g.rng), Awards: []string{g.individualAwards.draw(g.rng)},
				Summary: pick(g.rng, g.indSummary)}
			if nm.Awards[0] == "CSTD_TINH" && g.rng.IntN(3) == 0 {
				nm.Awards = append(nm.Awards, "BK_TINH")
			}
		}
		k := key{nm.Kind.String(), nm.Name, nm.Unit}
		if seen[k] {
			continue
		}
		seen[k] = true
		if g.rng.IntN(100) == 0 {
			nm.Facts = []string{pick(g.rng, facts)}
		}
		out = append(out, nm)
	}
	return out
}

// rollCall marks every member present, names the counting committee (the
// first three voting members after the chair, the first of them its head)
// and lets the chair preside.
func rollCall(ctx context.Context, st *store.Store, rec *model.Record) error {
	var tellers []int64
	chair := int64(0)
	for _, m := range rec.Members {
		if err := st.SetAttendance(ctx, m.ID, model.AttendancePresent, ""); err != nil {
			return err
		}
		switch {
		case m.Role == model.RoleChair:
			chair = m.ID
		case m.Votes && len(tellers) < rec.Plan.Meeting.Tellers:
			tellers = append(tellers, m.ID)
		}
	}
	for i, id := range tellers {
		var err error
		if i == 0 {
			err = st.SetTellerHead(ctx, id)
		} else {
			err = st.SetTeller(ctx, id, true)
		}
		if err != nil {
			return err
		}
	}
	if chair != 0 {
		return st.SetPresiding(ctx, chair)
	}
	return nil
}

// reviewBatch is how many nominees one transaction of the review covers.
const reviewBatch = 500

// review answers every nominee's eligibility checks (a condition applies
// where the unit reported it) and marks every criterion of every
// candidacy: nearly all met, the optional innovation criterion met by
// some, and one required criterion not met for about one candidacy in
// seventy.
func (g *gen) review(ctx context.Context, st *store.Store, rec *model.Record) error {
	for start := 0; start < len(rec.Nominees); start += reviewBatch {
		var (
			checks []store.CheckEntry
			marks  []store.MarkEntry
		)
		for _, n := range rec.Nominees[start:min(start+reviewBatch, len(rec.Nominees))] {
			for _, c := range rec.Plan.Eligibility {
				checks = append(checks, store.CheckEntry{Nominee: n.ID, Code: c.Code, Applies: slices.Contains(n.Facts, c.Code)})
			}
			for _, award := range n.Awards {
				criteria := rec.Plan.CriteriaFor(n.Kind, award)
				fail := -1
				if g.rng.IntN(70) == 0 {
					fail = g.rng.IntN(len(criteria))
					for !criteria[fail].Required {
						fail = (fail + 1) % len(criteria)
					}
				}
				for i, c := range criteria {
					m := store.MarkEntry{Nominee: n.ID, Award: award, Idx: i, Mark: model.MarkMet}
					switch {
					case i == fail:
						m.Mark, m.Note = model.MarkNotMet, "Chưa đủ minh chứng theo hồ sơ đề nghị."
					case !c.Required && g.rng.IntN(5) < 2:
						m.Mark = model.MarkNotMet
					case !c.Required && g.rng.IntN(4) == 0:
						m.Note = "Sáng kiến được Hội đồng sáng kiến cấp tỉnh công nhận."
					}
					marks = append(marks, m)
				}
			}
		}
		if err := st.Review(ctx, checks, marks); err != nil {
			return err
		}
	}
	return nil
}

// plannedRound is one round to hold: an award and the nominees on its
// ballot.
type plannedRound struct {
	award    string
	nominees []int64
}

// roundPlan splits the candidacies ready for a ballot, award by award in
// the plan's order and nominees in the record's order, into rounds of at
// most RoundSize, and keeps the first n (all of them for AllRounds).
func roundPlan(rec *model.Record, n int) ([]plannedRound, error) {
	ix := voting.NewIndex(rec)
	var out []plannedRound
	for _, a := range rec.Plan.Awards {
		if !a.Rule.BallotRequired {
			continue
		}
		ids := ix.Candidates(a.Code)
		for start := 0; start < len(ids); start += RoundSize {
			out = append(out, plannedRound{award: a.Code, nominees: ids[start:min(start+RoundSize, len(ids))]})
		}
	}
	switch {
	case n == AllRounds:
		return out, nil
	case n > len(out):
		return nil, model.Errorf(model.EInvalid,
			"Chỉ mở được %d vòng bỏ phiếu (mỗi vòng tối đa %d đối tượng) với %d đối tượng sẵn sàng bỏ phiếu; không thể mở %d vòng.",
			len(out), RoundSize, readyCount(out), n)
	}
	return out[:n], nil
}

// readyCount counts the nominees on the ballots of rounds.
func readyCount(rounds []plannedRound) int {
	n := 0
	for _, r := range rounds {
		n += len(r.nominees)
	}
	return n
}

// support draws, for each nominee, how likely a member is to agree: most
// nominees are supported by nearly everyone, some by most, a few by half.
func (g *gen) support(rec *model.Record) map[int64]float64 {
	out := make(map[int64]float64, len(rec.Nominees))
	for _, n := range rec.Nominees {
		switch k := g.rng.IntN(100); {
		case k < 80:
			out[n.ID] = 0.985
		case k < 93:
			out[n.ID] = 0.85
		default:
			out[n.ID] = 0.5
		}
	}
	return out
}

// round opens a round, has every voter cast a ballot and closes it.
func (g *gen) round(ctx context.Context, st *store.Store, key *store.SecretaryKey, c *clock, r plannedRound, voters []int64, support map[int64]float64) error {
	id, err := st.OpenRound(ctx, r.award, r.nominees)
	if err != nil {
		return err
	}
	for _, v := range voters {
		c.wait(20 * time.Second)
		choices := make(map[int64]bool, len(r.nominees))
		for _, n := range r.nominees {
			choices[n] = g.rng.Float64() < support[n]
		}
		if err := st.CastBallot(ctx, id, v, "", choices); err != nil {
			return err
		}
	}
	c.wait(time.Minute)
	return st.CloseRound(ctx, id, key)
}

// Build builds a synthetic meeting in a new file at path with Generate. A
// file it created and could not finish is removed, with the files SQLite
// and the program keep beside it, so that a failed build leaves nothing
// half made behind.
func Build(ctx context.Context, path string, o Options, secretaryCode string) (Summary, error) {
	_, statErr := os.Stat(path)
	created := errors.Is(statErr, os.ErrNotExist)
	st, err := store.Open(path)
	if err != nil {
		return Summary{}, err
	}
	sum, err := Generate(ctx, st, o, secretaryCode)
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	if err != nil && created {
		for _, f := range []string{path, path + "-wal", path + "-shm", path + "-journal", path + ".lock", path + ".log"} {
			os.Remove(f)
		}
	}
	return sum, err
}
