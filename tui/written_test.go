package tui

import (
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
