package importer

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode/utf32"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	xunicode "golang.org/x/text/encoding/unicode"
)

// decodeText turns the bytes of a text file into a string: UTF-8 with or
// without a byte-order mark, or UTF-16 (Excel's "Unicode text"). A file in
// a legacy Vietnamese encoding is refused with how to convert it; what is
// returned then is the problem's text.
func decodeText(data []byte) (text string, problem string) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE, 0, 0}), bytes.HasPrefix(data, []byte{0, 0, 0xFE, 0xFF}):
		return decodeWith(data, utf32.UTF32(utf32.BigEndian, utf32.ExpectBOM))
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeWith(data, xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM))
	}
	if enc := utf16Guess(data); enc != nil {
		return decodeWith(data, enc)
	}
	if utf8.Valid(data) {
		if bytes.IndexByte(data, 0) >= 0 {
			return "", "tệp không phải văn bản (có ký tự NUL); hãy lưu bảng tính thành CSV UTF-8, văn bản Unicode hoặc XLSX"
		}
		return string(data), ""
	}
	l, sample := guessLegacy(data)
	what := "tệp không phải chữ Unicode (UTF-8 hoặc UTF-16)"
	if l != legacyUnknown {
		what += " mà có vẻ được lưu theo bảng mã cũ " + l.label()
		if ex := legacySample(data, sample); ex != "" {
			what += " (ví dụ «" + ex + "»)"
		}
	} else {
		what += " mà được lưu theo một bảng mã cũ (TCVN3, VNI hoặc Windows-1258)"
	}
	return "", what + "; chương trình không đọc để khỏi nhập sai chữ. " + convertHelp(l)
}

// decodeWith decodes data with a Unicode encoding that reads its own
// byte-order mark.
func decodeWith(data []byte, enc encoding.Encoding) (string, string) {
	out, _, err := transform.Bytes(enc.NewDecoder(), data)
	if err != nil || !utf8.Valid(out) {
		return "", "tệp UTF-16 bị hỏng, không đọc được; hãy lưu lại bảng tính thành CSV UTF-8 hoặc XLSX"
	}
	if bytes.IndexByte(out, 0) >= 0 {
		return "", "tệp không phải văn bản (có ký tự NUL); hãy lưu bảng tính thành CSV UTF-8, văn bản Unicode hoặc XLSX"
	}
	return string(out), ""
}

// legacySample picks a short stretch of the decoded text around its first
// non-ASCII letter, to show the user what the file says.
func legacySample(data []byte, decoded string) string {
	i := strings.IndexFunc(decoded, func(r rune) bool { return r >= 0x80 })
	if i < 0 {
		return ""
	}
	start := strings.LastIndexAny(decoded[:i], "\n\t,;") + 1
	end := i + strings.IndexAny(decoded[i:]+"\n", "\n\t,;")
	s := strings.TrimSpace(decoded[start:end])
	if utf8.RuneCountInString(s) > 40 {
		s = string([]rune(s)[:40]) + "…"
	}
	_ = data
	return s
}

// utf16Guess recognises UTF-16 text without a byte-order mark by its zero
// bytes: mostly-ASCII text has a zero in every other byte. It returns nil
// for anything else.
func utf16Guess(data []byte) encoding.Encoding {
	n := min(len(data), 4096) &^ 1
	if n < 4 {
		return nil
	}
	var evenZero, oddZero int
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			evenZero++
		}
		if data[i+1] == 0 {
			oddZero++
		}
	}
	pairs := n / 2
	switch {
	case oddZero*10 >= pairs*6 && evenZero == 0:
		return xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM)
	case evenZero*10 >= pairs*6 && oddZero == 0:
		return xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM)
	}
	return nil
}

// cleanCell puts a cell's text in Unicode NFC, drops invisible characters,
// turns non-breaking spaces into spaces and trims it.
func cleanCell(s string) string {
	if s == "" {
		return s
	}
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf || s[i] == '\r' {
			ascii = false
			break
		}
	}
	if !ascii {
		s = norm.NFC.String(s)
		s = strings.Map(func(r rune) rune {
			switch r {
			case '\u00A0', '\u2007', '\u202F':
				return ' '
			case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\r':
				return -1
			case utf8.RuneError:
				return '?'
			}
			if unicode.Is(unicode.Cc, r) && r != '\n' && r != '\t' {
				return -1
			}
			return r
		}, s)
	}
	return strings.TrimSpace(s)
}

// oneLine makes a cleaned cell one line with single spaces, for names,
// units and positions.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\n\t  ") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}
