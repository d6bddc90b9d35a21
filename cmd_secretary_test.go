package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"hoidong/model"
	"hoidong/store"
)

// TestSecretaryCode_SetThenChange sets the secretary code of a new meeting
// from standard input, refuses two different entries and a wrong old code
// without changing anything, and changes it with the right one.
func TestSecretaryCode_SetThenChange(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hop.db")
	if err := initDB(path, "", ""); err != nil {
		t.Fatal(err)
	}
	try := func(input string) (string, error) {
		var out, errb bytes.Buffer
		err := runSecretaryCode([]string{"--db", path}, strings.NewReader(input), &out, &errb)
		return out.String(), err
	}
	unlocks := func(code string) bool {
		st, err := store.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		k, err := st.UnlockSecretary(context.Background(), code)
		if err == nil {
			k.Forget()
		}
		return err == nil
	}
	if _, err := try("mot-hai-ba\nmot-hai-bon\n"); model.ErrorCodeOf(err) != model.EInvalid || !strings.Contains(model.Message(err), "không giống nhau") {
		t.Fatalf("two different entries: %v", err)
	}
	if _, err := try("12345\n12345\n"); model.ErrorCodeOf(err) != model.EInvalid {
		t.Fatalf("a short code: %v", err)
	}
	if out, err := try("mot-hai-ba\nmot-hai-ba\n"); err != nil || !strings.Contains(out, "Đã lưu mã thư ký") {
		t.Fatalf("set: %q, %v", out, err)
	}
	if !unlocks("mot-hai-ba") {
		t.Fatal("the code set does not unlock")
	}
	if _, err := try("sai-ma-cu\nbon-nam-sau\nbon-nam-sau\n"); err == nil {
		t.Fatal("a wrong old code changed the secretary code")
	}
	if out, err := try("mot-hai-ba\nbon-nam-sau\nbon-nam-sau\n"); err != nil || !strings.Contains(out, "Đã đổi mã thư ký") {
		t.Fatalf("change: %q, %v", out, err)
	}
	if unlocks("mot-hai-ba") || !unlocks("bon-nam-sau") {
		t.Fatal("after the change, the old code still unlocks or the new one does not")
	}
}
