package twitter

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/load/internal/jsonvalues"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// archiveTweetSets are the window.YTD names of archive files holding
// tweets as {"tweet": {...}} elements.
var archiveTweetSets = []string{"tweets", "tweet", "community_tweet"}

// ytdPrefix returns the data set name of an archive file's head
// ("window.YTD.tweets.part0 = [" gives "tweets") and the length of the
// assignment to skip, up to and including '='.
func ytdPrefix(head []byte) (name string, skip int, ok bool) {
	t := bytes.TrimLeft(head, " \t\r\n")
	lead := len(head) - len(t)
	rest, found := bytes.CutPrefix(t, []byte("window.YTD."))
	if !found {
		return "", 0, false
	}
	eq := bytes.IndexByte(rest, '=')
	if eq < 0 || eq > 200 {
		return "", 0, false
	}
	dot := bytes.IndexByte(rest[:eq], '.')
	if dot <= 0 || !bytes.HasPrefix(bytes.TrimSpace(rest[dot+1:eq]), []byte("part")) {
		return "", 0, false
	}
	return string(rest[:dot]), lead + len("window.YTD.") + eq + 1, true
}

func sniffXArchive(head []byte) int {
	name, _, ok := ytdPrefix(head)
	if !ok {
		return 0
	}
	for _, s := range archiveTweetSets {
		if name == s {
			return 100
		}
	}
	return 0
}

// skipYTD positions f after the "window.YTD.<name>.partN =" assignment
// and returns the number of lines skipped.
func skipYTD(f *rawio.File) (int, error) {
	_, skip, ok := ytdPrefix(f.Head)
	if !ok {
		return 0, fmt.Errorf("%s: %w: no window.YTD assignment at the start", f.Name, rawio.ErrShape)
	}
	lines := bytes.Count(f.Head[:skip], []byte{'\n'})
	if _, err := f.R.Discard(skip); err != nil {
		return 0, err
	}
	return lines, nil
}

func readXArchive(f *rawio.File, sink rawio.Sink) error {
	owner, err := archiveOwner(f)
	if err != nil {
		return err
	}
	skipped, err := skipYTD(f)
	if err != nil {
		return err
	}
	r := &reader{f, sink}
	// Archives since 2020 wrap each tweet as {"tweet": {...}}; older ones
	// (tweet.js) list the tweet objects themselves.
	var item struct {
		Tweet *v1Tweet `json:"tweet"`
		v1Tweet
	}
	return r.eachValue(skipped, func(b []byte, n int) {
		item.Tweet, item.v1Tweet = nil, v1Tweet{}
		if err := unmarshal(b, &item); err != nil {
			r.undecodable(b, n, err, "")
			return
		}
		t, prefix := item.Tweet, "tweet"
		if t == nil {
			t, prefix = &item.v1Tweet, ""
			if t.IDStr == "" && t.ID == "" && t.CreatedAt == "" {
				r.reject(n, 0, "tweet", fmt.Errorf("%w: not a tweet", rawio.ErrMissing))
				return
			}
		}
		m, fe := v1Message(t, n, &owner)
		if fe != nil {
			fe.field = join(prefix, fe.field)
			r.fail(n, fe)
			return
		}
		m.Author = owner
		if prefix != "" { // the export's field names, for load's rejections
			m.IDField, m.CreatedField = "tweet.id_str", "tweet.created_at"
			if item.Tweet.IDStr == "" {
				m.IDField = "tweet.id"
			}
		}
		if m.Kind == corpus.Tweet && isArchiveRetweet(m.Text) {
			m.Kind = corpus.Retweet
		}
		sink.Message(m)
	})
}

// archiveOwner reads the owner of the archive holding tf from the
// account.js beside it (tf.Sibling); without one (a file read from a pipe,
// or an archive without account.js), the owner is ArchiveOwnerID.
func archiveOwner(tf *rawio.File) (rawio.Person, error) {
	path := tf.Name
	if tf.Sibling == nil {
		return rawio.Person{ID: ArchiveOwnerID}, nil
	}
	f, err := tf.Sibling("account.js")
	if errors.Is(err, fs.ErrNotExist) {
		return rawio.Person{ID: ArchiveOwnerID}, nil
	}
	if err != nil {
		return rawio.Person{}, fmt.Errorf("owner of %s: %w", path, err)
	}
	acc := f.Name
	defer f.Close()
	bad := func(why string) (rawio.Person, error) {
		return rawio.Person{}, fmt.Errorf("owner of %s: %s: %w: %s", path, acc, rawio.ErrShape, why)
	}
	if name, _, ok := ytdPrefix(f.Head); !ok || name != "account" {
		return bad("not a window.YTD.account file")
	}
	skipped, err := skipYTD(f)
	if err != nil {
		return rawio.Person{}, err
	}
	var owner rawio.Person
	var decodeErr error
	err = jsonvalues.ValuesChecked(f.R, skipped, f.Limits, func(b []byte, _ int, bad error) {
		if bad != nil {
			decodeErr = bad
			return
		}
		var item struct {
			Account struct {
				AccountID          string `json:"accountId"`
				Username           string `json:"username"`
				AccountDisplayName string `json:"accountDisplayName"`
			} `json:"account"`
		}
		if err := unmarshal(b, &item); err != nil {
			decodeErr = err
			return
		}
		if a := item.Account; owner.ID == "" && a.AccountID != "" {
			owner = rawio.Person{ID: a.AccountID, Handle: a.Username, Name: a.AccountDisplayName}
		}
	})
	switch {
	case err != nil:
		return rawio.Person{}, fmt.Errorf("owner of %s: %w", path, err)
	case owner.ID == "" && errors.Is(decodeErr, rawio.ErrLimit):
		return bad(decodeErr.Error())
	case owner.ID == "" && decodeErr != nil:
		return bad("unreadable JSON")
	case owner.ID == "":
		return bad("no accountId")
	}
	return owner, nil
}
