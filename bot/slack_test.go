package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"sovwatch/config"
	"sovwatch/delivery"
)

const slackToken = "xoxb-secret-test-token-123"

// fakeSlack is a local Slack Web API. answer decides each response.
type fakeSlack struct {
	mu       sync.Mutex
	requests []url.Values // form of each request
	paths    []string
	answer   func(w http.ResponseWriter, r *http.Request)
}

func (f *fakeSlack) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, err.Error(), 400)
		return
	}
	f.mu.Lock()
	f.requests = append(f.requests, r.PostForm)
	f.paths = append(f.paths, r.URL.Path)
	f.mu.Unlock()
	f.answer(w, r)
}

func slackOK(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	fmt.Fprintf(w, `{"ok":true,"channel":%q,"ts":"1732560000.000100"}`, r.PostForm.Get("channel"))
}

func slackAPIError(code string) func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"ok":false,"error":%q}`, code)
	}
}

func slackStatus(status int, retryAfter string) func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, _ *http.Request) {
		if retryAfter != "" {
			w.Header().Set("Retry-After", retryAfter)
		}
		w.WriteHeader(status)
		fmt.Fprint(w, "<html>busy</html>")
	}
}

func newTestSlack(t *testing.T, answer func(http.ResponseWriter, *http.Request)) (*Slack, *fakeSlack) {
	t.Helper()
	f := &fakeSlack{answer: answer}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	s := NewSlack(config.Slack{BotToken: slackToken, APIURL: srv.URL + "/api"}, nil, time.UTC)
	return s, f
}

func TestSlackSend(t *testing.T) {
	now := time.Now()
	tests := []struct {
		name      string
		answer    func(http.ResponseWriter, *http.Request)
		attempt   int
		wantID    string
		wantRetry bool
		wantPerm  bool
		wantDelay time.Duration
		wantErr   string
	}{
		{name: "ok", answer: slackOK, wantID: "1732560000.000100"},
		{name: "429 seconds", answer: slackStatus(429, "7"), wantRetry: true, wantDelay: 7 * time.Second, wantErr: "ratelimited"},
		{name: "429 date", answer: slackStatus(429, now.Add(2*time.Minute).UTC().Format(http.TimeFormat)), wantRetry: true, wantDelay: 2 * time.Minute, wantErr: "ratelimited"},
		{name: "429 bare", answer: slackStatus(429, ""), wantRetry: true, wantErr: "HTTP 429"},
		{name: "500", answer: slackStatus(500, ""), wantRetry: true, wantErr: "HTTP 500"},
		{name: "503", answer: slackStatus(503, "30"), wantRetry: true, wantDelay: 30 * time.Second, wantErr: "HTTP 503"},
		{name: "404", answer: slackStatus(404, ""), wantPerm: true, wantErr: "HTTP 404"},
		{name: "ratelimited ok:false", answer: slackAPIError("ratelimited"), wantRetry: true, wantErr: "ratelimited"},
		{name: "channel_not_found", answer: slackAPIError("channel_not_found"), wantPerm: true, wantErr: "channel_not_found"},
		{name: "not_in_channel", answer: slackAPIError("not_in_channel"), wantPerm: true, wantErr: "not_in_channel"},
		{name: "invalid_auth", answer: slackAPIError("invalid_auth"), wantPerm: true, wantErr: "invalid_auth"},
		{name: "unknown code retried", answer: slackAPIError("brand_new_error"), attempt: 1, wantRetry: true, wantErr: "brand_new_error"},
		{name: "unknown code given up", answer: slackAPIError("brand_new_error"), attempt: UnknownErrorAttempts, wantPerm: true, wantErr: "brand_new_error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, f := newTestSlack(t, tt.answer)
			id, retry, err := s.Send(context.Background(), delivery.Message{DeliveryID: 9, Channel: "C0123", Attempt: tt.attempt, Alert: richAlert()})
			if id != tt.wantID || retry != tt.wantRetry {
				t.Fatalf("id %q retry %v err %v", id, retry, err)
			}
			if tt.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
			} else {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err %v, want %q", err, tt.wantErr)
				}
				if strings.Contains(err.Error(), slackToken) {
					t.Fatalf("token in error: %v", err)
				}
				var e *Error
				if !errors.As(err, &e) || e.Permanent != tt.wantPerm {
					t.Fatalf("err %#v, permanent want %v", err, tt.wantPerm)
				}
				// Dates are read against the clock: allow a second of drift.
				if d := e.RetryDelay() - tt.wantDelay; d < -2*time.Second || d > 2*time.Second {
					t.Fatalf("delay %v want %v", e.RetryDelay(), tt.wantDelay)
				}
			}
			if len(f.requests) != 1 {
				t.Fatalf("%d requests: slack-go must not retry by itself", len(f.requests))
			}
			form := f.requests[0]
			if f.paths[0] != "/api/chat.postMessage" || form.Get("channel") != "C0123" || form.Get("token") != slackToken {
				t.Errorf("request %s %v", f.paths[0], form)
			}
			if form.Get("unfurl_links") != "false" || form.Get("unfurl_media") != "false" {
				t.Errorf("unfurl not disabled: %v", form)
			}
			var blocks []map[string]any
			if err := json.Unmarshal([]byte(form.Get("blocks")), &blocks); err != nil || len(blocks) == 0 {
				t.Errorf("blocks %q: %v", form.Get("blocks"), err)
			}
			if !strings.Contains(form.Get("text"), "Sheinbaum rejects") {
				t.Errorf("fallback text %q", form.Get("text"))
			}
		})
	}
}

func TestSlackUpdateAndReply(t *testing.T) {
	s, f := newTestSlack(t, slackOK)
	v := BuildView(richAlert(), time.UTC, nil)
	if err := s.Edit(context.Background(), "C0123", "1732560000.000100", v); err != nil {
		t.Fatal(err)
	}
	ts, err := s.Thread(context.Background(), "C0123", "1732560000.000100", v)
	if err != nil || ts == "" {
		t.Fatalf("reply %q %v", ts, err)
	}
	if f.paths[0] != "/api/chat.update" || f.requests[0].Get("ts") != "1732560000.000100" {
		t.Errorf("update: %s %v", f.paths[0], f.requests[0])
	}
	if f.paths[1] != "/api/chat.postMessage" || f.requests[1].Get("thread_ts") != "1732560000.000100" {
		t.Errorf("reply: %s %v", f.paths[1], f.requests[1])
	}

	s, _ = newTestSlack(t, slackAPIError("message_not_found"))
	if err := s.Edit(context.Background(), "C0123", "1", v); !IsPermanent(err) {
		t.Errorf("update of a deleted message: %v", err)
	}
}

func TestSlackMentions(t *testing.T) {
	s, f := newTestSlack(t, slackOK)
	// Only well-formed mentions render; the deliverer already chose these.
	m := delivery.Message{Channel: "C0123", Alert: richAlert(), Mentions: []string{"slack:S0ONCALL", "discord:role:1", "slack:<!channel>"}}
	if _, _, err := s.Send(context.Background(), m); err != nil {
		t.Fatal(err)
	}
	if text := f.requests[0].Get("text"); !strings.HasPrefix(text, "<!subteam^S0ONCALL> [") {
		t.Errorf("text %q", text)
	}
}

func TestSlackNetworkErrorRetries(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	srv.Close() // nothing listens: the request fails without an answer
	s := NewSlack(config.Slack{BotToken: slackToken, APIURL: srv.URL}, nil, time.UTC)
	_, retry, err := s.Send(context.Background(), delivery.Message{Channel: "C0123", Alert: richAlert()})
	if err == nil || !retry || strings.Contains(err.Error(), slackToken) {
		t.Fatalf("retry %v err %v", retry, err)
	}
}
