package mastodon

import (
	"errors"
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/load/internal/loadtest"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

func limitOf(err error) string {
	var le *rawio.LimitError
	if errors.As(err, &le) {
		return le.Limit
	}
	return ""
}

const okStatus = `{"id": "%s", "created_at": "2024-03-12T07:15:30Z", "content": "<p>ok</p>", "account": {"acct": "a", "url": "https://piaille.fr/@a"}}`

func statusJSON(id string) string { return strings.Replace(okStatus, "%s", id, 1) }

// A status of 10 MB in a timeline, past a line limit of 4 kB, is one
// rejection naming the limit; the statuses around it load, and reading
// allocates far less than the status (the array is streamed).
func TestLongStatus(t *testing.T) {
	long := `{"id": "2", "created_at": "2024-03-12T07:15:30Z", "content": "` + strings.Repeat("x", 10<<20) + `"}`
	for _, c := range []struct{ name, raw string }{
		{"array", "[\n" + statusJSON("1") + ",\n" + long + ",\n" + statusJSON("3") + "\n]\n"},
		{"lines", statusJSON("1") + "\n" + long + "\n" + statusJSON("3") + "\n"},
	} {
		var rec *recorder
		var err error
		raw := []byte(c.raw)
		n := loadtest.Allocated(func() {
			rec, err = readWith(t, "mastodon", c.name, raw, rawio.Limits{LineBytes: 4096})
		})
		if err != nil || len(rec.Msgs) != 2 || len(rec.Rejects) != 1 || rec.Msgs[1].ID != "3" {
			t.Fatalf("%s: %v, %d messages, rejects %v", c.name, err, len(rec.Msgs), rec.Rejects)
		}
		if e := rec.Rejects[0]; e.Line != 2 && c.name == "lines" || e.Line != 3 && c.name == "array" || limitOf(e.Err) != "line-bytes" {
			t.Errorf("%s: reject %v", c.name, e)
		}
		if n > 1<<20 {
			t.Errorf("%s: reading allocated %d bytes, want less than 1 MB", c.name, n)
		}
	}
}

// A status nested three million levels deep is rejected before it is
// decoded, in a timeline, in a context and in an outbox; the others load.
func TestDeepStatus(t *testing.T) {
	deep := strings.Repeat("[", 3_000_000) + strings.Repeat("]", 3_000_000)
	bad := `{"id": "2", "created_at": "2024-03-12T07:15:30Z", "tags": ` + deep + `}`
	for _, c := range []struct{ format, raw string }{
		{"mastodon", "[\n" + statusJSON("1") + ",\n" + bad + ",\n" + statusJSON("3") + "\n]\n"},
		{"mastodon-outbox", `{"type": "OrderedCollection", "orderedItems": [` + "\n" + `{"type": "Announce", "id": "https://p.fr/users/a/1", "published": "2024-03-12T07:15:30Z", "object": "https://p.fr/users/b/2"},` + "\n" + bad + "\n]}\n"},
	} {
		rec, err := readWith(t, c.format, "deep.json", []byte(c.raw), rawio.Limits{})
		if err != nil || len(rec.Msgs) != 1 && c.format == "mastodon-outbox" || len(rec.Msgs) != 2 && c.format == "mastodon" || len(rec.Rejects) != 1 {
			t.Fatalf("%s: %v, %d messages, rejects %v", c.format, err, len(rec.Msgs), rec.Rejects)
		}
		if e := rec.Rejects[0]; limitOf(e.Err) != "depth" || e.Line != 3 {
			t.Errorf("%s: reject %v", c.format, e)
		}
	}
}
