//go:build unix

package main

// End-to-end: a tie at the quota line settled by a re-vote, with the
// members voting at a separate booth in a second terminal while the
// secretary's program shows only progress. The district's Giấy khen has
// three places; every member agrees with all six nominees, so all six tie;
// the re-vote gives three of them every vote and the others none.

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestEndToEnd_TieRevoteWithSecondBooth(t *testing.T) {
	work, bin := tmuxBinary(t)
	db := readyMeeting(t, work, "GK_HUYEN")
	run := "exec env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen " + shellQuote(bin)
	secDir, boothDir := filepath.Join(work, "sec"), filepath.Join(work, "booth")
	for _, d := range []string{secDir, boothDir} {
		if out, err := exec.Command("mkdir", "-p", d).CombinedOutput(); err != nil {
			t.Fatalf("mkdir: %v %s", err, out)
		}
	}
	sec := startTmux(t, secDir, run+" --db "+shellQuote(db))
	booth := startTmux(t, boothDir, run+" booth --db "+shellQuote(db))
	sec.waitFor("· Chương trình phiên họp")
	booth.waitFor("PHÒNG BỎ PHIẾU KÍN", "không có vòng bỏ phiếu nào đang mở")

	openRound := func() {
		t.Helper()
		sec.press("enter")
		sec.waitFor("PHÒNG BỎ PHIẾU KÍN")
		// The members vote at the other terminal: the secretary leaves
		// the in-program booth with the secretary code.
		sec.press("secretary")
		sec.waitFor("Nhập mã thư ký để rời phòng bỏ phiếu")
		sec.typeText(attackCode)
		sec.press("enter")
		sec.waitFor("· Bỏ phiếu kín", "0/8 đã bỏ phiếu")
	}
	// vote casts every member's ballot at the separate booth; agree says
	// which rows of the ballot each agrees with.
	vote := func(rows int, agree func(row int) bool) {
		t.Helper()
		for v := 0; v < 8; v++ {
			booth.waitFor("Nếu đúng là ông/bà")
			booth.press("confirmIdentity")
			booth.waitFor(fmt.Sprintf("Đã đánh dấu 0/%d", rows))
			for r := 0; r < rows; r++ {
				if agree(r) {
					booth.send(killKeys["agree"])
				} else {
					booth.press("disagree")
				}
			}
			booth.waitFor(fmt.Sprintf("Đã đánh dấu %d/%d", rows, rows))
			booth.press("review")
			booth.waitFor("Xem lại phiếu trước khi bỏ")
			booth.press("cast")
			booth.waitFor("Phiếu đã được ghi nhận")
			sec.waitFor(fmt.Sprintf("%d/8 đã bỏ phiếu", v+1))
		}
		booth.waitFor("Tất cả thành viên có mặt đã bỏ phiếu")
	}
	closeRound := func(seq int) string {
		t.Helper()
		sec.press("closeRound")
		sec.waitFor(fmt.Sprintf("Đóng vòng %d và kiểm phiếu (8 phiếu)?", seq))
		sec.press("yes")
		sec.waitFor("· Kết quả kiểm phiếu", "để công bố kết quả")
		sec.press("enter")
		return sec.waitFor("Tỷ lệ", "Kết quả")
	}

	// Round 1: everyone agrees with all six.
	sec.send("4")
	sec.waitFor("· Bỏ phiếu kín")
	sec.press("down")
	sec.waitUntil("the district's award selected", func(s string) bool {
		_, l := selected(s)
		return strings.Contains(l, "Giấy khen của Chủ tịch UBND huyện")
	})
	sec.press("openRound")
	sec.waitFor("Mở vòng bỏ phiếu kín tại máy cho", "với 6 đối tượng?")
	sec.press("yes")
	openRound()
	booth.waitFor("Vòng 1 — Giấy khen của Chủ tịch UBND huyện")
	vote(6, func(int) bool { return true })
	s := closeRound(1)
	if n := strings.Count(s, "%  Bằng phiếu, chờ bỏ phiếu lại"); n != 6 {
		t.Fatalf("round 1 should show six nominees tied; %d do:\n%s", n, frame(s))
	}
	if !strings.Contains(flat(s), "6 đối tượng bằng phiếu cho 3 suất còn lại") {
		t.Errorf("the tally should say six tie for three places:\n%s", frame(s))
	}

	// The re-vote, among exactly the tied, for the three places left.
	sec.press("revote")
	sec.waitFor("Mở vòng bỏ phiếu lại giữa 6 đối tượng bằng phiếu, cho 3 suất còn")
	sec.press("yes")
	sec.waitFor("PHÒNG BỎ PHIẾU KÍN", "còn 3 suất")
	sec.press("secretary")
	sec.waitFor("Nhập mã thư ký để rời phòng bỏ phiếu")
	sec.typeText(attackCode)
	sec.press("enter")
	sec.waitFor("· Bỏ phiếu kín", "0/8 đã bỏ phiếu")
	booth.waitFor("Vòng 2 — Giấy khen của Chủ tịch UBND huyện (bỏ phiếu lại, còn 3 suất)")
	// A member who agrees with more than three is told so, and keeps the
	// ballot to change.
	booth.press("confirmIdentity")
	booth.waitFor("Chọn tối đa 3")
	booth.press("agreeRest", "review")
	booth.waitFor("chỉ đồng ý với tối đa 3 đối tượng")
	booth.press("unmark")
	vote(6, func(r int) bool { return r < 3 })
	s = closeRound(2)
	if won, lost := strings.Count(s, "%  Đạt"), strings.Count(s, "%  Không đạt"); won != 3 || lost != 3 {
		t.Errorf("round 2 should show three Đạt and three Không đạt:\n%s", frame(s))
	}
	// Round 1 now reads each tied nominee's final standing.
	sec.press("left")
	s = sec.waitFor("Vòng 1 — ")
	if won, lost := strings.Count(s, "%  Đạt sau bỏ phiếu lại"), strings.Count(s, "%  Không đạt sau bỏ phiếu lại"); won != 3 || lost != 3 {
		t.Errorf("round 1 should show the re-vote's outcome for each tied nominee:\n%s", frame(s))
	}
	// The conclusion lists the three.
	sec.press("back")
	sec.waitFor("· Chương trình phiên họp")
	sec.send("6")
	s = sec.waitFor("· Kết luận")
	if !strings.Contains(s, "Giấy khen của Chủ tịch UBND huyện:") {
		t.Fatalf("no district award in the conclusion:\n%s", frame(s))
	}
	at, _ := lineWith(s, "Giấy khen của Chủ tịch UBND huyện:")
	listed := 0
	for _, l := range strings.Split(s, "\n")[at+1:] {
		if strings.HasSuffix(strings.TrimSpace(l), ":") && !strings.Contains(l, "(") {
			break
		}
		if strings.Contains(l, ". ") {
			listed++
		}
	}
	if listed != 3 {
		t.Errorf("the conclusion should list three for the district's award, lists %d:\n%s", listed, frame(s))
	}
}
