// Command hoidong runs the meeting of an emulation and commendation council
// (Hội đồng Thi đua – Khen thưởng): roll call, criteria review, secret
// ballots, tally, and the minutes.
package main

import (
	"fmt"
	"io"
	"os"

	"hoidong/export"
)

func main() {
	code := run(os.Args[1:], os.Stdout, os.Stderr)
	if code != 0 {
		holdWindow(os.Stderr)
	}
	os.Exit(code)
}

// commands lists every subcommand in the order the usage text gives them;
// the one without a name opens the meeting.
func commands() []command {
	return []command{
		{name: "", run: runTUI, usage: []usageLine{
			{"hoidong [--db TỆP] [--theme GIAO_DIỆN]", "mở phiên họp (mặc định: hoidong.db trong thư mục hiện tại);\n" +
				"giao diện: tu-dong, toi, sang, may-chieu (máy chiếu); ctrl+t đổi khi đang chạy"}}},
		{name: "demo", run: runDemo, usage: []usageLine{
			{"hoidong demo [--theme GIAO_DIỆN]", "thử ngay với phiên họp mẫu trong một tệp tạm"},
			{"hoidong demo --nominees N [--members M] [--rounds R] [--seed S] [--db TỆP] [--no-open]",
				"tạo phiên họp mẫu lớn: N đối tượng, M thành viên (mặc định 5000, 31),\n" +
					"R vòng bỏ phiếu đã kết thúc; cùng S cho cùng phiên họp;\n" +
					"--no-open: chỉ ghi tệp, in đường dẫn và mã thư ký"}}},
		{name: "init", run: runInit, usage: []usageLine{
			{"hoidong init [--plan TỆP] --db TỆP", "tạo phiên họp từ tệp kế hoạch (không có --plan: kế hoạch mẫu)"}}},
		{name: "booth", run: runBooth, usage: []usageLine{
			{"hoidong booth --db TỆP [--theme GIAO_DIỆN]", "chỉ chạy phòng bỏ phiếu, ở màn hình thứ hai"}}},
		{name: "plan", run: runPlan, usage: []usageLine{
			{"hoidong plan show", "in kế hoạch mẫu (TOML, có chú thích) để sửa theo cơ quan"},
			{"hoidong plan check TỆP", "kiểm tra tệp kế hoạch"}}},
		{name: "export", run: runExport, usage: []usageLine{
			{"hoidong export --db TỆP --out THƯ_MỤC [--format txt,md,csv,json,docx] [--doc TÊN,…]",
				"ghi biên bản họp, biên bản kiểm phiếu, kết quả bỏ phiếu,\n" +
					"danh sách đề nghị khen thưởng, tờ trình và quyết định (dự thảo),\n" +
					"phiếu bầu, báo cáo hồ sơ còn thiếu và hồ sơ (.json);\n" +
					"mặc định: mọi tài liệu, mọi dạng.\n" +
					"Tên tài liệu: " + export.DocUsage()}}},
		// verify answers like cmp: 0 intact, 1 not intact, 2 could not tell.
		{name: "verify", run: runVerify, failCode: 2, usage: []usageLine{
			{"hoidong verify --db TỆP", "kiểm tra hồ sơ chưa bị sửa ngoài chương trình; in mã kiểm tra"}}},
		{name: "import", run: runImport, help: importUsage, usage: []usageLine{
			{"hoidong import --db TỆP BẢNG…", "nhập đối tượng, thành viên từ bảng đăng ký (xem: hoidong import --help)"}}},
		{name: "secretary-code", run: runSecretaryCode, usage: []usageLine{
			{"hoidong secretary-code --db TỆP", "đặt hoặc đổi mã thư ký (rời phòng bỏ phiếu, mở phiếu khi đóng vòng)"}}},
		{name: "version", run: runVersion, usage: []usageLine{
			{"hoidong version", "in phiên bản và commit của chương trình (cũng: hoidong --version)"}}},
	}
}

// run executes one command line and returns the exit code: 0 when done or
// when help was asked for, 1 when the command failed (it says why), 2 when
// the command line itself is wrong.
func run(args []string, stdout, stderr io.Writer) int {
	all := commands()
	name := ""
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		name, args = args[0], args[1:]
	}
	if name == "help" || name == "" && len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
		fmt.Fprint(stdout, usageText(all))
		return 0
	}
	if name == "" && len(args) > 0 && (args[0] == "--version" || args[0] == "-version") {
		name, args = "version", args[1:]
	}
	for _, c := range all {
		if c.name == name {
			return c.exit(c.run(args, os.Stdin, stdout, stderr), all, stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "Lỗi: lệnh không rõ: %q\n\n%s", name, usageText(all))
	return 2
}
