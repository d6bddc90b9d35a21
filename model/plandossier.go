package model

import (
	"fmt"
	"strconv"
)

// The plan keys of dossiers: each award's list of documents
// ([[awards.documents]] with name, short and produced) and, per nominee,
// the documents already received (received = ["Báo cáo thành tích"], or
// ["đủ"] for all of them).

// readDossier reads an award's list of documents.
func (r *planReader) readDossier(at map[string]any, path string, a *Award) {
	p := planJoin(path, "documents")
	for i, dt := range r.tables(at, path, "documents") {
		dp := planIndex(p, i)
		r.known(dt, dp, "name", "short", "produced")
		a.Documents = append(a.Documents, Document{
			Name:     r.str(dt, dp, "name"),
			Short:    r.str(dt, dp, "short"),
			Produced: r.boolean(dt, dp, "produced", false),
		})
	}
}

// nomineeDossierKeys are the [[nominees]] keys read by readReceived.
func nomineeDossierKeys() []string { return []string{"received"} }

// readReceived reads the documents a nominee's dossier already has, by
// name or short name among the dossiers of the awards it is proposed for.
func (r *planReader) readReceived(nt map[string]any, path string, p *Plan, n *Nominee) {
	items := r.strings(nt, path, "received")
	where := planJoin(path, "received")
	for _, it := range items {
		if IsWholeDossier(it) {
			n.Received = appendDossier(n.Received, p.WholeDossier(n.Awards)...)
			continue
		}
		docs, ok := p.MatchDocument(n.Awards, it)
		if !ok {
			names := p.DossierNames(n.Awards)
			if names == "" {
				r.add(where, "hồ sơ của các danh hiệu đề nghị không có giấy tờ nào phải nộp, nên không có «%s»; bỏ khóa received", it)
			} else {
				r.add(where, "giấy tờ «%s» không có trong hồ sơ của các danh hiệu đề nghị; ghi tên hoặc tên ngắn: %s, hoặc \"đủ\" nếu đã nhận tất cả", it, names)
			}
			continue
		}
		n.Received = appendDossier(n.Received, docs...)
	}
}

// appendDossier adds docs to list, each once, leaving out those the
// program writes itself.
func appendDossier(list []DossierDoc, docs ...DossierDoc) []DossierDoc {
	for _, d := range docs {
		found := false
		for _, x := range list {
			found = found || x == d
		}
		if !found {
			list = append(list, d)
		}
	}
	return list
}

// dossiers checks the awards' lists of documents and the nominees'
// received documents.
func (v *planValidator) dossiers() {
	for i, a := range v.p.Awards {
		path := planIndex("awards", i)
		seen := map[string]int{}
		for j, d := range a.Documents {
			dp := planIndex(path+".documents", j)
			if d.Name == "" {
				v.add(dp+".name", "giấy tờ trong hồ sơ chưa có tên; ghi name = \"…\", ví dụ name = \"Báo cáo thành tích của tập thể hoặc cá nhân được đề nghị khen thưởng\"")
			}
			for _, s := range []string{d.Name, d.Short} {
				k := MatchKey(s)
				if k == "" {
					continue
				}
				if first, dup := seen[k]; dup && first != j {
					v.add(dp, "tên «%s» trùng với giấy tờ thứ %d trong hồ sơ của %s; mỗi giấy tờ một tên riêng", s, first+1, awardLabel(a))
					break
				}
				seen[k] = j
			}
		}
	}
	for i, n := range v.p.Nominees {
		for _, d := range n.Received {
			a, ok := v.p.Award(d.Award)
			if !ok || !containsString(n.Awards, d.Award) || d.Doc < 0 || d.Doc >= len(a.Documents) {
				v.add(planIndex("nominees", i)+".received", "giấy tờ số %d của %q không có trong hồ sơ của các danh hiệu đề nghị", d.Doc+1, d.Award)
			}
		}
	}
}

// awardDossier compares two awards' lists of documents.
func (d *planDiff) awardDossier(path string, b, a Award) {
	for j := range max(len(b.Documents), len(a.Documents)) {
		dp := planIndex(path+".documents", j)
		switch {
		case j >= len(b.Documents):
			d.add(dp, absent, strconv.Quote(a.Documents[j].Name))
		case j >= len(a.Documents):
			d.add(dp, strconv.Quote(b.Documents[j].Name), absent)
		default:
			bd, ad := b.Documents[j], a.Documents[j]
			d.text(dp+".name", bd.Name, ad.Name)
			d.text(dp+".short", bd.Short, ad.Short)
			d.flag(dp+".produced", bd.Produced, ad.Produced)
		}
	}
}

// receivedText lists a nominee's received documents for a difference.
func receivedText(n Nominee) string {
	parts := make([]string, len(n.Received))
	for i, d := range n.Received {
		parts[i] = fmt.Sprintf("%s#%d", d.Award, d.Doc+1)
	}
	return textList(parts)
}

// nomineeDossier compares two nominees' received documents.
func (d *planDiff) nomineeDossier(path string, b, a Nominee) {
	d.add(path+".received", receivedText(b), receivedText(a))
}
