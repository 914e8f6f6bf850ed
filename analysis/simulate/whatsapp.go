package simulate

import (
	"fmt"
	"hash/fnv"
	"sort"
	"strings"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/load/whatsapp"
)

// whatsappWriter writes a group chat as a member's phone exports it
// ("Export chat", without media, French Android layout): one line
// "26/09/2019 à 22:39 - Nom : texte" per message, in time order, a
// message's further lines as continuation lines, the encryption notice
// and the group's creation as system lines. A chat export holds no
// message ids and no reply links: each thread's start and answers are
// written as plain messages, and the truth gets the ids the reader
// derives from them (whatsapp.IDs), so that the loaders can be checked
// against it; the parents the truth records are the simulator's, which
// the export cannot show.
type whatsappWriter struct {
	root, rel string
	g         Group
	msgs      []waLine
	ids       map[string]string // the simulator's id → the chat's
}

type waLine struct {
	at     time.Time
	author string
	text   string
	id     string
}

func newWhatsApp(root, rel string, g Group) *whatsappWriter {
	return &whatsappWriter{root: root, rel: rel, g: g, ids: map[string]string{}}
}

// PhoneShare is the share of a chat's members the exporting phone shows
// by number rather than by name (not in its contacts): their numbers are
// in the range ARCEP reserves for fiction (06 39 98 xx xx).
const PhoneShare = 0.15

// chatName is how the exporting phone names a person: by name, or for
// PhoneShare of the members who are in no other group (chosen by a hash
// of the person's key) by a fictional phone number.
func chatName(p *Person) string {
	h := fnv.New64a()
	h.Write([]byte("whatsapp:" + p.Key))
	v := h.Sum64()
	if !strings.HasPrefix(p.Key, "s") && float64(v%1000)/1000 < PhoneShare {
		n := (v / 1000) % 10000
		return fmt.Sprintf("+33 6 39 98 %02d %02d", n/100, n%100)
	}
	return p.Name
}

func (w *whatsappWriter) thread(th *Thread) error {
	ids := w.ids
	add := func(m *Message) {
		name := chatName(m.Author)
		// The id of a message alone in its minute; close checks that no
		// exact repeat in one minute needs the reader's "-2" suffix.
		var one whatsapp.IDs
		id := one.Next(m.Created, whatsapp.Author(name), m.Text)
		ids[m.ID] = id
		w.msgs = append(w.msgs, waLine{at: m.Created, author: name, text: m.Text, id: id})
	}
	add(&th.Start)
	for i := range th.Answers {
		add(&th.Answers[i])
	}
	// The truth is written after the writers: give it the chat's ids.
	remap := func(m *Message) {
		m.ID = ids[m.ID]
		if m.ParentID != "" {
			m.ParentID = ids[m.ParentID]
		}
		if m.ThreadID != "" {
			m.ThreadID = ids[m.ThreadID]
		}
		if m.DuplicateOf != "" {
			m.DuplicateOf = ids[m.DuplicateOf] // an earlier question: already mapped
		}
	}
	remap(&th.Start)
	for i := range th.Answers {
		remap(&th.Answers[i])
	}
	return nil
}

// waTime writes a time as a French Android export does, in Paris time.
func waTime(t time.Time) string { return t.In(corpus.Paris).Format("02/01/2006 à 15:04") }

func (w *whatsappWriter) close() ([]string, error) {
	sort.SliceStable(w.msgs, func(i, j int) bool { return w.msgs[i].at.Before(w.msgs[j].at) })
	o, err := createOut(w.root, w.rel, false)
	if err != nil {
		return nil, err
	}
	created := w.g.Created
	if len(w.msgs) > 0 && w.msgs[0].at.Before(created) {
		created = w.msgs[0].at
	}
	fmt.Fprintf(o, "%s - Les messages et les appels sont chiffrés de bout en bout. Aucun tiers, pas même WhatsApp, ne peut les lire ou les écouter. Appuyez pour en savoir plus.\n", waTime(created))
	fmt.Fprintf(o, "%s - Vous avez été ajouté(e)\n", waTime(created))
	var ids whatsapp.IDs
	for _, m := range w.msgs {
		if got := ids.Next(m.at, whatsapp.Author(m.author), m.text); got != m.id {
			o.Close()
			return nil, fmt.Errorf("simulate: %s: two identical messages of one author in one minute (%s): change the seed", w.rel, waTime(m.at))
		}
		fmt.Fprintf(o, "%s - %s : %s\n", waTime(m.at), m.author, m.text)
	}
	rel, err := o.Close()
	if err != nil {
		return nil, err
	}
	return []string{rel}, nil
}
