package main

// Benchmarks of hoidong import at the scale of a provincial sitting:
// registration tables of 10,000 rows (the nominees of synth's province,
// collectives and individuals, an X under each award proposed), imported
// for real into a meeting of its plan, each beside its reference:
//
//	go test . -run '^$' -bench Import -benchtime 5x
//
// csv and xlsx run the whole command on a fresh copy of the meeting's
// file; xlsx-ref reads the same workbook with excelize and nothing else.

import (
	"bytes"
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"hoidong/model"
	"hoidong/store"
	"hoidong/synth"
)

// importRows is the size of the benchmarks' registration table.
const importRows = 10_000

// registrationRows lays the plan's nominees out as the registration
// template does: the header, the collectives under their section row,
// then the individuals under theirs.
func registrationRows(p *model.Plan) [][]string {
	header := []string{"Số TT", "Tập thể, cá nhân", "Đơn vị", "Chức vụ"}
	col := map[string]int{}
	for _, a := range p.Awards {
		col[a.Code] = len(header)
		header = append(header, a.Name)
	}
	header = append(header, "Tóm tắt thành tích", "Ghi chú")
	rows := [][]string{header}
	for _, kind := range []model.Kind{model.KindCollective, model.KindIndividual} {
		section := make([]string, len(header))
		section[0] = map[model.Kind]string{model.KindCollective: "I Tập thể", model.KindIndividual: "II Cá nhân"}[kind]
		rows = append(rows, section)
		n := 0
		for _, nm := range p.Nominees {
			if nm.Kind != kind {
				continue
			}
			n++
			r := make([]string, len(header))
			r[0], r[1], r[2], r[3] = fmt.Sprint(n), nm.Name, nm.Unit, nm.Position
			for _, a := range nm.Awards {
				r[col[a]] = "X"
			}
			r[len(r)-2] = nm.Summary
			rows = append(rows, r)
		}
	}
	return rows
}

// importFixture writes, into dir, a meeting of the synthetic plan without
// nominees and its registration table of importRows rows as CSV and XLSX.
func importFixture(b testing.TB, dir string) (db, csvPath, xlsxPath string) {
	b.Helper()
	p, err := synth.Plan(synth.Options{Nominees: importRows, Members: 31, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	rows := registrationRows(&p)
	empty := p
	empty.Nominees = nil
	db = filepath.Join(dir, "empty.db")
	st, err := store.Open(db)
	if err != nil {
		b.Fatal(err)
	}
	if err := st.CreateMeeting(context.Background(), empty); err != nil {
		b.Fatal(err)
	}
	if err := st.Close(); err != nil {
		b.Fatal(err)
	}

	var buf bytes.Buffer
	buf.WriteString("\uFEFF")
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	if err := w.WriteAll(rows); err != nil {
		b.Fatal(err)
	}
	csvPath = filepath.Join(dir, "dang-ky.csv")
	if err := os.WriteFile(csvPath, buf.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}

	f := excelize.NewFile()
	defer f.Close()
	const sheet = "Đăng ký thi đua"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		b.Fatal(err)
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		b.Fatal(err)
	}
	for i, r := range rows {
		vals := make([]any, len(r))
		for j, c := range r {
			if c != "" {
				vals[j] = c
			}
		}
		cell, err := excelize.CoordinatesToCellName(1, i+1)
		if err != nil {
			b.Fatal(err)
		}
		if err := sw.SetRow(cell, vals); err != nil {
			b.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	xlsxPath = filepath.Join(dir, "dang-ky.xlsx")
	if err := f.SaveAs(xlsxPath); err != nil {
		b.Fatal(err)
	}
	return db, csvPath, xlsxPath
}

// fixtureDir is where TestScaleImportFixture writes the benchmarks'
// import fixture, for scripts/scale.sh to time the command on it.
var fixtureDir = flag.String("fixture-dir", "", "write the import fixture of BenchmarkImport into this folder")

// TestScaleImportFixture writes the import fixture when -fixture-dir is
// given, and does nothing otherwise.
func TestScaleImportFixture(t *testing.T) {
	if *fixtureDir == "" {
		t.Skip("writes the import fixture for scripts/scale.sh when given -fixture-dir")
	}
	importFixture(t, *fixtureDir)
}

func BenchmarkImport(b *testing.B) {
	dir := b.TempDir()
	db, csvPath, xlsxPath := importFixture(b, dir)
	run1 := func(b *testing.B, table string) {
		for i := 0; b.Loop(); i++ {
			b.StopTimer()
			target := filepath.Join(dir, fmt.Sprintf("import-%d.db", i))
			data, err := os.ReadFile(db)
			if err != nil {
				b.Fatal(err)
			}
			if err := os.WriteFile(target, data, 0o644); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			var errOut bytes.Buffer
			if code := run([]string{"import", "--db", target, table}, io.Discard, &errOut); code != 0 {
				b.Fatalf("exit %d: %s", code, errOut.String())
			}
		}
	}
	b.Run("csv", func(b *testing.B) { run1(b, csvPath) })
	b.Run("xlsx", func(b *testing.B) { run1(b, xlsxPath) })
	b.Run("xlsx-ref", func(b *testing.B) {
		for b.Loop() {
			f, err := excelize.OpenFile(xlsxPath)
			if err != nil {
				b.Fatal(err)
			}
			rows, err := f.GetRows(f.GetSheetList()[0])
			if err != nil || len(rows) < importRows {
				b.Fatal(err, len(rows))
			}
			if err := f.Close(); err != nil {
				b.Fatal(err)
			}
		}
	})
}
