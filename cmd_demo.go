package main

import (
	"crypto/rand"
	"fmt"
	"io"
	"math/big"
	"os"
	"path/filepath"

	"hoidong/tui"
)

// runDemo opens a fresh copy of the sample meeting in a temporary file.
func runDemo(args []string, _ io.Reader, stdout, _ io.Writer) error {
	fs := flags("demo")
	if err := parse(fs, args); err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "hoidong-demo-")
	if err != nil {
		return fmt.Errorf("create demo folder: %w", err)
	}
	path := filepath.Join(dir, "hoidong-demo.db")
	code, err := demoCode()
	if err != nil {
		return err
	}
	if err := initDB(path, "", code); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Phiên họp mẫu: %s\nMã thư ký: %s\n", path, code)
	if err := openAndRun(tui.Options{Notice: "Phiên họp mẫu (tệp tạm): " + path, DemoCode: code}, path); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Dữ liệu phiên họp mẫu vẫn còn trong %s\n", path)
	return nil
}

// demoCode draws the secretary code of a demo meeting: eight random digits.
func demoCode() (string, error) {
	n, err := rand.Int(rand.Reader, big.NewInt(100_000_000))
	if err != nil {
		return "", fmt.Errorf("demo secretary code: %w", err)
	}
	return fmt.Sprintf("%08d", n.Int64()), nil
}
