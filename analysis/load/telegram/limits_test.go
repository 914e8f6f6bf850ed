package telegram

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/load/internal/loadtest"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// An item of 10 MB past a limit of 4 kB, and a chat name of 10 MB (a
// value outside the items, skipped unread), cost one rejection and no
// more memory than the file's buffer: the reader never holds what it
// does not decode. The items around the long one load.
func TestLongItem(t *testing.T) {
	long := strings.Repeat("é", 5<<20)
	const good = `{"id":%d,"type":"message","date_unixtime":"1709539331","from":"A","from_id":"user1","text":"ok"}`
	doc := `{"name":"` + long + `","type":"private_group","id":1,"messages":[` + "\n" +
		strings.Replace(good, "%d", "1", 1) + ",\n" +
		`{"id":2,"type":"message","text":"` + long + `"},` + "\n" +
		strings.Replace(good, "%d", "3", 1) + "]}"
	var rec *recorder
	var err error
	n := loadtest.Allocated(func() {
		f, _ := rawio.NewFileWith("long.json", strings.NewReader(doc), rawio.Limits{LineBytes: 4096})
		rec = &recorder{}
		err = read(f, rec)
	})
	if err != nil || len(rec.Msgs) != 2 || len(rec.Rejects) != 1 || rec.Rejects[0].Line != 3 || !errors.Is(rec.Rejects[0], rawio.ErrLimit) {
		t.Fatalf("%v: %d messages, %v", err, len(rec.Msgs), rec.Rejects)
	}
	if n > 1<<20 {
		t.Errorf("reading allocated %d bytes, want less than 1 MB", n)
	}
}

// A file of many items is read one item at a time: reading 20,000 items
// allocates per item, and the reader keeps none of them (the messages
// are the sink's).
func BenchmarkRead(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(`{"name":"g","type":"private_supergroup","id":1,"messages":[`)
	for i := range 20000 {
		if i > 0 {
			sb.WriteString(",\n")
		}
		sb.WriteString(`{"id":` + itoa(i+1) + `,"type":"message","date":"2024-03-04T10:00:00","date_unixtime":"1709539331","from":"Aide","from_id":"user1","text":["Bonjour ",{"type":"mention","text":"@x"}],"text_entities":[{"type":"plain","text":"Bonjour "},{"type":"mention","text":"@x"}]}`)
	}
	sb.WriteString("]}")
	doc := sb.String()
	b.SetBytes(int64(len(doc)))
	for b.Loop() {
		f, _ := rawio.NewFile("bench.json", strings.NewReader(doc))
		if err := read(f, &discard{}); err != nil {
			b.Fatal(err)
		}
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

type discard struct{ recorder }

func (*discard) Message(*rawio.RawMessage) {}
