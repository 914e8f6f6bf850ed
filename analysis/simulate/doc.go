// Package simulate generates the calibrated SYNTHETIC study of the
// compendium: online exchanges of home-care aides (aides à domicile) in
// three closed Facebook groups and of general practitioners on Twitter
// (#DocTocToc), written in the real raw export formats, with a known truth.
// Real closed-group posts cannot be published; this study can. Nothing in
// it is real: people, display names, handles, account and message ids and
// texts are generated. study.json ("synthetic": true) and
// raw/truth/params.json say so.
//
// # Communities and calibration
//
// The communities (Params.Groups, ids fixed) are tu-sais-que, avs and
// en-colere (Facebook, closed, profession home-care-aide) and doctoctoc
// (Twitter, public, general-practitioner). The observation instant is
// T = 2019-05-15T18:00:00+02:00 (Params.Observed); the simulation runs from
// Params.Start (1 May 2018) or the group's creation if later.
//
// At Scale 1 each group's panel on T is exactly the presentation's
// (Group.Target: members, new members in 30 days, posts today, posts in 30
// days), and the raw exports agree: exactly Posts30d posts have
// T-30 days < created <= T, and exactly PostsToday of them fall on T's
// Paris calendar day. Monthly panels (last day of each month at 18:00,
// then T) are computed from the simulated join process and posts. At
// other scales every volume is multiplied and rounded.
//
// # Mechanisms and parameters
//
// Members joining (Group.GrowthRate): Target.NewMembers30d members join
// uniformly in the last 30 days; the others join between the group's
// creation and T-30d with a density growing as exp(GrowthRate*u), u the
// fraction of that span. GrowthRate 0 is solved so that the joining rate
// is continuous at T-30d (avs grows, en-colere, created in the winter of
// 2018 protests, slows down); tu-sais-que has a recent surge. Nobody
// leaves. The founder joins at creation.
//
// Posting volume (Group.PostElasticity, LaunchBoost, LaunchDays): before
// T-30d the expected posts a day are Posts30d/30 times
// (members(t)/members(T))^PostElasticity, times 1+LaunchBoost*exp(-age/
// LaunchDays) after creation (en-colere starts loud); their number is
// Poisson. In the last 30 days the counts are fixed (see calibration).
// On Twitter, Group.QuestionsPerMonth question tweets a month (Poisson).
//
// Rhythm (Params.AideRhythm, GPRhythm; Rhythm.Table): every time is drawn
// from an hour x weekday weight table in Paris time. Aides: early morning
// before the rounds (6-8h), midday break (12-14h), evenings (19-23h),
// heavier weekends, spread-out weekend days. GPs: lunch break (12-14h),
// after consultations (19-21h), late evening; weekdays heavier. Answer
// delays are lognormal (Params.DelayMedian, DelaySigma: minutes to days);
// a delay landing in a quiet hour is redrawn with probability
// NightRejection*(1-weight/max weight).
//
// Unequal activity (Params.PropensitySigma, AdminPostBoost,
// AdminAnswerBoost): each member has a lognormal propensity to post and to
// answer; authors are drawn among the members who had joined, weighted by
// it, so a few write most and most never write. Admins and moderators
// (Group.Admins, Moderators, among the first members; the founder is an
// admin) post and, even more, answer more: they are more central.
//
// Multi-group members (Params.SharedMembers, SharedBoost): a share of each
// aides' group's members come from a shared pool, so the same person (same
// display name and Facebook id) is active in several groups, more than
// average.
//
// Planted sub-groups (Params.SubGroups; DefaultParams plants them, nil
// plants none): the members of
// one community each belong to a sub-group (DefaultSubGroups: the avs
// group split by four regions), and with probability 1-Mixing an
// answerer is drawn among the members of the thread starter's sub-group
// rather than among all: a community structure the network null models
// (package network/null) must find, where the other communities have
// none beyond chance. The truth then lists each member's sub-group
// (raw/truth/subgroups.csv, by author key).
//
// Threads (Group.Threads): each thread start has a theme (Threads.Themes:
// conditions = working and employment conditions, practice = work
// practices and contents, future = reforms, recognition, protest, support
// = support and venting, other). en-colere leans to future and conditions;
// the GPs to practice. Aides ask questions in conditions and practice
// threads (overall share Threads.QuestionShare), of type rights or
// organisation (conditions, RightsShare) and care or organisation
// (practice, CareShare). Every GP thread is a #DocTocToc question whose
// type follows the 2013 study (Threads.QuestionTypes: therapeutic 31.7%,
// diagnostic 30.3%, administrative 19%, bibliographic 9.5%, poll 9.5%).
//
// Answers (Threads.Status, CiteShare, CiteKinds, AnswersMean,
// NestedShare): a question draws a target status; answers are then
// planned to reach it: none (unanswered; the asker sometimes bumps it),
// a citing answer (CiteShare of consensual threads; source kinds law,
// employer, guidelines, insurance) or advice and an agreement from two
// distinct answerers (consensual), advice contradicted by a disagreement,
// or a single uncited answer (non-consensual); plus a geometric number of
// further answers (mean AnswersMean) consistent with the status, and often
// the asker's thanks. NestedShare of answers reply to an earlier answer
// (Facebook keeps two levels: replies attach to the top comment). Answers
// after T are not observed and are dropped; the truth status is then
// recomputed by Status from the answers kept, by the 2013 rule. For the
// GPs the target is the 2013 study's shares renormalised (55.6, 33.3 and
// 8 sum to 96.9: 57.4% consensual, 34.4% non-consensual, 8.3%
// unanswered, so about 92% answered before the cut at T, about 91% after).
// Posts that ask nothing draw a geometric number of comments
// (Threads.CommentsMean). On Twitter, questions are also retweeted and
// quoted (Group.RetweetShare, QuoteShare: Poisson means per question);
// with the questions they make about 400 hashtag tweets a month.
//
// Recurring questions (Threads.DuplicateShare): a share of questions
// re-word one of the 400 latest questions of the same type in the same
// community: same topic, new wording and noise; the truth's duplicate_of
// names the earlier question.
//
// Text: each profession has a grammar of templates and vocabularies
// (greetings, situations, rights, care, protest, drugs, symptoms, codes
// and sources...) expanded at random with numbers, then a context clause
// and a lead word lengthen short messages, and each author's style
// (Params.Noise) adds abbreviations (qqun, ds, pb, bcp, tjs, rdv, ttt,
// PDS, cc...), missing accents, typos, lower-case starts, emoji fitting
// the message's mood and line breaks. GP questions always carry
// #DocTocToc, sometimes #MG, #pédiatrie...; replies start with the
// @handle answered. Names are common French first names with surnames
// generated from syllables, drawn by a bijection so that no two persons
// share one; Twitter handles are built from them. The two GP profiles of
// the presentation are fictional accounts (DocDesPres_53, PlumeEtStetho)
// that also tweet.
//
// # Output
//
// Generate writes, under Options.Out (see Families for --formats):
//
//	raw/tu-sais-que/facepager_feed_<gid>.csv[.gz]    Facepager, ';'-separated, levels 0-3
//	raw/avs/netvizz_group_<gid>_posts.tsv[.gz]       Netvizz posts
//	raw/avs/netvizz_group_<gid>_comments.tsv[.gz]    Netvizz comments (position k_0, replies k_1...)
//	raw/avs/crowdtangle_90d.csv                      CrowdTangle, posts of the last 90 days (overlap)
//	raw/en-colere/4cat_en-colere.csv[.gz]            generic 4CAT CSV, posts and comments
//	raw/en-colere/zeeschuimer_facebook_14d.ndjson    Zeeschuimer capture of the last 14 days (overlap)
//	raw/doctoctoc/twarc2-search-doctoctoc.jsonl.gz   twarc2 pages: questions, retweets, quotes
//	raw/doctoctoc/twarc2-conversations.jsonl.gz      twarc2 pages: replies
//	raw/observations/panels.csv, profiles.csv        panels read off the pages, profile headers
//	raw/truth/params.json, messages.csv.gz           parameters and the truth of every message
//	raw/truth/subgroups.csv                          planted sub-groups (only with Params.SubGroups)
//	study.json                                       communities, roles and sources
//
// Ids: a Facebook group id, post ids and comment ids are numbers. As the
// Graph API gives them, Facepager's object_id and Netvizz's post_id are
// "<groupid>_<postid>" for posts and "<postid>_<commentid>" for comments;
// CrowdTangle's URL (.../groups/<groupid>/permalink/<postid>/), the
// Zeeschuimer post_id, the 4CAT ids and the truth carry the bare ids. The
// overlapping exports hold the same posts: loaders deduplicate on the bare
// post id (the part after the last "_"). Tweet ids are snowflakes of their
// creation time. Files larger than GzipThreshold are gzip-compressed
// without name or time, so the same seed and scale give the same bytes.
package simulate
