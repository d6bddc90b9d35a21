package export

import (
	"strings"

	"hoidong/model"
)

// attendanceCode is the JSON spelling of an attendance state.
func attendanceCode(a model.Attendance) string {
	switch a {
	case model.AttendancePresent:
		return "present"
	case model.AttendanceAbsent:
		return "absent"
	}
	return "unknown"
}

// markCode is the JSON spelling of a criterion mark.
func markCode(m model.Mark) string {
	switch m {
	case model.MarkMet:
		return "met"
	case model.MarkNotMet:
		return "not-met"
	}
	return "none"
}

// markLabel is the Vietnamese word for a criterion mark.
func markLabel(m model.Mark) string {
	switch m {
	case model.MarkMet:
		return "Đạt"
	case model.MarkNotMet:
		return "Không đạt"
	}
	return "Chưa đánh giá"
}

// eligibilityCode is the JSON spelling of an eligibility decision.
func eligibilityCode(e model.Eligibility) string {
	switch e {
	case model.EligibilityEligible:
		return "eligible"
	case model.EligibilityExcluded:
		return "excluded"
	case model.EligibilityDeferred:
		return "deferred"
	}
	return "pending"
}

// meetingStatusCode is the JSON spelling of the meeting's status.
func meetingStatusCode(s model.MeetingStatus) string {
	if s == model.MeetingClosed {
		return "closed"
	}
	return "open"
}

// roundModeCode is the JSON spelling of a round's mode.
func roundModeCode(m model.RoundMode) string {
	if m == model.RoundPaper {
		return "paper"
	}
	return "electronic"
}

// roundModeLabel is the Vietnamese name of a round's mode.
func roundModeLabel(m model.RoundMode) string {
	if m == model.RoundPaper {
		return "phiếu giấy"
	}
	return "điện tử"
}

// roundStatusCode is the JSON spelling of a round's status.
func roundStatusCode(s model.RoundStatus) string {
	if s == model.RoundClosed {
		return "closed"
	}
	return "open"
}

// comparisonCode is the JSON spelling of a comparison.
func comparisonCode(c model.Comparison) string {
	if c == model.MoreThan {
		return "more-than"
	}
	return "at-least"
}

// trimEnd drops the trailing punctuation a sentence taken from a plan often
// carries, so the document can add its own.
func trimEnd(s string) string {
	return strings.TrimRight(strings.TrimSpace(s), " .;,:")
}

// lowerFirst lowers the first letter of a sentence used mid-sentence, unless
// it starts an abbreviation such as "UBND".
func lowerFirst(s string) string {
	rs := []rune(s)
	if len(rs) < 2 || strings.ToUpper(string(rs[1])) == string(rs[1]) {
		return s
	}
	return strings.ToLower(string(rs[0])) + string(rs[1:])
}
