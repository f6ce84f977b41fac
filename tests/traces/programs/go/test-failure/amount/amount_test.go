package amount

import "testing"

func TestParseCents(t *testing.T) {
	cases := map[string]int{"12.50": 1250, "3": 300, "1,50": 150, "0.5": 50}
	for in, want := range cases {
		if got := ParseCents(in); got != want {
			t.Errorf("ParseCents(%q) = %d, want %d", in, got, want)
		}
	}
}
