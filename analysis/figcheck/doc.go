// Package figcheck checks rebuilt figures against a committed manifest.
//
// A figures directory (usually figures/) holds, for every figure ID, the
// files written by package analysis/figure:
//
//	ID.csv   the figure's data (always present, tables included)
//	ID.svg   the rendered figure
//	ID.png   the rendered figure as a bitmap
//	ID.json  a provenance sidecar (id, title, notebook, inputs, revision, goarch…;
//	         the schema of package figure/sidecar, the one figure writes)
//
// A figure ID is the stem of a top-level .csv or .json file; manifest.json,
// directories and every other file are ignored by [Scan].
//
// The accepted state of the figures is recorded in figures/manifest.json
// (see [Manifest]): per figure the sha256 of its CSV, SVG and PNG, the GOARCH
// the renders were made on, the inputs and revision from the sidecar. The
// manifest is written with deterministic bytes (fixed key order, figures
// sorted by ID, inputs sorted by path, trailing newline) so that it diffs
// cleanly in git. It is rewritten by [Update] (scripts/reproduce --update,
// or go run ./scripts/figcheck -update figures).
//
// # Checking rules
//
// [Check] compares a directory with a manifest, figure by figure:
//
//   - Data: the CSV sha256 must match exactly, on every architecture. A
//     mismatch is data drift; when the accepted CSV is available in
//     Options.BaselineDir the reason names the first differing line.
//   - Same GOARCH as the manifest entry (Options.GOARCH, default
//     runtime.GOARCH): the SVG and the PNG must match byte for byte.
//   - Different GOARCH: floating point and font rasterisation may differ
//     between architectures, so the SVG byte check is skipped and the PNG is
//     compared pixel by pixel with the accepted PNG from Options.BaselineDir
//     (whose sha256 must be the one in the manifest). Both images must have
//     the same dimensions; a pixel differs when any of its R, G, B, A
//     channels (8 bit, non-premultiplied) differs by more than
//     Options.ChannelTolerance (default 8); the figure fails when the share
//     of differing pixels exceeds Options.PixelTolerance (default 0.005,
//     i.e. 0.5%). Without a baseline PNG the figure fails.
//   - A figure in the manifest but not in the directory is missing; a figure
//     in the directory but not in the manifest is unexpected; a figure with
//     one of its four files absent (or an unreadable sidecar) is
//     incomplete. All three are failures.
//
// Every figure gets a [Status] and, when it fails, a reason that names the
// figure and what changed. [WriteReport] turns a [Result] into a standalone
// HTML page with baseline, new and diff images and CSV line diffs.
package figcheck
