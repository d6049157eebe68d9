package stories_test

import (
	"fmt"
	"time"

	"sovwatch/news"
	"sovwatch/stories"
)

// A caller backed by SQLite: assign, store the story ID and the fingerprint
// bytes with the article, and rebuild the grouper from the stored rows after
// a restart.
func Example() {
	now := time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	g := stories.NewGrouper(stories.Options{Now: clock})
	nextStory := int64(100) // seeded from MAX(story_id)+1 at start

	body := "Mexican President Claudia Sheinbaum on Monday rejected any unilateral military action by the United States " +
		"against drug cartels inside Mexico, saying cooperation must respect the country's sovereignty. Security officials " +
		"from both countries are due to meet in Mexico City next week to review a bilateral agreement signed last year."
	articles := []news.Article{
		{Title: "Sheinbaum rejects US military action against cartels", Text: body, Language: "en", Published: now.Add(-2 * time.Hour)},
		{Title: "Mexico says no to US strikes", Text: body + " The peso was little changed.", Language: "en", Published: now.Add(-time.Hour)},
		{Title: "Sheinbaum rechaza acción militar de EE.UU.", Summary: "La presidenta rechazó cualquier acción militar.", Language: "es", Published: now},
	}
	type row struct {
		story     int64
		fp        []byte
		published time.Time
	}
	var rows []row // what the caller writes to SQLite
	for _, a := range articles {
		fp := stories.Of(a)
		m := g.Assign(&fp, a.Published, func() int64 { nextStory++; return nextStory })
		b, _ := fp.MarshalBinary()
		rows = append(rows, row{m.StoryID, b, a.Published})
		fmt.Printf("story %d new=%v by=%q\n", m.StoryID, m.New, m.By)
	}

	// After a restart: the rows of the last window rebuild the grouper.
	g = stories.NewGrouper(stories.Options{Now: clock})
	for _, r := range rows {
		var fp stories.Fingerprint
		if err := fp.UnmarshalBinary(r.fp); err != nil {
			continue // ErrVersion: recompute with stories.Of from the stored text
		}
		g.Add(r.story, &fp, r.published)
	}
	n, s := g.Len()
	fmt.Println(n, "articles in", s, "stories")
	// Output:
	// story 101 new=true by=""
	// story 101 new=false by="body"
	// story 102 new=true by=""
	// 3 articles in 2 stories
}
