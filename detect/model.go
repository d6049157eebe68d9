package detect

import (
	"bufio"
	_ "embed"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"strconv"
	"strings"
)

// The statistical scorer: one logistic regression per statement type over
// the sparse features of a sentence a state speaks (folded word unigrams and
// bigrams, the cue classes present, whether a target, a quotation or a hedge
// is there, the language and the kind of speaker). It is trained from the
// labelled corpus by TestTrainModel (model_train_test.go) and its weights are
// committed in model.tsv, so the binary carries them and nothing is
// downloaded. The rules still decide who speaks and for which country; in a
// sentence with a state speaker the model adds a type the rules did not fire
// when its probability reaches the type's threshold, and drops one they did
// fire when its probability is under the type's veto (both chosen out of fold
// on the newest labelled sets).

//go:embed model.tsv
var modelTSV string

// model holds the weights of the four per-type regressions.
type model struct {
	bias [4]float32
	thr  [4]float32
	// veto drops a type the rules fired when the model gives it less than
	// this probability; 0 keeps every rule statement.
	veto  [4]float32
	index map[uint64]int32 // feature hash -> row of w and names
	w     [][4]float32
	names []string
}

// parseModel reads model.tsv: "bias", "threshold" and "veto" lines, then one line
// per feature: name and four weights, tab-separated, in type order.
func parseModel(src string) (*model, error) {
	m := &model{index: make(map[uint64]int32, 4096)}
	sc := bufio.NewScanner(strings.NewReader(src))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		t := sc.Text()
		if t == "" || t[0] == '#' {
			continue
		}
		f := strings.Split(t, "\t")
		if len(f) != 5 {
			return nil, fmt.Errorf("model.tsv:%d: want 5 fields, got %d", line, len(f))
		}
		var v [4]float32
		for i := range v {
			x, err := strconv.ParseFloat(f[i+1], 32)
			if err != nil {
				return nil, fmt.Errorf("model.tsv:%d: %w", line, err)
			}
			v[i] = float32(x)
		}
		switch f[0] {
		case "=bias":
			m.bias = v
		case "=threshold":
			m.thr = v
		case "=veto":
			m.veto = v
		default:
			m.index[hashString(f[0])] = int32(len(m.w))
			m.w = append(m.w, v)
			m.names = append(m.names, f[0])
		}
	}
	return m, sc.Err()
}

// FNV-1a, so that a feature is hashed the same from its name (when the model
// is loaded) and from the folded text (when a sentence is scored) without
// building the name.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashBytes(h uint64, b []byte) uint64 {
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

func hashStr(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

func hashString(s string) uint64 { return hashStr(fnvOffset, s) }

// catFeature names a cue class as a feature ("c:12"); the bit index is the
// name, so the model file survives renaming a class but not reordering them.
func catFeature(bit int) string { return "c:" + strconv.Itoa(bit) }

// sentenceFeatures appends the hashes of the features of sentence s to buf
// (sorted, without repeats), and their names to names when names is not nil
// (training only).
//
// Words inside a blocking phrase ("sovereign bonds", "intervención
// quirúrgica") are not features, only the fact that a block is there: the
// rules consumed them so that they could not count, and so must the model.
func sentenceFeatures(dc *doc, s sentence, ms []match, has cat, targets int, quoted, hedged, own bool, kind int, buf []uint64, names *[]string) []uint64 {
	// Names are built only when training asks for them, so that scoring
	// allocates nothing here.
	prev := []byte(nil)
	j := 0
	for i := s.a; i < s.b; i++ {
		for j < len(ms) && ms[j].b <= i {
			j++
		}
		if j < len(ms) && ms[j].a <= i && ms[j].c&cBlock != 0 {
			prev = nil
			continue
		}
		w := dc.word(i)
		if len(w) == 0 {
			continue
		}
		buf = append(buf, hashBytes(hashStr(fnvOffset, "w:"), w))
		if names != nil {
			*names = append(*names, "w:"+string(w))
		}
		if prev != nil {
			h := hashBytes(hashStr(fnvOffset, "b:"), prev)
			buf = append(buf, hashBytes(hashStr(h, " "), w))
			if names != nil {
				*names = append(*names, "b:"+string(prev)+" "+string(w))
			}
		}
		prev = w
		if dc.toks[i].gap&hardGap != 0 {
			prev = nil
		}
	}
	for c := uint64(has); c != 0; c &= c - 1 {
		bit := bits.TrailingZeros64(c)
		buf = append(buf, catHashes[bit])
		if names != nil {
			*names = append(*names, catFeature(bit))
		}
	}
	for _, f := range [...]struct {
		ok bool
		i  int
	}{
		{targets > 0, 0}, {quoted, 1}, {hedged, 2}, {dc.lang == "es", 3}, {kind == mPerson, 4},
		{kind == mBody, 5}, {kind == mPronoun, 6}, {kind == mTitle, 7}, {kind == mCountry, 8}, {own, 9},
	} {
		if f.ok {
			buf = append(buf, flagHashes[f.i])
			if names != nil {
				*names = append(*names, flagNames[f.i])
			}
		}
	}
	if names == nil {
		slices.Sort(buf)
		buf = slices.Compact(buf)
	}
	return buf
}

// flagNames are the features that say something of the sentence as a whole.
var flagNames = [...]string{"x:target", "x:quote", "x:hedge", "x:es", "x:person", "x:body", "x:pronoun", "x:title", "x:country", "x:own"}

var (
	flagHashes [len(flagNames)]uint64
	catHashes  [64]uint64
)

func init() {
	for i, n := range flagNames {
		flagHashes[i] = hashString(n)
	}
	for i := range catHashes {
		catHashes[i] = hashString(catFeature(i))
	}
}

// prob is the probability of type t for a sentence with features fs (sorted,
// no repeats).
func (m *model) prob(t int, fs []uint64) float64 {
	z := float64(m.bias[t])
	for _, h := range fs {
		if i, ok := m.index[h]; ok {
			z += float64(m.w[i][t])
		}
	}
	return 1 / (1 + math.Exp(-z))
}

// explain returns up to n of the words and word pairs of fs that pushed type
// t up most, as cues for a statement the model found.
//
// skip says which words make no cue (names, function words).
func (m *model) explain(t int, fs []uint64, n int, skip func(string) bool) []string {
	type fw struct {
		name string
		w    float32
	}
	var best []fw
	for _, h := range fs {
		i, ok := m.index[h]
		if !ok || m.w[i][t] <= 0 {
			continue
		}
		name := m.names[i]
		if !strings.HasPrefix(name, "w:") && !strings.HasPrefix(name, "b:") {
			continue
		}
		best = append(best, fw{name[2:], m.w[i][t]})
	}
	slices.SortFunc(best, func(a, b fw) int {
		if a.w != b.w {
			if a.w > b.w {
				return -1
			}
			return 1
		}
		return strings.Compare(a.name, b.name)
	})
	var out []string
	for _, b := range best {
		if len(out) == n {
			break
		}
		w1, w2, _ := strings.Cut(b.name, " ")
		if skip(w1) && (w2 == "" || skip(w2)) {
			continue
		}
		out = append(out, b.name)
	}
	if len(out) == 0 {
		out = append(out, "model")
	}
	return out
}
