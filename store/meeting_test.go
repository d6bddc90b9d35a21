package store

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"hoidong/model"
)

// withIDs returns p with member and nominee ids filled as the store assigns
// them: 1, 2, … in plan order.
func withIDs(p model.Plan) model.Plan {
	for i := range p.Council.Members {
		p.Council.Members[i].ID = int64(i + 1)
	}
	for i := range p.Nominees {
		p.Nominees[i].ID = int64(i + 1)
	}
	return p
}

func TestCreateMeeting_RecordRoundTripsPlan(t *testing.T) {
	for name, plan := range map[string]func() model.Plan{"test": testPlan, "sample": model.SamplePlan} {
		t.Run(name, func(t *testing.T) {
			s := openTest(t)
			must(t, s.CreateMeeting(context.Background(), plan()))
			rec := record(t, s)
			want := withIDs(plan())
			model.SortNominees(want.Nominees) // the record lists them in the canonical order
			if !reflect.DeepEqual(rec.Plan, want) {
				t.Errorf("Record().Plan differs from the plan\n got %+v\nwant %+v", rec.Plan, want)
			}
			if rec.Meeting.Status != model.MeetingOpen || !rec.Meeting.StartedAt.IsZero() {
				t.Errorf("new meeting: %+v", rec.Meeting)
			}
		})
	}
}

func TestRecord_ShapeOfANewMeeting(t *testing.T) {
	s := newMeeting(t)
	rec := record(t, s)
	p := testPlan()
	if len(rec.Members) != len(p.Council.Members) {
		t.Fatalf("%d members, want %d", len(rec.Members), len(p.Council.Members))
	}
	for i, m := range rec.Members {
		if m.ID != int64(i+1) || m.Name != p.Council.Members[i].Name || m.Attendance != model.AttendanceUnknown || m.Teller {
			t.Errorf("member %d: %+v", i, m)
		}
	}
	// Collectives first, then individuals by given name: Gấm, Hải, Yến.
	var order []int64
	for _, n := range rec.Nominees {
		order = append(order, n.ID)
	}
	if !reflect.DeepEqual(order, []int64{3, 1, 2, 4}) {
		t.Errorf("nominees in the order %v, want 3 1 2 4", order)
	}
	for _, n := range rec.Nominees {
		i := int(n.ID - 1)
		pn := p.Nominees[i]
		if n.Name != pn.Name || !reflect.DeepEqual(n.Awards, pn.Awards) {
			t.Errorf("nominee %d: %+v", i, n.Nominee)
		}
		if len(n.Checks) != len(p.Eligibility) {
			t.Fatalf("nominee %d has %d checks, want %d", i, len(n.Checks), len(p.Eligibility))
		}
		for j, c := range n.Checks {
			wantApplies := false
			for _, f := range pn.Facts {
				wantApplies = wantApplies || f == c.Code
			}
			if c.Code != p.Eligibility[j].Code || c.Confirmed || c.Applies != wantApplies {
				t.Errorf("nominee %d check %d: %+v", i, j, c)
			}
		}
		if len(n.Candidacies) != len(pn.Awards) {
			t.Fatalf("nominee %d has %d candidacies, want %d", i, len(n.Candidacies), len(pn.Awards))
		}
		for j, c := range n.Candidacies {
			if c.Award != pn.Awards[j] || len(c.Marks) != len(p.CriteriaFor(pn.Kind, c.Award)) {
				t.Errorf("nominee %d candidacy %d: %+v", i, j, c)
			}
		}
	}
	if rec.Rounds != nil {
		t.Errorf("rounds %v, want none", rec.Rounds)
	}
}

func TestCreateMeeting_RefusedWhenOneExists(t *testing.T) {
	s := newMeeting(t)
	wantCode(t, s.CreateMeeting(context.Background(), testPlan()), model.EConflict)
	if n := len(record(t, s).Members); n != 5 {
		t.Errorf("%d members after the refused create, want 5", n)
	}
}

func TestCreateMeeting_DuplicateAwardRefused(t *testing.T) {
	s := openTest(t)
	p := testPlan()
	p.Nominees[1].Awards = []string{"LDTT", "LDTT"}
	e := wantCode(t, s.CreateMeeting(context.Background(), p), model.EInvalid)
	if !strings.Contains(e.Message, "Vũ Văn Hải") {
		t.Errorf("message %q does not name the nominee", e.Message)
	}
	ok, err := s.HasMeeting(context.Background())
	must(t, err)
	if ok {
		t.Error("a refused create left a meeting")
	}
}

func TestRecord_NoMeeting(t *testing.T) {
	s := openTest(t)
	ok, err := s.HasMeeting(context.Background())
	must(t, err)
	if ok {
		t.Error("HasMeeting on a new file")
	}
	_, err = s.Record(context.Background())
	wantCode(t, err, model.ENotFound)
	wantCode(t, s.SetDiscussion(context.Background(), "x"), model.ENotFound)
}

func TestReopen_GivesTheSameRecord(t *testing.T) {
	ctx := context.Background()
	s := newMeeting(t)
	ready(t, s)
	must(t, s.SetAttendance(ctx, 5, model.AttendanceAbsent, "đi công tác"))
	must(t, s.SetTellerHead(ctx, 2))
	must(t, s.SetTeller(ctx, 3, true))
	must(t, s.SetMark(ctx, 2, "LDTT", 1, model.MarkNotMet, "chưa nộp báo cáo"))
	must(t, s.SetNomineeNote(ctx, 3, "Tổ dân phố tiêu biểu"))
	must(t, s.SetDiscussion(ctx, "Hội đồng thống nhất."))
	r1, err := s.OpenRound(ctx, "LDTT", []int64{4, 1})
	must(t, err)
	for m := int64(1); m <= 4; m++ {
		must(t, s.CastBallot(ctx, r1, m, "", map[int64]bool{1: true, 4: m != 3}))
	}
	must(t, s.CloseRound(ctx, r1, testKey(t, s)))
	before := record(t, s)
	must(t, s.Close())

	s2, err := Open(s.Path())
	must(t, err)
	defer s2.Close()
	after := record(t, s2)
	if !reflect.DeepEqual(before, after) {
		t.Errorf("record changed across reopen\nbefore %+v\n after %+v", before, after)
	}
}

func TestSetAttendance(t *testing.T) {
	ctx := context.Background()
	s := newMeeting(t)
	clock := time.Date(2023, 12, 15, 8, 0, 0, 0, time.FixedZone("ICT", 7*3600))
	s.Now = func() time.Time { return clock }
	must(t, s.SetAttendance(ctx, 1, model.AttendancePresent, "bỏ qua"))
	clock = clock.Add(time.Hour)
	must(t, s.SetAttendance(ctx, 5, model.AttendanceAbsent, "  ốm  "))
	rec := record(t, s)
	if want := time.Date(2023, 12, 15, 1, 0, 0, 0, time.UTC); !rec.Meeting.StartedAt.Equal(want) || rec.Meeting.StartedAt.Location() != time.UTC {
		t.Errorf("StartedAt = %v, want %v in UTC (set by the first call only)", rec.Meeting.StartedAt, want)
	}
	if m := rec.Members[0]; m.Attendance != model.AttendancePresent || m.AbsentReason != "" {
		t.Errorf("member 1: %+v", m)
	}
	if m := rec.Members[4]; m.Attendance != model.AttendanceAbsent || m.AbsentReason != "ốm" {
		t.Errorf("member 5: %+v", m)
	}
	// Present again: the reason goes.
	must(t, s.SetAttendance(ctx, 5, model.AttendancePresent, ""))
	if m := record(t, s).Members[4]; m.Attendance != model.AttendancePresent || m.AbsentReason != "" {
		t.Errorf("member 5 after coming back: %+v", m)
	}
	wantCode(t, s.SetAttendance(ctx, 99, model.AttendancePresent, ""), model.ENotFound)
	wantCode(t, s.SetAttendance(ctx, 1, model.Attendance(7), ""), model.EInvalid)
}

func TestSetAttendance_AbsentLeavesTheCommittee(t *testing.T) {
	ctx := context.Background()
	s := newMeeting(t)
	must(t, s.SetAttendance(ctx, 2, model.AttendancePresent, ""))
	must(t, s.SetTellerHead(ctx, 2))
	must(t, s.SetAttendance(ctx, 2, model.AttendanceAbsent, "về sớm"))
	if m := record(t, s).Members[1]; m.Teller || m.TellerHead {
		t.Errorf("absent member still on the committee: %+v", m)
	}
}

func TestSetAttendance_RefusedWhileARoundIsOpen(t *testing.T) {
	ctx := context.Background()
	s := newMeeting(t)
	ready(t, s)
	_, err := s.OpenRound(ctx, "LDTT", []int64{1})
	must(t, err)
	e := wantCode(t, s.SetAttendance(ctx, 5, model.AttendancePresent, ""), model.EConflict)
	if !strings.Contains(e.Message, "Hoàng Văn Em") || !strings.Contains(e.Message, "1") {
		t.Errorf("message %q does not name the member and the round", e.Message)
	}
}

func TestSetTeller(t *testing.T) {
	ctx := context.Background()
	s := newMeeting(t)
	e := wantCode(t, s.SetTeller(ctx, 3, true), model.EConflict)
	if !strings.Contains(e.Message, "Lê Văn Cường") {
		t.Errorf("message %q does not name the member", e.Message)
	}
	must(t, s.SetAttendance(ctx, 3, model.AttendancePresent, ""))
	must(t, s.SetAttendance(ctx, 4, model.AttendancePresent, ""))
	must(t, s.SetTeller(ctx, 3, true))
	must(t, s.SetTellerHead(ctx, 4))
	rec := record(t, s)
	if !rec.Members[2].Teller || rec.Members[2].TellerHead || !rec.Members[3].Teller || !rec.Members[3].TellerHead {
		t.Errorf("committee: %+v %+v", rec.Members[2], rec.Members[3])
	}
	// Turning the head off clears the head.
	must(t, s.SetTeller(ctx, 4, false))
	if m := record(t, s).Members[3]; m.Teller || m.TellerHead {
		t.Errorf("former head: %+v", m)
	}
	// Turning a teller off is allowed for an absent member too.
	wantCode(t, s.SetTeller(ctx, 42, true), model.ENotFound)
}

func TestSetTellerHead_OnlyOneHead(t *testing.T) {
	ctx := context.Background()
	s := newMeeting(t)
	wantCode(t, s.SetTellerHead(ctx, 1), model.EConflict)
	for id := int64(1); id <= 3; id++ {
		must(t, s.SetAttendance(ctx, id, model.AttendancePresent, ""))
	}
	must(t, s.SetTellerHead(ctx, 1))
	must(t, s.SetTellerHead(ctx, 3))
	heads := 0
	for _, m := range record(t, s).Members {
		if m.TellerHead {
			heads++
			if m.ID != 3 {
				t.Errorf("head is member %d, want 3", m.ID)
			}
		}
	}
	if heads != 1 {
		t.Errorf("%d heads, want 1", heads)
	}
	if m := record(t, s).Members[0]; !m.Teller {
		t.Error("the former head left the committee")
	}
}

func TestSetCheck(t *testing.T) {
	ctx := context.Background()
	s := newMeeting(t)
	must(t, s.SetCheck(ctx, 2, "review", true))
	must(t, s.SetCheck(ctx, 2, "discipline", false))
	got := nominee(t, record(t, s), 2).Checks
	want := []model.CheckMark{{Code: "discipline", Confirmed: true}, {Code: "review", Confirmed: true, Applies: true}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("checks = %+v, want %+v", got, want)
	}
	must(t, s.SetCheck(ctx, 2, "review", false))
	if c := nominee(t, record(t, s), 2).Checks[1]; c.Applies || !c.Confirmed {
		t.Errorf("after changing: %+v", c)
	}
	wantCode(t, s.SetCheck(ctx, 2, "nope", true), model.ENotFound)
	wantCode(t, s.SetCheck(ctx, 77, "review", true), model.ENotFound)
}

func TestSetCheck_RefusedWhenFrozen(t *testing.T) {
	ctx := context.Background()
	s := newMeeting(t)
	ready(t, s)
	_, err := s.OpenRound(ctx, "LDTT", []int64{1})
	must(t, err)
	// Nominee 1 is on the ballot for LDTT: its checks are frozen for every award.
	e := wantCode(t, s.SetCheck(ctx, 1, "discipline", true), model.EConflict)
	if !strings.Contains(e.Message, "Đỗ Thị Gấm") || !strings.Contains(e.Message, "Lao động tiên tiến") {
		t.Errorf("message %q does not name the nominee and the award", e.Message)
	}
	// Nominee 4 is not on the ballot.
	must(t, s.SetCheck(ctx, 4, "discipline", false))
}

func TestSetMark(t *testing.T) {
	ctx := context.Background()
	s := newMeeting(t)
	must(t, s.SetMark(ctx, 2, "LDTT", 0, model.MarkMet, "tốt"))
	must(t, s.SetMark(ctx, 2, "LDTT", 2, model.MarkNotMet, ""))
	must(t, s.SetMark(ctx, 3, "GK", 0, model.MarkMet, ""))
	rec := record(t, s)
	want := []model.CriterionMark{{Mark: model.MarkMet, Note: "tốt"}, {}, {Mark: model.MarkNotMet}}
	if got := nominee(t, rec, 2).Candidacies[0].Marks; !reflect.DeepEqual(got, want) {
		t.Errorf("marks = %+v, want %+v", got, want)
	}
	if got := nominee(t, rec, 3).Candidacies[0].Marks; !reflect.DeepEqual(got, []model.CriterionMark{{Mark: model.MarkMet}}) {
		t.Errorf("collective marks = %+v", got)
	}
	// Clearing a mark.
	must(t, s.SetMark(ctx, 2, "LDTT", 0, model.MarkNone, ""))
	if got := nominee(t, record(t, s), 2).Candidacies[0].Marks[0]; got != (model.CriterionMark{}) {
		t.Errorf("cleared mark = %+v", got)
	}
	e := wantCode(t, s.SetMark(ctx, 2, "LDTT", 3, model.MarkMet, ""), model.EInvalid)
	if !strings.Contains(e.Message, "Vũ Văn Hải") {
		t.Errorf("message %q does not name the nominee", e.Message)
	}
	wantCode(t, s.SetMark(ctx, 2, "LDTT", -1, model.MarkMet, ""), model.EInvalid)
	wantCode(t, s.SetMark(ctx, 2, "GK", 0, model.MarkMet, ""), model.ENotFound)
	wantCode(t, s.SetMark(ctx, 2, "LDTT", 0, model.Mark(9), ""), model.EInvalid)
	wantCode(t, s.SetMark(ctx, 99, "LDTT", 0, model.MarkMet, ""), model.ENotFound)
}

func TestSetMark_RefusedWhenFrozen(t *testing.T) {
	ctx := context.Background()
	s := newMeeting(t)
	ready(t, s)
	id, err := s.OpenRound(ctx, "LDTT", []int64{1, 4})
	must(t, err)
	e := wantCode(t, s.SetMark(ctx, 1, "LDTT", 0, model.MarkNotMet, ""), model.EConflict)
	if !strings.Contains(e.Message, "Đỗ Thị Gấm") {
		t.Errorf("message %q does not name the nominee", e.Message)
	}
	// The same nominee's checklist for another award is not frozen.
	must(t, s.SetMark(ctx, 1, "GK", 0, model.MarkMet, ""))
	for m := int64(1); m <= 4; m++ {
		must(t, s.CastBallot(ctx, id, m, "", map[int64]bool{1: true, 4: true}))
	}
	must(t, s.CloseRound(ctx, id, testKey(t, s)))
	// Still frozen after the round closed.
	wantCode(t, s.SetMark(ctx, 4, "LDTT", 2, model.MarkNotMet, ""), model.EConflict)
	if got := nominee(t, record(t, s), 4).Candidacies[0].Marks[2].Mark; got != model.MarkMet {
		t.Errorf("frozen mark changed to %v", got)
	}
}

func TestNotes(t *testing.T) {
	ctx := context.Background()
	s := newMeeting(t)
	must(t, s.SetNomineeNote(ctx, 3, "Tập thể tiêu biểu"))
	must(t, s.SetDiscussion(ctx, "Ý kiến: đồng ý.\nKết luận: thông qua."))
	rec := record(t, s)
	if n := nominee(t, rec, 3); n.Note != "Tập thể tiêu biểu" || rec.Meeting.Discussion != "Ý kiến: đồng ý.\nKết luận: thông qua." {
		t.Errorf("note %q, discussion %q", n.Note, rec.Meeting.Discussion)
	}
	wantCode(t, s.SetNomineeNote(ctx, 50, "x"), model.ENotFound)
}

func TestCloseMeeting(t *testing.T) {
	ctx := context.Background()
	s := newMeeting(t)
	ready(t, s)
	round, err := s.OpenRound(ctx, "LDTT", []int64{1})
	must(t, err)
	wantCode(t, s.CloseMeeting(ctx), model.EConflict)
	for m := int64(1); m <= 4; m++ {
		must(t, s.CastBallot(ctx, round, m, "", map[int64]bool{1: true}))
	}
	must(t, s.CloseRound(ctx, round, testKey(t, s)))
	must(t, s.CloseMeeting(ctx))
	rec := record(t, s)
	if rec.Meeting.Status != model.MeetingClosed || rec.Meeting.ClosedAt.IsZero() {
		t.Errorf("meeting after close: %+v", rec.Meeting)
	}

	writes := map[string]error{
		"CreateMeeting":  s.CreateMeeting(ctx, testPlan()),
		"SetAttendance":  s.SetAttendance(ctx, 5, model.AttendancePresent, ""),
		"SetTeller":      s.SetTeller(ctx, 1, true),
		"SetTellerHead":  s.SetTellerHead(ctx, 1),
		"SetCheck":       s.SetCheck(ctx, 4, "review", true),
		"SetMark":        s.SetMark(ctx, 1, "GK", 0, model.MarkMet, ""),
		"SetNomineeNote": s.SetNomineeNote(ctx, 1, "x"),
		"SetDiscussion":  s.SetDiscussion(ctx, "x"),
		"OpenRound":      func() error { _, err := s.OpenRound(ctx, "LDTT", []int64{4}); return err }(),
		"CastBallot":     s.CastBallot(ctx, round, 1, "", map[int64]bool{1: true}),
		"CloseRound":     s.CloseRound(ctx, round, testKey(t, s)),
		"CloseMeeting":   s.CloseMeeting(ctx),
	}
	for name, err := range writes {
		if name == "CreateMeeting" {
			wantCode(t, err, model.EConflict) // the file already has a meeting
			continue
		}
		if model.ErrorCodeOf(err) != model.ELocked || model.Message(err) != "Phiên họp đã kết thúc; biên bản đã khóa, không thể thay đổi." {
			t.Errorf("%s after close: %v, want the ELocked message", name, err)
		}
	}
	if after := record(t, s); !reflect.DeepEqual(rec, after) {
		t.Error("the record changed after the meeting closed")
	}
}

func TestNominee_MatchesRecord(t *testing.T) {
	ctx := context.Background()
	s := newMeeting(t)
	ready(t, s)
	must(t, s.SetMark(ctx, 2, "LDTT", 1, model.MarkNotMet, "thiếu hồ sơ"))
	must(t, s.SetCheck(ctx, 2, "review", true))
	must(t, s.SetNomineeNote(ctx, 2, "hoãn"))
	rec := record(t, s)
	for _, want := range rec.Nominees {
		got, err := s.Nominee(ctx, want.ID)
		must(t, err)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Nominee(%d) = %+v\nRecord has %+v", want.ID, got, want)
		}
	}
	_, err := s.Nominee(ctx, 99)
	wantCode(t, err, model.ENotFound)
}

func TestUnsetCheck_ForgetsTheAnswer(t *testing.T) {
	ctx := context.Background()
	s := newMeeting(t)
	rec := record(t, s)
	code := rec.Plan.Eligibility[0].Code
	must(t, s.SetCheck(ctx, 1, code, true))
	must(t, s.UnsetCheck(ctx, 1, code))
	rec = record(t, s)
	n := nominee(t, rec, 1)
	if n.Checks[0].Confirmed {
		t.Fatalf("check still answered: %+v", n.Checks[0])
	}
	if rep, err := s.Verify(ctx); err != nil || !rep.OK() {
		t.Fatalf("verify after unset: %+v, %v", rep, err)
	}
}
