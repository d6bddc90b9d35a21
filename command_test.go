package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestCommands_OneShape runs every command with --help and with a flag
// it does not have: help goes to standard output with exit code 0, a
// wrong command line gets "Lỗi: …" and the command's usage on standard
// error with exit code 2, and nothing runs.
func TestCommands_OneShape(t *testing.T) {
	for _, c := range commands() {
		prefix := []string{}
		if c.name != "" {
			prefix = []string{c.name}
		}
		t.Run("hoidong "+c.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			if code := run(append(prefix, "--help"), &out, &errOut); code != 0 || errOut.Len() > 0 {
				t.Errorf("--help: exit %d, stderr %q", code, errOut.String())
			}
			if help := c.helpText(commands()); out.String() != help || !strings.Contains(help, "hoidong "+c.name) {
				t.Errorf("--help printed %q, want %q", out.String(), help)
			}
			out.Reset()
			errOut.Reset()
			code := run(append(prefix, "--khong-co"), &out, &errOut)
			if code != 2 || out.Len() > 0 || !strings.HasPrefix(errOut.String(), "Lỗi: không có tham số --khong-co\n\n") {
				t.Errorf("unknown flag: exit %d, stdout %q, stderr %q", code, out.String(), errOut.String())
			}
			if !strings.Contains(errOut.String(), "Cách dùng:") {
				t.Errorf("unknown flag: no usage in %q", errOut.String())
			}
		})
	}
}

// TestUsage_ListsEveryCommand builds the usage text from the commands:
// each call in its place, what it does beside it or, for a long call,
// under it.
func TestUsage_ListsEveryCommand(t *testing.T) {
	text := usageText(commands())
	if !strings.HasPrefix(text, usageHead) {
		t.Fatalf("usage does not open with its head:\n%s", text)
	}
	for _, c := range commands() {
		for _, u := range c.usage {
			first, _, _ := strings.Cut(u.what, "\n")
			if !strings.Contains(text, "  "+u.call+" ") && !strings.Contains(text, "  "+u.call+"\n") {
				t.Errorf("usage lacks %q", u.call)
			}
			if !strings.Contains(text, " "+first+"\n") {
				t.Errorf("usage lacks %q", first)
			}
		}
	}
	for _, line := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		if strings.HasPrefix(line, "  hoidong ") && len([]rune(line)) <= 2+usageCallWidth {
			t.Errorf("line %q has a call without what it does", line)
		}
	}
	var out, errOut bytes.Buffer
	for _, args := range [][]string{{"help"}, {"--help"}, {"-h"}} {
		out.Reset()
		if code := run(args, &out, &errOut); code != 0 || out.String() != text {
			t.Errorf("hoidong %s: exit %d, printed %q", args[0], code, out.String())
		}
	}
}

// TestRun_UnknownCommand exits 2 and lists the commands.
func TestRun_UnknownCommand(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"hop"}, &out, &errOut); code != 2 || !strings.HasPrefix(errOut.String(), "Lỗi: lệnh không rõ: \"hop\"\n\n"+usageHead) {
		t.Errorf("exit %d, stderr %q", code, errOut.String())
	}
}

// TestFlagMessage says in Vietnamese what the flag package refuses.
func TestFlagMessage(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--khong-co"}, "không có tham số --khong-co"},
		{[]string{"--db"}, "tham số --db cần một giá trị"},
		{[]string{"--dry-run=co for sure"}, "giá trị của tham số --dry-run không dùng được"},
		{[]string{"---db"}, "tham số viết sai: ---db"},
		{[]string{"--db", "x", "thua"}, `tham số thừa: "thua"`},
	} {
		fs := flags("thu")
		fs.String("db", "", "")
		fs.Bool("dry-run", false, "")
		err := parse(fs, c.args)
		if err == nil || err.Error() != c.want {
			t.Errorf("%q: %v, want %q", c.args, err, c.want)
		}
	}
}
