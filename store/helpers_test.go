package store

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"hoidong/model"
)

// testPlan is a small plan written out here so the tests do not depend on
// the sample's content: 5 members (4 voting), 4 nominees, 2 awards.
func testPlan() model.Plan {
	return model.Plan{
		Org: model.Org{Name: "UBND thị trấn Như Quỳnh", Superior: "UBND huyện Văn Lâm", Place: "Như Quỳnh"},
		Ref: model.PlanRef{Number: "11/KH-UBND", Date: "2023-01-15", Title: "Kế hoạch thi đua", Year: 2023},
		Council: model.Council{
			Name: "Hội đồng Thi đua – Khen thưởng thị trấn",
			Members: []model.Member{
				{Name: "Nguyễn Văn An", Position: "Chủ tịch UBND", Role: model.RoleChair, Votes: true},
				{Name: "Trần Thị Bình", Position: "Phó Chủ tịch UBND", Role: model.RoleViceChair, Votes: true},
				{Name: "Lê Văn Cường", Position: "Trưởng Công an", Role: model.RoleMember, Votes: true},
				{Name: "Phạm Thị Dung", Position: "Chủ tịch MTTQ", Role: model.RoleMember, Votes: true},
				{Name: "Hoàng Văn Em", Position: "Công chức VP", Role: model.RoleSecretary, Votes: false},
			},
		},
		Awards: []model.Award{
			{Code: "LDTT", Name: "Lao động tiên tiến", Authority: "Chủ tịch UBND", Recipients: model.ForIndividual,
				Rule: model.Rule{BallotRequired: true, Threshold: model.Fraction{Num: 70, Den: 100}, Comparison: model.AtLeast, Base: model.BaseAllMembers}},
			{Code: "GK", Name: "Giấy khen", Authority: "Chủ tịch UBND", Recipients: model.ForBoth,
				Rule: model.Rule{BallotRequired: false}},
		},
		Criteria: []model.CriteriaSet{
			{Kind: model.KindIndividual, Criteria: []model.Criterion{
				{Text: "Hoàn thành tốt nhiệm vụ", Required: true},
				{Text: "Chấp hành tốt chủ trương", Required: true},
				{Text: "Có sáng kiến", Required: false},
			}},
			{Kind: model.KindCollective, Criteria: []model.Criterion{
				{Text: "Hoàn thành xuất sắc nhiệm vụ", Required: true},
			}},
		},
		Eligibility: []model.EligibilityCheck{
			{Code: "discipline", Text: "đang bị kỷ luật", Effect: model.EffectExclude},
			{Code: "review", Text: "đang xem xét kỷ luật", Effect: model.EffectDefer},
		},
		Meeting: model.MeetingSettings{Number: "01/BB-HĐTĐKT", Date: "2023-12-15", Place: "Hội trường UBND",
			Quorum: model.Fraction{Num: 2, Den: 3}, Tellers: 3},
		Nominees: []model.Nominee{
			{Kind: model.KindIndividual, Name: "Đỗ Thị Gấm", Unit: "Văn phòng", Position: "Chuyên viên", Awards: []string{"LDTT", "GK"}, Summary: "Hoàn thành tốt"},
			{Kind: model.KindIndividual, Name: "Vũ Văn Hải", Unit: "Địa chính", Position: "Công chức", Awards: []string{"LDTT"}, Facts: []string{"review"}},
			{Kind: model.KindCollective, Name: "Tổ dân phố Bình An", Awards: []string{"GK"}},
			{Kind: model.KindIndividual, Name: "Ngô Thị Yến", Unit: "Tư pháp", Awards: []string{"LDTT"}},
		},
	}
}

// fixedClock returns a clock that starts at a fixed instant and moves one
// second per call.
func fixedClock() func() time.Time {
	t := time.Date(2023, 12, 15, 1, 30, 0, 0, time.UTC)
	return func() time.Time {
		t = t.Add(time.Second)
		return t
	}
}

// testSecretaryCode is the secretary code of the tests' meetings.
const testSecretaryCode = "Thư ký 2023"

// cheapKDF are argon2id parameters that make a secretary code quick to
// hash, for tests only.
func cheapKDF() kdfParams { return kdfParams{memory: 64, passes: 1, lanes: 1} }

// openTest opens a new store in a temporary directory, hashing secretary
// codes cheaply.
func openTest(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "hop.db"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	s.Now = fixedClock()
	s.kdf = cheapKDF()
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// newMeeting opens a new store holding testPlan, with the secretary code
// set.
func newMeeting(t testing.TB) *Store {
	t.Helper()
	s := openTest(t)
	createMeeting(t, s, testPlan())
	return s
}

// createMeeting creates a meeting under p and sets its secretary code to
// testSecretaryCode.
func createMeeting(t testing.TB, s *Store, p model.Plan) {
	t.Helper()
	ctx := context.Background()
	if err := s.CreateMeeting(ctx, p); err != nil {
		t.Fatalf("CreateMeeting: %v", err)
	}
	if err := s.SetSecretaryCode(ctx, testSecretaryCode); err != nil {
		t.Fatalf("SetSecretaryCode: %v", err)
	}
}

// testKey unlocks the secretary's key with testSecretaryCode.
func testKey(t testing.TB, s *Store) *SecretaryKey {
	t.Helper()
	k, err := s.UnlockSecretary(context.Background(), testSecretaryCode)
	if err != nil {
		t.Fatalf("UnlockSecretary: %v", err)
	}
	return k
}

// must fails the test on err.
func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// record reads the record or fails the test.
func record(t testing.TB, s *Store) model.Record {
	t.Helper()
	rec, err := s.Record(context.Background())
	must(t, err)
	return rec
}

// nominee returns the nominee with id from rec or fails the test: the
// record lists nominees in the canonical order, not by id.
func nominee(t testing.TB, rec model.Record, id int64) model.NomineeRecord {
	t.Helper()
	for _, n := range rec.Nominees {
		if n.ID == id {
			return n
		}
	}
	t.Fatalf("no nominee %d in the record", id)
	return model.NomineeRecord{}
}

// wantCode checks that err is a user error with the given code.
func wantCode(t testing.TB, err error, code model.ErrorCode) *model.Error {
	t.Helper()
	var e *model.Error
	if !errors.As(err, &e) {
		t.Fatalf("error = %v, want a *model.Error with code %d", err, code)
	}
	if e.Code != code {
		t.Fatalf("error code = %d (%q), want %d", e.Code, e.Message, code)
	}
	return e
}

// ready makes members 1–4 present and readies nominees 1 and 4 for LDTT:
// checks confirmed not to apply and every criterion met.
func ready(t testing.TB, s *Store) {
	t.Helper()
	ctx := context.Background()
	for id := int64(1); id <= 4; id++ {
		must(t, s.SetAttendance(ctx, id, model.AttendancePresent, ""))
	}
	for _, id := range []int64{1, 4} {
		for _, code := range []string{"discipline", "review"} {
			must(t, s.SetCheck(ctx, id, code, false))
		}
		for i := 0; i < 3; i++ {
			must(t, s.SetMark(ctx, id, "LDTT", i, model.MarkMet, ""))
		}
	}
}
