package tui

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"hoidong/model"
	"hoidong/voting"
)

// tempPath matches what is left of a test's temporary folder on screen.
var tempPath = regexp.MustCompile(`…?\S*?\d+/\d{3}/`)

// snap compares the screen with a golden file named after the step.
func (h *harness) snap(name string) {
	h.t.Helper()
	t, ok := h.t.(*testing.T)
	if !ok {
		return
	}
	t.Run(name, func(t *testing.T) {
		// The temporary folder changes from run to run; the layout does not.
		screen := strings.ReplaceAll(h.screen(), h.dir, "/TMP")
		screen = tempPath.ReplaceAllString(screen, "/TMP/")
		lines := strings.Split(screen, "\n")
		for i, l := range lines {
			lines[i] = strings.TrimRight(l, " ")
		}
		golden.RequireEqual(t, []byte(strings.Join(lines, "\n")))
	})
}

// rollCall marks members 1–7 and the secretary present and member 8 absent.
func (h *harness) rollCall() {
	h.t.Helper()
	h.press("1")
	h.expectPage(pageRollCall)
	for i := 0; i < 7; i++ {
		h.press("c")
	}
	h.press("v")
	h.typeText("Đi công tác")
	h.press("enter", "c")
	h.press("esc")
}

// reviewAll walks the whole nominee list: every check "không", every
// criterion "đạt", except the individual under review for discipline, who
// is confirmed as such.
func (h *harness) reviewAll() {
	h.t.Helper()
	h.press("3", "enter")
	h.expectPage(pageReview)
	rec := h.rec()
	total := 0
	for _, n := range rec.Nominees {
		total += len(n.Candidacies)
	}
	for i := 0; i < total; i++ {
		rs := h.m.screens[pageReview].(*reviewScreen)
		n, _ := h.rec().NomineeByID(rs.nominee)
		for j := range h.rec().Plan.Eligibility {
			if len(n.Facts) > 0 && n.Facts[0] == h.rec().Plan.Eligibility[j].Code {
				h.press("c")
			} else {
				h.press("k")
			}
		}
		for range h.rec().Plan.CriteriaFor(n.Kind, rs.award) {
			h.press("d")
		}
		h.press("]")
	}
	h.press("esc", "esc")
}

// castAll votes for every member present: agree to all, except that the
// first disagreeing voters disagree with the first nominee.
func (h *harness) castAll(disagreeing int) {
	h.t.Helper()
	for v := 0; ; v++ {
		if strings.Contains(h.screen(), "Tất cả thành viên có mặt đã bỏ phiếu") {
			return
		}
		h.expect("Mời")
		h.press("c", "a")
		if v < disagreeing {
			h.press("up", "up", "up")
			for range h.rec().Rounds[len(h.rec().Rounds)-1].Nominees {
				h.press("up")
			}
			h.press("k")
		}
		h.press("enter")
		h.expect("Xem lại phiếu")
		h.press("enter")
		if v > 40 {
			h.t.Fatal("booth never finished")
		}
	}
}

// TestMeeting_WholeMeetingThroughUpdate runs the sample meeting from roll
// call to exported minutes with key presses only, and checks the figures.
func TestMeeting_WholeMeetingThroughUpdate(t *testing.T) {
	h := newHarness(t, true)
	h.expectPage(pageOverview)
	h.snap("overview")

	h.rollCall()
	rec := h.fresh()
	if q := voting.Quorum(&rec); q.Present != 7 || q.Total != 8 || !q.Met {
		t.Fatalf("quorum = %+v", q)
	}
	if m := rec.Members[7]; m.Attendance != model.AttendanceAbsent || m.AbsentReason != "Đi công tác" {
		t.Fatalf("member 8 = %+v", m)
	}

	h.press("2", "space", "t", "down", "space", "down", "space")
	h.snap("tellers")
	h.press("esc")

	h.reviewAll()
	h.press("3")
	h.snap("nominees")
	h.press("esc")

	// Open the round for the town chairman's Giấy khen (first ballot award).
	h.press("4")
	h.snap("rounds")
	h.press("enter")
	h.snap("open-round-dialog")
	h.press("c")
	h.expectPage(pageBooth)
	h.snap("booth-calling")
	h.press("c")
	h.snap("booth-marking")
	h.press("a", "up", "up", "up", "up", "up", "up", "k", "enter")
	h.snap("booth-review")
	h.press("enter")
	h.expect("Phiếu đã được ghi nhận")
	h.castAll(1)
	h.snap("booth-done")

	h.leaveBooth()
	h.expectPage(pageRounds)
	h.expect("7/7 đã bỏ phiếu")
	h.press("o", "c")
	h.expectPage(pageTally)
	// The room sees the results only when the secretary shows them.
	h.snap("tally-hidden")
	if strings.Contains(h.screen(), "Đạt") {
		t.Fatal("the results show before the secretary shows them")
	}
	h.showResults()
	h.snap("tally")

	rec = h.fresh()
	r := rec.Rounds[0]
	if r.Status != model.RoundClosed || len(r.Voters) != 7 || len(r.Ballots) != 7 {
		t.Fatalf("round = %+v", r)
	}
	// Two voters disagreed with the first nominee; GK_TT needs more than
	// half of the members present.
	first := r.Results[0]
	if first.Agree != 5 || first.Disagree != 2 || first.Base != 7 || !first.Pass {
		t.Fatalf("first result = %+v", first)
	}
	for _, l := range r.Results[1:] {
		if l.Agree != 7 || !l.Pass {
			t.Fatalf("result = %+v", l)
		}
	}
	// The nominee under disciplinary review was deferred, not on the ballot.
	if len(r.Nominees) != 5 {
		t.Fatalf("ballot has %d nominees, want 5", len(r.Nominees))
	}

	h.press("esc", "6")
	h.snap("conclusion")
	h.press("e")
	h.press("c")
	if h.fresh().Meeting.Status != model.MeetingClosed {
		t.Fatal("meeting not closed")
	}
	h.press("x")
	h.expectPage(pagePreview)
	h.snap("preview")
	h.press("w")
	h.snap("export-prompt")
	h.press("enter")
	h.expect("Ghi 35 tệp, 9 tài liệu, bản chính thức")
	h.press("c")
	h.expect("Đã xuất")
	h.snap("exported")

	minutes, err := os.ReadFile(filepath.Join(h.dir, "bien-ban", "bien-ban-hop.txt"))
	if err != nil {
		t.Fatal(err)
	}
	// Compare on one line, ignoring case: the minutes wrap long lines.
	text := strings.ToLower(strings.Join(strings.Fields(string(minutes)), " "))
	n1, _ := rec.NomineeByID(r.Nominees[0])
	for _, want := range []string{"BIÊN BẢN", "Đi công tác", n1.Name, "71,43%", "100,00%", "Có mặt 7/8"} {
		if !strings.Contains(text, strings.ToLower(want)) {
			t.Errorf("minutes lack %q", want)
		}
	}

	// A closed meeting refuses changes, with a message and no change.
	h.press("esc", "esc", "1", "c")
	if !h.m.statusErr || !strings.Contains(h.m.status, "đã kết thúc") {
		t.Fatalf("status after change on a closed meeting: %q", h.m.status)
	}
}
