package main

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"hoidong/importer"
	"hoidong/model"
	"hoidong/store"
)

// importMeeting creates a meeting under the sample plan in a temporary
// folder, with the plan's nominees or without them.
func importMeeting(t testing.TB, withNominees bool) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "hop.db")
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p := model.SamplePlan()
	if !withNominees {
		p.Nominees = nil
	}
	if err := st.CreateMeeting(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	return db
}

// recordState is what a refused import must leave as it was: every
// nominee and member, and the event chain's head.
func recordState(t *testing.T, db string) string {
	t.Helper()
	st, err := store.OpenBooth(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	rec, err := st.Record(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := st.Verify(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK() {
		t.Fatalf("verify: %s", rep.Problem)
	}
	var b strings.Builder
	for _, n := range rec.Nominees {
		fmt.Fprintf(&b, "%d %s %v\n", n.ID, n.Name, n.Awards)
	}
	for _, m := range rec.Members {
		fmt.Fprintf(&b, "%d %s\n", m.ID, m.Name)
	}
	fmt.Fprintf(&b, "%d events, head %s", rep.Events, rep.Head)
	return b.String()
}

// runCmd runs the command line and returns its exit code and output.
func runCmd(args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestImport_SeedTableInOneCommand(t *testing.T) {
	db := importMeeting(t, false)
	code, out, errOut := runCmd("import", "--db", db, "importer/testdata/seed-dang-ky.tsv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "Đã nhập 5 đối tượng đề nghị (4 tập thể, 1 cá nhân) vào") {
		t.Fatalf("output:\n%s", out)
	}
	state := recordState(t, db)
	for _, w := range []string{"1 UBND TT [GK_HUYEN BK_TINH]", "5 Toàn thể cán bộ, công chức, người lao động UBND [GK_HUYEN BK_TINH]"} {
		if !strings.Contains(state, w) {
			t.Fatalf("record lacks %q:\n%s", w, state)
		}
	}
	// The same table again: every row is now a duplicate, and nothing changes.
	code, _, errOut = runCmd("import", "--db", db, "importer/testdata/seed-dang-ky.xlsx")
	if code != 1 || !strings.Contains(errOut, "Không nhập gì: có 5 lỗi") {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if after := recordState(t, db); after != state {
		t.Fatalf("changed:\n%s\n---\n%s", state, after)
	}
}

func TestImport_DryRunWritesNothing(t *testing.T) {
	db := importMeeting(t, false)
	before := recordState(t, db)
	code, out, errOut := runCmd("import", "--dry-run", "--db", db, "importer/testdata/seed-dang-ky.csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, w := range []string{
		"Sẽ thêm 5 đối tượng đề nghị (4 tập thể, 1 cá nhân).",
		"Giấy khen của Chủ tịch UBND huyện            4 tập thể, 1 cá nhân",
		"Tập thể  UBND TT",
		"(seed-dang-ky.csv, dòng 16)",
		"Chạy thử (--dry-run): chưa ghi gì vào",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}
	if after := recordState(t, db); after != before {
		t.Fatal("a dry run changed the record")
	}
}

// TestImport_BadFilesChangeNothing runs the command on each bad fixture:
// it exits 1, names the file, row and column, and leaves the database as
// it was.
func TestImport_BadFilesChangeNothing(t *testing.T) {
	for _, c := range []struct{ file, want string }{
		{"thieu-cot-ten.csv", "tệp thieu-cot-ten.csv: không tìm thấy dòng tiêu đề"},
		{"thieu-cot-danh-hieu.csv", "tệp thieu-cot-danh-hieu.csv, dòng 1: bảng thiếu cột danh hiệu"},
		{"thieu-ten.csv", "tệp thieu-ten.csv, dòng 3, cột B (Tập thể, cá nhân): thiếu tên"},
		{"danh-hieu-la.csv", "tệp danh-hieu-la.csv, dòng 1, cột E (Giấy khen UBND xã): «Giấy khen UBND xã» không khớp danh hiệu"},
		{"trung-lap.csv", "tệp trung-lap.csv, dòng 3, cột B (Tập thể, cá nhân): «Các thôn, phố» (tập thể) đã có trong danh sách"},
		{"thua-o.csv", "tệp thua-o.csv, dòng 4, cột K: dòng có 11 ô nhưng dòng tiêu đề chỉ có 9 cột"},
		{"sai-doi-tuong.csv", "tệp sai-doi-tuong.csv, dòng 3, cột G (Chiến sỹ thi đua cơ sở): «Chiến sỹ thi đua cơ sở» chỉ dành cho cá nhân"},
		{"tcvn3.csv", "tệp tcvn3.csv: tệp không phải chữ Unicode"},
		{"vni.csv", "bảng mã cũ VNI Windows"},
		{"windows-1258.csv", "bảng mã cũ Vietnamese locale CP 1258"},
		{"phong-chu-cu.csv", "được gõ bằng phông chữ cũ"},
	} {
		t.Run(c.file, func(t *testing.T) {
			db := importMeeting(t, true)
			before := recordState(t, db)
			code, out, errOut := runCmd("import", "--db", db, filepath.Join("importer/testdata/bad", c.file))
			if code != 1 || !strings.Contains(errOut, "Không nhập gì") || !strings.Contains(errOut, c.want) {
				t.Fatalf("exit %d, want 1 and %q:\n%s%s", code, c.want, out, errOut)
			}
			if after := recordState(t, db); after != before {
				t.Fatalf("changed:\n%s\n---\n%s", before, after)
			}
		})
	}
}

func TestImport_RefusedOnceVotingStarted(t *testing.T) {
	db := importMeeting(t, true)
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := st.CloseMeeting(ctx); err != nil {
		t.Fatal(err)
	}
	st.Close()
	code, _, errOut := runCmd("import", "--db", db, "importer/testdata/seed-dang-ky.tsv")
	if code != 1 || !strings.Contains(errOut, "Phiên họp đã kết thúc") {
		t.Fatalf("exit %d: %s", code, errOut)
	}
}

func TestImport_Usage(t *testing.T) {
	if code, _, errOut := runCmd("import", "--db"); code != 2 || !strings.Contains(errOut, "Cách dùng") {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if code, _, errOut := runCmd("import", "--db", "x.db"); code != 2 || !strings.Contains(errOut, "ít nhất một bảng đăng ký") {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if code, out, _ := runCmd("import", "--help"); code != 0 || !strings.Contains(out, "--template xlsx|csv") {
		t.Fatalf("exit %d: %s", code, out)
	}
	if code, _, errOut := runCmd("import", "--template", "pdf"); code != 1 || !strings.Contains(errOut, "định dạng mẫu \"pdf\" không có") {
		t.Fatalf("exit %d: %s", code, errOut)
	}
}

func TestImport_Templates(t *testing.T) {
	db := importMeeting(t, false)
	code, out, errOut := runCmd("import", "--template", "csv", "--db", db)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.HasPrefix(out, "\uFEFFSố TT,\"Tập thể, cá nhân\",Đơn vị,Chức vụ,Giấy khen của Chủ tịch UBND thị trấn,") ||
		!strings.Contains(out, "\r\nI Tập thể,") || !strings.Contains(out, "\r\nII Cá nhân,") {
		t.Fatalf("csv template:\n%s", out)
	}
	code, out, errOut = runCmd("import", "--template", "xlsx")
	if code != 0 || !strings.Contains(errOut, "kế hoạch mẫu") {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	f, err := excelize.OpenReader(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); fmt.Sprint(got) != "[Đăng ký thi đua Thành viên Hội đồng Hướng dẫn]" {
		t.Fatalf("sheets %v", got)
	}
}

// writeXLSX500 writes a registration sheet of 500 individuals, each
// proposed for two awards, in the template's layout.
func writeXLSX500(t testing.TB, dir string) string {
	t.Helper()
	p := model.SamplePlan()
	var tmpl bytes.Buffer
	if err := importer.WriteTemplate(&tmpl, &p, importer.FormatXLSX); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&tmpl)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	const sh = "Đăng ký thi đua"
	// Individuals only: one section, then the rows under it.
	if err := f.SetCellValue(sh, "A2", "II Cá nhân"); err != nil {
		t.Fatal(err)
	}
	families := []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"}
	given := []string{"An", "Bình", "Cường", "Dung", "Đức", "Giang", "Hải", "Hằng", "Khánh", "Lan", "Minh", "Ngọc", "Phúc", "Quyên", "Sơn", "Tâm", "Uyên", "Việt", "Xuân", "Yến"}
	for i := range 500 {
		name := fmt.Sprintf("%s Văn Mẫu %s %d", families[i%len(families)], given[i%len(given)], i+1)
		// After the ten awards, the dossier column is left empty.
		row := []any{i + 1, name, "UBND thị trấn Như Quỳnh", "Công chức", "X", nil, nil, "X", nil, nil, nil, nil, nil, nil, nil,
			"Hoàn thành xuất sắc nhiệm vụ được giao năm 2023."}
		if err := f.SetSheetRow(sh, fmt.Sprintf("A%d", i+3), &row); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(dir, "dang-ky-500.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestImport_XLSX500InOneCommand(t *testing.T) {
	db := importMeeting(t, false)
	path := writeXLSX500(t, t.TempDir())
	code, out, errOut := runCmd("import", "--db", db, path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "Đã nhập 500 đối tượng đề nghị (500 cá nhân)") {
		t.Fatalf("output:\n%s", out)
	}
	state := recordState(t, db)
	if !strings.Contains(state, "500 Hồ Văn Mẫu Yến 500 [GK_TT LDTT]") {
		t.Fatalf("record:\n%.400s", state)
	}
}

// BenchmarkImportCommand_XLSX500 runs `hoidong import --db … FILE` on an
// XLSX sheet of 500 nominees: reading, checking and writing in one
// transaction.
func BenchmarkImportCommand_XLSX500(b *testing.B) {
	dir := b.TempDir()
	path := writeXLSX500(b, dir)
	for b.Loop() {
		b.StopTimer()
		db := importMeeting(b, false)
		b.StartTimer()
		if code, _, errOut := runCmd("import", "--db", db, path); code != 0 {
			b.Fatal(errOut)
		}
	}
}
