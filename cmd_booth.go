package main

import (
	"io"
	"os"

	"hoidong/model"
	"hoidong/tui"
)

// runBooth runs only the voting booth.
func runBooth(args []string, _ io.Reader, _, _ io.Writer) error {
	fs := flags("booth")
	db := dbFlag(fs)
	theme := themeFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	t, err := parseTheme(*theme)
	if err != nil {
		return err
	}
	if _, err := os.Stat(*db); err != nil {
		return model.Errorf(model.ENotFound, "không tìm thấy tệp phiên họp %s", *db)
	}
	return openAndRun(tui.Options{BoothOnly: true, Theme: t}, *db)
}
