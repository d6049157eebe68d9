package stories

import (
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
	"time"
)

// synthetic builds n English-like articles of about 3 KB: words drawn with a
// Zipf distribution from a made-up vocabulary mixed with real stop words, and
// one article in four a rewrite of an earlier one (a sentence replaced, one
// added), so that the grouper meets both new stories and copies.
func synthetic(n int) (titles, bodies []string) {
	r := rand.New(rand.NewPCG(1, 2))
	syll := []string{"ka", "lo", "mi", "ra", "te", "su", "ne", "po", "va", "di", "gu", "ze", "xo", "bri", "tan", "mor"}
	vocab := make([]string, 20000)
	for i := range vocab {
		var b strings.Builder
		for range 2 + r.IntN(3) {
			b.WriteString(syll[r.IntN(len(syll))])
		}
		vocab[i] = b.String()
	}
	stops := strings.Fields("the of and to in a that for on with as said by at from his it was is")
	// The offset of 100 flattens the head: after stop words, the most
	// common content word of news is a fraction of a percent of the text.
	zipf := rand.NewZipf(r, 1.05, 100, uint64(len(vocab)-1))
	sentence := func(min, spread int) string {
		var b strings.Builder
		for i := range min + r.IntN(spread) {
			if i > 0 {
				b.WriteByte(' ')
			}
			if r.IntN(3) == 0 {
				b.WriteString(stops[r.IntN(len(stops))])
			} else {
				b.WriteString(vocab[zipf.Uint64()])
			}
		}
		b.WriteString(". ")
		return b.String()
	}
	sentences := make([][]string, n)
	for i := range n {
		if i > 0 && r.IntN(4) == 0 {
			src := sentences[r.IntN(i)]
			s := append([]string(nil), src...)
			s[r.IntN(len(s))] = sentence(12, 14)
			sentences[i] = append(s, sentence(12, 14))
		} else {
			for size := 0; size < 3000; {
				s := sentence(12, 14)
				sentences[i] = append(sentences[i], s)
				size += len(s)
			}
		}
		titles = append(titles, sentence(6, 8))
		bodies = append(bodies, strings.Join(sentences[i], ""))
	}
	return titles, bodies
}

// BenchmarkCompute is the cost of fingerprinting one ~3 KB article.
func BenchmarkCompute(b *testing.B) {
	titles, bodies := synthetic(100)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		Compute("en", titles[i%100], bodies[i%100])
	}
}

// BenchmarkGroup fingerprints and assigns 10,000 articles of about 3 KB,
// published over 48 hours, into a grouper that already holds the previous
// 48 hours of news (another 10,000), so eviction runs as it goes. It reports
// the cost per article.
func BenchmarkGroup(b *testing.B) {
	const n = 10000
	titles, bodies := synthetic(2 * n)
	start := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	at := func(i int) time.Time { return start.Add(time.Duration(i) * DefaultWindow / n) }
	var warm []Fingerprint
	for i := range n {
		warm = append(warm, Compute("en", titles[i], bodies[i]))
	}
	var mallocs, bytes uint64
	var m0, m1 runtime.MemStats
	for b.Loop() {
		b.StopTimer()
		g := NewGrouper(Options{})
		var next int64
		newStory := func() int64 { next++; return next }
		for i := range warm {
			g.Assign(&warm[i], at(i), newStory)
		}
		runtime.ReadMemStats(&m0)
		b.StartTimer()
		for i := n; i < 2*n; i++ {
			fp := Compute("en", titles[i], bodies[i])
			g.Assign(&fp, at(i), newStory)
		}
		b.StopTimer()
		runtime.ReadMemStats(&m1)
		mallocs += m1.Mallocs - m0.Mallocs
		bytes += m1.TotalAlloc - m0.TotalAlloc
		b.StartTimer()
	}
	per := float64(b.N * n)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/per, "ns/article")
	b.ReportMetric(float64(mallocs)/per, "allocs/article")
	b.ReportMetric(float64(bytes)/per, "B/article")
	b.ReportMetric(0, "ns/op")
}

// BenchmarkAssign is the grouper's share alone: matching and remembering one
// fingerprint against a window of 10,000.
func BenchmarkAssign(b *testing.B) {
	const n = 10000
	titles, bodies := synthetic(2 * n)
	start := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	fps := make([]Fingerprint, 2*n)
	for i := range fps {
		fps[i] = Compute("en", titles[i], bodies[i])
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	g := NewGrouper(Options{})
	var next int64
	newStory := func() int64 { next++; return next }
	step := DefaultWindow / n
	for i := range n {
		g.Assign(&fps[i], start.Add(time.Duration(i)*step), newStory)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	// What the grouper keeps per remembered article: fingerprint, bucket
	// slots and the maps' share.
	b.Logf("grouper heap: %.0f B per remembered article", float64(after.HeapAlloc-before.HeapAlloc)/n)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		g.Assign(&fps[n+i%n], start.Add(time.Duration(n+i)*step), newStory)
	}
}
