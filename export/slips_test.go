package export

import (
	"strings"
	"testing"

	"hoidong/model"
)

// TestCodeSlips_OnePerMemberWithCode prints a slip for each member given a
// code, and no one else's.
func TestCodeSlips_OnePerMemberWithCode(t *testing.T) {
	rec := &model.Record{
		Plan: model.Plan{
			Council: model.Council{Name: "Hội đồng Thi đua – Khen thưởng thị trấn Như Quỳnh"},
			Meeting: model.MeetingSettings{Date: "2023-12-15"},
		},
		Members: []model.MemberRecord{
			{Member: model.Member{ID: 1, Name: "Nguyễn Văn Mẫu An", Role: model.RoleChair, Votes: true}},
			{Member: model.Member{ID: 2, Name: "Trần Thị Mẫu Bích", Role: model.RoleMember, Votes: true}},
			{Member: model.Member{ID: 3, Name: "Ngô Thị Mẫu Hoa", Role: model.RoleSecretary}},
		},
	}
	var b strings.Builder
	if err := CodeSlips(&b, rec, map[int64]string{1: "482917", 2: "100293"}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"PHIẾU MÃ BỎ PHIẾU — phiên họp ngày 15/12/2023", "Nguyễn Văn Mẫu An (Chủ tịch Hội đồng)", "4 8 2 9 1 7", "1 0 0 2 9 3"} {
		if !strings.Contains(out, want) {
			t.Errorf("slips lack %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Ngô Thị Mẫu Hoa") {
		t.Error("slip printed for a member without a code")
	}
}
