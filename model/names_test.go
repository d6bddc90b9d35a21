package model

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestFold_DropsDiacritics(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Nguyễn Văn An", "nguyen van an"},
		{"ĐẶNG  Thị\tHỒNG", "dang thi hong"},
		{norm.NFD.String("Trần Thị Ánh"), "tran thi anh"},
		{"  Bộ phận tiếp nhận ", "bo phan tiep nhan"},
		{"", ""},
	} {
		if got := Fold(c.in); got != c.want {
			t.Errorf("Fold(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestContainsFold_FindsWithoutDiacritics(t *testing.T) {
	if !ContainsFold("Nguyễn Văn An", "nguyen") {
		t.Error(`"nguyen" does not find "Nguyễn"`)
	}
	if !ContainsFold("Đỗ Văn Khánh", "do van") {
		t.Error(`"do van" does not find "Đỗ Văn"`)
	}
	if !ContainsFold("Nguyễn Văn An", "NGUYỄN") {
		t.Error("case is not ignored")
	}
	if ContainsFold("Nguyễn Văn An", "nguyet") {
		t.Error(`"nguyet" finds "Nguyễn"`)
	}
}

func TestGivenName_LastWord(t *testing.T) {
	g, r := GivenName(" Nguyễn  Văn An ")
	if g != "An" || r != "Nguyễn Văn" {
		t.Fatalf("GivenName = %q, %q", g, r)
	}
	if g, r := GivenName("An"); g != "An" || r != "" {
		t.Fatalf("one word: %q, %q", g, r)
	}
}

func TestSortNominees_VietnameseOrder(t *testing.T) {
	names := []string{
		"Trần Đức", "Lê Văn Dũng", "Phạm Thị Ánh", "Nguyễn Văn An", "Hoàng Ăn",
		"Vũ Thị Âu", "Đỗ Văn An", "Bùi Em", "Ngô Hùng", "Lý Hưng", "Hồ Hứa",
		"Đinh Thị Yến", "Mai Ý",
	}
	ns := []Nominee{{Kind: KindCollective, Name: "Thôn Ấp"}, {Kind: KindCollective, Name: "Bộ phận một cửa"}}
	for _, n := range names {
		ns = append(ns, Nominee{Kind: KindIndividual, Name: n})
	}
	SortNominees(ns)
	var got []string
	for _, n := range ns {
		got = append(got, n.Name)
	}
	// Given names: An < Ánh < Ăn < Âu < Dũng < Đức < Em < Hùng < Hứa < Hưng < Ý < Yến.
	want := []string{
		"Thôn Ấp", "Bộ phận một cửa", // collectives first, as given
		"Đỗ Văn An", "Nguyễn Văn An",
		"Phạm Thị Ánh", "Hoàng Ăn", "Vũ Thị Âu", "Lê Văn Dũng", "Trần Đức", "Bùi Em",
		"Ngô Hùng", "Hồ Hứa", "Lý Hưng", "Mai Ý", "Đinh Thị Yến",
	}
	if !slices.Equal(got, want) {
		t.Fatalf("order:\n got %q\nwant %q", got, want)
	}
}

func TestNameOrder_DBeforeĐ(t *testing.T) {
	o := NewNameOrder()
	if o.CompareText("Dũng", "Đức") >= 0 || o.CompareText("Đức", "Em") >= 0 {
		t.Fatal("đ is not between d and e")
	}
	if o.ComparePersons("Nguyễn Văn Bình", "Trần An") <= 0 {
		t.Fatal("given name does not come first")
	}
	if o.ComparePersons(norm.NFD.String("Lê Thị Ánh"), "Lê Thị Ánh") != 0 {
		t.Fatal("NFD and NFC differ")
	}
}

func TestSameNominee_UnitOptional(t *testing.T) {
	a := Nominee{Kind: KindCollective, Name: "Các thôn, phố", Unit: "Thị trấn Như Quỳnh"}
	for _, c := range []struct {
		b    Nominee
		same bool
	}{
		{Nominee{Kind: KindCollective, Name: "các  thôn, PHỐ"}, true},
		{Nominee{Kind: KindCollective, Name: "Các thôn, phố", Unit: "thị trấn như quỳnh"}, true},
		{Nominee{Kind: KindCollective, Name: "Các thôn, phố", Unit: "Xã Lạc Hồng"}, false},
		{Nominee{Kind: KindIndividual, Name: "Các thôn, phố"}, false},
		{Nominee{Kind: KindCollective, Name: "Các thôn, phô"}, false},
	} {
		if got := SameNominee(a, c.b); got != c.same {
			t.Errorf("SameNominee(%q, %q) = %t", a.Name, c.b.Name, got)
		}
	}
}

func TestNomineeIndex_AgreesWithSameNominee(t *testing.T) {
	list := []Nominee{
		{Kind: KindCollective, Name: "Các thôn, phố", Unit: "Thị trấn Như Quỳnh"},
		{Kind: KindIndividual, Name: "Trần Văn Bình", Unit: "Văn phòng"},
		{Kind: KindIndividual, Name: "Trần Văn Bình", Unit: "Tư pháp"},
	}
	x := NewNomineeIndex()
	for i, n := range list {
		x.Add(n, i)
	}
	for _, q := range []Nominee{
		{Kind: KindCollective, Name: "các thôn,  phố"},
		{Kind: KindIndividual, Name: "Trần Văn Bình", Unit: "tư pháp"},
		{Kind: KindIndividual, Name: "Trần Văn Bình", Unit: "Địa chính"},
		{Kind: KindIndividual, Name: "Trần Văn Bính"},
	} {
		want, wantOK := 0, false
		for i, n := range list {
			if SameNominee(n, q) {
				want, wantOK = i, true
				break
			}
		}
		if got, ok := x.Find(q); got != want || ok != wantOK {
			t.Errorf("Find(%+v) = %d, %t; want %d, %t", q, got, ok, want, wantOK)
		}
	}
}

func TestNameKey_AsDefined(t *testing.T) {
	for _, s := range []string{
		"", "  ", "Nguyễn Văn An", "  NGUYỄN   văn\tÂN \n", "Nguye\u0302\u0303n Văn An", "Ê\u00a0Đê", "a\u2003b", "\xff Ab\xfe",
		"\ufffd", "ǅ ǈ İ ẞ", "Hợp tác xã\u3000Đông", "x\u0301\u0323y",
	} {
		want := strings.ToLower(strings.Join(strings.Fields(norm.NFC.String(s)), " "))
		if got := NameKey(s); got != want {
			t.Errorf("NameKey(%q) = %q, want %q", s, got, want)
		}
	}
}
