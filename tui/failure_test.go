package tui

import (
	"os"
	"strings"
	"testing"

	"hoidong/model"
	"hoidong/store"
)

// TestWriteFailure_CursorStaysAndSaysWhat makes every write fail, as when
// the file turns read-only during the meeting: the cursor that moved on at
// the key press comes back to the line that was not recorded, the status
// line says in Vietnamese what was not recorded and why, and nothing is
// stored.
func TestWriteFailure_CursorStaysAndSaysWhat(t *testing.T) {
	h := newHarness(t, true)
	h.press("1")
	h.expectPage(pageRollCall)
	view, err := store.OpenView(h.st.Path())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { view.Close() })
	h.m.sh.st = view

	rc := h.m.screens[pageRollCall].(*rollCallScreen)
	h.press("c")
	if at := rc.list.at(); at != 0 {
		t.Fatalf("roll call: the cursor moved on to %d although the mark was not recorded", at)
	}
	if !h.m.statusErr || !strings.Contains(h.m.status, "Chưa ghi được: "+h.rec().Members[0].Name+": có mặt") {
		t.Fatalf("status = %q", h.m.status)
	}
	if strings.Contains(h.m.status, "sqlite") || strings.Contains(h.m.status, "SQL") {
		t.Fatalf("technical detail on screen: %q", h.m.status)
	}
	if a := h.fresh().Members[0].Attendance; a != model.AttendanceUnknown {
		t.Fatalf("attendance = %v", a)
	}

	// The review: a criterion is not marked and the cursor stays on it.
	h.m.sh.st = h.st
	h.rollCall()
	h.press("esc", "3", "enter")
	h.expectPage(pageReview)
	h.m.sh.st = view
	rv := h.m.screens[pageReview].(*reviewScreen)
	before := rv.cursor
	h.press("k")
	if rv.cursor != before {
		t.Fatalf("review: cursor %d → %d although the check was not recorded", before, rv.cursor)
	}
	h.expect("Chưa ghi được")
}

// TestWriteFailure_TechnicalDetailGoesToTheLog shows a failure the user did
// not cause as a Vietnamese sentence naming the log file beside the
// database, and writes the technical detail there.
func TestWriteFailure_TechnicalDetailGoesToTheLog(t *testing.T) {
	h := newHarness(t, true)
	h.press("1")
	broken, err := store.Open(h.dir + "/khac.db")
	if err != nil {
		t.Fatal(err)
	}
	broken.Close() // every call now fails inside the program, not because of the user
	h.m.sh.st = broken
	h.press("c")
	if !h.m.statusErr || !strings.Contains(h.m.status, "Chưa ghi được") || !strings.Contains(h.m.status, h.m.sh.logPath) {
		t.Fatalf("status = %q, want the log file %s named", h.m.status, h.m.sh.logPath)
	}
	if strings.Contains(h.m.status, "store is closed") {
		t.Fatalf("technical detail on screen: %q", h.m.status)
	}
	b, err := os.ReadFile(h.m.sh.logPath)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "store is closed") || !strings.Contains(string(b), "có mặt") {
		t.Fatalf("log = %q", b)
	}
}
