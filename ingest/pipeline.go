// Package ingest is one poll of one source, end to end: fetch and parse
// through the watchers, skip what is already stored, detect statements and
// match watchlists on what is new, and record it all in one transaction.
package ingest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"sync"
	"time"

	"sovwatch/config"
	"sovwatch/news"
	"sovwatch/storage"
	"sovwatch/watchers"
)

// Store is what the pipeline needs of the database.
type Store interface {
	Source(ctx context.Context, name string) (storage.Source, error)
	KnownArticles(ctx context.Context, keys []storage.ArticleKey) (map[storage.ArticleKey]bool, error)
	Ingest(ctx context.Context, b storage.IngestBatch) (storage.IngestResult, error)
	RecordPollSuccess(ctx context.Context, name string, o storage.PollOutcome) error
	RecordPollFailure(ctx context.Context, name, msg string, at, next time.Time) (storage.Source, error)
	MarkFailureReported(ctx context.Context, name string) error
}

// Poller fetches and parses one source.
type Poller interface {
	Poll(ctx context.Context, src config.Source, st watchers.FetchState) (watchers.PollResult, error)
}

// Analyzer finds the statements in an article and says its language.
type Analyzer interface {
	Analyze(a news.Article) (language string, statements []news.Statement)
}

// Matcher says which watchlists an article and its statements match.
type Matcher interface {
	Match(a news.Article, statements []news.Statement) []storage.AlertDraft
}

// Grouper assigns articles to stories: near-duplicates from many outlets
// share one, so a watchlist alerts once per story.
type Grouper interface {
	// Group files the article under a story, new or known, and returns it
	// with the article's fingerprint for storage.
	Group(a news.Article) (storyID int64, fingerprint []byte)
}

// Noticer receives operational notices meant for an administrator.
type Noticer interface {
	Notice(ctx context.Context, key, text string)
}

// Pipeline polls sources into the store.
type Pipeline struct {
	Store    Store
	Poller   Poller
	Analyzer Analyzer
	Matcher  Matcher
	Noticer  Noticer // optional
	Grouper  Grouper // optional: without it every article is its own story
	Log      *slog.Logger
	Now      func() time.Time
	Jitter   func() float64 // in [-1,1); spreads retries of failing sources
	// FirstPollWindow: the first poll of a source alerts only on items
	// published this recently, so subscribing to a feed does not flood.
	FirstPollWindow time.Duration
	// MaxAge: older items are stored but never alert.
	MaxAge time.Duration

	// storyMu serialises grouping with the ingest that records it, so two
	// sources carrying a new story at once do not start it twice.
	storyMu sync.Mutex
}

// Report says what one poll did.
type Report struct {
	Source      string
	Skipped     string // why the poll did not run, if it did not
	NotModified bool
	Items       int
	New         int
	Sightings   int
	Alerts      int
	Deliveries  int
	Warnings    []string
}

// ErrDisabled is returned for a poll of a disabled source.
var ErrDisabled = errors.New("source is disabled")

// Poll runs one poll of the named source. A source still backing off after
// failures is skipped unless force is set. Errors are recorded on the
// source (with the next attempt) before being returned.
func (p *Pipeline) Poll(ctx context.Context, name string, force bool) (Report, error) {
	rep := Report{Source: name}
	log := p.Log.With("source", name)
	src, err := p.Store.Source(ctx, name)
	if err != nil {
		return rep, fmt.Errorf("ingest: %w", err)
	}
	if !src.Enabled {
		return rep, fmt.Errorf("ingest: %s: %w", name, ErrDisabled)
	}
	now := p.Now()
	if !force && now.Before(src.NextAttempt) {
		rep.Skipped = "backing off until " + src.NextAttempt.Format(time.RFC3339)
		log.Debug("poll skipped", "reason", rep.Skipped)
		return rep, nil
	}
	var spec config.Source
	if err := json.Unmarshal([]byte(src.Spec), &spec); err != nil {
		return rep, fmt.Errorf("ingest: %s: stored definition is unreadable: %w", name, err)
	}
	res, err := p.Poller.Poll(ctx, spec, watchers.FetchState{ETag: src.ETag, LastModified: src.LastModified})
	if err != nil {
		if ctx.Err() != nil {
			return rep, fmt.Errorf("ingest: poll %s: %w", name, ctx.Err())
		}
		return rep, p.fail(ctx, log, src, err)
	}
	rep.Warnings = res.Warnings
	for _, w := range res.Warnings {
		log.Warn("poll warning", "warning", w)
	}
	outcome := storage.PollOutcome{ETag: res.State.ETag, LastModified: res.State.LastModified, At: now}
	if res.NotModified {
		rep.NotModified = true
		if err := p.Store.RecordPollSuccess(ctx, name, outcome); err != nil {
			return rep, fmt.Errorf("ingest: %w", err)
		}
		return rep, nil
	}
	rep.Items = len(res.Articles)
	keys := make([]storage.ArticleKey, len(res.Articles))
	for i, a := range res.Articles {
		keys[i] = storage.ArticleKey{URL: a.URL, GUID: a.GUID}
	}
	known, err := p.Store.KnownArticles(ctx, keys)
	if err != nil {
		return rep, fmt.Errorf("ingest: %w", err)
	}
	firstPoll := src.FirstSuccess.IsZero()
	batch := storage.IngestBatch{Source: name, Outcome: outcome}
	var fresh []bool // per item: not stored before, so it needs a story
	for i, a := range res.Articles {
		fresh = append(fresh, !known[keys[i]])
		if known[keys[i]] {
			// Still recorded: a sighting says which sources carried it.
			batch.Items = append(batch.Items, storage.IngestItem{Article: a})
			continue
		}
		if a.Fetched.IsZero() {
			a.Fetched = now
		}
		item := storage.IngestItem{Article: a}
		lang, stmts := p.Analyzer.Analyze(a)
		if item.Article.Language == "" {
			item.Article.Language = lang
		}
		item.Statements = stmts
		if p.alertable(a, now, firstPoll) {
			item.Alerts = p.Matcher.Match(item.Article, stmts)
		}
		batch.Items = append(batch.Items, item)
	}
	ir, err := p.ingest(ctx, batch, fresh)
	if err != nil {
		return rep, fmt.Errorf("ingest: %w", err)
	}
	rep.New, rep.Sightings, rep.Alerts, rep.Deliveries = len(ir.NewArticles), ir.Sightings, ir.Alerts, ir.Deliveries
	log.Info("polled", "items", rep.Items, "new", rep.New, "alerts", rep.Alerts)
	return rep, nil
}

// ingest groups the batch's new articles into stories and stores it.
// Grouping and storing run under one lock so that two sources carrying a
// new story at once agree on it.
func (p *Pipeline) ingest(ctx context.Context, batch storage.IngestBatch, fresh []bool) (storage.IngestResult, error) {
	if p.Grouper == nil {
		return p.Store.Ingest(ctx, batch)
	}
	p.storyMu.Lock()
	defer p.storyMu.Unlock()
	for i := range batch.Items {
		if fresh[i] {
			it := &batch.Items[i]
			it.StoryID, it.Fingerprint = p.Grouper.Group(it.Article)
		}
	}
	return p.Store.Ingest(ctx, batch)
}

// alertable applies the no-flood rules. An undated item counts as new when
// first seen, except on a source's first poll, where its age is unknown.
func (p *Pipeline) alertable(a news.Article, now time.Time, firstPoll bool) bool {
	if a.Published.IsZero() {
		return !firstPoll
	}
	age := now.Sub(a.Published)
	if age > p.MaxAge {
		return false
	}
	return !firstPoll || age <= p.FirstPollWindow
}

// fail records a failed poll, backs the source off and, once a source has
// been failing for a day, says so once.
func (p *Pipeline) fail(ctx context.Context, log *slog.Logger, src storage.Source, pollErr error) error {
	now := p.Now()
	var retryAfter time.Duration
	var ra interface{ RetryDelay() time.Duration }
	if errors.As(pollErr, &ra) {
		retryAfter = ra.RetryDelay()
	}
	jitter := 0.0
	if p.Jitter != nil {
		jitter = p.Jitter()
	} else {
		jitter = rand.Float64()*2 - 1
	}
	next := watchers.NextAttempt(now, src.Failures+1, retryAfter, jitter)
	updated, err := p.Store.RecordPollFailure(ctx, src.Name, pollErr.Error(), now, next)
	if err != nil {
		return errors.Join(fmt.Errorf("ingest: poll %s: %w", src.Name, pollErr), err)
	}
	log.Warn("poll failed", "err", pollErr, "failures", updated.Failures, "next_attempt", next.Format(time.RFC3339))
	if !updated.FailureReported && now.Sub(updated.FailingSince) >= watchers.FailingFor {
		msg := fmt.Sprintf("source %s has been failing since %s (%d attempts): %v", src.Name,
			updated.FailingSince.Format(time.RFC3339), updated.Failures, pollErr)
		log.Error("source failing for a day", "since", updated.FailingSince.Format(time.RFC3339), "failures", updated.Failures, "err", pollErr)
		if p.Noticer != nil {
			// One notice per failure episode: a source that recovers and
			// fails again is reported again.
			p.Noticer.Notice(ctx, fmt.Sprintf("source-failing:%s:%d", src.Name, updated.FailingSince.Unix()), msg)
		}
		if err := p.Store.MarkFailureReported(ctx, src.Name); err != nil {
			log.Error("could not record that the failure was reported", "err", err)
		}
	}
	return fmt.Errorf("ingest: poll %s: %w", src.Name, pollErr)
}
