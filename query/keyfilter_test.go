package query

import (
	"fmt"
	"testing"

	"sovwatch/news"
)

// TestKeyFilterGrows adds watchlists with words of their own, many more than
// the smallest filter holds: every word must still be found after the
// filters are resized, and they must keep at least 64 bits per key.
func TestKeyFilterGrows(t *testing.T) {
	x := NewIndex(testOpt)
	const n = 3000
	for i := range n {
		w := Watchlist{ID: int64(i), Query: fmt.Sprintf("title:zq%dx OR zw%dy OR zp%dq*", i, i, i), AnyArticle: true}
		if err := x.Add(w); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []*keyFilter{&x.wordBits, &x.titleBits, &x.headBits} {
		if bits := len(f.bits) * 64; bits < 64*f.keys {
			t.Fatalf("filter of %d bits holds %d keys", bits, f.keys)
		}
	}
	if got := len(x.wordBits.bits) * 64; got < 64*n {
		t.Fatalf("word filter has %d bits for %d words", got, n)
	}
	for i := range n {
		for _, a := range []news.Article{
			{Title: fmt.Sprintf("zq%dx", i)},
			{Title: "x", Summary: fmt.Sprintf("a zw%dy b", i)},
			{Title: "x", Summary: fmt.Sprintf("zp%dqsuffix", i)},
		} {
			if got := x.Match(NewDocument(a, nil)); len(got) != 1 || got[0] != int64(i) {
				t.Fatalf("%+v matched %v, want [%d]", a, got, i)
			}
		}
	}
}
