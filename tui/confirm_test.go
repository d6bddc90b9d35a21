package tui

import (
	"testing"
)

// presidingName is who presides in the record, or "".
func (h *harness) presidingName() string {
	rec := h.fresh()
	if m, ok := rec.Presiding(); ok {
		return m.Name
	}
	return ""
}

// TestConfirm_AnsweredByKeyOrButton answers the same question every way
// the form takes: → or ← (either moves to the other button) then enter,
// esc, k and n say no and change nothing; c says yes; enter on the button
// chosen first, «Có», says yes.
func TestConfirm_AnsweredByKeyOrButton(t *testing.T) {
	h := newHarness(t, true)
	h.press("1", "c", "c", "up") // the vice-chair, present, under the cursor
	vice := h.rec().Members[1].Name
	chair := h.presidingName()
	if chair == vice {
		t.Fatalf("%s presides before anyone was asked", vice)
	}
	ask := func() {
		t.Helper()
		h.press("p")
		h.expect(vice+" chủ trì phiên họp?", "Có", "Không")
		if h.m.dialog == nil || h.m.dialog.form == nil {
			t.Fatal("the question is not a form")
		}
	}
	for _, no := range [][]string{{"right", "enter"}, {"esc"}, {"k"}, {"n"}, {"left", "enter"}} {
		ask()
		h.press(no...)
		if h.m.dialog != nil {
			t.Fatalf("%v: the question is still open", no)
		}
		if got := h.presidingName(); got != chair {
			t.Fatalf("%v answered no, yet %s presides", no, got)
		}
	}
	ask()
	h.press("c")
	if got := h.presidingName(); got != vice {
		t.Fatalf("c answered yes, yet %s presides", got)
	}
	h.press("up", "p", "enter") // the chair again, by the button chosen first
	if got := h.presidingName(); got != chair {
		t.Fatalf("enter on «Có» answered, yet %s presides", got)
	}
}

// TestConfirm_CtrlCAsksToQuit keeps ctrl+c the program's inside a
// question: it asks before quitting, and a second ctrl+c quits.
func TestConfirm_CtrlCAsksToQuit(t *testing.T) {
	h := newHarness(t, true)
	h.press("1", "c", "up", "p")
	h.expect("chủ trì phiên họp?")
	h.press("ctrl+c")
	h.expect("Thoát chương trình?")
	if h.m.quitting {
		t.Fatal("ctrl+c quit without asking")
	}
	h.press("k")
	if h.m.dialog != nil || h.m.quitting {
		t.Fatal("no to quitting did not close the question")
	}
	h.press("p", "ctrl+c", "ctrl+c")
	if !h.m.quitting {
		t.Fatal("ctrl+c twice did not quit")
	}
}
