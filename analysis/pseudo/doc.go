// Package pseudo turns the identities of real people into keyed pseudonyms
// before anything reaches the corpus, and scrubs the identities left in
// message texts.
//
// # Pseudonyms
//
// A pseudonym is "u-" followed by ten lower-case base32 characters: the
// first 50 bits of HMAC-SHA256(key, canonical identity). Without the key
// nobody can tell whose pseudonym it is, not even by trying names or
// handles; with the key, the same person always gets the same pseudonym,
// across files, exports and runs. The key must therefore be kept secret and
// outside the repository (see LoadKey).
//
// Two different identities share a pseudonym with probability about
// n²/2⁵¹ for n distinct identities (the birthday bound over 50 bits):
// 4·10⁻⁶ for 100,000 accounts, 4·10⁻⁴ for a million. The study's
// communities have a few thousand members at most, so collisions can be
// ignored, but they are not impossible.
//
// # Canonical identity
//
// Each platform's exports name people differently, so the identity hashed
// is the most stable one every export of that platform shares:
//
//   - Twitter: "tw:h:" + the lower-cased handle when the export gives it,
//     since @mentions in texts only name handles and must map to the same
//     pseudonym as the account's own tweets; else "tw:id:" + the account
//     id; else "tw:n:" + the normalised display name. The trade-off: an
//     account that changed its handle during the collection becomes two
//     pseudonyms, and an export with ids only (no handle) gives pseudonyms
//     that do not meet those of an export with handles.
//   - Facebook: "fb:n:" + the display name normalised (Unicode NFC,
//     case-folded, runs of spaces collapsed to one, trimmed), since the name
//     is the only identity every Facebook export shares (Netvizz hashes ids
//     per export, CrowdTangle and Zeeschuimer give names and page urls);
//     "fb:id:" + id only when no name is given (Netvizz hashes), else
//     "fb:h:" + the lower-cased vanity name. The trade-off: homonyms (two
//     members both called "Marie Martin") merge into one pseudonym, and a
//     member who renames herself becomes two.
//   - Any other platform: as Twitter, with the platform's name as prefix.
//
// # Texts
//
// Text replaces every @handle (an '@' or a full-width '＠' not preceded by a
// letter, digit or '_', followed by letters, digits and '_') by '@' and
// the handle's pseudonym, so that e-mail addresses stay as they are. A
// run longer than Twitter's 15 characters is pseudonymised whole rather
// than cut, so that no part of it leaks. Text also pseudonymises the
// account part of profile addresses on twitter.com, x.com and
// facebook.com (twitter.com/handle/status/1, facebook.com/vanity.name,
// facebook.com/profile.php?id=1), which would otherwise name people. Text
// is idempotent: pseudonyms already in a text are left alone.
//
// Facebook texts name people without '@': TextNames and Names replace the
// names a caller knows (the community's authors, the people mentioned and
// the admins listed in the study file) as whole words, ignoring case and
// accents, the longest name first. A first name written alone is not
// replaced unless it is itself a known name: scrubbing names cannot be
// complete, which is why the corpus is shared as a study of aggregates
// and never as a text dump.
package pseudo
