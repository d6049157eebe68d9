package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"sovwatch/config"
	"sovwatch/storage"
	"sovwatch/watchers"
)

// ImportOPML adds the feeds of an OPML file as sources. Feeds whose name is
// taken or whose definition does not validate are skipped and reported;
// nothing already stored changes.
func ImportOPML(ctx context.Context, cfg *config.Config, path string, out io.Writer) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("sources import: %w", err)
	}
	found, warnings, err := watchers.ParseOPML(data)
	if err != nil {
		return fmt.Errorf("sources import: %s: %w", path, err)
	}
	for _, w := range warnings {
		fmt.Fprintf(out, "skipped: %s\n", w)
	}
	check := *cfg
	check.Sources = found
	check.Watchlists = nil
	config.ApplyDefaults(&check)
	invalid := map[int]error{}
	for _, p := range config.Problems(check.Validate()) {
		var i int
		if _, err := fmt.Sscanf(p.Path, "sources[%d]", &i); err == nil {
			invalid[i] = errors.Join(invalid[i], p)
		}
	}
	store, err := storage.Open(ctx, cfg.Storage.Path)
	if err != nil {
		return err
	}
	defer store.Close()
	existing, err := store.Sources(ctx)
	if err != nil {
		return err
	}
	urls := map[string]string{}
	for _, s := range existing {
		urls[s.URL] = s.Name
	}
	added := 0
	for i, s := range check.Sources {
		if err := invalid[i]; err != nil {
			fmt.Fprintf(out, "skipped %s: %v\n", s.Name, err)
			continue
		}
		if other, dup := urls[s.URL]; dup {
			fmt.Fprintf(out, "skipped %s: %s is already polled as %s\n", s.Name, s.URL, other)
			continue
		}
		spec, err := json.Marshal(s)
		if err != nil {
			return fmt.Errorf("sources import: %s: %w", s.Name, err)
		}
		_, err = store.AddSource(ctx, storage.SourceDef{Name: s.Name, Type: s.Type, URL: s.URL, Kind: s.Kind, Spec: string(spec), Enabled: true}, storage.OriginOPML)
		switch {
		case errors.Is(err, storage.ErrExists):
			fmt.Fprintf(out, "skipped %s: a source with that name exists\n", s.Name)
			continue
		case err != nil:
			return err
		}
		added++
		fmt.Fprintf(out, "added %s  %s\n", s.Name, s.URL)
	}
	fmt.Fprintf(out, "%d of %d feeds added; they are polled from the next start of sovwatch run\n", added, len(found))
	return nil
}
