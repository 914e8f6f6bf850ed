package pseudo

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// aheadCall is a call of Person (text empty) or of Meet.
type aheadCall struct {
	platform corpus.Platform
	person   rawio.Person
	text     string
}

// aheadCalls are calls whose results depend on their order through every
// first-met rule: a display name worn by two Twitter accounts (the first
// keeps it), a Facebook handle worn by two names (the first keeps it), a
// Bluesky handle met alone, then with its DID, then alone again (it
// takes the DID's pseudonym), a Facebook "@Marie" (not a handle) and
// handles met only in texts.
var aheadCalls = []aheadCall{
	{platform: corpus.Twitter, person: rawio.Person{ID: "42", Handle: "zquill", Name: "Zéphyrine Quillbottom"}},
	{platform: corpus.Twitter, text: "Merci @compte_un et @compte_deux, voir https://twitter.com/compte_trois"},
	{platform: corpus.Twitter, person: rawio.Person{ID: "43", Handle: "autre_zeph", Name: "Zéphyrine Quillbottom"}},
	{platform: corpus.Facebook, person: rawio.Person{Name: "Marie Dupont", Handle: "marie.dupont"}},
	{platform: corpus.Facebook, person: rawio.Person{Name: "Marie Durand", Handle: "marie.dupont"}},
	{platform: corpus.Facebook, text: "Bravo @Marie et @jean_pierre75"},
	{platform: corpus.Bluesky, person: rawio.Person{Handle: "jeanne.bsky.social"}},
	{platform: corpus.Bluesky, person: rawio.Person{ID: "did:plc:abcdefghijklmnopqrstuvwx", Handle: "jeanne.bsky.social"}},
	{platform: corpus.Bluesky, person: rawio.Person{Handle: "jeanne.bsky.social"}},
	{platform: corpus.Bluesky, text: "cc @jeanne.bsky.social"},
	{platform: corpus.Twitter, person: rawio.Person{}},
	{platform: corpus.Twitter, person: rawio.Person{ID: "42", Handle: "zquill", Name: "Zéphyrine Quillbottom"}},
	{platform: corpus.Twitter, text: "encore @compte_un"},
}

// aheadTexts are scrubbed by Names once the calls are made: they show
// what the calls made known.
var aheadTexts = []struct {
	platform corpus.Platform
	names    []string
	text     string
}{
	{corpus.Twitter, []string{"Zéphyrine Quillbottom"}, "Zéphyrine Quillbottom, compte_un, compte_deux et compte_trois"},
	{corpus.Facebook, []string{"Marie Dupont", "Marie Durand"}, "voir marie.dupont, Marie et jean_pierre75"},
	{corpus.Bluesky, nil, "jeanne.bsky.social"},
}

// inTurn makes the calls with Person and Meet, and returns the
// pseudonyms Person gave and the texts scrubbed after.
func inTurn(p *Pseudonymizer) (got, scrubbed []string) {
	for _, c := range aheadCalls {
		if c.text != "" {
			p.Meet(c.platform, c.text)
			got = append(got, "")
		} else {
			got = append(got, p.Person(c.platform, c.person))
		}
	}
	for _, t := range aheadTexts {
		scrubbed = append(scrubbed, p.NamesFor(t.platform, t.names).Text(t.platform, t.text))
	}
	return got, scrubbed
}

// TestAheadSameAsInTurn prepares the calls with Ahead and MeetAhead on
// eight goroutines, in an order other than theirs, takes them in order,
// and checks that they give what Person and Meet in order give: the
// pseudonyms, the identities, and the names and handles found in texts
// after. The values are checked by hand too: the name of two Twitter
// accounts is the first's (zquill's), the Facebook handle of two names
// is the first's (Marie Dupont's), and the Bluesky handle met alone a
// second time has its DID's pseudonym.
func TestAheadSameAsInTurn(t *testing.T) {
	p1 := New(testKey)
	want, wantText := inTurn(p1)

	p2 := New(testKey)
	pend := make([][]Pending, len(aheadCalls))
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			for i := len(aheadCalls) - 1 - w; i >= 0; i -= 8 { // last first
				c := aheadCalls[i]
				if c.text != "" {
					pend[i] = p2.MeetAhead(c.platform, c.text, nil)
				} else {
					pend[i] = []Pending{p2.Ahead(c.platform, c.person)}
				}
			}
		})
	}
	wg.Wait()
	if ids := p2.Identities(); len(ids) != 0 {
		t.Fatalf("Identities after Ahead alone: %+v, want none", ids)
	}
	var got []string
	for i, c := range aheadCalls {
		if c.text != "" {
			p2.TakeAll(pend[i])
			got = append(got, "")
		} else {
			got = append(got, p2.Take(pend[i][0]))
		}
	}
	var gotText []string
	for _, tx := range aheadTexts {
		gotText = append(gotText, p2.NamesFor(tx.platform, tx.names).Text(tx.platform, tx.text))
	}
	if !slices.Equal(got, want) {
		t.Errorf("pseudonyms taken ahead %q, in turn %q", got, want)
	}
	if !slices.Equal(gotText, wantText) {
		t.Errorf("texts after calls taken ahead:\n%q\nin turn:\n%q", gotText, wantText)
	}
	if a, b := p2.Identities(), p1.Identities(); !slices.Equal(a, b) || len(b) != 13 {
		// 11 persons in the calls (the zero one is nobody; the
		// second zquill, the second lone Bluesky handle, its mention and
		// the second @compte_un are met again), and the two Facebook
		// names alone, which Names looks up.
		t.Errorf("Identities ahead %+v, in turn %+v, want 13", a, b)
	}

	// By hand.
	zquill := p1.Handle(corpus.Twitter, "zquill")
	dupont := p1.Name(corpus.Facebook, "Marie Dupont")
	did := p1.Person(corpus.Bluesky, rawio.Person{ID: "did:plc:abcdefghijklmnopqrstuvwx"})
	if want[0] != zquill || want[11] != zquill {
		t.Errorf("zquill: %s and %s, want %s", want[0], want[11], zquill)
	}
	if want[8] != did || want[7] != did || want[6] == did {
		t.Errorf("Bluesky: %s %s %s, want the handle's own, then the DID's %s twice", want[6], want[7], want[8], did)
	}
	if want[10] != "" {
		t.Errorf("nobody: %q", want[10])
	}
	for _, s := range []string{zquill + ", " + p1.Handle(corpus.Twitter, "compte_un") + ", " + p1.Handle(corpus.Twitter, "compte_deux"),
		"voir " + dupont + ", Marie et " + p1.Handle(corpus.Facebook, "jean_pierre75")} {
		if !strings.Contains(strings.Join(wantText, "\n"), s) {
			t.Errorf("%q not in the texts %q", s, wantText)
		}
	}
}

// TestAheadChangesNothing checks that a call prepared and not taken
// leaves nothing known: its handle is not found bare in a text, and
// Identities does not list it, until it is taken.
func TestAheadChangesNothing(t *testing.T) {
	p := New(testKey)
	r := p.Ahead(corpus.Twitter, rawio.Person{ID: "7", Handle: "compte_zeph"})
	m := p.MeetAhead(corpus.Twitter, "salut @autre_zeph", nil)
	if len(m) != 1 || r.Seq() < 0 || m[0].Seq() < 0 || r.Seq() == m[0].Seq() {
		t.Fatalf("MeetAhead %d calls, Seq %d and %v", len(m), r.Seq(), m)
	}
	const text = "merci compte_zeph et autre_zeph"
	if got := p.NamesFor(corpus.Twitter, nil).Text(corpus.Twitter, text); got != text {
		t.Errorf("before Take: %q", got)
	}
	if ids := p.Identities(); len(ids) != 0 {
		t.Errorf("before Take: Identities %+v", ids)
	}
	a := p.Take(r)
	p.TakeAll(m)
	want := fmt.Sprintf("merci %s et %s", a, p.Handle(corpus.Twitter, "autre_zeph"))
	if got := p.NamesFor(corpus.Twitter, nil).Text(corpus.Twitter, text); got != want {
		t.Errorf("after Take: %q, want %q", got, want)
	}
	if a != New(testKey).Person(corpus.Twitter, rawio.Person{ID: "7", Handle: "compte_zeph"}) {
		t.Errorf("Take gave %s, Person another", a)
	}
	if again := p.Ahead(corpus.Twitter, rawio.Person{ID: "7", Handle: "compte_zeph"}); again.Seq() != r.Seq() {
		t.Errorf("Seq %d then %d for one person", r.Seq(), again.Seq())
	}
	if s := p.Ahead(corpus.Bluesky, rawio.Person{Handle: "a.bsky.social"}).Seq(); s != -1 {
		t.Errorf("Bluesky Seq %d, want -1", s)
	}
	// "@Marie" in a Facebook text may be a display name: met, not known
	// as a handle; the account "Marie", prepared once the text is taken,
	// still makes it known when taken.
	p.TakeAll(p.MeetAhead(corpus.Facebook, "merci @Marie", nil))
	const fb = "voir Marie"
	if got := p.NamesFor(corpus.Facebook, nil).Text(corpus.Facebook, fb); got != fb {
		t.Errorf("after @Marie: %q", got)
	}
	marie := p.Ahead(corpus.Facebook, rawio.Person{Handle: "Marie"})
	if got := p.NamesFor(corpus.Facebook, nil).Text(corpus.Facebook, fb); got != fb {
		t.Errorf("after Ahead: %q", got)
	}
	want = "voir " + p.Take(marie)
	if got := p.NamesFor(corpus.Facebook, nil).Text(corpus.Facebook, fb); got != want {
		t.Errorf("after Take: %q, want %q", got, want)
	}
}

// TestAheadConcurrent prepares the persons of 4,000 calls on eight
// goroutines at once, 97 accounts, every 13th one with the same display
// name, and takes them in order: the pseudonyms are those of a
// Pseudonymizer called in order, a name is its first account's, and the
// persons' Seq are distinct for distinct persons (run with -race).
func TestAheadConcurrent(t *testing.T) {
	calls := make([]rawio.Person, 4000)
	for i := range calls {
		calls[i] = rawio.Person{ID: fmt.Sprint(i % 97), Handle: fmt.Sprintf("compte_%d", i%97), Name: fmt.Sprintf("Prénom%d Nom", i%97%13)}
	}
	serial := New(testKey)
	want := make([]string, len(calls))
	for i, c := range calls {
		want[i] = serial.Person(corpus.Twitter, c)
	}
	p := New(testKey)
	pend := make([]Pending, len(calls))
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			for i := w; i < len(calls); i += 8 {
				pend[i] = p.Ahead(corpus.Twitter, calls[i])
			}
		})
	}
	wg.Wait()
	seqOf := map[int]rawio.Person{}
	for i, r := range pend {
		if got := p.Take(r); got != want[i] {
			t.Fatalf("call %d: %s, want %s", i, got, want[i])
		}
		if q, ok := seqOf[r.Seq()]; ok && q != calls[i] {
			t.Fatalf("Seq %d for %+v and %+v", r.Seq(), q, calls[i])
		}
		seqOf[r.Seq()] = calls[i]
	}
	if len(seqOf) != 97 {
		t.Errorf("%d distinct Seq, want 97", len(seqOf))
	}
	// Prepared again, once met: the same pseudonyms and Seq.
	for w := range 8 {
		wg.Go(func() {
			for i := w; i < len(calls); i += 8 {
				r := p.Ahead(corpus.Twitter, calls[i])
				if r.Seq() != pend[i].Seq() {
					t.Errorf("call %d: Seq %d then %d", i, pend[i].Seq(), r.Seq())
				}
				pend[i] = r
			}
		})
	}
	wg.Wait()
	for i, r := range pend {
		if got := p.Take(r); got != want[i] {
			t.Fatalf("call %d prepared again: %s, want %s", i, got, want[i])
		}
	}
	n := p.NamesFor(corpus.Twitter, []string{"Prénom5 Nom"})
	if got, w := n.Text(corpus.Twitter, "Prénom5 Nom"), serial.NamesFor(corpus.Twitter, []string{"Prénom5 Nom"}).Text(corpus.Twitter, "Prénom5 Nom"); got != w || got != want[5] {
		t.Errorf("name of the first met: %q, in turn %q, want %q", got, w, want[5])
	}
}

// FuzzMeetAhead: on any text of any platform, MeetAhead then TakeAll is
// Meet: a Pseudonymizer that met the text either way knows the same
// handles (Names finds the same ones bare in the text) and the same
// identities.
func FuzzMeetAhead(f *testing.F) {
	fuzzSeeds(f)
	for _, c := range aheadCalls {
		if c.text != "" {
			f.Add(c.text)
		}
	}
	for _, s := range []string{
		"merci @zquill@piaille.fr !", "https://piaille.fr/@zquill@mastodon.social", "@jean-dupont.fr @zquill.bsky.social",
		"bsky.app/profile/did:web:jean-dupont.fr", "u/zquill_canary reddit.com/user/zquill_canary t.me/zquill_canary",
		"facebook.com/profile.php?id=100001 fb.com/marie.dupont twitter.com/intent/user?screen_name=zeph_x",
	} {
		f.Add(s)
	}
	platforms := []corpus.Platform{corpus.Twitter, corpus.Facebook, corpus.Bluesky, corpus.Mastodon, corpus.Telegram,
		corpus.WhatsApp, corpus.Reddit, corpus.Discourse}
	f.Fuzz(func(t *testing.T, s string) {
		for _, pl := range platforms {
			in, ahead := New(testKey), New(testKey)
			in.Meet(pl, s)
			ahead.TakeAll(ahead.MeetAhead(pl, s, nil))
			if a, b := ahead.Identities(), in.Identities(); !slices.Equal(a, b) {
				t.Fatalf("%s %q: identities ahead %+v, in turn %+v", pl, s, a, b)
			}
			if a, b := ahead.NamesFor(pl, nil).Text(pl, s), in.NamesFor(pl, nil).Text(pl, s); a != b {
				t.Fatalf("%s %q: scrubbed ahead %q, in turn %q", pl, s, a, b)
			}
		}
	})
}
