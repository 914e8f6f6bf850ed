package privacy_test

import (
	"fmt"
	"strings"

	"github.com/faire-communaute/compendium/analysis/privacy"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

func ExampleScanner_Scan() {
	met := []rawio.Person{{Name: "Zéphirine Canari"}, {Handle: "canari_zeph"}}
	sc := privacy.NewScanner(privacy.Needles(met))
	out := "community,author,text\navs,u-abcdefghij,merci zephirine CANARI !\n"
	found, _ := sc.Scan("messages.csv", strings.NewReader(out))
	for _, f := range found {
		fmt.Println(f)
	}
	// Output: messages.csv:2: name z… c… (16)
}
