package importer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// Vietnamese text typed before Unicode was common comes in three legacy
// encodings: TCVN3 (ABC, fonts .VnTime…), VNI (fonts VNI-Times…) and
// Windows-1258. A file saved in one of them is not valid UTF-8; a
// spreadsheet typed with a legacy font is valid Unicode but holds the
// wrong letters ("NguyÔn V¨n" for "Nguyễn Văn"). Both are recognised here
// by decoding the text as each legacy encoding and keeping the one that
// gives clean Vietnamese; nothing is ever imported from them.

// legacy names a legacy Vietnamese encoding.
type legacy int

// Legacy encodings.
const (
	legacyUnknown legacy = iota
	legacyTCVN3
	legacyVNI
	legacyCP1258
)

// label is the encoding's name as Unikey's converter lists it.
func (l legacy) label() string {
	switch l {
	case legacyTCVN3:
		return "TCVN3 (ABC)"
	case legacyVNI:
		return "VNI Windows"
	case legacyCP1258:
		return "Vietnamese locale CP 1258"
	}
	return "bảng mã cũ"
}

// vietLower lists every lower-case letter of Vietnamese beyond ASCII.
const vietLower = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"

// isVietLetter reports whether r is a letter of the Vietnamese alphabet,
// ASCII included.
func isVietLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	return strings.ContainsRune(vietLower, unicode.ToLower(r))
}

// foreign reports whether r is a character that Vietnamese text does not
// use but legacy-font text shows: Latin-1 letters outside the Vietnamese
// alphabet and the symbols that TCVN3 uses for letters.
func foreign(r rune) bool {
	switch {
	case r < 0xA1 || r > 0xFF:
		return false
	case r == '°' || r == '×' || r == '§':
		return false
	}
	return !isVietLetter(r)
}

// clean reports whether s reads as Vietnamese: no foreign characters, no
// replacement characters, no stray combining marks, and at least one
// Vietnamese letter beyond ASCII.
func cleanViet(s string) bool {
	viet := false
	for _, r := range s {
		switch {
		case r == utf8.RuneError || foreign(r) || unicode.Is(unicode.Mn, r):
			return false
		case r >= 0x80 && unicode.IsLetter(r):
			if !isVietLetter(r) {
				return false
			}
			viet = true
		case r >= 0x80 && r < 0xA0:
			return false
		}
	}
	return viet
}

// tcvn3 maps the high bytes of TCVN3 to letters.
func tcvn3(b byte) rune {
	const lower = "" +
		"\xb5à\xb8á\xb6ả\xb7ã\xb9ạ" +
		"\xa8ă\xbbằ\xbeắ\xbcẳ\xbdẵ\xc6ặ" +
		"\xa9â\xc7ầ\xcaấ\xc8ẩ\xc9ẫ\xcbậ" +
		"\xaeđ" +
		"\xccè\xd0é\xceẻ\xcfẽ\xd1ẹ" +
		"\xaaê\xd2ề\xd5ế\xd3ể\xd4ễ\xd6ệ" +
		"\xd7ì\xddí\xd8ỉ\xdcĩ\xdeị" +
		"\xdfò\xe3ó\xe1ỏ\xe2õ\xe4ọ" +
		"\xabô\xe5ồ\xe8ố\xe6ổ\xe7ỗ\xe9ộ" +
		"\xacơ\xeaờ\xedớ\xebở\xecỡ\xeeợ" +
		"\xefù\xf3ú\xf1ủ\xf2ũ\xf4ụ" +
		"\xadư\xf5ừ\xf8ứ\xf6ử\xf7ữ\xf9ự" +
		"\xfaỳ\xfdý\xfbỷ\xfcỹ\xfeỵ" +
		"\xa1Ă\xa2Â\xa3Ê\xa4Ô\xa5Ơ\xa6Ư\xa7Đ"
	if r, ok := byteTable(lower, b); ok {
		return r
	}
	return utf8.RuneError
}

// byteTable looks b up in table, a run of entries that are each a key byte
// followed by the letter it stands for in UTF-8.
func byteTable(table string, b byte) (rune, bool) {
	for i := 0; i < len(table); {
		k := table[i]
		r, size := utf8.DecodeRuneInString(table[i+1:])
		if k == b {
			return r, true
		}
		i += 1 + size
	}
	return 0, false
}

// vniMark maps a VNI modifier byte to the combining marks it adds to the
// vowel before it, upper- and lower-case alike.
func vniMark(b byte) string {
	marks := [...]struct {
		key   byte
		marks string
	}{
		{0xf9, "\u0301"}, // sắc
		{0xf8, "\u0300"}, // huyền
		{0xfb, "\u0309"}, // hỏi
		{0xf5, "\u0303"}, // ngã
		{0xef, "\u0323"}, // nặng
		{0xe2, "\u0302"}, // mũ
		{0xe1, "\u0302\u0301"},
		{0xe0, "\u0302\u0300"},
		{0xe5, "\u0302\u0309"},
		{0xe3, "\u0302\u0303"},
		{0xe4, "\u0302\u0323"},
		{0xea, "\u0306"}, // trăng
		{0xe9, "\u0306\u0301"},
		{0xe8, "\u0306\u0300"},
		{0xfa, "\u0306\u0309"},
		{0xfc, "\u0306\u0303"},
		{0xeb, "\u0306\u0323"},
	}
	for _, m := range marks {
		if m.key == b|0x20 {
			return m.marks
		}
	}
	return ""
}

// vniLetter maps the VNI bytes that stand for a whole letter.
func vniLetter(b byte) rune {
	const letters = "" +
		"\xf4ơ\xd4Ơ\xf6ư\xd6Ư\xf1đ\xd1Đ" +
		"\xedí\xcdÍ\xecì\xccÌ\xe6ỉ\xc6Ỉ\xf3ĩ\xd3Ĩ\xf2ị\xd2Ị"
	if r, ok := byteTable(letters, b); ok {
		return r
	}
	return 0
}

// isVowel reports whether r can carry a VNI mark.
func isVowel(r rune) bool {
	switch unicode.ToLower(r) {
	case 'a', 'e', 'i', 'o', 'u', 'y', 'ơ', 'ư':
		return true
	}
	return false
}

// decodeLegacy decodes b as the legacy encoding l; bytes the encoding
// does not define become the replacement character.
func decodeLegacy(b []byte, l legacy) string {
	switch l {
	case legacyCP1258:
		s, err := charmap.Windows1258.NewDecoder().Bytes(b)
		if err != nil {
			return string(utf8.RuneError)
		}
		return norm.NFC.String(string(s))
	case legacyTCVN3:
		var sb strings.Builder
		for _, c := range b {
			switch {
			case c < 0x80:
				sb.WriteByte(c)
			default:
				sb.WriteRune(tcvn3(c))
			}
		}
		return norm.NFC.String(sb.String())
	case legacyVNI:
		var sb strings.Builder
		var prev rune
		for _, c := range b {
			switch {
			case c < 0x80:
				sb.WriteByte(c)
				prev = rune(c)
				continue
			case vniLetter(c) != 0 && !(isVowel(prev) && vniMark(c) != ""):
				prev = vniLetter(c)
				sb.WriteRune(prev)
				continue
			case vniMark(c) != "" && isVowel(prev):
				sb.WriteString(vniMark(c))
			default:
				sb.WriteRune(utf8.RuneError)
			}
			prev = 0
		}
		return norm.NFC.String(sb.String())
	}
	return string(utf8.RuneError)
}

// guessLegacy returns the legacy encoding that decodes b into clean
// Vietnamese, and the decoded text; legacyUnknown when none does.
func guessLegacy(b []byte) (legacy, string) {
	best, bestText, bestBad := legacyUnknown, "", -1
	for _, l := range []legacy{legacyTCVN3, legacyVNI, legacyCP1258} {
		s := decodeLegacy(b, l)
		bad := 0
		viet := false
		for _, r := range s {
			switch {
			case r == utf8.RuneError || foreign(r) || unicode.Is(unicode.Mn, r) || r >= 0x80 && r < 0xA0:
				bad++
			case r >= 0x80 && unicode.IsLetter(r):
				if isVietLetter(r) {
					viet = true
				} else {
					bad++
				}
			}
		}
		if !viet {
			continue
		}
		if bestBad < 0 || bad < bestBad {
			best, bestText, bestBad = l, s, bad
		}
	}
	return best, bestText
}

// cp1252Byte returns the byte that shows as r under Windows-1252, the code
// page a legacy Vietnamese font is drawn over.
func cp1252Byte(r rune) (byte, bool) {
	if r < 0x80 || r >= 0xA0 && r <= 0xFF {
		return byte(r), true
	}
	enc, err := charmap.Windows1252.NewEncoder().String(string(r))
	if err != nil || len(enc) != 1 {
		return 0, false
	}
	return enc[0], true
}

// legacyFont reports whether a cell of valid Unicode was typed with a
// legacy Vietnamese font: it holds foreign characters, every character
// maps back to one byte, and those bytes decode as TCVN3 or VNI into clean
// Vietnamese. It returns the encoding and what the text should read.
func legacyFont(s string) (legacy, string, bool) {
	hasForeign := false
	for _, r := range s {
		if foreign(r) || r >= 0x80 && r < 0xA0 {
			hasForeign = true
			break
		}
	}
	if !hasForeign {
		return legacyUnknown, "", false
	}
	b := make([]byte, 0, len(s))
	for _, r := range s {
		c, ok := cp1252Byte(r)
		if !ok {
			return legacyUnknown, "", false
		}
		b = append(b, c)
	}
	for _, l := range []legacy{legacyTCVN3, legacyVNI} {
		if t := decodeLegacy(b, l); cleanViet(t) {
			return l, t, true
		}
	}
	return legacyUnknown, "", false
}

// convertHelp tells how to turn a legacy file into Unicode.
func convertHelp(l legacy) string {
	src := "bảng mã cũ của tệp (TCVN3, VNI hoặc CP 1258)"
	if l != legacyUnknown {
		src = "«" + l.label() + "»"
	}
	return "Hãy chuyển sang Unicode rồi nhập lại: dùng Unikey, mở «Công cụ…» (Ctrl+Shift+F6), " +
		"chọn Nguồn " + src + ", Đích «Unicode», chuyển mã tệp hoặc clipboard; " +
		"sau đó trong Excel chọn «Lưu thành» (Save As) kiểu «CSV UTF-8 (Comma delimited)» hoặc «Excel Workbook (.xlsx)»."
}
