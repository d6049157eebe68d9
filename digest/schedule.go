package digest

import (
	"fmt"
	"time"

	"github.com/robfig/cron/v3"
)

// parser accepts what config accepts for digest schedules (five fields or a
// descriptor such as @daily), so that a schedule that validated also runs.
var parser = cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)

// NextRun returns the first time after after at which the cron spec fires in
// the IANA time zone tz (UTC when empty). The spec is read as wall-clock time
// in that zone, so "0 8 * * 1-5" fires at 08:00 local on weekdays on both
// sides of a daylight-saving change. A CRON_TZ= or TZ= prefix in the spec
// overrides tz. The result is in tz.
//
// Across a change, a wall-clock time that does not exist that day (a
// spring-forward gap) is skipped until the next matching day, as robfig/cron
// does, and a time that happens twice (fall back) fires once, at its first
// occurrence. Digests scheduled outside 01:00-03:00 never meet either.
func NextRun(spec, tz string, after time.Time) (time.Time, error) {
	loc, err := time.LoadLocation(tz)
	if err != nil {
		return time.Time{}, fmt.Errorf("digest: time zone %q: %w", tz, err)
	}
	sched, err := parser.Parse(spec)
	if err != nil {
		return time.Time{}, fmt.Errorf("digest: schedule %q: %w", spec, err)
	}
	after = after.In(loc)
	next := sched.Next(after)
	if next.IsZero() {
		// robfig/cron gives up after five years: a spec such as
		// "0 0 30 2 *" never fires.
		return time.Time{}, fmt.Errorf("digest: schedule %q never fires", spec)
	}
	// When clocks fall back, robfig/cron fires a repeated wall-clock time
	// twice, an hour apart. A digest covers the period since the last
	// one, so the second would post the same news again or an empty
	// digest: skip it.
	if sameWallClock(next, after) {
		next = sched.Next(next)
	}
	return next, nil
}

func sameWallClock(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd && a.Hour() == b.Hour() && a.Minute() == b.Minute()
}
