package model

import (
	"bytes"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// Vietnamese lists are read by given name: "Nguyễn Văn An" is filed under
// "An", then under the rest of the name, in the alphabet's own order (a ă â
// b c d đ e ê …, tones after letters). Searching ignores diacritics, so a
// secretary typing "nguyen" on an English keyboard finds "Nguyễn".

// Fold returns s as a search key: diacritics removed ("Nguyễn" gives
// "nguyen"), đ read as d, lower case, runs of spaces made one space.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ':
			r = 'd'
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// ContainsFold reports whether s contains query once both are folded: the
// query "nguyen van" finds "Nguyễn Văn An".
func ContainsFold(s, query string) bool {
	return strings.Contains(Fold(s), Fold(query))
}

// GivenName splits a personal name into its given name (the last word) and
// the rest: "Nguyễn Văn An" gives "An" and "Nguyễn Văn".
func GivenName(name string) (given, rest string) {
	f := strings.Fields(name)
	if len(f) == 0 {
		return "", ""
	}
	return f[len(f)-1], strings.Join(f[:len(f)-1], " ")
}

// NameOrder compares names under Vietnamese collation. It keeps buffers
// between calls, so one NameOrder must not be used by two goroutines at once.
type NameOrder struct {
	c   *collate.Collator
	buf collate.Buffer
}

// NewNameOrder returns a comparer for Vietnamese names.
func NewNameOrder() *NameOrder {
	return &NameOrder{c: collate.New(language.Vietnamese, collate.IgnoreWidth)}
}

// CompareText compares two texts, such as the names of units, in
// Vietnamese alphabetical order; it returns -1, 0 or 1.
func (o *NameOrder) CompareText(a, b string) int {
	return o.c.CompareString(a, b)
}

// ComparePersons compares two personal names by given name, then by the
// rest of the name (family name first), then as whole texts.
func (o *NameOrder) ComparePersons(a, b string) int {
	ga, ra := GivenName(a)
	gb, rb := GivenName(b)
	if c := o.c.CompareString(ga, gb); c != 0 {
		return c
	}
	if c := o.c.CompareString(ra, rb); c != 0 {
		return c
	}
	return o.c.CompareString(a, b)
}

// personKey is the sort key of a personal name: given name, then the rest.
func (o *NameOrder) personKey(name string) [3][]byte {
	given, rest := GivenName(name)
	var k [3][]byte
	k[0] = bytes.Clone(o.c.KeyFromString(&o.buf, given))
	k[1] = bytes.Clone(o.c.KeyFromString(&o.buf, rest))
	k[2] = bytes.Clone(o.c.KeyFromString(&o.buf, name))
	o.buf.Reset()
	return k
}

// SortNominees puts nominees in the order Vietnamese lists read:
// collectives first, in the order given, then individuals by given name and
// the rest of the name under Vietnamese collation. Equal names keep their
// order.
func SortNominees(ns []Nominee) {
	idx := SortedNominees(ns)
	sorted := make([]Nominee, len(ns))
	for i, j := range idx {
		sorted[i] = ns[j]
	}
	copy(ns, sorted)
}

// SortedNominees returns the indexes of ns in the order SortNominees would
// put them, leaving ns as it is.
func SortedNominees(ns []Nominee) []int {
	o := NewNameOrder()
	keys := make([][3][]byte, len(ns))
	for i, n := range ns {
		if n.Kind == KindIndividual {
			keys[i] = o.personKey(n.Name)
		}
	}
	idx := make([]int, len(ns))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(i, j int) int {
		ci, cj := ns[i].Kind == KindIndividual, ns[j].Kind == KindIndividual
		switch {
		case ci != cj:
			if cj {
				return -1
			}
			return 1
		case !ci:
			return 0
		}
		for l := range keys[i] {
			if c := bytes.Compare(keys[i][l], keys[j][l]); c != 0 {
				return c
			}
		}
		return 0
	})
	return idx
}

// NameKey is the key two names are the same under: case and spacing
// ignored, diacritics kept ("Nguyễn Văn An" and "Nguyễn Văn Ân" are two
// people).
//
// It is strings.ToLower(strings.Join(strings.Fields(norm.NFC.String(s)),
// " ")), made in one pass: imports compare thousands of names.
func NameKey(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// SameNominee reports whether a and b are the same nominee: the same kind
// and name, and the same unit unless either leaves the unit out.
func SameNominee(a, b Nominee) bool {
	if a.Kind != b.Kind || NameKey(a.Name) != NameKey(b.Name) {
		return false
	}
	ua, ub := NameKey(a.Unit), NameKey(b.Unit)
	return ua == "" || ub == "" || ua == ub
}

// NomineeIndex finds, among nominees added to it, one that SameNominee
// says is the same as a given nominee, without comparing with each.
type NomineeIndex struct {
	byName map[nomineeName][]indexedUnit
}

// nomineeName is what two same nominees share.
type nomineeName struct {
	kind Kind
	name string
}

// indexedUnit is a nominee's unit key and the number it was added with.
type indexedUnit struct {
	unit string
	num  int
}

// NewNomineeIndex returns an empty index.
func NewNomineeIndex() *NomineeIndex {
	return &NomineeIndex{byName: map[nomineeName][]indexedUnit{}}
}

// NomineeKey is what a NomineeIndex compares of a nominee: its kind, and
// the NameKey of its name and of its unit.
type NomineeKey struct {
	name nomineeName
	unit string
}

// KeyOf returns n's NomineeKey, to look n up in several indexes and add
// it without computing its keys again.
func KeyOf(n Nominee) NomineeKey {
	return NomineeKey{name: nomineeName{n.Kind, NameKey(n.Name)}, unit: NameKey(n.Unit)}
}

// Add puts n in the index under the number num.
func (x *NomineeIndex) Add(n Nominee, num int) { x.AddKey(KeyOf(n), num) }

// AddKey puts the nominee whose key is k in the index under the number num.
func (x *NomineeIndex) AddKey(k NomineeKey, num int) {
	x.byName[k.name] = append(x.byName[k.name], indexedUnit{k.unit, num})
}

// Find returns the number of the first nominee added that is the same as n.
func (x *NomineeIndex) Find(n Nominee) (int, bool) { return x.FindKey(KeyOf(n)) }

// FindKey is Find for the nominee whose key is k.
func (x *NomineeIndex) FindKey(k NomineeKey) (int, bool) {
	for _, e := range x.byName[k.name] {
		if k.unit == "" || e.unit == "" || k.unit == e.unit {
			return e.num, true
		}
	}
	return 0, false
}
