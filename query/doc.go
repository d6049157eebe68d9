// Package query reads watchlist queries and matches articles against many
// watchlists at once. It is pure: text and statements in, watchlist IDs out.
//
// # The language
//
// Words match whole words, ignoring case and accents: Mexico matches
// "MÉXICO" but not "Mexican". Punctuation separates words in queries as in
// articles, so Díaz-Canel is the phrase "diaz canel".
//
//	sovereignty              a word
//	"foreign intervention"   consecutive words
//	interven*                any word starting with interven (at least 3 letters before *)
//	a b, a AND b             both
//	a OR b                   either; AND binds tighter than OR
//	-a, NOT a                not a; NOT applies to the next word or parenthesis
//	(a OR b) c               grouping
//	troops NEAR/5 border     both within 5 words of each other, in either order
//	                         (n from 1 to 20, NEAR alone is NEAR/5); operands are
//	                         words, wildcards or phrases; counted between the
//	                         closest ends, never across headline and body
//	title:Mexico             in the headline (also title:"..." and title:interven*)
//	source:reuters           the source name contains the word(s)
//	lang:es                  the article's language
//
// Operators are upper case. A bare lower-case and, or, not is refused as a
// likely mistake; quote it ("or") to search the word.
//
// Statement fields match the statements detected in the article:
//
//	type:threat              intervention_threat (also rejection, assertion, offer,
//	                         or the full names)
//	actor:US                 the statement's actor; codes or country names
//	target:México            one of its targets; codes or names in English or Spanish
//	speaker:Sheinbaum        words within the speaker's name
//
// The statement fields of one AND group must hold for the same statement:
// "type:threat target:MX" is a threat against Mexico, not a threat against
// someone plus any statement about Mexico. Negated statement fields in a
// group with a positive one exclude that statement: "type:threat -actor:US"
// is a threat by anyone but the US. A negated statement field with no
// positive one beside it applies to the whole article: "mexico -type:threat"
// is about Mexico with no threat at all. Parentheses made only of statement
// fields stay on one statement: "(type:threat actor:US) OR (type:offer
// actor:CN)". A group that mixes words and statement fields starts a new
// group: in "type:threat (actor:US mexico)" the threat and the US actor may
// come from different statements. Consequently "type:threat type:rejection"
// never matches: one statement has one type.
//
// # Watchlists
//
// A Watchlist adds filters (types, actors, targets, minimum confidence)
// that decide which statements count at all, for the query's statement
// fields as for the rule that, unless AnyArticle is set, a watchlist alerts
// only on articles with at least one statement passing the filters.
//
// # Limits
//
// A query has at most MaxTerms words, phrases and fields, at most
// MaxQueryLen bytes, and nests at most 20 deep. Refusals are *Error values
// with a position and a hint.
//
// # Matching
//
// NewDocument normalises an article once. An Index files every watchlist
// under the keys any matching article must carry and evaluates only the
// watchlists whose keys an article carries; see Index.
package query
