package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"sovwatch/suggest"
)

// Problem is one thing wrong with a configuration file, with where it is
// and, when there is an obvious one, how to fix it.
type Problem struct {
	File string // file name, empty for embedded defaults
	Line int    // 1-based; 0 when the place is unknown
	Col  int
	Path string // dotted key path such as sources[2].schedule
	Msg  string
	Hint string
}

func (p *Problem) Error() string {
	var b strings.Builder
	if p.File != "" {
		b.WriteString(p.File)
		b.WriteString(":")
	}
	if p.Line > 0 {
		fmt.Fprintf(&b, "%d:%d:", p.Line, p.Col)
	}
	if b.Len() > 0 {
		b.WriteString(" ")
	}
	if p.Path != "" {
		b.WriteString(p.Path)
		b.WriteString(": ")
	}
	b.WriteString(p.Msg)
	if p.Hint != "" {
		b.WriteString(" (")
		b.WriteString(p.Hint)
		b.WriteString(")")
	}
	return b.String()
}

// Problems returns every *Problem joined into err.
func Problems(err error) []*Problem {
	var out []*Problem
	var walk func(error)
	walk = func(e error) {
		if e == nil {
			return
		}
		if p, ok := e.(*Problem); ok {
			out = append(out, p)
			return
		}
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, c := range j.Unwrap() {
				walk(c)
			}
			return
		}
		if u := errors.Unwrap(e); u != nil {
			walk(u)
		}
	}
	walk(err)
	return out
}

// Check is a validation the config package cannot do itself (compiling
// watchlist queries, say). It returns *Problem values, joined, whose Path
// names the key at fault; Parse adds their positions.
type Check func(*Config) error

// LoadFile reads, expands, decodes and validates the file at path.
func LoadFile(path string, env func(string) (string, bool), checks ...Check) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	return Parse(path, data, env, checks...)
}

// Parse decodes a configuration document named name. ${VAR} references are
// expanded through env before decoding; the result has defaults applied and
// has been validated. Every problem found is returned, each with its line.
func Parse(name string, data []byte, env func(string) (string, bool), checks ...Check) (*Config, error) {
	expanded, problems := expandEnv(name, data, env)
	file, err := parser.ParseBytes(expanded, 0)
	if err != nil {
		return nil, errors.Join(append(problems, yamlProblem(name, err))...)
	}
	problems = append(problems, checkShape(name, file)...)
	if len(problems) > 0 {
		return nil, errors.Join(problems...)
	}
	var cfg Config
	if len(bytes.TrimSpace(expanded)) > 0 {
		if err := decode(expanded, &cfg); err != nil {
			return nil, yamlProblem(name, err)
		}
	}
	// A file that lists no sources or no watchlists keeps the built-in ones,
	// so a config that only adds a chat token still watches the news.
	builtin := Default()
	if cfg.Sources == nil {
		cfg.Sources = builtin.Sources
	}
	if cfg.Watchlists == nil {
		cfg.Watchlists = builtin.Watchlists
	}
	ApplyDefaults(&cfg)
	errs := []error{cfg.Validate()}
	for _, check := range checks {
		errs = append(errs, check(&cfg))
	}
	if err := errors.Join(errs...); err != nil {
		ps := Problems(err)
		joined := make([]error, 0, len(ps))
		for _, p := range ps {
			p.File = name
			p.Line, p.Col = position(file, p.Path)
			joined = append(joined, p)
		}
		return nil, errors.Join(joined...)
	}
	return &cfg, nil
}

// decode decodes a document into cfg. The YAML library panics on a few
// malformed documents (found by fuzzing, such as a bare tag before a
// mapping where a list belongs); such a panic is returned as an error so
// a broken file is reported, never a crash.
func decode(data []byte, cfg *Config) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the document's structure could not be read (%v); check indentation, tags (!) and list markers", r)
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data), yaml.DisallowUnknownField())
	if err := dec.Decode(cfg); err != nil && !errors.Is(err, io.EOF) {
		return err
	}
	return nil
}

// yamlProblem turns a go-yaml error into a Problem with its position.
func yamlProblem(name string, err error) error {
	var ye yaml.Error
	if errors.As(err, &ye) {
		p := &Problem{File: name, Msg: ye.GetMessage()}
		if tk := ye.GetToken(); tk != nil && tk.Position != nil {
			p.Line, p.Col = tk.Position.Line, tk.Position.Column
		}
		var te *yaml.TypeError
		if errors.As(err, &te) && te.DstType != nil {
			p.Hint = "expected " + describeType(te.DstType)
		}
		return p
	}
	return &Problem{File: name, Msg: err.Error()}
}

func describeType(t reflect.Type) string {
	switch {
	case t.String() == "time.Duration":
		return "a duration such as 30s, 10m or 6h"
	case t.Kind() == reflect.Bool:
		return "true or false"
	case t.Kind() == reflect.Slice:
		return "a list"
	case t.Kind() == reflect.Struct:
		return "a mapping of keys"
	case t.Kind() >= reflect.Int && t.Kind() <= reflect.Uint64:
		return "a whole number"
	case t.Kind() == reflect.Float64:
		return "a number"
	}
	return "a " + t.Kind().String()
}

// expandEnv replaces ${VAR} and ${VAR:-default} in data. $${ stands for a
// literal ${. A reference to an unset variable without a default is a
// problem reported at its line and column.
func expandEnv(name string, data []byte, env func(string) (string, bool)) ([]byte, []error) {
	var out bytes.Buffer
	var problems []error
	lines := bytes.SplitAfter(data, []byte("\n"))
	for i, line := range lines {
		// Comments are not expanded: the example file documents ${VAR} in them.
		var comment []byte
		if c := commentStart(line); c >= 0 {
			line, comment = line[:c], line[c:]
		}
		for len(line) > 0 {
			j := bytes.IndexByte(line, '$')
			if j < 0 || j+1 >= len(line) {
				out.Write(line)
				break
			}
			out.Write(line[:j])
			rest := line[j:]
			switch {
			case bytes.HasPrefix(rest, []byte("$${")):
				out.WriteString("${")
				line = rest[3:]
			case bytes.HasPrefix(rest, []byte("${")):
				end := bytes.IndexByte(rest, '}')
				if end < 0 {
					problems = append(problems, &Problem{File: name, Line: i + 1, Col: j + 1, Msg: "unterminated ${ reference", Hint: "close it with }"})
					out.Write(rest)
					line = nil
					continue
				}
				ref := string(rest[2:end])
				varName, def, hasDef := strings.Cut(ref, ":-")
				if !validEnvName(varName) {
					problems = append(problems, &Problem{File: name, Line: i + 1, Col: j + 1, Msg: fmt.Sprintf("invalid variable name %q", varName), Hint: "use letters, digits and _"})
				} else if v, ok := env(varName); ok && v != "" {
					out.WriteString(v)
				} else if hasDef {
					out.WriteString(def)
				} else {
					problems = append(problems, &Problem{File: name, Line: i + 1, Col: j + 1, Msg: fmt.Sprintf("environment variable %s is not set", varName), Hint: fmt.Sprintf("export %s=... or write ${%s:-default}", varName, varName)})
				}
				line = rest[end+1:]
			default:
				out.WriteByte('$')
				line = rest[1:]
			}
		}
		out.Write(comment)
	}
	return out.Bytes(), problems
}

// commentStart returns the index of the # that starts a YAML comment on
// line, or -1. A # starts a comment at the line start or after white space,
// outside quotes.
func commentStart(line []byte) int {
	var quote byte
	for i, c := range line {
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			if i == 0 || line[i-1] == ' ' || line[i-1] == '\t' || line[i-1] == ':' || line[i-1] == '[' || line[i-1] == ',' || line[i-1] == '-' {
				quote = c
			}
		case c == '#':
			if i == 0 || line[i-1] == ' ' || line[i-1] == '\t' {
				return i
			}
		}
	}
	return -1
}

func validEnvName(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if r == '_' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || i > 0 && r >= '0' && r <= '9' {
			continue
		}
		return false
	}
	return true
}

// checkShape walks the document beside the Config type and reports every
// key the type does not have, with a suggestion when a known key is a small
// edit away, and every duration that does not parse, all at once and with
// their positions (the decoder stops at the first and loses the position of
// a bad duration).
func checkShape(name string, f *ast.File) []error {
	var problems []error
	var walk func(n ast.Node, t reflect.Type, path string)
	walk = func(n ast.Node, t reflect.Type, path string) {
		n = unwrapNode(n)
		if n == nil {
			return
		}
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t == reflect.TypeOf(time.Duration(0)) {
			if sn, ok := n.(*ast.StringNode); ok {
				if _, err := time.ParseDuration(sn.Value); err != nil {
					pos := sn.GetToken().Position
					problems = append(problems, &Problem{File: name, Line: pos.Line, Col: pos.Column, Path: path, Msg: fmt.Sprintf("invalid duration %q", sn.Value), Hint: describeType(t)})
				}
			}
			return
		}
		switch t.Kind() {
		case reflect.Struct:
			m, ok := n.(*ast.MappingNode)
			if !ok {
				return // the decoder reports the type mismatch
			}
			fields := yamlFields(t)
			for _, mv := range m.Values {
				key := mv.Key.GetToken().Value
				ft, ok := fields[key]
				if !ok {
					pos := mv.Key.GetToken().Position
					p := &Problem{File: name, Line: pos.Line, Col: pos.Column, Path: joinPath(path, key), Msg: fmt.Sprintf("unknown key %q", key)}
					if s, ok := suggest.Closest(key, slices.Sorted(maps.Keys(fields))); ok {
						p.Hint = fmt.Sprintf("did you mean %q?", s)
					}
					problems = append(problems, p)
					continue
				}
				walk(mv.Value, ft, joinPath(path, key))
			}
		case reflect.Slice:
			if s, ok := n.(*ast.SequenceNode); ok {
				for i, v := range s.Values {
					walk(v, t.Elem(), fmt.Sprintf("%s[%d]", path, i))
				}
			}
		}
	}
	for _, d := range f.Docs {
		walk(d.Body, reflect.TypeOf(Config{}), "")
	}
	return problems
}

func unwrapNode(n ast.Node) ast.Node {
	for {
		switch v := n.(type) {
		case *ast.TagNode:
			n = v.Value
		case *ast.AnchorNode:
			n = v.Value
		case *ast.CommentGroupNode:
			return nil
		default:
			return n
		}
	}
}

func yamlFields(t reflect.Type) map[string]reflect.Type {
	out := make(map[string]reflect.Type, t.NumField())
	for i := range t.NumField() {
		f := t.Field(i)
		tag, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if tag == "" || tag == "-" {
			continue
		}
		out[tag] = f.Type
	}
	return out
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// position finds the line and column of a dotted path in the document, or
// of its nearest existing parent, so a validation problem points at a line.
func position(f *ast.File, path string) (int, int) {
	if f == nil || len(f.Docs) == 0 || path == "" {
		return 0, 0
	}
	var n ast.Node = f.Docs[0].Body
	line, col := 0, 0
	for _, part := range splitPath(path) {
		n = unwrapNode(n)
		switch v := n.(type) {
		case *ast.MappingNode:
			var next ast.Node
			for _, mv := range v.Values {
				if mv.Key.GetToken().Value == part.key {
					pos := mv.Key.GetToken().Position
					line, col = pos.Line, pos.Column
					next = mv.Value
					break
				}
			}
			if next == nil {
				return line, col
			}
			n = next
		case *ast.SequenceNode:
			if part.index < 0 || part.index >= len(v.Values) {
				return line, col
			}
			n = v.Values[part.index]
			if tk := n.GetToken(); tk != nil && tk.Position != nil {
				line, col = tk.Position.Line, tk.Position.Column
			}
		default:
			return line, col
		}
	}
	return line, col
}

type pathPart struct {
	key   string
	index int
}

// splitPath turns "sources[2].schedule" into sources, [2], schedule.
func splitPath(path string) []pathPart {
	var parts []pathPart
	for seg := range strings.SplitSeq(path, ".") {
		key, rest, _ := strings.Cut(seg, "[")
		if key != "" {
			parts = append(parts, pathPart{key: key, index: -1})
		}
		for rest != "" {
			num, after, _ := strings.Cut(rest, "]")
			i, err := strconv.Atoi(num)
			if err != nil {
				break
			}
			parts = append(parts, pathPart{index: i})
			rest = strings.TrimPrefix(after, "[")
		}
	}
	return parts
}
