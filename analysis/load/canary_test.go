package load_test

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"unicode"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/figure"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/indicator/activity"
	"github.com/faire-communaute/compendium/analysis/indicator/all"
	"github.com/faire-communaute/compendium/analysis/indicator/network"
	"github.com/faire-communaute/compendium/analysis/indicator/network/null"
	"github.com/faire-communaute/compendium/analysis/indicator/norms"
	"github.com/faire-communaute/compendium/analysis/indicator/participation"
	"github.com/faire-communaute/compendium/analysis/indicator/responsiveness"
	"github.com/faire-communaute/compendium/analysis/indicator/retention"
	"github.com/faire-communaute/compendium/analysis/indicator/rhythm"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"github.com/faire-communaute/compendium/analysis/load"
	"github.com/faire-communaute/compendium/analysis/paper"
	"github.com/faire-communaute/compendium/analysis/privacy"
	"github.com/faire-communaute/compendium/analysis/pseudo"
	"github.com/faire-communaute/compendium/analysis/rawio"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// The canary: display name "Zéphyrine Quillbottom", handle @zquill_canary,
// account id 9990001 on Twitter. In each fixture of testdata/canary she
// writes a message, and another author (Odile Autrepersonne,
// @odile_autre) names her in every form pseudonymisation covers (see
// testdata/canary/README.md): the name as written, without accents, in
// capitals, over a line break, surname first with a comma or in
// capitals, with an initial, run together; the handle with '@', as a
// hashtag, bare, in an e-mail address, after screen_name=, as %40handle,
// split by each invisible character, as "@ handle", in profile addresses
// (mobile.twitter.com, percent-encoded x.com, m.facebook.com).
const (
	canaryTweet = "1500000000000000101"
	canaryPhone = "+33 6 39 98 12 34" // her mobile number, as a phone shows it
	canaryKey   = "a test key of thirty-two bytes!!"
)

// canaryWords are what must never reach an output, searched in text folded
// to lower case without accents nor invisible characters: the surname and
// the handle appear in no ordinary word, and the first name is never
// written alone in the fixtures.
var canaryWords = []string{"zephyrine", "quillbottom", "zquill"}

// readerPackage finds the reader package of a format's Read function.
var readerPackage = regexp.MustCompile(`/analysis/load/([a-z0-9]+)\.`)

// canaryFormats lists a fixture for every registered message format.
// Formats whose exports cannot name the canary as an author say so: the
// study names her as a moderator instead, as a researcher would.
var canaryFormats = []struct {
	format   string
	platform corpus.Platform
	files    []string
	options  map[string]string
	staff    bool // the export has no display name for her
	messages int
}{
	{format: "twarc2", platform: corpus.Twitter, files: []string{"twarc2.jsonl"}, messages: 2},
	{format: "twarc-csv", platform: corpus.Twitter, files: []string{"twarc.csv"}, messages: 2},
	{format: "twitter-v1", platform: corpus.Twitter, files: []string{"twitter-v1.jsonl"}, messages: 2},
	{format: "x-archive", platform: corpus.Twitter, files: []string{"x-archive/canary/tweets.js", "x-archive/autre/tweets.js"}, messages: 2},
	// TweetScraper keeps handles only.
	{format: "tweetscraper", platform: corpus.Twitter, files: []string{"tweetscraper.jsonl"}, staff: true, messages: 2},
	{format: "zeeschuimer-x", platform: corpus.Twitter, files: []string{"zeeschuimer-x.ndjson"}, messages: 2},
	{format: "generic-csv", platform: corpus.Twitter, files: []string{"generic-twitter.csv"}, staff: true, messages: 2},
	{format: "generic-csv", platform: corpus.Facebook, files: []string{"generic-facebook.csv"}, messages: 2},
	{format: "zeeschuimer-facebook", platform: corpus.Facebook, files: []string{"zeeschuimer-facebook.ndjson"}, messages: 2},
	// CrowdTangle names no author.
	{format: "crowdtangle", platform: corpus.Facebook, files: []string{"crowdtangle.csv"}, staff: true, messages: 1},
	{format: "netvizz-posts", platform: corpus.Facebook, files: []string{"netvizz_posts.tab"}, messages: 2},
	{format: "netvizz-comments", platform: corpus.Facebook, files: []string{"netvizz_comments.tab"}, messages: 2},
	{format: "facepager", platform: corpus.Facebook, files: []string{"facepager.csv"}, messages: 2},
	{format: "facebook-dyi", platform: corpus.Facebook, files: []string{"dyi/canary_comments.json", "dyi/other_posts.json"}, messages: 2},
	// Reddit dumps name accounts by username only (her handle): no
	// display name.
	{format: "reddit", platform: corpus.Reddit, files: []string{"reddit.ndjson"}, staff: true, messages: 2},
	{format: "meta-content-library", platform: corpus.Facebook, files: []string{"mcl_posts.csv", "mcl_comments.csv"}, messages: 2},
	{format: "telegram-desktop", platform: corpus.Telegram, files: []string{"telegram-result.json"}, messages: 2},
	// WhatsApp has no entities and no handles: the names and the forms
	// in the text only, her number written by Odile in several forms.
	{format: "whatsapp-txt", platform: corpus.WhatsApp, files: []string{"whatsapp.txt"}, messages: 2},
	// A phone where she is no contact shows her by her number only: no
	// display name.
	{format: "whatsapp-txt", platform: corpus.WhatsApp, files: []string{"whatsapp-phone.txt"}, staff: true, messages: 2},
	{format: "mastodon", platform: corpus.Mastodon, files: []string{"mastodon.json"}, messages: 2},
	// Her user name written bare in a text without any '@' form of it:
	// only her account's acct tells it.
	{format: "mastodon", platform: corpus.Mastodon, files: []string{"mastodon-bare.json"}, messages: 2},
	// An outbox names its actor by address only: no display name.
	{format: "mastodon-outbox", platform: corpus.Mastodon, files: []string{"mastodon-outbox/canary/outbox.json", "mastodon-outbox/autre/outbox.json"}, staff: true, messages: 2},
	{format: "discourse", platform: corpus.Discourse, files: []string{"discourse.json"}, messages: 2},
	// Bluesky: her handle zquill-canary.bsky.social and her DID, written
	// in Odile's text as @handle, bsky.app/profile/... addresses, the DID
	// bare and in an at:// URI, and a custom-domain handle.
	{format: "bluesky-api", platform: corpus.Bluesky, files: []string{"bluesky-api.json"}, messages: 2},
	{format: "bluesky-csv", platform: corpus.Bluesky, files: []string{"bluesky.csv"}, messages: 2},
	{format: "4cat-bluesky", platform: corpus.Bluesky, files: []string{"4cat-bluesky.ndjson"}, messages: 2},
	// Jetstream names authors by DID only.
	{format: "bluesky-jetstream", platform: corpus.Bluesky, files: []string{"bluesky-jetstream.jsonl"}, staff: true, messages: 2},
}

// TestCanaryEveryFormat loads, for every registered format, a tiny export
// where the canary is an author and is named by another author in every
// form, writes the corpus (load.WriteCSV), the derived tables (every
// indicator, reply networks) and every figure the corpus allows, and
// checks that no
// form of the canary reaches any of them, nor the load report. It also
// checks that the canary keeps one pseudonym across the Twitter formats.
func TestCanaryEveryFormat(t *testing.T) {
	// The canary's fixtures hold a few messages: lower the figures'
	// minimum sizes so that every figure their data allow is drawn, and
	// searched for the canary.
	defer func(m paper.Minimums) { paper.Minimum = m }(paper.Minimum)
	paper.Minimum = paper.Minimums{Threads: 1, Questions: 1, Messages: 1, Authors: 1, Edges: 1}
	covered := map[string]bool{}
	for _, c := range canaryFormats {
		covered[c.format] = true
	}
	formats := 0
	for _, f := range rawio.Formats() {
		// The message formats are those of the reader packages under
		// analysis/load (facebook, twitter, reddit, telegram, ...); tests
		// register formats of their own, and observation formats hold no
		// texts.
		fn := runtime.FuncForPC(reflect.ValueOf(f.Read).Pointer()).Name()
		if m := readerPackage.FindStringSubmatch(fn); m == nil || m[1] == "observation" {
			continue
		}
		formats++
		if !covered[f.Name] {
			t.Errorf("format %s has no canary fixture", f.Name)
		}
	}
	if formats != len(covered) {
		t.Errorf("%d message formats registered, %d covered", formats, len(covered))
	}

	cb, err := themes.LoadCodebook(filepath.Join("..", "..", "data", "codebook", "codebook.json"))
	if err != nil {
		t.Fatal(err)
	}
	// The study's folder is not the working directory: x-archive finds
	// account.js beside tweets.js wherever the study is.
	fixtures := filepath.Join("testdata", "canary")
	want := pseudo.New([]byte(canaryKey)).Handle(corpus.Twitter, "zquill_canary")
	twitterPseudonyms := map[string]string{}
	for _, c := range canaryFormats {
		name := c.format + "-" + c.platform.String()
		t.Run(name, func(t *testing.T) {
			raw := ""
			for _, f := range c.files {
				b, err := os.ReadFile(filepath.Join(fixtures, f))
				if err != nil {
					t.Fatal(err)
				}
				raw += string(b)
			}
			// The fixture holds the canary, so the test can fail.
			for _, w := range canaryWords {
				if !strings.Contains(fold(unescapeJSON(raw)), w) {
					t.Fatalf("the fixture lost its canary %q", w)
				}
			}
			cs := load.CommunitySpec{ID: "canary-" + name, Name: "Canary " + name, Platform: c.platform.String(),
				Sources: []load.SourceSpec{{Files: c.files, Format: c.format, Options: c.options}}}
			if c.staff {
				cs.Moderators = []string{"Zéphyrine Quillbottom"}
			}
			spec := &load.Spec{Name: "canary", Synthetic: true, Dir: fixtures, Communities: []load.CommunitySpec{cs}}
			ps := pseudo.New([]byte(canaryKey))
			cp, rep, err := load.LoadSpec(spec, load.Options{Key: []byte(canaryKey), Pseudonymizer: ps})
			if err != nil {
				t.Fatal(err)
			}
			if rep.Rejected != 0 || len(cp.Messages) != c.messages {
				t.Fatalf("%d messages (want %d), %d rejected:\n%s", len(cp.Messages), c.messages, rep.Rejected, rep)
			}
			dir := t.TempDir()
			if err := load.WriteCSV(dir, cp); err != nil {
				t.Fatal(err)
			}
			drawn := writeDerived(t, dir, cp, cb)
			// A community whose replies name neither their parent nor the
			// account answered (CrowdTangle's posts) draws no thread or
			// network figure: those are noted, not drawn (issue 11).
			least := 6
			for _, l := range cp.LinksByCommunity() {
				if l.Strength() == corpus.NoLinks {
					least = 4
				}
			}
			if drawn < least {
				t.Errorf("only %d figures drawn from the canary's community", drawn)
			}
			t.Logf("%d figures drawn", drawn)
			if err := os.WriteFile(filepath.Join(dir, "report.txt"), []byte(rep.String()), 0o644); err != nil {
				t.Fatal(err)
			}
			// Hashtags and links are not in the CSV: write them too.
			var extra strings.Builder
			for _, m := range cp.Messages {
				fmt.Fprintln(&extra, strings.Join(m.Hashtags, " "), strings.Join(m.Links, " "), strings.Join(m.Mentions, " "), m.ReplyToAuthor)
			}
			if err := os.WriteFile(filepath.Join(dir, "fields.txt"), []byte(extra.String()), 0o644); err != nil {
				t.Fatal(err)
			}
			files := 0
			err = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				files++
				b, err := os.ReadFile(path)
				if err != nil {
					return err
				}
				text := fold(string(b))
				for _, w := range canaryWords {
					if i := strings.Index(text, w); i >= 0 {
						lo, hi := max(0, i-60), min(len(text), i+60)
						t.Errorf("%s holds %q: …%s…", filepath.Base(path), w, text[lo:hi])
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if files < 8 {
				t.Errorf("only %d output files scanned", files)
			}
			// The independent check agrees: none of the identities met is
			// in the outputs, while it finds them in the raw export.
			// Her phone number is searched too, in every output, also
			// where the export shows her by name and her number is only
			// written in a text.
			sc := privacy.NewScanner(privacy.Needles(append(ps.Identities(), rawio.Person{Name: canaryPhone})))
			found, _, err := sc.ScanPaths(dir)
			if err != nil || len(found) != 0 {
				t.Errorf("privacy check: %v %v", found, err)
			}
			if found, _ := sc.Scan("raw", strings.NewReader(unescapeJSON(raw))); len(found) == 0 {
				t.Error("the privacy check finds nothing in the raw export")
			}
			if c.platform == corpus.Twitter {
				for _, m := range cp.Messages {
					if m.ID == canaryTweet {
						twitterPseudonyms[name] = m.Author
					}
				}
			}
		})
	}
	// One person, one pseudonym: her tweet has the same author in every
	// Twitter format, that of her handle.
	if len(twitterPseudonyms) != 7 {
		t.Errorf("the canary's tweet was found in %d Twitter formats, want 7: %v", len(twitterPseudonyms), twitterPseudonyms)
	}
	for name, p := range twitterPseudonyms {
		if p != want {
			t.Errorf("%s: the canary is %s, want %s (her handle's pseudonym)", name, p, want)
		}
	}
}

// writeDerived writes what a study's run writes, as scripts/derive and
// the notebooks do: every indicator (analysis/indicator/all, with the
// codebook), each community's reply network as GraphML, GEXF and an edge
// list, and every figure of package paper that the corpus allows, as its
// data CSV, SVG, PNG and sidecar (a figure whose data are missing is
// refused by its builder and not written). It returns how many figures
// were drawn.
func writeDerived(t *testing.T, dir string, c *corpus.Corpus, cb *themes.Codebook) int {
	t.Helper()
	nets := network.Measure(c)
	nulls, err := null.Communities(nets, null.Options{Draws: null.MinDraws})
	if err != nil {
		panic(err)
	}
	rows := all.IndicatorsWith(c, cb, nets)
	write := func(name string, fn func(io.Writer) error) {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := fn(f); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
	write("indicators.csv", func(w io.Writer) error { return indicator.WriteCSV(w, rows) })
	for _, cm := range c.Communities {
		graph := network.Build(c.ByCommunity(cm.ID))
		write(cm.ID+".graphml", func(w io.Writer) error { return network.WriteGraphML(w, graph) })
		write(cm.ID+".gexf", func(w io.Writer) error { return network.WriteGEXF(w, graph) })
		write(cm.ID+".edges.csv", func(w io.Writer) error { return network.WriteEdgeCSV(w, graph) })
	}
	prov := figure.Provenance{Study: c.Study, Synthetic: c.Synthetic}
	th, nm := themes.Measure(c, cb), norms.Measure(c, cb)
	resp, rh := responsiveness.Measure(c), rhythm.Measure(c)
	builders := []func() (*figure.Figure, error){
		func() (*figure.Figure, error) { return paper.T1Groups(activity.PanelsOf(c), prov) },
		func() (*figure.Figure, error) { return paper.T2Accounts(indicator.LatestProfiles(c.Profiles), prov) },
		func() (*figure.Figure, error) { return paper.F01Activity(activity.Measure(c), prov) },
		func() (*figure.Figure, error) { return paper.F02Members(activity.PanelsOf(c), prov) },
		func() (*figure.Figure, error) { return paper.F03Themes(th, prov) },
		func() (*figure.Figure, error) { return paper.F04QuestionTypes(th, prov) },
		func() (*figure.Figure, error) { return paper.F05Rhythm(rh, prov) },
		func() (*figure.Figure, error) { return paper.F06OffHours(rh, prov) },
		func() (*figure.Figure, error) { return paper.F07ReplyByHour(resp, prov) },
		func() (*figure.Figure, error) { return paper.F08Lorenz(participation.Measure(c), prov) },
		func() (*figure.Figure, error) { return paper.F09FirstReply(resp, prov) },
		func() (*figure.Figure, error) { return paper.F10Networks(nets, nulls, prov) },
		func() (*figure.Figure, error) { return paper.T4Network(nets, nulls, prov) },
		func() (*figure.Figure, error) { return paper.F11Retention(retention.Measure(c), prov) },
		func() (*figure.Figure, error) { return paper.F12Consensus(nm, prov) },
		func() (*figure.Figure, error) { return paper.F13Sources(nm, prov) },
		func() (*figure.Figure, error) { return paper.F14Recurring(nm, prov) },
		func() (*figure.Figure, error) { return paper.F15Overlap(norms.Overlap(c), prov) },
	}
	drawn := 0
	for _, build := range builders {
		f, err := build()
		if paper.AsNotDrawable(err) != nil {
			continue // not drawable from this corpus: the builder says why
		}
		if err != nil {
			t.Errorf("a builder failed on the canary: %v", err)
			continue
		}
		if err := f.Save(dir); err != nil {
			t.Fatal(err)
		}
		drawn++
	}
	return drawn
}

var foldAccents = transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)

// fold lower-cases s, removes its accents and its invisible characters
// (format characters, soft hyphens, variation selectors), so that no
// disguise of the canary escapes the search.
func fold(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Cf, r) || r == 0xAD || r >= 0xFE00 && r <= 0xFE0F {
			return -1
		}
		return r
	}, s)
	f, _, err := transform.String(foldAccents, s)
	if err != nil {
		f = s
	}
	return strings.ToLower(f)
}

// unescapeJSON turns the \uXXXX escapes of a JSON fixture into their
// characters (enough for the check that a fixture holds its canary).
func unescapeJSON(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+5 < len(s) && s[i+1] == 'u' {
			var r rune
			if _, err := fmt.Sscanf(s[i+2:i+6], "%04x", &r); err == nil {
				b.WriteRune(r)
				i += 5
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
