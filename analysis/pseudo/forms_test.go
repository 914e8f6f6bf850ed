package pseudo

import (
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// The canary of these tests: display name "Zéphyrine Quillbottom",
// handle @zquill_canary.
const (
	canaryName   = "Zéphyrine Quillbottom"
	canaryHandle = "zquill_canary"
)

func TestIdentityHandleShapedName(t *testing.T) {
	cases := []struct {
		platform       corpus.Platform
		person         rawio.Person
		identity, hand string
	}{
		// A generic CSV's author column holding a handle is the handle.
		{corpus.Twitter, rawio.Person{Name: "@zquill_canary"}, "tw:h:zquill_canary", "zquill_canary"},
		{corpus.Twitter, rawio.Person{Name: " ＠ZQuill_Canary ", ID: "42"}, "tw:h:zquill_canary", "zquill_canary"},
		{corpus.Twitter, rawio.Person{Name: "@zquill_canary", Handle: "other"}, "tw:h:other", "other"},
		{corpus.Twitter, rawio.Person{Name: "@ zquill"}, "tw:n:@ zquill", ""},
		{corpus.Twitter, rawio.Person{Name: "zquill_canary"}, "tw:n:zquill_canary", ""},
		// On Facebook the display name stays the identity.
		{corpus.Facebook, rawio.Person{Name: "@zquill_canary"}, "fb:n:@zquill_canary", ""},
	}
	for _, c := range cases {
		id, h := identity(c.platform, c.person)
		if id != c.identity || h != c.hand {
			t.Errorf("identity(%s, %+v) = %q, %q; want %q, %q", c.platform, c.person, id, h, c.identity, c.hand)
		}
	}
	p := New(testKey)
	if a, b := p.Person(corpus.Twitter, rawio.Person{Name: "@zquill_canary"}), p.Handle(corpus.Twitter, "ZQuill_Canary"); a != b {
		t.Errorf("a name written as a handle gives %s, the handle %s", a, b)
	}
}

// TestTextForms: the structural forms Text replaces, without any name
// or handle known beforehand.
func TestTextForms(t *testing.T) {
	p := New(testKey)
	z := p.Handle(corpus.Twitter, canaryHandle)
	fbID := p.Person(corpus.Facebook, rawio.Person{ID: "1000042"})
	fbVanity := p.Person(corpus.Facebook, rawio.Person{Handle: "zquill.canary"})
	twID := p.Person(corpus.Twitter, rawio.Person{ID: "123456"})
	cases := []struct{ in, want string }{
		{"%40zquill_canary merci", "@" + z + " merci"},
		{"%2540zquill_canary", "@" + z},
		{"@zquill\u200b_canary", "@" + z},
		{"@zquill\u200c_canary", "@" + z},
		{"@zquill\u200d_canary", "@" + z},
		{"@zquill\u2060_canary", "@" + z},
		{"@zquill\ufeff_canary", "@" + z},
		{"@zquill\u00ad_canary", "@" + z},
		{"@\u200bzquill_canary", "@" + z},
		{"https%3A%2F%2Ftwitter.com%2Fzquill_canary%2Fstatus%2F1", "https%3A%2F%2Ftwitter.com%2F" + z + "%2Fstatus%2F1"},
		{"https://mobile.twitter.com/zquill_canary", "https://mobile.twitter.com/" + z},
		{"https://www.x.com/ZQUILL_CANARY/", "https://www.x.com/" + z + "/"},
		{"http://twitter.com/#!/zquill_canary", "http://twitter.com/#!/" + z},
		{`https:\/\/twitter.com\/zquill_canary`, `https:\/\/twitter.com\/` + z},
		{"https://m.facebook.com/zquill.canary", "https://m.facebook.com/" + fbVanity},
		{"fb.me/zquill.canary m.me/zquill.canary", "fb.me/" + fbVanity + " m.me/" + fbVanity},
		{"https%3A%2F%2Fwww.facebook.com%2Fprofile.php%3Fid%3D1000042", "https%3A%2F%2Fwww.facebook.com%2Fprofile.php%3Fid%3D" + fbID},
		{"https://www.facebook.com/permalink.php?story_fbid=5&id=1000042", "https://www.facebook.com/permalink.php?story_fbid=5&id=" + fbID},
		{"facebook.com%2Fgroups%2F123%2Fuser%2F1000042", "facebook.com%2Fgroups%2F123%2Fuser%2F" + fbID},
		{"https://twitter.com/intent/user?screen_name=zquill_canary", "https://twitter.com/intent/user?screen_name=" + z},
		{"?screen_name%3DZquill_Canary&x=1", "?screen_name%3D" + z + "&x=1"},
		{"intent/user?user_id=123456", "intent/user?user_id=" + twID},
		{"user_id=abc", "user_id=abc"},
		// E-mail addresses go whole, whatever their local part.
		{"écrire à zquill_canary@gmail.com.", "écrire à " + EmailToken + "."},
		{"Zephyrine.Quillbottom@gmail.com", EmailToken},
		{"mailto%3Azquill_canary%40gmail.com", EmailToken},
		{"mailto:zeph@x.org", "mailto:" + EmailToken},
		{"zquill_canary@gmail", "zquill_canary@gmail"}, // no domain: the handle is Names' to find
		{"a@b é@x", "a@b é@x"},
		// Left alone: emoji sequences keep their invisible joiners.
		{"👩\u200d⚕️ 1️⃣ 🏴\U000e0067\U000e0062\U000e007f", "👩\u200d⚕️ 1️⃣ 🏴\U000e0067\U000e0062\U000e007f"},
		{"fox.com/zquill_canary my-x.com/zquill_canary", "fox.com/zquill_canary my-x.com/zquill_canary"},
		{EmailToken + " et @" + z, EmailToken + " et @" + z},
	}
	for _, c := range cases {
		if got := p.Text(corpus.Twitter, c.in); got != c.want {
			t.Errorf("Text(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

// TestNamesForms: every form of a known name and of a known handle that
// Names.Text finds, and some it must not touch.
func TestNamesForms(t *testing.T) {
	p := New(testKey)
	z := p.Person(corpus.Twitter, rawio.Person{Handle: canaryHandle, Name: canaryName, ID: "42"})
	n := p.NamesFor(corpus.Twitter, []string{canaryName, "Zéphyrine"})
	if n.Len() != 1 {
		t.Errorf("compiled %d Twitter names, want 1 (single words are not)", n.Len())
	}
	cases := []struct{ in, want string }{
		// The name, replaced by the pseudonym of its account.
		{"merci Zéphyrine Quillbottom !", "merci " + z + " !"},
		{"ZEPHYRINE QUILLBOTTOM", z},
		{"zephyrine\nquillbottom", z},
		{"Zephyrine\r\n  Quillbottom", z},
		{"Quillbottom, Zephyrine", z},
		{"QUILLBOTTOM, zéphyrine", z},
		{"QUILLBOTTOM Zephyrine", z},
		{"Z. Quillbottom", z},
		{"Z.Quillbottom", z},
		{"ZephyrineQuillbottom #ZephyrineQuillbottom", z + " #" + z},
		{"zephyrine_quillbottom zephyrine.quillbottom", z + " " + z},
		{"Zephyrine\u200b Quillbottom Zephyrine Quill\u00adbottom", z + " " + z},
		{"@Zéphyrine Quillbottom", "@" + z},
		// The handle, in every form.
		{"#zquill_canary", "#" + z},
		{"voir zquill_canary, ZQUILL_CANARY.", "voir " + z + ", " + z + "."},
		{"@ zquill_canary merci", "@" + z + " merci"},
		{"screen_name=zquill_canary", "screen_name=" + z},
		{"(zquill_canary)", "(" + z + ")"},
		{"cc@zquill_canary", "cc@" + z},
		{"https://example.org/zquill_canary/", "https://example.org/" + z + "/"},
		// Not this person, or not a form covered.
		{"Quillbottom Zephyrine", "Quillbottom Zephyrine"},
		{"Zéphyrine", "Zéphyrine"},
		{"Z Quillbottom", "Z Quillbottom"},
		{"Zéphyrine, Quillbottom", "Zéphyrine, Quillbottom"},
		{"Zephyrine Quillbottoms", "Zephyrine Quillbottoms"},
		{"zquill_canary_fan zquill", "zquill_canary_fan zquill"},
		{z + " et @" + z, z + " et @" + z},
	}
	for _, c := range cases {
		if got := n.Text(corpus.Twitter, c.in); got != c.want {
			t.Errorf("Text(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
	for _, c := range []struct{ in, want string }{{"zquill_canary", z}, {"zephyrinequillbottom", z}, {"convention", "convention"}} {
		if got := n.Hashtag(c.in); got != c.want {
			t.Errorf("Hashtag(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestNamesVariants(t *testing.T) {
	p := New(testKey)
	cl := p.Name(corpus.Facebook, "Claudine Du Girin")
	jp := p.Name(corpus.Facebook, "Jean-Pierre Martin")
	doc := p.Name(corpus.Facebook, "Dr Alice Fictive | MG 75")
	n := p.Names([]string{"Claudine Du Girin", "Jean-Pierre Martin", "Dr Alice Fictive | MG 75", "Pierre Martin", "Julie D."})
	cases := []struct{ in, want string }{
		{"Du Girin, Claudine", cl},
		{"DU GIRIN Claudine", cl},
		{"C. Du Girin", cl},
		{"J.-P. Martin et J. P. Martin", jp + " et " + jp},
		{"MARTIN Jean-Pierre", jp},
		{"Dr Alice Fictive | MG 75", doc + " | MG 75"},
		{"merci Alice Fictive", "merci " + doc},
		{"FICTIVE, Alice", doc},
		{"Du Girin Claudine", "Du Girin Claudine"},
		// A one-letter surname has no variants: "1 cp/j. D'après" stays.
		{"1 cp/j. D'après, D Julie", "1 cp/j. D'après, D Julie"},
		{"Julie D.", p.Name(corpus.Facebook, "Julie D.") + "."},
	}
	for _, c := range cases {
		if got := n.Scrub(c.in); got != c.want {
			t.Errorf("Scrub(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

func TestPublic(t *testing.T) {
	p := New(testKey)
	p.Handle(corpus.Twitter, "DocTocToc")
	// A snapshot of the handles taken before the word is declared public
	// must not be reused.
	if got := p.Names(nil).Scrub("#DocTocToc"); got != "#"+p.Handle(corpus.Twitter, "doctoctoc") {
		t.Fatalf("before Public: %q", got)
	}
	p.Public("doctoctoc", "#DocTocToc")
	dtt := p.Person(corpus.Twitter, rawio.Person{Handle: "DocTocToc", Name: "Doc Toc Toc"})
	p.Handle(corpus.Twitter, "canari_zeph")
	n := p.NamesFor(corpus.Twitter, []string{"Doc Toc Toc"})
	in := "#DocTocToc @DocTocToc doctoctoc Doc Toc Toc canari_zeph"
	want := "#DocTocToc @" + dtt + " doctoctoc " + dtt + " " + p.Handle(corpus.Twitter, "canari_zeph")
	if got := n.Text(corpus.Twitter, in); got != want {
		t.Errorf("Text(%q)\n got %q\nwant %q", in, got, want)
	}
	if got := n.Hashtag("doctoctoc"); got != "doctoctoc" {
		t.Errorf("the public hashtag became %q", got)
	}
}

func TestMeet(t *testing.T) {
	p := New(testKey)
	// Before Meet, the handle is unknown: its bare form stays.
	if got := p.Names(nil).Scrub("zquill_canary"); got != "zquill_canary" {
		t.Fatalf("unknown handle replaced: %q", got)
	}
	p.Meet(corpus.Twitter, "RT @zquill_canary: bonjour")
	p.Meet(corpus.Twitter, "voir https://twitter.com/doc_alice/status/1")
	// Facebook: "@Marie" is a display name, "@marie_75" a handle.
	p.Meet(corpus.Facebook, "@Marie merci, et @marie_75 aussi")
	n := p.Names(nil)
	z := p.Handle(corpus.Twitter, canaryHandle)
	in := "zquill_canary doc_alice Marie marie_75"
	want := z + " " + p.Handle(corpus.Twitter, "doc_alice") + " Marie " + p.Handle(corpus.Facebook, "marie_75")
	if got := n.Scrub(in); got != want {
		t.Errorf("Scrub(%q)\n got %q\nwant %q", in, got, want)
	}
	// Short handles are never bare-matched.
	p.Meet(corpus.Twitter, "@mg")
	if got := p.Names(nil).Scrub("mg MG"); got != "mg MG" {
		t.Errorf("short handle replaced: %q", got)
	}
}

func TestStripInvisible(t *testing.T) {
	cases := []struct{ in, want string }{
		{"abc", "abc"},
		{"Quill\u00adbottom", "Quillbottom"},
		{"a\u200b\u200c\u2060b", "ab"},
		{"\u200babc\u200b", "\u200babc\u200b"},
		{"a \u200bb", "a \u200bb"},
		{"👩\u200d⚕️", "👩\u200d⚕️"},
		{"1\ufe0f\u20e3", "1\ufe0f\u20e3"},
		{"\u202aZéphyrine\u202c", "\u202aZéphyrine\u202c"},
	}
	for _, c := range cases {
		if got := stripInvisible(c.in); got != c.want {
			t.Errorf("stripInvisible(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if s := "plain text"; stripInvisible(s) != s {
		t.Error("plain text changed")
	}
	if !strings.Contains(stripInvisible("\u200b"), "\u200b") {
		t.Error("a lone invisible character was removed")
	}
}

// TestConcurrent: a Pseudonymizer and a compiled Names serve several
// goroutines at once (run with -race).
func TestConcurrent(t *testing.T) {
	p := New(testKey)
	p.Person(corpus.Twitter, rawio.Person{Handle: canaryHandle, Name: canaryName})
	n := p.NamesFor(corpus.Twitter, []string{canaryName})
	want := n.Text(corpus.Twitter, "Zephyrine Quillbottom zquill_canary @zquill_canary")
	done := make(chan string)
	for g := 0; g < 4; g++ {
		go func() {
			for i := 0; i < 100; i++ {
				p.Meet(corpus.Twitter, "@someone_new merci")
				p.Text(corpus.Twitter, "@other https://x.com/other")
			}
			done <- n.Text(corpus.Twitter, "Zephyrine Quillbottom zquill_canary @zquill_canary")
		}()
	}
	for g := 0; g < 4; g++ {
		if got := <-done; got != want {
			t.Errorf("concurrent Text: %q, want %q", got, want)
		}
	}
}
