package query

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"sovwatch/news"
	"sovwatch/suggest"
)

// Limits that keep a single watchlist from making every article slow. They
// are refusals with explanations, not silent truncations.
const (
	// MaxQueryLen is the longest query accepted, in bytes.
	MaxQueryLen = 2000
	// MaxTerms bounds the words, phrases and fields in one query.
	MaxTerms = 40
	// MaxNear is the largest n accepted in NEAR/n.
	MaxNear = 20
	// DefaultNear is the distance of a bare NEAR.
	DefaultNear = 5
	// MinPrefix is the number of letters a wildcard needs before '*'.
	MinPrefix = 3
	// maxDepth bounds parenthesis nesting so that hostile input cannot
	// recurse deeply.
	maxDepth = 20
	// maxPhrase bounds the words in one phrase.
	maxPhrase = 12
)

// CountryResolver maps a country name in English or Spanish ("Mexico",
// "Estados Unidos") to its ISO 3166-1 alpha-2 code. The query package takes
// it as a function so that it needs no gazetteer of its own.
type CountryResolver func(name string) (code string, ok bool)

// Options configure how queries are read.
type Options struct {
	// Countries resolves names in actor: and target: and in watchlist
	// Actors/Targets. Two-letter codes are accepted without it.
	Countries CountryResolver
}

type nodeKind uint8

const (
	kAnd nodeKind = iota
	kOr
	kNot
	kTerm    // one word
	kPrefix  // a word prefix (interven*)
	kPhrase  // consecutive words
	kNear    // two of the above within n words
	kSource  // source name contains the words
	kLang    // article language
	kType    // statement type
	kActor   // statement actor code
	kTarget  // statement target code
	kSpeaker // words within the statement speaker
)

// node is the parsed form of a query, before the statement groups are
// formed. It is also what the reference evaluator in the tests walks.
type node struct {
	kind  nodeKind
	pos   int
	kids  []*node
	words []string // folded words of term, prefix, phrase, source, speaker
	title bool     // term, prefix or phrase restricted to the headline
	n     int      // NEAR distance
	code  string   // lang, actor or target code
	typ   news.StatementType
}

func (n *node) isStatementField() bool {
	return n.kind == kType || n.kind == kActor || n.kind == kTarget || n.kind == kSpeaker
}

// String renders the node in a canonical, fully parenthesised form; tests
// and the fuzz target rely on it.
func (n *node) String() string {
	if n == nil {
		return "*"
	}
	t := ""
	if n.title {
		t = "title:"
	}
	switch n.kind {
	case kAnd, kOr:
		op := " AND "
		if n.kind == kOr {
			op = " OR "
		}
		parts := make([]string, len(n.kids))
		for i, k := range n.kids {
			parts[i] = k.String()
		}
		return "(" + strings.Join(parts, op) + ")"
	case kNot:
		return "NOT " + n.kids[0].String()
	case kTerm:
		if w := n.words[0]; !n.title && (w == "and" || w == "or" || w == "not") {
			return strconv.Quote(w)
		}
		return t + n.words[0]
	case kPrefix:
		return t + n.words[0] + "*"
	case kPhrase:
		return t + strconv.Quote(strings.Join(n.words, " "))
	case kNear:
		return fmt.Sprintf("(%s NEAR/%d %s)", n.kids[0], n.n, n.kids[1])
	case kSource:
		return "source:" + strconv.Quote(strings.Join(n.words, " "))
	case kLang:
		return "lang:" + n.code
	case kType:
		return "type:" + string(n.typ)
	case kActor:
		return "actor:" + n.code
	case kTarget:
		return "target:" + n.code
	case kSpeaker:
		return "speaker:" + strconv.Quote(strings.Join(n.words, " "))
	case kExists:
		return "stmt{" + n.kids[0].String() + "}"
	}
	return "?"
}

type tokKind uint8

const (
	tEOF tokKind = iota
	tLParen
	tRParen
	tAnd
	tOr
	tNot
	tMinus
	tNear
	tWord   // a bare word, maybe with a field and a trailing '*'
	tPhrase // a quoted phrase, maybe with a field
)

type token struct {
	kind  tokKind
	pos   int    // 1-based rune position of the token
	text  string // word or phrase text, without field and quotes
	field string // field name before ':' as typed, empty when none
	vpos  int    // position of the value after the field
	n     int    // NEAR distance
}

// lex splits a query into tokens. It never fails on odd input: what it cannot
// classify becomes a word, and the parser explains what is wrong with it.
func lex(q string) ([]token, error) {
	var toks []token
	rs := []rune(q)
	i := 0
	for i < len(rs) {
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			i++
		case r == '(':
			toks = append(toks, token{kind: tLParen, pos: i + 1})
			i++
		case r == ')':
			toks = append(toks, token{kind: tRParen, pos: i + 1})
			i++
		case r == '"':
			start := i
			j := i + 1
			for j < len(rs) && rs[j] != '"' {
				j++
			}
			if j == len(rs) {
				return nil, errAt(start+1, `add '"' at the end of the phrase`, "unterminated phrase")
			}
			toks = append(toks, token{kind: tPhrase, pos: start + 1, vpos: start + 1, text: string(rs[i+1 : j])})
			i = j + 1
		case r == '-' && i+1 < len(rs) && !unicode.IsSpace(rs[i+1]) && rs[i+1] != ')':
			toks = append(toks, token{kind: tMinus, pos: i + 1})
			i++
		default:
			start := i
			for i < len(rs) && !unicode.IsSpace(rs[i]) && rs[i] != '(' && rs[i] != ')' && rs[i] != '"' {
				i++
			}
			w := string(rs[start:i])
			tok := token{kind: tWord, pos: start + 1, vpos: start + 1, text: w}
			switch {
			case w == "AND":
				tok.kind = tAnd
			case w == "OR":
				tok.kind = tOr
			case w == "NOT":
				tok.kind = tNot
			case w == "NEAR" || strings.HasPrefix(w, "NEAR/"):
				tok.kind, tok.n = tNear, DefaultNear
				if w != "NEAR" {
					n, err := strconv.Atoi(w[len("NEAR/"):])
					if err != nil || n < 1 || n > MaxNear {
						return nil, errAt(start+1, fmt.Sprintf("write NEAR/n with n from 1 to %d", MaxNear), "bad distance in %q", w)
					}
					tok.n = n
				}
			default:
				if k := strings.IndexByte(w, ':'); k > 0 && isFieldName(w[:k]) {
					tok.field = w[:k]
					tok.text = w[k+1:]
					tok.vpos = start + 1 + utf8.RuneCountInString(w[:k+1])
					if tok.text == "" && i < len(rs) && rs[i] == '"' {
						// title:"exact words": the phrase belongs to the field.
						j := i + 1
						for j < len(rs) && rs[j] != '"' {
							j++
						}
						if j == len(rs) {
							return nil, errAt(i+1, `add '"' at the end of the phrase`, "unterminated phrase")
						}
						tok.kind, tok.vpos, tok.text = tPhrase, i+1, string(rs[i+1:j])
						i = j + 1
					}
				}
			}
			toks = append(toks, tok)
		}
	}
	return append(toks, token{kind: tEOF, pos: len(rs) + 1}), nil
}

// isFieldName says whether what precedes ':' looks like an attempt at a field
// (letters only), as opposed to a time such as 10:30.
func isFieldName(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && r != '_' {
			return false
		}
	}
	return s != ""
}

var fieldNames = []string{"title", "source", "lang", "type", "actor", "target", "speaker"}

var typeNames = []string{"sovereignty_assertion", "intervention_rejection", "intervention_threat", "assistance_offer", "assertion", "rejection", "threat", "offer"}

type parser struct {
	toks  []token
	i     int
	opt   Options
	terms int
	depth int
}

// parse reads a query into its syntax tree. An empty query yields a nil node,
// which matches every article (the watchlist's statement filters still
// apply).
func parse(q string, opt Options) (n *node, err error) {
	if len(q) > MaxQueryLen {
		return nil, errAt(0, "split it into several watchlists", "query is longer than %d characters", MaxQueryLen)
	}
	if !utf8.ValidString(q) {
		return nil, errAt(0, "", "query is not valid UTF-8")
	}
	toks, err := lex(q)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks, opt: opt}
	if p.peek().kind == tEOF {
		return nil, nil
	}
	n, err = p.orExpr()
	if err != nil {
		return nil, err
	}
	switch t := p.peek(); t.kind {
	case tEOF:
		return n, nil
	case tRParen:
		return nil, errAt(t.pos, "remove it or add '(' before it", "unbalanced parenthesis")
	default:
		return nil, errAt(t.pos, "", "unexpected %s", describe(t))
	}
}

func (p *parser) peek() token { return p.toks[p.i] }
func (p *parser) next() token { t := p.toks[p.i]; p.i++; return t }

func describe(t token) string {
	switch t.kind {
	case tEOF:
		return "end of query"
	case tLParen:
		return "'('"
	case tRParen:
		return "')'"
	case tAnd:
		return "AND"
	case tOr:
		return "OR"
	case tNot:
		return "NOT"
	case tMinus:
		return "'-'"
	case tNear:
		return "NEAR"
	}
	return strconv.Quote(t.text)
}

func startsOperand(k tokKind) bool {
	return k == tLParen || k == tNot || k == tMinus || k == tWord || k == tPhrase
}

func (p *parser) orExpr() (*node, error) {
	if t := p.peek(); t.kind == tOr || t.kind == tAnd {
		return nil, errAt(t.pos, "put a word or phrase before it", "%s needs something on its left", describe(t))
	}
	left, err := p.andExpr()
	if err != nil {
		return nil, err
	}
	kids := []*node{left}
	for p.peek().kind == tOr {
		op := p.next()
		if !startsOperand(p.peek().kind) {
			return nil, errAt(op.pos, "put a word or phrase after it", "OR needs something on its right")
		}
		right, err := p.andExpr()
		if err != nil {
			return nil, err
		}
		kids = append(kids, right)
	}
	if len(kids) == 1 {
		return left, nil
	}
	return &node{kind: kOr, pos: left.pos, kids: kids}, nil
}

func (p *parser) andExpr() (*node, error) {
	left, err := p.unary()
	if err != nil {
		return nil, err
	}
	kids := []*node{left}
	for {
		t := p.peek()
		if t.kind == tAnd {
			p.next()
			if !startsOperand(p.peek().kind) {
				return nil, errAt(t.pos, "put a word or phrase after it", "AND needs something on its right")
			}
		} else if !startsOperand(t.kind) {
			break
		}
		right, err := p.unary()
		if err != nil {
			return nil, err
		}
		kids = append(kids, right)
	}
	if len(kids) == 1 {
		return left, nil
	}
	return &node{kind: kAnd, pos: left.pos, kids: kids}, nil
}

func (p *parser) unary() (*node, error) {
	t := p.peek()
	if t.kind == tNot || t.kind == tMinus {
		p.next()
		if !startsOperand(p.peek().kind) {
			return nil, errAt(t.pos, "put a word or phrase after it", "%s needs something to exclude", describe(t))
		}
		p.depth++
		if p.depth > maxDepth {
			return nil, errAt(t.pos, "simplify the query", "query nests deeper than %d levels", maxDepth)
		}
		kid, err := p.unary()
		p.depth--
		if err != nil {
			return nil, err
		}
		return &node{kind: kNot, pos: t.pos, kids: []*node{kid}}, nil
	}
	left, err := p.primary()
	if err != nil {
		return nil, err
	}
	if p.peek().kind != tNear {
		return left, nil
	}
	op := p.next()
	if !nearOperand(left) {
		return nil, errAt(op.pos, `write word NEAR/5 "some phrase"`, "NEAR needs a word or phrase on its left")
	}
	if k := p.peek().kind; k != tWord && k != tPhrase {
		return nil, errAt(op.pos, `write word NEAR/5 "some phrase"`, "NEAR needs a word or phrase on its right")
	}
	right, err := p.primary()
	if err != nil {
		return nil, err
	}
	if !nearOperand(right) {
		return nil, errAt(op.pos, `write word NEAR/5 "some phrase"`, "NEAR needs a word or phrase on its right")
	}
	if p.peek().kind == tNear {
		return nil, errAt(p.peek().pos, "use NEAR between two words and join the pairs with AND", "NEAR cannot be chained")
	}
	return &node{kind: kNear, pos: left.pos, n: op.n, kids: []*node{left, right}}, nil
}

func nearOperand(n *node) bool {
	return n.kind == kTerm || n.kind == kPrefix || n.kind == kPhrase
}

func (p *parser) primary() (*node, error) {
	t := p.next()
	switch t.kind {
	case tLParen:
		p.depth++
		if p.depth > maxDepth {
			return nil, errAt(t.pos, "simplify the query", "query nests deeper than %d levels", maxDepth)
		}
		if p.peek().kind == tRParen {
			return nil, errAt(t.pos, "put something between them or remove them", "empty parentheses")
		}
		n, err := p.orExpr()
		if err != nil {
			return nil, err
		}
		p.depth--
		if c := p.peek(); c.kind != tRParen {
			if c.kind == tEOF {
				return nil, errAt(t.pos, "add ')'", "unbalanced parenthesis")
			}
			return nil, errAt(c.pos, "", "unexpected %s", describe(c))
		}
		p.next()
		return n, nil
	case tWord, tPhrase:
		p.terms++
		if p.terms > MaxTerms {
			return nil, errAt(t.pos, "split it into several watchlists", "query has more than %d terms", MaxTerms)
		}
		return p.leaf(t)
	case tRParen:
		return nil, errAt(t.pos, "remove it or add '(' before it", "unbalanced parenthesis")
	}
	return nil, errAt(t.pos, "", "unexpected %s", describe(t))
}

// leaf turns a word or phrase token, with its optional field, into a node.
func (p *parser) leaf(t token) (*node, error) {
	field := strings.ToLower(t.field)
	phrase := t.kind == tPhrase
	switch field {
	case "":
		if !phrase {
			// "mexico or cuba" almost always means OR; silently searching
			// for the word "or" would make the watchlist never alert.
			for _, op := range []string{"AND", "OR", "NOT"} {
				if strings.EqualFold(t.text, op) {
					return nil, errAt(t.pos, fmt.Sprintf(`write %s in capitals for the operator, or "%s" in quotes to search the word`, op, strings.ToLower(op)), "lower-case '%s'", t.text)
				}
			}
		}
		return textLeaf(t, phrase)
	case "title":
		n, err := textLeaf(t, phrase)
		if n != nil {
			n.title = true
		}
		return n, err
	case "source":
		ws := foldWords(t.text)
		if len(ws) == 0 {
			return nil, errAt(t.vpos, "write source:reuters", "source: needs a source name")
		}
		return &node{kind: kSource, pos: t.pos, words: ws}, nil
	case "lang":
		code := strings.ToLower(strings.TrimSpace(t.text))
		if !isLangCode(code) {
			return nil, errAt(t.vpos, "write a two-letter code such as lang:es", "bad language %q", t.text)
		}
		return &node{kind: kLang, pos: t.pos, code: code}, nil
	case "type":
		typ, ok := news.ParseStatementType(t.text)
		if !ok {
			hint := "use threat, rejection, assertion or offer"
			if c, ok := suggest.Closest(strings.ToLower(t.text), typeNames); ok {
				hint = fmt.Sprintf("did you mean '%s'?", c)
			}
			return nil, errAt(t.vpos, hint, "unknown statement type '%s'", t.text)
		}
		return &node{kind: kType, pos: t.pos, typ: typ}, nil
	case "actor", "target":
		code, err := resolveCountry(t.text, t.vpos, p.opt.Countries)
		if err != nil {
			return nil, err
		}
		k := kActor
		if field == "target" {
			k = kTarget
		}
		return &node{kind: k, pos: t.pos, code: code}, nil
	case "speaker":
		ws := foldWords(t.text)
		if len(ws) == 0 {
			return nil, errAt(t.vpos, "write speaker:sheinbaum", "speaker: needs a name")
		}
		if len(ws) > maxPhrase {
			return nil, errAt(t.vpos, "shorten it", "speaker name has more than %d words", maxPhrase)
		}
		return &node{kind: kSpeaker, pos: t.pos, words: ws}, nil
	}
	hint := "fields are " + strings.Join(fieldNames, ", ")
	if c, ok := suggest.Closest(field, fieldNames); ok {
		hint = fmt.Sprintf("did you mean '%s'?", c)
	}
	return nil, errAt(t.pos, hint, "unknown field '%s'", t.field)
}

func isLangCode(s string) bool {
	if len(s) < 2 || len(s) > 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

// textLeaf reads a word (maybe a wildcard) or a phrase. A word that folds to
// several words ("Díaz-Canel") is a phrase, so punctuation inside names
// matches the way the document was tokenised.
func textLeaf(t token, phrase bool) (*node, error) {
	text := t.text
	star := strings.IndexByte(text, '*')
	if star >= 0 {
		if phrase || star != len(text)-1 {
			return nil, errAt(t.vpos, "put '*' only at the end of a single word, as in interven*", "misplaced wildcard in %q", text)
		}
		ws := foldWords(text[:star])
		if len(ws) != 1 || !strings.HasSuffix(fold(text[:star]), ws[0]) {
			return nil, errAt(t.vpos, "put '*' only at the end of a single word, as in interven*", "misplaced wildcard in %q", text)
		}
		if utf8.RuneCountInString(ws[0]) < MinPrefix {
			return nil, errAt(t.vpos, fmt.Sprintf("a wildcard needs at least %d letters before '*'", MinPrefix), "wildcard %q is too short", text)
		}
		return &node{kind: kPrefix, pos: t.pos, words: ws}, nil
	}
	ws := foldWords(text)
	switch {
	case len(ws) == 0 && phrase:
		return nil, errAt(t.vpos, "put words between the quotes", "empty phrase")
	case len(ws) == 0:
		return nil, errAt(t.vpos, "search for words made of letters or digits", "%q has no letters or digits", text)
	case len(ws) == 1:
		return &node{kind: kTerm, pos: t.pos, words: ws}, nil
	case len(ws) > maxPhrase:
		return nil, errAt(t.vpos, "shorten it", "phrase has more than %d words", maxPhrase)
	}
	return &node{kind: kPhrase, pos: t.pos, words: ws}, nil
}

// resolveCountry accepts two-letter codes as they are and asks the resolver
// for names.
func resolveCountry(v string, pos int, res CountryResolver) (string, error) {
	v = strings.TrimSpace(v)
	if len(v) == 2 && isASCIILetter(v[0]) && isASCIILetter(v[1]) {
		return strings.ToUpper(v), nil
	}
	if v != "" && res != nil {
		if code, ok := res(v); ok && len(code) == 2 {
			return strings.ToUpper(code), nil
		}
	}
	return "", &Error{Pos: pos, Msg: fmt.Sprintf("unknown country '%s'", v),
		Hint: "use a two-letter code such as MX or a country name in English or Spanish", cause: ErrUnknownCountry}
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
