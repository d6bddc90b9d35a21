package tui

import (
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"hoidong/model"
)

// truncate cuts s to width display columns, with an ellipsis.
func truncate(s string, width int) string {
	if width <= 0 {
		return ""
	}
	return ansi.Truncate(s, width, "…")
}

// fit makes s exactly h lines, each at most w columns.
func fit(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		if lipgloss.Width(l) > w {
			lines[i] = truncate(l, w)
		}
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// padRight pads s with spaces to width display columns, truncating if longer.
func padRight(s string, width int) string {
	sw := lipgloss.Width(s)
	if sw > width {
		return truncate(s, width)
	}
	return s + strings.Repeat(" ", width-sw)
}

// padLeft right-aligns s in width display columns.
func padLeft(s string, width int) string {
	sw := lipgloss.Width(s)
	if sw >= width {
		return s
	}
	return strings.Repeat(" ", width-sw) + s
}

// wrap breaks s into lines of at most width display columns.
func wrap(s string, width int) []string {
	if width <= 0 {
		return nil
	}
	return strings.Split(ansi.Wordwrap(s, width, ""), "\n")
}

// window returns the first row to show so that cursor is visible in a list
// of n rows shown height at a time.
func window(cursor, n, height int) int {
	if height <= 0 || n <= height {
		return 0
	}
	start := cursor - height/2
	if start < 0 {
		start = 0
	}
	if start > n-height {
		start = n - height
	}
	return start
}

// clamp keeps i within [0, n).
func clamp(i, n int) int {
	if i >= n {
		i = n - 1
	}
	if i < 0 {
		i = 0
	}
	return i
}

// clock formats t as "08:30" in Vietnam time, or "" for the zero time.
func clock(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(model.Vietnam()).Format("15:04")
}

// truncateLeft keeps the last width display columns of s, with an ellipsis
// in front: for paths, whose end is what matters.
func truncateLeft(s string, width int) string {
	if lipgloss.Width(s) <= width {
		return s
	}
	if width <= 1 {
		return truncate("…", width)
	}
	return "…" + ansi.TruncateLeft(s, lipgloss.Width(s)-width+1, "")
}

// fitNotice fits a "label: path" line into width columns, keeping the label
// and the end of the path, which is what tells one file from another.
func fitNotice(s string, width int) string {
	if lipgloss.Width(s) <= width {
		return s
	}
	label, path, ok := strings.Cut(s, ": ")
	if !ok || lipgloss.Width(label)+4 > width {
		return truncateLeft(s, width)
	}
	return label + ": " + truncateLeft(path, width-lipgloss.Width(label)-2)
}
