package model

import (
	"errors"
	"fmt"
	"strings"
)

// ErrorCode classifies a failure the user caused.
type ErrorCode int

// Error codes for failures the user can cause.
const (
	EInvalid  ErrorCode = iota + 1 // the input is wrong
	ENotFound                      // the thing asked for does not exist
	EConflict                      // the action clashes with the record's state
	ELocked                        // the file or meeting is locked
	EReadOnly                      // the file cannot be written, or is open only for viewing
)

// Error is a failure the user caused, with a Vietnamese message for the
// screen. Anything else is an internal failure.
type Error struct {
	Code    ErrorCode
	Message string
}

// Error implements error.
func (e *Error) Error() string { return e.Message }

// Errorf builds a user error with a Vietnamese message.
func Errorf(code ErrorCode, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCodeOf returns the code of the first user error in err's chain, or 0.
func ErrorCodeOf(err error) ErrorCode {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return 0
}

// Message returns the Vietnamese text to show for err: the user error's
// message if there is one in the chain, otherwise a generic internal one
// carrying the detail.
func Message(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	var ps Problems
	if errors.As(err, &ps) {
		return ps.Error()
	}
	return "Lỗi nội bộ: " + err.Error()
}

// Problem is one thing wrong with an input, and where.
type Problem struct {
	Where string // a line ("dòng 12") or a field ("awards[2].threshold")
	What  string // Vietnamese
}

// String renders "where: what".
func (p Problem) String() string {
	if p.Where == "" {
		return p.What
	}
	return p.Where + ": " + p.What
}

// Problems is every problem found in one input; it is an error when not empty.
type Problems []Problem

// Error implements error: one problem per line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = "- " + p.String()
	}
	return strings.Join(lines, "\n")
}
