package pseudo

import (
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// TestIdentityNewPlatforms: the canonical identity of each platform of
// 2026 studies, computed by hand.
func TestIdentityNewPlatforms(t *testing.T) {
	cases := []struct {
		platform       corpus.Platform
		person         rawio.Person
		identity, hand string
	}{
		// Mastodon: the acct with its instance.
		{corpus.Mastodon, rawio.Person{Handle: "@ZQuill@Piaille.fr", ID: "109"}, "mastodon:h:zquill@piaille.fr", "zquill@piaille.fr"},
		{corpus.Mastodon, rawio.Person{ID: "109"}, "mastodon:id:109", ""},
		// Bluesky: the DID first, else the full domain handle.
		{corpus.Bluesky, rawio.Person{ID: "did:plc:ewvi7nxzyoun6zhxrhs64oiz", Handle: "Alice.bsky.social"}, "bluesky:id:did:plc:ewvi7nxzyoun6zhxrhs64oiz", "alice.bsky.social"},
		{corpus.Bluesky, rawio.Person{Handle: "@jean-dupont.fr"}, "bluesky:h:jean-dupont.fr", "jean-dupont.fr"},
		// Telegram: from_id, written as the API writes it.
		{corpus.Telegram, rawio.Person{ID: "user123456789", Name: "Zéphyrine"}, "telegram:id:123456789", ""},
		{corpus.Telegram, rawio.Person{ID: "123456789"}, "telegram:id:123456789", ""},
		{corpus.Telegram, rawio.Person{ID: "channel1001"}, "telegram:id:channel1001", ""},
		{corpus.Telegram, rawio.Person{Handle: "@ZQuill_Canary"}, "telegram:h:zquill_canary", "zquill_canary"},
		// WhatsApp: a number, however written, else the name shown.
		{corpus.WhatsApp, rawio.Person{Name: "+33 6 12 34 56 78"}, "whatsapp:tel:+33612345678", ""},
		{corpus.WhatsApp, rawio.Person{Name: "\u202a+33\u00a06\u00a012\u00a034\u00a056\u00a078\u202c"}, "whatsapp:tel:+33612345678", ""},
		{corpus.WhatsApp, rawio.Person{Name: "0033 6 12 34 56 78"}, "whatsapp:tel:+33612345678", ""},
		{corpus.WhatsApp, rawio.Person{Handle: "33612345678"}, "whatsapp:tel:+33612345678", ""},
		{corpus.WhatsApp, rawio.Person{Name: "Fatou  Diallo"}, "whatsapp:n:fatou diallo", ""},
		// Reddit and Discourse: the user name, ignoring case.
		{corpus.Reddit, rawio.Person{Handle: "ZQuill_Canary", ID: "t2_abc"}, "reddit:h:zquill_canary", "zquill_canary"},
		{corpus.Reddit, rawio.Person{Handle: "[deleted]"}, "", ""},
		{corpus.Discourse, rawio.Person{Handle: "ZQuill", ID: "12"}, "discourse:h:zquill", "zquill"},
	}
	for _, c := range cases {
		id, h := identity(c.platform, c.person)
		if id != c.identity || h != c.hand {
			t.Errorf("identity(%s, %+v) = %q, %q; want %q, %q", c.platform, c.person, id, h, c.identity, c.hand)
		}
	}
	p := New(testKey)
	if a, b := p.Person(corpus.WhatsApp, rawio.Person{Name: "+33 6 12 34 56 78"}), p.Person(corpus.WhatsApp, rawio.Person{Name: "+33612345678"}); a != b || a != independent(testKey, "whatsapp:tel:+33612345678") {
		t.Errorf("one number, two pseudonyms: %s %s", a, b)
	}
	// A Bluesky handle met without its DID after it was met with it gets
	// the DID's pseudonym.
	did := p.Person(corpus.Bluesky, rawio.Person{ID: "did:plc:ewvi7nxzyoun6zhxrhs64oiz", Handle: "alice.bsky.social"})
	if got := p.Handle(corpus.Bluesky, "@Alice.bsky.social"); got != did {
		t.Errorf("handle alone %s, with its DID %s", got, did)
	}
}

// TestTextFormsNewPlatforms: the forms of the accounts of Mastodon,
// Bluesky, Reddit and Telegram that Text replaces.
func TestTextFormsNewPlatforms(t *testing.T) {
	p := New(testKey)
	masto := p.Handle(corpus.Mastodon, "zquill@piaille.fr")
	other := p.Handle(corpus.Mastodon, "zquill@mastodon.social")
	bsky := p.Handle(corpus.Bluesky, "zquill.bsky.social")
	custom := p.Handle(corpus.Bluesky, "jean-dupont.fr")
	did := p.Person(corpus.Bluesky, rawio.Person{ID: "did:plc:ewvi7nxzyoun6zhxrhs64oiz"})
	web := p.Person(corpus.Bluesky, rawio.Person{ID: "did:web:jean-dupont.fr"})
	reddit := p.Handle(corpus.Reddit, "zquill_canary")
	tg := p.Handle(corpus.Telegram, "zquill_canary")
	cases := []struct {
		platform corpus.Platform
		in, want string
	}{
		// Mastodon accts, whole, on any platform.
		{corpus.Mastodon, "merci @zquill@piaille.fr !", "merci @" + masto + " !"},
		{corpus.Mastodon, "@ZQuill@Piaille.FR.", "@" + masto + "."},
		{corpus.Twitter, "je suis sur @zquill@piaille.fr", "je suis sur @" + masto},
		{corpus.Mastodon, "%40zquill%40piaille.fr", "@" + masto},
		{corpus.Mastodon, "zquill@piaille.fr", EmailToken},
		// Mastodon profile addresses on any instance.
		{corpus.Mastodon, "https://piaille.fr/@zquill", "https://piaille.fr/@" + masto},
		{corpus.Mastodon, "https://piaille.fr/@zquill/1130", "https://piaille.fr/@" + masto + "/1130"},
		{corpus.Mastodon, "https://piaille.fr/@zquill@mastodon.social", "https://piaille.fr/@" + other},
		{corpus.Mastodon, "https://piaille.fr/users/zquill/statuses/1130", "https://piaille.fr/users/" + masto + "/statuses/1130"},
		// Bluesky handles, DIDs and profile addresses.
		{corpus.Bluesky, "par @zquill.bsky.social :", "par @" + bsky + " :"},
		{corpus.Bluesky, "@jean-dupont.fr et @Jean-Dupont.FR", "@" + custom + " et @" + custom},
		{corpus.Twitter, "suivez @jean-dupont.fr ou @zquill.bsky.social.", "suivez @" + custom + " ou @" + bsky + "."},
		{corpus.Twitter, "merci @zquill_canary.Bonne soirée", "merci @" + p.Handle(corpus.Twitter, "zquill_canary") + ".Bonne soirée"},
		{corpus.Bluesky, "https://bsky.app/profile/zquill.bsky.social/post/3kabc", "https://bsky.app/profile/" + bsky + "/post/3kabc"},
		{corpus.Bluesky, "https://bsky.app/profile/did:plc:ewvi7nxzyoun6zhxrhs64oiz", "https://bsky.app/profile/" + did},
		{corpus.Bluesky, "at://did:plc:ewvi7nxzyoun6zhxrhs64oiz/app.bsky.feed.post/3kabc", "at://" + did + "/app.bsky.feed.post/3kabc"},
		{corpus.Bluesky, "did:web:jean-dupont.fr", web},
		{corpus.Bluesky, "did:plc:tooshort xdid:plc:ewvi7nxzyoun6zhxrhs64oiz", "did:plc:tooshort xdid:plc:ewvi7nxzyoun6zhxrhs64oiz"},
		// Reddit.
		{corpus.Reddit, "merci u/zquill_canary et /u/ZQuill_Canary", "merci u/" + reddit + " et /u/" + reddit},
		{corpus.Reddit, "https://old.reddit.com/user/zquill_canary/comments", "https://old.reddit.com/user/" + reddit + "/comments"},
		{corpus.Reddit, "www.reddit.com/u/zquill_canary", "www.reddit.com/u/" + reddit},
		{corpus.Reddit, "r/france tu/vous 10 u/min u/ab", "r/france tu/vous 10 u/min u/ab"},
		// Telegram.
		{corpus.Telegram, "https://t.me/zquill_canary et telegram.me/zquill_canary", "https://t.me/" + tg + " et telegram.me/" + tg},
		{corpus.Telegram, "t.me/s/zquill_canary", "t.me/s/" + tg},
		{corpus.Telegram, "t.me/joinchat/AAAAAEZ9-xyz t.me/+AbCdEf123", "t.me/joinchat/" + InviteToken + " t.me/+" + InviteToken},
		{corpus.Telegram, "t.me/c/1234/56 t.me/share/url", "t.me/c/1234/56 t.me/share/url"},
	}
	for _, c := range cases {
		got := p.Text(c.platform, c.in)
		if got != c.want {
			t.Errorf("Text(%s, %q)\n got %q\nwant %q", c.platform, c.in, got, c.want)
		}
		if again := p.Text(c.platform, got); again != got {
			t.Errorf("Text(%s, %q) not idempotent: %q", c.platform, got, again)
		}
	}
}

// TestPhones: the phone numbers replaced by PhoneToken, and the numbers
// that are not phones.
func TestPhones(t *testing.T) {
	p := New(testKey)
	phones := []string{
		"06 12 34 56 78", "06.12.34.56.78", "06-12-34-56-78", "0612345678", "01 44 55 66 77",
		"+33 6 12 34 56 78", "+33612345678", "0033 6 12 34 56 78", "+33 (0)6 12 34 56 78",
		"+33\u00a06\u00a012\u00a034\u00a056\u00a078", "+1 (555) 123-4567", "+44 7700 900123",
		"+12 345 578", "tel:+33612345678",
	}
	for _, ph := range phones {
		in := "appelle-moi au " + ph + ", merci"
		want := "appelle-moi au " + PhoneToken + ", merci"
		if strings.HasPrefix(ph, "tel:") {
			want = "appelle-moi au tel:" + PhoneToken + ", merci"
		}
		if got := p.Text(corpus.WhatsApp, in); got != want {
			t.Errorf("Text(%q) = %q, want %q", in, got, want)
		}
	}
	plain := []string{
		"le 26/09/2019 à 22:39", "le 2019-09-26", "en 2019 et 2020", "1 200 € par mois", "12,50 €",
		"au 75011 Paris", "15 % et 0,5 %", "+10 000 000 €", "+1 200 habitants", "0,06 mg", "06/12/2019",
		"06 12 34 56", "06 12 34 56 78 90", "06.12.2019", "0612 34 56 78", "n° 123456789", "1234567890",
		"+33 6 12", "x0612345678", "v1.06 12 34 56 78", "08:30-12:00", "0800 123 456",
	}
	for _, in := range plain {
		if got := p.Text(corpus.WhatsApp, in); got != in {
			t.Errorf("Text(%q) = %q: not a phone number", in, got)
		}
	}
	for _, c := range []struct{ in, want string }{
		{"+33 6 12 34 56 78", "+33612345678"}, {"06 12 34 56 78", "0612345678"}, {"+33 (0)6 12 34 56 78", "+33612345678"},
		{"Marie", ""}, {"+33 6", ""}, {"0012", ""},
	} {
		if got, ok := PhoneNumber(c.in); got != c.want || ok != (c.want != "") {
			t.Errorf("PhoneNumber(%q) = %q, %v; want %q", c.in, got, ok, c.want)
		}
	}
}

// TestNamesFormsNewPlatforms: known domain handles and accts in their
// bare forms, and mentions resolved by Names.
func TestNamesFormsNewPlatforms(t *testing.T) {
	p := New(testKey)
	z := p.Person(corpus.Bluesky, rawio.Person{ID: "did:plc:ewvi7nxzyoun6zhxrhs64oiz", Handle: "jean-dupont.fr", Name: "Jean Dupont"})
	wa := p.Person(corpus.WhatsApp, rawio.Person{Name: "Fatou"})
	n := p.NamesFor(corpus.Bluesky, []string{"Jean Dupont"})
	cases := []struct {
		platform corpus.Platform
		in, want string
	}{
		{corpus.Bluesky, "voir jean-dupont.fr et @jean-dupont.fr", "voir " + z + " et @" + z},
		{corpus.Bluesky, "merci Jean Dupont", "merci " + z},
		{corpus.Bluesky, "did:plc:ewvi7nxzyoun6zhxrhs64oiz", z},
		{corpus.Twitter, "@jean-dupont.fr", "@" + z},
	}
	for _, c := range cases {
		if got := n.Text(c.platform, c.in); got != c.want {
			t.Errorf("Text(%s, %q)\n got %q\nwant %q", c.platform, c.in, got, c.want)
		}
	}
	// WhatsApp names are identities, single words included.
	w := p.NamesFor(corpus.WhatsApp, []string{"Fatou", "+33 6 12 34 56 78"})
	if got, want := w.Text(corpus.WhatsApp, "Fatou a dit de rappeler le +33 6 12 34 56 78"), wa+" a dit de rappeler le "+PhoneToken; got != want {
		t.Errorf("WhatsApp: got %q, want %q", got, want)
	}
}

// FuzzTextPlatforms: on the texts of every platform, Text and Names.Text
// are idempotent, and the canary's acct, domain handle and number never
// survive whole.
func FuzzTextPlatforms(f *testing.F) {
	fuzzSeeds(f)
	for _, s := range []string{
		"merci @zquill@piaille.fr !", "https://piaille.fr/@zquill@mastodon.social", "piaille.fr/users/zquill/statuses/1",
		"@jean-dupont.fr @zquill.bsky.social", "at://did:plc:ewvi7nxzyoun6zhxrhs64oiz/app.bsky.feed.post/3k",
		"bsky.app/profile/did:web:jean-dupont.fr", "u/zquill_canary /u/x reddit.com/user/zquill_canary",
		"t.me/zquill_canary t.me/+AbC t.me/joinchat/x-y", "06 12 34 56 78 +33 (0)6 12 34 56 78 le 26/09/2019 à 22:39",
		"+1 (555) 123-4567 0033 6 12 34 56 78 1 200 € 75011",
	} {
		f.Add(s)
	}
	p := New(testKey)
	p.Person(corpus.Bluesky, rawio.Person{ID: "did:plc:ewvi7nxzyoun6zhxrhs64oiz", Handle: "jean-dupont.fr", Name: "Jean Dupont"})
	p.Person(corpus.Mastodon, rawio.Person{Handle: "zquill@piaille.fr"})
	p.Person(corpus.WhatsApp, rawio.Person{Name: "Fatou"})
	platforms := []corpus.Platform{corpus.Bluesky, corpus.Mastodon, corpus.Telegram, corpus.WhatsApp, corpus.Reddit, corpus.Discourse}
	names := map[corpus.Platform]*Names{}
	for _, pl := range platforms {
		names[pl] = p.NamesFor(pl, []string{"Jean Dupont", "Fatou"})
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, pl := range platforms {
			out := p.Text(pl, s)
			if again := p.Text(pl, out); again != out {
				t.Fatalf("Text(%s) is not idempotent on %q:\n%q\n%q", pl, s, out, again)
			}
			full := names[pl].Text(pl, s)
			if again := names[pl].Text(pl, full); again != full {
				t.Fatalf("Names.Text(%s) is not idempotent on %q:\n%q\n%q", pl, s, full, again)
			}
			for _, leak := range []string{" zquill@piaille.fr ", " @zquill@piaille.fr ", " 0612345678 ", " did:plc:ewvi7nxzyoun6zhxrhs64oiz "} {
				if strings.Contains(" "+strings.ToLower(s)+" ", leak) && strings.Contains(" "+strings.ToLower(full)+" ", leak) {
					t.Fatalf("Names.Text(%s, %q) = %q keeps %s", pl, s, full, leak)
				}
			}
		}
	})
}

// TestMastodonLocal: a known acct is found by its user name, bare or as
// a mention local to its instance.
func TestMastodonLocal(t *testing.T) {
	p := New(testKey)
	z := p.Person(corpus.Mastodon, rawio.Person{Handle: "zquill_canary@piaille.fr", Name: "Zéphyrine Quillbottom"})
	n := p.NamesFor(corpus.Mastodon, []string{"Zéphyrine Quillbottom"})
	in := "@zquill_canary merci, zquill_canary a raison (https://piaille.fr/users/zquill_canary)"
	want := "@" + z + " merci, " + z + " a raison (https://piaille.fr/users/" + z + ")"
	if got := n.Text(corpus.Mastodon, in); got != want {
		t.Errorf("Text(%q)\n got %q\nwant %q", in, got, want)
	}
}

// TestMentionsByPlatform: a Mastodon "@user" met in a text before its
// acct still ends as the acct's pseudonym once Names knows the acct;
// Discourse names keep their inner dots and hyphens.
func TestMentionsByPlatform(t *testing.T) {
	p := New(testKey)
	p.Meet(corpus.Mastodon, "merci @zquill_canary et https://piaille.fr/@zquill_canary")
	z := p.Person(corpus.Mastodon, rawio.Person{Handle: "zquill_canary@piaille.fr"})
	n := p.NamesFor(corpus.Mastodon, nil)
	if got, want := n.Text(corpus.Mastodon, "merci @zquill_canary, zquill_canary"), "merci @"+z+", "+z; got != want {
		t.Errorf("Mastodon: got %q, want %q", got, want)
	}
	d := p.Handle(corpus.Discourse, "jean.dupont-2")
	if got, want := p.Text(corpus.Discourse, "@Jean.Dupont-2 a raison. @jean."), "@"+d+" a raison. @"+p.Handle(corpus.Discourse, "jean")+"."; got != want {
		t.Errorf("Discourse: got %q, want %q", got, want)
	}
	// A Discourse profile path names the forum's user: Discourse's
	// pseudonym, that of her posts, not Reddit's.
	zq := p.Handle(corpus.Discourse, "zquill_canary")
	if got, want := p.Text(corpus.Discourse, "https://forum.exemple.fr/u/zquill_canary/summary et /u/ZQuill_Canary"), "https://forum.exemple.fr/u/"+zq+"/summary et /u/"+zq; got != want || zq == p.Handle(corpus.Reddit, "zquill_canary") {
		t.Errorf("Discourse profile paths: got %q, want %q", got, want)
	}
}

// TestBlueskyHandleBeforeDID: a handle met alone (a mention in a text
// read first) gets the DID's pseudonym once its account is met, so that
// texts scrubbed at the end name the author's pseudonym.
func TestBlueskyHandleBeforeDID(t *testing.T) {
	p := New(testKey)
	p.Meet(corpus.Bluesky, "merci @zquill.bsky.social !")
	alone := p.Handle(corpus.Bluesky, "zquill.bsky.social")
	did := p.Person(corpus.Bluesky, rawio.Person{ID: "did:plc:ewvi7nxzyoun6zhxrhs64oiz", Handle: "zquill.bsky.social"})
	if alone == did || did != independent(testKey, "bluesky:id:did:plc:ewvi7nxzyoun6zhxrhs64oiz") {
		t.Fatalf("alone %s, with its DID %s", alone, did)
	}
	n := p.NamesFor(corpus.Bluesky, nil)
	in := "merci @zquill.bsky.social, zquill.bsky.social et bsky.app/profile/zquill.bsky.social"
	want := "merci @" + did + ", " + did + " et bsky.app/profile/" + did
	if got := n.Text(corpus.Bluesky, in); got != want {
		t.Errorf("Text(%q)\n got %q\nwant %q", in, got, want)
	}
	if got := p.Handle(corpus.Bluesky, "zquill.bsky.social"); got != did {
		t.Errorf("handle alone now %s, want %s", got, did)
	}
}

// TestWhatsAppMentions: WhatsApp writes a mention of a number as
// "@33612345678" and of a contact as "@\u2068Name\u2069"; both get the
// participant's pseudonym, and a number written in the text, with the
// direction marks phones put around it, becomes PhoneToken.
func TestWhatsAppMentions(t *testing.T) {
	p := New(testKey)
	tel := p.Person(corpus.WhatsApp, rawio.Person{Name: "+33 6 12 34 56 78"})
	fatou := p.Person(corpus.WhatsApp, rawio.Person{Name: "Fatou Diallo"})
	n := p.NamesFor(corpus.WhatsApp, []string{"+33 6 12 34 56 78", "Fatou Diallo"})
	in := "@33612345678 tu viens ? @\u2068Fatou Diallo\u2069 aussi, son numéro : \u202a+33 6 12 34 56 78\u202c"
	want := "@" + tel + " tu viens ? @" + fatou + "\u2069 aussi, son numéro : \u202a" + PhoneToken + "\u202c"
	if got := n.Text(corpus.WhatsApp, in); got != want {
		t.Errorf("Text(%q)\n got %q\nwant %q", in, got, want)
	}
}
