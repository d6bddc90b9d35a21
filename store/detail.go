package store

import (
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"hoidong/model"
)

// decodeDetail reads an event's detail, with numbers kept exact for
// sqlValue, as encoding/json's Decoder with UseNumber reads it into an
// eventDetail. Verify reads tens of thousands of details, nearly all in
// the one form json.Marshal writes them; readCanonical reads that form
// quickly, and anything else — other spacing, key order or spelling, a
// number or a value that form never holds, trailing text — goes to
// encoding/json, so that every detail reads exactly as encoding/json
// reads it.
func decodeDetail(detail string) (eventDetail, error) {
	if d, ok := readCanonical(detail); ok {
		return d, nil
	}
	var d eventDetail
	dec := json.NewDecoder(strings.NewReader(detail))
	dec.UseNumber()
	err := dec.Decode(&d)
	return d, err
}

// decodeReplay is decodeDetail for Verify's replay: the values of each
// change's key and rows come already turned into what the file holds, as
// sqlValue turns them (a value sqlValue refuses becomes a badValue that
// says why), so that the tens of thousands of logged numbers are not
// boxed as json.Number only to be parsed again.
func decodeReplay(detail string) (eventDetail, error) {
	c := canonical{s: detail, convert: true}
	var d eventDetail
	if err := c.detail(&d); err == nil && c.pos == len(c.s) {
		return d, nil
	}
	d, err := decodeDetail(detail)
	if err != nil {
		return d, err
	}
	for _, ch := range d.Changes {
		convertValues(ch.Key)
		for _, r := range ch.Rows {
			convertValues(r)
		}
	}
	return d, nil
}

// convertValues turns decoded values into stored ones in place.
func convertValues(vals []any) {
	for i, v := range vals {
		x, err := sqlValue(v)
		if err != nil {
			vals[i] = badValue{err}
		} else {
			vals[i] = x
		}
	}
}

// errNotCanonical stops readCanonical at the first thing it does not read.
var errNotCanonical = errors.New("not in canonical form")

// canonical reads a detail written by json.Marshal.
type canonical struct {
	s   string
	pos int
	// convert turns the values of keys and rows into stored ones (see
	// decodeReplay).
	convert bool
	// cols is the column list of the last change read, shared by the next
	// change that logs the same columns.
	cols []string
}

// readCanonical reads detail when it is exactly as json.Marshal writes an
// eventDetail; ok is false otherwise.
func readCanonical(detail string) (d eventDetail, ok bool) {
	c := canonical{s: detail}
	if err := c.detail(&d); err != nil || c.pos != len(c.s) {
		return eventDetail{}, false
	}
	return d, true
}

// peek returns the next byte, or 0 at the end.
func (c *canonical) peek() byte {
	if c.pos < len(c.s) {
		return c.s[c.pos]
	}
	return 0
}

// expect consumes lit.
func (c *canonical) expect(lit string) error {
	if !strings.HasPrefix(c.s[c.pos:], lit) {
		return errNotCanonical
	}
	c.pos += len(lit)
	return nil
}

// field consumes `"name":` when it comes next, and reports whether it did.
func (c *canonical) field(name string) bool {
	rest := c.s[c.pos:]
	if len(rest) < len(name)+3 || rest[0] != '"' || rest[1:1+len(name)] != name || rest[1+len(name)] != '"' || rest[2+len(name)] != ':' {
		return false
	}
	c.pos += len(name) + 3
	return true
}

// comma consumes a comma between two members and reports whether one
// came.
func (c *canonical) comma() bool {
	if c.peek() == ',' {
		c.pos++
		return true
	}
	return false
}

func (c *canonical) detail(d *eventDetail) error {
	if err := c.expect("{"); err != nil {
		return err
	}
	first := true
	sep := func() error {
		if first {
			first = false
			return nil
		}
		if !c.comma() {
			return errNotCanonical
		}
		return nil
	}
	// json.Marshal leaves out an empty field marked omitempty, and writes
	// the others in the order of the struct; a present field that
	// omitempty would leave out never comes from it.
	if c.peekField("note") {
		if err := sep(); err != nil {
			return err
		}
		c.field("note")
		s, err := c.str()
		if err != nil || s == "" {
			return errNotCanonical
		}
		d.Note = s
	}
	if c.peekFieldAfter(first, "cast") {
		if err := sep(); err != nil {
			return err
		}
		c.field("cast")
		n, err := c.int()
		if err != nil || n == 0 {
			return errNotCanonical
		}
		d.Cast = n
	}
	if c.peekFieldAfter(first, "seals") {
		if err := sep(); err != nil {
			return err
		}
		c.field("seals")
		if err := c.array(func() error {
			var s roundSeal
			if err := c.seal(&s); err != nil {
				return err
			}
			d.Seals = append(d.Seals, s)
			return nil
		}); err != nil || len(d.Seals) == 0 {
			return errNotCanonical
		}
	}
	if c.peekFieldAfter(first, "changes") {
		if err := sep(); err != nil {
			return err
		}
		c.field("changes")
		if err := c.array(func() error {
			var ch rowChange
			if err := c.change(&ch); err != nil {
				return err
			}
			d.Changes = append(d.Changes, ch)
			return nil
		}); err != nil || len(d.Changes) == 0 {
			return errNotCanonical
		}
	}
	return c.expect("}")
}

// peekField reports whether `"name":` comes next.
func (c *canonical) peekField(name string) bool {
	save := c.pos
	ok := c.field(name)
	c.pos = save
	return ok
}

// peekFieldAfter reports whether `"name":` comes next, after a comma
// unless it is the object's first member.
func (c *canonical) peekFieldAfter(first bool, name string) bool {
	save := c.pos
	defer func() { c.pos = save }()
	if !first && !c.comma() {
		return false
	}
	return c.field(name)
}

// array reads a JSON array, calling elem for each element; the array must
// not be null.
func (c *canonical) array(elem func() error) error {
	if err := c.expect("["); err != nil {
		return err
	}
	if c.peek() == ']' {
		c.pos++
		return nil
	}
	for {
		if err := elem(); err != nil {
			return err
		}
		if !c.comma() {
			return c.expect("]")
		}
	}
}

func (c *canonical) seal(s *roundSeal) error {
	if err := c.expect("{"); err != nil {
		return err
	}
	var err error
	if !c.field("round") {
		return errNotCanonical
	}
	if s.Round, err = c.int(); err != nil {
		return err
	}
	if !c.comma() || !c.field("voters") {
		return errNotCanonical
	}
	s.Voters = []int64{}
	if err := c.array(func() error {
		n, err := c.int()
		s.Voters = append(s.Voters, n)
		return err
	}); err != nil {
		return err
	}
	if !c.comma() || !c.field("ballots") {
		return errNotCanonical
	}
	n, err := c.int()
	if err != nil || int64(int(n)) != n {
		return errNotCanonical
	}
	s.Ballots = int(n)
	if !c.comma() || !c.field("commitment") {
		return errNotCanonical
	}
	if s.Commitment, err = c.str(); err != nil {
		return err
	}
	return c.expect("}")
}

func (c *canonical) change(ch *rowChange) error {
	if err := c.expect("{"); err != nil {
		return err
	}
	var err error
	if !c.field("table") {
		return errNotCanonical
	}
	if ch.Table, err = c.str(); err != nil {
		return err
	}
	if !c.comma() || !c.field("key") {
		return errNotCanonical
	}
	ch.Key = []any{}
	if err := c.array(func() error {
		v, err := c.value()
		ch.Key = append(ch.Key, v)
		return err
	}); err != nil {
		return err
	}
	if !c.comma() || !c.field("cols") {
		return errNotCanonical
	}
	ch.Cols = []string{}
	if err := c.array(func() error {
		s, err := c.str()
		ch.Cols = append(ch.Cols, s)
		return err
	}); err != nil {
		return err
	}
	if c.convert {
		if slices.Equal(ch.Cols, c.cols) {
			ch.Cols = c.cols
		} else {
			c.cols = ch.Cols
		}
	}
	if !c.comma() || !c.field("rows") {
		return errNotCanonical
	}
	ch.Rows = [][]any{}
	if err := c.array(func() error {
		row := make([]any, 0, len(ch.Cols))
		err := c.array(func() error {
			v, err := c.value()
			row = append(row, v)
			return err
		})
		ch.Rows = append(ch.Rows, row)
		return err
	}); err != nil {
		return err
	}
	return c.expect("}")
}

// value reads a value of a key or a row: a string, an integer (as a
// json.Number), null, or an object of strings ({"blob": …}, {"real": …}).
func (c *canonical) value() (any, error) {
	switch b := c.peek(); {
	case b == '"':
		return c.str()
	case b == '-' || b >= '0' && b <= '9':
		start := c.pos
		n, err := c.int()
		if err != nil {
			return nil, err
		}
		if c.convert {
			return n, nil
		}
		return json.Number(c.s[start:c.pos]), nil
	case b == 'n':
		return nil, c.expect("null")
	case b == '{':
		c.pos++
		m := map[string]any{}
		if c.peek() == '}' {
			c.pos++
			if c.convert {
				return convertedObject(m), nil
			}
			return m, nil
		}
		for {
			k, err := c.str()
			if err != nil {
				return nil, err
			}
			if _, dup := m[k]; dup {
				return nil, errNotCanonical
			}
			if err := c.expect(":"); err != nil {
				return nil, err
			}
			v, err := c.str()
			if err != nil {
				return nil, err
			}
			m[k] = v
			if !c.comma() {
				if err := c.expect("}"); err != nil || !c.convert {
					return m, err
				}
				return convertedObject(m), nil
			}
		}
	}
	return nil, errNotCanonical
}

// convertedObject is a logged object ({"blob": …}, {"real": …}) turned
// into the value it stands for, or a badValue.
func convertedObject(m map[string]any) any {
	x, err := sqlValue(m)
	if err != nil {
		return badValue{err}
	}
	return x
}

// int reads an integer as JSON writes it: an optional minus and digits
// without a leading zero, within int64.
func (c *canonical) int() (int64, error) {
	start := c.pos
	if c.peek() == '-' {
		c.pos++
	}
	digits := c.pos
	for c.pos < len(c.s) && c.s[c.pos] >= '0' && c.s[c.pos] <= '9' {
		c.pos++
	}
	switch {
	case c.pos == digits, c.s[digits] == '0' && c.pos > digits+1:
		return 0, errNotCanonical
	}
	if b := c.peek(); b == '.' || b == 'e' || b == 'E' {
		return 0, errNotCanonical
	}
	n, err := strconv.ParseInt(c.s[start:c.pos], 10, 64)
	if err != nil {
		return 0, errNotCanonical
	}
	return n, nil
}

// str reads a string. One with an escape is read by encoding/json; one
// with a control character or invalid UTF-8, which encoding/json would
// refuse or change, is not read here.
func (c *canonical) str() (string, error) {
	if c.peek() != '"' {
		return "", errNotCanonical
	}
	start := c.pos + 1
	escaped := false
	i := start
	for ; i < len(c.s); i++ {
		b := c.s[i]
		if b == '"' {
			break
		}
		if b < 0x20 {
			return "", errNotCanonical
		}
		if b == '\\' {
			escaped = true
			i++ // the escaped character cannot end the string
		}
	}
	if i >= len(c.s) {
		return "", errNotCanonical
	}
	raw := c.s[start:i]
	c.pos = i + 1
	if !utf8.ValidString(raw) {
		return "", errNotCanonical
	}
	if !escaped {
		return raw, nil
	}
	var s string
	if err := json.Unmarshal([]byte(c.s[start-1:i+1]), &s); err != nil {
		return "", errNotCanonical
	}
	return s, nil
}

// encodeDetail writes an event's detail as json.Marshal does. Every write
// logs one, and an import or a round's close logs thousands of rows in
// one; the values of a logged row are the few kinds jsonValue gives
// (integers, text, NULL, blobs and reals as one-key objects), which
// appendCanonical writes directly. A detail holding anything else is
// written by json.Marshal.
func encodeDetail(d eventDetail) ([]byte, error) {
	if b, ok := appendCanonical(make([]byte, 0, 256), d); ok {
		return b, nil
	}
	return json.Marshal(d)
}

// appendCanonical appends d as json.Marshal writes it, or reports false
// for a value it does not write.
func appendCanonical(b []byte, d eventDetail) ([]byte, bool) {
	b = append(b, '{')
	first := true
	field := func(name string) {
		if !first {
			b = append(b, ',')
		}
		first = false
		b = append(b, '"')
		b = append(b, name...)
		b = append(b, '"', ':')
	}
	if d.Note != "" {
		field("note")
		b = model.AppendJSONString(b, true, d.Note)
	}
	if d.Cast != 0 {
		field("cast")
		b = strconv.AppendInt(b, d.Cast, 10)
	}
	if len(d.Seals) > 0 {
		field("seals")
		b = append(b, '[')
		for i, s := range d.Seals {
			if len(s.Written) > 0 {
				return nil, false // a seal with written ballots: rare, left to json.Marshal
			}
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"round":`...)
			b = strconv.AppendInt(b, s.Round, 10)
			b = append(b, `,"voters":`...)
			if s.Voters == nil {
				b = append(b, "null"...)
			} else {
				b = append(b, '[')
				for j, v := range s.Voters {
					if j > 0 {
						b = append(b, ',')
					}
					b = strconv.AppendInt(b, v, 10)
				}
				b = append(b, ']')
			}
			b = append(b, `,"ballots":`...)
			b = strconv.AppendInt(b, int64(s.Ballots), 10)
			b = append(b, `,"commitment":`...)
			b = model.AppendJSONString(b, true, s.Commitment)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	if len(d.Changes) > 0 {
		field("changes")
		b = append(b, '[')
		for i, c := range d.Changes {
			if i > 0 {
				b = append(b, ',')
			}
			var ok bool
			if b, ok = appendChange(b, c); !ok {
				return nil, false
			}
		}
		b = append(b, ']')
	}
	return append(b, '}'), true
}

// appendChange appends one rowChange as json.Marshal writes it.
func appendChange(b []byte, c rowChange) ([]byte, bool) {
	b = append(b, `{"table":`...)
	b = model.AppendJSONString(b, true, c.Table)
	b = append(b, `,"key":`...)
	var ok bool
	if b, ok = appendValues(b, c.Key); !ok {
		return nil, false
	}
	b = append(b, `,"cols":`...)
	if c.Cols == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, col := range c.Cols {
			if i > 0 {
				b = append(b, ',')
			}
			b = model.AppendJSONString(b, true, col)
		}
		b = append(b, ']')
	}
	b = append(b, `,"rows":`...)
	if c.Rows == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, r := range c.Rows {
			if i > 0 {
				b = append(b, ',')
			}
			if b, ok = appendValues(b, r); !ok {
				return nil, false
			}
		}
		b = append(b, ']')
	}
	return append(b, '}'), true
}

// appendValues appends a list of logged values.
func appendValues(b []byte, vals []any) ([]byte, bool) {
	if vals == nil {
		return append(b, "null"...), true
	}
	b = append(b, '[')
	for i, v := range vals {
		if i > 0 {
			b = append(b, ',')
		}
		switch x := v.(type) {
		case nil:
			b = append(b, "null"...)
		case int64:
			b = strconv.AppendInt(b, x, 10)
		case string:
			b = model.AppendJSONString(b, true, x)
		case map[string]string:
			if len(x) != 1 {
				return nil, false
			}
			for k, s := range x {
				b = append(b, '{')
				b = model.AppendJSONString(b, true, k)
				b = append(b, ':')
				b = model.AppendJSONString(b, true, s)
				b = append(b, '}')
			}
		default:
			return nil, false
		}
	}
	return append(b, ']'), true
}
