package query

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"sovwatch/news"
)

// A generator of news-like articles and analyst-like watchlists for the
// benchmarks and the realistic agreement test. Countries are drawn with a
// Zipf-like skew, as in real coverage, so that popular countries carry many
// watchlists and many articles at once: the hard case for a presearch.

type genCountry struct {
	code, en, es, demonym string
	leaders               []string
}

var genCountries = []genCountry{
	{"MX", "Mexico", "México", "Mexican", []string{"Claudia Sheinbaum", "Juan Ramón de la Fuente", "Omar García Harfuch"}},
	{"US", "United States", "Estados Unidos", "American", []string{"Donald Trump", "Marco Rubio", "Pete Hegseth", "JD Vance"}},
	{"VE", "Venezuela", "Venezuela", "Venezuelan", []string{"Nicolás Maduro", "Delcy Rodríguez", "María Corina Machado", "Diosdado Cabello"}},
	{"CU", "Cuba", "Cuba", "Cuban", []string{"Miguel Díaz-Canel", "Bruno Rodríguez"}},
	{"CO", "Colombia", "Colombia", "Colombian", []string{"Gustavo Petro", "Laura Sarabia"}},
	{"GL", "Greenland", "Groenlandia", "Greenlandic", []string{"Jens-Frederik Nielsen", "Múte Egede"}},
	{"DK", "Denmark", "Dinamarca", "Danish", []string{"Mette Frederiksen", "Lars Løkke Rasmussen"}},
	{"PA", "Panama", "Panamá", "Panamanian", []string{"José Raúl Mulino"}},
	{"CN", "China", "China", "Chinese", []string{"Xi Jinping", "Wang Yi"}},
	{"RU", "Russia", "Rusia", "Russian", []string{"Vladimir Putin", "Sergei Lavrov"}},
	{"BR", "Brazil", "Brasil", "Brazilian", []string{"Luiz Inácio Lula da Silva", "Mauro Vieira"}},
	{"AR", "Argentina", "Argentina", "Argentine", []string{"Javier Milei", "Gerardo Werthein"}},
	{"CA", "Canada", "Canadá", "Canadian", []string{"Mark Carney", "Mélanie Joly"}},
	{"NI", "Nicaragua", "Nicaragua", "Nicaraguan", []string{"Daniel Ortega", "Rosario Murillo"}},
	{"SV", "El Salvador", "El Salvador", "Salvadoran", []string{"Nayib Bukele"}},
	{"CL", "Chile", "Chile", "Chilean", []string{"Gabriel Boric"}},
	{"EC", "Ecuador", "Ecuador", "Ecuadorian", []string{"Daniel Noboa"}},
	{"BO", "Bolivia", "Bolivia", "Bolivian", []string{"Luis Arce", "Rodrigo Paz"}},
	{"PE", "Peru", "Perú", "Peruvian", []string{"Dina Boluarte", "José Jerí"}},
	{"HN", "Honduras", "Honduras", "Honduran", []string{"Xiomara Castro"}},
	{"GT", "Guatemala", "Guatemala", "Guatemalan", []string{"Bernardo Arévalo"}},
	{"HT", "Haiti", "Haití", "Haitian", []string{"Alix Didier Fils-Aimé"}},
	{"UA", "Ukraine", "Ucrania", "Ukrainian", []string{"Volodymyr Zelensky", "Andrii Sybiha"}},
	{"IR", "Iran", "Irán", "Iranian", []string{"Masoud Pezeshkian", "Abbas Araghchi"}},
	{"IL", "Israel", "Israel", "Israeli", []string{"Benjamin Netanyahu", "Gideon Saar"}},
	{"TW", "Taiwan", "Taiwán", "Taiwanese", []string{"Lai Ching-te"}},
	{"SY", "Syria", "Siria", "Syrian", []string{"Ahmed al-Sharaa"}},
	{"FR", "France", "Francia", "French", []string{"Emmanuel Macron", "Jean-Noël Barrot"}},
	{"DE", "Germany", "Alemania", "German", []string{"Friedrich Merz"}},
	{"GB", "United Kingdom", "Reino Unido", "British", []string{"Keir Starmer", "Yvette Cooper"}},
	{"ES", "Spain", "España", "Spanish", []string{"Pedro Sánchez", "José Manuel Albares"}},
	{"IN", "India", "India", "Indian", []string{"Narendra Modi"}},
	{"ZA", "South Africa", "Sudáfrica", "South African", []string{"Cyril Ramaphosa"}},
	{"KP", "North Korea", "Corea del Norte", "North Korean", []string{"Kim Jong Un"}},
	{"DO", "Dominican Republic", "República Dominicana", "Dominican", []string{"Luis Abinader"}},
	{"UY", "Uruguay", "Uruguay", "Uruguayan", []string{"Yamandú Orsi"}},
	{"PY", "Paraguay", "Paraguay", "Paraguayan", []string{"Santiago Peña"}},
	{"CR", "Costa Rica", "Costa Rica", "Costa Rican", []string{"Rodrigo Chaves"}},
	{"JM", "Jamaica", "Jamaica", "Jamaican", []string{"Andrew Holness"}},
	{"TT", "Trinidad and Tobago", "Trinidad y Tobago", "Trinidadian", []string{"Kamla Persad-Bissessar"}},
}

// genResolver resolves the generator's country names, for compiling its
// watchlists.
func genResolver(name string) (string, bool) {
	f := fold(name)
	for _, c := range genCountries {
		if f == fold(c.en) || f == fold(c.es) {
			return c.code, true
		}
	}
	return testCountries(name)
}

var (
	enTopic = strings.Fields(`sovereignty intervention military troops border sanctions tariffs cartels invasion airstrikes navy
		deployment annexation threat rejected warned condemned interference occupation embassy ambassador minister president
		government foreign ministry defense security aid assistance humanitarian offered support negotiations talks summit treaty
		territory independence self-determination drug trafficking migration migrants deportation oil gas mining minerals
		arctic canal base coup election opposition protest blockade warships strikes invade seize control purchase
		retaliation retaliatory unilateral bilateral cooperation counternarcotics terrorist designation extradition espionage`)
	enFiller = strings.Fields(`the the the the a a of of of to to in in and and on for with said that was were is by at from as has have
		it its their his her would will not but after over under also new on Tuesday Wednesday Thursday week officials statement
		told reporters according state country national people year last first two three percent million economy trade market
		public policy plan decision move could should any all more than about into against between during while before since
		spokesperson press conference response comments remarks leaders region regional international relations`)
	esTopic = strings.Fields(`soberanía intervención militar tropas frontera sanciones aranceles cárteles invasión ataques marina
		despliegue anexión amenaza rechazó advirtió condenó injerencia ocupación embajada embajador ministro presidente presidenta
		gobierno extranjera cancillería defensa seguridad ayuda asistencia humanitaria ofreció apoyo negociaciones diálogo cumbre
		tratado territorio independencia autodeterminación narcotráfico migración migrantes deportación petróleo gas minería
		canal base golpe elecciones oposición protesta bloqueo buques invadir control compra represalia unilateral cooperación
		terrorista designación extradición espionaje`)
	esFiller = strings.Fields(`el el el la la la los las de de de del en en y y que que a por para con se su al es lo no dijo como pero
		tras sobre también este esta martes miércoles jueves semana funcionarios comunicado declaró periodistas según país
		nacional pueblo año pasado primer dos tres por ciento millones economía comercio mercado política plan decisión podría
		debería todos más contra entre durante mientras antes desde vocero conferencia prensa respuesta comentarios declaraciones
		líderes región regional internacional relaciones`)
	exclusions = strings.Fields(`climate football soccer tourism weather hurricane earthquake music film celebrity fútbol turismo clima huracán`)
	genPhrases = []string{"foreign intervention", "military intervention", "national sovereignty", "military strike", "armed forces",
		"drug cartels", "intervención extranjera", "intervención militar", "soberanía nacional", "fuerzas armadas", "ataque militar",
		"not for sale", "no está en venta", "territorial integrity", "integridad territorial", "red line", "línea roja"}
	genPrefixes = []string{"interven*", "soberan*", "sovereign*", "sanction*", "sancion*", "invad*", "invasi*", "annex*", "anex*", "deploy*", "despleg*", "militar*", "cartel*", "cártel*", "threat*", "amenaz*", "tariff*", "arancel*"}
	genSources  = []string{"Reuters", "Associated Press", "AFP", "El País", "La Jornada", "Milenio", "Clarín", "BBC Mundo", "Al Jazeera", "Infobae", "El Universal", "Presidencia de México", "The Guardian", "Bloomberg"}
	syllables   = strings.Fields("ka ro ne ti sa mo lu ve ra do pe qui zan mer tol bri cas fen gor hal jun lam nor pos dri ek fu gla ism pra sto ul wen yar")

	// offTopic is what the rest of a general news feed is about.
	offTopic = strings.Fields(`economy inflation football match league championship weather storm rain festival music concert
		film actor market stocks shares company earnings technology software vaccine hospital school university court trial
		police fire accident traffic tourism museum election campaign budget pension strike union economía inflación fútbol
		partido liga campeonato clima tormenta lluvia festival música concierto película mercado acciones empresa tecnología
		hospital escuela universidad tribunal juicio policía incendio accidente tráfico turismo museo campaña presupuesto`)
)

// lexicon is the long tail of a news vocabulary: made-up but stable words
// drawn with a Zipf-like skew, so that articles have realistic numbers of
// distinct words without every article sharing them.
var lexicon = func() []string {
	r := rand.New(rand.NewPCG(99, 99))
	seen := map[string]bool{}
	var out []string
	for len(out) < 8000 {
		var b strings.Builder
		for range 2 + r.IntN(3) {
			b.WriteString(syllables[r.IntN(len(syllables))])
		}
		if w := b.String(); !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}()

type gen struct{ r *rand.Rand }

// country draws with a Zipf-like skew: Mexico and the US dominate, as they do
// in coverage of sovereignty disputes in the Americas.
func (g gen) country() genCountry {
	i := int(float64(len(genCountries)) * g.r.Float64() * g.r.Float64())
	return genCountries[min(i, len(genCountries)-1)]
}

func (g gen) pick(s []string) string { return s[g.r.IntN(len(s))] }

func (g gen) rareWord() string {
	u := g.r.Float64()
	return lexicon[int(float64(len(lexicon))*u*u)]
}

func lastName(full string) string { f := strings.Fields(full); return f[len(f)-1] }

// article writes a news-like article about one to three countries.
func (g gen) article() (news.Article, []news.Statement) {
	es := g.r.IntN(100) < 35
	topic, filler := enTopic, enFiller
	if es {
		topic, filler = esTopic, esFiller
	}
	// An article is about a few things: a handful of theme words, drawn
	// from the sovereignty vocabulary for most of the feed and from general
	// news for the rest.
	themeFrom := topic
	if g.r.IntN(100) < 35 {
		themeFrom = offTopic
	}
	theme := make([]string, 3+g.r.IntN(6))
	for i := range theme {
		theme[i] = g.pick(themeFrom)
	}
	topic = theme
	cs := []genCountry{g.country()}
	for range g.r.IntN(3) {
		cs = append(cs, g.country())
	}
	mention := func() string {
		c := cs[g.r.IntN(len(cs))]
		switch g.r.IntN(5) {
		case 0:
			return g.pick(c.leaders)
		case 1:
			if !es {
				return c.demonym
			}
			return lastName(g.pick(c.leaders))
		}
		if es {
			return c.es
		}
		return c.en
	}
	sentence := func(n int) string {
		ws := make([]string, 0, n)
		for range n {
			switch p := g.r.IntN(100); {
			case p < 50:
				ws = append(ws, g.pick(filler))
			case p < 58:
				ws = append(ws, g.pick(topic))
			case p < 62:
				ws = append(ws, mention())
			case p < 65:
				ws = append(ws, fmt.Sprint(g.r.IntN(2030)))
			default:
				ws = append(ws, g.rareWord())
			}
		}
		s := strings.Join(ws, " ")
		return strings.ToUpper(s[:1]) + s[1:] + "."
	}
	title := mention() + " " + sentence(6+g.r.IntN(6))
	var body strings.Builder
	for range 12 + g.r.IntN(20) {
		body.WriteString(sentence(10 + g.r.IntN(16)))
		body.WriteByte(' ')
	}
	a := news.Article{Title: strings.TrimSuffix(title, "."), Text: body.String(), Source: g.pick(genSources), Language: "en"}
	if es {
		a.Language = "es"
	}
	var st []news.Statement
	if g.r.IntN(100) < 45 && &themeFrom[0] != &offTopic[0] {
		for range 1 + g.r.IntN(3) {
			by, at := cs[g.r.IntN(len(cs))], cs[g.r.IntN(len(cs))]
			st = append(st, news.Statement{Type: news.StatementTypes[g.r.IntN(4)], Speaker: g.pick(by.leaders), Actor: by.code,
				Targets: []string{at.code}, Confidence: 0.4 + 0.6*g.r.Float64()})
		}
	}
	return a, st
}

// name writes a country as an analyst would: English or Spanish, quoted when
// it has several words.
func (g gen) name(c genCountry) string {
	n := c.en
	if g.r.IntN(3) == 0 {
		n = c.es
	}
	if strings.ContainsRune(n, ' ') {
		return `"` + n + `"`
	}
	return n
}

// watchlist writes one of the kinds of watchlists analysts keep.
func (g gen) watchlist(id int64) Watchlist {
	c, c2 := g.country(), g.country()
	leader := g.pick(c.leaders)
	topic := g.pick(append(enTopic, esTopic...))
	var q string
	switch g.r.IntN(18) {
	case 0:
		q = g.name(c)
	case 1:
		q = g.name(c) + " (sovereignty OR soberanía OR soberano)"
	case 2:
		q = `"` + leader + `" OR ` + lastName(leader)
	case 3:
		q = g.name(c) + " -" + g.pick(exclusions)
	case 4:
		q = fmt.Sprintf("%s NEAR/%d %s", topic, 2+g.r.IntN(10), g.name(c))
	case 5:
		q = fmt.Sprintf("type:%s target:%s", g.pick(typeNames), c.code)
	case 6:
		q = fmt.Sprintf("actor:%s type:threat %s", c.code, g.name(c2))
	case 7:
		q = g.pick(genPrefixes) + " " + g.name(c)
	case 8:
		q = "title:" + g.name(c) + " OR title:" + lastName(leader)
	case 9:
		q = fmt.Sprintf("(%s OR %s OR %s) %s", g.name(c), g.name(c2), g.name(g.country()), topic)
	case 10:
		q = fmt.Sprintf("speaker:%s type:%s", lastName(leader), g.pick(typeNames))
	case 11:
		q = `"` + g.pick(genPhrases) + `" lang:` + g.pick([]string{"es", "en"})
	case 12:
		q = g.name(c) + " -type:threat"
	case 13:
		q = "source:" + strings.Fields(g.pick(genSources))[0] + " " + g.name(c)
	case 14:
		q = fmt.Sprintf("target:%s -actor:%s type:rejection", c.code, c2.code)
	case 15:
		q = fmt.Sprintf("%s %s NOT (%s OR %s)", g.name(c), topic, g.pick(exclusions), g.pick(exclusions))
	case 16:
		q = fmt.Sprintf(`"%s" NEAR/10 %s`, g.pick(genPhrases), g.name(c))
	case 17:
		q = fmt.Sprintf("(%s OR %s) (type:threat OR type:rejection) target:%s", g.pick(genPrefixes), topic, c2.code)
	}
	w := Watchlist{ID: id, Query: q}
	if g.r.IntN(4) == 0 {
		w.MinConfidence = 0.5 + 0.3*g.r.Float64()
	}
	if g.r.IntN(7) == 0 {
		w.Types = []news.StatementType{news.StatementTypes[g.r.IntN(4)]}
	}
	if g.r.IntN(10) == 0 {
		w.AnyArticle = true
	}
	return w
}
