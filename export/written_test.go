package export_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"hoidong/export"
	"hoidong/model"
	"hoidong/store"
	"hoidong/voting"
)

var updateWritten = flag.Bool("update-written", false, "rewrite the written-ballot golden files in testdata")

// writtenMeeting holds, in a real database, the sample meeting with
// recusal: members 1–6 present, 7 and 8 absent and sending written
// ballots; the chair heads "UBND thị trấn" (the sample's council_member)
// and leaves it blank. Round 1 is electronic (Bằng khen UBND tỉnh over the
// collectives, ≥ 70% of all members), round 2 on paper (Giấy khen of the
// town over the individuals, > 50% of those present) with the two
// envelopes. It returns the verified record of the closed meeting.
func writtenMeeting(t *testing.T) *model.Record {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(filepath.Join(t.TempDir(), "hop.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	clock := time.Date(2023, 12, 15, 1, 30, 0, 0, time.UTC)
	st.Now = func() time.Time { clock = clock.Add(time.Minute); return clock }
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	p := model.SamplePlan()
	p.Meeting.Nominated = model.NominatedRecuse
	p.Nominees[0].CouncilMember = "Nguyễn Văn Mẫu An" // as the sample's comment suggests
	must(st.CreateMeeting(ctx, p))
	must(st.SetSecretaryCode(ctx, "Thư ký 2023"))
	key, err := st.UnlockSecretary(ctx, "Thư ký 2023")
	must(err)
	rec, err := st.Record(ctx)
	must(err)
	for _, m := range rec.Members {
		if m.ID == 7 || m.ID == 8 {
			must(st.SetAttendance(ctx, m.ID, model.AttendanceAbsent, "đi công tác"))
			must(st.SetWrittenBallot(ctx, m.ID, true))
			continue
		}
		must(st.SetAttendance(ctx, m.ID, model.AttendancePresent, ""))
	}
	for _, id := range []int64{2, 3, 4} {
		must(st.SetTeller(ctx, id, true))
	}
	must(st.SetTellerHead(ctx, 2))
	for _, n := range rec.Nominees {
		for _, c := range rec.Plan.Eligibility {
			must(st.SetCheck(ctx, n.ID, c.Code, slices.Contains(n.Facts, c.Code)))
		}
		for _, a := range n.Awards {
			for i := range rec.Plan.CriteriaFor(n.Kind, a) {
				must(st.SetMark(ctx, n.ID, a, i, model.MarkMet, ""))
			}
		}
	}
	rec, err = st.Record(ctx)
	must(err)

	ids := voting.Candidates(&rec, "BK_TINH")
	id, err := st.OpenRound(ctx, "BK_TINH", ids)
	must(err)
	for m := int64(1); m <= 8; m++ {
		choices := map[int64]bool{}
		for j, n := range ids {
			if m == 1 && n == 1 {
				continue // the chair heads UBND thị trấn
			}
			choices[n] = (int(m)+j)%4 != 0
		}
		if m >= 7 {
			must(st.CastWrittenBallot(ctx, id, m, choices))
		} else {
			must(st.CastBallot(ctx, id, m, "", choices))
		}
	}
	must(st.CloseRound(ctx, id, key))

	ids = voting.Candidates(&rec, "GK_TT")
	pid, err := st.OpenPaperRound(ctx, "GK_TT", ids)
	must(err)
	must(st.ReceiveWrittenEnvelope(ctx, pid, 7))
	must(st.ReceiveWrittenEnvelope(ctx, pid, 8))
	agree := map[int64]int{}
	for j, n := range ids {
		agree[n] = 8 - j
	}
	must(st.EnterPaperCounts(ctx, pid, voting.PaperCounts{Issued: 8, Returned: 8, Valid: 8, Agree: agree}))
	must(st.CloseMeeting(ctx))
	rec, rep, err := st.VerifiedRecord(ctx)
	must(err)
	if !rep.OK() {
		t.Fatalf("verify: %s", rep.Problem)
	}
	return &rec
}

// hashes are the record's hashes, which change with the random ballot ids.
var hashes = regexp.MustCompile(`[0-9a-f]{64}`)

// goldenWritten compares got, its hashes masked, with testdata/name.
func goldenWritten(t *testing.T, name string, got []byte) {
	t.Helper()
	got = hashes.ReplaceAll(got, []byte("<mã băm>"))
	path := filepath.Join("testdata", name)
	if *updateWritten {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./export -update-written to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; run go test ./export -update-written and review the diff\n--- got ---\n%s", name, got)
	}
}

// TestDocuments_WrittenBallotsAndRecusal: the minutes and the vote-count
// records say who sent a written ballot, never what it said, disclose the
// nominated member and write the recused base's arithmetic.
func TestDocuments_WrittenBallotsAndRecusal(t *testing.T) {
	rec := writtenMeeting(t)
	for _, key := range []string{"bien-ban-hop", "bien-ban-kiem-phieu", "ket-qua-bo-phieu"} {
		for _, d := range export.Documents() {
			if d.Name != key+".txt" && d.Name != key+".md" {
				continue
			}
			var buf bytes.Buffer
			if err := d.Write(&buf, rec); err != nil {
				t.Fatal(err)
			}
			goldenWritten(t, "van-ban-"+d.Name+".golden", buf.Bytes())
		}
	}
	var buf bytes.Buffer
	if err := export.Minutes(&buf, rec); err != nil {
		t.Fatal(err)
	}
	minutes := buf.String()
	for _, want := range []string{
		"Đồng chí Đặng Văn Mẫu Hải và đồng chí Bùi Thị Mẫu Hằng vắng mặt, gửi phiếu bằng văn bản.",
		"(trong đó 2 phiếu gửi bằng văn bản của đồng chí Đặng Văn Mẫu Hải và đồng chí Bùi Thị Mẫu Hằng, vắng mặt)",
		"Đồng chí Nguyễn Văn Mẫu An là người được đề nghị (người đứng đầu tập thể UBND thị trấn).",
		"tỷ lệ của UBND thị trấn tính trên 8 − 1 = 7 thành viên.",
	} {
		if !strings.Contains(strings.Join(strings.Fields(minutes), " "), want) {
			t.Errorf("the minutes lack %q", want)
		}
	}

	var doc struct {
		Nominated []struct {
			MemberID  int64 `json:"member_id"`
			NomineeID int64 `json:"nominee_id"`
		} `json:"nominated_members"`
		Rounds []struct {
			Written []int64 `json:"written"`
			Recused []struct {
				NomineeID, MemberID int64
			} `json:"recused"`
			Results []struct {
				NomineeID int64 `json:"nominee_id"`
				Base      int   `json:"base"`
				Recused   int   `json:"recused"`
			} `json:"results"`
		} `json:"rounds"`
	}
	buf.Reset()
	if err := export.JSON(&buf, rec); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Nominated) != 1 || doc.Nominated[0].MemberID != 1 || doc.Nominated[0].NomineeID != 1 {
		t.Errorf("nominated_members %+v", doc.Nominated)
	}
	if len(doc.Rounds) != 2 || !slices.Equal(doc.Rounds[0].Written, []int64{7, 8}) || !slices.Equal(doc.Rounds[1].Written, []int64{7, 8}) {
		t.Fatalf("rounds %+v", doc.Rounds)
	}
	if len(doc.Rounds[0].Recused) != 1 || doc.Rounds[0].Results[0].NomineeID != 1 || doc.Rounds[0].Results[0].Base != 7 || doc.Rounds[0].Results[0].Recused != 1 {
		t.Errorf("round 1 %+v", doc.Rounds[0])
	}
}
