// Package export writes the documents of a meeting — the minutes, the
// results table and the whole record — from a read-only snapshot of the
// record. It never opens the database: it receives a *model.Record and a
// writer, and the same record always gives the same bytes.
package export

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"hoidong/model"
)

// Document is one file the export writes.
type Document struct {
	Name  string // file name, e.g. "bien-ban-hop.txt"
	Write func(io.Writer, *model.Record) error
}

// Documents lists the documents of an export in order: bien-ban-hop.txt,
// ket-qua-bo-phieu.csv, ho-so-phien-hop.json.
func Documents() []Document {
	return []Document{
		{Name: "bien-ban-hop.txt", Write: Minutes},
		{Name: "ket-qua-bo-phieu.csv", Write: ResultsCSV},
		{Name: "ho-so-phien-hop.json", Write: JSON},
	}
}

// WriteDir writes every document into dir, creating it if missing, each file
// atomically (a temporary file in dir, synced, then renamed over the target),
// and returns the written paths in order.
func WriteDir(dir string, rec *model.Record) ([]string, error) {
	docs := Documents()
	// Render everything first so a document that cannot be built leaves no
	// file half-replaced.
	bodies := make([][]byte, len(docs))
	for i, d := range docs {
		var buf bytes.Buffer
		if err := d.Write(&buf, rec); err != nil {
			return nil, err
		}
		bodies[i] = buf.Bytes()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, pathError("Không tạo được thư mục", dir, err)
	}
	paths := make([]string, 0, len(docs))
	for i, d := range docs {
		p := filepath.Join(dir, d.Name)
		if err := writeAtomic(dir, p, bodies[i]); err != nil {
			return paths, err
		}
		paths = append(paths, p)
	}
	syncDir(dir)
	return paths, nil
}

// writeAtomic writes data to path through a temporary file in dir.
func writeAtomic(dir, path string, data []byte) (err error) {
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
	if _, err = f.Write(data); err != nil {
		return pathError("Không ghi được tệp", path, err)
	}
	if err = f.Sync(); err != nil {
		return pathError("Không ghi được tệp", path, err)
	}
	// CreateTemp makes the file private; documents are ordinary files. Some
	// file systems cannot chmod, and the file is good without it.
	_ = f.Chmod(0o644)
	if err = f.Close(); err != nil {
		return pathError("Không ghi được tệp", path, err)
	}
	if err = os.Rename(tmp, path); err != nil {
		return pathError("Không thay được tệp", path, err)
	}
	return nil
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
