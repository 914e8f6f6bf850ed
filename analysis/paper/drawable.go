package paper

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/network"
	"github.com/faire-communaute/compendium/analysis/indicator/norms"
)

// Need is what a figure needs of a study's data to be drawn.
type Need string

// Needs of the figures (see Needs for which figure needs what).
const (
	// NeedMessages: messages with authors in at least one community.
	NeedMessages Need = "messages"
	// NeedPanels: observations of the groups' "Activité" panels.
	NeedPanels Need = "panels"
	// NeedProfiles: observations of profile headers.
	NeedProfiles Need = "profiles"
	// NeedMessageLinks: replies linked to the message they answer
	// (ParentID; corpus.MessageLinks): threads.
	NeedMessageLinks Need = "message-links"
	// NeedReplyLinks: replies linked to the message or at least to the
	// account they answer (corpus.AccountLinks or stronger): a network.
	NeedReplyLinks Need = "reply-links"
	// NeedQuestions: thread starts the codebook codes as questions.
	NeedQuestions Need = "questions"
	// NeedTwoCommunities: at least two communities with messages.
	NeedTwoCommunities Need = "two-communities"
	// NeedCodebook: the codebook, and for Table 3 the hand-coded sample.
	NeedCodebook Need = "codebook"
	// NeedTimeSpan: data long enough to observe a cohort of newcomers at
	// least one month after it (retention.Group.Pooled with a cohort), or
	// a question norms.UnansweredHorizon before the end (Figure 12).
	NeedTimeSpan Need = "time-span"
)

// Needs lists, per figure identifier, what the figure needs, in the
// order the study numbers them. A builder whose need is missing returns a
// *NotDrawable naming it.
var Needs = []struct {
	Figure string
	Needs  []Need
}{
	{"t1-groups", []Need{NeedPanels}},
	{"t2-accounts", []Need{NeedProfiles}},
	{"f01-activity", []Need{NeedMessages}},
	{"f02-members", []Need{NeedPanels}},
	{"f03-themes", []Need{NeedMessages, NeedCodebook, NeedMinimum}},
	{"f04-question-types", []Need{NeedQuestions, NeedCodebook, NeedMinimum}},
	{"t3-codebook-validation", []Need{NeedCodebook}},
	{"f05-rhythm", []Need{NeedMessages, NeedMinimum}},
	{"f06-off-hours", []Need{NeedMessages, NeedMinimum}},
	{"f07-reply-by-hour", []Need{NeedMessageLinks, NeedMinimum}},
	{"f08-lorenz", []Need{NeedMessages, NeedMinimum}},
	{"f09-first-reply", []Need{NeedMessageLinks, NeedMinimum}},
	{"f10-networks", []Need{NeedReplyLinks, NeedMinimum}},
	{"t4-network", []Need{NeedReplyLinks, NeedMinimum}},
	{"f11-retention", []Need{NeedMessages, NeedTimeSpan}},
	{"f12-consensus", []Need{NeedMessageLinks, NeedQuestions, NeedMinimum, NeedTimeSpan}},
	{"t5-thread-coder", []Need{NeedCodebook}},
	{"f13-sources", []Need{NeedMessageLinks, NeedQuestions, NeedMinimum}},
	{"f14-recurring", []Need{NeedMessageLinks, NeedQuestions, NeedMinimum}},
	{"f15-overlap", []Need{NeedMessages, NeedTwoCommunities}},
}

// NotDrawable is the error of a builder whose figure the study's data do
// not allow: a need is missing (no panel observation, no reply linked to
// its message, ...). It is not a failure of the run: the notebook shows
// Note in place of the figure and goes on (notebook.PublishOrNote), and
// scripts/reproduce lists the figure as not drawn with its reason.
type NotDrawable struct {
	Figure string // the figure's identifier, e.g. "f09-first-reply"
	Need   Need
	// Reason says, in French and in English, what the data lack and what
	// cannot be measured; it never states a number.
	Reason, ReasonEN string
}

func (e *NotDrawable) Error() string {
	return e.Figure + ": not drawn: " + e.ReasonEN
}

// Note is the text shown in place of the figure: a French line, then an
// English one, e.g. « Figure 9 non tracée : les exports de cette étude ne
// relient pas les réponses à leur message ; le délai de première réponse
// ne peut pas être mesuré. »
func (e *NotDrawable) Note() string {
	fr, en := figureName(e.Figure)
	return fmt.Sprintf("%s non tracée : %s.\n%s not drawn: %s.", fr, e.Reason, en, e.ReasonEN)
}

// AsNotDrawable returns the *NotDrawable in err's chain, or nil.
func AsNotDrawable(err error) *NotDrawable {
	var nd *NotDrawable
	if errors.As(err, &nd) {
		return nd
	}
	return nil
}

// figureName turns "f09-first-reply" into "Figure 9", "t4-network" into
// "Tableau 4" / "Table 4".
func figureName(id string) (fr, en string) {
	head, _, _ := strings.Cut(id, "-")
	if len(head) < 2 {
		return "Figure " + id, "Figure " + id
	}
	n, err := strconv.Atoi(head[1:])
	if err != nil {
		return "Figure " + id, "Figure " + id
	}
	if head[0] == 't' {
		return fmt.Sprintf("Tableau %d", n), fmt.Sprintf("Table %d", n)
	}
	return fmt.Sprintf("Figure %d", n), fmt.Sprintf("Figure %d", n)
}

func notDrawable(id string, need Need, fr, en string) error {
	return &NotDrawable{Figure: id, Need: need, Reason: fr, ReasonEN: en}
}

// Reasons shared by several builders.
const (
	noMessagesFR = "aucune communauté de cette étude n'a de message d'un auteur"
	noMessagesEN = "no community of this study has a message with an author"
	noPanelsFR   = "cette étude n'a aucune observation du panneau « Activité » des groupes"
	noPanelsEN   = "this study has no observation of the groups' \"Activité\" panel"
	noLinksFR    = "les exports de cette étude ne relient pas les réponses à leur message"
	noLinksEN    = "the exports of this study do not link replies to their message"
	noThreadsFR  = "aucune communauté de cette étude n'a de fil de discussion dont les réponses sont reliées à leur message"
	noThreadsEN  = "no community of this study has a thread whose replies are linked to their message"
)

// networkNotDrawable is the error of a network figure none of whose
// groups has an edge: either no message names what it answers, or no
// reply joins two distinct authors.
func networkNotDrawable(id string, measured []network.Group) error {
	for _, g := range measured {
		if g.Links.Strength() != corpus.NoLinks {
			return notDrawable(id, NeedReplyLinks,
				"aucune réponse de cette étude ne relie deux auteurs distincts ; le réseau des réponses ne peut pas être tracé",
				"no reply of this study links two distinct authors; the reply network cannot be drawn")
		}
	}
	return notDrawable(id, NeedReplyLinks,
		"les exports de cette étude ne relient les réponses ni à leur message ni au compte auquel elles répondent ; le réseau des réponses ne peut pas être tracé",
		"the exports of this study link replies neither to their message nor to the account they answer; the reply network cannot be drawn")
}

// questionsNotDrawable is the error of a norms figure without question
// threads (or answers): either no community links its replies to their
// message, or none has a question thread.
func questionsNotDrawable(id string, r norms.Result) error {
	for _, g := range r.Groups {
		if g.Links.Strength() == corpus.MessageLinks {
			return notDrawable(id, NeedQuestions,
				"aucun fil de cette étude ne s'ouvre sur une question à laquelle les réponses sont reliées",
				"no thread of this study opens with a question its replies are linked to")
		}
	}
	return notDrawable(id, NeedMessageLinks,
		noLinksFR+" ; les réponses aux questions ne peuvent pas être lues",
		noLinksEN+"; the answers to questions cannot be read")
}
