package rawio

import (
	"strings"
	"testing"
)

func TestTextEntitiesHashtags(t *testing.T) {
	for text, want := range map[string]string{
		"Grève le 12 ! #BlousesInvisibles #aideàdomicile": "BlousesInvisibles,aideàdomicile",
		"#AVS en tête, puis #revalorisation_2019.":        "AVS,revalorisation_2019",
		"pas un tag: n°#2, #12, mail@x#y, &#233; ni C#":   "",
		"":                       "",
		"deux ##doubles et #été": "doubles,été",
	} {
		if got := strings.Join(TextEntities(text, '#'), ","); got != want {
			t.Errorf("TextEntities(%q, '#') = %q, want %q", text, got, want)
		}
	}
}
