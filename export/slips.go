package export

import (
	"fmt"
	"io"
	"strings"
	"time"

	"hoidong/model"
)

// CodeSlips writes one slip per member who has a code, ready to print, cut
// and hand out: the council, the member's name and their personal voting
// code. The codes exist only in this output; the record keeps their hashes.
func CodeSlips(w io.Writer, rec *model.Record, codes map[int64]string) error {
	var b strings.Builder
	cut := strings.Repeat("- ", 39) + "\n"
	date := rec.Plan.Meeting.Date
	if d, err := time.Parse(time.DateOnly, rec.DocumentDate()); err == nil {
		date = d.Format("02/01/2006")
	}
	for _, m := range rec.Members {
		code, ok := codes[m.ID]
		if !ok {
			continue
		}
		b.WriteString(cut)
		b.WriteString(strings.ToUpper(rec.Plan.Council.Name) + "\n")
		fmt.Fprintf(&b, "PHIẾU MÃ BỎ PHIẾU — phiên họp ngày %s\n\n", date)
		fmt.Fprintf(&b, "Thành viên: %s (%s)\n\n", m.Name, m.Role.Label())
		fmt.Fprintf(&b, "Mã bỏ phiếu:    %s\n\n", strings.Join(strings.Split(code, ""), " "))
		b.WriteString("Giữ kín mã này. Khi được mời vào phòng bỏ phiếu, nhập mã để nhận phiếu.\n")
		b.WriteString("Nhập sai 3 lần, phòng bỏ phiếu tạm khóa; thư ký sẽ mở khóa.\n\n")
	}
	b.WriteString(cut)
	_, err := io.WriteString(w, b.String())
	return err
}
