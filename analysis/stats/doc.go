// Package stats gives every number of the study its interval and every
// comparison its test: Wilson intervals for a proportion, percentile and
// BCa bootstrap intervals over a unit chosen by the caller, the Gini with
// its small-sample correction, Kaplan-Meier with Greenwood variance and
// log-log bands, and the difference of two groups with a bootstrap
// interval and a permutation p-value. It has one concern, interval
// estimation and two-group comparison; it knows nothing of messages or
// communities, so an indicator family calls it with plain slices and
// chooses the unit itself.
//
// # Estimate
//
// Every function returns an Estimate: the point value (the statistic on
// the data as they are, never a bootstrap mean), the interval [Lo, Hi] at
// Level (0.95 unless told), N (the number of units resampled or counted),
// Unit (what was resampled or counted: "threads", "authors", "messages",
// "cohorts"...) and Method (MethodWilson, MethodBCa, MethodPercentile,
// MethodGreenwoodLogLog, MethodBrookmeyerCrowley). Lo and Hi are NaN when
// the interval cannot be estimated: no unit (n = 0), a statistic that is
// NaN on the data, fewer than two units for a bootstrap, or bootstrap
// replicates that are all equal (every unit alike: no sampling variation
// can be seen, so no interval is claimed, rather than a zero-width one).
// Value may be finite while Lo and Hi are NaN.
//
// # Wilson score interval
//
// For k units with a property among n independent units, p = k/n and
// z = Φ⁻¹(1 − α/2) with α = 1 − Level:
//
//	centre = (p + z²/(2n)) / (1 + z²/n)
//	half   = z / (1 + z²/n) · sqrt(p(1 − p)/n + z²/(4n²))
//	[Lo, Hi] = [centre − half, centre + half]
//
// (Wilson 1927; Newcombe 1998, method 3; Agresti & Coull 1998). It stays
// inside [0, 1] and is defined for k = 0 and k = n. Value is p. NaN when
// n = 0.
//
// # Bootstrap over units
//
// Bootstrap(n, stat, opts) resamples unit indices 0..n−1 with replacement:
// replicate r draws n indices uniformly and independently and evaluates
// stat on them, so the caller decides what a unit is (a thread, an author,
// a message, a cohort) and stat recomputes the measure from the units
// drawn, a unit drawn twice counting twice. Ratios of sums are thus
// resampled by cluster: a reply rate over threads, a share of messages
// over authors (RatioOfSums).
//
// Randomness: replicates are made in blocks of BlockSize; block b uses its
// own generator math/rand/v2 PCG seeded with (Seed, b), an index in [0, n)
// being ⌊u·n/2⁶⁴⌋ for the next 64-bit output u, so the result is
// byte-identical for a given Seed whatever the number of workers (Workers,
// default min(2, GOMAXPROCS)); only the PCG's 64-bit outputs are used, a
// sequence Go specifies (PCG-DXSM), so the replicates do not change with
// Go releases either. Seed 0 means DefaultSeed. Replicates whose
// stat is NaN (e.g. a resample where the denominator is 0) are dropped;
// B is the number kept.
//
// With θ̂ the statistic on the data and θ*₁ ≤ … ≤ θ*_B the sorted
// replicates, Q(p) is the empirical quantile θ*_(k), k = max(1, ⌈pB⌉)
// (gonum stat.Quantile with stat.Empirical), α = 1 − Level.
//
//   - Percentile: [Q(α/2), Q(1 − α/2)].
//   - BCa (Efron 1987; Efron & Tibshirani 1993, ch. 14): bias correction
//     z₀ = Φ⁻¹((#{θ* < θ̂} + #{θ* = θ̂}/2) / B), the share of replicates
//     below the estimate (ties counted half, which is the plain share when
//     no replicate equals θ̂; without it a discrete statistic such as a
//     share would be biased towards one side). Acceleration from the
//     jackknife: with θ₍ᵢ₎ the statistic without unit i and θ₍.₎ their mean,
//     a = Σ (θ₍.₎ − θ₍ᵢ₎)³ / (6 (Σ (θ₍.₎ − θ₍ᵢ₎)²)^{3/2}), a = 0 when all
//     θ₍ᵢ₎ are equal. Then α₁ = Φ(z₀ + (z₀ + z_{α/2}) / (1 − a(z₀ + z_{α/2})))
//     and α₂ likewise with z_{1−α/2}; [Lo, Hi] = [Q(α₁), Q(α₂)]. When
//     n > JackknifeGroups the jackknife deletes groups of units instead
//     (unit i in group i mod JackknifeGroups), which estimates the same a
//     (the third cumulant adds over units) at a cost of JackknifeGroups
//     evaluations. When z₀ is infinite (every replicate on one side of θ̂)
//     the interval is NaN.
//
// Reps defaults to DefaultReps; Level to 0.95; Method to MethodBCa.
//
// Bands: CurveBand resamples units as above and recomputes a whole curve
// per replicate (a Lorenz curve at fixed shares, LorenzBand; a retention
// curve over lags), the band being the pointwise percentile interval;
// point j's bounds equal those of a percentile Bootstrap of point j alone
// with the same Options.
//
// # Gini
//
// For x₍₁₎ ≤ … ≤ x₍ₙ₎ ≥ 0 with mean μ > 0, the plain Gini is
//
//	G = Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² μ) = Σₖ (2k − n − 1) x₍ₖ₎ / (n² μ)
//
// and the small-sample corrected Gini is G* = n/(n − 1) · G, which is 1
// when one unit holds everything whatever n (G is then 1 − 1/n): its
// numerator is the unbiased estimate of the mean difference (the average
// |xᵢ − xⱼ| over the n(n − 1) ordered pairs i ≠ j). The study
// reports G* (GiniEstimate), with a bootstrap interval over authors
// (the units of x), because its communities range from a few dozen to
// thousands of authors and G would compare them on a scale that depends
// on n. G is 0 for n = 1, G* is NaN for n = 1; both are NaN for n = 0 or
// μ = 0.
//
// # Kaplan-Meier
//
// Observations (time tᵢ, event or censored). At each distinct time t,
// sorted ascending: nₜ at risk = observations with time ≥ t (an
// observation censored at t is still at risk at t: events come before
// censorings at the same time), dₜ events, cₜ censored. Then
//
//	S(t)      = Πᵤ≤ₜ (1 − dᵤ/nᵤ)
//	Var S(t)  = S(t)² Σᵤ≤ₜ dᵤ / (nᵤ(nᵤ − dᵤ))        (Greenwood)
//	σ(t)      = sqrt(Σᵤ≤ₜ dᵤ / (nᵤ(nᵤ − dᵤ))) / |log S(t)|
//	[Lo, Hi]  = [S^{exp(+z σ)}, S^{exp(−z σ)}]       (log-log)
//
// the pointwise interval of log(−log S) back-transformed (Kalbfleisch &
// Prentice; Collett 2015, §2.2.3; R survival conf.type = "log-log"). It
// stays in (0, 1). Lo and Hi are NaN where S = 1 (no event yet) or S = 0.
// The median is the smallest time with S ≤ 0.5 (NaN if none); its
// interval (Brookmeyer & Crowley 1982, from the log-log band) is
// [smallest t with Lo(t) ≤ 0.5, smallest t with Hi(t) ≤ 0.5] (a step
// where S = 0 counts as a band at 0), each NaN when the band never falls
// that low (the upper limit is then beyond the follow-up). KM.Survival(t)
// gives S(t) and its band as an Estimate.
//
// # Two groups
//
// Difference compares a − b for one statistic on units of two groups,
// numbered 0..na−1 (group a) and na..na+nb−1 (group b) in one pooled
// index space, stat computing the statistic on any set of pooled indices.
// Value = stat(a) − stat(b). The interval is a bootstrap resampling within
// each group (na from a, nb from b, as above; BCa's jackknife leaves out
// one unit of either group). The p-value tests "no difference" by
// permutation: the group labels of the na + nb units are shuffled
// (Options.Perms times, Reps unless told, seeded as the bootstrap but on
// a separate stream), and
//
//	p = (1 + #{|d*| ≥ |d|}) / (1 + Perms)
//
// two-sided, with d the observed difference, d* the permuted ones (the +1
// counts the observed labelling; a permuted |d*| within 1e-12 relative of
// |d| counts as ≥). When the number of distinct splits C(na+nb, na) is at
// most Perms, every split is enumerated and p is exact: #{|d*| ≥ |d|} /
// C(na+nb, na). A difference is claimed only when the data support it:
// Comparison.Claimed reports whether the interval excludes zero.
//
// # Unit and method per indicator
//
// The unit resampled is the unit that was sampled independently, the one
// inside which observations are correlated. For the study's indicators
// (issue 12; the indicator families make the calls) this package
// prescribes:
//
//	indicator (family)                         unit       function, method
//	reply_rate (responsiveness)                threads    Wilson
//	replies_per_thread                         threads    MeanPerUnit, BCa
//	median_first_reply_min                     threads    Bootstrap, percentile
//	km_median_first_reply_min, KM curve        threads    KaplanMeier, Greenwood log-log
//	messages_per_author_mean (participation)   authors    MeanPerUnit, BCa
//	messages_per_author_median                 authors    Bootstrap, percentile
//	gini_messages_per_author                   authors    GiniEstimate (G*), BCa
//	top10_share, Lorenz band                   authors    Bootstrap / Replicates, BCa
//	lurker_share                               members    Wilson (authors of members)
//	retention_m1..m3 (retention)               cohorts    RatioOfSums (active, size), BCa
//	off_hours_share (rhythm)                   messages   Wilson; RatioOfSums over authors
//	theme_share_*, question_share (themes)     messages   Wilson; RatioOfSums over authors
//	consensual_share, unanswered_share (norms) threads    Wilson
//	a − b between professions or communities   as above   Difference, BCa + permutation
//
// Shares of messages are counted over messages (Wilson, as the issue
// asks); when a few authors write most messages, their messages are not
// independent and RatioOfSums over authors (numerator: an author's
// messages with the property, denominator: their messages) gives the
// honest, wider interval; the integration reports which it used in
// Method and Unit. Medians and other quantiles use the percentile method:
// the jackknife behind BCa's acceleration is not consistent for them.
package stats
