package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"sovwatch/config"
	"sovwatch/delivery"
)

const discordToken = "MTIz.discord-secret-token.xyz"

type discordRequest struct {
	method, path, auth string
	body               map[string]any
}

// fakeDiscord is a local Discord REST API; answer decides each response.
type fakeDiscord struct {
	mu       sync.Mutex
	requests []discordRequest
	answer   func(w http.ResponseWriter, r *http.Request)
}

func (f *fakeDiscord) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body)
	var body map[string]any
	_ = json.Unmarshal(data, &body)
	f.mu.Lock()
	f.requests = append(f.requests, discordRequest{r.Method, r.URL.Path, r.Header.Get("Authorization"), body})
	f.mu.Unlock()
	f.answer(w, r)
}

func discordOK(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	fmt.Fprint(w, `{"id":"1310000000000000001","channel_id":"42"}`)
}

func discordStatus(status int, header map[string]string, body string) func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, _ *http.Request) {
		for k, v := range header {
			w.Header().Set(k, v)
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		fmt.Fprint(w, body)
	}
}

func newTestDiscord(t *testing.T, answer func(http.ResponseWriter, *http.Request)) (*Discord, *fakeDiscord) {
	t.Helper()
	f := &fakeDiscord{answer: answer}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	return NewDiscord(config.Discord{Token: discordToken, APIURL: srv.URL + "/api/v10"}, nil, time.UTC), f
}

func TestDiscordSend(t *testing.T) {
	tests := []struct {
		name      string
		answer    func(http.ResponseWriter, *http.Request)
		wantID    string
		wantRetry bool
		wantPerm  bool
		wantDelay time.Duration
		wantErr   string
	}{
		{name: "ok", answer: discordOK, wantID: "1310000000000000001"},
		{name: "429 body retry_after", answer: discordStatus(429, map[string]string{"Retry-After": "2"},
			`{"message":"You are being rate limited.","retry_after":2.5,"global":false,"code":0}`),
			wantRetry: true, wantDelay: 2500 * time.Millisecond, wantErr: "HTTP 429"},
		{name: "429 header only", answer: discordStatus(429, map[string]string{"Retry-After": "4"}, `{}`),
			wantRetry: true, wantDelay: 4 * time.Second, wantErr: "HTTP 429"},
		{name: "502", answer: discordStatus(502, nil, `<html>bad gateway</html>`), wantRetry: true, wantErr: "HTTP 502"},
		{name: "403 missing access", answer: discordStatus(403, nil, `{"message":"Missing Access","code":50001}`),
			wantPerm: true, wantErr: "50001: Missing Access"},
		{name: "403 missing permissions", answer: discordStatus(403, nil, `{"message":"Missing Permissions","code":50013}`),
			wantPerm: true, wantErr: "Missing Permissions"},
		{name: "404 unknown channel", answer: discordStatus(404, nil, `{"message":"Unknown Channel","code":10003}`),
			wantPerm: true, wantErr: "Unknown Channel"},
		{name: "401 echoing the token", answer: discordStatus(401, nil, `{"message":"401: Unauthorized `+discordToken+`","code":0}`),
			wantPerm: true, wantErr: "Unauthorized"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, f := newTestDiscord(t, tt.answer)
			id, retry, err := d.Send(context.Background(), delivery.Message{DeliveryID: 1234, Channel: "42", Attempt: 1, Alert: richAlert()})
			if id != tt.wantID || retry != tt.wantRetry {
				t.Fatalf("id %q retry %v err %v", id, retry, err)
			}
			if tt.wantErr == "" && err != nil {
				t.Fatal(err)
			}
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err %v, want %q", err, tt.wantErr)
				}
				if strings.Contains(err.Error(), discordToken) {
					t.Fatalf("token in error: %v", err)
				}
				var e *Error
				if !errors.As(err, &e) || e.Permanent != tt.wantPerm || e.RetryDelay() != tt.wantDelay {
					t.Fatalf("err %#v: want permanent %v delay %v", err, tt.wantPerm, tt.wantDelay)
				}
			}
			if len(f.requests) != 1 {
				t.Fatalf("%d requests", len(f.requests))
			}
			r := f.requests[0]
			if r.method != http.MethodPost || r.path != "/api/v10/channels/42/messages" {
				t.Errorf("%s %s", r.method, r.path)
			}
			if r.auth != "Bot "+discordToken {
				t.Errorf("authorization %q", r.auth)
			}
			if r.body["nonce"] != "sw1234" || r.body["enforce_nonce"] != true {
				t.Errorf("nonce %v enforce %v", r.body["nonce"], r.body["enforce_nonce"])
			}
			am, _ := json.Marshal(r.body["allowed_mentions"])
			if !strings.Contains(string(am), `"parse":[]`) {
				t.Errorf("allowed_mentions %s", am)
			}
			if embeds, _ := r.body["embeds"].([]any); len(embeds) != 1 {
				t.Errorf("embeds %v", r.body["embeds"])
			}
		})
	}
}

func TestDiscordNonceStableAcrossAttempts(t *testing.T) {
	d, f := newTestDiscord(t, discordOK)
	for attempt := 1; attempt <= 2; attempt++ {
		if _, _, err := d.Send(context.Background(), delivery.Message{DeliveryID: 77, Channel: "42", Attempt: attempt, Alert: richAlert()}); err != nil {
			t.Fatal(err)
		}
	}
	if f.requests[0].body["nonce"] != f.requests[1].body["nonce"] {
		t.Errorf("nonces differ: %v %v", f.requests[0].body["nonce"], f.requests[1].body["nonce"])
	}
	if n := Nonce(1<<63 - 1); len(n) > 25 {
		t.Errorf("nonce %q longer than 25", n)
	}
}

func TestDiscordMentions(t *testing.T) {
	d, f := newTestDiscord(t, discordOK)
	m := delivery.Message{DeliveryID: 1, Channel: "42", Alert: richAlert(), Mentions: []string{"discord:role:555", "slack:U1", "discord:everyone"}}
	if _, _, err := d.Send(context.Background(), m); err != nil {
		t.Fatal(err)
	}
	b := f.requests[0].body
	am, _ := json.Marshal(b["allowed_mentions"])
	if b["content"] != "<@&555>" || string(am) != `{"parse":[],"replied_user":false,"roles":["555"]}` {
		t.Errorf("content %v allowed_mentions %s", b["content"], am)
	}
}

func TestDiscordUpdateAndReply(t *testing.T) {
	threadExists := false
	d, f := newTestDiscord(t, func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/threads") {
			if threadExists {
				discordStatus(400, nil, `{"message":"A thread has already been created for this message","code":160004}`)(w, r)
				return
			}
			fmt.Fprint(w, `{"id":"900","type":11}`)
			return
		}
		discordOK(w, r)
	})
	v := BuildView(richAlert(), time.UTC, nil)
	ctx := context.Background()
	if err := d.Edit(ctx, "42", "900", v); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Thread(ctx, "42", "900", "Sheinbaum rejects", v, "sw5"); err != nil {
		t.Fatal(err)
	}
	threadExists = true
	if _, err := d.Thread(ctx, "42", "900", "Sheinbaum rejects", v, ""); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"PATCH /api/v10/channels/42/messages/900",
		"POST /api/v10/channels/42/messages/900/threads",
		"POST /api/v10/channels/900/messages",
		"POST /api/v10/channels/42/messages/900/threads",
		"POST /api/v10/channels/900/messages",
	}
	for i, w := range want {
		if got := f.requests[i].method + " " + f.requests[i].path; got != w {
			t.Errorf("request %d: %s, want %s", i, got, w)
		}
	}
	if f.requests[0].body["embeds"] == nil || f.requests[0].body["allowed_mentions"] == nil {
		t.Errorf("edit body %v", f.requests[0].body)
	}
	if f.requests[1].body["name"] != "Sheinbaum rejects" || f.requests[2].body["nonce"] != "sw5" {
		t.Errorf("thread %v reply %v", f.requests[1].body, f.requests[2].body)
	}
	if err := d.Edit(ctx, "42/../../guilds", "1", v); !IsPermanent(err) {
		t.Errorf("path injection not refused: %v", err)
	}
}

func TestDiscordBucketWait(t *testing.T) {
	// A bucket that says it is empty for a minute makes the next call
	// return a retry at once rather than block the deliverer.
	d, f := newTestDiscord(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-RateLimit-Remaining", "0")
		w.Header().Set("X-RateLimit-Reset-After", "60")
		discordOK(w, r)
	})
	if _, _, err := d.Send(context.Background(), delivery.Message{DeliveryID: 1, Channel: "42", Alert: richAlert()}); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, retry, err := d.Send(context.Background(), delivery.Message{DeliveryID: 2, Channel: "42", Alert: richAlert()})
	var e *Error
	if !retry || !errors.As(err, &e) || e.RetryDelay() < 50*time.Second || time.Since(start) > time.Second {
		t.Fatalf("retry %v err %v after %v", retry, err, time.Since(start))
	}
	if len(f.requests) != 1 {
		t.Fatalf("%d requests reached Discord", len(f.requests))
	}
	// Another channel is another bucket.
	if _, _, err := d.Send(context.Background(), delivery.Message{DeliveryID: 3, Channel: "43", Alert: richAlert()}); err != nil {
		t.Fatal(err)
	}
}

func TestDiscordNetworkErrorRetries(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	srv.Close()
	d := NewDiscord(config.Discord{Token: discordToken, APIURL: srv.URL}, nil, time.UTC)
	_, retry, err := d.Send(context.Background(), delivery.Message{DeliveryID: 1, Channel: "42", Alert: richAlert()})
	if err == nil || !retry || strings.Contains(err.Error(), discordToken) {
		t.Fatalf("retry %v err %v", retry, err)
	}
}
