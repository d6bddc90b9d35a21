package model

import (
	"fmt"
	"strings"
	"time"
)

// ValidatePlan checks a plan's domain rules and returns every problem,
// each placed by a field path spelt as in the plan file ("awards[3].threshold",
// indexes counted from 1).
func ValidatePlan(p *Plan) Problems {
	return validatePlan(p, false)
}

// validatePlan is ValidatePlan; skipChairCount leaves out the "exactly one
// chair" check when the file had a role that could not be read.
func validatePlan(p *Plan, skipChairCount bool) Problems {
	v := planValidator{p: p}
	v.header()
	v.council(skipChairCount)
	v.awards()
	v.quotas()
	v.criteria()
	v.eligibility()
	v.nominees()
	v.documents()
	v.written()
	return v.probs
}

type planValidator struct {
	p     *Plan
	probs Problems
}

func (v *planValidator) add(where, format string, args ...any) {
	v.probs = append(v.probs, Problem{Where: where, What: fmt.Sprintf(format, args...)})
}

func (v *planValidator) date(where, value, label string) {
	if value == "" {
		return
	}
	if _, err := time.Parse(time.DateOnly, value); err != nil {
		v.add(where, "%s không hợp lệ: %q; ghi theo dạng năm-tháng-ngày, ví dụ \"2023-12-15\"", label, value)
	}
}

// fraction checks that f lies in (0, 1].
func (v *planValidator) fraction(where string, f Fraction, label string) {
	switch {
	case f.Num == 0 && f.Den == 0:
		v.add(where, "chưa có %s", label)
	case f.Den <= 0:
		v.add(where, "%s %d/%d có mẫu số không dương", label, f.Num, f.Den)
	case f.Num <= 0:
		v.add(where, "%s phải lớn hơn 0%%", label)
	case f.Num > f.Den:
		v.add(where, "%s %s vượt quá 100%%", label, planFractionText(f))
	}
}

func (v *planValidator) header() {
	p := v.p
	if p.Org.Name == "" {
		v.add("org.name", "chưa có tên cơ quan, đơn vị tổ chức phong trào")
	}
	if p.Ref.Number == "" {
		v.add("plan.number", "chưa có số kế hoạch, ví dụ number = \"11/KH-UBND\"")
	}
	v.date("plan.date", p.Ref.Date, "ngày ban hành kế hoạch")
	if p.Ref.Year != 0 && (p.Ref.Year < 1945 || p.Ref.Year > 2999) {
		v.add("plan.year", "năm %d không hợp lệ", p.Ref.Year)
	}
	v.date("meeting.date", p.Meeting.Date, "ngày họp")
	v.fraction("meeting.quorum", p.Meeting.Quorum, "tỷ lệ thành viên có mặt tối thiểu")
	voting := 0
	for _, m := range p.Council.Members {
		if m.Votes {
			voting++
		}
	}
	switch {
	case p.Meeting.Tellers < 1:
		v.add("meeting.tellers", "Ban kiểm phiếu phải có ít nhất 1 người (đang ghi %d)", p.Meeting.Tellers)
	case voting > 0 && p.Meeting.Tellers > voting:
		v.add("meeting.tellers", "Ban kiểm phiếu có %d người, nhiều hơn số thành viên được biểu quyết (%d)", p.Meeting.Tellers, voting)
	}
}

func (v *planValidator) council(skipChairCount bool) {
	ms := v.p.Council.Members
	if len(ms) == 0 {
		v.add("council.members", "Hội đồng chưa có thành viên nào; thêm các mục [[council.members]]")
		return
	}
	chair, secretary := -1, -1
	voting := 0
	names := map[string]int{}
	for i, m := range ms {
		path := planIndex("council.members", i)
		if m.Name == "" {
			v.add(path+".name", "thiếu họ và tên thành viên")
		} else {
			key := planKey(m.Name)
			if j, ok := names[key]; ok {
				v.add(path+".name", "trùng họ và tên với thành viên thứ %d (%s)", j+1, ms[j].Name)
			} else {
				names[key] = i
			}
		}
		if m.Votes {
			voting++
		}
		switch m.Role {
		case RoleChair:
			if chair >= 0 {
				v.add(path+".role", "Hội đồng chỉ có một chủ tịch; thành viên thứ %d (%s) đã là chủ tịch", chair+1, ms[chair].Name)
			} else {
				chair = i
			}
		case RoleSecretary:
			if secretary >= 0 {
				v.add(path+".role", "Hội đồng chỉ có một thư ký; thành viên thứ %d (%s) đã là thư ký", secretary+1, ms[secretary].Name)
			} else {
				secretary = i
			}
		case RoleViceChair, RoleMember:
		default:
			v.add(path+".role", "vai trò không hợp lệ; dùng \"chair\", \"vice-chair\", \"member\" hoặc \"secretary\"")
		}
	}
	if chair < 0 && !skipChairCount {
		v.add("council.members", "Hội đồng chưa có chủ tịch; một thành viên phải có role = \"chair\"")
	}
	if voting == 0 {
		v.add("council.members", "không thành viên nào được biểu quyết; ít nhất một thành viên phải có votes = true")
	}
}

// planKey is the comparison key of a name: case and spacing ignored.
func planKey(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// planCodeOK reports whether a code is ASCII letters, digits, '_' or '-'.
func planCodeOK(code string) bool {
	for _, c := range code {
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

func (v *planValidator) code(where, code, label string) bool {
	switch {
	case code == "":
		v.add(where, "thiếu mã %s", label)
		return false
	case !planCodeOK(code):
		v.add(where, "mã %q chỉ được gồm chữ cái không dấu, chữ số, dấu gạch dưới (_) hoặc gạch ngang (-)", code)
		return false
	}
	return true
}

// awardCodes lists the plan's award codes for messages.
func (v *planValidator) awardCodes() string {
	codes := make([]string, 0, len(v.p.Awards))
	for _, a := range v.p.Awards {
		if a.Code != "" {
			codes = append(codes, a.Code)
		}
	}
	if len(codes) == 0 {
		return "kế hoạch chưa có mã nào"
	}
	return "các mã có trong kế hoạch: " + strings.Join(codes, ", ")
}

func (v *planValidator) awards() {
	if len(v.p.Awards) == 0 {
		v.add("awards", "kế hoạch chưa có danh hiệu, hình thức khen thưởng nào; thêm các mục [[awards]]")
		return
	}
	seen := map[string]int{}
	for i, a := range v.p.Awards {
		path := planIndex("awards", i)
		if v.code(path+".code", a.Code, "danh hiệu, hình thức khen thưởng") {
			if j, ok := seen[a.Code]; ok {
				v.add(path+".code", "mã %q bị trùng với awards[%d]", a.Code, j+1)
			} else {
				seen[a.Code] = i
			}
		}
		if a.Name == "" {
			v.add(path+".name", "thiếu tên danh hiệu, hình thức khen thưởng")
		}
		switch a.Recipients {
		case ForCollective, ForIndividual, ForBoth:
		default:
			v.add(path+".for", "đối tượng khen thưởng không hợp lệ; dùng \"collective\", \"individual\" hoặc \"both\"")
		}
		rule := a.Rule
		if rule.BallotRequired || rule.Threshold != (Fraction{}) {
			v.fraction(path+".threshold", rule.Threshold, "ngưỡng đạt")
		}
		if rule.BallotRequired {
			if rule.Comparison != AtLeast && rule.Comparison != MoreThan {
				v.add(path+".comparison", "cách so sánh không hợp lệ; dùng \">=\" (từ … trở lên) hoặc \">\" (trên …)")
			}
			switch rule.Base {
			case BaseAllMembers, BasePresent, BaseValid:
			default:
				v.add(path+".base", "cơ sở tính tỷ lệ không hợp lệ; dùng \"all-members\", \"present\" hoặc \"valid-ballots\"")
			}
			if rule.Comparison == MoreThan && rule.Threshold.Den > 0 && rule.Threshold.Num == rule.Threshold.Den {
				v.add(path+".comparison", "ngưỡng \"trên 100%%\" thì không ai đạt được; dùng \">=\" hoặc hạ ngưỡng")
			}
		}
	}
}

func (v *planValidator) criteria() {
	type setKey struct {
		kind  Kind
		award string
	}
	seen := map[setKey]int{}
	for i, s := range v.p.Criteria {
		path := planIndex("criteria", i)
		kindOK := s.Kind == KindCollective || s.Kind == KindIndividual
		if !kindOK {
			v.add(path+".for", "đối tượng của bộ tiêu chuẩn không hợp lệ; dùng \"collective\" hoặc \"individual\"")
		}
		if s.Award != "" {
			if a, ok := v.p.Award(s.Award); !ok {
				v.add(path+".award", "mã danh hiệu %q không có trong kế hoạch; %s", s.Award, v.awardCodes())
			} else if kindOK && a.Recipients != 0 && !a.Recipients.Allows(s.Kind) {
				v.add(path+".award", "%s (%s) không dành cho %s", a.Name, a.Code, strings.ToLower(s.Kind.Label()))
			}
		}
		if kindOK {
			k := setKey{s.Kind, s.Award}
			if j, ok := seen[k]; ok {
				v.add(path, "trùng đối tượng và danh hiệu với bộ tiêu chuẩn criteria[%d]", j+1)
			} else {
				seen[k] = i
			}
		}
		if len(s.Criteria) == 0 {
			v.add(path+".items", "bộ tiêu chuẩn chưa có tiêu chuẩn nào")
		}
		for j, c := range s.Criteria {
			if c.Text == "" {
				v.add(planIndex(path+".items", j)+".text", "nội dung tiêu chuẩn để trống")
			}
		}
	}
}

func (v *planValidator) eligibility() {
	seen := map[string]int{}
	for i, e := range v.p.Eligibility {
		path := planIndex("eligibility", i)
		if v.code(path+".code", e.Code, "điều kiện") {
			if j, ok := seen[e.Code]; ok {
				v.add(path+".code", "mã %q bị trùng với eligibility[%d]", e.Code, j+1)
			} else {
				seen[e.Code] = i
			}
		}
		if e.Text == "" {
			v.add(path+".text", "thiếu nội dung điều kiện")
		}
		if e.Effect != EffectExclude && e.Effect != EffectDefer {
			v.add(path+".effect", "hệ quả không hợp lệ; dùng \"exclude\" (không khen thưởng) hoặc \"defer\" (chưa xét khen thưởng)")
		}
	}
}

func (v *planValidator) nominees() {
	facts := map[string]bool{}
	for _, e := range v.p.Eligibility {
		facts[e.Code] = true
	}
	type nomKey struct {
		kind       Kind
		name, unit string
	}
	seen := map[nomKey]int{}
	for i, n := range v.p.Nominees {
		path := planIndex("nominees", i)
		kindOK := n.Kind == KindCollective || n.Kind == KindIndividual
		if !kindOK {
			v.add(path+".kind", "loại đối tượng không hợp lệ; dùng \"collective\" (tập thể) hoặc \"individual\" (cá nhân)")
		}
		if n.Name == "" {
			v.add(path+".name", "thiếu tên tập thể hoặc họ và tên cá nhân")
		} else {
			k := nomKey{n.Kind, planKey(n.Name), planKey(n.Unit)}
			if j, ok := seen[k]; ok {
				v.add(path, "trùng với nominees[%d] (cùng loại, tên và đơn vị): %s", j+1, n.Name)
			} else {
				seen[k] = i
			}
		}
		if len(n.Awards) == 0 {
			v.add(path+".awards", "chưa đề nghị danh hiệu, hình thức khen thưởng nào; ghi awards = [\"…\"]; %s", v.awardCodes())
		}
		proposed := map[string]bool{}
		for _, code := range n.Awards {
			a, ok := v.p.Award(code)
			switch {
			case !ok:
				v.add(path+".awards", "mã danh hiệu %q không có trong kế hoạch; %s", code, v.awardCodes())
			case proposed[code]:
				v.add(path+".awards", "mã danh hiệu %q được ghi hai lần", code)
			case kindOK && a.Recipients != 0 && !a.Recipients.Allows(n.Kind):
				v.add(path+".awards", "%s (%s) không dành cho %s", a.Name, a.Code, strings.ToLower(n.Kind.Label()))
			}
			proposed[code] = true
		}
		for _, f := range n.Facts {
			if !facts[f] {
				codes := make([]string, 0, len(v.p.Eligibility))
				for _, e := range v.p.Eligibility {
					codes = append(codes, e.Code)
				}
				list := "kế hoạch chưa có điều kiện nào"
				if len(codes) > 0 {
					list = "các mã có trong kế hoạch: " + strings.Join(codes, ", ")
				}
				v.add(path+".facts", "mã điều kiện %q không có trong kế hoạch; %s", f, list)
			}
		}
	}
}
