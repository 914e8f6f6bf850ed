// Package paper builds the figures and tables of the study, one function
// per figure, from what the indicator packages measured. Notebooks measure
// with the indicator packages and hand the results to these builders,
// then publish what they return; tests call them on small known data.
// Keeping the construction here rather than in notebook cells means every
// figure is covered by go test, and a notebook reads as the study's
// argument.
//
// # One signature
//
// Every builder has the form
//
//	func ID(measured R, prov figure.Provenance) (*figure.Figure, error)
//
// where measured is the value one indicator function returns, unchanged:
//
//	paper.T1Groups(activity.PanelsOf(c), prov)
//	paper.T2Accounts(indicator.LatestProfiles(c.Profiles), prov)
//	paper.F01Activity(activity.Measure(c), prov)
//	paper.F02Members(activity.PanelsOf(c), prov)
//	paper.F03Themes(themes.Measure(c, cb), prov) // or coder.Measure(c, cb, choice, opts): the study's coder, corrected
//	paper.F04QuestionTypes(themes.Measure(c, cb), prov)
//	paper.T3CodebookValidation(themes.NewReport(cb, sample, truth), prov)
//	paper.F05Rhythm(rhythm.Measure(c), prov)
//	paper.F06OffHours(rhythm.Measure(c), prov)
//	paper.F07ReplyByHour(responsiveness.Measure(c), prov)
//	paper.F08Lorenz(participation.Measure(c), prov)
//	paper.F09FirstReply(responsiveness.Measure(c), prov)
//	paper.F10Networks(nets, nulls, prov) // nets := network.Measure(c); nulls, _ := null.Communities(nets, null.Options{})
//	paper.T4Network(nets, nulls, prov)
//	paper.F11Retention(retention.Measure(c), prov)
//	paper.F12Consensus(norms.Measure(c, cb), prov)
//	paper.F13Sources(norms.Measure(c, cb), prov)
//	paper.F14Recurring(norms.Measure(c, cb), prov)
//	paper.F15Overlap(norms.Overlap(c), prov)
//
// and prov is the provenance the figure's sidecar records (the study,
// whether synthetic, the inputs' checksums, the code revision). A builder
// draws and nothing else: it picks what it shows (communities or
// professions as a whole), orders it as the study presents it (aides
// first, then communities by id, then the profession as a whole), labels
// and colours it, and composes package chart's drawers; every number it
// writes into the figure's data or draws was computed by the indicator
// package that defines it. A result missing what a figure needs gives an
// error naming the figure, never an empty figure.
//
// # Figures the data do not allow
//
// Every figure declares what it needs of a study's data (Needs: panel or
// profile observations, messages with authors, replies linked to their
// message or at least to the account they answer, question threads, two
// communities with authors). When a need is missing, the builder returns
// a *NotDrawable naming the figure, the need and the reason in French and
// English: the notebook shows its Note in place of the figure and goes on
// (notebook.PublishOrNote). The thread figures (F07, F09, F12 to F14)
// measure only the communities whose replies name their parent message
// (corpus.MessageLinks): the thread starts of a community without such
// links would all read as unanswered threads. The network figures (F10,
// T4) are drawn from account-level links too. Any other error is a real
// error of the run.
//
// Figure identifiers (the file names under figures/) follow the study's
// numbering: t1-groups, f02-members, and so on (see the README's list).
package paper

import (
	"fmt"

	"github.com/faire-communaute/compendium/analysis/chart"
	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/figure"
	"github.com/faire-communaute/compendium/analysis/indicator/activity"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
)

// T1Groups is Table 1 of the study: each Facebook group's "Activité"
// panel at its latest observation (activity.Panels.Latest) — members, new
// members in the last 30 days, posts today, posts in the last 30 days,
// admins and moderators, creation as displayed.
func T1Groups(panels []activity.Panels, prov figure.Provenance) (*figure.Figure, error) {
	if len(panels) == 0 {
		return nil, notDrawable("t1-groups", NeedPanels, noPanelsFR, noPanelsEN)
	}
	data := figure.NewTable("community", "group_name", "observed_at", "members", "new_members_30d",
		"posts_today", "posts_30d", "admins", "moderators", "created_display")
	for _, ps := range panels {
		p := ps.Latest.Panel
		data.Add(p.Community, p.Name, p.Observed, p.Members, p.NewMembers30d, p.PostsToday, p.Posts30d,
			p.Admins, p.Moderators, p.CreatedApprox)
	}
	shown := figure.NewTable(
		figure.T("Groupe", "Group"),
		figure.T("Membres", "Members"),
		figure.T("Nouveaux (30 j)", "New (30 d)"),
		figure.T("Publications aujourd'hui", "Posts today"),
		figure.T("Publications (30 j)", "Posts (30 d)"),
		figure.T("Admins / modérateurs", "Admins / moderators"),
		figure.T("Création", "Created"),
	)
	for _, ps := range panels {
		p := ps.Latest.Panel
		shown.Add(p.Name, figure.Integer(int64(p.Members)), "+"+figure.Integer(int64(p.NewMembers30d)),
			p.PostsToday, p.Posts30d, fmt.Sprintf("%d / %d", p.Admins, p.Moderators), p.CreatedApprox)
	}
	at := panels[0].Latest.Observed.In(corpus.Paris)
	return &figure.Figure{
		ID:    "t1-groups",
		Title: figure.T("Tableau 1 – Les groupes Facebook étudiés", "Table 1 – The Facebook groups studied"),
		Caption: figure.T(
			fmt.Sprintf("Panneau « Activité » de chaque groupe, relevé le %s.", figure.Date(at)),
			fmt.Sprintf("Each group's \"Activity\" panel, read on %s.", figure.Date(at))),
		Data:    data,
		Drawing: figure.TableDrawing{Table: shown},
		Width:   18 * vg.Centimeter,
		Prov:    prov,
	}, nil
}

// F02Members draws the members of each group and their growth over the
// last 30 days: members over time when the panels were read at several
// dates, and the latest members and 30-day growth side by side.
//
// The data has one row per panel observation, by community then date:
// community, observed_at, members, new_members_30d.
func F02Members(panels []activity.Panels, prov figure.Provenance) (*figure.Figure, error) {
	if len(panels) == 0 {
		return nil, notDrawable("f02-members", NeedPanels, noPanelsFR, noPanelsEN)
	}
	data := figure.NewTable("community", "observed_at", "members", "new_members_30d")
	label := func(com corpus.Community) string {
		if com.Name != "" {
			return Short(com.Name, 18)
		}
		return com.ID
	}
	var ts []chart.Series
	multi := false
	for _, ps := range panels {
		s := chart.Series{Name: label(ps.Community)}
		for _, p := range ps.Series {
			data.Add(p.Community, p.Observed, p.Members, p.NewMembers30d)
			s.Times = append(s.Times, p.Observed)
			s.Values = append(s.Values, float64(p.Members))
		}
		multi = multi || len(s.Times) > 1
		ts = append(ts, s)
	}
	groups := make([]string, len(panels))
	values := make([][]float64, len(panels))
	for i, ps := range panels {
		groups[i] = label(ps.Community)
		values[i] = []float64{float64(ps.Latest.Members), float64(ps.Latest.NewMembers30d)}
	}
	bars, err := chart.Bars(groups, []string{figure.T("Membres", "Members"), figure.T("Nouveaux membres (30 j)", "New members (30 d)")}, values, false)
	if err != nil {
		return nil, fmt.Errorf("f02-members: %w", err)
	}
	bars.Title.Text = figure.T("Membres et croissance sur 30 jours", "Members and 30-day growth")
	f := &figure.Figure{
		ID:    "f02-members",
		Title: figure.T("Figure 2 – Membres des groupes", "Figure 2 – Group members"),
		Caption: figure.T("Membres et nouveaux membres des 30 derniers jours, d'après les panneaux « Activité ».",
			"Members and new members in the last 30 days, from the groups' \"Activity\" panels."),
		Data: data,
		Plot: bars,
		Prov: prov,
	}
	if multi {
		line, err := chart.TimeSeries(ts)
		if err != nil {
			return nil, fmt.Errorf("f02-members: %w", err)
		}
		line.Title.Text = figure.T("Membres au fil du temps", "Members over time")
		line.Y.Label.Text = figure.T("membres", "members")
		f.Plot = nil
		f.Tiles = [][]*plot.Plot{{line, bars}}
		f.Width = 24 * vg.Centimeter
	}
	return f, nil
}
