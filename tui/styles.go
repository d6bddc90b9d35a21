package tui

import (
	"image/color"
	"strings"

	"charm.land/lipgloss/v2"
)

// Theme is how the program looks: for a dark or a light terminal, or for a
// projector, where nothing essential may rely on a dim colour and the room
// reads from metres away.
type Theme int

// Themes.
const (
	ThemeAuto      Theme = iota // dark or light, as the terminal's background is
	ThemeDark                   // light text on a dark background
	ThemeLight                  // dark text on a light background
	ThemeProjector              // high contrast, bold, no dim grey
)

// ParseTheme reads a theme's name as --theme takes it: "tu-dong" (or
// "auto"), "toi" ("dark"), "sang" ("light"), "may-chieu" ("projector").
func ParseTheme(s string) (Theme, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "auto", "tu-dong":
		return ThemeAuto, true
	case "dark", "toi":
		return ThemeDark, true
	case "light", "sang":
		return ThemeLight, true
	case "projector", "may-chieu":
		return ThemeProjector, true
	}
	return ThemeAuto, false
}

// Label names the theme in Vietnamese.
func (t Theme) Label() string {
	return [...]string{"tự động", "nền tối", "nền sáng", "máy chiếu"}[t]
}

// next is the theme the switch key moves to.
func (t Theme) next() Theme {
	switch t {
	case ThemeAuto, ThemeDark:
		return ThemeLight
	case ThemeLight:
		return ThemeProjector
	}
	return ThemeDark
}

// palette is the few colours a theme is made of.
type palette struct {
	accent, muted, good, bad, warn, selBg color.Color
	// bold makes every line of text heavier, as a projector needs.
	bold bool
}

// paletteFor returns the colours of theme t on a dark or light terminal.
func paletteFor(t Theme, isDark bool) palette {
	switch {
	case t == ThemeProjector:
		// Full-strength colours on the terminal's own background, and
		// "muted" text as plain as the rest: a projector washes out
		// everything that is not.
		return palette{
			accent: lipgloss.Color("#00AFFF"), muted: lipgloss.NoColor{},
			good: lipgloss.Color("#00FF5F"), bad: lipgloss.Color("#FF3030"), warn: lipgloss.Color("#FFD700"),
			selBg: lipgloss.Color("#0050A0"), bold: true,
		}
	case t == ThemeLight || t == ThemeAuto && !isDark:
		return palette{
			accent: lipgloss.Color("#1F4E9E"), muted: lipgloss.Color("240"),
			good: lipgloss.Color("#1B7F3B"), bad: lipgloss.Color("#B00020"), warn: lipgloss.Color("#8A5A00"),
			selBg: lipgloss.Color("#DCE6F8"),
		}
	}
	return palette{
		accent: lipgloss.Color("#7FA7F0"), muted: lipgloss.Color("245"),
		good: lipgloss.Color("#5FD787"), bad: lipgloss.Color("#FF6B6B"), warn: lipgloss.Color("#FFC857"),
		selBg: lipgloss.Color("#2A3A5C"),
	}
}

// styles is the program's look, built from one palette.
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
	Bar      lipgloss.Style // the status bar under the title
	Big      lipgloss.Style // figures the room reads from afar
}

// newStyles builds the styles of theme t on a dark or light terminal.
func newStyles(t Theme, isDark bool) styles {
	p := paletteFor(t, isDark)
	text := lipgloss.NewStyle().Bold(p.bold)
	return styles{
		Title:    lipgloss.NewStyle().Bold(true).Foreground(p.accent),
		Subtitle: lipgloss.NewStyle().Bold(true),
		Muted:    text.Foreground(p.muted),
		Selected: lipgloss.NewStyle().Bold(true).Background(p.selBg),
		Good:     lipgloss.NewStyle().Bold(true).Foreground(p.good),
		Bad:      lipgloss.NewStyle().Bold(true).Foreground(p.bad),
		Warn:     text.Foreground(p.warn),
		Header:   lipgloss.NewStyle().Bold(true).Underline(true),
		Box:      lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(p.accent).Padding(0, 1),
		Dialog:   lipgloss.NewStyle().Border(lipgloss.DoubleBorder()).BorderForeground(p.warn).Padding(1, 2),
		Status:   text.Foreground(p.good),
		Error:    lipgloss.NewStyle().Bold(true).Foreground(p.bad),
		Booth:    lipgloss.NewStyle().Border(lipgloss.ThickBorder()).BorderForeground(p.accent).Padding(1, 3),
		Bar:      text.Foreground(p.muted),
		Big:      lipgloss.NewStyle().Bold(true).Foreground(p.accent).Padding(0, 2),
	}
}
