// Package mastodon reads Mastodon exports and registers two rawio formats
// of platform mastodon:
//
//   - "mastodon": API v1 Status objects as Mastodon.py or a plain HTTP
//     client save them: an array of statuses (a timeline,
//     /accounts/:id/statuses), search results ({statuses: [...]}), a
//     status's context ({ancestors: [...], descendants: [...]}), a single
//     status, or JSON lines of statuses (or of such arrays and objects).
//   - "mastodon-outbox": the outbox.json of a Mastodon account archive
//     (Settings > Import and export > Request your archive): an
//     ActivityPub OrderedCollection whose orderedItems are Create
//     activities of Note objects and Announce activities (boosts).
//
// # Records
//
// Each status of an array, of statuses, ancestors or descendants, and
// each top-level status is a record; the other members of a response
// (accounts and hashtags of search results) are not. Each element of an
// outbox's orderedItems is a record: a Create of a note or an Announce is
// a message; another activity (Delete, Update, Like…) is a service record
// of kind "activitypub-delete" and so on ("activitypub-other" for types
// not listed), counted as read but not a message; a Create whose object
// is only an address is rejected. A value holding neither statuses nor a
// collection is one rejected record; a response holding an empty array
// (a timeline page past the end, search results without statuses) holds
// no record and emits nothing.
//
// # Mapping of API statuses
//
// The message id is the status id, unique on the instance it was fetched
// from (the same remote status has another id on another instance): a
// community's statuses must come from one instance, or be read as one
// community per instance. Parent links use the same ids: in_reply_to_id
// is ParentID (kind Reply, message-level), kept whether or not the
// parent is in the data. ReplyTo is always set beside it from
// in_reply_to_account_id, so that a reply whose parent was not collected
// is still an account-level link: the author for a reply to oneself, the
// mention with that account id (clients mention the account answered),
// or else the bare account id (pseudonymised apart from the same person
// named by address). A status whose reblog is not null is a boost: kind
// Retweet by the booster, RefID the boosted status's id; the boosted
// status embedded in it is context and is not emitted (it is a message
// when the export holds it as a status of its own). A status with a
// quote (Mastodon 4.4) is a Quote with RefID the quoted status.
//
// Authors and mentions have the Handle "user@instance" always: acct as
// the API writes it for remote accounts ("user@instance"), and, for local
// accounts, whose acct is the bare "user", the user with the host of the
// account's profile URL (account.url). So an account has one handle
// whichever instance's API the export came from (unless the instance
// serves its profiles under another host than its account domain). The
// display name is Name, the account id ID.
//
// The text is the HTML content turned into text by package
// load/internal/htmltext: paragraphs separated by a blank line, line
// breaks kept, entities decoded, mention links written "@user@instance",
// hashtags "#tag", links as their URLs (listed in Links); a content
// warning (spoiler_text) comes first, followed by a blank line.
// Hashtags are tags[].name. Reactions is favourites_count, Shares
// reblogs_count. created_at is read into UTC.
//
// # Mapping of outbox activities
//
// ActivityPub ids are URLs holding the author's user name
// (https://instance/users/alice/statuses/1) and never become message ids:
// a note's id is URIID of its id ("ap-" and 16 hexadecimal digits of its
// SHA-256), a boost's that of its activity id, and a reply's inReplyTo
// (a URL) and a boost's object are turned the same way, so that links
// meet within an archive and between archives. The author is the
// address of the actor (or the note's attributedTo): "alice@instance"
// from https://instance/users/alice. A reply's ReplyTo is the address in
// its inReplyTo URL when it has one (/users/bob/statuses/…, /@bob/…), an
// account-level link when the parent is not in the data. Hashtags and
// mentions come from the note's tag (Hashtag, Mention); the text as for
// API statuses (summary, the content warning, first). An archive has no
// counts of favourites or boosts: Reactions and Shares are 0. Statuses of
// the API and notes of an archive have different ids and do not meet.
//
// # Limits and resynchronisation
//
// A file is read value by value (JSON lines line by line) with package
// load/internal/jsonvalues: a value longer than Limits.LineBytes is one
// rejected record naming its first line and the limit, and reading goes
// on with the next value (a top-level array is read element by element,
// so a timeline of any length is streamed). A response object or an
// outbox is held whole (within LineBytes) and split into its statuses or
// activities by following strings and brackets, so that a malformed one,
// or one nested deeper than Limits.Depth (checked before it is decoded),
// is rejected alone, naming its line, and the next ones are read; one
// that breaks off after its array costs one more rejection. A status of a
// streamed array longer than LineBytes costs itself; in a response object
// or an outbox, it makes the whole value longer than LineBytes, which is
// then one rejection (raise line-bytes for such a file). HTML is read by a streaming tokenizer,
// in time and memory linear in its size.
package mastodon
