package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"hoidong/export"
)

// TestPreview_ScrollSwitchAndWrite opens the preview from the conclusion,
// scrolls the minutes, switches documents and writes them all.
func TestPreview_ScrollSwitchAndWrite(t *testing.T) {
	h := newHarness(t, true)
	h.rollCall()
	h.press("6", "x")
	h.expectPage(pagePreview)
	h.expect("Biên bản", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "dòng 1–")
	h.snap("minutes")

	s := h.m.screens[pagePreview].(*previewScreen)
	h.press("down", "down")
	if s.page.YOffset() != 2 {
		t.Fatalf("offset after two ↓ = %d, want 2", s.page.YOffset())
	}
	h.press("pgdown")
	if want := 2 + s.room(&h.m.sh); s.page.YOffset() != want {
		t.Fatalf("offset after pgdn = %d, want %d", s.page.YOffset(), want)
	}
	h.press("up")
	if want := 1 + s.room(&h.m.sh); s.page.YOffset() != want {
		t.Fatalf("offset after ↑ = %d, want %d", s.page.YOffset(), want)
	}

	// tab and → move to the next document, ← back; each starts at its top.
	h.press("tab")
	h.expect("BIÊN BẢN KIỂM PHIẾU")
	if s.docs[s.cursor].Key != export.DocCount || s.page.YOffset() != 0 {
		t.Fatalf("after tab: %s at line %d", s.docs[s.cursor].Key, s.page.YOffset())
	}
	h.press("right")
	h.expect("KẾT QUẢ BỎ PHIẾU")
	h.press("left", "left")
	if s.docs[s.cursor].Key != export.DocMinutes {
		t.Fatalf("after ← ←: %s", s.docs[s.cursor].Key)
	}
	h.press("left") // wraps round to the last document
	if s.cursor != len(s.docs)-1 {
		t.Fatalf("← from the first document went to %d", s.cursor)
	}
	h.press("tab")

	// w asks for the folder and writes every document into it.
	h.press("w")
	h.expect("Thư mục ghi biên bản và kết quả:")
	h.press("enter")
	h.expect("bản DỰ THẢO")
	h.press("c")
	docs, err := export.Select(h.rec(), export.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// The meeting is still open: every document is a draft, and says so.
	h.expect(fmt.Sprintf("Đã xuất %d tệp DỰ THẢO", len(docs)), fmt.Sprintf("Đã ghi DỰ THẢO: %d tệp", len(docs)))
	for _, d := range docs {
		if _, err := os.Stat(filepath.Join(h.dir, "bien-ban", d.Name)); err != nil {
			t.Errorf("%s not written: %v", d.Name, err)
		}
	}
	h.expectPage(pagePreview)
	h.snap("written")

	// esc goes back one level, to the conclusion it came from.
	h.press("esc")
	h.expectPage(pageConclusion)
}

// TestPreview_BadFolder reports a folder that cannot be written, and
// writes nothing.
func TestPreview_BadFolder(t *testing.T) {
	h := newHarness(t, true)
	file := filepath.Join(h.dir, "tep.txt")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	h.m.screens[pagePreview].(*previewScreen).exportDir = filepath.Join(file, "con")
	h.press("6", "x", "w")
	h.press("enter", "c")
	if !h.m.statusErr {
		t.Fatalf("status %q is not an error", h.m.status)
	}
	h.expect("thư mục")
}
