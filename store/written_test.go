package store

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"

	"hoidong/model"
	"hoidong/voting"
)

// writtenPlan is testPlan with written ballots for the meeting and two more
// voting members, 6 (Đinh Văn Phong) and 7 (Bùi Thị Quế), who will be
// absent and send written ballots: 6 voting members in all.
func writtenPlan(policy model.NominatedPolicy) model.Plan {
	p := testPlan()
	p.Meeting.WrittenBallots = true
	p.Meeting.Nominated = policy
	p.Council.Members = append(p.Council.Members,
		model.Member{Name: "Đinh Văn Phong", Position: "Trưởng Công an", Role: model.RoleMember, Votes: true},
		model.Member{Name: "Bùi Thị Quế", Position: "Bí thư Đoàn", Role: model.RoleMember, Votes: true})
	return p
}

// writtenMeeting holds a meeting under writtenPlan(policy) with members
// 1–4 present, 6 and 7 absent and marked as sending a written ballot, and
// nominees 1 and 4 ready for LDTT.
func writtenMeeting(t *testing.T, policy model.NominatedPolicy) *Store {
	t.Helper()
	ctx := context.Background()
	s := openTest(t)
	createMeeting(t, s, writtenPlan(policy))
	ready(t, s)
	for _, id := range []int64{6, 7} {
		must(t, s.SetAttendance(ctx, id, model.AttendanceAbsent, "công tác"))
		must(t, s.SetWrittenBallot(ctx, id, true))
	}
	return s
}

// wantMessageIn checks that err is a user error with code whose message
// contains every part.
func wantMessageIn(t *testing.T, err error, code model.ErrorCode, parts ...string) {
	t.Helper()
	e := wantCode(t, err, code)
	for _, p := range parts {
		if !strings.Contains(e.Message, p) {
			t.Errorf("message %q lacks %q", e.Message, p)
		}
	}
}

func TestWrittenBallot_CastCountedAndSealed(t *testing.T) {
	ctx := context.Background()
	s := writtenMeeting(t, model.NominatedDisclose)
	id, err := s.OpenRound(ctx, "LDTT", []int64{1, 4})
	must(t, err)
	rec := record(t, s)
	r := rec.Rounds[0]
	if got := rec.PendingWritten(r); len(got) != 2 || got[0].ID != 6 || got[1].ID != 7 {
		t.Fatalf("PendingWritten = %v", got)
	}
	if n := rec.ExpectedBallots(r); n != 6 {
		t.Errorf("ExpectedBallots = %d, want 6", n)
	}
	for m := int64(1); m <= 4; m++ {
		must(t, s.CastBallot(ctx, id, m, "", map[int64]bool{1: true, 4: m <= 2}))
	}
	must(t, s.CastWrittenBallot(ctx, id, 6, map[int64]bool{1: true, 4: true}))
	// Before close the written ballot is sealed like the others, and the
	// event says nothing of the member.
	if n := tableCount(t, s.db, "sealed_ballots"); n != 5 {
		t.Errorf("%d sealed ballots, want 5", n)
	}
	rec = record(t, s)
	last := rec.Events[len(rec.Events)-1]
	if last.Kind != "ballot.cast" || strings.Contains(last.Detail, "member") || strings.Contains(last.Detail, `"6"`) {
		t.Errorf("cast event %s %s", last.Kind, last.Detail)
	}
	if got := rec.PendingWritten(rec.Rounds[0]); len(got) != 1 || got[0].ID != 7 {
		t.Errorf("PendingWritten after one = %v", got)
	}
	must(t, s.CastWrittenBallot(ctx, id, 7, map[int64]bool{1: false, 4: true}))
	must(t, s.CloseRound(ctx, id, testKey(t, s)))
	rec = record(t, s)
	r = rec.Rounds[0]
	if !slices.Equal(r.Voters, []int64{1, 2, 3, 4, 6, 7}) || !slices.Equal(r.Written, []int64{6, 7}) || len(r.Ballots) != 6 {
		t.Fatalf("round %+v", r)
	}
	// LDTT: ≥ 70% of the 6 voting members, written ballots counted as votes.
	want := []model.ResultLine{
		{NomineeID: 1, Agree: 5, Disagree: 1, Base: 6, Pass: true},
		{NomineeID: 4, Agree: 4, Disagree: 2, Base: 6, Pass: false},
	}
	if !reflect.DeepEqual(r.Results, want) {
		t.Errorf("results %+v, want %+v", r.Results, want)
	}
	if names := rec.WrittenSenders(r); len(names) != 2 || names[0].Name != "Đinh Văn Phong" {
		t.Errorf("WrittenSenders = %v", names)
	}
	verifyOK(t, s)
	counts, err := s.Recount(ctx)
	must(t, err)
	if !reflect.DeepEqual(counts[id], r.Results) {
		t.Errorf("recount %+v", counts[id])
	}
	// The seal of the close lists the written voters.
	if !strings.Contains(rec.Events[len(rec.Events)-1].Detail, `"written":[6,7]`) {
		t.Errorf("close event %s", rec.Events[len(rec.Events)-1].Detail)
	}
}

func TestWrittenBallot_Refusals(t *testing.T) {
	ctx := context.Background()
	s := writtenMeeting(t, model.NominatedDisclose)
	id, err := s.OpenRound(ctx, "LDTT", []int64{1, 4})
	must(t, err)
	both := map[int64]bool{1: true, 4: true}
	must(t, s.CastWrittenBallot(ctx, id, 6, both))
	must(t, s.CastBallot(ctx, id, 1, "", both))

	wantMessageIn(t, s.CastWrittenBallot(ctx, id, 6, both), model.EConflict, "Đinh Văn Phong đã bỏ phiếu trong vòng 1")
	wantMessageIn(t, s.CastBallot(ctx, id, 6, "", both), model.EConflict, "không có mặt")
	wantMessageIn(t, s.CastWrittenBallot(ctx, id, 2, both), model.EConflict, "Trần Thị Bình có mặt", "không gửi phiếu bằng văn bản")
	wantMessageIn(t, s.CastWrittenBallot(ctx, id, 5, both), model.EConflict, "không có quyền biểu quyết")
	wantMessageIn(t, s.CastWrittenBallot(ctx, id, 7, map[int64]bool{1: true}), model.EInvalid, "còn 1 đối tượng chưa đánh dấu")

	// The database itself refuses a second ballot of the member, written
	// or at the booth, and a written ballot of a member not marked.
	for _, q := range []string{
		`INSERT INTO participation (round_id, member_id) VALUES (?, 6)`,
		`INSERT INTO participation (round_id, member_id, written) VALUES (?, 6, 1)`,
		`INSERT INTO participation (round_id, member_id, written) VALUES (?, 1, 1)`,
		`INSERT INTO participation (round_id, member_id, written) VALUES (?, 3, 1)`,
	} {
		if _, err := s.db.Exec(q, id); err == nil {
			t.Errorf("the database took %s", q)
		}
	}

	// A member not marked as sending one.
	must(t, s.SetWrittenBallot(ctx, 7, false))
	wantMessageIn(t, s.CastWrittenBallot(ctx, id, 7, both), model.EConflict, "chưa được đánh dấu gửi phiếu bằng văn bản")
	// Taking the mark away once a round holds the written ballot.
	wantMessageIn(t, s.SetWrittenBallot(ctx, 6, false), model.EConflict, "đã được nhập trong vòng 1")
	// Marking a present member, or one without a vote.
	wantMessageIn(t, s.SetWrittenBallot(ctx, 2, true), model.EConflict, "chưa được điểm danh vắng mặt")
	wantMessageIn(t, s.SetWrittenBallot(ctx, 5, true), model.EConflict, "không có quyền biểu quyết")
}

func TestWrittenBallot_AwardThatRefusesThem(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	p := writtenPlan(model.NominatedDisclose)
	p.Awards[0].WrittenBallots = new(bool)
	createMeeting(t, s, p)
	ready(t, s)
	must(t, s.SetAttendance(ctx, 6, model.AttendanceAbsent, ""))
	// No award of the plan takes written ballots now.
	wantMessageIn(t, s.SetWrittenBallot(ctx, 6, true), model.EConflict, "Kế hoạch không nhận phiếu bằng văn bản")
	// Marked anyway behind the program's back, the round still refuses.
	_, err := s.db.Exec(`UPDATE members SET written_ballot = 1 WHERE id = 6`)
	must(t, err)
	id, err := s.OpenRound(ctx, "LDTT", []int64{1, 4})
	must(t, err)
	wantMessageIn(t, s.CastWrittenBallot(ctx, id, 6, map[int64]bool{1: true, 4: true}), model.EConflict,
		"Lao động tiên tiến không nhận phiếu bằng văn bản")
	// And the database refuses to mark a present member.
	if _, err := s.db.Exec(`UPDATE members SET written_ballot = 1 WHERE id = 2`); err == nil {
		t.Error("the database marked a present member")
	}
}

func TestWrittenBallot_PresentClearsTheMark(t *testing.T) {
	ctx := context.Background()
	s := writtenMeeting(t, model.NominatedDisclose)
	must(t, s.SetAttendance(ctx, 7, model.AttendancePresent, ""))
	rec := record(t, s)
	if m, _ := rec.MemberByID(7); m.WrittenBallot {
		t.Error("a member present still sends a written ballot")
	}
	if got := rec.WrittenMembers(); len(got) != 1 || got[0].ID != 6 {
		t.Errorf("WrittenMembers = %v", got)
	}
	verifyOK(t, s)
}

func TestWrittenBallot_PaperEnvelopes(t *testing.T) {
	ctx := context.Background()
	s := writtenMeeting(t, model.NominatedDisclose)
	id, err := s.OpenPaperRound(ctx, "LDTT", []int64{1, 4})
	must(t, err)
	wantMessageIn(t, s.CastWrittenBallot(ctx, id, 6, map[int64]bool{1: true, 4: true}), model.EConflict, "vòng bỏ phiếu giấy")
	must(t, s.ReceiveWrittenEnvelope(ctx, id, 6))
	must(t, s.ReceiveWrittenEnvelope(ctx, id, 7))
	wantMessageIn(t, s.ReceiveWrittenEnvelope(ctx, id, 7), model.EConflict, "Đã nhận phong bì phiếu bằng văn bản của Bùi Thị Quế")
	wantMessageIn(t, s.ReceiveWrittenEnvelope(ctx, id, 2), model.EConflict, "có mặt")
	must(t, s.UndoWrittenEnvelope(ctx, id, 7))
	wantCode(t, s.UndoWrittenEnvelope(ctx, id, 7), model.ENotFound)
	must(t, s.ReceiveWrittenEnvelope(ctx, id, 7))
	if r := record(t, s).Rounds[0]; !slices.Equal(r.Written, []int64{6, 7}) {
		t.Errorf("envelopes %v", r.Written)
	}

	// 4 present and 2 envelopes: at most 6 issued, at least 2 returned.
	tooMany := voting.PaperCounts{Issued: 7, Returned: 6, Valid: 6, Agree: map[int64]int{1: 5, 4: 2}}
	err = s.EnterPaperCounts(ctx, id, tooMany)
	if err == nil || !strings.Contains(err.Error(), "7 lớn hơn số thành viên có mặt được biểu quyết (4) cộng số phiếu bằng văn bản đã nhận (2), tức 6") {
		t.Errorf("too many issued: %v", err)
	}
	tooFew := voting.PaperCounts{Issued: 3, Returned: 1, Valid: 1, Agree: map[int64]int{1: 1, 4: 0}}
	if err := s.EnterPaperCounts(ctx, id, tooFew); err == nil || !strings.Contains(err.Error(), "1 nhỏ hơn số phiếu bằng văn bản đã nhận (2)") {
		t.Errorf("fewer returned than envelopes: %v", err)
	}
	must(t, s.EnterPaperCounts(ctx, id, voting.PaperCounts{Issued: 6, Returned: 6, Valid: 6, Agree: map[int64]int{1: 5, 4: 4}}))
	r := record(t, s).Rounds[0]
	want := []model.ResultLine{
		{NomineeID: 1, Agree: 5, Disagree: 1, Base: 6, Pass: true},
		{NomineeID: 4, Agree: 4, Disagree: 2, Base: 6, Pass: false},
	}
	if !reflect.DeepEqual(r.Results, want) {
		t.Errorf("results %+v", r.Results)
	}
	wantMessageIn(t, s.UndoWrittenEnvelope(ctx, id, 6), model.EConflict, "đã kết thúc")
	if _, err := s.db.Exec(`DELETE FROM paper_envelopes WHERE round_id = ?`, id); err == nil {
		t.Error("the database let an envelope go after the counts")
	}
	verifyOK(t, s)
}

// TestWrittenBallot_VerifyFindsTampering: the written flag of a ballot
// and the envelopes of a paper round are pinned by the record.
func TestWrittenBallot_VerifyFindsTampering(t *testing.T) {
	ctx := context.Background()
	s := writtenMeeting(t, model.NominatedDisclose)
	id, err := s.OpenRound(ctx, "LDTT", []int64{1, 4})
	must(t, err)
	for m := int64(1); m <= 4; m++ {
		must(t, s.CastBallot(ctx, id, m, "", map[int64]bool{1: true, 4: true}))
	}
	must(t, s.CastWrittenBallot(ctx, id, 6, map[int64]bool{1: true, 4: false}))
	must(t, s.CloseRound(ctx, id, testKey(t, s)))
	verifyOK(t, s)
	_, err = s.db.Exec(`DROP TRIGGER participation_no_update`)
	must(t, err)
	_, err = s.db.Exec(`UPDATE participation SET written = 0 WHERE member_id = 6`)
	must(t, err)
	rep, err := s.Verify(ctx)
	must(t, err)
	if !strings.Contains(rep.Problem, "Vòng 1: thành viên số 6 (Đinh Văn Phong) được ghi khi đóng vòng là gửi phiếu bằng văn bản nhưng trong tệp thì không") {
		t.Errorf("verify: %q", rep.Problem)
	}

	s = writtenMeeting(t, model.NominatedDisclose)
	pid, err := s.OpenPaperRound(ctx, "LDTT", []int64{1, 4})
	must(t, err)
	must(t, s.ReceiveWrittenEnvelope(ctx, pid, 7))
	_, err = s.db.Exec(`INSERT INTO paper_envelopes (round_id, member_id) VALUES (?, 6)`, pid)
	must(t, err)
	rep, err = s.Verify(ctx)
	must(t, err)
	if !strings.Contains(rep.Problem, "Bảng paper_envelopes, vòng 1, phong bì phiếu bằng văn bản của thành viên số 6 (Đinh Văn Phong): có trong tệp nhưng nhật ký không ghi") {
		t.Errorf("verify: %q", rep.Problem)
	}
}

// recusalMeeting is writtenMeeting with recusal, member 2 (Trần Thị Bình)
// marked by the secretary as nominee 1 (Đỗ Thị Gấm), and a round open for
// LDTT over nominees 1 and 4.
func recusalMeeting(t *testing.T) (*Store, int64) {
	t.Helper()
	ctx := context.Background()
	s := writtenMeeting(t, model.NominatedRecuse)
	must(t, s.SetNominatedMember(ctx, 2, 1, true))
	id, err := s.OpenRound(ctx, "LDTT", []int64{1, 4})
	must(t, err)
	return s, id
}

func TestRecusal_BlankAndBase(t *testing.T) {
	ctx := context.Background()
	s, id := recusalMeeting(t)
	rec := record(t, s)
	r := rec.Rounds[0]
	if !reflect.DeepEqual(r.Recused, []model.Recusal{{Nominee: 1, Member: 2, Present: true}}) {
		t.Fatalf("recused %+v", r.Recused)
	}
	if got := model.RecusesFrom(r, 2); !slices.Equal(got, []int64{1}) {
		t.Errorf("RecusesFrom = %v", got)
	}
	if got := rec.NominatedMembers(1); len(got) != 1 || got[0].Name != "Trần Thị Bình" {
		t.Errorf("NominatedMembers = %v", got)
	}
	wantMessageIn(t, s.SetNominatedMember(ctx, 3, 1, true), model.EConflict, "Đỗ Thị Gấm đã được đưa ra bỏ phiếu (vòng 1)")
	wantMessageIn(t, s.SetNominatedMember(ctx, 2, 1, false), model.EConflict, "đã được đưa ra bỏ phiếu")

	wantMessageIn(t, s.CastBallot(ctx, id, 2, "", map[int64]bool{1: true, 4: true}), model.EInvalid,
		"Trần Thị Bình là người được đề nghị nên không bỏ phiếu cho chính mình")
	wantMessageIn(t, s.CastBallot(ctx, id, 1, "", map[int64]bool{4: true}), model.EInvalid, "còn 1 đối tượng chưa đánh dấu")
	must(t, s.CastBallot(ctx, id, 2, "", map[int64]bool{4: true}))
	for _, m := range []int64{1, 3, 4} {
		must(t, s.CastBallot(ctx, id, m, "", map[int64]bool{1: true, 4: m != 4}))
	}
	must(t, s.CastWrittenBallot(ctx, id, 6, map[int64]bool{1: true, 4: true}))
	must(t, s.CastWrittenBallot(ctx, id, 7, map[int64]bool{1: false, 4: false}))
	must(t, s.CloseRound(ctx, id, testKey(t, s)))
	r = record(t, s).Rounds[0]
	// Nominee 1: 4 agree of 6 − 1 = 5 members (80% ≥ 70%); nominee 4: 4 of 6.
	want := []model.ResultLine{
		{NomineeID: 1, Agree: 4, Disagree: 1, Base: 5, Pass: true},
		{NomineeID: 4, Agree: 4, Disagree: 2, Base: 6, Pass: false},
	}
	if !reflect.DeepEqual(r.Results, want) {
		t.Errorf("results %+v, want %+v", r.Results, want)
	}
	blank := 0
	for _, b := range r.Ballots {
		if _, ok := b.Choices[1]; !ok {
			blank++
		}
	}
	if blank != 1 {
		t.Errorf("%d ballots blank for nominee 1, want 1", blank)
	}
	verifyOK(t, s)
}

// TestRecusal_BlankPointsAtNoBallot: the recused member's stored ballot
// does not keep their other marks beside the blank. Member 2 is the only
// one to mark nominee 4 "đồng ý"; were the ballot stored as cast, the
// ballot blank for nominee 1 would always agree to nominee 4. Over many
// closes it does so about one time in six, as a shuffled column gives.
func TestRecusal_BlankPointsAtNoBallot(t *testing.T) {
	ctx := context.Background()
	const trials = 24
	together := 0
	for range trials {
		s, id := recusalMeeting(t)
		must(t, s.CastBallot(ctx, id, 2, "", map[int64]bool{4: true}))
		for _, m := range []int64{1, 3, 4} {
			must(t, s.CastBallot(ctx, id, m, "", map[int64]bool{1: m != 3, 4: false}))
		}
		must(t, s.CastWrittenBallot(ctx, id, 6, map[int64]bool{1: true, 4: false}))
		must(t, s.CastWrittenBallot(ctx, id, 7, map[int64]bool{1: false, 4: false}))
		must(t, s.CloseRound(ctx, id, testKey(t, s)))
		r := record(t, s).Rounds[0]
		for _, b := range r.Ballots {
			if _, ok := b.Choices[1]; !ok && b.Choices[4] {
				together++
			}
		}
		if r.Results[0].Agree != 3 || r.Results[0].Disagree != 2 || r.Results[0].Base != 5 || r.Results[1].Agree != 1 {
			t.Fatalf("results %+v", r.Results)
		}
		verifyOK(t, s)
		must(t, s.Close())
	}
	// Binomial(24, 1/6): mean 4; 24 is what storing ballots as cast gives,
	// and anything from 13 up has probability below 1e-4.
	if together >= 13 {
		t.Errorf("the blank stayed with the recused member's other mark in %d of %d closes", together, trials)
	}
}

func TestRecusal_PlanAndImportRecognise(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	p := writtenPlan(model.NominatedRecuse)
	p.Nominees[2].CouncilMember = "Lê Văn Cường"                                                                                 // heads the collective
	p.Nominees = append(p.Nominees, model.Nominee{Kind: model.KindIndividual, Name: "phạm thị  dung", Awards: []string{"LDTT"}}) // member 4's name
	createMeeting(t, s, p)
	rec := record(t, s)
	want := []model.Conflict{{Member: 3, Nominee: 3, Source: model.ConflictPlan}, {Member: 4, Nominee: 5, Source: model.ConflictPlan}}
	if !reflect.DeepEqual(rec.Conflicts, want) {
		t.Errorf("conflicts %+v, want %+v", rec.Conflicts, want)
	}
	// The plan round-trips with its council_member.
	if n := nominee(t, rec, 3); n.CouncilMember != "Lê Văn Cường" {
		t.Errorf("council_member %q", n.CouncilMember)
	}
	must(t, s.Import(ctx, []model.Nominee{{Kind: model.KindIndividual, Name: "Bùi Thị Quế", Unit: "Đoàn", Awards: []string{"LDTT"}}}, nil))
	rec = record(t, s)
	if c, ok := rec.ConflictOf(7, 6); !ok || c.Source != model.ConflictPlan {
		t.Errorf("import: conflicts %+v", rec.Conflicts)
	}
	// The secretary can take a recognised one away, and add another.
	must(t, s.SetNominatedMember(ctx, 3, 3, false))
	must(t, s.SetNominatedMember(ctx, 1, 4, true))
	wantMessageIn(t, s.SetNominatedMember(ctx, 5, 4, true), model.EConflict, "không có quyền biểu quyết")
	// An individual is one person: a second member cannot be recorded as
	// the individual the plan already recognised as member 4.
	wantMessageIn(t, s.SetNominatedMember(ctx, 1, 5, true), model.EConflict, "đã được ghi nhận là đồng chí", "Bỏ ghi nhận đó trước")
	rec = record(t, s)
	if _, ok := rec.ConflictOf(1, 5); ok {
		t.Error("a second member was recorded as the same individual")
	}
	rec = record(t, s)
	if _, ok := rec.ConflictOf(3, 3); ok {
		t.Error("the removed conflict is still there")
	}
	if c, ok := rec.ConflictOf(1, 4); !ok || c.Source != model.ConflictSecretary {
		t.Errorf("secretary's conflict %+v", rec.Conflicts)
	}
	verifyOK(t, s)
}

// TestRecusal_PaperBase: on paper, a recused member present leaves the
// nominee's valid ballots too.
func TestRecusal_PaperBase(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	p := writtenPlan(model.NominatedRecuse)
	p.Awards[0].Rule.Base = model.BaseValid
	createMeeting(t, s, p)
	ready(t, s)
	must(t, s.SetAttendance(ctx, 6, model.AttendancePresent, ""))
	must(t, s.SetAttendance(ctx, 7, model.AttendancePresent, ""))
	must(t, s.SetNominatedMember(ctx, 2, 1, true))
	id, err := s.OpenPaperRound(ctx, "LDTT", []int64{1, 4})
	must(t, err)
	must(t, s.EnterPaperCounts(ctx, id, voting.PaperCounts{Issued: 6, Returned: 6, Valid: 6, Agree: map[int64]int{1: 4, 4: 4}}))
	r := record(t, s).Rounds[0]
	want := []model.ResultLine{
		{NomineeID: 1, Agree: 4, Disagree: 1, Base: 5, Pass: true},
		{NomineeID: 4, Agree: 4, Disagree: 2, Base: 6, Pass: false},
	}
	if !reflect.DeepEqual(r.Results, want) {
		t.Errorf("results %+v, want %+v", r.Results, want)
	}
	verifyOK(t, s)
}
