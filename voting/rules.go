// Package voting holds the meeting's rules as pure logic over model types:
// quorum, thresholds, tallies, eligibility, checklists, the status of each
// candidacy and the conclusion. It does no I/O.
package voting

import (
	"fmt"
	"strconv"
	"strings"

	"hoidong/model"
)

// DefaultQuorum is the quorum used when a plan gives none: 2/3 of all voting members.
func DefaultQuorum() model.Fraction { return model.Fraction{Num: 2, Den: 3} }

// QuorumState is the roll call measured against the plan's quorum.
type QuorumState struct {
	Present, Total int
	Rule           model.Fraction
	Met            bool
}

// Quorum counts the voting members of rec and compares those present with the plan's quorum (always ≥).
func Quorum(rec *model.Record) QuorumState {
	rule := rec.Plan.Meeting.Quorum
	if rule.Den <= 0 {
		rule = DefaultQuorum()
	}
	q := QuorumState{Rule: rule}
	for i := range rec.Members {
		m := &rec.Members[i]
		if !m.Votes {
			continue
		}
		q.Total++
		if m.Attendance == model.AttendancePresent {
			q.Present++
		}
	}
	q.Met = q.Total > 0 && int64(q.Present)*rule.Den >= rule.Num*int64(q.Total)
	return q
}

// Needed returns the smallest number of members present that meets the quorum.
func (q QuorumState) Needed() int {
	if q.Rule.Den <= 0 {
		return q.Total
	}
	return int(ceilDiv(q.Rule.Num*int64(q.Total), q.Rule.Den))
}

// Arithmetic writes the comparison the quorum rests on, exactly as
// Quorum makes it: "7 × 3 = 21 ≥ 2 × 8 = 16" (present × denominator
// against numerator × all voting members), with "<" when it is not met;
// "" for a council without voting members.
func (q QuorumState) Arithmetic() string {
	if q.Total <= 0 || q.Rule.Den <= 0 {
		return ""
	}
	lhs, rhs := int64(q.Present)*q.Rule.Den, q.Rule.Num*int64(q.Total)
	op := "≥"
	if lhs < rhs {
		op = "<"
	}
	return fmt.Sprintf("%d × %d = %d %s %d × %d = %d", q.Present, q.Rule.Den, lhs, op, q.Rule.Num, q.Total, rhs)
}

// Text renders the quorum line of the roll call in Vietnamese with its
// arithmetic: "Có mặt 7/8 thành viên — đủ điều kiện (≥ 2/3): 7 × 3 = 21 ≥
// 2 × 8 = 16", or, when not met, "… — chưa đủ điều kiện (cần ≥ 2/3, tối
// thiểu 6): 5 × 3 = 15 < 2 × 9 = 18".
func (q QuorumState) Text() string {
	head := fmt.Sprintf("Có mặt %d/%d thành viên — ", q.Present, q.Total)
	switch {
	case q.Total <= 0:
		return head + "chưa đủ điều kiện (Hội đồng chưa có thành viên được biểu quyết)"
	case q.Met:
		return head + "đủ điều kiện (≥ " + FormatFraction(q.Rule) + "): " + q.Arithmetic()
	}
	return head + fmt.Sprintf("chưa đủ điều kiện (cần ≥ %s, tối thiểu %d): %s", FormatFraction(q.Rule), q.Needed(), q.Arithmetic())
}

// Passes reports whether agree out of base reaches the rule's threshold, compared exactly with integers.
func Passes(agree, base int, r model.Rule) bool {
	if base <= 0 || r.Threshold.Den <= 0 {
		return false
	}
	lhs := int64(agree) * r.Threshold.Den
	rhs := r.Threshold.Num * int64(base)
	if r.Comparison == model.MoreThan {
		return lhs > rhs
	}
	return lhs >= rhs
}

// MinimumAgree returns the smallest agree count out of base that passes the rule, or base+1 when none can.
func MinimumAgree(base int, r model.Rule) int {
	if base <= 0 || r.Threshold.Den <= 0 {
		return base + 1
	}
	prod := r.Threshold.Num * int64(base)
	var need int64
	if r.Comparison == model.MoreThan {
		need = floorDiv(prod, r.Threshold.Den) + 1
	} else {
		need = ceilDiv(prod, r.Threshold.Den)
	}
	if need < 0 {
		need = 0
	}
	if need > int64(base) {
		return base + 1
	}
	return int(need)
}

// FormatShare writes agree/base as a Vietnamese percentage with two decimals, rounded half up ("77,78%"), or "—" when base is not positive.
func FormatShare(agree, base int) string {
	if base <= 0 {
		return "—"
	}
	a, b := int64(agree), int64(base)
	neg := a < 0
	if neg {
		a = -a
	}
	// Hundredths of a percent, rounded half up: (a*10000 + b/2) / b exactly.
	h := (2*a*10000 + b) / (2 * b)
	s := fmt.Sprintf("%d,%02d%%", h/100, h%100)
	if neg && h != 0 {
		s = "-" + s
	}
	return s
}

// FormatFraction writes a threshold as written in a plan: a power-of-ten denominator of 100 or more as a percentage ("70%", "70,5%"), any other as "2/3".
func FormatFraction(f model.Fraction) string {
	if f.Den >= 100 && f.Num >= 0 && isPow10(f.Den) {
		d := f.Den / 100
		s := strconv.FormatInt(f.Num/d, 10)
		if frac := f.Num % d; frac != 0 {
			width := len(strconv.FormatInt(d, 10)) - 1
			digits := fmt.Sprintf("%0*d", width, frac)
			s += "," + strings.TrimRight(digits, "0")
		}
		return s + "%"
	}
	return fmt.Sprintf("%d/%d", f.Num, f.Den)
}

// RuleText writes the rule as a Vietnamese sentence for screens and minutes.
func RuleText(r model.Rule) string {
	if !r.BallotRequired {
		return "Không cần bỏ phiếu; xét theo tiêu chuẩn"
	}
	return "Bỏ phiếu kín; đạt khi số phiếu đồng ý " + thresholdPhrase(r) + " so với " + r.Base.Label()
}

// thresholdPhrase renders "từ 70% trở lên" or "trên 50%".
func thresholdPhrase(r model.Rule) string {
	if r.Comparison == model.MoreThan {
		return "trên " + FormatFraction(r.Threshold)
	}
	return "từ " + FormatFraction(r.Threshold) + " trở lên"
}

// VerdictLabel returns "Đạt" or "Không đạt": the threshold's verdict
// alone. A nominee's final standing, with the quota and ties, is its
// Outcome.
func VerdictLabel(pass bool) string {
	if pass {
		return "Đạt"
	}
	return "Không đạt"
}

// Explain writes out the arithmetic behind one result line and the
// threshold's verdict alone, e.g. "7/9 = 77,78% ≥ 70% (7 × 100 = 700 ≥ 70 ×
// 9 = 630) → Đạt"; LineOutcome.Explain gives the final standing instead.
func Explain(line model.ResultLine, r model.Rule) string {
	return Arithmetic(line, r) + " → " + VerdictLabel(Passes(line.Agree, line.Base, r))
}

func isPow10(n int64) bool {
	if n < 1 {
		return false
	}
	for n%10 == 0 {
		n /= 10
	}
	return n == 1
}

func ceilDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) == (b < 0) {
		q++
	}
	return q
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}
