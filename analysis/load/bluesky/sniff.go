package bluesky

import (
	"bytes"
	"encoding/json"
)

// firstKeys returns the keys of the first JSON record of head (its
// top-level object, the first element of a top-level array, or the
// object of its first line), with the first byte of each value, as far as
// head goes; nil when head does not start with a JSON object or array of
// objects.
func firstKeys(head []byte) map[string]byte {
	t := bytes.TrimLeft(head, " \t\r\n")
	if len(t) == 0 || (t[0] != '{' && t[0] != '[') {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(t))
	if t[0] == '[' {
		if _, err := dec.Token(); err != nil {
			return nil
		}
	}
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil
	}
	keys := map[string]byte{}
	for {
		tok, err := dec.Token()
		if err != nil {
			return keys
		}
		k, ok := tok.(string)
		if !ok {
			return keys // the record's end
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			// A value cut by the end of the head: its first byte, when
			// the head shows it.
			keys[k] = 0
			if rest := bytes.TrimLeft(t[dec.InputOffset():], " \t\r\n:"); len(rest) > 0 {
				keys[k] = rest[0]
			}
			return keys
		}
		keys[k] = 0
		if len(v) > 0 {
			keys[k] = v[0]
		}
	}
}

func has(keys map[string]byte, ks ...string) bool {
	for _, k := range ks {
		if _, ok := keys[k]; !ok {
			return false
		}
	}
	return true
}

// sniffAPI is sure of a head whose first record is a PostView (uri,
// author, record), a FeedViewPost (post), a thread (thread) or a page
// (posts, feed) of objects, when the head names at:// URIs of the
// app.bsky lexicon.
func sniffAPI(head []byte) int {
	k := firstKeys(head)
	if k == nil || !bytes.Contains(head, []byte("at://")) || !bytes.Contains(head, []byte("app.bsky.")) || has(k, "4CAT_metadata") {
		return 0
	}
	switch {
	case has(k, "uri", "author", "record") && k["record"] == '{':
		return 95
	case k["post"] == '{' || k["thread"] == '{':
		return 92
	case k["posts"] == '[' || k["feed"] == '[':
		return 90
	}
	return 0
}

// sniffJetstream is sure of a head whose first record is a Jetstream
// event (did, time_us, kind).
func sniffJetstream(head []byte) int {
	k := firstKeys(head)
	if k == nil || !has(k, "did", "time_us", "kind") || k["kind"] != '"' {
		return 0
	}
	return 95
}

// sniffFourCAT is sure of a head whose first record is a post view with
// 4CAT's 4CAT_metadata.
func sniffFourCAT(head []byte) int {
	k := firstKeys(head)
	if k == nil || !has(k, "uri", "author", "record", "4CAT_metadata") || k["record"] != '{' || !bytes.Contains(head, []byte("at://")) {
		return 0
	}
	return 95
}
