package figure_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/faire-communaute/compendium/analysis/figure"
	"gonum.org/v1/plot/plotter"
)

func ExampleTable() {
	t := figure.NewTable("groupe", "jour", "messages", "part", "modéré")
	t.Add("Aides à domicile", time.Date(2019, 5, 2, 0, 0, 0, 0, time.UTC), 1040, 0.125, true)
	_ = t.WriteCSV(os.Stdout)
	// Output:
	// groupe,jour,messages,part,modéré
	// Aides à domicile,2019-05-02T00:00:00Z,1040,0.125000,true
}

func ExampleNumber() {
	figure.Lang = figure.French
	fmt.Printf("%q\n", figure.Number(1040, 0))
	fmt.Println(figure.Number(0.125, 1), figure.Percent(0.125), figure.Date(time.Date(2019, 5, 2, 0, 0, 0, 0, time.UTC)))
	figure.Lang = figure.English
	fmt.Println(figure.Number(1040, 0), figure.Percent(0.125), figure.Date(time.Date(2019, 5, 2, 0, 0, 0, 0, time.UTC)))
	figure.Lang = figure.French
	// Output:
	// "1\u202f040"
	// 0,1 12,5 % 2 mai 2019
	// 1,040 12.5% 2 May 2019
}

func ExampleFigure_Save() {
	p := figure.NewPlot("", figure.T("Mois", "Month"), figure.T("Messages", "Posts"))
	xys := plotter.XYs{{X: 1, Y: 120}, {X: 2, Y: 340}, {X: 3, Y: 260}}
	line, err := plotter.NewLine(xys)
	if err != nil {
		panic(err)
	}
	line.Color = figure.Color(0)
	p.Add(line)

	data := figure.NewTable("month", "posts")
	for _, xy := range xys {
		data.Add(int(xy.X), xy.Y)
	}
	f := &figure.Figure{
		ID:      "f00-example",
		Title:   "Messages par mois",
		Caption: "Messages publiés chaque mois",
		Plot:    p,
		Data:    data,
		Prov:    figure.Provenance{Study: "sample", Synthetic: true, Revision: "0123abc"},
	}
	dir, err := os.MkdirTemp("", "figures")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	if err := f.Save(dir); err != nil { // notebooks call notebook.Publish
		panic(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	sort.Strings(files)
	for _, name := range files {
		fmt.Println(filepath.Base(name))
	}
	fmt.Println(f.Sidecar().Caption)
	// Output:
	// f00-example.csv
	// f00-example.json
	// f00-example.png
	// f00-example.svg
	// Messages publiés chaque mois. Données synthétiques (étude « sample »).
}
