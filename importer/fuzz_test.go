package importer

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"testing"

	"hoidong/model"
)

// checkBatch holds for whatever a file contains: nothing panics, rows read
// are complete, and a problem always says where.
func checkBatch(t *testing.T, b *Batch) {
	for i, n := range b.Nominees {
		if n.Name == "" || (n.Kind != model.KindCollective && n.Kind != model.KindIndividual) || len(n.Awards) == 0 {
			t.Fatalf("nominee %d incomplete: %#v", i, n)
		}
		if b.NomineeOrigins[i].Row <= 0 {
			t.Fatalf("nominee %d has no row: %+v", i, b.NomineeOrigins[i])
		}
	}
	for i, m := range b.Members {
		if m.Name == "" || m.Role == 0 {
			t.Fatalf("member %d incomplete: %#v", i, m)
		}
	}
	for _, p := range b.Problems {
		if p.Where == "" || p.What == "" {
			t.Fatalf("problem without place or text: %+v", p)
		}
	}
}

// FuzzReadText feeds the CSV/TSV reader arbitrary bytes, under a name
// whose extension chooses the delimiters tried first. Seed corpus:
// testdata/fuzz/FuzzReadText. Run it with a short -fuzzminimizetime: the
// default minute per new input stalls the run on inputs of a few kilobytes.
func FuzzReadText(f *testing.F) {
	for i, name := range []string{"seed-dang-ky.tsv", "seed-dang-ky.csv", "seed-dang-ky-utf16.txt", "bad/thua-o.csv", "bad/tcvn3.csv"} {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, uint8(i))
	}
	rec := meeting(true)
	names := [...]string{"dk.csv", "dk.tsv", "dk.txt"}
	f.Fuzz(func(t *testing.T, data []byte, ext uint8) {
		name := names[int(ext)%len(names)]
		checkBatch(t, Read(rec, []File{{Name: name, Data: data}}, Options{}))
	})
}

// FuzzReadXLSX feeds the XLSX reader arbitrary bytes that start like a
// workbook. Seed corpus: testdata/fuzz/FuzzReadXLSX.
func FuzzReadXLSX(f *testing.F) {
	data, err := os.ReadFile("testdata/seed-dang-ky.xlsx")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	rec := meeting(true)
	f.Fuzz(func(t *testing.T, data []byte) {
		if !isXLSX(data) {
			data = append([]byte("PK\x03\x04"), data...)
		}
		checkBatch(t, Read(rec, []File{{Name: "dk.xlsx", Data: data}}, Options{}))
	})
}

// FuzzReadXLSXSheet puts arbitrary worksheet XML into an otherwise valid
// workbook, so that the fuzzer gets past the ZIP layer into the sheet
// parser and the table reading. Seed corpus: testdata/fuzz/FuzzReadXLSXSheet.
func FuzzReadXLSXSheet(f *testing.F) {
	base, err := os.ReadFile("testdata/seed-dang-ky.xlsx")
	if err != nil {
		f.Fatal(err)
	}
	sheet := zipPart(f, base, "xl/worksheets/sheet1.xml")
	f.Add(sheet)
	f.Add([]byte(`<worksheet><sheetData><row r="3"><c r="B3" t="inlineStr"><is><t>Họ và tên</t></is></c>` +
		`<c r="C3" t="inlineStr"><is><t>LDTT</t></is></c></row><row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>X</t></is></c></row>` +
		`</sheetData><mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>`))
	rec := meeting(true)
	f.Fuzz(func(t *testing.T, sheet []byte) {
		data := replacePart(t, base, "xl/worksheets/sheet1.xml", sheet)
		checkBatch(t, Read(rec, []File{{Name: "dk.xlsx", Data: data}}, Options{}))
	})
}

// zipPart returns one file of a ZIP archive.
func zipPart(t testing.TB, archive []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(archive), int64(len(archive)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			b, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			return b
		}
	}
	t.Fatalf("no %s in the archive", name)
	return nil
}

// replacePart returns the archive with one file's content replaced.
func replacePart(t testing.TB, archive []byte, name string, content []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(archive), int64(len(archive)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == name {
			_, err = w.Write(content)
		} else {
			var rc io.ReadCloser
			if rc, err = f.Open(); err == nil {
				_, err = io.Copy(w, rc)
				rc.Close()
			}
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}
