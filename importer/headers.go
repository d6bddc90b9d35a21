package importer

import (
	"strings"

	"hoidong/model"
)

// Headers and values are compared by key: diacritics, case and punctuation
// ignored, and y read as i, since Vietnamese spells both ways ("Chiến sỹ"
// and "Chiến sĩ", "kỷ luật" and "kỉ luật"). Every literal compared with a
// key below is written in that form.

// key returns the comparison key of a header, a value or an award name.
func key(s string) string { return model.MatchKey(s) }

// role is what a column of a registration table holds.
type role int

// Column roles.
const (
	colUnknown   role = iota
	colSeq            // Số TT: ignored
	colName           // name of the collective or person
	colKind           // tập thể / cá nhân
	colUnit           // đơn vị
	colPosition       // chức vụ
	colAwardList      // the awards proposed, written out in one cell
	colSummary        // tóm tắt thành tích
	colFactList       // eligibility checks known to apply, written out
	colNote           // ghi chú
	colRole           // a council member's role
	colVotes          // whether a council member votes
	colAward          // an X column for one award
	colFact           // an X column for one eligibility check
	colDossier        // the documents of the dossier handed in
	colMissing        // the documents of the dossier still missing
)

// label is the role's Vietnamese name, for messages.
func (r role) label() string {
	switch r {
	case colSeq:
		return "số thứ tự"
	case colName:
		return "tên"
	case colKind:
		return "loại đối tượng"
	case colUnit:
		return "đơn vị"
	case colPosition:
		return "chức vụ"
	case colAwardList:
		return "danh hiệu, hình thức đề nghị"
	case colSummary:
		return "tóm tắt thành tích"
	case colFactList:
		return "điều kiện khen thưởng"
	case colNote:
		return "ghi chú"
	case colRole:
		return "vai trò trong Hội đồng"
	case colVotes:
		return "biểu quyết"
	case colDossier:
		return "hồ sơ đã nộp"
	case colMissing:
		return "hồ sơ còn thiếu"
	}
	return "?"
}

// headerRole recognises a header by its key; for a name column it also
// tells which kind of nominee the header implies, if any.
func headerRole(k string) (role, model.Kind) {
	switch k {
	case "stt", "so tt", "tt", "so thu tu", "thu tu":
		return colSeq, 0
	case "ho va ten", "ho ten", "ten ca nhan", "ho ten ca nhan", "ho va ten ca nhan":
		return colName, model.KindIndividual
	case "ten tap the", "ten don vi", "ten tap the don vi", "tap the":
		return colName, model.KindCollective
	case "ten", "tap the ca nhan", "ten tap the ca nhan", "tap the hoac ca nhan", "ten tap the hoac ca nhan",
		"ten doi tuong", "doi tuong", "doi tuong de nghi", "ho va ten ten tap the", "ten tap the ho va ten",
		"ten tap the ho ten ca nhan", "ten tap the ho va ten ca nhan", "ho va ten thanh vien", "thanh vien":
		return colName, 0
	case "loai", "loai doi tuong", "phan loai", "tap the hai ca nhan", "tap the hoac ca nhan loai":
		return colKind, 0
	case "don vi", "don vi cong tac", "co quan don vi", "co quan", "noi cong tac", "thuoc don vi", "co quan don vi cong tac":
		return colUnit, 0
	case "chuc vu", "chuc danh", "chuc vu chuc danh", "chuc vu don vi", "chuc vu don vi cong tac", "chuc danh don vi":
		return colPosition, 0
	case "danh hieu de nghi", "hinh thuc de nghi", "danh hieu hinh thuc de nghi", "de nghi", "de nghi khen thuong",
		"danh hieu thi dua hinh thuc khen thuong", "danh hieu thi dua hinh thuc khen thuong de nghi",
		"hinh thuc khen thuong de nghi", "danh hieu", "hinh thuc khen thuong", "danh hieu thi dua",
		"ma danh hieu", "khen thuong de nghi", "danh hieu hinh thuc":
		return colAwardList, 0
	case "tom tat thanh tich", "thanh tich", "thanh tich noi bat", "tom tat thanh tich chu ieu", "thanh tich chu ieu",
		"noi dung thanh tich", "tom tat thanh tich de nghi khen thuong":
		return colSummary, 0
	case "dieu kien", "ma dieu kien", "dieu kien khen thuong", "dieu kien da biet", "tinh trang ki luat",
		"dieu kien loai tru":
		return colFactList, 0
	case "ghi chu", "ghi chu khac":
		return colNote, 0
	case "ho so da nop", "ho so", "ho so da nhan", "ho so de nghi da nop", "giai to da nop", "ho so nop",
		"giai to ho so da nop", "tinh trang ho so":
		return colDossier, 0
	case "ho so con thieu", "ho so thieu", "con thieu", "giai to con thieu", "thieu ho so", "giai to thieu":
		return colMissing, 0
	case "vai tro", "vai tro trong hoi dong", "chuc danh trong hoi dong", "chuc vu trong hoi dong",
		"nhiem vu trong hoi dong", "thanh phan":
		return colRole, 0
	case "bieu quiet", "duoc bieu quiet", "co bieu quiet", "quien bieu quiet", "bo phieu", "duoc bo phieu":
		return colVotes, 0
	}
	return colUnknown, 0
}

// isGroupLabel reports whether a header spans award columns below it, as
// "Danh hiệu thi đua" and "Hình thức khen thưởng" do in the registration
// form.
func isGroupLabel(k string) bool {
	return strings.Contains(k, "danh hieu") || strings.Contains(k, "hinh thuc") ||
		strings.Contains(k, "khen thuong") || strings.Contains(k, "de nghi")
}

// sectionKind recognises a section row such as "I Tập thể", "II. CÁ NHÂN"
// or "B - Cá nhân" and returns the kind of the rows under it.
func sectionKind(text string) (model.Kind, bool) {
	words := strings.Fields(key(text))
	if len(words) == 0 {
		return 0, false
	}
	if isEnumerator(words[0]) {
		words = words[1:]
	}
	if len(words) < 2 || len(words) > 10 {
		return 0, false
	}
	switch words[0] + " " + words[1] {
	case "tap the":
		return model.KindCollective, true
	case "ca nhan":
		return model.KindIndividual, true
	}
	return 0, false
}

// isEnumerator reports whether w numbers a section: a Roman numeral, a
// number or a single letter.
func isEnumerator(w string) bool {
	if len(w) == 1 {
		return true
	}
	if strings.Trim(w, "0123456789") == "" {
		return true
	}
	return strings.Trim(w, "ivxlc") == ""
}

// isColumnNumber reports whether a cell numbers a column, as "(4)" or "4"
// in the row under the registration form's headers.
func isColumnNumber(s string) bool {
	s = strings.TrimSuffix(strings.TrimPrefix(s, "("), ")")
	if s == "" || len(s) > 3 {
		return false
	}
	return strings.Trim(s, "0123456789") == ""
}

// isTotal reports whether a name cell begins a totals row.
func isTotal(name string) bool {
	switch key(name) {
	case "tong", "tong cong", "cong", "tong so", "tong so luong", "cong tong":
		return true
	}
	return false
}

// mark reads a cell under an award or check column: X (or a tick) means
// proposed. ok is false for anything that is neither a mark nor empty.
func mark(s string) (on, ok bool) {
	switch strings.TrimSpace(s) {
	case "":
		return false, true
	case "✓", "✔", "☑", "☒", "×", "+":
		return true, true
	case "-", "–", "—", "0":
		return false, true
	}
	switch key(s) {
	case "x", "xx", "co", "1", "v", "yes", "true", "dk", "dang ki", "de nghi":
		return true, true
	case "khong", "no", "false", "k":
		return false, true
	}
	return false, false
}

// kindValue reads a cell of the kind column.
func kindValue(s string) (model.Kind, bool) {
	switch key(s) {
	case "tap the", "tt", "collective", "don vi", "tap the don vi":
		return model.KindCollective, true
	case "ca nhan", "cn", "individual":
		return model.KindIndividual, true
	}
	return 0, false
}

// roleValue reads a cell of the council role column.
func roleValue(s string) (model.Role, bool) {
	switch key(s) {
	case "chu tich", "chu tich hoi dong", "chu tich hd", "ct", "chair", "chu tich hdtd kt", "chu tich hdtdkt":
		return model.RoleChair, true
	case "pho chu tich", "pho chu tich hoi dong", "pho chu tich hd", "pct", "vice chair",
		"pho chu tich thuong truc", "pho chu tich hdtd kt":
		return model.RoleViceChair, true
	case "ui vien", "thanh vien", "uv", "member", "ui vien hoi dong", "thanh vien hoi dong":
		return model.RoleMember, true
	case "thu ki", "thu ki hoi dong", "secretary", "ui vien thu ki", "ui vien kiem thu ki", "thu ki hd":
		return model.RoleSecretary, true
	}
	return 0, false
}

// votesValue reads a cell of the votes column.
func votesValue(s string) (votes, ok bool) {
	switch strings.TrimSpace(s) {
	case "✓", "✔", "☑", "×":
		return true, true
	}
	switch key(s) {
	case "x", "co", "1", "yes", "true", "co bieu quiet", "duoc bieu quiet", "c":
		return true, true
	case "", "khong", "0", "no", "false", "khong bieu quiet", "k":
		return false, true
	}
	return false, false
}
