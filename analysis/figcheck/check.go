package figcheck

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
)

// Default tolerances for the cross-architecture PNG comparison.
const (
	DefaultChannelTolerance = 8
	DefaultPixelTolerance   = 0.005
)

// Options tune Check.
type Options struct {
	// GOARCH is the architecture the figures in dir were rendered on;
	// empty means runtime.GOARCH.
	GOARCH string
	// BaselineDir holds the accepted figure files (ID.png, ID.csv), for
	// example extracted from git HEAD. It is needed for the PNG comparison
	// on another GOARCH and gives line diffs for data drift. May be empty.
	BaselineDir string
	// ChannelTolerance is the largest per-channel difference (of 255)
	// for a pixel to count as equal. 0 means DefaultChannelTolerance; a
	// negative value means exact (0).
	ChannelTolerance int
	// PixelTolerance is the largest share of differing pixels (0..1) for a
	// PNG to pass on another GOARCH. 0 means DefaultPixelTolerance; a
	// negative value means no pixel may differ.
	PixelTolerance float64
	// DiffLines is the number of differing CSV lines kept per figure for
	// the report; 0 means 20.
	DiffLines int
}

func (o Options) withDefaults() Options {
	if o.GOARCH == "" {
		o.GOARCH = runtime.GOARCH
	}
	if o.ChannelTolerance == 0 {
		o.ChannelTolerance = DefaultChannelTolerance
	}
	if o.PixelTolerance == 0 {
		o.PixelTolerance = DefaultPixelTolerance
	}
	if o.DiffLines <= 0 {
		o.DiffLines = 20
	}
	return o
}

// channelTol and pixelTol are the effective tolerances (negative means 0).
func (o Options) channelTol() int   { return max(o.ChannelTolerance, 0) }
func (o Options) pixelTol() float64 { return max(o.PixelTolerance, 0) }

// Status is the outcome of checking one figure.
type Status string

// Statuses; every status except StatusMatch is a failure.
const (
	StatusMatch       Status = "match"
	StatusDataDrift   Status = "data-drift"
	StatusRenderDrift Status = "render-drift"
	StatusMissing     Status = "missing"
	StatusUnexpected  Status = "unexpected"
	StatusIncomplete  Status = "incomplete"
)

// FigureResult is the outcome for one figure.
type FigureResult struct {
	ID     string
	Status Status
	// Reason says, for a failure, what changed; it starts with "ID: ".
	Reason string
	// Note is extra information on a match (e.g. the PNG was compared
	// with a tolerance on another GOARCH); empty otherwise.
	Note string
	// ManifestGOARCH is the GOARCH of the accepted renders ("" when the
	// figure is not in the manifest).
	ManifestGOARCH string
	// CrossArch is true when the figure was checked on another GOARCH
	// than the one of its accepted renders.
	CrossArch bool
	// Pixels holds the PNG comparison, when one was made.
	Pixels PixelStats
	// CSVDiff holds the first differing CSV lines (baseline vs new) for
	// data drift when the baseline CSV was available; CSVDiffMore counts
	// the differing lines left out.
	CSVDiff     []DiffLine
	CSVDiffMore int
}

// Failed reports whether the figure failed the check.
func (f FigureResult) Failed() bool { return f.Status != StatusMatch }

// Result is the outcome of Check.
type Result struct {
	Dir string
	// Options are the options used, defaults filled in.
	Options Options
	// Err is set when dir could not be read at all.
	Err error
	// Figures is sorted by ID.
	Figures []FigureResult
	// Checked = Matching + Failing = len(Figures).
	Checked, Matching, Failing int
}

// OK reports whether every figure matches and dir could be read.
func (r Result) OK() bool { return r.Err == nil && r.Failing == 0 }

// Failures returns the failing figures.
func (r Result) Failures() []FigureResult {
	var out []FigureResult
	for _, f := range r.Figures {
		if f.Failed() {
			out = append(out, f)
		}
	}
	return out
}

// Check compares the figures in dir with the manifest (see the package
// documentation for the rules).
func Check(m Manifest, dir string, opt Options) Result {
	opt = opt.withDefaults()
	res := Result{Dir: dir, Options: opt}
	figs, err := Scan(dir)
	if err != nil {
		res.Err = err
	}
	found := map[string]Figure{}
	for _, f := range figs {
		found[f.ID] = f
	}
	entries := map[string]Entry{}
	ids := []string{}
	for _, e := range m.Figures {
		if _, dup := entries[e.ID]; !dup {
			ids = append(ids, e.ID)
		}
		entries[e.ID] = e
	}
	for _, f := range figs {
		if _, ok := entries[f.ID]; !ok {
			ids = append(ids, f.ID)
		}
	}
	sort.Strings(ids)
	for _, id := range ids {
		var e *Entry
		if v, ok := entries[id]; ok {
			e = &v
		}
		var f *Figure
		if v, ok := found[id]; ok {
			f = &v
		}
		fr := checkFigure(id, e, f, dir, opt)
		res.Figures = append(res.Figures, fr)
		res.Checked++
		if fr.Failed() {
			res.Failing++
		} else {
			res.Matching++
		}
	}
	return res
}

// short abbreviates a sha256 for messages.
func short(h string) string {
	if len(h) > 8 {
		return h[:8] + "…"
	}
	if h == "" {
		return "(none)"
	}
	return h
}

func checkFigure(id string, e *Entry, f *Figure, dir string, opt Options) FigureResult {
	fr := FigureResult{ID: id}
	fail := func(s Status, format string, args ...any) FigureResult {
		fr.Status = s
		fr.Reason = id + ": " + fmt.Sprintf(format, args...)
		return fr
	}
	if e == nil {
		return fail(StatusUnexpected, "unexpected figure, not in the manifest (files %s); if it is intended run scripts/reproduce --update",
			strings.Join(f.PresentFiles(), ", "))
	}
	fr.ManifestGOARCH = e.GOARCH
	fr.CrossArch = e.GOARCH != opt.GOARCH
	if f == nil {
		return fail(StatusMissing, "missing, in the manifest but no %s.csv/.json in %s", id, dir)
	}
	if miss := f.MissingFiles(); len(miss) > 0 {
		return fail(StatusIncomplete, "incomplete, missing %s", strings.Join(miss, ", "))
	}
	if _, err := ReadSidecar(f.Sidecar); err != nil {
		return fail(StatusIncomplete, "incomplete, unreadable sidecar: %v", err)
	}
	var csvSum, svgSum, pngSum string
	for _, h := range []struct {
		dst  *string
		path string
	}{{&csvSum, f.CSV}, {&svgSum, f.SVG}, {&pngSum, f.PNG}} {
		var err error
		if *h.dst, err = hashFile(h.path); err != nil {
			return fail(StatusIncomplete, "incomplete, cannot read %s: %v", filepath.Base(h.path), err)
		}
	}

	// Data: exact on every architecture.
	if csvSum != e.CSVSHA256 {
		msg := fmt.Sprintf("data changed (csv sha256 %s → %s)", short(e.CSVSHA256), short(csvSum))
		msg += csvDetail(&fr, id, f.CSV, e.CSVSHA256, opt)
		if pngSum != e.PNGSHA256 {
			msg += "; the render changed too"
		}
		return fail(StatusDataDrift, "%s", msg)
	}

	basePNG := ""
	if opt.BaselineDir != "" {
		basePNG = filepath.Join(opt.BaselineDir, id+".png")
		if _, err := os.Stat(basePNG); err != nil {
			basePNG = ""
		}
	}

	if !fr.CrossArch {
		var changed []string
		if svgSum != e.SVGSHA256 {
			changed = append(changed, fmt.Sprintf("svg sha256 %s → %s", short(e.SVGSHA256), short(svgSum)))
		}
		if pngSum != e.PNGSHA256 {
			changed = append(changed, fmt.Sprintf("png sha256 %s → %s", short(e.PNGSHA256), short(pngSum)))
		}
		if len(changed) == 0 {
			fr.Status = StatusMatch
			return fr
		}
		msg := fmt.Sprintf("render changed on %s (%s)", opt.GOARCH, strings.Join(changed, ", "))
		if pngSum != e.PNGSHA256 && basePNG != "" && fileSum(basePNG) == e.PNGSHA256 {
			// Informative only: the same architecture must match byte for byte.
			if st, err := comparePNGFiles(basePNG, f.PNG, opt.channelTol()); err == nil {
				fr.Pixels = st
				msg += "; " + describePixels(st, opt)
			}
		}
		return fail(StatusRenderDrift, "%s", msg)
	}

	// Another architecture: the SVG bytes are not compared, the PNG is
	// compared with a tolerance.
	if pngSum == e.PNGSHA256 {
		fr.Status = StatusMatch
		fr.Note = fmt.Sprintf("png identical on %s (accepted on %s); svg byte check skipped", opt.GOARCH, e.GOARCH)
		return fr
	}
	if basePNG == "" {
		where := "no -baseline directory given"
		if opt.BaselineDir != "" {
			where = fmt.Sprintf("%s.png not in %s", id, opt.BaselineDir)
		}
		return fail(StatusRenderDrift, "no baseline PNG to compare on another GOARCH (%s, accepted on %s; %s); png sha256 %s → %s",
			opt.GOARCH, e.GOARCH, where, short(e.PNGSHA256), short(pngSum))
	}
	if sum := fileSum(basePNG); sum != e.PNGSHA256 {
		return fail(StatusRenderDrift, "baseline PNG %s is not the accepted one (sha256 %s, manifest %s); cannot compare on another GOARCH",
			basePNG, short(sum), short(e.PNGSHA256))
	}
	st, err := comparePNGFiles(basePNG, f.PNG, opt.channelTol())
	fr.Pixels = st
	if err != nil {
		return fail(StatusRenderDrift, "png cannot be compared: %v", err)
	}
	if !st.SameSize() {
		return fail(StatusRenderDrift, "png size changed %dx%d → %dx%d (%s, accepted on %s)",
			st.BaselineW, st.BaselineH, st.NewW, st.NewH, opt.GOARCH, e.GOARCH)
	}
	if st.Share() > opt.pixelTol() {
		return fail(StatusRenderDrift, "render changed beyond tolerance on %s (accepted on %s): %s",
			opt.GOARCH, e.GOARCH, describePixels(st, opt))
	}
	fr.Status = StatusMatch
	fr.Note = fmt.Sprintf("png within tolerance on %s (accepted on %s): %s; svg byte check skipped",
		opt.GOARCH, e.GOARCH, describePixels(st, opt))
	return fr
}

func describePixels(st PixelStats, opt Options) string {
	if !st.SameSize() {
		return fmt.Sprintf("png size %dx%d → %dx%d", st.BaselineW, st.BaselineH, st.NewW, st.NewH)
	}
	return fmt.Sprintf("%d of %d pixels (%.2f%%, tolerance %.2f%%) differ by more than %d/255",
		st.Differing, st.Total, 100*st.Share(), 100*opt.pixelTol(), opt.channelTol())
}

func comparePNGFiles(basePath, newPath string, channelTol int) (PixelStats, error) {
	a, err := readPNG(basePath)
	if err != nil {
		return PixelStats{}, fmt.Errorf("baseline: %w", err)
	}
	b, err := readPNG(newPath)
	if err != nil {
		return PixelStats{}, fmt.Errorf("new: %w", err)
	}
	return comparePixels(a, b, channelTol), nil
}

// csvDetail fills fr.CSVDiff from the baseline CSV and returns the text
// appended to the data-drift reason.
func csvDetail(fr *FigureResult, id, newPath, wantSum string, opt Options) string {
	if opt.BaselineDir == "" {
		return "; no baseline CSV for a line diff (pass a baseline directory)"
	}
	basePath := filepath.Join(opt.BaselineDir, id+".csv")
	old, err := os.ReadFile(basePath)
	if err != nil {
		return fmt.Sprintf("; no baseline CSV for a line diff (%s.csv not in %s)", id, opt.BaselineDir)
	}
	if hashBytes(old) != wantSum {
		return fmt.Sprintf("; baseline %s is not the accepted CSV (sha256 %s), no line diff", basePath, short(hashBytes(old)))
	}
	cur, err := os.ReadFile(newPath)
	if err != nil {
		return ""
	}
	a, b := splitLines(old), splitLines(cur)
	fr.CSVDiff, fr.CSVDiffMore = lineDiff(a, b, opt.DiffLines)
	line, ot, nt, ook, nok := firstDifference(a, b)
	switch {
	case ook && nok:
		return fmt.Sprintf("; first differing line %d: %s → %s", line, quoteLine(ot), quoteLine(nt))
	case ook:
		return fmt.Sprintf("; line %d %s and after removed (%d → %d lines)", line, quoteLine(ot), len(a), len(b))
	case nok:
		return fmt.Sprintf("; line %d %s and after added (%d → %d lines)", line, quoteLine(nt), len(a), len(b))
	default:
		return "; the lines are equal, only the final newline differs"
	}
}

// fileSum is the sha256 of a file, "" when it cannot be read.
func fileSum(path string) string {
	s, _ := hashFile(path)
	return s
}
