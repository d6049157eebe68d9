package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"sovwatch/config"
	"sovwatch/delivery"
)

// Discord delivers alerts through Discord's REST API.
//
// Why a thin REST client and not discordgo.Session: the session sleeps and
// retries by itself on 429 and 502, which would hold the deliverer and hide
// Retry-After from the shared classifier; its endpoints are package
// globals (discordgo.EndpointAPI...) that a test or an api_url could only
// change for the whole process; and its MessageSend has no nonce or
// enforce_nonce, which is what makes a retried send safe. So the requests
// are made here with net/http, while the payloads are discordgo's types
// and discordgo's RateLimiter paces the calls per route bucket.
type Discord struct {
	http    *http.Client
	base    string        // API root ending in "/", e.g. https://discord.com/api/v9/
	token   config.Secret // prints redacted, should the struct ever be logged
	log     *slog.Logger
	loc     *time.Location
	now     func() time.Time
	limiter *discordgo.RateLimiter
	// maxWait is the longest the client blocks for its own rate-limit
	// bucket; a longer wait is returned as a retry so the deliverer can
	// move on to other channels.
	maxWait time.Duration
}

var _ delivery.Notifier = (*Discord)(nil)

// NewDiscord returns a Discord notifier for the configured bot, showing
// times in loc. cfg.APIURL, when set, replaces discordgo.EndpointAPI (tests
// point it at a local server).
func NewDiscord(cfg config.Discord, log *slog.Logger, loc *time.Location) *Discord {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if loc == nil {
		loc = time.UTC
	}
	base := discordgo.EndpointAPI
	if cfg.APIURL != "" {
		base = strings.TrimRight(cfg.APIURL, "/") + "/"
	}
	return &Discord{
		http:    &http.Client{Timeout: 30 * time.Second},
		base:    base,
		token:   cfg.Token,
		log:     log.With("platform", "discord"),
		loc:     loc,
		now:     time.Now,
		limiter: discordgo.NewRatelimiter(),
		maxWait: 5 * time.Second,
	}
}

// createMessage is the body of POST /channels/{id}/messages: discordgo's
// MessageSend plus the two fields it lacks.
type createMessage struct {
	discordgo.MessageSend
	// Nonce with EnforceNonce makes Discord return the first message for a
	// repeated nonce (within a few minutes) instead of posting a copy, so
	// a retry after a send whose answer was lost does not duplicate it.
	Nonce        string `json:"nonce,omitempty"`
	EnforceNonce bool   `json:"enforce_nonce,omitempty"`
}

// editMessage is the body of PATCH /channels/{id}/messages/{mid}. It is
// our own because discordgo's MessageEdit marshals its routing fields.
type editMessage struct {
	Content         string                            `json:"content"`
	Embeds          []*discordgo.MessageEmbed         `json:"embeds"`
	AllowedMentions *discordgo.MessageAllowedMentions `json:"allowed_mentions"`
}

// startThread is the body of POST /channels/{id}/messages/{mid}/threads.
type startThread struct {
	Name                string `json:"name"`
	AutoArchiveDuration int    `json:"auto_archive_duration,omitempty"`
}

// Nonce is the nonce a delivery is sent with: the same for every attempt
// of one delivery, unique across deliveries, at most 25 characters.
func Nonce(deliveryID int64) string { return "sw" + strconv.FormatInt(deliveryID, 10) }

// Send posts the alert as an embed and returns the message ID.
func (d *Discord) Send(ctx context.Context, m delivery.Message) (string, bool, error) {
	msg := RenderDiscord(BuildView(m.Alert, LocationFor(m.Alert.Watchlist, d.loc), MentionsOf(m.Mentions)))
	if title, body, ok := plainContent(m); ok {
		msg = RenderDiscordPlain(title, body)
	}
	id, err := d.post(ctx, "post", m.Channel, msg, Nonce(m.DeliveryID))
	if err != nil {
		return "", !IsPermanent(err), err
	}
	return id, false, nil
}

// Update edits the posted alert m.RemoteID with the story's outlets as
// they are now (delivery.Updater).
func (d *Discord) Update(ctx context.Context, m delivery.Message) (bool, error) {
	if err := d.Edit(ctx, m.Channel, m.RemoteID, BuildView(m.Alert, LocationFor(m.Alert.Watchlist, d.loc), nil)); err != nil {
		return !IsPermanent(err), err
	}
	return false, nil
}

// Reply posts a later article's statements in the thread on the posted
// alert m.RemoteID (delivery.Replier), with the delivery's nonce.
func (d *Discord) Reply(ctx context.Context, m delivery.Message) (string, bool, error) {
	id, err := d.Thread(ctx, m.Channel, m.RemoteID, m.Alert.Article.Title, BuildView(m.Alert, LocationFor(m.Alert.Watchlist, d.loc), MentionsOf(m.Mentions)), Nonce(m.DeliveryID))
	if err != nil {
		return "", !IsPermanent(err), err
	}
	return id, false, nil
}

// Edit edits a posted alert, for a story that more outlets picked up.
func (d *Discord) Edit(ctx context.Context, channel, messageID string, v View) error {
	if !snowflake(channel) || !snowflake(messageID) {
		return &Error{Platform: "discord", Op: "update", Message: "invalid channel or message ID", Permanent: true}
	}
	msg := RenderDiscord(v)
	body := editMessage{Content: msg.Content, Embeds: []*discordgo.MessageEmbed{msg.Embed}, AllowedMentions: msg.AllowedMentions}
	return d.do(ctx, "update", http.MethodPatch, "channels/"+channel+"/messages/"+messageID, "PATCH channels/"+channel+"/messages", body, nil)
}

// Thread posts the view in the thread on the message messageID, starting
// the thread (named name) when there is none yet, and returns the reply's
// ID. A thread started from a message has that message's ID, so the same
// call serves the first reply and every later one. nonce, when not empty,
// deduplicates retries as in Send.
func (d *Discord) Thread(ctx context.Context, channel, messageID, name string, v View, nonce string) (string, error) {
	if !snowflake(channel) || !snowflake(messageID) {
		return "", &Error{Platform: "discord", Op: "reply", Message: "invalid channel or message ID", Permanent: true}
	}
	name = clip(Clean(name), 100, plain)
	if name == "" {
		name = "Story"
	}
	var ch discordgo.Channel
	err := d.do(ctx, "thread", http.MethodPost, "channels/"+channel+"/messages/"+messageID+"/threads",
		"POST channels/"+channel+"/threads", startThread{Name: name, AutoArchiveDuration: 10080}, &ch)
	var e *Error
	// 160004: "A thread has already been created for this message".
	if err != nil && !(errors.As(err, &e) && e.Code == "160004") {
		return "", err
	}
	return d.post(ctx, "reply", messageID, RenderDiscord(v), nonce)
}

// post creates a message in a channel (or thread) and returns its ID.
func (d *Discord) post(ctx context.Context, op, channel string, msg DiscordMessage, nonce string) (string, error) {
	if !snowflake(channel) {
		return "", &Error{Platform: "discord", Op: op, Message: "invalid channel ID", Permanent: true}
	}
	body := createMessage{
		MessageSend: discordgo.MessageSend{
			Content:         msg.Content,
			Embeds:          []*discordgo.MessageEmbed{msg.Embed},
			AllowedMentions: msg.AllowedMentions,
		},
		Nonce:        nonce,
		EnforceNonce: nonce != "",
	}
	var out discordgo.Message
	if err := d.do(ctx, op, http.MethodPost, "channels/"+channel+"/messages", "POST channels/"+channel+"/messages", body, &out); err != nil {
		return "", err
	}
	return out.ID, nil
}

// apiError is Discord's error body.
type apiError struct {
	Code       int     `json:"code"`
	Message    string  `json:"message"`
	RetryAfter float64 `json:"retry_after"` // seconds, on 429
	Global     bool    `json:"global"`
}

// do makes one API call: it waits for the route's rate-limit bucket (up to
// maxWait), sends body as JSON, and decodes a 2xx answer into out. Any
// other answer becomes an *Error classified by the shared rules.
func (d *Discord) do(ctx context.Context, op, method, path, bucketKey string, body, out any) error {
	payload, err := json.Marshal(body)
	if err != nil {
		return &Error{Platform: "discord", Op: op, Message: "encode: " + err.Error(), Permanent: true}
	}
	b := d.limiter.GetBucket(bucketKey)
	b.Lock()
	if wait := d.limiter.GetWaitTime(b, 1); wait > 0 {
		if wait > d.maxWait {
			b.Unlock()
			return &Error{Platform: "discord", Op: op, Status: http.StatusTooManyRequests, Message: "rate limit bucket exhausted", Delay: wait}
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			b.Unlock()
			return &Error{Platform: "discord", Op: op, Message: ctx.Err().Error()}
		case <-t.C:
		}
	}
	b.Remaining--
	var header http.Header
	defer func() { _ = b.Release(header) }()

	req, err := http.NewRequestWithContext(ctx, method, d.base+path, bytes.NewReader(payload))
	if err != nil {
		return &Error{Platform: "discord", Op: op, Message: redact(err.Error(), d.token.Reveal()), Permanent: true}
	}
	req.Header.Set("Authorization", "Bot "+d.token.Reveal())
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "DiscordBot (https://github.com/sovwatch/sovwatch, 1) sovwatch")
	resp, err := d.http.Do(req)
	if err != nil {
		// No answer: the network, a timeout or a cancelled context.
		return &Error{Platform: "discord", Op: op, Message: redact(err.Error(), d.token.Reveal())}
	}
	defer resp.Body.Close()
	header = resp.Header
	data, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return &Error{Platform: "discord", Op: op, Status: resp.StatusCode, Message: "read answer: " + redact(err.Error(), d.token.Reveal())}
	}
	outcome, delay := ClassifyHTTP(resp.StatusCode, resp.Header, d.now())
	if outcome == Done {
		if out != nil && len(data) > 0 {
			if err := json.Unmarshal(data, out); err != nil {
				// Discord accepted it; an unreadable answer only loses the ID.
				d.log.Warn("unreadable answer", "err", err)
			}
		}
		return nil
	}
	e := &Error{Platform: "discord", Op: op, Status: resp.StatusCode, Permanent: outcome == Permanent, Delay: delay}
	var ae apiError
	if json.Unmarshal(data, &ae) == nil {
		if ae.Code != 0 {
			e.Code = strconv.Itoa(ae.Code)
		}
		e.Message = clip(Clean(redact(ae.Message, d.token.Reveal())), 200, plain)
		if ra := secondsDuration(ae.RetryAfter); ra > e.Delay {
			e.Delay = ra // the body is more precise than the header
		}
	}
	if e.Message == "" {
		e.Message = http.StatusText(resp.StatusCode)
	}
	return e
}

// snowflake reports whether s looks like a Discord ID, so that nothing
// else can be spliced into a request path.
func snowflake(s string) bool {
	return s != "" && len(s) <= 20 && strings.Trim(s, "0123456789") == ""
}

// String describes the notifier without its token.
func (d *Discord) String() string { return fmt.Sprintf("discord(%s)", d.base) }
