package whatsapp_test

import (
	"fmt"
	"log"

	"github.com/faire-communaute/compendium/analysis/corpus"
	_ "github.com/faire-communaute/compendium/analysis/load/whatsapp" // registers whatsapp-txt
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// printer is a Sink that prints what it receives, service records too.
type printer struct{}

func (printer) Message(m *rawio.RawMessage) {
	fmt.Printf("line %d: %s at %s, %q\n", m.Line, m.Kind, m.Created.Format("2006-01-02 15:04"), m.Text)
}
func (printer) Panel(*corpus.PanelObservation) {}
func (printer) Profile(*rawio.RawProfile)      {}
func (printer) Reject(e *rawio.ParseError)     { fmt.Println("rejected:", e) }
func (printer) Service(s *rawio.RawService) {
	fmt.Printf("line %d: service record %s\n", s.Line, s.Kind)
}

// A French Android export, recognised by its content: the day-month order
// is decided from the whole file (26/09 is day first), times are read in
// Paris time and given in UTC, a message of four lines is one record,
// system lines are service records, the media marker is replaced and the
// 31st of February is rejected.
func Example() {
	f, err := rawio.Open("testdata/whatsapp/android_fr.txt")
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	format, err := rawio.Detect(f.Head)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("format:", format.Name)
	if err := format.Read(f, printer{}); err != nil {
		log.Fatal(err)
	}
	// Output:
	// format: whatsapp-txt
	// line 1: service record system
	// line 2: service record system
	// line 3: post at 2019-09-26 20:39, "Bonjour à toutes ! Qui fait la tournée de Vitry demain ?"
	// line 4: post at 2019-09-26 20:41, "Moi, le matin.\nJe peux aussi prendre Mme R. l'après-midi\n\nsi besoin."
	// line 8: post at 2019-09-27 05:02, "Rappel : formation gestes et postures le 12 octobre"
	// line 9: post at 2019-09-27 05:05, "<media>"
	// rejected: testdata/whatsapp/android_fr.txt:10: field "date": unreadable time: "31/02/2019 à 10:00"
	// line 12: post at 2019-09-27 06:15, "ok"
	// line 13: post at 2019-09-27 06:15, "ok"
	// line 14: service record system
	// line 15: post at 2019-09-27 06:21, "Merci Sandrine"
	// line 16: post at 2019-09-27 06:30, "Ce message a été supprimé"
}
