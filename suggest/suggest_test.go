package suggest

import "testing"

func TestClosest(t *testing.T) {
	known := []string{"schedule", "storage", "sources", "type", "target"}
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"shedule", "schedule", true},
		{"storag", "storage", true},
		{"tyep", "type", true},
		{"targte", "target", true},
		{"completely-different", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, ok := Closest(tt.in, known)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Closest(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "", 3}, {"kitten", "sitting", 3}, {"méxico", "mexico", 1}, {"soberanía", "soberania", 1},
	}
	for _, tt := range tests {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
