package tui

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	tea "charm.land/bubbletea/v2"

	"hoidong/model"
	"hoidong/store"
)

// bigHarness opens a meeting with n individual nominees on the sample plan.
func bigHarness(b *testing.B, n int) *harness {
	b.Helper()
	p := model.SamplePlan()
	for i := range n {
		p.Nominees = append(p.Nominees, model.Nominee{
			Kind:     model.KindIndividual,
			Name:     fmt.Sprintf("Nguyễn Văn Mẫu %04d", i),
			Unit:     fmt.Sprintf("Đơn vị %d", i%40),
			Position: "Công chức",
			Awards:   []string{"GK_TT"},
		})
	}
	st, err := store.Open(filepath.Join(b.TempDir(), "big.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	if err := st.CreateMeeting(context.Background(), p); err != nil {
		b.Fatal(err)
	}
	h := &harness{t: b, st: st}
	h.m = New(Options{Store: st})
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	h.run(load(context.Background(), st, 0))
	return h
}

// BenchmarkNomineeList_KeyPress5000 measures one cursor move and the redraw
// on a list of 5,000 nominees.
func BenchmarkNomineeList_KeyPress5000(b *testing.B) {
	h := bigHarness(b, 5000)
	h.press("3")
	down := keyMsg("down")
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		h.m.Update(down)
		_ = h.m.View()
	}
}

// BenchmarkSnapshot_5000 measures reading a fresh snapshot after an action,
// which runs in a command, on 5,000 nominees.
func BenchmarkSnapshot_5000(b *testing.B) {
	h := bigHarness(b, 5000)
	for b.Loop() {
		_ = snapshot(context.Background(), h.st, "", nil)
	}
}

// BenchmarkApplySnapshot_5000 measures what Update does with a fresh
// snapshot (rebuilding the lists) and the redraw, on 5,000 nominees.
func BenchmarkApplySnapshot_5000(b *testing.B) {
	h := bigHarness(b, 5000)
	h.press("3")
	msg := snapshot(context.Background(), h.st, "", nil)
	for b.Loop() {
		h.m.Update(msg)
		_ = h.m.View()
	}
}
