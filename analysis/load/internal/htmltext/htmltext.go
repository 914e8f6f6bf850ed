// Package htmltext turns the HTML that Mastodon (a status's content) and
// Discourse (a post's cooked) write into the plain text the corpus keeps,
// for the readers of analysis/load.
//
// The rule, operationally:
//
//   - paragraphs (p) are separated by a blank line; line breaks (br),
//     list items, headings, quotes and other blocks start a new line;
//     white space inside a text is collapsed to single spaces, except in
//     pre; spaces at line ends and at both ends of the text are removed;
//   - character references (&amp;, &#233;, &eacute;) are decoded;
//   - a mention link of Mastodon (an a element whose class holds
//     "mention" but not "hashtag", with an absolute href whose path is
//     /@user or /users/user) becomes "@user@host", the account's full
//     address, whatever its visible text ("@user"); a mention with a
//     relative href (Discourse's /u/user) keeps its visible text;
//   - a hashtag link keeps its visible text ("#tag");
//   - any other link with an http or https href becomes its href when its
//     visible text is that URL, possibly shortened (Mastodon hides the
//     scheme and cuts long URLs with an ellipsis), and is otherwise its
//     visible text followed by the href in parentheses; the href is
//     listed in Links;
//   - an emoji image (class holding "emoji") becomes its alt text; other
//     images, scripts and styles are dropped.
//
// The tokenizer of golang.org/x/net/html reads the HTML as a stream of
// tokens (it builds no tree and does not recurse), so the cost is linear
// in the size of the HTML and the text is at most about twice as long.
package htmltext

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
)

// Text returns the plain text of the HTML fragment s and the URLs of its
// links (other than mentions and hashtags), in order.
func Text(s string) (text string, links []string) {
	if !strings.ContainsAny(s, "<&") {
		return strings.TrimSpace(collapse(s)), nil
	}
	w := &writer{}
	z := html.NewTokenizer(strings.NewReader(s))
	var (
		skip    int // inside script, style or template
		pre     int // inside pre
		inA     bool
		aKind   int // 0 plain link, 1 mention, 2 hashtag, 3 not a link
		aHref   string
		aInner  strings.Builder
		aMentio string
	)
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		switch tt {
		case html.TextToken:
			if skip > 0 {
				continue
			}
			t := string(z.Text())
			if inA {
				aInner.WriteString(t)
				continue
			}
			if pre > 0 {
				w.raw(t)
			} else {
				w.text(t)
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, hasAttr := z.TagName()
			tag := string(name)
			var class, href, alt string
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				switch string(k) {
				case "class":
					class = string(v)
				case "href":
					href = string(v)
				case "alt":
					alt = string(v)
				}
			}
			end := tt == html.EndTagToken
			switch tag {
			case "script", "style", "template":
				if tt == html.StartTagToken {
					skip++
				} else if end && skip > 0 {
					skip--
				}
				continue
			}
			if skip > 0 {
				continue
			}
			switch tag {
			case "a":
				if !end && !inA {
					inA, aHref, aKind, aMentio = true, href, linkKind(class, href), ""
					aInner.Reset()
					if aKind == 1 {
						aMentio = mentionAddress(href)
					}
					if tt == html.SelfClosingTagToken {
						inA = false
					}
				} else if end && inA {
					inA = false
					inner := strings.TrimSpace(collapse(aInner.String()))
					switch {
					case aKind == 1 && aMentio != "":
						w.text("@" + aMentio)
					case aKind == 0:
						links = append(links, aHref)
						if isShownURL(strings.TrimSpace(inner), aHref) {
							w.text(aHref)
						} else {
							w.text(inner + " (" + aHref + ")")
						}
					default:
						w.text(inner)
					}
				}
			case "br":
				if inA {
					aInner.WriteString(" ")
				} else {
					w.newline()
				}
			case "p":
				w.brk(2)
			case "pre":
				w.brk(1)
				if !end {
					pre++
				} else if pre > 0 {
					pre--
				}
			case "div", "li", "ul", "ol", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6",
				"tr", "table", "aside", "details", "summary", "hr", "dl", "dt", "dd", "figure":
				w.brk(1)
			case "img":
				if strings.Contains(class, "emoji") && alt != "" {
					if inA {
						aInner.WriteString(alt)
					} else {
						w.text(alt)
					}
				}
			}
		}
	}
	if inA { // a link left open at the end: keep its text
		w.text(collapse(aInner.String()))
	}
	return w.String(), links
}

// linkKind classes an a element: 1 a mention, 2 a hashtag, 0 a link to
// keep (an http or https href), 3 anything else (its text is kept).
func linkKind(class, href string) int {
	cl := " " + class + " "
	switch {
	case strings.Contains(cl, " hashtag ") || strings.Contains(href, "/tags/") && strings.Contains(cl, " mention "):
		return 2
	case strings.Contains(cl, " mention "):
		return 1
	case strings.HasPrefix(href, "http://") || strings.HasPrefix(href, "https://"):
		return 0
	}
	return 3
}

// mentionAddress returns "user@host" for a mention href whose path is
// /@user or /users/user on an absolute URL, and "" otherwise.
func mentionAddress(href string) string {
	u, err := url.Parse(href)
	if err != nil || u.Host == "" {
		return ""
	}
	p := strings.Trim(u.Path, "/")
	var user string
	switch {
	case strings.HasPrefix(p, "@"):
		user = p[1:]
	case strings.HasPrefix(p, "users/"):
		user = p[len("users/"):]
	default:
		return ""
	}
	if user == "" || strings.ContainsAny(user, "/@") {
		if i := strings.IndexByte(user, '@'); i > 0 && !strings.Contains(user, "/") {
			return user // /@user@other.host: the address already
		}
		return ""
	}
	return user + "@" + strings.ToLower(u.Hostname())
}

// isShownURL reports whether a link's visible text is its href, possibly
// without its scheme or "www.", or cut short with an ellipsis.
func isShownURL(inner, href string) bool {
	if inner == href {
		return true
	}
	bare := func(s string) string {
		s = strings.TrimPrefix(strings.TrimPrefix(s, "https://"), "http://")
		return strings.TrimPrefix(s, "www.")
	}
	in := strings.TrimSuffix(strings.TrimSuffix(bare(inner), "…"), "...")
	return in != "" && strings.HasPrefix(bare(href), in)
}

// collapse turns each run of white space of s into one space (so a text
// of white space only becomes one space).
func collapse(s string) string {
	var b strings.Builder
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
		}
		space = false
		b.WriteByte(c) // bytes as they are: invalid UTF-8 is not tripled
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}

// writer builds the text: breaks are held until text follows, so that
// blocks leave no blank lines at either end and adjacent breaks merge.
type writer struct {
	b       strings.Builder
	pending int  // line breaks owed before the next text
	nl      int  // line breaks at the end of b
	space   bool // b ends with a space
}

func (w *writer) brk(n int) { w.pending = max(w.pending, n) }

func (w *writer) newline() {
	if w.b.Len() == 0 {
		return
	}
	w.flush()
	w.b.WriteByte('\n')
	w.nl++
	w.space = false
}

func (w *writer) flush() {
	if w.b.Len() > 0 && w.pending > w.nl {
		w.trimSpace()
		w.b.WriteString(strings.Repeat("\n", w.pending-w.nl))
		w.nl = w.pending
		w.space = false
	}
	w.pending = 0
}

// trimSpace drops a space left at the end of b (before a line break).
func (w *writer) trimSpace() {
	if w.space {
		s := w.b.String()
		w.b.Reset()
		w.b.WriteString(s[:len(s)-1])
		w.space = false
	}
}

// text writes a text of flowing HTML: runs of white space become one
// space, dropped at the start of a line.
func (w *writer) text(t string) {
	t = collapse(t)
	if t == "" {
		return
	}
	if t == " " && (w.b.Len() == 0 || w.nl > 0 || w.pending > 0 || w.space) {
		return
	}
	w.flush()
	if w.nl > 0 || w.b.Len() == 0 || w.space {
		t = strings.TrimLeft(t, " ")
	}
	if t == "" {
		return
	}
	w.b.WriteString(t)
	w.nl, w.space = 0, strings.HasSuffix(t, " ")
}

// raw writes a text of pre as it is.
func (w *writer) raw(t string) {
	if t == "" {
		return
	}
	w.flush()
	w.b.WriteString(t)
	w.nl = len(t) - len(strings.TrimRight(t, "\n"))
	w.space = false
}

// String returns the text with spaces at line ends removed.
func (w *writer) String() string {
	lines := strings.Split(w.b.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}
