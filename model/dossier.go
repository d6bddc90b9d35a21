package model

import (
	"strings"
	"unicode"
)

// The dossier (hồ sơ đề nghị khen thưởng) an award needs is a list of
// documents in the plan ([[awards.documents]]); some of them hoidong
// itself writes from the record (the tờ trình, the minutes and the result
// of the vote, the list of nominees) and are never missing, the others (a
// nominee's achievement report) the secretary marks as received. A
// candidacy's dossier is complete when every document the program does not
// write has been received.

// Document is one document of the dossier an award needs.
type Document struct {
	Name string // "Báo cáo thành tích của tập thể hoặc cá nhân được đề nghị khen thưởng"
	// Short is the name screens and tables use, "Báo cáo thành tích";
	// empty: the name.
	Short string `json:",omitempty"`
	// Produced says hoidong writes the document itself (tờ trình, biên
	// bản và kết quả bỏ phiếu, danh sách trích ngang): it is never
	// missing and is not marked.
	Produced bool `json:",omitempty"`
}

// Label returns the document's short name, or its name.
func (d Document) Label() string {
	if d.Short != "" {
		return d.Short
	}
	return d.Name
}

// DossierDoc names one document of a candidacy's dossier: the award, and
// the document's place (from 0) in the award's list.
type DossierDoc struct {
	Award string
	Doc   int
}

// DossierItem is one document of a candidacy's dossier with its state.
type DossierItem struct {
	Index    int // the document's place (from 0) in the award's list
	Document Document
	Received bool // marked received; a produced document is never marked
}

// Present reports whether the document is at hand: received, or written
// by the program.
func (it DossierItem) Present() bool { return it.Received || it.Document.Produced }

// State names the item's state in Vietnamese: "Đã nhận", "Còn thiếu" or
// "Do chương trình lập".
func (it DossierItem) State() string {
	switch {
	case it.Document.Produced:
		return "Do chương trình lập"
	case it.Received:
		return "Đã nhận"
	}
	return "Còn thiếu"
}

// DossierGap is a candidacy for an award of the superior level whose
// dossier is not complete.
type DossierGap struct {
	Nominee  *NomineeRecord
	Award    Award
	Missing  []Document // not received, in the award's order
	Received []Document // received (produced documents left out), in the award's order
}

// candidacy returns n's candidacy for award, or nil.
func (n *NomineeRecord) candidacy(award string) *Candidacy {
	for i := range n.Candidacies {
		if n.Candidacies[i].Award == award {
			return &n.Candidacies[i]
		}
	}
	return nil
}

// Dossier lists the documents the plan asks for award with their state
// for nominee n; nil when n is not proposed for award or the award needs
// none.
func (n *NomineeRecord) Dossier(p *Plan, award string) []DossierItem {
	c := n.candidacy(award)
	a, ok := p.Award(award)
	if c == nil || !ok || len(a.Documents) == 0 {
		return nil
	}
	out := make([]DossierItem, len(a.Documents))
	for i, d := range a.Documents {
		out[i] = DossierItem{Index: i, Document: d, Received: !d.Produced && i < len(c.Received) && c.Received[i]}
	}
	return out
}

// MissingDocuments lists the documents of award's dossier nominee n still
// lacks, in the award's order.
func (n *NomineeRecord) MissingDocuments(p *Plan, award string) []Document {
	var out []Document
	for _, it := range n.Dossier(p, award) {
		if !it.Present() {
			out = append(out, it.Document)
		}
	}
	return out
}

// Dossier lists the documents of the dossier of the nominee with id for
// award, with their state; nil for an unknown nominee or candidacy.
func (rec *Record) Dossier(nomineeID int64, award string) []DossierItem {
	n, ok := rec.NomineeByID(nomineeID)
	if !ok {
		return nil
	}
	return n.Dossier(&rec.Plan, award)
}

// MissingDocuments lists the documents the dossier of the nominee with id
// for award still lacks: not written by the program and not received.
func (rec *Record) MissingDocuments(nomineeID int64, award string) []Document {
	n, ok := rec.NomineeByID(nomineeID)
	if !ok {
		return nil
	}
	return n.MissingDocuments(&rec.Plan, award)
}

// DossierComplete reports whether the dossier of the nominee with id for
// award lacks nothing; an award without a list of documents needs none.
func (rec *Record) DossierComplete(nomineeID int64, award string) bool {
	return len(rec.MissingDocuments(nomineeID, award)) == 0
}

// IncompleteDossiers lists the candidacies for awards of the superior
// level whose dossier lacks a document, in the record's one order: by
// award as the plan lists them, then nominees in the record's order
// (collectives first, individuals by given name). Whether a candidacy is
// still going to the superior level is the caller's judgement.
func (rec *Record) IncompleteDossiers() []DossierGap {
	var out []DossierGap
	for _, a := range rec.Plan.Awards {
		if !a.Superior || len(a.Documents) == 0 {
			continue
		}
		for i := range rec.Nominees {
			n := &rec.Nominees[i]
			items := n.Dossier(&rec.Plan, a.Code)
			g := DossierGap{Nominee: n, Award: a}
			for _, it := range items {
				switch {
				case !it.Present():
					g.Missing = append(g.Missing, it.Document)
				case it.Received:
					g.Received = append(g.Received, it.Document)
				}
			}
			if len(g.Missing) > 0 {
				out = append(out, g)
			}
		}
	}
	return out
}

// HasDossiers reports whether any award of the plan lists the documents
// of its dossier.
func (p *Plan) HasDossiers() bool {
	for _, a := range p.Awards {
		if len(a.Documents) > 0 {
			return true
		}
	}
	return false
}

// DocumentLabels joins the labels of docs with ", ".
func DocumentLabels(docs []Document) string {
	s := make([]string, len(docs))
	for i, d := range docs {
		s[i] = d.Label()
	}
	return strings.Join(s, ", ")
}

// MatchKey is the key two names written by hand are the same under —
// headers of a registration table, award names, document names:
// diacritics, case and punctuation ignored, y read as i.
func MatchKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	gap := false
	for _, r := range Fold(s) {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			gap = true
			continue
		}
		if gap && b.Len() > 0 {
			b.WriteByte(' ')
		}
		gap = false
		if r == 'y' {
			r = 'i'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// IsWholeDossier reports whether text says every document was received:
// "đủ", "đầy đủ", "đủ hồ sơ", "tất cả".
func IsWholeDossier(text string) bool {
	switch MatchKey(text) {
	case "du", "dai du", "du ho so", "ho so dai du", "da du", "tat ca", "du tat ca":
		return true
	}
	return false
}

// MatchDocument finds, among the dossiers of the awards codes, the
// documents text names by name or short name (diacritics, case and
// punctuation ignored) that are to be handed in; a name several awards
// list gives each of them. ok is false when no document at all is named
// so: naming one the program writes itself is not wrong, and gives none.
func (p *Plan) MatchDocument(codes []string, text string) (docs []DossierDoc, ok bool) {
	k := MatchKey(text)
	if k == "" {
		return nil, false
	}
	for _, code := range codes {
		a, found := p.Award(code)
		if !found {
			continue
		}
		for i, d := range a.Documents {
			if MatchKey(d.Name) != k && (d.Short == "" || MatchKey(d.Short) != k) {
				continue
			}
			ok = true
			if !d.Produced {
				docs = append(docs, DossierDoc{Award: code, Doc: i})
			}
		}
	}
	return docs, ok
}

// WholeDossier lists every document of the dossiers of the awards codes
// that the program does not write.
func (p *Plan) WholeDossier(codes []string) []DossierDoc {
	var out []DossierDoc
	for _, code := range codes {
		a, _ := p.Award(code)
		for i, d := range a.Documents {
			if !d.Produced {
				out = append(out, DossierDoc{Award: code, Doc: i})
			}
		}
	}
	return out
}

// DossierNames lists, for a message, the documents the dossiers of the
// awards codes have that the program does not write: "Báo cáo thành tích";
// "" when they have none.
func (p *Plan) DossierNames(codes []string) string {
	var names []string
	for _, d := range p.WholeDossier(codes) {
		a, _ := p.Award(d.Award)
		l := "«" + a.Documents[d.Doc].Label() + "»"
		if !containsString(names, l) {
			names = append(names, l)
		}
	}
	return strings.Join(names, ", ")
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Remark is what one person said in the discussion, about one nominee or
// about the meeting.
type Remark struct {
	ID int64 // assigned by the store
	// Speaker is the council member who spoke; 0 for "ý kiến khác": a
	// guest, or anyone the secretary names in SpeakerName.
	Speaker int64
	// SpeakerName is the member's name as recorded when they spoke, or
	// for "ý kiến khác" whom the secretary typed ("Đại diện Văn phòng"),
	// possibly empty.
	SpeakerName string
	Text        string
}

// Heading says who spoke, as the minutes write it before the words:
// "Đồng chí Nguyễn Văn An phát biểu", "Ý kiến khác (Đại diện Văn phòng)"
// or "Ý kiến khác".
func (r Remark) Heading() string {
	name := strings.TrimSpace(r.SpeakerName)
	switch {
	case r.Speaker != 0:
		return "Đồng chí " + name + " phát biểu"
	case name != "":
		return "Ý kiến khác (" + name + ")"
	}
	return "Ý kiến khác"
}
