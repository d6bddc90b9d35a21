package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hoidong/model"
)

// importCSV is a unit's registration sheet: one collective and five
// individuals, typed in no particular order.
const importCSV = `Số TT,"Tập thể, cá nhân",Đơn vị,Chức vụ,Giấy khen UBND huyện,Lao động tiên tiến,Chiến sỹ thi đua cơ sở
I Tập thể,,,,,,
1,Tổ dân phố số 3,Thị trấn Như Quỳnh,,X,,
II Cá nhân,,,,,,
2,Trần Văn Mẫu Bình,Văn phòng,Công chức,,X,
3,Nguyễn Thị Mẫu Ánh,Tư pháp,Công chức,X,X,
4,Đỗ Văn Mẫu An,Địa chính,Công chức,,X,X
5,Lê Văn Mẫu Đức,Văn hóa,Công chức,,X,
6,Phạm Thị Mẫu Dung,Tài chính,Kế toán,,X,
`

// importBadCSV has a row without a name, a nominee the meeting already has
// and a column for an award the plan lacks.
const importBadCSV = `Họ và tên,Giấy khen UBND huyện,Chiến sĩ thi đua cơ sở,Giấy khen UBND xã
Trần Văn Mẫu Bình,X,,
,X,,
Dương Thị Mẫu Lan,,,X
`

// writeFile writes a fixture into the harness's folder.
func (h *harness) writeFile(name, content string) string {
	h.t.Helper()
	p := filepath.Join(h.dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		h.t.Fatal(err)
	}
	return p
}

// TestImport_PreviewAndConfirm opens the import from the overview, reads a
// file, shows what it adds in Vietnamese order, and imports it on
// confirmation.
func TestImport_PreviewAndConfirm(t *testing.T) {
	h := newHarness(t, true)
	before := len(h.fresh().Nominees)
	path := h.writeFile("dang-ky.csv", importCSV)

	h.press("i")
	h.expectPage(pageImport)
	if h.m.input == nil {
		t.Fatal("no prompt for the file")
	}
	h.typeText(`"` + path + `"`) // as Windows' "Copy as path" gives it
	h.press("enter")
	h.expect("Sẽ thêm 6 đối tượng đề nghị (1 tập thể, 5 cá nhân).",
		"Giấy khen của Chủ tịch UBND huyện  1 tập thể, 1 cá nhân")
	h.snap("preview")

	// Individuals read by given name: An, Ánh, Bình, Dung, Đức.
	screen := h.screen()
	order := []string{"Tổ dân phố số 3", "Đỗ Văn Mẫu An", "Nguyễn Thị Mẫu Ánh", "Trần Văn Mẫu Bình", "Phạm Thị Mẫu Dung", "Lê Văn Mẫu Đức"}
	last := -1
	for _, name := range order {
		i := strings.Index(screen, name)
		if i < last {
			t.Fatalf("%s out of order:\n%s", name, screen)
		}
		last = i
	}
	if n := len(h.fresh().Nominees); n != before {
		t.Fatalf("the preview wrote %d nominees", n-before)
	}

	h.press("enter")
	h.expect("Nhập 6 đối tượng đề nghị (1 tập thể, 5 cá nhân) vào phiên họp?")
	h.press("c")
	h.expectPage(pageNominees)
	if h.m.status != "Đã nhập 6 đối tượng đề nghị (1 tập thể, 5 cá nhân)." {
		t.Fatalf("status %q", h.m.status)
	}
	rec := h.fresh()
	if len(rec.Nominees) != before+6 {
		t.Fatalf("%d nominees, want %d", len(rec.Nominees), before+6)
	}
	if n, ok := rec.NomineeByID(int64(before + 1)); !ok || n.Name != "Tổ dân phố số 3" {
		t.Fatalf("first imported: %+v", n)
	}
	if h.m.screens[pageImport].(*importScreen).batch != nil {
		t.Fatal("the preview outlived the import")
	}
}

// TestImport_ProblemsBlockTheImport lists every problem with its row and
// column and refuses to import.
func TestImport_ProblemsBlockTheImport(t *testing.T) {
	h := newHarness(t, true)
	before := len(h.fresh().Nominees)
	path := h.writeFile("loi.csv", importBadCSV)
	h.press("i")
	h.typeText(path)
	h.press("enter")
	h.expect("Có 3 lỗi — chưa nhập được.",
		"dòng 1, cột D (Giấy khen UBND xã)",
		"dòng 3, cột A (Họ và tên): thiếu tên",
		"dòng 4, cột A (Họ và tên): «Dương Thị Mẫu Lan» (cá nhân) đã có")
	h.snap("problems")
	h.press("enter")
	h.expectPage(pageImport)
	if !h.m.statusErr || !strings.Contains(h.m.status, "Tệp còn 3 lỗi") {
		t.Fatalf("status %q", h.m.status)
	}
	// The unit fixes the file; r reads it again.
	h.writeFile("loi.csv", "Họ và tên,Giấy khen UBND huyện\nTrần Văn Mẫu Bình,X\n")
	h.press("r")
	h.expect("Sẽ thêm 1 đối tượng đề nghị (1 cá nhân).")
	if n := len(h.fresh().Nominees); n != before {
		t.Fatalf("nominees changed: %d -> %d", before, n)
	}
}

// TestImport_MissingFileAndVotingStarted names a missing file, and keeps
// the screen shut once voting has started.
func TestImport_MissingFileAndVotingStarted(t *testing.T) {
	h := newHarness(t, true)
	h.press("i")
	h.typeText(filepath.Join(h.dir, "khong-co.xlsx"))
	h.press("enter")
	h.expect("không tìm thấy tệp")
	h.press("esc")
	h.expectPage(pageOverview)

	// Once a round exists, i says why and stays on the overview.
	clone := *h.rec()
	clone.Rounds = []model.Round{{ID: 1, Seq: 1, Award: "GK_TT"}}
	h.m.sh.rec = &clone
	h.press("i")
	h.expectPage(pageOverview)
	if !h.m.statusErr || h.m.status != "Đã bắt đầu bỏ phiếu (có 1 vòng bỏ phiếu); không thể nhập thêm đối tượng hay thành viên Hội đồng." {
		t.Fatalf("status %q", h.m.status)
	}
}
