package watchers

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"sovwatch/config"
	"sovwatch/news"
)

// GDELT DOC 2.0 query defaults and limits.
const (
	// gdeltMaxRecords is the most GDELT returns for one artlist query.
	gdeltMaxRecords = 250
)

// ErrGDELT marks an error message GDELT returned instead of results.
var ErrGDELT = errors.New("GDELT error")

// GDELTURL builds the DOC 2.0 artlist request for q. base is the API
// endpoint (config fetch.gdelt_url, or a source's own URL, which may carry
// extra parameters such as sourcelang); empty means config.DefaultGDELTURL.
func GDELTURL(base string, q config.GDELTQuery) (string, error) {
	if base == "" {
		base = config.DefaultGDELTURL
	}
	u, err := url.Parse(base)
	if err != nil {
		return "", fmt.Errorf("gdelt: bad base URL: %w", urlParseErr(err))
	}
	query := strings.TrimSpace(q.Query)
	v := u.Query()
	if query == "" {
		query = v.Get("query")
	}
	if query == "" {
		return "", errors.New("gdelt: empty query")
	}
	v.Set("query", query)
	v.Set("mode", "artlist")
	v.Set("format", "json")
	if q.Timespan != "" {
		v.Set("timespan", q.Timespan)
	} else if v.Get("timespan") == "" && v.Get("startdatetime") == "" {
		v.Set("timespan", config.DefaultGDELTTimespan)
	}
	n := q.MaxRecords
	if n <= 0 {
		n, _ = strconv.Atoi(v.Get("maxrecords"))
	}
	if n <= 0 {
		n = config.DefaultGDELTMaxRecords
	}
	v.Set("maxrecords", strconv.Itoa(min(n, gdeltMaxRecords)))
	if v.Get("sort") == "" {
		v.Set("sort", "datedesc")
	}
	u.RawQuery = v.Encode()
	return u.String(), nil
}

type gdeltResponse struct {
	Articles []gdeltArticle `json:"articles"`
}

type gdeltArticle struct {
	URL           string `json:"url"`
	URLMobile     string `json:"url_mobile"`
	Title         string `json:"title"`
	SeenDate      string `json:"seendate"`
	SocialImage   string `json:"socialimage"`
	Domain        string `json:"domain"`
	Language      string `json:"language"`
	SourceCountry string `json:"sourcecountry"`
}

// ParseGDELT parses a DOC 2.0 artlist JSON response. GDELT answers a bad
// query with 200 and a plain-text message; that becomes an ErrGDELT error
// carrying the message. An empty object means no results. GDELT gives no
// summary and no publication date, only when it saw the article, which is
// used as Published.
func ParseGDELT(body []byte, maxItems int) (Parsed, error) {
	if maxItems <= 0 {
		maxItems = config.DefaultMaxItems
	}
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")))
	if len(trimmed) == 0 {
		return Parsed{}, ErrEmptyBody
	}
	if trimmed[0] != '{' {
		if looksLikeHTML(trimmed) {
			return Parsed{}, fmt.Errorf("%w: got an HTML page instead of JSON", ErrGDELT)
		}
		return Parsed{}, fmt.Errorf("%w: %s", ErrGDELT, snippet(trimmed, 200))
	}
	var r gdeltResponse
	if err := json.Unmarshal(sanitizeGDELTJSON(trimmed), &r); err != nil {
		return Parsed{}, fmt.Errorf("gdelt: malformed JSON: %w", err)
	}
	var out Parsed
	items := r.Articles
	if len(items) > maxItems {
		out.Warnings = append(out.Warnings, fmt.Sprintf("GDELT returned %d articles; took the first %d", len(items), maxItems))
		items = items[:maxItems]
	}
	out.Articles = make([]news.Article, 0, len(items))
	for _, g := range items {
		a := news.Article{
			URL:      strings.TrimSpace(g.URL),
			Title:    HTMLToText(g.Title),
			Language: normalizeLanguage(g.Language),
		}
		if a.URL == "" {
			a.URL = strings.TrimSpace(g.URLMobile)
		}
		if t, err := time.Parse("20060102T150405Z", strings.TrimSpace(g.SeenDate)); err == nil {
			a.Published = t.UTC()
		}
		out.Articles = append(out.Articles, a)
	}
	return out, nil
}

// sanitizeGDELTJSON repairs a GDELT quirk: titles sometimes carry raw
// control characters, which encoding/json rejects inside strings. Every
// control byte becomes a space, which is harmless outside strings too.
func sanitizeGDELTJSON(b []byte) []byte {
	bad := false
	for _, c := range b {
		if c < 0x20 {
			bad = true
			break
		}
	}
	if !bad {
		return b
	}
	out := make([]byte, len(b))
	for i, c := range b {
		if c < 0x20 {
			c = ' '
		}
		out[i] = c
	}
	return out
}
