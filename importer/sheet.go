package importer

import (
	"fmt"
	"strings"

	"hoidong/model"
)

// column is one column of a table, as its header says.
type column struct {
	role  role
	code  string // the award or check of an X column
	label string // the header as written: the lower row's when there are two
	group bool   // under a group label such as «Danh hiệu thi đua»

	// For columns the program does not use: what the rows hold.
	marks, texts int
	firstMark    int // row of the first mark
}

// header is where a table's header is and what its columns are.
type header struct {
	row       int // index of the (first) header row
	rows      int // 1, or 2 when award names sit under group labels
	cols      []column
	kind      model.Kind // the kind the name header implies, if any
	score     int        // recognised columns, to choose between readings
	nameCol   int
	ambiguous []located // award headers that fit several awards
}

// maxHeaderLen is longer than any name header, in bytes.
const maxHeaderLen = 80

// findHeader finds the header row: the first row with a name column and at
// least one other cell. Everything above it (titles, the plan's text) is
// left out.
func findHeader(t *table, awards *awardIndex, checks *checkIndex) (header, bool) {
	for i, row := range t.rows {
		name, kind, ok := nameHeader(row)
		if !ok {
			continue
		}
		h := header{row: i, rows: 1, kind: kind, nameCol: name}
		var lower []string
		if i+1 < len(t.rows) && isSubheader(t.rows[i+1], row, name, awards, checks) {
			lower = t.rows[i+1]
			h.rows = 2
		}
		h.readColumns(row, lower, awards, checks)
		return h, true
	}
	return header{}, false
}

// nameHeader finds the name column of a row that may be the header, and
// the kind its header implies; ok is false unless the row has one and at
// least one other filled cell.
func nameHeader(row []string) (name int, kind model.Kind, ok bool) {
	name, filled := -1, 0
	for j, c := range row {
		if c == "" {
			continue
		}
		filled++
		if name >= 0 || len(c) > maxHeaderLen {
			continue // a name header is short; long cells are text
		}
		if ro, k := headerRole(key(c)); ro == colName {
			name, kind = j, k
		}
	}
	return name, kind, name >= 0 && filled >= 2
}

// readColumns reads the columns of the header rows: upper, and lower when
// award names sit under group labels (nil otherwise).
func (h *header) readColumns(upper, lower []string, awards *awardIndex, checks *checkIndex) {
	width := max(len(upper), len(lower))
	group := false
	for j := 0; j < width; j++ {
		u, l := cell(upper, j), cell(lower, j)
		if u != "" {
			group = lower != nil && isGroupLabel(key(u))
		}
		c := column{label: u}
		if l != "" && l != u {
			c.label = l
			c.group = group
		}
		c.role = h.roleOf(j, c.label)
		if c.mayNamePlanItem() {
			h.matchPlan(&c, j, awards, checks)
		}
		if c.role != colUnknown {
			h.score++
		}
		h.cols = append(h.cols, c)
	}
}

// roleOf is the role of column j under its label. Only the name column
// found is the name: a second one is read as unknown.
func (h *header) roleOf(j int, label string) role {
	if j == h.nameCol {
		return colName
	}
	ro, _ := headerRole(key(label))
	if ro == colName {
		return colUnknown
	}
	return ro
}

// mayNamePlanItem reports whether the column's label may name an award or
// an eligibility check of the plan: the program knows no other meaning for
// it, or it sits under a group label and is not the name, number or note.
func (c column) mayNamePlanItem() bool {
	return c.role == colUnknown || c.group && c.role != colName && c.role != colSeq && c.role != colNote
}

// matchPlan reads the label of column j as an award or a check of the
// plan. A label that fits several awards is noted as ambiguous; a grouped
// label that fits nothing is unknown.
func (h *header) matchPlan(c *column, j int, awards *awardIndex, checks *checkIndex) {
	if code, several := awards.match(c.label); code != "" {
		c.role, c.code = colAward, code
	} else if len(several) > 0 {
		c.role = colUnknown
		h.ambiguous = append(h.ambiguous, located{row: h.row + h.rows, col: j + 1, header: c.label,
			what: fmt.Sprintf("tên cột khớp với nhiều danh hiệu, hình thức (%s); hãy ghi đúng tên hoặc mã của một danh hiệu trong kế hoạch",
				strings.Join(several, ", "))})
	} else if code, ok := checks.match(c.label); ok {
		c.role, c.code = colFact, code
	} else if c.group {
		c.role = colUnknown
	}
}

// isSubheader reports whether row, under the header row top, holds the
// names of the columns that top only groups: its name cell is empty (or
// repeats a merged header) and it names an award, a check or a known
// column.
func isSubheader(row, top []string, name int, awards *awardIndex, checks *checkIndex) bool {
	if c := cell(row, name); c != "" && c != cell(top, name) {
		return false
	}
	for j, c := range row {
		if c == "" || c == cell(top, j) || isColumnNumber(c) {
			continue
		}
		if ro, _ := headerRole(key(c)); ro != colUnknown {
			return true
		}
		if code, several := awards.match(c); code != "" || len(several) > 0 {
			return true
		}
		if _, ok := checks.match(c); ok {
			return true
		}
	}
	return false
}

// cell returns row[j], or "" past the row's end.
func cell(row []string, j int) string {
	if j < len(row) {
		return row[j]
	}
	return ""
}

// sheet interprets one table.
type sheet struct {
	r   *reader
	idx int
	t   *table
	h   header

	kind     model.Kind // kind set by the last section row
	rowProbs int        // problems in the row being read
}

// at places a problem at a row (from 1) and a column index (from 0; -1 for
// the whole row).
func (s *sheet) at(row, col int, format string, args ...any) {
	l := located{fileIdx: s.idx, file: s.t.file, sheet: s.t.sheet, row: row, what: fmt.Sprintf(format, args...)}
	if col >= 0 {
		l.col = col + 1
		if col < len(s.h.cols) {
			l.header = s.h.cols[col].label
		}
	}
	s.r.probs = append(s.r.probs, l)
	s.rowProbs++
}

// colOf returns the index of the first column with role ro, or -1.
func (s *sheet) colOf(ro role) int {
	for j, c := range s.h.cols {
		if c.role == ro {
			return j
		}
	}
	return -1
}

// read interprets the table.
func (s *sheet) read() {
	if s.r.legacyCells(s.idx, s.t) {
		return
	}
	h := s.h
	for _, a := range h.ambiguous {
		a.fileIdx, a.file, a.sheet = s.idx, s.t.file, s.t.sheet
		s.r.probs = append(s.r.probs, a)
	}
	labelRow := h.row + h.rows // 1-based row of the lower header
	s.duplicateColumns(labelRow)
	members := s.colOf(colRole) >= 0
	if !members && s.colOf(colAward) < 0 && s.colOf(colAwardList) < 0 {
		s.at(labelRow, -1, "bảng thiếu cột danh hiệu, hình thức khen thưởng: mỗi danh hiệu một cột để đánh dấu X "+
			"(tên cột ghi đúng tên hoặc mã trong kế hoạch), hoặc một cột «Danh hiệu đề nghị» ghi tên các danh hiệu; %s", s.r.awards.list())
		return
	}
	before := len(s.r.b.Nominees) + len(s.r.b.Members)
	problemsBefore := len(s.r.probs)
	for i := h.row + h.rows; i < len(s.t.rows); i++ {
		s.rowProbs = 0
		if members {
			s.member(i)
		} else {
			s.nominee(i)
		}
	}
	s.unusedColumns(labelRow)
	if len(s.r.b.Nominees)+len(s.r.b.Members) == before && len(s.r.probs) == problemsBefore {
		what := "bảng không có đối tượng nào dưới dòng tiêu đề"
		if members {
			what = "bảng không có thành viên nào dưới dòng tiêu đề"
		}
		s.at(0, -1, "%s", what)
	}
}

// duplicateColumns reports a second column for the same role, award or
// check: one column per role, and a second is a mistake the user should
// see.
func (s *sheet) duplicateColumns(labelRow int) {
	seen := map[string]int{}
	for j, c := range s.h.cols {
		var k string
		switch c.role {
		case colUnknown, colSeq, colNote:
			continue
		case colAward, colFact:
			k = c.code
		default:
			k = fmt.Sprint("role:", int(c.role))
		}
		if first, dup := seen[k]; dup {
			what := fmt.Sprintf("cột này và cột %s (%s) cùng là cột %s", colLetter(first+1), clip(s.h.cols[first].label, 30), c.role.label())
			if c.role == colAward {
				a, _ := s.r.rec.Plan.Award(c.code)
				what = fmt.Sprintf("cột này và cột %s cùng là cột của «%s»", colLetter(first+1), a.Name)
			}
			s.at(labelRow, j, "%s; hãy giữ một cột", what)
			continue
		}
		seen[k] = j
	}
}

// skip reports whether row i is not a data row: empty, column numbers, a
// totals row, or a section row (which sets the kind of the rows below).
func (s *sheet) skip(i int) bool {
	row := s.t.rows[i]
	filled, numbers := 0, 0
	seqCol := s.colOf(colSeq)
	only := true // only the number and name columns are filled
	var text []string
	for j, c := range row {
		if c == "" {
			continue
		}
		filled++
		if isColumnNumber(c) {
			numbers++
		}
		if j != seqCol && j != s.h.nameCol {
			only = false
		}
		text = append(text, c)
	}
	switch {
	case filled == 0:
		return true
	case numbers == filled && filled >= 2:
		return true
	case isTotal(cell(row, s.h.nameCol)):
		return true
	}
	if filled == 1 || only {
		if k, ok := sectionKind(strings.Join(text, " ")); ok {
			s.kind = k
			return true
		}
	}
	return false
}

// extraCells reports a row with filled cells beyond the header's columns.
func (s *sheet) extraCells(i int) {
	row := s.t.rows[i]
	if len(row) <= len(s.h.cols) {
		return
	}
	for j := len(s.h.cols); j < len(row); j++ {
		if row[j] == "" {
			continue
		}
		what := fmt.Sprintf("dòng có %d ô nhưng dòng tiêu đề chỉ có %d cột; ô «%s» nằm ngoài bảng", len(row), len(s.h.cols), clip(row[j], 30))
		if s.t.sheet == "" {
			what += " — có thể một ô có dấu phẩy, chấm phẩy hoặc tab đã bị tách làm hai (đặt ô đó trong dấu ngoặc kép, hoặc lưu lại tệp bằng Excel)"
		}
		s.at(i+1, j, "%s", what)
		return
	}
}

// origin is where row i was read.
func (s *sheet) origin(i int) Origin {
	return Origin{File: s.t.file, Sheet: s.t.sheet, Row: i + 1}
}

// where names an earlier row for a duplicate message.
func (s *sheet) where(o Origin) string {
	if o.File == s.t.file && o.Sheet == s.t.sheet {
		return fmt.Sprintf("dòng %d", o.Row)
	}
	return fmt.Sprintf("tệp %s, dòng %d", o.File, o.Row)
}

// nominee reads row i as a nominee.
func (s *sheet) nominee(i int) {
	if s.skip(i) {
		return
	}
	row := s.t.rows[i]
	nr := nomineeRow{n: model.Nominee{Name: oneLine(cell(row, s.h.nameCol))}}
	for j, c := range s.h.cols {
		if v := cell(row, j); v != "" && j != s.h.nameCol {
			s.nomineeCell(i, j, c, v, &nr)
		}
	}
	s.extraCells(i)
	n := &nr.n
	if n.Name == "" {
		if nr.hasData {
			s.at(i+1, s.h.nameCol, "thiếu tên tập thể hoặc họ và tên cá nhân")
		}
		return
	}
	s.settleKind(i, &nr)
	if len(n.Awards) > 0 {
		s.dossier(i, &nr)
	}
	if len(n.Awards) == 0 && !nr.unknownMarks && s.rowProbs == 0 {
		s.at(i+1, s.h.nameCol, "«%s» chưa được đề nghị danh hiệu, hình thức nào (đánh dấu X vào cột danh hiệu)", clip(n.Name, 40))
	}
	if n.Kind != 0 {
		s.duplicateNominee(i, *n)
	}
	if s.rowProbs == 0 && n.Kind != 0 && len(n.Awards) > 0 {
		s.r.b.Nominees = append(s.r.b.Nominees, *n)
		s.r.b.NomineeOrigins = append(s.r.b.NomineeOrigins, s.origin(i))
	}
}

// nomineeRow is a nominee as its row is read.
type nomineeRow struct {
	n            model.Nominee
	awardCols    []int // the column of each of n.Awards
	hasData      bool  // a cell that describes the nominee is filled
	unknownMarks bool  // a column the program does not use is marked
	kindBad      bool  // the kind cell is not understood
}

// addAward proposes the award read in column j, once.
func (nr *nomineeRow) addAward(code string, j int) {
	if !contains(nr.n.Awards, code) {
		nr.n.Awards = append(nr.n.Awards, code)
		nr.awardCols = append(nr.awardCols, j)
	}
}

// addFact records that an eligibility condition applies, once.
func (nr *nomineeRow) addFact(code string) {
	if !contains(nr.n.Facts, code) {
		nr.n.Facts = append(nr.n.Facts, code)
	}
}

// nomineeCell reads the filled cell v of row i, column j, into the
// nominee.
func (s *sheet) nomineeCell(i, j int, c column, v string, nr *nomineeRow) {
	switch c.role {
	case colKind:
		nr.hasData = true
		k, ok := kindValue(v)
		if !ok {
			s.at(i+1, j, "loại đối tượng «%s» không rõ; ghi «Tập thể» hoặc «Cá nhân»", clip(v, 30))
			nr.kindBad = true
		}
		nr.n.Kind = k
	case colUnit:
		nr.n.Unit, nr.hasData = oneLine(v), true
	case colPosition:
		nr.n.Position, nr.hasData = oneLine(v), true
	case colSummary:
		nr.n.Summary, nr.hasData = v, true
	case colNote:
		s.note(&nr.n, v)
	case colAward:
		s.awardMark(i, j, c.code, v, nr)
	case colAwardList:
		nr.hasData = true
		for _, code := range s.awardList(i, j, v) {
			nr.addAward(code, j)
		}
	case colFact:
		s.factMark(i, j, c.code, v, nr)
	case colFactList:
		s.factList(i, j, v, nr)
	case colDossier, colMissing:
		// read with the row's awards, in dossier
	case colUnknown:
		s.unknown(i, j, v, &nr.unknownMarks)
	}
}

// awardMark reads a cell under an award's column: X proposes the award.
func (s *sheet) awardMark(i, j int, code, v string, nr *nomineeRow) {
	on, ok := mark(v)
	if !ok {
		s.at(i+1, j, "ô «%s» phải để trống hoặc ghi X (đề nghị danh hiệu, hình thức này)", clip(v, 30))
		return
	}
	if on {
		nr.hasData = true
		nr.addAward(code, j)
	}
}

// factMark reads a cell under a check's column: X says the condition
// applies.
func (s *sheet) factMark(i, j int, code, v string, nr *nomineeRow) {
	on, ok := mark(v)
	if !ok {
		s.at(i+1, j, "ô «%s» phải để trống hoặc ghi X (điều kiện này áp dụng)", clip(v, 30))
		return
	}
	if on {
		nr.addFact(code)
	}
}

// factList reads a cell that names the conditions that apply.
func (s *sheet) factList(i, j int, v string, nr *nomineeRow) {
	for _, part := range splitList(v) {
		code, ok := s.r.checks.match(part)
		if !ok {
			s.at(i+1, j, "điều kiện «%s» không có trong kế hoạch; %s", clip(part, 40), s.r.checks.list())
			continue
		}
		nr.addFact(code)
	}
}

// settleKind gives a nominee without a kind cell the kind of its section,
// of the name header, or the one its awards imply, in that order; then
// reports a nominee whose kind is still unknown, or an award its kind may
// not receive.
func (s *sheet) settleKind(i int, nr *nomineeRow) {
	n := &nr.n
	if n.Kind == 0 {
		n.Kind = s.kind
	}
	if n.Kind == 0 {
		n.Kind = s.h.kind
	}
	if n.Kind == 0 {
		n.Kind = s.impliedKind(n.Awards)
	}
	if n.Kind == 0 {
		if !nr.kindBad {
			s.at(i+1, s.h.nameCol, "chưa rõ «%s» là tập thể hay cá nhân: thêm cột «Loại» (ghi Tập thể hoặc Cá nhân), "+
				"hoặc dòng mục «I. Tập thể» / «II. Cá nhân» phía trên các dòng", clip(n.Name, 40))
		}
		return
	}
	for k, code := range n.Awards {
		a, _ := s.r.rec.Plan.Award(code)
		if !a.Recipients.Allows(n.Kind) {
			s.at(i+1, nr.awardCols[k], "«%s» chỉ dành cho %s, không dành cho %s «%s»",
				a.Name, recipientsLabel(a.Recipients), strings.ToLower(n.Kind.Label()), clip(n.Name, 40))
		}
	}
}

// note adds the notes column to the summary, so nothing typed is lost.
func (s *sheet) note(n *model.Nominee, v string) {
	if n.Summary != "" {
		n.Summary += "\n"
	}
	n.Summary += "Ghi chú: " + v
}

// unknown counts what an unused column holds.
func (s *sheet) unknown(i, j int, v string, marked *bool) {
	c := &s.h.cols[j]
	if on, ok := mark(v); ok && on {
		c.marks++
		if c.firstMark == 0 {
			c.firstMark = i + 1
		}
		*marked = true
		return
	}
	c.texts++
}

// unusedColumns reports columns the program does not use: a problem when
// rows are marked under one (an award the plan does not have), a note
// otherwise.
func (s *sheet) unusedColumns(labelRow int) {
	for j, c := range s.h.cols {
		if c.role != colUnknown {
			continue
		}
		name := "cột " + colLetter(j+1)
		if c.label != "" {
			name += " «" + clip(c.label, 40) + "»"
		}
		switch {
		case c.marks > 0 && c.label == "":
			s.at(labelRow, j, "cột không có tiêu đề nhưng có %d ô đánh dấu X (dòng %d là ô đầu tiên); hãy ghi tên danh hiệu vào tiêu đề cột; %s",
				c.marks, c.firstMark, s.r.awards.list())
		case c.marks > 0:
			s.at(labelRow, j, "«%s» không khớp danh hiệu, hình thức nào của kế hoạch mà có %d ô đánh dấu X (dòng %d là ô đầu tiên); "+
				"hãy sửa tên cột cho đúng tên hoặc mã trong kế hoạch; %s", clip(c.label, 60), c.marks, c.firstMark, s.r.awards.list())
		case c.group && c.label != "":
			s.r.b.Notes = append(s.r.b.Notes, fmt.Sprintf("%s, %s: không có trong kế hoạch, không ô nào đánh dấu; bỏ qua.", s.t.file, name))
		case c.texts > 0:
			s.r.b.Notes = append(s.r.b.Notes, fmt.Sprintf("%s, %s: chương trình không dùng cột này; bỏ qua %d ô.", s.t.file, name, c.texts))
		}
	}
}

// awardList reads a cell that names awards, separated by semicolons or
// line breaks (or commas, when each part is an award's code or name).
func (s *sheet) awardList(i, j int, v string) []string {
	var codes []string
	for _, part := range splitList(v) {
		if code, _ := s.r.awards.match(part); code != "" {
			codes = append(codes, code)
			continue
		}
		var sub []string
		for _, p := range strings.Split(part, ",") {
			if code, _ := s.r.awards.match(p); code != "" {
				sub = append(sub, code)
			} else {
				sub = nil
				break
			}
		}
		if len(sub) > 0 {
			codes = append(codes, sub...)
			continue
		}
		s.at(i+1, j, "danh hiệu, hình thức «%s» không có trong kế hoạch; %s", clip(part, 60), s.r.awards.list())
	}
	return codes
}

// splitList splits a cell at semicolons and line breaks.
func splitList(v string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(v, func(r rune) bool { return r == ';' || r == '\n' }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// impliedKind returns the kind every proposed award is limited to, if
// they agree.
func (s *sheet) impliedKind(codes []string) model.Kind {
	var k model.Kind
	for _, code := range codes {
		a, _ := s.r.rec.Plan.Award(code)
		var ak model.Kind
		switch a.Recipients {
		case model.ForCollective:
			ak = model.KindCollective
		case model.ForIndividual:
			ak = model.KindIndividual
		default:
			return 0
		}
		if k != 0 && k != ak {
			return 0
		}
		k = ak
	}
	return k
}

// duplicateNominee reports a nominee already in the meeting or read
// earlier.
func (s *sheet) duplicateNominee(i int, n model.Nominee) {
	key := model.KeyOf(n)
	if k, ok := s.r.existing.FindKey(key); ok {
		e := s.r.rec.Nominees[k]
		s.at(i+1, s.h.nameCol, "«%s» (%s) đã có trong danh sách đối tượng của phiên họp (số %d%s)",
			clip(n.Name, 40), strings.ToLower(n.Kind.Label()), k+1, unitText(e.Unit))
		return
	}
	if k, ok := s.r.read.FindKey(key); ok {
		s.at(i+1, s.h.nameCol, "«%s» (%s) trùng với %s", clip(n.Name, 40), strings.ToLower(n.Kind.Label()), s.where(s.r.readAt[k]))
		return
	}
	s.r.read.AddKey(key, len(s.r.readAt))
	s.r.readAt = append(s.r.readAt, s.origin(i))
}

// unitText is ", Đơn vị" or "".
func unitText(u string) string {
	if u == "" {
		return ""
	}
	return ", " + u
}

// member reads row i as a council member.
func (s *sheet) member(i int) {
	if s.skip(i) {
		return
	}
	row := s.t.rows[i]
	m := model.Member{Name: oneLine(cell(row, s.h.nameCol)), Votes: true}
	hasData := false
	for j, c := range s.h.cols {
		if v := cell(row, j); v != "" && j != s.h.nameCol && s.memberCell(i, j, c.role, v, &m) {
			hasData = true
		}
	}
	if vc := s.colOf(colVotes); vc >= 0 && cell(row, vc) == "" {
		m.Votes = false
	}
	s.extraCells(i)
	if m.Name == "" {
		if hasData {
			s.at(i+1, s.h.nameCol, "thiếu họ và tên thành viên")
		}
		return
	}
	roleCol := s.colOf(colRole)
	if m.Role == 0 && cell(row, roleCol) == "" {
		s.at(i+1, roleCol, "thiếu vai trò của %s trong Hội đồng; ghi «Chủ tịch Hội đồng», «Phó Chủ tịch Hội đồng», «Ủy viên» hoặc «Thư ký»", clip(m.Name, 40))
	}
	s.duplicateMember(i, m)
	s.singleRole(i, roleCol, m)
	if s.rowProbs == 0 {
		s.r.b.Members = append(s.r.b.Members, m)
		s.r.b.MemberOrigins = append(s.r.b.MemberOrigins, s.origin(i))
	}
}

// memberCell reads the filled cell v of row i, column j, into the member,
// and reports whether it describes the member (the votes column alone
// does not).
func (s *sheet) memberCell(i, j int, ro role, v string, m *model.Member) bool {
	switch ro {
	case colPosition, colUnit:
		if m.Position == "" {
			m.Position = oneLine(v)
		} else {
			m.Position += ", " + oneLine(v)
		}
		return true
	case colRole:
		r, ok := roleValue(v)
		if !ok {
			s.at(i+1, j, "vai trò «%s» không rõ; ghi «Chủ tịch Hội đồng», «Phó Chủ tịch Hội đồng», «Ủy viên» hoặc «Thư ký»", clip(v, 30))
		}
		m.Role = r
		return true
	case colVotes:
		votes, ok := votesValue(v)
		if !ok {
			s.at(i+1, j, "ô «%s» phải ghi X (được biểu quyết) hoặc để trống (không biểu quyết)", clip(v, 30))
		}
		m.Votes = votes
	}
	return false
}

// duplicateMember reports a member already on the council or read
// earlier.
func (s *sheet) duplicateMember(i int, m model.Member) {
	for _, e := range s.r.rec.Members {
		if model.NameKey(e.Name) == model.NameKey(m.Name) {
			s.at(i+1, s.h.nameCol, "%s đã là thành viên Hội đồng (%s)", clip(m.Name, 40), strings.ToLower(e.Role.Label()))
			break
		}
	}
	for k, e := range s.r.b.Members {
		if model.NameKey(e.Name) == model.NameKey(m.Name) {
			s.at(i+1, s.h.nameCol, "%s trùng với %s", clip(m.Name, 40), s.where(s.r.b.MemberOrigins[k]))
			break
		}
	}
}

// singleRole reports a second chair or secretary, and remembers the first
// one read without a problem.
func (s *sheet) singleRole(i, roleCol int, m model.Member) {
	switch m.Role {
	case model.RoleChair:
		if s.r.chair != "" {
			s.at(i+1, roleCol, "Hội đồng chỉ có một chủ tịch; %s đã là chủ tịch%s", s.r.chair, s.originText(s.r.chairAt))
		} else if s.rowProbs == 0 {
			s.r.chair, s.r.chairAt = m.Name, s.origin(i)
		}
	case model.RoleSecretary:
		if s.r.secretary != "" {
			s.at(i+1, roleCol, "Hội đồng chỉ có một thư ký; %s đã là thư ký%s", s.r.secretary, s.originText(s.r.secAt))
		} else if s.rowProbs == 0 {
			s.r.secretary, s.r.secAt = m.Name, s.origin(i)
		}
	}
}

// originText is " (dòng 4)" for a row read earlier, "" for the meeting.
func (s *sheet) originText(o Origin) string {
	if o.Row == 0 {
		return ""
	}
	return " (" + s.where(o) + ")"
}

// recipientsLabel says who an award is for.
func recipientsLabel(r model.Recipients) string {
	switch r {
	case model.ForCollective:
		return "tập thể"
	case model.ForIndividual:
		return "cá nhân"
	}
	return "tập thể và cá nhân"
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
