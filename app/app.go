// Package app wires sovwatch together: it opens the store, syncs the
// configured sources and watchlists, and starts and stops the scheduler,
// the pipeline and the deliverer in order, so a test can run the whole bot
// without signals.
package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"sync"
	"time"

	"sovwatch/bot"
	"sovwatch/config"
	"sovwatch/delivery"
	"sovwatch/ingest"
	"sovwatch/storage"
	"sovwatch/watchers"
)

// ShutdownGrace is how long in-flight polls get to finish on shutdown.
const ShutdownGrace = 30 * time.Second

// App is a configured sovwatch.
type App struct {
	cfg       *config.Config
	log       *slog.Logger
	now       func() time.Time
	store     *storage.Store
	matcher   *Matcher
	pipeline  *ingest.Pipeline
	deliverer *delivery.Deliverer
	notices   *noticeBoard
	unlock    func() error
}

// Options are what New needs besides the config.
type Options struct {
	Log    *slog.Logger
	Stdout io.Writer // where console alerts go
	Now    func() time.Time
}

// New opens the store and makes the stored sources and config watchlists
// match the config. Close releases it.
func New(ctx context.Context, cfg *config.Config, o Options) (*App, error) {
	if o.Now == nil {
		o.Now = time.Now
	}
	store, err := storage.Open(ctx, cfg.Storage.Path, storage.WithClock(o.Now))
	if err != nil {
		return nil, err
	}
	unlock, err := storage.Lock(cfg.Storage.Path)
	if err != nil {
		store.Close()
		return nil, err
	}
	// Holding the lock, any lease left is a dead process's: take it back
	// so its messages go out now, not when the lease runs out.
	if n, err := store.ReleaseLeases(ctx); err != nil {
		unlock()
		store.Close()
		return nil, err
	} else if n > 0 {
		o.Log.Info("took back deliveries a stopped process had claimed", "count", n)
	}
	a := &App{cfg: cfg, log: o.Log, now: o.Now, store: store, unlock: unlock}
	if err := a.sync(ctx); err != nil {
		a.Close()
		return nil, err
	}
	detector, err := newAnalyzer(cfg)
	if err != nil {
		a.Close()
		return nil, err
	}
	a.notices = &noticeBoard{store: store, channel: cfg.AdminChannel, log: o.Log, now: o.Now}
	a.matcher = NewMatcher(o.Log)
	if err := a.reloadWatchlists(ctx); err != nil {
		a.Close()
		return nil, err
	}
	grouper, err := newStoryGrouper(ctx, store, o.Now)
	if err != nil {
		a.Close()
		return nil, err
	}
	fetcher := watchers.NewFetcher(cfg.Fetch, o.Log, o.Now)
	a.pipeline = &ingest.Pipeline{
		Store:           store,
		Poller:          watchers.NewPoller(fetcher, store),
		Analyzer:        detector,
		Matcher:         a.matcher,
		Noticer:         a.notices,
		Grouper:         grouper,
		Log:             o.Log,
		Now:             o.Now,
		Jitter:          func() float64 { return rand.Float64()*2 - 1 },
		FirstPollWindow: cfg.Fetch.FirstPollWindow,
		MaxAge:          cfg.Fetch.MaxAge,
	}
	notifiers := map[string]delivery.Notifier{config.PlatformConsole: bot.NewConsole(o.Stdout, time.Local)}
	if cfg.Slack.BotToken != "" {
		notifiers[config.PlatformSlack] = bot.NewSlack(cfg.Slack, o.Log, time.UTC)
	}
	if cfg.Discord.Token != "" {
		notifiers[config.PlatformDiscord] = bot.NewDiscord(cfg.Discord, o.Log, time.UTC)
	}
	a.deliverer = delivery.New(store, notifiers, o.Log, o.Now)
	a.deliverer.OnRefused = func(ctx context.Context, channel, reason string) {
		a.notices.Notice(ctx, "refused:"+channel+":"+reason, fmt.Sprintf("%s refuses messages: %s. Its alerts fail without being sent for an hour at a time, then one is tried again; fix the channel or the bot's access.", channel, reason))
	}
	a.notices.wake = a.deliverer.Wake
	return a, nil
}

// Close closes the store and releases its lock.
func (a *App) Close() error {
	err := a.store.Close()
	a.unlock()
	return err
}

// sync stores the config's sources and watchlists.
func (a *App) sync(ctx context.Context) error {
	defs := make([]storage.SourceDef, 0, len(a.cfg.Sources))
	for _, s := range a.cfg.Sources {
		spec, err := json.Marshal(s)
		if err != nil {
			return fmt.Errorf("app: source %s: %w", s.Name, err)
		}
		defs = append(defs, storage.SourceDef{Name: s.Name, Type: s.Type, URL: s.URL, Kind: s.Kind, Spec: string(spec), Enabled: s.IsEnabled()})
	}
	if err := a.store.SyncConfigSources(ctx, defs); err != nil {
		return err
	}
	ws := make([]storage.Watchlist, 0, len(a.cfg.Watchlists))
	for _, w := range a.cfg.Watchlists {
		sw := storage.Watchlist{
			Name: w.Name, Query: w.Query, Types: w.Types, Actors: w.Actors, Targets: w.Targets,
			MinConfidence: w.MinConfidence, Statements: w.Statements, Mode: w.Mode, Schedule: w.Schedule,
			Timezone: w.Timezone, Channels: w.Channels, PostEmpty: w.PostEmpty,
		}
		for _, m := range w.Mentions {
			sw.Mentions = append(sw.Mentions, storage.Mention{To: m.To, Types: m.Types, MinConfidence: m.MinConfidence})
		}
		ws = append(ws, sw)
	}
	return a.store.SyncConfigWatchlists(ctx, ws)
}

// reloadWatchlists puts every active stored watchlist in the matcher. A
// watchlist that no longer compiles is logged and left out, not fatal.
func (a *App) reloadWatchlists(ctx context.Context) error {
	ws, err := a.store.Watchlists(ctx)
	if err != nil {
		return err
	}
	for _, w := range ws {
		if err := a.matcher.Set(w); err != nil {
			a.notices.Notice(ctx, fmt.Sprintf("watchlist-broken:%d:%d", w.ID, w.UpdatedAt.Unix()),
				fmt.Sprintf("watchlist %q no longer compiles and is not matched: %v", w.Name, err))
		}
	}
	return nil
}

// enabledSources lists the stored sources to poll.
func (a *App) enabledSources(ctx context.Context) ([]storage.Source, error) {
	all, err := a.store.Sources(ctx)
	if err != nil {
		return nil, err
	}
	var out []storage.Source
	for _, s := range all {
		if s.Enabled {
			out = append(out, s)
		}
	}
	return out, nil
}

// Once polls every enabled source once, then delivers everything due. A
// failing source does not stop the others; the returned error joins every
// failure.
func (a *App) Once(ctx context.Context) error {
	polled, errs := a.pollAll(ctx)
	sent, err := a.deliverer.Drain(ctx)
	a.log.Info("once: done", "sources", polled, "failed", len(errs), "delivered", sent)
	return errors.Join(append(errs, err)...)
}

// pollAll polls every enabled source once, at most fetch.concurrency at a
// time, and returns how many it polled and the failures.
func (a *App) pollAll(ctx context.Context) (int, []error) {
	sources, err := a.enabledSources(ctx)
	if err != nil {
		return 0, []error{err}
	}
	var (
		mu   sync.Mutex
		errs []error
		wg   sync.WaitGroup
	)
	sem := make(chan struct{}, a.cfg.Fetch.Concurrency)
	for _, s := range sources {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			if _, err := a.pipeline.Poll(ctx, s.Name, true); err != nil {
				mu.Lock()
				errs = append(errs, err)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return len(sources), errs
}

// Run polls on schedule and delivers until ctx ends, then stops in reverse
// order: no new polls, in-flight polls finish (up to ShutdownGrace), the
// deliverer finishes its current message, and the store closes last (in
// Close). Every source is also polled once at start, so a new install shows
// something without waiting a full interval.
func (a *App) Run(ctx context.Context) error {
	sources, err := a.enabledSources(ctx)
	if err != nil {
		return err
	}
	sched := watchers.NewScheduler(a.log, max(a.cfg.Fetch.Jitter, 0))
	for _, s := range sources {
		var spec config.Source
		if err := json.Unmarshal([]byte(s.Spec), &spec); err != nil {
			return fmt.Errorf("app: source %s: stored definition unreadable: %w", s.Name, err)
		}
		name := s.Name
		job := func(ctx context.Context) {
			rep, err := a.pipeline.Poll(ctx, name, false)
			if err != nil {
				return // logged and recorded by the pipeline
			}
			if rep.Deliveries > 0 {
				a.deliverer.Wake()
			}
		}
		if err := sched.Set(name, spec.Schedule, job); err != nil {
			return err
		}
		a.log.Info("scheduled", "source", name, "schedule", spec.Schedule, "type", spec.Type, "url", spec.URL)
		sched.RunNow(name, job)
	}
	if err := a.scheduleDigests(ctx, sched); err != nil {
		return err
	}
	sched.Start()

	deliverCtx, stopDelivering := context.WithCancel(context.WithoutCancel(ctx))
	delivered := make(chan struct{})
	go func() {
		defer close(delivered)
		a.deliverer.Run(deliverCtx, time.Second)
	}()
	a.log.Info("sovwatch running", "sources", len(sources), "database", a.cfg.Storage.Path)

	<-ctx.Done()
	a.log.Info("shutting down: finishing polls in progress")
	grace, cancel := context.WithTimeout(context.WithoutCancel(ctx), ShutdownGrace)
	defer cancel()
	sched.Stop(grace)
	// One last pass so alerts found by the final polls are not left waiting.
	if _, err := a.deliverer.Drain(grace); err != nil {
		a.log.Error("final delivery pass", "err", err)
	}
	stopDelivering()
	<-delivered
	a.log.Info("stopped")
	return nil
}

// noticeBoard sends operational notices to the admin channel, each once,
// and logs every one.
type noticeBoard struct {
	store   *storage.Store
	channel string
	log     *slog.Logger
	now     func() time.Time
	wake    func()
}

// Notice logs text and, with an admin channel, queues it there once per key.
func (n *noticeBoard) Notice(ctx context.Context, key, text string) {
	n.log.Warn("notice", "key", key, "text", text)
	if n.channel == "" {
		return
	}
	queued, err := n.store.EnqueueNotice(ctx, n.channel, key, text, n.now())
	if err != nil {
		n.log.Error("could not queue notice", "key", key, "err", err)
		return
	}
	if queued && n.wake != nil {
		n.wake()
	}
}
