package tui

import (
	"strings"
	"testing"

	"hoidong/model"
)

// TestNominated_DisclosedAndMarked shows the member the plan names as
// heading a collective, and lets the secretary mark a member who is an
// individual nominee, and take the mark back.
func TestNominated_DisclosedAndMarked(t *testing.T) {
	h := newHarness(t, true)
	h.rollCall()
	h.focus("UBND thị trấn", "GK_HUYEN")
	h.expect("Đồng chí Nguyễn Văn Mẫu An là người được đề nghị (người đứng đầu tập thể UBND")
	if strings.Contains(h.screen(), "để trống") {
		t.Fatal("the sample discloses only; nobody leaves a line blank")
	}

	n := h.focus("Đinh Thị Mẫu Ngọc", "GK_HUYEN")
	if strings.Contains(h.screen(), "là người được đề nghị") {
		t.Fatalf("a disclosure before any mark:\n%s", h.screen())
	}
	h.press("m")
	h.expect("Thành viên Hội đồng nào là cá nhân Đinh Thị Mẫu Ngọc?", "[   ] Bùi Thị Mẫu Hằng")
	if strings.Contains(h.screen(), "Ngô Thị Mẫu Hoa") {
		t.Fatal("the secretary, who does not vote, is offered")
	}
	h.press("end", "enter")
	member := h.rec().Members[7]
	rec := h.fresh()
	if cf, ok := rec.ConflictOf(member.ID, n.ID); !ok || cf.Source != model.ConflictSecretary {
		t.Fatalf("conflict = %+v, %v", cf, ok)
	}
	h.expect("› [ x ] Bùi Thị Mẫu Hằng — Ủy viên (thư ký ghi nhận)", "Đồng chí Bùi Thị Mẫu Hằng là cá nhân Đinh Thị Mẫu Ngọc: đã ghi nhận.")
	h.press("esc")
	h.expectPage(pageReview)
	h.expect("Đồng chí Bùi Thị Mẫu Hằng là người được đề nghị (cá nhân Đinh Thị Mẫu Ngọc; thư")
	// Taken back.
	h.press("m", "end", "enter", "esc")
	rec = h.fresh()
	if _, ok := rec.ConflictOf(member.ID, n.ID); ok {
		t.Fatal("the mark was not taken back")
	}
	if strings.Contains(h.screen(), "là người được đề nghị") {
		t.Fatalf("the disclosure stayed:\n%s", h.screen())
	}
}

// TestNominated_RefusedOnceOnABallot shows the store's refusal for a
// nominee already put to a vote, and changes nothing.
func TestNominated_RefusedOnceOnABallot(t *testing.T) {
	h := openSampleRound(t)
	h.leaveBooth()
	r := h.rec().Rounds[0]
	n, _ := h.rec().NomineeByID(r.Nominees[0])
	h.focus(n.Name, r.Award)
	h.press("m", "enter")
	if !h.m.statusErr || !strings.Contains(h.m.status, "đã được đưa ra bỏ phiếu (vòng 1)") {
		t.Fatalf("status = %q", h.m.status)
	}
	if rec := h.fresh(); len(rec.NominatedMembers(n.ID)) != 0 {
		t.Fatal("a member was marked on a nominee on the ballot")
	}
	h.expect("[   ] Nguyễn Văn Mẫu An")
}

// TestNominated_RecusalSaid says, under a plan that has nominated members
// recuse themselves, that the member leaves the line blank.
func TestNominated_RecusalSaid(t *testing.T) {
	p := model.SamplePlan()
	p.Meeting.Nominated = model.NominatedRecuse
	h := newHarnessPlan(t, p)
	h.focus("UBND thị trấn", "GK_HUYEN")
	h.expect("sẽ để trống dòng này khi bỏ phiếu")
}

// TestNominated_OneMemberPerIndividual refuses a second member as the same
// individual: the status says what was not recorded and why, never that it
// was, and the first mark stays alone.
func TestNominated_OneMemberPerIndividual(t *testing.T) {
	h := newHarness(t, true)
	h.rollCall()
	n := h.focus("Đinh Thị Mẫu Ngọc", "GK_HUYEN")
	h.press("m", "end", "enter", "up", "enter")
	first, second := h.rec().Members[7], h.rec().Members[6]
	want := "Chưa ghi được: đồng chí " + second.Name + " là cá nhân Đinh Thị Mẫu Ngọc. Cá nhân Đinh Thị Mẫu Ngọc đã được ghi nhận là đồng chí " + first.Name
	if !h.m.statusErr || !strings.HasPrefix(h.m.status, want) || strings.Contains(h.m.status, "đã ghi nhận.") {
		t.Fatalf("status = %q, want it to start %q", h.m.status, want)
	}
	rec := h.fresh()
	if got := rec.NominatedMembers(n.ID); len(got) != 1 || got[0].ID != first.ID {
		t.Fatalf("nominated members = %+v", got)
	}
}

// TestFailedWhat_SaysWhatWasNotRecorded reads a failed job's words.
func TestFailedWhat_SaysWhatWasNotRecorded(t *testing.T) {
	for _, c := range []struct {
		j    job
		want string
	}{
		{job{ack: "Đã mở vòng bỏ phiếu cho Giấy khen."}, "mở vòng bỏ phiếu cho Giấy khen."},
		{job{ack: "Phiên họp đã kết thúc.", what: "kết thúc phiên họp"}, "kết thúc phiên họp"},
		{job{ack: "Nguyễn Văn A: có mặt."}, "Nguyễn Văn A: có mặt."},
	} {
		if got := c.j.failedWhat(); got != c.want {
			t.Errorf("%+v: %q, want %q", c.j, got, c.want)
		}
	}
}
