// Command hoidong runs the meeting of an emulation and commendation council
// (Hội đồng Thi đua – Khen thưởng): roll call, criteria review, secret
// ballots, tally, and the minutes.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"hoidong/model"
	"hoidong/store"
	"hoidong/tui"
)

const usage = `hoidong — điều hành phiên họp Hội đồng Thi đua – Khen thưởng

Cách dùng:
  hoidong [--db TỆP]                 mở phiên họp (mặc định: hoidong.db trong thư mục hiện tại)
  hoidong demo                       thử ngay với phiên họp mẫu trong một tệp tạm
  hoidong init [--plan TỆP] --db TỆP tạo phiên họp từ tệp kế hoạch (không có --plan: kế hoạch mẫu)
  hoidong booth --db TỆP             chỉ chạy phòng bỏ phiếu, ở màn hình thứ hai
  hoidong plan show                  in kế hoạch mẫu (TOML, có chú thích) để sửa theo cơ quan
  hoidong plan check TỆP             kiểm tra tệp kế hoạch
  hoidong export --db TỆP --out THƯ_MỤC [--format txt,md,csv,json,docx] [--doc TÊN,…]
                                     ghi biên bản họp, biên bản kiểm phiếu, kết quả bỏ phiếu,
                                     danh sách đề nghị khen thưởng, tờ trình (dự thảo), phiếu bầu
                                     và hồ sơ (.json); mặc định: mọi tài liệu, mọi dạng.
                                     Tên tài liệu: bien-ban, kiem-phieu, ket-qua, danh-sach,
                                     to-trinh, phieu-bau, ho-so
  hoidong verify --db TỆP            kiểm tra hồ sơ chưa bị sửa ngoài chương trình; in mã kiểm tra
  hoidong import --db TỆP BẢNG…      nhập đối tượng, thành viên từ bảng đăng ký (xem: hoidong import --help)
  hoidong secretary-code --db TỆP    đặt hoặc đổi mã thư ký (rời phòng bỏ phiếu, mở phiếu khi đóng vòng)
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes one command line and returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	cmd := ""
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		cmd, args = args[0], args[1:]
	}
	var err error
	switch cmd {
	case "":
		err = runTUI(args, stderr)
	case "demo":
		err = runDemo(args, stdout, stderr)
	case "init":
		err = runInit(args, stdout, stderr)
	case "booth":
		err = runBooth(args, stderr)
	case "plan":
		return runPlan(args, stdout, stderr)
	case "export":
		err = runExport(args, stdout, stderr)
	case "verify":
		return runVerify(args, stdout, stderr)
	case "import":
		return runImport(args, stdout, stderr)
	case "secretary-code":
		err = runSecretaryCode(args, os.Stdin, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "Lệnh không rõ: %q\n\n%s", cmd, usage)
		return 2
	}
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		fmt.Fprintln(stderr, "Lỗi: "+model.Message(err))
		return 1
	}
	return 0
}

// flags builds a flag set that reports errors in Vietnamese.
func flags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, usage) }
	return fs
}

// parse parses args and refuses stray arguments.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return model.Errorf(model.EInvalid, "tham số không hợp lệ (xem: hoidong help)")
	}
	if fs.NArg() > 0 {
		return model.Errorf(model.EInvalid, "tham số thừa: %q (xem: hoidong help)", fs.Arg(0))
	}
	return nil
}

// runTUI opens the meeting in the secretary's program.
func runTUI(args []string, stderr io.Writer) error {
	fs := flags("hoidong", stderr)
	db := fs.String("db", "hoidong.db", "tệp cơ sở dữ liệu của phiên họp")
	if err := parse(fs, args); err != nil {
		return err
	}
	return openAndRun(tui.Options{Notice: "Tệp phiên họp: " + *db}, *db)
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

// runDemo opens a fresh copy of the sample meeting in a temporary file.
func runDemo(args []string, stdout, stderr io.Writer) error {
	fs := flags("demo", stderr)
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

// runInit creates a meeting from a plan file.
func runInit(args []string, stdout, stderr io.Writer) error {
	fs := flags("init", stderr)
	plan := fs.String("plan", "", "tệp kế hoạch TOML (bỏ trống: kế hoạch mẫu)")
	db := fs.String("db", "", "tệp cơ sở dữ liệu sẽ tạo")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *db == "" {
		return model.Errorf(model.EInvalid, "cần chỉ rõ tệp cơ sở dữ liệu: hoidong init --db TỆP")
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
		if p, err = model.LoadPlan(planFile); err != nil {
			var ps model.Problems
			if errors.As(err, &ps) {
				return model.Errorf(model.EInvalid, "tệp kế hoạch %s có lỗi:\n%s", planFile, ps.Error())
			}
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

// runBooth runs only the voting booth.
func runBooth(args []string, stderr io.Writer) error {
	fs := flags("booth", stderr)
	db := fs.String("db", "hoidong.db", "tệp cơ sở dữ liệu của phiên họp")
	if err := parse(fs, args); err != nil {
		return err
	}
	if _, err := os.Stat(*db); err != nil {
		return model.Errorf(model.ENotFound, "không tìm thấy tệp phiên họp %s", *db)
	}
	return openAndRun(tui.Options{BoothOnly: true}, *db)
}

// runPlan prints or checks plan files.
func runPlan(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, "Cần lệnh con: hoidong plan show | hoidong plan check TỆP\n")
		return 2
	}
	switch args[0] {
	case "show":
		stdout.Write(model.SamplePlanTOML())
		return 0
	case "check":
		if len(args) != 2 {
			fmt.Fprint(stderr, "Cách dùng: hoidong plan check TỆP\n")
			return 2
		}
		p, err := model.LoadPlan(args[1])
		if err != nil {
			var ps model.Problems
			if errors.As(err, &ps) {
				fmt.Fprintf(stderr, "Tệp kế hoạch %s có %d lỗi:\n%s\n", args[1], len(ps), ps.Error())
			} else {
				fmt.Fprintln(stderr, "Lỗi: "+model.Message(err))
			}
			return 1
		}
		fmt.Fprintf(stdout, "Tệp kế hoạch %s hợp lệ: %d thành viên, %d danh hiệu/hình thức, %d đối tượng đề nghị.\n",
			args[1], len(p.Council.Members), len(p.Awards), len(p.Nominees))
		return 0
	}
	fmt.Fprintf(stderr, "Lệnh con không rõ: %q (show | check)\n", args[0])
	return 2
}
