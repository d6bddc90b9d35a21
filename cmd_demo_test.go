package main

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestDemo_Synthetic builds a synthetic meeting without opening it and
// checks that it verifies and exports.
func TestDemo_Synthetic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "lon.db")
	var out, errOut bytes.Buffer
	code := run([]string{"demo", "--nominees", "60", "--members", "5", "--rounds", "1", "--seed", "3", "--db", path, "--no-open"}, &out, &errOut)
	if code != 0 {
		t.Fatalf("exit %d: %s%s", code, out.String(), errOut.String())
	}
	want := regexp.MustCompile(`^Phiên họp mẫu: ` + regexp.QuoteMeta(path) + `\nMã thư ký: [0-9]{8}\n` +
		`Đã tạo 60 đối tượng, 5 thành viên biểu quyết, 1 vòng bỏ phiếu đã kết thúc \(5 phiếu\), [0-9]+ sự kiện\.\n$`)
	if !want.MatchString(out.String()) {
		t.Errorf("output %q", out.String())
	}
	out.Reset()
	if code := run([]string{"verify", "--db", path}, &out, &errOut); code != 0 {
		t.Fatalf("verify: exit %d: %s%s", code, out.String(), errOut.String())
	}
	out.Reset()
	if code := run([]string{"export", "--db", path, "--out", filepath.Join(dir, "bien-ban")}, &out, &errOut); code != 0 {
		t.Fatalf("export: exit %d: %s%s", code, out.String(), errOut.String())
	}
}

func TestDemo_SyntheticRefusesBadSizes(t *testing.T) {
	var out, errOut bytes.Buffer
	path := filepath.Join(t.TempDir(), "lon.db")
	if code := run([]string{"demo", "--nominees", "0", "--db", path, "--no-open"}, &out, &errOut); code != 2 {
		t.Fatalf("exit %d: %s%s", code, out.String(), errOut.String())
	}
	if !strings.Contains(errOut.String(), "Số đối tượng phải từ 1 đến") {
		t.Errorf("stderr %q", errOut.String())
	}
}

// TestDemo_FailedBuildLeavesNoFile: a synthetic meeting that cannot be
// built as asked leaves no half-made file behind, and says why.
func TestDemo_FailedBuildLeavesNoFile(t *testing.T) {
	db := filepath.Join(t.TempDir(), "lon.db")
	code, _, errOut := runCmd("demo", "--nominees", "10", "--rounds", "99", "--no-open", "--db", db)
	if code == 0 || !strings.Contains(errOut, "không thể mở 99 vòng") {
		t.Fatalf("exit %d, stderr %q; want a failure naming the rounds", code, errOut)
	}
	if matches, _ := filepath.Glob(db + "*"); len(matches) > 0 {
		t.Errorf("the failed build left %v", matches)
	}
}

// TestDemo_ThemeIsNotASyntheticFlag: --theme alone opens the sample
// meeting; a theme the program does not know is refused before anything
// is made.
func TestDemo_ThemeIsNotASyntheticFlag(t *testing.T) {
	code, _, errOut := runCmd("demo", "--theme", "xanh")
	if code != 2 || !strings.Contains(errOut, `giao diện không rõ: "xanh"`) {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
}
