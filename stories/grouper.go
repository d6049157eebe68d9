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
	// below 0.20 (a canal-traffic story that repeats one sentence of a
	// sovereignty story about the canal), except the next day's market
	// wrap written to the same template as the last (0.26). Precision and recall are both 1 from
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

	// TitleWindow is how far apart two articles matched on their titles
	// alone may be published. Same-story copies under one headline come
	// within hours (5 h on the test set); a headline that recurs over
	// different text, such as a daily live page, comes a day later. The
	// two cannot be told apart by their bodies: an outlet's own reporting
	// under the wire's headline shares 0.06 of the wire's shingles, the
	// live page's two days share nothing.
	TitleWindow = 12 * time.Hour

	// bandRows and numBands shape the LSH index: a pair with body
	// similarity s becomes a candidate with probability 1-(1-s^2)^32:
	// 0.996 at s=0.4, 0.95 at 0.3, 0.28 at 0.1, 0.01 at 0.02 (unrelated
	// news). Three rows would miss 12% of pairs at the threshold; 64 bands
	// would double the index's memory to gain 0.4%, and a story reported
	// by three outlets already gets three chances. The candidates are
	// checked exactly, so a wide net costs only comparisons. The bands use
	// the first 64 signature values; all 128 go into the estimate.
	bandRows = 2
	numBands = 32

	// NearCopy is the body similarity above which an article that joins a
	// story is not remembered: it would find nothing later copies cannot
	// find through the entry it copies, and a wire story carried word for
	// word by a thousand outlets would otherwise make every later copy
	// compare itself with all the earlier ones. Rewritten copies (0.85 and
	// below on the test set) are still remembered, so chains through
	// rewrites keep working.
	NearCopy = 0.9
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
	// of stored articles (a backtest) wants; a live bot should pass its
	// clock, because one article misdated into the future would otherwise
	// move the clock and evict the whole window.
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
// bands of their body signatures and by pairs of their title words, and
// evicts them as they age out. It is safe for concurrent use.
//
// Grouping is single-link: an article joins the story of the most similar
// remembered article that passes a threshold. Stories are never merged,
// because their IDs are already stored on articles and may have been
// posted: when an article resembles two stories it joins the closer one.
//
// The publication time passed with a fingerprint should be the article's
// Published, or its Fetched when the source gave no date: a zero time is
// outside every window, so the article would start a story of its own.
//
// To persist, store with each article its story ID, its fingerprint
// (MarshalBinary) and the time passed here. To rebuild at start, Add every
// stored row published within the window, recomputing with Of the
// fingerprints whose UnmarshalBinary returns ErrVersion.
type Grouper struct {
	window time.Duration
	now    func() time.Time
	body   float64 // BodyThreshold, varied only by the tuning test

	mu     sync.Mutex
	latest time.Time                   // newest publication time seen, the clock when now is nil
	bands  [numBands]map[uint64]*entry // per band, key -> newest entry, chained by entry.next
	titles map[uint64][]*entry         // pair of title words in the prefix -> entries
	byAge  ageHeap                     // entries, oldest first, for eviction
	mark   uint64                      // generation counter for de-duplicating candidates
	cands  []*entry                    // scratch, reused under mu
	stats  map[int64]int               // story -> entries, for Len/Stories
}

type entry struct {
	story int64
	fp    Fingerprint
	at    time.Time
	// next chains the entries that share a band key, one chain per
	// band. An intrusive list costs 8 bytes per band and entry, where a
	// slice per bucket cost about 80 (most buckets hold one entry).
	next  [numBands]*entry
	title []uint64 // the indexed pairs of fp.Title
	mark  uint64
}

// NewGrouper returns an empty grouper.
func NewGrouper(opts Options) *Grouper {
	if opts.Window <= 0 {
		opts.Window = DefaultWindow
	}
	g := &Grouper{
		window: opts.Window,
		now:    opts.Now,
		body:   BodyThreshold,
		titles: make(map[uint64][]*entry),
		stats:  make(map[int64]int),
	}
	for b := range g.bands {
		g.bands[b] = make(map[uint64]*entry)
	}
	return g
}

// Match finds the story an article with this fingerprint, published at the
// given time, belongs to, without remembering it: for dry runs (analyze,
// backtest), or for a caller that Adds only once its transaction has
// committed, accepting that copies within one uncommitted batch do not see
// each other.
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
	if g.nearCopy(storyID, g.match(fp, published)) {
		return
	}
	g.add(storyID, fp, published)
}

// Assign matches and remembers in one step: the article joins the story
// Match finds, or a new story whose ID newStory returns. newStory runs under
// the grouper's lock, so it should be quick (a counter seeded from the
// largest stored story ID, or the ID of the article just inserted). The
// returned Match carries the story ID either way. An article published
// before the window gets a story (a new one) but is not remembered.
//
// Assign suits an ingest that records a batch of articles in one
// transaction: copies within the batch find each other. If the transaction
// rolls back, the grouper remembers articles that were never stored, which
// costs nothing worse than a later copy joining a story ID no stored article
// has yet; a restart rebuilds from what was stored.
func (g *Grouper) Assign(fp *Fingerprint, published time.Time, newStory func() int64) Match {
	g.mu.Lock()
	defer g.mu.Unlock()
	m := g.match(fp, published)
	if m.New {
		m.StoryID = newStory()
	}
	if !g.nearCopy(m.StoryID, m) {
		g.add(m.StoryID, fp, published)
	}
	return m
}

// nearCopy says whether an article of story, matched as m, nearly copies an
// article the grouper remembers of the same story (see NearCopy).
func (g *Grouper) nearCopy(story int64, m Match) bool {
	return !m.New && m.StoryID == story && m.By == ByBody && m.Similarity >= NearCopy
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
	collect := func(e *entry) {
		if e.mark != g.mark {
			e.mark = g.mark
			cands = append(cands, e)
		}
	}
	if fp.Shingles > 0 {
		for b := range numBands {
			for e := g.bands[b][bandKey(fp, b)]; e != nil; e = e.next[b] {
				collect(e)
			}
		}
	}
	for _, w := range titlePairs(fp.Title) {
		for _, e := range g.titles[w] {
			collect(e)
		}
	}
	horizon := g.clock().Add(-g.window)
	for _, e := range cands {
		if e.fp.Lang != fp.Lang || e.at.Before(horizon) || absDuration(e.at.Sub(published)) > g.window {
			continue
		}
		sim, by := similarity(fp, &e.fp, g.body, absDuration(e.at.Sub(published)) <= TitleWindow)
		if by == "" {
			continue
		}
		// Ties go to the newer story (the larger ID, as IDs are
		// allocated in order): it is the one still being reported.
		if best.New || sim > best.Similarity || sim == best.Similarity && e.story > best.StoryID {
			best = Match{StoryID: e.story, Similarity: sim, By: by}
		}
	}
	clear(cands) // drop pointers so evicted entries can be collected
	g.cands = cands[:0]
	return best
}

// similarity applies the thresholds: it returns the deciding score and its
// basis, or an empty basis when the two are not one story. byTitle says
// whether the two are close enough in time for their titles alone to count.
func similarity(a, b *Fingerprint, bodyThreshold float64, byTitle bool) (float64, Basis) {
	body := BodySimilarity(a, b)
	var title float64
	if shared, j := TitleOverlap(a, b); byTitle && shared >= MinTitleShared && j >= TitleThreshold {
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
		for b := range numBands {
			k := bandKey(fp, b)
			e.next[b] = g.bands[b][k]
			g.bands[b][k] = e
		}
	}
	e.title = titlePairs(e.fp.Title)
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
			for b := range numBands {
				g.unlink(b, e)
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

// bandKey is band b of a signature: two values side by side, exact.
func bandKey(fp *Fingerprint, b int) uint64 {
	return uint64(fp.Sig[2*b])<<32 | uint64(fp.Sig[2*b+1])
}

// unlink takes e out of its chain in band b. Chains are short (the rewritten
// copies of one story: near copies are not remembered), and eviction takes
// the oldest entry, which sits at the end.
func (g *Grouper) unlink(b int, e *entry) {
	k := bandKey(&e.fp, b)
	head := g.bands[b][k]
	switch {
	case head == e && e.next[b] == nil:
		delete(g.bands[b], k)
	case head == e:
		g.bands[b][k] = e.next[b]
	default:
		for p := head; p != nil; p = p.next[b] {
			if p.next[b] == e {
				p.next[b] = e.next[b]
				break
			}
		}
	}
	e.next[b] = nil
}

// titlePairs returns the keys under which a title is indexed: every pair of
// words in its prefix. This is prefix filtering: under a fixed order of words
// (hash order, which Title is sorted in), if two titles share at least a
// words then the first k words they share lie within the first |x| - a + k
// words of each. A title match needs a >= MinTitleShared and, since Jaccard
// is at most the ratio of sizes, a >= TitleThreshold*|x|, so with k = 2 two
// titles that can match always share an indexed pair. Pairs rather than
// single words because single words such as "mexico" or "trump" would put
// thousands of titles in one bucket; pairs of them are much rarer. Titles
// too short to match are not indexed.
func titlePairs(title []uint32) []uint64 {
	n := len(title)
	if n < MinTitleShared {
		return nil
	}
	shared := max(MinTitleShared, int(math.Ceil(TitleThreshold*float64(n)-1e-9)))
	p := min(n-shared+2, n)
	keys := make([]uint64, 0, p*(p-1)/2)
	for i := range p {
		for j := i + 1; j < p; j++ {
			keys = append(keys, uint64(title[i])<<32|uint64(title[j]))
		}
	}
	return keys
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
