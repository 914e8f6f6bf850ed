package pseudo_test

import (
	"fmt"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/pseudo"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

func Example() {
	// Real data: key, source, err := pseudo.LoadKey().
	p := pseudo.New([]byte("an example key, never a real one"))

	author := p.Person(corpus.Twitter, rawio.Person{ID: "1234", Handle: "Canari_Zeph"})
	fmt.Println(author)
	fmt.Println(p.Text(corpus.Twitter, "@canari_zeph écrivez à zeph@example.org"))

	member := p.Person(corpus.Facebook, rawio.Person{Name: "Zéphirine Canari"})
	fmt.Println(member)
	fmt.Println(p.TextNames("Merci zephirine canari !", []string{"Zéphirine Canari"}))
	// Output:
	// u-jokgc6aj62
	// @u-jokgc6aj62 écrivez à <email>
	// u-mgzgsxnhjd
	// Merci u-mgzgsxnhjd !
}

func ExamplePhoneNumber() {
	for _, s := range []string{"+33 6 12 34 56 78", "0033 (0)6 12 34 56 78", "06.12.34.56.78", "26/09/2019"} {
		fmt.Println(pseudo.PhoneNumber(s))
	}
	// Output:
	// +33612345678 true
	// +33612345678 true
	// 0612345678 true
	//  false
}

func ExamplePseudonymizer_Text_platforms() {
	p := pseudo.New([]byte("an example key, never a real one"))
	fmt.Println(p.Text(corpus.Mastodon, "merci @zeph@piaille.fr, rappelle-moi au 06 12 34 56 78 le 26/09"))
	fmt.Println(p.Text(corpus.Bluesky, "par @zeph.bsky.social, voir t.me/+AbCdEf"))
	// Output:
	// merci @u-275skykh2u, rappelle-moi au <phone> le 26/09
	// par @u-xasn3m4i53, voir t.me/+<invite>
}

// Goroutines prepare the calls of messages decoded at once (Ahead,
// MeetAhead), and one goroutine takes them in the messages' order
// (Take, TakeAll): the pseudonyms are those of Person in that order, and
// a display name worn by two accounts stays the first's.
func ExamplePseudonymizer_Ahead() {
	p := pseudo.New([]byte("an example key, never a real one"))
	first := rawio.Person{ID: "1234", Handle: "canari_zeph", Name: "Zéphirine Canari"}
	second := rawio.Person{ID: "5678", Handle: "zeph_bis", Name: "Zéphirine Canari"}
	var a, b pseudo.Pending
	var met []pseudo.Pending
	done := make(chan bool)
	go func() { b = p.Ahead(corpus.Twitter, second); done <- true }()
	go func() { met = p.MeetAhead(corpus.Twitter, "merci @canari_zeph", nil); done <- true }()
	a = p.Ahead(corpus.Twitter, first)
	<-done
	<-done
	fmt.Println(p.Take(a), p.Take(b))
	p.TakeAll(met)
	fmt.Println(p.NamesFor(corpus.Twitter, []string{"Zéphirine Canari"}).Text(corpus.Twitter, "Zéphirine Canari et zeph_bis"))
	// Output:
	// u-jokgc6aj62 u-c4kq6amjtk
	// u-jokgc6aj62 et u-c4kq6amjtk
}
