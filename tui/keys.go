package tui

import "charm.land/bubbles/v2/key"

// keyMap is every binding of the program, built once per Model.
type keyMap struct {
	Up, Down, PageUp, PageDown key.Binding
	Left, Right                key.Binding
	Enter, Back, Help, Quit    key.Binding
	Yes, No                    key.Binding

	// Roll call.
	Present, Absent, Unlock, IssueCodes, ReissueCode key.Binding
	// Counting committee.
	ToggleTeller, TellerHead key.Binding
	// Review.
	CheckYes, CheckNo, Met, NotMet, Note, NomineeNote, Discussion, PrevNominee, NextNominee, NextAward key.Binding
	// Rounds.
	OpenRound, OpenPaperRound, EnterBooth, CloseRound, PaperCounts key.Binding
	// Tally.
	Revote, ChairDecide key.Binding
	// Booth.
	ConfirmIdentity, Skip, Agree, Disagree, AgreeRest, Review, Cast, Secretary, LeaveBooth key.Binding
	// Conclusion.
	Export, CloseMeeting, Correction key.Binding
	// Start.
	Sample, PlanFile key.Binding
	// Overview jumps.
	Jump key.Binding
	// Check the record.
	Verify key.Binding
	// Search a list.
	Search key.Binding
}

// newKeyMap builds the default bindings.
func newKeyMap() keyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return keyMap{
		Up:       b("↑", "lên", "up"),
		Down:     b("↓", "xuống", "down"),
		PageUp:   b("pgup", "trang trước", "pgup"),
		PageDown: b("pgdn", "trang sau", "pgdown"),
		Left:     b("←", "trước", "left"),
		Right:    b("→", "sau", "right"),
		Enter:    b("enter", "chọn", "enter"),
		Back:     b("esc", "quay lại", "esc"),
		Help:     b("?", "tất cả phím", "?"),
		Quit:     b("q", "thoát", "q", "ctrl+c"),
		Yes:      b("c/enter", "có", "c", "y", "enter"),
		No:       b("k/esc", "không", "k", "n", "esc"),

		Present:     b("c", "có mặt", "c"),
		Absent:      b("v", "vắng", "v"),
		Unlock:      b("u", "mở khóa", "u"),
		IssueCodes:  b("m", "cấp mã bỏ phiếu", "m"),
		ReissueCode: b("r", "cấp lại mã", "r"),

		ToggleTeller: b("space", "chọn/bỏ", "space"),
		TellerHead:   b("t", "trưởng ban", "t"),

		CheckYes:    b("c", "có áp dụng", "c"),
		CheckNo:     b("k", "không áp dụng", "k"),
		Met:         b("d", "đạt", "d"),
		NotMet:      b("k", "không đạt", "k"),
		Note:        b("n", "ghi chú", "n"),
		NomineeNote: b("g", "ý kiến thảo luận", "g"),
		Discussion:  b("g", "ý kiến thảo luận", "g"),
		PrevNominee: b("[", "đối tượng trước", "["),
		NextNominee: b("]", "đối tượng sau", "]"),
		NextAward:   b("tab", "danh hiệu khác", "tab"),

		OpenRound:      b("enter", "mở vòng tại máy", "enter"),
		OpenPaperRound: b("p", "mở vòng phiếu giấy", "p"),
		PaperCounts:    b("enter", "nhập kết quả kiểm phiếu", "enter"),
		Revote:         b("r", "bỏ phiếu lại", "r"),
		ChairDecide:    b("c", "chủ tọa quyết định", "c"),
		EnterBooth:     b("b", "vào phòng bỏ phiếu", "b"),
		CloseRound:     b("o", "đóng vòng, kiểm phiếu", "o"),

		ConfirmIdentity: b("c", "đúng là tôi", "c"),
		Skip:            b("s", "mời người sau", "s"),
		Agree:           b("d", "đồng ý", "d"),
		Disagree:        b("k", "không đồng ý", "k"),
		AgreeRest:       b("a", "đồng ý hết", "a"),
		Review:          b("enter", "xem lại", "enter"),
		Cast:            b("enter", "bỏ phiếu", "enter"),
		Secretary:       b("ctrl+x", "thư ký rời phòng", "ctrl+x"),
		LeaveBooth:      b("t", "rời phòng bỏ phiếu", "t"),

		Export:       b("x", "xuất biên bản", "x"),
		CloseMeeting: b("e", "kết thúc phiên họp", "e"),
		Correction:   b("d", "đính chính", "d"),

		Sample:   b("1", "dùng kế hoạch mẫu", "1"),
		PlanFile: b("2", "dùng tệp kế hoạch", "2"),

		Jump:   b("1-6", "đến bước", "1", "2", "3", "4", "5", "6"),
		Verify: b("v", "kiểm tra hồ sơ", "v"),
		Search: b("/", "tìm", "/"),
	}
}

// bindings is a help.KeyMap made of plain lists.
type bindings struct {
	short []key.Binding
	full  [][]key.Binding
}

// ShortHelp implements help.KeyMap.
func (b bindings) ShortHelp() []key.Binding { return b.short }

// FullHelp implements help.KeyMap.
func (b bindings) FullHelp() [][]key.Binding {
	if b.full == nil {
		return [][]key.Binding{b.short}
	}
	return b.full
}
