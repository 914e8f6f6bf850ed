package simulate

import (
	"fmt"
	"hash/fnv"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
)

// Answer stances: what an answer does in its thread.
const (
	stAdvice   = "advice"    // proposes an answer without a source
	stAgree    = "agree"     // agrees with an earlier answer
	stDisagree = "disagree"  // disagrees with an earlier answer
	stCite     = "cite"      // answers citing a rule or a source
	stSupport  = "encourage" // encourages, without answering
	stThanks   = "thanks"    // the asker thanks
	stUp       = "up"        // the asker bumps an unanswered question
	stComment  = "comment"   // comments a post that asks nothing
	stPoster   = "poster"    // the poster answers the comments of their post
)

// Person is a simulated account. Key is the internal author key of the
// truth file (e.g. a0042); the other fields are what exports show.
type Person struct {
	Key    string
	Name   string // display name
	FBID   string // Facebook account id (aides)
	Handle string // Twitter handle without '@' (GPs)
	UserID string // Twitter account id (GPs)
	style  style
}

// Message is one generated message with its truth.
type Message struct {
	Community string
	ID        string // bare platform id (post id, comment id, tweet id)
	Kind      corpus.Kind
	ParentID  string // bare id of the message answered
	ThreadID  string // bare id of the thread start
	RefID     string // retweeted or quoted tweet
	Author    *Person
	Role      corpus.Role
	Created   time.Time
	Text      string
	Likes     int
	// Truth.
	Theme        string
	QuestionType string
	AnswerStatus string // question thread starts only
	Cites        string // source kind cited by an answer
	DuplicateOf  string // id of the earlier question this one re-words
	stance       string
	parent       int // index of the parent answer in Thread.Answers, -1 for the start
}

// Thread is a thread start with its answers (comments and replies, in
// creation order) and, on Twitter, the retweets and quotes of it.
type Thread struct {
	Start   Message
	Answers []Message
	Shares  []Message
}

// member is a person's membership of a community.
type member struct {
	p       *Person
	joined  time.Time
	role    corpus.Role
	postW   float64
	answerW float64
	sub     int // sub-group (Params.SubGroups), index into subState.names
}

// community is the state of one community's simulation.
type community struct {
	g       Group
	par     *Params
	r       rng
	text    *texter
	table   [7][24]float64
	wmax    float64
	members []*member // sorted by join time
	joins   []time.Time
	cumPost []float64
	cumAns  []float64
	posts   []time.Time // thread starts that count as posts (Facebook) or questions (Twitter)
	nextID  uint64
	recent  map[string][]recentQ // by question type
	// Admins and Moderators are the people in those roles.
	admins, moderators []*Person
	// subs is the planted sub-groups, nil when none (Params.SubGroups).
	subs *subState
}

// subState is the sub-groups planted in a community (Params.SubGroups):
// for each sub-group, its members (indices into community.members, in
// join order), their join times and cumulative answer weights. Its
// random stream is its own, so that with sub-groups the community's
// stream draws as many numbers for the same mechanisms.
type subState struct {
	r       rng
	mixing  float64
	names   []string
	members [][]int
	joins   [][]time.Time
	cum     [][]float64
}

type recentQ struct{ id, topic string }

const day = 24 * time.Hour

func scaled(n int, scale float64) int { return int(math.Round(float64(n) * scale)) }

// groupNumber is a fictional, seed-independent Facebook group id.
func groupNumber(id string) string {
	h := fnv.New64a()
	h.Write([]byte("group:" + id))
	return strconv.FormatUint(100000000000000+h.Sum64()%900000000000000, 10)
}

// GroupFacebookID returns the fictional Facebook id of a group.
func GroupFacebookID(id string) string { return groupNumber(id) }

// start returns when a group's simulation starts.
func (c *community) start() time.Time {
	if c.g.Created.After(c.par.Start) {
		return c.g.Created
	}
	return c.par.Start
}

// solveGrowth returns r such that r e^r / (e^r - 1) = target (the ratio of
// the joining rate at the end of the curve to its mean).
func solveGrowth(target float64) float64 {
	f := func(r float64) float64 {
		if math.Abs(r) < 1e-9 {
			return 1
		}
		return r * math.Exp(r) / math.Expm1(r)
	}
	lo, hi := -60.0, 60.0
	for range 200 {
		mid := (lo + hi) / 2
		if f(mid) < target {
			lo = mid
		} else {
			hi = mid
		}
	}
	return (lo + hi) / 2
}

// personBase is the first global person index of each population, so that
// names are unique across communities: the aides' shared pool, then each
// aides' group, then the GPs (who draw from another name table).
type population struct {
	shared     []*Person
	sharedUsed map[string]int // group id -> shared persons taken
	bases      map[string]uint64
}

func newPopulation(p *Params) *population {
	pop := &population{bases: map[string]uint64{}, sharedUsed: map[string]int{}}
	next := uint64(0)
	maxShared := 0
	for _, g := range p.Groups {
		if g.Platform == corpus.Facebook {
			maxShared += int(math.Ceil(float64(scaled(g.Target.Members, p.Scale)) * p.SharedMembers))
		}
	}
	r := newRNG(p.Seed, "shared-pool")
	tx := newTexter(corpus.HomeCareAide, p.Noise)
	// The pool is smaller than the sum of the shares, so that its members
	// are in several groups.
	size := maxShared * 2 / 3
	for i := range size {
		pop.shared = append(pop.shared, newAide(next+uint64(i), fmt.Sprintf("s%04d", i), p.Seed, tx.newStyle(r)))
	}
	next += uint64(size)
	for _, g := range p.Groups {
		if g.Platform == corpus.Facebook {
			pop.bases[g.ID] = next
			next += uint64(scaled(g.Target.Members, p.Scale)) + 16
		}
	}
	// Chat groups of aides come after, so that the Facebook groups'
	// members do not depend on them; they draw their shared members from
	// the same pool (aides who are in a Facebook group too).
	for _, g := range p.Groups {
		if g.Platform != corpus.Facebook && g.Platform != corpus.Twitter {
			pop.bases[g.ID] = next
			next += uint64(scaled(g.Target.Members, p.Scale)) + 16
		}
	}
	return pop
}

func newAide(idx uint64, key string, seed uint64, st style) *Person {
	return &Person{Key: key, Name: personName(idx, aideFirsts, 0x5eed), FBID: facebookID(idx), style: st}
}

// newCommunity prepares a community: members, roles, propensities and the
// times of its thread starts.
func newCommunity(p *Params, g Group, pop *population) *community {
	c := &community{g: g, par: p, r: newRNG(p.Seed, "community:"+g.ID), recent: map[string][]recentQ{}}
	c.text = newTexter(g.Profession, p.Noise)
	if g.Profession == corpus.GP {
		c.table = p.GPRhythm.Table()
	} else {
		c.table = p.AideRhythm.Table()
	}
	for _, row := range c.table {
		for _, v := range row {
			c.wmax = math.Max(c.wmax, v)
		}
	}
	h := fnv.New64a()
	h.Write([]byte(g.ID))
	c.nextID = 2000000000000000 + h.Sum64()%100000000000000
	if g.Platform == corpus.Twitter {
		c.initAccounts()
		c.initQuestions()
	} else {
		c.initMembers(pop)
		c.initPosts()
	}
	c.cumulate()
	if sg := p.SubGroups; sg != nil && sg.Community == g.ID && len(sg.Groups) > 0 {
		c.initSubGroups(sg)
	}
	return c
}

// initSubGroups draws each member's sub-group.
func (c *community) initSubGroups(sg *SubGroups) {
	s := &subState{r: newRNG(c.par.Seed, "subgroups:"+c.g.ID), mixing: sg.Mixing}
	index := map[string]int{}
	for _, x := range sg.Groups {
		index[x.Name] = len(s.names)
		s.names = append(s.names, x.Name)
	}
	s.members = make([][]int, len(s.names))
	s.joins = make([][]time.Time, len(s.names))
	s.cum = make([][]float64, len(s.names))
	for i, m := range c.members {
		k := index[s.r.categorical(sg.Groups)]
		m.sub = k
		s.members[k] = append(s.members[k], i)
		s.joins[k] = append(s.joins[k], c.joins[i])
		last := 0.0
		if n := len(s.cum[k]); n > 0 {
			last = s.cum[k][n-1]
		}
		s.cum[k] = append(s.cum[k], last+m.answerW)
	}
	c.subs = s
}

// answerer draws who answers in a thread started by starter at t: a
// member who had joined, weighted by their propensity to answer, and,
// with planted sub-groups, preferably of starter's sub-group (see
// SubGroups).
func (c *community) answerer(t time.Time, starter *member) *member {
	s := c.subs
	if s == nil {
		return c.pick(c.cumAns, t)
	}
	if !s.r.chance(s.mixing) {
		k := starter.sub
		n := sort.Search(len(s.joins[k]), func(i int) bool { return s.joins[k][i].After(t) })
		if n > 0 {
			u := s.r.Float64() * s.cum[k][n-1]
			i := sort.SearchFloat64s(s.cum[k][:n], u)
			return c.members[s.members[k][min(i, n-1)]]
		}
	}
	n := max(c.membersAt(t), 1)
	u := s.r.Float64() * c.cumAns[n-1]
	i := sort.SearchFloat64s(c.cumAns[:n], u)
	return c.members[min(i, n-1)]
}

func (c *community) initMembers(pop *population) {
	p, g, r := c.par, c.g, c.r
	M := scaled(g.Target.Members, p.Scale)
	N30 := min(scaled(g.Target.NewMembers30d, p.Scale), M)
	T := p.Observed
	cut := T.Add(-30 * day)
	created := g.Created
	D := cut.Sub(created).Hours() / 24
	old := M - N30
	growth := g.GrowthRate
	if growth == 0 && old > 0 && D > 0 {
		growth = solveGrowth(float64(N30) * D / (30 * float64(old)))
	}
	joins := make([]time.Time, 0, M)
	for range old {
		u := r.Float64()
		x := u
		if math.Abs(growth) > 1e-9 {
			x = math.Log1p(u*math.Expm1(growth)) / growth
		}
		joins = append(joins, created.Add(time.Duration(x*D*float64(day))).Truncate(time.Second))
	}
	for range N30 {
		joins = append(joins, cut.Add(time.Second+time.Duration(r.Int64N(int64(30*day/time.Second)-1))*time.Second))
	}
	sort.Slice(joins, func(i, j int) bool { return joins[i].Before(joins[j]) })
	// The founder creates the group.
	if len(joins) > 0 {
		joins[0] = created
	}
	// Members: the admins and moderators among the first to join; a share
	// of the others are people of the shared pool.
	tx := c.text
	base := pop.bases[g.ID]
	nRoles := g.Admins + g.Moderators
	early := max(nRoles, len(joins)/50)
	roleAt := map[int]corpus.Role{}
	perm := r.Perm(max(early-1, nRoles))
	for i := 0; i < nRoles; i++ {
		k := 0 // the founder is the first admin
		if i > 0 {
			k = perm[i-1] + 1
		}
		if k >= len(joins) {
			continue
		}
		if i < g.Admins {
			roleAt[k] = corpus.Admin
		} else {
			roleAt[k] = corpus.Moderator
		}
	}
	sharedNext := 0
	permShared := r.Perm(len(pop.shared))
	for i, t := range joins {
		m := &member{joined: t, role: corpus.Member}
		prop := r.lognormal(0, p.PropensitySigma)
		if role, ok := roleAt[i]; ok {
			m.role = role
			m.p = newAide(base+uint64(i), fmt.Sprintf("%s-%04d", g.ID, i), p.Seed, tx.newStyle(r))
			if role == corpus.Admin {
				c.admins = append(c.admins, m.p)
			} else {
				c.moderators = append(c.moderators, m.p)
			}
			m.postW, m.answerW = prop*p.AdminPostBoost, prop*p.AdminAnswerBoost
		} else if sharedNext < len(permShared) && r.chance(p.SharedMembers) {
			m.p = pop.shared[permShared[sharedNext]]
			sharedNext++
			m.postW, m.answerW = prop*p.SharedBoost, prop*p.SharedBoost
		} else {
			m.p = newAide(base+uint64(i), fmt.Sprintf("%s-%04d", g.ID, i), p.Seed, tx.newStyle(r))
			m.postW, m.answerW = prop, prop
		}
		c.members = append(c.members, m)
		c.joins = append(c.joins, t)
	}
	// Truth keys: short internal ids in order of membership.
	for i, m := range c.members {
		if m.p.Key[0] != 's' {
			m.p.Key = fmt.Sprintf("%s%05d", keyPrefix(g.ID), i)
		}
	}
}

func keyPrefix(id string) string {
	switch id {
	case "tu-sais-que":
		return "t"
	case "avs":
		return "a"
	case "en-colere":
		return "e"
	}
	return "g"
}

// Profile accounts: the two GPs whose profile headers the presentation
// shows. They tweet in the hashtag community too.
var profileAccounts = []struct {
	Handle, Name, Label, Posts, Following, Followers, Likes, Joined string
	postW, answerW                                                  float64
}{
	{"DocDesPres_53", "Dr des Prés", "MG installée à la campagne", "953", "182", "381", "333", "2012-12", 1.5, 2},
	{"PlumeEtStetho", "Plume & Stétho", "MG et romancier", "171 k", "240", "9 070", "54,7 k", "2011-10", 6, 25},
}

func (c *community) initAccounts() {
	p, r := c.par, c.r
	n := max(scaled(c.g.Accounts, p.Scale), 3)
	used := map[string]bool{}
	// next[b] is the smallest count-up suffix of the base b not known to
	// be taken: every b_t with 20 ≤ t < next[b] is used (handles are
	// never freed), so the count-up starts there and finds the same
	// handle as counting from 20 — in one step instead of one per
	// earlier collision, which made 1e7-message samples quadratic.
	next := map[string]int{}
	base := uint64(0)
	for i := range n {
		m := &member{joined: p.Start.Add(-365 * day), role: corpus.Member}
		prop := r.lognormal(0, p.PropensitySigma)
		m.postW, m.answerW = prop, prop*r.lognormal(0, 0.5)
		var pe *Person
		if i < len(profileAccounts) {
			a := profileAccounts[i]
			pe = &Person{Name: a.Name, Handle: a.Handle, UserID: twitterUserID(uint64(i))}
			m.postW, m.answerW = a.postW, a.answerW
		} else {
			name := personName(base+uint64(i), gpFirsts, 0xd0c)
			h, d := gpIdentity(r, name)
			// Unique ignoring case: Twitter handles are, and the
			// pseudonymizer keys accounts by lower-cased handle.
			counted, countedAt := "", 0
			for try := 0; used[strings.ToLower(h)]; try++ {
				if try < 20 {
					h = fmt.Sprintf("%s%d", h[:min(len(h), 12)], r.IntN(100))
					continue
				}
				// At large scales the random suffixes of a prefix run
				// out: count up instead, which always ends.
				base, _, _ := strings.Cut(h, "_")
				b := base[:min(len(base), 8)]
				try = max(try, next[b])
				h = fmt.Sprintf("%s_%d", b, try)
				counted, countedAt = b, try
			}
			if counted != "" {
				next[counted] = countedAt + 1
			}
			pe = &Person{Name: d, Handle: h, UserID: twitterUserID(uint64(i))}
		}
		used[strings.ToLower(pe.Handle)] = true
		pe.Key = fmt.Sprintf("g%05d", i)
		pe.style = c.text.newStyle(r)
		m.p = pe
		c.members = append(c.members, m)
		c.joins = append(c.joins, m.joined)
	}
}

func (c *community) cumulate() {
	sp, sa := 0.0, 0.0
	c.cumPost = make([]float64, len(c.members))
	c.cumAns = make([]float64, len(c.members))
	for i, m := range c.members {
		sp += m.postW
		sa += m.answerW
		c.cumPost[i], c.cumAns[i] = sp, sa
	}
}

// membersAt is the number of members who joined at or before t.
func (c *community) membersAt(t time.Time) int {
	return sort.Search(len(c.joins), func(i int) bool { return c.joins[i].After(t) })
}

// pick draws a member who had joined at t, weighted by cum.
func (c *community) pick(cum []float64, t time.Time) *member {
	k := max(c.membersAt(t), 1)
	u := c.r.Float64() * cum[k-1]
	i := sort.SearchFloat64s(cum[:k], u)
	return c.members[min(i, k-1)]
}

// parisDay returns midnight (Paris) of t's Paris calendar day.
func parisDay(t time.Time) time.Time {
	p := t.In(corpus.Paris)
	return time.Date(p.Year(), p.Month(), p.Day(), 0, 0, 0, 0, corpus.Paris)
}

func (c *community) initPosts() {
	p, g, r := c.par, c.g, c.r
	T := p.Observed
	cut := T.Add(-30 * day)
	today := parisDay(T)
	P30 := scaled(g.Target.Posts30d, p.Scale)
	PT := min(scaled(g.Target.PostsToday, p.Scale), P30)
	mT := float64(len(c.joins))
	// Normalise the table so that its mean hour weight is 1/24 a day.
	mean := 0.0
	for _, row := range c.table {
		for _, v := range row {
			mean += v
		}
	}
	mean /= 168
	rate := func(t time.Time) float64 {
		x := float64(P30) / 30 / 24 / mean
		if mT > 0 {
			x *= math.Pow(float64(max(c.membersAt(t), 1))/mT, g.PostElasticity)
		}
		if g.LaunchBoost > 0 {
			age := t.Sub(g.Created).Hours() / 24
			x *= 1 + g.LaunchBoost*math.Exp(-age/g.LaunchDays)
		}
		return x
	}
	before := newCells(c.start(), cut, c.table, rate)
	posts := before.draw(r, r.poisson(before.total()))
	month := newCells(cut.Add(time.Second), today, c.table, rate)
	posts = append(posts, month.draw(r, P30-PT)...)
	day0 := newCells(today, T, c.table, rate)
	posts = append(posts, day0.draw(r, PT)...)
	c.posts = posts
}

func (c *community) initQuestions() {
	p, g, r := c.par, c.g, c.r
	mean := 0.0
	for _, row := range c.table {
		for _, v := range row {
			mean += v
		}
	}
	mean /= 168
	perHour := g.QuestionsPerMonth * p.Scale * 12 / 365.25 / 24 / mean
	cl := newCells(c.start(), p.Observed, c.table, func(time.Time) float64 { return perHour })
	c.posts = cl.draw(r, r.poisson(cl.total()))
}

// newID returns the next bare id of the community. Facebook ids grow by a
// random step; tweet ids are snowflakes of their creation time.
func (c *community) newID(t time.Time) string {
	if c.g.Platform == corpus.Twitter {
		c.nextID++
		ms := t.UnixMilli() - 1288834974657
		return strconv.FormatUint(uint64(ms)<<22|(c.nextID&(1<<22-1)), 10)
	}
	c.nextID += 1 + uint64(c.r.IntN(40000))
	return strconv.FormatUint(c.nextID, 10)
}

// delay draws when an answer to a message created at t arrives, redrawing
// answers that would land in quiet hours.
func (c *community) delay(t time.Time, median time.Duration) time.Time {
	var at time.Time
	for range 8 {
		d := time.Duration(float64(median) * c.r.lognormal(0, c.par.DelaySigma))
		d = max(d, 20*time.Second)
		at = t.Add(d).Truncate(time.Second)
		pt := at.In(corpus.Paris)
		w := c.table[pt.Weekday()][pt.Hour()] / c.wmax
		if !c.r.chance(c.par.NightRejection * (1 - w)) {
			break
		}
	}
	return at
}

// run generates every thread in order of their start and passes each to
// emit.
func (c *community) run(emit func(*Thread) error) error {
	for _, t := range c.posts {
		th := c.thread(t)
		if err := emit(th); err != nil {
			return err
		}
	}
	return nil
}

func (c *community) message(kind corpus.Kind, m *member, t time.Time) Message {
	return Message{Community: c.g.ID, ID: c.newID(t), Kind: kind, Author: m.p, Role: m.role, Created: t, parent: -1}
}

// thread generates one thread starting at t.
func (c *community) thread(t time.Time) *Thread {
	r, g := c.r, c.g
	th := &Thread{}
	startKind := corpus.Post
	if g.Platform == corpus.Twitter {
		startKind = corpus.Tweet
	}
	asker := c.pick(c.cumPost, t)
	st := c.message(startKind, asker, t)
	st.ThreadID = st.ID
	theme, qtype := c.drawTopic()
	st.Theme = theme
	if qtype != "" {
		st.QuestionType = qtype
		topic := ""
		if rec := c.recent[qtype]; len(rec) > 0 && r.chance(g.Threads.DuplicateShare) {
			q := rec[r.IntN(len(rec))]
			topic, st.DuplicateOf = q.topic, q.id
		} else {
			topic = c.text.topic(r, qtype)
		}
		st.Text = c.text.question(r, qtype, topic, asker.p.style)
		rec := append(c.recent[qtype], recentQ{st.ID, topic})
		if len(rec) > 400 {
			rec = rec[1:]
		}
		c.recent[qtype] = rec
	} else {
		st.Text = c.text.post(r, theme, asker.p.style)
	}
	st.Likes = r.geometric(map[bool]float64{true: 3, false: 8}[qtype != ""])
	th.Start = st
	if qtype != "" {
		c.answerQuestion(th, asker)
		th.Start.AnswerStatus = Status(th)
	} else {
		c.comment(th, asker)
	}
	if g.Platform == corpus.Twitter {
		c.share(th)
	}
	c.finishThread(th)
	return th
}

// drawTopic draws a thread's theme and, for a question, its type.
func (c *community) drawTopic() (theme, qtype string) {
	r, tp := c.r, c.g.Threads
	if c.g.Profession == corpus.GP {
		qtype = r.categorical(tp.QuestionTypes)
		switch qtype {
		case "administrative":
			theme = ThemeConditions
		case "poll":
			theme = r.categorical(tp.Themes)
		default:
			theme = ThemePractice
		}
		return theme, qtype
	}
	theme = r.categorical(tp.Themes)
	askable := 0.0
	for _, x := range tp.Themes {
		if x.Name == ThemeConditions || x.Name == ThemePractice {
			askable += x.Weight
		}
	}
	total := 0.0
	for _, x := range tp.Themes {
		total += x.Weight
	}
	if theme != ThemeConditions && theme != ThemePractice {
		return theme, ""
	}
	if !r.chance(math.Min(0.95, tp.QuestionShare*total/askable)) {
		return theme, ""
	}
	if theme == ThemeConditions {
		if r.chance(tp.RightsShare) {
			return theme, "rights"
		}
		return theme, "organisation"
	}
	if r.chance(tp.CareShare) {
		return theme, "care"
	}
	return theme, "organisation"
}

// plan is an answer to generate: its stance, author and parent.
type plan struct {
	stance string
	author *member
	parent int // index in the plan list, -1 for the thread start
	cite   string
}

// answerQuestion generates the answers of a question thread according to
// a drawn target status.
func (c *community) answerQuestion(th *Thread, asker *member) {
	r, tp := c.r, c.g.Threads
	t0 := th.Start.Created
	target := r.categorical(tp.Status)
	var plans []plan
	others := map[*member]bool{asker: true}
	answerer := func() *member {
		var m *member
		for range 12 {
			m = c.answerer(t0, asker)
			if !others[m] {
				break
			}
		}
		others[m] = true
		return m
	}
	anyone := func() *member {
		for range 12 {
			if m := c.answerer(t0, asker); m != asker {
				return m
			}
		}
		return answerer()
	}
	nested := func(i int) int {
		if r.chance(tp.NestedShare) && i >= 0 {
			return i
		}
		return -1
	}
	extra := r.geometric(tp.AnswersMean)
	switch target {
	case Unanswered:
		if r.chance(0.2) {
			plans = append(plans, plan{stance: stUp, author: asker, parent: -1})
		}
	case Consensual:
		if r.chance(tp.CiteShare) {
			if r.chance(0.5) {
				plans = append(plans, plan{stance: stAdvice, author: answerer(), parent: -1})
			}
			plans = append(plans, plan{stance: stCite, author: answerer(), parent: nested(len(plans) - 1),
				cite: r.categorical(tp.CiteKinds)})
		} else {
			plans = append(plans, plan{stance: stAdvice, author: answerer(), parent: -1})
			plans = append(plans, plan{stance: stAgree, author: answerer(), parent: nested(0)})
		}
		for range extra {
			s := r.pick([]string{stAgree, stAgree, stAdvice, stSupport})
			plans = append(plans, plan{stance: s, author: anyone(), parent: nested(r.IntN(len(plans)))})
		}
	case NonConsensual:
		plans = append(plans, plan{stance: stAdvice, author: answerer(), parent: -1})
		if r.chance(0.8) {
			plans = append(plans, plan{stance: stDisagree, author: answerer(), parent: nested(0)})
			for range extra {
				s := r.pick([]string{stAgree, stDisagree, stAdvice, stSupport})
				plans = append(plans, plan{stance: s, author: anyone(), parent: nested(r.IntN(len(plans)))})
			}
		}
	}
	if target != Unanswered && r.chance(0.45) {
		plans = append(plans, plan{stance: stThanks, author: asker, parent: nested(len(plans) - 1)})
	}
	c.realise(th, plans)
}

// comment generates the comments of a thread start that asks nothing.
func (c *community) comment(th *Thread, poster *member) {
	r, tp := c.r, c.g.Threads
	n := r.geometric(tp.CommentsMean)
	var plans []plan
	for i := range n {
		m := c.answerer(th.Start.Created, poster)
		s := stComment
		if m == poster {
			s = stPoster
		}
		parent := -1
		if i > 0 && r.chance(tp.NestedShare) {
			parent = r.IntN(i)
		}
		plans = append(plans, plan{stance: s, author: m, parent: parent})
	}
	c.realise(th, plans)
}

// realise turns plans into messages with times, dropping those after the
// observation instant (and their replies).
func (c *community) realise(th *Thread, plans []plan) {
	r := c.r
	T := c.par.Observed
	index := make([]int, len(plans)) // plan -> answer index, -1 if dropped
	last := th.Start.Created
	for i, pl := range plans {
		index[i] = -1
		median := c.par.DelayMedian
		if i > 0 {
			median = median * 2 / 3
		}
		at := c.delay(last, median)
		if pl.parent >= 0 && index[pl.parent] < 0 {
			continue
		}
		if at.After(T) {
			continue
		}
		last = at
		kind := corpus.Comment
		if pl.parent >= 0 {
			kind = corpus.Reply
		}
		if c.g.Platform == corpus.Twitter {
			kind = corpus.Reply
		}
		m := c.message(kind, pl.author, at)
		m.ThreadID = th.Start.ID
		m.Theme = th.Start.Theme
		m.stance = pl.stance
		if pl.parent >= 0 {
			m.parent = index[pl.parent]
			// Facebook has two levels: a reply to a reply answers the
			// comment that opened the sub-thread.
			for c.g.Platform == corpus.Facebook && th.Answers[m.parent].parent >= 0 {
				m.parent = th.Answers[m.parent].parent
			}
			m.ParentID = th.Answers[m.parent].ID
		} else {
			m.ParentID = th.Start.ID
		}
		switch pl.stance {
		case stAdvice:
			m.Text = c.text.answer(r, stAdvice, th.Start.QuestionType, pl.author.p.style)
		case stCite:
			m.Cites = pl.cite
			m.Text = c.text.answer(r, stCite, pl.cite, pl.author.p.style)
		case stComment, stPoster:
			m.Text = c.text.answer(r, pl.stance, th.Start.Theme, pl.author.p.style)
		default:
			m.Text = c.text.answer(r, pl.stance, "", pl.author.p.style)
		}
		m.Likes = r.geometric(1.2)
		th.Answers = append(th.Answers, m)
		index[i] = len(th.Answers) - 1
	}
}

// share generates the retweets and quotes of a question tweet.
func (c *community) share(th *Thread) {
	r, g := c.r, c.g
	for range r.poisson(g.RetweetShare) + r.poisson(g.QuoteShare) {
		quote := r.chance(g.QuoteShare / (g.RetweetShare + g.QuoteShare))
		m := c.pick(c.cumAns, th.Start.Created)
		at := c.delay(th.Start.Created, c.par.DelayMedian)
		if at.After(c.par.Observed) {
			continue
		}
		kind := corpus.Retweet
		if quote {
			kind = corpus.Quote
		}
		s := c.message(kind, m, at)
		s.ThreadID = s.ID
		s.RefID = th.Start.ID
		s.Theme = th.Start.Theme
		if quote {
			s.Text = c.text.finish(r, c.text.g.expand(r, "quote", ""), m.p.style, "neutral") + " #DocTocToc " + tcoURL(r)
		} else {
			s.Text = "RT @" + th.Start.Author.Handle + ": " + th.Start.Text
		}
		th.Shares = append(th.Shares, s)
	}
	sort.SliceStable(th.Shares, func(i, j int) bool { return th.Shares[i].Created.Before(th.Shares[j].Created) })
}

const b62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

func tcoURL(r rng) string {
	b := make([]byte, 10)
	for i := range b {
		b[i] = b62[r.IntN(len(b62))]
	}
	return "https://t.co/" + string(b)
}

// finishThread prefixes Twitter replies with the handle they answer.
func (c *community) finishThread(th *Thread) {
	if c.g.Platform != corpus.Twitter {
		return
	}
	for i := range th.Answers {
		a := &th.Answers[i]
		to := th.Start.Author
		if a.parent >= 0 {
			to = th.Answers[a.parent].Author
		}
		prefix := "@" + to.Handle + " "
		if a.parent >= 0 && to != th.Start.Author && c.r.chance(0.6) {
			prefix += "@" + th.Start.Author.Handle + " "
		}
		a.Text = prefix + a.Text
	}
}

// Status computes the answer status of a question thread from its
// answers, by the 2013 study's rule: unanswered when nobody but the asker
// answered; consensual when an answer cites a rule or a source, or when at
// least two answerers agree (advice or agreement) and none disagrees;
// non-consensual otherwise.
func Status(th *Thread) string {
	asker := th.Start.Author
	answered, cites, disagree := false, false, false
	agreeing := map[*Person]bool{}
	for _, a := range th.Answers {
		if a.Author == asker {
			continue
		}
		answered = true
		switch a.stance {
		case stCite:
			cites = true
		case stDisagree:
			disagree = true
		case stAdvice, stAgree:
			agreeing[a.Author] = true
		}
	}
	switch {
	case !answered:
		return Unanswered
	case cites || (len(agreeing) >= 2 && !disagree):
		return Consensual
	}
	return NonConsensual
}
