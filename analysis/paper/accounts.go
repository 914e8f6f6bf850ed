package paper

import (
	"fmt"
	"strings"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/figure"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"gonum.org/v1/plot/vg"
)

// T2Accounts is Table 2 of the study: the general practitioners' Twitter
// profiles followed, each at its latest observation
// (indicator.LatestProfiles, whose order it keeps: by label then account) —
// posts, accounts followed, followers, likes and the month the account
// was created. The image names an account only by the researcher's label,
// never by its pseudonym; the data keep the pseudonym to join with the
// messages.
//
// The data has one row per account, by label: account, label, community,
// observed_at, posts, following, followers, likes, joined (YYYY-MM, empty
// when unknown).
func T2Accounts(latest []corpus.ProfileObservation, prov figure.Provenance) (*figure.Figure, error) {
	if len(latest) == 0 {
		return nil, notDrawable("t2-accounts", NeedProfiles, "cette étude n'a aucune observation de profil", "this study has no profile observation")
	}
	data := figure.NewTable("account", "label", "community", "observed_at", "posts", "following", "followers", "likes", "joined")
	shown := figure.NewTable(
		figure.T("Compte", "Account"),
		figure.T("Publications", "Posts"),
		figure.T("Abonnements", "Following"),
		figure.T("Abonnés", "Followers"),
		figure.T("J'aime", "Likes"),
		figure.T("Inscription", "Joined"),
	)
	for i, p := range latest {
		joined, shownJoined := "", "–"
		if !p.Joined.IsZero() {
			joined = p.Joined.Format("2006-01")
			shownJoined = figure.MonthYear(p.Joined)
		}
		data.Add(p.Account, p.Label, p.Community, p.Observed, p.Posts, p.Following, p.Followers, p.Likes, joined)
		label := strings.TrimSpace(p.Label)
		if label == "" {
			// Never the pseudonym in the image.
			label = fmt.Sprintf(figure.T("Compte %d", "Account %d"), i+1)
		}
		// Counts as numbers: the table drawing right-aligns them and writes
		// them in full in the current language ("171 000").
		shown.Add(label, p.Posts, p.Following, p.Followers, p.Likes, shownJoined)
	}
	// The caption gives the date of the latest reading.
	at := latest[indicator.Latest(len(latest), func(i int) time.Time { return latest[i].Observed })].Observed
	obs := figure.Date(at.In(corpus.Paris))
	return &figure.Figure{
		ID:    "t2-accounts",
		Title: figure.T("Tableau 2 – Les comptes de médecins généralistes suivis", "Table 2 – The general practitioners' accounts followed"),
		Caption: figure.T(
			fmt.Sprintf("En-tête du profil Twitter de chaque compte, relevé le %s ; les comptes sont désignés par une description, jamais par leur nom.", obs),
			fmt.Sprintf("Each account's Twitter profile header, read on %s; accounts are designated by a description, never by their name.", obs)),
		Data:    data,
		Drawing: figure.TableDrawing{Table: shown},
		Width:   18 * vg.Centimeter,
		Prov:    prov,
	}, nil
}
