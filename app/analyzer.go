package app

import (
	"errors"
	"fmt"
	"strings"

	"sovwatch/config"
	"sovwatch/detect"
	"sovwatch/geo"
	"sovwatch/news"
)

// Analyzer runs the statement detector on articles.
type Analyzer struct {
	d *detect.Detector
}

func newAnalyzer(cfg *config.Config) (*Analyzer, error) {
	d, err := detect.New(detect.Options{ExtraPeople: people(cfg.Detect.People)})
	if err != nil {
		return nil, fmt.Errorf("app: detector: %w", err)
	}
	return &Analyzer{d: d}, nil
}

func people(ps []config.Person) []geo.Person {
	out := make([]geo.Person, len(ps))
	for i, p := range ps {
		out[i] = geo.Person{Name: p.Name, Country: p.Country, Role: p.Role, Gender: p.Gender, Aliases: p.Aliases}
	}
	return out
}

// Analyze finds the statements in an article's headline and text. The
// detector reports one statement per type per sentence, so a speaker who
// repeats a stance (in the headline and the lead, say) would alert twice:
// statements with the same type, speaker and actor are merged, keeping the
// most confident, with the targets and cues of all.
func (a *Analyzer) Analyze(art news.Article) (string, []news.Statement) {
	text := art.Body()
	if t := strings.TrimSpace(art.Title); t != "" {
		// A full stop keeps the headline its own sentence.
		text = strings.TrimRight(t, ".") + ".\n\n" + text
	}
	res := a.d.Analyze(text, art.Language)
	return res.Language, mergeStatements(res.Statements)
}

// Detect runs the detector on plain text, as the analyze command does.
func (a *Analyzer) Detect(text, lang string) detect.Result {
	res := a.d.Analyze(text, lang)
	return res
}

func mergeStatements(in []news.Statement) []news.Statement {
	type key struct {
		t              news.StatementType
		speaker, actor string
	}
	idx := map[key]int{}
	var out []news.Statement
	for _, st := range in {
		k := key{st.Type, st.Speaker, st.Actor}
		i, seen := idx[k]
		if !seen {
			idx[k] = len(out)
			st.Targets = append([]string(nil), st.Targets...)
			st.Cues = append([]string(nil), st.Cues...)
			out = append(out, st)
			continue
		}
		m := &out[i]
		m.Targets = union(m.Targets, st.Targets)
		m.Cues = union(m.Cues, st.Cues)
		if st.Confidence > m.Confidence {
			m.Confidence, m.Quote, m.Sentence = st.Confidence, st.Quote, st.Sentence
		}
	}
	return out
}

func union(a, b []string) []string {
	for _, x := range b {
		found := false
		for _, y := range a {
			if x == y {
				found = true
				break
			}
		}
		if !found {
			a = append(a, x)
		}
	}
	return a
}

// checkPeople reports configured people the detector would refuse, at
// their place in the file.
func checkPeople(c *config.Config) error {
	var errs []error
	for i, p := range c.Detect.People {
		if _, err := geo.New(people([]config.Person{p})); err != nil {
			// geo numbers the person within the list it was given: here, one.
			msg := strings.TrimPrefix(err.Error(), "geo: extra person 0: ")
			errs = append(errs, &config.Problem{Path: fmt.Sprintf("detect.people[%d]", i), Msg: msg, Hint: "name, an ISO country code such as MX, and gender f or m"})
		}
	}
	return errors.Join(errs...)
}
