package store

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"hoidong/model"
)

// imported is what an import of two nominees and one member adds to
// testPlan's meeting.
func importBatch() ([]model.Nominee, []model.Member) {
	return []model.Nominee{
			{Kind: model.KindCollective, Name: "Tổ dân phố Hòa Bình", Unit: "Thị trấn", Awards: []string{"GK"}},
			{Kind: model.KindIndividual, Name: "Lý Văn Khoa", Unit: "Văn phòng", Position: "Chuyên viên",
				Awards: []string{"LDTT", "GK"}, Summary: "Hoàn thành xuất sắc", Facts: []string{"review"}},
		}, []model.Member{
			{Name: "Đinh Thị Lan", Position: "Công chức Tư pháp", Role: model.RoleMember, Votes: true},
		}
}

// fingerprint is what must not change when an import is refused: the
// record's rows and the event chain's head.
func fingerprint(t *testing.T, s *Store) string {
	t.Helper()
	rec := record(t, s)
	rep, err := s.Verify(context.Background())
	must(t, err)
	return fmt.Sprintf("%d nominees, %d members, %d events, head %s", len(rec.Nominees), len(rec.Members), rep.Events, rep.Head)
}

func TestImport_AddsAfterExistingAndVerifies(t *testing.T) {
	s := newMeeting(t)
	ctx := context.Background()
	ns, ms := importBatch()
	must(t, s.Import(ctx, ns, ms))
	rec := record(t, s)
	if len(rec.Nominees) != 6 || len(rec.Members) != 6 {
		t.Fatalf("%d nominees, %d members", len(rec.Nominees), len(rec.Members))
	}
	for i := range ns {
		n := nominee(t, rec, int64(5+i)) // the imported take the next ids
		got := n.Nominee
		got.ID = 0
		if !reflect.DeepEqual(got, ns[i]) {
			t.Fatalf("nominee %d:\n got %#v\nwant %#v", i, got, ns[i])
		}
		if len(n.Candidacies) != len(ns[i].Awards) || len(n.Checks) != 2 {
			t.Fatalf("nominee %d: candidacies %v, checks %v", i, n.Candidacies, n.Checks)
		}
	}
	if m := rec.Members[5]; m.ID != 6 || m.Name != "Đinh Thị Lan" || m.Role != model.RoleMember || !m.Votes {
		t.Fatalf("member %+v", m)
	}
	rep, err := s.Verify(ctx)
	must(t, err)
	if !rep.OK() {
		t.Fatalf("verify: %s", rep.Problem)
	}
	last := rec.Events[len(rec.Events)-1]
	if last.Kind != "import" || !strings.Contains(last.Detail, "Lý Văn Khoa") {
		t.Fatalf("last event %s: %.200s", last.Kind, last.Detail)
	}
}

func TestImport_VerifyFindsTamperedImport(t *testing.T) {
	s := newMeeting(t)
	ctx := context.Background()
	ns, ms := importBatch()
	must(t, s.Import(ctx, ns, ms))
	if _, err := s.db.ExecContext(ctx, `UPDATE nominees SET name = 'Lý Văn Khoát' WHERE id = 6`); err != nil {
		t.Fatal(err)
	}
	rep, err := s.Verify(ctx)
	must(t, err)
	if rep.OK() || !strings.Contains(rep.Problem, "Khoát") {
		t.Fatalf("verify: %q", rep.Problem)
	}
}

func TestImport_BadBatchChangesNothing(t *testing.T) {
	s := newMeeting(t)
	ctx := context.Background()
	before := fingerprint(t, s)
	err := s.Import(ctx, []model.Nominee{
		{Kind: model.KindIndividual, Name: "Lý Văn Khoa", Awards: []string{"LDTT"}},
		{Kind: model.KindCollective, Name: "Tổ dân phố Bình An", Awards: []string{"GK"}},
		{Kind: model.KindCollective, Name: "Thôn Đông", Awards: []string{"LDTT", "XYZ"}},
		{Kind: model.KindIndividual, Name: " ", Awards: []string{"GK"}, Facts: []string{"nope"}},
		{Kind: model.KindIndividual, Name: "lý văn  khoa", Awards: []string{"LDTT", "LDTT"}},
	}, []model.Member{
		{Name: "Trần Thị Bình", Role: model.RoleMember, Votes: true},
		{Name: "Phan Văn Mới", Role: model.RoleChair, Votes: true},
	})
	var ps model.Problems
	if !errorsAs(err, &ps) {
		t.Fatalf("error %v, want problems", err)
	}
	text := ps.Error()
	for _, w := range []string{
		"đối tượng thứ 2 (Tổ dân phố Bình An): đã có trong danh sách đối tượng của phiên họp (số 3)",
		"đối tượng thứ 3 (Thôn Đông): «Lao động tiên tiến» không dành cho tập thể",
		"đối tượng thứ 3 (Thôn Đông): danh hiệu mã \"XYZ\" không có trong kế hoạch; các danh hiệu, hình thức của kế hoạch: Lao động tiên tiến (LDTT), Giấy khen (GK)",
		"đối tượng thứ 4: thiếu tên tập thể hoặc họ và tên cá nhân",
		"đối tượng thứ 4: điều kiện mã \"nope\" không có trong kế hoạch",
		"đối tượng thứ 5 (lý văn  khoa): được đề nghị «Lao động tiên tiến» hai lần",
		"đối tượng thứ 5 (lý văn  khoa): trùng với đối tượng thứ 1",
		"thành viên thứ 1 (Trần Thị Bình): trùng họ và tên với một thành viên Hội đồng",
		"thành viên thứ 2 (Phan Văn Mới): Hội đồng chỉ có một chủ tịch; Nguyễn Văn An đã là chủ tịch",
	} {
		if !strings.Contains(text, w) {
			t.Errorf("problems lack %q:\n%s", w, text)
		}
	}
	if after := fingerprint(t, s); after != before {
		t.Fatalf("changed: %s -> %s", before, after)
	}
}

func TestImport_RefusedOnceVotingStarted(t *testing.T) {
	s := newMeeting(t)
	ctx := context.Background()
	ready(t, s)
	_, err := s.OpenRound(ctx, "LDTT", []int64{1, 4})
	must(t, err)
	before := fingerprint(t, s)
	ns, ms := importBatch()
	wantCode(t, s.ImportAllowed(ctx), model.EConflict)
	e := wantCode(t, s.Import(ctx, ns, ms), model.EConflict)
	if !strings.Contains(e.Message, "Đã bắt đầu bỏ phiếu") {
		t.Fatalf("message %q", e.Message)
	}
	if after := fingerprint(t, s); after != before {
		t.Fatalf("changed: %s -> %s", before, after)
	}
}

func TestImport_RefusedWhenClosed(t *testing.T) {
	s := newMeeting(t)
	ctx := context.Background()
	must(t, s.ImportAllowed(ctx))
	must(t, s.CloseMeeting(ctx))
	wantCode(t, s.ImportAllowed(ctx), model.ELocked)
	ns, ms := importBatch()
	wantCode(t, s.Import(ctx, ns, ms), model.ELocked)
	wantCode(t, s.Import(ctx, nil, nil), model.EInvalid)
}

// errorsAs is errors.As for problems.
func errorsAs(err error, ps *model.Problems) bool {
	p, ok := err.(model.Problems)
	if ok {
		*ps = p
	}
	return ok
}

// BenchmarkImport_500 imports 500 nominees into a meeting in one
// transaction, logging every row.
func BenchmarkImport_500(b *testing.B) {
	ns := make([]model.Nominee, 500)
	for i := range ns {
		ns[i] = model.Nominee{Kind: model.KindIndividual, Name: fmt.Sprintf("Nguyễn Văn Mẫu %03d", i),
			Unit: "Văn phòng", Position: "Chuyên viên", Awards: []string{"LDTT", "GK"},
			Summary: "Hoàn thành xuất sắc nhiệm vụ được giao năm 2023."}
	}
	for b.Loop() {
		b.StopTimer()
		s := newMeeting(b)
		b.StartTimer()
		if err := s.Import(context.Background(), ns, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// TestImport_LogsWhatRecordWould checks that the import's event, read
// back table by table, is the one record would write naming each row.
func TestImport_LogsWhatRecordWould(t *testing.T) {
	s := newMeeting(t)
	ctx := context.Background()
	ns, ms := importBatch()
	must(t, s.Import(ctx, ns, ms))
	rec := record(t, s)
	last := rec.Events[len(rec.Events)-1]
	want := eventDetail{Note: "imported 2 nominees, 1 members"}
	for _, r := range []rowRef{row("nominees", 5), row("candidacies", 5), row("nominees", 6), row("candidacies", 6), row("members", 6)} {
		c, err := readChange(ctx, s.db, r)
		must(t, err)
		want.Changes = append(want.Changes, c)
	}
	text, err := json.Marshal(want)
	must(t, err)
	if last.Detail != string(text) {
		t.Errorf("import logged\n%s\nwant\n%s", last.Detail, text)
	}
}
