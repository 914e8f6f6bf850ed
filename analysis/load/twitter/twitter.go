package twitter

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/load/internal/jsonvalues"
	"github.com/faire-communaute/compendium/analysis/rawio"
	fastjson "github.com/segmentio/encoding/json"
)

// Names of the formats this package registers.
const (
	Twarc2       = "twarc2"
	TwarcCSV     = "twarc-csv"
	V1           = "twitter-v1"
	XArchive     = "x-archive"
	TweetScraper = "tweetscraper"
	ZeeschuimerX = "zeeschuimer-x"
)

// ArchiveOwnerID is the author id given to the tweets of an X archive read
// without the account.js that names its owner.
const ArchiveOwnerID = "archive-owner"

// ErrNotTwitter is the reason given for Zeeschuimer items of another
// platform than twitter.com or x.com.
var ErrNotTwitter = errors.New("not a Twitter item")

func init() {
	for _, f := range []rawio.Format{
		{Name: Twarc2, Sniff: sniffTwarc2, Read: readTwarc2,
			Doc: "twarc2 JSON lines (API v2 response pages, stream lines or flattened tweets), or one saved API v2 response"},
		{Name: TwarcCSV, Sniff: sniffTwarcCSV, Read: readTwarcCSV,
			Doc: "twarc-csv CSV of API v2 tweets"},
		{Name: V1, Sniff: sniffV1, Read: readV1,
			Doc: "Twitter API v1.1 tweet objects, one per line"},
		{Name: XArchive, Sniff: sniffXArchive, Read: readXArchive,
			Doc: "tweets.js of an X account archive (owner from account.js beside it)"},
		{Name: TweetScraper, Sniff: sniffTweetScraper, Read: readTweetScraper,
			Doc: "TweetScraper JSON, one object per file or per line"},
		{Name: ZeeschuimerX, Sniff: sniffZeeschuimerX, Read: readZeeschuimerX,
			Doc: "Zeeschuimer NDJSON items of twitter.com / x.com (GraphQL tweets)"},
	} {
		f.Platform = corpus.Twitter
		rawio.Register(f)
	}
}

// refs are the references a tweet carries, from which classify derives its
// kind.
type refs struct {
	repliedTo, retweeted, quoted string
	replyTo                      rawio.Person // account answered, when the export names it
}

// classify sets the kind, parent and reference of m. A reply keeps the
// account it answers (ReplyTo) whenever the export names it, also beside
// its parent id: the parent tweet may be missing from the data (a reply
// collected without its conversation), and the account answered is then
// the reply's only link, an account-level one.
func classify(m *rawio.RawMessage, r refs) {
	switch {
	case r.retweeted != "":
		m.Kind, m.RefID = corpus.Retweet, r.retweeted
	case r.repliedTo != "":
		m.Kind, m.ParentID, m.RefID = corpus.Reply, r.repliedTo, r.quoted
		m.ReplyTo = r.replyTo
	case !r.replyTo.IsZero():
		m.Kind, m.ReplyTo, m.RefID = corpus.Reply, r.replyTo, r.quoted
	case r.quoted != "":
		m.Kind, m.RefID = corpus.Quote, r.quoted
	default:
		m.Kind = corpus.Tweet
	}
}

// fieldError is a record's problem before it gets its file and line.
type fieldError struct {
	field string
	err   error
}

func (r *reader) fail(line int, fe *fieldError) {
	r.reject(line, 0, fe.field, fe.err)
}

// reader holds what every format's reader needs to report.
type reader struct {
	f    *rawio.File
	sink rawio.Sink
}

func (r *reader) reject(line, col int, field string, err error) {
	r.sink.Reject(&rawio.ParseError{File: r.f.Name, Line: line, Column: col, Field: field, Err: err})
}

// badJSON rejects a record that is not valid JSON. b is the record and
// line the line where it starts; the position of the error is located in
// it.
func (r *reader) badJSON(b []byte, line int, err error) {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		l, c := jsonvalues.Position(b, int(se.Offset), line)
		r.reject(l, c, "", fmt.Errorf("%w: %s", rawio.ErrBadJSON, strings.TrimPrefix(se.Error(), "json: ")))
		return
	}
	r.reject(line, 0, "", fmt.Errorf("%w: %v", rawio.ErrBadJSON, err))
}

// undecodable rejects a record that json.Unmarshal could not decode: a
// value of the wrong type (its field prefixed with prefix), or bad JSON.
func (r *reader) undecodable(b []byte, line int, err error, prefix string) {
	if fe, ok := typeError(err, prefix); ok {
		r.fail(line, fe)
		return
	}
	r.badJSON(b, line, err)
}

// typeError turns a JSON value of the wrong type into a field error,
// prefixing its field path with prefix. It reports false when err is not
// a type error.
func typeError(err error, prefix string) (*fieldError, bool) {
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) {
		return nil, false
	}
	field := te.Field
	if prefix != "" {
		field = join(prefix, field)
	}
	return &fieldError{field, fmt.Errorf("%w: %s where %s was expected", rawio.ErrShape, te.Value, jsonKind(te.Type))}, true
}

func join(prefix, field string) string {
	switch {
	case field == "":
		return prefix
	case prefix == "":
		return field
	}
	return prefix + "." + field
}

var (
	countType = reflect.TypeFor[count]()
	idType    = reflect.TypeFor[flexID]()
)

// jsonKind names the JSON kind a Go type expects.
func jsonKind(t reflect.Type) string {
	if t == nil {
		return "another value"
	}
	switch {
	case t == countType:
		return "a count"
	case t == idType:
		return "an id"
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "a boolean"
	case reflect.Int, reflect.Int64, reflect.Float64:
		return "a number"
	case reflect.Slice:
		return "an array"
	case reflect.Struct, reflect.Map, reflect.Pointer:
		return "an object"
	}
	return "another value"
}

// count is a count as exports write it: a JSON number, a string holding a
// number (X archives), possibly in a locale ("1 040"), or null (zero).
type count int

// UnmarshalJSON implements json.Unmarshaler.
func (c *count) UnmarshalJSON(b []byte) error {
	switch {
	case len(b) == 0 || string(b) == "null":
		*c = 0
		return nil
	case b[0] == '"':
		s, err := strconv.Unquote(string(b))
		if err != nil {
			return &json.UnmarshalTypeError{Value: "string", Type: countType}
		}
		if s == "" {
			*c = 0
			return nil
		}
		n, err := parseCount(s)
		if err != nil {
			return &json.UnmarshalTypeError{Value: "string " + quote(s), Type: countType}
		}
		*c = count(n)
		return nil
	case b[0] == '-' || b[0] >= '0' && b[0] <= '9':
		n, err := parseCount(string(b))
		if err != nil {
			return &json.UnmarshalTypeError{Value: "number " + quote(string(b)), Type: countType}
		}
		*c = count(n)
		return nil
	}
	return &json.UnmarshalTypeError{Value: jsonValueKind(b), Type: countType}
}

// parseCount reads a count: plain digits, a float with a zero fraction as
// pandas writes integer columns with gaps ("3.0"), or a count in the
// exporting user's locale (rawio.ParseCount).
func parseCount(s string) (int, error) {
	s = strings.TrimSpace(s)
	if n, err := strconv.Atoi(s); err == nil {
		if n < 0 {
			return 0, fmt.Errorf("%w: %s", rawio.ErrBadNumber, quote(s))
		}
		return n, nil
	}
	if t, ok := strings.CutSuffix(s, ".0"); ok {
		if n, err := strconv.Atoi(t); err == nil && n >= 0 {
			return n, nil
		}
	}
	n, err := rawio.ParseCount(s)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%w: %s", rawio.ErrBadNumber, quote(s))
	}
	return n, nil
}

// flexID is an id written as a JSON string or number; null is empty.
type flexID string

// UnmarshalJSON implements json.Unmarshaler.
func (id *flexID) UnmarshalJSON(b []byte) error {
	switch {
	case len(b) == 0 || string(b) == "null":
		*id = ""
	case b[0] == '"' && len(b) >= 2 && bytes.IndexByte(b[1:len(b)-1], '\\') < 0:
		*id = flexID(b[1 : len(b)-1]) // no escapes: the common case, without decoding
	case b[0] == '"':
		var s string
		if err := unmarshal(b, &s); err != nil {
			return &json.UnmarshalTypeError{Value: "string", Type: idType}
		}
		*id = flexID(s)
	case b[0] >= '0' && b[0] <= '9':
		if !isDigits(string(b)) {
			return &json.UnmarshalTypeError{Value: "number " + quote(string(b)), Type: idType}
		}
		*id = flexID(b)
	default:
		return &json.UnmarshalTypeError{Value: jsonValueKind(b), Type: idType}
	}
	return nil
}

// jsonValueKind names the kind of the JSON value b for a rejection
// (jsonvalues.Kind), "nothing" when b is empty.
func jsonValueKind(b []byte) string {
	if len(b) == 0 {
		return "nothing"
	}
	return jsonvalues.Kind(b)
}

// isDigits is rawio.IsDigits.
func isDigits(s string) bool { return rawio.IsDigits(s) }

// quote quotes a bad number or time for a reason, masking any word that
// could be a name (see rawio.Quote).
func quote(s string) string { return rawio.Quote(s) }

// Time layouts of the exports.
const (
	v1Layout = "Mon Jan 02 15:04:05 -0700 2006" // API v1.1, archives, GraphQL legacy
)

// parseTime parses s with the first of layouts that fits and returns it in
// UTC. A layout without zone reads as UTC. A time before Twitter existed
// (such as year 0000 or 0001, the zero time) is rejected here with
// rawio.CheckTime's reason, so that it is not taken for a missing time.
func parseTime(field, s string, layouts ...string) (time.Time, *fieldError) {
	if s == "" {
		return time.Time{}, &fieldError{field, rawio.ErrMissing}
	}
	for _, l := range layouts {
		if t, err := time.Parse(l, s); err == nil {
			t = t.UTC()
			if t.Before(twitterBirth) {
				return time.Time{}, &fieldError{field, rawio.CheckTime(corpus.Twitter, t, time.Now())}
			}
			return t, nil
		}
	}
	return time.Time{}, &fieldError{field, fmt.Errorf("%w: %s", rawio.ErrBadTime, quote(s))}
}

// twitterBirth is the first day of Twitter (see rawio.Epochs).
var twitterBirth = rawio.Epochs[corpus.Twitter]

// v2Time parses an API v2 time such as 2021-04-01T15:52:31.000Z.
func v2Time(field, s string) (time.Time, *fieldError) {
	return parseTime(field, s, time.RFC3339Nano)
}

// stripPrefix removes a leading sigil ('#', '@') from an entity written as
// text.
func stripPrefix(s string, sigil byte) string {
	s = strings.TrimSpace(s)
	if len(s) > 0 && s[0] == sigil {
		return s[1:]
	}
	return s
}

// firstLine returns the first line of b, without its line end.
func firstLine(b []byte) []byte {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		b = b[:i]
	}
	return bytes.TrimSuffix(b, []byte{'\r'})
}

// unmarshal decodes JSON with github.com/segmentio/encoding/json, a
// drop-in replacement for encoding/json that decodes these exports about
// twice as fast (it validates and decodes in one pass). When it fails, the
// standard library decodes the record again: rejections then carry
// encoding/json's errors, with their offsets, lines and columns, and the
// result is exactly what encoding/json would have given.
func unmarshal(b []byte, v any) error {
	if err := fastjson.Unmarshal(b, v); err == nil {
		return nil
	}
	return json.Unmarshal(b, v)
}
