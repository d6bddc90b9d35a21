package tui

import (
	"strings"
	"testing"
)

// TestFitQuestion_KeepsTheButtonsOnASmallScreen shortens the question of
// opening a round until its form fits: the list of nominees first, counted
// in its "… và N đối tượng khác" line, and the last sentence stays.
func TestFitQuestion_KeepsTheButtonsOnASmallScreen(t *testing.T) {
	q := "Mở vòng bỏ phiếu kín tại máy cho Giấy khen của Chủ tịch UBND huyện với 6 đối tượng?\n\n" +
		"– UBND thị trấn\n– Các thôn, phố\n– Bộ phận tiếp nhận và trả kết quả\n– Các ban ngành đoàn thể\n– Dương Thị Mẫu Lan\n… và 1 đối tượng khác\n\n" +
		"Đồng chí Nguyễn Văn Mẫu An là người được đề nghị (người đứng đầu tập thể UBND thị trấn).\n\n" +
		"Vòng này nhận phiếu bằng văn bản của 2 thành viên vắng mặt: Đặng Văn Mẫu Hải, Bùi Thị Mẫu Hằng.\n\n" +
		"Sau khi mở, danh sách và tiêu chuẩn của các đối tượng này bị khóa."
	if got := fitQuestion(q, 64, 40); got != q {
		t.Errorf("a question that fits changed:\n%s", got)
	}
	for _, height := range []int{20, 16, 12, 8} {
		got := fitQuestion(q, 64, height)
		if h := formHeight(got, 64); h > height {
			t.Errorf("height %d: the form takes %d lines:\n%s", height, h, got)
		}
		if !strings.HasPrefix(got, "Mở vòng bỏ phiếu kín tại máy") {
			t.Errorf("height %d: the question lost its start:\n%s", height, got)
		}
		if height >= 16 && !strings.HasSuffix(got, "bị khóa.") {
			t.Errorf("height %d: the last sentence was cut before the list was:\n%s", height, got)
		}
	}
	got := fitQuestion(q, 64, 16)
	if !strings.Contains(got, "– UBND thị trấn\n– Các thôn, phố\n… và 4 đối tượng khác") {
		t.Errorf("the list should keep two names and count four more:\n%s", got)
	}
	if got := fitQuestion("Xóa?\n\n– A\n– B\n– C\n– D", 64, 7); !strings.Contains(got, "… và ") {
		t.Errorf("a list without a count line should get one:\n%s", got)
	}
}
