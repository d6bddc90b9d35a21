package main

import (
	"context"
	"crypto/rand"
	"flag"
	"fmt"
	"io"
	"math/big"
	"os"
	"path/filepath"

	"hoidong/synth"
	"hoidong/tui"
)

// runDemo opens a fresh copy of the sample meeting in a temporary file.
// With any of the flags of a synthetic meeting (--nominees, --members,
// --rounds, --seed, --db, --no-open) it builds a meeting of that size
// instead (see synth.Generate) and opens it, or with --no-open only
// writes it.
func runDemo(args []string, _ io.Reader, stdout, stderr io.Writer) error {
	fs := flags("demo")
	nominees := fs.Int("nominees", 5000, "số đối tượng đề nghị của phiên họp mẫu lớn")
	members := fs.Int("members", 31, "số thành viên Hội đồng có quyền biểu quyết (thêm một thư ký)")
	rounds := fs.Int("rounds", synth.AllRounds, "số vòng bỏ phiếu đã kết thúc, mỗi vòng tối đa 500 đối tượng (mặc định: đủ để bỏ phiếu mọi đối tượng sẵn sàng)")
	seed := fs.Uint64("seed", 1, "hạt giống: cùng hạt giống cho cùng phiên họp")
	db := fs.String("db", "", "tệp sẽ tạo (mặc định: một tệp tạm)")
	noOpen := fs.Bool("no-open", false, "chỉ tạo tệp, in đường dẫn và mã thư ký, không mở chương trình")
	theme := themeFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	look, err := parseTheme(*theme)
	if err != nil {
		return err
	}
	synthetic := false
	fs.Visit(func(f *flag.Flag) { synthetic = synthetic || f.Name != "theme" })
	path := *db
	if path == "" {
		dir, err := os.MkdirTemp("", "hoidong-demo-")
		if err != nil {
			return fmt.Errorf("create demo folder: %w", err)
		}
		path = filepath.Join(dir, "hoidong-demo.db")
	}
	code, err := demoCode()
	if err != nil {
		return err
	}
	if !synthetic {
		if err := initDB(path, "", code); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Phiên họp mẫu: %s\nMã thư ký: %s\n", path, code)
	} else {
		opt := synth.Options{Nominees: *nominees, Members: *members, Rounds: *rounds, Seed: *seed}
		if err := opt.Check(); err != nil {
			return usageErrorf("%s", err)
		}
		fmt.Fprintf(stderr, "Đang tạo phiên họp mẫu: %d đối tượng, %d thành viên…\n", opt.Nominees, opt.Members)
		sum, err := synth.Build(context.Background(), path, opt, code)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Phiên họp mẫu: %s\nMã thư ký: %s\n", path, code)
		fmt.Fprintf(stdout, "Đã tạo %d đối tượng, %d thành viên biểu quyết, %d vòng bỏ phiếu đã kết thúc (%d phiếu), %d sự kiện.\n",
			sum.Nominees, sum.Members, sum.Rounds, sum.Ballots, sum.Events)
		if *noOpen {
			return nil
		}
	}
	if err := openAndRun(tui.Options{Notice: "Phiên họp mẫu (tệp tạm): " + path, DemoCode: code, Theme: look}, path); err != nil {
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
