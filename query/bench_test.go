package query

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"
	"time"

	"sovwatch/news"
)

type benchArticle struct {
	a  news.Article
	st []news.Statement
}

type benchData struct {
	compiled []*Compiled
	x        *Index
	indexMB  float64
	articles []benchArticle
}

var benchCache = map[int]*benchData{}

// loadBench builds n generated watchlists into an index, once per size, and
// a stream of generated articles. The same data serves the index and the
// independent evaluation.
func loadBench(tb testing.TB, n int) *benchData {
	if d, ok := benchCache[n]; ok {
		return d
	}
	g := gen{rand.New(rand.NewPCG(uint64(n), 42))}
	d := &benchData{}
	for range 1000 {
		a, st := g.article()
		d.articles = append(d.articles, benchArticle{a, st})
	}
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	opt := Options{Countries: genResolver}
	d.x = NewIndex(opt)
	for i := range n {
		c, err := Compile(g.watchlist(int64(i)), opt)
		if err != nil {
			tb.Fatal(err)
		}
		d.x.AddCompiled(c)
		d.compiled = append(d.compiled, c)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	d.indexMB = float64(after.HeapAlloc-before.HeapAlloc) / (1 << 20)
	benchCache[n] = d
	return d
}

// BenchmarkMatch measures whole articles against 10,000 and 100,000
// watchlists, with the index and with every watchlist evaluated on its own.
// Each article is tokenised right before it is matched, as in the pipeline,
// and the two stages are timed apart: the per-article figures (articles/s,
// p50, p99) include tokenising, the match- figures are the matching stage
// alone, which is where the index and the independent evaluation differ.
// Run with -cpu 1 for single-core figures; -benchtime sets the number of
// articles.
//
// The speedup sub-benchmark matches every article both ways, one right
// after the other, and reports the ratio of the matching times: on a shared
// machine the speed of memory drifts between runs seconds apart, and the
// independent evaluation, which walks every watchlist, drifts the most.
func BenchmarkMatch(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		for _, mode := range []string{"index", "independent"} {
			b.Run(fmt.Sprintf("watchlists=%d/%s", n, mode), func(b *testing.B) {
				benchMatch(b, loadBench(b, n), mode)
			})
		}
		b.Run(fmt.Sprintf("watchlists=%d/speedup", n), func(b *testing.B) {
			benchSpeedup(b, loadBench(b, n))
		})
	}
}

func benchSpeedup(b *testing.B, d *benchData) {
	var index, warm, independent time.Duration
	ilat := make([]time.Duration, 0, b.N)
	nlat := make([]time.Duration, 0, b.N)
	for i := 0; i < b.N; i++ {
		a := &d.articles[i%len(d.articles)]
		doc := NewDocument(a.a, a.st)
		t0 := time.Now()
		got := len(d.x.Match(doc))
		t1 := time.Now()
		// The same match again, the index now in cache: what memory
		// latency costs is the difference.
		d.x.Match(doc)
		warm += time.Since(t1)
		t1 = time.Now()
		want := 0
		for _, c := range d.compiled {
			if c.Match(doc) {
				want++
			}
		}
		t2 := time.Now()
		if got != want {
			b.Fatalf("article %d: index found %d matches, independent evaluation %d", i, got, want)
		}
		index, independent = index+t1.Sub(t0), independent+t2.Sub(t1)
		ilat, nlat = append(ilat, t1.Sub(t0)), append(nlat, t2.Sub(t1))
	}
	slices.Sort(ilat)
	slices.Sort(nlat)
	b.ReportMetric(float64(independent)/float64(index), "speedup")
	b.ReportMetric(float64(nlat[len(nlat)/2])/float64(ilat[len(ilat)/2]), "p50-speedup")
	b.ReportMetric(float64(index.Nanoseconds())/1e3/float64(b.N), "index-match-µs")
	b.ReportMetric(float64(warm.Nanoseconds())/1e3/float64(b.N), "index-warm-µs")
	b.ReportMetric(float64(independent.Nanoseconds())/1e3/float64(b.N), "independent-match-µs")
}

func benchMatch(b *testing.B, d *benchData, mode string) {
	lat := make([]time.Duration, 0, b.N)
	mlat := make([]time.Duration, 0, b.N)
	var matching time.Duration
	matches := 0
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		a := &d.articles[i%len(d.articles)]
		doc := NewDocument(a.a, a.st)
		t1 := time.Now()
		if mode == "index" {
			matches += len(d.x.Match(doc))
		} else {
			for _, c := range d.compiled {
				if c.Match(doc) {
					matches++
				}
			}
		}
		t2 := time.Now()
		lat, mlat = append(lat, t2.Sub(t0)), append(mlat, t2.Sub(t1))
		matching += t2.Sub(t1)
	}
	b.StopTimer()
	slices.Sort(lat)
	slices.Sort(mlat)
	us := func(t time.Duration) float64 { return float64(t.Nanoseconds()) / 1e3 }
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(us(lat[len(lat)/2]), "p50-µs")
	b.ReportMetric(us(lat[len(lat)*99/100]), "p99-µs")
	b.ReportMetric(us(matching)/float64(b.N), "match-µs")
	b.ReportMetric(us(mlat[len(mlat)/2]), "match-p50-µs")
	b.ReportMetric(us(mlat[len(mlat)*99/100]), "match-p99-µs")
	b.ReportMetric(float64(matches)/float64(b.N), "matches/article")
	b.ReportMetric(d.indexMB, "index-MB")
	if mode == "index" {
		cands := 0
		for _, a := range d.articles[:100] {
			s := d.x.candidates(NewDocument(a.a, a.st))
			cands += len(s.cands)
			d.x.done(s)
		}
		b.ReportMetric(float64(cands)/100, "candidates/article")
	}
}

// BenchmarkMemoryLatency is the machine's, not the index's: loads that each
// depend on the one before, over regions of growing size, the way a cold
// index is read. It explains what the match figures cost once the index is
// out of cache.
func BenchmarkMemoryLatency(b *testing.B) {
	for _, size := range []int{256 << 10, 2 << 20, 8 << 20, 64 << 20} {
		b.Run(fmt.Sprintf("region=%dKB", size>>10), func(b *testing.B) {
			// One int per 64-byte line, linked in a random cycle so that
			// the hardware cannot guess the next address.
			lines := size / 64
			next := make([]int32, lines*16)
			perm := rand.New(rand.NewPCG(1, 1)).Perm(lines)
			for i, l := range perm {
				next[l*16] = int32(perm[(i+1)%lines] * 16)
			}
			j := int32(0)
			for range lines {
				j = next[j]
			}
			b.ResetTimer()
			for range b.N {
				j = next[j]
			}
			if j < 0 {
				b.Fatal("unreachable")
			}
		})
	}
}

// BenchmarkNewDocument is the fixed cost every article pays once.
func BenchmarkNewDocument(b *testing.B) {
	g := gen{rand.New(rand.NewPCG(1, 2))}
	var arts []benchArticle
	for range 200 {
		a, st := g.article()
		arts = append(arts, benchArticle{a, st})
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		a := arts[i%len(arts)]
		NewDocument(a.a, a.st)
	}
}

// BenchmarkAdd is the cost of one incremental update on a 10,000 index.
func BenchmarkAdd(b *testing.B) {
	d := loadBench(b, 10_000)
	g := gen{rand.New(rand.NewPCG(7, 7))}
	ws := make([]Watchlist, 1000)
	for i := range ws {
		ws[i] = g.watchlist(int64(i))
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if err := d.x.Update(ws[i%len(ws)]); err != nil {
			b.Fatal(err)
		}
	}
}

// TestGeneratedAgreement runs the agreement check on the benchmark's
// realistic data: the index against evaluating every watchlist, and the
// reference evaluator on a sample.
func TestGeneratedAgreement(t *testing.T) {
	g := gen{rand.New(rand.NewPCG(3, 3))}
	opt := Options{Countries: genResolver}
	x := NewIndex(opt)
	var ws []Watchlist
	var cs []*Compiled
	for i := range 2000 {
		w := g.watchlist(int64(i))
		c, err := Compile(w, opt)
		if err != nil {
			t.Fatalf("%q: %v", w.Query, err)
		}
		x.AddCompiled(c)
		ws, cs = append(ws, w), append(cs, c)
	}
	total := 0
	for range 100 {
		a, st := g.article()
		doc := NewDocument(a, st)
		rd := newRefDoc(a, st)
		got := x.Match(doc)
		var want []int64
		for i, c := range cs {
			m := c.Match(doc)
			if m {
				want = append(want, c.w.ID)
			}
			if i%25 == 0 {
				root, _ := parse(ws[i].Query, opt)
				rw := refWatch{w: ws[i], root: root}
				rw.w.Actors, rw.w.Targets = c.w.Actors, c.w.Targets
				if rw.match(rd) != m {
					t.Fatalf("watchlist %q: evaluation %v, reference %v", ws[i].Query, m, !m)
				}
			}
		}
		if !slices.Equal(got, want) {
			t.Fatalf("index %v\n  all %v", got, want)
		}
		total += len(got)
	}
	if total == 0 {
		t.Fatal("no matches at all: the generator and the templates do not meet")
	}
	t.Logf("%d matches", total)

	// Removing every watchlist releases every dictionary entry, those of
	// program leaves included.
	for _, w := range ws {
		x.Remove(w.ID)
	}
	if x.dict.n != 0 {
		t.Fatalf("%d keys left behind in the dictionary", x.dict.n)
	}
}
