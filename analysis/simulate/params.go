package simulate

import (
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
)

// Weighted is one category of a categorical distribution with its weight.
// Weights need not sum to one: they are renormalised when drawn.
type Weighted struct {
	Name   string  `json:"name"`
	Weight float64 `json:"weight"`
}

// Panel is a group's "Activité" panel as the presentation shows it on the
// observation instant: the calibration targets of a Facebook group.
type Panel struct {
	Members       int `json:"members"`
	NewMembers30d int `json:"new_members_30d"`
	PostsToday    int `json:"posts_today"`
	Posts30d      int `json:"posts_30d"`
}

// Threads are the parameters of the conversations of a community.
type Threads struct {
	// QuestionShare is the share of thread starts that ask a question
	// (the others vent, support, announce or joke).
	QuestionShare float64 `json:"question_share"`
	// Themes is the distribution of thread themes (conditions, practice,
	// future, support, other). For the GPs it is ignored for questions,
	// whose theme follows their question type.
	Themes []Weighted `json:"themes"`
	// QuestionTypes is, for the GPs, the distribution of question types
	// (the 2013 study's shares); their theme follows the type
	// (administrative: conditions; poll: drawn from Themes; others:
	// practice).
	QuestionTypes []Weighted `json:"question_types,omitempty"`
	// RightsShare and CareShare give the aides' question types given the
	// theme: a conditions question is about rights with probability
	// RightsShare (else organisation), a practice question about care
	// with probability CareShare (else organisation). Only conditions and
	// practice threads ask questions.
	RightsShare float64 `json:"rights_share,omitempty"`
	CareShare   float64 `json:"care_share,omitempty"`
	// Status is the targeted distribution of answer statuses of question
	// threads: unanswered, consensual, non-consensual. The status written
	// in the truth is recomputed from the answers actually generated and
	// kept (answers after the observation instant are not observed).
	Status []Weighted `json:"status"`
	// CiteShare is, among consensual threads, the share made consensual by
	// an answer citing a rule or a source (the others by agreement).
	CiteShare float64 `json:"cite_share"`
	// CiteKinds is the distribution of the kinds of sources cited.
	CiteKinds []Weighted `json:"cite_kinds"`
	// AnswersMean is the mean number of answers (comments, replies) of an
	// answered question beyond the minimum its status needs.
	AnswersMean float64 `json:"answers_mean"`
	// CommentsMean is the mean number of comments of a non-question post.
	CommentsMean float64 `json:"comments_mean"`
	// NestedShare is the share of answers written as a reply to an earlier
	// comment (a Facebook reply, a reply to a reply on Twitter) rather than
	// to the thread start.
	NestedShare float64 `json:"nested_share"`
	// DuplicateShare is the share of questions that re-word an earlier
	// question of the same community (the same questions coming back).
	DuplicateShare float64 `json:"duplicate_share"`
}

// Group is a simulated community and its calibration targets.
type Group struct {
	ID         string            `json:"id"`
	Name       string            `json:"name"`
	Platform   corpus.Platform   `json:"platform"`
	Profession corpus.Profession `json:"profession"`
	Visibility corpus.Visibility `json:"visibility"`
	// Created is when the group was created (Facebook) or, for the
	// hashtag, zero.
	Created    time.Time `json:"created"`
	Admins     int       `json:"admins"`
	Moderators int       `json:"moderators"`
	// Target is the panel on the observation instant (Facebook groups).
	Target Panel `json:"target"`
	// GrowthRate shapes the joining of members before the last 30 days:
	// the density of join times over [Created, T-30d] grows as
	// exp(GrowthRate*u), u the fraction of that span. Zero means solved so
	// that the joining rate just before T-30d equals the last 30 days'
	// (no jump); a positive rate lower than that makes the last month a
	// surge.
	GrowthRate float64 `json:"growth_rate"`
	// PostElasticity is the elasticity of the daily posting rate to the
	// number of members before the last 30 days: rate(t) =
	// Posts30d/30 * (members(t)/members(T))^PostElasticity.
	PostElasticity float64 `json:"post_elasticity"`
	// LaunchBoost multiplies the posting rate just after the group's
	// creation by (1 + LaunchBoost*exp(-age/LaunchDays)): a protest group
	// starts loud.
	LaunchBoost float64 `json:"launch_boost"`
	LaunchDays  float64 `json:"launch_days"`
	// QuestionsPerMonth is, for the hashtag community, the mean number of
	// question tweets a month (the Facebook groups use Target instead).
	QuestionsPerMonth float64 `json:"questions_per_month,omitempty"`
	// Accounts is, for the hashtag community, the number of GP accounts
	// taking part.
	Accounts int `json:"accounts,omitempty"`
	// RetweetShare and QuoteShare are, for the hashtag community, the mean
	// number of retweets and quotes of a question (they carry the hashtag).
	RetweetShare float64 `json:"retweet_share,omitempty"`
	QuoteShare   float64 `json:"quote_share,omitempty"`
	Threads      Threads `json:"threads"`
}

// Rhythm is a profession's weekly rhythm of activity: the weight of each
// hour of each weekday, in Europe/Paris local time. Table()[d][h] =
// Day[d] * Weekday[h] for Monday to Friday (d = 1..5, time.Weekday
// numbering) and Day[d] * Weekend[h] for Saturday and Sunday.
type Rhythm struct {
	Weekday [24]float64 `json:"weekday_hours"`
	Weekend [24]float64 `json:"weekend_hours"`
	Day     [7]float64  `json:"day"` // indexed by time.Weekday (Sunday = 0)
}

// Table returns the hour x weekday weight table, indexed by time.Weekday
// then hour.
func (r Rhythm) Table() [7][24]float64 {
	var t [7][24]float64
	for d := range 7 {
		hours := r.Weekday
		if d == int(time.Saturday) || d == int(time.Sunday) {
			hours = r.Weekend
		}
		for h := range 24 {
			t[d][h] = r.Day[d] * hours[h]
		}
	}
	return t
}

// Params are every parameter of the simulation. DefaultParams gives the
// calibrated defaults; see the package documentation for each mechanism.
type Params struct {
	Seed uint64 `json:"seed"`
	// Scale multiplies every volume (members, posts, tweets, accounts).
	// At Scale 1 the panels are the presentation's exactly.
	Scale float64 `json:"scale"`
	// Observed is the observation instant T.
	Observed time.Time `json:"observed"`
	// Start is when the simulation starts (or a group's creation if later).
	Start  time.Time `json:"start"`
	Groups []Group   `json:"groups"`
	// AideRhythm and GPRhythm are the weekly rhythms of each profession.
	AideRhythm Rhythm `json:"aide_rhythm"`
	GPRhythm   Rhythm `json:"gp_rhythm"`
	// PropensitySigma is the sigma of the lognormal activity propensity of
	// members (heavy-tailed participation).
	PropensitySigma float64 `json:"propensity_sigma"`
	// AdminPostBoost and AdminAnswerBoost multiply the propensity of admins
	// and moderators to post and to answer.
	AdminPostBoost   float64 `json:"admin_post_boost"`
	AdminAnswerBoost float64 `json:"admin_answer_boost"`
	// DelayMedian and DelaySigma define the lognormal delay of an answer
	// after the message it answers; NightRejection is the strength with
	// which delays landing in quiet hours are redrawn (0 none, 1 full).
	DelayMedian    time.Duration `json:"delay_median"`
	DelaySigma     float64       `json:"delay_sigma"`
	NightRejection float64       `json:"night_rejection"`
	// SharedMembers is the share of each aides' group members who are also
	// members of another aides' group (same person, same display name).
	SharedMembers float64 `json:"shared_members"`
	// SharedBoost multiplies the propensity of those multi-group members.
	SharedBoost float64 `json:"shared_boost"`
	// Noise sets the rate of each kind of written-language variation.
	Noise Noise `json:"noise"`
	// CrowdTangleDays and ZeeschuimerDays are the windows of the
	// overlapping exports (avs CrowdTangle, en-colere Zeeschuimer).
	CrowdTangleDays int `json:"crowdtangle_days"`
	ZeeschuimerDays int `json:"zeeschuimer_days"`
	// SubGroups, when not nil, plants sub-groups in one community's
	// replies (see SubGroups); nil plants none. DefaultParams plants
	// DefaultSubGroups.
	SubGroups *SubGroups `json:"subgroups,omitempty"`
}

// SubGroups plants a community structure in the replies of one
// community: each of its members belongs to one sub-group (a region, a
// sector of employment...), and answers go preferentially to threads
// started in the member's own sub-group.
//
// Each member of Community draws a sub-group from Groups (their weights
// renormalised), from a random stream of its own. The answerers of a
// thread (answers to a question, comments of a post), drawn without
// sub-groups among the members who had joined, weighted by their
// propensity to answer, are drawn so: with probability Mixing among all
// those members, as without sub-groups; otherwise among those of the
// sub-group of the thread's starter (among all when none of them has
// joined yet). Mixing 1 is no structure, 0 replies within sub-groups
// only. Who starts threads, when, and how many answers each gets do not
// change: the panels and post counts stay calibrated.
//
// The truth folder then holds raw/truth/subgroups.csv: community,
// author_key (the truth's author key), subgroup, one row per member of
// Community, sorted by author key.
type SubGroups struct {
	Community string     `json:"community"`
	Groups    []Weighted `json:"groups"`
	Mixing    float64    `json:"mixing"`
}

// DefaultSubGroups returns the sub-groups the study can plant: the avs
// group's members split by the four regions of a home-care network
// (Nord, Est, Sud, Ouest; the Nord, around Lille and Paris, the
// largest), with Mixing 0.3: 70 % of answers stay within the region of
// the thread's starter.
func DefaultSubGroups() *SubGroups {
	return &SubGroups{
		Community: "avs",
		Groups:    w("nord", 0.34, "est", 0.22, "sud", 0.26, "ouest", 0.18),
		Mixing:    0.3,
	}
}

// Noise are the rates of written-language variation applied to texts.
type Noise struct {
	// AbbrevAuthors is the share of authors who abbreviate (qqun, ds, pb,
	// bcp, tjs, rdv, ttt...), per profession; they abbreviate each
	// abbreviable word with probability AbbrevRate.
	AbbrevAuthorsAide float64 `json:"abbrev_authors_aide"`
	AbbrevAuthorsGP   float64 `json:"abbrev_authors_gp"`
	AbbrevRate        float64 `json:"abbrev_rate"`
	// NoAccentAuthors is the share of authors who never type accents.
	NoAccentAuthorsAide float64 `json:"no_accent_authors_aide"`
	NoAccentAuthorsGP   float64 `json:"no_accent_authors_gp"`
	// TypoRate is the probability that a word of a message carries a typo
	// (a letter dropped, doubled or swapped).
	TypoRate float64 `json:"typo_rate"`
	// EmojiRate is the probability that a message ends with emoji, for
	// aides and GPs.
	EmojiAide float64 `json:"emoji_aide"`
	EmojiGP   float64 `json:"emoji_gp"`
	// NewlineRate is the probability that a long message is written on
	// several lines.
	NewlineRate float64 `json:"newline_rate"`
}

// ParisTime returns the instant of a Europe/Paris wall-clock time.
func ParisTime(y int, m time.Month, d, h, min, s int) time.Time {
	return time.Date(y, m, d, h, min, s, 0, corpus.Paris)
}

// Observed is the observation instant of the study, T: the day the
// presentation's screenshots were taken, 15 May 2019 at 18:00 in Paris.
var Observed = ParisTime(2019, time.May, 15, 18, 0, 0)

// DefaultSeed is the default seed: the conference date.
const DefaultSeed = 20190523

var (
	aideRhythm = Rhythm{
		// Early morning before the rounds, midday break, evening after
		// the last visit; quiet afternoons (visits) and nights.
		Weekday: [24]float64{0.15, 0.08, 0.05, 0.05, 0.1, 0.5, 1.6, 1.9, 1.2, 0.6, 0.5, 0.8,
			1.7, 1.9, 1.3, 0.6, 0.5, 0.8, 1.2, 1.5, 1.9, 2.2, 1.9, 0.8},
		// Weekends: later mornings, activity spread through the day.
		Weekend: [24]float64{0.3, 0.15, 0.08, 0.05, 0.05, 0.2, 0.6, 0.9, 1.3, 1.5, 1.5, 1.4,
			1.5, 1.6, 1.5, 1.4, 1.4, 1.4, 1.5, 1.6, 1.9, 2.1, 1.8, 0.9},
		// Weekends heavier: the days off, or the shifts alone.
		Day: [7]float64{1.3, 0.95, 0.95, 0.95, 0.95, 1.0, 1.2},
	}
	gpRhythm = Rhythm{
		// Lunch break 12-14h, after consultations 19-21h, late evening.
		Weekday: [24]float64{0.25, 0.1, 0.05, 0.03, 0.03, 0.05, 0.2, 0.6, 0.7, 0.4, 0.4, 0.8,
			3.0, 3.2, 1.0, 0.4, 0.4, 0.5, 0.9, 2.4, 2.6, 2.2, 1.6, 0.8},
		Weekend: [24]float64{0.3, 0.15, 0.05, 0.03, 0.03, 0.05, 0.1, 0.3, 0.8, 1.1, 1.2, 1.2,
			1.4, 1.3, 0.9, 0.8, 0.8, 0.9, 1.0, 1.2, 1.4, 1.6, 1.4, 0.8},
		// Weekdays heavier; Saturday mornings still consult.
		Day: [7]float64{0.45, 1.1, 1.1, 1.0, 1.1, 1.05, 0.6},
	}
)

func w(pairs ...any) []Weighted {
	out := make([]Weighted, 0, len(pairs)/2)
	for i := 0; i < len(pairs); i += 2 {
		out = append(out, Weighted{Name: pairs[i].(string), Weight: pairs[i+1].(float64)})
	}
	return out
}

// Theme, question type, status and citation kind names.
const (
	ThemeConditions = "conditions"
	ThemePractice   = "practice"
	ThemeFuture     = "future"
	ThemeSupport    = "support"
	ThemeOther      = "other"

	Unanswered    = "unanswered"
	Consensual    = "consensual"
	NonConsensual = "non-consensual"
)

// DefaultParams returns the calibrated parameters with the given seed and
// scale.
func DefaultParams(seed uint64, scale float64) Params {
	aideStatus := w(Unanswered, 0.22, Consensual, 0.46, NonConsensual, 0.32)
	aideCites := w("law", 0.45, "employer", 0.3, "insurance", 0.2, "guidelines", 0.05)
	return Params{
		Seed:     seed,
		Scale:    scale,
		Observed: Observed,
		Start:    ParisTime(2018, time.May, 1, 0, 0, 0),
		Groups: []Group{
			{
				ID: "tu-sais-que", Name: "Tu sais que tu es Aide à Domicile quand ....",
				Platform: corpus.Facebook, Profession: corpus.HomeCareAide, Visibility: corpus.Closed,
				Created: ParisTime(2016, time.May, 20, 21, 14, 0), Admins: 1, Moderators: 0,
				Target:     Panel{Members: 1040, NewMembers30d: 288, PostsToday: 13, Posts30d: 353},
				GrowthRate: 4, PostElasticity: 0.9,
				Threads: Threads{
					QuestionShare: 0.38,
					Themes:        w(ThemeConditions, 0.24, ThemePractice, 0.22, ThemeFuture, 0.06, ThemeSupport, 0.26, ThemeOther, 0.22),
					RightsShare:   0.75, CareShare: 0.7, Status: aideStatus, CiteShare: 0.35, CiteKinds: aideCites,
					AnswersMean: 3.5, CommentsMean: 5, NestedShare: 0.25, DuplicateShare: 0.12,
				},
			},
			{
				ID: "avs", Name: "AVS - Auxiliaire de Vie Sociale",
				Platform: corpus.Facebook, Profession: corpus.HomeCareAide, Visibility: corpus.Closed,
				Created: ParisTime(2015, time.May, 7, 14, 32, 0), Admins: 2, Moderators: 1,
				Target:         Panel{Members: 3977, NewMembers30d: 290, PostsToday: 15, Posts30d: 388},
				PostElasticity: 0.7,
				Threads: Threads{
					QuestionShare: 0.5,
					Themes:        w(ThemeConditions, 0.32, ThemePractice, 0.3, ThemeFuture, 0.08, ThemeSupport, 0.18, ThemeOther, 0.12),
					RightsShare:   0.75, CareShare: 0.7, Status: aideStatus, CiteShare: 0.4, CiteKinds: aideCites,
					AnswersMean: 4, CommentsMean: 4, NestedShare: 0.25, DuplicateShare: 0.15,
				},
			},
			{
				ID: "en-colere", Name: "Auxiliaires de vie et Aides à domicile en colère",
				Platform: corpus.Facebook, Profession: corpus.HomeCareAide, Visibility: corpus.Closed,
				Created: ParisTime(2018, time.November, 14, 20, 3, 0), Admins: 3, Moderators: 2,
				Target:         Panel{Members: 1791, NewMembers30d: 121, PostsToday: 14, Posts30d: 414},
				PostElasticity: 0.6, LaunchBoost: 1.5, LaunchDays: 25,
				Threads: Threads{
					QuestionShare: 0.28,
					Themes:        w(ThemeConditions, 0.36, ThemePractice, 0.07, ThemeFuture, 0.34, ThemeSupport, 0.17, ThemeOther, 0.06),
					RightsShare:   0.75, CareShare: 0.7, Status: w(Unanswered, 0.25, Consensual, 0.4, NonConsensual, 0.35),
					CiteShare: 0.45, CiteKinds: aideCites,
					AnswersMean: 5, CommentsMean: 7, NestedShare: 0.35, DuplicateShare: 0.1,
				},
			},
			{
				// A WhatsApp group chat of aides, exported by one member
				// (a data donation): no published figure calibrates it;
				// its volumes are those of a small, lively chat. It is
				// simulated after the Facebook groups so that their
				// draws do not depend on it.
				ID: "entraide-whatsapp", Name: "Entraide aides à domicile (groupe WhatsApp)",
				Platform: corpus.WhatsApp, Profession: corpus.HomeCareAide, Visibility: corpus.Closed,
				Created: ParisTime(2018, time.September, 3, 19, 5, 0), Admins: 1, Moderators: 0,
				Target:         Panel{Members: 48, NewMembers30d: 3, PostsToday: 5, Posts30d: 120},
				PostElasticity: 0.5,
				Threads: Threads{
					QuestionShare: 0.45,
					Themes:        w(ThemeConditions, 0.3, ThemePractice, 0.3, ThemeFuture, 0.05, ThemeSupport, 0.25, ThemeOther, 0.1),
					RightsShare:   0.7, CareShare: 0.7, Status: aideStatus, CiteShare: 0.3, CiteKinds: aideCites,
					AnswersMean: 3, CommentsMean: 3, NestedShare: 0, DuplicateShare: 0.1,
				},
			},
			{
				ID: "doctoctoc", Name: "#DocTocToc",
				Platform: corpus.Twitter, Profession: corpus.GP, Visibility: corpus.Public,
				QuestionsPerMonth: 365, Accounts: 1400, RetweetShare: 0.08, QuoteShare: 0.03,
				Threads: Threads{
					QuestionShare: 1,
					Themes:        w(ThemeConditions, 0.14, ThemePractice, 0.62, ThemeFuture, 0.1, ThemeSupport, 0.08, ThemeOther, 0.06),
					// The 2013 study's shares.
					QuestionTypes: w("therapeutic", 31.7, "diagnostic", 30.3, "administrative", 19.0, "bibliographic", 9.5, "poll", 9.5),
					// The 2013 study's shares (55.6, 33.3, 8) renormalised
					// to sum to one: 57.4%, 34.4%, 8.3%.
					Status:    w(Unanswered, 8.0, Consensual, 55.6, NonConsensual, 33.3),
					CiteShare: 0.45, CiteKinds: w("guidelines", 0.6, "insurance", 0.2, "law", 0.2),
					AnswersMean: 2.5, NestedShare: 0.3, DuplicateShare: 0.1,
				},
			},
		},
		AideRhythm:       aideRhythm,
		GPRhythm:         gpRhythm,
		PropensitySigma:  1.5,
		AdminPostBoost:   6,
		AdminAnswerBoost: 10,
		DelayMedian:      50 * time.Minute,
		DelaySigma:       1.7,
		NightRejection:   0.9,
		SharedMembers:    0.05,
		SharedBoost:      4,
		Noise: Noise{
			AbbrevAuthorsAide: 0.55, AbbrevAuthorsGP: 0.35, AbbrevRate: 0.7,
			NoAccentAuthorsAide: 0.35, NoAccentAuthorsGP: 0.08,
			TypoRate: 0.015, EmojiAide: 0.3, EmojiGP: 0.12, NewlineRate: 0.25,
		},
		CrowdTangleDays: 90,
		ZeeschuimerDays: 14,
		// The sample plants regional sub-groups in avs's replies, so that
		// one of its networks has a community structure beyond chance
		// and the others have none to find (Figure 10, Table 4).
		SubGroups: DefaultSubGroups(),
	}
}
