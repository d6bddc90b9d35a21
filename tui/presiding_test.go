package tui

import (
	"testing"
	"time"

	"hoidong/model"
)

// TestRollCall_WhoPresides shows who presides and records another member
// present when the council chooses one.
func TestRollCall_WhoPresides(t *testing.T) {
	h := newHarness(t, true)
	h.rollCall()
	chair := h.rec().Members[0]
	h.press("1")
	h.expect("Người chủ trì: " + chair.Name)
	h.press("home", "down", "p")
	h.expect("chủ trì phiên họp?")
	h.press("c")
	vice := h.rec().Members[1]
	rec := h.fresh()
	if p, ok := rec.Presiding(); !ok || p.ID != vice.ID {
		t.Fatalf("presiding = %+v, %v; want %s", p, ok, vice.Name)
	}
	h.expect("Người chủ trì: " + vice.Name)
}

// TestConclusion_ConfirmsTheDate asks the secretary which date the minutes
// carry when the meeting sits on another day than the plan set, and the
// close names the date the minutes will carry.
func TestConclusion_ConfirmsTheDate(t *testing.T) {
	h := newHarness(t, true)
	at := time.Date(2026, 11, 29, 1, 0, 0, 0, time.UTC)
	h.st.Now = func() time.Time { at = at.Add(time.Minute); return at }
	h.rollCall()
	h.press("6")
	h.expect("Phiên họp họp ngày 29/11/2026, khác ngày 15/12/2023 trong kế hoạch.", "Biên bản ghi ngày họp 29/11/2026 nếu không chọn khác")
	h.press("e")
	h.expect("Biên bản ghi ngày 29/11/2026.")
	h.press("esc", "k")
	if d := h.fresh().Meeting.MinutesDate; d != "2023-12-15" {
		t.Fatalf("minutes date = %q", d)
	}
	h.expect("Biên bản ghi ngày 15/12/2023")
	h.press("n")
	if d := h.fresh().Meeting.MinutesDate; d != "2026-11-29" {
		t.Fatalf("minutes date = %q", d)
	}
	h.press("e", "c")
	if h.fresh().Meeting.Status != model.MeetingClosed {
		t.Fatalf("meeting not closed: %q", h.m.status)
	}
}
