package importer

import (
	"fmt"
	"strings"

	"hoidong/model"
)

// AwardCount is how many collectives and individuals a batch proposes for
// one award.
type AwardCount struct {
	Award      model.Award
	Collective int
	Individual int
}

// Kinds counts the batch's collectives and individuals.
func (b *Batch) Kinds() (collective, individual int) {
	for _, n := range b.Nominees {
		if n.Kind == model.KindCollective {
			collective++
		} else {
			individual++
		}
	}
	return collective, individual
}

// ByAward counts the batch's proposals per award, in the plan's order,
// leaving out awards nobody is proposed for.
func (b *Batch) ByAward(p *model.Plan) []AwardCount {
	counts := make([]AwardCount, len(p.Awards))
	at := map[string]int{}
	for i, a := range p.Awards {
		counts[i].Award = a
		at[a.Code] = i
	}
	for _, n := range b.Nominees {
		for _, code := range n.Awards {
			i, ok := at[code]
			if !ok {
				continue
			}
			if n.Kind == model.KindCollective {
				counts[i].Collective++
			} else {
				counts[i].Individual++
			}
		}
	}
	out := counts[:0]
	for _, c := range counts {
		if c.Collective+c.Individual > 0 {
			out = append(out, c)
		}
	}
	return out
}

// Order returns the indexes of the batch's nominees in the order lists
// read: collectives as given, then individuals by given name under
// Vietnamese collation.
func (b *Batch) Order() []int {
	return model.SortedNominees(b.Nominees)
}

// Headline says in one sentence what the batch adds: "5 đối tượng đề nghị
// (4 tập thể, 1 cá nhân) và 2 thành viên Hội đồng"; a zero count is left
// out.
func (b *Batch) Headline() string {
	var parts []string
	if len(b.Nominees) > 0 {
		c, i := b.Kinds()
		parts = append(parts, fmt.Sprintf("%d đối tượng đề nghị (%s)", len(b.Nominees), AwardCount{Collective: c, Individual: i}.CountText()))
	}
	if len(b.Members) > 0 {
		parts = append(parts, fmt.Sprintf("%d thành viên Hội đồng", len(b.Members)))
	}
	if len(parts) == 0 {
		return "không có đối tượng hay thành viên nào"
	}
	return strings.Join(parts, " và ")
}

// CountText says "4 tập thể, 1 cá nhân", leaving out a zero.
func (c AwardCount) CountText() string {
	var parts []string
	if c.Collective > 0 {
		parts = append(parts, fmt.Sprintf("%d tập thể", c.Collective))
	}
	if c.Individual > 0 {
		parts = append(parts, fmt.Sprintf("%d cá nhân", c.Individual))
	}
	return strings.Join(parts, ", ")
}
