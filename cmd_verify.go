package main

import (
	"context"
	"fmt"
	"io"

	"hoidong/store"
)

// runVerify checks that a meeting's record proves itself: it recomputes the
// event chain, replays it against every table and recounts every result.
// It opens the file read-only and writes nothing, not even beside it.
// It prints the head hash, or names the first record that does not match
// and ends with exit code 1; a record it cannot read at all is a failure
// (exit code 2, see commands), not a record that failed.
func runVerify(args []string, _ io.Reader, stdout, _ io.Writer) error {
	fs := flags("verify")
	db := dbFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	st, err := store.OpenReadOnly(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	rep, err := st.Verify(context.Background())
	if err != nil {
		return err
	}
	if !rep.OK() {
		printProblem(stdout, *db, rep)
		return &reportedError{code: 1}
	}
	fmt.Fprintf(stdout, "Hồ sơ nguyên vẹn. Mã kiểm tra (head): %s\n", rep.Head)
	fmt.Fprintf(stdout, "Tệp: %s (%d sự kiện). Hãy so mã này với mã in trong biên bản đã ký.\n", *db, rep.Events)
	return nil
}

// printProblem writes what verify says of a record that does not prove
// itself; export prints the same before refusing to write documents.
func printProblem(w io.Writer, db string, rep store.VerifyReport) {
	fmt.Fprintf(w, "Hồ sơ KHÔNG nguyên vẹn: %s\n", rep.Problem)
	fmt.Fprintf(w, "Tệp: %s (%d sự kiện; mã kiểm tra cuối trong tệp: %s)\n", db, rep.Events, rep.Head)
}
