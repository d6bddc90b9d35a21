package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/charmbracelet/x/term"

	"hoidong/model"
	"hoidong/store"
)

// runSecretaryCode sets the secretary code of a meeting, or changes it:
// the code that leaves the in-program booth and opens the sealed ballots
// of a round when it closes. On a terminal the code is typed without being
// shown; otherwise it is read line by line from standard input (old code
// first when one is set, then the new code twice).
func runSecretaryCode(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flags("secretary-code")
	db := dbFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if _, err := os.Stat(*db); err != nil {
		return model.Errorf(model.ENotFound, "không tìm thấy tệp phiên họp %s", *db)
	}
	st, err := store.Open(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := context.Background()
	set, err := st.SecretaryCodeSet(ctx)
	if err != nil {
		return err
	}
	in := newCodeReader(stdin, stderr)
	old := ""
	if set {
		if old, err = in.read("Mã thư ký hiện tại: "); err != nil {
			return err
		}
	}
	code, err := in.read(fmt.Sprintf("Mã thư ký mới (ít nhất %d ký tự): ", store.MinSecretaryCode))
	if err != nil {
		return err
	}
	again, err := in.read("Nhập lại mã thư ký mới: ")
	if err != nil {
		return err
	}
	if code != again {
		return model.Errorf(model.EInvalid, "hai lần nhập mã mới không giống nhau; mã thư ký chưa thay đổi")
	}
	if set {
		err = st.ChangeSecretaryCode(ctx, old, code)
	} else {
		err = st.SetSecretaryCode(ctx, code)
	}
	if err != nil {
		return err
	}
	if set {
		fmt.Fprintln(stdout, "Đã đổi mã thư ký.")
	} else {
		fmt.Fprintln(stdout, "Đã lưu mã thư ký.")
	}
	return nil
}

// codeReader reads codes without echo from a terminal, or as lines.
type codeReader struct {
	in     io.Reader
	lines  *bufio.Scanner
	prompt io.Writer
}

func newCodeReader(in io.Reader, prompt io.Writer) *codeReader {
	return &codeReader{in: in, lines: bufio.NewScanner(in), prompt: prompt}
}

// read asks for one code.
func (r *codeReader) read(label string) (string, error) {
	fmt.Fprint(r.prompt, label)
	if f, ok := r.in.(*os.File); ok && term.IsTerminal(f.Fd()) {
		b, err := term.ReadPassword(f.Fd())
		fmt.Fprintln(r.prompt)
		if err != nil {
			return "", model.Errorf(model.EInvalid, "không đọc được mã từ bàn phím (%v)", err)
		}
		return strings.TrimSpace(string(b)), nil
	}
	if !r.lines.Scan() {
		fmt.Fprintln(r.prompt)
		return "", model.Errorf(model.EInvalid, "chưa nhập mã thư ký")
	}
	return strings.TrimSpace(r.lines.Text()), nil
}
