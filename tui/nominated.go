package tui

import (
	"context"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"hoidong/model"
)

// A voting member who is proposed as an individual, or heads a proposed
// collective, is disclosed on the review (and in the ballot round's
// question and the minutes). The plan names most of them; the secretary
// marks the others, or takes a mark back, from the review of the nominee
// until the nominee is put to a vote.

// nomineeWhat says what a member who is nominee n is: "cá nhân B" or
// "người đứng đầu tập thể B".
func nomineeWhat(n *model.NomineeRecord) string {
	if n.Kind == model.KindCollective {
		return "người đứng đầu tập thể " + n.Name
	}
	return "cá nhân " + n.Name
}

// disclosure says that member m is nominee n, or heads it, and who
// recognised it; with recusal, that the member leaves the line blank:
// "Đồng chí A là người được đề nghị (người đứng đầu tập thể B; theo kế
// hoạch)."
func disclosure(rec *model.Record, m model.MemberRecord, n *model.NomineeRecord) string {
	what := nomineeWhat(n)
	cf, _ := rec.ConflictOf(m.ID, n.ID)
	s := "Đồng chí " + m.Name + " là người được đề nghị (" + what + "; " + sourceWords(cf.Source) + ")"
	if rec.Plan.Recuses() {
		return s + " — đồng chí sẽ để trống dòng này khi bỏ phiếu."
	}
	return s + "."
}

// memberRows lists the voting members, each marked when recorded as
// nominee n or heading it, with who recognised it.
func memberRows(rec *model.Record, n *model.NomineeRecord) (rows []string, ids []int64) {
	for _, m := range rec.Members {
		if !m.Votes {
			continue
		}
		row := "[   ] " + m.Name
		if label := m.Role.Label(); label != "" {
			row += " — " + label
		}
		if cf, ok := rec.ConflictOf(m.ID, n.ID); ok {
			row = "[ x ]" + row[5:] + " (" + sourceWords(cf.Source) + ")"
		}
		rows, ids = append(rows, row), append(ids, m.ID)
	}
	return rows, ids
}

// pickMembers opens the list of voting members, to mark the one who is
// nominee n or heads it, or take a mark back.
func (s *reviewScreen) pickMembers(c *shared, n *model.NomineeRecord) tea.Cmd {
	rk := c.keys.Review
	rows, ids := memberRows(c.rec, n)
	q := fmt.Sprintf("Thành viên Hội đồng nào là %s? Việc đó được công khai khi xét, khi mở vòng bỏ phiếu và trong biên bản.", nomineeWhat(n))
	ch := newChooser(c.keys, q, rows, 0)
	ch.choose, ch.close = rk.Toggle, rk.Done
	ch.closed = func() { s.pick = nil }
	st, id := c.st, n.ID
	ch.chosen = func(i int) tea.Cmd {
		m, ok := c.rec.MemberByID(ids[i])
		if !ok {
			return nil
		}
		_, on := c.rec.ConflictOf(m.ID, id)
		on = !on
		ack := fmt.Sprintf("Đồng chí %s là %s: đã ghi nhận.", m.Name, nomineeWhat(n))
		if !on {
			ack = fmt.Sprintf("Đồng chí %s là %s: đã bỏ ghi nhận.", m.Name, nomineeWhat(n))
		}
		what := fmt.Sprintf("đồng chí %s là %s", m.Name, nomineeWhat(n))
		if !on {
			what = "bỏ ghi nhận " + what
		}
		return c.enqueue(job{from: pageReview, ack: ack, what: what, write: func(ctx context.Context) error {
			return st.SetNominatedMember(ctx, m.ID, id, on)
		}})
	}
	s.pick = ch
	return nil
}

// refresh implements screen: the list of members, when open, shows the
// marks as the record now has them.
func (s *reviewScreen) refresh(c *shared, _ recordMsg) tea.Cmd {
	if s.pick == nil {
		return nil
	}
	if n, ok := s.target(c); ok {
		s.pick.rows, _ = memberRows(c.rec, n)
	} else {
		s.pick = nil
	}
	return nil
}

// leave implements screen: the list of members closes.
func (s *reviewScreen) leave(*shared) { s.pick = nil }

// sourceWords says who recognised a nominated member.
func sourceWords(src model.ConflictSource) string {
	if src == model.ConflictSecretary {
		return "thư ký ghi nhận"
	}
	return "theo kế hoạch"
}
