// Package figure writes the figures of the compendium: one figure is a data
// table (ID.csv), a vector image (ID.svg), a raster image (ID.png, 150 dpi)
// and a provenance sidecar (ID.json) in the figures folder.
//
// Notebooks build a *plot.Plot (usually with package chart), fill a Table with
// the numbers drawn, and call Figure.Publish, which saves the four files in
// Dir() and displays the figure inline when running under GoNB.
//
// Determinism: saving the same figure twice gives byte-identical CSV, SVG and
// PNG files on the same machine. Nothing time- or revision-dependent is written
// into those three files; the git revision, the notebook and the inputs'
// checksums go only into the JSON sidecar. gonum/plot images may differ in the
// last bits between architectures (GOARCH is recorded in the sidecar), so compare
// images exactly only on one architecture and compare the CSV data everywhere.
//
// The package also holds the compendium's theme (Liberation Sans fonts, light
// grid, Okabe-Ito colour-blind-safe Palette) and its French number and date
// formats. Labels are French by default; set the environment variable
// COMPENDIUM_LANG=en (or assign Lang) for English. French formats use
// U+202F NARROW NO-BREAK SPACE as thousands separator and before "%"
// ("1 040", "12,5 %"), and a decimal comma.
//
// Importing this package sets plot.DefaultFont to Liberation Sans, so that
// plots created with plot.New after the import share the theme's typeface.
package figure
