package tui

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"hoidong/model"
)

// startScreen offers to create a meeting in a new database file.
type startScreen struct{ base }

// title implements screen.
func (s *startScreen) title() string { return "Tạo phiên họp mới" }

// actions implements screen.
func (s *startScreen) actions(c *shared) []action {
	if c.st == nil {
		return nil
	}
	k := c.keys.Start
	return []action{
		act(k.Sample, func() tea.Cmd {
			return createMeeting(c, func() (model.Plan, error) { return model.SamplePlan(), nil })
		}),
		act(k.PlanFile, func() tea.Cmd {
			return prompt("Đường dẫn tệp kế hoạch (TOML):", "", func(path string) tea.Cmd {
				if path == "" {
					return say("Chưa nhập đường dẫn tệp kế hoạch.", true)
				}
				return createMeeting(c, func() (model.Plan, error) { return model.LoadPlan(path) })
			})
		}),
	}
}

// createMeeting loads a plan and creates the meeting from it.
func createMeeting(c *shared, plan func() (model.Plan, error)) tea.Cmd {
	st := c.st
	return c.do(pageStart, "Đã tạo phiên họp.", func(ctx context.Context) error {
		p, err := plan()
		if err != nil {
			return err
		}
		return st.CreateMeeting(ctx, p)
	})
}

// view implements screen.
func (s *startScreen) view(c *shared) string {
	st := c.styles
	path := ""
	if c.st != nil {
		path = c.st.Path()
	}
	return "\nTệp phiên họp:\n  " + st.Subtitle.Render(truncateLeft(path, c.width-2)) + "\nchưa có phiên họp nào.\n\n" +
		"Chọn cách bắt đầu:\n\n" +
		"  " + st.Title.Render(keyName(c.keys.Start.Sample)) + "  Dùng kế hoạch mẫu (Kế hoạch 11/KH-UBND, thị trấn Như Quỳnh)\n" +
		"  " + st.Title.Render(keyName(c.keys.Start.PlanFile)) + "  Dùng tệp kế hoạch của cơ quan (tệp .toml)\n\n" +
		st.Muted.Render("Tạo tệp kế hoạch từ mẫu: hoidong plan show > kehoach.toml, sửa rồi kiểm tra\nbằng: hoidong plan check kehoach.toml")
}
