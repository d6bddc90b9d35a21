// Package export writes the documents of a meeting — the minutes, the
// vote-count records, the results, the recommended list, the submission to
// the awarding level, the ballot papers and the whole record — as plain
// text, Markdown, CSV, JSON and Word, from a read-only snapshot of the
// record. It never opens the database: it receives a *model.Record and a
// writer, and the same record always gives the same bytes.
package export

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"hoidong/model"
)

// Formats a document can be written in.
const (
	FormatText     = "txt"  // plain UTF-8 text laid out by display width
	FormatMarkdown = "md"   // CommonMark with GitHub tables
	FormatCSV      = "csv"  // the document's table, UTF-8 with BOM and CRLF, for Excel
	FormatJSON     = "json" // the whole record (ho-so), and the documents that have a JSON form
	FormatDocx     = "docx" // Word, laid out as an administrative document
)

// Formats returns every format, in the order files are written.
func Formats() []string {
	return []string{FormatText, FormatMarkdown, FormatCSV, FormatJSON, FormatDocx}
}

// Document keys, as --doc names them.
const (
	DocMinutes    = "bien-ban"   // biên bản họp Hội đồng
	DocCount      = "kiem-phieu" // biên bản kiểm phiếu, one per closed round
	DocResults    = "ket-qua"    // kết quả bỏ phiếu
	DocList       = "danh-sach"  // danh sách đề nghị khen thưởng
	DocSubmission = "to-trinh"   // tờ trình to the awarding level
	DocDecision   = "quyet-dinh" // quyết định of the awards granted at the meeting's own level
	DocBallots    = "phieu-bau"  // ballot papers for a paper round
	DocRecord     = "ho-so"      // the whole record, as JSON
)

// DocType is one kind of document the export can write. Everything the
// program knows about a kind is in its one entry of DocTypes: the key
// --doc takes, its names on screen, its file name, its formats and how it
// is built, so that adding a document is adding an entry.
type DocType struct {
	Key     string   // what --doc names it: "bien-ban"
	Title   string   // Vietnamese name for screens: "Biên bản họp"
	Short   string   // short name for a tab of the preview: "Biên bản"
	File    string   // file name without extension: "bien-ban-hop"
	Formats []string // formats it can be written in, in order

	build func(*book) *doc             // the laid-out document, for txt, md and docx
	table func(*book) [][]string       // its table, for csv
	json  func(io.Writer, *book) error // its JSON, for json
	draft bool                         // says DỰ THẢO while the meeting is open
	suits func(*book) bool             // whether it has a place in rec's set; nil: always
	unfit string                       // why it has none, when asked for by name
}

// docTypes is the registry of documents, in the order they are written.
func docTypes() []DocType {
	text := []string{FormatText, FormatMarkdown, FormatCSV, FormatDocx}
	return []DocType{
		{Key: DocMinutes, Title: "Biên bản họp", Short: "Biên bản", File: "bien-ban-hop", Formats: text,
			build: buildMinutes, table: minutesRows, draft: true},
		{Key: DocCount, Title: "Biên bản kiểm phiếu", Short: "Kiểm phiếu", File: "bien-ban-kiem-phieu", Formats: text,
			build: buildCount, table: countRows, draft: true},
		{Key: DocResults, Title: "Kết quả bỏ phiếu", Short: "Kết quả", File: "ket-qua-bo-phieu", Formats: text,
			build: buildResults, table: resultsRows, draft: true},
		{Key: DocList, Title: "Danh sách đề nghị khen thưởng", Short: "Danh sách", File: "danh-sach-de-nghi-khen-thuong", Formats: text,
			build: buildList, table: func(k *book) [][]string { return listRows(k, false) }, draft: true},
		{Key: DocSubmission, Title: "Tờ trình (dự thảo)", Short: "Tờ trình", File: "to-trinh-de-nghi-khen-thuong", Formats: text,
			build: buildSubmission, table: func(k *book) [][]string { return listRows(k, true) }, draft: true,
			suits: (*book).hasSuperior,
			unfit: "Không lập được tờ trình: kế hoạch không có hình thức khen thưởng nào do cấp trên xét tặng."},
		{Key: DocDecision, Title: "Quyết định khen thưởng (dự thảo)", Short: "Quyết định", File: "quyet-dinh-khen-thuong", Formats: Formats(),
			build: buildDecision, table: decisionRows, json: writeDecisionJSON, draft: true,
			suits: (*book).hasOwnLevel,
			unfit: "Không lập được quyết định khen thưởng: kế hoạch không có hình thức khen thưởng nào do cấp này tặng (superior = false)."},
		{Key: DocBallots, Title: "Phiếu bầu", Short: "Phiếu bầu", File: "phieu-bau", Formats: text,
			build: buildBallots, table: ballotRows},
		dossierType(),
		{Key: DocRecord, Title: "Hồ sơ phiên họp (JSON)", Short: "Hồ sơ JSON", File: "ho-so-phien-hop", Formats: []string{FormatJSON},
			json: writeJSON, draft: true},
	}
}

// DocTypes lists every kind of document, in the order they are written.
func DocTypes() []DocType { return docTypes() }

// DocKeys lists the keys --doc takes, in order.
func DocKeys() []string {
	var keys []string
	for _, t := range docTypes() {
		keys = append(keys, t.Key)
	}
	return keys
}

// DocUsage lists the keys --doc takes for a command's help, separated by
// commas: "bien-ban, kiem-phieu, …, ho-so".
func DocUsage() string { return strings.Join(DocKeys(), ", ") }

// docType returns the registered kind with key.
func docType(key string) (DocType, bool) {
	for _, t := range docTypes() {
		if t.Key == key {
			return t, true
		}
	}
	return DocType{}, false
}

// Document is one file the export writes: one kind of document in one format.
type Document struct {
	Name   string // file name, e.g. "bien-ban-hop.txt", or "bien-ban-hop-du-thao.txt" for a draft
	Doc    string // the kind's key, e.g. "bien-ban"
	Format string // e.g. "txt"
	Write  func(io.Writer, *model.Record) error

	kind *DocType // the registered kind, for writing several documents of one record from one book
}

// Options select what to write; an empty list means all.
type Options struct {
	Formats []string // txt, md, csv, json, docx
	Docs    []string // keys of DocTypes; see DocKeys
}

// Documents lists every document in every format it has, in order, named
// as the documents of a closed meeting are; see Select for the documents
// that suit a record, named for it.
func Documents() []Document {
	var out []Document
	for _, t := range docTypes() {
		for _, f := range t.Formats {
			out = append(out, document(t, f, false))
		}
	}
	return out
}

// draftSuffix ends the file name of a document written before the meeting
// closed: "bien-ban-hop-du-thao.docx".
const draftSuffix = "-du-thao"

// document builds the Document of kind t in format f, named as a draft
// when draft is set and the kind marks drafts.
func document(t DocType, f string, draft bool) Document {
	name := t.File
	if draft && t.draft {
		name += draftSuffix
	}
	return Document{Name: name + "." + f, Doc: t.Key, Format: f, kind: &t, Write: func(w io.Writer, rec *model.Record) error {
		if rec == nil {
			return errNoRecord()
		}
		return writeType(w, t, newBook(rec), f)
	}}
}

// renderDoc builds document key of rec in format f.
func renderDoc(rec *model.Record, key, f string) ([]byte, error) {
	t, ok := docType(key)
	if !ok {
		return nil, unknownDoc(key)
	}
	return renderType(t, rec, f)
}

// renderType builds document t of rec in format f.
func renderType(t DocType, rec *model.Record, f string) ([]byte, error) {
	var buf bytes.Buffer
	if err := writeType(&buf, t, newBook(rec), f); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// writeType writes document t of k's record in format f to w.
func writeType(w io.Writer, t DocType, k *book, f string) error {
	switch {
	case f == FormatJSON && t.json != nil:
		return t.json(w, k)
	case f == FormatCSV && t.table != nil:
		rows := t.table(k)
		if k.draft && t.draft && len(rows) > 0 {
			rows = append([][]string{draftRow(rows[0])}, rows...)
		}
		return writeCSV(w, rows)
	case t.build == nil || f == FormatJSON || f == FormatCSV:
		return model.Errorf(model.EInvalid, "Tài liệu %s không có dạng %s.", t.Key, f)
	}
	d := t.build(k)
	switch f {
	case FormatMarkdown:
		return writeMarkdown(w, d)
	case FormatDocx:
		return writeDocx(w, d)
	}
	return writeText(w, d)
}

// unknownDoc is the error for a document key nobody registered.
func unknownDoc(key string) error {
	return model.Errorf(model.EInvalid, "Tài liệu không rõ: “%s”. Dùng được: %s.", key, DocUsage())
}

// Select returns the documents opt asks for, in order, named for rec: a
// meeting not yet closed gives drafts ("bien-ban-hop-du-thao.txt"), but for
// the ballot papers. With no documents named it leaves out those that do
// not suit the record (the tờ trình when no award is the superior's, the
// quyết định when none is granted at the meeting's own level); asking for
// one of those by name, or for a name it does not know, is a user error
// that says why.
func Select(rec *model.Record, opt Options) ([]Document, error) {
	if rec == nil {
		return nil, errNoRecord()
	}
	formats, err := pick(opt.Formats, Formats(), "Dạng tệp")
	if err != nil {
		return nil, err
	}
	docs, err := pick(opt.Docs, DocKeys(), "Tài liệu")
	if err != nil {
		return nil, err
	}
	k := newBook(rec)
	var out []Document
	draft := isDraft(rec)
	for _, t := range docTypes() {
		if !docs[t.Key] {
			continue
		}
		if t.suits != nil && !t.suits(k) {
			if len(opt.Docs) > 0 {
				return nil, model.Errorf(model.EInvalid, "%s", t.unfit)
			}
			continue
		}
		for _, f := range t.Formats {
			if formats[f] {
				out = append(out, document(t, f, draft))
			}
		}
	}
	if len(out) == 0 {
		var jsonDocs []string
		for _, t := range docTypes() {
			if slices.Contains(t.Formats, FormatJSON) {
				jsonDocs = append(jsonDocs, t.Key)
			}
		}
		return nil, model.Errorf(model.EInvalid, "Không có tài liệu nào ở dạng đã chọn: dạng json chỉ dùng cho %s (toàn bộ hồ sơ phiên họp); các tài liệu khác có dạng txt, md, csv, docx.", strings.Join(jsonDocs, ", "))
	}
	return out, nil
}

// pick parses a list of names against the valid ones; an empty list
// means all of them.
func pick(names, valid []string, what string) (map[string]bool, error) {
	out := map[string]bool{}
	if len(names) == 0 {
		for _, v := range valid {
			out[v] = true
		}
		return out, nil
	}
	for _, n := range names {
		n = strings.ToLower(strings.TrimPrefix(strings.TrimSpace(n), "."))
		if n == "" {
			continue
		}
		if !slices.Contains(valid, n) {
			return nil, model.Errorf(model.EInvalid, "%s không rõ: “%s”. Dùng được: %s.", what, n, strings.Join(valid, ", "))
		}
		out[n] = true
	}
	if len(out) == 0 {
		for _, v := range valid {
			out[v] = true
		}
	}
	return out, nil
}

// Render returns the bytes of one document of rec.
func Render(d Document, rec *model.Record) ([]byte, error) {
	var buf bytes.Buffer
	if err := d.Write(&buf, rec); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Preview returns the plain-text rendering of document key for a screen
// (the JSON text for ho-so), without the page breaks the printed text
// carries; an unknown key is a user error.
func Preview(rec *model.Record, key string) (string, error) {
	if rec == nil {
		return "", errNoRecord()
	}
	t, ok := docType(key)
	if !ok {
		return "", unknownDoc(key)
	}
	b, err := renderType(t, rec, t.Formats[0])
	return unpaged(string(b)), err
}

// WriteDir writes every document that suits rec, in every format, into
// dir; see WriteFiles.
func WriteDir(dir string, rec *model.Record) ([]string, error) {
	docs, err := Select(rec, Options{})
	if err != nil {
		return nil, err
	}
	return WriteFiles(dir, rec, docs)
}

// WriteFiles writes docs into dir, creating it if missing, and returns
// the written paths in order. Each document is written straight into a
// temporary file in dir, synced, then renamed over its target, one after
// the other, so that only one is held in memory at a time and each file
// is either whole or as it was: a document that cannot be written leaves
// those before it written and the rest as they were.
func WriteFiles(dir string, rec *model.Record, docs []Document) ([]string, error) {
	if rec == nil {
		return nil, errNoRecord()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, pathError("Không tạo được thư mục", dir, err)
	}
	k := newBook(rec)
	paths := make([]string, 0, len(docs))
	for _, d := range docs {
		p := filepath.Join(dir, d.Name)
		err := writeAtomic(dir, p, 0o644, func(w io.Writer) error {
			if d.kind != nil {
				return writeType(w, *d.kind, k, d.Format)
			}
			return d.Write(w, rec)
		})
		if err != nil {
			return paths, err
		}
		// A write cut short by a crash leaves its temporary file behind;
		// the document is whole now, so the leftovers can go. Document
		// names hold no pattern characters.
		if stale, err := filepath.Glob(filepath.Join(dir, "."+d.Name+".*.tmp")); err == nil {
			for _, f := range stale {
				_ = os.Remove(f)
			}
		}
		paths = append(paths, p)
	}
	syncDir(dir)
	return paths, nil
}

// WriteFile writes data to path atomically, as the documents are, with the
// permissions perm (0o600 for what only the secretary may read, such as
// voting code slips), creating the folder if it is missing.
func WriteFile(path string, data []byte, perm os.FileMode) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return pathError("Không tạo được thư mục", dir, err)
	}
	err := writeAtomic(dir, path, perm, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
	if err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// writeAtomic writes to path what fill writes, through a buffer into a
// temporary file in dir that is synced and then renamed over path. A
// failure of fill that is not the disk's is returned as it is.
func writeAtomic(dir, path string, perm os.FileMode, fill func(io.Writer) error) (err error) {
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return pathError("Không ghi được vào thư mục", dir, err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			_ = f.Close()
			_ = os.Remove(tmp)
		}
	}()
	fw := &fileWriter{f: f}
	b := bufio.NewWriterSize(fw, 256<<10)
	if err = fill(b); err == nil {
		err = b.Flush()
	}
	if fw.err != nil {
		return pathError("Không ghi được tệp", path, fw.err)
	}
	if err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return pathError("Không ghi được tệp", path, err)
	}
	// CreateTemp makes the file private; documents are ordinary files. Some
	// file systems cannot chmod, and the file is good without it.
	_ = f.Chmod(perm)
	if err = f.Close(); err != nil {
		return pathError("Không ghi được tệp", path, err)
	}
	if err = os.Rename(tmp, path); err != nil {
		return pathError("Không thay được tệp", path, err)
	}
	return nil
}

// fileWriter writes to a file and keeps the first failure, so that it is
// told as the disk's and not as the document's.
type fileWriter struct {
	f   *os.File
	err error
}

// Write implements io.Writer.
func (w *fileWriter) Write(p []byte) (int, error) {
	if w.err != nil {
		return 0, w.err
	}
	n, err := w.f.Write(p)
	if err != nil {
		w.err = err
	}
	return n, err
}

// syncDir flushes the directory entry of the renamed files where the
// system allows it; Windows cannot open a directory for syncing, and the
// files themselves are already durable, so failures are ignored.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync()
	_ = d.Close()
}

// pathError turns a file-system failure into a user error that names the
// path and says in Vietnamese what went wrong.
func pathError(what, path string, err error) *model.Error {
	var why string
	switch {
	case errors.Is(err, fs.ErrPermission):
		why = "không có quyền ghi"
	case errors.Is(err, syscall.ENOSPC):
		why = "ổ đĩa đã đầy"
	case errors.Is(err, syscall.ENOTDIR):
		why = "đường dẫn không phải là thư mục"
	case errors.Is(err, syscall.EROFS):
		why = "ổ đĩa chỉ cho phép đọc"
	case errors.Is(err, fs.ErrNotExist):
		why = "đường dẫn không tồn tại"
	default:
		why = fmt.Sprintf("lỗi hệ thống: %v", err)
	}
	return model.Errorf(model.EInvalid, "%s %q: %s.", what, path, why)
}
