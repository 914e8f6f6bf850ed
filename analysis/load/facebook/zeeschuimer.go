package facebook

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// zsItem is the part of a Zeeschuimer item that the format reads. Fields
// that are not named are skipped by the decoder.
type zsItem struct {
	SourcePlatform string `json:"source_platform"`
	Data           struct {
		CometSections struct {
			Content struct {
				Story zsStory `json:"story"`
			} `json:"content"`
			ContextLayout struct {
				Story struct {
					CometSections struct {
						Metadata []zsMetadata `json:"metadata"`
					} `json:"comet_sections"`
				} `json:"story"`
			} `json:"context_layout"`
		} `json:"comet_sections"`
	} `json:"data"`
}

type zsStory struct {
	PostID  string `json:"post_id"`
	WWWURL  string `json:"wwwURL"`
	Message *struct {
		Text string `json:"text"`
	} `json:"message"`
	Actors []struct {
		ID   string `json:"id"`
		Name string `json:"name"`
		URL  string `json:"url"`
	} `json:"actors"`
	Attachments []struct {
		Target *struct {
			Typename string `json:"__typename"`
			ID       string `json:"id"`
			URL      string `json:"url"`
		} `json:"target"`
	} `json:"attachments"`
}

type zsMetadata struct {
	Typename string `json:"__typename"`
	Story    *struct {
		CreationTime json.RawMessage `json:"creation_time"`
		URL          string          `json:"url"`
	} `json:"story"`
}

const zsTimestampStrategy = "CometFeedStoryMinimizedTimestampStrategy"

// Field paths named in rejections.
const (
	zsStoryPath = "data.comet_sections.content.story"
	zsMetaPath  = "data.comet_sections.context_layout.story.comet_sections.metadata"

	zsIDPath      = zsStoryPath + ".post_id"
	zsCreatedPath = zsMetaPath + ".story.creation_time"
)

func readZeeschuimer(f *rawio.File, sink rawio.Sink) error {
	lr := f.Lines()
	depth := f.Limits.WithDefaults().Depth
	tc := newTimeCheck()
	for {
		line, n, err := lr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil && rawio.IsRecordError(err) {
			reject(sink, f, n, "", err)
			continue
		}
		if err != nil {
			return fmt.Errorf("%s:%d: %w", f.Name, n+1, err)
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		if err := rawio.CheckJSONDepth(line, depth); err != nil {
			reject(sink, f, n, "", err)
			continue
		}
		var item zsItem
		if err := json.Unmarshal(line, &item); err != nil {
			var se *json.SyntaxError
			if errors.As(err, &se) || errors.Is(err, io.ErrUnexpectedEOF) {
				reject(sink, f, n, "", fmt.Errorf("%w: %v", rawio.ErrBadJSON, err))
			} else {
				perr := jsonValueError(f.Name, 0, err)
				perr.Line = n
				sink.Reject(perr)
			}
			continue
		}
		if p := item.SourcePlatform; p != "facebook.com" && p != "www.facebook.com" {
			reject(sink, f, n, "source_platform", errNotFacebook)
			continue
		}
		m, field, err := zsMessage(&item, &tc)
		if err != nil {
			reject(sink, f, n, field, err)
			continue
		}
		m.Line = n
		sink.Message(m)
	}
}

// zsMessage maps a Facebook item; on failure it names the bad field.
func zsMessage(item *zsItem, tc *timeCheck) (*rawio.RawMessage, string, error) {
	story := &item.Data.CometSections.Content.Story
	if story.PostID == "" {
		return nil, zsIDPath, rawio.ErrMissing
	}
	var meta *zsMetadata
	for i := range item.Data.CometSections.ContextLayout.Story.CometSections.Metadata {
		if md := &item.Data.CometSections.ContextLayout.Story.CometSections.Metadata[i]; md.Typename == zsTimestampStrategy && md.Story != nil {
			meta = md
			break
		}
	}
	var stamp string
	if meta != nil {
		stamp = jsonScalar(meta.Story.CreationTime)
	}
	if stamp == "" {
		return nil, zsCreatedPath, rawio.ErrMissing
	}
	created, err := parseUnix(stamp)
	if err == nil {
		err = tc.check(corpus.Facebook, created)
	}
	if err != nil {
		return nil, zsCreatedPath, err
	}
	m := &rawio.RawMessage{
		Platform: corpus.Facebook,
		ID:       story.PostID,
		Kind:     corpus.Post,
		ThreadID: story.PostID,
		Created:  created,
		Group:    groupFromURL(meta.Story.URL),
		IDField:  zsIDPath, CreatedField: zsCreatedPath,
	}
	if m.Group == "" {
		m.Group = groupFromURL(story.WWWURL)
	}
	if story.Message != nil {
		m.Text = story.Message.Text
	}
	if len(story.Actors) > 0 {
		a := story.Actors[0]
		m.Author = rawio.Person{ID: a.ID, Name: a.Name, Handle: vanity(a.URL, a.ID)}
	}
	for _, a := range story.Attachments {
		switch t := a.Target; {
		case t == nil:
		case t.URL != "":
			m.Links = append(m.Links, t.URL)
		case t.Typename == "Photo" && t.ID != "":
			m.Links = append(m.Links, "https://www.facebook.com/photo/?fbid="+t.ID)
		}
	}
	return m, "", nil
}

// vanity returns the user name in a profile URL such as
// https://www.facebook.com/marie.dupont, or "" when the URL only holds the
// numeric id (profile.php?id=, /groups/<g>/user/<id>/, /people/<name>/<id>).
func vanity(u, id string) string {
	i := strings.Index(u, "facebook.com/")
	if i < 0 {
		return ""
	}
	path := u[i+len("facebook.com/"):]
	if j := strings.IndexAny(path, "?#"); j >= 0 {
		path = path[:j]
	}
	path = strings.Trim(path, "/")
	if path == "" || strings.Contains(path, "/") || strings.HasSuffix(path, ".php") || path == id || isHex(path) {
		return ""
	}
	return path
}
