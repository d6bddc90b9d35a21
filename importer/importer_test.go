package importer

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"hoidong/model"
)

// seedNominees is what the seed's registration table registers.
func seedNominees() []model.Nominee {
	awards := []string{"GK_HUYEN", "BK_TINH"}
	c := func(name string) model.Nominee {
		return model.Nominee{Kind: model.KindCollective, Name: name, Awards: awards}
	}
	return []model.Nominee{
		c("UBND TT"),
		c("Các thôn, phố"),
		c("Bộ phận tiếp nhận và trả kết quả"),
		c("Các ban ngành đoàn thể"),
		{Kind: model.KindIndividual, Name: "Toàn thể cán bộ, công chức, người lao động UBND", Awards: awards},
	}
}

// TestRead_SeedInEveryFormat reads the seed's registration table as it
// stands, as the whole seed, and saved as CSV (commas and semicolons), as
// Unicode text (UTF-16), as NFD text and as an XLSX sheet with merged
// headers: all give the same nominees.
func TestRead_SeedInEveryFormat(t *testing.T) {
	rec := meeting(false)
	for _, name := range []string{
		"seed-dang-ky.tsv", "seed.txt", "seed-dang-ky.csv", "seed-dang-ky-semicolon.csv",
		"seed-dang-ky-utf16.txt", "seed-dang-ky-nfd.tsv", "seed-dang-ky.xlsx",
	} {
		t.Run(name, func(t *testing.T) {
			b := readFixture(t, rec, name, Options{})
			if err := b.Err(); err != nil {
				t.Fatalf("problems:\n%v", err)
			}
			if !reflect.DeepEqual(b.Nominees, seedNominees()) {
				t.Fatalf("nominees:\n got %#v\nwant %#v", b.Nominees, seedNominees())
			}
			if len(b.Members) != 0 {
				t.Fatalf("members: %v", b.Members)
			}
		})
	}
}

// TestRead_SeedRowNumbers gives each nominee the row a reader sees in a
// spreadsheet, blank rows counted, in every format.
func TestRead_SeedRowNumbers(t *testing.T) {
	for _, name := range []string{"seed-dang-ky.tsv", "seed-dang-ky.csv", "seed-dang-ky-utf16.txt", "seed-dang-ky.xlsx"} {
		b := readFixture(t, meeting(false), name, Options{})
		var rows []int
		for _, o := range b.NomineeOrigins {
			rows = append(rows, o.Row)
			if o.File != name || (o.Sheet != "") != strings.HasSuffix(name, ".xlsx") {
				t.Fatalf("%s: origin %+v", name, o)
			}
		}
		if !reflect.DeepEqual(rows, []int{16, 17, 18, 19, 21}) {
			t.Fatalf("%s: rows %v", name, rows)
		}
	}
}

// TestRead_BadInput reads one fixture per kind of bad input and checks that
// each problem says where and what.
func TestRead_BadInput(t *testing.T) {
	for _, c := range []struct {
		file     string
		existing bool     // the meeting already has the sample plan's nominees
		want     []string // each problem, "where: what" in part
	}{
		{file: "thieu-cot-ten.csv", want: []string{"tệp thieu-cot-ten.csv: không tìm thấy dòng tiêu đề của bảng: cần một dòng có cột tên"}},
		{file: "thieu-cot-danh-hieu.csv", want: []string{
			"tệp thieu-cot-danh-hieu.csv, dòng 1: bảng thiếu cột danh hiệu, hình thức khen thưởng",
			"«Giấy khen của Chủ tịch UBND thị trấn» (GK_TT)"}},
		{file: "thieu-ten.csv", want: []string{
			"tệp thieu-ten.csv, dòng 3, cột B (Tập thể, cá nhân): thiếu tên tập thể hoặc họ và tên cá nhân"}},
		{file: "danh-hieu-la.csv", want: []string{
			"tệp danh-hieu-la.csv, dòng 1, cột E (Giấy khen UBND xã): «Giấy khen UBND xã» không khớp danh hiệu, hình thức nào của kế hoạch mà có 2 ô đánh dấu X (dòng 2 là ô đầu tiên)",
			"các danh hiệu, hình thức của kế hoạch: «Giấy khen của Chủ tịch UBND thị trấn» (GK_TT), «Giấy khen của Chủ tịch UBND huyện» (GK_HUYEN)"}},
		{file: "trung-lap.csv", existing: true, want: []string{
			"tệp trung-lap.csv, dòng 3, cột B (Tập thể, cá nhân): «Các thôn, phố» (tập thể) đã có trong danh sách đối tượng của phiên họp (số 2, Thị trấn Như Quỳnh)",
			"tệp trung-lap.csv, dòng 7, cột B (Tập thể, cá nhân): «trần văn bình» (cá nhân) trùng với dòng 6"}},
		{file: "thua-o.csv", want: []string{
			"tệp thua-o.csv, dòng 4, cột K: dòng có 11 ô nhưng dòng tiêu đề chỉ có 9 cột; ô «Chuyển từ xã khác» nằm ngoài bảng — có thể một ô có dấu phẩy",
			"tệp thua-o.csv, dòng 4, cột E (Giấy khen của Chủ tịch UBND thị trấn): ô «Công chức» phải để trống hoặc ghi X"}},
		{file: "sai-doi-tuong.csv", want: []string{
			"tệp sai-doi-tuong.csv, dòng 3, cột G (Chiến sỹ thi đua cơ sở): «Chiến sỹ thi đua cơ sở» chỉ dành cho cá nhân, không dành cho tập thể «Tổ dân phố số 3»",
			"tệp sai-doi-tuong.csv, dòng 3, cột H (Lao động tiên tiến): «Lao động tiên tiến» chỉ dành cho cá nhân"}},
		{file: "tcvn3.csv", want: []string{
			"tệp tcvn3.csv: tệp không phải chữ Unicode (UTF-8 hoặc UTF-16) mà có vẻ được lưu theo bảng mã cũ TCVN3 (ABC) (ví dụ «Số TT»)",
			"chọn Nguồn «TCVN3 (ABC)», Đích «Unicode»", "CSV UTF-8"}},
		{file: "vni.csv", want: []string{
			"tệp vni.csv: tệp không phải chữ Unicode (UTF-8 hoặc UTF-16) mà có vẻ được lưu theo bảng mã cũ VNI Windows (ví dụ «Số TT»)",
			"chọn Nguồn «VNI Windows»"}},
		{file: "windows-1258.csv", want: []string{
			"bảng mã cũ Vietnamese locale CP 1258 (ví dụ «Số TT»)", "chọn Nguồn «Vietnamese locale CP 1258»"}},
		{file: "phong-chu-cu.csv", want: []string{
			"tệp phong-chu-cu.csv, dòng 1, cột B: ô «Hä vµ tªn» được gõ bằng phông chữ cũ (bảng mã TCVN3 (ABC); đọc đúng là «Họ và tên»), không phải chữ Unicode",
			"(cùng 6 ô khác như vậy)", "Unikey"}},
	} {
		t.Run(c.file, func(t *testing.T) {
			b := readFixture(t, meeting(c.existing), "bad/"+c.file, Options{})
			if len(b.Problems) == 0 {
				t.Fatalf("no problem; nominees %v", b.Nominees)
			}
			text := b.Problems.Error()
			for _, w := range c.want {
				if !strings.Contains(text, w) {
					t.Errorf("problems lack %q:\n%s", w, text)
				}
			}
		})
	}
}

// TestRead_EveryProblemAtOnce lists every problem of every file, in file
// and row order, and the rows that are fine.
func TestRead_EveryProblemAtOnce(t *testing.T) {
	b := ReadFiles(meeting(true), []string{"testdata/bad/sai-doi-tuong.csv", "testdata/bad/trung-lap.csv", "testdata/khong-co.csv"}, Options{})
	var got []string
	for _, p := range b.Problems {
		got = append(got, p.Where)
	}
	want := []string{
		"tệp khong-co.csv",
		"tệp sai-doi-tuong.csv, dòng 3, cột G (Chiến sỹ thi đua cơ sở)",
		"tệp sai-doi-tuong.csv, dòng 3, cột H (Lao động tiên tiến)",
		"tệp trung-lap.csv, dòng 3, cột B (Tập thể, cá nhân)",
		"tệp trung-lap.csv, dòng 4, cột B (Tập thể, cá nhân)",
		"tệp trung-lap.csv, dòng 6, cột B (Tập thể, cá nhân)",
		"tệp trung-lap.csv, dòng 7, cột B (Tập thể, cá nhân)",
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("places:\n got %q\nwant %q\n%v", got, want, b.Problems)
	}
	// A row with problems of its own is still registered once too often.
	if !strings.Contains(b.Problems[4].What, "«Tổ dân phố số 3» (tập thể) trùng với tệp sai-doi-tuong.csv, dòng 3") ||
		!strings.Contains(b.Problems[5].What, "trùng với tệp sai-doi-tuong.csv, dòng 5") {
		t.Fatalf("cross-file duplicates: %v", b.Problems)
	}
}

// TestRead_HeadersWithoutDiacritics matches headers and awards however
// they are spelt: without diacritics, in capitals, by code, sĩ for sỹ.
func TestRead_HeadersWithoutDiacritics(t *testing.T) {
	csv := "STT,HO VA TEN,don vi,CHỨC VỤ,gk_tt,Chiến sĩ thi đua cấp cơ sở,Lao động tiên tiến (LDTT),tom tat thanh tich,Đang xem xét kỷ luật\n" +
		"1,Trần  Văn Bình,Văn phòng,Công chức,x,✓,,Hoàn thành xuất sắc,\n" +
		"2,Lê Thị Cúc,Tư pháp,,X,,X,,x\n"
	b := Read(meeting(false), []File{{Name: "dk.csv", Data: []byte(csv)}}, Options{})
	if err := b.Err(); err != nil {
		t.Fatal(err)
	}
	want := []model.Nominee{
		{Kind: model.KindIndividual, Name: "Trần Văn Bình", Unit: "Văn phòng", Position: "Công chức",
			Awards: []string{"GK_TT", "CSTDCS"}, Summary: "Hoàn thành xuất sắc"},
		{Kind: model.KindIndividual, Name: "Lê Thị Cúc", Unit: "Tư pháp", Awards: []string{"GK_TT", "LDTT"},
			Facts: []string{"XEM_XET_KY_LUAT"}},
	}
	if !reflect.DeepEqual(b.Nominees, want) {
		t.Fatalf("got %#v", b.Nominees)
	}
}

// TestRead_KindColumnAndAwardList reads a kind column and one column that
// names the awards.
func TestRead_KindColumnAndAwardList(t *testing.T) {
	tsv := "Tên\tLoại\tDanh hiệu đề nghị\tGhi chú\n" +
		"Tổ dân phố số 3\tTập thể\tGK_TT; Giấy khen UBND huyện\t\n" +
		"Trần Văn Bình\tCN\tLao động tiên tiến, CSTDCS\tĐã có sáng kiến\n" +
		"Lê Thị Cúc\tcá nhân\tGiấy khen cấp xã\t\n"
	b := Read(meeting(false), []File{{Name: "dk.tsv", Data: []byte(tsv)}}, Options{})
	if len(b.Problems) != 1 || !strings.Contains(b.Problems[0].String(),
		"tệp dk.tsv, dòng 4, cột C (Danh hiệu đề nghị): danh hiệu, hình thức «Giấy khen cấp xã» không có trong kế hoạch; các danh hiệu") {
		t.Fatalf("problems: %v", b.Problems)
	}
	want := []model.Nominee{
		{Kind: model.KindCollective, Name: "Tổ dân phố số 3", Awards: []string{"GK_TT", "GK_HUYEN"}},
		{Kind: model.KindIndividual, Name: "Trần Văn Bình", Awards: []string{"LDTT", "CSTDCS"}, Summary: "Ghi chú: Đã có sáng kiến"},
	}
	if !reflect.DeepEqual(b.Nominees, want) {
		t.Fatalf("got %#v", b.Nominees)
	}
}

// TestRead_Members reads a list of council members and refuses a second
// chair.
func TestRead_Members(t *testing.T) {
	csv := "Số TT,Họ và tên,Chức vụ,Vai trò trong Hội đồng,Biểu quyết\n" +
		"1,Đào Văn Mẫu Sơn,Công chức Văn hóa – Xã hội,Ủy viên,X\n" +
		"2,Mai Thị Mẫu Tâm,Công chức Địa chính,Uỷ viên,\n" +
		"3,Phan Văn Mẫu Tú,Phó Bí thư Đảng ủy,Chủ tịch Hội đồng,X\n" +
		"4,Ngô Thị Mẫu Hoa,,Thư kí,\n" +
		"5,Kiều Văn Mẫu Việt,,Cố vấn,X\n"
	b := Read(meeting(false), []File{{Name: "hd.csv", Data: []byte(csv)}}, Options{})
	want := []model.Member{
		{Name: "Đào Văn Mẫu Sơn", Position: "Công chức Văn hóa – Xã hội", Role: model.RoleMember, Votes: true},
		{Name: "Mai Thị Mẫu Tâm", Position: "Công chức Địa chính", Role: model.RoleMember},
	}
	if !reflect.DeepEqual(b.Members, want) {
		t.Fatalf("members %#v", b.Members)
	}
	text := b.Problems.Error()
	for _, w := range []string{
		"tệp hd.csv, dòng 4, cột D (Vai trò trong Hội đồng): Hội đồng chỉ có một chủ tịch; Nguyễn Văn Mẫu An đã là chủ tịch",
		"tệp hd.csv, dòng 5, cột B (Họ và tên): Ngô Thị Mẫu Hoa đã là thành viên Hội đồng (thư ký)",
		"tệp hd.csv, dòng 6, cột D (Vai trò trong Hội đồng): vai trò «Cố vấn» không rõ",
	} {
		if !strings.Contains(text, w) {
			t.Errorf("problems lack %q:\n%s", w, text)
		}
	}
}

// TestRead_XLSXSheet reads a named sheet, and names the sheets when the
// name is wrong.
func TestRead_XLSXSheet(t *testing.T) {
	var buf bytes.Buffer
	p := meeting(false).Plan
	if err := WriteTemplate(&buf, &p, FormatXLSX); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	b := Read(meeting(false), []File{{Name: "mau.xlsx", Data: data}}, Options{Sheet: "thanh vien hoi dong"})
	if len(b.Problems) != 1 || !strings.Contains(b.Problems[0].What, "bảng không có thành viên nào") {
		t.Fatalf("problems %v", b.Problems)
	}
	b = Read(meeting(false), []File{{Name: "mau.xlsx", Data: data}}, Options{Sheet: "Trang 9"})
	if len(b.Problems) != 1 || b.Problems[0].String() !=
		"tệp mau.xlsx: không có trang tính «Trang 9»; các trang trong tệp: «Đăng ký thi đua», «Thành viên Hội đồng», «Hướng dẫn»" {
		t.Fatalf("problems %v", b.Problems)
	}
}

// TestWriteTemplate_RoundTrip fills in both templates and imports them.
func TestWriteTemplate_RoundTrip(t *testing.T) {
	rec := meeting(false)
	p := rec.Plan
	for _, f := range []Format{FormatCSV, FormatXLSX} {
		var buf bytes.Buffer
		if err := WriteTemplate(&buf, &p, f); err != nil {
			t.Fatal(err)
		}
		// The empty template imports nothing, and says so.
		b := Read(rec, []File{{Name: "mau", Data: buf.Bytes()}}, Options{})
		if len(b.Problems) != 1 || !strings.Contains(b.Problems[0].What, "không có đối tượng nào") {
			t.Fatalf("format %d: empty template: %v", f, b.Problems)
		}
		header := templateHeader(&p)
		row := func(cells ...string) []string {
			r := make([]string, len(header))
			copy(r, cells)
			return r
		}
		x := func(r []string, code string) []string {
			for i, a := range p.Awards {
				if a.Code == code {
					r[4+i] = "X"
				}
			}
			return r
		}
		rows := [][]string{
			header,
			row(sectionCollective),
			x(row("1", "Tổ dân phố số 3", "Thị trấn Như Quỳnh"), "GK_TT"),
			row(sectionIndividual),
			x(x(row("2", "Trần Văn Bình", "Văn phòng", "Công chức"), "LDTT"), "CSTDCS"),
		}
		var data []byte
		if f == FormatXLSX {
			data = buildXLSX(t, "Đăng ký thi đua", rows, nil)
		} else {
			var lines []string
			for _, r := range rows {
				lines = append(lines, strings.Join(r, ";"))
			}
			data = []byte(strings.Join(lines, "\r\n"))
		}
		b = Read(rec, []File{{Name: "dk", Data: data}}, Options{})
		if err := b.Err(); err != nil {
			t.Fatal(err)
		}
		if len(b.Nominees) != 2 || b.Nominees[0].Kind != model.KindCollective || b.Nominees[1].Kind != model.KindIndividual ||
			fmt.Sprint(b.Nominees[1].Awards) != "[LDTT CSTDCS]" {
			t.Fatalf("format %d: %#v", f, b.Nominees)
		}
	}
}

// TestRead_TotalsAndFooterRows skips totals and signature lines.
func TestRead_TotalsAndFooterRows(t *testing.T) {
	csv := "Họ và tên,Lao động tiên tiến\nTrần Văn Bình,X\nTổng cộng,1\n,\n,Người lập biểu\n"
	b := Read(meeting(false), []File{{Name: "dk.csv", Data: []byte(csv)}}, Options{})
	if len(b.Nominees) != 1 {
		t.Fatalf("nominees %v", b.Nominees)
	}
	if len(b.Problems) != 1 || !strings.Contains(b.Problems[0].String(), "dòng 5, cột B (Lao động tiên tiến): ô «Người lập biểu» phải để trống hoặc ghi X") {
		t.Fatalf("problems %v", b.Problems)
	}
}

// TestRead_NotATable refuses files that are not tables.
func TestRead_NotATable(t *testing.T) {
	for _, c := range []struct {
		data []byte
		want string
	}{
		{[]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0}, "Excel 97–2003 (.xls)"},
		{[]byte("PK\x03\x04garbage"), "tệp XLSX bị hỏng"},
		{[]byte("a,b\x00c"), "không phải văn bản"},
		{[]byte(""), "không tìm thấy dòng tiêu đề"},
		{[]byte("Họ và tên,\"Lao động tiên tiến\nTrần,X"), "dấu ngoặc kép"},
	} {
		b := Read(meeting(false), []File{{Name: "x", Data: c.data}}, Options{})
		if len(b.Problems) != 1 || !strings.Contains(b.Problems[0].What, c.want) {
			t.Errorf("%q: problems %v", c.data, b.Problems)
		}
	}
}

// TestAwardIndex_Match finds awards by name, code, alias, bracketed code
// and the looser key, and never guesses between two.
func TestAwardIndex_Match(t *testing.T) {
	p := meeting(false).Plan
	noAlias := p
	noAlias.Awards = append([]model.Award(nil), p.Awards...)
	for i := range noAlias.Awards {
		noAlias.Awards[i].Aliases = nil
	}
	for _, plan := range []*model.Plan{&p, &noAlias} {
		ix := newAwardIndex(plan)
		for _, c := range []struct{ header, code string }{
			{"Giấy khen UBND huyện", "GK_HUYEN"},
			{"GIAY KHEN CUA CHU TICH UBND HUYEN", "GK_HUYEN"},
			{"gk_tt", "GK_TT"},
			{"Giấy khen của Chủ tịch Ủy ban nhân dân thị trấn", "GK_TT"},
			{"Chiến sĩ thi đua cấp cơ sở", "CSTDCS"},
			{"CSTĐ cơ sở", "CSTDCS"},
			{"Bằng khen Thủ tướng CP", "BK_TTG"},
			{"Huân, Huy chương", "HUAN_CHUONG"},
			{"Lao động tiên tiến (LDTT)", "LDTT"},
			{"Danh hiệu (HTNV)", "HTNV"},
			{"Giấy khen", ""},
			{"Giấy khen UBND xã", ""},
		} {
			if got, _ := ix.match(c.header); got != c.code {
				t.Errorf("match(%q) = %q, want %q", c.header, got, c.code)
			}
		}
	}
	// Two awards a header fits equally are named, not guessed.
	p.Awards = append(p.Awards, model.Award{Code: "GK_HUYEN2", Name: "Giấy khen của UBND huyện", Recipients: model.ForBoth})
	if code, several := newAwardIndex(&p).match("Giấy khen huyện UBND"); code != "" || several != nil {
		t.Errorf("unrelated header matched %q %v", code, several)
	}
	if code, several := newAwardIndex(&p).match("Giấy khen UBND huyện"); code != "GK_HUYEN" {
		t.Errorf("alias lost to a looser match: %q %v", code, several)
	}
	p.Awards[1].Aliases = nil
	if code, several := newAwardIndex(&p).match("Giấy khen UBND huyện"); code != "" || len(several) != 2 {
		t.Errorf("ambiguous header gave %q %v", code, several)
	}
}

// TestRead_Dossier reads the columns that say which documents of the
// dossier were handed in, or are missing.
func TestRead_Dossier(t *testing.T) {
	tsv := "Họ và tên\tLoại\tDanh hiệu đề nghị\tHồ sơ đã nộp\n" +
		"Tổ dân phố số 3\tTập thể\tGiấy khen UBND huyện\tđủ\n" +
		"Trần Văn Bình\tCN\tGK_HUYEN\tbao cao thanh tich; Tờ trình\n" +
		"Lê Thị Cúc\tCN\tGK_HUYEN\t\n" +
		"Phan Văn Dũng\tCN\tGK_TT\tBáo cáo thành tích\n" +
		"Đỗ Thị Em\tCN\tGK_HUYEN\tGiấy chứng nhận sức khỏe\n" +
		"Vũ Văn Giang\tCN\tGK_HUYEN\tBáo cáo thành tích của tập thể hoặc cá nhân được đề nghị khen thưởng, Tờ trình\n"
	b := Read(meeting(false), []File{{Name: "dk.tsv", Data: []byte(tsv)}}, Options{})
	want := []string{
		"tệp dk.tsv, dòng 5, cột D (Hồ sơ đã nộp): các danh hiệu, hình thức đề nghị không có giấy tờ nào phải nộp trong hồ sơ; để trống ô «Báo cáo thành tích»",
		"tệp dk.tsv, dòng 6, cột D (Hồ sơ đã nộp): giấy tờ «Giấy chứng nhận sức khỏe» không có trong hồ sơ của các danh hiệu, hình thức đề nghị; ghi tên hoặc tên ngắn: «Báo cáo thành tích», hoặc «đủ»",
	}
	var got []string
	for _, p := range b.Problems {
		got = append(got, p.String())
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems:\n%s", strings.Join(got, "\n"))
	}
	report := []model.DossierDoc{{Award: "GK_HUYEN", Doc: 1}}
	received := map[string][]model.DossierDoc{"Tổ dân phố số 3": report, "Trần Văn Bình": report, "Lê Thị Cúc": nil, "Vũ Văn Giang": report}
	if len(b.Nominees) != len(received) {
		t.Fatalf("nominees %#v", b.Nominees)
	}
	for _, n := range b.Nominees {
		if !reflect.DeepEqual(n.Received, received[n.Name]) {
			t.Errorf("%s received %+v, want %+v", n.Name, n.Received, received[n.Name])
		}
	}

	// «Hồ sơ còn thiếu»: an empty cell, or «không», misses nothing.
	tsv = "Họ và tên\tLoại\tDanh hiệu đề nghị\tHồ sơ còn thiếu\n" +
		"Trần Văn Bình\tCN\tGK_HUYEN\tBáo cáo thành tích\n" +
		"Lê Thị Cúc\tCN\tGK_HUYEN\t\n" +
		"Phan Văn Dũng\tCN\tGK_HUYEN\tkhông\n"
	b = Read(meeting(false), []File{{Name: "thieu.tsv", Data: []byte(tsv)}}, Options{})
	if err := b.Err(); err != nil {
		t.Fatal(err)
	}
	for i, want := range [][]model.DossierDoc{nil, report, report} {
		if !reflect.DeepEqual(b.Nominees[i].Received, want) {
			t.Errorf("%s received %+v, want %+v", b.Nominees[i].Name, b.Nominees[i].Received, want)
		}
	}

	// Both columns must agree.
	tsv = "Họ và tên\tLoại\tDanh hiệu đề nghị\tHồ sơ đã nộp\tHồ sơ còn thiếu\n" +
		"Trần Văn Bình\tCN\tGK_HUYEN\tđủ\tBáo cáo thành tích\n"
	b = Read(meeting(false), []File{{Name: "ca-hai.tsv", Data: []byte(tsv)}}, Options{})
	if len(b.Problems) != 1 || b.Problems[0].String() !=
		"tệp ca-hai.tsv, dòng 2, cột E (Hồ sơ còn thiếu): «Báo cáo thành tích» vừa ghi ở cột hồ sơ đã nộp vừa ghi còn thiếu; hãy sửa một trong hai ô" {
		t.Errorf("problems %v", b.Problems)
	}
}

// TestTemplate_DossierColumn checks that the template has the dossier
// column, and its instructions name the documents to hand in.
func TestTemplate_DossierColumn(t *testing.T) {
	p := meeting(false).Plan
	h := templateHeader(&p)
	if h[len(h)-3] != "Hồ sơ đã nộp" {
		t.Errorf("header %q", h)
	}
	text := strings.Join(instructions(&p), "\n")
	if !strings.Contains(text, "Hồ sơ Giấy khen của Chủ tịch UBND huyện: «Báo cáo thành tích».") || !strings.Contains(text, "Cột «Hồ sơ đã nộp»") {
		t.Errorf("instructions:\n%s", text)
	}
	p.Awards[1].Documents = nil
	if h := templateHeader(&p); h[len(h)-3] == "Hồ sơ đã nộp" || strings.Contains(strings.Join(instructions(&p), "\n"), "Hồ sơ đã nộp") {
		t.Errorf("a plan without dossiers has the column: %q", h)
	}
}
