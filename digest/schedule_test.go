package digest

import (
	"testing"
	"time"
)

func TestNextRun(t *testing.T) {
	zone := func(name string) *time.Location {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Fatal(err)
		}
		return loc
	}
	cph, ny, mx := zone("Europe/Copenhagen"), zone("America/New_York"), zone("America/Mexico_City")
	tests := []struct {
		name   string
		spec   string
		tz     string
		after  time.Time
		want   time.Time
		offset time.Duration // want's UTC offset, to show which side of a change it is on
	}{
		// Copenhagen springs forward on Sunday 29 March 2026.
		{"Copenhagen, Friday before the change", "0 8 * * 1-5", "Europe/Copenhagen",
			time.Date(2026, 3, 27, 6, 0, 0, 0, time.UTC), time.Date(2026, 3, 27, 8, 0, 0, 0, cph), time.Hour},
		{"Copenhagen, over the weekend of the change", "0 8 * * 1-5", "Europe/Copenhagen",
			time.Date(2026, 3, 27, 7, 0, 0, 0, time.UTC), time.Date(2026, 3, 30, 8, 0, 0, 0, cph), 2 * time.Hour},
		{"Copenhagen, autumn change", "0 8 * * 1-5", "Europe/Copenhagen",
			time.Date(2026, 10, 24, 12, 0, 0, 0, time.UTC), time.Date(2026, 10, 26, 8, 0, 0, 0, cph), time.Hour},
		// New York springs forward on Sunday 8 March 2026 and falls back
		// on Sunday 1 November.
		{"New York, Monday after spring forward", "0 8 * * 1-5", "America/New_York",
			time.Date(2026, 3, 6, 14, 0, 0, 0, time.UTC), time.Date(2026, 3, 9, 8, 0, 0, 0, ny), -4 * time.Hour},
		{"New York, Monday after fall back", "0 8 * * 1-5", "America/New_York",
			time.Date(2026, 10, 30, 13, 0, 0, 0, time.UTC), time.Date(2026, 11, 2, 8, 0, 0, 0, ny), -5 * time.Hour},
		{"New York, daily across the change", "0 8 * * *", "America/New_York",
			time.Date(2026, 3, 7, 14, 0, 0, 0, time.UTC), time.Date(2026, 3, 8, 8, 0, 0, 0, ny), -4 * time.Hour},
		{"Mexico City, no DST since 2022", "0 8 * * 1-5", "America/Mexico_City",
			time.Date(2026, 4, 3, 14, 0, 1, 0, time.UTC), time.Date(2026, 4, 6, 8, 0, 0, 0, mx), -6 * time.Hour},
		{"exactly at a run, the next one", "0 8 * * 1-5", "America/Mexico_City",
			time.Date(2026, 4, 6, 8, 0, 0, 0, mx), time.Date(2026, 4, 7, 8, 0, 0, 0, mx), -6 * time.Hour},
		{"empty zone is UTC", "@daily", "",
			time.Date(2026, 4, 6, 8, 0, 0, 0, time.UTC), time.Date(2026, 4, 7, 0, 0, 0, 0, time.UTC), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := NextRun(tt.spec, tt.tz, tt.after)
			if err != nil {
				t.Fatal(err)
			}
			if !got.Equal(tt.want) {
				t.Errorf("got %s, want %s", got, tt.want)
			}
			if _, off := got.Zone(); time.Duration(off)*time.Second != tt.offset {
				t.Errorf("offset %v, want %v", time.Duration(off)*time.Second, tt.offset)
			}
			if got.Location().String() != tt.want.Location().String() {
				t.Errorf("location %s, want %s", got.Location(), tt.want.Location())
			}
		})
	}
}

// TestNextRunGap pins what happens to a wall-clock time that a change skips
// or repeats, as documented on NextRun.
func TestNextRunGap(t *testing.T) {
	cph, _ := time.LoadLocation("Europe/Copenhagen")
	// 02:30 does not exist on 29 March 2026 in Copenhagen: skipped.
	got, err := NextRun("30 2 * * *", "Europe/Copenhagen", time.Date(2026, 3, 28, 12, 0, 0, 0, cph))
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2026, 3, 30, 2, 30, 0, 0, cph); !got.Equal(want) {
		t.Errorf("spring gap: got %s, want %s", got, want)
	}
	// 02:30 happens twice on 25 October 2026: the first only.
	first, _ := NextRun("30 2 * * *", "Europe/Copenhagen", time.Date(2026, 10, 24, 12, 0, 0, 0, cph))
	second, _ := NextRun("30 2 * * *", "Europe/Copenhagen", first)
	if want := time.Date(2026, 10, 25, 0, 30, 0, 0, time.UTC); !first.Equal(want) {
		t.Errorf("fall back: first run %s, want %s", first, want)
	}
	if want := time.Date(2026, 10, 26, 2, 30, 0, 0, cph); !second.Equal(want) {
		t.Errorf("fall back: second run %s, want %s", second, want)
	}
}

func TestNextRunErrors(t *testing.T) {
	for _, tt := range []struct{ spec, tz string }{
		{"0 8 * * 1-5", "Mars/Olympus_Mons"},
		{"61 8 * * *", "UTC"},
		{"not a spec", "UTC"},
		{"0 0 30 2 *", "UTC"},
	} {
		if _, err := NextRun(tt.spec, tt.tz, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)); err == nil {
			t.Errorf("%q in %q: no error", tt.spec, tt.tz)
		}
	}
}
