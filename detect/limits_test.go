package detect

import (
	"strings"
	"testing"
	"time"
)

// TestLinearTime feeds texts without sentence breaks, an unclosed quote and
// floods of names: per-sentence rules compare cues pairwise, so without the
// sentence cap and the bounded people memory these took seconds.
func TestLinearTime(t *testing.T) {
	d := newDetector(t)
	for name, text := range map[string]string{
		"no stops":      strings.Repeat("Sheinbaum rejected foreign intervention and the sovereign Mexico ", 3000),
		"open quote":    `"` + strings.Repeat("we reject any intervention. ", 5000),
		"names":         strings.Repeat("President Trump Sheinbaum Petro Maduro, ", 5000),
		"abbreviations": strings.Repeat("Sen. Gen. Dr. U.S. EE.UU. ", 5000),
	} {
		start := time.Now()
		d.Analyze(text, "")
		if el := time.Since(start); el > 2*time.Second {
			t.Errorf("%s: %d bytes took %v", name, len(text), el)
		}
	}
}
