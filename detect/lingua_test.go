//go:build linguabench

package detect

// Measures lingua-go, restricted to English and Spanish, against the
// function-word identifier in lang.go. Not part of the normal build:
//
//	go test -tags linguabench -run TestLinguaMemory -bench Lingua -benchmem ./detect/

import (
	"os"
	"runtime"
	"testing"

	"github.com/pemistahl/lingua-go"
)

func heap() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

func TestLinguaMemory(t *testing.T) {
	for _, low := range lowOrder {
		before := heap()
		b := lingua.NewLanguageDetectorBuilder().FromLanguages(lingua.English, lingua.Spanish).WithPreloadedLanguageModels()
		if low {
			b = b.WithLowAccuracyMode()
		}
		ld := b.Build()
		ld.DetectLanguageOf("warm up the models")
		after := heap()
		t.Logf("lingua EN+ES low-accuracy=%v: %.1f MB of heap", low, float64(after-before)/1e6)
		runtime.KeepAlive(ld)
	}
	before := heap()
	d := newDetector(t)
	after := heap()
	t.Logf("detect.New (gazetteer, lexicon, function-word language ID): %.1f MB of heap", float64(after-before)/1e6)
	runtime.KeepAlive(d)
}

func BenchmarkLingua(b *testing.B) {
	bld := lingua.NewLanguageDetectorBuilder().FromLanguages(lingua.English, lingua.Spanish).WithPreloadedLanguageModels()
	if lowOrder[0] {
		bld = bld.WithLowAccuracyMode()
	}
	ld := bld.Build()
	texts := articles(b)
	b.SetBytes(int64(len(texts[0])))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ld.DetectLanguageOf(texts[i%len(texts)])
	}
}

func BenchmarkFunctionWords(b *testing.B) {
	texts := articles(b)
	dcs := make([]*doc, len(texts))
	for i, x := range texts {
		dcs[i] = &doc{}
		dcs[i].reset(x)
		dcs[i].fold()
		dcs[i].tokenize(func([]byte) bool { return false })
	}
	b.SetBytes(int64(len(texts[0])))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		identify(dcs[i%len(dcs)])
	}
}

// lingua caches models process-wide, so each mode is measured in its own
// run: LINGUA_LOW=1 measures low-accuracy mode.
var lowOrder = func() []bool {
	if os.Getenv("LINGUA_LOW") != "" {
		return []bool{true}
	}
	return []bool{false}
}()
