package tui

import (
	"bytes"
	tea "charm.land/bubbletea/v2"
	"encoding/json"
	"fmt"
	"hoidong/export"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"hoidong/model"
	"hoidong/voting"
)

// roundFor returns the index of award code among the awards needing a
// ballot, for moving the rounds screen's cursor.
func (h *harness) roundFor(code string) int {
	h.t.Helper()
	for i, a := range h.rec().Plan.BallotAwards() {
		if a.Code == code {
			return i
		}
	}
	h.t.Fatalf("no ballot award %s", code)
	return 0
}

// selectAward moves the rounds screen's cursor to award code.
func (h *harness) selectAward(code string) {
	h.t.Helper()
	for i := h.roundFor(code); i > 0; i-- {
		h.press("down")
	}
}

// TestPaperRound_RefusesCountsThatDoNotAddUp enters paper counts through
// the screen: a mismatch is named and nothing is stored; fixed counts close
// the round with the right results.
func TestPaperRound_RefusesCountsThatDoNotAddUp(t *testing.T) {
	h := newHarness(t, true)
	h.rollCall()
	h.reviewAll()
	h.press("4")
	h.press("p")
	h.expect("phiếu giấy")
	h.press("c")
	h.expectPage(pagePaper)
	h.snap("paper-empty")
	// 7 issued, 8 returned: more returned than issued.
	h.typeText("7")
	h.press("enter")
	h.typeText("8")
	h.press("enter")
	h.typeText("8")
	h.press("enter")
	h.typeText("0")
	h.press("enter")
	for i := 0; i < 5; i++ {
		h.typeText("6")
		h.press("enter")
	}
	if !h.m.statusErr {
		t.Fatalf("counts that do not add up were not refused; status %q", h.m.status)
	}
	h.expect("Số phiếu thu về")
	h.snap("paper-refused")
	if r := h.fresh().Rounds[0]; r.Status != model.RoundOpen || r.Returned != 0 {
		t.Fatalf("refused counts were stored: %+v", r)
	}
	// The cursor is on the first figure in question, the returned ballots:
	// fix it and the valid figure, 7 returned, 7 valid.
	h.press("backspace")
	h.typeText("7")
	h.press("down", "backspace")
	h.typeText("7")
	h.press("ctrl+s")
	h.expect("Ghi số liệu kiểm phiếu vòng 1")
	h.press("c")
	h.expectPage(pageTally)
	h.showResults()
	r := h.fresh().Rounds[0]
	if r.Mode != model.RoundPaper || r.Status != model.RoundClosed || r.Issued != 7 || r.Returned != 7 || r.Valid != 7 {
		t.Fatalf("paper round = %+v", r)
	}
	for _, l := range r.Results {
		if l.Agree != 6 || !l.Pass {
			t.Fatalf("result = %+v", l)
		}
	}
	h.snap("paper-tally")
}

// tieAtQuota runs the district Giấy khen round (quota 3) with every voter
// agreeing to all six nominees, leaving a six-way tie for three places.
func tieAtQuota(t *testing.T, p model.Plan) *harness {
	t.Helper()
	h := newHarnessPlan(t, p)
	h.rollCall()
	h.reviewAll()
	h.press("4")
	h.selectAward("GK_HUYEN")
	h.press("enter", "c")
	h.expectPage(pageBooth)
	h.castAll(0)
	h.leaveBooth()
	h.press("o", "c")
	h.expectPage(pageTally)
	h.showResults()
	return h
}

// TestTie_RevoteAmongTheTied opens a re-vote among exactly the tied
// nominees, linked to the first round, and settles the places.
func TestTie_RevoteAmongTheTied(t *testing.T) {
	h := tieAtQuota(t, model.SamplePlan())
	h.expect("Hòa ở ranh giới chỉ tiêu", "r: mở vòng bỏ phiếu lại")
	h.snap("tie")
	first := h.fresh().Rounds[0]
	h.press("r")
	h.expect("Mở vòng bỏ phiếu lại giữa 6 đối tượng")
	h.press("c")
	h.expectPage(pageBooth)
	rec := h.fresh()
	revote := rec.Rounds[1]
	if revote.Parent != first.ID || len(revote.Nominees) != 6 {
		t.Fatalf("re-vote round = %+v", revote)
	}
	// Every voter disagrees with the last three on the ballot.
	for v := 0; ; v++ {
		if strings.Contains(h.screen(), "Tất cả thành viên có mặt đã bỏ phiếu") {
			break
		}
		h.press("c", "a", "down", "down", "down", "k", "k", "k", "enter", "enter")
		if v > 20 {
			t.Fatal("booth never finished")
		}
	}
	h.leaveBooth()
	h.press("o", "c")
	h.expectPage(pageTally)
	h.showResults()
	rec = h.fresh()
	var passed []int64
	for _, l := range voting.Recommended(&rec) {
		if l.Award.Code == "GK_HUYEN" {
			passed = append(append(passed, l.Collective...), l.Individual...)
		}
	}
	if len(passed) != 3 {
		t.Fatalf("recommended for GK_HUYEN: %v, want the 3 places filled", passed)
	}
	for _, id := range passed {
		if !slices.Contains(revote.Nominees[:3], id) {
			t.Fatalf("recommended %d, not among the re-vote's first three %v", id, revote.Nominees[:3])
		}
	}
	h.tallyAgreesWithTheRecord()
}

// TestTie_ChairDecides records the chair's choice among the tied, with the
// chair's name, where the plan says the chair decides.
func TestTie_ChairDecides(t *testing.T) {
	p := model.SamplePlan()
	for i := range p.Awards {
		if p.Awards[i].Code == "GK_HUYEN" {
			p.Awards[i].TieBreak = model.TieChair
		}
	}
	h := tieAtQuota(t, p)
	h.expect("c: chủ tọa quyết định")
	h.press("c")
	h.snap("choosing")
	h.press("space", "enter")
	h.expect("Cần chọn đúng 3 đối tượng (đã chọn 1)")
	h.press("esc")
	h.expectPage(pageTally)
	h.press("c", "space", "down", "space", "down", "space", "enter")
	h.typeText("Theo thành tích nổi bật hơn")
	h.press("enter")
	h.expect("Ghi quyết định của chủ tọa")
	h.press("c")
	rec := h.fresh()
	if len(rec.Decisions) != 1 {
		t.Fatalf("decisions = %+v", rec.Decisions)
	}
	d := rec.Decisions[0]
	if len(d.Chosen) != 3 || d.Chair != rec.Members[0].Name || d.Note != "Theo thành tích nổi bật hơn" {
		t.Fatalf("decision = %+v", d)
	}
	h.expect("Chủ tọa " + d.Chair + " đã quyết định")
	h.tallyAgreesWithTheRecord()
}

// tallyAgreesWithTheRecord walks the tally screen through every closed
// round and checks that each nominee's line shows the standing the JSON
// record gives it, and lists the nominees in the record's order.
func (h *harness) tallyAgreesWithTheRecord() {
	h.t.Helper()
	rec := h.fresh()
	var buf bytes.Buffer
	if err := export.JSON(&buf, &rec); err != nil {
		h.t.Fatal(err)
	}
	var doc struct {
		Rounds []struct {
			Seq     int    `json:"seq"`
			Status  string `json:"status"`
			Results []struct {
				NomineeID     int64  `json:"nominee_id"`
				StandingLabel string `json:"standing_label"`
			} `json:"results"`
		} `json:"rounds"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		h.t.Fatal(err)
	}
	h.press("esc", "5")
	h.expectPage(pageTally)
	h.send(tea.WindowSizeMsg{Width: 160, Height: 60}) // every name and line whole
	defer h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	for i := 0; i < len(doc.Rounds); i++ {
		h.press("left")
	}
	for _, r := range doc.Rounds {
		if r.Status != "closed" {
			continue
		}
		screen := h.screen()
		if !strings.Contains(screen, fmt.Sprintf("Vòng %d —", r.Seq)) {
			h.t.Fatalf("tally is not on round %d:\n%s", r.Seq, screen)
		}
		last := -1
		for _, l := range r.Results {
			n, ok := rec.NomineeByID(l.NomineeID)
			if !ok {
				h.t.Fatalf("round %d: no nominee %d", r.Seq, l.NomineeID)
			}
			at := strings.Index(screen, n.Name)
			if at < 0 {
				h.t.Fatalf("round %d: %s not on the tally screen:\n%s", r.Seq, n.Name, screen)
			}
			line := screen[at:]
			line = line[:strings.IndexByte(line, '\n')]
			if !strings.HasSuffix(strings.TrimSpace(line), l.StandingLabel) {
				h.t.Errorf("round %d, %s: the screen shows %q, the record says %q", r.Seq, n.Name, line, l.StandingLabel)
			}
			if at < last {
				h.t.Errorf("round %d: %s is listed out of the record's order", r.Seq, n.Name)
			}
			last = at
		}
		h.press("right")
	}
}

// TestCodes_OnlyTheMemberVotes issues code slips, refuses a ballot without
// the member's code, locks after three wrong tries until the secretary
// unlocks, and takes the ballot with the right code.
func TestCodes_OnlyTheMemberVotes(t *testing.T) {
	p := model.SamplePlan()
	p.Meeting.Secret = true
	h := newHarnessPlan(t, p)
	h.rollCall()
	h.press("1", "m")
	h.expect("Cấp mã bỏ phiếu")
	h.press("c")
	slips, err := os.ReadFile(filepath.Join(h.dir, "bien-ban", "phieu-ma-bo-phieu.txt"))
	if err != nil {
		t.Fatalf("code slips: %v (status %q)", err, h.m.status)
	}
	rec := h.fresh()
	first := rec.Members[0]
	code := slipCode(t, string(slips), first.Name)
	h.press("esc")
	h.reviewAll()
	h.press("4", "enter", "c")
	h.expectPage(pageBooth)

	h.press("c")
	h.expect("nhập mã bỏ phiếu")
	h.snap("code-entry")
	for try := 0; try < 3; try++ {
		h.typeText("00000000")
		h.press("enter")
	}
	h.expect("đã nhập sai mã 3 lần")
	if v := h.fresh().Rounds[0].Voters; len(v) != 0 {
		t.Fatalf("voters after wrong codes: %v", v)
	}
	h.leaveBooth()
	h.press("esc", "1")
	h.expect("BỊ KHÓA")
	for range rec.Members {
		h.press("up")
	}
	h.press("u")
	if h.fresh().Members[0].Locked {
		t.Fatal("member still locked after unlock")
	}
	h.press("esc", "4", "b")
	h.expectPage(pageBooth)
	h.press("c")
	h.typeText(code)
	h.press("enter", "a", "enter", "enter")
	h.expect("Phiếu đã được ghi nhận")
	if v := h.fresh().Rounds[0].Voters; len(v) != 1 || v[0] != first.ID {
		t.Fatalf("voters = %v", v)
	}
}

// slipCode reads a member's code from the printed slips.
func slipCode(t *testing.T, slips, name string) string {
	t.Helper()
	i := strings.Index(slips, name)
	if i < 0 {
		t.Fatalf("no slip for %s:\n%s", name, slips)
	}
	m := regexp.MustCompile(`Mã bỏ phiếu:\s+([0-9 ]+)`).FindStringSubmatch(slips[i:])
	if m == nil {
		t.Fatalf("no code on the slip of %s", name)
	}
	return strings.ReplaceAll(strings.TrimSpace(m[1]), " ", "")
}
