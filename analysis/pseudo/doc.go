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
//     id; else "tw:n:" + the normalised display name. A display name
//     written as a handle ("@account": '@' then letters, digits and '_',
//     as hand-made CSVs put in their author column) is that handle, so
//     that one person keeps one pseudonym across every format of a study.
//     The trade-off: an account that changed its handle during the
//     collection becomes two pseudonyms, and an export with ids only (no
//     handle) gives pseudonyms that do not meet those of an export with
//     handles.
//   - Facebook: "fb:n:" + the display name normalised (Unicode NFC,
//     case-folded, runs of spaces collapsed to one, trimmed), since the name
//     is the only identity every Facebook export shares (Netvizz hashes ids
//     per export, CrowdTangle and Zeeschuimer give names and page urls);
//     "fb:id:" + id only when no name is given (Netvizz hashes), else
//     "fb:h:" + the lower-cased vanity name. The trade-off: homonyms (two
//     members both called "Marie Martin") merge into one pseudonym, and a
//     member who renames herself becomes two.
//   - Mastodon: "mastodon:h:" + the lower-cased acct with its instance,
//     "user@instance" (a reader gives the full acct, also for accounts
//     local to the instance it queried, whose API acct has no instance),
//     so that "@user@instance.social" in a text meets the account; else
//     "mastodon:id:" + the id, which is only an instance's own number.
//   - Bluesky: "bluesky:id:" + the DID ("did:plc:…", "did:web:…"), which
//     every export gives (Jetstream events give nothing else) and which
//     survives a change of handle; else "bluesky:h:" + the lower-cased
//     full domain handle ("alice.bsky.social", "jean-dupont.fr"). A
//     handle met with its DID is known by it: a mention or a handle met
//     alone gets the DID's pseudonym from then on (also when it was met
//     alone before, so texts, scrubbed once the whole load is read, name
//     the author's pseudonym; a structured mention converted before the
//     pair was met keeps the handle's). DIDs in texts and at:// URIs
//     always get the DID's pseudonym.
//   - Telegram: "telegram:id:" + the account id, a Telegram Desktop
//     from_id written as the API writes it ("user123456789" is
//     "123456789"; "channel…" ids stay as they are); else "telegram:h:" +
//     the lower-cased @username, known by the id once met with it, as on
//     Bluesky. Telegram Desktop exports give no usernames, so a text's
//     "@username" meets its author only when another export paired them.
//   - WhatsApp: "whatsapp:tel:" + a phone number (in the person's name,
//     handle or id, written in any form PhoneNumber reads: "+33 6 12 34 56
//     78", "+33612345678" and the "@33612345678" of a mention meet), else
//     "whatsapp:n:" + the display name normalised as on Facebook: the
//     phone shows a contact's name, or the number when not a contact. The
//     trade-offs of Facebook hold (homonyms merge), and the same member
//     shown by name on one phone and by number on another becomes two.
//   - Reddit: "reddit:h:" + the lower-cased user name (Reddit ignores
//     case); "[deleted]" and "[removed]" name nobody.
//   - Discourse: "discourse:h:" + the lower-cased username, as @mentions
//     write it; else the id.
//   - Any other platform: as Twitter, with the platform's name as prefix.
//
// # Texts
//
// Texts name people in two ways, and two tools scrub them.
//
// Pseudonymizer.Text replaces what is recognisable by its shape alone, on
// any text (the forms of one platform are found in the texts of all, so
// that a Twitter user pointing to her Mastodon account is scrubbed too):
//
//   - @handles: an '@', a full-width '＠' or a URL-encoded "%40" (also
//     "%2540") not preceded by a letter, digit, mark or '_', followed by
//     letters, digits and '_' that no other letter follows ("@Zéphirine"
//     is no mention, as Twitter itself decides). The whole run is
//     replaced, even beyond Twitter's 15 characters, so that no part of it
//     leaks; the output writes '@' and the pseudonym.
//   - profile addresses: the account part of twitter.com/…, x.com/… (also
//     the old twitter.com/#!/…), facebook.com/…, fb.com/…, fb.me/… and
//     m.me/… (facebook.com/vanity.name, profile.php?id=1,
//     people/Name/1, groups/1/user/2, and the id= parameter of
//     permalink.php and story.php), under any sub-domain (www., mobile.,
//     m.) and with their slashes and '?', '=', '&' written as such, as
//     "%2F", "%252F", "%3F", "%3D", "%26" or JSON's "\/". Paths that are
//     not accounts (twitter.com/i/…, /search, /hashtag, facebook.com/
//     groups/…, /events…) are left alone.
//   - the values of the URL parameters screen_name=, screenname=,
//     username=, user_name=, user= (handles) and user_id=, userid= (ids,
//     digits only), '=' also written "%3D".
//   - fediverse accounts, on any platform: an at-sign, a user name
//     (letters, digits, '_'), an at-sign and a domain, as
//     "@user@instance.social": replaced whole by '@' and the pseudonym of
//     the Mastodon acct, the instance included (neither "@instance" nor
//     an e-mail is left). Mastodon profile addresses of any instance
//     ("https://instance.tld/@user", "…/@user@other.tld",
//     "…/users/user/statuses/…"): the account part; the instance stays in
//     addresses (it names a server, but a single-user instance named
//     after its owner is left there).
//   - Bluesky domain handles after an at-sign, labels of letters, digits
//     and inner hyphens joined by dots ("@alice.bsky.social",
//     "@jean-dupont.fr"): whole, on Bluesky; in other platforms' texts,
//     where '.' and '-' end a handle, only a known handle, one ending in
//     ".bsky.social" or in a common last label (.fr, .com, .social…:
//     "@alice.Merci" stays a mention of @alice). Addresses
//     bsky.app/profile/HANDLE-or-DID. DIDs anywhere, also in at:// URIs:
//     "did:plc:" and 24 base32 characters, "did:web:" and a domain, not
//     glued to a word: the pseudonym of the DID (the account's, see
//     Canonical identity).
//   - on Mastodon, where a status writes "@user" even for a remote
//     account, Names.Text gives a known acct's pseudonym to "@user" and
//     to its user name written bare (see Names); on Discourse, whose user
//     names hold inner '.' and '-', "@jean.dupont" goes whole.
//   - Reddit: "u/name" and "/u/name" (3 to 20 letters, digits, '_', '-';
//     not after a word, and not a unit as in "10 u/min") and
//     reddit.com/user/name under any sub-domain (www., old., np.). In a
//     Discourse text, "/u/name" is the forum's profile path and gets the
//     Discourse user's pseudonym.
//   - Telegram: t.me/username, telegram.me/username and t.me/s/username
//     (users, public groups and channels share these names: all are
//     pseudonymised); the hashes of invitation links t.me/joinchat/HASH
//     and t.me/+HASH become InviteToken ("<invite>"): they name a group,
//     not a person, but let anyone who reads them join the group and see
//     its members.
//   - phone numbers become PhoneToken ("<phone>"): French national
//     numbers, '0' then 1-9 and four pairs of digits, with one separator
//     throughout (space, '.', '-', no-break space) or none ("06 12 34 56
//     78", "06.12.34.56.78", "0612345678"); international numbers after
//     '+' or "00", 8 to 15 digits in groups separated by one separator,
//     with parentheses ("+33 6 12 34 56 78", "+33 (0)6 12 34 56 78",
//     "0033 6…", "+1 (555) 123-4567", "+44 7700 900123"); exactly nine
//     digits after +33. A number glued to a letter, a digit or one of
//     ". , - / + >", or followed by '+', '%', '€', '$' or '£', is not one: dates
//     ("26/09/2019", "2019-09-26", "06.12.2019"), times, years, amounts
//     ("1 200 €", "+10 000 000 €"), postcodes and ordinary numbers stay.
//     On the 70,461 messages of the synthetic sample (data/), 47,227 with
//     digits, none became "<phone>"; on the raw lines of the real samples
//     of ../shared/fixtures (JSON with ids and times), the only two found
//     were phone numbers.
//   - e-mail addresses: a local part (letters, digits, '.', '_', '%', '+',
//     '-'; at most 64 bytes), an at-sign ('@', '＠', "%40") and a domain of
//     at least two labels whose last one has two letters or more. The
//     whole address becomes EmailToken ("<email>"): its local part is often
//     a name or a handle, its domain sometimes a family name, and the
//     token keeps that an address was there.
//
// Names (compiled by NamesFor from the display names a caller knows, with
// the handles known at that time) replaces what only knowledge can find:
// the names in every form NamesFor lists (as written, without accents, in
// capitals, over line breaks, surname first, with initials, run together,
// without a title), and every known handle of MinBareHandle characters or
// more written without '@' — as a bare word, a hashtag, an e-mail's local
// part, after '/' or '=' — or as "@ handle" with one space, as some
// scrapers write replies. Handles with inner '.' or '-' (Facebook vanity
// names, Bluesky domain handles "jean-dupont.fr") are found whole; a
// Mastodon acct is found by its user name (the "zquill" of
// "zquill@piaille.fr"), which wins over the same user name met alone. A known handle is one Person, Handle or Meet met
// on any platform; on Facebook, where "@Marie" is a person's display name,
// a mention becomes a known handle only when it holds a digit, '_' or '.'.
// Names.Text does Names' work and Text's in one pass (names first, so that
// "@Marie Dupont" goes whole); package load calls it on every text once
// the whole load is read.
//
// Before any matching, invisible characters are removed when they stand
// inside a word (both neighbours are neither spaces nor symbols): the
// format characters of Unicode (zero-width space, non-joiner and joiner,
// word joiner, byte-order mark, soft hyphen, direction marks), variation
// selectors, the combining grapheme joiner, Hangul and Khmer fillers and
// the blank Braille pattern. Elsewhere they are kept: the zero-width
// joiner of an emoji sequence (👩‍⚕️) follows a symbol.
//
// Words and phrases declared Public (package load declares the ids and
// names of a study's communities) are never replaced in their bare forms:
// the account @DocTocToc is pseudonymised, the hashtag #DocTocToc stays.
//
// All of this is idempotent (pseudonyms, EmailToken, PhoneToken and
// InviteToken already in a text are left alone) and linear in the length
// of the text.
//
// # What cannot be covered
//
// Scrubbing finds the identities it knows or recognises, not every way a
// person can be designated. It does not find: a first name alone
// ("merci Zéphyrine"), a surname alone ("Quillbottom a raison"), a
// nickname or diminutive ("Zeph", "ZQ"), a misspelt name ("Zéphirine
// Quilbotom"), a name split inside a word ("Quill-\nbottom"), a surname
// first without comma nor capitals ("Quillbottom Zéphyrine"), an initial
// without its period ("Z Quillbottom"), the display name of someone the
// exports never list (neither author, mentioned, replied to nor staff),
// single-word display names on platforms other than Facebook and
// WhatsApp, handles shorter than MinBareHandle written without '@', a
// handle glued to a longer word ("zquill_canary_fan"), accounts of other
// platforms (instagram.com/…, tiktok.com/@…), a Mastodon "@user" alone
// when no acct of that user name was met (it gets the pseudonym of
// "user", which does not meet the account's), a Bluesky custom-domain
// handle never met as an
// account written without '@' ("jean-dupont.fr" as a bare word is taken
// for a web site), phone numbers written otherwise than above (national
// numbers of other countries without '+', "06 12 34 5678", numbers read
// out in words, or spread over two lines), postal addresses, and anything
// inside an image, a video or a linked page. A phone-shaped amount
// without its currency ("+20 000 000 de vues") becomes "<phone>". Nor can it tell a person from a public figure:
// once @BorisJohnson is met, #BorisJohnson is pseudonymised too. This is
// why the corpus is shared as a study of aggregates and never as a text
// dump, and why package privacy checks the outputs independently.
package pseudo
