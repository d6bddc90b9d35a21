package importer

import (
	"strings"

	"hoidong/model"
)

// Award columns are matched to the plan's awards by name, code or one of
// the award's aliases, compared by key; failing that, by a looser key that
// drops words registration forms leave out ("của Chủ tịch", "cấp") and
// reads common abbreviations (UBND, TW, CSTĐ) as one word, provided it
// points at one award only. "Giấy khen UBND huyện" thus finds "Giấy khen
// của Chủ tịch UBND huyện" but not "Giấy khen của Chủ tịch UBND thị trấn".

// awardIndex finds the plan's awards by what a table calls them.
type awardIndex struct {
	awards []model.Award
	exact  map[string][]int
	loose  map[string][]int
}

// newAwardIndex indexes the plan's awards.
func newAwardIndex(p *model.Plan) *awardIndex {
	ix := &awardIndex{awards: p.Awards, exact: map[string][]int{}, loose: map[string][]int{}}
	add := func(m map[string][]int, k string, i int) {
		if k == "" {
			return
		}
		for _, j := range m[k] {
			if j == i {
				return
			}
		}
		m[k] = append(m[k], i)
	}
	for i, a := range p.Awards {
		for _, name := range append([]string{a.Name, a.Code}, awardAliases(a)...) {
			add(ix.exact, key(name), i)
			add(ix.loose, looseKey(key(name)), i)
		}
	}
	return ix
}

// match returns the code of the award a header or a cell names; when
// several awards fit, it returns none and their codes.
func (ix *awardIndex) match(label string) (code string, several []string) {
	try := func(s string) (string, []string) {
		k := key(s)
		if k == "" {
			return "", nil
		}
		if hits := ix.exact[k]; len(hits) == 1 {
			return ix.awards[hits[0]].Code, nil
		} else if len(hits) > 1 {
			return "", ix.codes(hits)
		}
		if hits := ix.loose[looseKey(k)]; len(hits) == 1 {
			return ix.awards[hits[0]].Code, nil
		} else if len(hits) > 1 {
			return "", ix.codes(hits)
		}
		return "", nil
	}
	if c, sev := try(label); c != "" || len(sev) > 0 {
		return c, sev
	}
	// "Giấy khen (GK_HUYEN)": the part in brackets, then the rest.
	if open := strings.IndexByte(label, '('); open >= 0 {
		if end := strings.IndexByte(label[open:], ')'); end > 0 {
			if c, sev := try(label[open+1 : open+end]); c != "" || len(sev) > 0 {
				return c, sev
			}
			return try(label[:open] + label[open+end+1:])
		}
	}
	return "", nil
}

func (ix *awardIndex) codes(hits []int) []string {
	out := make([]string, len(hits))
	for i, h := range hits {
		out[i] = ix.awards[h].Code
	}
	return out
}

// list names the plan's awards for a message: "Giấy khen … (GK_TT), …".
func (ix *awardIndex) list() string {
	if len(ix.awards) == 0 {
		return "kế hoạch chưa có danh hiệu, hình thức nào"
	}
	parts := make([]string, len(ix.awards))
	for i, a := range ix.awards {
		parts[i] = "«" + a.Name + "» (" + a.Code + ")"
	}
	return "các danh hiệu, hình thức của kế hoạch: " + strings.Join(parts, ", ")
}

// looseKey drops the words registration forms often leave out of an award's
// name and shortens common phrases, from a key.
func looseKey(k string) string {
	if k == "" {
		return ""
	}
	s := " " + k + " "
	for _, r := range [...][2]string{
		{" ui ban nhan dan ", " ubnd "},
		{" hoi dong nhan dan ", " hdnd "},
		{" trung uong ", " tw "},
		{" thu tuong chinh phu ", " ttg "},
		{" thu tuong cp ", " ttg "},
		{" thu tuong ", " ttg "},
		{" chien si thi dua ", " cstd "},
		{" lao dong tien tien ", " ldtt "},
		{" chu tich ", " "},
		{" cua ", " "},
		{" cap ", " "},
		{" tang ", " "},
		{" cac loai ", " "},
		{" de nghi ", " "},
	} {
		for strings.Contains(s, r[0]) {
			s = strings.ReplaceAll(s, r[0], r[1])
		}
	}
	return strings.Join(strings.Fields(s), " ")
}

// awardAliases returns the other names an award goes by in registration
// tables, as the plan gives them.
func awardAliases(a model.Award) []string {
	return a.Aliases
}

// checkIndex finds the plan's eligibility checks by code or text.
type checkIndex struct {
	checks []model.EligibilityCheck
	byKey  map[string]int
}

// newCheckIndex indexes the plan's eligibility checks.
func newCheckIndex(p *model.Plan) *checkIndex {
	ix := &checkIndex{checks: p.Eligibility, byKey: map[string]int{}}
	for i, c := range p.Eligibility {
		for _, k := range []string{key(c.Code), key(c.Text)} {
			if _, dup := ix.byKey[k]; !dup && k != "" {
				ix.byKey[k] = i
			}
		}
	}
	return ix
}

// match returns the code of the check a header or a cell names.
func (ix *checkIndex) match(label string) (string, bool) {
	i, ok := ix.byKey[key(label)]
	if !ok {
		return "", false
	}
	return ix.checks[i].Code, true
}

// list names the plan's checks for a message.
func (ix *checkIndex) list() string {
	if len(ix.checks) == 0 {
		return "kế hoạch chưa có điều kiện nào"
	}
	parts := make([]string, len(ix.checks))
	for i, c := range ix.checks {
		parts[i] = "«" + c.Text + "» (" + c.Code + ")"
	}
	return "các điều kiện của kế hoạch: " + strings.Join(parts, ", ")
}
