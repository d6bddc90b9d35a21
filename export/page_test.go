package export

import "strings"

// unpage removes from plain text what pagination added: the form feed and
// page number that start each page, the blank line under a number, and a
// table's heading repeated at the top of a page the table goes on.
func unpage(s string) string {
	lines := strings.Split(s, "\n")
	var out, heading []string
	inTable := false
	indent := func(l string) int { return len(l) - len(strings.TrimLeft(l, " ")) }
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if strings.HasPrefix(l, "\f") {
			if strings.TrimSpace(l) != "" && i+1 < len(lines) && lines[i+1] == "" {
				i++ // the blank line under the number
			}
			if n := len(heading); inTable && n > 0 && i+n < len(lines) && equalLines(lines[i+1:i+1+n], heading) {
				i += n // the heading repeated above the rows it continues
			}
			continue
		}
		if strings.HasPrefix(strings.TrimLeft(l, " "), "STT ") {
			// A table's heading runs from its titles to its rule.
			j := i
			for j < len(lines) && !strings.Contains(lines[j], "───") {
				j++
			}
			if j < len(lines) {
				heading = lines[i : j+1]
				out = append(out, heading...)
				i, inTable = j, true
				continue
			}
		}
		if inTable && len(heading) > 0 {
			hi, li := indent(heading[0]), indent(l)
			row := strings.TrimSpace(l) != "" && (li > hi || (li == hi && l[li] >= '0' && l[li] <= '9'))
			inTable = row
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// equalLines reports whether two runs of lines are the same.
func equalLines(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
