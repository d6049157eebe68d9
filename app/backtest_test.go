package app

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"
)

func TestBacktest(t *testing.T) {
	ctx := context.Background()
	srv, _ := newsFeed(t)
	cfg := testConfig(t, srv.URL+"/feed.xml")
	a, err := New(ctx, cfg, Options{Log: quietLog(), Stdout: &bytes.Buffer{}, Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Once(ctx); err != nil {
		t.Fatal(err)
	}
	a.Close()

	tests := []struct {
		name    string
		req     BacktestRequest
		want    []string
		notWant []string
		wantErr string
	}{
		{"statement fields", BacktestRequest{Query: "type:rejection actor:MX", Since: 7 * 24 * time.Hour},
			[]string{"Sheinbaum answers talk", "intervention_rejection  Claudia Sheinbaum (MX", "1 of 2 stored articles matched"}, []string{"bond"}, ""},
		{"words need statements by default", BacktestRequest{Query: "bonds", Since: 7 * 24 * time.Hour},
			[]string{"0 of 2 stored articles matched"}, nil, ""},
		{"statements any", BacktestRequest{Query: "bonds", AnyArticle: true, Since: 7 * 24 * time.Hour},
			[]string{"Sovereign bond spreads narrow", "matched: bonds", "1 of 2"}, nil, ""},
		{"filters alone", BacktestRequest{Types: []string{"assertion"}, Since: 7 * 24 * time.Hour},
			[]string{"sovereignty_assertion", "1 of 2"}, nil, ""},
		{"stored watchlist", BacktestRequest{Watchlist: "all-statements", Since: 7 * 24 * time.Hour},
			[]string{"watchlist \"all-statements\"", "1 of 2"}, nil, ""},
		{"window excludes older articles", BacktestRequest{Query: "type:rejection", Since: time.Minute},
			[]string{"0 of 0 stored articles matched"}, nil, ""},
		{"both query and watchlist", BacktestRequest{Query: "x", Watchlist: "y", Since: time.Hour}, nil, nil, "either -query or -watchlist"},
		{"unknown watchlist", BacktestRequest{Watchlist: "nope", Since: time.Hour}, nil, nil, `no watchlist named "nope"`},
		{"bad query", BacktestRequest{Query: "mexico (cuba", Since: time.Hour}, nil, nil, "unbalanced parenthesis"},
		{"bad type", BacktestRequest{Query: "mexico", Types: []string{"threats"}, Since: time.Hour}, nil, nil, "unknown statement type"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			err := Backtest(ctx, cfg, tt.req, testNow, &out)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, out.String())
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(out.String(), w) {
					t.Errorf("output has %q:\n%s", w, out.String())
				}
			}
		})
	}
}

func TestParseSince(t *testing.T) {
	for in, want := range map[string]time.Duration{"7d": 7 * 24 * time.Hour, "36h": 36 * time.Hour, "90m": 90 * time.Minute} {
		if got, err := ParseSince(in); err != nil || got != want {
			t.Errorf("ParseSince(%q) = %v, %v", in, got, err)
		}
	}
	for _, bad := range []string{"", "0d", "-3d", "week", "-1h"} {
		if _, err := ParseSince(bad); err == nil {
			t.Errorf("ParseSince(%q) accepted", bad)
		}
	}
}
