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
