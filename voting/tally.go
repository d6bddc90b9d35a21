package voting

import (
	"fmt"
	"slices"
	"strings"

	"hoidong/model"
)

// BaseCounts are the three possible bases of a round. Present counts
// the voting members present and the written ballots of absent members
// received (a written ballot is a vote cast, so that a share never passes
// 100%); Valid counts every valid ballot, written ones included. The
// quorum is another matter: it counts only those present (Quorum).
type BaseCounts struct {
	AllMembers, Present, Valid int
	// Recused gives, for each nominee some members leave blank because
	// they are nominated themselves, how many each base loses: the
	// recused voting members (all members), those of them present or
	// sending a written ballot (present), and those of them whose ballot
	// is counted (valid). See RoundBase.
	Recused map[int64]BaseCounts
}

// For returns the bases of nominee id's share: the round's, less the
// members who recuse themselves from id.
func (b BaseCounts) For(id int64) BaseCounts {
	r := b.Recused[id]
	return BaseCounts{AllMembers: max(0, b.AllMembers-r.AllMembers), Present: max(0, b.Present-r.Present), Valid: max(0, b.Valid-r.Valid)}
}

// Less returns how many the base named by base loses for nominee id to
// recusals, with the round's base before them: the minutes write "8 − 1 =
// 7".
func (b BaseCounts) Less(id int64, base model.Base) (full, less int) {
	return b.Pick(base), b.Recused[id].Pick(base)
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

// RoundBase returns the base counts of a round from what it recorded:
// the voting members of the council and those present when it opened, the
// written ballots it received (Written), valid ballots as counted at
// close, and its recusals. A recused member always leaves the base of all
// members; leaves the base of those present when present or sending a
// written ballot; and leaves the valid ballots when their ballot is among
// them: in an electronic round, when they voted (their ballot is blank
// for the nominee); on paper, when they were present or sent an envelope.
func RoundBase(round model.Round) BaseCounts {
	valid := round.Valid
	if round.Mode == model.RoundElectronic && valid == 0 {
		valid = len(round.Ballots)
	}
	b := BaseCounts{AllMembers: round.AllMembers, Present: round.Eligible + len(round.Written), Valid: valid}
	for _, x := range round.Recused {
		if b.Recused == nil {
			b.Recused = map[int64]BaseCounts{}
		}
		r := b.Recused[x.Nominee]
		r.AllMembers++
		written := slices.Contains(round.Written, x.Member)
		if x.Present || written {
			r.Present++
		}
		switch {
		case round.Mode == model.RoundPaper && (x.Present || written),
			round.Mode != model.RoundPaper && slices.Contains(round.Voters, x.Member):
			r.Valid++
		}
		b.Recused[x.Nominee] = r
	}
	return b
}

// Tally counts agree and disagree per nominee, in the given order, over the ballots in one pass and judges each against the rule.
func Tally(r model.Rule, nominees []int64, ballots []model.Ballot, base BaseCounts) []model.ResultLine {
	lines := make([]model.ResultLine, len(nominees))
	for i, id := range nominees {
		lines[i].NomineeID = id
		lines[i].Base = base.For(id).Pick(r.Base)
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
		lines[i].Pass = Passes(lines[i].Agree, lines[i].Base, r)
	}
	return lines
}

// TallyPaper builds result lines from paper counts: agree per nominee,
// disagree = valid − agree, the valid ballots less those of members who
// recuse themselves from the nominee (and never below 0).
func TallyPaper(r model.Rule, nominees []int64, agree map[int64]int, base BaseCounts) []model.ResultLine {
	lines := make([]model.ResultLine, len(nominees))
	for i, id := range nominees {
		a := agree[id]
		own := base.For(id)
		b := own.Pick(r.Base)
		lines[i] = model.ResultLine{NomineeID: id, Agree: a, Disagree: max(0, own.Valid-a), Base: b, Pass: Passes(a, b, r)}
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
	return CheckPaperWritten(c, nominees, present, 0, name)
}

// CheckPaperWritten is CheckPaperNamed for a round that also received
// envelopes written ballots of absent members: the ballots issued may be
// as many as the voting members present and the envelopes together, and
// at least the envelopes must have come back.
func CheckPaperWritten(c PaperCounts, nominees []int64, present, envelopes int, name func(id int64) string) model.Problems {
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
	case c.Issued > present+envelopes && envelopes > 0:
		add(issued, "%d lớn hơn số thành viên có mặt được biểu quyết (%d) cộng số phiếu bằng văn bản đã nhận (%d), tức %d",
			c.Issued, present, envelopes, present+envelopes)
	case c.Issued > present && envelopes == 0:
		add(issued, "%d lớn hơn số thành viên có mặt được biểu quyết (%d)", c.Issued, present)
	case c.Issued == 0 && !negative:
		add(issued, "chưa nhập (đang ghi 0); vòng bỏ phiếu giấy phải có phiếu phát ra")
	}
	if c.Returned > c.Issued && c.Issued >= 0 {
		add(returned, "%d lớn hơn số phiếu phát ra (%d)", c.Returned, c.Issued)
	}
	if c.Returned < envelopes && c.Returned >= 0 {
		add(returned, "%d nhỏ hơn số phiếu bằng văn bản đã nhận (%d); các phiếu đó đã được bỏ vào hòm phiếu", c.Returned, envelopes)
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
