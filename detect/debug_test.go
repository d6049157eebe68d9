package detect

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// TestDebugPassage prints the full analysis of the passages named in
// DEBUG_IDS (comma-separated), for working on the rules.
func TestDebugPassage(t *testing.T) {
	ids := os.Getenv("DEBUG_IDS")
	if ids == "" {
		t.Skip("set DEBUG_IDS")
	}
	d, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, id := range strings.Split(ids, ",") {
		want[id] = true
	}
	for _, p := range loadCorpus(t, "testdata/corpus.yaml") {
		if !want[p.ID] {
			continue
		}
		r := d.Analyze(p.Text, "")
		b, _ := json.MarshalIndent(r, "", " ")
		t.Logf("%s\n%s\n%s", p.ID, p.Text, b)
	}
}
