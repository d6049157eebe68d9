package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"sovwatch/bot"
	"sovwatch/config"
	"sovwatch/news"
	"sovwatch/query"
	"sovwatch/storage"
)

// BacktestRequest says what to run over the stored articles: either a
// query with its filters, or a stored watchlist by name.
type BacktestRequest struct {
	Query         string
	Watchlist     string
	Types         []string
	Actors        []string
	Targets       []string
	MinConfidence float64
	AnyArticle    bool
	Since         time.Duration
	Limit         int // matches printed at most; 0 for all
}

// Backtest prints what a query or watchlist would have matched among the
// articles stored in the last Since, newest first, with the statements and
// terms that satisfied it, so a watchlist can be tuned before it alerts.
func Backtest(ctx context.Context, cfg *config.Config, req BacktestRequest, now time.Time, out io.Writer) error {
	store, err := storage.Open(ctx, cfg.Storage.Path)
	if err != nil {
		return err
	}
	defer store.Close()
	w, label, err := backtestWatchlist(ctx, store, req)
	if err != nil {
		return err
	}
	c, err := query.Compile(w, QueryOptions())
	if err != nil {
		return fmt.Errorf("backtest: %s: %w", label, err)
	}
	since := now.Add(-req.Since)
	fmt.Fprintf(out, "backtest of %s over articles since %s\n\n", label, since.Format("2006-01-02 15:04 MST"))
	scanned, matched := 0, 0
	err = store.ArticlesSince(ctx, since, func(a storage.StoredArticle) error {
		scanned++
		doc := query.NewDocument(a.Article, a.Statements)
		e, ok := c.Explain(doc)
		if !ok {
			return nil
		}
		matched++
		if req.Limit > 0 && matched > req.Limit {
			return nil
		}
		printMatch(out, a, e)
		return nil
	})
	if err != nil {
		return err
	}
	if req.Limit > 0 && matched > req.Limit {
		fmt.Fprintf(out, "… %d more not shown (raise -limit)\n", matched-req.Limit)
	}
	fmt.Fprintf(out, "%d of %d stored articles matched\n", matched, scanned)
	return nil
}

func backtestWatchlist(ctx context.Context, store *storage.Store, req BacktestRequest) (query.Watchlist, string, error) {
	if (req.Query == "") == (req.Watchlist == "") {
		if req.Query == "" && len(req.Types)+len(req.Actors)+len(req.Targets) > 0 {
			// Filters alone are a valid watchlist: statements of a kind.
			return filtersWatchlist(req), "the given filters", nil
		}
		return query.Watchlist{}, "", errors.New("backtest: give either -query or -watchlist")
	}
	if req.Query != "" {
		return filtersWatchlist(req), fmt.Sprintf("query %q", req.Query), nil
	}
	all, err := store.Watchlists(ctx)
	if err != nil {
		return query.Watchlist{}, "", err
	}
	var found []storage.Watchlist
	for _, w := range all {
		if w.Name == req.Watchlist {
			found = append(found, w)
		}
	}
	switch len(found) {
	case 0:
		return query.Watchlist{}, "", fmt.Errorf("backtest: no watchlist named %q", req.Watchlist)
	case 1:
		return QueryWatchlist(found[0]), fmt.Sprintf("watchlist %q", req.Watchlist), nil
	}
	var owners []string
	for _, w := range found {
		owners = append(owners, w.Platform+"/"+w.Workspace)
	}
	return query.Watchlist{}, "", fmt.Errorf("backtest: %d watchlists are named %q (%s)", len(found), req.Watchlist, strings.Join(owners, ", "))
}

func filtersWatchlist(req BacktestRequest) query.Watchlist {
	w := query.Watchlist{Query: req.Query, Actors: req.Actors, Targets: req.Targets, MinConfidence: req.MinConfidence, AnyArticle: req.AnyArticle}
	for _, t := range req.Types {
		if st, ok := news.ParseStatementType(t); ok {
			w.Types = append(w.Types, st)
		} else {
			w.Types = append(w.Types, news.StatementType(t)) // Compile names the bad type
		}
	}
	return w
}

func printMatch(out io.Writer, a storage.StoredArticle, e query.Explanation) {
	fmt.Fprintf(out, "%s  %s  [%s]\n", a.Published.UTC().Format("2006-01-02 15:04"), bot.Clean(a.Title), a.Source)
	fmt.Fprintf(out, "    %s\n", a.URL)
	for _, i := range e.Statements {
		if i < 0 || i >= len(a.Statements) {
			continue
		}
		st := a.Statements[i]
		who := st.Speaker
		if who == "" {
			who = "unattributed"
		}
		fmt.Fprintf(out, "    %s  %s (%s → %s)  %q  %.2f\n", st.Type, who, orDash(st.Actor), orDash(strings.Join(st.Targets, ",")), bot.Clean(st.Quote), st.Confidence)
	}
	if len(e.Terms) > 0 {
		fmt.Fprintf(out, "    matched: %s\n", strings.Join(e.Terms, ", "))
	}
	fmt.Fprintln(out)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// ParseSince reads a look-back such as 7d, 36h or 90m.
func ParseSince(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	if days, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.Atoi(days)
		if err != nil || n <= 0 {
			return 0, fmt.Errorf("invalid -since %q: use a number of days such as 7d, or a duration such as 36h", s)
		}
		return time.Duration(n) * 24 * time.Hour, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("invalid -since %q: use a number of days such as 7d, or a duration such as 36h", s)
	}
	return d, nil
}

// checkQueries compiles every watchlist of the config so that a query
// error is reported at load time, at its line, not when the first article
// arrives.
func checkQueries(c *config.Config) error {
	var errs []error
	for i, w := range c.Watchlists {
		sw := storage.Watchlist{Query: w.Query, Types: w.Types, Actors: w.Actors, Targets: w.Targets, MinConfidence: w.MinConfidence, Statements: w.Statements}
		if _, err := query.Compile(QueryWatchlist(sw), QueryOptions()); err != nil {
			path, msg := fmt.Sprintf("watchlists[%d].query", i), err.Error()
			for _, field := range []string{"actors", "targets"} {
				if rest, ok := strings.CutPrefix(msg, field+": "); ok {
					path, msg = fmt.Sprintf("watchlists[%d].%s", i, field), rest
				}
			}
			errs = append(errs, &config.Problem{Path: path, Msg: msg})
		}
	}
	return errors.Join(errs...)
}
