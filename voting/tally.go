package voting

import (
	"fmt"
	"slices"
	"strings"

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

// CheckPaper checks that paper counts add up for a round with the given
// nominees (in ballot order) and number of voting members present; it
// returns nil when they do. Each problem names the figure that is wrong;
// a nominee's figure is named by its line on the ballot.
func CheckPaper(c PaperCounts, nominees []int64, present int) model.Problems {
	return CheckPaperNamed(c, nominees, present, nil)
}

// CheckPaperNamed is CheckPaper naming each nominee's figure by name(id)
// instead of by its line on the ballot; name may be nil.
//
// The counts add up when returned ≤ issued ≤ present, no figure is
// negative, at least one ballot was issued, valid + invalid = returned,
// and every nominee of the ballot, and no one else, has an agree count of
// at most the valid ballots.
func CheckPaperNamed(c PaperCounts, nominees []int64, present int, name func(id int64) string) model.Problems {
	var ps model.Problems
	add := func(where, format string, args ...any) {
		ps = append(ps, model.Problem{Where: where, What: fmt.Sprintf(format, args...)})
	}
	const (
		issued   = "Số phiếu phát ra"
		returned = "Số phiếu thu về"
		valid    = "Số phiếu hợp lệ"
		invalid  = "Số phiếu không hợp lệ"
	)
	negative := false
	for _, f := range []struct {
		where string
		n     int
	}{{issued, c.Issued}, {returned, c.Returned}, {valid, c.Valid}, {invalid, c.Invalid}} {
		if f.n < 0 {
			add(f.where, "không được là số âm (đang ghi %d)", f.n)
			negative = true
		}
	}
	switch {
	case c.Issued > present:
		add(issued, "%d lớn hơn số thành viên có mặt được biểu quyết (%d)", c.Issued, present)
	case c.Issued == 0 && !negative:
		add(issued, "chưa nhập (đang ghi 0); vòng bỏ phiếu giấy phải có phiếu phát ra")
	}
	if c.Returned > c.Issued && c.Issued >= 0 {
		add(returned, "%d lớn hơn số phiếu phát ra (%d)", c.Returned, c.Issued)
	}
	if !negative && c.Valid+c.Invalid != c.Returned {
		add(valid+" và "+strings.ToLower(invalid[:1])+invalid[1:], "%d hợp lệ + %d không hợp lệ = %d, không bằng số phiếu thu về (%d)",
			c.Valid, c.Invalid, c.Valid+c.Invalid, c.Returned)
	}
	onBallot := make(map[int64]bool, len(nominees))
	for i, id := range nominees {
		onBallot[id] = true
		where := fmt.Sprintf("Số phiếu đồng ý, dòng %d", i+1)
		if name != nil {
			where = "Số phiếu đồng ý của " + name(id)
		}
		a, ok := c.Agree[id]
		switch {
		case !ok:
			add(where, "chưa nhập")
		case a < 0:
			add(where, "không được là số âm (đang ghi %d)", a)
		case a > c.Valid:
			add(where, "%d lớn hơn số phiếu hợp lệ (%d)", a, c.Valid)
		}
	}
	var extra []int64
	for id := range c.Agree {
		if !onBallot[id] {
			extra = append(extra, id)
		}
	}
	slices.Sort(extra)
	for _, id := range extra {
		add("Số phiếu đồng ý", "đối tượng mã %d không có trong danh sách của vòng này", id)
	}
	if len(ps) == 0 {
		return nil
	}
	return ps
}
