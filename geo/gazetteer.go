// Package geo is sovwatch's gazetteer: every country (ISO 3166-1 alpha-2)
// under its English and Spanish names, short forms, demonyms, capitals used
// as metonyms, institutions that speak for a state, and the people who most
// often speak for one. It is pure data and lookup; the only input it reads is
// its own embedded files.
package geo

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// Kind says what a name refers to.
type Kind uint8

// Kinds of names. The detector treats them differently: a demonym modifies a
// title ("Mexican President"), an institution can be a speaker on its own.
const (
	KindCountry Kind = iota + 1
	KindDemonym
	KindCapital
	KindInstitution
	KindPerson
	// KindRegion is a place that contains the word of a country name but is
	// not one ("Latin America"); it has no code and exists so that the longer
	// name wins over the shorter.
	KindRegion
)

// Role classes of people. Role phrases in text ("the president", "la
// mandataria", "the foreign minister") resolve to the last person named with
// a matching role.
const (
	RolePresident   = "president"
	RoleVice        = "vice_president"
	RolePrime       = "prime_minister"
	RoleForeign     = "foreign_minister"
	RoleDefence     = "defence_minister"
	RoleSecurity    = "security_minister"
	RoleMinister    = "minister"
	RoleSpokesman   = "spokesperson"
	RoleMonarch     = "monarch"
	RoleLegislator  = "legislator"
	RoleDiplomat    = "diplomat"
	RoleMilitary    = "military"
	RoleOfficial    = "official"
	RoleOpposition  = "opposition"
	RoleInternation = "international"
)

// Person is someone who speaks for a state (or, with an empty Country, for an
// international body). Country is an ISO 3166-1 alpha-2 code; Gender is "f",
// "m" or empty and lets "she said" skip over a man named later.
type Person struct {
	Name    string   `yaml:"name"`
	Country string   `yaml:"country"`
	Role    string   `yaml:"role"`
	Gender  string   `yaml:"gender"`
	Aliases []string `yaml:"aliases"`
}

// Entry is what a name resolves to.
type Entry struct {
	Kind Kind
	Code string // ISO 3166-1 alpha-2; empty for international people and regions
	// Person is set for KindPerson.
	Person *Person
	// Exact, when set, is the only spelling accepted in running text; it
	// keeps "US" apart from the pronoun "us".
	Exact string
	// AlsoDemonym marks a country name that is also a demonym of the same
	// country ("argentina", "dominicana"), so it may appear in lower case.
	AlsoDemonym bool
}

// Gazetteer resolves names to countries and people. It is immutable after New
// and safe for concurrent use.
type Gazetteer struct {
	names    map[string]Entry // by Key
	people   []*Person
	maxWords int
}

//go:embed people.csv
var peopleCSV []byte

// excludedRegions are region codes CLDR treats as countries that are not
// ISO 3166-1 alpha-2 assignments (or duplicate one).
var excludedRegions = map[string]bool{
	"AC": true, "CP": true, "CQ": true, "DG": true, "EA": true, "IC": true, "TA": true,
	"UK": true, "EZ": true, "UN": true, "QO": true, "ZZ": true,
	// Withdrawn codes CLDR still parses (East Germany, Yugoslavia, ...).
	"AN": true, "BU": true, "CS": true, "CT": true, "DD": true, "DY": true, "FQ": true, "FX": true,
	"HV": true, "JT": true, "MI": true, "NH": true, "NQ": true, "NT": true, "PC": true, "PU": true,
	"PZ": true, "RH": true, "SU": true, "TP": true, "VD": true, "WK": true, "YD": true, "YU": true, "ZR": true,
}

// Codes returns every country code the gazetteer knows, sorted. It includes
// XK (Kosovo), a user-assigned code in common use, and EU, which ISO 3166
// reserves for the European Union.
func Codes() []string { return allCodes() }

var allCodes = sync.OnceValue(func() []string {
	var codes []string
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			s := string([]rune{a, b})
			r, err := language.ParseRegion(s)
			if err != nil || r.String() != s {
				continue
			}
			if excludedRegions[s] || (s[0] == 'X' && s != "XK") || (s[0] == 'Q' && s >= "QM") {
				continue
			}
			if !r.IsCountry() && s != "XK" {
				continue
			}
			codes = append(codes, s)
		}
	}
	codes = append(codes, "EU")
	sort.Strings(codes)
	return codes
})

// Name returns the display name of a country code in lang ("en" or "es";
// anything else falls back to English), or "" for an unknown code.
func Name(code, lang string) string {
	code = strings.ToUpper(code)
	if code == "EU" {
		if lang == "es" {
			return "Unión Europea"
		}
		return "European Union"
	}
	r, err := language.ParseRegion(code)
	if err != nil {
		return ""
	}
	if lang == "es" {
		return display.Spanish.Regions().Name(r)
	}
	return display.English.Regions().Name(r)
}

// New builds a gazetteer from the embedded tables plus extra people (from
// configuration). Extra people win over built-in ones with the same name, so
// a deployment can correct an out-of-date entry.
func New(extra []Person) (*Gazetteer, error) {
	g := &Gazetteer{names: make(map[string]Entry, 4096)}
	for _, code := range Codes() {
		for _, lang := range []string{"en", "es"} {
			for _, n := range variants(Name(code, lang)) {
				g.add(n, Entry{Kind: KindCountry, Code: code}, false)
			}
		}
	}
	for code, list := range aliases {
		for _, n := range list {
			g.add(n, Entry{Kind: KindCountry, Code: code}, true)
		}
	}
	for code, list := range demonymsEN {
		for _, n := range list {
			g.add(n, Entry{Kind: KindDemonym, Code: code}, false)
			if k := Key(n); englishPlural(k) {
				g.add(n+"s", Entry{Kind: KindDemonym, Code: code}, false)
			}
		}
	}
	for code, list := range demonymsES {
		for _, n := range list {
			for _, f := range spanishForms(Key(n)) {
				g.add(f, Entry{Kind: KindDemonym, Code: code}, false)
			}
		}
	}
	for code, list := range capitals {
		for _, n := range list {
			g.add(n, Entry{Kind: KindCapital, Code: code}, true)
		}
	}
	for code, list := range institutions {
		for _, n := range list {
			g.add(n, Entry{Kind: KindInstitution, Code: code}, true)
		}
	}
	for _, n := range regions {
		g.add(n, Entry{Kind: KindRegion}, true)
	}
	builtin, err := parsePeople(peopleCSV)
	if err != nil {
		return nil, fmt.Errorf("geo: embedded people: %w", err)
	}
	var errs []error
	for i := range extra {
		if err := validPerson(extra[i]); err != nil {
			errs = append(errs, fmt.Errorf("geo: extra person %d: %w", i, err))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	// Built-in first so that extra people overwrite their names.
	for _, p := range append(builtin, extra...) {
		p := p
		p.Country = strings.ToUpper(p.Country)
		pp := &p
		g.people = append(g.people, pp)
		e := Entry{Kind: KindPerson, Code: p.Country, Person: pp}
		g.names[Key(p.Name)] = e
		g.countWords(Key(p.Name))
		for _, a := range p.Aliases {
			g.names[Key(a)] = e
			g.countWords(Key(a))
		}
	}
	return g, nil
}

// regions contain a country word but are not countries.
var regions = []string{
	"Latin America", "South America", "North America", "Central America", "the Americas",
	"América Latina", "Latinoamérica", "Sudamérica", "Suramérica", "Norteamérica", "Centroamérica",
	"América del Sur", "América del Norte", "América Central", "las Américas", "Summit of the Americas",
	"New Mexico", "Nuevo México", "Guinea pig", "West Virginia", "Virginia", "Georgia Tech",
	"Washington Post", "Washington Consensus", "Consenso de Washington", "Paris Agreement", "Acuerdo de París",
	"Ciudad de Guatemala", "Latin Americans", "South Americans", "Central Americans", "North Americans",
	"latinoamericanos", "latinoamericanas", "latinoamericano", "latinoamericana", "sudamericanos", "sudamericanas",
	"centroamericanos", "norteamericanos del norte", "Americas",
}

func (g *Gazetteer) add(name string, e Entry, override bool) {
	k := Key(name)
	if k == "" || (ambiguousNames[k] && e.Kind == KindCountry && !override) {
		return
	}
	if k == "us" || k == "uk" || k == "eu" || k == "ue" || k == "sre" || k == "usa" {
		// Upper-case only: "us" is a pronoun, "ue" and "sre" are fragments.
		e.Exact = strings.ToUpper(k)
		if k == "us" && name != "US" {
			return
		}
	}
	if old, ok := g.names[k]; ok && !override && old.Kind <= e.Kind {
		if e.Kind == KindDemonym && old.Kind == KindCountry && old.Code == e.Code {
			old.AlsoDemonym = true
			g.names[k] = old
		}
		return
	}
	g.names[k] = e
	g.countWords(k)
}

func (g *Gazetteer) countWords(k string) {
	if n := strings.Count(k, " ") + 1; n > g.maxWords {
		g.maxWords = n
	}
}

// variants turns a CLDR display name into the forms news text uses:
// "Myanmar (Burma)" gives "Myanmar (Burma)", "Myanmar" and "Burma";
// "St. Lucia" also gives "Saint Lucia"; "Bosnia & Herzegovina" gives "and".
func variants(n string) []string {
	out := []string{n}
	if i := strings.Index(n, " ("); i > 0 && strings.HasSuffix(n, ")") {
		out = append(out, n[:i], n[i+2:len(n)-1])
	}
	if strings.Contains(n, " - ") {
		// "Congo - Kinshasa" is CLDR's short form; the news says neither.
		out = append(out, strings.ReplaceAll(n, " - ", "-"))
	}
	if strings.Contains(n, "&") {
		out = append(out, strings.ReplaceAll(n, "&", "and"))
	}
	if strings.HasPrefix(n, "St. ") {
		out = append(out, "Saint "+n[4:])
	}
	return out
}

func englishPlural(k string) bool {
	return !strings.HasSuffix(k, "ese") && !strings.HasSuffix(k, "sh") && !strings.HasSuffix(k, "ch") &&
		!strings.HasSuffix(k, "ss") && !strings.HasSuffix(k, "s") && !strings.Contains(k, " ") && k != "u.s" && k != "uk"
}

// spanishForms expands a folded masculine singular demonym into its four
// forms: mexicano -> mexicana, mexicanos, mexicanas; frances -> francesa,
// franceses, francesas; estadounidense -> estadounidenses.
func spanishForms(m string) []string {
	switch last := m[len(m)-1]; {
	case last == 'o':
		s := m[:len(m)-1]
		return []string{m, s + "a", s + "os", s + "as"}
	case last == 'e' || last == 'a':
		return []string{m, m + "s"}
	case last == 'i':
		return []string{m, m + "es", m + "s"}
	default:
		return []string{m, m + "a", m + "es", m + "as"}
	}
}

// Lookup resolves a country name, alias, demonym, capital, institution or
// person to a country code, ignoring case and accents ("méxico", "MEXICO",
// "mexicanas", "La Habana", "Sheinbaum"). A two-letter code is accepted too.
func (g *Gazetteer) Lookup(name string) (code string, ok bool) {
	k := Key(name)
	if e, found := g.names[k]; found && e.Code != "" {
		return e.Code, true
	}
	if len(k) == 2 {
		up := strings.ToUpper(k)
		for _, c := range Codes() {
			if c == up {
				return c, true
			}
		}
	}
	return "", false
}

// Match resolves an already keyed name (see Key) found in running text.
func (g *Gazetteer) Match(key string) (Entry, bool) {
	e, ok := g.names[key]
	return e, ok
}

// MaxWords is the number of words in the longest name, the longest span a
// caller scanning text needs to try.
func (g *Gazetteer) MaxWords() int { return g.maxWords }

// People returns every known person, built-in and extra. The slice and its
// elements must not be modified.
func (g *Gazetteer) People() []*Person { return g.people }

// Names calls fn for every key and entry; the detector uses it to build its
// own single lookup table.
func (g *Gazetteer) Names(fn func(key string, e Entry)) {
	for k, e := range g.names {
		fn(k, e)
	}
}

var defaultGazetteer = sync.OnceValue(func() *Gazetteer {
	g, err := New(nil)
	if err != nil {
		// The embedded data is checked by the tests; failing here is a build defect.
		panic(err)
	}
	return g
})

// Lookup resolves a name with the built-in data only, for callers such as the
// query language that need no configured people.
func Lookup(name string) (code string, ok bool) { return defaultGazetteer().Lookup(name) }

func validPerson(p Person) error {
	if strings.TrimSpace(p.Name) == "" {
		return errors.New("empty name")
	}
	if p.Country != "" && !slices.Contains(Codes(), strings.ToUpper(p.Country)) {
		return fmt.Errorf("%s: unknown country code %q", p.Name, p.Country)
	}
	if p.Gender != "" && p.Gender != "f" && p.Gender != "m" {
		return fmt.Errorf("%s: gender must be f, m or empty", p.Name)
	}
	return nil
}

// parsePeople reads people.csv: name,country,role,gender,aliases with
// aliases separated by ';' and '#' starting a comment line.
func parsePeople(b []byte) ([]Person, error) {
	r := csv.NewReader(bytes.NewReader(b))
	r.Comment = '#'
	r.FieldsPerRecord = 5
	r.TrimLeadingSpace = true
	var out []Person
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		p := Person{Name: rec[0], Country: rec[1], Role: rec[2], Gender: rec[3]}
		for _, a := range strings.Split(rec[4], ";") {
			if a = strings.TrimSpace(a); a != "" {
				p.Aliases = append(p.Aliases, a)
			}
		}
		if err := validPerson(p); err != nil {
			line, _ := r.FieldPos(0)
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		out = append(out, p)
	}
}
