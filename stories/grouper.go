package stories

import (
	"container/heap"
	"math"
	"sync"
	"time"
)

// The grouping thresholds. They were tuned on the hand-written set in
// testdata (see TestPairwise, which prints precision and recall) and are
// explained there and here.
const (
	// BodyThreshold is the estimated Jaccard similarity of body shingles
	// from which two articles are one story. On the test set, copies of
	// one wire story (local paragraph added, sentences reordered, a
	// sentence or two paraphrased, the end trimmed) score 0.34-0.85 with
	// each other, and every story has a chain of pairs at 0.42 or more;
	// different stories about the same country, day and people stay at or
	// below 0.14, except the next day's market wrap written to the same
	// template as the last (0.26). Precision and recall are both 1 from
	// 0.3 to 0.4; 0.5 loses the one paraphrased pair that has no third
	// copy to chain through, 0.2 merges the market wraps. 0.4 keeps the
	// widest distance from templated copy while finding paraphrase.
	BodyThreshold = 0.4

	// TitleThreshold and MinTitleShared decide when a title alone groups
	// two articles: at least MinTitleShared content words in common and a
	// Jaccard similarity of TitleThreshold. It catches the copies whose
	// bodies cannot be compared (feed snippets) or were rewritten. On the
	// test set, titles that decided a match score 0.75-1.0, while the two
	// market wraps share four content words at 0.40, and short headlines
	// about one country ("Mexico rejects US strikes") share three across
	// different stories.
	TitleThreshold = 0.6
	MinTitleShared = 4

	// bandRows and numBands shape the LSH index: a pair with body
	// similarity s becomes a candidate with probability 1-(1-s^2)^64:
	// 0.9999 at s=0.4, 0.998 at 0.3, 0.47 at 0.1, 0.025 at 0.02 (unrelated
	// news). Three rows would miss 6% of pairs at the threshold. The
	// candidates are then checked exactly, so a wide net costs only
	// comparisons, a few hundred 128-value ones per article at 10,000
	// articles in the window.
	bandRows = 2
	numBands = NumHashes / bandRows
)

// DefaultWindow is how far apart two articles of one story may be published,
// and how long the grouper remembers an article.
const DefaultWindow = 48 * time.Hour

// Options configure a Grouper.
type Options struct {
	// Window is how far apart in publication time two articles may be to
	// be one story, and how long entries are kept. Zero means
	// DefaultWindow.
	Window time.Duration
	// Now is the clock that decides eviction. When nil the grouper's clock
	// is the latest publication time it has seen, which is what a replay
	// of stored articles (a backtest) wants.
	Now func() time.Time
}

// Basis says why an article joined a story.
type Basis string

const (
	// ByBody means the bodies were near-duplicates.
	ByBody Basis = "body"
	// ByTitle means the titles were.
	ByTitle Basis = "title"
)

// Match is the grouper's answer for one article.
type Match struct {
	// StoryID is the story the article belongs to. When New is true and
	// the answer comes from Match, it is zero: the caller assigns one.
	StoryID int64
	// New is true when no remembered article is similar enough.
	New bool
	// Similarity is the score that decided the match: the estimated body
	// Jaccard or the title Jaccard, whichever was higher. Zero when New.
	Similarity float64
	// By says which of the two it was.
	By Basis
}

// Grouper assigns articles to stories, one at a time. It keeps the
// fingerprints of the articles published within the window, indexed by LSH
// bands of their body signatures and by a prefix of their title words. It is
// safe for concurrent use.
//
// Grouping is single-link: an article joins the story of the most similar
// remembered article that passes a threshold. Stories are never merged,
// because their IDs are already stored on articles and may have been
// posted: when an article resembles two stories it joins the closer one.
type Grouper struct {
	window time.Duration
	now    func() time.Time
	body   float64 // BodyThreshold, varied only by the tuning test

	mu     sync.Mutex
	latest time.Time           // newest publication time seen, the clock when now is nil
	bands  map[uint64][]*entry // LSH band key -> entries
	titles map[uint32][]*entry // title word in the prefix -> entries
	byAge  ageHeap             // entries, oldest first, for eviction
	mark   uint64              // generation counter for de-duplicating candidates
	cands  []*entry            // scratch, reused under mu
	stats  map[int64]int       // story -> entries, for Len/Stories
}

type entry struct {
	story int64
	fp    Fingerprint
	at    time.Time
	keys  [numBands]uint64 // valid when fp.Shingles > 0
	title []uint32         // the indexed prefix of fp.Title
	mark  uint64
}

// NewGrouper returns an empty grouper.
func NewGrouper(opts Options) *Grouper {
	if opts.Window <= 0 {
		opts.Window = DefaultWindow
	}
	return &Grouper{
		window: opts.Window,
		now:    opts.Now,
		body:   BodyThreshold,
		bands:  make(map[uint64][]*entry),
		titles: make(map[uint32][]*entry),
		stats:  make(map[int64]int),
	}
}

// Match finds the story an article with this fingerprint, published at the
// given time, belongs to, without remembering it. Callers that persist in a
// transaction use Match, then Add once the transaction has committed; a
// single ingest goroutine doing so cannot race with itself.
func (g *Grouper) Match(fp *Fingerprint, published time.Time) Match {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.match(fp, published)
}

// Add remembers an article as part of a story. It is also how a grouper is
// rebuilt at start: Add every stored (story ID, fingerprint, published) row
// of the last window, in any order. Entries older than the window are
// evicted first, and an article already outside it is not remembered.
func (g *Grouper) Add(storyID int64, fp *Fingerprint, published time.Time) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.add(storyID, fp, published)
}

// Assign matches and remembers in one step: the article joins the story
// Match finds, or a new story whose ID newStory returns. newStory runs under
// the grouper's lock, so it should be quick (a counter seeded from the
// largest stored story ID, or the ID of the article just inserted). The
// returned Match carries the story ID either way.
func (g *Grouper) Assign(fp *Fingerprint, published time.Time, newStory func() int64) Match {
	g.mu.Lock()
	defer g.mu.Unlock()
	m := g.match(fp, published)
	if m.New {
		m.StoryID = newStory()
	}
	g.add(m.StoryID, fp, published)
	return m
}

// Evict drops the entries that have left the window and returns how many.
// Add and Assign evict as they go; Evict is for a caller that wants memory
// back during a quiet spell.
func (g *Grouper) Evict() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.evict()
}

// Len returns the number of remembered articles and of distinct stories
// among them.
func (g *Grouper) Len() (articles, stories int) {
	g.mu.Lock()
	defer g.mu.Unlock()
	return len(g.byAge), len(g.stats)
}

func (g *Grouper) clock() time.Time {
	if g.now != nil {
		return g.now()
	}
	return g.latest
}

func (g *Grouper) match(fp *Fingerprint, published time.Time) Match {
	best := Match{New: true}
	g.mark++
	cands := g.cands[:0]
	collect := func(list []*entry) {
		for _, e := range list {
			if e.mark != g.mark {
				e.mark = g.mark
				cands = append(cands, e)
			}
		}
	}
	if fp.Shingles > 0 {
		keys := bandKeys(fp)
		for _, k := range keys {
			collect(g.bands[k])
		}
	}
	for _, w := range titlePrefix(fp.Title) {
		collect(g.titles[w])
	}
	horizon := g.clock().Add(-g.window)
	for _, e := range cands {
		if e.fp.Lang != fp.Lang || e.at.Before(horizon) || absDuration(e.at.Sub(published)) > g.window {
			continue
		}
		sim, by := similarity(fp, &e.fp, g.body)
		if by == "" {
			continue
		}
		// Ties go to the newer story: it is the one still being reported.
		if best.New || sim > best.Similarity || sim == best.Similarity && e.story > best.StoryID {
			best = Match{StoryID: e.story, Similarity: sim, By: by}
		}
	}
	clear(cands) // drop pointers so evicted entries can be collected
	g.cands = cands[:0]
	return best
}

// similarity applies the thresholds: it returns the deciding score and its
// basis, or an empty basis when the two are not one story.
func similarity(a, b *Fingerprint, bodyThreshold float64) (float64, Basis) {
	body := BodySimilarity(a, b)
	var title float64
	if shared, j := TitleOverlap(a, b); shared >= MinTitleShared && j >= TitleThreshold {
		title = j
	}
	switch {
	case body >= bodyThreshold && body >= title:
		return body, ByBody
	case title > 0:
		return title, ByTitle
	}
	return 0, ""
}

func (g *Grouper) add(storyID int64, fp *Fingerprint, published time.Time) {
	if published.After(g.latest) {
		g.latest = published
	}
	g.evict()
	if published.Before(g.clock().Add(-g.window)) {
		return
	}
	e := &entry{story: storyID, fp: *fp, at: published}
	e.fp.Title = append([]uint32(nil), fp.Title...)
	if fp.Shingles > 0 {
		e.keys = bandKeys(fp)
		for _, k := range e.keys {
			g.bands[k] = append(g.bands[k], e)
		}
	}
	e.title = titlePrefix(e.fp.Title)
	for _, w := range e.title {
		g.titles[w] = append(g.titles[w], e)
	}
	heap.Push(&g.byAge, e)
	g.stats[storyID]++
}

func (g *Grouper) evict() int {
	horizon := g.clock().Add(-g.window)
	n := 0
	for len(g.byAge) > 0 && g.byAge[0].at.Before(horizon) {
		e := heap.Pop(&g.byAge).(*entry)
		if e.fp.Shingles > 0 {
			for _, k := range e.keys {
				g.bands[k] = remove(g.bands[k], e)
				if len(g.bands[k]) == 0 {
					delete(g.bands, k)
				}
			}
		}
		for _, w := range e.title {
			g.titles[w] = remove(g.titles[w], e)
			if len(g.titles[w]) == 0 {
				delete(g.titles, w)
			}
		}
		if g.stats[e.story]--; g.stats[e.story] == 0 {
			delete(g.stats, e.story)
		}
		n++
	}
	return n
}

// remove deletes e from list without keeping order; buckets are short.
func remove(list []*entry, e *entry) []*entry {
	for i, x := range list {
		if x == e {
			last := len(list) - 1
			list[i] = list[last]
			list[last] = nil
			return list[:last]
		}
	}
	return list
}

// bandKeys hashes each band of bandRows signature values, with the band's
// index, into one bucket key. Keys of different bands share one map; a
// collision across bands only adds a candidate that the exact check drops.
func bandKeys(fp *Fingerprint) (keys [numBands]uint64) {
	for b := range numBands {
		h := uint64(b) * 0x9e3779b97f4a7c15
		for _, v := range fp.Sig[b*bandRows : (b+1)*bandRows] {
			h = mix64(h ^ uint64(v))
		}
		keys[b] = h
	}
	return keys
}

// titlePrefix returns the words of a title to index so that every title with
// a Jaccard similarity of at least TitleThreshold is found (prefix
// filtering): under a fixed order of words (here, hash order, which Title is
// sorted in), two sets with that similarity must share a word among the
// first |x| - ceil(t*|x|) + 1 of each. Titles too short to match index
// nothing.
func titlePrefix(title []uint32) []uint32 {
	n := len(title)
	if n < MinTitleShared {
		return nil
	}
	p := n - int(math.Ceil(TitleThreshold*float64(n)-1e-9)) + 1
	return title[:min(p, n)]
}

func absDuration(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// ageHeap orders entries by publication time, oldest first.
type ageHeap []*entry

func (h ageHeap) Len() int           { return len(h) }
func (h ageHeap) Less(i, j int) bool { return h[i].at.Before(h[j].at) }
func (h ageHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *ageHeap) Push(x any)        { *h = append(*h, x.(*entry)) }
func (h *ageHeap) Pop() any {
	old := *h
	e := old[len(old)-1]
	old[len(old)-1] = nil
	*h = old[:len(old)-1]
	return e
}
