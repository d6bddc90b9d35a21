// Package store keeps the record of a council meeting in one SQLite file:
// the schema and its migrations, transactions, the secret ballot's tables and
// the event log. It is the only package that speaks SQL.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/gofrs/flock"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"hoidong/model"
)

// dsnParams are applied by the driver to every pooled connection. busy_timeout
// comes first so that switching to WAL waits for a booth that holds a lock;
// temp_store(2) keeps VACUUM's copy of the file in memory, not in a temp file;
// _txlock=immediate makes every write transaction take the write lock at
// BEGIN, so a transaction that reads and then writes never fails with
// SQLITE_BUSY half-way (read-only transactions still begin deferred).
const dsnParams = "?_pragma=busy_timeout(5000)" +
	"&_pragma=foreign_keys(1)" +
	"&_pragma=journal_mode(WAL)" +
	"&_pragma=synchronous(FULL)" +
	"&_pragma=secure_delete(1)" +
	"&_pragma=temp_store(2)" +
	"&_txlock=immediate"

// sqliteHeader starts every SQLite database file.
const sqliteHeader = "SQLite format 3\x00"

// Store is the record of one meeting in a SQLite file, opened either by the
// secretary (holding the file's lock) or by a voting booth.
type Store struct {
	db   *sql.DB
	lock *flock.Flock // nil for a booth
	path string
	// readOnly is set by OpenReadOnly: every write is refused and Close
	// leaves the WAL alone.
	readOnly bool
	// still, for a file read as immutable, reports an error when the file
	// has changed since it was opened; every read checks it.
	still func() error

	// Now is the clock used for every timestamp; it defaults to time.Now.
	Now func() time.Time

	// kdf are the argon2id parameters for hashing a new secretary code;
	// the zero value means defaultSecretaryKDF.
	kdf kdfParams

	// watch is the connection DataVersion asks, kept for it alone: SQLite
	// counts the changes other connections commit, per connection.
	watchMu sync.Mutex
	watch   *sql.Conn
}

// Open opens or creates the database at path for the secretary: it applies
// pending migrations and takes the file's lock, refusing with ELocked when
// another secretary program holds it. Before creating anything it refuses
// with EReadOnly a file that cannot be written or that sits in a folder
// where the lock and SQLite's -wal and -shm files cannot be made; such a
// file can still be shown with OpenView.
func Open(path string) (*Store, error) {
	return open(path, true)
}

// OpenBooth opens an existing database without the secretary's lock, for a
// voting booth process that only casts ballots and reads the record. Like
// Open, it refuses with EReadOnly a file it could not write a ballot to.
func OpenBooth(path string) (*Store, error) {
	return open(path, false)
}

func open(path string, secretary bool) (_ *Store, err error) {
	ctx := context.Background()
	if err := checkPath(path, secretary); err != nil {
		return nil, err
	}
	if err := checkWritable(path); err != nil {
		return nil, err
	}
	s := &Store{path: path, Now: time.Now}
	if secretary {
		fl := flock.New(path + ".lock")
		ok, lerr := fl.TryLock()
		if lerr != nil {
			if os.IsPermission(lerr) || errors.Is(lerr, syscall.EROFS) {
				return nil, model.Wrapf(model.EReadOnly, lerr,
					"Không mở được tệp %q để ghi: không tạo được tệp khóa %q vì thư mục %q không cho phép ghi.",
					path, filepath.Base(path)+".lock", filepath.Dir(path))
			}
			return nil, model.Wrapf(model.EInvalid, lerr,
				"Không mở được tệp %q: không khóa được tệp để ghi (tệp khóa %q).", path, filepath.Base(path)+".lock")
		}
		if !ok {
			return nil, model.Errorf(model.ELocked,
				"Tệp %q đang được một chương trình thư ký khác mở. Hãy đóng chương trình đó rồi thử lại.", path)
		}
		s.lock = fl
		defer func() {
			if err != nil {
				_ = fl.Unlock()
			}
		}()
	}
	if err := checkHeader(path); err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", path+dsnParams)
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
		return nil, s.openError(err)
	}
	if secretary {
		err = s.migrate(ctx)
		if err == nil {
			err = s.rescrub(ctx)
		}
	} else {
		err = s.checkSchema(ctx)
	}
	if err != nil {
		return nil, s.openError(err)
	}
	return s, nil
}

// rescrub rewrites the file once more when a close did not finish its
// rewrite. Closing a round commits first and rewrites the file after; a
// crash between the two would leave ballot pages in casting order, so the
// secretary's program repeats the rewrite when it opens a file whose
// closed electronic rounds are not all covered by the mark of the last
// finished rewrite (see scrubbed).
func (s *Store) rescrub(ctx context.Context) error {
	closed, marked, err := s.scrubState(ctx)
	if err != nil {
		return err
	}
	if closed == 0 || closed == marked {
		return nil
	}
	return s.scrub(ctx)
}

// scrubState returns how many closed electronic rounds the file holds and
// how many the last finished rewrite covered.
func (s *Store) scrubState(ctx context.Context) (closed, marked int64, err error) {
	err = s.db.QueryRowContext(ctx,
		`SELECT COUNT(*) FROM rounds WHERE status = 'closed' AND mode = 'electronic'`).Scan(&closed)
	if err != nil {
		return 0, 0, fmt.Errorf("look for closed rounds in %s: %w", s.path, err)
	}
	if err := s.db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&marked); err != nil {
		return 0, 0, fmt.Errorf("read the rewrite mark of %s: %w", s.path, err)
	}
	return closed, marked, nil
}

// checkPath refuses a path that cannot be a record file, before anything is
// created: the lock file would otherwise be made beside it.
func checkPath(path string, mayCreate bool) error {
	if strings.TrimSpace(path) == "" {
		return model.Errorf(model.EInvalid, "Chưa có đường dẫn tệp biên bản.")
	}
	if strings.ContainsRune(path, '?') {
		return model.Errorf(model.EInvalid, "Đường dẫn tệp %q không được chứa dấu “?”.", path)
	}
	dir := filepath.Dir(path)
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return model.Errorf(model.ENotFound, "Không mở được tệp %q: thư mục %q không tồn tại.", path, dir)
	case err != nil:
		return model.Wrapf(model.EInvalid, err, "Không mở được tệp %q: không truy cập được thư mục %q.", path, dir)
	case !fi.IsDir():
		return model.Errorf(model.EInvalid, "Không mở được tệp %q: %q không phải là thư mục.", path, dir)
	}
	fi, err = os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if mayCreate {
			return nil
		}
		return model.Errorf(model.ENotFound, "Không tìm thấy tệp %q. Hãy mở phiên họp bằng chương trình thư ký trước.", path)
	case err != nil:
		return model.Wrapf(model.EInvalid, err, "Không mở được tệp %q: không truy cập được tệp.", path)
	case fi.IsDir():
		return model.Errorf(model.EInvalid, "%q là một thư mục, không phải tệp biên bản.", path)
	}
	return nil
}

// checkHeader refuses an existing, non-empty file that is not a SQLite
// database, so that SQLite never writes into it.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return model.Wrapf(model.EInvalid, err, "Không đọc được tệp %q: không có quyền đọc tệp hoặc tệp đang bị khóa.", path)
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	n, err := io.ReadFull(f, head)
	if n == 0 && (err == io.EOF || err == nil) {
		return nil // an empty file becomes a new database
	}
	if string(head[:n]) != sqliteHeader {
		return notDatabase(path)
	}
	return nil
}

// checkWritable refuses, before anything is created, a record the
// secretary or a booth could not write: an existing file that is
// read-only, or a folder where the file, its lock and SQLite's -wal and
// -shm files cannot be created.
func checkWritable(path string) error {
	dir := filepath.Dir(path)
	dirOK := canWrite(dir)
	_, err := os.Stat(path)
	exists := err == nil
	fileOK := !exists || canWrite(path)
	switch {
	case !exists && !dirOK:
		return model.Errorf(model.EReadOnly,
			"Không tạo được tệp %q: thư mục %q không cho phép ghi (chỉ đọc). Hãy chọn một thư mục ghi được.", path, dir)
	case !fileOK && !dirOK:
		return model.Errorf(model.EReadOnly,
			"Không mở được tệp %q để ghi: tệp chỉ cho phép đọc, và thư mục %q chứa nó cũng không cho phép ghi. "+
				"Tệp chỉ mở được để xem; muốn ghi tiếp, hãy chép tệp sang một thư mục ghi được.", path, dir)
	case !fileOK:
		return model.Errorf(model.EReadOnly,
			"Không mở được tệp %q để ghi: tệp chỉ cho phép đọc. "+
				"Tệp chỉ mở được để xem; muốn ghi tiếp, hãy bỏ thuộc tính chỉ đọc của tệp.", path)
	case !dirOK:
		return model.Errorf(model.EReadOnly,
			"Không mở được tệp %q để ghi: thư mục %q không cho phép ghi (chỉ đọc), nên không tạo được tệp khóa "+
				"và các tệp ghi tạm (-wal, -shm) bên cạnh tệp. "+
				"Tệp chỉ mở được để xem; muốn ghi tiếp, hãy chép tệp sang một thư mục ghi được.", path, dir)
	}
	return nil
}

func notDatabase(path string) error {
	return model.Errorf(model.EInvalid, "Tệp %q không phải là tệp biên bản của hoidong (không phải cơ sở dữ liệu SQLite).", path)
}

// openError turns SQLite's complaints about the file into user errors that
// name it, and wraps anything else.
func (s *Store) openError(err error) error {
	var ue *model.Error
	if errors.As(err, &ue) {
		return err
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_NOTADB:
			return notDatabase(s.path)
		case sqlite3.SQLITE_CORRUPT:
			return model.Wrapf(model.EInvalid, err, "Tệp %q bị hỏng, không đọc được.", s.path)
		case sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM, sqlite3.SQLITE_READONLY:
			if s.readOnly {
				return model.Wrapf(model.EInvalid, err,
					"Không đọc được tệp %q: không có quyền đọc tệp hoặc các tệp ghi tạm (-wal, -shm) bên cạnh nó.", s.path)
			}
			return model.Wrapf(model.EReadOnly, err,
				"Không mở được tệp %q để ghi: tệp hoặc các tệp ghi tạm (-wal, -shm) bên cạnh nó không cho phép ghi.", s.path)
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return model.Wrapf(model.ELocked, err,
				"Tệp %q đang bị một chương trình khác giữ; hãy thử lại sau giây lát.", s.path)
		}
	}
	return fmt.Errorf("open %s: %w", s.path, err)
}

// Close checkpoints the WAL into the database file, closes it and releases
// the secretary's lock.
func (s *Store) Close() error {
	if s.db == nil {
		return nil
	}
	var err error
	s.watchMu.Lock()
	if s.watch != nil {
		_ = s.watch.Close()
		s.watch = nil
	}
	s.watchMu.Unlock()
	if !s.readOnly {
		err = s.checkpoint(context.Background())
	}
	if cerr := s.db.Close(); cerr != nil && err == nil {
		err = fmt.Errorf("close %s: %w", s.path, cerr)
	}
	s.db = nil
	if s.lock != nil {
		if uerr := s.lock.Unlock(); uerr != nil && err == nil {
			err = fmt.Errorf("unlock %s: %w", s.path, uerr)
		}
		s.lock = nil
	}
	return err
}

// Path returns the path of the database file.
func (s *Store) Path() string { return s.path }

// checkpoint copies the WAL into the database and truncates it, so that no
// page image of an earlier state lingers beside the file. A checkpoint that a
// booth's open read keeps from finishing is not an error.
func (s *Store) checkpoint(ctx context.Context) error {
	_, err := s.truncateWAL(ctx)
	return err
}

// truncateWAL is checkpoint, reporting whether the WAL was emptied: false
// when a reader kept it for longer than a few seconds.
func (s *Store) truncateWAL(ctx context.Context) (bool, error) {
	// A reader (a booth polling the file) can hold the WAL for a moment;
	// the WAL keeps pages in the order ballots were written until it is
	// truncated, so try again for a few seconds rather than leave it
	// behind, each try waiting only briefly so that nothing hangs.
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return false, fmt.Errorf("checkpoint %s: %w", s.path, err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "PRAGMA busy_timeout = 100"); err != nil {
		return false, fmt.Errorf("checkpoint %s: %w", s.path, err)
	}
	defer conn.ExecContext(context.Background(), "PRAGMA busy_timeout = 5000")
	deadline := time.Now().Add(3 * time.Second)
	for {
		var busy, logFrames, done int
		err := conn.QueryRowContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)").Scan(&busy, &logFrames, &done)
		if err != nil {
			return false, fmt.Errorf("checkpoint %s: %w", s.path, err)
		}
		if busy == 0 {
			return true, nil
		}
		if time.Now().After(deadline) {
			return false, nil
		}
		select {
		case <-ctx.Done():
			return false, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}

func (s *Store) now() time.Time {
	if s.Now == nil {
		return time.Now().UTC()
	}
	return s.Now().UTC()
}

// querier is what both *sql.DB and *sql.Tx offer.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// write runs fn in one write transaction (BEGIN IMMEDIATE) and commits it;
// with synchronous=FULL the change is durable when write returns nil. A
// store open only for viewing refuses at once. When SQLite cannot write
// the file (read-only, disk full, I/O error, held by another program) the
// transaction is rolled back and the error says so in Vietnamese,
// carrying SQLite's for the log.
func (s *Store) write(ctx context.Context, fn func(tx *sql.Tx) error) (err error) {
	if s.db == nil {
		return errors.New("store is closed")
	}
	if s.readOnly {
		return model.Errorf(model.EReadOnly, "Tệp %q đang mở chỉ để xem; không ghi được thay đổi nào.", s.path)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.writeError(fmt.Errorf("begin: %w", err))
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	if err := fn(tx); err != nil {
		return s.writeError(err)
	}
	if err := tx.Commit(); err != nil {
		return s.writeError(fmt.Errorf("commit: %w", err))
	}
	return nil
}

// writeError turns SQLite failing to write the file into a user error that
// says what happened to it; user errors and anything else pass unchanged.
func (s *Store) writeError(err error) error {
	var ue *model.Error
	var ps model.Problems
	var se *sqlite.Error
	if errors.As(err, &ue) || errors.As(err, &ps) || !errors.As(err, &se) {
		return err
	}
	const notSaved = " Thay đổi vừa rồi chưa được lưu."
	switch se.Code() & 0xff {
	case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_CANTOPEN:
		return model.Wrapf(model.EReadOnly, err,
			"Không ghi được vào tệp %q: tệp hoặc thư mục chứa nó không cho phép ghi."+notSaved, s.path)
	case sqlite3.SQLITE_FULL:
		return model.Wrapf(model.EInvalid, err,
			"Không ghi được vào tệp %q: ổ đĩa đã đầy."+notSaved+" Hãy giải phóng chỗ trống trên ổ đĩa rồi làm lại.", s.path)
	case sqlite3.SQLITE_IOERR:
		return model.Wrapf(model.EInvalid, err,
			"Không ghi được vào tệp %q: lỗi đọc ghi ổ đĩa (ổ đĩa hỏng, bị rút ra hoặc mất kết nối)."+notSaved, s.path)
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return model.Wrapf(model.ELocked, err,
			"Không ghi được vào tệp %q: tệp đang bị một chương trình khác giữ."+notSaved+" Hãy thử lại sau giây lát.", s.path)
	case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
		return model.Wrapf(model.EInvalid, err, "Không ghi được vào tệp %q: tệp bị hỏng."+notSaved, s.path)
	}
	return err
}

// read runs fn in one read transaction so that it sees a single snapshot.
// For a file read as immutable, the snapshot is refused when the file has
// changed since it was opened.
func (s *Store) read(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if s.db == nil {
		return errors.New("store is closed")
	}
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer func() { _ = tx.Rollback() }()
	if err := fn(tx); err != nil {
		if s.still != nil {
			if serr := s.still(); serr != nil {
				return serr
			}
		}
		return err
	}
	if s.still != nil {
		return s.still()
	}
	return nil
}

// isPrimaryKeyViolation reports whether err is SQLite refusing a duplicate
// primary key.
func isPrimaryKeyViolation(err error) bool {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return false
	}
	return se.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY
}
