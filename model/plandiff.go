package model

import (
	"fmt"
	"strconv"
	"strings"
)

// absent stands for a value or an item one side of a comparison does not have.
const absent = "(không có)"

// PlanDiff names every field in which after differs from before, in the
// plan file's own terms: the TOML key path with indexes counted from 1, the
// value before, an arrow, the value after, e.g.
//
//	awards[2].threshold: 70% → 50%
//	council.name: "Hội đồng Thi đua" → "Hội đồng Thi đua – Khen thưởng"
//
// Text is quoted, enumerations use the file's spelling, thresholds are
// written as a plan writes them. Items of a list are compared by position,
// as the indexes say; an item only one side has is shown as "(không có)" on
// the other. It returns nil when the plans are the same.
func PlanDiff(before, after Plan) []string {
	d := &planDiff{}
	d.text("org.name", before.Org.Name, after.Org.Name)
	d.text("org.superior", before.Org.Superior, after.Org.Superior)
	d.text("org.place", before.Org.Place, after.Org.Place)

	d.text("plan.number", before.Ref.Number, after.Ref.Number)
	d.text("plan.date", before.Ref.Date, after.Ref.Date)
	d.text("plan.title", before.Ref.Title, after.Ref.Title)
	d.number("plan.year", before.Ref.Year, after.Ref.Year)

	d.text("meeting.number", before.Meeting.Number, after.Meeting.Number)
	d.text("meeting.date", before.Meeting.Date, after.Meeting.Date)
	d.text("meeting.place", before.Meeting.Place, after.Meeting.Place)
	d.fraction("meeting.quorum", before.Meeting.Quorum, after.Meeting.Quorum)
	d.number("meeting.tellers", before.Meeting.Tellers, after.Meeting.Tellers)
	d.flag("meeting.secret", before.Meeting.Secret, after.Meeting.Secret)
	d.documents(before, after)
	d.written(before, after)

	d.text("council.name", before.Council.Name, after.Council.Name)
	bm, am := before.Council.Members, after.Council.Members
	for i := range max(len(bm), len(am)) {
		path := planIndex("council.members", i)
		switch {
		case i >= len(bm):
			d.add(path, absent, strconv.Quote(am[i].Name))
		case i >= len(am):
			d.add(path, strconv.Quote(bm[i].Name), absent)
		default:
			b, a := bm[i], am[i]
			d.text(path+".name", b.Name, a.Name)
			d.text(path+".position", b.Position, a.Position)
			d.add(path+".role", b.Role.String(), a.Role.String())
			d.flag(path+".votes", b.Votes, a.Votes)
		}
	}

	for i := range max(len(before.Awards), len(after.Awards)) {
		path := planIndex("awards", i)
		switch {
		case i >= len(before.Awards):
			d.add(path, absent, awardSummary(after.Awards[i]))
		case i >= len(after.Awards):
			d.add(path, awardSummary(before.Awards[i]), absent)
		default:
			d.award(path, before.Awards[i], after.Awards[i])
		}
	}

	for i := range max(len(before.Criteria), len(after.Criteria)) {
		path := planIndex("criteria", i)
		switch {
		case i >= len(before.Criteria):
			d.add(path, absent, criteriaSummary(after.Criteria[i]))
		case i >= len(after.Criteria):
			d.add(path, criteriaSummary(before.Criteria[i]), absent)
		default:
			d.criteria(path, before.Criteria[i], after.Criteria[i])
		}
	}

	be, ae := before.Eligibility, after.Eligibility
	for i := range max(len(be), len(ae)) {
		path := planIndex("eligibility", i)
		switch {
		case i >= len(be):
			d.add(path, absent, strconv.Quote(ae[i].Code))
		case i >= len(ae):
			d.add(path, strconv.Quote(be[i].Code), absent)
		default:
			d.text(path+".code", be[i].Code, ae[i].Code)
			d.text(path+".text", be[i].Text, ae[i].Text)
			d.add(path+".effect", be[i].Effect.String(), ae[i].Effect.String())
		}
	}

	bn, an := before.Nominees, after.Nominees
	for i := range max(len(bn), len(an)) {
		path := planIndex("nominees", i)
		switch {
		case i >= len(bn):
			d.add(path, absent, strconv.Quote(an[i].Name))
		case i >= len(an):
			d.add(path, strconv.Quote(bn[i].Name), absent)
		default:
			b, a := bn[i], an[i]
			d.add(path+".kind", b.Kind.String(), a.Kind.String())
			d.text(path+".name", b.Name, a.Name)
			d.text(path+".unit", b.Unit, a.Unit)
			d.text(path+".position", b.Position, a.Position)
			d.add(path+".awards", textList(b.Awards), textList(a.Awards))
			d.text(path+".summary", b.Summary, a.Summary)
			d.add(path+".facts", textList(b.Facts), textList(a.Facts))
			d.nomineeDossier(path, b, a)
			d.text(path+".council_member", b.CouncilMember, a.CouncilMember)
		}
	}
	return d.out
}

// planDiff collects the lines of PlanDiff.
type planDiff struct {
	out []string
}

// add records a field whose value text differs.
func (d *planDiff) add(path, before, after string) {
	if before != after {
		d.out = append(d.out, path+": "+before+" → "+after)
	}
}

func (d *planDiff) text(path, before, after string) {
	d.add(path, strconv.Quote(before), strconv.Quote(after))
}

func (d *planDiff) number(path string, before, after int) {
	d.add(path, strconv.Itoa(before), strconv.Itoa(after))
}

func (d *planDiff) flag(path string, before, after bool) {
	d.add(path, strconv.FormatBool(before), strconv.FormatBool(after))
}

// fraction compares two thresholds exactly: "70%" and "700/1000" are
// different values as written, so when they read the same they are shown
// as fractions.
func (d *planDiff) fraction(path string, before, after Fraction) {
	if before == after {
		return
	}
	b, a := thresholdText(before), thresholdText(after)
	if b == a {
		b, a = fmt.Sprintf("%d/%d", before.Num, before.Den), fmt.Sprintf("%d/%d", after.Num, after.Den)
	}
	d.add(path, b, a)
}

// award compares two awards at the same position.
func (d *planDiff) award(path string, b, a Award) {
	d.text(path+".code", b.Code, a.Code)
	d.text(path+".name", b.Name, a.Name)
	d.text(path+".authority", b.Authority, a.Authority)
	d.flag(path+".superior", b.Superior, a.Superior)
	d.add(path+".for", b.Recipients.String(), a.Recipients.String())
	d.flag(path+".ballot", b.Rule.BallotRequired, a.Rule.BallotRequired)
	d.fraction(path+".threshold", b.Rule.Threshold, a.Rule.Threshold)
	d.add(path+".comparison", comparisonText(b.Rule.Comparison), comparisonText(a.Rule.Comparison))
	d.add(path+".base", b.Rule.Base.String(), a.Rule.Base.String())
	bq, aq := quotaParts(b.Quota), quotaParts(a.Quota)
	switch {
	case bq.share != nil && aq.share != nil:
		d.fraction(path+".quota", *bq.share, *aq.share)
	default:
		d.add(path+".quota", bq.text, aq.text)
	}
	d.add(path+".quota_of", bq.of, aq.of)
	d.add(path+".tie", tieText(b.TieBreak), tieText(a.TieBreak))
	d.add(path+".aliases", textList(b.Aliases), textList(a.Aliases))
	d.awardDocs(path, b, a)
	d.add(path+".written_ballots", optionalFlag(b.WrittenBallots), optionalFlag(a.WrittenBallots))
}

// criteria compares two criteria sets at the same position.
func (d *planDiff) criteria(path string, b, a CriteriaSet) {
	d.add(path+".for", b.Kind.String(), a.Kind.String())
	d.text(path+".award", b.Award, a.Award)
	for j := range max(len(b.Criteria), len(a.Criteria)) {
		ip := planIndex(path+".items", j)
		switch {
		case j >= len(b.Criteria):
			d.add(ip, absent, strconv.Quote(a.Criteria[j].Text))
		case j >= len(a.Criteria):
			d.add(ip, strconv.Quote(b.Criteria[j].Text), absent)
		default:
			d.text(ip+".text", b.Criteria[j].Text, a.Criteria[j].Text)
			d.flag(ip+".required", b.Criteria[j].Required, a.Criteria[j].Required)
		}
	}
}

// thresholdText writes a fraction as a plan file writes it: a power-of-ten
// denominator of 100 or more as a percentage with a decimal comma ("70%",
// "70,5%"), any other as "2/3"; an unset one as "(không có)".
func thresholdText(f Fraction) string {
	switch {
	case f.Den == 0:
		return absent
	case f.Num == 0:
		return "0%"
	}
	if f.Den >= 100 && f.Num > 0 && isPowerOfTen(f.Den) {
		per := f.Den / 100
		s := strconv.FormatInt(f.Num/per, 10)
		if rest := f.Num % per; rest != 0 {
			width := len(strconv.FormatInt(per, 10)) - 1
			s += "," + strings.TrimRight(fmt.Sprintf("%0*d", width, rest), "0")
		}
		return s + "%"
	}
	return fmt.Sprintf("%d/%d", f.Num, f.Den)
}

func isPowerOfTen(n int64) bool {
	for n > 1 && n%10 == 0 {
		n /= 10
	}
	return n == 1
}

// comparisonText is the plan file's spelling of a comparison.
func comparisonText(c Comparison) string {
	switch c {
	case AtLeast:
		return ">="
	case MoreThan:
		return ">"
	}
	return absent
}

// tieText is the plan file's spelling of a tie-break, or "(không có)".
func tieText(t TieBreak) string {
	if t == 0 {
		return absent
	}
	return t.String()
}

// quotaText is a quota's quota and quota_of keys as the file writes them.
type quotaText struct {
	text  string    // quota = 3, quota = "15%", or absent
	share *Fraction // the share, when the quota is one
	of    string    // quota_of, or absent
}

func quotaParts(q *Quota) quotaText {
	switch {
	case q == nil:
		return quotaText{text: absent, of: absent}
	case q.ShareOf == "" && q.Share == (Fraction{}):
		return quotaText{text: strconv.Itoa(q.Count), of: absent}
	}
	share := q.Share
	return quotaText{text: thresholdText(share), share: &share, of: strconv.Quote(q.ShareOf)}
}

// textList writes a list of text as the file does: ["a", "b"].
func textList(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = strconv.Quote(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// awardSummary names an award that only one side has.
func awardSummary(a Award) string {
	return fmt.Sprintf("%q (%s)", a.Code, a.Name)
}

// criteriaSummary names a criteria set that only one side has.
func criteriaSummary(s CriteriaSet) string {
	text := "bộ tiêu chuẩn cho " + strings.ToLower(s.Kind.Label())
	if s.Award != "" {
		text += ", danh hiệu " + strconv.Quote(s.Award)
	}
	return fmt.Sprintf("%s, %d tiêu chí", text, len(s.Criteria))
}
