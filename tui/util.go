package tui

import (
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"hoidong/model"
)

// window returns the first row to show so that cursor is visible in a list
// of n rows shown height at a time, the cursor kept in the middle. The
// booth's ballot and the review's checklist scroll this way rather than by
// pages (pickList): their cursor is part of their own state (a voter's
// marks, the review's undo) and moves on by itself with each mark.
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
		return ansi.Truncate("…", width, "")
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
