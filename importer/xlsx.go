package importer

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"hoidong/model"
)

// xlsxOptions keep a damaged or hostile workbook from exhausting memory: a
// registration sheet is a few hundred kilobytes.
func xlsxOptions() excelize.Options {
	return excelize.Options{UnzipSizeLimit: 256 << 20, UnzipXMLSizeLimit: 64 << 20}
}

// readXLSX reads one sheet of a workbook: the named one, or the first.
// Merged cells carry their value into every cell they cover, as a reader
// sees them.
func readXLSX(name string, data []byte, sheet string) (t table, problem string) {
	defer func() {
		// excelize is a large parser of untrusted input; a panic in it is
		// a file that cannot be read, not a crash of the program.
		if r := recover(); r != nil {
			t, problem = table{}, "tệp XLSX bị hỏng, không đọc được; hãy mở bằng Excel và lưu lại"
		}
	}()
	f, err := excelize.OpenReader(bytes.NewReader(data), xlsxOptions())
	if err != nil {
		if strings.Contains(err.Error(), "password") || strings.Contains(err.Error(), "encrypt") {
			return t, "tệp XLSX có mật khẩu; hãy bỏ mật khẩu (Excel: Tệp → Thông tin → Bảo vệ sổ làm việc) rồi nhập lại"
		}
		return t, "tệp XLSX bị hỏng, không đọc được (" + err.Error() + "); hãy mở bằng Excel và lưu lại"
	}
	defer f.Close()
	chosen, problem := chooseSheet(f.GetSheetList(), sheet)
	if problem != "" {
		return t, problem
	}
	t = table{file: name, sheet: chosen}
	if problem := readSheetRows(f, chosen, &t); problem != "" {
		return table{}, problem
	}
	if mayHaveMerges(f) {
		fillMerged(f, chosen, &t)
	}
	return t, ""
}

// mayHaveMerges reports whether any sheet of the workbook may have merged
// cells. Reading them makes excelize parse the whole sheet once more, a
// third of the time a large sheet takes to read; a workbook whose every
// worksheet is at hand and none mentions a merged cell has none.
func mayHaveMerges(f *excelize.File) bool {
	worksheets, merges := 0, false
	f.Pkg.Range(func(k, v any) bool {
		name, _ := k.(string)
		if !strings.HasPrefix(name, "xl/worksheets/") || !strings.HasSuffix(name, ".xml") || strings.Contains(name, "_rels") {
			return true
		}
		data, ok := v.([]byte)
		if !ok || bytes.Contains(data, []byte("mergeCell")) {
			merges = true
			return false
		}
		worksheets++
		return true
	})
	return merges || worksheets < len(f.GetSheetList())
}

// chooseSheet picks the sheet asked for among sheets, exactly or else
// however it is spelt, or the first when none is asked for.
func chooseSheet(sheets []string, sheet string) (string, string) {
	if len(sheets) == 0 {
		return "", "tệp XLSX không có trang tính nào"
	}
	if sheet == "" {
		return sheets[0], ""
	}
	if slices.Contains(sheets, sheet) {
		return sheet, ""
	}
	for _, s := range sheets {
		if model.Fold(s) == model.Fold(sheet) {
			return s, ""
		}
	}
	return "", fmt.Sprintf("không có trang tính «%s»; các trang trong tệp: %s", sheet, quoteList(sheets))
}

// readSheetRows reads the rows of the sheet into t, keeping each row at
// the index its number gives, or says why it cannot.
func readSheetRows(f *excelize.File, sheet string, t *table) string {
	rows, err := f.Rows(sheet)
	if err != nil {
		return "không đọc được trang tính «" + sheet + "» (" + err.Error() + ")"
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
		cells, err := rows.Columns()
		if err != nil {
			return fmt.Sprintf("trang tính «%s», dòng %d bị hỏng, không đọc được (%v)", sheet, n, err)
		}
		if len(cells) == 0 {
			continue
		}
		if problem := sheetRowTooLarge(sheet, n, len(cells)); problem != "" {
			return problem
		}
		for len(t.rows) < n-1 {
			t.rows = append(t.rows, nil)
		}
		row := make([]string, len(cells))
		for i, c := range cells {
			row[i] = cleanCell(c)
		}
		t.rows = append(t.rows, trimRow(row))
	}
	if err := rows.Error(); err != nil {
		return "trang tính «" + sheet + "» bị hỏng, không đọc được (" + err.Error() + ")"
	}
	return ""
}

// sheetRowTooLarge refuses data in row n, with cols cells, beyond what a
// registration sheet holds.
func sheetRowTooLarge(sheet string, n, cols int) string {
	if n > maxRows {
		return fmt.Sprintf("trang tính «%s» có dữ liệu ở dòng %d, quá %d dòng; hãy xóa các dòng thừa hoặc chia thành nhiều tệp", sheet, n, maxRows)
	}
	if cols > maxCols {
		return fmt.Sprintf("trang tính «%s», dòng %d có hơn %d cột; tệp không phải bảng đăng ký", sheet, n, maxCols)
	}
	return ""
}

// fillMerged copies the value of each merged range into every cell it
// covers, within the rows read.
func fillMerged(f *excelize.File, sheet string, t *table) {
	merged, err := f.GetMergeCells(sheet, true)
	if err != nil {
		return
	}
	budget := 1_000_000 // cells filled at most
	for _, m := range merged {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil || r1 < 1 || c1 < 1 || r1 > len(t.rows) {
			continue
		}
		row := t.rows[r1-1]
		if c1 > len(row) || row[c1-1] == "" {
			continue
		}
		v := row[c1-1]
		for r := r1; r <= min(r2, len(t.rows)); r++ {
			for c := c1; c <= min(c2, maxCols); c++ {
				if budget--; budget < 0 {
					return
				}
				cells := t.rows[r-1]
				for len(cells) < c {
					cells = append(cells, "")
				}
				if cells[c-1] == "" {
					cells[c-1] = v
				}
				t.rows[r-1] = cells
			}
		}
	}
}

// quoteList writes «a», «b», «c».
func quoteList(items []string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = "«" + s + "»"
	}
	return strings.Join(q, ", ")
}
