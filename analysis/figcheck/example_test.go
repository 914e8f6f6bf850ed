package figcheck_test

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"

	"github.com/faire-communaute/compendium/analysis/figcheck"
)

func Example() {
	dir, _ := os.MkdirTemp("", "figures")
	defer os.RemoveAll(dir)
	write := func(name, content string) { os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644) }

	var img bytes.Buffer
	png.Encode(&img, image.NewGray(image.Rect(0, 0, 20, 10)))
	write("t1-groups.csv", "group,n\na,3\nb,5\n")
	write("t1-groups.svg", "<svg/>")
	write("t1-groups.png", img.String())
	write("t1-groups.json", `{"id": "t1-groups", "title": "Groups", "goarch": "amd64"}`)

	// Accept the current figures, then change the data.
	m, err := figcheck.Update(dir)
	if err != nil {
		fmt.Println(err)
		return
	}
	// Keep the accepted files as a baseline (usually extracted from git HEAD).
	baseline, _ := os.MkdirTemp("", "baseline")
	defer os.RemoveAll(baseline)
	os.CopyFS(baseline, os.DirFS(dir))
	write("t1-groups.csv", "group,n\na,3\nb,6\n")

	res := figcheck.Check(m, dir, figcheck.Options{GOARCH: "amd64", BaselineDir: baseline})
	for _, f := range res.Figures {
		fmt.Println(f.Status, f.Reason)
	}
	fmt.Printf("figures: %d checked, %d matching, %d failing; ok=%v\n", res.Checked, res.Matching, res.Failing, res.OK())
	// Output:
	// data-drift t1-groups: data changed (csv sha256 266bdea9… → 2363a02f…); first differing line 3: "b,5" → "b,6"
	// figures: 1 checked, 0 matching, 1 failing; ok=false
}
