package model

import (
	"strings"
)

// An award's quota is written in the plan file as
//
//	quota = 3                       # a fixed number of places
//	quota = "15%"                   # a share of another award's winners,
//	quota_of = "LDTT"               # rounded down
//	tie = "revote"                  # or "chair": what a tie at the line leads to
//
// The reader below turns these keys into Award.Quota and Award.TieBreak; the
// validator checks how they fit the rest of the plan.

// quota reads an award's quota, quota_of and tie keys. The tie-break
// defaults to a re-vote when the award has a quota, and stays unset
// otherwise so that the validator can tell a tie given without a quota.
func (r *planReader) quota(m map[string]any, path string) (*Quota, TieBreak) {
	var q *Quota
	qp := planJoin(path, "quota")
	if v, ok := m["quota"]; ok {
		switch x := v.(type) {
		case int64:
			if x < 1 || x > 1_000_000 {
				r.add(qp, "chỉ tiêu phải là số suất lớn hơn 0, ví dụ quota = 3 (đang ghi %d)", x)
			} else {
				q = &Quota{Count: int(x)}
			}
		case string:
			s := planClean(x)
			if planDigits(s, 9) {
				r.add(qp, "số suất viết không có dấu ngoặc kép: quota = %s; tỷ lệ thì ghi kèm dấu %%, ví dụ quota = \"15%%\"", s)
				break
			}
			f, msg := parsePlanFraction(s)
			if msg != "" {
				r.add(qp, "%s; chỉ tiêu ghi là số suất (quota = 3) hoặc tỷ lệ so với số đạt danh hiệu khác (quota = \"15%%\" cùng quota_of = \"LDTT\")", msg)
				break
			}
			q = &Quota{Share: f}
		default:
			r.add(qp, "chỉ tiêu phải là số nguyên (quota = 3) hoặc tỷ lệ đặt trong dấu ngoặc kép (quota = \"15%%\")")
		}
	}
	if _, ok := m["quota_of"]; ok {
		of := r.str(m, path, "quota_of")
		switch {
		case r.bad[planJoin(path, "quota_of")]:
		case q != nil:
			q.ShareOf = of
		case !r.bad[qp]:
			r.add(planJoin(path, "quota_of"), "quota_of chỉ dùng cùng chỉ tiêu theo tỷ lệ; thêm quota = \"15%%\" (hoặc tỷ lệ khác) hoặc bỏ dòng quota_of")
		}
	}
	var tb TieBreak
	switch r.choice(m, path, "tie", "cách xử lý khi bằng phiếu ở ranh giới chỉ tiêu", "revote", "chair") {
	case 0:
		tb = TieRevote
	case 1:
		tb = TieChair
	}
	if tb == 0 && q != nil {
		tb = TieRevote
	}
	return q, tb
}

// quotas checks every award's quota: a positive number of places, or a
// share in (0, 100%] of another award of the plan, without a cycle of
// shares; only for awards decided by ballot, since places go by agree votes.
func (v *planValidator) quotas() {
	for i, a := range v.p.Awards {
		path := planIndex("awards", i)
		q := a.Quota
		if q == nil {
			if a.TieBreak != 0 {
				v.add(path+".tie", "tie chỉ dùng khi danh hiệu có chỉ tiêu; thêm quota = … hoặc bỏ dòng tie")
			}
			continue
		}
		if a.TieBreak != 0 && a.TieBreak != TieRevote && a.TieBreak != TieChair { // 0: the default, a re-vote
			v.add(path+".tie", "cách xử lý khi bằng phiếu không hợp lệ; dùng \"revote\" (bỏ phiếu lại) hoặc \"chair\" (chủ tọa quyết định)")
		}
		if !a.Rule.BallotRequired {
			v.add(path+".quota", "chỉ tiêu chỉ dùng cho danh hiệu có bỏ phiếu kín (ballot = true), vì suất được xét theo số phiếu đồng ý")
		}
		share := q.Share != (Fraction{})
		switch {
		case q.Count < 0:
			v.add(path+".quota", "chỉ tiêu phải là số suất lớn hơn 0 (đang ghi %d)", q.Count)
		case q.Count > 0 && (share || q.ShareOf != ""):
			v.add(path+".quota_of", "chỉ tiêu %d suất là số cố định; quota_of chỉ dùng khi chỉ tiêu là tỷ lệ, ví dụ quota = \"15%%\"", q.Count)
		case q.Count > 0:
		case !share:
			v.add(path+".quota", "chỉ tiêu phải là số suất (quota = 3) hoặc tỷ lệ (quota = \"15%%\")")
		default:
			v.fraction(path+".quota", q.Share, "tỷ lệ chỉ tiêu")
			v.shareOf(i, path)
		}
	}
}

// shareOf checks the award that award i's share is taken of.
func (v *planValidator) shareOf(i int, path string) {
	a := v.p.Awards[i]
	of := a.Quota.ShareOf
	switch {
	case of == "":
		v.add(path+".quota_of", "chỉ tiêu theo tỷ lệ cần ghi lấy theo số đạt danh hiệu nào, ví dụ quota_of = \"LDTT\"; %s", v.awardCodes())
		return
	case of == a.Code:
		v.add(path+".quota_of", "chỉ tiêu của %s không thể lấy theo chính nó; ghi mã một danh hiệu khác", a.Code)
		return
	}
	if _, ok := v.p.Award(of); !ok {
		v.add(path+".quota_of", "mã danh hiệu %q không có trong kế hoạch; %s", of, v.awardCodes())
		return
	}
	// Follow the chain of shares; coming back to this award is a cycle.
	chain := []string{a.Code}
	seen := map[string]bool{a.Code: true}
	for code := of; code != ""; {
		chain = append(chain, code)
		if seen[code] {
			if code == a.Code {
				v.add(path+".quota_of", "chỉ tiêu lấy theo nhau thành vòng tròn: %s", strings.Join(chain, " → "))
			}
			return
		}
		seen[code] = true
		next, ok := v.p.Award(code)
		if !ok || next.Quota == nil {
			return
		}
		code = next.Quota.ShareOf
	}
}
