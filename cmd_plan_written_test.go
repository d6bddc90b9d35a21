package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPlan_WrittenBallotKeys: plan show documents written_ballots,
// nominated_members and council_member in Vietnamese, and plan check names
// each of their mistakes.
func TestPlan_WrittenBallotKeys(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"plan", "show"}, &out, &errOut); code != 0 {
		t.Fatalf("plan show: exit %d: %s", code, errOut.String())
	}
	sample := out.String()
	for _, want := range []string{
		"#   written_ballots: true nếu thành viên vắng mặt được gửi phiếu bằng văn bản",
		"#   nominated_members: khi một thành viên Hội đồng được biểu quyết cũng là",
		"#   written_ballots: (không bắt buộc) true hoặc false: danh hiệu này có nhận",
		"#   council_member: (không bắt buộc) họ tên thành viên Hội đồng được biểu",
		"\nwritten_ballots = true\nnominated_members = \"disclose\"\n",
	} {
		if !strings.Contains(sample, want) {
			t.Errorf("plan show lacks %q", want)
		}
	}
	dir := t.TempDir()
	good := filepath.Join(dir, "ke-hoach.toml")
	if err := os.WriteFile(good, []byte(sample), 0o644); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if code := run([]string{"plan", "check", good}, &out, &errOut); code != 0 {
		t.Fatalf("plan check of the sample: exit %d: %s", code, errOut.String())
	}

	bad := strings.Replace(sample, "written_ballots = true\n", "written_ballots = \"có\"\n", 1)
	bad = strings.Replace(bad, `nominated_members = "disclose"`, `nominated_members = "abstain"`, 1)
	bad = strings.Replace(bad, `council_member = "Nguyễn Văn Mẫu An"`, `council_member = "Nguyễn Văn Mẫu Ân"`, 1)
	bad = strings.Replace(bad, "code = \"HTNV\"\n", "code = \"HTNV\"\nwritten_ballots = true\n", 1)
	path := filepath.Join(dir, "sai.toml")
	if err := os.WriteFile(path, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	errOut.Reset()
	if code := run([]string{"plan", "check", path}, &out, &errOut); code != 1 {
		t.Fatalf("plan check of a bad plan: exit %d", code)
	}
	for _, want := range []string{
		"có 4 lỗi",
		"meeting.written_ballots: phải là true (có) hoặc false (không), không đặt trong dấu ngoặc kép",
		`meeting.nominated_members: cách xử lý thành viên được đề nghị không hợp lệ: "abstain"; chỉ dùng một trong: "disclose", "recuse"`,
		"awards[3].written_ballots: Hoàn thành nhiệm vụ (HTNV) không bỏ phiếu kín (ballot = false) nên không nhận phiếu bằng văn bản",
		`nominees[1].council_member: đối tượng "UBND thị trấn" ghi council_member = "Nguyễn Văn Mẫu Ân" nhưng Hội đồng không có thành viên nào tên như vậy`,
	} {
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("plan check lacks %q:\n%s", want, errOut.String())
		}
	}
}
