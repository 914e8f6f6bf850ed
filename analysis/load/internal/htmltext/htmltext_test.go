package htmltext

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestText(t *testing.T) {
	cases := []struct {
		in, want string
		links    []string
	}{
		{"", "", nil},
		{"pas de balise &amp; rien", "pas de balise & rien", nil},
		{"<p>Bonjour à toutes,<br>première ligne</p><p>Deuxième paragraphe &eacute;crit &#233;</p>",
			"Bonjour à toutes,\npremière ligne\n\nDeuxième paragraphe écrit é", nil},
		// A Mastodon mention of a local and a remote account.
		{`<p><span class="h-card" translate="no"><a href="https://piaille.fr/@claire" class="u-url mention">@<span>claire</span></a></span> et <span class="h-card"><a href="https://mastodon.social/users/Bob_R" class="u-url mention">@<span>Bob_R</span></a></span> merci</p>`,
			"@claire@piaille.fr et @Bob_R@mastodon.social merci", nil},
		// A hashtag and a link shortened by Mastodon.
		{`<p>Lire <a href="https://www.has-sante.fr/jcms/p_3000000/fr/recommandation-longue" target="_blank" rel="nofollow noopener"><span class="invisible">https://www.</span><span class="ellipsis">has-sante.fr/jcms/p_3000000/fr</span><span class="invisible">/recommandation-longue</span></a> <a href="https://piaille.fr/tags/MedecinG" class="mention hashtag" rel="tag">#<span>MedecinG</span></a></p>`,
			"Lire https://www.has-sante.fr/jcms/p_3000000/fr/recommandation-longue #MedecinG",
			[]string{"https://www.has-sante.fr/jcms/p_3000000/fr/recommandation-longue"}},
		// Discourse: a relative mention, a link with words, a list, an emoji, a quote.
		{"<p>Merci <a class=\"mention\" href=\"/u/odile\">@odile</a> :</p>\n\n<ul>\n<li>voir <a href=\"https://forum.example.fr/t/42\">ce sujet</a></li>\n<li>ok <img src=\"/images/emoji/twitter/+1.png\" title=\":+1:\" class=\"emoji\" alt=\":+1:\"></li>\n</ul>\n<script>alert(1)</script>",
			"Merci @odile :\n\nvoir ce sujet (https://forum.example.fr/t/42)\nok :+1:", []string{"https://forum.example.fr/t/42"}},
		{"<pre><code>a  b\n  c</code></pre><p>fin</p>", "a  b\n  c\n\nfin", nil},
		{"<p>lien <a href=\"https://x.fr\">ouvert", "lien ouvert", nil},
	}
	for _, c := range cases {
		got, links := Text(c.in)
		if got != c.want || !reflect.DeepEqual(links, c.links) {
			t.Errorf("Text(%q)\n = %q %q\nwant %q %q", c.in, got, links, c.want, c.links)
		}
	}
}

// FuzzText: no panic, valid UTF-8 in gives valid UTF-8 out, and the text
// is at most about twice as long as the HTML (a link's text and href).
func FuzzText(f *testing.F) {
	f.Add(`<p><a href="https://p.fr/@a" class="u-url mention">@<span>a</span></a> x<br>y</p>`)
	f.Add(`<a href="https://x.fr">lien</a><pre> a  b </pre><img class="emoji" alt=":x:"><script>z</script>`)
	f.Fuzz(func(t *testing.T, in string) {
		out, links := Text(in)
		if len(out) > 2*len(in)+8 {
			t.Errorf("%d bytes of text from %d of HTML", len(out), len(in))
		}
		if utf8.ValidString(in) && !utf8.ValidString(out) {
			t.Errorf("invalid UTF-8 out: %q", out)
		}
		for _, l := range links {
			if !strings.HasPrefix(l, "http://") && !strings.HasPrefix(l, "https://") {
				t.Errorf("link %q", l)
			}
		}
	})
}
