package detect

import (
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
)

// Training of the statistical scorer (model.go).
//
//	UPDATE_MODEL=1 go test -run TestTrainModel ./detect/
//
// rewrites model.tsv; without UPDATE_MODEL the test re-trains and requires
// the committed file to come out byte for byte (same data, same seed, same
// weights). It learns only from the sets the rules were tuned on (tunedSets),
// never from the blind sets.
//
// Labels are per sentence, from the passage labels: a sentence a state
// speaks is a positive for a type when the passage expects that type from
// that speaker (or that speaker's country) and either the rules fired the type
// there or the rules fired it in no sentence of that speaker (then every
// sentence of the speaker is a positive: the label says one of them is).
//
// Passages whose id hashes to 0 mod 4 form the validation split. The model
// is first trained without them and each type's threshold is the lowest in
// a grid at which the model alone keeps sentence precision >= minModelP on
// them; the committed weights are then re-trained on every passage with the
// same settings.

const (
	trainSeed    = 13
	trainEpochs  = 30
	trainRate    = 0.1
	trainL2      = 1e-4
	minFeatCount = 2
	minModelP    = 0.92
)

type trainSent struct {
	feats []int // indices into the vocabulary
	y     [4]bool
	fired [4]bool
	val   bool
}

func isValidation(id string) bool {
	h := fnv.New32a()
	h.Write([]byte(id))
	return h.Sum32()%4 == 0
}

// collectSentences runs the rules over the tuned sets and labels every
// sentence a state speaks.
func collectSentences(t *testing.T) (names [][]string, sents []trainSent) {
	d, err := New(Options{RulesOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, set := range tunedSets {
		for _, p := range loadCorpus(t, "testdata/"+set+".yaml") {
			var cs []collected
			d.collect = func(c collected) { cs = append(cs, c) }
			d.Analyze(p.Text, "")
			d.collect = nil
			val := isValidation(p.ID)
			for _, c := range cs {
				var s trainSent
				s.val, s.fired = val, c.fired
				for _, e := range p.Expect {
					if normSpeaker(e.Speaker) != normSpeaker(c.speaker) && (e.Actor == "" || e.Actor != c.actor) {
						continue
					}
					ti := typeIndex(e.Type)
					if ti < 0 {
						t.Fatalf("%s: unknown type %q", p.ID, e.Type)
					}
					firedElsewhere := false
					for _, o := range cs {
						if o.fired[ti] && (normSpeaker(o.speaker) == normSpeaker(c.speaker) || o.actor == c.actor) {
							firedElsewhere = true
						}
					}
					if c.fired[ti] || !firedElsewhere {
						s.y[ti] = true
					}
				}
				names = append(names, c.names)
				sents = append(sents, s)
			}
		}
	}
	return names, sents
}

func typeIndex(s string) int {
	for i, t := range typeOf {
		if string(t) == s {
			return i
		}
	}
	return -1
}

// vocabulary keeps the features seen at least minFeatCount times in the
// sentences used for training, sorted by name.
func vocabulary(names [][]string, sents []trainSent, withVal bool) ([]string, map[string]int) {
	count := map[string]int{}
	for i, ns := range names {
		if sents[i].val && !withVal {
			continue
		}
		seen := map[string]bool{}
		for _, n := range ns {
			if !seen[n] {
				seen[n] = true
				count[n]++
			}
		}
	}
	var vocab []string
	for n, c := range count {
		if c >= minFeatCount {
			vocab = append(vocab, n)
		}
	}
	slices.Sort(vocab)
	idx := make(map[string]int, len(vocab))
	for i, n := range vocab {
		idx[n] = i
	}
	return vocab, idx
}

func index(names [][]string, sents []trainSent, idx map[string]int) {
	for i, ns := range names {
		var fs []int
		for _, n := range ns {
			if j, ok := idx[n]; ok {
				fs = append(fs, j)
			}
		}
		slices.Sort(fs)
		sents[i].feats = slices.Compact(fs)
	}
}

// train fits the four regressions by stochastic gradient descent in a
// seeded order, with L2 applied to the weights a sentence touches.
func train(sents []trainSent, nFeat int, withVal bool) (bias [4]float64, w [][4]float64) {
	w = make([][4]float64, nFeat)
	var order []int
	for i := range sents {
		if withVal || !sents[i].val {
			order = append(order, i)
		}
	}
	rng := rand.New(rand.NewPCG(trainSeed, trainSeed))
	for ep := 0; ep < trainEpochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		lr := trainRate / (1 + 0.1*float64(ep))
		for _, i := range order {
			s := &sents[i]
			for t := 0; t < 4; t++ {
				z := bias[t]
				for _, f := range s.feats {
					z += w[f][t]
				}
				p := 1 / (1 + math.Exp(-z))
				y := 0.0
				if s.y[t] {
					y = 1
				}
				g := p - y
				bias[t] -= lr * g
				for _, f := range s.feats {
					w[f][t] -= lr * (g + trainL2*w[f][t])
				}
			}
		}
	}
	return bias, w
}

func probOf(bias [4]float64, w [][4]float64, s *trainSent, t int) float64 {
	z := bias[t]
	for _, f := range s.feats {
		z += w[f][t]
	}
	return 1 / (1 + math.Exp(-z))
}

// thresholds picks, per type, the lowest threshold at which the model alone
// keeps precision >= minModelP on the validation sentences.
func thresholds(t *testing.T, bias [4]float64, w [][4]float64, sents []trainSent) [4]float64 {
	var thr [4]float64
	for ti := 0; ti < 4; ti++ {
		thr[ti] = 0.95
		for c := 0.30; c < 0.951; c += 0.05 {
			var tp, fp, fn, extra int
			for i := range sents {
				s := &sents[i]
				if !s.val {
					continue
				}
				hit := probOf(bias, w, s, ti) >= c
				switch {
				case hit && s.y[ti]:
					tp++
					if !s.fired[ti] {
						extra++
					}
				case hit:
					fp++
				case s.y[ti]:
					fn++
				}
			}
			p := float64(tp) / math.Max(1, float64(tp+fp))
			t.Logf("%s thr %.2f: model alone tp %d fp %d fn %d P %.3f (tp where the rules were silent %d)", typeOf[ti], c, tp, fp, fn, p, extra)
			if p >= minModelP && tp > 0 {
				thr[ti] = math.Round(c*100) / 100
				break
			}
		}
	}
	return thr
}

func formatModel(bias [4]float64, thr [4]float64, vocab []string, w [][4]float64) string {
	var b strings.Builder
	b.WriteString("# Weights of the statistical scorer (model.go), written by\n")
	b.WriteString("# UPDATE_MODEL=1 go test -run TestTrainModel ./detect/ from the tuned sets.\n")
	b.WriteString("# Columns: feature, then sovereignty_assertion, intervention_rejection,\n")
	b.WriteString("# intervention_threat, assistance_offer. Do not edit by hand.\n")
	row := func(name string, v [4]float64) {
		fmt.Fprintf(&b, "%s\t%.4f\t%.4f\t%.4f\t%.4f\n", name, v[0], v[1], v[2], v[3])
	}
	row("=bias", bias)
	row("=threshold", thr)
	for i, n := range vocab {
		keep := false
		for _, x := range w[i] {
			keep = keep || math.Abs(x) >= 0.00005
		}
		if keep && !strings.ContainsAny(n, "\t\n") {
			row(n, w[i])
		}
	}
	return b.String()
}

func TestTrainModel(t *testing.T) {
	if testing.Short() {
		t.Skip("training takes a few seconds")
	}
	names, sents := collectSentences(t)
	var pos [4]int
	for _, s := range sents {
		for ti := range s.y {
			if s.y[ti] {
				pos[ti]++
			}
		}
	}
	t.Logf("%d sentences with a state speaker; positives per type %v", len(sents), pos)

	vocab, idx := vocabulary(names, sents, false)
	index(names, sents, idx)
	bias, w := train(sents, len(vocab), false)
	thr := thresholds(t, bias, w, sents)
	t.Logf("thresholds %v", thr)

	vocab, idx = vocabulary(names, sents, true)
	index(names, sents, idx)
	bias, w = train(sents, len(vocab), true)
	out := formatModel(bias, thr, vocab, w)
	if os.Getenv("UPDATE_MODEL") != "" {
		if err := os.WriteFile("model.tsv", []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if out != modelTSV {
		t.Errorf("re-training does not reproduce model.tsv; run UPDATE_MODEL=1 go test -run TestTrainModel ./detect/ and commit it")
	}
	if _, err := parseModel(out); err != nil {
		t.Fatal(err)
	}
}
