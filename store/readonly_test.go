package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"hoidong/model"
)

// folderState lists a folder's files with a hash of each, to show that
// reading a record created, changed or removed nothing beside it.
func folderState(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	must(t, err)
	out := map[string][32]byte{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			out[e.Name()] = [32]byte{}
			continue
		}
		out[e.Name()] = sha256.Sum256(b)
	}
	return out
}

// archivedCopy copies only the database file of a closed meeting into a
// folder of its own, as an archive keeps it.
func archivedCopy(t *testing.T) string {
	t.Helper()
	path, _ := closedMeeting(t)
	b, err := os.ReadFile(path)
	must(t, err)
	out := filepath.Join(t.TempDir(), "luu-tru.db")
	must(t, os.WriteFile(out, b, 0o644))
	return out
}

// readOnlyAndVerify opens path read-only, verifies it and reads it, and
// returns the head.
func readOnlyAndVerify(t *testing.T, path string) string {
	t.Helper()
	ctx := context.Background()
	s, err := OpenReadOnly(path)
	must(t, err)
	defer s.Close()
	rec, rep, err := s.VerifiedRecord(ctx)
	must(t, err)
	if !rep.OK() || rec.Head != rep.Head || len(rec.Members) == 0 {
		t.Fatalf("verify: %q, head %q / %q", rep.Problem, rec.Head, rep.Head)
	}
	return rep.Head
}

// writesAnyway reports whether this process can write in a folder whose
// permissions say it cannot, as root can: then permission tests say
// nothing and are skipped.
func writesAnyway(t *testing.T, dir string) bool {
	t.Helper()
	probe := filepath.Join(dir, "thu-ghi")
	if err := os.WriteFile(probe, nil, 0o644); err != nil {
		return false
	}
	must(t, os.Remove(probe))
	return true
}

// TestOpenReadOnly_ArchivedCopyCreatesNothing reads a copy of the database
// file alone, as archived: it is read as an immutable file, so nothing is
// created beside it and nothing in it changes, whatever the permissions.
func TestOpenReadOnly_ArchivedCopyCreatesNothing(t *testing.T) {
	path := archivedCopy(t)
	before := folderState(t, filepath.Dir(path))
	head := readOnlyAndVerify(t, path)
	if len(head) != 64 {
		t.Fatalf("head %q", head)
	}
	if after := folderState(t, filepath.Dir(path)); !reflect.DeepEqual(after, before) {
		t.Errorf("reading changed the folder: %d files before, %d after", len(before), len(after))
	}
	// OpenView is the same read-only store, for the secretary's screens:
	// every change is refused without touching the file.
	s, err := OpenView(path)
	must(t, err)
	defer s.Close()
	e := wantCode(t, s.AddCorrection(context.Background(), "Đính chính"), model.EReadOnly)
	if want := `Tệp "` + path + `" đang mở chỉ để xem; không ghi được thay đổi nào.`; e.Message != want {
		t.Errorf("message %q, want %q", e.Message, want)
	}
	wantCode(t, s.SetDiscussion(context.Background(), "sửa"), model.EReadOnly)
	if after := folderState(t, filepath.Dir(path)); !reflect.DeepEqual(after, before) {
		t.Error("a refused change touched the folder")
	}
}

// TestOpenReadOnly_FallsBackWhenSharingFails makes SQLite's shared
// read-only open fail (the -shm is a link to nowhere, which no one can
// open, root included, as a read-only folder would make a missing one):
// with an empty -wal beside the file the record is read as immutable; with
// changes in the -wal that cannot be read, the error names the files.
func TestOpenReadOnly_FallsBackWhenSharingFails(t *testing.T) {
	path := archivedCopy(t)
	dir := filepath.Dir(path)
	must(t, os.WriteFile(path+"-wal", nil, 0o644))
	must(t, os.Symlink(filepath.Join(dir, "khong-co", "x"), path+"-shm"))
	before := folderState(t, dir)
	readOnlyAndVerify(t, path)
	if after := folderState(t, dir); !reflect.DeepEqual(after, before) {
		t.Error("reading changed the folder")
	}

	// Changes waiting in the -wal are not silently left out.
	must(t, os.WriteFile(path+"-wal", bytes.Repeat([]byte{1}, 4096), 0o644))
	_, err := OpenReadOnly(path)
	e := wantCode(t, err, model.EReadOnly)
	for _, w := range []string{path, `"luu-tru.db-wal"`, `"luu-tru.db-shm"`, "chưa được gộp vào tệp chính"} {
		if !strings.Contains(e.Message, w) {
			t.Errorf("message %q does not say %q", e.Message, w)
		}
	}
	if e.Cause == nil {
		t.Error("the error carries no cause for the log")
	}
}

// TestOpenReadOnly_FileChangedWhileOpen reads a record at rest as
// immutable, then lets a secretary's program change it: the next read says
// the file changed instead of mixing old and new pages.
func TestOpenReadOnly_FileChangedWhileOpen(t *testing.T) {
	ctx := context.Background()
	path := archivedCopy(t)
	ro, err := OpenReadOnly(path)
	must(t, err)
	defer ro.Close()
	if _, err := ro.Verify(ctx); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path)
	must(t, err)
	must(t, s.AddCorrection(ctx, "Đính chính"))
	must(t, s.Close())
	_, err = ro.Verify(ctx)
	e := wantCode(t, err, model.EConflict)
	if !strings.Contains(e.Message, path) || !strings.Contains(e.Message, "vừa bị một chương trình khác thay đổi") {
		t.Errorf("message %q", e.Message)
	}
}

// TestOpenReadOnly_ReadOnlyFileAndFolder reads a record whose file is
// read-only, and an archived copy in a read-only folder. It needs a user
// whom permissions bind.
func TestOpenReadOnly_ReadOnlyFileAndFolder(t *testing.T) {
	t.Run("read-only file", func(t *testing.T) {
		path := archivedCopy(t)
		must(t, os.Chmod(path, 0o444))
		dir := filepath.Dir(path)
		before := folderState(t, dir)
		readOnlyAndVerify(t, path)
		if after := folderState(t, dir); !reflect.DeepEqual(after, before) {
			t.Error("reading changed the folder")
		}
	})
	t.Run("archived copy in a read-only folder", func(t *testing.T) {
		path := archivedCopy(t)
		dir := filepath.Dir(path)
		must(t, os.Chmod(dir, 0o555))
		t.Cleanup(func() { _ = os.Chmod(dir, 0o755) })
		if writesAnyway(t, dir) {
			t.Skip("this user writes in read-only folders (root): permissions cannot be tested")
		}
		before := folderState(t, dir)
		readOnlyAndVerify(t, path)
		if after := folderState(t, dir); !reflect.DeepEqual(after, before) {
			t.Error("reading changed the folder")
		}
	})
	t.Run("copy with an empty -wal in a read-only folder", func(t *testing.T) {
		path := archivedCopy(t)
		dir := filepath.Dir(path)
		must(t, os.WriteFile(path+"-wal", nil, 0o644))
		must(t, os.Chmod(dir, 0o555))
		t.Cleanup(func() { _ = os.Chmod(dir, 0o755) })
		if writesAnyway(t, dir) {
			t.Skip("this user writes in read-only folders (root): permissions cannot be tested")
		}
		before := folderState(t, dir)
		readOnlyAndVerify(t, path)
		if after := folderState(t, dir); !reflect.DeepEqual(after, before) {
			t.Error("reading changed the folder")
		}
	})
}

// TestOpen_RefusesWhatItCannotWrite opens, for the secretary, a read-only
// file, a file in a read-only folder and a new file in a read-only folder:
// each is refused with EReadOnly naming the file and the reason, before
// anything is created. It needs a user whom permissions bind.
func TestOpen_RefusesWhatItCannotWrite(t *testing.T) {
	cases := []struct {
		name      string
		setup     func(t *testing.T) string
		wants     []string
		readDirOK bool
	}{
		{name: "read-only file", setup: func(t *testing.T) string {
			path := archivedCopy(t)
			must(t, os.Chmod(path, 0o444))
			if f, err := os.OpenFile(path, os.O_WRONLY, 0); err == nil {
				_ = f.Close()
				t.Skip("this user writes read-only files (root): permissions cannot be tested")
			}
			return path
		}, wants: []string{"tệp chỉ cho phép đọc", "chỉ mở được để xem"}},
		{name: "read-only folder", setup: func(t *testing.T) string {
			path := archivedCopy(t)
			dir := filepath.Dir(path)
			must(t, os.Chmod(dir, 0o555))
			t.Cleanup(func() { _ = os.Chmod(dir, 0o755) })
			if writesAnyway(t, dir) {
				t.Skip("this user writes in read-only folders (root): permissions cannot be tested")
			}
			return path
		}, wants: []string{"thư mục", "không cho phép ghi", "tệp khóa", "chỉ mở được để xem"}},
		{name: "new file in a read-only folder", setup: func(t *testing.T) string {
			dir := t.TempDir()
			must(t, os.Chmod(dir, 0o555))
			t.Cleanup(func() { _ = os.Chmod(dir, 0o755) })
			if writesAnyway(t, dir) {
				t.Skip("this user writes in read-only folders (root): permissions cannot be tested")
			}
			return filepath.Join(dir, "moi.db")
		}, wants: []string{"Không tạo được tệp", "không cho phép ghi"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := c.setup(t)
			dir := filepath.Dir(path)
			before := folderState(t, dir)
			for name, open := range map[string]func(string) (*Store, error){"Open": Open, "OpenBooth": OpenBooth} {
				s, err := open(path)
				if s != nil {
					_ = s.Close()
				}
				if name == "OpenBooth" && model.ErrorCodeOf(err) == model.ENotFound {
					continue // a booth needs an existing record first
				}
				e := wantCode(t, err, model.EReadOnly)
				for _, w := range append([]string{path}, c.wants...) {
					if !strings.Contains(e.Message, w) {
						t.Errorf("%s: message %q does not say %q", name, e.Message, w)
					}
				}
			}
			if after := folderState(t, dir); !reflect.DeepEqual(after, before) {
				t.Errorf("a refused Open changed the folder: %v", slices.Sorted(maps.Keys(after)))
			}
		})
	}
}

// TestWrite_SQLiteFailuresAreUserErrors makes SQLite refuse a write in
// each way a file can (read-only, full, held by another program): the
// change is refused with a Vietnamese message naming the file, carrying
// SQLite's error for the log, and the record is unchanged.
func TestWrite_SQLiteFailuresAreUserErrors(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name  string
		setup func(t *testing.T, s *Store)
		code  model.ErrorCode
		want  string
	}{
		{name: "read-only", code: model.EReadOnly, want: "tệp hoặc thư mục chứa nó không cho phép ghi",
			setup: func(t *testing.T, s *Store) {
				_, err := s.db.Exec(`PRAGMA query_only = 1`)
				must(t, err)
			}},
		{name: "disk full", code: model.EInvalid, want: "ổ đĩa đã đầy",
			setup: func(t *testing.T, s *Store) {
				var pages int
				must(t, s.db.QueryRow(`PRAGMA page_count`).Scan(&pages))
				_, err := s.db.Exec(`PRAGMA max_page_count = ` + strconv.Itoa(pages))
				must(t, err)
			}},
		{name: "held by another program", code: model.ELocked, want: "đang bị một chương trình khác giữ",
			setup: func(t *testing.T, s *Store) {
				_, err := s.db.Exec(`PRAGMA busy_timeout = 50`)
				must(t, err)
				other := rawDB(t, s.Path())
				_, err = other.Exec(`BEGIN IMMEDIATE`)
				must(t, err)
				t.Cleanup(func() { _, _ = other.Exec(`ROLLBACK`) })
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := newMeeting(t)
			s.db.SetMaxOpenConns(1) // the pragmas below hold for every statement
			before := record(t, s)
			c.setup(t, s)
			long := strings.Repeat("Ý kiến thảo luận rất dài. ", 4000)
			err := s.SetDiscussion(ctx, long)
			e := wantCode(t, err, c.code)
			if !strings.Contains(e.Message, s.Path()) || !strings.Contains(e.Message, c.want) ||
				!strings.Contains(e.Message, "chưa được lưu") {
				t.Errorf("message %q", e.Message)
			}
			if e.Cause == nil || model.Detail(err) == e.Message {
				t.Errorf("no technical cause for the log: %q", model.Detail(err))
			}
			if msg := model.Message(err); msg != e.Message {
				t.Errorf("Message %q", msg)
			}
			if _, err := s.db.Exec(`PRAGMA query_only = 0`); err != nil {
				t.Fatal(err)
			}
			if _, err := s.db.Exec(`PRAGMA max_page_count = 1073741823`); err != nil {
				t.Fatal(err)
			}
			if after := record(t, s); after.Head != before.Head || after.Meeting.Discussion != before.Meeting.Discussion {
				t.Error("the refused write changed the record")
			}
		})
	}
}
