package grammar

import "testing"

func TestNumber(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
		ok   bool
	}{
		{"1", 1, true}, {"12", 12, true}, {"１２", 12, true},
		{"一", 1, true}, {"十", 10, true}, {"十二", 12, true}, {"二十", 20, true}, {"二十三", 23, true},
		{"一百零五", 105, true}, {"一千二", 1200, true}, {"二〇二〇", 2020, true}, {"壹拾", 10, true},
		{"貳", 2, true}, {"①", 1, true}, {"⑳", 20, true}, {"⑵", 2, true}, {"⒊", 3, true}, {"Ⅳ", 4, true},
		{"", 0, false}, {"a", 0, false}, {"十十", 0, false}, {"二二十", 0, false}, {"一万", 10000, true}, {"1.5", 0, false},
	} {
		got, ok := Number(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("Number(%q) = %d, %v; want %d, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}
