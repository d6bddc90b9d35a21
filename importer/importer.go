// Package importer reads the files offices already have — registration
// tables of nominees, lists of council members, as CSV, TSV, Unicode text
// or XLSX — into domain values, with every problem found in them. It is
// the mirror of export: it never opens the database; store writes what it
// returns.
//
// A table is found by its header row, wherever it starts (title lines above
// it are skipped): a row with a name column («Họ và tên», «Tập thể, cá
// nhân», «Tên tập thể»…) and, for nominees, a column for each award marked
// with X or one column listing the awards; for council members, a role
// column («Vai trò»). Headers are matched with or without diacritics and
// case. The registration form's layout is read as it stands: a second
// header row of award names under «Danh hiệu thi đua» and «Hình thức khen
// thưởng», the row of column numbers "(1) (2) (4)…", and section rows "I Tập
// thể" / "II Cá nhân" that say the kind of the rows beneath.
package importer

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"hoidong/model"
)

// Options adjust how files are read.
type Options struct {
	// Sheet is the XLSX sheet to read; empty for the first one.
	Sheet string
}

// File is one file's name, as the user gave it, and its contents.
type File struct {
	Name string
	Data []byte
}

// Origin says where an imported row came from.
type Origin struct {
	File  string // the file's name without its folder
	Sheet string // the XLSX sheet; empty for a text file
	Row   int    // the row number the spreadsheet shows
}

// Batch is what a set of files would add to a meeting.
type Batch struct {
	Nominees       []model.Nominee
	NomineeOrigins []Origin // where each nominee was read, in step with Nominees
	Members        []model.Member
	MemberOrigins  []Origin // where each member was read, in step with Members
	// Notes tell what was read but left out, such as columns the program
	// does not use; they are not problems.
	Notes []string
	// Problems lists everything wrong, in file, row and column order. A
	// batch with problems must not be imported.
	Problems model.Problems
}

// Err returns the batch's problems as an error, or nil when there are none.
func (b *Batch) Err() error {
	if len(b.Problems) == 0 {
		return nil
	}
	return b.Problems
}

// Empty reports whether the batch adds nothing.
func (b *Batch) Empty() bool {
	return len(b.Nominees) == 0 && len(b.Members) == 0
}

// maxFileSize bounds what is read into memory.
const maxFileSize = 64 << 20

// ReadFiles reads the files at paths and interprets them as Read does. A
// file that cannot be read is a problem like any other.
func ReadFiles(rec *model.Record, paths []string, opts Options) *Batch {
	var files []File
	var pre model.Problems
	for _, p := range paths {
		data, prob := readFile(p)
		if prob != "" {
			pre = append(pre, model.Problem{Where: "tệp " + filepath.Base(p), What: prob})
			continue
		}
		files = append(files, File{Name: p, Data: data})
	}
	b := Read(rec, files, opts)
	b.Problems = append(pre, b.Problems...)
	return b
}

// readFile reads one file, or says why it cannot.
func readFile(path string) ([]byte, string) {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Sprintf("không tìm thấy tệp %q", path)
	case err != nil:
		return nil, fmt.Sprintf("không mở được tệp %q (%v)", path, err)
	case fi.IsDir():
		return nil, fmt.Sprintf("%q là thư mục, không phải tệp", path)
	case fi.Size() > maxFileSize:
		return nil, fmt.Sprintf("tệp lớn %d MB, quá giới hạn %d MB của một bảng đăng ký", fi.Size()>>20, maxFileSize>>20)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Sprintf("không đọc được tệp %q (%v)", path, err)
	}
	return data, ""
}

// Read interprets files against the meeting rec, whose plan gives the
// awards and eligibility checks, and whose nominees and members are what a
// row must not duplicate. It reports every problem in every file at once.
func Read(rec *model.Record, files []File, opts Options) *Batch {
	r := &reader{
		b:      &Batch{},
		rec:    rec,
		awards: newAwardIndex(&rec.Plan),
		checks: newCheckIndex(&rec.Plan),

		existing: model.NewNomineeIndex(),
		read:     model.NewNomineeIndex(),
	}
	for i, n := range rec.Nominees {
		r.existing.Add(n.Nominee, i)
	}
	for _, m := range rec.Members {
		switch m.Role {
		case model.RoleChair:
			r.chair = m.Name
		case model.RoleSecretary:
			r.secretary = m.Name
		}
	}
	for i, f := range files {
		r.file(i, f, opts)
	}
	sort.SliceStable(r.probs, func(i, j int) bool { return r.probs[i].before(r.probs[j]) })
	for _, p := range r.probs {
		r.b.Problems = append(r.b.Problems, p.problem())
	}
	return r.b
}

// reader interprets files into one batch.
type reader struct {
	b      *Batch
	rec    *model.Record
	awards *awardIndex
	checks *checkIndex
	probs  []located

	existing *model.NomineeIndex // the meeting's nominees, by index in rec
	read     *model.NomineeIndex // nominees read so far, by index in readAt
	readAt   []Origin

	chair, secretary string // the council's chair and secretary so far
	chairAt, secAt   Origin // where a new chair or secretary was read
}

// file interprets one file.
func (r *reader) file(idx int, f File, opts Options) {
	base := filepath.Base(f.Name)
	tables, prob := readTables(f.Name, f.Data, opts.Sheet)
	if len(tables) == 0 && prob != "" {
		r.probs = append(r.probs, located{fileIdx: idx, file: base, what: prob})
		return
	}
	best, bestHeader := -1, header{score: -1}
	for i := range tables {
		if h, ok := findHeader(&tables[i], r.awards, r.checks); ok && h.score > bestHeader.score {
			best, bestHeader = i, h
		}
	}
	if best < 0 {
		t := table{file: base}
		if len(tables) > 0 {
			t = tables[0]
		}
		switch {
		case r.legacyCells(idx, &t):
		case prob != "":
			r.probs = append(r.probs, located{fileIdx: idx, file: base, what: prob})
		default:
			r.probs = append(r.probs, located{fileIdx: idx, file: base, sheet: t.sheet, what: "không tìm thấy dòng tiêu đề của bảng: cần một dòng có cột tên " +
				"(«Họ và tên», «Tập thể, cá nhân» hoặc «Tên tập thể») cùng các cột danh hiệu, hình thức khen thưởng " +
				"(hoặc cột «Vai trò» với danh sách thành viên Hội đồng)"})
		}
		return
	}
	s := &sheet{r: r, idx: idx, t: &tables[best], h: bestHeader}
	s.read()
}

// legacyCells reports, once per table, cells typed with a legacy
// Vietnamese font; it returns whether it found any.
func (r *reader) legacyCells(idx int, t *table) bool {
	var first *located
	count := 0
	for i, row := range t.rows {
		for j, c := range row {
			if c == "" {
				continue
			}
			l, fixed, ok := legacyFont(c)
			if !ok {
				continue
			}
			count++
			if first == nil {
				first = &located{fileIdx: idx, file: t.file, sheet: t.sheet, row: i + 1, col: j + 1,
					what: fmt.Sprintf("ô «%s» được gõ bằng phông chữ cũ (bảng mã %s; đọc đúng là «%s»), không phải chữ Unicode; chương trình không nhập để khỏi sai chữ", clip(c, 40), l.label(), clip(fixed, 40)),
					help: convertHelp(l)}
			}
		}
	}
	if first == nil {
		return false
	}
	if count > 1 {
		first.what += fmt.Sprintf(" (cùng %d ô khác như vậy)", count-1)
	}
	first.what += ". " + first.help
	r.probs = append(r.probs, *first)
	return true
}

// located is a problem with its place, for sorting.
type located struct {
	fileIdx  int
	file     string
	sheet    string
	row, col int    // from 1; 0 when the problem is about the whole file or row
	header   string // the column's header, to name it
	what     string
	help     string
}

func (l located) before(o located) bool {
	if l.fileIdx != o.fileIdx {
		return l.fileIdx < o.fileIdx
	}
	if l.row != o.row {
		return l.row < o.row
	}
	return l.col < o.col
}

// problem renders the place the way a secretary finds it in Excel: "tệp
// dang-ky.xlsx, trang «Sheet1», dòng 7, cột H (Giấy khen UBND huyện)".
func (l located) problem() model.Problem {
	where := "tệp " + l.file
	if l.sheet != "" {
		where += ", trang «" + l.sheet + "»"
	}
	if l.row > 0 {
		where += fmt.Sprintf(", dòng %d", l.row)
	}
	if l.col > 0 {
		where += ", cột " + colLetter(l.col)
		if l.header != "" {
			where += " (" + clip(l.header, 40) + ")"
		}
	}
	return model.Problem{Where: where, What: l.what}
}

// colLetter names a column as a spreadsheet does: 1 is A, 27 is AA.
func colLetter(n int) string {
	s := ""
	for n > 0 {
		n--
		s = string(rune('A'+n%26)) + s
		n /= 26
	}
	return s
}

// clip shortens s to at most n characters, with an ellipsis.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
