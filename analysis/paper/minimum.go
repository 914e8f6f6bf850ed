package paper

import (
	"fmt"
	"strings"

	"github.com/faire-communaute/compendium/analysis/figure"
)

// Minimums are the fewest units a group needs to be drawn in a figure.
// Below them a share, a median or a curve rests on so few units that its
// interval spans most of the possible range (with 10 threads the 95 %
// Wilson interval of a 50 % reply rate is 24 %–76 %): the group is left
// out of the figure and named in its caption, with its count; when no
// group reaches the minimum the figure is not drawn (NeedMinimum). The
// thresholds are conventions of this compendium, not of the 2019 study,
// and the same for every community and profession.
type Minimums struct {
	// Threads: threads whose replies are linked to their message, per
	// community (Figure 9) or profession (Figure 7).
	Threads int
	// Questions: question threads per group (Figures 12 and 14) or
	// questions (Figure 4).
	Questions int
	// Messages: messages per group (Figures 3, 5, 6).
	Messages int
	// Authors: authors per community (Figure 8, the Lorenz curve).
	Authors int
	// Edges: reply edges between distinct authors per community (Figure
	// 10, Table 4).
	Edges int
}

// DefaultMinimums are the study's minimums.
var DefaultMinimums = Minimums{Threads: 10, Questions: 10, Messages: 20, Authors: 10, Edges: 10}

// Minimum holds the minimums the builders apply: DefaultMinimums, which
// only tests of tiny hand-made corpora lower.
var Minimum = DefaultMinimums

// NeedMinimum: at least one group with the minimum number of units the
// figure needs (Minimum).
const NeedMinimum Need = "minimum"

// unit names what a minimum counts, in French and English (plural).
type unit struct{ fr, en string }

var (
	unitThreads   = unit{"fils dont les réponses sont reliées à leur message", "threads whose replies are linked to their message"}
	unitQuestions = unit{"fils ouverts par une question", "threads opened by a question"}
	unitTyped     = unit{"questions d'un type du codebook", "questions of a codebook type"}
	unitMessages  = unit{"messages", "messages"}
	unitAuthors   = unit{"auteurs", "authors"}
	unitEdges     = unit{"liens de réponse entre auteurs distincts", "reply links between distinct authors"}
)

// shortfall collects the groups a figure leaves out for having fewer
// than min units (but some).
type shortfall struct {
	unit unit
	min  int
	left []string // "AVS (3)"
	// unlinked are the groups with messages whose export lacks the reply
	// links the figure needs (a chat export has none).
	unlinked []string
}

// linked reports ok; a group with messages that is not ok (its links are
// weaker than the figure needs) is recorded under label, for the caption.
func (s *shortfall) linked(label string, messages int, ok bool) bool {
	if !ok && messages > 0 {
		s.unlinked = append(s.unlinked, label)
	}
	return ok
}

func newShortfall(u unit, min int) *shortfall { return &shortfall{unit: u, min: min} }

// enough reports whether n reaches the minimum; a group with some units
// but too few is recorded under label.
func (s *shortfall) enough(label string, n int) bool {
	if n >= s.min {
		return true
	}
	if n > 0 {
		s.left = append(s.left, fmt.Sprintf("%s (%d)", label, n))
	}
	return false
}

// caption appends to c a sentence naming the groups left out, if any.
func (s *shortfall) caption(c string) string {
	if len(s.left) == 0 && len(s.unlinked) == 0 {
		return c
	}
	c = strings.TrimSpace(c)
	if c != "" && !strings.HasSuffix(c, ".") {
		c += "."
	}
	if len(s.unlinked) > 0 {
		c += " " + fmt.Sprintf(figure.T("Non tracé, leurs exports ne reliant pas les réponses à ce qu'elles répondent : %s.", "Not drawn, their exports not linking replies to what they answer: %s."),
			strings.Join(s.unlinked, ", "))
	}
	if len(s.left) > 0 {
		c += " " + fmt.Sprintf(figure.T("Groupes non tracés, faute de données suffisantes (moins de %d %s) : %s.", "Groups not drawn, for lack of data (fewer than %d %s): %s."),
			s.min, figure.T(s.unit.fr, s.unit.en), strings.Join(s.left, ", "))
	}
	return c
}

// notDrawable is the error of a figure none of whose groups reached the
// minimum: measureFR/measureEN name what cannot be measured.
func (s *shortfall) notDrawable(id, measureFR, measureEN string) error {
	return notDrawable(id, NeedMinimum,
		fmt.Sprintf("aucun groupe de cette étude n'a au moins %d %s ; %s ne peut pas être mesuré avec assez de précision", s.min, s.unit.fr, measureFR),
		fmt.Sprintf("no group of this study has at least %d %s; %s cannot be measured precisely enough", s.min, s.unit.en, measureEN))
}
