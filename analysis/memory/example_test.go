package memory_test

import (
	"fmt"
	"os"

	"github.com/faire-communaute/compendium/analysis/memory"
)

// A command sets the limit first, and says it when it reports its work.
func ExampleSet() {
	l := memory.Set()
	fmt.Fprintln(os.Stderr, "derive:", l)
	fmt.Println(l.Bytes > 0)
	// Output: true
}
