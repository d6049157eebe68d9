package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"sovwatch/delivery"
	"sovwatch/digest"
	"sovwatch/storage"
)

// digestSpec is a digest watchlist's schedule read in its time zone.
func digestSpec(w storage.Watchlist) string {
	return "CRON_TZ=" + w.Timezone + " " + w.Schedule
}

// postDigest composes the digest of a watchlist's alerts since its last
// digest (or since it was created) and queues it to its channels. An
// empty period is recorded without a message unless the watchlist posts
// empty digests.
func (a *App) postDigest(ctx context.Context, w storage.Watchlist) (int, error) {
	until := a.now()
	since, err := a.store.LastDigestEnd(ctx, w.ID)
	if err != nil {
		return 0, err
	}
	if since.IsZero() {
		// The first period opens just before the watchlist existed (by the
		// store's millisecond resolution), so its first alerts count.
		since = w.CreatedAt.Add(-time.Millisecond)
	}
	alerts, err := a.store.DigestAlerts(ctx, w.ID, since, until)
	if err != nil {
		return 0, err
	}
	items := make([]digest.Item, 0, len(alerts))
	for _, al := range alerts {
		art := al.Article
		items = append(items, digest.Item{
			StoryID: al.StoryID, Title: art.Title, URL: art.URL, Source: art.Source, SourceKind: art.SourceKind,
			Published: art.Published, Statements: art.Statements, Outlets: al.Outlets,
		})
	}
	d := digest.Compose(w.Name, since, until, items)
	payload := ""
	if !d.Empty() || w.PostEmpty {
		b, err := json.Marshal(delivery.DigestPayload{Timezone: w.Timezone, Digest: d})
		if err != nil {
			return 0, fmt.Errorf("app: digest of %s: %w", w.Name, err)
		}
		payload = string(b)
	}
	n, err := a.store.RecordDigest(ctx, w.ID, since, until, len(alerts), payload)
	if errors.Is(err, storage.ErrDigestExists) {
		return 0, nil // this period went out already
	}
	if err != nil {
		return 0, err
	}
	a.log.Info("digest", "watchlist", w.Name, "stories", len(d.Stories), "queued", n)
	if n > 0 {
		a.deliverer.Wake()
	}
	return n, nil
}

// scheduleDigests puts every active digest watchlist on its schedule.
func (a *App) scheduleDigests(ctx context.Context, sched interface {
	Set(name, spec string, job func(context.Context)) error
}) error {
	ws, err := a.store.Watchlists(ctx)
	if err != nil {
		return err
	}
	for _, w := range ws {
		if w.Mode != "digest" || w.Paused {
			continue
		}
		spec := digestSpec(w)
		if err := sched.Set(fmt.Sprintf("digest:%d", w.ID), spec, func(ctx context.Context) {
			if _, err := a.postDigest(ctx, w); err != nil {
				a.log.Error("digest failed", "watchlist", w.Name, "err", err)
			}
		}); err != nil {
			return err
		}
		next, _ := digest.NextRun(w.Schedule, w.Timezone, a.now())
		a.log.Info("digest scheduled", "watchlist", w.Name, "schedule", w.Schedule, "timezone", w.Timezone, "next", next.Format(time.RFC3339))
	}
	return nil
}
