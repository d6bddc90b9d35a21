package voting

import (
	"strings"

	"hoidong/model"
)

// EligibilityOf derives the council's decision on a nominee from its checks against the plan's eligibility checks.
//
// A confirmed check that applies with EffectExclude excludes; otherwise a
// confirmed check that applies with EffectDefer defers; otherwise the nominee
// is eligible once every check is confirmed, and pending before that. A check
// marked as applying but not yet confirmed decides nothing. A plan with no
// checks makes every nominee eligible.
func EligibilityOf(p *model.Plan, n *model.NomineeRecord) model.Eligibility {
	exclude, deferred, unconfirmed := false, false, false
	for i := range p.Eligibility {
		pc := &p.Eligibility[i]
		c, ok := checkMark(n, i, pc.Code)
		if !ok || !c.Confirmed {
			unconfirmed = true
			continue
		}
		if !c.Applies {
			continue
		}
		if pc.Effect == model.EffectDefer {
			deferred = true
		} else {
			exclude = true
		}
	}
	switch {
	case exclude:
		return model.EligibilityExcluded
	case deferred:
		return model.EligibilityDeferred
	case unconfirmed:
		return model.EligibilityPending
	}
	return model.EligibilityEligible
}

// EligibilityReason names in Vietnamese the confirmed checks that keep the nominee from the vote ("Không khen thưởng: đang bị kỷ luật"), or "" if none.
func EligibilityReason(p *model.Plan, n *model.NomineeRecord) string {
	var excl, def []string
	for i := range p.Eligibility {
		pc := &p.Eligibility[i]
		c, ok := checkMark(n, i, pc.Code)
		if !ok || !c.Confirmed || !c.Applies {
			continue
		}
		if pc.Effect == model.EffectDefer {
			def = append(def, pc.Text)
		} else {
			excl = append(excl, pc.Text)
		}
	}
	switch {
	case len(excl) > 0:
		return "Không khen thưởng: " + strings.Join(excl, "; ")
	case len(def) > 0:
		return "Chưa xét: " + strings.Join(def, "; ")
	}
	return ""
}

// checkMark finds the nominee's mark for the plan's i-th check, by position when the codes agree, else by code.
func checkMark(n *model.NomineeRecord, i int, code string) (model.CheckMark, bool) {
	if i < len(n.Checks) && n.Checks[i].Code == code {
		return n.Checks[i], true
	}
	for _, c := range n.Checks {
		if c.Code == code {
			return c, true
		}
	}
	return model.CheckMark{}, false
}

// Checklist summarises one candidacy's marks against the plan's criteria for it.
type Checklist struct {
	Total, Marked, Met, NotMet, RequiredNotMet int
}

// Complete reports whether every criterion has been marked.
func (c Checklist) Complete() bool { return c.Marked == c.Total }

// ChecklistOf summarises the nominee's marks for award against p.CriteriaFor(kind, award).
func ChecklistOf(p *model.Plan, n *model.NomineeRecord, award string) Checklist {
	return checklist(p.CriteriaFor(n.Kind, award), Candidacy(n, award))
}

func checklist(criteria []model.Criterion, cand *model.Candidacy) Checklist {
	c := Checklist{Total: len(criteria)}
	if cand == nil {
		return c
	}
	for i, m := range cand.Marks {
		if i >= len(criteria) {
			break
		}
		switch m.Mark {
		case model.MarkMet:
			c.Marked++
			c.Met++
		case model.MarkNotMet:
			c.Marked++
			c.NotMet++
			if criteria[i].Required {
				c.RequiredNotMet++
			}
		}
	}
	return c
}

// CriteriaReason names in Vietnamese the required criteria the candidacy does not meet ("Không đạt tiêu chuẩn: …"), or "" if none.
func CriteriaReason(p *model.Plan, n *model.NomineeRecord, award string) string {
	criteria := p.CriteriaFor(n.Kind, award)
	cand := Candidacy(n, award)
	if cand == nil {
		return ""
	}
	var failed []string
	for i, m := range cand.Marks {
		if i < len(criteria) && criteria[i].Required && m.Mark == model.MarkNotMet {
			failed = append(failed, criteria[i].Text)
		}
	}
	if len(failed) == 0 {
		return ""
	}
	return "Không đạt tiêu chuẩn: " + strings.Join(failed, "; ")
}

// Candidacy returns the nominee's candidacy for award, or nil if it was not proposed for it.
func Candidacy(n *model.NomineeRecord, award string) *model.Candidacy {
	for i := range n.Candidacies {
		if n.Candidacies[i].Award == award {
			return &n.Candidacies[i]
		}
	}
	return nil
}
