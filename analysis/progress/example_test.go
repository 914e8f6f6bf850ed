package progress_test

import (
	"fmt"
	"os"

	"github.com/faire-communaute/compendium/analysis/load"
	"github.com/faire-communaute/compendium/analysis/progress"
)

// A command hooks the bar into its load; off a terminal the hook is nil
// and nothing is ever drawn.
func ExampleLoad() {
	hook, end := progress.Load(os.Stderr, "derive: load")
	opt := load.Options{OnProgress: hook}
	_ = opt // load.Study(path, opt)
	end()
	fmt.Println(progress.Describe("derive: load", load.Counts{Files: 3, TotalFiles: 12, Records: 1204311}))
	// Output: derive: load 3/12 files, 1,204,311 records
}
