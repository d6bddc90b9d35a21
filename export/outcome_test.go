package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"hoidong/model"
	"hoidong/voting"
)

// textTables returns the rows of every plain-text results table of a
// document (those headed "STT  Tập thể, cá nhân"): each row's cells, a
// cell wrapped over several lines joined with spaces.
func textTables(t *testing.T, text string) [][][]string {
	t.Helper()
	lines := strings.Split(unpage(text), "\n")
	var tables [][][]string
	for i := 0; i < len(lines); i++ {
		if !strings.HasPrefix(strings.TrimLeft(lines[i], " "), "STT ") || !strings.Contains(lines[i], "Tập thể, cá nhân") {
			continue
		}
		j := i + 1
		for j < len(lines) && !strings.Contains(lines[j], "───") {
			j++
		}
		if j == len(lines) {
			t.Fatalf("table at line %d has no rule", i+1)
		}
		var spans [][2]int
		start := -1
		for k, r := range append([]rune(lines[j]), ' ') {
			switch {
			case r == '─' && start < 0:
				start = k
			case r != '─' && start >= 0:
				spans = append(spans, [2]int{start, k})
				start = -1
			}
		}
		var rows [][]string
		k := j + 1
		for ; k < len(lines); k++ {
			rl := []rune(lines[k])
			lead := len(rl) - len([]rune(strings.TrimLeft(lines[k], " ")))
			if strings.TrimSpace(lines[k]) == "" || lead < spans[0][0] {
				break
			}
			cells := make([]string, len(spans))
			for c, sp := range spans {
				if sp[0] < len(rl) {
					cells[c] = strings.TrimSpace(string(rl[sp[0]:min(sp[1], len(rl))]))
				}
			}
			if cells[0] != "" || len(rows) == 0 {
				rows = append(rows, cells)
				continue
			}
			last := rows[len(rows)-1]
			for c := range cells {
				if cells[c] != "" {
					last[c] = strings.TrimSpace(last[c] + " " + cells[c])
				}
			}
		}
		tables = append(tables, rows)
		i = k
	}
	return tables
}

// mdTables returns the rows of every Markdown results table of a document.
func mdTables(text string) [][][]string {
	var tables [][][]string
	lines := strings.Split(text, "\n")
	for i := 0; i < len(lines); i++ {
		if !strings.HasPrefix(lines[i], "| STT | Tập thể, cá nhân |") {
			continue
		}
		var rows [][]string
		k := i + 2
		for ; k < len(lines) && strings.HasPrefix(lines[k], "|"); k++ {
			cells := strings.Split(strings.Trim(lines[k], "| "), " | ")
			rows = append(rows, cells)
		}
		tables = append(tables, rows)
		i = k
	}
	return tables
}

// csvRows reads a CSV document back, without its byte order mark.
func csvRows(t *testing.T, b []byte) [][]string {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte(bom)))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// colOf returns the index of the header title in rows[0].
func colOf(t *testing.T, rows [][]string, title string) int {
	t.Helper()
	i := slices.Index(rows[0], title)
	if i < 0 {
		t.Fatalf("no column %q in %q", title, rows[0])
	}
	return i
}

// entry is one nominee's line as a document prints it.
type entry struct{ name, standing string }

// Vietnamese names to build meetings from.
var (
	families = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Bùi", "Đặng", "Ngô"}
	middles  = []string{"Văn", "Thị", "Minh", "Thu", "Đức", "Ngọc", "Quang", "Thanh"}
	givens   = []string{"An", "Ánh", "Bình", "Chi", "Cường", "Dũng", "Đạt", "Giang", "Hà", "Hải", "Hòa", "Hùng", "Khánh", "Lan", "Long", "Minh", "Nga", "Phúc", "Quân", "Sơn", "Thảo", "Trang", "Tuấn", "Yến"}
	places   = []string{"Bình An", "Hòa Bình", "Đông Hải", "Ngọc Quỳnh", "Tân Lập", "Ấp Bắc", "Yên Phú", "Quang Trung"}
)

// generatedMeeting builds a closed meeting on the fixture's plan: 9
// voting members present, nominees with Vietnamese names in the canonical
// order the store gives, each award voted in one or two rounds whose
// ballots list the nominees in a shuffled order, ties at the quota line
// settled by re-votes (which may tie again) or by the chair, sometimes left
// unsettled.
func generatedMeeting(rng *rand.Rand) *model.Record {
	rec := fixture()
	rec.Corrections = nil
	p := &rec.Plan
	p.Awards[0].Quota = &model.Quota{Count: 1 + rng.IntN(3)}
	p.Awards[0].TieBreak = []model.TieBreak{model.TieRevote, model.TieChair}[rng.IntN(2)]
	if rng.IntN(2) == 0 {
		p.Awards[1].Quota = &model.Quota{Count: 1 + rng.IntN(2)}
		p.Awards[1].TieBreak = []model.TieBreak{model.TieRevote, model.TieChair}[rng.IntN(2)]
	}
	rec.Members = nil
	for i := range 9 {
		rec.Members = append(rec.Members, model.MemberRecord{
			Member:     model.Member{ID: int64(i + 1), Name: fmt.Sprintf("Thành viên %d", i+1), Role: model.RoleMember, Votes: true},
			Attendance: model.AttendancePresent,
		})
	}
	rec.Members[0].Role = model.RoleChair
	rec.Members = append(rec.Members, model.MemberRecord{Member: model.Member{ID: 10, Name: "Thư ký", Role: model.RoleSecretary}, Attendance: model.AttendancePresent})

	n := 4 + rng.IntN(8)
	seen := map[string]bool{}
	var plain []model.Nominee
	var nominees []model.NomineeRecord
	for len(nominees) < n {
		nom := model.Nominee{ID: int64(300 + rng.IntN(700)), Kind: model.KindIndividual, Unit: "UBND thị trấn"}
		if rng.IntN(4) == 0 {
			nom.Kind, nom.Name = model.KindCollective, "Tổ dân phố "+places[rng.IntN(len(places))]
		} else {
			nom.Name = families[rng.IntN(len(families))] + " " + middles[rng.IntN(len(middles))] + " " + givens[rng.IntN(len(givens))]
		}
		if seen[nom.Name] || seen[fmt.Sprint(nom.ID)] {
			continue
		}
		seen[nom.Name], seen[fmt.Sprint(nom.ID)] = true, true
		switch rng.IntN(3) {
		case 0:
			nom.Awards = []string{"GK-TT"}
		case 1:
			nom.Awards = []string{"GK-H"}
		default:
			nom.Awards = []string{"GK-TT", "GK-H"}
		}
		nr := model.NomineeRecord{Nominee: nom, Checks: checks()}
		for _, a := range nom.Awards {
			marks := make([]model.CriterionMark, len(p.CriteriaFor(nom.Kind, a)))
			for i := range marks {
				marks[i] = met("")
			}
			nr.Candidacies = append(nr.Candidacies, model.Candidacy{Award: a, Marks: marks})
		}
		plain = append(plain, nom)
		nominees = append(nominees, nr)
	}
	// The store's order: collectives, then individuals by given name.
	rec.Nominees = nil
	for _, i := range model.SortedNominees(plain) {
		rec.Nominees = append(rec.Nominees, nominees[i])
	}

	rec.Rounds, rec.Decisions = nil, nil
	seq := 0
	vote := func(award string, parent int64, ids []int64) model.Round {
		seq++
		a, _ := p.Award(award)
		agree := map[int64]int{}
		for _, id := range ids {
			agree[id] = 4 + rng.IntN(4) // 4…7 of 9: ties and failures both common
		}
		r := model.Round{ID: int64(seq), Award: award, Seq: seq, Parent: parent, Mode: model.RoundPaper, Status: model.RoundClosed,
			OpenedAt: at(9, seq), ClosedAt: at(9, seq), Nominees: ids, Eligible: 9, AllMembers: 9, Issued: 9, Returned: 9, Valid: 9,
			CloseHead: fmt.Sprintf("%064x", seq)}
		r.Results = voting.TallyPaper(a.Rule, ids, agree, voting.RoundBase(r))
		rec.Rounds = append(rec.Rounds, r)
		return r
	}
	shuffled := func(ids []int64) []int64 {
		out := slices.Clone(ids)
		rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
		return out
	}
	for _, a := range p.Awards {
		var ids []int64
		for _, nr := range rec.Nominees {
			if slices.Contains(nr.Awards, a.Code) {
				ids = append(ids, nr.ID)
			}
		}
		if len(ids) == 0 {
			continue
		}
		ids = shuffled(ids)
		parts := [][]int64{ids}
		if len(ids) > 3 && rng.IntN(3) == 0 {
			parts = [][]int64{ids[:len(ids)/2], ids[len(ids)/2:]}
		}
		for _, part := range parts {
			r := vote(a.Code, 0, part)
			for step := 0; step < 3; step++ {
				st := voting.Standing(rec, r)
				if !st.Tie() || rng.IntN(5) == 0 {
					break
				}
				if st.Break == model.TieChair {
					chosen := shuffled(st.Tied)[:st.Remaining]
					rec.Decisions = append(rec.Decisions, model.ChairDecision{Award: a.Code, Round: r.ID, Tied: st.Tied, Chosen: chosen, Chair: "Thành viên 1", At: at(10, seq)})
					break
				}
				r = vote(a.Code, r.ID, shuffled(st.Tied))
			}
		}
	}
	return rec
}

// TestDocuments_OneVerdictOneOrder_Property renders generated meetings
// with quotas and ties and reads the documents back: for every nominee of
// every closed round, the results annex (text and Markdown), the
// vote-count record (text and CSV), the minutes, the results CSV and the
// JSON record print the same standing, the one voting.Index.Outcomes
// gives, and list the nominees in the same order, the record's; each
// candidacy's final standing is the same in the minutes' CSV, the list and
// the JSON, and the lists keep the record's order.
func TestDocuments_OneVerdictOneOrder_Property(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 2024))
	kinds := map[voting.Outcome]int{}
	iterations := 150
	if testing.Short() {
		iterations = 30
	}
	for iter := range iterations {
		rec := generatedMeeting(rng)
		ix := voting.NewIndex(rec)
		name := func(id int64) string { n, _ := ix.Nominee(id); return n.Name }
		fail := func(format string, args ...any) {
			t.Helper()
			t.Fatalf("meeting %d: "+format, append([]any{iter}, args...)...)
		}

		// What every document must say, round by round.
		var want [][]entry
		var closed []model.Round
		for _, r := range sortedRounds(rec) {
			var es []entry
			for _, lo := range ix.Outcomes(r) {
				es = append(es, entry{name(lo.Line.NomineeID), lo.Outcome.Label()})
				kinds[lo.Outcome]++
			}
			want = append(want, es)
			closed = append(closed, r)
		}
		// The record's order, restricted to each round, is the order of its lines.
		for i, r := range closed {
			var inOrder []string
			for _, n := range rec.Nominees {
				if slices.Contains(r.Nominees, n.ID) {
					inOrder = append(inOrder, n.Name)
				}
			}
			var got []string
			for _, e := range want[i] {
				got = append(got, e.name)
			}
			if !slices.Equal(got, inOrder) {
				fail("round %d lines %q, record order %q", r.Seq, got, inOrder)
			}
		}

		render := func(key, format string) []byte {
			b, err := renderDoc(rec, key, format)
			if err != nil {
				fail("%s.%s: %v", key, format, err)
			}
			return b
		}
		fromTable := func(doc string, tables [][][]string, nameCol, standingCol int) {
			if len(tables) != len(want) {
				fail("%s has %d tables for %d rounds", doc, len(tables), len(want))
			}
			for i, rows := range tables {
				var got []entry
				for _, row := range rows {
					got = append(got, entry{row[nameCol], row[standingCol]})
				}
				if !slices.Equal(got, want[i]) {
					fail("%s, round %d:\n got %q\nwant %q", doc, closed[i].Seq, got, want[i])
				}
			}
		}
		fromTable("ket-qua.txt", textTables(t, string(render(DocResults, FormatText))), 1, 5)
		fromTable("ket-qua.md", mdTables(string(render(DocResults, FormatMarkdown))), 1, 5)
		fromTable("kiem-phieu.txt", textTables(t, string(render(DocCount, FormatText))), 1, 5)
		fromTable("bien-ban.txt", textTables(t, string(render(DocMinutes, FormatText))), 1, 5)

		fromCSV := func(doc string, rows [][]string) {
			seqCol, nameCol, standingCol := colOf(t, rows, "Vòng"), colOf(t, rows, "Tên"), colOf(t, rows, "Kết quả")
			tables := make([][][]string, len(closed))
			for _, row := range rows[1:] {
				i := slices.IndexFunc(closed, func(r model.Round) bool { return fmt.Sprint(r.Seq) == row[seqCol] })
				if i < 0 {
					fail("%s: row of an unknown round %q", doc, row)
				}
				tables[i] = append(tables[i], []string{row[nameCol], row[standingCol]})
			}
			fromTable(doc, tables, 0, 1)
		}
		fromCSV("ket-qua.csv", csvRows(t, render(DocResults, FormatCSV)))
		fromCSV("kiem-phieu.csv", csvRows(t, render(DocCount, FormatCSV)))

		var doc struct {
			Draft    bool `json:"draft"`
			Nominees []struct {
				ID          int64 `json:"id"`
				Candidacies []struct {
					Award         string `json:"award"`
					StandingLabel string `json:"standing_label"`
					Recommended   bool   `json:"recommended"`
				} `json:"candidacies"`
			} `json:"nominees"`
			Rounds []struct {
				Seq     int `json:"seq"`
				Results []struct {
					NomineeID     int64  `json:"nominee_id"`
					ThresholdMet  bool   `json:"threshold_met"`
					Standing      string `json:"standing"`
					StandingLabel string `json:"standing_label"`
				} `json:"results"`
			} `json:"rounds"`
		}
		if err := json.Unmarshal(render(DocRecord, FormatJSON), &doc); err != nil {
			fail("json: %v", err)
		}
		var tables [][][]string
		for i, r := range doc.Rounds {
			var rows [][]string
			for j, l := range r.Results {
				lo := ix.Outcome(closed[i], l.NomineeID)
				if l.Standing != lo.Outcome.String() || l.ThresholdMet != lo.Threshold {
					fail("json round %d result %d: %+v, want %s", r.Seq, j, l, lo.Outcome)
				}
				rows = append(rows, []string{name(l.NomineeID), l.StandingLabel})
			}
			tables = append(tables, rows)
		}
		fromTable("ho-so.json", tables, 0, 1)

		// Each candidacy's final standing, and the lists' order.
		final := func(id int64, award string) string {
			if _, lo, ok := ix.Final(id, award); ok {
				return lo.Outcome.Label()
			}
			n, _ := ix.Nominee(id)
			return ix.Status(n, award).Label()
		}
		for i, n := range doc.Nominees {
			if n.ID != rec.Nominees[i].ID {
				fail("json nominee %d is %d, the record's is %d", i, n.ID, rec.Nominees[i].ID)
			}
			for _, c := range n.Candidacies {
				if _, lo, ok := ix.Final(n.ID, c.Award); ok && (c.StandingLabel != lo.Outcome.Label() || c.Recommended != lo.Outcome.Recommended()) {
					fail("json candidacy %d %s: %+v, want %s", n.ID, c.Award, c, lo.Outcome)
				}
			}
		}
		byAward := func(doc string, rows [][]string, standingTitle string) {
			awardCol, kindCol, nameCol := colOf(t, rows, "Danh hiệu/Hình thức"), colOf(t, rows, "Loại"), colOf(t, rows, "Tên")
			sc := colOf(t, rows, standingTitle)
			last := map[string]int{}
			for _, row := range rows[1:] {
				a := slices.IndexFunc(rec.Plan.Awards, func(a model.Award) bool { return a.Name == row[awardCol] })
				id := rec.Nominees[slices.IndexFunc(rec.Nominees, func(n model.NomineeRecord) bool { return n.Name == row[nameCol] })].ID
				if got, w := row[sc], final(id, rec.Plan.Awards[a].Code); got != w {
					fail("%s: %s for %s is %q, want %q", doc, row[nameCol], row[awardCol], got, w)
				}
				key := row[awardCol] + "/" + row[kindCol]
				p := slices.IndexFunc(rec.Nominees, func(n model.NomineeRecord) bool { return n.ID == id })
				if prev, ok := last[key]; ok && p < prev {
					fail("%s: %s out of the record's order", doc, row[nameCol])
				}
				last[key] = p
			}
		}
		byAward("bien-ban.csv", csvRows(t, render(DocMinutes, FormatCSV)), "Kết quả")
		byAward("danh-sach.csv", csvRows(t, render(DocList, FormatCSV)), "Kết quả")
	}
	for _, o := range []voting.Outcome{voting.OutcomePassed, voting.OutcomeFailed, voting.OutcomeOverQuota, voting.OutcomeTiedRevote,
		voting.OutcomeTiedChair, voting.OutcomeChairChosen, voting.OutcomeChairNotChosen, voting.OutcomeRevoteWon, voting.OutcomeRevoteLost} {
		if kinds[o] == 0 {
			t.Errorf("no generated meeting printed %s", o)
		}
	}
}

// chairFixture is the fixture with the chair settling round 1's tie
// instead of a re-vote: Nguyễn Thị Thu Hà chosen for the one place.
func chairFixture() *model.Record {
	rec := fixture()
	rec.Plan.Awards[0].TieBreak = model.TieChair
	rec.Rounds = rec.Rounds[:2]
	rec.Decisions = []model.ChairDecision{{Award: "GK-TT", Round: 1, Tied: []int64{nomThon, nomHa}, Chosen: []int64{nomHa},
		Chair: "Lê Văn Mẫu Tâm", At: at(10, 30), Note: "Ưu tiên cá nhân trực tiếp lao động"}}
	return rec
}

// TestResults_ChairDecision: the results annex, the vote-count record and
// the minutes show the chair's decision where the tied nominees appear,
// and each tied nominee's standing after it.
func TestResults_ChairDecision(t *testing.T) {
	rec := chairFixture()
	for _, key := range []string{DocResults, DocCount, DocMinutes} {
		b, err := renderDoc(rec, key, FormatText)
		if err != nil {
			t.Fatal(err)
		}
		out := flat(string(b))
		for _, want := range []string{
			"Thôn Ngọc Quỳnh 4 0 80,00% Ngoài chỉ tiêu (chủ tọa không chọn)",
			"Nguyễn Thị Thu Hà 4 0 80,00% Đạt (chủ tọa chọn)",
			"Bằng phiếu: Các đối tượng Thôn Ngọc Quỳnh, Nguyễn Thị Thu Hà đạt tỷ lệ với số phiếu bằng nhau tại ranh giới chỉ tiêu, còn 1 suất; người chủ trì phiên họp quyết định.",
			"Quyết định của người chủ trì: Người chủ trì phiên họp, Lê Văn Mẫu Tâm, quyết định chọn Nguyễn Thị Thu Hà trong số các đối tượng bằng phiếu (lúc 10 giờ 30 phút). Ưu tiên cá nhân trực tiếp lao động.",
			"Kết quả giải quyết bằng phiếu: Thôn Ngọc Quỳnh ngoài chỉ tiêu (chủ tọa không chọn); Nguyễn Thị Thu Hà đạt (chủ tọa chọn).",
		} {
			if !strings.Contains(out, want) {
				t.Errorf("%s lacks %q:\n%s", key, want, b)
			}
		}
	}
	b, _ := renderDoc(rec, DocCount, FormatText)
	if out := flat(string(b)); !strings.Contains(out, "4. Kết quả: 1/3 đối tượng đạt; đạt (chủ tọa chọn) (1): Nguyễn Thị Thu Hà; ngoài chỉ tiêu (chủ tọa không chọn) (1): Thôn Ngọc Quỳnh; không đạt (1): Vũ Văn Khải.") {
		t.Errorf("the vote-count record's conclusion:\n%s", b)
	}
	// Before the decision, the tie waits for the chair.
	rec.Decisions = nil
	b, _ = renderDoc(rec, DocResults, FormatText)
	out := flat(string(b))
	for _, want := range []string{"Thôn Ngọc Quỳnh 4 0 80,00% Bằng phiếu, chờ chủ tọa quyết định", "còn 1 suất; chờ người chủ trì phiên họp quyết định."} {
		if !strings.Contains(out, want) {
			t.Errorf("results before the decision lack %q:\n%s", want, b)
		}
	}
	if strings.Contains(out, "Kết quả giải quyết bằng phiếu") {
		t.Error("an unsettled tie has a settlement")
	}
}

// TestDocuments_RecordOrderOverBallotOrder: a round whose ballot listed
// its nominees in another order is printed in the record's order in every
// table, and its STT numbers follow.
func TestDocuments_RecordOrderOverBallotOrder(t *testing.T) {
	rec := fixture()
	r := &rec.Rounds[0]
	slices.Reverse(r.Nominees)
	slices.Reverse(r.Results)
	want := []string{"Thôn Ngọc Quỳnh", "Nguyễn Thị Thu Hà", "Vũ Văn Khải"}
	for _, key := range []string{DocResults, DocCount, DocMinutes} {
		b, err := renderDoc(rec, key, FormatText)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for i, row := range textTables(t, string(b))[0] {
			got = append(got, row[1])
			if row[0] != fmt.Sprint(i+1) {
				t.Errorf("%s: row %d numbered %q", key, i+1, row[0])
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s lists round 1 as %q, want %q", key, got, want)
		}
	}
	// The ballot papers stay as the ballot was.
	b, _ := renderDoc(rec, DocBallots, FormatCSV)
	rows := csvRows(t, b)
	if rows[1][5] != "Vũ Văn Khải" {
		t.Errorf("the specimen ballot of round 1 should keep its order: %q", rows[1])
	}
}

// TestCount_CloseHead prints each round's head at close in its vote-count
// record, with a word on what it is, and nothing for a round without one.
func TestCount_CloseHead(t *testing.T) {
	rec := fixture()
	rec.Rounds[1].CloseHead = ""
	b, err := renderDoc(rec, DocCount, FormatText)
	if err != nil {
		t.Fatal(err)
	}
	out := flat(string(b))
	for _, h := range []string{rec.Rounds[0].CloseHead, rec.Rounds[2].CloseHead} {
		if !strings.Contains(out, "Mã kiểm tra hồ sơ khi đóng vòng: "+h+" (Mã của bản ghi đóng vòng bỏ phiếu này trong nhật ký phiên họp") {
			t.Errorf("vote-count records lack the head %s", h)
		}
	}
	if n := strings.Count(out, "Mã kiểm tra hồ sơ khi đóng vòng"); n != 2 {
		t.Errorf("%d heads printed, want 2", n)
	}
	d, err := renderDoc(rec, DocCount, FormatDocx)
	if err != nil {
		t.Fatal(err)
	}
	if doc := docxPart(t, d, "word/document.xml"); !strings.Contains(doc, rec.Rounds[2].CloseHead) ||
		!strings.Contains(doc, `<w:i/><w:iCs/></w:rPr><w:t xml:space="preserve">(Mã của bản ghi đóng vòng`) {
		t.Error("the .docx lacks the head or its italic explanation")
	}
}

// TestRevote_PlacesAtStake: a re-vote says how many places are still at
// stake in the minutes' round heading, in its vote-count record and on its
// ballot paper.
func TestRevote_PlacesAtStake(t *testing.T) {
	rec := fixture()
	rec.Meeting.Status, rec.Meeting.ClosedAt = model.MeetingOpen, time.Time{}
	r3 := &rec.Rounds[2]
	r3.Status, r3.ClosedAt, r3.Results, r3.Ballots, r3.CloseHead = model.RoundOpen, time.Time{}, nil, nil, ""
	b, _ := renderDoc(rec, DocBallots, FormatText)
	if out := flat(string(b)); !strings.Contains(out, "Vòng 3 (bỏ phiếu lại các đối tượng bằng phiếu ở vòng 1, còn 1 suất)") || strings.Contains(out, draftMark) {
		t.Errorf("ballot of the open re-vote:\n%s", b)
	}
	b, _ = renderDoc(fixture(), DocCount, FormatText)
	if out := flat(string(b)); !strings.Contains(out, "Vòng 3 (bỏ phiếu lại các đối tượng bằng phiếu ở vòng 1, còn 1 suất)") {
		t.Errorf("vote-count record of the re-vote:\n%s", b)
	}
	b, _ = renderDoc(fixture(), DocMinutes, FormatText)
	if out := flat(string(b)); !strings.Contains(out, "Vòng 3 – Giấy khen của Chủ tịch UBND thị trấn – bỏ phiếu lại các đối tượng bằng phiếu ở vòng 1, còn 1 suất") {
		t.Errorf("minutes' heading of the re-vote:\n%s", b)
	}
}

// TestMinutes_NoQuorum: a meeting that closes without its quorum and
// without a vote says the council could not vote, with the arithmetic,
// instead of concluding with an empty list; the draft says it cannot yet.
func TestMinutes_NoQuorum(t *testing.T) {
	rec := fixture()
	rec.Rounds, rec.Decisions = nil, nil
	for i := range rec.Members {
		if rec.Members[i].ID != memChair && rec.Members[i].Votes {
			rec.Members[i].Attendance, rec.Members[i].AbsentReason = model.AttendanceAbsent, "Ốm"
		}
	}
	out := flat(string(render(t, Minutes, rec)))
	for _, want := range []string{
		"3. Thành viên Hội đồng có quyền biểu quyết: Có mặt 1/5 thành viên — chưa đủ điều kiện (cần ≥ 2/3, tối thiểu 4): 1 × 3 = 3 < 2 × 5 = 10.",
		"IV. KẾT LUẬN Có mặt 1/5 thành viên Hội đồng được biểu quyết, chưa đạt tối thiểu 2/3 tổng số thành viên (cần 4 thành viên): 1 × 3 = 3 < 2 × 5 = 10. Hội đồng không đủ điều kiện tiến hành bỏ phiếu; không có tập thể, cá nhân nào được đề nghị khen thưởng tại phiên họp này.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("minutes lack %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "thống nhất đề nghị khen thưởng như sau") {
		t.Error("a council without quorum concludes with a list")
	}
	rec.Meeting.Status = model.MeetingOpen
	if out := flat(string(render(t, Minutes, rec))); !strings.Contains(out, "Hội đồng chưa đủ điều kiện tiến hành bỏ phiếu") {
		t.Error("the draft of a meeting without quorum does not say it cannot vote yet")
	}
	// With its quorum the conclusion is the usual one, even without a vote.
	rec = fixture()
	rec.Rounds = nil
	if out := flat(string(render(t, Minutes, rec))); !strings.Contains(out, "thống nhất đề nghị khen thưởng như sau") {
		t.Error("a council with quorum lost its conclusion")
	}
}
