package pseudo

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// TestNamesTextConcurrent scrubs the same texts with one goroutine and
// with eight sharing one Names (as load's finish does), each on a fresh
// Pseudonymizer with the same key and the same people met, and checks
// that every text comes out the same, and that a handle the texts
// introduce (@nouvelle_compte, met only in them) gets the same pseudonym
// afterwards: the order in which texts are scrubbed changes nothing.
func TestNamesTextConcurrent(t *testing.T) {
	texts := make([]string, 400)
	for i := range texts {
		texts[i] = fmt.Sprintf("Merci Zéphyrine Quillbottom et @compte_%d, voir twitter.com/compte_%d et @nouvelle_compte ; QUILLBOTTOM Zéphyrine, Z. Quillbottom (%d)", i%13, i%7, i)
	}
	run := func(workers int) ([]string, string) {
		p := New([]byte("a test key of thirty-two bytes!!"))
		p.Person(corpus.Twitter, rawio.Person{ID: "42", Handle: "zquill", Name: "Zéphyrine Quillbottom"})
		for i := range 13 {
			p.Person(corpus.Twitter, rawio.Person{Handle: fmt.Sprintf("compte_%d", i)})
		}
		n := p.NamesFor(corpus.Twitter, []string{"Zéphyrine Quillbottom"})
		out := make([]string, len(texts))
		var wg sync.WaitGroup
		for w := range workers {
			wg.Go(func() {
				for i := w; i < len(texts); i += workers {
					out[i] = n.Text(corpus.Twitter, texts[i])
				}
			})
		}
		wg.Wait()
		return out, p.Handle(corpus.Twitter, "nouvelle_compte")
	}
	want, wantNew := run(1)
	for _, w := range []string{"Quillbottom", "QUILLBOTTOM", "compte_0", "nouvelle_compte"} {
		if strings.Contains(want[0], w) {
			t.Fatalf("%s left in %q", w, want[0])
		}
	}
	got, gotNew := run(8)
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("text %d: %q with 8 goroutines, %q with one", i, got[i], want[i])
		}
	}
	if gotNew != wantNew {
		t.Errorf("@nouvelle_compte: %s with 8 goroutines, %s with one", gotNew, wantNew)
	}
}
