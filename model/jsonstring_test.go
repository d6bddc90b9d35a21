package model

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestAppendJSONString writes what encoding/json writes, with and without
// HTML escaping.
func TestAppendJSONString(t *testing.T) {
	for _, s := range []string{"", "Nguyễn Văn A", `a "b" \c`, "<b>&</b>", "tab\tnl\ncr\r\x00\x1f", "bad \xff utf8", "line\u2028para\u2029", "ký tự 😀"} {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := AppendJSONString(nil, true, s); !bytes.Equal(got, want) {
			t.Errorf("html %q: %s, want %s", s, got, want)
		}
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		if got := AppendJSONString(nil, false, s); !bytes.Equal(got, bytes.TrimSuffix(buf.Bytes(), []byte("\n"))) {
			t.Errorf("plain %q: %s, want %s", s, got, buf.Bytes())
		}
	}
}
