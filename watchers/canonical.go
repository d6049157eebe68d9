package watchers

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"sort"
	"strings"

	"golang.org/x/net/publicsuffix"
)

// trackingParams are query keys that identify a campaign or a click, not a
// document, and so never belong in the de-duplication key. Keys starting
// with utm_ are dropped too.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "gclsrc": true, "msclkid": true,
	"mc_cid": true, "mc_eid": true, "igshid": true, "ref_src": true, "ref_url": true,
	"_ga": true, "_gl": true, "yclid": true, "twclid": true, "ttclid": true,
	"wt_mc": true, "wt.mc_id": true, "at_medium": true, "at_campaign": true,
	"oly_enc_id": true, "oly_anon_id": true, "vero_id": true, "_hsenc": true, "_hsmi": true,
	"mkt_tok": true, "spm": true, "cmpid": true, "ocid": true, "smid": true, "ito": true,
}

func isTracking(key string) bool {
	k := strings.ToLower(key)
	return strings.HasPrefix(k, "utm_") || trackingParams[k]
}

// Canonicalize returns the form of an absolute http(s) URL used as the
// article's identity: scheme and host lower-cased, default port, fragment
// and tracking parameters dropped, remaining parameters sorted by key
// (values keep their order). The path keeps its case; many sites' paths
// are case-sensitive.
func Canonicalize(raw string) (string, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return "", errors.New("canonicalize: empty URL")
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("canonicalize: %w", urlParseErr(err))
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", fmt.Errorf("canonicalize %q: %w %q", redactURL(u), ErrScheme, u.Scheme)
	}
	if u.Host == "" {
		return "", fmt.Errorf("canonicalize %q: no host", redactURL(u))
	}
	u.User = nil
	u.Fragment, u.RawFragment = "", ""
	u.Opaque = ""

	host, port := u.Hostname(), u.Port()
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if host == "" {
		return "", fmt.Errorf("canonicalize %q: no host", redactURL(u))
	}
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	if strings.Contains(host, ":") { // IPv6 literal
		host = "[" + host + "]"
	}
	if port != "" {
		u.Host = net.JoinHostPort(strings.Trim(host, "[]"), port)
	} else {
		u.Host = host
	}
	if u.Path == "" {
		u.Path = "/"
		u.RawPath = ""
	}

	if u.RawQuery != "" {
		u.RawQuery = canonicalQuery(u.RawQuery)
	}
	u.ForceQuery = false
	return u.String(), nil
}

// canonicalQuery drops tracking parameters and sorts the rest by key,
// stably, so that a=2&a=1 keeps its meaning. Pieces are kept as written,
// apart from escaping bytes that may not appear raw in a URL, so that the
// result canonicalises to itself.
func canonicalQuery(raw string) string {
	parts := strings.FieldsFunc(raw, func(r rune) bool { return r == '&' || r == ';' })
	type kv struct{ key, piece string }
	kept := make([]kv, 0, len(parts))
	for _, p := range parts {
		k, _, _ := strings.Cut(p, "=")
		key, err := url.QueryUnescape(k)
		if err != nil {
			key = k
		}
		if key == "" || isTracking(key) {
			continue
		}
		kept = append(kept, kv{key, escapeLoose(p)})
	}
	sort.SliceStable(kept, func(i, j int) bool { return kept[i].key < kept[j].key })
	out := make([]string, len(kept))
	for i, p := range kept {
		out[i] = p.piece
	}
	return strings.Join(out, "&")
}

// sameSite reports whether a and b share a registrable domain (eTLD+1), so
// a page may name a canonical URL on www. or m. of its own site but not on
// someone else's.
func sameSite(a, b *url.URL) bool {
	ha, hb := strings.ToLower(a.Hostname()), strings.ToLower(b.Hostname())
	if ha == hb {
		return true
	}
	da, err1 := publicsuffix.EffectiveTLDPlusOne(ha)
	db, err2 := publicsuffix.EffectiveTLDPlusOne(hb)
	return err1 == nil && err2 == nil && da == db
}

// escapeLoose percent-encodes control bytes, spaces and non-ASCII bytes,
// leaving everything else (existing escapes included) alone.
func escapeLoose(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' || c == '{' || c == '|' || c == '}' {
			if b.Len() == 0 {
				b.WriteString(s[:i])
			}
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(c)
		}
	}
	if b.Len() == 0 {
		return s
	}
	return b.String()
}
