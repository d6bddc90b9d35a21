package store

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"

	"hoidong/model"
)

// dossierPlan is testPlan with the Giấy khen granted by the superior level
// and asking for a dossier of three documents, one written by the program;
// the collective registers with its achievement report.
func dossierPlan() model.Plan {
	p := testPlan()
	p.Awards[1].Superior = true
	p.Awards[1].Documents = []model.Document{
		{Name: "Tờ trình đề nghị khen thưởng", Short: "Tờ trình", Produced: true},
		{Name: "Báo cáo thành tích", Short: ""},
		{Name: "Bản sao sáng kiến", Short: "Sáng kiến"},
	}
	p.Nominees[2].Received = []model.DossierDoc{{Award: "GK", Doc: 1}}
	return p
}

// dossierMeeting is a meeting of dossierPlan with every member present.
func dossierMeeting(t *testing.T) *Store {
	t.Helper()
	s := openTest(t)
	createMeeting(t, s, dossierPlan())
	for id := int64(1); id <= 5; id++ {
		must(t, s.SetAttendance(context.Background(), id, model.AttendancePresent, ""))
	}
	return s
}

func labels(docs []model.Document) string { return model.DocumentLabels(docs) }

func TestDossier_RegisteredAndMarked(t *testing.T) {
	ctx := context.Background()
	s := dossierMeeting(t)
	rec := record(t, s)
	if got := labels(rec.MissingDocuments(3, "GK")); got != "Sáng kiến" {
		t.Errorf("collective lacks %q", got)
	}
	if got := labels(rec.MissingDocuments(1, "GK")); got != "Báo cáo thành tích, Sáng kiến" {
		t.Errorf("nominee 1 lacks %q", got)
	}
	if got := nominee(t, rec, 3).Received; !slices.Equal(got, []model.DossierDoc{{Award: "GK", Doc: 1}}) {
		t.Errorf("received = %+v", got)
	}
	must(t, s.SetDocumentReceived(ctx, 1, "GK", 1, true))
	must(t, s.SetDocumentReceived(ctx, 1, "GK", 2, true))
	must(t, s.SetDocumentReceived(ctx, 1, "GK", 2, true)) // twice is once
	must(t, s.SetDocumentReceived(ctx, 3, "GK", 1, false))
	rec = record(t, s)
	if !rec.DossierComplete(1, "GK") || labels(rec.MissingDocuments(3, "GK")) != "Báo cáo thành tích, Sáng kiến" {
		t.Errorf("after marking: 1 lacks %q, 3 lacks %q", labels(rec.MissingDocuments(1, "GK")), labels(rec.MissingDocuments(3, "GK")))
	}
	one, err := s.Nominee(ctx, 1)
	must(t, err)
	if len(one.MissingDocuments(&rec.Plan, "GK")) != 0 {
		t.Error("Store.Nominee does not read the dossier")
	}
	gaps := rec.IncompleteDossiers()
	if len(gaps) != 1 || gaps[0].Nominee.ID != 3 {
		t.Errorf("gaps = %+v", gaps)
	}
	rep, err := s.Verify(ctx)
	must(t, err)
	if !rep.OK() {
		t.Fatalf("verify: %s", rep.Problem)
	}
	// The dossier can still change after the vote, but not once the
	// meeting has closed.
	must(t, s.CloseMeeting(ctx))
	wantCode(t, s.SetDocumentReceived(ctx, 3, "GK", 1, true), model.ELocked)
}

func TestDossier_Refusals(t *testing.T) {
	ctx := context.Background()
	s := dossierMeeting(t)
	for _, tc := range []struct {
		nominee int64
		award   string
		doc     int
		code    model.ErrorCode
		msg     string
	}{
		{1, "GK", 0, model.EInvalid, "«Tờ trình» do chương trình lập từ phiên họp; không cần đánh dấu đã nhận."},
		{1, "GK", 3, model.EInvalid, "Hồ sơ Giấy khen không có giấy tờ số 4 (có 3 giấy tờ)."},
		{1, "GK", -1, model.EInvalid, "Hồ sơ Giấy khen không có giấy tờ số 0 (có 3 giấy tờ)."},
		{1, "LDTT", 0, model.EInvalid, "Kế hoạch không quy định hồ sơ cho Lao động tiên tiến."},
		{2, "GK", 1, model.ENotFound, "Vũ Văn Hải không được đề nghị Giấy khen."},
		{99, "GK", 1, model.ENotFound, "Không có đối tượng đề nghị mã 99."},
	} {
		e := wantCode(t, s.SetDocumentReceived(ctx, tc.nominee, tc.award, tc.doc, true), tc.code)
		if e != nil && e.Message != tc.msg {
			t.Errorf("%d/%s/%d: %q, want %q", tc.nominee, tc.award, tc.doc, e.Message, tc.msg)
		}
	}
	// A plan whose registration names a produced document or one of an
	// award not proposed: the first is left out, the second refused.
	p := dossierPlan()
	p.Nominees[2].Received = append(p.Nominees[2].Received, model.DossierDoc{Award: "GK", Doc: 0})
	s2 := openTest(t)
	must(t, s2.CreateMeeting(ctx, p))
	if got := nominee(t, record(t, s2), 3).Received; len(got) != 1 {
		t.Errorf("received = %+v", got)
	}
	p.Nominees[0].Received = []model.DossierDoc{{Award: "LDTT", Doc: 0}}
	e := wantCode(t, openTest(t).CreateMeeting(ctx, p), model.EInvalid)
	if e != nil && !strings.Contains(e.Message, "Đối tượng thứ 1 (Đỗ Thị Gấm): Kế hoạch không quy định hồ sơ cho Lao động tiên tiến.") {
		t.Errorf("message %q", e.Message)
	}
}

func TestDossier_Imported(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	createMeeting(t, s, dossierPlan())
	must(t, s.Import(ctx, []model.Nominee{
		{Kind: model.KindCollective, Name: "Tổ dân phố Mới", Awards: []string{"GK"},
			Received: []model.DossierDoc{{Award: "GK", Doc: 1}, {Award: "GK", Doc: 2}}},
		{Kind: model.KindCollective, Name: "Tổ dân phố Cũ", Awards: []string{"GK"}},
	}, nil))
	rec := record(t, s)
	if !rec.DossierComplete(5, "GK") || rec.DossierComplete(6, "GK") {
		t.Errorf("imported dossiers: %+v / %+v", rec.Dossier(5, "GK"), rec.Dossier(6, "GK"))
	}
	rep, err := s.Verify(ctx)
	must(t, err)
	if !rep.OK() {
		t.Fatalf("verify: %s", rep.Problem)
	}
	e := wantCode(t, s.Import(ctx, []model.Nominee{{Kind: model.KindCollective, Name: "Tổ Ba", Awards: []string{"GK"},
		Received: []model.DossierDoc{{Award: "GK", Doc: 7}}}}, nil), model.EInvalid)
	if e != nil && e.Message != "Đối tượng thứ 1 (Tổ Ba): Hồ sơ Giấy khen không có giấy tờ số 8 (có 3 giấy tờ)." {
		t.Errorf("message %q", e.Message)
	}
}

func TestRemarks(t *testing.T) {
	ctx := context.Background()
	s := dossierMeeting(t)
	must(t, s.SetAttendance(ctx, 4, model.AttendanceAbsent, "Đi công tác"))
	id1, err := s.AddRemark(ctx, 1, 2, "bỏ qua", "  Đồng ý đề nghị.  ")
	must(t, err)
	id2, err := s.AddRemark(ctx, 1, 0, "Đại diện Văn phòng", "Hồ sơ đã đủ.")
	must(t, err)
	id3, err := s.AddRemark(ctx, 0, 1, "", "Đề nghị các thành viên cân nhắc kỹ.")
	must(t, err)
	id4, err := s.AddRemark(ctx, 0, 0, "", "Không có ý kiến khác.")
	must(t, err)
	rec := record(t, s)
	n := nominee(t, rec, 1)
	want := []model.Remark{
		{ID: id1, Speaker: 2, SpeakerName: "Trần Thị Bình", Text: "Đồng ý đề nghị."},
		{ID: id2, SpeakerName: "Đại diện Văn phòng", Text: "Hồ sơ đã đủ."},
	}
	if !slices.Equal(n.Remarks, want) {
		t.Errorf("nominee remarks = %+v", n.Remarks)
	}
	if len(rec.Meeting.Remarks) != 2 || rec.Meeting.Remarks[0].Heading() != "Đồng chí Nguyễn Văn An phát biểu" || rec.Meeting.Remarks[1].ID != id4 {
		t.Errorf("meeting remarks = %+v", rec.Meeting.Remarks)
	}
	if len(nominee(t, rec, 2).Remarks) != 0 {
		t.Error("a remark landed on the wrong nominee")
	}

	must(t, s.EditRemark(ctx, id2, 3, "", "Hồ sơ đã đủ, đề nghị thông qua."))
	must(t, s.DeleteRemark(ctx, id4))
	// Member 2 leaves; the remark already recorded for them can still be
	// corrected, but they cannot be named on a new one.
	must(t, s.SetAttendance(ctx, 2, model.AttendanceAbsent, "Có việc đột xuất"))
	must(t, s.EditRemark(ctx, id1, 2, "", "Đồng ý."))
	rec = record(t, s)
	if got := nominee(t, rec, 1).Remarks; len(got) != 2 || got[1].Speaker != 3 || got[1].SpeakerName != "Lê Văn Cường" || got[0].Text != "Đồng ý." {
		t.Errorf("after edit = %+v", got)
	}
	if len(rec.Meeting.Remarks) != 1 || rec.Meeting.Remarks[0].ID != id3 {
		t.Errorf("after delete = %+v", rec.Meeting.Remarks)
	}

	for _, tc := range []struct {
		err  error
		code model.ErrorCode
		msg  string
	}{
		{second(s.AddRemark(ctx, 1, 1, "", "  ")), model.EInvalid, "Nội dung ý kiến phát biểu đang để trống."},
		{second(s.AddRemark(ctx, 1, 42, "", "Ý kiến")), model.ENotFound, "Không có thành viên Hội đồng mã 42."},
		{second(s.AddRemark(ctx, 99, 1, "", "Ý kiến")), model.ENotFound, "Không có đối tượng đề nghị mã 99."},
		{second(s.AddRemark(ctx, 1, 4, "", "Ý kiến")), model.EConflict,
			"Phạm Thị Dung không có mặt tại phiên họp theo điểm danh nên không thể ghi ý kiến phát biểu; ý kiến của người không phải thành viên dự họp ghi là «ý kiến khác»."},
		{second(s.AddRemark(ctx, 1, 2, "", "Ý kiến")), model.EConflict,
			"Trần Thị Bình không có mặt tại phiên họp theo điểm danh nên không thể ghi ý kiến phát biểu; ý kiến của người không phải thành viên dự họp ghi là «ý kiến khác»."},
		{s.EditRemark(ctx, 77, 1, "", "Ý kiến"), model.ENotFound, "Không có ý kiến phát biểu mã 77."},
		{s.EditRemark(ctx, id3, 0, "", ""), model.EInvalid, "Nội dung ý kiến phát biểu đang để trống."},
		{s.DeleteRemark(ctx, id4), model.ENotFound, "Không có ý kiến phát biểu mã " + strconv.FormatInt(id4, 10) + "."},
	} {
		if e := wantCode(t, tc.err, tc.code); e != nil && e.Message != tc.msg {
			t.Errorf("%q, want %q", e.Message, tc.msg)
		}
	}

	rep, err := s.Verify(ctx)
	must(t, err)
	if !rep.OK() {
		t.Fatalf("verify: %s", rep.Problem)
	}
	must(t, s.CloseMeeting(ctx))
	wantCode(t, second(s.AddRemark(ctx, 1, 1, "", "Muộn")), model.ELocked)
	wantCode(t, s.EditRemark(ctx, id3, 1, "", "Muộn"), model.ELocked)
	wantCode(t, s.DeleteRemark(ctx, id3), model.ELocked)
}

// second returns the error of a call that also returns a value.
func second[T any](_ T, err error) error { return err }

// TestDossierRemarks_VerifyAndClosed tampers with the new tables of a
// closed meeting behind the program's back: verify names each change, and
// the file itself refuses changes while its triggers stand.
func TestDossierRemarks_VerifyAndClosed(t *testing.T) {
	ctx := context.Background()
	s := dossierMeeting(t)
	must(t, s.SetDocumentReceived(ctx, 1, "GK", 1, true))
	_, err := s.AddRemark(ctx, 1, 2, "", "Đồng ý đề nghị.")
	must(t, err)
	must(t, s.CloseMeeting(ctx))
	path := s.Path()
	must(t, s.Close())

	db := rawDB(t, copyFile(t, path))
	for _, q := range []string{
		`INSERT INTO dossier VALUES (1, 'GK', 2)`,
		`DELETE FROM dossier`,
		`UPDATE remarks SET text = 'sửa'`,
		`INSERT INTO remarks (text) VALUES ('thêm')`,
		`DELETE FROM remarks`,
	} {
		if _, err := db.Exec(q); err == nil {
			t.Errorf("a closed record accepted: %s", q)
		}
	}
	for _, tc := range []struct{ sql, want string }{
		{`INSERT INTO dossier VALUES (1, 'GK', 2)`, "Bảng dossier, đối tượng số 1 (Đỗ Thị Gấm), hồ sơ Giấy khen, giấy tờ 3: có trong tệp nhưng nhật ký không ghi"},
		{`DELETE FROM dossier WHERE nominee_id = 3`, "Bảng dossier, đối tượng số 3 (Tổ dân phố Bình An), hồ sơ Giấy khen, giấy tờ 2: nhật ký ghi có dòng này nhưng trong tệp không còn"},
		{`UPDATE remarks SET text = 'Không đồng ý.'`, `Bảng remarks, ý kiến phát biểu số 1: nội dung trong tệp là "Không đồng ý." nhưng nhật ký ghi "Đồng ý đề nghị."`},
	} {
		p := copyFile(t, path)
		db := rawDB(t, p)
		dropTriggers(t, db)
		if _, err := db.Exec(tc.sql); err != nil {
			t.Fatalf("%s: %v", tc.sql, err)
		}
		must(t, db.Close())
		rep := verifyFile(t, p)
		if !strings.Contains(rep.Problem, tc.want) {
			t.Errorf("%s: problem %q\ndoes not say %q", tc.sql, rep.Problem, tc.want)
		}
	}
}
