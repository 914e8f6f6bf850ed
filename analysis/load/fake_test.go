package load

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// The fake formats of these tests: a tab-separated file whose first line
// is "#fake PLATFORM" (or "#fake-tw" for the Twitter-only variant), then
// one record per line:
//
//	m id parent thread kind author created text group mentions replyto hashtags
//	p community name observed members
//	r account community observed followers
//	s kind                (a service record: read, not a message)
//
// Persons are written "h:handle;i:id;n:Name", lists separated by '|'.
// Lines starting with '#' and empty lines are not records.
func init() {
	rawio.Register(rawio.Format{
		Name: "fake", Doc: "test format",
		Sniff: func(head []byte) int {
			if strings.HasPrefix(string(head), "#fake ") || strings.HasPrefix(string(head), "#fake\n") {
				return 100
			}
			return 0
		},
		Read: readFake,
	})
	rawio.Register(rawio.Format{
		Name: "fake-tw", Doc: "test format, Twitter only", Platform: corpus.Twitter,
		Sniff: func(head []byte) int {
			if strings.HasPrefix(string(head), "#fake-tw") {
				return 100
			}
			return 0
		},
		Read: readFake,
	})
}

var errFakeIO = errors.New("fake: unreadable")

func readFake(f *rawio.File, sink rawio.Sink) error {
	lr := f.Lines()
	var platform corpus.Platform
	for {
		b, n, err := lr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		line := string(b)
		if n == 1 {
			if line == "#fake-tw" {
				platform = corpus.Twitter
			} else if !strings.HasPrefix(line, "#fake") {
				return errFakeIO
			} else {
				var ok bool
				if platform, ok = corpus.ParsePlatform(strings.TrimSpace(strings.TrimPrefix(line, "#fake"))); !ok {
					return errFakeIO
				}
			}
			continue
		}
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if line == "!panic" {
			var m map[string]int
			m["a reader bug"]++ // a nil map write, as a real bug would be
		}
		fields := strings.Split(line, "\t")
		shape := &rawio.ParseError{File: f.Name, Line: n, Err: rawio.ErrShape}
		switch {
		case fields[0] == "m" && len(fields) == 13:
			created, err := time.Parse(time.RFC3339, fields[6])
			if err != nil {
				sink.Reject(&rawio.ParseError{File: f.Name, Line: n, Field: "created", Err: fmt.Errorf("%w: %q", rawio.ErrBadTime, fields[6])})
				continue
			}
			m := &rawio.RawMessage{
				Platform: platform, ID: fields[1], ParentID: fields[2], ThreadID: fields[3],
				Author: person(fields[5]), Created: created.UTC(),
				Text: fields[7], Group: fields[8], ReplyTo: person(fields[10]), Line: n,
			}
			m.SetKind(fields[4])
			for _, p := range list(fields[9]) {
				m.Mentions = append(m.Mentions, person(p))
			}
			m.Hashtags = list(fields[11])
			if fields[12] != "" {
				m.Links = list(fields[12])
			}
			sink.Message(m)
		case fields[0] == "p" && len(fields) == 5:
			obs, err1 := time.Parse(time.RFC3339, fields[3])
			members, err2 := rawio.ParseCount(fields[4])
			if err1 != nil || err2 != nil {
				sink.Reject(shape)
				continue
			}
			sink.Panel(&corpus.PanelObservation{Community: fields[1], Name: fields[2], Observed: obs, Members: members,
				Source: corpus.Source{File: f.Name, Line: n}})
		case fields[0] == "r" && len(fields) == 5:
			obs, err1 := time.Parse(time.RFC3339, fields[3])
			followers, err2 := strconv.Atoi(fields[4])
			if err1 != nil || err2 != nil {
				sink.Reject(shape)
				continue
			}
			sink.Profile(&rawio.RawProfile{Account: person(fields[1]), Community: fields[2], Observed: obs, Followers: followers, Line: n})
		case fields[0] == "s" && len(fields) == 2:
			rawio.EmitService(sink, &rawio.RawService{Kind: fields[1], Line: n}, shape)
		default:
			sink.Reject(shape)
		}
	}
}

func list(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

func person(s string) rawio.Person {
	var p rawio.Person
	for _, part := range strings.Split(s, ";") {
		k, v, _ := strings.Cut(part, ":")
		switch k {
		case "h":
			p.Handle = v
		case "i":
			p.ID = v
		case "n":
			p.Name = v
		}
	}
	return p
}
