package app

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"sovwatch/config"
	"sovwatch/storage"
	"sovwatch/watchers"
)

// ListSources prints every stored source with its fetch state; a source
// failing for a day or more is flagged FAILING.
func ListSources(ctx context.Context, cfg *config.Config, now time.Time, out io.Writer) error {
	store, err := storage.Open(ctx, cfg.Storage.Path)
	if err != nil {
		return err
	}
	defer store.Close()
	sources, err := store.Sources(ctx)
	if err != nil {
		return err
	}
	WriteSources(out, sources, now)
	return nil
}

// WriteSources formats sources as a table, for the command line and chat.
func WriteSources(out io.Writer, sources []storage.Source, now time.Time) {
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tTYPE\tKIND\tSTATE\tLAST SUCCESS\tFAILURES\tNEXT ATTEMPT\tLAST ERROR")
	for _, s := range sources {
		state := "ok"
		switch {
		case !s.Enabled:
			state = "disabled"
		case s.Failures > 0 && now.Sub(s.FailingSince) >= watchers.FailingFor:
			state = "FAILING since " + s.FailingSince.UTC().Format("2006-01-02 15:04")
		case s.Failures > 0:
			state = "retrying"
		case s.LastSuccess.IsZero():
			state = "not polled yet"
		}
		lastErr := ""
		if s.Failures > 0 {
			lastErr = truncateRunes(s.LastError, 80)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\n", s.Name, s.Type, s.Kind, state,
			when(s.LastSuccess), s.Failures, when(s.NextAttempt), lastErr)
	}
	tw.Flush()
}

// ListWatchlists prints every stored watchlist and the destinations that
// refuse messages.
func ListWatchlists(ctx context.Context, cfg *config.Config, out io.Writer) error {
	store, err := storage.Open(ctx, cfg.Storage.Path)
	if err != nil {
		return err
	}
	defer store.Close()
	ws, err := store.Watchlists(ctx)
	if err != nil {
		return err
	}
	refusals, err := store.Refusals(ctx)
	if err != nil {
		return err
	}
	WriteWatchlists(out, ws, refusals)
	return nil
}

// WriteWatchlists formats watchlists as a table, marking channels that
// refused a message for good, for the command line and chat.
func WriteWatchlists(out io.Writer, ws []storage.Watchlist, refusals []storage.Refusal) {
	refused := map[string]storage.Refusal{}
	for _, r := range refusals {
		refused[r.Channel] = r
	}
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tOWNER\tMODE\tSTATE\tCHANNELS\tQUERY")
	for _, w := range ws {
		owner := w.Platform
		if w.Workspace != "" {
			owner += "/" + w.Workspace
		}
		mode := w.Mode
		if w.Mode == config.ModeDigest {
			mode += " " + w.Schedule + " " + w.Timezone
		}
		state := "active"
		if w.Paused {
			state = "paused"
		}
		var chans []string
		for _, c := range w.Channels {
			if r, ok := refused[c]; ok {
				c += " (REFUSING: " + truncateRunes(r.Reason, 60) + ")"
			}
			chans = append(chans, c)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", w.Name, owner, mode, state, strings.Join(chans, ", "), truncateRunes(w.Query, 60))
	}
	tw.Flush()
}

func when(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.UTC().Format("2006-01-02 15:04")
}

func truncateRunes(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
