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
	// Cause is the technical failure behind the message, if any, such as
	// SQLite refusing to write a read-only file: it goes to a log (see
	// Detail), never on screen.
	Cause error
}

// Error implements error: the Vietnamese message only.
func (e *Error) Error() string { return e.Message }

// Unwrap returns the technical cause.
func (e *Error) Unwrap() error { return e.Cause }

// Errorf builds a user error with a Vietnamese message.
func Errorf(code ErrorCode, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Wrapf builds a user error with a Vietnamese message that says what
// happened, carrying the technical cause for a log.
func Wrapf(code ErrorCode, cause error, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...), Cause: cause}
}

// Detail returns the technical text of err for a log file: the message
// followed by every technical cause a user error carries.
func Detail(err error) string {
	if err == nil {
		return ""
	}
	text := err.Error()
	for err != nil {
		var e *Error
		if !errors.As(err, &e) || e.Cause == nil {
			break
		}
		text += "; cause: " + e.Cause.Error()
		err = e.Cause
	}
	return text
}

// ErrorCodeOf returns the code of the first user error in err's chain, or 0.
func ErrorCodeOf(err error) ErrorCode {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return 0
}

// internalMessage is what the screen shows for a failure the user did not
// cause; its technical text is for a log (see Detail).
const internalMessage = "Chương trình gặp lỗi nội bộ, không phải do thao tác của người dùng; thao tác vừa rồi chưa hoàn tất."

// Message returns the Vietnamese text to show for err: the user error's
// message if there is one in the chain, the problems of an input, or else
// a generic Vietnamese sentence, never the technical text.
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
	return internalMessage
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
