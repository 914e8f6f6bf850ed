package whatsapp

import (
	"testing"
	"time"
)

// Every layout the package documents, read in a known order and zone:
// the time (UTC), the author and text, or a system line.
func TestHeaderLayouts(t *testing.T) {
	paris, _ := time.LoadLocation("Europe/Paris")
	cases := []struct {
		line   string
		order  int
		when   string // RFC 3339, UTC
		author string // "" for a system line
		text   string
	}{
		{"26/09/2019 à 22:39 - Nadia Benali : Bonjour", dayFirst, "2019-09-26T20:39:00Z", "Nadia Benali", "Bonjour"},
		{"26/09/2019, 22:39 - Nadia Benali: Bonjour", dayFirst, "2019-09-26T20:39:00Z", "Nadia Benali", "Bonjour"},
		{"9/26/19, 10:39 PM - Amy Clarke: Hi", monthFirst, "2019-09-26T20:39:00Z", "Amy Clarke", "Hi"},
		{"9/26/19, 10:39\u202fp.m. - Amy Clarke: Hi", monthFirst, "2019-09-26T20:39:00Z", "Amy Clarke", "Hi"},
		{"[02/11/2020, 9:47:19 pm] Amy Clarke: Hi", dayFirst, "2020-11-02T20:47:19Z", "Amy Clarke", "Hi"},
		{"\u200e[02/11/2020, 9:47:19\u202fpm] Amy Clarke: \u200eimage omitted", dayFirst, "2020-11-02T20:47:19Z", "Amy Clarke", MediaText},
		{"[26/09/2019 22:39:05] Nadia Benali : Bonjour", dayFirst, "2019-09-26T20:39:05Z", "Nadia Benali", "Bonjour"},
		{"26.09.19, 22:39 - Nadia: ok", dayFirst, "2019-09-26T20:39:00Z", "Nadia", "ok"},
		{"2019-09-26 22:39 - Nadia: ok", monthFirst, "2019-09-26T20:39:00Z", "Nadia", "ok"},
		{"[12/01/2021, 12:00:00 AM] Amy: minuit", dayFirst, "2021-01-11T23:00:00Z", "Amy", "minuit"},
		{"[12/01/2021, 12:30:00 PM] Amy: midi", dayFirst, "2021-01-12T11:30:00Z", "Amy", "midi"},
		{"26/09/2019 à 22:39 - \u202a+33 6 12 34 56 78\u202c : Bonjour @\u2068Nadia Benali\u2069", dayFirst, "2019-09-26T20:39:00Z", "+33 6 12 34 56 78", "Bonjour @Nadia Benali"},
		{"26/09/2019 à 22:39 - Nadia Benali : <Médias omis>", dayFirst, "2019-09-26T20:39:00Z", "Nadia Benali", MediaText},
		{"26/09/2019 à 22:39 - Nadia Benali : IMG-20190926-WA0003.jpg (fichier joint)", dayFirst, "2019-09-26T20:39:00Z", "Nadia Benali", MediaText},
		{"26/09/2019 à 22:39 - Nadia Benali : image absente", dayFirst, "2019-09-26T20:39:00Z", "Nadia Benali", MediaText},
		{"26/09/2019 à 22:39 - Vous avez été ajouté", dayFirst, "2019-09-26T20:39:00Z", "", ""},
		{"26/09/2019 à 22:39 - Sandrine a changé le sujet de « Aides » en « Aides : nuit »", dayFirst, "2019-09-26T20:39:00Z", "", ""},
		{`9/26/19, 10:39 PM - Amy changed the subject from "Carers" to "Carers: nights"`, monthFirst, "2019-09-26T20:39:00Z", "", ""},
		{"[02/11/2020, 9:40:01 pm] Carers Group: \u200eAmy Clarke added you", dayFirst, "2020-11-02T20:40:01Z", "", ""},
	}
	for _, c := range cases {
		h, ok := parseHeader(c.line)
		if !ok {
			t.Errorf("%q: no header", c.line)
			continue
		}
		at, ok := h.when(c.order, paris)
		if !ok || at.Format(time.RFC3339) != c.when {
			t.Errorf("%q: time %v (%v), want %s", c.line, at, ok, c.when)
		}
		author, text, msg := splitAuthor(h.rest)
		if msg != (c.author != "") || author != c.author || text != c.text {
			t.Errorf("%q: author %q, text %q, message %v; want %q, %q", c.line, author, text, msg, c.author, c.text)
		}
	}
	for _, line := range []string{
		"Bonjour", "12/03/2020 - rendez-vous", "26/09/2019 22:39 Nadia: ok", "26/09/2019, 22:39 -Nadia: ok",
		"[26/09/2019, 22:39 Nadia: ok", "26/09/201, 22:39 - Nadia: ok",
	} {
		if _, ok := parseHeader(line); ok {
			t.Errorf("%q read as a header", line)
		}
	}
	// Dates and clocks that do not exist.
	for _, line := range []string{"31/02/2019, 10:00 - A: x", "26/13/2019, 10:00 - A: x", "26/09/2019, 25:00 - A: x", "26/09/2019, 13:00 PM - A: x", "00/09/2019, 10:00 - A: x"} {
		h, ok := parseHeader(line)
		if !ok {
			t.Errorf("%q: no header", line)
			continue
		}
		if at, ok := h.when(dayFirst, paris); ok {
			t.Errorf("%q read as %v", line, at)
		}
	}
}
