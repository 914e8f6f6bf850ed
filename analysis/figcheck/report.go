package figcheck

import (
	"bytes"
	"fmt"
	"html/template"
	"image/png"
	"os"
	"path/filepath"
	"strings"
)

// ReportFile is the name of the report page inside the report directory.
const ReportFile = "index.html"

type reportFigure struct {
	FigureResult
	BaselinePNG, NewPNG, DiffPNG string // file names inside the report dir
	PixelText                    string
}

type reportData struct {
	Dir, BaselineDir, GOARCH string
	Result                   Result
	Failing                  []reportFigure
	Matching                 []FigureResult
}

var reportTmpl = template.Must(template.New("report").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Figure check: {{if .Result.OK}}all figures match{{else}}{{.Result.Failing}} failing{{end}}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
h2 { margin-top: 2em; border-top: 1px solid #ccc; padding-top: 1em; }
.status { font-family: monospace; padding: 0 .4em; background: #fdd; border-radius: 3px; }
.ok { background: #dfd; }
.reason { font-family: monospace; white-space: pre-wrap; }
.imgs { display: flex; gap: 1em; flex-wrap: wrap; align-items: flex-start; }
figure { margin: 0; }
figure img { border: 1px solid #aaa; max-width: 32em; image-rendering: pixelated; background: #fff; }
figcaption { font-size: 90%; color: #555; }
table.diff { border-collapse: collapse; font-family: monospace; }
table.diff td { padding: 0 .5em; white-space: pre; }
tr.del { background: #fee; } tr.add { background: #efe; }
</style>
</head>
<body>
<h1>Figure check</h1>
<p>Figures directory <code>{{.Dir}}</code>, checked on GOARCH <code>{{.GOARCH}}</code>{{if .BaselineDir}}, baseline <code>{{.BaselineDir}}</code>{{end}}.</p>
<p><strong>figures: {{.Result.Checked}} checked, {{.Result.Matching}} matching, {{.Result.Failing}} failing</strong></p>
{{if .Result.Err}}<p class="reason">error reading the figures directory: {{.Result.Err}}</p>{{end}}
{{if .Result.OK}}<p class="status ok">All figures match the manifest.</p>{{else}}
<p>If a change is intended, run <code>scripts/reproduce --update</code> and commit <code>figures/</code> with its <code>manifest.json</code>.</p>
{{end}}
{{range .Failing}}
<h2 id="{{.ID}}">{{.ID}} <span class="status">{{.Status}}</span></h2>
<p class="reason">{{.Reason}}</p>
{{if .PixelText}}<p>{{.PixelText}}</p>{{end}}
{{if or .BaselinePNG .NewPNG}}<div class="imgs">
{{if .BaselinePNG}}<figure><img src="{{.BaselinePNG}}" alt="baseline {{.ID}}"><figcaption>baseline (accepted{{if .ManifestGOARCH}}, {{.ManifestGOARCH}}{{end}})</figcaption></figure>{{end}}
{{if .NewPNG}}<figure><img src="{{.NewPNG}}" alt="new {{.ID}}"><figcaption>new</figcaption></figure>{{end}}
{{if .DiffPNG}}<figure><img src="{{.DiffPNG}}" alt="diff {{.ID}}"><figcaption>diff: differing pixels in red</figcaption></figure>{{end}}
</div>{{end}}
{{if .CSVDiff}}<p>CSV lines (baseline − / new +):</p>
<table class="diff">
{{range .CSVDiff}}<tr class="{{if eq .Op 45}}del{{else}}add{{end}}"><td>{{if eq .Op 45}}-{{else}}+{{end}}</td><td>{{.Line}}</td><td>{{.Text}}</td></tr>
{{end}}</table>
{{if .CSVDiffMore}}<p>… {{.CSVDiffMore}} more differing lines.</p>{{end}}
{{end}}
{{end}}
{{if .Matching}}<h2>Matching</h2>
<ul>
{{range .Matching}}<li><code>{{.ID}}</code>{{if .Note}}: {{.Note}}{{end}}</li>
{{end}}</ul>{{end}}
</body>
</html>
`))

// WriteReport writes reportDir/index.html, a standalone page listing every
// failing figure with its reason, CSV line diffs and, for figures with
// renders, the baseline PNG (from baselineDir), the new PNG (from dir) and
// a diff image ID.diff.png (differing pixels in red over a faded greyscale
// of the new image). The images shown are copied into reportDir as
// ID.baseline.png and ID.new.png. baselineDir may be empty. When
// everything matches the page says so.
func WriteReport(res Result, dir, baselineDir, reportDir string) error {
	if err := os.MkdirAll(reportDir, 0o755); err != nil {
		return err
	}
	data := reportData{Dir: dir, BaselineDir: baselineDir, GOARCH: res.Options.GOARCH, Result: res}
	opt := res.Options.withDefaults()
	tol := opt.channelTol()
	for _, f := range res.Figures {
		if !f.Failed() {
			data.Matching = append(data.Matching, f)
			continue
		}
		rf := reportFigure{FigureResult: f}
		basePath := ""
		if baselineDir != "" {
			basePath = filepath.Join(baselineDir, f.ID+".png")
			if ok, err := copyIfExists(basePath, filepath.Join(reportDir, f.ID+".baseline.png")); err != nil {
				return err
			} else if ok {
				rf.BaselinePNG = f.ID + ".baseline.png"
			}
		}
		newPath := filepath.Join(dir, f.ID+".png")
		if ok, err := copyIfExists(newPath, filepath.Join(reportDir, f.ID+".new.png")); err != nil {
			return err
		} else if ok {
			rf.NewPNG = f.ID + ".new.png"
		}
		if rf.BaselinePNG != "" && rf.NewPNG != "" {
			a, errA := readPNG(basePath)
			b, errB := readPNG(newPath)
			if errA == nil && errB == nil {
				st := comparePixels(a, b, tol)
				if txt := describePixels(st, opt); !strings.Contains(f.Reason, txt) {
					rf.PixelText = txt
				}
				if st.SameSize() {
					img, err := DiffImage(a, b, tol)
					if err != nil {
						return err
					}
					var buf bytes.Buffer
					if err := png.Encode(&buf, img); err != nil {
						return err
					}
					if err := os.WriteFile(filepath.Join(reportDir, f.ID+".diff.png"), buf.Bytes(), 0o644); err != nil {
						return err
					}
					rf.DiffPNG = f.ID + ".diff.png"
				}
			}
		}
		data.Failing = append(data.Failing, rf)
	}
	var buf bytes.Buffer
	if err := reportTmpl.Execute(&buf, data); err != nil {
		return fmt.Errorf("report template: %w", err)
	}
	return os.WriteFile(filepath.Join(reportDir, ReportFile), buf.Bytes(), 0o644)
}

// copyIfExists copies src to dst; it reports false without error when src
// does not exist.
func copyIfExists(src, dst string) (bool, error) {
	b, err := os.ReadFile(src)
	if os.IsNotExist(err) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return true, os.WriteFile(dst, b, 0o644)
}
