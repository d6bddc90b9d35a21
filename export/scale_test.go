package export

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"golang.org/x/text/unicode/norm"

	"hoidong/model"
	"hoidong/voting"
)

// largeRecord builds a provincial sitting: 31 voting members, n individual
// nominees for one award, voted in rounds of 500.
func largeRecord(n int) *model.Record {
	rec := fixture()
	var members []model.MemberRecord
	for i := range 31 {
		members = append(members, model.MemberRecord{
			Member:     model.Member{ID: int64(i + 1), Name: fmt.Sprintf("Thành viên số %d", i+1), Position: "Ủy viên", Role: model.RoleMember, Votes: true},
			Attendance: model.AttendancePresent,
		})
	}
	members[0].Role = model.RoleChair
	members = append(members, model.MemberRecord{Member: model.Member{ID: 99, Name: "Thư ký", Role: model.RoleSecretary}, Attendance: model.AttendancePresent})
	rec.Members = members
	rec.Nominees = nil
	rec.Rounds = nil
	award, _ := rec.Plan.Award("GK-TT")
	for i := range n {
		rec.Nominees = append(rec.Nominees, model.NomineeRecord{
			Nominee: model.Nominee{
				ID: int64(1000 + i), Kind: model.KindIndividual, Name: fmt.Sprintf("Nguyễn Văn Quyết %d", i),
				Unit: "Sở Nội vụ", Position: "Chuyên viên", Awards: []string{"GK-TT"},
			},
			Checks:      checks(),
			Candidacies: []model.Candidacy{{Award: "GK-TT", Marks: []model.CriterionMark{met(""), met(""), met("")}}},
		})
	}
	for start, seq := 0, 1; start < n; start, seq = start+500, seq+1 {
		r := model.Round{ID: int64(seq), Award: "GK-TT", Seq: seq, Mode: model.RoundElectronic, Status: model.RoundClosed,
			OpenedAt: at(9, 0), ClosedAt: at(9, 30), Eligible: 31, AllMembers: 31, Issued: 31, Returned: 31, Valid: 31}
		for i := start; i < min(start+500, n); i++ {
			r.Nominees = append(r.Nominees, int64(1000+i))
		}
		for b := range 31 {
			r.Voters = append(r.Voters, int64(b+1))
			ch := make(map[int64]bool, len(r.Nominees))
			for j, id := range r.Nominees {
				ch[id] = (j+b)%7 != 0
			}
			r.Ballots = append(r.Ballots, model.Ballot{ID: fmt.Sprintf("%032x", seq*100+b), Choices: ch})
		}
		r.Results = voting.Tally(award.Rule, r.Nominees, r.Ballots, voting.RoundBase(r))
		rec.Rounds = append(rec.Rounds, r)
	}
	return rec
}

func TestDocuments_Large(t *testing.T) {
	rec := largeRecord(1200)
	for _, d := range Documents() {
		if err := d.Write(io.Discard, rec); err != nil {
			t.Fatalf("%s: %v", d.Name, err)
		}
	}
}

func BenchmarkDocuments(b *testing.B) {
	rec := largeRecord(5000)
	for _, d := range Documents() {
		b.Run(d.Name, func(b *testing.B) {
			for b.Loop() {
				if err := d.Write(io.Discard, rec); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestMinutes_DecomposedInput(t *testing.T) {
	rec := fixture()
	rec.Plan.Org.Name = norm.NFD.String(rec.Plan.Org.Name)
	rec.Nominees[1].Name = norm.NFD.String("Thôn Ngọc Quỳnh Đông")
	out := string(render(t, Minutes, rec))
	if !norm.NFC.IsNormalString(out) {
		t.Error("minutes of decomposed input are not NFC")
	}
	if !strings.Contains(out, "Thôn Ngọc Quỳnh Đông") {
		t.Error("decomposed name not written in composed form")
	}
	checkHeader(t, out)
}

func TestMinutes_LongOrgName(t *testing.T) {
	rec := fixture()
	rec.Plan.Org.Superior = "Ủy ban nhân dân tỉnh Hưng Yên"
	rec.Plan.Org.Name = "Sở Khoa học và Công nghệ tỉnh Hưng Yên"
	out := string(render(t, Minutes, rec))
	checkHeader(t, out)
	if !strings.Contains(out, "SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH") {
		t.Errorf("long org name not in capitals:\n%s", out)
	}
}

// checkHeader checks every line of the two-column heading: the left part
// stays in its column and both parts are centred by display width.
func checkHeader(t *testing.T, out string) {
	t.Helper()
	for i, l := range strings.Split(out, "\n") {
		if strings.Contains(l, "BIÊN BẢN") {
			break
		}
		if l == "" {
			continue
		}
		left, right := splitAt(l, headerLeft)
		if strings.TrimSpace(left) != "" && (width(strings.TrimRight(left, " ")) >= headerLeft || centreOffset(left, headerLeft) > 1) {
			t.Errorf("header line %d: left part %q overflows or is off centre", i+1, left)
		}
		if strings.TrimSpace(right) != "" && centreOffset(right, pageWidth-headerLeft) > 1 {
			t.Errorf("header line %d: right part %q off centre", i+1, right)
		}
	}
}

func TestMinutes_DiscussionBullets(t *testing.T) {
	rec := fixture()
	rec.Meeting.Discussion = "- Đồng chí Nguyễn Văn Bình đề nghị bổ sung hồ sơ minh chứng về sáng kiến của Bộ phận một cửa trước khi trình huyện.\n\n- Thống nhất."
	out := string(render(t, Minutes, rec))
	want := "   - Đồng chí Nguyễn Văn Bình đề nghị bổ sung hồ sơ minh chứng về sáng kiến của\n" +
		"     Bộ phận một cửa trước khi trình huyện.\n   - Thống nhất.\n"
	if !strings.Contains(out, want) {
		t.Errorf("discussion not laid out as a list:\n%s", out)
	}
}

func TestWidth_FastPathAgrees(t *testing.T) {
	for r := rune(0); r < 0x2000; r++ {
		if narrowLatin(r) && ansi.StringWidth(string(r)) != 1 {
			t.Errorf("U+%04X is taken as one cell but is %d wide", r, ansi.StringWidth(string(r)))
		}
	}
	for _, s := range []string{
		"Cộng hòa xã hội chủ nghĩa Việt Nam", norm.NFD.String("Hạnh phúc"), "a\u0301", "Ủy ban – MTTQ", "≥ 2/3", "日本", "x\r\n",
	} {
		if got, want := width(s), ansi.StringWidth(s); got != want {
			t.Errorf("width(%q) = %d, ansi says %d", s, got, want)
		}
	}
}
