package watchers

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"sovwatch/config"
)

// testFetch is a config for tests against 127.0.0.1: the guard off, no
// host gap (so no test waits on it) and a short timeout.
func testFetch() config.Fetch {
	return config.Fetch{
		AllowPrivateNetworks: true,
		UserAgent:            "sovwatch-test/1.0",
		ContactURL:           "https://ops.example.org/contact",
		Timeout:              5 * time.Second,
		HostGap:              -1,
	}
}

var fixedNow = time.Date(2026, 11, 25, 15, 0, 0, 0, time.UTC)

func newTestFetcher(cfg config.Fetch) *Fetcher {
	return NewFetcher(cfg, nil, func() time.Time { return fixedNow })
}

func gzipBytes(t testing.TB, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestFetch(t *testing.T) {
	const maxBody = 64 << 10
	bomb := gzipBytes(t, make([]byte, 16<<20)) // 16 MiB of zeros in ~16 KiB
	small := gzipBytes(t, []byte("<rss>gzipped</rss>"))

	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Wed, 25 Nov 2026 14:00:00 GMT")
		fmt.Fprintf(w, "ua=%s", r.UserAgent())
	})
	mux.HandleFunc("/conditional", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` && r.Header.Get("If-Modified-Since") == "Wed, 25 Nov 2026 14:00:00 GMT" {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		io.WriteString(w, "fresh")
	})
	mux.HandleFunc("/gzip", func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			http.Error(w, "want gzip", 400)
			return
		}
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(small)
	})
	mux.HandleFunc("/bomb", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(bomb)
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(r.URL.Query().Get("n"))
		w.Write(bytes.Repeat([]byte("a"), n))
	})
	mux.HandleFunc("/429", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "120")
		w.WriteHeader(http.StatusTooManyRequests)
	})
	mux.HandleFunc("/503", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", fixedNow.Add(90*time.Second).Format(http.TimeFormat))
		w.WriteHeader(http.StatusServiceUnavailable)
	})
	mux.HandleFunc("/404", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	mux.HandleFunc("/loop/a", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop/b", http.StatusFound) })
	mux.HandleFunc("/loop/b", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop/a", http.StatusFound) })
	mux.HandleFunc("/chain/", func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/chain/"))
		if n == 0 {
			io.WriteString(w, "end of chain")
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/chain/%d", n-1), http.StatusMovedPermanently)
	})
	mux.HandleFunc("/to-file", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	})
	mux.HandleFunc("/slow-headers", func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
	})
	mux.HandleFunc("/slow-body", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "<rss>")
		w.(http.Flusher).Flush()
		<-r.Context().Done()
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)

	cfg := testFetch()
	cfg.MaxBodyBytes = maxBody
	f := newTestFetcher(cfg)
	fast := testFetch()
	fast.Timeout = 200 * time.Millisecond
	fastF := newTestFetcher(fast)

	tests := []struct {
		name    string
		f       *Fetcher
		req     Request
		check   func(t *testing.T, r *Response)
		wantErr error
		wantMsg string
		status  *StatusError
	}{
		{name: "ok with user agent and validators", req: Request{URL: srv.URL + "/ok"}, check: func(t *testing.T, r *Response) {
			if string(r.Body) != "ua=sovwatch-test/1.0 (+https://ops.example.org/contact)" {
				t.Errorf("body = %q", r.Body)
			}
			if r.ETag != `"v1"` || r.LastModified == "" || !strings.Contains(r.ContentType, "rss") {
				t.Errorf("response = %+v", r)
			}
		}},
		{name: "304 not modified", req: Request{URL: srv.URL + "/conditional", ETag: `"v1"`, LastModified: "Wed, 25 Nov 2026 14:00:00 GMT"}, check: func(t *testing.T, r *Response) {
			if !r.NotModified || len(r.Body) != 0 || r.ETag != `"v1"` {
				t.Errorf("response = %+v", r)
			}
		}},
		{name: "changed since", req: Request{URL: srv.URL + "/conditional", ETag: `"v0"`}, check: func(t *testing.T, r *Response) {
			if r.NotModified || string(r.Body) != "fresh" {
				t.Errorf("response = %+v", r)
			}
		}},
		{name: "gzip decoded", req: Request{URL: srv.URL + "/gzip"}, check: func(t *testing.T, r *Response) {
			if string(r.Body) != "<rss>gzipped</rss>" {
				t.Errorf("body = %q", r.Body)
			}
		}},
		{name: "body at the cap", req: Request{URL: srv.URL + "/big?n=" + strconv.Itoa(maxBody)}, check: func(t *testing.T, r *Response) {
			if len(r.Body) != maxBody {
				t.Errorf("len = %d", len(r.Body))
			}
		}},
		{name: "oversized body", req: Request{URL: srv.URL + "/big?n=" + strconv.Itoa(maxBody+1)}, wantErr: ErrTooLarge},
		{name: "gzip bomb", req: Request{URL: srv.URL + "/bomb"}, wantErr: ErrTooLarge},
		{name: "429 retry after seconds", req: Request{URL: srv.URL + "/429"}, status: &StatusError{Code: 429, RetryAfter: 120 * time.Second}},
		{name: "503 retry after date", req: Request{URL: srv.URL + "/503"}, status: &StatusError{Code: 503, RetryAfter: 90 * time.Second}},
		{name: "404", req: Request{URL: srv.URL + "/404"}, status: &StatusError{Code: 404}},
		{name: "redirect loop", req: Request{URL: srv.URL + "/loop/a"}, wantErr: ErrRedirectLoop, wantMsg: "/loop/b redirects back to"},
		{name: "five redirects allowed", req: Request{URL: srv.URL + "/chain/5"}, check: func(t *testing.T, r *Response) {
			if string(r.Body) != "end of chain" || !strings.HasSuffix(r.URL, "/chain/0") {
				t.Errorf("response = %+v", r)
			}
		}},
		{name: "six redirects refused", req: Request{URL: srv.URL + "/chain/6"}, wantErr: ErrTooManyRedirects},
		{name: "redirect to file scheme", req: Request{URL: srv.URL + "/to-file"}, wantErr: ErrScheme},
		{name: "file scheme", req: Request{URL: "file:///etc/passwd"}, wantErr: ErrScheme},
		{name: "slow headers", f: fastF, req: Request{URL: srv.URL + "/slow-headers"}, wantErr: ErrTimeout},
		{name: "slow body", f: fastF, req: Request{URL: srv.URL + "/slow-body"}, wantErr: ErrTimeout},
		{name: "unparseable URL with a token", req: Request{URL: "http://127.0.0.1:1/%zz?token=s3cr3t"}, wantMsg: "bad URL"},
		{name: "token redacted", req: Request{URL: srv.URL + "/404?api_key=s3cr3t&page=2"}, wantMsg: "api_key=REDACTED", status: &StatusError{Code: 404}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fe := f
			if tt.f != nil {
				fe = tt.f
			}
			resp, err := fe.Fetch(context.Background(), tt.req)
			if tt.check != nil {
				if err != nil {
					t.Fatal(err)
				}
				tt.check(t, resp)
				return
			}
			if err == nil {
				t.Fatalf("want an error, got %+v", resp)
			}
			if strings.Contains(err.Error(), "s3cr3t") {
				t.Errorf("error leaks a token: %v", err)
			}
			if !strings.Contains(err.Error(), "127.0.0.1") && tt.req.URL != "file:///etc/passwd" && !strings.Contains(err.Error(), "bad URL") {
				t.Errorf("error does not name the URL: %v", err)
			}
			if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Errorf("err = %v, want %v", err, tt.wantErr)
			}
			if tt.wantMsg != "" && !strings.Contains(err.Error(), tt.wantMsg) {
				t.Errorf("err = %q, want it to contain %q", err, tt.wantMsg)
			}
			if tt.status != nil {
				var se *StatusError
				if !errors.As(err, &se) {
					t.Fatalf("err = %v, want a *StatusError", err)
				}
				if se.Code != tt.status.Code || se.RetryAfter != tt.status.RetryAfter {
					t.Errorf("status = %d retry %s, want %d retry %s", se.Code, se.RetryAfter, tt.status.Code, tt.status.RetryAfter)
				}
			}
		})
	}
}

func TestFetchGuard(t *testing.T) {
	hits := 0
	var mu sync.Mutex
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits++
		mu.Unlock()
		io.WriteString(w, "inside")
	}))
	t.Cleanup(srv.Close)
	port := srv.URL[strings.LastIndex(srv.URL, ":")+1:]

	guarded := testFetch()
	guarded.AllowPrivateNetworks = false
	tests := []struct {
		name   string
		cfg    config.Fetch
		url    string
		reason string // "" means allowed
	}{
		{"loopback refused", guarded, srv.URL, "loopback"},
		{"name resolving to loopback refused", guarded, "http://localhost:" + port + "/", "loopback"},
		{"allowed with the flag", testFetch(), srv.URL, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := newTestFetcher(tt.cfg).Fetch(context.Background(), Request{URL: tt.url})
			if tt.reason == "" {
				if err != nil || string(resp.Body) != "inside" {
					t.Fatalf("got %v, %v", resp, err)
				}
				return
			}
			var be *BlockedAddressError
			if !errors.As(err, &be) {
				t.Fatalf("err = %v, want a *BlockedAddressError", err)
			}
			if be.Reason != tt.reason || !strings.Contains(err.Error(), "refusing to connect") {
				t.Errorf("err = %v", err)
			}
			host := strings.TrimPrefix(strings.TrimPrefix(tt.url, "http://"), "https://")
			host = host[:strings.LastIndex(host, ":")]
			if be.Host != host {
				t.Errorf("host = %q, want %q", be.Host, host)
			}
		})
	}
	if hits != 1 {
		t.Errorf("server saw %d requests, want only the allowed one", hits)
	}
}

// TestFetchGuardAfterRedirect serves from 127.0.0.1 and refuses only
// 127.0.0.2, so a redirect to 127.0.0.2 shows the guard runs on every
// dial, not just on the configured URL.
func TestFetchGuardAfterRedirect(t *testing.T) {
	inner := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "internal")
	}))
	l, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		t.Skipf("no 127.0.0.2 on this host: %v", err)
	}
	inner.Listener = l
	inner.Start()
	t.Cleanup(inner.Close)
	outer := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, inner.URL+"/secret", http.StatusFound)
	}))
	t.Cleanup(outer.Close)

	cfg := testFetch()
	cfg.AllowPrivateNetworks = false
	f := newTestFetcher(cfg)
	f.guard = func(ip netip.Addr) string {
		if ip == netip.MustParseAddr("127.0.0.2") {
			return "test-blocked"
		}
		return ""
	}
	_, err = f.Fetch(context.Background(), Request{URL: outer.URL + "/start"})
	var be *BlockedAddressError
	if !errors.As(err, &be) || be.Reason != "test-blocked" || be.Host != "127.0.0.2" {
		t.Fatalf("err = %v, want the redirect target refused", err)
	}
	if !strings.Contains(err.Error(), outer.URL+"/start") {
		t.Errorf("error does not name the source URL: %v", err)
	}
}

func TestBlockedReason(t *testing.T) {
	tests := []struct {
		ip      string
		blocked bool
	}{
		{"127.0.0.1", true},
		{"127.8.9.10", true},
		{"::1", true},
		{"10.1.2.3", true},
		{"172.16.0.1", true},
		{"172.31.255.255", true},
		{"192.168.1.1", true},
		{"fc00::1", true},
		{"fd12:3456::1", true},
		{"169.254.169.254", true},
		{"169.254.1.1", true},
		{"fe80::1", true},
		{"224.0.0.1", true},
		{"ff02::1", true},
		{"0.0.0.0", true},
		{"::", true},
		{"100.64.0.1", true},
		{"100.127.255.254", true},
		{"::ffff:127.0.0.1", true},
		{"::ffff:10.0.0.1", true},
		{"::ffff:169.254.169.254", true},
		{"64:ff9b::a9fe:a9fe", true}, // NAT64 of 169.254.169.254
		{"2002:7f00:1::", true},      // 6to4 of 127.0.0.1
		{"::127.0.0.1", true},        // IPv4-compatible
		{"255.255.255.255", true},
		{"198.18.0.1", true},
		{"8.8.8.8", false},
		{"172.32.0.1", false},
		{"100.128.0.1", false},
		{"2001:4860:4860::8888", false},
		{"::ffff:8.8.8.8", false},
		{"64:ff9b::808:808", false},
	}
	for _, tt := range tests {
		t.Run(tt.ip, func(t *testing.T) {
			r := blockedReason(netip.MustParseAddr(tt.ip))
			if (r != "") != tt.blocked {
				t.Errorf("blockedReason(%s) = %q, want blocked=%v", tt.ip, r, tt.blocked)
			}
		})
	}
}

func TestParseRetryAfter(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
	}{
		{"120", 120 * time.Second},
		{" 5 ", 5 * time.Second},
		{"0", 0},
		{"-3", 0},
		{fixedNow.Add(time.Hour).Format(http.TimeFormat), time.Hour},
		{fixedNow.Add(-time.Hour).Format(http.TimeFormat), 0},
		{"soon", 0},
		{"", 0},
		{"99999999999", 30 * 24 * time.Hour},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := parseRetryAfter(tt.in, fixedNow); got != tt.want {
				t.Errorf("parseRetryAfter(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}
