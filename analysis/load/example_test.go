package load_test

import (
	"fmt"

	"github.com/faire-communaute/compendium/analysis/load"
)

func ExampleStudy() {
	// Notebooks call load.Study(load.DefaultStudy(), load.Options{}), which
	// takes the key from pseudo.LoadKey. This study is the tests' own, in
	// a test format.
	c, report, err := load.Study("testdata/study/study.json", load.Options{Key: []byte("an example key, never a real one")})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s: %d communities, %d messages, %d panels, %d profiles\n",
		c.Study, len(c.Communities), len(c.Messages), len(c.Panels), len(c.Profiles))
	m := c.ByCommunity("avs")[0]
	fmt.Println(m.ID, m.Kind, m.Author, m.Created)
	fmt.Print(report)
	// Output:
	// test: 2 communities, 16 messages, 1 panels, 1 profiles
	// p1 post u-mgzgsxnhjd 2019-05-01 06:00:00 +0000 UTC
	// study test
	// file                              format  records  loaded  duplicates  conflicting  rejected
	// raw/avs/a-posts.fake              fake          8       6           0            0         2
	//     1 × created: unreadable time
	//     1 × record of unexpected shape
	// raw/avs/b-more.fake               fake          6       4           2            0         0
	// raw/doctoctoc/tweets.fake         fake          7       6           0            0         1
	//     1 × kind: unknown message kind
	// raw/observations/2019/notes.fake  fake          4       2           0            0         2
	//     1 × community: community not declared in the study file
	//     1 × message read from an observations source, which has no community
	// total                                          25      18           2            0         5
}

// A study file with every field (see the package documentation).
func ExampleParseStudy() {
	spec, err := load.ParseStudy("study.json", []byte(`{
  "name": "sample",
  "synthetic": true,
  "description": "Synthetic exchanges shaped like the 2019 observations.",
  "observation_date": "2019-05-15T18:00:00+02:00",
  "communities": [
    {
      "id": "avs",
      "name": "AVS - Auxiliaire de Vie Sociale",
      "platform": "facebook",
      "profession": "home-care-aide",
      "visibility": "closed",
      "created": "2015-05",
      "admins": ["Ma Airual"],
      "moderators": [],
      "sources": [{"files": ["raw/avs/*.tsv.gz"], "format": "auto", "options": {"body": "message"}}]
    },
    {
      "id": "doctoctoc",
      "name": "#DocTocToc",
      "platform": "twitter",
      "profession": "general-practitioner",
      "visibility": "public",
      "created": "2012",
      "admins": ["@DocTocToc"],
      "sources": [{"files": ["raw/doctoctoc/**/*.jsonl"]}]
    }
  ],
  "observations": [{"files": ["raw/observations"], "format": "auto"}]
}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(spec.Name, spec.Observed)
	for _, c := range spec.Communities {
		created, _ := load.ParseCreated(c.Created)
		fmt.Println(c.ID, c.Platform, c.Profession, created.Format("2006-01-02"), c.Sources[0].Files)
	}
	// Output:
	// sample 2019-05-15 16:00:00 +0000 UTC
	// avs facebook home-care-aide 2015-05-01 [raw/avs/*.tsv.gz]
	// doctoctoc twitter general-practitioner 2012-01-01 [raw/doctoctoc/**/*.jsonl]
}
