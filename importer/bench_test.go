package importer

import (
	"fmt"
	"testing"
)

// rows500 is a registration sheet of 500 individuals in the template's
// layout, each proposed for two awards.
func rows500(b *testing.B) [][]string {
	p := meeting(false).Plan
	header := templateHeader(&p)
	rows := [][]string{header, {sectionIndividual}}
	for i := range 500 {
		r := make([]string, len(header))
		r[0] = fmt.Sprint(i + 1)
		r[1] = fmt.Sprintf("Nguyễn Văn Mẫu %03d", i)
		r[2], r[3] = "UBND thị trấn Như Quỳnh", "Công chức"
		r[4], r[7] = "X", "X"
		r[len(r)-2] = "Hoàn thành xuất sắc nhiệm vụ được giao năm 2023."
		rows = append(rows, r)
	}
	return rows
}

// BenchmarkRead_XLSX500 reads and checks an XLSX sheet of 500 nominees
// against a meeting.
func BenchmarkRead_XLSX500(b *testing.B) {
	data := buildXLSX(b, "Đăng ký", rows500(b), nil)
	rec := meeting(true)
	for b.Loop() {
		batch := Read(rec, []File{{Name: "dk.xlsx", Data: data}}, Options{})
		if len(batch.Problems) > 0 || len(batch.Nominees) != 500 {
			b.Fatalf("%d nominees, problems %v", len(batch.Nominees), batch.Problems)
		}
	}
}

// BenchmarkRead_CSV500 reads the same sheet saved as CSV.
func BenchmarkRead_CSV500(b *testing.B) {
	var data []byte
	for _, r := range rows500(b) {
		for j, c := range r {
			if j > 0 {
				data = append(data, ';')
			}
			data = append(data, c...)
		}
		data = append(data, '\n')
	}
	rec := meeting(true)
	for b.Loop() {
		batch := Read(rec, []File{{Name: "dk.csv", Data: data}}, Options{})
		if len(batch.Problems) > 0 || len(batch.Nominees) != 500 {
			b.Fatalf("%d nominees, problems %v", len(batch.Nominees), batch.Problems)
		}
	}
}
