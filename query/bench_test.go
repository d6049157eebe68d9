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
	docs     []*Document
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
		d.docs = append(d.docs, NewDocument(a, st))
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

// BenchmarkMatch measures whole articles, tokenising included, against 10,000
// and 100,000 watchlists, with the index and with every watchlist evaluated
// on its own. Run with -cpu 1 for single-core figures; -benchtime sets the
// number of articles.
func BenchmarkMatch(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		for _, mode := range []string{"index", "independent"} {
			b.Run(fmt.Sprintf("watchlists=%d/%s", n, mode), func(b *testing.B) {
				benchMatch(b, loadBench(b, n), mode, false)
			})
		}
	}
}

// BenchmarkMatchPrepared is BenchmarkMatch on documents tokenised in
// advance: the matching stage alone, which is where index and independent
// evaluation differ.
func BenchmarkMatchPrepared(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		for _, mode := range []string{"index", "independent"} {
			b.Run(fmt.Sprintf("watchlists=%d/%s", n, mode), func(b *testing.B) {
				benchMatch(b, loadBench(b, n), mode, true)
			})
		}
	}
}

func benchMatch(b *testing.B, d *benchData, mode string, prepared bool) {
	lat := make([]time.Duration, 0, b.N)
	matches := 0
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		k := i % len(d.articles)
		doc := d.docs[k]
		if !prepared {
			doc = NewDocument(d.articles[k].a, d.articles[k].st)
		}
		if mode == "index" {
			matches += len(d.x.Match(doc))
		} else {
			for _, c := range d.compiled {
				if c.Match(doc) {
					matches++
				}
			}
		}
		lat = append(lat, time.Since(t0))
	}
	b.StopTimer()
	slices.Sort(lat)
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-µs")
	b.ReportMetric(float64(matches)/float64(b.N), "matches/article")
	b.ReportMetric(d.indexMB, "index-MB")
	if mode == "index" {
		cands := 0
		for _, doc := range d.docs[:100] {
			s := d.x.candidates(doc)
			cands += len(s.cands)
			d.x.done(s)
		}
		b.ReportMetric(float64(cands)/100, "candidates/article")
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
}
