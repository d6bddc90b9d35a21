package voting

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"hoidong/model"
)

func members(voting, present int) []model.MemberRecord {
	var ms []model.MemberRecord
	for i := 0; i < voting; i++ {
		att := model.AttendanceAbsent
		if i < present {
			att = model.AttendancePresent
		}
		ms = append(ms, model.MemberRecord{Member: model.Member{ID: int64(i + 1), Votes: true, Role: model.RoleMember}, Attendance: att})
	}
	// A non-voting secretary, present, never counts.
	ms = append(ms, model.MemberRecord{Member: model.Member{ID: 999, Role: model.RoleSecretary}, Attendance: model.AttendancePresent})
	return ms
}

func TestQuorum_Boundaries(t *testing.T) {
	tests := []struct {
		name           string
		total, present int
		rule           model.Fraction
		met            bool
		needed         int
		text           string
	}{
		{"seven of eight", 8, 7, model.Fraction{Num: 2, Den: 3}, true, 6, "Có mặt 7/8 thành viên — đủ điều kiện (≥ 2/3): 7 × 3 = 21 ≥ 2 × 8 = 16"},
		{"exactly two thirds", 9, 6, model.Fraction{Num: 2, Den: 3}, true, 6, "Có mặt 6/9 thành viên — đủ điều kiện (≥ 2/3): 6 × 3 = 18 ≥ 2 × 9 = 18"},
		{"one below two thirds", 9, 5, model.Fraction{Num: 2, Den: 3}, false, 6, "Có mặt 5/9 thành viên — chưa đủ điều kiện (cần ≥ 2/3, tối thiểu 6): 5 × 3 = 15 < 2 × 9 = 18"},
		{"eleven members eight present", 11, 8, model.Fraction{Num: 2, Den: 3}, true, 8, "Có mặt 8/11 thành viên — đủ điều kiện (≥ 2/3): 8 × 3 = 24 ≥ 2 × 11 = 22"},
		{"eleven members seven present", 11, 7, model.Fraction{Num: 2, Den: 3}, false, 8, "Có mặt 7/11 thành viên — chưa đủ điều kiện (cần ≥ 2/3, tối thiểu 8): 7 × 3 = 21 < 2 × 11 = 22"},
		{"eleven members nine present", 11, 9, model.Fraction{Num: 2, Den: 3}, true, 8, "Có mặt 9/11 thành viên — đủ điều kiện (≥ 2/3): 9 × 3 = 27 ≥ 2 × 11 = 22"},
		{"eleven members six present", 11, 6, model.Fraction{Num: 2, Den: 3}, false, 8, "Có mặt 6/11 thành viên — chưa đủ điều kiện (cần ≥ 2/3, tối thiểu 8): 6 × 3 = 18 < 2 × 11 = 22"},
		{"default rule when unset", 11, 8, model.Fraction{}, true, 8, "Có mặt 8/11 thành viên — đủ điều kiện (≥ 2/3): 8 × 3 = 24 ≥ 2 × 11 = 22"},
		{"percentage rule", 10, 5, model.Fraction{Num: 50, Den: 100}, true, 5, "Có mặt 5/10 thành viên — đủ điều kiện (≥ 50%): 5 × 100 = 500 ≥ 50 × 10 = 500"},
		{"no voting members", 0, 0, model.Fraction{Num: 2, Den: 3}, false, 0, "Có mặt 0/0 thành viên — chưa đủ điều kiện (Hội đồng chưa có thành viên được biểu quyết)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &model.Record{Members: members(tt.total, tt.present)}
			rec.Plan.Meeting.Quorum = tt.rule
			q := Quorum(rec)
			if q.Present != tt.present || q.Total != tt.total || q.Met != tt.met {
				t.Errorf("Quorum = %+v, want present %d total %d met %v", q, tt.present, tt.total, tt.met)
			}
			if got := q.Needed(); got != tt.needed {
				t.Errorf("Needed = %d, want %d", got, tt.needed)
			}
			if got := q.Text(); got != tt.text {
				t.Errorf("Text = %q, want %q", got, tt.text)
			}
			if a := q.Arithmetic(); (a == "") != (tt.total == 0) || !strings.HasSuffix(q.Text(), a) {
				t.Errorf("Arithmetic = %q, not the end of %q", a, q.Text())
			}
		})
	}
}

// TestQuorum_ArithmeticAgreesWithMet: the written comparison says ≥ exactly
// when the quorum is met.
func TestQuorum_ArithmeticAgreesWithMet(t *testing.T) {
	for total := 1; total <= 31; total++ {
		for present := 0; present <= total; present++ {
			for _, rule := range []model.Fraction{{Num: 2, Den: 3}, {Num: 50, Den: 100}, {Num: 3, Den: 4}} {
				rec := &model.Record{Members: members(total, present)}
				rec.Plan.Meeting.Quorum = rule
				q := Quorum(rec)
				if strings.Contains(q.Arithmetic(), " ≥ ") != q.Met || strings.Contains(q.Arithmetic(), " < ") == q.Met {
					t.Fatalf("%d/%d under %v: met %v, arithmetic %q", present, total, rule, q.Met, q.Arithmetic())
				}
				if q.Met != (present >= q.Needed()) {
					t.Fatalf("%d/%d under %v: met %v, needed %d", present, total, rule, q.Met, q.Needed())
				}
			}
		}
	}
}

func rule(num, den int64, cmp model.Comparison, base model.Base) model.Rule {
	return model.Rule{BallotRequired: true, Threshold: model.Fraction{Num: num, Den: den}, Comparison: cmp, Base: base}
}

func TestPasses_Threshold(t *testing.T) {
	r70 := rule(70, 100, model.AtLeast, model.BaseAllMembers)
	r23 := rule(2, 3, model.AtLeast, model.BaseAllMembers)
	m50 := rule(50, 100, model.MoreThan, model.BasePresent)
	a50 := rule(50, 100, model.AtLeast, model.BasePresent)
	tests := []struct {
		name        string
		agree, base int
		r           model.Rule
		want        bool
	}{
		{"70% exactly at threshold", 7, 10, r70, true},
		{"70% one below", 6, 10, r70, false},
		{"70% of 9 needs 7", 7, 9, r70, true},
		{"70% of 9 six fails", 6, 9, r70, false},
		{"2/3 exactly", 6, 9, r23, true},
		{"2/3 one below", 5, 9, r23, false},
		{"2/3 of 11 needs 8", 8, 11, r23, true},
		{"2/3 of 11 seven fails", 7, 11, r23, false},
		{"at least 50% at equality passes", 5, 10, a50, true},
		{"more than 50% at equality fails", 5, 10, m50, false},
		{"more than 50% one above passes", 6, 10, m50, true},
		{"more than 50% odd base", 5, 9, m50, true},
		{"base zero never passes", 0, 0, r70, false},
		{"negative base never passes", 3, -1, r70, false},
		{"zero denominator never passes", 5, 5, rule(1, 0, model.AtLeast, model.BaseAllMembers), false},
		{"90% of 31 needs 28", 28, 31, rule(90, 100, model.AtLeast, model.BaseAllMembers), true},
		{"90% of 31 with 27 fails", 27, 31, rule(90, 100, model.AtLeast, model.BaseAllMembers), false},
		{"70,5% exact fraction", 141, 200, rule(705, 1000, model.AtLeast, model.BaseValid), true},
		{"70,5% one below", 140, 200, rule(705, 1000, model.AtLeast, model.BaseValid), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Passes(tt.agree, tt.base, tt.r); got != tt.want {
				t.Errorf("Passes(%d, %d) = %v, want %v", tt.agree, tt.base, got, tt.want)
			}
		})
	}
}

func TestMinimumAgree_MatchesPasses(t *testing.T) {
	rules := []model.Rule{
		rule(70, 100, model.AtLeast, model.BaseAllMembers),
		rule(2, 3, model.AtLeast, model.BaseAllMembers),
		rule(50, 100, model.MoreThan, model.BasePresent),
		rule(1, 2, model.MoreThan, model.BaseValid),
		rule(90, 100, model.AtLeast, model.BaseAllMembers),
		rule(1, 1, model.MoreThan, model.BaseAllMembers),
		rule(0, 1, model.AtLeast, model.BaseAllMembers),
	}
	for _, r := range rules {
		for base := 1; base <= 40; base++ {
			m := MinimumAgree(base, r)
			for agree := 0; agree <= base; agree++ {
				if got, want := Passes(agree, base, r), agree >= m; got != want {
					t.Fatalf("rule %+v base %d agree %d: Passes %v, MinimumAgree %d", r, base, agree, got, m)
				}
			}
		}
	}
}

func TestFormatShare_Rounding(t *testing.T) {
	tests := []struct {
		agree, base int
		want        string
	}{
		{7, 9, "77,78%"},
		{2, 3, "66,67%"},
		{1, 3, "33,33%"},
		{1, 8, "12,50%"},
		{0, 5, "0,00%"},
		{5, 5, "100,00%"},
		{9, 9, "100,00%"},
		{1, 200000, "0,00%"},
		{1, 20000, "0,01%"},  // 0,005% rounds half up
		{1, 16, "6,25%"},     // exact
		{1, 1600, "0,06%"},   // 0,0625%
		{3, 40000, "0,01%"},  // 0,0075%
		{201, 400, "50,25%"}, // exact
		{1, 32, "3,13%"},     // 3,125% rounds half up
		{5, 0, "—"},
		{0, 0, "—"},
		{0, -3, "—"},
	}
	for _, tt := range tests {
		if got := FormatShare(tt.agree, tt.base); got != tt.want {
			t.Errorf("FormatShare(%d, %d) = %q, want %q", tt.agree, tt.base, got, tt.want)
		}
	}
}

func TestFormatFraction_Forms(t *testing.T) {
	tests := []struct {
		f    model.Fraction
		want string
	}{
		{model.Fraction{Num: 70, Den: 100}, "70%"},
		{model.Fraction{Num: 50, Den: 100}, "50%"},
		{model.Fraction{Num: 90, Den: 100}, "90%"},
		{model.Fraction{Num: 100, Den: 100}, "100%"},
		{model.Fraction{Num: 2, Den: 3}, "2/3"},
		{model.Fraction{Num: 1, Den: 2}, "1/2"},
		{model.Fraction{Num: 705, Den: 1000}, "70,5%"},
		{model.Fraction{Num: 700, Den: 1000}, "70%"},
		{model.Fraction{Num: 6667, Den: 10000}, "66,67%"},
		{model.Fraction{Num: 7005, Den: 10000}, "70,05%"},
		{model.Fraction{Num: 7, Den: 10}, "7/10"},
	}
	for _, tt := range tests {
		if got := FormatFraction(tt.f); got != tt.want {
			t.Errorf("FormatFraction(%v) = %q, want %q", tt.f, got, tt.want)
		}
	}
}

func TestRuleText_Forms(t *testing.T) {
	tests := []struct {
		r    model.Rule
		want string
	}{
		{rule(70, 100, model.AtLeast, model.BaseAllMembers), "Bỏ phiếu kín; đạt khi số phiếu đồng ý từ 70% trở lên so với tổng số thành viên Hội đồng"},
		{rule(50, 100, model.MoreThan, model.BasePresent), "Bỏ phiếu kín; đạt khi số phiếu đồng ý trên 50% so với số thành viên có mặt"},
		{rule(2, 3, model.AtLeast, model.BaseValid), "Bỏ phiếu kín; đạt khi số phiếu đồng ý từ 2/3 trở lên so với số phiếu hợp lệ"},
		{model.Rule{}, "Không cần bỏ phiếu; xét theo tiêu chuẩn"},
	}
	for _, tt := range tests {
		if got := RuleText(tt.r); got != tt.want {
			t.Errorf("RuleText = %q, want %q", got, tt.want)
		}
	}
}

func TestExplain_PassAndFail(t *testing.T) {
	r70 := rule(70, 100, model.AtLeast, model.BaseAllMembers)
	m50 := rule(50, 100, model.MoreThan, model.BasePresent)
	r23 := rule(2, 3, model.AtLeast, model.BaseAllMembers)
	tests := []struct {
		name string
		line model.ResultLine
		r    model.Rule
		want string
	}{
		{"at least pass", model.ResultLine{Agree: 7, Base: 9}, r70, "7/9 = 77,78% ≥ 70% (7 × 100 = 700 ≥ 70 × 9 = 630) → Đạt"},
		{"at least fail", model.ResultLine{Agree: 6, Base: 9}, r70, "6/9 = 66,67% < 70% (6 × 100 = 600 < 70 × 9 = 630) → Không đạt"},
		{"more than pass", model.ResultLine{Agree: 6, Base: 10}, m50, "6/10 = 60,00% > 50% (6 × 100 = 600 > 50 × 10 = 500) → Đạt"},
		{"more than fail at equality", model.ResultLine{Agree: 5, Base: 10}, m50, "5/10 = 50,00% ≤ 50% (5 × 100 = 500 ≤ 50 × 10 = 500) → Không đạt"},
		{"fraction threshold", model.ResultLine{Agree: 6, Base: 9}, r23, "6/9 = 66,67% ≥ 2/3 (6 × 3 = 18 ≥ 2 × 9 = 18) → Đạt"},
		{"base zero", model.ResultLine{Agree: 0, Base: 0}, r70, "0/0 = — (không có cơ sở để tính tỷ lệ) → Không đạt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Explain(tt.line, tt.r); got != tt.want {
				t.Errorf("Explain = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestText_IsNFC(t *testing.T) {
	var texts []string
	for s := StatusPending; s <= StatusApproved; s++ {
		texts = append(texts, s.Label())
	}
	texts = append(texts,
		RuleText(rule(70, 100, model.AtLeast, model.BaseAllMembers)),
		RuleText(rule(50, 100, model.MoreThan, model.BasePresent)),
		RuleText(model.Rule{}),
		Explain(model.ResultLine{Agree: 5, Base: 10}, rule(50, 100, model.MoreThan, model.BasePresent)),
		Explain(model.ResultLine{}, model.Rule{}),
		QuorumState{Present: 1, Total: 3, Rule: model.Fraction{Num: 2, Den: 3}}.Text(),
		QuorumState{Present: 3, Total: 3, Rule: model.Fraction{Num: 2, Den: 3}, Met: true}.Text(),
		CheckPaper(PaperCounts{Issued: 9, Returned: 10, Valid: -1, Agree: map[int64]int{2: 11}}, []int64{1, 2}, 5).Error(),
	)
	for _, s := range texts {
		if !norm.NFC.IsNormalString(s) {
			t.Errorf("not NFC: %q", s)
		}
	}
}
