package export

import (
	"strings"
)

// trimEnd drops the trailing punctuation a sentence taken from a plan often
// carries, so the document can add its own.
func trimEnd(s string) string {
	return strings.TrimRight(strings.TrimSpace(s), " .;,:")
}

// lowerFirst lowers the first letter of a sentence used mid-sentence, unless
// it starts an abbreviation such as "UBND".
func lowerFirst(s string) string {
	rs := []rune(s)
	if len(rs) < 2 || strings.ToUpper(string(rs[1])) == string(rs[1]) {
		return s
	}
	return strings.ToLower(string(rs[0])) + string(rs[1:])
}

// upperFirst capitalises the first letter of a sentence.
func upperFirst(s string) string {
	rs := []rune(s)
	if len(rs) == 0 {
		return s
	}
	return strings.ToUpper(string(rs[0])) + string(rs[1:])
}
