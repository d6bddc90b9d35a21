package export

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"hoidong/model"
	"hoidong/voting"
)

// The báo cáo hồ sơ còn thiếu: the candidacies for awards of the superior
// level that may still go up (recommended, or not yet decided) whose
// dossier lacks a document the plan asks for; and what the other
// documents say of those dossiers.

// DocDossier is the key of the report of incomplete dossiers.
const DocDossier = "ho-so-thieu"

// dossierType is the registry entry of the report of incomplete dossiers.
func dossierType() DocType {
	return DocType{Key: DocDossier, Title: "Báo cáo hồ sơ còn thiếu", Short: "Hồ sơ thiếu", File: "bao-cao-ho-so-con-thieu",
		Formats: Formats(), build: buildDossier, table: dossierRows, json: writeDossierJSON, draft: true,
		suits: (*book).hasDossiers,
		unfit: "Không lập được báo cáo hồ sơ còn thiếu: kế hoạch không quy định hồ sơ ([[awards.documents]]) cho hình thức khen thưởng nào do cấp trên xét tặng."}
}

// hasDossiers reports whether an award of the superior level lists the
// documents of its dossier.
func (k *book) hasDossiers() bool {
	for _, a := range k.rec.Plan.Awards {
		if a.Superior && len(a.Documents) > 0 {
			return true
		}
	}
	return false
}

// outOfRunning reports whether a candidacy's standing keeps it from going
// to the superior level: its dossier no longer matters.
func outOfRunning(s voting.Status) bool {
	switch s {
	case voting.StatusExcluded, voting.StatusDeferred, voting.StatusCriteriaFailed, voting.StatusFailed, voting.StatusOverQuota:
		return true
	}
	return false
}

// dossierGaps lists, in the record's order, the candidacies for awards of
// the superior level still in the running whose dossier is incomplete.
func (k *book) dossierGaps() []model.DossierGap {
	var out []model.DossierGap
	for _, g := range k.rec.IncompleteDossiers() {
		if !outOfRunning(k.ix.Status(g.Nominee, g.Award.Code)) {
			out = append(out, g)
		}
	}
	return out
}

// missingWords says what the dossier of a candidacy lacks, for a line of
// the tờ trình: " – hồ sơ còn thiếu: Báo cáo thành tích"; "" when nothing.
func (k *book) missingWords(id int64, award string) string {
	if docs := k.rec.MissingDocuments(id, award); len(docs) > 0 {
		return " – hồ sơ còn thiếu: " + model.DocumentLabels(docs)
	}
	return ""
}

// buildDossier lays out the report of incomplete dossiers: per award of
// the superior level, what it asks for, then a table of the candidacies
// whose dossier lacks something; a sentence when none does.
func buildDossier(k *book) *doc {
	d := k.newDoc("Báo cáo hồ sơ đề nghị khen thưởng còn thiếu")
	d.add(k.councilHeader("", k.dateLine()))
	subject := []string{"Hồ sơ đề nghị cấp trên khen thưởng còn thiếu"}
	if ref := k.minutesRef(); ref != "" {
		subject = append(subject, "(Kèm theo "+ref+")")
	}
	d.titleBlock("BÁO CÁO", subject...)
	gaps := k.dossierGaps()
	intro := "Đối chiếu hồ sơ đề nghị khen thưởng theo quy định"
	if ref := k.planRef(); ref != "" {
		intro += " của " + ref
	}
	d.text(0, "", intro+", hồ sơ của các tập thể, cá nhân được Hội đồng đề nghị hoặc đang được xem xét đề nghị cấp trên khen thưởng như sau:")
	no := 0
	for _, a := range k.rec.Plan.Awards {
		if !a.Superior || len(a.Documents) == 0 {
			continue
		}
		no++
		d.add(blank{})
		d.add(para{role: roleSection, spans: []span{{text: roman(no) + ". " + strings.ToUpper(a.Name), bold: true}}})
		if a.Authority != "" {
			d.text(0, "", "(Đề nghị "+a.Authority+" xét tặng)")
			d.keepLast()
		}
		k.dossierAward(d, a, gaps)
	}
	d.add(blank{})
	if len(gaps) == 0 {
		d.text(0, "", "Hồ sơ của tất cả các tập thể, cá nhân đề nghị cấp trên khen thưởng đã đủ các giấy tờ theo quy định.")
	} else {
		d.text(0, "", fmt.Sprintf("Tổng cộng: %d hồ sơ còn thiếu giấy tờ. Đề nghị các tập thể, cá nhân có tên trên bổ sung hồ sơ trước khi trình cấp trên xét khen thưởng.", len(gaps)))
	}
	d.add(signatures{cols: []sigCol{
		{roles: []string{"THƯ KÝ"}, names: []string{k.secretaryName()}},
		k.presiding(),
	}})
	return d
}

// dossierAward writes what award a asks for and the candidacies for it
// among gaps.
func (k *book) dossierAward(d *doc, a model.Award, gaps []model.DossierGap) {
	d.text(0, "", "Hồ sơ gồm:")
	d.keepLast()
	for i, doc := range a.Documents {
		s := doc.Name
		if doc.Produced {
			s += " (do Hội đồng lập từ phiên họp)"
		}
		end := ";"
		if i == len(a.Documents)-1 {
			end = "."
		}
		d.text(1, fmt.Sprintf("%d) ", i+1), s+end)
	}
	var rows [][]string
	for _, g := range gaps {
		if g.Award.Code != a.Code {
			continue
		}
		received := model.DocumentLabels(g.Received)
		if received == "" {
			received = "—"
		}
		rows = append(rows, []string{strconv.Itoa(len(rows) + 1), g.Nominee.Name,
			model.DocumentLabels(g.Missing), received, k.standing(g.Nominee.ID, a.Code)})
	}
	if len(rows) == 0 {
		d.text(0, "", "Không có hồ sơ nào còn thiếu.")
		return
	}
	d.text(0, "", fmt.Sprintf("Hồ sơ còn thiếu (%d):", len(rows)))
	d.keepLast()
	d.add(tableBlock{cols: []column{
		{title: "STT", width: 3, right: true},
		{title: "Tập thể, cá nhân", width: 22},
		{title: "Còn thiếu", width: 17},
		{title: "Đã nộp", width: 17},
		{title: "Kết quả xét", width: 11},
	}, rows: rows})
}

// dossierRows is the report as a table: one row per incomplete dossier.
func dossierRows(k *book) [][]string {
	rows := [][]string{{"Danh hiệu/Hình thức", "Cấp xét tặng", "Loại", "STT", "Tên", "Chức vụ", "Đơn vị", "Kết quả xét", "Còn thiếu", "Đã nộp"}}
	no := map[string]int{}
	for _, g := range k.dossierGaps() {
		no[g.Award.Code]++
		n := g.Nominee
		rows = append(rows, []string{g.Award.Name, g.Award.Authority, n.Kind.Label(), strconv.Itoa(no[g.Award.Code]), n.Name,
			n.Position, n.Unit, k.standing(n.ID, g.Award.Code), model.DocumentLabels(g.Missing), model.DocumentLabels(g.Received)})
	}
	return rows
}

// The JSON form of the report.
type (
	jsonDossierReport struct {
		SchemaVersion int              `json:"schema_version"`
		Draft         bool             `json:"draft"`
		Complete      bool             `json:"complete"` // no dossier lacks anything
		Incomplete    []jsonDossierGap `json:"incomplete"`
	}
	jsonDossierGap struct {
		Award     string   `json:"award"`
		NomineeID int64    `json:"nominee_id"`
		Kind      string   `json:"kind"`
		Name      string   `json:"name"`
		Standing  string   `json:"standing"`
		Missing   []string `json:"missing"`
		Received  []string `json:"received"`
	}
)

// writeDossierJSON writes the report as JSON.
func writeDossierJSON(w io.Writer, k *book) error {
	out := jsonDossierReport{SchemaVersion: 1, Draft: k.draft, Incomplete: []jsonDossierGap{}}
	for _, g := range k.dossierGaps() {
		out.Incomplete = append(out.Incomplete, jsonDossierGap{
			Award: g.Award.Code, NomineeID: g.Nominee.ID, Kind: g.Nominee.Kind.String(), Name: g.Nominee.Name,
			Standing: k.standing(g.Nominee.ID, g.Award.Code), Missing: documentNames(g.Missing), Received: documentNames(g.Received),
		})
	}
	out.Complete = len(out.Incomplete) == 0
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(norm.NFC.Bytes(append(b, '\n')))
	return err
}

// documentNames lists the documents' full names; [] for none.
func documentNames(docs []model.Document) []string {
	out := make([]string, len(docs))
	for i, d := range docs {
		out[i] = d.Name
	}
	return out
}

// remarkItems writes the remarks as list items at level: "Đồng chí … phát
// biểu: …".
func remarkItems(d *doc, level int, remarks []model.Remark) {
	for _, r := range remarks {
		d.item(level, r.Heading()+": ", endSentence(r.Text))
	}
}

// endSentence ends s with a full stop unless it ends with punctuation.
func endSentence(s string) string {
	s = strings.TrimSpace(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	if s == "" || strings.ContainsRune(".!?…)\"”»", last) {
		return s
	}
	return strings.TrimRight(s, ";:,") + "."
}

// dossierWords says, for the minutes, whether a candidacy's dossier is
// complete: "đủ theo quy định." or "còn thiếu Báo cáo thành tích."; ""
// when the award asks for none.
func (k *book) dossierWords(n *model.NomineeRecord, award string) string {
	items := n.Dossier(&k.rec.Plan, award)
	if len(items) == 0 {
		return ""
	}
	if missing := n.MissingDocuments(&k.rec.Plan, award); len(missing) > 0 {
		return "còn thiếu " + model.DocumentLabels(missing) + "."
	}
	return "đủ theo quy định."
}

// remarksText joins remarks for a table cell.
func remarksText(remarks []model.Remark) string {
	parts := make([]string, len(remarks))
	for i, r := range remarks {
		parts[i] = r.Heading() + ": " + endSentence(r.Text)
	}
	return strings.Join(parts, " ")
}

// The JSON record's dossiers and remarks (schema version 5 on).
type (
	jsonDocument struct {
		Name     string `json:"name"`
		Short    string `json:"short"`
		Produced bool   `json:"produced"`
	}
	// jsonDossierItem is one document of a candidacy's dossier: Received
	// as marked, Present when at hand (received, or produced by the
	// program).
	jsonDossierItem struct {
		Document string `json:"document"`
		Produced bool   `json:"produced"`
		Received bool   `json:"received"`
		Present  bool   `json:"present"`
	}
	// jsonRemark is what one person said: SpeakerID the council member,
	// 0 for "ý kiến khác"; Heading as the minutes print it.
	jsonRemark struct {
		ID        int64  `json:"id"`
		SpeakerID int64  `json:"speaker_id"`
		Speaker   string `json:"speaker"`
		Heading   string `json:"heading"`
		Text      string `json:"text"`
	}
)

func documentsJSON(docs []model.Document) []jsonDocument {
	out := make([]jsonDocument, len(docs))
	for i, d := range docs {
		out[i] = jsonDocument{Name: d.Name, Short: d.Short, Produced: d.Produced}
	}
	return out
}

func dossierJSON(items []model.DossierItem) []jsonDossierItem {
	out := make([]jsonDossierItem, len(items))
	for i, it := range items {
		out[i] = jsonDossierItem{Document: it.Document.Name, Produced: it.Document.Produced, Received: it.Received, Present: it.Present()}
	}
	return out
}

func remarksJSON(remarks []model.Remark) []jsonRemark {
	out := make([]jsonRemark, len(remarks))
	for i, r := range remarks {
		out[i] = jsonRemark{ID: r.ID, SpeakerID: r.Speaker, Speaker: r.SpeakerName, Heading: r.Heading(), Text: r.Text}
	}
	return out
}
