package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"hoidong/model"
	"hoidong/store"
)

// runVerify checks that a meeting's record proves itself: it recomputes the
// event chain, replays it against every table and recounts every result.
// It opens the file read-only and writes nothing, not even beside it.
// It prints the head hash and returns 0, or names the first record that
// does not match and returns 1.
func runVerify(args []string, stdout, stderr io.Writer) int {
	fs := flags("verify", stderr)
	db := fs.String("db", "hoidong.db", "tệp cơ sở dữ liệu của phiên họp")
	if err := parse(fs, args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		fmt.Fprintln(stderr, "Lỗi: "+model.Message(err))
		return 2
	}
	st, err := store.OpenReadOnly(*db)
	if err != nil {
		fmt.Fprintln(stderr, "Lỗi: "+model.Message(withDetail(stderr, err)))
		return 2
	}
	defer st.Close()
	rep, err := st.Verify(context.Background())
	if err != nil {
		fmt.Fprintln(stderr, "Lỗi: "+model.Message(withDetail(stderr, err)))
		return 2
	}
	if !rep.OK() {
		printProblem(stdout, *db, rep)
		return 1
	}
	fmt.Fprintf(stdout, "Hồ sơ nguyên vẹn. Mã kiểm tra (head): %s\n", rep.Head)
	fmt.Fprintf(stdout, "Tệp: %s (%d sự kiện). Hãy so mã này với mã in trong biên bản đã ký.\n", *db, rep.Events)
	return 0
}

// printProblem writes what verify says of a record that does not prove
// itself; export prints the same before refusing to write documents.
func printProblem(w io.Writer, db string, rep store.VerifyReport) {
	fmt.Fprintf(w, "Hồ sơ KHÔNG nguyên vẹn: %s\n", rep.Problem)
	fmt.Fprintf(w, "Tệp: %s (%d sự kiện; mã kiểm tra cuối trong tệp: %s)\n", db, rep.Events, rep.Head)
}
