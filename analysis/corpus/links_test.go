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
			{Community: "fb", ID: "1", Kind: Post},
			{Community: "fb", ID: "2", Kind: Comment, ParentID: "1"},
			{Community: "fb", ID: "3", Kind: Comment, ParentID: "1", ReplyToAuthor: "u-a"},
			{Community: "ts", ID: "4", Kind: Tweet, ReplyToAuthor: "u-a"},
			{Community: "ts", ID: "5", Kind: Reply, ParentID: "gone", ReplyToAuthor: "u-b"}, // parent not in the data
			{Community: "ts", ID: "6", Kind: Tweet},
			{Community: "ts", ID: "7", Kind: Reply, ParentID: "1"}, // "1" is in another community
			{Community: "bare", ID: "8", Kind: Reply},
			{Community: "elsewhere", ID: "9", Kind: Reply, ParentID: "x"}, // not a community of the study
		},
	}
	got := c.LinksByCommunity()
	want := []CommunityLinks{
		{"fb", Links{Messages: 3, Parent: 2, None: 1}},
		{"ts", Links{Messages: 4, AccountOnly: 2, None: 2, ParentAbsent: 2}},
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
	if l := LinksOf(c.Messages[:7]); l != (Links{Messages: 7, Parent: 2, AccountOnly: 2, None: 3, ParentAbsent: 2}) {
		t.Errorf("LinksOf = %+v", l)
	}
	// Parents mostly absent (one found, two not): not message-level.
	partial := Links{Messages: 10, Parent: 1, None: 9, ParentAbsent: 2}
	if partial.Strength() != NoLinks {
		t.Errorf("1 parent found, 2 absent: strength %v, want none", partial.Strength())
	}
	if (Links{Messages: 3, Parent: 1, None: 2, ParentAbsent: 1}).Strength() != MessageLinks {
		t.Error("1 parent found, 1 absent: want message-level")
	}
	if MessageLinks.String() != "message" || AccountLinks.String() != "account" || NoLinks.String() != "none" {
		t.Error("LinkStrength.String")
	}
}
