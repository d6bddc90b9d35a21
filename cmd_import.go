package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"hoidong/importer"
	"hoidong/model"
	"hoidong/store"
)

const importUsage = `hoidong import — nhập đối tượng đề nghị và thành viên Hội đồng từ bảng đăng ký

Cách dùng:
  hoidong import --db TỆP [--dry-run] [--sheet TRANG] BẢNG_ĐĂNG_KÝ…
      Đọc các bảng đăng ký (CSV, TSV, văn bản Unicode hoặc XLSX) và thêm các
      tập thể, cá nhân (hoặc thành viên Hội đồng, khi bảng có cột «Vai trò»)
      vào phiên họp chưa bỏ phiếu. Mọi lỗi của mọi tệp được báo cùng lúc, kèm
      tệp, dòng, cột; có lỗi thì không ghi gì — tất cả hoặc không gì cả.
      Hồ sơ đề nghị khen thưởng (các giấy tờ [[awards.documents]] của kế
      hoạch): cột «Hồ sơ đã nộp» ghi các giấy tờ đã nộp theo tên hoặc tên
      ngắn, cách nhau bằng dấu «;», hoặc «đủ» nếu đã nộp đủ; hoặc cột «Hồ sơ
      còn thiếu» ghi các giấy tờ còn thiếu (để trống là không thiếu). Giấy
      tờ chưa ghi là còn thiếu; thư ký đánh dấu thêm trong phiên họp.
      --dry-run   chỉ in những gì sẽ được thêm, không ghi vào tệp phiên họp
      --sheet     tên trang tính của tệp XLSX (mặc định: trang đầu tiên)

  hoidong import --template xlsx|csv [--db TỆP | --plan KẾ_HOẠCH.toml] > TỆP
      In bảng đăng ký trống, có sẵn một cột cho mỗi danh hiệu, hình thức khen
      thưởng của kế hoạch: của phiên họp (--db), của tệp kế hoạch (--plan),
      hoặc của kế hoạch mẫu khi không có cả hai. Đơn vị điền rồi gửi lại để nhập.
      Ví dụ: hoidong import --template xlsx --db hop-2023.db > bang-dang-ky.xlsx
`

// runImport loads registration tables into a meeting, or prints a template.
func runImport(args []string, _ io.Reader, stdout, stderr io.Writer) error {
	fs := flags("import")
	db := fs.String("db", "", "tệp phiên họp")
	dry := fs.Bool("dry-run", false, "chỉ in, không ghi")
	sheet := fs.String("sheet", "", "trang tính XLSX")
	tmpl := fs.String("template", "", "in bảng đăng ký trống: xlsx hoặc csv")
	plan := fs.String("plan", "", "tệp kế hoạch cho --template")
	files, err := parseMixed(fs, args) // flags may come before or after the files
	if err != nil {
		return err
	}
	if *tmpl != "" {
		if len(files) > 0 || *dry || *sheet != "" {
			return usageErrorf("--template chỉ đi cùng --db hoặc --plan")
		}
		if *db != "" && *plan != "" {
			return usageErrorf("dùng --db hoặc --plan, không dùng cả hai")
		}
		return printTemplate(*tmpl, *db, *plan, stdout, stderr)
	}
	if *db == "" || len(files) == 0 || *plan != "" {
		return usageErrorf("cần tệp phiên họp và ít nhất một bảng đăng ký: hoidong import --db TỆP BẢNG_ĐĂNG_KÝ…")
	}
	err = importFiles(*db, files, importer.Options{Sheet: *sheet}, *dry, stdout)
	var ps model.Problems
	if errors.As(err, &ps) {
		fmt.Fprintf(stderr, "Không nhập gì: có %d lỗi, hãy sửa rồi chạy lại.\n%s\n", len(ps), ps.Error())
		return &reportedError{code: 1}
	}
	return err
}

// printTemplate writes an empty registration sheet for the meeting's plan,
// a plan file's, or the sample plan.
func printTemplate(format, db, planFile string, stdout, stderr io.Writer) error {
	f, err := importer.ParseFormat(format)
	if err != nil {
		return err
	}
	if out, ok := stdout.(*os.File); ok && f == importer.FormatXLSX {
		if fi, err := out.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			return model.Errorf(model.EInvalid, "tệp XLSX không in ra màn hình được; hãy ghi vào tệp: hoidong import --template xlsx > bang-dang-ky.xlsx")
		}
	}
	var p model.Plan
	switch {
	case db != "":
		rec, err := readMeeting(db)
		if err != nil {
			return err
		}
		p = rec.Plan
	case planFile != "":
		if p, err = loadPlan(planFile); err != nil {
			return err
		}
	default:
		p = model.SamplePlan()
		fmt.Fprintln(stderr, "Mẫu theo kế hoạch mẫu; thêm --db TỆP để lấy các danh hiệu của phiên họp.")
	}
	return importer.WriteTemplate(stdout, &p, f)
}

// readMeeting reads the record of an existing meeting without taking the
// secretary's lock.
func readMeeting(db string) (model.Record, error) {
	if _, err := os.Stat(db); err != nil {
		return model.Record{}, model.Errorf(model.ENotFound, "không tìm thấy tệp phiên họp %s", db)
	}
	st, err := store.OpenBooth(db)
	if err != nil {
		return model.Record{}, err
	}
	defer st.Close()
	return st.Record(context.Background())
}

// importFiles reads the files against the meeting and, unless dry, adds
// what they hold in one transaction.
func importFiles(db string, files []string, opts importer.Options, dry bool, stdout io.Writer) error {
	ctx := context.Background()
	if _, err := os.Stat(db); err != nil {
		return model.Errorf(model.ENotFound, "không tìm thấy tệp phiên họp %s; tạo phiên họp trước: hoidong init --db %s", db, db)
	}
	open := store.Open
	if dry {
		open = store.OpenBooth // a dry run writes nothing and may run beside the secretary's program
	}
	st, err := open(db)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.ImportAllowed(ctx); err != nil {
		return err
	}
	rec, err := st.Record(ctx)
	if err != nil {
		return err
	}
	b := importer.ReadFiles(&rec, files, opts)
	if err := b.Err(); err != nil {
		return err
	}
	if b.Empty() {
		return model.Errorf(model.EInvalid, "các tệp không có đối tượng hay thành viên nào để nhập")
	}
	printBatch(stdout, b, &rec.Plan, dry)
	if dry {
		fmt.Fprintln(stdout, "Chạy thử (--dry-run): chưa ghi gì vào "+db+".")
		return nil
	}
	if err := st.Import(ctx, b.Nominees, b.Members); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Đã nhập %s vào %s.\n", b.Headline(), db)
	return nil
}

// printBatch shows what the batch adds: per award, and row by row when
// asked.
func printBatch(w io.Writer, b *importer.Batch, p *model.Plan, rows bool) {
	fmt.Fprintf(w, "Sẽ thêm %s.\n", b.Headline())
	if counts := b.ByAward(p); len(counts) > 0 {
		fmt.Fprintln(w, "Theo danh hiệu, hình thức:")
		width := 0
		for _, c := range counts {
			width = max(width, ansi.StringWidth(c.Award.Name))
		}
		for _, c := range counts {
			fmt.Fprintf(w, "  %s  %s\n", pad(c.Award.Name, width), c.CountText())
		}
	}
	if rows && len(b.Nominees) > 0 {
		fmt.Fprintln(w, "Đối tượng đề nghị:")
		for _, i := range b.Order() {
			n := b.Nominees[i]
			o := b.NomineeOrigins[i]
			name := n.Name
			if n.Unit != "" {
				name += " – " + n.Unit
			}
			fmt.Fprintf(w, "  %-8s %s  %s  (%s, dòng %d)\n", n.Kind.Label(), pad(name, 44), strings.Join(n.Awards, ", "), o.File, o.Row)
		}
	}
	if rows && len(b.Members) > 0 {
		fmt.Fprintln(w, "Thành viên Hội đồng:")
		for i, m := range b.Members {
			votes := "biểu quyết"
			if !m.Votes {
				votes = "không biểu quyết"
			}
			fmt.Fprintf(w, "  %s  %s, %s  (%s, dòng %d)\n", pad(m.Name, 30), m.Role.Label(), votes, b.MemberOrigins[i].File, b.MemberOrigins[i].Row)
		}
	}
	for _, n := range b.Notes {
		fmt.Fprintln(w, "Lưu ý: "+n)
	}
}
