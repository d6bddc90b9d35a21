package tui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"hoidong/model"
)

// The sample's members 7 and 8, absent in these tests, who send written
// ballots.
const (
	writer7 = "Đặng Văn Mẫu Hải"
	writer8 = "Bùi Thị Mẫu Hằng"
)

// rollCallWritten marks members 1–6 and the secretary present, members 7
// and 8 absent, and both as sending a written ballot.
func (h *harness) rollCallWritten() {
	h.t.Helper()
	h.press("1")
	h.expectPage(pageRollCall)
	for range 6 {
		h.press("c")
	}
	for range 2 {
		h.press("v")
		h.typeText("Đi công tác")
		h.press("enter")
	}
	h.press("c", "up", "up", "g", "down", "g", "esc")
}

// member returns the member named name in the record.
func (h *harness) member(name string) model.MemberRecord {
	h.t.Helper()
	rec := h.fresh()
	for _, m := range rec.Members {
		if m.Name == name {
			return m
		}
	}
	h.t.Fatalf("no member %q", name)
	return model.MemberRecord{}
}

// expectStatus fails unless the status line holds text, as an error or not.
func (h *harness) expectStatus(text string, isErr bool) {
	h.t.Helper()
	if !strings.Contains(h.m.status, text) || h.m.statusErr != isErr {
		h.t.Fatalf("status = %q (error %t), want %q (error %t)\n%s", h.m.status, h.m.statusErr, text, isErr, h.screen())
	}
}

// TestRollCall_WrittenBallotMark marks an absent member as sending a
// written ballot and takes the mark away; a member present is refused by
// the rule the store applies, and nothing changes.
func TestRollCall_WrittenBallotMark(t *testing.T) {
	h := newHarness(t, true)
	h.rollCall() // member 8 absent
	h.press("1", "home")
	h.press("g")
	h.expectStatus("chưa được điểm danh vắng mặt", true)
	if h.member("Nguyễn Văn Mẫu An").WrittenBallot {
		t.Fatal("a member present was marked as sending a written ballot")
	}
	for range 7 {
		h.press("down")
	}
	h.press("g")
	h.expectStatus(writer8+": vắng mặt, gửi phiếu bằng văn bản.", false)
	h.expect("Vắng – gửi phiếu bằng văn bản", "Gửi phiếu bằng văn bản: 1 thành viên vắng mặt")
	if !h.member(writer8).WrittenBallot {
		t.Fatal("the mark was not stored")
	}
	h.press("g")
	h.expectStatus("bỏ đánh dấu gửi phiếu bằng văn bản", false)
	if h.member(writer8).WrittenBallot {
		t.Fatal("the mark was not taken away")
	}
	checkKeys(h, "roll call with written ballots")

	// A plan that takes no written ballot has no such key.
	p := model.SamplePlan()
	p.Meeting.WrittenBallots = false
	h2 := newHarnessPlan(t, p)
	h2.rollCall()
	h2.press("1", "end", "up", "g")
	if h2.member(writer8).WrittenBallot || strings.Contains(h2.screen(), "gửi phiếu bằng văn bản") {
		t.Fatalf("a plan without written ballots offers them:\n%s", h2.screen())
	}
}

// writtenRoundHarness takes the roll call with two written ballots, reviews
// every nominee, opens a round for the first award and casts the ballots
// of the members present.
func writtenRoundHarness(t *testing.T) *harness {
	t.Helper()
	h := newHarness(t, true)
	h.rollCallWritten()
	h.reviewAll()
	h.press("4", "enter", "c")
	h.expectPage(pageBooth)
	h.castAll(0)
	h.leaveBooth()
	return h
}

// TestWritten_EnteredThroughToTheStore enters the two written ballots of
// a round at their screen: the progress counts them, the close question
// names them while they are missing, a second ballot of a member is
// refused by the screen and by the store, nothing of a ballot stays once
// it is stored, and the round closes with them.
func TestWritten_EnteredThroughToTheStore(t *testing.T) {
	h := writtenRoundHarness(t)
	h.expect("6/8 đã bỏ phiếu · trong đó 0 bằng văn bản", "đã nhập 0/2", "w: nhập phiếu bằng văn bản")
	h.press("o")
	h.expect("Chưa nhập phiếu bằng văn bản của 2 thành viên vắng mặt", "– "+writer7, "– "+writer8)
	h.press("k")

	h.press("w")
	h.expectPage(pageWritten)
	h.expect(writer7, writer8, "Chưa nhập")
	checkKeys(h, "written ballots")
	h.snapAt("written-list")
	h.press("enter")
	h.expect("Phiếu bằng văn bản của đồng chí "+writer7, "Đã đánh dấu 0/5")
	checkKeys(h, "written ballot marking")
	h.press("k", "a")
	h.snapAt("written-marking")
	h.press("enter")
	h.expect("Đồng ý 4 · Không đồng ý 1")
	checkKeys(h, "written ballot review")
	h.snapAt("written-review")
	h.press("enter")
	h.expect("Ghi phiếu bằng văn bản của đồng chí " + writer7 + " vào vòng 1?")
	h.press("c")
	h.expectStatus("Đã ghi phiếu bằng văn bản của đồng chí "+writer7+".", false)
	s := h.m.screens[pageWritten].(*writtenScreen)
	if s.ballot != nil || s.state != writtenList || strings.Contains(h.screen(), "Không đồng ý") {
		t.Fatalf("the ballot stays after it was stored: %+v\n%s", s, h.screen())
	}
	r := h.fresh().Rounds[0]
	w7 := h.member(writer7)
	if !slices.Equal(r.Written, []int64{w7.ID}) || len(r.Voters) != 7 {
		t.Fatalf("written = %v, voters = %v", r.Written, r.Voters)
	}
	h.expect("Đã nhập", "đã nhập 1/2")

	// A second ballot of the same member: the screen refuses it.
	h.press("home", "enter")
	h.expectStatus("đã được nhập trong vòng 1", true)
	h.expectPage(pageWritten)

	// The other member's ballot reaches the record behind the screen's
	// back: the screen's snapshot still offers it, and the store refuses.
	w8 := h.member(writer8)
	choices := map[int64]bool{}
	for _, id := range r.Nominees {
		choices[id] = true
	}
	if err := h.st.CastWrittenBallot(context.Background(), r.ID, w8.ID, choices); err != nil {
		t.Fatal(err)
	}
	h.press("end", "enter", "a", "enter", "enter", "c")
	h.expectStatus("Thành viên "+writer8+" đã bỏ phiếu trong vòng 1.", true)
	if got := h.fresh().Rounds[0]; len(got.Voters) != 8 || len(got.Written) != 2 {
		t.Fatalf("after the refusal: voters %v, written %v", got.Voters, got.Written)
	}
	h.expect("đã nhập 2/2")

	// The mark cannot be taken away once a ballot is in.
	h.press("esc", "esc", "1", "end", "up", "up", "g")
	h.expectStatus("đã được nhập trong vòng 1", true)

	// The round closes with both.
	h.press("esc", "4")
	h.expect("8/8 đã bỏ phiếu · trong đó 2 bằng văn bản")
	h.press("o")
	h.expect("Đóng vòng 1 và kiểm phiếu (8 phiếu)?")
	h.press("c") // the secretary's key from leaving the booth opens the ballots
	h.showResults()
	h.expect("Phiếu phát ra 8 · thu về 8 · hợp lệ 8", "Trong đó 2 phiếu bằng văn bản")
	if got := h.fresh().Rounds[0]; got.Status != model.RoundClosed || len(got.Ballots) != 8 {
		t.Fatalf("closed round = %+v", got)
	}
}

// TestWritten_PaperEnvelopes records the envelopes of a paper round, takes
// one back, and checks the paper counts against them.
func TestWritten_PaperEnvelopes(t *testing.T) {
	h := newHarness(t, true)
	h.rollCallWritten()
	h.reviewAll()
	h.press("4", "p", "c")
	h.expectPage(pagePaper)
	h.expect("Phong bì phiếu bằng văn bản đã nhận: 0 (tính vào phát ra, thu về; w ở bước 4).")
	h.press("esc")
	h.expect("w: nhận phong bì phiếu bằng văn bản", "Phong bì phiếu bằng văn bản đã nhận: 0/2")
	h.press("w")
	h.expectPage(pageWritten)
	checkKeys(h, "envelopes")
	h.expect("Chưa nhận phong bì")
	h.press("enter")
	h.expect("Ghi nhận đã nhận phong bì phiếu bằng văn bản", "Văn Mẫu Hải trong vòng 1?")
	h.press("c")
	h.expectStatus("Phong bì phiếu bằng văn bản của đồng chí "+writer7+": đã nhận.", false)
	h.expect("Đã nhận phong bì")
	h.press("enter")
	h.expectStatus("Đã nhận phong bì phiếu bằng văn bản của đồng chí "+writer7+" trong vòng 1.", true)
	h.press("u", "c")
	if w := h.fresh().Rounds[0].Written; len(w) != 0 {
		t.Fatalf("the envelope was not taken back: %v", w)
	}
	h.press("enter", "c", "down", "enter", "c")
	if w := h.fresh().Rounds[0].Written; len(w) != 2 {
		t.Fatalf("envelopes = %v", w)
	}
	h.snapAt("written-envelopes")

	// 6 present and 2 envelopes: 9 issued is refused, 8 is taken.
	h.press("esc", "enter")
	h.expect("Phong bì phiếu bằng văn bản đã nhận: 2")
	for _, v := range []string{"9", "8", "8", "0", "8", "8", "8", "8", "8"} {
		h.typeText(v)
		h.press("enter")
	}
	h.expectStatus("Số liệu chưa khớp", true)
	h.expect("9 lớn hơn số thành viên có mặt được biểu quyết (6) cộng số phiếu bằng văn bản")
	h.press("home", "backspace")
	h.typeText("8")
	h.press("ctrl+s")
	h.expect("Ghi số liệu kiểm phiếu vòng 1")
	h.press("c")
	h.expectPage(pageTally)
	if r := h.fresh().Rounds[0]; r.Status != model.RoundClosed || r.Issued != 8 || len(r.Written) != 2 {
		t.Fatalf("paper round = %+v", r)
	}
}

// TestWritten_RecusalAppliesToTheSender leaves the sender's own line blank
// on their written ballot.
func TestWritten_RecusalAppliesToTheSender(t *testing.T) {
	p := model.SamplePlan()
	p.Meeting.Nominated = model.NominatedRecuse
	var nominee string
	for i, n := range p.Nominees {
		if n.Kind == model.KindIndividual && slices.Contains(n.Awards, p.Awards[0].Code) && len(n.Facts) == 0 {
			p.Nominees[i].CouncilMember = writer7
			nominee = n.Name
			break
		}
	}
	h := newHarnessPlan(t, p)
	h.rollCallWritten()
	h.reviewAll()
	h.press("4", "enter")
	h.expect("Đồng chí " + writer7 + " là người được đề nghị")
	h.press("c")
	h.castAll(0)
	h.leaveBooth()
	h.press("w", "enter")
	h.expect(recusedLine, "Đã đánh dấu 0/4")
	h.press("a", "enter")
	h.expect("Đồng ý 4 · Không đồng ý 0 · Để trống 1", "– "+nominee)
	h.press("enter", "c")
	h.expectStatus("Đã ghi phiếu bằng văn bản của đồng chí "+writer7+".", false)
}

// TestWritten_OpenQuestionNamesTheSenders asks to open a round after two
// members were marked as sending written ballots: the question names them
// and the key the counting committee will use; an award that takes no
// written ballot says they do not vote in it.
func TestWritten_OpenQuestionNamesTheSenders(t *testing.T) {
	h := newHarness(t, true)
	h.rollCallWritten()
	h.reviewAll()
	h.press("4", "enter")
	h.expect("Vòng này nhận phiếu bằng văn bản", "mở vòng (w)")
	a := h.rec().Plan.Awards[0]
	want := "Vòng này nhận phiếu bằng văn bản của 2 thành viên vắng mặt: " + writer7 + ", " + writer8 +
		". Ban kiểm phiếu nhập phiếu sau khi mở vòng (" + keyName(h.m.sh.keys.Rounds.WrittenBallots) + ")."
	if got := writtenRoundLine(&h.m.sh, a, false); got != want {
		t.Errorf("open question line:\n got %q\nwant %q", got, want)
	}
	if got := writtenRoundLine(&h.m.sh, a, true); !strings.Contains(got, "ghi nhận từng phong bì ("+keyName(h.m.sh.keys.Rounds.Envelopes)+")") {
		t.Errorf("paper round line %q does not name the envelopes key", got)
	}
	h.press("k")

	p := model.SamplePlan()
	no := false
	p.Awards[0].WrittenBallots = &no
	h = newHarnessPlan(t, p)
	h.rollCallWritten()
	h.reviewAll()
	h.press("4", "enter")
	h.expect("không nhận phiếu bằng văn", "không bỏ phiếu trong")
	want = p.Awards[0].Name + " không nhận phiếu bằng văn bản: " + writer7 + ", " + writer8 + " không bỏ phiếu trong vòng này."
	if got := writtenRoundLine(&h.m.sh, p.Awards[0], false); got != want {
		t.Errorf("open question line:\n got %q\nwant %q", got, want)
	}
}
