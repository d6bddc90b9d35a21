package model

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/unicode/norm"
)

// Plan files are TOML with English keys. Problems name a line ("dòng 12")
// for syntax errors, or a field path in the file's own key names with
// indexes counted from 1, as a reader counts the [[awards]] sections:
// "awards[3].threshold" is the threshold of the third award.

// LoadPlan reads and parses the plan file at path.
func LoadPlan(path string) (Plan, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return Plan{}, Errorf(ENotFound, "Không tìm thấy tệp kế hoạch %q.", path)
		}
		return Plan{}, Errorf(EInvalid, "Không đọc được tệp kế hoạch %q: %v", path, err)
	}
	return ParsePlan(data)
}

// ParsePlan decodes a plan file, applies defaults and validates it; on
// failure the error is Problems listing everything found.
func ParsePlan(data []byte) (Plan, error) {
	text, prob := planText(data)
	if prob != nil {
		return Plan{}, Problems{*prob}
	}
	var raw map[string]any
	if _, err := toml.Decode(text, &raw); err != nil {
		return Plan{}, Problems{planSyntaxProblem(err)}
	}
	r := planReader{bad: map[string]bool{}}
	p := r.plan(raw)
	ps := r.probs
	skipChairCount := r.badRole
	for _, v := range validatePlan(&p, skipChairCount) {
		if !r.bad[v.Where] {
			ps = append(ps, v)
		}
	}
	if len(ps) > 0 {
		sortPlanProblems(ps)
		return Plan{}, ps
	}
	return p, nil
}

// planText checks the encoding of a plan file and returns it as a string
// without a byte-order mark.
func planText(data []byte) (string, *Problem) {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return "", &Problem{What: "tệp được lưu theo mã UTF-16; hãy lưu lại tệp với bảng mã UTF-8"}
	}
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	if !utf8.Valid(data) {
		line := 1
		for len(data) > 0 {
			r, size := utf8.DecodeRune(data)
			if r == utf8.RuneError && size <= 1 {
				break
			}
			if r == '\n' {
				line++
			}
			data = data[size:]
		}
		return "", &Problem{Where: fmt.Sprintf("dòng %d", line), What: "tệp không phải văn bản UTF-8 (có thể được lưu theo bảng mã cũ như TCVN3 hoặc VNI); hãy lưu lại tệp với bảng mã UTF-8"}
	}
	return string(data), nil
}

// planSyntaxProblem turns a TOML decoding error into a Vietnamese problem.
func planSyntaxProblem(err error) Problem {
	var pe toml.ParseError
	if !errors.As(err, &pe) {
		return Problem{What: "tệp không đúng cú pháp TOML (" + err.Error() + ")"}
	}
	msg := pe.Message
	var what string
	switch {
	case strings.Contains(msg, "has already been defined") || strings.Contains(msg, "was already created"):
		what = "khóa hoặc bảng bị khai báo hai lần"
	case strings.Contains(msg, `expected '"'`) || strings.Contains(msg, `expected '"""'`) ||
		strings.Contains(msg, `expected "'"`) || strings.Contains(msg, `expected "'''"`):
		what = "chuỗi chưa có dấu ngoặc kép đóng"
	case strings.Contains(msg, "strings cannot contain newlines"):
		what = "chuỗi chưa có dấu ngoặc kép đóng; chữ trong dấu \"…\" phải nằm trên một dòng (viết nhiều dòng thì dùng \"\"\"…\"\"\")"
	case strings.Contains(msg, "expected value") || strings.Contains(msg, "floats must start"):
		what = "thiếu giá trị hoặc giá trị viết sai sau dấu \"=\" (chữ phải đặt trong dấu ngoặc kép)"
	case strings.Contains(msg, "expected '.' or '='") || strings.Contains(msg, "key separator") ||
		strings.Contains(msg, "key name appears blank"):
		what = "thiếu dấu \"=\" giữa khóa và giá trị, hoặc tên khóa viết sai"
	case strings.Contains(msg, "newlines not allowed within inline tables"):
		what = "bảng viết trong { … } phải nằm trên một dòng"
	case strings.Contains(msg, "expected a comma"):
		what = "thiếu dấu phẩy hoặc dấu đóng ngoặc"
	case strings.Contains(msg, "unexpected comma"):
		what = "thừa dấu phẩy"
	case strings.Contains(msg, "table name") || strings.Contains(msg, "table array name") || strings.Contains(msg, "is not a table"):
		what = "tên bảng trong dấu [ ] viết sai"
	case strings.Contains(msg, "to end with a newline"):
		what = "còn ký tự thừa sau giá trị; mỗi khóa phải nằm trên một dòng riêng"
	default:
		what = "sai cú pháp TOML"
	}
	return Problem{Where: fmt.Sprintf("dòng %d", pe.Position.Line), What: what + " (" + msg + ")"}
}

// planReader converts the decoded TOML tree into a Plan, collecting every
// problem with its field path.
type planReader struct {
	probs   Problems
	bad     map[string]bool // paths that already have a problem
	badRole bool            // a member's role could not be read
}

func (r *planReader) add(where, format string, args ...any) {
	r.probs = append(r.probs, Problem{Where: where, What: fmt.Sprintf(format, args...)})
	r.bad[where] = true
}

func planJoin(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func planIndex(path string, i int) string {
	return fmt.Sprintf("%s[%d]", path, i+1)
}

// planClean trims text and puts it in Unicode NFC.
func planClean(s string) string {
	return strings.TrimSpace(norm.NFC.String(s))
}

// known reports keys of m that the file format does not have.
func (r *planReader) known(m map[string]any, path string, keys ...string) {
	var unknown []string
	for k := range m {
		found := false
		for _, want := range keys {
			if k == want {
				found = true
				break
			}
		}
		if !found {
			unknown = append(unknown, k)
		}
	}
	sort.Strings(unknown)
	for _, k := range unknown {
		what := fmt.Sprintf("khóa không được hỗ trợ: %q", k)
		if near := planNearest(k, keys); near != "" {
			what += fmt.Sprintf("; có phải ý là %q?", near)
		} else {
			what += "; các khóa dùng được ở đây: " + strings.Join(keys, ", ")
		}
		r.add(planJoin(path, k), "%s", what)
	}
}

// planNearest returns the key within edit distance 2 of k, if any.
func planNearest(k string, keys []string) string {
	best, bestDist := "", 3
	for _, c := range keys {
		if d := planEditDistance(strings.ToLower(k), c); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

func planEditDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

func (r *planReader) table(m map[string]any, path, key string) map[string]any {
	v, ok := m[key]
	if !ok {
		return nil
	}
	t, ok := v.(map[string]any)
	if !ok {
		r.add(planJoin(path, key), "phải là một bảng, mở đầu bằng dòng [%s]", planJoin(path, key))
		return nil
	}
	return t
}

func (r *planReader) tables(m map[string]any, path, key string) []map[string]any {
	v, ok := m[key]
	if !ok {
		return nil
	}
	p := planJoin(path, key)
	switch t := v.(type) {
	case []map[string]any:
		return t
	case []any:
		out := make([]map[string]any, 0, len(t))
		for i, e := range t {
			em, ok := e.(map[string]any)
			if !ok {
				r.add(planIndex(p, i), "phải là một bảng { … }")
				continue
			}
			out = append(out, em)
		}
		return out
	}
	r.add(p, "phải là danh sách các bảng [[%s]]", p)
	return nil
}

func (r *planReader) str(m map[string]any, path, key string) string {
	v, ok := m[key]
	if !ok {
		return ""
	}
	s, ok := v.(string)
	if !ok {
		r.add(planJoin(path, key), "phải là chữ đặt trong dấu ngoặc kép, ví dụ %s = \"…\"", key)
		return ""
	}
	return planClean(s)
}

func (r *planReader) date(m map[string]any, path, key string) string {
	v, ok := m[key]
	if !ok {
		return ""
	}
	if t, ok := v.(time.Time); ok {
		if t.Hour() != 0 || t.Minute() != 0 || t.Second() != 0 || t.Nanosecond() != 0 {
			r.add(planJoin(path, key), "chỉ ghi ngày, không ghi giờ, ví dụ %s = \"2023-12-15\"", key)
			return ""
		}
		return t.Format(time.DateOnly)
	}
	return r.str(m, path, key)
}

func (r *planReader) integer(m map[string]any, path, key string) (int, bool) {
	v, ok := m[key]
	if !ok {
		return 0, false
	}
	n, ok := v.(int64)
	if !ok || n < -1<<31 || n > 1<<31-1 {
		r.add(planJoin(path, key), "phải là số nguyên, không đặt trong dấu ngoặc kép, ví dụ %s = 3", key)
		return 0, false
	}
	return int(n), true
}

func (r *planReader) boolean(m map[string]any, path, key string, def bool) bool {
	v, ok := m[key]
	if !ok {
		return def
	}
	b, ok := v.(bool)
	if !ok {
		r.add(planJoin(path, key), "phải là true (có) hoặc false (không), không đặt trong dấu ngoặc kép")
		return def
	}
	return b
}

func (r *planReader) strings(m map[string]any, path, key string) []string {
	v, ok := m[key]
	if !ok {
		return nil
	}
	p := planJoin(path, key)
	list, ok := v.([]any)
	if !ok {
		r.add(p, "phải là danh sách trong dấu [ ], ví dụ %s = [\"…\", \"…\"]", key)
		return nil
	}
	out := make([]string, 0, len(list))
	for i, e := range list {
		s, ok := e.(string)
		if !ok {
			r.add(planIndex(p, i), "phải là chữ đặt trong dấu ngoặc kép")
			continue
		}
		out = append(out, planClean(s))
	}
	return out
}

// fraction reads a threshold or quorum; ok is false when absent or wrong.
func (r *planReader) fraction(m map[string]any, path, key string) (Fraction, bool) {
	v, ok := m[key]
	if !ok {
		return Fraction{}, false
	}
	p := planJoin(path, key)
	s, ok := v.(string)
	if !ok {
		r.add(p, "phải là tỷ lệ đặt trong dấu ngoặc kép, ví dụ %s = \"70%%\" hoặc \"2/3\"", key)
		return Fraction{}, false
	}
	f, msg := parsePlanFraction(planClean(s))
	if msg != "" {
		r.add(p, "%s", msg)
		return Fraction{}, false
	}
	return f, true
}

// choice reads a string that must be one of the given spellings; it
// returns the index of the match or -1.
func (r *planReader) choice(m map[string]any, path, key, label string, options ...string) int {
	if _, ok := m[key]; !ok {
		return -1
	}
	s := r.str(m, path, key)
	p := planJoin(path, key)
	if r.bad[p] {
		return -1
	}
	for i, o := range options {
		if s == o {
			return i
		}
	}
	r.add(p, "%s không hợp lệ: %q; chỉ dùng một trong: %s", label, s, planQuoteList(options))
	return -1
}

func planQuoteList(options []string) string {
	q := make([]string, len(options))
	for i, o := range options {
		q[i] = strconv.Quote(o)
	}
	return strings.Join(q, ", ")
}

func (r *planReader) plan(raw map[string]any) Plan {
	r.known(raw, "", "org", "plan", "meeting", "council", "awards", "decision", "criteria", "eligibility", "nominees")
	var p Plan
	r.org(raw, &p)
	r.planRef(raw, &p)
	r.meeting(raw, &p)
	r.council(raw, &p)
	if t, ok := raw["meeting"].(map[string]any); !ok || t["tellers"] == nil {
		p.Meeting.Tellers = defaultTellers(p.Council.Members, p.Meeting.Tellers)
	}
	for i, at := range r.tables(raw, "", "awards") {
		p.Awards = append(p.Awards, r.award(at, planIndex("awards", i)))
	}
	p.Decision = r.decision(raw)
	for i, ct := range r.tables(raw, "", "criteria") {
		p.Criteria = append(p.Criteria, r.criteriaSet(ct, planIndex("criteria", i)))
	}
	for i, et := range r.tables(raw, "", "eligibility") {
		p.Eligibility = append(p.Eligibility, r.eligibilityCheck(et, planIndex("eligibility", i)))
	}
	for i, nt := range r.tables(raw, "", "nominees") {
		p.Nominees = append(p.Nominees, r.nominee(nt, planIndex("nominees", i), &p))
	}
	return p
}

// org reads [org].
func (r *planReader) org(raw map[string]any, p *Plan) {
	if t := r.table(raw, "", "org"); t != nil {
		r.known(t, "org", "name", "superior", "place")
		p.Org = Org{Name: r.str(t, "org", "name"), Superior: r.str(t, "org", "superior"), Place: r.str(t, "org", "place")}
	}
}

// planRef reads [plan]; the year, when not given, is that of its date.
func (r *planReader) planRef(raw map[string]any, p *Plan) {
	if t := r.table(raw, "", "plan"); t != nil {
		r.known(t, "plan", "number", "date", "title", "year")
		p.Ref.Number = r.str(t, "plan", "number")
		p.Ref.Date = r.date(t, "plan", "date")
		p.Ref.Title = r.str(t, "plan", "title")
		if y, ok := r.integer(t, "plan", "year"); ok {
			p.Ref.Year = y
		}
	}
	if p.Ref.Year == 0 && !r.bad["plan.year"] {
		if d, err := time.Parse(time.DateOnly, p.Ref.Date); err == nil {
			p.Ref.Year = d.Year()
		}
	}
}

// meeting reads [meeting], with a quorum of 2/3 and three tellers unless
// it says otherwise.
func (r *planReader) meeting(raw map[string]any, p *Plan) {
	p.Meeting.Quorum = Fraction{Num: 2, Den: 3}
	p.Meeting.Tellers = 3
	t := r.table(raw, "", "meeting")
	if t == nil {
		return
	}
	r.known(t, "meeting", append(append([]string{"number", "date", "place", "quorum", "tellers", "secret"}, meetingDocKeys()...), meetingWrittenKeys()...)...)
	r.meetingDocs(t, &p.Meeting)
	r.meetingWritten(t, &p.Meeting)
	p.Meeting.Number = r.str(t, "meeting", "number")
	p.Meeting.Secret = r.boolean(t, "meeting", "secret", false)
	p.Meeting.Date = r.date(t, "meeting", "date")
	p.Meeting.Place = r.str(t, "meeting", "place")
	if f, ok := r.fraction(t, "meeting", "quorum"); ok {
		p.Meeting.Quorum = f
	}
	if n, ok := r.integer(t, "meeting", "tellers"); ok {
		p.Meeting.Tellers = n
	}
}

// council reads [council] and its members.
func (r *planReader) council(raw map[string]any, p *Plan) {
	t := r.table(raw, "", "council")
	if t == nil {
		return
	}
	r.known(t, "council", "name", "members")
	p.Council.Name = r.str(t, "council", "name")
	for i, mt := range r.tables(t, "council", "members") {
		path := planIndex("council.members", i)
		r.known(mt, path, "name", "position", "role", "votes")
		m := Member{
			Name:     r.str(mt, path, "name"),
			Position: r.str(mt, path, "position"),
			Votes:    r.boolean(mt, path, "votes", true),
		}
		if _, ok := mt["role"]; !ok {
			r.add(planJoin(path, "role"), "thiếu vai trò; ghi role = \"chair\", \"vice-chair\", \"member\" hoặc \"secretary\"")
			r.badRole = true
		} else if k := r.choice(mt, path, "role", "vai trò", "chair", "vice-chair", "member", "secretary"); k >= 0 {
			m.Role = Role(k + 1)
		} else {
			r.badRole = true
		}
		p.Council.Members = append(p.Council.Members, m)
	}
}

// defaultTellers is the size of the counting committee when the plan does
// not say: n, or as many as the council has voting members if fewer.
func defaultTellers(members []Member, n int) int {
	voting := 0
	for _, m := range members {
		if m.Votes {
			voting++
		}
	}
	if voting > 0 && voting < n {
		return voting
	}
	return n
}

// award reads one [[awards]] table at path.
func (r *planReader) award(at map[string]any, path string) Award {
	r.known(at, path, append([]string{"code", "name", "authority", "superior", "for", "ballot", "threshold", "comparison", "base",
		"quota", "quota_of", "tie", "aliases", "written_ballots"}, awardDocKeys()...)...)
	a := Award{
		Code:      r.str(at, path, "code"),
		Name:      r.str(at, path, "name"),
		Aliases:   r.strings(at, path, "aliases"),
		Authority: r.str(at, path, "authority"),
		Superior:  r.boolean(at, path, "superior", false),
		Rule: Rule{
			BallotRequired: r.boolean(at, path, "ballot", true),
			Comparison:     AtLeast,
			Base:           BaseAllMembers,
		},
	}
	if _, ok := at["for"]; !ok {
		r.add(planJoin(path, "for"), "thiếu đối tượng khen thưởng; ghi for = \"collective\" (tập thể), \"individual\" (cá nhân) hoặc \"both\" (cả hai)")
	} else if k := r.choice(at, path, "for", "đối tượng khen thưởng", "collective", "individual", "both"); k >= 0 {
		a.Recipients = Recipients(k + 1)
	}
	if f, ok := r.fraction(at, path, "threshold"); ok {
		a.Rule.Threshold = f
	}
	if r.choice(at, path, "comparison", "cách so sánh", ">=", ">", "≥") == 1 {
		a.Rule.Comparison = MoreThan
	}
	if k := r.choice(at, path, "base", "cơ sở tính tỷ lệ", "all-members", "present", "valid-ballots"); k >= 0 {
		a.Rule.Base = Base(k + 1)
	}
	a.Quota, a.TieBreak = r.quota(at, path)
	r.awardDocs(at, path, &a)
	a.WrittenBallots = r.optionalBool(at, path, "written_ballots")
	return a
}

// criteriaSet reads one [[criteria]] table at path.
func (r *planReader) criteriaSet(ct map[string]any, path string) CriteriaSet {
	r.known(ct, path, "for", "award", "items")
	var s CriteriaSet
	if _, ok := ct["for"]; !ok {
		r.add(planJoin(path, "for"), "thiếu đối tượng của bộ tiêu chuẩn; ghi for = \"collective\" (tập thể) hoặc \"individual\" (cá nhân)")
	} else if k := r.choice(ct, path, "for", "đối tượng của bộ tiêu chuẩn", "collective", "individual"); k >= 0 {
		s.Kind = Kind(k + 1)
	}
	s.Award = r.str(ct, path, "award")
	for j, it := range r.tables(ct, path, "items") {
		ip := planIndex(planJoin(path, "items"), j)
		r.known(it, ip, "text", "required")
		s.Criteria = append(s.Criteria, Criterion{
			Text:     r.str(it, ip, "text"),
			Required: r.boolean(it, ip, "required", true),
		})
	}
	return s
}

// eligibilityCheck reads one [[eligibility]] table at path.
func (r *planReader) eligibilityCheck(et map[string]any, path string) EligibilityCheck {
	r.known(et, path, "code", "text", "effect")
	e := EligibilityCheck{Code: r.str(et, path, "code"), Text: r.str(et, path, "text")}
	if _, ok := et["effect"]; !ok {
		r.add(planJoin(path, "effect"), "thiếu hệ quả; ghi effect = \"exclude\" (không khen thưởng) hoặc \"defer\" (chưa xét khen thưởng)")
	} else if k := r.choice(et, path, "effect", "hệ quả", "exclude", "defer"); k >= 0 {
		e.Effect = Effect(k + 1)
	}
	return e
}

// nominee reads one [[nominees]] table at path of plan p (whose awards
// say which documents it may have received).
func (r *planReader) nominee(nt map[string]any, path string, p *Plan) Nominee {
	r.known(nt, path, append([]string{"kind", "name", "unit", "position", "awards", "summary", "facts", "council_member"}, nomineeDossierKeys()...)...)
	n := Nominee{
		Name:          r.str(nt, path, "name"),
		Unit:          r.str(nt, path, "unit"),
		Position:      r.str(nt, path, "position"),
		Awards:        r.strings(nt, path, "awards"),
		Summary:       r.str(nt, path, "summary"),
		Facts:         r.strings(nt, path, "facts"),
		CouncilMember: r.str(nt, path, "council_member"),
	}
	if _, ok := nt["kind"]; !ok {
		r.add(planJoin(path, "kind"), "thiếu loại đối tượng; ghi kind = \"collective\" (tập thể) hoặc \"individual\" (cá nhân)")
	} else if k := r.choice(nt, path, "kind", "loại đối tượng", "collective", "individual"); k >= 0 {
		n.Kind = Kind(k + 1)
	}
	r.readReceived(nt, path, p, &n)
	return n
}

// parsePlanFraction reads "70%", "70,5%", "70.5%" or "2/3" exactly, without
// reducing it; msg is
// a Vietnamese explanation when s is malformed. Range is not checked.
func parsePlanFraction(s string) (f Fraction, msg string) {
	const malformed = "tỷ lệ %q viết sai; ghi theo dạng \"70%%\", \"70,5%%\" hoặc \"2/3\""
	t := strings.ReplaceAll(s, " ", "")
	switch {
	case strings.HasSuffix(t, "%"):
		t = strings.ReplaceAll(strings.TrimSuffix(t, "%"), ",", ".")
		whole, frac, hasDot := strings.Cut(t, ".")
		if !planDigits(whole, 6) || (hasDot && !planDigits(frac, 6)) {
			return Fraction{}, fmt.Sprintf(malformed, s)
		}
		num, _ := strconv.ParseInt(whole+frac, 10, 64)
		den := int64(100)
		for range len(frac) {
			den *= 10
		}
		f = Fraction{Num: num, Den: den}
	case strings.Contains(t, "/"):
		a, b, _ := strings.Cut(t, "/")
		if !planDigits(a, 9) || !planDigits(b, 9) {
			return Fraction{}, fmt.Sprintf(malformed, s)
		}
		num, _ := strconv.ParseInt(a, 10, 64)
		den, _ := strconv.ParseInt(b, 10, 64)
		if den == 0 {
			return Fraction{}, fmt.Sprintf("tỷ lệ %q có mẫu số bằng 0", s)
		}
		f = Fraction{Num: num, Den: den}
	default:
		return Fraction{}, fmt.Sprintf(malformed, s)
	}
	// Kept as written ("70%" stays 70/100) so that documents show the
	// threshold the way the plan states it.
	if f.Num == 0 {
		f.Den = 1
	}
	return f, ""
}

// planDigits reports whether s is 1 to max ASCII digits.
func planDigits(s string, max int) bool {
	if s == "" || len(s) > max {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// planFractionText shows f the Vietnamese way: "70%", "70,5%", or "2/3"
// when it is not a short decimal percentage.
func planFractionText(f Fraction) string {
	if f.Den <= 0 || f.Num < 0 || f.Num > 1e9 || f.Den > 1e9 {
		return fmt.Sprintf("%d/%d", f.Num, f.Den)
	}
	scale := int64(100)
	for k := 0; k <= 4; k++ {
		if f.Num*scale%f.Den == 0 {
			v := strconv.FormatInt(f.Num*scale/f.Den, 10)
			if k > 0 {
				for len(v) <= k {
					v = "0" + v
				}
				v = v[:len(v)-k] + "," + v[len(v)-k:]
			}
			return v + "%"
		}
		scale *= 10
	}
	return fmt.Sprintf("%d/%d", f.Num, f.Den)
}

// sortPlanProblems orders problems by section, then by item index, keeping
// the order found within one item.
func sortPlanProblems(ps Problems) {
	sections := [...]string{"dòng", "org", "plan", "meeting", "council", "awards", "decision", "criteria", "eligibility", "nominees"}
	rank := func(p Problem) (int, int) {
		sec := len(sections)
		for i, s := range sections {
			if p.Where == s || strings.HasPrefix(p.Where, s+".") || strings.HasPrefix(p.Where, s+"[") || strings.HasPrefix(p.Where, s+" ") {
				sec = i
				break
			}
		}
		idx := 0
		if a := strings.IndexByte(p.Where, '['); a >= 0 {
			if b := strings.IndexByte(p.Where[a:], ']'); b > 0 {
				idx, _ = strconv.Atoi(p.Where[a+1 : a+b])
			}
		}
		return sec, idx
	}
	sort.SliceStable(ps, func(i, j int) bool {
		si, ii := rank(ps[i])
		sj, ij := rank(ps[j])
		if si != sj {
			return si < sj
		}
		return ii < ij
	})
}
