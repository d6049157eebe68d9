package app

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime/debug"
	"strings"
	"text/tabwriter"
	"time"

	"sovwatch/config"
)

// Version is set at build time with -ldflags "-X sovwatch/app.Version=...".
var Version = "dev"

// Env is the process environment a command runs in.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
	// FileExists reports whether a path exists; used to find sovwatch.yaml.
	FileExists func(string) bool
}

// OSEnv is the real process environment.
func OSEnv() Env {
	return Env{
		Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv,
		FileExists: func(p string) bool { _, err := os.Stat(p); return err == nil },
	}
}

const usage = `sovwatch watches the news for statements about sovereignty and foreign
intervention and alerts the chat channels whose watchlists match.

Usage:
  sovwatch [flags] <command> [flags]

Commands:
  run            poll sources on schedule and deliver alerts until stopped
  once           poll every enabled source once, deliver, and exit
  check-config   validate the config and print what it sets up
  analyze [-json] FILE|-
                 print the statements found in a text or HTML file (- reads stdin)
  backtest       show what a query or watchlist would have matched in stored articles:
                 backtest -query 'type:threat target:MX' [-since 7d] [-types ...]
                 backtest -watchlist NAME [-since 7d]
  sources list   show every source with its state: failures, backoff, FAILING after a day
  sources import FILE.opml
                 add the feeds of a feed reader's OPML export as sources
  watchlists list
                 show every watchlist, its owner and channels, and channels that refuse messages
  version        print the version

Flags (before or after the command):
  -config PATH       config file (default: ./sovwatch.yaml, then $SOVWATCH_CONFIG,
                     else built-in defaults)
  -log-format FMT    text or json (overrides log.format)
  -log-level LEVEL   debug, info, warn or error (overrides log.level)
`

// commonFlags are accepted before and after the command name.
type commonFlags struct {
	config    string
	logFormat string
	logLevel  string
}

func (c *commonFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&c.config, "config", c.config, "config file")
	fs.StringVar(&c.logFormat, "log-format", c.logFormat, "text or json")
	fs.StringVar(&c.logLevel, "log-level", c.logLevel, "debug, info, warn or error")
}

// Main runs the command line and returns the exit status.
func Main(ctx context.Context, args []string, env Env) int {
	var common commonFlags
	global := flag.NewFlagSet("sovwatch", flag.ContinueOnError)
	global.SetOutput(env.Stderr)
	global.Usage = func() { fmt.Fprint(env.Stderr, usage) }
	common.register(global)
	if err := global.Parse(args); err != nil {
		return 2
	}
	if global.NArg() == 0 {
		fmt.Fprint(env.Stderr, usage)
		return 2
	}
	cmd, rest := global.Arg(0), global.Args()[1:]
	switch {
	case cmd == "sources" && len(rest) > 0 && (rest[0] == "import" || rest[0] == "list"):
		cmd, rest = "sources "+rest[0], rest[1:]
	case cmd == "sources":
		fmt.Fprintf(env.Stderr, "sovwatch sources: use 'sovwatch sources list' or 'sovwatch sources import FILE.opml'\n")
		return 2
	case cmd == "watchlists" && len(rest) > 0 && rest[0] == "list":
		cmd, rest = "watchlists list", rest[1:]
	case cmd == "watchlists":
		fmt.Fprintf(env.Stderr, "sovwatch watchlists: use 'sovwatch watchlists list'\n")
		return 2
	}
	fs := flag.NewFlagSet("sovwatch "+cmd, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	common.register(fs)
	switch cmd {
	case "run", "once", "check-config", "version", "sources import", "sources list", "watchlists list", "backtest", "analyze":
	case "help", "-h", "--help":
		fmt.Fprint(env.Stdout, usage)
		return 0
	default:
		fmt.Fprintf(env.Stderr, "sovwatch: unknown command %q\n\n%s", cmd, usage)
		return 2
	}
	var bt backtestFlags
	asJSON := false
	switch cmd {
	case "backtest":
		bt.register(fs)
	case "analyze":
		fs.BoolVar(&asJSON, "json", false, "print one JSON object")
	}
	if err := fs.Parse(rest); err != nil {
		return 2
	}
	wantArgs := 0
	if cmd == "sources import" || cmd == "analyze" {
		wantArgs = 1
	}
	if fs.NArg() != wantArgs {
		fmt.Fprintf(env.Stderr, "sovwatch %s: expected %d argument(s), got %d\n\n%s", cmd, wantArgs, fs.NArg(), usage)
		return 2
	}
	if cmd == "version" {
		fmt.Fprintln(env.Stdout, versionString())
		return 0
	}

	cfg, source, err := loadConfig(common.config, env)
	if err != nil {
		fmt.Fprintf(env.Stderr, "sovwatch: invalid configuration:\n%s\n", indent(err.Error()))
		return 1
	}
	if common.logFormat != "" {
		cfg.Log.Format = common.logFormat
	}
	if common.logLevel != "" {
		cfg.Log.Level = common.logLevel
	}
	log, err := newLogger(env.Stderr, cfg.Log)
	if err != nil {
		fmt.Fprintf(env.Stderr, "sovwatch: %v\n", err)
		return 2
	}
	switch cmd {
	case "check-config":
		printSummary(env.Stdout, cfg, source)
		return 0
	case "sources import":
		if err := ImportOPML(ctx, cfg, fs.Arg(0), env.Stdout); err != nil {
			fmt.Fprintf(env.Stderr, "sovwatch: %v\n", err)
			return 1
		}
		return 0
	case "sources list", "watchlists list":
		if cmd == "sources list" {
			err = ListSources(ctx, cfg, time.Now(), env.Stdout)
		} else {
			err = ListWatchlists(ctx, cfg, env.Stdout)
		}
		if err != nil {
			fmt.Fprintf(env.Stderr, "sovwatch: %v\n", err)
			return 1
		}
		return 0
	case "analyze":
		if err := runAnalyze(cfg, fs.Arg(0), asJSON, env); err != nil {
			fmt.Fprintf(env.Stderr, "sovwatch: %v\n", err)
			return 1
		}
		return 0
	case "backtest":
		req, err := bt.request()
		if err == nil {
			err = Backtest(ctx, cfg, req, time.Now(), env.Stdout)
		}
		if err != nil {
			fmt.Fprintf(env.Stderr, "sovwatch: %v\n", err)
			return 1
		}
		return 0
	}
	log.Info("configuration loaded", "from", source)
	a, err := New(ctx, cfg, Options{Log: log, Stdout: env.Stdout})
	if err != nil {
		log.Error("start failed", "err", err)
		return 1
	}
	defer a.Close()
	switch cmd {
	case "run":
		err = a.Run(ctx)
	case "once":
		err = a.Once(ctx)
	}
	if err != nil {
		log.Error(cmd+" failed", "err", err)
		return 1
	}
	return 0
}

// loadConfig finds and loads the config: the -config path, else
// ./sovwatch.yaml, else $SOVWATCH_CONFIG, else the built-in defaults.
func loadConfig(path string, env Env) (*config.Config, string, error) {
	lookup := func(k string) (string, bool) {
		v := env.Getenv(k)
		return v, v != ""
	}
	switch {
	case path != "":
	case env.FileExists("sovwatch.yaml"):
		path = "sovwatch.yaml"
	case env.Getenv("SOVWATCH_CONFIG") != "":
		path = env.Getenv("SOVWATCH_CONFIG")
	default:
		cfg := config.Default()
		return &cfg, "built-in defaults", nil
	}
	cfg, err := config.LoadFile(path, lookup, checkQueries, checkPeople)
	return cfg, path, err
}

func newLogger(w io.Writer, c config.Log) (*slog.Logger, error) {
	var level slog.Level
	if err := level.UnmarshalText([]byte(c.Level)); err != nil {
		return nil, fmt.Errorf("log level %q: use debug, info, warn or error", c.Level)
	}
	opts := &slog.HandlerOptions{Level: level}
	switch c.Format {
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	case "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	}
	return nil, fmt.Errorf("log format %q: use text or json", c.Format)
}

func versionString() string {
	v := Version
	if info, ok := debug.ReadBuildInfo(); ok && v == "dev" && info.Main.Version != "" && info.Main.Version != "(devel)" {
		v = info.Main.Version
	}
	return "sovwatch " + v
}

func indent(s string) string {
	return "  " + strings.ReplaceAll(s, "\n", "\n  ")
}

// printSummary shows what the config sets up, secrets redacted.
func printSummary(w io.Writer, cfg *config.Config, source string) {
	fmt.Fprintf(w, "configuration: %s (valid)\n", source)
	fmt.Fprintf(w, "database: %s\n", cfg.Storage.Path)
	fmt.Fprintln(w, "\nsinks:")
	fmt.Fprintln(w, "  console   always available")
	sinkState := func(on bool, what string) string {
		if on {
			return "configured (" + what + ")"
		}
		return "not configured"
	}
	fmt.Fprintf(w, "  slack     %s\n", sinkState(cfg.Slack.BotToken != "", "bot token "+cfg.Slack.BotToken.String()+", API "+cfg.Slack.APIURL))
	fmt.Fprintf(w, "  discord   %s\n", sinkState(cfg.Discord.Token != "", "token "+cfg.Discord.Token.String()+", application "+cfg.Discord.ApplicationID))

	fmt.Fprintf(w, "\nsources (%d):\n", len(cfg.Sources))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  NAME\tTYPE\tKIND\tSCHEDULE\tENABLED\tURL")
	for _, s := range cfg.Sources {
		target := s.URL
		if s.Type == config.SourceGDELT {
			target = "query " + s.GDELT.Query
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%v\t%s\n", s.Name, s.Type, s.Kind, s.Schedule, s.IsEnabled(), target)
	}
	tw.Flush()

	fmt.Fprintf(w, "\nwatchlists (%d):\n", len(cfg.Watchlists))
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  NAME\tMODE\tCHANNELS\tQUERY\tFILTERS")
	for _, wl := range cfg.Watchlists {
		mode := wl.Mode
		if wl.Mode == config.ModeDigest {
			mode += " " + wl.Schedule + " " + wl.Timezone
		}
		q := wl.Query
		if q == "" {
			q = "(every article with a statement)"
		}
		var filters []string
		if len(wl.Types) > 0 {
			filters = append(filters, "types="+strings.Join(wl.Types, ","))
		}
		if len(wl.Actors) > 0 {
			filters = append(filters, "actors="+strings.Join(wl.Actors, ","))
		}
		if len(wl.Targets) > 0 {
			filters = append(filters, "targets="+strings.Join(wl.Targets, ","))
		}
		if wl.MinConfidence > 0 {
			filters = append(filters, fmt.Sprintf("min_confidence=%.2f", wl.MinConfidence))
		}
		if wl.Statements == "any" {
			filters = append(filters, "statements=any")
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\n", wl.Name, mode, strings.Join(wl.Channels, ","), q, strings.Join(filters, " "))
	}
	tw.Flush()
}

// backtestFlags are the backtest command's own flags.
type backtestFlags struct {
	query, watchlist, since, types, actors, targets, statements string
	minConfidence                                               float64
	limit                                                       int
}

func (b *backtestFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&b.query, "query", "", "query to run (see the README for the language)")
	fs.StringVar(&b.watchlist, "watchlist", "", "name of a stored watchlist to run instead")
	fs.StringVar(&b.since, "since", "7d", "how far back: 7d, 36h, 90m")
	fs.StringVar(&b.types, "types", "", "comma-separated statement types (threat, rejection, assertion, offer)")
	fs.StringVar(&b.actors, "actors", "", "comma-separated actor countries")
	fs.StringVar(&b.targets, "targets", "", "comma-separated target countries")
	fs.StringVar(&b.statements, "statements", "required", "required or any")
	fs.Float64Var(&b.minConfidence, "min-confidence", 0, "ignore statements below this confidence")
	fs.IntVar(&b.limit, "limit", 50, "matches to print at most (0: all)")
}

func (b *backtestFlags) request() (BacktestRequest, error) {
	since, err := ParseSince(b.since)
	if err != nil {
		return BacktestRequest{}, err
	}
	if b.statements != "required" && b.statements != "any" {
		return BacktestRequest{}, fmt.Errorf("invalid -statements %q: use required or any", b.statements)
	}
	return BacktestRequest{
		Query: b.query, Watchlist: b.watchlist, Since: since, Limit: b.limit,
		Types: splitList(b.types), Actors: splitList(b.actors), Targets: splitList(b.targets),
		MinConfidence: b.minConfidence, AnyArticle: b.statements == "any",
	}, nil
}

func splitList(s string) []string {
	var out []string
	for part := range strings.SplitSeq(s, ",") {
		if p := strings.TrimSpace(part); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func runAnalyze(cfg *config.Config, path string, asJSON bool, env Env) error {
	if path == "-" {
		return Analyze(cfg, "standard input", env.Stdin, asJSON, env.Stdout)
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("analyze: %w", err)
	}
	defer f.Close()
	return Analyze(cfg, path, f, asJSON, env.Stdout)
}
