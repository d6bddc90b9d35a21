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
	t, err := time.Parse(time.RFC3339Nano, s.String)
	if err != nil {
		return time.Time{}, fmt.Errorf("bad time %q in database: %w", s.String, err)
	}
	return t.UTC(), nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
