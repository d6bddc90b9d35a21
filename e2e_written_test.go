//go:build unix

package main

// End-to-end: the sample meeting with two members away who sent written
// ballots, the chair heading a collective proposed for the district's
// award, and a nominee whose achievement report is missing. The six
// members present vote at the in-program booth, the counting committee
// enters the two sealed envelopes at their own screen (a second envelope
// of one member is refused), the round closes with eight ballots, the
// meeting ends, and the documents written by hoidong export tell the
// truth about all three situations.

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"hoidong/model"
)

// The sample's facts this test builds on; checked against the plan first.
const (
	writtenAway1   = "Đặng Văn Mẫu Hải"
	writtenAway2   = "Bùi Thị Mẫu Hằng"
	writtenChair   = "Nguyễn Văn Mẫu An"
	writtenHeaded  = "UBND thị trấn"
	writtenMissing = "Đinh Thị Mẫu Ngọc"
	writtenReport  = "Báo cáo thành tích"
)

// checkWrittenSample fails the test unless the sample plan still has the
// chair heading a collective proposed for the district's award, the
// nominee without an achievement report, and written ballots accepted.
func checkWrittenSample(t *testing.T) {
	t.Helper()
	p := model.SamplePlan()
	headed, missing := false, false
	a, _ := p.Award(burstAward)
	for _, n := range p.Nominees {
		headed = headed || n.Name == writtenHeaded && n.CouncilMember == writtenChair && slices.Contains(n.Awards, burstAward)
		if n.Name != writtenMissing || !slices.Contains(n.Awards, burstAward) {
			continue
		}
		for i, d := range a.Documents {
			missing = missing || d.Short == writtenReport && !d.Produced && !slices.Contains(n.Received, model.DossierDoc{Award: burstAward, Doc: i})
		}
	}
	if !headed || !missing || !p.AcceptsWritten(burstAward) {
		t.Fatalf("the sample plan changed: %s heads %s %t, %s lacks the report %t, %s takes written ballots %t",
			writtenChair, writtenHeaded, headed, writtenMissing, missing, burstAward, p.AcceptsWritten(burstAward))
	}
}

func TestEndToEnd_WrittenBallotsNominatedMemberMissingReport(t *testing.T) {
	work, bin := tmuxBinary(t)
	checkWrittenSample(t)
	db := readyMeeting(t, work, burstAward, writtenAway1, writtenAway2)
	sec := startTmux(t, work, "exec env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen "+shellQuote(bin)+" --db "+shellQuote(db))
	sec.waitFor("· Chương trình phiên họp")

	// Open the district's round: the question names the chair and the two
	// written ballots it will take.
	sec.send("4")
	sec.waitFor("· Bỏ phiếu kín")
	sec.press("down")
	sec.waitUntil("the district's award selected", func(s string) bool {
		_, l := selected(s)
		return strings.Contains(l, burstAwardName)
	})
	sec.press("openRound")
	s := flat(sec.waitFor("Mở vòng bỏ phiếu kín tại máy cho"))
	for _, want := range []string{
		"Đồng chí " + writtenChair + " là người được đề nghị",
		"Vòng này nhận phiếu bằng văn bản của 2 thành viên vắng mặt",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("the open question should say %q:\n%s", want, frame(sec.last))
		}
	}
	sec.press("yes")

	// The six present vote: they agree with the third, fifth and sixth
	// lines and not with the others.
	for v := 0; v < 6; v++ {
		sec.waitFor("Nếu đúng là ông/bà")
		sec.press("confirmIdentity")
		sec.waitFor("Đã đánh dấu 0/6")
		for r := 0; r < 6; r++ {
			if r == 2 || r >= 4 {
				sec.send(killKeys["agree"])
			} else {
				sec.press("disagree")
			}
		}
		sec.waitFor("Đã đánh dấu 6/6")
		sec.press("review")
		sec.waitFor("Xem lại phiếu trước khi bỏ")
		sec.press("cast")
		sec.waitFor("Phiếu đã được ghi nhận")
	}
	sec.waitFor("Tất cả thành viên có mặt đã bỏ phiếu")
	sec.press("secretary")
	sec.waitFor("Nhập mã thư ký để rời phòng bỏ phiếu")
	sec.typeText(attackCode)
	sec.press("enter")
	sec.waitFor("6/8 đã bỏ phiếu · trong đó 0 bằng văn bản", "đã nhập 0/2")

	// The counting committee enters both envelopes: each agrees with every
	// line.
	sec.send("w")
	sec.waitFor("· Phiếu bằng văn bản", writtenAway1, writtenAway2)
	for i, who := range []string{writtenAway1, writtenAway2} {
		sec.moveTo(who)
		sec.press("enter")
		sec.waitFor("Phiếu bằng văn bản của đồng chí "+who, "Đã đánh dấu 0/6")
		sec.press("agreeRest", "review")
		sec.waitFor("Xem lại phiếu trước khi ghi")
		sec.press("cast")
		sec.waitFor("Ghi phiếu bằng văn bản của đồng chí " + who)
		sec.press("yes")
		sec.waitFor("Đã ghi phiếu bằng văn bản của đồng chí "+who, fmt.Sprintf("đã nhập %d/2", i+1))
	}
	// A second envelope from the same member is refused.
	sec.moveTo(writtenAway1)
	sec.press("enter")
	sec.waitUntil("the second envelope refused", func(s string) bool {
		return strings.Contains(flat(s), "mỗi thành viên chỉ có một phiếu")
	})
	sec.press("back")
	sec.waitFor("8/8 đã bỏ phiếu · trong đó 2 bằng văn bản")

	sec.press("closeRound")
	sec.waitFor("Đóng vòng 1 và kiểm phiếu (8 phiếu)?")
	sec.press("yes")
	sec.waitFor("· Kết quả kiểm phiếu", "để công bố kết quả")
	sec.press("enter")
	s = sec.waitFor("Tỷ lệ", "Kết quả")
	if !strings.Contains(flat(s), "Trong đó 2 phiếu bằng văn bản của thành viên vắng mặt: "+writtenAway1+", "+writtenAway2) {
		t.Errorf("the tally should name the written ballots' senders:\n%s", frame(s))
	}
	for _, row := range []struct {
		name string
		cell string
	}{
		{writtenHeaded, "2        6     8   25,00%"},
		{"Bộ phận tiếp nhận", "8        0     8  100,00%"},
		{writtenMissing, "8        0     8  100,00%"},
	} {
		if _, l := lineWith(s, row.name); !strings.Contains(l, row.cell) {
			t.Errorf("%s: want %q on its tally line, got %q", row.name, row.cell, l)
		}
	}

	// End the meeting.
	sec.press("back")
	sec.waitFor("· Chương trình phiên họp")
	sec.send("6")
	sec.waitFor("· Kết luận")
	sec.press("closeMeeting")
	sec.waitFor("Chủ tọa xác nhận danh sách đề nghị khen thưởng")
	sec.press("yes")
	sec.waitFor("[đã kết thúc]")

	out := filepath.Join(work, "bien-ban")
	if b, err := exec.Command(bin, "export", "--db", db, "--out", out, "--format", "txt").CombinedOutput(); err != nil {
		t.Fatalf("hoidong export: %v\n%s", err, b)
	}
	read := func(name string) string {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		return flat(string(b))
	}
	minutes := read("bien-ban-hop.txt")
	for _, want := range []string{
		"Đồng chí " + writtenAway1 + " và đồng chí " + writtenAway2 + " vắng mặt, gửi phiếu bằng văn bản.",
		"Số phiếu phát ra: 8 (trong đó 2 phiếu gửi bằng văn bản của đồng chí " + writtenAway1 + " và đồng chí " + writtenAway2 + ", vắng mặt); số phiếu thu về: 8.",
		"Công khai: Đồng chí " + writtenChair + " là người được đề nghị (người đứng đầu tập thể " + writtenHeaded + ").",
		"Hồ sơ: còn thiếu " + writtenReport + ".",
	} {
		if !strings.Contains(minutes, want) {
			t.Errorf("the minutes should say %q", want)
		}
	}
	count := read("bien-ban-kiem-phieu.txt")
	if !strings.Contains(count, "2 phiếu gửi bằng văn bản của đồng chí "+writtenAway1) {
		t.Errorf("the vote-count record should name the written ballots")
	}
	submission := read("to-trinh-de-nghi-khen-thuong.txt")
	if !strings.Contains(submission, writtenMissing) || !strings.Contains(submission, "hồ sơ còn thiếu: "+writtenReport) {
		t.Errorf("the tờ trình should flag %s's missing %s:\n%s", writtenMissing, writtenReport, submission)
	}
	gaps := read("bao-cao-ho-so-con-thieu.txt")
	if !strings.Contains(gaps, writtenMissing) || strings.Contains(gaps, "Không có hồ sơ nào còn thiếu") {
		t.Errorf("the report of missing documents should list %s:\n%s", writtenMissing, gaps)
	}
	// Nothing in any document says how a written ballot was marked: the
	// senders appear only beside the count of ballots.
	for _, doc := range []string{minutes, count} {
		if strings.Contains(doc, writtenAway1+" đồng ý") || strings.Contains(doc, writtenAway1+" không đồng ý") {
			t.Errorf("a document ties %s to a choice", writtenAway1)
		}
	}
}
