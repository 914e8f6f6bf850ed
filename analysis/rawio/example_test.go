package rawio_test

import (
	"fmt"

	"github.com/faire-communaute/compendium/analysis/rawio"
)

func ExampleParseCount() {
	for _, s := range []string{"3 977", "+290", "54,7 k", "1,040"} {
		n, err := rawio.ParseCount(s)
		fmt.Println(n, err)
	}
	// Output:
	// 3977 <nil>
	// 290 <nil>
	// 54700 <nil>
	// 1040 <nil>
}

func ExampleParseError() {
	err := &rawio.ParseError{File: "raw/avs/posts.tsv", Line: 12, Field: "post_published", Err: rawio.ErrBadTime}
	fmt.Println(err)
	// Output: raw/avs/posts.tsv:12: field "post_published": unreadable time
}
