//go:build inspecttest

package main

import (
	"bytes"
	"os"

	"github.com/faire-communaute/compendium/analysis/rawio"
)

// Built with the tag inspecttest (TestBuiltCommand does so), the
// inspector has two ways to provoke an internal error, so that exit
// status 3 is tested on the built command: the format "crash-test", of
// files starting "#crash-test", whose reader panics as a buggy reader
// would; and the environment variable INSPECT_TEST_CRASH=run, which makes
// the inspector itself panic once the inputs are loaded. Neither exists
// in the command as built normally.
func init() {
	rawio.Register(rawio.Format{
		Name: "crash-test", Doc: "test format whose reader panics (inspecttest builds only)",
		Sniff: func(head []byte) int {
			if bytes.HasPrefix(head, []byte("#crash-test")) {
				return 100
			}
			return 0
		},
		Read: func(f *rawio.File, sink rawio.Sink) error {
			var m map[string]int
			m[f.Name]++ // a nil map write
			return nil
		},
	})
	testHook = func(stage string) {
		if os.Getenv("INSPECT_TEST_CRASH") == "run" {
			var counts []int
			counts[len(stage)]++ // an index out of range
		}
	}
}
