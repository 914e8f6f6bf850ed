package corpus

import "testing"

func TestOrphanRepliesStartNoThread(t *testing.T) {
	cases := []struct {
		m      Message
		start  bool
		orphan bool
	}{
		{Message{Kind: Post}, true, false},
		{Message{Kind: Tweet}, true, false},
		{Message{Kind: Retweet}, true, false},
		{Message{Kind: Quote}, true, false},
		{Message{Kind: Comment, ParentID: "p"}, false, false},
		{Message{Kind: Comment}, false, true},                     // parent not given
		{Message{Kind: Reply}, false, true},                       // parent not given
		{Message{Kind: Tweet, ReplyToAuthor: "u-b"}, false, true}, // TweetScraper: the account only
		{Message{Kind: Reply, ParentID: "t", ReplyToAuthor: "u-b"}, false, false},
	}
	for _, c := range cases {
		if got := c.m.IsThreadStart(); got != c.start {
			t.Errorf("%+v: IsThreadStart = %v, want %v", c.m, got, c.start)
		}
		if got := c.m.IsOrphanReply(); got != c.orphan {
			t.Errorf("%+v: IsOrphanReply = %v, want %v", c.m, got, c.orphan)
		}
	}
}

func TestLinksByCommunity(t *testing.T) {
	c := &Corpus{
		Communities: []Community{{ID: "fb"}, {ID: "ts"}, {ID: "empty"}, {ID: "bare"}},
		Messages: []Message{
			{Community: "fb", Kind: Post},
			{Community: "fb", Kind: Comment, ParentID: "1"},
			{Community: "fb", Kind: Comment, ParentID: "1", ReplyToAuthor: "u-a"},
			{Community: "ts", Kind: Tweet, ReplyToAuthor: "u-a"},
			{Community: "ts", Kind: Tweet, ReplyToAuthor: "u-b"},
			{Community: "ts", Kind: Tweet},
			{Community: "bare", Kind: Reply},
			{Community: "elsewhere", Kind: Reply, ParentID: "x"}, // not a community of the study
		},
	}
	got := c.LinksByCommunity()
	want := []CommunityLinks{
		{"fb", Links{Messages: 3, Parent: 2, None: 1}},
		{"ts", Links{Messages: 3, AccountOnly: 2, None: 1}},
		{"empty", Links{}},
		{"bare", Links{Messages: 1, None: 1}},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d communities, want %d", len(got), len(want))
	}
	strengths := []LinkStrength{MessageLinks, AccountLinks, NoLinks, NoLinks}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("community %d: got %+v, want %+v", i, got[i], want[i])
		}
		if s := got[i].Strength(); s != strengths[i] {
			t.Errorf("%s: strength %v, want %v", got[i].Community, s, strengths[i])
		}
	}
	if MessageLinks.String() != "message" || AccountLinks.String() != "account" || NoLinks.String() != "none" {
		t.Error("LinkStrength.String")
	}
}
