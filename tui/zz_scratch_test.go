package tui

import (
	"os"
	"os/exec"
	"testing"
)

func TestZZScratch(t *testing.T) {
	h := newHarness(t, true)
	h.rollCall()
	h.press("2", "space", "t", "down", "space", "down", "space", "esc")
	h.reviewAll()
	h.press("4", "enter", "c")
	h.castAll(2)
	h.press("ctrl+x", "c", "o", "c")
	h.press("esc", "4", "down", "enter", "c")
	h.castAll(3)
	h.press("ctrl+x", "c", "o", "c")
	h.press("esc", "6", "e", "c", "x", "enter")
	exec.Command("cp", "-r", h.dir+"/bien-ban", "/tmp/scratch-out").Run()
	exec.Command("cp", h.dir+"/hop.db", "/tmp/scratch-out/").Run()
	_ = os.Stdout
}
