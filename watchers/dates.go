package watchers

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// commonLayouts are tried in order when a source gives no layout, or its
// layout does not match. Times without a zone are taken as UTC.
var commonLayouts = []string{
	time.RFC3339Nano,
	time.RFC3339,
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04 -0700",
	"2 Jan 2006 15:04:05 -0700",
	time.RFC850,
	time.ANSIC,
	"January 2, 2006 15:04",
	"January 2, 2006",
	"Jan 2, 2006",
	"2 January 2006 15:04",
	"2 January 2006",
	"2 Jan 2006",
	"02/01/2006 15:04",
	"02/01/2006",
	"2/1/2006",
	"02.01.2006",
	"02-01-2006",
	"20060102T150405Z",
}

// monthNames maps Spanish, Portuguese and French month names (and their
// common abbreviations) to English ones so the Go layouts above apply.
var monthNames = map[string]string{
	"enero": "January", "febrero": "February", "marzo": "March", "abril": "April",
	"mayo": "May", "junio": "June", "julio": "July", "agosto": "August",
	"septiembre": "September", "setiembre": "September", "octubre": "October",
	"noviembre": "November", "diciembre": "December",
	"janeiro": "January", "fevereiro": "February", "março": "March", "marco": "March",
	"maio": "May", "junho": "June", "julho": "July", "setembro": "September",
	"outubro": "October", "novembro": "November", "dezembro": "December",
	"janvier": "January", "février": "February", "fevrier": "February", "mars": "March",
	"avril": "April", "mai": "May", "juin": "June", "juillet": "July", "août": "August",
	"aout": "August", "septembre": "September", "octobre": "October",
	"novembre": "November", "décembre": "December", "decembre": "December",
	"ene": "Jan", "feb": "Feb", "abr": "Apr", "ago": "Aug", "sept": "Sep", "set": "Sep",
	"dic": "Dec", "fev": "Feb", "out": "Oct", "dez": "Dec",
}

// weekday names to drop: the layouts do not need them and they are often
// wrong or in another language.
var weekdayNames = map[string]bool{
	"lunes": true, "martes": true, "miércoles": true, "miercoles": true, "jueves": true,
	"viernes": true, "sábado": true, "sabado": true, "domingo": true,
	"segunda-feira": true, "terça-feira": true, "terca-feira": true, "quarta-feira": true,
	"quinta-feira": true, "sexta-feira": true, "lundi": true, "mardi": true,
	"mercredi": true, "jeudi": true, "vendredi": true, "samedi": true, "dimanche": true,
}

var (
	wordRe      = regexp.MustCompile(`\p{L}[\p{L}\-]*`)
	ofRe        = regexp.MustCompile(`(?i)\s+(de|del|of)\s+`)
	ordinalRe   = regexp.MustCompile(`(?i)\b(\d{1,2})(st|nd|rd|th|º|°)\b`)
	hourSuffix  = regexp.MustCompile(`(?i)\s*(h|hs|hrs|horas)\.?$`)
	atRe        = regexp.MustCompile(`(?i)\s+(a las|às|as|at|à|-|,|\|)\s+`)
	trailingDot = regexp.MustCompile(`(\p{L})\.`)
)

// parseDate parses s with layout when given, else with commonLayouts after
// translating Spanish, Portuguese and French month names ("25 de noviembre
// de 2026" becomes "25 November 2026"). It reports false when nothing fits.
func parseDate(s, layout string) (time.Time, bool) {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return time.Time{}, false
	}
	if layout != "" {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), true
		}
	}
	norm := normalizeDate(s)
	for _, cand := range []string{s, norm, dropLeadingWords(norm)} {
		for _, l := range commonLayouts {
			if t, err := time.Parse(l, cand); err == nil {
				return t.UTC(), true
			}
		}
		if layout != "" {
			if t, err := time.Parse(layout, cand); err == nil {
				return t.UTC(), true
			}
		}
	}
	// Unix seconds, as some JSON-driven pages emit.
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && n > 946684800 && n < 32503680000 {
		return time.Unix(n, 0).UTC(), true
	}
	return time.Time{}, false
}

// normalizeDate rewrites a human date into something commonLayouts know.
func normalizeDate(s string) string {
	s = trailingDot.ReplaceAllString(s, "$1")
	s = ordinalRe.ReplaceAllString(s, "$1")
	s = ofRe.ReplaceAllString(s, " ")
	s = wordRe.ReplaceAllStringFunc(s, func(w string) string {
		lw := strings.ToLower(w)
		if weekdayNames[lw] {
			return ""
		}
		if en, ok := monthNames[lw]; ok {
			return en
		}
		return w
	})
	s = atRe.ReplaceAllString(s, " ")
	s = hourSuffix.ReplaceAllString(s, "")
	s = strings.Trim(strings.Join(strings.Fields(s), " "), " ,")
	return s
}

var englishMonths = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "oct": true, "nov": true, "dec": true,
}

// dropLeadingWords removes words before the date proper ("Publicado el",
// "Posted on"), up to the first number or month name.
func dropLeadingWords(s string) string {
	f := strings.Fields(s)
	for i, w := range f {
		lw := strings.ToLower(strings.Trim(w, ",.:"))
		if englishMonths[lw] || (lw != "" && lw[0] >= '0' && lw[0] <= '9') {
			return strings.Join(f[i:], " ")
		}
	}
	return s
}
