package bluesky

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// jsEvent is a Jetstream event.
type jsEvent struct {
	DID    string `json:"did"`
	TimeUS int64  `json:"time_us"`
	Kind   string `json:"kind"`
	Commit *struct {
		Operation  string          `json:"operation"`
		Collection string          `json:"collection"`
		RKey       string          `json:"rkey"`
		Record     json.RawMessage `json:"record"`
	} `json:"commit"`
}

// repostRecord is an app.bsky.feed.repost record.
type repostRecord struct {
	Subject   strongRef `json:"subject"`
	CreatedAt string    `json:"createdAt"`
}

func readJetstream(f *rawio.File, sink rawio.Sink) error {
	r := &reader{f, sink}
	return r.eachRecord(func(b []byte, n int) {
		var ev jsEvent
		if fe := decode(b, &ev, ""); fe != nil {
			r.fail(n, fe)
			return
		}
		switch ev.Kind {
		case "commit":
			r.commit(&ev, n)
		case "identity", "account":
			r.service(n, ev.Kind)
		case "":
			r.reject(n, 0, "kind", rawio.ErrMissing)
		default:
			r.reject(n, 0, "kind", fmt.Errorf("%w: an event of kind %s", rawio.ErrShape, rawio.Quote(ev.Kind)))
		}
	})
}

// commit reads a commit event: a post created is a message, a repost
// created a Retweet-kind message of the reposter; every other commit
// (likes, follows, blocks, profile updates, deletions...) is a service
// record of kind "delete", "update" or, for a creation, the record type's
// last word ("like", "follow", "block", "profile"...; "other" outside the
// app.bsky and chat.bsky lexicons).
func (r *reader) commit(ev *jsEvent, n int) {
	c := ev.Commit
	if c == nil {
		r.reject(n, 0, "commit", rawio.ErrMissing)
		return
	}
	switch c.Operation {
	case "create":
	case "update", "delete":
		r.service(n, c.Operation)
		return
	case "":
		r.reject(n, 0, "commit.operation", rawio.ErrMissing)
		return
	default:
		r.reject(n, 0, "commit.operation", fmt.Errorf("%w: operation %s", rawio.ErrShape, rawio.Quote(c.Operation)))
		return
	}
	if c.Collection != postCollection && c.Collection != repostCollection {
		r.service(n, collectionKind(c.Collection))
		return
	}
	did := strings.TrimSpace(ev.DID)
	switch {
	case did == "":
		r.reject(n, 0, "did", rawio.ErrMissing)
		return
	case strings.TrimSpace(c.RKey) == "":
		r.reject(n, 0, "commit.rkey", rawio.ErrMissing)
		return
	case isNull(c.Record):
		r.reject(n, 0, "commit.record", rawio.ErrMissing)
		return
	}
	uri := "at://" + did + "/" + c.Collection + "/" + strings.TrimSpace(c.RKey)
	m := &rawio.RawMessage{
		Platform: corpus.Bluesky, ID: MessageID(uri), Author: rawio.Person{ID: did}, Line: n,
		IDField: "commit.rkey", CreatedField: "commit.record.createdAt",
	}
	var createdAt string
	if c.Collection == repostCollection {
		var rp repostRecord
		if fe := decode(c.Record, &rp, "commit.record"); fe != nil {
			r.fail(n, fe)
			return
		}
		m.Kind, m.RefID, createdAt = corpus.Retweet, postRef(rp.Subject.URI), rp.CreatedAt
		if m.RefID == "" {
			r.reject(n, 0, "commit.record.subject.uri", fmt.Errorf("%w: no at:// post uri", rawio.ErrMissing))
			return
		}
	} else {
		var p postRecord
		if fe := decode(c.Record, &p, "commit.record"); fe != nil {
			r.fail(n, fe)
			return
		}
		p.fill(m)
		createdAt = p.CreatedAt
	}
	if strings.TrimSpace(createdAt) == "" && ev.TimeUS > 0 {
		// No time in the record: the relay's, when it saw the commit.
		m.Created, m.CreatedField = time.UnixMicro(ev.TimeUS).UTC(), "time_us"
	} else {
		t, fe := parseTime("commit.record.createdAt", createdAt)
		if fe != nil {
			r.fail(n, fe)
			return
		}
		m.Created = t
	}
	r.sink.Message(m)
}

// collectionKind names a record type for the report: the last word of
// an app.bsky or chat.bsky NSID, "other" for any other lexicon (whose
// names are not this reader's to show).
func collectionKind(nsid string) string {
	if !strings.HasPrefix(nsid, "app.bsky.") && !strings.HasPrefix(nsid, "chat.bsky.") {
		return "other"
	}
	w := nsid[strings.LastIndexByte(nsid, '.')+1:]
	for i := 0; i < len(w); i++ {
		if c := w[i]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return "other"
		}
	}
	if w == "" || len(w) > 32 {
		return "other"
	}
	return strings.ToLower(w)
}
