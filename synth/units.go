package synth

import "fmt"

// The units of the province whose people and collectives are nominated:
// its departments, its districts' offices, schools and health centres.

// districts are the province's districts, town and city.
func districts() []string {
	return []string{"huyện Văn Lâm", "huyện Văn Giang", "huyện Yên Mỹ", "thị xã Mỹ Hào", "huyện Ân Thi",
		"huyện Khoái Châu", "huyện Kim Động", "huyện Tiên Lữ", "huyện Phù Cừ", "thành phố Hưng Yên"}
}

// departments are the province's departments and agencies, each with the
// offices (phòng) inside it.
func departments() []struct {
	name    string
	offices []string
} {
	common := []string{"Văn phòng", "Thanh tra", "Phòng Kế hoạch – Tài chính"}
	return []struct {
		name    string
		offices []string
	}{
		{"Sở Nội vụ", append(common, "Phòng Tổ chức, biên chế", "Phòng Công chức, viên chức", "Ban Thi đua – Khen thưởng")},
		{"Sở Tài chính", append(common, "Phòng Quản lý ngân sách", "Phòng Tài chính doanh nghiệp", "Phòng Quản lý giá, công sản")},
		{"Sở Giáo dục và Đào tạo", append(common, "Phòng Giáo dục phổ thông", "Phòng Khảo thí và Quản lý chất lượng")},
		{"Sở Y tế", append(common, "Phòng Nghiệp vụ Y", "Phòng Nghiệp vụ Dược")},
		{"Sở Xây dựng", append(common, "Phòng Quản lý xây dựng", "Phòng Quản lý giao thông")},
		{"Sở Công Thương", append(common, "Phòng Quản lý thương mại", "Phòng Quản lý năng lượng")},
		{"Sở Nông nghiệp và Môi trường", append(common, "Phòng Trồng trọt", "Phòng Quản lý đất đai", "Chi cục Thủy lợi")},
		{"Sở Khoa học và Công nghệ", append(common, "Phòng Quản lý khoa học", "Phòng Chuyển đổi số")},
		{"Sở Văn hóa, Thể thao và Du lịch", append(common, "Phòng Quản lý văn hóa", "Phòng Quản lý thể dục thể thao")},
		{"Sở Tư pháp", append(common, "Phòng Hành chính tư pháp", "Phòng Phổ biến, giáo dục pháp luật")},
		{"Văn phòng UBND tỉnh", []string{"Phòng Tổng hợp", "Phòng Kinh tế", "Phòng Khoa giáo – Văn xã", "Trung tâm Phục vụ hành chính công"}},
		{"Thanh tra tỉnh", []string{"Văn phòng", "Phòng Thanh tra 1", "Phòng Thanh tra 2", "Phòng Tiếp công dân"}},
	}
}

// districtOffices are the offices of a district's People's Committee.
func districtOffices() []string {
	return []string{"Văn phòng HĐND và UBND", "Phòng Nội vụ", "Phòng Tài chính – Kế hoạch", "Phòng Kinh tế",
		"Phòng Tư pháp", "Phòng Văn hóa – Xã hội", "Phòng Giáo dục và Đào tạo", "Thanh tra"}
}

// schoolGroups are the subject groups (tổ chuyên môn) of an upper
// secondary school.
func schoolGroups() []string {
	return []string{"Tổ Toán – Tin", "Tổ Ngữ văn", "Tổ Ngoại ngữ", "Tổ Vật lý – Công nghệ", "Tổ Hóa – Sinh",
		"Tổ Lịch sử – Địa lý – Giáo dục công dân", "Tổ Thể dục – Quốc phòng", "Tổ Văn phòng"}
}

// healthWards are the wards (khoa) of a health centre.
func healthWards() []string {
	return []string{"Khoa Khám bệnh", "Khoa Nội", "Khoa Ngoại", "Khoa Sản", "Khoa Nhi",
		"Khoa Hồi sức cấp cứu", "Khoa Kiểm soát bệnh tật", "Khoa Dược"}
}

// place is a unit a nominee comes from: its name as a unit, the
// collectives inside it, and the positions its people hold.
type place struct {
	unit        string
	collectives []string
	positions   table
}

// places lists every unit of the province, in a fixed order.
func places() []place {
	officials := table{{"Chuyên viên", 40}, {"Chuyên viên chính", 15}, {"Phó Trưởng phòng", 12},
		{"Trưởng phòng", 6}, {"Kế toán viên", 4}, {"Văn thư", 3}, {"Thanh tra viên", 3}, {"Cán sự", 3}}
	teachers := table{{"Giáo viên", 70}, {"Tổ trưởng chuyên môn", 10}, {"Phó Hiệu trưởng", 3},
		{"Hiệu trưởng", 1}, {"Nhân viên thư viện", 2}, {"Kế toán", 2}}
	health := table{{"Bác sĩ", 35}, {"Điều dưỡng", 35}, {"Trưởng khoa", 5}, {"Phó Trưởng khoa", 5},
		{"Dược sĩ", 6}, {"Kỹ thuật viên", 6}, {"Hộ sinh", 5}}
	var out []place
	for _, d := range departments() {
		out = append(out, place{unit: d.name + " tỉnh Hưng Yên", collectives: d.offices, positions: officials})
	}
	for _, d := range districts() {
		out = append(out,
			place{unit: "UBND " + d, collectives: districtOffices(), positions: officials},
			place{unit: fmt.Sprintf("Trường THPT %s", districtShort(d)), collectives: schoolGroups(), positions: teachers},
			place{unit: "Trung tâm Y tế " + d, collectives: healthWards(), positions: health})
	}
	return out
}

// districtShort is a district's name without its kind: "Văn Lâm".
func districtShort(d string) string {
	for _, prefix := range []string{"huyện ", "thị xã ", "thành phố "} {
		if len(d) > len(prefix) && d[:len(prefix)] == prefix {
			return d[len(prefix):]
		}
	}
	return d
}

// summaries are achievement summaries, one drawn for each nominee.
func summaries(collective bool) []string {
	if collective {
		return []string{
			"Hoàn thành xuất sắc nhiệm vụ năm 2025; 100% cán bộ hoàn thành tốt nhiệm vụ trở lên; có 2 sáng kiến được công nhận cấp tỉnh.",
			"Dẫn đầu khối thi đua năm 2025; tổ chức tốt các phong trào thi đua; nội bộ đoàn kết, không có đơn thư vượt cấp.",
			"Giải quyết 100% hồ sơ thủ tục hành chính đúng hạn; đẩy mạnh chuyển đổi số, 95% hồ sơ được tiếp nhận trực tuyến.",
			"Vượt các chỉ tiêu chuyên môn được giao; được Sở đánh giá xếp loại xuất sắc; thực hiện tốt công tác dân vận.",
			"Triển khai hiệu quả các nhiệm vụ trọng tâm; tiết kiệm chi thường xuyên 12%; không để xảy ra sai phạm.",
		}
	}
	return []string{
		"Hoàn thành xuất sắc nhiệm vụ được giao năm 2025; có sáng kiến được Hội đồng khoa học cấp tỉnh công nhận.",
		"Tham mưu hiệu quả các văn bản chỉ đạo của tỉnh; hoàn thành 100% nhiệm vụ đúng tiến độ và có chất lượng.",
		"Có nhiều đóng góp trong công tác chuyên môn; hướng dẫn đồng nghiệp; được đánh giá hoàn thành xuất sắc nhiệm vụ hai năm liền.",
		"Tích cực trong cải cách hành chính và chuyển đổi số; gương mẫu, tận tụy, được nhân dân và đồng nghiệp tín nhiệm.",
		"Đạt danh hiệu Chiến sĩ thi đua cơ sở hai năm liên tục; có đề tài nghiên cứu khoa học được nghiệm thu.",
		"Hoàn thành vượt mức chỉ tiêu chuyên môn; tích cực tham gia các phong trào thi đua và hoạt động xã hội.",
	}
}
