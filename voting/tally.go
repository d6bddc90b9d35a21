package voting

import (
	"fmt"

	"hoidong/model"
)

// BaseCounts are the three possible bases of a round.
type BaseCounts struct {
	AllMembers, Present, Valid int
}

// Pick returns the count the rule's base names (all members when the base is unknown).
func (b BaseCounts) Pick(base model.Base) int {
	switch base {
	case model.BasePresent:
		return b.Present
	case model.BaseValid:
		return b.Valid
	}
	return b.AllMembers
}

// RoundBase returns the base counts recorded on a round (valid ballots as counted at close).
func RoundBase(round model.Round) BaseCounts {
	valid := round.Valid
	if round.Mode == model.RoundElectronic && valid == 0 {
		valid = len(round.Ballots)
	}
	return BaseCounts{AllMembers: round.AllMembers, Present: round.Eligible, Valid: valid}
}

// Tally counts agree and disagree per nominee, in the given order, over the ballots in one pass and judges each against the rule.
func Tally(r model.Rule, nominees []int64, ballots []model.Ballot, base BaseCounts) []model.ResultLine {
	lines := make([]model.ResultLine, len(nominees))
	b := base.Pick(r.Base)
	for i, id := range nominees {
		lines[i].NomineeID = id
		lines[i].Base = b
	}
	for bi := range ballots {
		choices := ballots[bi].Choices
		if len(choices) == 0 {
			continue
		}
		for i := range lines {
			agree, ok := choices[lines[i].NomineeID]
			if !ok {
				continue
			}
			if agree {
				lines[i].Agree++
			} else {
				lines[i].Disagree++
			}
		}
	}
	for i := range lines {
		lines[i].Pass = Passes(lines[i].Agree, b, r)
	}
	return lines
}

// TallyPaper builds result lines from paper counts: agree per nominee, disagree = valid − agree.
func TallyPaper(r model.Rule, nominees []int64, agree map[int64]int, base BaseCounts) []model.ResultLine {
	lines := make([]model.ResultLine, len(nominees))
	b := base.Pick(r.Base)
	for i, id := range nominees {
		a := agree[id]
		lines[i] = model.ResultLine{NomineeID: id, Agree: a, Disagree: base.Valid - a, Base: b, Pass: Passes(a, b, r)}
	}
	return lines
}

// PaperCounts are the figures the counting committee reads out for a paper round.
type PaperCounts struct {
	Issued, Returned, Valid, Invalid int
	Agree                            map[int64]int
}

// CheckPaper checks that paper counts add up for a round with the given nominees and number of members present; it returns nil when they do.
func CheckPaper(c PaperCounts, nominees []int64, present int) model.Problems {
	var ps model.Problems
	add := func(where, format string, args ...any) {
		ps = append(ps, model.Problem{Where: where, What: fmt.Sprintf(format, args...)})
	}
	for _, f := range []struct {
		where string
		n     int
	}{{"Số phiếu phát ra", c.Issued}, {"Số phiếu thu về", c.Returned}, {"Số phiếu hợp lệ", c.Valid}, {"Số phiếu không hợp lệ", c.Invalid}} {
		if f.n < 0 {
			add(f.where, "không được là số âm (%d)", f.n)
		}
	}
	if c.Issued > present {
		add("Số phiếu phát ra", "%d lớn hơn số thành viên có mặt (%d)", c.Issued, present)
	}
	if c.Returned > c.Issued {
		add("Số phiếu thu về", "%d lớn hơn số phiếu phát ra (%d)", c.Returned, c.Issued)
	}
	if c.Valid+c.Invalid != c.Returned {
		add("Số phiếu hợp lệ", "%d hợp lệ + %d không hợp lệ = %d, khác số phiếu thu về (%d)", c.Valid, c.Invalid, c.Valid+c.Invalid, c.Returned)
	}
	for i, id := range nominees {
		a, ok := c.Agree[id]
		where := fmt.Sprintf("Dòng %d", i+1)
		switch {
		case !ok:
			add(where, "chưa nhập số phiếu đồng ý")
		case a < 0:
			add(where, "số phiếu đồng ý không được là số âm (%d)", a)
		case a > c.Valid:
			add(where, "số phiếu đồng ý %d lớn hơn số phiếu hợp lệ (%d)", a, c.Valid)
		}
	}
	if len(ps) == 0 {
		return nil
	}
	return ps
}
