package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"hoidong/model"
)

// Import adds nominees and council members to the meeting, all or nothing
// in one transaction, after those already there: nominees and members get
// ids and places after the existing ones, in the order given. It is
// refused once voting has started (any round exists) or the meeting has
// closed, and when anything is wrong with what is given — an empty name, an
// award the plan lacks or the nominee's kind cannot receive, a duplicate of
// an existing nominee or member, a second chair or secretary — with every
// problem in model.Problems. Each added row is logged in the event chain so
// that verify can check it.
func (s *Store) Import(ctx context.Context, nominees []model.Nominee, members []model.Member) error {
	if len(nominees) == 0 && len(members) == 0 {
		return model.Errorf(model.EInvalid, "Không có đối tượng hay thành viên nào để nhập.")
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		plan, err := s.importablePlan(ctx, tx)
		if err != nil {
			return err
		}
		existingNominees, err := importedNominees(ctx, tx)
		if err != nil {
			return err
		}
		existingMembers, err := loadMembers(ctx, tx)
		if err != nil {
			return err
		}
		probs := checkImportNominees(&plan, existingNominees, nominees)
		probs = append(probs, checkImportMembers(existingMembers, members)...)
		if len(probs) > 0 {
			return probs
		}

		nomineeIDs, err := appendNominees(ctx, tx, nominees)
		if err != nil {
			return err
		}
		if err := insertDossier(ctx, tx, &plan, nomineeIDs, nominees); err != nil {
			return err
		}
		// The log names each nominee's row and candidacies, as record
		// would, read back with a query for each table.
		rows, err := readChanges(ctx, tx, "nominees", nomineeIDs)
		if err != nil {
			return err
		}
		cands, err := readChanges(ctx, tx, "candidacies", nomineeIDs)
		if err != nil {
			return err
		}
		docs, err := readChanges(ctx, tx, "dossier", nomineeIDs)
		if err != nil {
			return err
		}
		changes := make([]rowChange, 0, 3*len(nomineeIDs))
		for i := range nomineeIDs {
			changes = append(changes, rows[i], cands[i])
			if len(docs[i].Rows) > 0 {
				changes = append(changes, docs[i])
			}
		}
		memberIDs, err := appendMembers(ctx, tx, members)
		if err != nil {
			return err
		}
		conflicts, err := importConflicts(ctx, tx, nomineeIDs, memberIDs)
		if err != nil {
			return err
		}
		var refs []rowRef
		for _, id := range memberIDs {
			refs = append(refs, row("members", id))
		}
		if conflicts > 0 {
			refs = append(refs, row("nominated_members"))
		}
		return s.recordChanges(ctx, tx, "import",
			fmt.Sprintf("imported %d nominees, %d members", len(nominees), len(members)), changes, refs...)
	})
}

// ImportAllowed says why nothing can be imported into the meeting now —
// there is no meeting, it has closed, or voting has started — or returns
// nil; Import checks the same inside its transaction.
func (s *Store) ImportAllowed(ctx context.Context) error {
	return s.read(ctx, func(tx *sql.Tx) error {
		_, err := s.importablePlan(ctx, tx)
		return err
	})
}

// importablePlan returns the meeting's plan when the meeting takes an
// import.
func (s *Store) importablePlan(ctx context.Context, q querier) (model.Plan, error) {
	plan, err := s.openPlan(ctx, q)
	if err != nil {
		return plan, err
	}
	var rounds int
	if err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM rounds`).Scan(&rounds); err != nil {
		return plan, fmt.Errorf("import: count rounds: %w", err)
	}
	if why := model.ImportBlockedBy(model.MeetingOpen, rounds); why != "" {
		return plan, model.Errorf(model.EConflict, "%s", why)
	}
	return plan, nil
}

// importedNominees reads what the duplicate check needs of the nominees.
func importedNominees(ctx context.Context, q querier) ([]model.Nominee, error) {
	var out []model.Nominee
	err := scanRows(ctx, q, "read nominees", `SELECT kind, name, unit FROM nominees ORDER BY pos`, nil,
		func(rows *sql.Rows) error {
			var n model.Nominee
			var kind string
			if err := rows.Scan(&kind, &n.Name, &n.Unit); err != nil {
				return err
			}
			k, err := parseKind(kind)
			if err != nil {
				return err
			}
			n.Kind = k
			out = append(out, n)
			return nil
		})
	return out, err
}

// checkImportNominees finds everything wrong with nominees to be added to
// a meeting that has existing ones.
func checkImportNominees(plan *model.Plan, existing, nominees []model.Nominee) model.Problems {
	var probs model.Problems
	facts := map[string]bool{}
	for _, e := range plan.Eligibility {
		facts[e.Code] = true
	}
	old, added := model.NewNomineeIndex(), model.NewNomineeIndex()
	for j, e := range existing {
		old.Add(e, j+1)
	}
	for i, n := range nominees {
		where := fmt.Sprintf("đối tượng thứ %d", i+1)
		if strings.TrimSpace(n.Name) != "" {
			where += " (" + n.Name + ")"
		}
		add := func(format string, args ...any) {
			probs = append(probs, model.Problem{Where: where, What: fmt.Sprintf(format, args...)})
		}
		if strings.TrimSpace(n.Name) == "" {
			add("thiếu tên tập thể hoặc họ và tên cá nhân")
		}
		if n.Kind != model.KindCollective && n.Kind != model.KindIndividual {
			add("chưa rõ là tập thể hay cá nhân")
		}
		if len(n.Awards) == 0 {
			add("chưa đề nghị danh hiệu, hình thức khen thưởng nào")
		}
		seen := map[string]bool{}
		for _, code := range n.Awards {
			a, ok := plan.Award(code)
			switch {
			case !ok:
				add("danh hiệu mã %q không có trong kế hoạch; %s", code, awardList(plan))
			case seen[code]:
				add("được đề nghị «%s» hai lần", a.Name)
			case n.Kind != 0 && !a.Recipients.Allows(n.Kind):
				add("«%s» không dành cho %s", a.Name, strings.ToLower(n.Kind.Label()))
			}
			seen[code] = true
		}
		for _, f := range n.Facts {
			if !facts[f] {
				add("điều kiện mã %q không có trong kế hoạch", f)
			}
		}
		key := model.KeyOf(n)
		if j, ok := old.FindKey(key); ok {
			add("đã có trong danh sách đối tượng của phiên họp (số %d)", j)
		} else if j, ok := added.FindKey(key); ok {
			add("trùng với đối tượng thứ %d", j)
		}
		added.AddKey(key, i+1)
	}
	return probs
}

// checkImportMembers finds everything wrong with council members to be
// added to the existing ones.
func checkImportMembers(existing []model.MemberRecord, members []model.Member) model.Problems {
	var probs model.Problems
	chair, secretary := "", ""
	names := map[string]bool{}
	for _, m := range existing {
		names[model.NameKey(m.Name)] = true
		switch m.Role {
		case model.RoleChair:
			chair = m.Name
		case model.RoleSecretary:
			secretary = m.Name
		}
	}
	for i, m := range members {
		where := fmt.Sprintf("thành viên thứ %d", i+1)
		if strings.TrimSpace(m.Name) != "" {
			where += " (" + m.Name + ")"
		}
		add := func(format string, args ...any) {
			probs = append(probs, model.Problem{Where: where, What: fmt.Sprintf(format, args...)})
		}
		k := model.NameKey(m.Name)
		switch {
		case k == "":
			add("thiếu họ và tên")
		case names[k]:
			add("trùng họ và tên với một thành viên Hội đồng")
		}
		names[k] = true
		switch m.Role {
		case model.RoleChair:
			if chair != "" {
				add("Hội đồng chỉ có một chủ tịch; %s đã là chủ tịch", chair)
			}
			chair = m.Name
		case model.RoleSecretary:
			if secretary != "" {
				add("Hội đồng chỉ có một thư ký; %s đã là thư ký", secretary)
			}
			secretary = m.Name
		case model.RoleViceChair, model.RoleMember:
		default:
			add("vai trò trong Hội đồng không hợp lệ")
		}
	}
	return probs
}

// awardList names the plan's awards for a message.
func awardList(p *model.Plan) string {
	parts := make([]string, len(p.Awards))
	for i, a := range p.Awards {
		parts[i] = a.Name + " (" + a.Code + ")"
	}
	return "các danh hiệu, hình thức của kế hoạch: " + strings.Join(parts, ", ")
}

// appendNominees inserts nominees after the existing ones and returns
// their ids: the ids SQLite would give them one by one (one more than the
// largest in use), written with a few multi-row statements.
func appendNominees(ctx context.Context, tx *sql.Tx, nominees []model.Nominee) ([]int64, error) {
	if len(nominees) == 0 {
		return nil, nil
	}
	var lastPos, lastID int64
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(pos), 0), COALESCE(MAX(id), 0) FROM nominees`).Scan(&lastPos, &lastID); err != nil {
		return nil, fmt.Errorf("import nominees: %w", err)
	}
	ids := make([]int64, 0, len(nominees))
	rows := make([][]any, 0, len(nominees))
	var cands [][]any
	for i, n := range nominees {
		kind, err := kindText(n.Kind)
		if err != nil {
			return nil, err
		}
		facts, err := json.Marshal(n.Facts)
		if err != nil {
			return nil, fmt.Errorf("encode facts of imported nominee %d: %w", i+1, err)
		}
		id := lastID + int64(i) + 1
		rows = append(rows, []any{id, lastPos + int64(i) + 1, kind, n.Name, n.Unit, n.Position, n.Summary, string(facts)})
		for j, award := range n.Awards {
			cands = append(cands, []any{id, award, j})
		}
		ids = append(ids, id)
	}
	if err := insertRows(ctx, tx, "nominees (id, pos, kind, name, unit, position, summary, facts)", rows); err != nil {
		return nil, err
	}
	if err := insertRows(ctx, tx, "candidacies (nominee_id, award, pos)", cands); err != nil {
		return nil, err
	}
	return ids, nil
}

// appendMembers inserts members after the existing ones and returns their
// ids.
func appendMembers(ctx context.Context, tx *sql.Tx, members []model.Member) ([]int64, error) {
	if len(members) == 0 {
		return nil, nil
	}
	var last int64
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(pos), 0) FROM members`).Scan(&last); err != nil {
		return nil, fmt.Errorf("import members: %w", err)
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO members (pos, name, position, role, votes) VALUES (?, ?, ?, ?, ?) RETURNING id`)
	if err != nil {
		return nil, fmt.Errorf("import members: %w", err)
	}
	defer stmt.Close()
	ids := make([]int64, 0, len(members))
	for i, m := range members {
		role, err := roleText(m.Role)
		if err != nil {
			return nil, err
		}
		var id int64
		if err := stmt.QueryRowContext(ctx, last+int64(i)+1, m.Name, m.Position, role, m.Votes).Scan(&id); err != nil {
			return nil, fmt.Errorf("import member %d: %w", i+1, err)
		}
		ids = append(ids, id)
	}
	return ids, nil
}
