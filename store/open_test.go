package store

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	_ "modernc.org/sqlite"

	"hoidong/model"
)

func TestOpen_SecondSecretaryIsLockedOut(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "hop.db")
	s, err := Open(path)
	must(t, err)
	defer s.Close()
	must(t, s.CreateMeeting(ctx, testPlan()))
	before := record(t, s)
	dbBefore, _ := os.ReadFile(path)
	walBefore, _ := os.ReadFile(path + "-wal")

	s2, err := Open(path)
	if s2 != nil {
		s2.Close()
		t.Fatal("second Open returned a store")
	}
	e := wantCode(t, err, model.ELocked)
	if !strings.Contains(e.Message, path) || !strings.Contains(e.Message, "chương trình thư ký khác") {
		t.Errorf("message %q does not name the file and the reason", e.Message)
	}

	dbAfter, _ := os.ReadFile(path)
	walAfter, _ := os.ReadFile(path + "-wal")
	if !bytes.Equal(dbBefore, dbAfter) || !bytes.Equal(walBefore, walAfter) {
		t.Error("the refused Open changed the database files")
	}
	if after := record(t, s); !reflect.DeepEqual(before, after) {
		t.Error("the refused Open changed the record")
	}
	// The first secretary still works.
	must(t, s.SetDiscussion(ctx, "vẫn ghi được"))
}

func TestOpen_AfterCloseWorks(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hop.db")
	s, err := Open(path)
	must(t, err)
	must(t, s.CreateMeeting(context.Background(), testPlan()))
	must(t, s.Close())
	must(t, s.Close()) // a second Close is harmless
	s2, err := Open(path)
	must(t, err)
	defer s2.Close()
	ok, err := s2.HasMeeting(context.Background())
	must(t, err)
	if !ok {
		t.Error("reopened file has no meeting")
	}
	if got := s2.Path(); got != path {
		t.Errorf("Path() = %q, want %q", got, path)
	}
}

func TestOpen_MissingDirectory(t *testing.T) {
	path := filepath.Join(t.TempDir(), "không-có", "hop.db")
	_, err := Open(path)
	e := wantCode(t, err, model.ENotFound)
	if !strings.Contains(e.Message, path) {
		t.Errorf("message %q does not name the file", e.Message)
	}
	if _, err := os.Stat(filepath.Dir(path)); !os.IsNotExist(err) {
		t.Error("Open created the directory")
	}
}

func TestOpen_NotSQLite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ke-hoach.toml")
	content := []byte("[org]\nname = \"UBND thị trấn Như Quỳnh\"\n")
	must(t, os.WriteFile(path, content, 0o644))
	for name, open := range map[string]func(string) (*Store, error){"Open": Open, "OpenBooth": OpenBooth} {
		_, err := open(path)
		e := wantCode(t, err, model.EInvalid)
		if !strings.Contains(e.Message, path) || !strings.Contains(e.Message, "không phải") {
			t.Errorf("%s: message %q does not say the file is not a record", name, e.Message)
		}
	}
	got, _ := os.ReadFile(path)
	if !bytes.Equal(got, content) {
		t.Error("Open changed the file")
	}
	if _, err := os.Stat(path + "-wal"); !os.IsNotExist(err) {
		t.Error("Open left a WAL beside the file")
	}
	// The refused Open released the lock: a second try gets the same answer.
	_, err := Open(path)
	wantCode(t, err, model.EInvalid)
}

func TestOpen_ForeignSQLiteDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "khac.db")
	db, err := sql.Open("sqlite", path)
	must(t, err)
	_, err = db.Exec(`CREATE TABLE contacts (name TEXT)`)
	must(t, err)
	must(t, db.Close())
	_, err = Open(path)
	e := wantCode(t, err, model.EInvalid)
	if !strings.Contains(e.Message, path) {
		t.Errorf("message %q does not name the file", e.Message)
	}
}

func TestOpen_EmptyPathAndDirectory(t *testing.T) {
	_, err := Open("")
	wantCode(t, err, model.EInvalid)
	dir := t.TempDir()
	_, err = Open(dir)
	e := wantCode(t, err, model.EInvalid)
	if !strings.Contains(e.Message, dir) {
		t.Errorf("message %q does not name the directory", e.Message)
	}
}

func TestOpen_SchemaIsVersioned(t *testing.T) {
	s := openTest(t)
	var n int
	must(t, s.db.QueryRow(`SELECT MAX(version_id) FROM goose_db_version`).Scan(&n))
	p, err := s.provider()
	must(t, err)
	if want := latestVersion(p); n != int(want) || want < 2 {
		t.Errorf("schema version = %d, want the latest, %d", n, want)
	}
	var mode string
	must(t, s.db.QueryRow(`PRAGMA journal_mode`).Scan(&mode))
	var fk, secure, sync int
	must(t, s.db.QueryRow(`PRAGMA foreign_keys`).Scan(&fk))
	must(t, s.db.QueryRow(`PRAGMA secure_delete`).Scan(&secure))
	must(t, s.db.QueryRow(`PRAGMA synchronous`).Scan(&sync))
	if mode != "wal" || fk != 1 || secure != 1 || sync != 2 {
		t.Errorf("journal_mode=%s foreign_keys=%d secure_delete=%d synchronous=%d", mode, fk, secure, sync)
	}
}

func TestOpen_NewerSchemaRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hop.db")
	s, err := Open(path)
	must(t, err)
	_, err = s.db.Exec(`INSERT INTO goose_db_version (version_id, is_applied) VALUES (99, 1)`)
	must(t, err)
	must(t, s.Close())
	_, err = Open(path)
	wantCode(t, err, model.EConflict)
	_, err = OpenBooth(path)
	wantCode(t, err, model.EConflict)
}

func TestOpenBooth_NeedsAnExistingRecord(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hop.db")
	_, err := OpenBooth(path)
	e := wantCode(t, err, model.ENotFound)
	if !strings.Contains(e.Message, path) {
		t.Errorf("message %q does not name the file", e.Message)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Error("OpenBooth created the file")
	}
}

func TestOpenBooth_CastsBesideTheSecretary(t *testing.T) {
	ctx := context.Background()
	sec := newMeeting(t)
	ready(t, sec)
	round, err := sec.OpenRound(ctx, "LDTT", []int64{1, 4})
	must(t, err)

	booth, err := OpenBooth(sec.Path())
	must(t, err)
	defer booth.Close()
	for m := int64(1); m <= 4; m++ {
		must(t, booth.CastBallot(ctx, round, m, "", map[int64]bool{1: true, 4: true}))
	}
	wantCode(t, booth.CastBallot(ctx, round, 2, "", map[int64]bool{1: true, 4: true}), model.EConflict)
	rec := record(t, sec)
	if got := rec.Rounds[0].Voters; !reflect.DeepEqual(got, []int64{1, 2, 3, 4}) {
		t.Errorf("secretary sees voters %v", got)
	}
	must(t, sec.CloseRound(ctx, round, testKey(t, sec)))
	brec := record(t, booth)
	if len(brec.Rounds[0].Ballots) != 4 {
		t.Errorf("booth sees %d ballots after close, want 4", len(brec.Rounds[0].Ballots))
	}
	// A booth does not take the secretary's lock.
	if _, err := Open(sec.Path()); model.ErrorCodeOf(err) != model.ELocked {
		t.Errorf("Open beside a secretary: %v, want ELocked", err)
	}
}
