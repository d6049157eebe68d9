package config

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"
)

func noEnv(string) (string, bool) { return "", false }

func TestExampleConfigValidates(t *testing.T) {
	cfg, err := LoadFile(filepath.Join("..", "config.example.yaml"), noEnv)
	if err != nil {
		t.Fatalf("config.example.yaml: %v", err)
	}
	if len(cfg.Sources) != 4 || len(cfg.Watchlists) != 2 {
		t.Fatalf("got %d sources and %d watchlists, want 4 and 2", len(cfg.Sources), len(cfg.Watchlists))
	}
	if got := cfg.Sources[3].URL; got != DefaultGDELTURL {
		t.Errorf("gdelt source url = %q, want the default endpoint", got)
	}
	if got := cfg.Watchlists[1].Timezone; got != "Europe/Copenhagen" {
		t.Errorf("timezone = %q", got)
	}
}

func TestDefaultValidates(t *testing.T) {
	cfg := Default()
	if err := cfg.Validate(); err != nil {
		t.Fatalf("embedded defaults do not validate: %v", err)
	}
	if len(cfg.Sources) == 0 || len(cfg.Watchlists) != 1 || cfg.Watchlists[0].Channels[0] != "console" {
		t.Fatalf("defaults should poll built-in sources and alert the console: %+v", cfg.Watchlists)
	}
}

func TestEmptyFileKeepsBuiltins(t *testing.T) {
	cfg, err := Parse("empty.yaml", []byte("# nothing\n"), noEnv)
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Sources) != len(Default().Sources) || cfg.Storage.Path != DefaultStoragePath || cfg.Fetch.Timeout != DefaultTimeout {
		t.Fatalf("empty file should equal the defaults, got %+v", cfg.Fetch)
	}
}

func TestEnvExpansion(t *testing.T) {
	env := func(k string) (string, bool) {
		v, ok := map[string]string{"TOKEN": "xoxb-1", "DB": "/var/lib/sovwatch.db"}[k]
		return v, ok
	}
	src := "# ${NOT_EXPANDED} in a comment\nstorage:\n  path: ${DB} # ${ALSO_NOT}\nslack:\n  bot_token: ${TOKEN}\n  app_token: ${APP:-}\nfetch:\n  user_agent: \"desk $${literal} #1\"\n"
	cfg, err := Parse("env.yaml", []byte(src), env)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Fetch.UserAgent != "desk ${literal} #1" {
		t.Errorf("user_agent = %q", cfg.Fetch.UserAgent)
	}
	if cfg.Storage.Path != "/var/lib/sovwatch.db" || cfg.Slack.BotToken.Reveal() != "xoxb-1" || cfg.Slack.AppToken != "" {
		t.Fatalf("expansion went wrong: %+v", cfg.Storage)
	}
}

func TestSecretNeverPrints(t *testing.T) {
	s := Secret("xoxb-very-secret")
	for _, got := range []string{s.String(), s.GoString(), s.LogValue().String()} {
		if strings.Contains(got, "very-secret") {
			t.Fatalf("secret leaked: %q", got)
		}
	}
}

func TestBadConfigs(t *testing.T) {
	tests := []struct {
		file string
		want []string // every fragment must appear in the error
	}{
		{"unknown_key.yaml", []string{"unknown_key.yaml:7:5:", `sources[0].shedule: unknown key "shedule"`, `did you mean "schedule"?`}},
		{"unknown_top.yaml", []string{"unknown_top.yaml:1:1:", `did you mean "storage"?`}},
		{"bad_cron.yaml", []string{"bad_cron.yaml:5:5:", `sources[0].schedule: invalid schedule "every five minutes"`, "@every 10m"}},
		{"bad_channel.yaml", []string{"bad_channel.yaml:4:9:", `watchlists[0].channels[0]`, `missing platform prefix`, "slack:C0123456789"}},
		{"missing_env.yaml", []string{"missing_env.yaml:2:14:", "environment variable SOVWATCH_TEST_UNSET_TOKEN is not set", "${SOVWATCH_TEST_UNSET_TOKEN:-default}"}},
		{"type_error.yaml", []string{"type_error.yaml:2:12:", "duration such as"}},
		{"syntax.yaml", []string{"syntax.yaml:3:"}},
		{"slack_unconfigured.yaml", []string{"slack_unconfigured.yaml:3:16:", "sends to Slack but Slack is not configured", "set slack.bot_token"}},
		{"several.yaml", []string{
			`several.yaml:3:5: sources[0].type: unknown source type "atom"`,
			`several.yaml:5:5: sources[1].name: duplicate source name "one"`,
			`several.yaml:10:13: watchlists[0].types[0]: unknown statement type "threats"`,
			`several.yaml:11:5: watchlists[0].min_confidence: must be between 0 and 1`,
			`several.yaml:12:16: watchlists[0].channels[0]: invalid Discord channel ID "general"`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", "bad", tt.file)
			_, err := LoadFile(path, noEnv)
			if err == nil {
				t.Fatal("loaded without error")
			}
			msg := strings.ReplaceAll(err.Error(), filepath.Join("testdata", "bad")+string(os.PathSeparator), "")
			for _, w := range tt.want {
				if !strings.Contains(msg, w) {
					t.Errorf("error does not contain %q:\n%s", w, msg)
				}
			}
		})
	}
}

func TestValidateGathersEveryProblem(t *testing.T) {
	cfg := Default()
	cfg.Log.Format = "xml"
	cfg.Fetch.Timeout = -time.Second
	cfg.Sources[0].Kind = "blog"
	cfg.Watchlists[0].Mode = "sometimes"
	ps := Problems(cfg.Validate())
	if len(ps) != 4 {
		t.Fatalf("want 4 problems, got %d: %v", len(ps), errors.Join(func() []error {
			var es []error
			for _, p := range ps {
				es = append(es, p)
			}
			return es
		}()...))
	}
}

func TestParseChannel(t *testing.T) {
	tests := []struct {
		in      string
		want    Channel
		wantErr bool
	}{
		{"console", Channel{Platform: PlatformConsole}, false},
		{"slack:C0123ABC", Channel{PlatformSlack, "C0123ABC"}, false},
		{"discord:123456789012345678", Channel{PlatformDiscord, "123456789012345678"}, false},
		{"slack:c0123", Channel{}, true},
		{"slack:", Channel{}, true},
		{"discord:abc", Channel{}, true},
		{"teams:123", Channel{}, true},
		{"C0123", Channel{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseChannel(tt.in)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Fatalf("ParseChannel(%q) = %+v, %v", tt.in, got, err)
			}
			if err == nil && got.String() != tt.in {
				t.Fatalf("String() = %q", got.String())
			}
		})
	}
}

func TestChecksArePositioned(t *testing.T) {
	src := "watchlists:\n  - name: a\n    query: 'mexico ('\n"
	check := func(c *Config) error {
		if c.Watchlists[0].Query == "mexico (" {
			return &Problem{Path: "watchlists[0].query", Msg: "unbalanced parenthesis at 8", Hint: "add ')'"}
		}
		return nil
	}
	_, err := Parse("q.yaml", []byte(src), noEnv, check)
	if err == nil || !strings.Contains(err.Error(), "q.yaml:3:5: watchlists[0].query: unbalanced parenthesis at 8 (add ')')") {
		t.Fatalf("got %v", err)
	}
}

func TestParseMention(t *testing.T) {
	tests := []struct {
		in   string
		want Target
		err  bool
	}{
		{"slack:U0123ABCD", Target{"slack", "user", "U0123ABCD"}, false},
		{"slack:S0123ABCD", Target{"slack", "usergroup", "S0123ABCD"}, false},
		{"discord:role:123456", Target{"discord", "role", "123456"}, false},
		{"discord:user:42", Target{"discord", "user", "42"}, false},
		{"slack:C0123", Target{}, true},
		{"slack:here", Target{}, true},
		{"discord:everyone", Target{}, true},
		{"discord:role:abc", Target{}, true},
		{"@channel", Target{}, true},
	}
	for _, tt := range tests {
		got, err := ParseMention(tt.in)
		if (err != nil) != tt.err || got != tt.want {
			t.Errorf("ParseMention(%q) = %+v, %v", tt.in, got, err)
		}
	}
}

// Every key the config knows appears in config.example.yaml, so the
// example stays the reference it claims to be.
func TestExampleDocumentsEveryKey(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "config.example.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	example := string(data)
	var walk func(rt reflect.Type, path string)
	walk = func(rt reflect.Type, path string) {
		for rt.Kind() == reflect.Pointer || rt.Kind() == reflect.Slice {
			rt = rt.Elem()
		}
		if rt.Kind() != reflect.Struct || rt.String() == "time.Time" {
			return
		}
		for key, ft := range yamlFields(rt) {
			if !regexp.MustCompile(`(?m)^[\s-]*`+regexp.QuoteMeta(key)+`:`).MatchString(example) &&
				!strings.Contains(example, "{"+key+":") && !strings.Contains(example, " "+key+":") {
				t.Errorf("config.example.yaml does not document %s%s", path, key)
			}
			walk(ft, path+key+".")
		}
	}
	walk(reflect.TypeOf(Config{}), "")
}

// FuzzParse: no configuration file, however broken, panics the loader;
// every rejection is a readable error.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"unknown_key", "bad_cron", "bad_channel", "missing_env", "type_error", "several", "syntax"} {
		data, err := os.ReadFile(filepath.Join("testdata", "bad", name+".yaml"))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	example, err := os.ReadFile(filepath.Join("..", "config.example.yaml"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(example)
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := Parse("fuzz.yaml", data, func(k string) (string, bool) { return "v", k == "SET" })
		if err == nil && cfg.Validate() != nil {
			t.Fatal("Parse accepted a config that does not validate")
		}
		if err != nil && err.Error() == "" {
			t.Fatal("empty error")
		}
	})
}
