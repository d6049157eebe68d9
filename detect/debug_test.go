package detect

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDebugPassage prints the full analysis of the passages (from any set) named in
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
	files, _ := filepath.Glob("testdata/*.yaml")
	var ps []passage
	for _, f := range files {
		ps = append(ps, loadCorpus(t, f)...)
	}
	for _, p := range ps {
		if !want[p.ID] {
			continue
		}
		r := d.Analyze(p.Text, "")
		b, _ := json.MarshalIndent(r, "", " ")
		t.Logf("%s\n%s\n%s", p.ID, p.Text, b)
	}
}
