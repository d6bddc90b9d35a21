package model

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestWrapf_CarriesTheCauseForTheLogOnly(t *testing.T) {
	cause := errors.New("attempt to write a readonly database (8)")
	err := fmt.Errorf("set attendance: %w",
		Wrapf(EReadOnly, cause, "Không ghi được vào tệp %q: tệp chỉ cho phép đọc.", "hop.db"))
	if got := Message(err); got != `Không ghi được vào tệp "hop.db": tệp chỉ cho phép đọc.` {
		t.Errorf("Message = %q", got)
	}
	if ErrorCodeOf(err) != EReadOnly {
		t.Errorf("code %d", ErrorCodeOf(err))
	}
	if !errors.Is(err, cause) {
		t.Error("the cause is not in the chain")
	}
	if d := Detail(err); !strings.Contains(d, "readonly database") || !strings.Contains(d, "hop.db") {
		t.Errorf("Detail = %q", d)
	}
}

func TestMessage_NeverShowsTechnicalText(t *testing.T) {
	err := fmt.Errorf("read members: %w", errors.New("database disk image is malformed"))
	msg := Message(err)
	if strings.Contains(msg, "malformed") || strings.Contains(msg, "read members") || msg == "" {
		t.Errorf("Message = %q", msg)
	}
	if d := Detail(err); d != err.Error() {
		t.Errorf("Detail = %q", d)
	}
	if Message(nil) != "" || Detail(nil) != "" {
		t.Error("nil error has text")
	}
	ps := Problems{{Where: "awards[1].threshold", What: "thiếu"}}
	if Message(fmt.Errorf("x: %w", ps)) != ps.Error() {
		t.Error("problems are not shown as they are")
	}
	if d := Detail(Errorf(EInvalid, "Sai.")); d != "Sai." {
		t.Errorf("Detail of a user error without cause = %q", d)
	}
}
