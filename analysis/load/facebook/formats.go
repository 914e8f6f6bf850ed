package facebook

import (
	"bytes"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// Names of the formats this package registers.
const (
	Zeeschuimer     = "zeeschuimer-facebook"
	CrowdTangle     = "crowdtangle"
	NetvizzPosts    = "netvizz-posts"
	NetvizzComments = "netvizz-comments"
	Facepager       = "facepager"
	DYI             = "facebook-dyi"
	GenericCSV      = "generic-csv"
)

// Keys of rawio.File.Options that formats of this package read, besides
// generic-csv's column mapping.
const (
	// OptionTimezone is the time zone of CrowdTangle times written
	// without one: an IANA name ("Europe/Paris"), an abbreviation ("CET")
	// or an offset ("+0100").
	OptionTimezone = "timezone"
	// OptionOwner is the person id given to the owner of a "Download Your
	// Information" archive, instead of "dyi-owner".
	OptionOwner = "owner"
)

func init() {
	rawio.Register(rawio.Format{
		Name: Zeeschuimer, Platform: corpus.Facebook, Sniff: sniffZeeschuimer, Read: readZeeschuimer,
		Doc: "Zeeschuimer/4CAT NDJSON items captured on facebook.com (group and page posts)",
	})
	rawio.Register(rawio.Format{
		Name: CrowdTangle, Platform: corpus.Facebook, Sniff: sniffCrowdTangle, Read: readCrowdTangle,
		Doc: "CrowdTangle CSV export of page or group posts",
	})
	rawio.Register(rawio.Format{
		Name: NetvizzPosts, Platform: corpus.Facebook, Sniff: sniffNetvizzPosts, Read: readNetvizzPosts,
		Doc: "Netvizz tab-separated posts (fullstats) file",
	})
	rawio.Register(rawio.Format{
		Name: NetvizzComments, Platform: corpus.Facebook, Sniff: sniffNetvizzComments, Read: readNetvizzComments,
		Doc: "Netvizz tab-separated comments file",
	})
	rawio.Register(rawio.Format{
		Name: Facepager, Platform: corpus.Facebook, Sniff: sniffFacepager, Read: readFacepager,
		Doc: "Facepager CSV export of a node tree (posts, comments, replies)",
	})
	rawio.Register(rawio.Format{
		Name: DYI, Platform: corpus.Facebook, Sniff: sniffDYI, Read: readDYI,
		Doc: `Facebook "Download Your Information" JSON of a member's group posts or comments`,
	})
	rawio.Register(rawio.Format{
		Name: GenericCSV, Sniff: sniffGeneric, Read: readGeneric,
		Doc: "hand-built CSV with id, thread_id, author, body, timestamp (4CAT custom import)",
	})
}

// sniffZeeschuimer is sure of a Zeeschuimer file whose head shows a
// facebook.com item.
func sniffZeeschuimer(head []byte) int {
	h := bytes.TrimLeft(head, " \t\r\n")
	if len(h) == 0 || h[0] != '{' {
		return 0
	}
	key := []byte(`"source_platform"`)
	for rest := h; ; {
		i := bytes.Index(rest, key)
		if i < 0 {
			return 0
		}
		rest = bytes.TrimLeft(rest[i+len(key):], " \t")
		if len(rest) > 0 && rest[0] == ':' {
			v := bytes.TrimLeft(rest[1:], " \t")
			if bytes.HasPrefix(v, []byte(`"facebook.com"`)) || bytes.HasPrefix(v, []byte(`"www.facebook.com"`)) {
				return 95
			}
		}
	}
}

func sniffCrowdTangle(head []byte) int {
	names := headerNames(firstLine(head), ',')
	if hasAll(names, "facebook id", "url") && (hasAll(names, "post created") || hasAll(names, "post created date")) &&
		(hasAll(names, "page name") || hasAll(names, "group name")) {
		return 90
	}
	return 0
}

func sniffNetvizzPosts(head []byte) int {
	line := firstLine(head)
	if bytes.IndexByte(line, '\t') < 0 {
		return 0
	}
	names := headerNames(line, '\t')
	if hasAll(names, "type", "by", "post_id", "post_published") && !hasAll(names, "comment_id") {
		return 90
	}
	return 0
}

func sniffNetvizzComments(head []byte) int {
	line := firstLine(head)
	if bytes.IndexByte(line, '\t') < 0 {
		return 0
	}
	if hasAll(headerNames(line, '\t'), "post_id", "comment_id", "comment_by", "is_reply", "comment_message", "comment_published") {
		return 90
	}
	return 0
}

// facepagerSeparator returns the separator of a Facepager header, or 0
// when line is not one.
func facepagerSeparator(line []byte) byte {
	l := bytes.TrimPrefix(line, []byte(`"`))
	if !bytes.HasPrefix(l, []byte("level")) {
		return 0
	}
	l = bytes.TrimPrefix(l[len("level"):], []byte(`"`))
	if len(l) == 0 || (l[0] != ';' && l[0] != ',' && l[0] != '\t') {
		return 0
	}
	sep := l[0]
	if hasAll(headerNames(line, sep), "level", "id", "parent_id", "object_id", "object_type", "query_status") {
		return sep
	}
	return 0
}

func sniffFacepager(head []byte) int {
	if facepagerSeparator(firstLine(head)) != 0 {
		return 95
	}
	return 0
}

// sniffDYI recognises the archive's layouts: an object holding one of
// its keys (sure), an array of such objects (sure), or an array of
// records, whose first key is "timestamp" and which hold "data" and a
// post, a comment or a title (likely, as other JSON arrays could look so).
func sniffDYI(head []byte) int {
	h := bytes.TrimLeft(head, " \t\r\n")
	if len(h) == 0 || (h[0] != '{' && h[0] != '[') {
		return 0
	}
	open := h[0]
	h = bytes.TrimLeft(h[1:], " \t\r\n")
	if open == '[' {
		if len(h) == 0 || h[0] != '{' {
			return 0
		}
		h = bytes.TrimLeft(h[1:], " \t\r\n")
	}
	for _, key := range dyiKeys {
		k := []byte(`"` + key + `"`)
		if bytes.HasPrefix(h, k) || (open == '{' && hasKeyArray(h, k)) {
			return 95
		}
	}
	if open == '[' && bytes.HasPrefix(h, []byte(`"timestamp"`)) && bytes.Contains(h, []byte(`"data"`)) &&
		(bytes.Contains(h, []byte(`"post"`)) || bytes.Contains(h, []byte(`"comment"`)) || bytes.Contains(h, []byte(`"title"`))) {
		return 60
	}
	return 0
}

// hasKeyArray reports whether h holds key followed by ':' and '['.
func hasKeyArray(h, key []byte) bool {
	for {
		i := bytes.Index(h, key)
		if i < 0 {
			return false
		}
		h = bytes.TrimLeft(h[i+len(key):], " \t\r\n")
		if len(h) > 0 && h[0] == ':' {
			if v := bytes.TrimLeft(h[1:], " \t\r\n"); len(v) > 0 && v[0] == '[' {
				return true
			}
		}
	}
}

func sniffGeneric(head []byte) int {
	line := firstLine(head)
	if hasAll(headerNames(line, detectSeparator(line)), genericRequired...) {
		return 10
	}
	return 0
}
