package voting

import "hoidong/model"

// Progress is how far the review and the ballots have come, over every
// candidacy (a nominee proposed for one award) of the record.
type Progress struct {
	Candidacies int // every candidacy
	Pending     int // whose review is not finished
	Ready       int // reviewed, eligible and waiting for a ballot
}

// Reviewed counts the candidacies whose review is finished.
func (p Progress) Reviewed() int { return p.Candidacies - p.Pending }

// ProgressOf measures the record's progress; the agenda and the
// conclusion both read it.
func ProgressOf(rec *model.Record) Progress {
	ix := NewIndex(rec)
	var p Progress
	for i := range rec.Nominees {
		n := &rec.Nominees[i]
		for _, cd := range n.Candidacies {
			p.Candidacies++
			switch ix.Status(n, cd.Award) {
			case StatusPending:
				p.Pending++
			case StatusReady:
				p.Ready++
			}
		}
	}
	return p
}
