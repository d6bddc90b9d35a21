package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPlan_ShowAndCheckDossier: the sample plan shows the dossier keys with
// their Vietnamese comments, checks as valid and names its dossier; a plan
// with a broken dossier gets Vietnamese problems that say where.
func TestPlan_ShowAndCheckDossier(t *testing.T) {
	code, sample, errOut := runCmd("plan", "show")
	if code != 0 {
		t.Fatalf("plan show: exit %d: %s", code, errOut)
	}
	for _, w := range []string{
		"#   [[awards.documents]]:", "#                 produced: true nếu chương trình tự lập giấy tờ này",
		"#   received: (không bắt buộc) các giấy tờ trong hồ sơ",
		"[[awards.documents]]\nname = \"Báo cáo thành tích của tập thể hoặc cá nhân được đề nghị khen thưởng\"\nshort = \"Báo cáo thành tích\"\nproduced = false",
		"received = [\"đủ\"]",
	} {
		if !strings.Contains(sample, w) {
			t.Errorf("plan show lacks %q", w)
		}
	}
	dir := t.TempDir()
	good := filepath.Join(dir, "ke-hoach.toml")
	if err := os.WriteFile(good, []byte(sample), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCmd("plan", "check", good)
	if code != 0 || !strings.Contains(out, "Hồ sơ đề nghị khen thưởng quy định cho: Giấy khen của Chủ tịch UBND huyện (4 giấy tờ, 3 do chương trình lập).") {
		t.Fatalf("plan check: exit %d\n%s%s", code, out, errOut)
	}

	broken := strings.Replace(sample, `short = "Báo cáo thành tích"`, `short = "Tờ trình"`, 1)
	broken = strings.Replace(broken, "produced = true", `produced = "có"`, 1)
	broken = strings.Replace(broken, `received = ["đủ"]`, `received = ["Giấy chứng nhận"]`, 1)
	bad := filepath.Join(dir, "sai.toml")
	if err := os.WriteFile(bad, []byte(broken), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = runCmd("plan", "check", bad)
	if code != 1 {
		t.Fatalf("plan check of a broken plan: exit %d", code)
	}
	for _, w := range []string{
		"awards[2].documents[1].produced: phải là true (có) hoặc false (không)",
		"awards[2].documents[2]: tên «Tờ trình» trùng với giấy tờ thứ 1 trong hồ sơ của Giấy khen của Chủ tịch UBND huyện (GK_HUYEN)",
		"nominees[6].received: giấy tờ «Giấy chứng nhận» không có trong hồ sơ của các danh hiệu đề nghị",
	} {
		if !strings.Contains(errOut, w) {
			t.Errorf("plan check lacks %q:\n%s", w, errOut)
		}
	}
}
