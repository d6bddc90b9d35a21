package export

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"hoidong/model"
	"hoidong/voting"
)

// bom is the UTF-8 byte order mark; Excel needs it to read the file as UTF-8.
const bom = "\ufeff"

// ResultsCSV writes the results table as CSV, UTF-8 with a byte order mark
// and CRLF line endings, one row per nominee per closed round.
func ResultsCSV(w io.Writer, rec *model.Record) error {
	if rec == nil {
		return errNoRecord()
	}
	b, err := csvBytes(resultsRows(newBook(rec)))
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// draftRow is the first row of the CSV of a draft, as wide as the header
// so that the file stays a rectangle.
func draftRow(header []string) []string {
	row := make([]string, len(header))
	row[0] = draftMark + " – " + strings.Trim(draftNote, "()")
	return row
}

// csvBytes writes rows as CSV for Excel: a byte order mark, CRLF line
// endings, NFC text, and text cells guarded against being read as formulas.
func csvBytes(rows [][]string) ([]byte, error) {
	var buf bytes.Buffer
	if err := writeCSV(&buf, rows); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// writeCSV writes csvBytes's text to out.
func writeCSV(out io.Writer, rows [][]string) error {
	var err error
	werr := nfc(out, func(b *bufio.Writer) {
		b.WriteString(bom)
		cw := csv.NewWriter(b)
		cw.UseCRLF = true
		for _, r := range rows {
			cells := make([]string, len(r))
			for i, c := range r {
				cells[i] = cell(c)
			}
			if err = cw.Write(cells); err != nil {
				return
			}
		}
		cw.Flush()
		err = cw.Error()
	})
	if err != nil {
		return err
	}
	return werr
}

// cell guards a text cell against being read as a formula by a spreadsheet
// (a name typed as "=…" or "+…"), the usual CSV injection defence. A
// negative number is left alone.
func cell(s string) string {
	if s == "" || !strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return s
	}
	if _, err := strconv.Atoi(s); err == nil {
		return s
	}
	return "'" + s
}

// resultsRows is the results table: one row per nominee per closed round,
// in the record's nominee order, the threshold's verdict and the final
// standing in separate columns.
func resultsRows(k *book) [][]string {
	rows := [][]string{{
		"Vòng", "Danh hiệu/Hình thức", "Loại", "Tên", "Đơn vị",
		"Đồng ý", "Không đồng ý", "Cơ sở tính", "Tỷ lệ", "Đạt tỷ lệ", "Kết quả",
	}}
	for _, r := range k.closedRounds() {
		a := k.award(r.Award)
		for _, lo := range k.lines(r) {
			l := lo.Line
			var kind, name, unit string
			if n, ok := k.ix.Nominee(l.NomineeID); ok {
				kind, name, unit = n.Kind.Label(), n.Name, n.Unit
			}
			rows = append(rows, []string{
				strconv.Itoa(r.Seq), a.Name, kind, name, unit,
				strconv.Itoa(l.Agree), strconv.Itoa(l.Disagree), strconv.Itoa(l.Base),
				voting.FormatShare(l.Agree, l.Base), yesNo(lo.Threshold), lo.Outcome.Label(),
			})
		}
	}
	return rows
}

// yesNo writes a yes-or-no cell.
func yesNo(b bool) string {
	if b {
		return "Có"
	}
	return "Không"
}

// minutesRows is the review of the minutes as a table: one row per
// nominee per award proposed, with the eligibility, the criteria, the
// rounds and the outcome.
func minutesRows(k *book) [][]string {
	rows := [][]string{{
		"Danh hiệu/Hình thức", "Loại", "Tên", "Chức vụ", "Đơn vị", "Điều kiện khen thưởng",
		"Tiêu chuẩn đạt", "Tiêu chuẩn", "Vòng bỏ phiếu", "Đồng ý", "Tỷ lệ", "Kết quả", "Hồ sơ", "Ý kiến phát biểu",
	}}
	m := &minutes{book: k}
	for _, a := range m.awardsInOrder() {
		for _, kind := range kinds() {
			for _, n := range k.proposedFor(a.Code, kind) {
				cl := voting.ChecklistOf(&k.rec.Plan, n, a.Code)
				var seqs []string
				for _, q := range k.seqs[candidacy{n.ID, a.Code}] {
					seqs = append(seqs, strconv.Itoa(q))
				}
				agree, share := "", ""
				if _, l, ok := k.resultOf(n.ID, a.Code); ok {
					agree, share = strconv.Itoa(l.Agree), voting.FormatShare(l.Agree, l.Base)
				}
				rows = append(rows, []string{
					a.Name, kind.Label(), n.Name, n.Position, n.Unit, voting.EligibilityOf(&k.rec.Plan, n).Label(),
					strconv.Itoa(cl.Met) + "/" + strconv.Itoa(cl.Total), criteriaSummary(k, n, a.Code),
					strings.Join(seqs, ", "), agree, share, k.standing(n.ID, a.Code),
					strings.TrimSuffix(k.dossierWords(n, a.Code), "."), remarksText(n.Remarks),
				})
			}
		}
	}
	return rows
}

// criteriaSummary writes each criterion's mark: "(1) Đạt; (2) Không đạt – note".
func criteriaSummary(k *book, n *model.NomineeRecord, award string) string {
	criteria := k.rec.Plan.CriteriaFor(n.Kind, award)
	cand := voting.Candidacy(n, award)
	parts := make([]string, len(criteria))
	for i := range criteria {
		var mark model.CriterionMark
		if cand != nil && i < len(cand.Marks) {
			mark = cand.Marks[i]
		}
		parts[i] = "(" + strconv.Itoa(i+1) + ") " + mark.Mark.Label()
		if note := trimEnd(mark.Note); note != "" {
			parts[i] += " – " + note
		}
	}
	return strings.Join(parts, "; ")
}

// countRows is the vote count: one row per nominee per closed round, with
// the round's ballot figures.
func countRows(k *book) [][]string {
	rows := [][]string{{
		"Vòng", "Bỏ phiếu lại vòng", "Số suất còn lại", "Danh hiệu/Hình thức", "Hình thức bỏ phiếu", "Công bố lúc", "Mã kiểm tra khi đóng vòng",
		"Phiếu phát ra", "Phiếu thu về", "Phiếu hợp lệ", "Phiếu không hợp lệ",
		"STT", "Tên", "Đồng ý", "Không đồng ý", "Cơ sở tính", "Tỷ lệ", "Đạt tỷ lệ", "Kết quả",
	}}
	for _, r := range k.closedRounds() {
		issued, returned, valid, invalid := figures(r)
		parent, places := "", ""
		if p := k.parentSeq(r); p > 0 {
			parent = strconv.Itoa(p)
		}
		if n, ok := k.ix.PlacesAtStake(r); ok {
			places = strconv.Itoa(n)
		}
		for i, lo := range k.lines(r) {
			l := lo.Line
			rows = append(rows, []string{
				strconv.Itoa(r.Seq), parent, places, k.award(r.Award).Name, r.Mode.Label(), rfc3339(r.ClosedAt), r.CloseHead,
				strconv.Itoa(issued), strconv.Itoa(returned), strconv.Itoa(valid), strconv.Itoa(invalid),
				strconv.Itoa(i + 1), k.name(l.NomineeID), strconv.Itoa(l.Agree), strconv.Itoa(l.Disagree),
				strconv.Itoa(l.Base), voting.FormatShare(l.Agree, l.Base), yesNo(lo.Threshold), lo.Outcome.Label(),
			})
		}
	}
	return rows
}

// listRows is the recommended list: one row per award per nominee.
func listRows(k *book, superiorOnly bool) [][]string {
	rows := [][]string{{
		"Danh hiệu/Hình thức", "Cấp xét tặng", "Loại", "STT", "Tên", "Chức vụ", "Đơn vị",
		"Tóm tắt thành tích", "Vòng", "Đồng ý", "Cơ sở tính", "Tỷ lệ", "Kết quả",
	}}
	if superiorOnly {
		rows[0] = append(rows[0], "Hồ sơ còn thiếu")
	}
	for _, l := range k.recommended() {
		if superiorOnly && !l.Award.Superior {
			continue
		}
		for _, kind := range kinds() {
			for i, id := range idsOf(l, kind) {
				var pos, unit, summary string
				if n, ok := k.ix.Nominee(id); ok {
					pos, unit, summary = n.Position, n.Unit, n.Summary
				}
				seq, agree, base, share := "", "", "", "—"
				if r, res, ok := k.resultOf(id, l.Award.Code); ok {
					seq, agree, base = strconv.Itoa(r.Seq), strconv.Itoa(res.Agree), strconv.Itoa(res.Base)
					share = voting.FormatShare(res.Agree, res.Base)
				}
				row := []string{
					l.Award.Name, l.Award.Authority, kind.Label(), strconv.Itoa(i + 1), k.name(id), pos, unit,
					summary, seq, agree, base, share, k.standing(id, l.Award.Code),
				}
				if superiorOnly {
					row = append(row, model.DocumentLabels(k.rec.MissingDocuments(id, l.Award.Code)))
				}
				rows = append(rows, row)
			}
		}
	}
	return rows
}

// ballotRows lists the nominees of each ballot paper, for a mail merge.
func ballotRows(k *book) [][]string {
	rows := [][]string{{"Vòng", "Bỏ phiếu lại", "Danh hiệu/Hình thức", "Số phiếu cần in", "STT", "Tên", "Loại", "Chức vụ", "Đơn vị"}}
	for _, s := range k.ballotSets() {
		seq := ""
		if s.seq > 0 {
			seq = strconv.Itoa(s.seq)
		}
		for i, id := range s.nominees {
			var kind, pos, unit string
			if n, ok := k.ix.Nominee(id); ok {
				kind, pos, unit = n.Kind.Label(), n.Position, n.Unit
			}
			rows = append(rows, []string{seq, s.revote, s.award.Name, strconv.Itoa(s.copies), strconv.Itoa(i + 1), k.name(id), kind, pos, unit})
		}
	}
	return rows
}
