package tui

import (
	"image/color"

	"charm.land/lipgloss/v2"
)

// styles is the program's look, built from a small semantic palette.
type styles struct {
	Title    lipgloss.Style
	Subtitle lipgloss.Style
	Muted    lipgloss.Style
	Selected lipgloss.Style
	Good     lipgloss.Style
	Bad      lipgloss.Style
	Warn     lipgloss.Style
	Header   lipgloss.Style
	Box      lipgloss.Style
	Dialog   lipgloss.Style
	Status   lipgloss.Style
	Error    lipgloss.Style
	Booth    lipgloss.Style
}

// newStyles builds the styles for a dark or light background.
func newStyles(isDark bool) styles {
	ld := lipgloss.LightDark(isDark)
	accent := ld(lipgloss.Color("#1F4E9E"), lipgloss.Color("#7FA7F0"))
	muted := ld(lipgloss.Color("240"), lipgloss.Color("245"))
	good := ld(lipgloss.Color("#1B7F3B"), lipgloss.Color("#5FD787"))
	bad := ld(lipgloss.Color("#B00020"), lipgloss.Color("#FF6B6B"))
	warn := ld(lipgloss.Color("#8A5A00"), lipgloss.Color("#FFC857"))
	var selBg color.Color = ld(lipgloss.Color("#DCE6F8"), lipgloss.Color("#2A3A5C"))
	return styles{
		Title:    lipgloss.NewStyle().Bold(true).Foreground(accent),
		Subtitle: lipgloss.NewStyle().Bold(true),
		Muted:    lipgloss.NewStyle().Foreground(muted),
		Selected: lipgloss.NewStyle().Bold(true).Background(selBg),
		Good:     lipgloss.NewStyle().Foreground(good),
		Bad:      lipgloss.NewStyle().Foreground(bad),
		Warn:     lipgloss.NewStyle().Foreground(warn),
		Header:   lipgloss.NewStyle().Bold(true).Underline(true),
		Box:      lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(accent).Padding(0, 1),
		Dialog:   lipgloss.NewStyle().Border(lipgloss.DoubleBorder()).BorderForeground(warn).Padding(1, 2),
		Status:   lipgloss.NewStyle().Foreground(good),
		Error:    lipgloss.NewStyle().Bold(true).Foreground(bad),
		Booth:    lipgloss.NewStyle().Border(lipgloss.ThickBorder()).BorderForeground(accent).Padding(1, 3),
	}
}
