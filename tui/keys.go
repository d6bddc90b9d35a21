package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
)

// keyMap is every binding of the program, built once per Model: the keys
// every screen shares, then one group per screen. A screen matches only
// its own group and the shared keys, and every key it names on screen is
// written from the binding (keyName, hint), so that rebinding a key here
// changes what the screen does and what it tells the user together.
type keyMap struct {
	commonKeys

	Dialog     dialogKeys
	Input      inputKeys
	Start      startKeys
	Secretary  secretaryKeys
	Overview   overviewKeys
	RollCall   rollCallKeys
	Tellers    tellerKeys
	Nominees   nomineeKeys
	Review     reviewKeys
	Remarks    remarkKeys
	Rounds     roundKeys
	Paper      paperKeys
	Booth      boothKeys
	Tally      tallyKeys
	Conclusion conclusionKeys
	Preview    previewKeys
	Import     importKeys
	Written    writtenKeys
}

// commonKeys move through lists and leave screens, everywhere.
type commonKeys struct {
	Up, Down, PageUp, PageDown key.Binding
	Home, End                  key.Binding
	Enter, Back, Help, Quit    key.Binding
	// QuitTyping quits where letters are text: only ctrl+c.
	QuitTyping key.Binding
	// Theme switches between the dark, light and projector looks.
	Theme key.Binding
}

// dialogKeys answer a yes/no question: at once, or by choosing a button.
type dialogKeys struct{ Yes, No, Toggle, Choose key.Binding }

// inputKeys end a line of text.
type inputKeys struct{ Submit, Cancel key.Binding }

// startKeys choose how a new meeting starts.
type startKeys struct{ Sample, PlanFile key.Binding }

// secretaryKeys move between the two fields of the secretary code.
type secretaryKeys struct{ Next, Clear key.Binding }

// overviewKeys are the agenda's.
type overviewKeys struct{ Open, Jump, Discussion, Verify, Import key.Binding }

// rollCallKeys take the roll call and manage voting codes.
type rollCallKeys struct {
	Present, Absent, Presides, Unlock, IssueCodes, ReissueCode key.Binding
	Written                                                    key.Binding // an absent member sends a written ballot
}

// tellerKeys choose the counting committee.
type tellerKeys struct{ Toggle, Head key.Binding }

// nomineeKeys are the list of nominees'.
type nomineeKeys struct{ Open, Search, KeepFilter, ClearFilter key.Binding }

// reviewKeys mark a nominee's checks, criteria and dossier; Toggle and
// Done answer the list of members who may be the nominee.
type reviewKeys struct {
	Next, CheckYes, CheckNo, Met, NotMet, Note, Remarks, PrevNominee, NextNominee, NextAward, Undo key.Binding
	Received, Nominated, Toggle, Done                                                              key.Binding
}

// remarkKeys add, change and delete what was said, and choose who said it.
type remarkKeys struct{ Add, Edit, Delete, Speaker, Cancel, Done key.Binding }

// roundKeys open, follow and close ballot rounds.
type roundKeys struct {
	OpenRound, OpenPaperRound, EnterBooth, CloseRound, PaperCounts key.Binding
	WrittenBallots, Envelopes                                      key.Binding // the written-ballot screen
}

// writtenKeys enter the written ballots of absent members (written.go);
// the ballot itself is marked with the booth's keys.
type writtenKeys struct{ Open, Cancel, Save, Receive, Undo key.Binding }

// paperKeys fill in the counts of a paper round.
type paperKeys struct{ Digits, Erase, Next, Save key.Binding }

// boothKeys are the voters' keys, and the secretary's way out.
type boothKeys struct {
	ConfirmIdentity, Skip              key.Binding
	Digits, Erase, SubmitCode, NotMe   key.Binding
	Agree, Disagree, AgreeRest         key.Binding
	Review, Cast, Change, Unmark       key.Binding
	Secretary, SecretaryOK, StayInside key.Binding
	LeaveBoothOnly                     key.Binding
	Keys                               key.Binding
}

// tallyKeys move between rounds and settle ties.
type tallyKeys struct {
	PrevRound, NextRound, Show, Revote, ChairDecide, Choose, Decide, CancelChoice key.Binding
}

// conclusionKeys export, close the meeting and correct it afterwards, and
// confirm the date the minutes carry.
type conclusionKeys struct{ Export, CloseMeeting, Correction, DateSat, DatePlanned key.Binding }

// previewKeys switch documents and write them.
type previewKeys struct{ Next, Prev, Write key.Binding }

// importKeys read a file and import it.
type importKeys struct{ Confirm, Reread, Other key.Binding }

// newKeyMap builds the default bindings.
func newKeyMap() keyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return keyMap{
		commonKeys: commonKeys{
			Up:       b("↑", "lên", "up"),
			Down:     b("↓", "xuống", "down"),
			PageUp:   b("pgup", "trang trước", "pgup"),
			PageDown: b("pgdn", "trang sau", "pgdown"),
			Home:     b("home", "đầu danh sách", "home"),
			End:      b("end", "cuối danh sách", "end"),
			Enter:    b("enter", "chọn", "enter"),
			Back:     b("esc", "quay lại", "esc"),
			Help:     b("?", "tất cả phím", "?"),
			Quit:     b("q", "thoát", "q", "ctrl+c"),

			QuitTyping: b("ctrl+c", "thoát", "ctrl+c"),
			Theme:      b("ctrl+t", "đổi giao diện", "ctrl+t"),
		},
		Dialog: dialogKeys{
			Yes:    b("c", "có", "c", "y"),
			No:     b("k/esc", "không", "k", "n", "esc"),
			Toggle: b("←/→", "chọn nút", "left", "right"),
			Choose: b("enter", "trả lời theo nút đang chọn", "enter"),
		},
		Input: inputKeys{
			Submit: b("enter", "lưu", "enter"),
			Cancel: b("esc", "hủy", "esc"),
		},
		Start: startKeys{
			Sample:   b("1", "dùng kế hoạch mẫu", "1"),
			PlanFile: b("2", "dùng tệp kế hoạch", "2"),
		},
		Secretary: secretaryKeys{
			Next:  b("enter", "tiếp", "enter"),
			Clear: b("esc", "xóa, nhập lại", "esc"),
		},
		Overview: overviewKeys{
			Open:       b("enter", "mở bước", "enter"),
			Jump:       b("1-6", "đến bước", "1", "2", "3", "4", "5", "6"),
			Discussion: b("g", "ý kiến phát biểu", "g"),
			Verify:     b("v", "kiểm tra hồ sơ", "v"),
			Import:     b("i", "nhập danh sách từ tệp", "i"),
		},
		RollCall: rollCallKeys{
			Present:     b("c", "có mặt", "c"),
			Absent:      b("v", "vắng", "v"),
			Presides:    b("p", "người chủ trì", "p"),
			Unlock:      b("u", "mở khóa", "u"),
			IssueCodes:  b("m", "cấp mã bỏ phiếu", "m"),
			ReissueCode: b("r", "cấp lại mã", "r"),
			Written:     b("g", "gửi phiếu bằng văn bản", "g"),
		},
		Tellers: tellerKeys{
			Toggle: b("space", "chọn/bỏ", "space"),
			Head:   b("t", "trưởng ban", "t"),
		},
		Nominees: nomineeKeys{
			Open:        b("enter", "xét đối tượng", "enter"),
			Search:      b("/", "tìm", "/"),
			KeepFilter:  b("enter", "giữ bộ lọc", "enter"),
			ClearFilter: b("esc", "bỏ lọc", "esc"),
		},
		Review: reviewKeys{
			Next:        b("enter", "dòng sau", "enter"),
			CheckYes:    b("c", "có áp dụng", "c"),
			CheckNo:     b("k", "không áp dụng", "k"),
			Met:         b("d", "đạt", "d"),
			NotMet:      b("x", "không đạt", "x"),
			Note:        b("n", "ghi chú", "n"),
			Remarks:     b("g", "ý kiến phát biểu", "g"),
			PrevNominee: b("[", "đối tượng trước", "["),
			NextNominee: b("]", "đối tượng sau", "]"),
			NextAward:   b("tab", "danh hiệu khác", "tab"),
			Undo:        b("u", "hoàn tác", "u"),
			Received:    b("h", "đã nhận ⇄ còn thiếu", "h"),
			Nominated:   b("m", "thành viên là người được đề nghị", "m"),
			Toggle:      b("enter", "ghi nhận ⇄ bỏ ghi nhận", "enter"),
			Done:        b("esc", "xong", "esc"),
		},
		Remarks: remarkKeys{
			Add:     b("a", "thêm ý kiến", "a"),
			Edit:    b("enter", "sửa", "enter"),
			Delete:  b("x", "xóa", "x"),
			Speaker: b("enter", "chọn người phát biểu", "enter"),
			Cancel:  b("esc", "hủy", "esc"),
			Done:    b("esc", "xong", "esc"),
		},
		Rounds: roundKeys{
			OpenRound:      b("enter", "mở vòng tại máy", "enter"),
			OpenPaperRound: b("p", "mở vòng phiếu giấy", "p"),
			EnterBooth:     b("b/enter", "vào phòng bỏ phiếu", "b", "enter"),
			CloseRound:     b("o", "đóng vòng, kiểm phiếu", "o"),
			PaperCounts:    b("enter", "nhập kết quả kiểm phiếu", "enter"),
			WrittenBallots: b("w", "nhập phiếu bằng văn bản", "w"),
			Envelopes:      b("w", "nhận phong bì phiếu bằng văn bản", "w"),
		},
		Written: writtenKeys{
			Open:    b("enter", "nhập phiếu của người này", "enter"),
			Cancel:  b("esc", "hủy phiếu đang nhập", "esc"),
			Save:    b("enter", "ghi phiếu", "enter"),
			Receive: b("enter", "đã nhận phong bì", "enter"),
			Undo:    b("u", "bỏ ghi nhận", "u"),
		},
		Paper: paperKeys{
			Digits: b("0-9", "nhập số", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
			Erase:  b("backspace", "xóa số", "backspace"),
			Next:   b("enter/tab", "ô sau (ô cuối: ghi)", "enter", "tab"),
			Save:   b("ctrl+s", "kiểm tra và ghi", "ctrl+s"),
		},
		Booth: boothKeys{
			ConfirmIdentity: b("c", "đúng là tôi", "c"),
			Skip:            b("s", "mời người sau", "s"),
			Digits:          b("0-9", "mã", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
			Erase:           b("backspace", "xóa", "backspace"),
			SubmitCode:      b("enter", "xác nhận mã", "enter"),
			NotMe:           b("esc", "không phải tôi, quay lại", "esc"),
			Agree:           b("d", "đồng ý", "d"),
			Disagree:        b("k", "không đồng ý", "k"),
			AgreeRest:       b("a", "đồng ý các dòng còn lại", "a"),
			Review:          b("enter", "xem lại", "enter"),
			Cast:            b("enter", "bỏ phiếu", "enter"),
			Change:          b("esc", "sửa lại", "esc"),
			Unmark:          b("esc", "bỏ phiếu đang đánh dấu", "esc"),
			Secretary:       b("ctrl+x", "thư ký rời phòng", "ctrl+x", "ctrl+c"),
			SecretaryOK:     b("enter", "xác nhận mã thư ký", "enter"),
			StayInside:      b("esc", "quay lại phòng bỏ phiếu", "esc"),
			LeaveBoothOnly:  b("t", "đóng phòng bỏ phiếu", "t"),
			Keys:            b("?", "các phím", "?"),
		},
		Tally: tallyKeys{
			PrevRound:    b("←", "vòng trước", "left"),
			NextRound:    b("→", "vòng sau", "right"),
			Show:         b("enter", "công bố kết quả", "enter"),
			Revote:       b("r", "bỏ phiếu lại", "r"),
			ChairDecide:  b("c", "chủ tọa quyết định", "c"),
			Choose:       b("space", "chọn/bỏ", "space"),
			Decide:       b("enter", "ghi quyết định", "enter"),
			CancelChoice: b("esc", "hủy", "esc"),
		},
		Conclusion: conclusionKeys{
			Export:       b("x", "xuất biên bản", "x"),
			CloseMeeting: b("e", "kết thúc phiên họp", "e"),
			Correction:   b("d", "đính chính", "d"),
			DateSat:      b("n", "ghi ngày họp", "n"),
			DatePlanned:  b("k", "ghi ngày kế hoạch", "k"),
		},
		Preview: previewKeys{
			Next:  b("tab/→", "tài liệu sau", "tab", "right"),
			Prev:  b("←", "tài liệu trước", "shift+tab", "left"),
			Write: b("w", "ghi ra thư mục", "w", "enter"),
		},
		Import: importKeys{
			Confirm: b("enter", "nhập vào phiên họp", "enter"),
			Reread:  b("r", "đọc lại tệp", "r"),
			Other:   b("o", "chọn tệp khác", "o"),
		},
	}
}

// keyName is how the screens name a binding's key: "ctrl+x", "enter".
func keyName(b key.Binding) string { return b.Help().Key }

// hint writes a binding as the screens do: "enter: bỏ phiếu".
func hint(b key.Binding) string { return b.Help().Key + ": " + b.Help().Desc }

// hints joins bindings' hints with a middle dot.
func hints(bs ...key.Binding) string {
	parts := make([]string, len(bs))
	for i, b := range bs {
		parts[i] = hint(b)
	}
	return strings.Join(parts, " · ")
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
