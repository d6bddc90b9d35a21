package synth

import "math/rand/v2"

// weighted is a word with its weight in a draw.
type weighted struct {
	word   string
	weight int
}

// table is a list of words to draw from by weight.
type table []weighted

// draw picks a word with probability proportional to its weight.
func (t table) draw(rng *rand.Rand) string {
	total := 0
	for _, w := range t {
		total += w.weight
	}
	n := rng.IntN(total)
	for _, w := range t {
		if n < w.weight {
			return w.word
		}
		n -= w.weight
	}
	return t[len(t)-1].word
}

// pick returns one of words, each as likely.
func pick(rng *rand.Rand, words []string) string {
	return words[rng.IntN(len(words))]
}

// familyNames are Vietnamese family names with their share of the
// population in tenths of a percent, as the commonly cited survey gives
// them (Nguyễn 38.4%, Trần 12.1%, Lê 9.5%, Phạm 7%, Hoàng/Huỳnh 5.1%, Phan
// 4.5%, Vũ/Võ 3.9%, Đặng 2.1%, Bùi 2%, Đỗ 1.4%, Hồ 1.3%, Ngô 1.3%, Dương 1%,
// Lý 0.5%); Hoàng and Vũ, the northern spellings, take most of their
// pairs' share, as in a northern province. The rarer names after them
// share what is left.
func familyNames() table {
	return table{
		{"Nguyễn", 384}, {"Trần", 121}, {"Lê", 95}, {"Phạm", 70}, {"Hoàng", 46}, {"Huỳnh", 5},
		{"Phan", 45}, {"Vũ", 34}, {"Võ", 5}, {"Đặng", 21}, {"Bùi", 20}, {"Đỗ", 14}, {"Hồ", 13},
		{"Ngô", 13}, {"Dương", 10}, {"Lý", 5}, {"Đào", 6}, {"Đoàn", 6}, {"Trịnh", 5}, {"Trương", 5},
		{"Đinh", 5}, {"Lương", 4}, {"Mai", 4}, {"Phùng", 3}, {"Cao", 3}, {"Chu", 3}, {"Tạ", 3},
		{"Lưu", 3}, {"Hà", 3}, {"Tô", 2}, {"Vương", 2}, {"Nghiêm", 1}, {"Lâm", 2}, {"Quách", 1},
	}
}

// middleNames are the middle names of men and of women, weighted by how
// often they occur: Văn and Thị, once nearly universal, are still the most
// common, more so among the older officials a council reviews.
func middleNames(female bool) table {
	if female {
		return table{
			{"Thị", 55}, {"Thu", 7}, {"Ngọc", 6}, {"Thanh", 6}, {"Minh", 4}, {"Hồng", 4}, {"Phương", 3},
			{"Kim", 3}, {"Thúy", 2}, {"Mai", 2}, {"Hải", 2}, {"Diệu", 1}, {"Hoài", 1}, {"Bích", 1}, {"Lan", 1},
		}
	}
	return table{
		{"Văn", 40}, {"Đức", 10}, {"Minh", 8}, {"Hữu", 7}, {"Quang", 6}, {"Xuân", 5}, {"Đình", 4},
		{"Thành", 4}, {"Công", 4}, {"Ngọc", 4}, {"Thanh", 3}, {"Mạnh", 3}, {"Anh", 2}, {"Tiến", 2},
		{"Trung", 2}, {"Việt", 2}, {"Hoàng", 2},
	}
}

// givenNames are the given names of men and of women, weighted by how
// often they occur.
func givenNames(female bool) table {
	if female {
		return table{
			{"Linh", 6}, {"Trang", 6}, {"Hương", 5}, {"Thảo", 5}, {"Huyền", 5}, {"Lan", 4}, {"Hà", 4},
			{"Hoa", 4}, {"Nga", 4}, {"Mai", 4}, {"Phương", 4}, {"Thủy", 4}, {"Hằng", 4}, {"Anh", 4},
			{"Ngọc", 3}, {"Yến", 3}, {"Nhung", 3}, {"Hạnh", 3}, {"Dung", 3}, {"Vân", 3}, {"Hiền", 3},
			{"Giang", 3}, {"Quỳnh", 3}, {"Loan", 2}, {"Oanh", 2}, {"Thư", 2}, {"Chi", 2}, {"Tuyết", 2},
			{"Liên", 2}, {"Thanh", 2}, {"Duyên", 2}, {"Nhàn", 2}, {"Hậu", 2}, {"Lý", 1}, {"Ánh", 2},
			{"Thúy", 2}, {"Xuân", 1}, {"Uyên", 1},
		}
	}
	return table{
		{"Anh", 6}, {"Hùng", 5}, {"Dũng", 5}, {"Tuấn", 5}, {"Minh", 5}, {"Hải", 4}, {"Nam", 4},
		{"Long", 4}, {"Sơn", 4}, {"Thắng", 4}, {"Cường", 4}, {"Huy", 4}, {"Hiếu", 3}, {"Trung", 3},
		{"Đức", 3}, {"Phong", 3}, {"Quang", 3}, {"Tùng", 3}, {"Hoàng", 3}, {"Thành", 3}, {"Bình", 3},
		{"Hưng", 3}, {"Quân", 3}, {"Đạt", 3}, {"Khánh", 2}, {"Tâm", 2}, {"Việt", 2}, {"Vinh", 2},
		{"Toàn", 2}, {"Lâm", 2}, {"Duy", 2}, {"Kiên", 2}, {"Thịnh", 2}, {"Chiến", 2}, {"Hòa", 2},
		{"Phúc", 2}, {"Tú", 2}, {"Khoa", 2}, {"Lợi", 1}, {"Hà", 1}, {"Thanh", 1}, {"Trường", 2},
	}
}
