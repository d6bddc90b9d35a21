package importer

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"hoidong/model"
)

// Format is the file format of a template.
type Format int

// Template formats.
const (
	FormatCSV Format = iota + 1
	FormatXLSX
)

// ParseFormat reads "csv" or "xlsx".
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "csv":
		return FormatCSV, nil
	case "xlsx":
		return FormatXLSX, nil
	}
	return 0, model.Errorf(model.EInvalid, "định dạng mẫu %q không có; dùng «xlsx» hoặc «csv»", s)
}

// templateHeader is the header row of a registration sheet for the plan:
// the registration form's columns, one per award, by the award's name as the
// plan writes it, so that the filled-in sheet imports as it stands.
func templateHeader(p *model.Plan) []string {
	h := []string{"Số TT", "Tập thể, cá nhân", "Đơn vị", "Chức vụ"}
	for _, a := range p.Awards {
		h = append(h, a.Name)
	}
	if p.HasDossiers() {
		h = append(h, dossierHeader)
	}
	return append(h, "Tóm tắt thành tích", "Ghi chú")
}

// memberHeader is the header row of a list of council members.
func memberHeader() []string {
	return []string{"Số TT", "Họ và tên", "Chức vụ", "Vai trò trong Hội đồng", "Biểu quyết"}
}

// Section rows of the template: the kind of the rows typed under each.
const (
	sectionCollective = "I Tập thể"
	sectionIndividual = "II Cá nhân"
)

// WriteTemplate writes an empty registration sheet for the plan p: the
// header row and the two section rows, under which a unit types its
// collectives and individuals with an X under each award proposed. The
// XLSX template also has a sheet for council members and one of
// instructions.
func WriteTemplate(w io.Writer, p *model.Plan, f Format) error {
	switch f {
	case FormatCSV:
		return writeCSVTemplate(w, p)
	case FormatXLSX:
		return writeXLSXTemplate(w, p)
	}
	return fmt.Errorf("unknown template format %d", f)
}

// writeCSVTemplate writes UTF-8 with a byte-order mark, so that Excel shows
// the Vietnamese letters, and CRLF line ends.
func writeCSVTemplate(w io.Writer, p *model.Plan) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	header := templateHeader(p)
	section := func(s string) []string {
		row := make([]string, len(header))
		row[0] = s
		return row
	}
	for _, row := range [][]string{header, section(sectionCollective), section(sectionIndividual)} {
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// Sheet names of the XLSX template.
const (
	sheetNominees     = "Đăng ký thi đua"
	sheetMembers      = "Thành viên Hội đồng"
	sheetInstructions = "Hướng dẫn"
)

// templateRows is how many rows the template prepares under each section.
const templateRows = 20

// writeXLSXTemplate writes the template as a workbook: the registration
// sheet, the council members' sheet and the instructions.
func writeXLSXTemplate(w io.Writer, p *model.Plan) (err error) {
	f := excelize.NewFile()
	defer func() {
		if cerr := f.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	if err := f.SetSheetName("Sheet1", sheetNominees); err != nil {
		return err
	}
	st, err := newTemplateStyles(f)
	if err != nil {
		return err
	}
	if err := writeNomineeSheet(f, p, st); err != nil {
		return err
	}
	if err := writeMemberSheet(f, st); err != nil {
		return err
	}
	if err := writeInstructionsSheet(f, p); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	_, err = f.WriteTo(w)
	return err
}

// templateStyles are the cell styles of the XLSX template.
type templateStyles struct {
	head, body, mark, section int
}

// newTemplateStyles adds the template's cell styles to the workbook.
func newTemplateStyles(f *excelize.File) (templateStyles, error) {
	specs := []*excelize.Style{
		{ // head
			Font:      &excelize.Font{Bold: true, Family: "Times New Roman", Size: 12},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
			Border:    borders(),
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DCE6F8"}},
		},
		{ // body
			Font:      &excelize.Font{Family: "Times New Roman", Size: 12},
			Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
			Border:    borders(),
		},
		{ // mark
			Font:      &excelize.Font{Family: "Times New Roman", Size: 12},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"},
			Border:    borders(),
		},
		{ // section
			Font:   &excelize.Font{Bold: true, Family: "Times New Roman", Size: 12},
			Border: borders(),
		},
	}
	ids := make([]int, len(specs))
	for i, spec := range specs {
		id, err := f.NewStyle(spec)
		if err != nil {
			return templateStyles{}, err
		}
		ids[i] = id
	}
	return templateStyles{head: ids[0], body: ids[1], mark: ids[2], section: ids[3]}, nil
}

// writeNomineeSheet fills the registration sheet: the header, a section
// row for collectives and one for individuals with empty rows under each,
// and an X drop-down under every award.
func writeNomineeSheet(f *excelize.File, p *model.Plan, st templateStyles) error {
	header := templateHeader(p)
	last := len(header)
	sh := sheetNominees
	if err := setRow(f, sh, 1, header); err != nil {
		return err
	}
	collectiveRow, individualRow := 2, 3+templateRows
	endRow := individualRow + templateRows
	if err := setRow(f, sh, collectiveRow, []string{sectionCollective}); err != nil {
		return err
	}
	if err := setRow(f, sh, individualRow, []string{sectionIndividual}); err != nil {
		return err
	}
	steps := []error{
		f.SetRowHeight(sh, 1, 48),
		f.SetCellStyle(sh, "A1", cellName(last, 1), st.head),
		f.SetCellStyle(sh, "A2", cellName(last, endRow), st.body),
		f.SetCellStyle(sh, cellName(5, 2), cellName(4+len(p.Awards), endRow), st.mark),
		f.SetCellStyle(sh, "A2", cellName(last, 2), st.section),
		f.SetCellStyle(sh, cellName(1, individualRow), cellName(last, individualRow), st.section),
		f.SetColWidth(sh, "A", "A", 6),
		f.SetColWidth(sh, "B", "B", 32),
		f.SetColWidth(sh, "C", "D", 22),
		f.SetColWidth(sh, colLetter(last-1), colLetter(last-1), 40),
		f.SetColWidth(sh, colLetter(last), colLetter(last), 16),
		f.SetPanes(sh, &excelize.Panes{Freeze: true, XSplit: 2, YSplit: 1, TopLeftCell: "C2", ActivePane: "bottomRight"}),
	}
	if p.HasDossiers() {
		steps = append(steps, f.SetColWidth(sh, colLetter(5+len(p.Awards)), colLetter(5+len(p.Awards)), 26))
	}
	if len(p.Awards) > 0 {
		steps = append(steps, f.SetColWidth(sh, "E", colLetter(4+len(p.Awards)), 14))
		dv := excelize.NewDataValidation(true)
		dv.Sqref = cellName(5, 2) + ":" + cellName(4+len(p.Awards), endRow)
		if err := dv.SetDropList([]string{"X"}); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleWarning, "Đánh dấu đề nghị", "Ghi X nếu đề nghị danh hiệu, hình thức này; để trống nếu không.")
		steps = append(steps, f.AddDataValidation(sh, dv))
	}
	return firstError(steps)
}

// writeMemberSheet adds the council members' sheet, with drop-downs for
// the role and the vote.
func writeMemberSheet(f *excelize.File, st templateStyles) error {
	if _, err := f.NewSheet(sheetMembers); err != nil {
		return err
	}
	ms := sheetMembers
	if err := setRow(f, ms, 1, memberHeader()); err != nil {
		return err
	}
	roles := excelize.NewDataValidation(true)
	roles.Sqref = "D2:D40"
	if err := roles.SetDropList([]string{"Chủ tịch Hội đồng", "Phó Chủ tịch Hội đồng", "Ủy viên", "Thư ký"}); err != nil {
		return err
	}
	votes := excelize.NewDataValidation(true)
	votes.Sqref = "E2:E40"
	if err := votes.SetDropList([]string{"X"}); err != nil {
		return err
	}
	return firstError([]error{
		f.SetRowHeight(ms, 1, 32),
		f.SetCellStyle(ms, "A1", "E1", st.head),
		f.SetCellStyle(ms, "A2", "E40", st.body),
		f.SetColWidth(ms, "A", "A", 6),
		f.SetColWidth(ms, "B", "B", 30),
		f.SetColWidth(ms, "C", "C", 36),
		f.SetColWidth(ms, "D", "D", 24),
		f.SetColWidth(ms, "E", "E", 12),
		f.AddDataValidation(ms, roles),
		f.AddDataValidation(ms, votes),
	})
}

// writeInstructionsSheet adds the sheet of instructions.
func writeInstructionsSheet(f *excelize.File, p *model.Plan) error {
	if _, err := f.NewSheet(sheetInstructions); err != nil {
		return err
	}
	for i, line := range instructions(p) {
		if err := f.SetCellValue(sheetInstructions, cellName(1, i+1), line); err != nil {
			return err
		}
	}
	return f.SetColWidth(sheetInstructions, "A", "A", 120)
}

// firstError returns the first error of a run of workbook calls, all
// made already.
func firstError(errs []error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// instructions are the lines of the template's instructions sheet.
func instructions(p *model.Plan) []string {
	lines := []string{
		"HƯỚNG DẪN ĐIỀN BẢNG ĐĂNG KÝ",
		"",
		"Trang «" + sheetNominees + "»: mỗi tập thể, cá nhân một dòng.",
		"- Tập thể ghi dưới dòng «" + sectionCollective + "», cá nhân ghi dưới dòng «" + sectionIndividual + "»; chèn thêm dòng nếu cần.",
		"- Cột «Tập thể, cá nhân»: tên tập thể hoặc họ và tên cá nhân (bắt buộc).",
		"- Mỗi danh hiệu, hình thức khen thưởng một cột: ghi X nếu đề nghị, để trống nếu không. Không sửa tên các cột này.",
		"- «Đơn vị», «Chức vụ», «Tóm tắt thành tích», «Ghi chú»: không bắt buộc.",
	}
	lines = append(lines, dossierHelp(p)...)
	lines = append(lines, []string{
		"",
		"Trang «" + sheetMembers + "» (nếu cần nhập thành viên Hội đồng): họ và tên, chức vụ, vai trò (Chủ tịch Hội đồng, Phó Chủ tịch Hội đồng, Ủy viên, Thư ký), X ở cột «Biểu quyết» nếu được biểu quyết.",
		"",
		"Nhập vào phiên họp: hoidong import --db TỆP_PHIÊN_HỌP bang-dang-ky.xlsx",
		"Nhập thành viên: hoidong import --db TỆP_PHIÊN_HỌP --sheet \"" + sheetMembers + "\" bang-dang-ky.xlsx",
		"Lưu tệp dạng .xlsx (hoặc CSV UTF-8); không dùng phông chữ cũ (.VnTime, VNI-Times).",
		"",
		"Các danh hiệu, hình thức khen thưởng của kế hoạch:",
	}...)
	for _, a := range p.Awards {
		lines = append(lines, fmt.Sprintf("- %s (mã %s): dành cho %s.", a.Name, a.Code, recipientsLabel(a.Recipients)))
	}
	return lines
}

// borders is a thin border on every side.
func borders() []excelize.Border {
	var b []excelize.Border
	for _, side := range []string{"left", "right", "top", "bottom"} {
		b = append(b, excelize.Border{Type: side, Color: "000000", Style: 1})
	}
	return b
}

// setRow writes text cells from column A of row r.
func setRow(f *excelize.File, sheet string, r int, cells []string) error {
	vals := make([]any, len(cells))
	for i, c := range cells {
		vals[i] = c
	}
	return f.SetSheetRow(sheet, cellName(1, r), &vals)
}

// cellName is the A1-style name of column c, row r (both from 1).
func cellName(c, r int) string {
	return fmt.Sprintf("%s%d", colLetter(c), r)
}
