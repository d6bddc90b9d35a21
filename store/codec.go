package store

import (
	"database/sql"
	"fmt"
	"time"

	"hoidong/model"
)

// The database spells enumerations as words so that the file reads well in
// any SQLite tool. Each codec maps a model value to its word and back.

func kindText(k model.Kind) (string, error) {
	switch k {
	case model.KindCollective, model.KindIndividual:
		return k.String(), nil
	}
	return "", fmt.Errorf("unknown nominee kind %d", k)
}

func parseKind(s string) (model.Kind, error) {
	switch s {
	case "collective":
		return model.KindCollective, nil
	case "individual":
		return model.KindIndividual, nil
	}
	return 0, fmt.Errorf("unknown nominee kind %q in database", s)
}

func roleText(r model.Role) (string, error) {
	switch r {
	case model.RoleChair, model.RoleViceChair, model.RoleMember, model.RoleSecretary:
		return r.String(), nil
	}
	return "", fmt.Errorf("unknown member role %d", r)
}

func parseRole(s string) (model.Role, error) {
	for _, r := range []model.Role{model.RoleChair, model.RoleViceChair, model.RoleMember, model.RoleSecretary} {
		if r.String() == s {
			return r, nil
		}
	}
	return 0, fmt.Errorf("unknown member role %q in database", s)
}

func attendanceText(a model.Attendance) (string, bool) {
	switch a {
	case model.AttendanceUnknown:
		return "unknown", true
	case model.AttendancePresent:
		return "present", true
	case model.AttendanceAbsent:
		return "absent", true
	}
	return "", false
}

func parseAttendance(s string) (model.Attendance, error) {
	switch s {
	case "unknown":
		return model.AttendanceUnknown, nil
	case "present":
		return model.AttendancePresent, nil
	case "absent":
		return model.AttendanceAbsent, nil
	}
	return 0, fmt.Errorf("unknown attendance %q in database", s)
}

func markText(m model.Mark) (string, bool) {
	switch m {
	case model.MarkNone:
		return "none", true
	case model.MarkMet:
		return "met", true
	case model.MarkNotMet:
		return "not-met", true
	}
	return "", false
}

func parseMark(s string) (model.Mark, error) {
	switch s {
	case "none":
		return model.MarkNone, nil
	case "met":
		return model.MarkMet, nil
	case "not-met":
		return model.MarkNotMet, nil
	}
	return 0, fmt.Errorf("unknown mark %q in database", s)
}

func parseRoundMode(s string) (model.RoundMode, error) {
	switch s {
	case "electronic":
		return model.RoundElectronic, nil
	case "paper":
		return model.RoundPaper, nil
	}
	return 0, fmt.Errorf("unknown round mode %q in database", s)
}

func parseRoundStatus(s string) (model.RoundStatus, error) {
	switch s {
	case "open":
		return model.RoundOpen, nil
	case "closed":
		return model.RoundClosed, nil
	}
	return 0, fmt.Errorf("unknown round status %q in database", s)
}

func parseMeetingStatus(s string) (model.MeetingStatus, error) {
	switch s {
	case "open":
		return model.MeetingOpen, nil
	case "closed":
		return model.MeetingClosed, nil
	}
	return 0, fmt.Errorf("unknown meeting status %q in database", s)
}

// timeText formats t for the database: RFC 3339 in UTC, with the fraction
// of a second when there is one.
func timeText(t time.Time) string {
	return t.UTC().Format(time.RFC3339Nano)
}

// parseTime reads a nullable time column; NULL is the zero time.
func parseTime(s sql.NullString) (time.Time, error) {
	if !s.Valid || s.String == "" {
		return time.Time{}, nil
	}
	if t, ok := parseUTC(s.String); ok {
		return t, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s.String)
	if err != nil {
		return time.Time{}, fmt.Errorf("bad time %q in database: %w", s.String, err)
	}
	return t.UTC(), nil
}

// parseUTC reads a time in the one form timeText writes,
// "2006-01-02T15:04:05[.999999999]Z", as time.Parse(time.RFC3339Nano)
// reads it; ok is false for any other text, even one that names a valid
// time, which time.Parse then reads. A record holds tens of thousands of
// times.
func parseUTC(s string) (time.Time, bool) {
	if len(s) < 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[len(s)-1] != 'Z' {
		return time.Time{}, false
	}
	num := func(from, to int) (int, bool) {
		n := 0
		for i := from; i < to; i++ {
			c := s[i]
			if c < '0' || c > '9' {
				return 0, false
			}
			n = n*10 + int(c-'0')
		}
		return n, true
	}
	year, ok1 := num(0, 4)
	month, ok2 := num(5, 7)
	day, ok3 := num(8, 10)
	hour, ok4 := num(11, 13)
	minute, ok5 := num(14, 16)
	sec, ok6 := num(17, 19)
	if !ok1 || !ok2 || !ok3 || !ok4 || !ok5 || !ok6 ||
		month < 1 || month > 12 || day < 1 || day > 28 || hour > 23 || minute > 59 || sec > 59 {
		return time.Time{}, false // day 29 to 31 and the rest go through time.Parse
	}
	nsec := 0
	if rest := s[19 : len(s)-1]; rest != "" {
		digits := len(rest) - 1
		if rest[0] != '.' || digits < 1 || digits > 9 {
			return time.Time{}, false
		}
		n, ok := num(20, len(s)-1)
		if !ok {
			return time.Time{}, false
		}
		for range 9 - digits {
			n *= 10
		}
		nsec = n
	}
	return time.Date(year, time.Month(month), day, hour, minute, sec, nsec, time.UTC), true
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
