// Package suggest finds the known word a user probably meant, for the
// "did you mean" hints of config keys and query fields.
package suggest

// MaxDistance is the largest edit distance still taken for a typo.
const MaxDistance = 2

// Closest returns the candidate nearest to s by edit distance when it is
// at most MaxDistance edits away; ties go to the earlier candidate, so
// callers pass candidates in a stable order.
func Closest(s string, candidates []string) (string, bool) {
	best, bestD := "", MaxDistance+1
	for _, c := range candidates {
		if d := Distance(s, c); d < bestD {
			best, bestD = c, d
		}
	}
	return best, best != ""
}

// Distance is the Levenshtein distance between a and b, in runes. It is
// quadratic, which is fine for the short names it is used on.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
