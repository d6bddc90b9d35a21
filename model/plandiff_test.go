package model

import (
	"reflect"
	"slices"
	"strconv"
	"testing"
)

// clonePlan copies a plan deeply enough for a test to change any field of
// the copy without touching the original.
func clonePlan(p Plan) Plan {
	c := p
	c.Council.Members = slices.Clone(p.Council.Members)
	c.Awards = slices.Clone(p.Awards)
	for i, a := range c.Awards {
		c.Awards[i].Aliases = slices.Clone(a.Aliases)
		if a.Quota != nil {
			q := *a.Quota
			c.Awards[i].Quota = &q
		}
	}
	c.Criteria = slices.Clone(p.Criteria)
	for i, s := range c.Criteria {
		c.Criteria[i].Criteria = slices.Clone(s.Criteria)
	}
	c.Eligibility = slices.Clone(p.Eligibility)
	c.Nominees = slices.Clone(p.Nominees)
	for i, n := range c.Nominees {
		c.Nominees[i].Awards = slices.Clone(n.Awards)
		c.Nominees[i].Facts = slices.Clone(n.Facts)
	}
	return c
}

func TestPlanDiff(t *testing.T) {
	base := SamplePlan()
	// Find the sample's awards by their rules, so that the test states
	// what it relies on.
	quotaCount, quotaShare := -1, -1
	for i, a := range base.Awards {
		switch {
		case a.Quota != nil && quotaCount < 0:
			quotaCount = i
		case a.Quota != nil && quotaShare < 0:
			quotaShare = i
		}
	}
	if quotaShare >= 0 {
		// The second quota of the sample is a count; the test states it
		// as a share of another award's winners, as plans often do.
		base.Awards[quotaShare].Quota = &Quota{ShareOf: "LDTT", Share: Fraction{15, 100}}
	}
	if quotaCount < 0 || quotaShare < 0 || len(base.Awards) < 3 || len(base.Criteria) < 1 || len(base.Eligibility) < 1 {
		t.Fatal("the sample plan no longer has the awards this test changes")
	}
	idx := func(i int) string { return "awards[" + strconv.Itoa(i+1) + "]" }
	cases := []struct {
		name   string
		change func(p *Plan)
		want   []string
	}{
		{"nothing", func(*Plan) {}, nil},
		{"org", func(p *Plan) { p.Org.Name = "UBND xã Khác"; p.Org.Place = "" }, []string{
			`org.name: "UBND thị trấn Như Quỳnh" → "UBND xã Khác"`,
			`org.place: "Như Quỳnh" → ""`}},
		{"ref", func(p *Plan) { p.Ref.Number = "12/KH-UBND"; p.Ref.Year = 2024 }, []string{
			`plan.number: "11/KH-UBND" → "12/KH-UBND"`,
			`plan.year: 2023 → 2024`}},
		{"council name", func(p *Plan) { p.Council.Name = "Hội đồng" }, []string{
			`council.name: "Hội đồng Thi đua – Khen thưởng thị trấn Như Quỳnh" → "Hội đồng"`}},
		{"threshold as a percentage", func(p *Plan) { p.Awards[1].Rule.Threshold = Fraction{50, 100} }, []string{
			idx(1) + ".threshold: " + thresholdText(base.Awards[1].Rule.Threshold) + " → 50%"}},
		{"threshold with a decimal comma", func(p *Plan) { p.Awards[1].Rule.Threshold = Fraction{705, 1000} }, []string{
			idx(1) + ".threshold: " + thresholdText(base.Awards[1].Rule.Threshold) + " → 70,5%"}},
		{"threshold as a fraction", func(p *Plan) { p.Awards[1].Rule.Threshold = Fraction{2, 3} }, []string{
			idx(1) + ".threshold: " + thresholdText(base.Awards[1].Rule.Threshold) + " → 2/3"}},
		{"same percentage written otherwise", func(p *Plan) { p.Awards[1].Rule.Threshold = Fraction{700, 1000} }, []string{
			idx(1) + ".threshold: 70/100 → 700/1000"}},
		{"comparison and base", func(p *Plan) {
			p.Awards[1].Rule.Comparison = MoreThan
			p.Awards[1].Rule.Base = BaseValid
		}, []string{idx(1) + ".comparison: >= → >", idx(1) + ".base: all-members → valid-ballots"}},
		{"award texts and flags", func(p *Plan) {
			p.Awards[0].Code = "X"
			p.Awards[0].Name = "Tên khác"
			p.Awards[0].Authority = "Ai đó"
			p.Awards[0].Superior = !base.Awards[0].Superior
			p.Awards[0].Recipients = ForCollective
			p.Awards[0].Rule.BallotRequired = !base.Awards[0].Rule.BallotRequired
		}, []string{
			idx(0) + `.code: "` + base.Awards[0].Code + `" → "X"`,
			idx(0) + `.name: "` + base.Awards[0].Name + `" → "Tên khác"`,
			idx(0) + `.authority: "` + base.Awards[0].Authority + `" → "Ai đó"`,
			idx(0) + ".superior: " + boolText(base.Awards[0].Superior) + " → " + boolText(!base.Awards[0].Superior),
			idx(0) + ".for: " + base.Awards[0].Recipients.String() + " → collective",
			idx(0) + ".ballot: " + boolText(base.Awards[0].Rule.BallotRequired) + " → " + boolText(!base.Awards[0].Rule.BallotRequired)}},
		{"quota count", func(p *Plan) { p.Awards[quotaCount].Quota.Count = 5 }, []string{
			idx(quotaCount) + ".quota: 3 → 5"}},
		{"quota removed", func(p *Plan) { p.Awards[quotaCount].Quota = nil; p.Awards[quotaCount].TieBreak = 0 }, []string{
			idx(quotaCount) + ".quota: 3 → (không có)",
			idx(quotaCount) + ".tie: revote → (không có)"}},
		{"quota share and its award", func(p *Plan) {
			p.Awards[quotaShare].Quota.Share = Fraction{20, 100}
			p.Awards[quotaShare].Quota.ShareOf = "GK"
		}, []string{
			idx(quotaShare) + ".quota: 15% → 20%",
			idx(quotaShare) + `.quota_of: "LDTT" → "GK"`}},
		{"quota share becomes a count", func(p *Plan) { p.Awards[quotaShare].Quota = &Quota{Count: 2} }, []string{
			idx(quotaShare) + ".quota: 15% → 2",
			idx(quotaShare) + `.quota_of: "LDTT" → (không có)`}},
		{"tie", func(p *Plan) { p.Awards[quotaShare].TieBreak = TieRevote }, []string{
			idx(quotaShare) + ".tie: chair → revote"}},
		{"aliases", func(p *Plan) { p.Awards[0].Aliases = append(p.Awards[0].Aliases, "Tên gọi khác") }, []string{
			idx(0) + ".aliases: " + textList(base.Awards[0].Aliases) + " → " + textList(append(slices.Clone(base.Awards[0].Aliases), "Tên gọi khác"))}},
		{"award added", func(p *Plan) {
			p.Awards = append(p.Awards, Award{Code: "CSTĐ", Name: "Chiến sĩ thi đua cơ sở"})
		}, []string{"awards[" + strconv.Itoa(len(base.Awards)+1) + `]: (không có) → "CSTĐ" (Chiến sĩ thi đua cơ sở)`}},
		{"award removed", func(p *Plan) { p.Awards = p.Awards[:len(p.Awards)-1] }, []string{
			"awards[" + strconv.Itoa(len(base.Awards)) + "]: " + awardSummary(base.Awards[len(base.Awards)-1]) + " → (không có)"}},
		{"criterion text and required", func(p *Plan) {
			p.Criteria[0].Criteria[1].Text = "Tiêu chí đã sửa"
			p.Criteria[0].Criteria[1].Required = !base.Criteria[0].Criteria[1].Required
		}, []string{
			`criteria[1].items[2].text: "` + base.Criteria[0].Criteria[1].Text + `" → "Tiêu chí đã sửa"`,
			"criteria[1].items[2].required: " + boolText(base.Criteria[0].Criteria[1].Required) + " → " + boolText(!base.Criteria[0].Criteria[1].Required)}},
		{"criterion added", func(p *Plan) {
			p.Criteria[0].Criteria = append(p.Criteria[0].Criteria, Criterion{Text: "Mới", Required: true})
		}, []string{"criteria[1].items[" + strconv.Itoa(len(base.Criteria[0].Criteria)+1) + `]: (không có) → "Mới"`}},
		{"criteria set kind and award", func(p *Plan) {
			p.Criteria[0].Kind = KindCollective + KindIndividual - base.Criteria[0].Kind
			p.Criteria[0].Award = "ZZ"
		}, []string{
			"criteria[1].for: " + base.Criteria[0].Kind.String() + " → " + (KindCollective + KindIndividual - base.Criteria[0].Kind).String(),
			`criteria[1].award: "` + base.Criteria[0].Award + `" → "ZZ"`}},
		{"criteria set removed", func(p *Plan) { p.Criteria = p.Criteria[:len(p.Criteria)-1] }, []string{
			"criteria[" + strconv.Itoa(len(base.Criteria)) + "]: " + criteriaSummary(base.Criteria[len(base.Criteria)-1]) + " → (không có)"}},
		{"eligibility", func(p *Plan) {
			p.Eligibility[0].Text = "Khác"
			p.Eligibility[0].Effect = EffectDefer + EffectExclude - base.Eligibility[0].Effect
		}, []string{
			`eligibility[1].text: "` + base.Eligibility[0].Text + `" → "Khác"`,
			"eligibility[1].effect: " + base.Eligibility[0].Effect.String() + " → " + (EffectDefer + EffectExclude - base.Eligibility[0].Effect).String()}},
		{"eligibility added", func(p *Plan) {
			p.Eligibility = append(p.Eligibility, EligibilityCheck{Code: "x", Text: "y", Effect: EffectDefer})
		}, []string{"eligibility[" + strconv.Itoa(len(base.Eligibility)+1) + `]: (không có) → "x"`}},
		{"meeting settings", func(p *Plan) {
			p.Meeting.Number = "02/BB"
			p.Meeting.Date = "2023-12-16"
			p.Meeting.Place = "Phòng họp"
			p.Meeting.Quorum = Fraction{1, 2}
			p.Meeting.Tellers = 5
			p.Meeting.Secret = true
		}, []string{
			`meeting.number: "01/BB-HĐTĐKT" → "02/BB"`,
			`meeting.date: "2023-12-15" → "2023-12-16"`,
			`meeting.place: "Hội trường UBND thị trấn Như Quỳnh" → "Phòng họp"`,
			"meeting.quorum: 2/3 → 1/2",
			"meeting.tellers: 3 → 5",
			"meeting.secret: false → true"}},
		{"member", func(p *Plan) { p.Council.Members[1].Votes = false; p.Council.Members[1].Role = RoleMember }, []string{
			"council.members[2].role: vice-chair → member",
			"council.members[2].votes: true → false"}},
		{"nominee", func(p *Plan) { p.Nominees[0].Awards = nil; p.Nominees[0].Unit = "Khác" }, []string{
			`nominees[1].unit: "` + base.Nominees[0].Unit + `" → "Khác"`,
			"nominees[1].awards: " + textList(base.Nominees[0].Awards) + " → []"}},
	}
	pristine := clonePlan(base)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			after := clonePlan(base)
			c.change(&after)
			got := PlanDiff(base, after)
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("PlanDiff:\n got %q\nwant %q", got, c.want)
			}
			if !reflect.DeepEqual(pristine, base) {
				t.Fatal("the change reached the base plan")
			}
		})
	}
}

func TestThresholdText(t *testing.T) {
	for f, want := range map[Fraction]string{
		{70, 100}:      "70%",
		{705, 1000}:    "70,5%",
		{7005, 10000}:  "70,05%",
		{90, 100}:      "90%",
		{100, 100}:     "100%",
		{2, 3}:         "2/3",
		{1, 2}:         "1/2",
		{7, 10}:        "7/10",
		{0, 1}:         "0%",
		{}:             "(không có)",
		{1, 1000}:      "0,1%",
		{12345, 10000}: "123,45%",
	} {
		if got := thresholdText(f); got != want {
			t.Errorf("thresholdText(%d/%d) = %q, want %q", f.Num, f.Den, got, want)
		}
	}
}

func boolText(b bool) string { return strconv.FormatBool(b) }
