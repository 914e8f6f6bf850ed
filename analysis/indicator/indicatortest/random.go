package indicatortest

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
)

// LinkedOptions shape the corpora RandomLinked draws.
type LinkedOptions struct {
	// Authors is the number of authors (p00, p01, …); one message in
	// eight has none.
	Authors int
	// ReplyTargets is the number of accounts a message may name as the
	// one it answers (ReplyToAuthor, drawn among p00, p01, …): above
	// Authors, some are accounts without messages.
	ReplyTargets int
	// ReplyEvery: one message in ReplyEvery names an account answered.
	ReplyEvery int
	// Minutes is the span of the times, from 1 March 2021 08:00 UTC, in
	// whole minutes: a short span gives many equal times.
	Minutes int
	// Kinds are the kinds drawn; Roles, when true, draws every role
	// (else none is set).
	Kinds []corpus.Kind
	Roles bool
}

// RandomLinked returns n messages in random order over three
// communities, for comparing an indicator with a reference
// implementation: ids repeat within and across communities, and a parent
// is absent (none), an id no message has, the message itself, or any id
// (so chains and loops of parents occur); see LinkedOptions for authors,
// account-level links and times.
func RandomLinked(r *rand.Rand, n int, o LinkedOptions) []corpus.Message {
	communities := []string{"avs", "doctoctoc", "ts"}
	ids := n/2 + 1
	roles := []corpus.Role{corpus.Unknown, corpus.Member, corpus.Moderator, corpus.Admin}
	t0 := time.Date(2021, 3, 1, 8, 0, 0, 0, time.UTC)
	msgs := make([]corpus.Message, n)
	for i := range msgs {
		m := corpus.Message{
			Community: communities[r.IntN(len(communities))],
			ID:        fmt.Sprint(r.IntN(ids)),
			Kind:      o.Kinds[r.IntN(len(o.Kinds))],
			Created:   t0.Add(time.Duration(r.IntN(o.Minutes)) * time.Minute),
		}
		if o.Roles {
			m.AuthorRole = roles[r.IntN(len(roles))]
		}
		if r.IntN(8) > 0 {
			m.Author = fmt.Sprintf("p%02d", r.IntN(o.Authors))
		}
		switch r.IntN(6) {
		case 0, 1: // no parent
		case 2: // a parent no message has
			m.ParentID = fmt.Sprint("absent-", r.IntN(5))
		case 3: // itself
			m.ParentID = m.ID
		default:
			m.ParentID = fmt.Sprint(r.IntN(ids))
		}
		if r.IntN(o.ReplyEvery) == 0 {
			m.ReplyToAuthor = fmt.Sprintf("p%02d", r.IntN(o.ReplyTargets))
		}
		msgs[i] = m
	}
	return msgs
}
