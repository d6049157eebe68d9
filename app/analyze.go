package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"sovwatch/config"
	"sovwatch/detect"
	"sovwatch/watchers"
)

// MaxAnalyzeBytes bounds what analyze reads, as fetching bounds a body.
const MaxAnalyzeBytes = 10 << 20

// Analyze reads plain text or HTML from r (named name in errors) and
// prints the statements found, as one JSON object or for a person.
func Analyze(cfg *config.Config, name string, r io.Reader, asJSON bool, out io.Writer) error {
	data, err := io.ReadAll(io.LimitReader(r, MaxAnalyzeBytes+1))
	if err != nil {
		return fmt.Errorf("analyze: read %s: %w", name, err)
	}
	if len(data) > MaxAnalyzeBytes {
		return fmt.Errorf("analyze: %s is larger than %d MiB", name, MaxAnalyzeBytes>>20)
	}
	text, lang := string(data), ""
	if looksLikeHTML(data) {
		text, lang = htmlText(data)
	}
	an, err := newAnalyzer(cfg)
	if err != nil {
		return err
	}
	res := an.Detect(text, lang)
	if asJSON {
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		return enc.Encode(res)
	}
	printResult(out, res)
	return nil
}

func looksLikeHTML(data []byte) bool {
	head := bytes.ToLower(bytes.TrimSpace(data[:min(len(data), 1024)]))
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html")) ||
		bytes.Contains(head, []byte("<body")) || bytes.Contains(head, []byte("<p>")) || bytes.Contains(head, []byte("<article"))
}

// htmlText extracts an article's main text, falling back to all of the
// page's text when readability finds no article in it.
func htmlText(data []byte) (string, string) {
	page, err := watchers.ExtractPage(data, "text/html", "http://localhost/")
	if err == nil && strings.TrimSpace(page.Text) != "" {
		if page.Title != "" && !strings.Contains(page.Text, page.Title) {
			return page.Title + ".\n\n" + page.Text, page.Language
		}
		return page.Text, page.Language
	}
	return watchers.HTMLToText(string(data)), ""
}

func printResult(out io.Writer, res detect.Result) {
	lang := res.Language
	if lang == "" {
		lang = "unknown"
	}
	fmt.Fprintf(out, "language: %s\n", lang)
	if len(res.Statements) == 0 {
		fmt.Fprintln(out, "no statements found")
		return
	}
	for i, st := range res.Statements {
		fmt.Fprintf(out, "\n%d. %s  (confidence %.2f)\n", i+1, st.Type, st.Confidence)
		fmt.Fprintf(out, "   speaker: %s\n", orDash(st.Speaker))
		fmt.Fprintf(out, "   actor:   %s\n", orDash(st.Actor))
		fmt.Fprintf(out, "   targets: %s\n", orDash(strings.Join(st.Targets, ", ")))
		if st.Quote != "" {
			fmt.Fprintf(out, "   quote:   “%s”\n", st.Quote)
		}
		fmt.Fprintf(out, "   sentence: %s\n", st.Sentence)
		fmt.Fprintf(out, "   cues:    %s\n", strings.Join(st.Cues, ", "))
	}
}
