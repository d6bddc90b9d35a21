package model

import "time"

// Presiding returns the member who presides over the meeting: the one the
// secretary recorded, while present; else the chair, if present; else the
// first vice-chair present, in record order. ok is false when nobody
// presides yet (the roll call has not found the chair or a vice-chair
// present, and nobody was recorded).
func (rec *Record) Presiding() (MemberRecord, bool) {
	if id := rec.Meeting.Presiding; id != 0 {
		for _, m := range rec.Members {
			if m.ID == id && m.Attendance == AttendancePresent {
				return m, true
			}
		}
	}
	for _, role := range []Role{RoleChair, RoleViceChair} {
		for _, m := range rec.Members {
			if m.Role == role && m.Attendance == AttendancePresent {
				return m, true
			}
		}
	}
	return MemberRecord{}, false
}

// SatOn returns the calendar day the meeting sat, in Vietnam time, as
// "2023-12-15": the day it started; "" before it started.
func (rec *Record) SatOn() string {
	if rec.Meeting.StartedAt.IsZero() {
		return ""
	}
	return rec.Meeting.StartedAt.In(Vietnam()).Format(time.DateOnly)
}

// DateToConfirm returns the day the meeting sat and the day the plan set
// for it, both as "2023-12-15" ("" when unknown), and whether they differ:
// then the secretary confirms which date the minutes carry (the store's
// ConfirmMinutesDate), before the meeting closes.
func (rec *Record) DateToConfirm() (sat, planned string, differs bool) {
	sat, planned = rec.SatOn(), rec.Plan.Meeting.Date
	return sat, planned, sat != "" && planned != "" && sat != planned
}

// DocumentDate returns the date the documents of the meeting carry, as
// "2023-12-15": the date the secretary confirmed, else the day the meeting
// sat, else the day the plan set; "" when none is known.
func (rec *Record) DocumentDate() string {
	for _, d := range []string{rec.Meeting.MinutesDate, rec.SatOn(), rec.Plan.Meeting.Date} {
		if _, err := time.Parse(time.DateOnly, d); err == nil {
			return d
		}
	}
	return ""
}
