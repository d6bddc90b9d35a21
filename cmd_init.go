package main

import (
	"context"
	"fmt"
	"io"

	"hoidong/model"
	"hoidong/store"
)

// runInit creates a meeting from a plan file.
func runInit(args []string, _ io.Reader, stdout, _ io.Writer) error {
	fs := flags("init")
	plan := fs.String("plan", "", "tệp kế hoạch TOML (bỏ trống: kế hoạch mẫu)")
	db := fs.String("db", "", "tệp cơ sở dữ liệu sẽ tạo")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *db == "" {
		return usageErrorf("cần chỉ rõ tệp cơ sở dữ liệu: hoidong init --db TỆP")
	}
	if err := initDB(*db, *plan, ""); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Đã tạo phiên họp trong %s\n", *db)
	return nil
}

// initDB creates the meeting in path from the plan file, or the sample,
// with the secretary code when one is given.
func initDB(path, planFile, secretaryCode string) error {
	p := model.SamplePlan()
	if planFile != "" {
		var err error
		if p, err = loadPlan(planFile); err != nil {
			return err
		}
	}
	st, err := store.Open(path)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := context.Background()
	if err := st.CreateMeeting(ctx, p); err != nil {
		return err
	}
	if secretaryCode == "" {
		return nil
	}
	return st.SetSecretaryCode(ctx, secretaryCode)
}
