package htmltext

import (
	"reflect"
	"testing"
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
