package main

import (
	"flag"
	"io"
	"path/filepath"

	"hoidong/model"
	"hoidong/store"
	"hoidong/tui"
)

// runTUI opens the meeting in the secretary's program.
func runTUI(args []string, _ io.Reader, _, _ io.Writer) error {
	fs := flags("hoidong")
	db := dbFlag(fs)
	theme := themeFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	t, err := parseTheme(*theme)
	if err != nil {
		return err
	}
	return openAndRun(tui.Options{Notice: "Tệp phiên họp: " + *db, Theme: t}, *db)
}

// themeFlag adds --theme, the look to start with.
func themeFlag(fs *flag.FlagSet) *string {
	return fs.String("theme", "tu-dong", "giao diện: tu-dong, toi (nền tối), sang (nền sáng), may-chieu (máy chiếu)")
}

// parseTheme reads --theme, refusing a name it does not know.
func parseTheme(s string) (tui.Theme, error) {
	t, ok := tui.ParseTheme(s)
	if !ok {
		return t, usageErrorf("giao diện không rõ: %q (dùng: tu-dong, toi, sang, may-chieu)", s)
	}
	return t, nil
}

// openAndRun opens the database and runs the program on it. A file the
// secretary's program cannot write (read-only, or held by another program)
// is offered for viewing only.
func openAndRun(opts tui.Options, path string) error {
	open := store.Open
	if opts.BoothOnly {
		open = store.OpenBooth
	}
	st, err := open(path)
	if code := model.ErrorCodeOf(err); !opts.BoothOnly && (code == model.EReadOnly || code == model.ELocked) {
		why := model.Message(err)
		if st, err = store.OpenView(path); err == nil {
			opts.ViewOnly = why
		}
	}
	if err != nil {
		return err
	}
	defer st.Close()
	opts.Store = st
	opts.ExportDir = filepath.Join(filepath.Dir(path), "bien-ban")
	return tui.Run(opts)
}
