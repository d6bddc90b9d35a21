package tui

import (
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"hoidong/model"
)

// logFailure appends the technical detail of a failed write, as one
// log/slog text record, to the log file beside the database, or in the
// system's temporary folder when that folder cannot be written, and returns
// the path written, or "". It runs inside a command.
func logFailure(path, what string, err error) string {
	for _, p := range []string{path, filepath.Join(os.TempDir(), "hoidong-loi.log")} {
		if p == "" {
			continue
		}
		f, ferr := os.OpenFile(p, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
		if ferr != nil {
			continue
		}
		log := slog.New(slog.NewTextHandler(f, nil))
		log.Error("chưa ghi được thay đổi", "việc", strings.TrimSpace(what), "lỗi", technical(err))
		if f.Close() == nil {
			return p
		}
	}
	return ""
}

// technical is the detail of err for the log: every error in its chain.
func technical(err error) string {
	var parts []string
	for e := err; e != nil; e = errors.Unwrap(e) {
		parts = append(parts, e.Error())
		if len(parts) > 8 {
			break
		}
	}
	return strings.Join(parts, " | ")
}

// failedWhat names what a job did not record when its write failed: its
// what, or its ack without the "Đã" that says it was done.
func (j job) failedWhat() string {
	if j.what != "" {
		return j.what
	}
	if rest, ok := strings.CutPrefix(j.ack, "Đã "); ok {
		return rest
	}
	return j.ack
}

// failure is what the status line says when a write failed: what was not
// recorded and why, in Vietnamese; for a failure the user did not cause,
// where its technical detail was written instead of the detail itself.
func failure(what string, err error, logged string) error {
	what = strings.TrimSuffix(strings.TrimSpace(what), ".")
	var (
		why string
		ps  model.Problems
	)
	switch {
	case model.ErrorCodeOf(err) != 0 || errors.As(err, &ps):
		why = model.Message(err)
	case logged != "":
		why = "Lỗi khi ghi vào tệp; chi tiết kỹ thuật đã ghi vào " + logged + "."
	default:
		why = "Lỗi khi ghi vào tệp."
	}
	code := model.ErrorCodeOf(err)
	if code == 0 {
		code = model.EInvalid
	}
	if what == "" {
		return model.Errorf(code, "%s", why)
	}
	return model.Errorf(code, "Chưa ghi được: %s. %s", what, why)
}
