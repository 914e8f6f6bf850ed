package load

import (
	"strings"
	"testing"
)

func TestTextHashtags(t *testing.T) {
	for text, want := range map[string]string{
		"Grève le 12 ! #BlousesInvisibles #aideàdomicile": "BlousesInvisibles,aideàdomicile",
		"#AVS en tête, puis #revalorisation_2019.":        "AVS,revalorisation_2019",
		"pas un tag: n°#2, #12, mail@x#y, &#233; ni C#":   "",
		"":                       "",
		"deux ##doubles et #été": "doubles,été",
	} {
		if got := strings.Join(textHashtags(text), ","); got != want {
			t.Errorf("textHashtags(%q) = %q, want %q", text, got, want)
		}
	}
}
