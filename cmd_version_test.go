package main

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// vcs is the build settings go build records from git.
func vcs(revision, when, modified string) []debug.BuildSetting {
	return []debug.BuildSetting{
		{Key: "-trimpath", Value: "true"},
		{Key: "vcs", Value: "git"},
		{Key: "vcs.revision", Value: revision},
		{Key: "vcs.time", Value: when},
		{Key: "vcs.modified", Value: modified},
	}
}

// TestBuildStamp_Line prints the version line of releases and of
// development builds, with and without what version control recorded.
func TestBuildStamp_Line(t *testing.T) {
	const rev = "abc1234def5678abc1234def5678abc1234def56"
	for _, c := range []struct {
		name   string
		linked string
		info   *debug.BuildInfo
		want   string
	}{
		{"release", "1.2.0",
			&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs(rev, "2026-11-29T10:01:31Z", "false")},
			"hoidong 1.2.0 (commit abc1234, 2026-11-29)"},
		{"release stamped with a v", "v1.2.0",
			&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs(rev, "2026-11-29T10:01:31Z", "false")},
			"hoidong 1.2.0 (commit abc1234, 2026-11-29)"},
		{"the commit's date in UTC", "1.2.0",
			&debug.BuildInfo{Settings: vcs(rev, "2026-11-30T01:30:00+07:00", "false")},
			"hoidong 1.2.0 (commit abc1234, 2026-11-29)"},
		{"release without version control", "1.2.0",
			&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}},
			"hoidong 1.2.0"},
		{"go build at a version tag", "",
			&debug.BuildInfo{Main: debug.Module{Version: "v1.3.0-rc.1"}, Settings: vcs(rev, "2026-11-29T10:01:31Z", "false")},
			"hoidong 1.3.0-rc.1 (commit abc1234, 2026-11-29)"},
		{"development build from a commit", "",
			&debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261129100131-abc1234def56"}, Settings: vcs(rev, "2026-11-29T10:01:31Z", "false")},
			"hoidong (bản phát triển, commit abc1234, 2026-11-29)"},
		{"development build after a tag", "",
			&debug.BuildInfo{Main: debug.Module{Version: "v1.2.1-0.20261129100131-abc1234def56"}, Settings: vcs(rev, "2026-11-29T10:01:31Z", "false")},
			"hoidong (bản phát triển, commit abc1234, 2026-11-29)"},
		{"development build with changes", "",
			&debug.BuildInfo{Main: debug.Module{Version: "v1.2.0+dirty"}, Settings: vcs(rev, "2026-11-29T10:01:31Z", "true")},
			"hoidong (bản phát triển, commit abc1234, 2026-11-29, có thay đổi chưa commit)"},
		{"go run", "",
			&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}},
			"hoidong (bản phát triển)"},
		{"no build information", "", nil,
			"hoidong (bản phát triển)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := readStamp(c.linked, c.info).String()
			if got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
			if !norm.NFC.IsNormalString(got) {
				t.Errorf("%q is not NFC", got)
			}
		})
	}
}

// TestIsRelease tells version tags from pseudo-versions.
func TestIsRelease(t *testing.T) {
	for v, want := range map[string]bool{
		"v1.2.0":                               true,
		"v1.2.0-rc.1":                          true,
		"v2.0.0-beta-abcdef":                   true,
		"(devel)":                              false,
		"":                                     false,
		"v1.2.0+dirty":                         false,
		"v0.0.0-20261129100131-c92fa88efab1":   false,
		"v1.2.1-0.20261129100131-c92fa88efab1": false,
		"v1.3.0-rc.1.0.20261129100131-c92fa88efab1":      false,
		"v0.0.0-20261129100131-c92fa88efab1+dirty":       false,
		"v1.2.1-0.20261129100131-c92fa88efab1+dirty":     false,
		"v1.2.0-build-20261129100131-nothexnumber":       true,
		"v1.2.0-build.x20261129100131-c92fa88efab1extra": true,
	} {
		if got := isRelease(v); got != want {
			t.Errorf("isRelease(%q) = %v, want %v", v, got, want)
		}
	}
}

// TestRun_Version: hoidong version and hoidong --version print the same
// line, which names the program.
func TestRun_Version(t *testing.T) {
	var first string
	for _, args := range [][]string{{"version"}, {"--version"}, {"-version"}} {
		var out, errOut bytes.Buffer
		if code := run(args, &out, &errOut); code != 0 || errOut.Len() > 0 {
			t.Fatalf("hoidong %s: exit %d, stderr %q", args[0], code, errOut.String())
		}
		if !strings.HasPrefix(out.String(), "hoidong ") || strings.Count(out.String(), "\n") != 1 {
			t.Errorf("hoidong %s printed %q", args[0], out.String())
		}
		if first == "" {
			first = out.String()
		} else if out.String() != first {
			t.Errorf("hoidong %s printed %q, hoidong version %q", args[0], out.String(), first)
		}
	}
	var out, errOut bytes.Buffer
	if code := run([]string{"--version", "thua"}, &out, &errOut); code != 2 || !strings.HasPrefix(errOut.String(), `Lỗi: tham số thừa: "thua"`) {
		t.Errorf("--version thua: exit %d, stderr %q", code, errOut.String())
	}
}

// TestVersion_StampedByTheLinker builds the program with the linker flag
// of the release script and runs its --version: -X must find
// main.version. (The release script also strips and trims paths; that
// would rebuild every package here for nothing.)
func TestVersion_StampedByTheLinker(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the program")
	}
	bin := filepath.Join(t.TempDir(), "hoidong")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	build := exec.Command("go", "build", "-ldflags", "-X main.version=9.8.7", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "--version").CombinedOutput()
	if err != nil {
		t.Fatalf("hoidong --version: %v\n%s", err, out)
	}
	if got := string(out); got != "hoidong 9.8.7\n" && !strings.HasPrefix(got, "hoidong 9.8.7 (commit ") {
		t.Errorf("hoidong --version printed %q", got)
	}
}
