package network

import (
	"encoding/csv"
	"encoding/xml"
	"io"
	"strconv"
)

func formatFloat(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

type gmlKey struct {
	ID   string `xml:"id,attr"`
	For  string `xml:"for,attr"`
	Name string `xml:"attr.name,attr"`
	Type string `xml:"attr.type,attr"`
}

type gmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

type gmlNode struct {
	ID   string    `xml:"id,attr"`
	Data []gmlData `xml:"data"`
}

type gmlEdge struct {
	ID     string    `xml:"id,attr"`
	Source string    `xml:"source,attr"`
	Target string    `xml:"target,attr"`
	Data   []gmlData `xml:"data"`
}

type gmlGraph struct {
	ID          string    `xml:"id,attr"`
	EdgeDefault string    `xml:"edgedefault,attr"`
	Nodes       []gmlNode `xml:"node"`
	Edges       []gmlEdge `xml:"edge"`
}

type graphML struct {
	XMLName xml.Name `xml:"http://graphml.graphdrawing.org/xmlns graphml"`
	Keys    []gmlKey `xml:"key"`
	Graph   gmlGraph `xml:"graph"`
}

func writeXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// WriteGraphML writes g as GraphML: nodes "n<id>" with the attributes
// label (pseudonym), role, community and betweenness, directed edges with
// their weight.
func WriteGraphML(w io.Writer, g *Graph) error {
	doc := graphML{
		Keys: []gmlKey{
			{"label", "node", "label", "string"},
			{"role", "node", "role", "string"},
			{"community", "node", "community", "int"},
			{"betweenness", "node", "betweenness", "double"},
			{"weight", "edge", "weight", "double"},
		},
		Graph: gmlGraph{ID: "replies", EdgeDefault: "directed"},
	}
	for i, nd := range g.Nodes() {
		doc.Graph.Nodes = append(doc.Graph.Nodes, gmlNode{ID: "n" + strconv.Itoa(i), Data: []gmlData{
			{"label", nd.Author}, {"role", nd.Role.String()}, {"community", strconv.Itoa(nd.Community)}, {"betweenness", formatFloat(nd.Betweenness)},
		}})
	}
	index := map[string]int{}
	for i, a := range g.Authors {
		index[a] = i
	}
	for k, e := range g.Edges() {
		doc.Graph.Edges = append(doc.Graph.Edges, gmlEdge{
			ID: "e" + strconv.Itoa(k), Source: "n" + strconv.Itoa(index[e.Source]), Target: "n" + strconv.Itoa(index[e.Target]),
			Data: []gmlData{{"weight", formatFloat(e.Weight)}},
		})
	}
	return writeXML(w, doc)
}

type gexfAttr struct {
	ID    string `xml:"id,attr"`
	Title string `xml:"title,attr"`
	Type  string `xml:"type,attr"`
}

type gexfAttrs struct {
	Class string     `xml:"class,attr"`
	Attrs []gexfAttr `xml:"attribute"`
}

type gexfValue struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
}

type gexfNode struct {
	ID     string      `xml:"id,attr"`
	Label  string      `xml:"label,attr"`
	Values []gexfValue `xml:"attvalues>attvalue"`
}

type gexfEdge struct {
	ID     string `xml:"id,attr"`
	Source string `xml:"source,attr"`
	Target string `xml:"target,attr"`
	Weight string `xml:"weight,attr"`
}

type gexfGraph struct {
	DefaultEdgeType string     `xml:"defaultedgetype,attr"`
	Mode            string     `xml:"mode,attr"`
	Attributes      gexfAttrs  `xml:"attributes"`
	Nodes           []gexfNode `xml:"nodes>node"`
	Edges           []gexfEdge `xml:"edges>edge"`
}

type gexf struct {
	XMLName xml.Name  `xml:"http://www.gexf.net/1.2draft gexf"`
	Version string    `xml:"version,attr"`
	Creator string    `xml:"meta>creator"`
	Desc    string    `xml:"meta>description"`
	Graph   gexfGraph `xml:"graph"`
}

// WriteGEXF writes g as GEXF 1.2, the format Gephi reads natively: nodes
// labelled by pseudonym with the attributes role, community and
// betweenness, directed edges with their weight.
func WriteGEXF(w io.Writer, g *Graph) error {
	doc := gexf{
		Version: "1.2",
		Creator: "faire-communaute/compendium analysis/indicator/network",
		Desc:    "reply network: edge a->b weighted by the number of replies of a to b",
		Graph: gexfGraph{
			DefaultEdgeType: "directed", Mode: "static",
			Attributes: gexfAttrs{Class: "node", Attrs: []gexfAttr{{"0", "role", "string"}, {"1", "community", "integer"}, {"2", "betweenness", "double"}}},
		},
	}
	for i, nd := range g.Nodes() {
		doc.Graph.Nodes = append(doc.Graph.Nodes, gexfNode{ID: strconv.Itoa(i), Label: nd.Author, Values: []gexfValue{
			{"0", nd.Role.String()}, {"1", strconv.Itoa(nd.Community)}, {"2", formatFloat(nd.Betweenness)},
		}})
	}
	index := map[string]int{}
	for i, a := range g.Authors {
		index[a] = i
	}
	for k, e := range g.Edges() {
		doc.Graph.Edges = append(doc.Graph.Edges, gexfEdge{ID: strconv.Itoa(k), Source: strconv.Itoa(index[e.Source]), Target: strconv.Itoa(index[e.Target]), Weight: formatFloat(e.Weight)})
	}
	return writeXML(w, doc)
}

// WriteEdgeCSV writes the edges as CSV with the header source,target,weight,
// sorted by source then target.
func WriteEdgeCSV(w io.Writer, g *Graph) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"source", "target", "weight"})
	for _, e := range g.Edges() {
		cw.Write([]string{e.Source, e.Target, formatFloat(e.Weight)})
	}
	cw.Flush()
	return cw.Error()
}
