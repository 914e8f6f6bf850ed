package load

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
)

// Columns of the files WriteCSV writes.
var (
	MessageColumns   = []string{"community", "profession", "platform", "id", "kind", "parent_id", "thread_id", "author", "author_role", "created", "text"}
	CommunityColumns = []string{"id", "name", "platform", "profession", "visibility", "created"}
	PanelColumns     = []string{"community", "name", "observed", "members", "new_members_30d", "posts_today", "posts_30d", "admins", "moderators", "created_approx"}
	ProfileColumns   = []string{"account", "label", "community", "observed", "posts", "following", "followers", "likes", "joined"}
)

// WriteCSV writes the corpus c into dir (created if needed) as
// messages.csv, communities.csv, panels.csv and profiles.csv, with the
// columns above, in corpus order. Times are RFC 3339 in UTC; community
// creation dates are YYYY-MM-DD and profile join dates YYYY-MM; zero
// times are empty. Everything written is pseudonymised already.
func WriteCSV(dir string, c *corpus.Corpus) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("load: %w", err)
	}
	prof := map[string]corpus.Profession{}
	for _, cm := range c.Communities {
		prof[cm.ID] = cm.Profession
	}
	tables := []struct {
		name string
		cols []string
		n    int
		row  func(i int) []string
	}{
		{"messages.csv", MessageColumns, len(c.Messages), func(i int) []string {
			m := &c.Messages[i]
			return []string{m.Community, string(prof[m.Community]), m.Platform.String(), m.ID, m.Kind.String(),
				m.ParentID, m.ThreadID, m.Author, m.AuthorRole.String(), instant(m.Created), m.Text}
		}},
		{"communities.csv", CommunityColumns, len(c.Communities), func(i int) []string {
			cm := &c.Communities[i]
			return []string{cm.ID, cm.Name, cm.Platform.String(), string(cm.Profession), string(cm.Visibility), date(cm.Created, "2006-01-02")}
		}},
		{"panels.csv", PanelColumns, len(c.Panels), func(i int) []string {
			p := &c.Panels[i]
			return []string{p.Community, p.Name, instant(p.Observed), itoa(p.Members), itoa(p.NewMembers30d),
				itoa(p.PostsToday), itoa(p.Posts30d), itoa(p.Admins), itoa(p.Moderators), p.CreatedApprox}
		}},
		{"profiles.csv", ProfileColumns, len(c.Profiles), func(i int) []string {
			p := &c.Profiles[i]
			return []string{p.Account, p.Label, p.Community, instant(p.Observed), itoa(p.Posts), itoa(p.Following),
				itoa(p.Followers), itoa(p.Likes), date(p.Joined, "2006-01")}
		}},
	}
	for _, t := range tables {
		if err := writeTable(filepath.Join(dir, t.name), t.cols, t.n, t.row); err != nil {
			return err
		}
	}
	return nil
}

func writeTable(path string, cols []string, n int, row func(int) []string) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("load: %w", err)
	}
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("load: %w", cerr)
		}
	}()
	w := csv.NewWriter(f)
	w.Write(cols)
	for i := 0; i < n; i++ {
		w.Write(row(i))
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return fmt.Errorf("load: %s: %w", path, err)
	}
	return nil
}

func instant(t time.Time) string { return date(t, time.RFC3339) }

func date(t time.Time, layout string) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(layout)
}

func itoa(n int) string { return strconv.Itoa(n) }
