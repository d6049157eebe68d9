package watchers

import (
	"net/url"
	"testing"
)

func TestCanonicalize(t *testing.T) {
	tests := []struct {
		name, in, want string
		wantErr        bool
	}{
		{"lower scheme and host", "HTTPS://News.Example.COM/World/Story", "https://news.example.com/World/Story", false},
		{"drop fragment", "https://example.com/a#comments", "https://example.com/a", false},
		{"default https port", "https://example.com:443/a", "https://example.com/a", false},
		{"default http port", "http://example.com:80/a", "http://example.com/a", false},
		{"other port kept", "https://example.com:8443/a", "https://example.com:8443/a", false},
		{"utm params", "https://example.com/a?utm_source=rss&utm_medium=feed&utm_campaign=x&id=7", "https://example.com/a?id=7", false},
		{"click ids", "https://example.com/a?fbclid=1&gclid=2&mc_cid=3&mc_eid=4&igshid=5&ref_src=6&_ga=7&p=1", "https://example.com/a?p=1", false},
		{"case of tracking key", "https://example.com/a?UTM_Source=x&FBCLID=y&q=1", "https://example.com/a?q=1", false},
		{"sort params", "https://example.com/search?z=1&a=2&m=3", "https://example.com/search?a=2&m=3&z=1", false},
		{"repeated key keeps order", "https://example.com/a?b=2&a=1&b=1", "https://example.com/a?a=1&b=2&b=1", false},
		{"only tracking leaves no ?", "https://example.com/a?utm_source=x", "https://example.com/a", false},
		{"empty query dropped", "https://example.com/a?", "https://example.com/a", false},
		{"empty path", "https://example.com", "https://example.com/", false},
		{"trailing dot host", "https://example.com./a", "https://example.com/a", false},
		{"userinfo dropped", "https://user:pass@example.com/a", "https://example.com/a", false},
		{"path case kept", "https://example.com/Noticias/ABC.html", "https://example.com/Noticias/ABC.html", false},
		{"encoded path kept", "https://example.com/a%2Fb/c%20d", "https://example.com/a%2Fb/c%20d", false},
		{"ipv6 default port", "http://[2001:DB8::1]:80/a", "http://[2001:db8::1]/a", false},
		{"ipv6 port", "http://[2001:db8::1]:8080/a", "http://[2001:db8::1]:8080/a", false},
		{"unicode path", "https://example.com/política/soberanía", "https://example.com/pol%C3%ADtica/soberan%C3%ADa", false},
		{"spaces trimmed", "  https://example.com/a  ", "https://example.com/a", false},
		{"relative refused", "/a/b", "", true},
		{"mailto refused", "mailto:press@example.com", "", true},
		{"javascript refused", "javascript:alert(1)", "", true},
		{"empty refused", "", "", true},
		{"no host refused", "https:///a", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Canonicalize(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("Canonicalize(%q) error = %v, wantErr %v", tt.in, err, tt.wantErr)
			}
			if got != tt.want {
				t.Errorf("Canonicalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if err == nil {
				again, err := Canonicalize(got)
				if err != nil || again != got {
					t.Errorf("not idempotent: %q -> %q (%v)", got, again, err)
				}
			}
		})
	}
}

func TestSameSite(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"https://diario.example.mx/a", "https://diario.example.mx/b", true},
		{"https://www.diario.example.mx/a", "https://m.diario.example.mx/b", true},
		{"https://www.bbc.co.uk/a", "https://news.bbc.co.uk/b", true},
		{"https://a.co.uk/a", "https://b.co.uk/b", false},
		{"https://example.com/a", "https://evil.example.net/b", false},
	}
	for _, tt := range tests {
		a, _ := url.Parse(tt.a)
		b, _ := url.Parse(tt.b)
		if got := sameSite(a, b); got != tt.want {
			t.Errorf("sameSite(%s, %s) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
