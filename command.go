package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"hoidong/model"
)

// command is one subcommand of hoidong. Every command parses its flags
// with flags and parse, and ends the same way (see exit).
type command struct {
	name  string // as typed after hoidong; "" opens the meeting
	usage []usageLine
	// help is the text of "hoidong NAME --help" when the usage lines are
	// not enough.
	help string
	run  func(args []string, stdin io.Reader, stdout, stderr io.Writer) error
	// failCode is the exit code of a failure, when it is not 1.
	failCode int
}

// usageLine is one way to call a command and what it does, for the usage
// text.
type usageLine struct {
	call, what string
}

// usageHead opens the usage text.
const usageHead = `hoidong — điều hành phiên họp Hội đồng Thi đua – Khen thưởng

Cách dùng:
`

// usageCallWidth is the width of the call column of the usage text; a
// longer call puts what it does on the next line.
const usageCallWidth = 34

// usageText is the usage text of hoidong: every command's lines.
func usageText(all []command) string {
	var b strings.Builder
	b.WriteString(usageHead)
	for _, c := range all {
		c.writeUsage(&b)
	}
	return b.String()
}

// writeUsage writes the command's lines of the usage text.
func (c command) writeUsage(b *strings.Builder) {
	indent := strings.Repeat(" ", 2+usageCallWidth+1)
	for _, u := range c.usage {
		lines := strings.Split(u.what, "\n")
		if ansi.StringWidth(u.call) <= usageCallWidth {
			fmt.Fprintf(b, "  %s %s\n", pad(u.call, usageCallWidth), lines[0])
		} else {
			fmt.Fprintf(b, "  %s\n%s%s\n", u.call, indent, lines[0])
		}
		for _, l := range lines[1:] {
			fmt.Fprintf(b, "%s%s\n", indent, l)
		}
	}
}

// pad pads s with spaces to width display columns.
func pad(s string, width int) string {
	if n := ansi.StringWidth(s); n < width {
		return s + strings.Repeat(" ", width-n)
	}
	return s
}

// helpText is what "hoidong NAME --help" prints, and what follows a wrong
// command line. Opening the meeting has no name of its own: its help is
// the whole usage text.
func (c command) helpText(all []command) string {
	switch {
	case c.help != "":
		return c.help
	case c.name == "":
		return usageText(all)
	}
	var b strings.Builder
	b.WriteString("Cách dùng:\n")
	c.writeUsage(&b)
	b.WriteString("\nMọi lệnh: hoidong help\n")
	return b.String()
}

// exit reports how the command ended and returns the exit code:
//   - done: 0;
//   - help asked for: the command's help on stdout, 0;
//   - a wrong command line (usageError): "Lỗi: …" and the command's help
//     on stderr, 2;
//   - a failure the command has already reported (reportedError): its code;
//   - any other failure: "Lỗi: …" with the Vietnamese message on stderr,
//     preceded by the technical detail of an internal failure for whoever
//     supports the program, and the command's failure code (1 unless it
//     says otherwise).
func (c command) exit(err error, all []command, stdout, stderr io.Writer) int {
	var (
		usage    *usageError
		reported *reportedError
	)
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(stdout, c.helpText(all))
		return 0
	case errors.As(err, &usage):
		fmt.Fprintf(stderr, "Lỗi: %s\n\n%s", usage.msg, c.helpText(all))
		return 2
	case errors.As(err, &reported):
		return reported.code
	}
	if internal(err) {
		fmt.Fprintln(stderr, "Chi tiết kỹ thuật (để gửi người hỗ trợ): "+model.Detail(err))
	}
	fmt.Fprintln(stderr, "Lỗi: "+model.Message(err))
	if c.failCode != 0 {
		return c.failCode
	}
	return 1
}

// internal reports whether err is a failure the user did not cause: not a
// user error, nor the problems of an input.
func internal(err error) bool {
	var ps model.Problems
	return model.ErrorCodeOf(err) == 0 && !errors.As(err, &ps)
}

// usageError is a command line that does not say what to do: an unknown
// flag, a missing argument, a stray one, flags that do not go together.
type usageError struct {
	msg string // Vietnamese
}

// Error implements error.
func (e *usageError) Error() string { return e.msg }

// usageErrorf builds a usageError with a Vietnamese message.
func usageErrorf(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// reportedError ends a command that has already written what went wrong,
// with its exit code.
type reportedError struct {
	code int
}

// Error implements error.
func (e *reportedError) Error() string { return fmt.Sprintf("exit %d", e.code) }

// flags builds a flag set that writes nothing itself: parse turns what it
// finds into a usageError, and exit prints the help.
func flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parse parses args and refuses stray arguments.
func parse(fs *flag.FlagSet, args []string) error {
	rest, err := parseMixed(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageErrorf("tham số thừa: %q", rest[0])
	}
	return nil
}

// parseMixed parses args whose flags may come before or after the other
// arguments, and returns the other arguments.
func parseMixed(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usageErrorf("%s", flagMessage(err))
		}
		if fs.NArg() == 0 {
			return rest, nil
		}
		rest = append(rest, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// flagMessage says in Vietnamese what the flag package found wrong,
// naming flags as the usage text does (--db).
func flagMessage(err error) string {
	msg := err.Error()
	for _, m := range []struct{ prefix, say string }{
		{"flag provided but not defined: -", "không có tham số --%s"},
		{"flag needs an argument: -", "tham số --%s cần một giá trị"},
		{"bad flag syntax: ", "tham số viết sai: %s"},
	} {
		if rest, ok := strings.CutPrefix(msg, m.prefix); ok {
			return fmt.Sprintf(m.say, rest)
		}
	}
	if name, ok := badValueFlag(msg); ok {
		return fmt.Sprintf("giá trị của tham số --%s không dùng được", name)
	}
	return "tham số không hợp lệ"
}

// badValueFlag finds the name of the flag in the flag package's message
// about a value it cannot read: invalid [boolean ]value "…" for [flag ]-name: ….
func badValueFlag(msg string) (string, bool) {
	rest, ok := strings.CutPrefix(msg, "invalid boolean value ")
	if !ok {
		if rest, ok = strings.CutPrefix(msg, "invalid value "); !ok {
			return "", false
		}
	}
	value, err := strconv.QuotedPrefix(rest)
	if err != nil {
		return "", false
	}
	rest, ok = strings.CutPrefix(rest[len(value):], " for ")
	if !ok {
		return "", false
	}
	name, _, _ := strings.Cut(strings.TrimPrefix(rest, "flag "), ":")
	return strings.TrimPrefix(name, "-"), true
}

// dbFlag defines the --db flag of a command that works on an existing
// meeting.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", "hoidong.db", "tệp cơ sở dữ liệu của phiên họp")
}
