package importer

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// table is one sheet of cells as the user sees it: rows[i] is row i+1 (the
// row number Excel shows), cells already cleaned.
type table struct {
	file  string // the file's name, for messages
	sheet string // the XLSX sheet's name; "" for a text file
	rows  [][]string
}

// maxRows bounds a sheet, so that a damaged file cannot exhaust memory.
const maxRows = 200_000

// maxCols bounds a row.
const maxCols = 1_000

// isXLSX reports whether data is a ZIP archive (an XLSX workbook).
func isXLSX(data []byte) bool {
	return bytes.HasPrefix(data, []byte("PK\x03\x04"))
}

// isOldExcel reports whether data is an Excel 97–2003 (.xls) workbook or
// another OLE compound file.
func isOldExcel(data []byte) bool {
	return bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
}

// readTables reads a file's bytes into the tables to interpret: for a text
// file, one table per delimiter that may be in use, most likely first; for
// a workbook, the chosen sheet. problem is a Vietnamese message when the
// file cannot be read at all, or when no table could be read at the
// delimiter that failed; a caller that finds no table among the others
// reports it.
func readTables(name string, data []byte, sheet string) (tables []table, problem string) {
	base := filepath.Base(name)
	switch {
	case isXLSX(data):
		t, p := readXLSX(base, data, sheet)
		if p != "" {
			return nil, p
		}
		return []table{t}, ""
	case isOldExcel(data):
		return nil, "tệp Excel 97–2003 (.xls) chưa đọc được; hãy mở bằng Excel và «Lưu thành» (Save As) kiểu «Excel Workbook (.xlsx)» hoặc «CSV UTF-8 (Comma delimited)»"
	}
	if sheet != "" {
		return nil, "chỉ tệp XLSX mới có trang tính; bỏ --sheet khi nhập tệp CSV hoặc văn bản"
	}
	text, p := decodeText(data)
	if p != "" {
		return nil, p
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	delims := delimiters(base)
	// Excel writes "sep=;" on the first line when asked to keep a delimiter.
	if first, rest, _ := strings.Cut(text, "\n"); len(first) == 5 && strings.HasPrefix(strings.ToLower(first), "sep=") {
		delims = []rune{rune(first[4])}
		text = rest
	}
	for _, d := range delims {
		t, p := readDelimited(base, text, d)
		if p != "" {
			if problem == "" {
				problem = p
			}
			continue
		}
		tables = append(tables, t)
	}
	return tables, problem
}

// delimiters lists the delimiters to try for a text file, most likely
// first: Excel in a Vietnamese locale saves "CSV" with semicolons, and its
// "Unicode text" with tabs.
func delimiters(name string) []rune {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv":
		return []rune{',', ';', '\t'}
	default:
		return []rune{'\t', ',', ';'}
	}
}

// readDelimited splits text into rows of cells at delim, honouring quotes
// as Excel writes them. A stray quote inside a cell typed by hand is kept
// as text; a quoted cell that never closes is a problem, since everything
// after it would be read into one cell.
func readDelimited(name, text string, delim rune) (table, string) {
	t, err := parseDelimited(name, text, delim, false)
	var pe *csv.ParseError
	if err != nil && errors.As(err, &pe) {
		if errors.Is(pe.Err, csv.ErrQuote) && pe.Line > pe.StartLine && pe.Line >= strings.Count(text, "\n") {
			return t, fmt.Sprintf("dòng %d: có dấu ngoặc kép (\") mở mà không đóng, nên mọi dòng sau bị đọc vào một ô; hãy sửa ô đó hoặc lưu lại tệp bằng Excel", pe.StartLine)
		}
		t, err = parseDelimited(name, text, delim, true)
	}
	if err != nil {
		return t, err.Error()
	}
	return t, ""
}

// tooBig is a table larger than a registration sheet can be.
type tooBig string

func (e tooBig) Error() string { return string(e) }

// parseDelimited reads text with encoding/csv.
func parseDelimited(name, text string, delim rune, lazy bool) (table, error) {
	t := table{file: name}
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = delim
	r.LazyQuotes = lazy
	r.FieldsPerRecord = -1
	var end int64 // where the last record ended
	for {
		// encoding/csv skips blank lines; a spreadsheet shows them as
		// empty rows, and row numbers must match what the user sees.
		for int(end) < len(text) && text[end] == '\n' {
			t.rows = append(t.rows, nil)
			end++
		}
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return t, err
		}
		end = r.InputOffset()
		if len(t.rows) >= maxRows {
			return t, tooBig(fmt.Sprintf("tệp có hơn %d dòng; hãy chia thành nhiều tệp", maxRows))
		}
		if len(rec) > maxCols {
			return t, tooBig(fmt.Sprintf("dòng %d có hơn %d cột; tệp không phải bảng đăng ký", len(t.rows)+1, maxCols))
		}
		row := make([]string, len(rec))
		for i, c := range rec {
			row[i] = cleanCell(c)
		}
		t.rows = append(t.rows, trimRow(row))
	}
	return t, nil
}

// trimRow drops empty cells at the end of a row.
func trimRow(row []string) []string {
	n := len(row)
	for n > 0 && row[n-1] == "" {
		n--
	}
	return row[:n]
}
