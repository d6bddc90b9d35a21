package export_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"hoidong/export"
	"hoidong/model"
	"hoidong/store"
	"hoidong/voting"
)

// sampleMeeting holds the meeting of the sample plan (what hoidong demo
// starts from) in a real database, through the store as the secretary's
// screens do: a roll call with one member absent, the counting committee,
// every check and criterion (one nominee failing a required criterion),
// an electronic round per ballot award, one of them on paper, the tie at
// the district's quota settled by a re-vote; then the meeting closes. It
// returns the record as export reads it: verified.
func sampleMeeting(t *testing.T) model.Record {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(filepath.Join(t.TempDir(), "hop.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	clock := time.Date(2023, 12, 15, 1, 0, 0, 0, time.UTC) // 08:00 in Vietnam
	st.Now = func() time.Time { clock = clock.Add(20 * time.Second); return clock }
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(st.CreateMeeting(ctx, model.SamplePlan()))
	must(st.SetSecretaryCode(ctx, "Thư ký 2023"))
	key, err := st.UnlockSecretary(ctx, "Thư ký 2023")
	must(err)
	rec, err := st.Record(ctx)
	must(err)
	member := func(name string) int64 {
		for _, m := range rec.Members {
			if m.Name == name {
				return m.ID
			}
		}
		t.Fatalf("no member %s", name)
		return 0
	}
	nominee := func(name string) int64 {
		for _, n := range rec.Nominees {
			if n.Name == name {
				return n.ID
			}
		}
		t.Fatalf("no nominee %s", name)
		return 0
	}
	absent := member("Đặng Văn Mẫu Hải")
	for _, m := range rec.Members {
		if m.ID == absent {
			must(st.SetAttendance(ctx, m.ID, model.AttendanceAbsent, "Đi công tác tại huyện"))
		} else {
			must(st.SetAttendance(ctx, m.ID, model.AttendancePresent, ""))
		}
	}
	must(st.SetTellerHead(ctx, member("Phạm Thị Mẫu Dung")))
	must(st.SetTeller(ctx, member("Hoàng Văn Mẫu Đức"), true))
	must(st.SetTeller(ctx, member("Bùi Thị Mẫu Hằng"), true))
	failing := nominee("Hồ Văn Mẫu Phúc")
	for _, n := range rec.Nominees {
		for _, c := range rec.Plan.Eligibility {
			must(st.SetCheck(ctx, n.ID, c.Code, slices.Contains(n.Facts, c.Code)))
		}
		if slices.Contains(n.Facts, "XEM_XET_KY_LUAT") {
			continue
		}
		for _, a := range n.Awards {
			for i, c := range rec.Plan.CriteriaFor(n.Kind, a) {
				mark, note := model.MarkMet, ""
				switch {
				case n.ID == failing && a == "GK_TT" && i == 0:
					mark, note = model.MarkNotMet, "Còn 01 hồ sơ trả kết quả chậm"
				case !c.Required:
					mark = model.MarkNotMet
				}
				must(st.SetMark(ctx, n.ID, a, i, mark, note))
			}
		}
	}
	must(st.SetDiscussion(ctx, "Các thành viên Hội đồng thống nhất đánh giá phong trào thi đua cải cách hành chính năm 2023 được triển khai sâu rộng.\n"+
		"Đồng chí Phạm Thị Mẫu Dung đề nghị nhân rộng mô hình số hóa hồ sơ tại Bộ phận một cửa."))
	rec, err = st.Record(ctx)
	must(err)

	// Who votes against whom: member i disagrees with nominee n when no(i, n).
	voters := []int64{}
	for _, m := range rec.Members {
		if m.Votes && m.ID != absent {
			voters = append(voters, m.ID)
		}
	}
	electronic := func(award string, ids []int64, no func(i int, n int64) bool) int64 {
		id, err := st.OpenRound(ctx, award, ids)
		must(err)
		for i, m := range voters {
			c := map[int64]bool{}
			for _, n := range ids {
				c[n] = !no(i, n)
			}
			must(st.CastBallot(ctx, id, m, "", c))
		}
		must(st.CloseRound(ctx, id, key))
		return id
	}
	// The town's Giấy khen: most pass; one nominee has a majority against.
	lan := nominee("Dương Thị Mẫu Lan")
	electronic("GK_TT", voting.Candidates(&rec, "GK_TT"), func(i int, n int64) bool {
		return (n == lan && i < 4) || (n != lan && i == int(n%7))
	})
	// The district's Giấy khen, 3 places: four collectives tie with 7 of 8,
	// the re-vote settles it.
	district := voting.Candidates(&rec, "GK_HUYEN")
	first := electronic("GK_HUYEN", district, func(i int, n int64) bool { return i == 6 })
	rec, err = st.Record(ctx)
	must(err)
	if r, ok := roundByID(rec, first); ok && voting.Standing(&rec, r).NeedsRevote() {
		re, err := st.OpenRevote(ctx, first)
		must(err)
		rec, err = st.Record(ctx)
		must(err)
		r, _ := roundByID(rec, re)
		for i, m := range voters {
			c := map[int64]bool{}
			for j, n := range r.Nominees {
				c[n] = !(j >= 3 && i == 0) // the first three keep all seven votes
			}
			must(st.CastBallot(ctx, re, m, "", c))
		}
		must(st.CloseRound(ctx, re, key))
	}
	// The basic-level emulation fighter: on paper.
	rec, err = st.Record(ctx)
	must(err)
	if ids := voting.Candidates(&rec, "CSTDCS"); len(ids) > 0 {
		id, err := st.OpenPaperRound(ctx, "CSTDCS", ids)
		must(err)
		agree := map[int64]int{}
		for _, n := range ids {
			agree[n] = 6
		}
		must(st.EnterPaperCounts(ctx, id, voting.PaperCounts{Issued: 7, Returned: 7, Valid: 7, Agree: agree}))
	}
	// The province's certificate of merit for the collectives.
	rec, err = st.Record(ctx)
	must(err)
	if ids := voting.Candidates(&rec, "BK_TINH"); len(ids) > 0 {
		electronic("BK_TINH", ids, func(i int, n int64) bool { return i < int(n%3) })
	}
	must(st.CloseMeeting(ctx))
	out, rep, err := st.VerifiedRecord(ctx)
	must(err)
	if !rep.OK() {
		t.Fatalf("the sample meeting does not verify: %s", rep.Problem)
	}
	return out
}

// roundByID returns the round with id.
func roundByID(rec model.Record, id int64) (model.Round, bool) {
	for _, r := range rec.Rounds {
		if r.ID == id {
			return r, true
		}
	}
	return model.Round{}, false
}

// TestSampleMeeting_Documents writes every document of the sample
// meeting; with HOIDONG_DOCS set to a folder, it leaves them there to be
// looked at (rendered with LibreOffice, printed).
func TestSampleMeeting_Documents(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a meeting in a database")
	}
	rec := sampleMeeting(t)
	docs, err := export.Select(&rec, export.Options{})
	if err != nil {
		t.Fatal(err)
	}
	dir := os.Getenv("HOIDONG_DOCS")
	if dir == "" {
		dir = t.TempDir()
	}
	paths, err := export.WriteFiles(dir, &rec, docs)
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, d := range docs {
		if !slices.Contains(keys, d.Doc) {
			keys = append(keys, d.Doc)
		}
	}
	if !slices.Equal(keys, export.DocKeys()) {
		t.Errorf("documents of the sample meeting %v, want every one %v", keys, export.DocKeys())
	}
	if len(paths) != len(docs) {
		t.Errorf("%d files for %d documents", len(paths), len(docs))
	}
}
