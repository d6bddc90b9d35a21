package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"hoidong/model"
	"hoidong/voting"
)

// SchemaVersion is the version of the JSON document's layout; it changes
// whenever the layout changes. Version 2 added quotas and tie-breaks, the
// round a re-vote settles, the chair's decisions, corrections, the event
// log and its head hash. Version 3 replaced each result line's "pass" and
// "verdict" by "threshold_met" (the vote reached the award's threshold) and
// "standing" with "standing_label" (the final standing, quota and ties
// settled), gave each candidacy its standing, each round its close head and
// a re-vote its places at stake, the quorum its arithmetic, and the record
// "draft" (its meeting not yet closed); results are in the record's
// nominee order. Version 4 added who presides over the meeting, the date
// the secretary confirmed for the minutes and the date the documents
// carry. Version 5 added each award's dossier ("documents"), each
// candidacy's dossier with what was received ("dossier",
// "dossier_complete"), and who said what ("remarks") on each nominee and
// on the meeting. Version 6 added written ballots of absent members and
// nominated members (see writtenJSON).
const SchemaVersion = 6

// The JSON document's types: stable snake_case English names, independent of
// the Go field names of model so a refactor cannot change the file.
type (
	jsonRecord struct {
		SchemaVersion int               `json:"schema_version"`
		Draft         bool              `json:"draft"` // the meeting is not closed: everything may still change
		Org           jsonOrg           `json:"org"`
		Plan          jsonPlan          `json:"plan"`
		Meeting       jsonMeeting       `json:"meeting"`
		Awards        []jsonAward       `json:"awards"`
		Criteria      []jsonCriteriaSet `json:"criteria"`
		Eligibility   []jsonCheck       `json:"eligibility_checks"`
		Members       []jsonMember      `json:"members"`
		Nominees      []jsonNominee     `json:"nominees"`
		Rounds        []jsonRound       `json:"rounds"`
		Decisions     []jsonDecision    `json:"decisions"`
		Recommended   []jsonRecommended `json:"recommended"`
		Corrections   []jsonCorrection  `json:"corrections"`
		Nominated     []jsonConflict    `json:"nominated_members"`
		Events        []jsonEvent       `json:"events"`
		Head          string            `json:"head"`
	}
	jsonQuota struct {
		Count   int          `json:"count"`
		ShareOf string       `json:"share_of"`
		Share   jsonFraction `json:"share"`
	}
	jsonDecision struct {
		Award   string  `json:"award"`
		RoundID int64   `json:"round_id"`
		Tied    []int64 `json:"tied"`
		Chosen  []int64 `json:"chosen"`
		Chair   string  `json:"chair"`
		At      string  `json:"at,omitempty"`
		Note    string  `json:"note"`
	}
	jsonCorrection struct {
		At   string `json:"at,omitempty"`
		Text string `json:"text"`
	}
	jsonEvent struct {
		Seq    int64  `json:"seq"`
		At     string `json:"at,omitempty"`
		Kind   string `json:"kind"`
		Detail string `json:"detail"`
		Hash   string `json:"hash"`
	}
	jsonOrg struct {
		Name     string `json:"name"`
		Superior string `json:"superior"`
		Place    string `json:"place"`
	}
	jsonPlan struct {
		Number  string `json:"number"`
		Date    string `json:"date"`
		Title   string `json:"title"`
		Year    int    `json:"year"`
		Council string `json:"council"`
	}
	jsonFraction struct {
		Num  int64  `json:"num"`
		Den  int64  `json:"den"`
		Text string `json:"text"`
	}
	jsonQuorum struct {
		Rule       jsonFraction `json:"rule"`
		Present    int          `json:"present"`
		Total      int          `json:"total"`
		Needed     int          `json:"needed"`
		Met        bool         `json:"met"`
		Arithmetic string       `json:"arithmetic"`
		Text       string       `json:"text"`
	}
	jsonMeeting struct {
		Number     string     `json:"number"`
		Date       string     `json:"date"`
		Place      string     `json:"place"`
		Tellers    int        `json:"tellers"`
		Secret     bool       `json:"secret"`
		Status     string     `json:"status"`
		StartedAt  string     `json:"started_at,omitempty"`
		ClosedAt   string     `json:"closed_at,omitempty"`
		Discussion string     `json:"discussion"`
		Quorum     jsonQuorum `json:"quorum"`
		// PresidingID is who presides (model.Record.Presiding), 0 for
		// nobody yet; PresidingRecorded whether the secretary recorded it.
		PresidingID       int64        `json:"presiding_member_id"`
		Presiding         string       `json:"presiding"`
		PresidingRecorded bool         `json:"presiding_recorded"`
		MinutesDate       string       `json:"minutes_date"`  // confirmed by the secretary, "" for none
		DocumentDate      string       `json:"document_date"` // the date the documents carry
		Remarks           []jsonRemark `json:"remarks"`
		WrittenBallots    bool         `json:"written_ballots"`
		NominatedMembers  string       `json:"nominated_members"` // "disclose" or "recuse"
	}
	jsonRule struct {
		BallotRequired bool         `json:"ballot_required"`
		Threshold      jsonFraction `json:"threshold"`
		Comparison     string       `json:"comparison"`
		Base           string       `json:"base"`
		Text           string       `json:"text"`
	}
	jsonAward struct {
		Code       string         `json:"code"`
		Name       string         `json:"name"`
		Authority  string         `json:"authority"`
		Superior   bool           `json:"superior"`
		Recipients string         `json:"recipients"`
		Rule       jsonRule       `json:"rule"`
		Quota      *jsonQuota     `json:"quota"`
		TieBreak   string         `json:"tie_break"`
		Documents  []jsonDocument `json:"documents"`
		Written    bool           `json:"written_ballots"` // its rounds accept written ballots of absent members
	}
	jsonCriterion struct {
		Text     string `json:"text"`
		Required bool   `json:"required"`
	}
	jsonCriteriaSet struct {
		Kind     string          `json:"kind"`
		Award    string          `json:"award"`
		Criteria []jsonCriterion `json:"criteria"`
	}
	jsonCheck struct {
		Code   string `json:"code"`
		Text   string `json:"text"`
		Effect string `json:"effect"`
	}
	jsonMember struct {
		ID           int64  `json:"id"`
		Name         string `json:"name"`
		Position     string `json:"position"`
		Role         string `json:"role"`
		RoleLabel    string `json:"role_label"`
		Votes        bool   `json:"votes"`
		Attendance   string `json:"attendance"`
		AbsentReason string `json:"absent_reason"`
		Teller       bool   `json:"teller"`
		TellerHead   bool   `json:"teller_head"`
		Written      bool   `json:"written_ballot"` // absent, sends a written ballot
	}
	jsonCheckMark struct {
		Code      string `json:"code"`
		Confirmed bool   `json:"confirmed"`
		Applies   bool   `json:"applies"`
	}
	jsonMark struct {
		Criterion string `json:"criterion"`
		Required  bool   `json:"required"`
		Mark      string `json:"mark"`
		Note      string `json:"note"`
	}
	// jsonCandidacy is a nominee proposed for one award. Status is the
	// review's status in Vietnamese. Standing and StandingLabel are its
	// final standing: its outcome in RoundID, the first closed round it was
	// put to, a tie there followed through its re-votes ("revote-won");
	// both empty and RoundID 0 when no closed round lists it. Recommended
	// says whether it is on the recommended list.
	jsonCandidacy struct {
		Award         string            `json:"award"`
		Status        string            `json:"status"`
		Standing      string            `json:"standing"`
		StandingLabel string            `json:"standing_label"`
		RoundID       int64             `json:"round_id"`
		Recommended   bool              `json:"recommended"`
		Marks         []jsonMark        `json:"marks"`
		CriteriaMet   int               `json:"criteria_met"`
		Criteria      int               `json:"criteria_total"`
		Dossier       []jsonDossierItem `json:"dossier"`
		Complete      bool              `json:"dossier_complete"`
	}
	jsonNominee struct {
		ID                int64           `json:"id"`
		Kind              string          `json:"kind"`
		KindLabel         string          `json:"kind_label"`
		Name              string          `json:"name"`
		Unit              string          `json:"unit"`
		Position          string          `json:"position"`
		Awards            []string        `json:"awards"`
		Summary           string          `json:"summary"`
		Facts             []string        `json:"facts"`
		Eligibility       string          `json:"eligibility"`
		EligibilityReason string          `json:"eligibility_reason"`
		Checks            []jsonCheckMark `json:"checks"`
		Candidacies       []jsonCandidacy `json:"candidacies"`
		Note              string          `json:"note"`
		Remarks           []jsonRemark    `json:"remarks"`
	}
	// jsonBallot lists the nominees a ballot agrees and disagrees with, in
	// ballot order; a nominee in neither list was left unmarked.
	jsonBallot struct {
		ID       string  `json:"id"`
		Agree    []int64 `json:"agree"`
		Disagree []int64 `json:"disagree"`
	}
	// jsonResult is one nominee's line in a closed round: ThresholdMet is
	// whether the vote reached the award's threshold; Standing (a stable
	// English word, see voting.Outcome) and StandingLabel are the final
	// standing, which the quota and a tie at its line can make differ;
	// RevoteRoundID is the round that re-votes its tie, once opened.
	jsonResult struct {
		NomineeID     int64  `json:"nominee_id"`
		Agree         int    `json:"agree"`
		Disagree      int    `json:"disagree"`
		Base          int    `json:"base"`
		Share         string `json:"share"`
		ThresholdMet  bool   `json:"threshold_met"`
		Standing      string `json:"standing"`
		StandingLabel string `json:"standing_label"`
		Recommended   bool   `json:"recommended"`
		RevoteRoundID int64  `json:"revote_round_id"`
		Working       string `json:"working"`
		Recused       int    `json:"recused"` // members the base left out: they recused themselves
	}
	jsonRound struct {
		ID         int64         `json:"id"`
		Seq        int           `json:"seq"`
		ParentID   int64         `json:"parent_id"`
		Award      string        `json:"award"`
		Mode       string        `json:"mode"`
		Status     string        `json:"status"`
		OpenedAt   string        `json:"opened_at,omitempty"`
		ClosedAt   string        `json:"closed_at,omitempty"`
		Nominees   []int64       `json:"nominees"` // in ballot order
		Places     *int          `json:"places_at_stake,omitempty"`
		CloseHead  string        `json:"close_head"`
		Eligible   int           `json:"eligible"`
		AllMembers int           `json:"all_members"`
		Voters     []int64       `json:"voters"`
		Written    []int64       `json:"written"` // of the voters (paper: envelopes), those who sent a written ballot
		Recused    []jsonRecusal `json:"recused"`
		Issued     int           `json:"issued"`
		Returned   int           `json:"returned"`
		Valid      int           `json:"valid"`
		Invalid    int           `json:"invalid"`
		Ballots    []jsonBallot  `json:"ballots"`
		Results    []jsonResult  `json:"results"`
	}
	jsonRecommended struct {
		Award      string  `json:"award"`
		Collective []int64 `json:"collective"`
		Individual []int64 `json:"individual"`
	}
)

// JSON writes the whole record as indented JSON with "schema_version": 3,
// stable snake_case field names and times in RFC 3339 at +07:00.
func JSON(w io.Writer, rec *model.Record) error {
	if rec == nil {
		return errNoRecord()
	}
	return writeJSON(w, newBook(rec))
}

// writeJSON writes the record of k as JSON does.
func writeJSON(w io.Writer, k *book) error {
	doc := buildJSON(k)
	var err error
	werr := nfc(w, func(b *bufio.Writer) { err = encodeFields(b, &doc) })
	if err != nil {
		return err
	}
	return werr
}

// encodeFields writes v, a pointer to a struct whose fields have plain
// JSON names, exactly as a json.Encoder with SetIndent("", "  ") and
// SetEscapeHTML(false) writes it, but a field at a time and the elements
// of a field that is a slice one at a time, so that the whole text is
// never held at once.
func encodeFields(w io.Writer, v any) error {
	s := reflect.ValueOf(v).Elem()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	// put writes the value encoded with lines after its first indented
	// as at depth.
	put := func(x any, prefix string) error {
		if e, ok := x.(jsonEvent); ok {
			// The log is most of the document: its events are written
			// directly, as the encoder would write them.
			_, err := w.Write(e.appendIndented(buf.AvailableBuffer(), prefix))
			return err
		}
		buf.Reset()
		enc.SetIndent(prefix, "  ")
		if err := enc.Encode(x); err != nil {
			return err
		}
		_, err := w.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
		return err
	}
	write := func(text string) error {
		_, err := io.WriteString(w, text)
		return err
	}
	if err := write("{\n"); err != nil {
		return err
	}
	for i := range s.NumField() {
		name, opts, _ := strings.Cut(s.Type().Field(i).Tag.Get("json"), ",")
		if opts != "" || name == "" || name == "-" {
			return fmt.Errorf("encode %s: field %s has no plain JSON name", s.Type(), s.Type().Field(i).Name)
		}
		sep := ",\n"
		if i == s.NumField()-1 {
			sep = "\n"
		}
		key, err := json.Marshal(name)
		if err != nil {
			return err
		}
		if err := write("  " + string(key) + ": "); err != nil {
			return err
		}
		f := s.Field(i)
		if f.Kind() != reflect.Slice || f.Len() == 0 {
			if err := put(f.Interface(), "  "); err != nil {
				return err
			}
		} else {
			if err := write("[\n"); err != nil {
				return err
			}
			for j := range f.Len() {
				if err := write("    "); err != nil {
					return err
				}
				if err := put(f.Index(j).Interface(), "    "); err != nil {
					return err
				}
				end := ",\n"
				if j == f.Len()-1 {
					end = "\n"
				}
				if err := write(end); err != nil {
					return err
				}
			}
			if err := write("  ]"); err != nil {
				return err
			}
		}
		if err := write(sep); err != nil {
			return err
		}
	}
	return write("}\n")
}

// appendIndented appends the event as a json.Encoder with
// SetIndent(prefix, "  ") and SetEscapeHTML(false) writes it, without the
// newline the encoder ends with.
func (e jsonEvent) appendIndented(b []byte, prefix string) []byte {
	in := prefix + "  "
	field := func(name string) {
		b = append(b, in...)
		b = append(b, '"')
		b = append(b, name...)
		b = append(b, '"', ':', ' ')
	}
	b = append(b, '{', '\n')
	field("seq")
	b = strconv.AppendInt(b, e.Seq, 10)
	if e.At != "" {
		b = append(b, ',', '\n')
		field("at")
		b = model.AppendJSONString(b, false, e.At)
	}
	for _, f := range []struct{ name, value string }{{"kind", e.Kind}, {"detail", e.Detail}, {"hash", e.Hash}} {
		b = append(b, ',', '\n')
		field(f.name)
		b = model.AppendJSONString(b, false, f.value)
	}
	b = append(b, '\n')
	b = append(b, prefix...)
	return append(b, '}')
}

// fraction converts a threshold.
func fraction(f model.Fraction) jsonFraction {
	return jsonFraction{Num: f.Num, Den: f.Den, Text: voting.FormatFraction(f)}
}

// orEmpty returns s, or an empty non-nil slice so JSON shows [] not null.
func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// buildJSON maps the record onto the JSON document.
func buildJSON(k *book) jsonRecord {
	rec := k.rec
	p := &rec.Plan
	ix := k.ix
	q := voting.Quorum(rec)
	out := jsonRecord{
		SchemaVersion: SchemaVersion,
		Draft:         k.draft,
		Org:           jsonOrg{Name: p.Org.Name, Superior: p.Org.Superior, Place: p.Org.Place},
		Plan:          jsonPlan{Number: p.Ref.Number, Date: p.Ref.Date, Title: p.Ref.Title, Year: p.Ref.Year, Council: p.Council.Name},
		Meeting: jsonMeeting{
			Number: p.Meeting.Number, Date: p.Meeting.Date, Place: p.Meeting.Place, Tellers: p.Meeting.Tellers,
			Secret:     p.Meeting.Secret,
			Status:     rec.Meeting.Status.String(),
			StartedAt:  rfc3339(rec.Meeting.StartedAt),
			ClosedAt:   rfc3339(rec.Meeting.ClosedAt),
			Discussion: rec.Meeting.Discussion,
			Quorum: jsonQuorum{Rule: fraction(q.Rule), Present: q.Present, Total: q.Total, Needed: q.Needed(), Met: q.Met,
				Arithmetic: q.Arithmetic(), Text: q.Text()},
			PresidingRecorded: rec.Meeting.Presiding != 0,
			MinutesDate:       rec.Meeting.MinutesDate,
			DocumentDate:      rec.DocumentDate(),
			Remarks:           remarksJSON(rec.Meeting.Remarks),
			WrittenBallots:    p.Meeting.WrittenBallots,
			NominatedMembers:  p.Meeting.Nominated.String(),
		},
		Awards:      []jsonAward{},
		Criteria:    []jsonCriteriaSet{},
		Eligibility: []jsonCheck{},
		Members:     []jsonMember{},
		Nominees:    []jsonNominee{},
		Rounds:      []jsonRound{},
		Decisions:   []jsonDecision{},
		Recommended: []jsonRecommended{},
		Corrections: []jsonCorrection{},
		Events:      []jsonEvent{},
		Nominated:   conflictsJSON(rec),
		Head:        rec.Head,
	}
	if m, ok := rec.Presiding(); ok {
		out.Meeting.PresidingID, out.Meeting.Presiding = m.ID, m.Name
	}
	for _, a := range p.Awards {
		var quota *jsonQuota
		if q := a.Quota; q != nil {
			quota = &jsonQuota{Count: q.Count, ShareOf: q.ShareOf, Share: fraction(q.Share)}
		}
		tie := a.TieBreak
		if tie == 0 {
			tie = model.TieRevote
		}
		out.Awards = append(out.Awards, jsonAward{
			Quota: quota, TieBreak: tie.String(), Written: p.AcceptsWritten(a.Code),
			Code: a.Code, Name: a.Name, Authority: a.Authority, Superior: a.Superior,
			Recipients: a.Recipients.String(),
			Rule: jsonRule{
				BallotRequired: a.Rule.BallotRequired, Threshold: fraction(a.Rule.Threshold),
				Comparison: a.Rule.Comparison.String(), Base: a.Rule.Base.String(),
				Text: voting.RuleText(a.Rule),
			},
			Documents: documentsJSON(a.Documents),
		})
	}
	for _, s := range p.Criteria {
		cs := jsonCriteriaSet{Kind: s.Kind.String(), Award: s.Award, Criteria: []jsonCriterion{}}
		for _, c := range s.Criteria {
			cs.Criteria = append(cs.Criteria, jsonCriterion{Text: c.Text, Required: c.Required})
		}
		out.Criteria = append(out.Criteria, cs)
	}
	for _, c := range p.Eligibility {
		out.Eligibility = append(out.Eligibility, jsonCheck{Code: c.Code, Text: c.Text, Effect: c.Effect.String()})
	}
	for _, m := range rec.Members {
		out.Members = append(out.Members, jsonMember{
			ID: m.ID, Name: m.Name, Position: m.Position, Role: m.Role.String(), RoleLabel: m.Role.Label(),
			Votes: m.Votes, Attendance: m.Attendance.String(), AbsentReason: m.AbsentReason,
			Teller: m.Teller, TellerHead: m.TellerHead, Written: m.WrittenBallot,
		})
	}
	recommended := map[candidacy]bool{}
	for _, l := range k.recommended() {
		for _, id := range append(slices.Clone(l.Collective), l.Individual...) {
			recommended[candidacy{id, l.Award.Code}] = true
		}
	}
	for i := range rec.Nominees {
		out.Nominees = append(out.Nominees, nomineeJSON(p, ix, &rec.Nominees[i], recommended))
	}
	for _, r := range k.rounds {
		out.Rounds = append(out.Rounds, roundJSON(k, r))
	}
	for _, d := range rec.Decisions {
		out.Decisions = append(out.Decisions, jsonDecision{
			Award: d.Award, RoundID: d.Round, Tied: orEmpty(slices.Clone(d.Tied)), Chosen: orEmpty(slices.Clone(d.Chosen)),
			Chair: d.Chair, At: rfc3339(d.At), Note: d.Note,
		})
	}
	for _, c := range rec.Corrections {
		out.Corrections = append(out.Corrections, jsonCorrection{At: rfc3339(c.At), Text: c.Text})
	}
	for _, e := range rec.Events {
		out.Events = append(out.Events, jsonEvent{Seq: e.Seq, At: rfc3339(e.At), Kind: e.Kind, Detail: e.Detail, Hash: e.Hash})
	}
	for _, l := range k.recommended() {
		out.Recommended = append(out.Recommended, jsonRecommended{
			Award: l.Award.Code, Collective: orEmpty(l.Collective), Individual: orEmpty(l.Individual),
		})
	}
	return out
}

// nomineeJSON maps one nominee with the council's review; recommended
// holds the candidacies on the recommended list.
func nomineeJSON(p *model.Plan, ix *voting.Index, n *model.NomineeRecord, recommended map[candidacy]bool) jsonNominee {
	jn := jsonNominee{
		ID: n.ID, Kind: n.Kind.String(), KindLabel: n.Kind.Label(), Name: n.Name, Unit: n.Unit,
		Position: n.Position, Awards: orEmpty(slices.Clone(n.Awards)), Summary: n.Summary,
		Facts:             orEmpty(slices.Clone(n.Facts)),
		Eligibility:       voting.EligibilityOf(p, n).String(),
		EligibilityReason: voting.EligibilityReason(p, n),
		Checks:            []jsonCheckMark{},
		Candidacies:       []jsonCandidacy{},
		Note:              n.Note,
		Remarks:           remarksJSON(n.Remarks),
	}
	for _, c := range n.Checks {
		jn.Checks = append(jn.Checks, jsonCheckMark{Code: c.Code, Confirmed: c.Confirmed, Applies: c.Applies})
	}
	for _, c := range n.Candidacies {
		criteria := p.CriteriaFor(n.Kind, c.Award)
		cl := voting.ChecklistOf(p, n, c.Award)
		jc := jsonCandidacy{
			Award: c.Award, Status: ix.Status(n, c.Award).Label(), Marks: []jsonMark{},
			CriteriaMet: cl.Met, Criteria: cl.Total, Recommended: recommended[candidacy{n.ID, c.Award}],
			Dossier: dossierJSON(n.Dossier(p, c.Award)), Complete: len(n.MissingDocuments(p, c.Award)) == 0,
		}
		if r, lo, ok := ix.Final(n.ID, c.Award); ok {
			jc.Standing, jc.StandingLabel, jc.RoundID = lo.Outcome.String(), lo.Outcome.Label(), r.ID
		}
		for i, mk := range c.Marks {
			jm := jsonMark{Mark: mk.Mark.String(), Note: mk.Note}
			if i < len(criteria) {
				jm.Criterion, jm.Required = criteria[i].Text, criteria[i].Required
			}
			jc.Marks = append(jc.Marks, jm)
		}
		jn.Candidacies = append(jn.Candidacies, jc)
	}
	return jn
}

// roundJSON maps one round; ballots and results appear only once it is
// closed, as nothing about the votes may show while a round is open. The
// results are in the record's nominee order, each with its verdict.
func roundJSON(k *book, r model.Round) jsonRound {
	rule := k.award(r.Award).Rule
	jr := jsonRound{
		ID: r.ID, Seq: r.Seq, ParentID: r.Parent, Award: r.Award, Mode: r.Mode.String(), Status: r.Status.String(),
		OpenedAt: rfc3339(r.OpenedAt), ClosedAt: rfc3339(r.ClosedAt), CloseHead: r.CloseHead,
		Nominees: orEmpty(slices.Clone(r.Nominees)), Eligible: r.Eligible, AllMembers: r.AllMembers,
		Voters:  orEmpty(slices.Clone(r.Voters)),
		Written: orEmpty(slices.Clone(r.Written)), Recused: recusalsJSON(r),
		Ballots: []jsonBallot{}, Results: []jsonResult{},
	}
	if n, ok := k.ix.PlacesAtStake(r); ok {
		jr.Places = &n
	}
	if r.Status != model.RoundClosed {
		return jr
	}
	jr.Issued, jr.Returned, jr.Valid, jr.Invalid = figures(r)
	ballots := slices.Clone(r.Ballots)
	slices.SortFunc(ballots, func(a, b model.Ballot) int { return strings.Compare(a.ID, b.ID) })
	for _, b := range ballots {
		jb := jsonBallot{ID: b.ID, Agree: []int64{}, Disagree: []int64{}}
		for _, id := range choiceOrder(r.Nominees, b.Choices) {
			if b.Choices[id] {
				jb.Agree = append(jb.Agree, id)
			} else {
				jb.Disagree = append(jb.Disagree, id)
			}
		}
		jr.Ballots = append(jr.Ballots, jb)
	}
	for _, lo := range k.lines(r) {
		l := lo.Line
		jr.Results = append(jr.Results, jsonResult{
			NomineeID: l.NomineeID, Agree: l.Agree, Disagree: l.Disagree, Base: l.Base,
			Share: voting.FormatShare(l.Agree, l.Base), ThresholdMet: lo.Threshold,
			Standing: lo.Outcome.String(), StandingLabel: lo.Outcome.Label(), Recommended: lo.Outcome.Recommended(),
			RevoteRoundID: lo.Revote, Working: lo.Explain(rule), Recused: len(k.rec.RecusedIn(r, l.NomineeID)),
		})
	}
	return jr
}

// choiceOrder lists the nominee ids of a ballot's choices in ballot order,
// then any others sorted, so a map never decides the order of the file.
func choiceOrder(order []int64, choices map[int64]bool) []int64 {
	ids := make([]int64, 0, len(choices))
	seen := make(map[int64]bool, len(order))
	for _, id := range order {
		if _, ok := choices[id]; ok && !seen[id] {
			ids = append(ids, id)
			seen[id] = true
		}
	}
	var rest []int64
	for id := range choices {
		if !seen[id] {
			rest = append(rest, id)
		}
	}
	slices.Sort(rest)
	return append(ids, rest...)
}
