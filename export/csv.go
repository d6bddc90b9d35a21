package export

import (
	"bytes"
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"hoidong/model"
	"hoidong/voting"
)

// bom is the UTF-8 byte order mark; Excel needs it to read the file as UTF-8.
const bom = "\ufeff"

// csvHeader names the columns of the results table.
func csvHeader() []string {
	return []string{
		"Vòng", "Danh hiệu/Hình thức", "Loại", "Tên", "Đơn vị",
		"Đồng ý", "Không đồng ý", "Cơ sở tính", "Tỷ lệ", "Kết quả",
	}
}

// ResultsCSV writes the results table as CSV, UTF-8 with a byte order mark
// and CRLF line endings, one row per nominee per closed round.
func ResultsCSV(w io.Writer, rec *model.Record) error {
	if rec == nil {
		return errNoRecord()
	}
	var buf bytes.Buffer
	buf.WriteString(bom)
	cw := csv.NewWriter(&buf)
	cw.UseCRLF = true
	if err := cw.Write(csvHeader()); err != nil {
		return err
	}
	ix := voting.NewIndex(rec)
	for _, r := range sortedRounds(rec) {
		if r.Status != model.RoundClosed {
			continue // no figures may show while a round is open
		}
		a := awardOf(&rec.Plan, r.Award)
		for _, l := range r.Results {
			var kind, name, unit string
			if n, ok := ix.Nominee(l.NomineeID); ok {
				kind, name, unit = n.Kind.Label(), n.Name, n.Unit
			}
			row := []string{
				strconv.Itoa(r.Seq), cell(a.Name), kind, cell(name), cell(unit),
				strconv.Itoa(l.Agree), strconv.Itoa(l.Disagree), strconv.Itoa(l.Base),
				voting.FormatShare(l.Agree, l.Base), voting.VerdictLabel(l.Pass),
			}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	_, err := w.Write(norm.NFC.Bytes(buf.Bytes()))
	return err
}

// cell guards a text cell against being read as a formula by a spreadsheet
// (a name typed as "=…" or "+…"), the usual CSV injection defence.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
