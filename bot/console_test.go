package bot

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sovwatch/delivery"
	"sovwatch/news"
	"sovwatch/storage"
)

var update = flag.Bool("update", false, "rewrite golden files")

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./bot -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from golden file:\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func sampleAlert() storage.AlertContent {
	pub := time.Date(2026, 11, 25, 18, 30, 0, 0, time.UTC)
	return storage.AlertContent{
		Watchlist: storage.Watchlist{Name: "mexico-sovereignty"},
		Article: storage.StoredArticle{
			Article: news.Article{Title: "Sheinbaum rejects talk of US strikes on cartels", Source: "desk-wire", URL: "https://news.example/mx/1", Published: pub},
			Statements: []news.Statement{
				{Type: news.InterventionRejection, Speaker: "Claudia Sheinbaum", Actor: "MX", Targets: []string{"US"}, Quote: "Cooperation yes, subordination no", Cues: []string{"rejected", "intervention"}, Confidence: 0.91},
				{Type: news.SovereigntyAssertion, Speaker: "Claudia Sheinbaum", Actor: "MX", Quote: "Mexico is free, independent and sovereign", Cues: []string{"sovereign"}, Confidence: 0.88},
			},
		},
		SeenIn: []string{"desk-wire", "gdelt-mexico", "elpais-america"},
	}
}

func TestRenderTextGolden(t *testing.T) {
	mx, _ := time.LoadLocation("America/Mexico_City")
	tests := []struct {
		name  string
		alert func() storage.AlertContent
	}{
		{"console_two_statements", sampleAlert},
		{"console_official_no_statements", func() storage.AlertContent {
			a := sampleAlert()
			a.Article.Statements = nil
			a.Article.SourceKind = news.KindOfficial
			a.Article.Source = "presidencia-mx"
			a.SeenIn = []string{"presidencia-mx"}
			return a
		}},
		{"console_summary_and_terms", richAlert},
		{"console_hostile", func() storage.AlertContent {
			a := sampleAlert()
			a.Article.Title = "Breaking\x1b[2J\x1b[31m red\r\nfake line"
			a.Article.Statements = a.Article.Statements[:1]
			a.Article.Statements[0].Quote = strings.Repeat("very long quote ", 40)
			a.Article.Statements[0].Speaker = ""
			return a
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			golden(t, tt.name, RenderText(tt.alert(), mx))
		})
	}
}

func TestConsoleSendUpdateReply(t *testing.T) {
	var buf bytes.Buffer
	c := NewConsole(&buf, time.UTC)
	ctx := context.Background()
	id, _, err := c.Send(ctx, delivery.Message{DeliveryID: 7, Alert: sampleAlert()})
	if err != nil || id != "console-7" {
		t.Fatalf("send: %q %v", id, err)
	}
	if _, err := c.Update(ctx, delivery.Message{DeliveryID: 8, RemoteID: id, Alert: sampleAlert()}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.Reply(ctx, delivery.Message{DeliveryID: 9, RemoteID: id, Alert: sampleAlert()}); err != nil {
		t.Fatal(err)
	}
	golden(t, "console_send_update_reply", buf.String())
}
