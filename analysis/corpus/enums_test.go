package corpus

import (
	"bytes"
	"encoding/gob"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"unsafe"
)

// TestMessageSize: Platform, Kind and AuthorRole are one byte each and
// share the last word of a Message: 9 strings of 16 bytes, a time.Time
// of 24, two ints, three slices of 24, a Source of 24, and 8 for the three
// bytes and their padding.
func TestMessageSize(t *testing.T) {
	const want = 9*16 + 24 + 2*8 + 3*24 + 24 + 8
	if got := unsafe.Sizeof(Message{}); got != want || want != 288 {
		t.Errorf("Message is %d bytes, want %d", got, want)
	}
	for _, s := range []uintptr{unsafe.Sizeof(Kind(0)), unsafe.Sizeof(Platform(0)), unsafe.Sizeof(Role(0))} {
		if s != 1 {
			t.Errorf("an enum of %d bytes", s)
		}
	}
}

// TestEnumText: every constant reads back its name, exactly the string
// the type held before it was a byte, in every text form.
func TestEnumText(t *testing.T) {
	kinds := map[Kind]string{0: "", Post: "post", Comment: "comment", Reply: "reply", Tweet: "tweet", Retweet: "retweet", Quote: "quote"}
	platforms := map[Platform]string{0: "", Facebook: "facebook", Twitter: "twitter", Bluesky: "bluesky", Mastodon: "mastodon",
		Telegram: "telegram", WhatsApp: "whatsapp", Reddit: "reddit", Discourse: "discourse"}
	roles := map[Role]string{Unknown: "", Member: "member", Admin: "admin", Moderator: "moderator"}
	if len(kinds) != len(Kinds)+1 || len(platforms) != len(Platforms)+1 {
		t.Fatal("a constant is missing from Kinds or Platforms")
	}
	for k, s := range kinds {
		b, err := k.MarshalText()
		var back Kind = 99
		if k.String() != s || string(b) != s || err != nil || back.UnmarshalText([]byte(s)) != nil || back != k {
			t.Errorf("kind %d: %q %q %v, read back %d", k, k.String(), b, err, back)
		}
		if p, ok := ParseKind(s); !ok || p != k {
			t.Errorf("ParseKind(%q) = %d, %v", s, p, ok)
		}
	}
	for p, s := range platforms {
		b, err := p.MarshalText()
		var back Platform = 99
		if p.String() != s || string(b) != s || err != nil || back.UnmarshalText([]byte(s)) != nil || back != p {
			t.Errorf("platform %d: %q %q %v, read back %d", p, p.String(), b, err, back)
		}
		if q, ok := ParsePlatform(s); !ok || q != p {
			t.Errorf("ParsePlatform(%q) = %d, %v", s, q, ok)
		}
	}
	for r, s := range roles {
		b, err := r.MarshalText()
		var back Role = 99
		if r.String() != s || string(b) != s || err != nil || back.UnmarshalText([]byte(s)) != nil || back != r {
			t.Errorf("role %d: %q %q %v, read back %d", r, r.String(), b, err, back)
		}
		if q, ok := ParseRole(s); !ok || q != r {
			t.Errorf("ParseRole(%q) = %d, %v", s, q, ok)
		}
	}
	// Unknown names: no value, and an error that names the text.
	for _, s := range []string{"Post", "story", " post", "facebook"} {
		if _, ok := ParseKind(s); ok {
			t.Errorf("ParseKind(%q) accepted", s)
		}
	}
	if _, ok := ParsePlatform("myspace"); ok {
		t.Error(`ParsePlatform("myspace") accepted`)
	}
	if _, ok := ParseRole("owner"); ok {
		t.Error(`ParseRole("owner") accepted`)
	}
	var k Kind
	if err := k.UnmarshalText([]byte("story")); err == nil || err.Error() != `corpus: unknown kind "story"` || k != 0 {
		t.Errorf("UnmarshalText(story): %v, kind %d", err, k)
	}
	var p Platform
	if err := json.Unmarshal([]byte(`"myspace"`), &p); err == nil || !strings.Contains(err.Error(), `unknown platform "myspace"`) {
		t.Errorf("json of myspace: %v", err)
	}
	// A value no constant has is not written as if it were one.
	if s := Kind(200).String(); s != "kind(200)" {
		t.Errorf("Kind(200) = %q", s)
	}
	if _, err := Platform(9).MarshalText(); err == nil {
		t.Error("Platform(9) marshalled")
	}
}

// TestMessageJSONAndGob: a message's JSON holds the names, as when the
// fields were strings, and both JSON and gob read back the same message.
func TestMessageJSONAndGob(t *testing.T) {
	m := Message{Community: "avs", ID: "1", Platform: Facebook, Kind: Comment, AuthorRole: Admin}
	b, err := json.Marshal(struct {
		Platform   Platform
		Kind       Kind
		AuthorRole Role
		Roles      map[Role]int
	}{m.Platform, m.Kind, m.AuthorRole, map[Role]int{Admin: 1, Moderator: 2, Member: 3}})
	if err != nil {
		t.Fatal(err)
	}
	// Map keys are the names, in the names' (alphabetical) order.
	if want := `{"Platform":"facebook","Kind":"comment","AuthorRole":"admin","Roles":{"admin":1,"member":3,"moderator":2}}`; string(b) != want {
		t.Errorf("json %s, want %s", b, want)
	}
	for _, x := range []Message{m, {ID: "2"}} {
		js, err := json.Marshal(x)
		var back Message
		if err != nil || json.Unmarshal(js, &back) != nil || !reflect.DeepEqual(back, x) {
			t.Errorf("json round trip of %+v: %s, %+v (%v)", x, js, back, err)
		}
		var buf bytes.Buffer
		var gback Message
		if err := gob.NewEncoder(&buf).Encode(x); err != nil || gob.NewDecoder(&buf).Decode(&gback) != nil || !reflect.DeepEqual(gback, x) {
			t.Errorf("gob round trip of %+v: %+v (%v)", x, gback, err)
		}
	}
}
