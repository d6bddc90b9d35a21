package main

import (
	"context"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"hoidong/export"
	"hoidong/model"
	"hoidong/store"
)

// runExport writes the documents of a meeting, only from a record that
// verifies: it opens the file read-only (no migration, no lock, nothing
// written beside it), verifies the record and reads it from the same
// snapshot, and prints the head hashes verify recomputed. A record that
// does not verify gets no document: the problem is printed as verify
// prints it and the command fails.
func runExport(args []string, _ io.Reader, stdout, stderr io.Writer) error {
	fs := flags("export")
	db := dbFlag(fs)
	out := fs.String("out", "", "thư mục ghi tài liệu")
	formats := fs.String("format", "", "các dạng tệp, cách nhau bởi dấu phẩy: txt,md,csv,json,docx (mặc định: tất cả)")
	docs := fs.String("doc", "", "các tài liệu, cách nhau bởi dấu phẩy: "+export.DocUsage()+" (mặc định: tất cả)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return usageErrorf("cần chỉ rõ thư mục ghi: hoidong export --db TỆP --out THƯ_MỤC")
	}
	// The export holds the whole record while it writes tens of megabytes
	// of documents, most of it garbage at once: a collector that runs when
	// the heap has grown by half, not doubled, keeps the program's memory
	// near the record's size (at 5,000 nominees, about 110 MB instead of
	// 125 to 150) for a few hundredths of a second.
	defer debug.SetGCPercent(debug.SetGCPercent(50))
	st, err := store.OpenReadOnly(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	rec, rep, err := st.VerifiedRecord(context.Background())
	if err != nil {
		return err
	}
	if !rep.OK() {
		printProblem(stderr, *db, rep)
		return model.Errorf(model.EConflict,
			"Không ghi tài liệu nào: hồ sơ trong tệp %q không nguyên vẹn, tài liệu in ra sẽ không đúng với hồ sơ đã được ghi.", *db)
	}
	selected, err := export.Select(&rec, export.Options{Formats: splitList(*formats), Docs: splitList(*docs)})
	if err != nil {
		return err
	}
	paths, err := export.WriteFiles(*out, &rec, selected)
	if err != nil {
		return err
	}
	for _, p := range paths {
		fmt.Fprintln(stdout, p)
	}
	return nil
}

// splitList splits a comma-separated flag value, dropping empty items.
func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
