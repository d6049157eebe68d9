package query

import (
	"testing"

	"sovwatch/news"
)

// analystExamples are the examples the README shows; the test keeps them
// valid and checks that each one matches the article it was written for.
var analystExamples = []struct {
	query, what string
	article     news.Article
	stmts       []news.Statement
}{
	{`(type:assertion OR type:rejection) (actor:MX OR target:Mexico)`,
		"Mexico sovereignty statements by anyone: an assertion or a rejection of intervention, by Mexico or about it",
		news.Article{Title: "Sheinbaum: Mexico will never accept intervention"},
		[]news.Statement{{Type: news.InterventionRejection, Actor: "MX", Targets: []string{"US"}}}},
	{`type:threat actor:US (target:MX OR target:VE OR target:CU OR target:CO OR target:PA OR target:NI OR target:HN OR target:BR)`,
		"US threats against Latin American countries, actor and target on the same statement",
		news.Article{Title: "Trump warns Venezuela"},
		[]news.Statement{{Type: news.InterventionThreat, Actor: "US", Targets: []string{"VE"}}}},
	{`(greenland OR groenlandia) -climate -clima -"sea ice"`,
		"Greenland, excluding climate news",
		news.Article{Title: "Denmark rejects US bid for Greenland"},
		[]news.Statement{{Type: news.SovereigntyAssertion, Actor: "DK", Targets: []string{"GL"}}}},
	{`speaker:Sheinbaum (type:rejection OR type:assertion)`,
		"What Sheinbaum says about sovereignty and intervention",
		news.Article{Title: "Mañanera"},
		[]news.Statement{{Type: news.SovereigntyAssertion, Speaker: "Claudia Sheinbaum Pardo", Actor: "MX"}}},
	{`(warships NEAR/8 venezuela) OR ("armed forces" NEAR/8 venezuela) OR (strike* NEAR/8 venezuela)`,
		"Military moves close to mentions of Venezuela",
		news.Article{Title: "US sends warships toward the coast of Venezuela"},
		[]news.Statement{{Type: news.InterventionThreat}}},
	{`lang:es ("intervención extranjera" OR injerencia OR "intervención militar")`,
		"Spanish-language coverage of foreign interference",
		news.Article{Title: "Petro denuncia injerencia de Washington", Language: "es"},
		[]news.Statement{{Type: news.InterventionRejection}}},
	{`("panama canal" OR "canal de panamá") (sovereignty OR soberanía OR control)`,
		"The Panama Canal and who controls it, in English or Spanish",
		news.Article{Title: "Mulino: el Canal de Panamá es y seguirá siendo soberanía panameña"},
		[]news.Statement{{Type: news.SovereigntyAssertion, Actor: "PA"}}},
	{`type:offer target:Cuba -actor:RU`,
		"Offers of assistance to Cuba from anyone but Russia (same statement)",
		news.Article{Title: "Mexico offers Cuba oil shipments"},
		[]news.Statement{{Type: news.AssistanceOffer, Actor: "MX", Targets: []string{"CU"}}}},
	{`title:cartel* (strike* OR "military action" OR ataque*) (mexico OR méxico)`,
		"Headlines about cartels with talk of strikes in Mexico",
		news.Article{Title: "Cartels brace as US weighs strikes in Mexico"},
		[]news.Statement{{Type: news.InterventionThreat}}},
	{`speaker:Trump type:threat (target:GL OR target:DK OR target:PA OR target:CA)`,
		"Trump's threats against Greenland, Denmark, Panama or Canada",
		news.Article{Title: "Trump does not rule out force"},
		[]news.Statement{{Type: news.InterventionThreat, Speaker: "Donald J. Trump", Actor: "US", Targets: []string{"GL"}}}},
	{`source:presidencia (sovereign* OR soberan*)`,
		"Sovereignty language from official presidency sources",
		news.Article{Title: "Comunicado: defensa de la soberanía nacional", Source: "Presidencia de México"},
		[]news.Statement{{Type: news.SovereigntyAssertion}}},
}

func TestAnalystExamples(t *testing.T) {
	for _, ex := range analystExamples {
		t.Run(ex.what, func(t *testing.T) {
			c, err := Compile(Watchlist{Query: ex.query}, testOpt)
			if err != nil {
				t.Fatal(err)
			}
			if !c.Match(NewDocument(ex.article, ex.stmts)) {
				t.Fatalf("%s does not match %q", c, ex.article.Title)
			}
		})
	}
}
