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
