package tui

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"hoidong/store"
	"hoidong/synth"
)

// The frames of the secretary's screens at 200×60 on a provincial sitting
// (31 voting members, rounds of up to 500 nominees, four closed), at 500,
// 2,000 and 5,000 nominees: a frame should cost the same whatever the size
// of the meeting. Run with
//
//	go test ./tui -run x -bench Frame -benchmem
//
// The meetings are built once per size and seed by package synth and kept
// in the system's temporary folder, since building one takes seconds; each
// benchmark works on its own copy.

// scaleHarness opens a copy of the synthetic meeting of n nominees in a
// program at 200×60, its agenda shown.
func scaleHarness(b *testing.B, n int) *harness {
	b.Helper()
	src := filepath.Join(os.TempDir(), fmt.Sprintf("hoidong-bench-%d-31-4-1.db", n))
	if _, err := os.Stat(src); err != nil {
		tmp := src + ".building"
		os.Remove(tmp)
		if _, err := synth.Build(context.Background(), tmp, synth.Options{Nominees: n, Members: 31, Rounds: 4, Seed: 1}, testSecretaryCode); err != nil {
			b.Fatal(err)
		}
		if err := os.Rename(tmp, src); err != nil {
			b.Fatal(err)
		}
	}
	dir := b.TempDir()
	db := filepath.Join(dir, "hop.db")
	copyFile(b, src, db)
	st, err := store.Open(db)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	h := &harness{t: b, st: st, dir: dir}
	h.m = New(Options{Store: st, ExportDir: filepath.Join(dir, "bien-ban")})
	h.send(tea.WindowSizeMsg{Width: 200, Height: 60})
	h.run(load(context.Background(), st, 0))
	return h
}

func copyFile(b *testing.B, from, to string) {
	b.Helper()
	in, err := os.Open(from)
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		b.Fatal(err)
	}
	if err := out.Close(); err != nil {
		b.Fatal(err)
	}
}

// benchScreens are the screens measured, each reached from the agenda.
var benchScreens = []struct {
	name  string
	reach func(h *harness)
	shows string // a text the screen shows once reached
}{
	{"agenda", func(*harness) {}, "Chương trình phiên họp"},
	{"rollcall", func(h *harness) { h.press("1") }, "Điểm danh"},
	{"rounds", func(h *harness) { h.press("4") }, "Bỏ phiếu"},
	{"list", func(h *harness) { h.press("3") }, "Danh sách đối tượng"},
	{"review", func(h *harness) { h.press("3", "enter") }, "Tiêu chuẩn"},
	{"tally", func(h *harness) { h.press("5") }, "Kết quả kiểm phiếu"},
	{"preview", func(h *harness) { h.press("6", "x") }, "BIÊN BẢN"},
}

// BenchmarkFrame measures one frame (View) of each screen.
func BenchmarkFrame(b *testing.B) {
	for _, n := range []int{500, 2000, 5000} {
		for _, sc := range benchScreens {
			b.Run(fmt.Sprintf("n=%d/%s", n, sc.name), func(b *testing.B) {
				h := scaleHarness(b, n)
				sc.reach(h)
				if !strings.Contains(h.screen(), sc.shows) {
					b.Fatalf("the %s screen does not show %q:\n%s", sc.name, sc.shows, h.screen())
				}
				b.ReportAllocs()
				for b.Loop() {
					_ = h.m.View()
				}
			})
		}
	}
}

// BenchmarkKeyPress measures a key press (Update and the frame after it)
// on each screen: the cursor moving down.
func BenchmarkKeyPress(b *testing.B) {
	down := keyMsg("down")
	for _, n := range []int{500, 2000, 5000} {
		for _, sc := range benchScreens {
			b.Run(fmt.Sprintf("n=%d/%s", n, sc.name), func(b *testing.B) {
				h := scaleHarness(b, n)
				sc.reach(h)
				b.ReportAllocs()
				for b.Loop() {
					h.m.Update(down)
					_ = h.m.View()
				}
			})
		}
	}
}

// BenchmarkOpenFirstFrame measures opening the file of a sitting with four
// closed rounds and drawing the program's first frame, the agenda.
func BenchmarkOpenFirstFrame(b *testing.B) {
	for _, n := range []int{500, 2000, 5000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			h := scaleHarness(b, n)
			db := h.st.Path()
			if err := h.st.Close(); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				st, err := store.Open(db)
				if err != nil {
					b.Fatal(err)
				}
				m := New(Options{Store: st})
				m.Update(tea.WindowSizeMsg{Width: 200, Height: 60})
				m.Update(load(context.Background(), st, 0)())
				if !strings.Contains(m.View().Content, "Chương trình phiên họp") {
					b.Fatal("no agenda")
				}
				m.cancel()
				if err := st.Close(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
