package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// The plan keys that shape the documents rather than the vote: the
// signature titles of the minutes ([meeting] sign_secretary and
// sign_presiding), what each award is given for and the cash that goes
// with it ([[awards]] reason, reward_collective, reward_individual), and
// the draft decision that grants the awards of the meeting's own level
// ([decision]).

// meetingDocKeys are the [meeting] keys read by meetingDocs.
func meetingDocKeys() []string { return []string{"sign_secretary", "sign_presiding"} }

// awardDocKeys are the [[awards]] keys read by awardDocs.
func awardDocKeys() []string {
	return []string{"reason", "reward_collective", "reward_individual", "documents"}
}

// meetingDocs reads the signature titles of the minutes from [meeting].
func (r *planReader) meetingDocs(t map[string]any, m *MeetingSettings) {
	m.SignSecretary = r.str(t, "meeting", "sign_secretary")
	m.SignPresiding = r.str(t, "meeting", "sign_presiding")
}

// awardDocs reads an award's reason and rewards.
func (r *planReader) awardDocs(at map[string]any, path string, a *Award) {
	a.Reason = r.str(at, path, "reason")
	a.RewardCollective = r.multiple(at, path, "reward_collective")
	a.RewardIndividual = r.multiple(at, path, "reward_individual")
	r.readDossier(at, path, a)
}

// decision reads the [decision] table.
func (r *planReader) decision(raw map[string]any) DecisionSettings {
	var d DecisionSettings
	t := r.table(raw, "", "decision")
	if t == nil {
		return d
	}
	const p = "decision"
	r.known(t, p, "number", "date", "issuer", "signer", "sign_title", "signer_name", "bases", "proposer",
		"executors", "recipients", "base_salary", "fund")
	d.Number = r.str(t, p, "number")
	d.Date = r.date(t, p, "date")
	d.Issuer = r.str(t, p, "issuer")
	d.Signer = r.str(t, p, "signer")
	d.SignTitle = r.str(t, p, "sign_title")
	d.SignerName = r.str(t, p, "signer_name")
	d.Bases = r.strings(t, p, "bases")
	d.Proposer = r.str(t, p, "proposer")
	d.Executors = r.strings(t, p, "executors")
	d.Recipients = r.strings(t, p, "recipients")
	d.Fund = r.str(t, p, "fund")
	if _, ok := t["base_salary"]; ok {
		n, ok := t["base_salary"].(int64)
		switch {
		case !ok:
			r.add(planJoin(p, "base_salary"), "phải là số đồng viết liền, không đặt trong dấu ngoặc kép, ví dụ base_salary = 1800000")
		case n <= 0 || n > 1e12:
			r.add(planJoin(p, "base_salary"), "mức lương cơ sở %d đồng không hợp lệ; ghi số đồng lớn hơn 0, ví dụ base_salary = 1800000", n)
		default:
			d.BaseSalary = n
		}
	}
	return d
}

// multiple reads a multiple of the base salary, written "0,3", "0.3" or
// as a number; absent or wrong, it is zero.
func (r *planReader) multiple(m map[string]any, path, key string) Fraction {
	v, ok := m[key]
	if !ok {
		return Fraction{}
	}
	p := planJoin(path, key)
	var s string
	switch x := v.(type) {
	case string:
		s = planClean(x)
	case int64:
		s = strconv.FormatInt(x, 10)
	case float64:
		s = strconv.FormatFloat(x, 'f', -1, 64)
	default:
		r.add(p, "phải là hệ số so với mức lương cơ sở, ví dụ %s = \"0,3\"", key)
		return Fraction{}
	}
	f, ok := parseMultiple(s)
	if !ok {
		r.add(p, "hệ số %q viết sai; ghi số lần mức lương cơ sở, ví dụ %s = \"0,3\" hoặc \"1,5\"", s, key)
		return Fraction{}
	}
	if f.Num <= 0 || f.Num > 100*f.Den {
		r.add(p, "hệ số %q phải lớn hơn 0 và không quá 100 lần mức lương cơ sở", s)
		return Fraction{}
	}
	return f
}

// parseMultiple reads a decimal such as "0,3", "1.5" or "2" exactly: "0,3"
// is 3/10.
func parseMultiple(s string) (Fraction, bool) {
	whole, frac, hasDot := strings.Cut(strings.ReplaceAll(s, ",", "."), ".")
	if whole == "" && hasDot {
		whole = "0"
	}
	if !planDigits(whole, 4) || (hasDot && !planDigits(frac, 4)) {
		return Fraction{}, false
	}
	num, _ := strconv.ParseInt(whole+frac, 10, 64)
	den := int64(1)
	for range len(frac) {
		den *= 10
	}
	return Fraction{Num: num, Den: den}, true
}

// documents checks the keys that shape the documents.
func (v *planValidator) documents() {
	p := v.p
	v.dossiers()
	v.title("meeting.sign_secretary", p.Meeting.SignSecretary, DefaultSignSecretary)
	v.title("meeting.sign_presiding", p.Meeting.SignPresiding, DefaultSignPresiding)
	for i, a := range p.Awards {
		path := planIndex("awards", i)
		for _, rw := range []struct {
			key  string
			f    Fraction
			kind Kind
		}{{"reward_collective", a.RewardCollective, KindCollective}, {"reward_individual", a.RewardIndividual, KindIndividual}} {
			if rw.f == (Fraction{}) {
				continue
			}
			switch {
			case a.Superior:
				v.add(path+"."+rw.key, "tiền thưởng chỉ ghi cho hình thức do cấp này tặng (superior = false); %s do cấp trên tặng nên cấp trên quyết định tiền thưởng", awardLabel(a))
			case a.Recipients != 0 && !a.Recipients.Allows(rw.kind):
				v.add(path+"."+rw.key, "%s không dành cho %s nên không có tiền thưởng cho %s", awardLabel(a), strings.ToLower(rw.kind.Label()), strings.ToLower(rw.kind.Label()))
			case rw.f.Den <= 0 || rw.f.Num <= 0:
				v.add(path+"."+rw.key, "hệ số tiền thưởng phải lớn hơn 0")
			}
		}
	}
	d := p.Decision
	v.date("decision.date", d.Date, "ngày ký quyết định")
	if d.Number != "" && !strings.Contains(d.Number, "/") {
		v.add("decision.number", "số quyết định %q viết sai; ghi số và ký hiệu, ví dụ number = \"25/QĐ-UBND\", hoặc bỏ trống để ghi tay khi ký", d.Number)
	}
	v.title("decision.sign_title", d.SignTitle, "CHỦ TỊCH")
	for _, l := range []struct {
		key   string
		items []string
		label string
	}{{"bases", d.Bases, "căn cứ"}, {"executors", d.Executors, "nơi thi hành"}, {"recipients", d.Recipients, "nơi nhận"}} {
		for j, s := range l.items {
			if strings.Trim(s, " .;,") == "" {
				v.add(planIndex("decision."+l.key, j), "%s để trống", l.label)
			}
		}
	}
	if d.BaseSalary < 0 {
		v.add("decision.base_salary", "mức lương cơ sở không được âm")
	}
	if d.Date != "" && p.Meeting.Date != "" {
		dd, err1 := time.Parse(time.DateOnly, d.Date)
		md, err2 := time.Parse(time.DateOnly, p.Meeting.Date)
		if err1 == nil && err2 == nil && dd.Before(md) {
			v.add("decision.date", "ngày ký quyết định %s trước ngày họp %s; quyết định căn cứ biên bản họp nên ký sau ngày họp",
				dd.Format("02/01/2006"), md.Format("02/01/2006"))
		}
	}
}

// title checks a title printed over a signature: capitals, as Decree 30
// writes them.
func (v *planValidator) title(where, s, example string) {
	if s != "" && strings.ToUpper(s) != s {
		v.add(where, "chức danh ký %q phải viết chữ in hoa, ví dụ \"%s\"", s, example)
	}
}

// awardLabel names an award in a problem: "Giấy khen (GK)".
func awardLabel(a Award) string {
	if a.Name == "" {
		return a.Code
	}
	return fmt.Sprintf("%s (%s)", a.Name, a.Code)
}

// documents compares the keys that shape the documents.
func (d *planDiff) documents(before, after Plan) {
	d.text("meeting.sign_secretary", before.Meeting.SignSecretary, after.Meeting.SignSecretary)
	d.text("meeting.sign_presiding", before.Meeting.SignPresiding, after.Meeting.SignPresiding)
	b, a := before.Decision, after.Decision
	d.text("decision.number", b.Number, a.Number)
	d.text("decision.date", b.Date, a.Date)
	d.text("decision.issuer", b.Issuer, a.Issuer)
	d.text("decision.signer", b.Signer, a.Signer)
	d.text("decision.sign_title", b.SignTitle, a.SignTitle)
	d.text("decision.signer_name", b.SignerName, a.SignerName)
	d.add("decision.bases", textList(b.Bases), textList(a.Bases))
	d.text("decision.proposer", b.Proposer, a.Proposer)
	d.add("decision.executors", textList(b.Executors), textList(a.Executors))
	d.add("decision.recipients", textList(b.Recipients), textList(a.Recipients))
	d.add("decision.base_salary", strconv.FormatInt(b.BaseSalary, 10), strconv.FormatInt(a.BaseSalary, 10))
	d.text("decision.fund", b.Fund, a.Fund)
}

// awardDocs compares an award's reason and rewards.
func (d *planDiff) awardDocs(path string, b, a Award) {
	d.text(path+".reason", b.Reason, a.Reason)
	d.add(path+".reward_collective", multipleText(b.RewardCollective), multipleText(a.RewardCollective))
	d.add(path+".reward_individual", multipleText(b.RewardIndividual), multipleText(a.RewardIndividual))
	d.awardDossier(path, b, a)
}

// MultipleText writes a multiple of the base salary the Vietnamese way:
// 3/10 as "0,3", 3/2 as "1,5"; "" for zero (not stated).
func MultipleText(f Fraction) string {
	if f.Den <= 0 || f.Num <= 0 {
		return ""
	}
	den := f.Den
	digits := 0
	for den%10 == 0 {
		den /= 10
		digits++
	}
	if den != 1 {
		return fmt.Sprintf("%d/%d", f.Num, f.Den)
	}
	whole, frac := f.Num/f.Den, f.Num%f.Den
	if frac == 0 {
		return strconv.FormatInt(whole, 10)
	}
	fs := fmt.Sprintf("%0*d", digits, frac)
	return strconv.FormatInt(whole, 10) + "," + strings.TrimRight(fs, "0")
}

// multipleText is MultipleText for a plan difference: "(không có)" for zero.
func multipleText(f Fraction) string {
	if s := MultipleText(f); s != "" {
		return s
	}
	return absent
}
