package bluesky_test

import (
	"fmt"

	"github.com/faire-communaute/compendium/analysis/load/bluesky"
)

// A post's id keeps its record key and a hash of its URI, never the DID:
// a reply's parent URI, transformed the same way, meets it.
func ExampleMessageID() {
	post := "at://did:plc:n5dqbeva3ke7aidx6omi2cle/app.bsky.feed.post/3lkq2wz7xab2c"
	fmt.Println(bluesky.MessageID(post))
	fmt.Println(bluesky.MessageID("at://did:plc:n5dqbeva3ke7aidx6omi2cle/app.bsky.feed.post/self"))
	// Output:
	// 3lkq2wz7xab2c.24d2ec2291860247
	// h.1513ae2153159336
}
