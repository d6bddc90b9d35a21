package tui

import (
	"slices"
	"strings"
	"testing"

	"hoidong/model"
)

// recusingPlan is the sample plan in which the chair is the first
// individual proposed for the first award, and recuses themselves.
func recusingPlan(t *testing.T) (model.Plan, string) {
	t.Helper()
	p := model.SamplePlan()
	p.Meeting.Nominated = model.NominatedRecuse
	award := p.Awards[0].Code
	for i, n := range p.Nominees {
		if n.Kind == model.KindIndividual && slices.Contains(n.Awards, award) && len(n.Facts) == 0 {
			p.Nominees[i].CouncilMember = p.Council.Members[0].Name
			return p, n.Name
		}
	}
	t.Fatal("no individual for the first award")
	return p, ""
}

// TestBooth_RecusedLineStaysBlank opens a round in which the chair is a
// nominee: the open question says so, the chair's ballot shows that line
// blank, takes no mark there, mark-all skips it, the review counts it
// apart, and the ballot is cast.
func TestBooth_RecusedLineStaysBlank(t *testing.T) {
	p, nominee := recusingPlan(t)
	chair := p.Council.Members[0].Name
	h := newHarnessPlan(t, p)
	h.rollCall()
	h.reviewAll()
	h.press("4", "enter")
	h.expect("Đồng chí "+chair+" là người được đề nghị", "để trống dòng "+nominee)
	h.press("c")
	h.expectPage(pageBooth)
	h.expect("Mời", chair)
	h.press("c")
	h.expect(recusedLine, "Đã đánh dấu 0/4")
	h.snap("booth-recused")
	r := h.fresh().Rounds[0]
	var line int
	for i, id := range r.Nominees {
		if n, _ := h.rec().NomineeByID(id); n.Name == nominee {
			line = i
		}
	}
	h.press("home")
	for range line {
		h.press("down")
	}
	h.press("d")
	h.expect("Dòng này để trống")
	h.press("a")
	h.expect("Đã đánh dấu 4/4: đồng ý 4, không đồng ý 0, để trống 1")
	h.press("enter")
	h.expect("Đồng ý 4 · Không đồng ý 0 · Để trống 1", "– "+nominee)
	h.press("enter")
	h.expect("Phiếu đã được ghi nhận")
	if v := h.fresh().Rounds[0].Voters; len(v) != 1 {
		t.Fatalf("voters = %v", v)
	}
	// The next member's ballot has no blank line.
	h.press("c")
	h.expect("Đã đánh dấu 0/5")
	if strings.Contains(h.screen(), recusedLine) {
		t.Fatalf("a member who is not nominated has a blank line:\n%s", h.screen())
	}
}
