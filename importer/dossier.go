package importer

import (
	"fmt"
	"strings"

	"hoidong/model"
)

// A registration table may say which documents of each nominee's dossier
// (the plan's [[awards.documents]] of the awards proposed) were handed in:
// a column «Hồ sơ đã nộp» that lists them by name or short name, or says
// «đủ» for all; or a column «Hồ sơ còn thiếu» that lists those missing,
// an empty cell meaning none. Documents the program writes itself are
// never asked for.

// dossier reads the dossier cells of row i into the nominee, whose awards
// are known by now.
func (s *sheet) dossier(i int, nr *nomineeRow) {
	row := s.t.rows[i]
	n := &nr.n
	if j := s.colOf(colDossier); j >= 0 && cell(row, j) != "" {
		docs, ok := s.documents(i, j, n.Awards, cell(row, j))
		if !ok {
			return
		}
		n.Received = appendDocs(n.Received, docs...)
	}
	j := s.colOf(colMissing)
	if j < 0 {
		return
	}
	v := cell(row, j)
	var missing []model.DossierDoc
	if v != "" && !noneMissing(v) {
		docs, ok := s.documents(i, j, n.Awards, v)
		if !ok {
			return
		}
		missing = docs
	}
	for _, d := range missing {
		for _, r := range n.Received {
			if r == d {
				a, _ := s.r.rec.Plan.Award(d.Award)
				s.at(i+1, j, "«%s» vừa ghi ở cột hồ sơ đã nộp vừa ghi còn thiếu; hãy sửa một trong hai ô", a.Documents[d.Doc].Label())
				return
			}
		}
	}
	for _, d := range s.r.rec.Plan.WholeDossier(n.Awards) {
		if !containsDoc(missing, d) {
			n.Received = appendDocs(n.Received, d)
		}
	}
}

// documents reads the documents a dossier cell names, separated by
// semicolons or line breaks (or commas, when each part is a document's
// name); "đủ" names them all. ok is false when a name is unknown, which is
// reported at row i, column j.
func (s *sheet) documents(i, j int, awards []string, v string) ([]model.DossierDoc, bool) {
	p := &s.r.rec.Plan
	names := p.DossierNames(awards)
	if names == "" {
		s.at(i+1, j, "các danh hiệu, hình thức đề nghị không có giấy tờ nào phải nộp trong hồ sơ; để trống ô «%s»", clip(v, 40))
		return nil, false
	}
	var out []model.DossierDoc
	ok := true
	for _, part := range splitList(v) {
		if model.IsWholeDossier(part) {
			out = appendDocs(out, p.WholeDossier(awards)...)
			continue
		}
		docs, found := s.documentPart(awards, part)
		if !found {
			s.at(i+1, j, "giấy tờ «%s» không có trong hồ sơ của các danh hiệu, hình thức đề nghị; ghi tên hoặc tên ngắn: %s, hoặc «đủ»", clip(part, 60), names)
			ok = false
			continue
		}
		out = appendDocs(out, docs...)
	}
	return out, ok
}

// documentPart reads one part of a dossier cell: a document's name, or
// names separated by commas.
func (s *sheet) documentPart(awards []string, part string) ([]model.DossierDoc, bool) {
	p := &s.r.rec.Plan
	if docs, ok := p.MatchDocument(awards, part); ok {
		return docs, true
	}
	var out []model.DossierDoc
	for _, sub := range splitComma(part) {
		if strings.TrimSpace(sub) == "" {
			continue
		}
		docs, ok := p.MatchDocument(awards, sub)
		if !ok {
			return nil, false
		}
		out = append(out, docs...)
	}
	return out, true
}

// noneMissing reports whether a cell of the «còn thiếu» column says that
// nothing is missing.
func noneMissing(v string) bool {
	switch key(v) {
	case "khong", "khong thieu", "k", "0", "du", "dai du", "da du", "du ho so":
		return true
	}
	return false
}

// splitComma splits text at commas.
func splitComma(v string) []string {
	var out []string
	start := 0
	for k, r := range v {
		if r == ',' {
			out = append(out, v[start:k])
			start = k + 1
		}
	}
	return append(out, v[start:])
}

// appendDocs adds docs to list, each once.
func appendDocs(list []model.DossierDoc, docs ...model.DossierDoc) []model.DossierDoc {
	for _, d := range docs {
		if !containsDoc(list, d) {
			list = append(list, d)
		}
	}
	return list
}

func containsDoc(list []model.DossierDoc, d model.DossierDoc) bool {
	for _, x := range list {
		if x == d {
			return true
		}
	}
	return false
}

// dossierHelp is the line of the template's instructions on the dossier
// column, or "" when no award of the plan asks for documents.
func dossierHelp(p *model.Plan) []string {
	if !p.HasDossiers() {
		return nil
	}
	var lines []string
	lines = append(lines, "- Cột «"+dossierHeader+"»: các giấy tờ trong hồ sơ đã nộp, cách nhau bằng dấu chấm phẩy (;), ghi tên hoặc tên ngắn như dưới đây; ghi «đủ» nếu đã nộp đủ; để trống nếu chưa nộp. Giấy tờ do chương trình lập (tờ trình, biên bản…) không cần ghi.")
	for _, a := range p.Awards {
		var docs []string
		for _, d := range a.Documents {
			if !d.Produced {
				docs = append(docs, "«"+d.Label()+"»")
			}
		}
		if len(docs) > 0 {
			lines = append(lines, fmt.Sprintf("  Hồ sơ %s: %s.", a.Name, strings.Join(docs, ", ")))
		}
	}
	return lines
}

// dossierHeader is the header of the template's dossier column.
const dossierHeader = "Hồ sơ đã nộp"
