package app

import (
	"context"
	"sync/atomic"
	"time"

	"sovwatch/news"
	"sovwatch/storage"
	"sovwatch/stories"
)

// storyGrouper files articles under stories with the stories package,
// numbering new stories after the largest stored one.
type storyGrouper struct {
	g    *stories.Grouper
	next atomic.Int64
}

// newStoryGrouper rebuilds the grouping index from the articles stored
// within the grouping window.
func newStoryGrouper(ctx context.Context, store *storage.Store, now func() time.Time) (*storyGrouper, error) {
	sg := &storyGrouper{g: stories.NewGrouper(stories.Options{Now: now})}
	maxID, err := store.MaxStoryID(ctx)
	if err != nil {
		return nil, err
	}
	sg.next.Store(maxID)
	rows, err := store.StoryFingerprints(ctx, now().Add(-stories.DefaultWindow))
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		var fp stories.Fingerprint
		if err := fp.UnmarshalBinary(r.Fingerprint); err != nil {
			// An older fingerprint format: the article's next copy starts
			// its own story, which is the safe side.
			continue
		}
		sg.g.Add(r.StoryID, &fp, r.Published)
	}
	return sg, nil
}

// Group fingerprints the article and files it under its story.
func (sg *storyGrouper) Group(a news.Article) (int64, []byte) {
	fp := stories.Of(a)
	published := a.Published
	if published.IsZero() {
		published = a.Fetched
	}
	m := sg.g.Assign(&fp, published, func() int64 { return sg.next.Add(1) })
	b, err := fp.MarshalBinary()
	if err != nil {
		b = nil // stored without: the article is simply not rebuilt at start
	}
	return m.StoryID, b
}
