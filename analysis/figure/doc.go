// Package figure writes the figures of the compendium: one figure is a data
// table (ID.csv), a vector image (ID.svg), a raster image (ID.png, 150 dpi)
// and a provenance sidecar (ID.json).
//
// Package paper builds a Figure from what the indicator packages measured
// (its Data table holds the numbers drawn, its Plot, Tiles or Drawing the
// image, composed with package chart); Figure.Save writes the four files
// into the folder it is given. Notebooks call notebook.Publish, which
// saves into the figures folder and shows the figure in GoNB.
//
// The package is split by concern, in separate files:
//
//   - files and provenance: figure.go (Figure, Render, Save, Tiles) and
//     provenance.go (Provenance, Sidecar, InputFile); the sidecar's schema
//     is the sub-package sidecar, which the figure checker reads too;
//   - tables: table.go (Table, its cells, CSV and HTML);
//   - theme and number formats: theme.go (typeface, Okabe-Ito palette,
//     sizes, NewPlot and Apply), format.go (French and English numbers,
//     percentages and dates), ticks.go (tick markers for numbers, shares,
//     integers, hours, durations and dates), tabledraw.go (TableDrawing);
//   - translation: lang.go (Language, Lang, T, ParseLanguage).
//
// Settings come from the caller: the package reads no environment
// variable and runs no command. Lang (French unless set; notebooks and
// commands set it from COMPENDIUM_LANG) is its one setting; the revision,
// the notebook and the inputs a figure records are fields of its
// Provenance; the folder a figure is saved in is Save's argument.
//
// Determinism: saving the same figure twice gives byte-identical CSV, SVG and
// PNG files on the same machine. Nothing time- or revision-dependent is written
// into those three files; the git revision, the notebook and the inputs'
// checksums go only into the JSON sidecar. gonum/plot images may differ in the
// last bits between architectures (GOARCH is recorded in the sidecar), so compare
// images exactly only on one architecture and compare the CSV data everywhere.
//
// French formats use U+202F NARROW NO-BREAK SPACE as thousands separator
// and before "%" ("1 040", "12,5 %"), and a decimal comma.
//
// Importing this package sets plot.DefaultFont to Liberation Sans, so that
// plots created with plot.New after the import share the theme's typeface.
package figure
