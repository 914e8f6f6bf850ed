package whatsapp

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/load/internal/loadtest"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// A line of 10 MB and a message of 10 MB over 10,000 lines, past a limit
// of 4 kB, are two rejections, the messages around them load, and both
// passes (from a folder, and spooled from a pipe) allocate a bounded
// amount, far below the 10 MB of either: memory is O(limit).
func TestLongRecords(t *testing.T) {
	raw := "26/09/2019 à 22:39 - Nadia Benali : avant\n" +
		"26/09/2019 à 22:40 - Karim Haddad : " + strings.Repeat("x", 10<<20) + "\n" +
		"26/09/2019 à 22:41 - Nadia Benali : long\n" + strings.Repeat(strings.Repeat("y", 1000)+"\n", 10000) +
		"26/09/2019 à 22:42 - Nadia Benali : après\n"
	path := filepath.Join(t.TempDir(), "chat.txt")
	if err := os.WriteFile(path, []byte(raw), 0o644); err != nil {
		t.Fatal(err)
	}
	lim := rawio.Limits{LineBytes: 4096}
	for _, spooled := range []bool{false, true} {
		var rec *recorder
		var err error
		n := loadtest.Allocated(func() {
			var f *rawio.File
			if spooled {
				f, err = rawio.NewFileWith("chat.txt", strings.NewReader(raw), lim)
			} else {
				f, err = rawio.OpenWith(path, lim)
			}
			if err != nil {
				return
			}
			defer f.Close()
			rec = &recorder{}
			err = read(f, rec)
		})
		if err != nil || len(rec.Msgs) != 2 || len(rec.Rejects) != 2 || rec.Rejects[0].Line != 2 || rec.Rejects[1].Line != 3 {
			t.Fatalf("spooled %v: %v, %d messages, %v", spooled, err, len(rec.Msgs), rec.Rejects)
		}
		if n > 2<<20 {
			t.Errorf("spooled %v: reading allocated %d bytes, want less than 2 MB", spooled, n)
		}
	}
}
