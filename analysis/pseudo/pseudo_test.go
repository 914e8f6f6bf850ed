package pseudo

import (
	"bufio"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base32"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

var testKey = []byte("a test key of thirty-two bytes!!")

// independent computes a pseudonym with crypto/hmac directly.
func independent(key []byte, identity string) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(identity))
	s := strings.ToLower(base32.StdEncoding.EncodeToString(m.Sum(nil)))
	return "u-" + s[:10]
}

func TestPersonKnownValues(t *testing.T) {
	p := New(testKey)
	cases := []struct {
		platform corpus.Platform
		person   rawio.Person
		identity string
	}{
		{corpus.Twitter, rawio.Person{ID: "42", Handle: "Canari_Zeph", Name: "Zéphirine"}, "tw:h:canari_zeph"},
		{corpus.Twitter, rawio.Person{Handle: "@canari_zeph"}, "tw:h:canari_zeph"},
		{corpus.Twitter, rawio.Person{ID: "42", Name: "Zéphirine"}, "tw:id:42"},
		{corpus.Twitter, rawio.Person{Name: "Zéphirine  Canari"}, "tw:n:zéphirine canari"},
		{corpus.Facebook, rawio.Person{ID: "999", Name: "Zéphirine Canari"}, "fb:n:zéphirine canari"},
		{corpus.Facebook, rawio.Person{ID: "5f3a"}, "fb:id:5f3a"},
		{corpus.Facebook, rawio.Person{Handle: "Zeph.Canari"}, "fb:h:zeph.canari"},
	}
	for _, c := range cases {
		if got, _ := identity(c.platform, c.person); got != c.identity {
			t.Errorf("identity(%s, %+v) = %q, want %q", c.platform, c.person, got, c.identity)
		}
		if got, want := p.Person(c.platform, c.person), independent(testKey, c.identity); got != want {
			t.Errorf("Person(%s, %+v) = %q, want %q", c.platform, c.person, got, want)
		}
	}
	// A literal value guards against any change of the derivation.
	if got := p.Handle(corpus.Twitter, "canari_zeph"); got != "u-f4sfeuz2zq" {
		t.Errorf("pseudonym of @canari_zeph = %q, want u-f4sfeuz2zq", got)
	}
}

func TestPersonStableAndKeyed(t *testing.T) {
	a, b := New(testKey), New([]byte("another key, also long enough..."))
	person := rawio.Person{Name: "Zéphirine Canari"}
	pa := a.Person(corpus.Facebook, person)
	if !IsPseudonym(pa) {
		t.Fatalf("%q is not a pseudonym", pa)
	}
	if again := New(testKey).Person(corpus.Facebook, person); again != pa {
		t.Errorf("same key gives %q then %q", pa, again)
	}
	if pb := b.Person(corpus.Facebook, person); pb == pa {
		t.Errorf("different keys give the same pseudonym %q", pa)
	}
	if tw := a.Person(corpus.Twitter, person); tw == pa {
		t.Error("the same name on two platforms gives the same pseudonym")
	}
	// Normalisation: NFD accents, case, inner and no-break spaces.
	for _, name := range []string{"ze\u0301phirine canari", "ZÉPHIRINE   CANARI", " Zéphirine\u00a0Canari "} {
		if got := a.Person(corpus.Facebook, rawio.Person{Name: name}); got != pa {
			t.Errorf("name %q: %q, want %q", name, got, pa)
		}
	}
	if got := a.Person(corpus.Twitter, rawio.Person{}); got != "" {
		t.Errorf("empty person: %q", got)
	}
	if got := a.Person(corpus.Facebook, rawio.Person{Name: "  "}); got != "" {
		t.Errorf("blank name: %q", got)
	}
}

func TestText(t *testing.T) {
	p := New(testKey)
	zeph := p.Handle(corpus.Twitter, "canari_zeph")
	cases := []struct{ in, want string }{
		{"@canari_zeph merci", "@" + zeph + " merci"},
		{"@Zéphirine", "@Zéphirine"}, // no mention: a handle is not followed by a letter
		{"merci @Canari_Zeph!", "merci @" + zeph + "!"},
		{"＠canari_zeph", "@" + zeph},
		{"(@canari_zeph)", "(@" + zeph + ")"},
		{"écrire à canari_zeph@example.org", "écrire à <email>"},
		{"é@canari_zeph", "é@canari_zeph"},
		{"@ seul, @@", "@ seul, @@"},
		{"https://twitter.com/Canari_Zeph/status/12", "https://twitter.com/" + zeph + "/status/12"},
		{"https://mobile.twitter.com/canari_zeph", "https://mobile.twitter.com/" + zeph},
		{"x.com/canari_zeph", "x.com/" + zeph},
		{"https://x.com/i/web/status/12 https://twitter.com/hashtag/DocTocToc", "https://x.com/i/web/status/12 https://twitter.com/hashtag/DocTocToc"},
		{"fox.com/canari_zeph", "fox.com/canari_zeph"},
		{"https://www.facebook.com/groups/123/permalink/456/", "https://www.facebook.com/groups/123/permalink/456/"},
		{"https://facebook.com/zeph.canari.", "https://facebook.com/" + p.Person(corpus.Facebook, rawio.Person{Handle: "zeph.canari"}) + "."},
		{"https://m.facebook.com/profile.php?id=1000042&x=1", "https://m.facebook.com/profile.php?id=" + p.Person(corpus.Facebook, rawio.Person{ID: "1000042"}) + "&x=1"},
		{"facebook.com/people/Zephirine-Canari/1000042", "facebook.com/people/" + p.Person(corpus.Facebook, rawio.Person{ID: "1000042"})},
		{"facebook.com/groups/123/user/1000042/", "facebook.com/groups/123/user/" + p.Person(corpus.Facebook, rawio.Person{ID: "1000042"}) + "/"},
	}
	for _, c := range cases {
		if got := p.Text(corpus.Twitter, c.in); got != c.want {
			t.Errorf("Text(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
	long := "@abcdefghijklmnopqrstuvwxyz"
	if got, want := p.Text(corpus.Twitter, long), "@"+p.Handle(corpus.Twitter, long[1:]); got != want {
		t.Errorf("long run: %q, want %q (no part of it left in clear)", got, want)
	}
}

func TestTextNames(t *testing.T) {
	p := New(testKey)
	zeph := p.Name(corpus.Facebook, "Zéphirine Canari")
	jp := p.Name(corpus.Facebook, "Jean-Pierre Martin")
	jean := p.Name(corpus.Facebook, "Jean")
	names := []string{"Jean", "Zéphirine Canari", "Jean-Pierre Martin", "A", ""}
	cases := []struct{ in, want string }{
		{"Merci Zéphirine Canari !", "Merci " + zeph + " !"},
		{"merci zephirine CANARI, et jean-pierre  martin.", "merci " + zeph + ", et " + jp + "."},
		{"Jean Pierre Martin et Jean", jp + " et " + jean},
		{"Jeanne et Zéphirine, Canari", "Jeanne et Zéphirine, Canari"},
		{"Canari Zéphirine", "Canari Zéphirine"},
		{"A a a", "A a a"},
		{"zeph@example.org", "zeph@example.org"},
	}
	for _, c := range cases {
		if got := p.TextNames(c.in, names); got != c.want {
			t.Errorf("TextNames(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
	if n := p.Names(names).Len(); n != 3 {
		t.Errorf("Names compiled %d names, want 3", n)
	}
	var nilNames *Names
	if got := nilNames.Scrub("Jean"); got != "Jean" {
		t.Errorf("nil Names: %q", got)
	}
}

func TestLoadKey(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	t.Setenv(EnvKey, "")
	t.Setenv(EnvKeyFile, "")

	k, src, err := LoadKey()
	if err != nil || string(k) != DevKey || src != DevKeySource {
		t.Errorf("default: %q, %q, %v", k, src, err)
	}

	def := filepath.Join(dir, "compendium", "pseudo.key")
	os.MkdirAll(filepath.Dir(def), 0o700)
	os.WriteFile(def, []byte("a raw key read from the default file\n"), 0o600)
	k, src, err = LoadKey()
	if err != nil || string(k) != "a raw key read from the default file" || src != "file "+def {
		t.Errorf("default file: %q, %q, %v", k, src, err)
	}

	other := filepath.Join(dir, "other.key")
	os.WriteFile(other, []byte("00112233445566778899aabbccddeeff\n"), 0o600)
	t.Setenv(EnvKeyFile, other)
	k, src, err = LoadKey()
	if err != nil || len(k) != 16 || k[1] != 0x11 || src != "file "+other {
		t.Errorf("key file: %x, %q, %v", k, src, err)
	}

	t.Setenv(EnvKeyFile, filepath.Join(dir, "missing.key"))
	if _, _, err := LoadKey(); err == nil || !strings.Contains(err.Error(), EnvKeyFile) {
		t.Errorf("missing key file: %v", err)
	}

	t.Setenv(EnvKey, "a secret passphrase of some length")
	k, src, err = LoadKey()
	if err != nil || string(k) != "a secret passphrase of some length" || src != "environment variable "+EnvKey {
		t.Errorf("env raw: %q, %q, %v", k, src, err)
	}
	t.Setenv(EnvKey, "short")
	if _, _, err := LoadKey(); err == nil || !strings.Contains(err.Error(), "too short") {
		t.Errorf("short key: %v", err)
	}
}

var handleRE = regexp.MustCompile(`@[A-Za-z0-9_]+`)

func fuzzSeeds(f *testing.F) {
	add := func(path string) {
		file, err := os.Open(path)
		if err != nil {
			return
		}
		defer file.Close()
		sc := bufio.NewScanner(file)
		sc.Buffer(nil, 1<<20)
		for n := 0; sc.Scan() && n < 20; n++ {
			line := sc.Text()
			if len(line) > 2000 {
				line = line[:2000]
			}
			f.Add(line)
		}
	}
	add("testdata/texts.txt")
	// Real tweets, when the shared fixtures are present.
	add("../../../shared/fixtures/twitter-v1/twitwi_normalization_sources.jsonl")
	add("/work/shared/fixtures/twitter-v1/twitwi_normalization_sources.jsonl")
}

func FuzzText(f *testing.F) {
	fuzzSeeds(f)
	p := New(testKey)
	p.Person(corpus.Twitter, rawio.Person{Handle: "zquill_canary", Name: "Zéphyrine Quillbottom"})
	p.Public("doctoctoc")
	names := p.Names([]string{"Zéphirine Canari", "Jean-Pierre Martin", "Ma Airual"})
	tw := p.NamesFor(corpus.Twitter, []string{"Zéphyrine Quillbottom", "Doc Toc Toc"})
	f.Fuzz(func(t *testing.T, s string) {
		out := p.Text(corpus.Twitter, s)
		if again := p.Text(corpus.Twitter, out); again != out {
			t.Fatalf("Text is not idempotent on %q:\n%q\n%q", s, out, again)
		}
		for _, loc := range handleRE.FindAllStringIndex(out, -1) {
			if loc[0] > 0 {
				if r, _ := utf8.DecodeLastRuneInString(out[:loc[0]]); r == '_' || isWordRune(r) || afterToken(out, loc[0]) {
					continue // glued to a word, or to a token that replaced one
				}
			}
			if end := loc[1]; end < len(out) {
				if r, _ := utf8.DecodeRuneInString(out[end:]); isWordRune(r) {
					continue // "@Zé…" is no mention
				}
			}
			if pseudonymAt(out, loc[0]+1) == 0 {
				t.Fatalf("handle left in clear in %q: %q", out, out[loc[0]:loc[1]])
			}
		}
		scrubbed := names.Scrub(s)
		if again := names.Scrub(scrubbed); again != scrubbed {
			t.Fatalf("Scrub is not idempotent on %q:\n%q\n%q", s, scrubbed, again)
		}
		full := tw.Text(corpus.Twitter, s)
		if again := tw.Text(corpus.Twitter, full); again != full {
			t.Fatalf("Names.Text is not idempotent on %q:\n%q\n%q", s, full, again)
		}
		// The canary's handle never survives as a word of its own.
		lower := strings.ToLower(full)
		for i := strings.Index(lower, "zquill_canary"); i >= 0; {
			end := i + len("zquill_canary")
			before, after := rune(' '), rune(' ')
			if i > 0 {
				before, _ = utf8.DecodeLastRuneInString(lower[:i])
			}
			if end < len(lower) {
				after, _ = utf8.DecodeRuneInString(lower[end:])
			}
			if !(before == '_' || isWordRune(before) || after == '_' || isWordRune(after)) {
				t.Fatalf("canary handle left in %q: %q", s, full)
			}
			j := strings.Index(lower[end:], "zquill_canary")
			if j < 0 {
				break
			}
			i = end + j
		}
	})
}

func TestIdentities(t *testing.T) {
	p := New([]byte("0123456789abcdef"))
	p.Person(corpus.Twitter, rawio.Person{Handle: "zeph"})
	p.Person(corpus.Facebook, rawio.Person{Name: "Zéphirine Canari"})
	p.Person(corpus.Facebook, rawio.Person{Name: "Zéphirine Canari"})
	p.Person(corpus.Facebook, rawio.Person{})
	got := p.Identities()
	want := []rawio.Person{{Handle: "zeph"}, {Name: "Zéphirine Canari"}}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("Identities() = %+v, want %+v", got, want)
	}
}
