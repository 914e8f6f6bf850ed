package facebook

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/rawio"
)

// tsvFile opens content as a file with the given limits.
func tsvFile(t *testing.T, content string, limits rawio.Limits) *rawio.File {
	t.Helper()
	f, err := rawio.NewFile("t.tab", strings.NewReader(content))
	if err != nil {
		t.Fatal(err)
	}
	f.Limits = limits
	return f
}

// TestTSVKeepsUsedColumns: with use, the columns read come back as
// written, the others empty, and the columns not read still count for
// the limits and the field count.
func TestTSVKeepsUsedColumns(t *testing.T) {
	content := "position\tpost_id\tpost_text\tcomment_id\tcomment_message\tcomment_like_count\n" +
		"0_0\t1_2\tun long texte de la publication\t2_3\tMerci !\t4\n" + // line 2
		"1_0\t1_2\t" + strings.Repeat("x", 41) + "\t2_4\tbien\t0\n" + // 3: post_text past FieldBytes
		"2_0\t1_2\tt\t2_5\tc\t1\t\t \n" + // 4: two more fields, empty: read
		"3_0\t1_2\tt\t2_6\tc\t1\tx\n" + // 5: one more field, not empty
		"4_0\t1_2\tt\t2_7\tc\n" + // 6: one field short
		"\t\t\t\t\t\n" + // 7: only tabs: a blank line, skipped
		"5_0\t\tt\t2_8\t\t\n" // 8: kept columns empty
	tv, err := newTSV(tsvFile(t, content, rawio.Limits{FieldBytes: 40}))
	if err != nil {
		t.Fatal(err)
	}
	tv.use(tv.col("position"), tv.col("post_id"), tv.col("comment_id"), tv.col("comment_message"), -1, 99)
	type rec struct {
		line   int
		fields []string
		field  string // of the rejection
		reason error
	}
	want := []rec{
		{line: 2, fields: []string{"0_0", "1_2", "", "2_3", "Merci !", ""}},
		{line: 3, field: "post_text", reason: rawio.ErrLimit},
		{line: 4, fields: []string{"2_0", "1_2", "", "2_5", "c", "", "", ""}},
		{line: 5, reason: rawio.ErrShape},
		{line: 6, reason: rawio.ErrShape},
		{line: 8, fields: []string{"5_0", "", "", "2_8", "", ""}},
	}
	for i, w := range want {
		fields, line, perr, err := tv.next()
		if err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
		if line != w.line {
			t.Errorf("record %d: line %d, want %d", i, line, w.line)
		}
		if w.reason != nil {
			if perr == nil || perr.Field != w.field || !errors.Is(perr, w.reason) {
				t.Errorf("line %d: rejection %v, want field %q, %v", line, perr, w.field, w.reason)
			}
			continue
		}
		if perr != nil {
			t.Errorf("line %d: rejected: %v", line, perr)
			continue
		}
		if strings.Join(fields, "|") != strings.Join(w.fields, "|") || len(fields) != len(w.fields) {
			t.Errorf("line %d: fields %q, want %q", line, fields, w.fields)
		}
	}
	if _, _, _, err := tv.next(); err == nil {
		t.Error("no end of file after the last line")
	}
}

// TestTabs: the field ends of tab-separated lines, short fields and
// long ones (past the 8 bytes of a word), tabs in the word and in the
// bytes after the last whole word.
func TestTabs(t *testing.T) {
	long := strings.Repeat("é", 20) // 40 bytes
	for _, c := range []struct {
		line string
		want []int
	}{
		{"", []int{0}},
		{"a", []int{1}},
		{"\t", []int{0, 1}},
		{"ab\tc\t", []int{2, 4, 5}},
		{long, []int{40}},
		{long + "\t" + long, []int{40, 81}},
		{"01234567\tx", []int{8, 10}},
		{"01234567", []int{8}},
		{"012345678", []int{9}},
		{"\t\t" + long + "\t", []int{0, 1, 42, 43}},
	} {
		got := tabs(nil, []byte(c.line))
		if len(got) != len(c.want) {
			t.Errorf("tabs(%q) = %v, want %v", c.line, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("tabs(%q) = %v, want %v", c.line, got, c.want)
				break
			}
		}
	}
}

// TestFpTreeBlocks: nodes added across several blocks come back by their
// numeric and other ids, with their fields, and pointers to earlier
// nodes stay valid as blocks are added.
func TestFpTreeBlocks(t *testing.T) {
	var tree fpTree
	const n = 3*fpBlock + 5
	first := tree.add("1", fpNode{object: "o1"})
	p := tree.node(first)
	for i := 2; i <= n; i++ {
		id := strconv.Itoa(i)
		if i%7 == 0 {
			id = "x" + id // not a row number: the map
		}
		ref := tree.add(id, fpNode{object: "o" + strconv.Itoa(i), parent: int32(i - 1)})
		if int(ref) != i {
			t.Fatalf("node %d added as %d", i, ref)
		}
	}
	for _, i := range []int{1, 2, fpBlock - 1, fpBlock, fpBlock + 1, 2 * fpBlock, 2*fpBlock + 3, n} {
		id := strconv.Itoa(i)
		if i%7 == 0 {
			id = "x" + id
		}
		ref := tree.get(id)
		if int(ref) != i {
			t.Errorf("get(%q) = %d, want %d", id, ref, i)
			continue
		}
		if nd := tree.node(ref); nd.object != "o"+strconv.Itoa(i) || (i > 1 && int(nd.parent) != i-1) {
			t.Errorf("node %d = %+v", i, *nd)
		}
	}
	if p != tree.node(first) || p.object != "o1" {
		t.Error("the first node moved when blocks were added")
	}
	if tree.get(strconv.Itoa(n+1)) != 0 || tree.get("x8") != 0 {
		t.Error("get found a node never added")
	}
}
