// Package digest composes the periodic digest of a watchlist in digest mode:
// the alerts of a period grouped by story, ordered by statement type and
// recency, with counts. It is pure: the caller loads the items and posts the
// result. The model is plain exported data so that each chat platform's
// renderer can be written from it; Text renders it for the console.
package digest

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"sovwatch/news"
)

// TypeOrder is the order in which a digest presents statement types: the
// most consequential first.
var TypeOrder = []news.StatementType{
	news.InterventionThreat,
	news.InterventionRejection,
	news.SovereigntyAssertion,
	news.AssistanceOffer,
}

// typeRank gives a type's position in TypeOrder; unknown and empty types
// come after all of them.
func typeRank(t news.StatementType) int {
	if i := slices.Index(TypeOrder, t); i >= 0 {
		return i
	}
	return len(TypeOrder)
}

// Item is one alert collected for a digest: an article that matched the
// watchlist during the period, with the statements found in it.
type Item struct {
	// StoryID groups items into stories. Zero means the article was not
	// grouped; it then forms a story of its own.
	StoryID    int64
	Title      string
	URL        string
	Source     string
	SourceKind news.SourceKind
	Published  time.Time
	Statements []news.Statement
	// Outlets are other sources that carried the item's story without an
	// item of their own (copies of it that alerted nobody again).
	Outlets []string
}

// Digest is the composed digest of one watchlist over one period. A digest
// with no stories is Empty; the caller decides whether to post it.
type Digest struct {
	// Watchlist is the name of the watchlist the digest is for.
	Watchlist string
	// From and To bound the period the digest covers, as given.
	From, To time.Time
	// Stories are ordered by the type of their top statement (TypeOrder,
	// stories without statements last), then by their latest article,
	// newest first.
	Stories []Story
	// Articles is the number of distinct articles (by URL) across all
	// stories.
	Articles int
	// Counts holds, for each statement type with at least one statement,
	// how many distinct statements the digest reports, in TypeOrder. A
	// statement repeated by several outlets of one story counts once.
	Counts []TypeCount
}

// TypeCount is a number of distinct statements of one type.
type TypeCount struct {
	Type  news.StatementType
	Count int
}

// Story is one story of a digest: the articles that reported it and the
// statement that best represents it.
type Story struct {
	// ID is the story ID the items carried (zero for an ungrouped one).
	ID int64
	// Type is the type of Top, or empty when the story has no statement.
	Type news.StatementType
	// Title is the headline of the earliest article, the one the story
	// broke under.
	Title string
	// URL and Source are those of the lead article, the one to link: the
	// earliest from an official source if there is one, else the
	// earliest. The URL is as the source gave it: untrusted, and not
	// checked to be http or https.
	URL    string
	Source string
	// Official says whether the lead article is from an official source.
	Official bool
	// First and Last are the publication times of the earliest and latest
	// articles.
	First, Last time.Time
	// Articles is the number of distinct articles (by URL) in the story.
	Articles int
	// Sources are the distinct outlets that reported the story, in the
	// order they first did; len(Sources) is the number of outlets.
	Sources []string
	// Top is the statement with the highest confidence, ties broken by
	// TypeOrder and then by the earliest article; nil when there is none.
	Top *news.Statement
	// Counts holds the story's distinct statements per type, in TypeOrder.
	Counts []TypeCount
}

// Empty reports whether the digest has nothing to say.
func (d Digest) Empty() bool { return len(d.Stories) == 0 }

// Outlets returns the number of outlets that reported the story.
func (s Story) Outlets() int { return len(s.Sources) }

// Compose builds the digest of a watchlist from the items of a period. The
// items are not filtered by time: the caller selects the period's. The result
// does not share slices with the input.
func Compose(watchlist string, from, to time.Time, items []Item) Digest {
	d := Digest{Watchlist: watchlist, From: from, To: to}

	// Group by story, keeping the order in which stories first appear
	// only until the sort below; ungrouped items get a key of their own.
	type group struct {
		id    int64
		items []Item
	}
	var groups []*group
	byID := map[int64]*group{}
	for _, it := range items {
		if it.StoryID == 0 {
			groups = append(groups, &group{items: []Item{it}})
			continue
		}
		g := byID[it.StoryID]
		if g == nil {
			g = &group{id: it.StoryID}
			byID[it.StoryID] = g
			groups = append(groups, g)
		}
		g.items = append(g.items, it)
	}

	total := map[news.StatementType]int{}
	seenURL := map[string]bool{}
	for _, g := range groups {
		s := composeStory(g.id, g.items)
		for _, c := range s.Counts {
			total[c.Type] += c.Count
		}
		for _, it := range g.items {
			if !seenURL[it.URL] {
				seenURL[it.URL] = true
				d.Articles++
			}
		}
		d.Stories = append(d.Stories, s)
	}
	d.Counts = countsInOrder(total)
	slices.SortStableFunc(d.Stories, func(a, b Story) int {
		return cmp.Or(
			cmp.Compare(typeRank(a.Type), typeRank(b.Type)),
			b.Last.Compare(a.Last),
			cmp.Compare(a.ID, b.ID),
			cmp.Compare(a.URL, b.URL),
		)
	})
	return d
}

func composeStory(id int64, items []Item) Story {
	// Earliest first; ties by URL so the result does not depend on the
	// order the caller loaded the rows in.
	items = slices.Clone(items)
	slices.SortStableFunc(items, func(a, b Item) int {
		return cmp.Or(a.Published.Compare(b.Published), cmp.Compare(a.URL, b.URL))
	})
	s := Story{ID: id, First: items[0].Published, Last: items[len(items)-1].Published}

	lead := items[0]
	for _, it := range items {
		if it.SourceKind == news.KindOfficial {
			lead, s.Official = it, true
			break
		}
	}
	s.Title = items[0].Title
	s.URL, s.Source = lead.URL, lead.Source

	urls := map[string]bool{}
	sources := map[string]bool{}
	seen := map[string]bool{}
	perType := map[news.StatementType]int{}
	var top *news.Statement
	for _, it := range items {
		if !urls[it.URL] {
			urls[it.URL] = true
			s.Articles++
		}
		for _, src := range append([]string{it.Source}, it.Outlets...) {
			if src = strings.TrimSpace(src); src != "" && !sources[src] {
				sources[src] = true
				s.Sources = append(s.Sources, src)
			}
		}
		for i := range it.Statements {
			st := &it.Statements[i]
			if k := statementKey(st); !seen[k] {
				seen[k] = true
				perType[st.Type]++
			}
			// Items are in publication order, so keeping the first of
			// equal candidates keeps the earliest.
			if top == nil || st.Confidence > top.Confidence ||
				st.Confidence == top.Confidence && typeRank(st.Type) < typeRank(top.Type) {
				top = st
			}
		}
	}
	if top != nil {
		c := *top
		c.Targets = slices.Clone(top.Targets)
		c.Cues = slices.Clone(top.Cues)
		s.Top, s.Type = &c, c.Type
	}
	s.Counts = countsInOrder(perType)
	return s
}

// statementKey identifies a statement within a story: outlets quoting the
// same speaker making the same kind of statement about the same countries
// report one statement, whatever their wording of the sentence.
func statementKey(st *news.Statement) string {
	targets := slices.Clone(st.Targets)
	slices.Sort(targets)
	return fmt.Sprintf("%s|%s|%s|%s", st.Type, strings.ToLower(strings.TrimSpace(st.Speaker)), st.Actor, strings.Join(targets, ","))
}

func countsInOrder(m map[news.StatementType]int) []TypeCount {
	var out []TypeCount
	for _, t := range TypeOrder {
		if m[t] > 0 {
			out = append(out, TypeCount{t, m[t]})
		}
	}
	return out
}

// Summary is the digest's one-line count, such as
// "3 stories, 7 articles: 2 threats, 4 rejections, 1 offer".
func (d Digest) Summary() string {
	if d.Empty() {
		return "no stories"
	}
	var b strings.Builder
	b.WriteString(plural(len(d.Stories), "story", "stories"))
	b.WriteString(", ")
	b.WriteString(plural(d.Articles, "article", "articles"))
	for i, c := range d.Counts {
		if i == 0 {
			b.WriteString(": ")
		} else {
			b.WriteString(", ")
		}
		one := TypeNoun(c.Type)
		b.WriteString(plural(c.Count, one, one+"s"))
	}
	return b.String()
}

// TypeNoun is the short noun for a statement type used in counts and
// headings: threat, rejection, assertion, offer.
func TypeNoun(t news.StatementType) string {
	switch t {
	case news.InterventionThreat:
		return "threat"
	case news.InterventionRejection:
		return "rejection"
	case news.SovereigntyAssertion:
		return "assertion"
	case news.AssistanceOffer:
		return "offer"
	}
	return "statement"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
