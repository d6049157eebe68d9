package query

import (
	"slices"
	"testing"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Díaz-Canel", "diaz-canel"},
		{"SOBERANÍA", "soberania"},
		{"México", "mexico"},
		{"Groenlandia Ñandú", "groenlandia nandu"},
		{"Løkke Rasmussen", "løkke rasmussen"},
		{"Mélanie Joly", "melanie joly"},
		{"e\u0301", "e"},
		{"Москва", "москва"},
		{"Ελλάδα", "ελλαδα"},
		{"plain", "plain"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := fold(tt.in); got != tt.want {
				t.Fatalf("fold(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if got := foldSlow(tt.in); got != tt.want {
				t.Fatalf("foldSlow(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
	// The Latin fast path must agree with the reference on its whole range.
	for r := rune(0); r < 0x370; r++ {
		s := "a" + string(r) + "B"
		if got, want := fold(s), foldSlow(s); got != want {
			t.Errorf("fold(%q) = %q, foldSlow = %q", s, got, want)
		}
	}
}

func TestWords(t *testing.T) {
	got := foldWords("Sheinbaum: «No aceptamos intervención» — O'Brien, 2025; Díaz-Canel.")
	want := []string{"sheinbaum", "no", "aceptamos", "intervencion", "o", "brien", "2025", "diaz", "canel"}
	if !slices.Equal(got, want) {
		t.Fatalf("got %q, want %q", got, want)
	}
}
