package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"

	"hoidong/model"
)

// names turns ids into the words a Vietnamese message uses for them.
type names struct {
	plan     model.Plan
	members  map[int64]string
	nominees map[int64]string
	rounds   map[int64]int64 // round id -> seq
}

// loadNames reads the names of members and nominees, the rounds' numbers
// and the plan, as the file holds them.
func loadNames(ctx context.Context, q querier) (*names, error) {
	n := &names{members: map[int64]string{}, nominees: map[int64]string{}, rounds: map[int64]int64{}}
	var planText sql.NullString
	if err := q.QueryRowContext(ctx, `SELECT plan FROM meeting WHERE id = 1`).Scan(&planText); err == nil {
		if p, err := decodePlan(planText.String); err == nil {
			n.plan = p
		}
	}
	pairs := []struct {
		query string
		put   func(id int64, name string)
	}{
		{`SELECT id, name FROM members`, func(id int64, s string) { n.members[id] = s }},
		{`SELECT id, name FROM nominees`, func(id int64, s string) { n.nominees[id] = s }},
		{`SELECT id, CAST(seq AS TEXT) FROM rounds`, func(id int64, s string) {
			if v, err := strconv.ParseInt(s, 10, 64); err == nil {
				n.rounds[id] = v
			}
		}},
	}
	for _, p := range pairs {
		err := scanRows(ctx, q, "read names", p.query, nil, func(rows *sql.Rows) error {
			var (
				id   int64
				name sql.NullString
			)
			if err := rows.Scan(&id, &name); err != nil {
				return err
			}
			p.put(id, name.String)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return n, nil
}

// member names a member: "thành viên số 3 (Lê Văn Cường)".
func (n *names) member(id any) string {
	i, _ := id.(int64)
	if name, ok := n.members[i]; ok {
		return fmt.Sprintf("thành viên số %d (%s)", i, name)
	}
	return "thành viên số " + valueText(id)
}

// nominee names a nominee: "đối tượng số 4 (Ngô Thị Yến)".
func (n *names) nominee(id any) string {
	i, _ := id.(int64)
	if name, ok := n.nominees[i]; ok {
		return fmt.Sprintf("đối tượng số %d (%s)", i, name)
	}
	return "đối tượng số " + valueText(id)
}

// award names an award by its name in the plan, or its code.
func (n *names) award(code any) string {
	c, ok := code.(string)
	if !ok {
		return valueText(code)
	}
	return awardName(&n.plan, c)
}

// round names a round by its number: "vòng 2".
func (n *names) round(id any) string {
	i, _ := id.(int64)
	if seq, ok := n.rounds[i]; ok {
		return fmt.Sprintf("vòng %d", seq)
	}
	return "vòng mã " + valueText(id)
}

// valueText shows a stored value in a message: text in quotes, numbers as
// digits, NULL as "(trống)".
func valueText(v any) string {
	switch x := v.(type) {
	case nil:
		return "(trống)"
	case string:
		return strconv.Quote(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case []byte:
		return fmt.Sprintf("x'%x'", x)
	}
	return fmt.Sprint(v)
}
