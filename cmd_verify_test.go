package main

import (
	"bytes"
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"hoidong/model"
	"hoidong/store"
)

func TestVerify_Command(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "hop.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.CreateMeeting(ctx, model.SamplePlan()); err != nil {
		t.Fatal(err)
	}
	rec, err := st.Record(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range rec.Members {
		if err := st.SetAttendance(ctx, m.ID, model.AttendancePresent, ""); err != nil {
			t.Fatal(err)
		}
	}
	if rec, err = st.Record(ctx); err != nil {
		t.Fatal(err)
	}
	// Verify runs while the secretary's program still has the file open.
	var out, errOut bytes.Buffer
	if code := run([]string{"verify", "--db", path}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s%s", code, out.String(), errOut.String())
	}
	if want := "Hồ sơ nguyên vẹn. Mã kiểm tra (head): " + rec.Head + "\n"; !strings.HasPrefix(out.String(), want) {
		t.Errorf("output %q, want it to start with %q", out.String(), want)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}

	// An attendance row edited behind the program's back is named.
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE members SET attendance = 'absent' WHERE id = 2`); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if code := run([]string{"verify", "--db", path}, &out, &errOut); code != 1 {
		t.Fatalf("exit %d after tampering: %s", code, out.String())
	}
	if want := "Bảng members, thành viên số 2 (" + rec.Members[1].Name + `): điểm danh trong tệp là "absent" nhưng nhật ký ghi "present"`; !strings.Contains(out.String(), want) {
		t.Errorf("output %q does not say %q", out.String(), want)
	}

	// A file that does not exist is not a record that failed.
	out.Reset()
	errOut.Reset()
	if code := run([]string{"verify", "--db", filepath.Join(t.TempDir(), "khong-co.db")}, &out, &errOut); code != 2 {
		t.Errorf("exit %d for a missing file", code)
	}
	if !strings.Contains(errOut.String(), "Không tìm thấy tệp") {
		t.Errorf("stderr %q", errOut.String())
	}
}
