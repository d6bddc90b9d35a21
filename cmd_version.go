package main

import (
	"fmt"
	"io"
	"runtime/debug"
	"strings"
	"time"
)

// version is the version of a release build, stamped by the linker:
//
//	go build -ldflags "-X main.version=1.2.0"
//
// It is a package-level variable only because -X can set nothing else;
// the program never assigns it. Empty in a development build (see
// readStamp).
var version string

// runVersion prints the version of the program and the commit it was built
// from (hoidong version, hoidong --version).
func runVersion(args []string, _ io.Reader, stdout, _ io.Writer) error {
	if err := parse(flags("version"), args); err != nil {
		return err
	}
	info, _ := debug.ReadBuildInfo()
	_, err := fmt.Fprintln(stdout, readStamp(version, info).String())
	return err
}

// buildStamp is what a binary knows of where it came from.
type buildStamp struct {
	version  string // "1.2.0"; "" for a development build
	revision string // the commit, in full
	time     string // the commit's time, RFC 3339
	modified bool   // built from a work tree with uncommitted changes
}

// readStamp reads the build stamp: the version the linker set, or else
// the main module's version when the go command took it from a version
// tag (go build at a tag of a clean work tree), and the commit that
// go build recorded from version control.
func readStamp(linked string, info *debug.BuildInfo) buildStamp {
	s := buildStamp{version: strings.TrimPrefix(linked, "v")}
	if info == nil {
		return s
	}
	if s.version == "" && isRelease(info.Main.Version) {
		s.version = strings.TrimPrefix(info.Main.Version, "v")
	}
	for _, kv := range info.Settings {
		switch kv.Key {
		case "vcs.revision":
			s.revision = kv.Value
		case "vcs.time":
			s.time = kv.Value
		case "vcs.modified":
			s.modified = kv.Value == "true"
		}
	}
	return s
}

// isRelease reports whether a module version names a release: a version
// tag such as v1.2.0, not "(devel)", nor a pseudo-version made from a
// commit (v0.0.0-20261129100131-c92fa88efab1), nor a dirty work tree
// (+dirty).
func isRelease(v string) bool {
	if !strings.HasPrefix(v, "v") || strings.Contains(v, "+") {
		return false
	}
	// A pseudo-version ends in -yyyymmddhhmmss-abcdefabcdef, the
	// timestamp after a dash or a dot.
	i := strings.LastIndexByte(v, '-')
	if i < 15 || len(v)-i-1 != 12 || !isHex(v[i+1:]) {
		return true
	}
	stamp := v[i-14 : i]
	sep := v[i-15]
	return !(isDigits(stamp) && (sep == '-' || sep == '.'))
}

// isHex reports whether s is lowercase hexadecimal digits.
func isHex(s string) bool {
	return strings.Trim(s, "0123456789abcdef") == ""
}

// isDigits reports whether s is decimal digits.
func isDigits(s string) bool {
	return strings.Trim(s, "0123456789") == ""
}

// String is the line hoidong --version prints:
//
//	hoidong 1.2.0 (commit abc1234, 2026-11-29)
//	hoidong (bản phát triển, commit abc1234, 2026-11-29, có thay đổi chưa commit)
func (s buildStamp) String() string {
	var notes []string
	name := "hoidong"
	if s.version != "" {
		name += " " + s.version
	} else {
		notes = append(notes, "bản phát triển")
	}
	if s.revision != "" {
		notes = append(notes, "commit "+shortRevision(s.revision))
	}
	if t, err := time.Parse(time.RFC3339, s.time); err == nil {
		notes = append(notes, t.UTC().Format(time.DateOnly))
	}
	if s.modified {
		notes = append(notes, "có thay đổi chưa commit")
	}
	if len(notes) == 0 {
		return name
	}
	return name + " (" + strings.Join(notes, ", ") + ")"
}

// shortRevision shortens a commit hash the way git log --oneline does.
func shortRevision(rev string) string {
	if len(rev) > 7 {
		return rev[:7]
	}
	return rev
}
