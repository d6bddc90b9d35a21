package tui

import (
	"context"
	"strings"
	"testing"

	"hoidong/model"
)

// focus opens the review of a nominee's candidacy for an award, as the
// list does.
func (h *harness) focus(name, award string) *model.NomineeRecord {
	h.t.Helper()
	for i := range h.rec().Nominees {
		n := &h.rec().Nominees[i]
		if n.Name == name {
			h.send(to(pageReview, focusMsg{nominee: n.ID, award: award}))
			h.expectPage(pageReview)
			return n
		}
	}
	h.t.Fatalf("no nominee %s", name)
	return nil
}

// toDossier puts the review's cursor on the first document of the
// dossier that the secretary marks.
func (h *harness) toDossier() {
	h.t.Helper()
	rs := h.m.screens[pageReview].(*reviewScreen)
	n, _ := rs.target(&h.m.sh)
	lay := rs.layout(&h.m.sh, n)
	if len(lay.docs) == 0 {
		h.t.Fatalf("%s has no dossier to mark for %s", n.Name, rs.award)
	}
	for rs.cursor < lay.checks+lay.criteria {
		h.press("down")
	}
}

// TestReview_DossierReceivedAndUndo marks the missing achievement report
// of Đinh Thị Mẫu Ngọc received, so that the dossier is complete, and
// undoes it; the cursor never lands on a document the program writes.
func TestReview_DossierReceivedAndUndo(t *testing.T) {
	h := newHarness(t, true)
	h.rollCall()
	n := h.focus("Đinh Thị Mẫu Ngọc", "GK_HUYEN")
	missing := func() string { r := h.fresh(); return model.DocumentLabels(r.MissingDocuments(n.ID, "GK_HUYEN")) }
	if got := missing(); got != "Báo cáo thành tích" {
		t.Fatalf("missing before = %q", got)
	}
	h.expect("Hồ sơ: còn thiếu 1 giấy tờ (Báo cáo thành tích)")
	h.toDossier()
	h.expect("Phần hồ sơ: h: đã nhận ⇄ còn thiếu", "› [ Thiếu ] Báo cáo thành tích")
	// The criteria's keys do not reach the dossier, nor the dossier's the criteria.
	h.press("d", "x")
	if len(h.m.sh.queue) != 0 || h.m.statusErr {
		t.Fatalf("d or x did something on a document: %q", h.m.status)
	}
	h.press("h")
	if got := missing(); got != "" {
		t.Fatalf("missing after h = %q", got)
	}
	h.expect("Hồ sơ: đủ", "[Đã nhận] Báo cáo thành tích", "Đinh Thị Mẫu Ngọc — Báo cáo thành tích: đã nhận.")
	// The one document to mark is the last line the cursor reaches.
	h.press("down", "down")
	h.expect("› [Đã nhận] Báo cáo thành tích")
	h.press("u")
	if got := missing(); got != "Báo cáo thành tích" {
		t.Fatalf("missing after undo = %q", got)
	}
	h.expect("đã hoàn tác «Báo cáo thành tích»", "› [ Thiếu ] Báo cáo thành tích")
	// The list says which candidacies lack a document.
	h.press("esc")
	h.expectPage(pageNominees)
	h.expect("Đinh Thị Mẫu Ngọc · thiếu hồ sơ")
	// Back on a criterion, h is not a key.
	h.send(to(pageReview, focusMsg{nominee: n.ID, award: "GK_HUYEN"}))
	h.press("home", "h")
	if got := missing(); got != "Báo cáo thành tích" || h.m.statusErr {
		t.Fatalf("h on a check changed the dossier: %q, status %q", got, h.m.status)
	}
}

// TestReview_DossierRefusedOnceClosed shows the store's refusal and
// changes nothing.
func TestReview_DossierRefusedOnceClosed(t *testing.T) {
	h := newHarness(t, true)
	h.rollCall()
	if err := h.st.CloseMeeting(context.Background()); err != nil {
		t.Fatal(err)
	}
	h.run(load(context.Background(), h.st, h.m.sh.generation))
	n := h.focus("Đinh Thị Mẫu Ngọc", "GK_HUYEN")
	h.toDossier()
	h.press("h")
	if !h.m.statusErr || !strings.Contains(h.m.status, "Phiên họp đã kết thúc") {
		t.Fatalf("status = %q", h.m.status)
	}
	if r := h.fresh(); r.DossierComplete(n.ID, "GK_HUYEN") {
		t.Fatal("a closed meeting's dossier changed")
	}
	h.expect("› [ Thiếu ] Báo cáo thành tích")
}

// TestRemarks_AddEditDelete records who said what about a nominee: a
// member present, then «ý kiến khác» with a name; changes the first, and
// deletes the second after a question naming its speaker.
func TestRemarks_AddEditDelete(t *testing.T) {
	h := newHarness(t, true)
	h.rollCall()
	n := h.focus("Đinh Thị Mẫu Ngọc", "GK_HUYEN")
	h.expect("Chưa có ý kiến phát biểu (g: thêm).")
	h.press("g")
	h.expectPage(pageRemarks)
	h.expect("Ý kiến phát biểu về Đinh Thị Mẫu Ngọc (0)", "Chưa có ý kiến phát biểu nào")
	remarks := func() []model.Remark { r := h.fresh(); m, _ := r.NomineeByID(n.ID); return m.Remarks }

	// A member present: the first on the list of speakers is the chair.
	chair := h.rec().Members[0]
	h.press("a")
	h.expect("Ai phát biểu về Đinh Thị Mẫu Ngọc?", "Đồng chí "+chair.Name, "Ý kiến khác")
	if strings.Contains(h.screen(), h.rec().Members[7].Name) {
		t.Fatal("an absent member is offered as a speaker")
	}
	h.press("enter")
	h.expect("Đồng chí " + chair.Name + " phát biểu về Đinh Thị Mẫu Ngọc:")
	h.typeText("Đề nghị bổ sung báo cáo thành tích")
	h.press("enter")
	if rs := remarks(); len(rs) != 1 || rs[0].Speaker != chair.ID || rs[0].Text != "Đề nghị bổ sung báo cáo thành tích" {
		t.Fatalf("remarks = %+v", rs)
	}
	h.expect("1. Đồng chí " + chair.Name + " phát biểu: Đề nghị bổ sung")

	// «Ý kiến khác», with the name of whoever spoke.
	h.press("a", "end", "enter")
	h.expect("Ý kiến khác: người phát biểu")
	h.typeText("Đại diện Văn phòng")
	h.press("enter")
	h.expect("Ý kiến khác (Đại diện Văn phòng) về Đinh Thị Mẫu Ngọc:")
	h.typeText("Văn phòng sẽ nhắc đơn vị")
	h.press("enter")
	rs := remarks()
	if len(rs) != 2 || rs[1].Speaker != 0 || rs[1].SpeakerName != "Đại diện Văn phòng" || rs[1].Text != "Văn phòng sẽ nhắc đơn vị" {
		t.Fatalf("remarks = %+v", rs)
	}
	h.expect("› 2. Ý kiến khác (Đại diện Văn phòng): Văn phòng sẽ nhắc đơn vị")

	// Change the first: another member, other words.
	first := rs[0].ID
	h.press("up", "enter")
	h.expect("Sửa ý kiến phát biểu về Đinh Thị Mẫu Ngọc — ai phát biểu?", "› Đồng chí "+chair.Name)
	h.press("down", "enter", "ctrl+u")
	h.typeText("Thống nhất đề nghị")
	h.press("enter")
	second := h.rec().Members[1]
	if rs := remarks(); len(rs) != 2 || rs[0].Speaker != second.ID || rs[0].Text != "Thống nhất đề nghị" || rs[0].ID != first {
		t.Fatalf("remarks after edit = %+v", rs)
	}

	// Delete the second: the question names the speaker; no keeps it.
	h.press("down", "x")
	h.expect("Xóa ý kiến khác (Đại diện Văn phòng)?", "Văn phòng sẽ nhắc đơn vị")
	h.press("k")
	if len(remarks()) != 2 {
		t.Fatal("a remark was deleted although the answer was no")
	}
	h.press("x", "c")
	if rs := remarks(); len(rs) != 1 || rs[0].Speaker != second.ID {
		t.Fatalf("remarks after delete = %+v", rs)
	}

	// Back on the review, the remark is shown under its speaker.
	h.press("esc")
	h.expectPage(pageReview)
	h.expect("Ý kiến phát biểu (1; g: xem, thêm, sửa):", "• Đồng chí "+second.Name+" phát biểu: Thống nhất đề nghị")
}

// TestRemarks_EmptyWordsRefused shows the store's refusal of a remark
// without words, and records nothing.
func TestRemarks_EmptyWordsRefused(t *testing.T) {
	h := newHarness(t, true)
	h.rollCall()
	h.press("g", "a", "enter", "enter")
	if !h.m.statusErr || !strings.Contains(h.m.status, "Nội dung ý kiến phát biểu đang để trống.") {
		t.Fatalf("status = %q", h.m.status)
	}
	if r := h.fresh(); len(r.Meeting.Remarks) != 0 {
		t.Fatalf("remarks = %+v", r.Meeting.Remarks)
	}
	h.expectPage(pageRemarks)
}

// TestRemarks_Meeting records a remark about the meeting from the agenda,
// where the meeting's older free-text discussion stays on show, read only.
func TestRemarks_Meeting(t *testing.T) {
	h := newHarness(t, true)
	ctx := context.Background()
	// A file written before remarks existed.
	if err := h.st.SetDiscussion(ctx, "Thống nhất chương trình phiên họp"); err != nil {
		t.Fatal(err)
	}
	h.rollCall()
	h.expect("Ghi chép thảo luận trước đây: Thống nhất chương trình phiên họp")
	h.press("g")
	h.expect("Ý kiến phát biểu chung của phiên họp (0)", "Ghi chép thảo luận trước đây (chỉ xem): Thống nhất")
	h.press("a", "end", "enter", "enter")
	h.typeText("Đề nghị rút ngắn thời gian họp")
	h.press("enter")
	r := h.fresh()
	if len(r.Meeting.Remarks) != 1 || r.Meeting.Remarks[0].Heading() != "Ý kiến khác" || r.Meeting.Discussion != "Thống nhất chương trình phiên họp" {
		t.Fatalf("meeting = %+v", r.Meeting)
	}
	h.press("esc")
	h.expectPage(pageOverview)
	h.expect("Ý kiến phát biểu chung (1; g: xem, thêm): Ý kiến khác: Đề nghị rút ngắn")
}

// TestRemarks_OlderNoteReadOnly keeps a nominee's free-text note from an
// older file on show on the review and the remarks screen.
func TestRemarks_OlderNoteReadOnly(t *testing.T) {
	h := newHarness(t, true)
	id := h.rec().Nominees[4].ID
	if err := h.st.SetNomineeNote(context.Background(), id, "Đơn vị đề nghị xem xét"); err != nil {
		t.Fatal(err)
	}
	h.run(load(context.Background(), h.st, h.m.sh.generation))
	n, _ := h.rec().NomineeByID(id)
	h.focus(n.Name, n.Candidacies[0].Award)
	h.expect("Ghi chép thảo luận trước đây: Đơn vị đề nghị xem xét")
	h.press("g")
	h.expect("Ghi chép thảo luận trước đây (chỉ xem): Đơn vị đề nghị xem xét")
}
