package importer

import (
	"bytes"
	"encoding/csv"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"

	"hoidong/model"
)

var update = flag.Bool("update", false, "rewrite the fixtures derived from testdata/seed-dang-ky.tsv")

// seedTSV is the seed's registration form as it stands: the text from
// "Như Quỳnh, ngày 15 tháng 01 năm 2023" to the end of the seed.
const seedTSV = "testdata/seed-dang-ky.tsv"

// derivedFixtures are the same registration table saved the ways Excel
// and Windows save it; TestFixtures_UpToDate keeps the committed copies in
// step with seedTSV (go test ./importer -run Fixtures -update).
func derivedFixtures(t testing.TB) map[string][]byte {
	t.Helper()
	data, err := os.ReadFile(seedTSV)
	if err != nil {
		t.Fatal(err)
	}
	rows := tsvRows(string(data))
	out := map[string][]byte{}

	// "CSV UTF-8 (Comma delimited)": a byte-order mark, quoted cells, CRLF.
	var b bytes.Buffer
	b.WriteString("\uFEFF")
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	out["testdata/seed-dang-ky.csv"] = bytes.Clone(b.Bytes())

	// "CSV (Comma delimited)" from Excel in a Vietnamese locale: semicolons.
	b.Reset()
	w = csv.NewWriter(&b)
	w.Comma = ';'
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	out["testdata/seed-dang-ky-semicolon.csv"] = bytes.Clone(b.Bytes())

	// "Unicode Text": UTF-16 little-endian with a byte-order mark, tabs, CRLF.
	text := strings.ReplaceAll(string(data), "\n", "\r\n")
	units := utf16.Encode([]rune("\uFEFF" + text))
	u16 := make([]byte, 2*len(units))
	for i, u := range units {
		u16[2*i], u16[2*i+1] = byte(u), byte(u>>8)
	}
	out["testdata/seed-dang-ky-utf16.txt"] = u16

	// Decomposed letters, as macOS writes them.
	out["testdata/seed-dang-ky-nfd.tsv"] = norm.NFD.Bytes(data)
	return out
}

// tsvRows splits tab-separated text into rows of cells.
func tsvRows(text string) [][]string {
	var rows [][]string
	for _, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		rows = append(rows, strings.Split(line, "\t"))
	}
	return rows
}

// seedXLSX is the registration form as an Excel sheet laid out like the
// printed form: the group headers merged across their award columns, the
// other headers merged over the two header rows.
func seedXLSX(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile(seedTSV)
	if err != nil {
		t.Fatal(err)
	}
	rows := tsvRows(string(data))
	head := 0
	for i, r := range rows {
		if len(r) > 1 && r[1] == "Tập thể, cá nhân" {
			head = i + 1
		}
	}
	return buildXLSX(t, "Đăng ký", rows, [][2]string{
		{cellName(3, head), cellName(7, head)},
		{cellName(8, head), cellName(11, head)},
		{cellName(1, head), cellName(1, head+1)},
		{cellName(2, head), cellName(2, head+1)},
		{cellName(12, head), cellName(12, head+1)},
	})
}

// buildXLSX makes a workbook whose first sheet holds rows, with merged
// ranges.
func buildXLSX(t testing.TB, sheet string, rows [][]string, merges [][2]string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		vals := make([]any, len(r))
		for j, c := range r {
			if c != "" {
				vals[j] = c
			}
		}
		if err := sw.SetRow(cellName(1, i+1), vals); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range merges {
		if err := sw.MergeCell(m[0], m[1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestFixtures_UpToDate checks (or with -update rewrites) the committed
// copies of the seed's table in other encodings and formats.
func TestFixtures_UpToDate(t *testing.T) {
	files := derivedFixtures(t)
	if *update {
		files["testdata/seed-dang-ky.xlsx"] = seedXLSX(t)
	}
	for name, want := range files {
		if *update {
			if err := os.WriteFile(name, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(name)
		if err != nil {
			t.Fatalf("%v (run go test ./importer -run Fixtures -update)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is out of date (run go test ./importer -run Fixtures -update)", name)
		}
	}
}

// meeting is a meeting under the sample plan, with its members and,
// when withNominees is set, its nominees.
func meeting(withNominees bool) *model.Record {
	p := model.SamplePlan()
	rec := &model.Record{Plan: p}
	for i, m := range p.Council.Members {
		m.ID = int64(i + 1)
		rec.Members = append(rec.Members, model.MemberRecord{Member: m})
	}
	if withNominees {
		for i, n := range p.Nominees {
			n.ID = int64(i + 1)
			rec.Nominees = append(rec.Nominees, model.NomineeRecord{Nominee: n})
		}
	}
	rec.Plan.Nominees = nil
	return rec
}

// readFixture reads one file of testdata against rec.
func readFixture(t *testing.T, rec *model.Record, name string, opts Options) *Batch {
	t.Helper()
	return ReadFiles(rec, []string{filepath.Join("testdata", name)}, opts)
}
