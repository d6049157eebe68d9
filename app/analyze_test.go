package app

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sovwatch/detect"
	"sovwatch/news"
)

const doneWhen = `Mexican President Claudia Sheinbaum rejected any foreign intervention, saying "Mexico is free, independent and sovereign"`

func runMain(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	env := Env{Stdin: strings.NewReader(stdin), Stdout: &stdout, Stderr: &stderr,
		Getenv: func(string) string { return "" }, FileExists: func(string) bool { return false }}
	return Main(context.Background(), args, env), stdout.String(), stderr.String()
}

func TestAnalyzeJSONContract(t *testing.T) {
	code, out, errOut := runMain(t, doneWhen, "analyze", "-json", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if strings.Count(strings.TrimSpace(out), "\n") != 0 {
		t.Fatalf("want one JSON object on one line, got:\n%s", out)
	}
	var res detect.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	types := map[news.StatementType]bool{}
	for _, st := range res.Statements {
		types[st.Type] = true
		if st.Speaker != "Claudia Sheinbaum" || st.Actor != "MX" || st.Confidence <= 0 || st.Confidence > 1 || len(st.Cues) == 0 {
			t.Errorf("statement %+v", st)
		}
	}
	if res.Language != "en" || !types[news.InterventionRejection] || !types[news.SovereigntyAssertion] {
		t.Fatalf("result %+v", res)
	}
}

func TestAnalyzeInputs(t *testing.T) {
	dir := t.TempDir()
	html := filepath.Join(dir, "page.html")
	page := `<!doctype html><html lang="es"><head><title>Soberanía</title><script>var x = "intervención";</script></head><body>
<nav><a href="/">Inicio</a></nav><article><h1>La presidenta responde</h1>
<p>La presidenta Claudia Sheinbaum rechazó este martes cualquier intervención extranjera y afirmó que "México es un país libre, independiente y soberano".</p>
<p>La mandataria añadió que la cooperación con Estados Unidos seguirá, pero sin subordinación.</p></article></body></html>`
	if err := os.WriteFile(html, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runMain(t, "", "analyze", html)
	if code != 0 || !strings.Contains(out, "language: es") || !strings.Contains(out, "intervention_rejection") || !strings.Contains(out, "speaker: Claudia Sheinbaum") {
		t.Fatalf("HTML page (exit %d):\n%s%s", code, out, errOut)
	}
	code, out, _ = runMain(t, "Mexico's sovereign bonds rallied on Tuesday as the peso firmed.", "analyze", "-")
	if code != 0 || !strings.Contains(out, "no statements found") {
		t.Fatalf("hard negative (exit %d):\n%s", code, out)
	}
	big := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(big, bytes.Repeat([]byte("a "), MaxAnalyzeBytes/2+1), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = runMain(t, "", "analyze", big)
	if code != 1 || !strings.Contains(errOut, "big.txt is larger than 10 MiB") {
		t.Fatalf("oversized (exit %d): %s", code, errOut)
	}
	code, _, errOut = runMain(t, "", "analyze", filepath.Join(dir, "missing.txt"))
	if code != 1 || !strings.Contains(errOut, "missing.txt") {
		t.Fatalf("missing file (exit %d): %s", code, errOut)
	}
}
