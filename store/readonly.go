package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"hoidong/model"
)

// readOnlyParams are given to every connection of a read-only store:
// SQLite's mode=ro refuses any change, and query_only says so once more.
const readOnlyParams = "mode=ro&_pragma=busy_timeout(5000)&_pragma=query_only(1)"

// OpenReadOnly opens an existing record only to read it, for verify and
// export: it never takes the secretary's lock, never migrates and never
// writes, so it can run beside a secretary's program and booths, and on a
// file that is read-only or sits in a read-only folder.
//
// A record at rest (no -wal, -shm or -journal file beside it: no program
// has it open and none left changes behind) is read as an immutable file,
// which creates nothing beside it and takes no lock; should another
// program change the file while it is open, the next read says so instead
// of returning a torn snapshot. A record in use is read through SQLite's
// shared read-only mode, beside the programs writing it; when that cannot
// work because the folder is read-only and the -shm file is missing, an
// empty -wal is ignored and the file read as immutable, and -wal content
// that cannot be read is reported.
func OpenReadOnly(path string) (*Store, error) {
	if err := checkPath(path, false); err != nil {
		return nil, err
	}
	if err := checkHeader(path); err != nil {
		return nil, err
	}
	if !inUse(path) {
		return openReadOnly(path, true)
	}
	s, err := openReadOnly(path, false)
	if err == nil || !cannotShare(err) {
		return s, err
	}
	if walFrames(path) {
		base := filepath.Base(path)
		return nil, model.Wrapf(model.EReadOnly, err,
			"Không đọc được tệp %q: tệp %q bên cạnh còn những thay đổi chưa được gộp vào tệp chính, "+
				"nhưng không đọc được các thay đổi đó vì không tạo hay mở được tệp %q "+
				"(thư mục %q không cho phép ghi, hoặc tệp đó không cho phép đọc). "+
				"Hãy chép tệp cùng tệp %q sang một thư mục ghi được rồi làm lại.",
			path, base+"-wal", base+"-shm", filepath.Dir(path), base+"-wal")
	}
	return openReadOnly(path, true)
}

// OpenView opens a record for the secretary's screens only to show it,
// when the file cannot be written (see Open's EReadOnly): it is
// OpenReadOnly, and every change is refused with EReadOnly.
func OpenView(path string) (*Store, error) {
	return OpenReadOnly(path)
}

// openReadOnly opens path read-only, as an immutable file or shared.
func openReadOnly(path string, immutable bool) (_ *Store, err error) {
	ctx := context.Background()
	s := &Store{path: path, Now: time.Now, readOnly: true}
	dsn := fileURI(path) + "?" + readOnlyParams
	if immutable {
		if s.still, err = unchanged(path); err != nil {
			return nil, err
		}
		dsn += "&immutable=1"
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	s.db = db
	defer func() {
		if err != nil {
			_ = db.Close()
		}
	}()
	if err := db.PingContext(ctx); err != nil {
		return nil, s.readOnlyError(err, immutable)
	}
	if err := s.checkSchema(ctx); err != nil {
		return nil, s.readOnlyError(err, immutable)
	}
	if s.still != nil {
		if err := s.still(); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// readOnlyError turns a failure to read the file into a user error; a
// failure to share it is kept as it is for OpenReadOnly to judge.
func (s *Store) readOnlyError(err error, immutable bool) error {
	if !immutable && cannotShare(err) {
		return err
	}
	return s.openError(err)
}

// fileURI makes path a SQLite URI filename ("file:…"), so that SQLite
// reads mode and immutable from its query: '%' and '#' are escaped, a
// Windows drive gets a leading slash.
func fileURI(path string) string {
	p := filepath.ToSlash(path)
	if vol := filepath.VolumeName(path); vol != "" && !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	p = strings.NewReplacer("%", "%25", "#", "%23", "?", "%3f").Replace(p)
	return "file:" + p
}

// inUse reports whether anything beside the file says a program has it
// open or left changes behind: a -wal, -shm or -journal file.
func inUse(path string) bool {
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		if _, err := os.Lstat(path + suffix); !errors.Is(err, os.ErrNotExist) {
			return true
		}
	}
	return false
}

// walFrames reports whether the -wal file beside path holds anything
// (or cannot be looked at).
func walFrames(path string) bool {
	fi, err := os.Stat(path + "-wal")
	if errors.Is(err, os.ErrNotExist) {
		return false
	}
	return err != nil || fi.Size() > 0
}

// cannotShare reports whether SQLite failed to open or read the file
// because it could not use the -wal or -shm file beside it.
func cannotShare(err error) bool {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return false
	}
	switch se.Code() & 0xff {
	case sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_IOERR:
		return true
	}
	return false
}

// unchanged takes a fingerprint of the file now and returns a check that
// it is still the same: an immutable connection would read a changed file
// as a mix of old and new pages.
func unchanged(path string) (func() error, error) {
	before, err := os.Stat(path)
	if err != nil {
		return nil, model.Wrapf(model.EInvalid, err, "Không đọc được tệp %q.", path)
	}
	return func() error {
		now, err := os.Stat(path)
		if err == nil && os.SameFile(before, now) && now.Size() == before.Size() && now.ModTime().Equal(before.ModTime()) {
			return nil
		}
		return model.Wrapf(model.EConflict, err,
			"Tệp %q vừa bị một chương trình khác thay đổi trong lúc đang được đọc; kết quả vừa đọc không dùng được. Hãy mở lại tệp.", path)
	}, nil
}
