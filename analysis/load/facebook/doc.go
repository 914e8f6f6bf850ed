// Package facebook reads the raw exports of Facebook groups and pages that
// the study's researchers hold, and registers one rawio.Format per export
// family. Importing the package (for its side effects) makes them known to
// rawio.Detect and rawio.Lookup:
//
//	import _ "github.com/faire-communaute/compendium/analysis/load/facebook"
//
// Every format streams its file: memory holds the record being read and,
// for the formats whose threads are rebuilt from the file (Netvizz
// comments, Facepager), a small index of the ids seen so far. Every raw
// record ends in exactly one call to the rawio.Sink: Message when it was
// read, Reject with a *rawio.ParseError naming the file, the line (or the
// record number for JSON documents), the field and the reason when it was
// not. Reasons never quote names or handles; they may quote a bad time,
// number or status.
//
// The delimited formats (Netvizz, Facepager, CrowdTangle) copy out of
// each line only the columns their reader uses, as one string of which
// the message's values are windows: a message the corpus keeps then
// keeps those bytes alive, not its whole line (a Netvizz comment line
// repeats its post's text; a CrowdTangle row has forty columns). Limits
// and field counts are checked on every column all the same.
//
// All formats fill RawMessage with Platform facebook (generic-csv may say
// twitter), Created in UTC, Line the line (or record number) where the
// record starts, and IDField and CreatedField the export's names of the
// id and time fields, so that load's rejections name them. A time read
// from a present value that no message can have (before Facebook opened
// on 4 February 2004, such as a year 0000 or 0001 or an epoch in the
// wrong unit; or more than a day after the load, such as Unix
// milliseconds read as seconds) is rejected on its field with
// rawio.CheckTime's error. A post's ThreadID is its own ID; a comment's or reply's
// ThreadID is the post's ID when the export gives or implies it, and is
// left empty otherwise so that package load rebuilds threads. Hashtags and
// mentions are not filled: Facebook exports do not list them apart from
// the text, which is kept whole.
//
// # Limits and resynchronisation
//
// Every format reads within the file's rawio.Limits (f.Limits), whatever
// the file holds: memory stays of the order of the limits, and nothing
// is lost: what a format cannot read is rejected, one rejection per raw
// record, and reading goes on at the next record boundary the format
// allows.
//
// Line formats (Zeeschuimer NDJSON, Netvizz TSV): a line longer than
// line-bytes is one rejection naming the limit; so is a Netvizz field
// longer than field-bytes, and a Zeeschuimer item nested deeper than
// depth. Reading goes on with the next line.
//
// CSV formats (CrowdTangle, Facepager, generic-csv) read records with
// package load/internal/csvread, as encoding/csv does (quoted fields may
// hold separators, quotes written "" and line breaks; LF, CRLF and,
// through rawio, CR-only line ends).
// A field longer than field-bytes, a record longer than line-bytes, or a
// malformed record (a stray quote) is rejected. A record that spans more
// than one line and is bad — its quote still open after record-lines
// lines, after field-bytes bytes of its field, after line-bytes bytes, or
// at the end of the file; a stray quote; or another field count than the
// header's — is rejected as one record at its first line, with the
// reason and the column of the quote left open there, and reading
// resumes at its second line: its raw lines, kept in a buffer of at most
// line-bytes bytes, are read again as the start of new records. So an
// unclosed quote on line 3 costs one rejection, of line 3, and the rows
// after it are read; a quote closed 500 lines later, leaving another
// field count than the header's, is one rejection too. A quote that runs
// into a line longer than line-bytes rejects its record for the quote,
// and that line for the limit. This is the rule of twarc-csv in package
// twitter, read by the same reader, without twarc-csv's extra rule
// (csvread's SetSplitOnRecords: a later line of an open record that
// reads alone as a whole record of the header's field count ends it):
// Facebook texts are long and many-lined, and these files are narrow (a
// 4CAT export has 6 columns), so a genuine line listing six items
// separated by commas would split its post. A record that closes with
// the header's field count is therefore read as written: the rule
// cannot tell it from a genuine text of many lines; record-lines bounds
// how many lines one record can take. When a
// genuine multi-line record is rejected (past a limit), its other lines
// are read again as records and are rejected too, each counted. Work
// stays linear: a line is parsed at most twice (lines inside an open
// quote hold an even number of quotes, so read again they end on their
// own line; only the last can open a new record, whose lines are read
// for the first time). A bad record some of whose lines were already
// read again is not read a third time: it is counted as one rejection
// naming its first and last lines and how many lines it held. A line
// without quotes, the common case, costs one string (of its used
// columns).
//
// DYI documents are split into records by a scanner that counts brackets
// outside strings: a record that is not valid JSON but whose brackets
// balance, or one past line-bytes or depth (skipped without being kept),
// is rejected alone and reading goes on with the next record; a document
// cut inside a record ends in one rejection of that record, the rest of
// the file being unreadable.
//
// # Formats
//
// zeeschuimer-facebook: Zeeschuimer (4CAT) NDJSON items whose
// source_platform is facebook.com. One line, one post: ID is
// data.comet_sections.content.story.post_id, Text its message.text, Author
// actors[0] (ID from .id, Name from .name, Handle the last segment of .url
// when it is a vanity name), Created the creation_time of the
// CometFeedStoryMinimizedTimestampStrategy metadata entry, Group the
// /groups/<id>/ part of that entry's url (else of wwwURL), Links the
// attachments' target url (photos as https://www.facebook.com/photo/?fbid=
// <id>, as 4CAT does). Reactions and shares are not extracted: the paths
// that hold them change with every Facebook release. Items of other
// platforms are rejected with the reason "not a Facebook item".
//
// crowdtangle: CrowdTangle CSV exports of pages and groups. Posts only and
// without author (Author is the zero Person: CrowdTangle does not say who
// posted in a group). ID is the post id read from URL (.../posts/<id>,
// .../permalink/<id> or story_fbid=<id>), else URL itself. Group is
// Facebook Id, else Group Name, else Page Name. Created is read from
// "Post Created" (e.g. "2019-05-15 18:02:11 CEST"), else from "Post
// Created Date" and "Post Created Time". The time zone is the suffix:
// CrowdTangle writes the exporting account's zone abbreviation, so any
// can appear. A numeric offset (+0200, -05:00, UTC+2, or the tz
// database's "-03") is read as such; an abbreviation with the table of
// every alphabetic abbreviation the tz database used since 2004
// (zones_table.go, generated by internal/zonegen from the tzdata of the
// Go toolchain and from tzdata 2016j, the last release with the
// abbreviations the tz project had invented and replaced by numeric ones
// in 2017, such as BRT, ART or GST), at the post's date: MSK is UTC+04:00
// in 2012 and UTC+03:00 in 2019. An abbreviation that stood for several
// offsets at that date (CST: the Americas, Cuba or China; IST: Ireland,
// Israel or India; PST, AST, BST...) is one file-level error naming them
// and asking for the "timezone" option; with it, the option's offset at
// that date is taken when it is one of them (else the post is rejected).
// An unknown abbreviation rejects the post. A time without zone takes the
// "timezone" option (an IANA name, an abbreviation of one offset, or an
// offset) and is rejected when there is none. Reactions is the sum of Likes, Love,
// Wow, Haha, Sad, Angry and Care; Shares is Shares; Links is Link. Counts
// may carry locale thousands separators (rawio.ParseCount); an empty count
// is 0.
//
// netvizz-posts and netvizz-comments: Netvizz tab-separated files
// (Netvizz never quotes: it replaced tabs and newlines in texts). In the
// posts file ID is post_id, Created post_published (else
// post_published_unix, else post_published_sql read as UTC, which Netvizz
// did not guarantee), Reactions the first filled of reactions_count_fb,
// likes_count_fb and likes, Shares shares_count_fb, Links link, Group the
// page or group id before the "_" of post_id. Netvizz replaced quotes and commas in post texts by
// "_": texts are kept as Netvizz wrote them. The author column "by" is
// read as follows: "post_page_<id>" is the page itself
// (Person{ID: id}); "post_user_<id>" is an unnamed user (zero Person);
// a string of hexadecimal digits (a Netvizz hash, or a numeric id) is
// Person{ID: by}; anything else is a display name, Person{Name: by}. In
// the comments file a row is a comment of post_id, or a reply when is_reply
// is 1 or true; comment_by is read like "by". A reply's parent is found
// through position: "3_1" is the first reply to the comment at position
// "3_0" (or "3") of the same post. Replies that come before their comment
// wait for it until the post changes; a reply whose comment never comes, or
// a reply in a file without position, is rejected on field "position".
//
// facepager: Facepager CSV exports (";"-separated, or "," or tab when the
// header says so). Rows form a tree through id and parent_id. A seed node
// that carries no message (the group or page the user typed in) is a group
// record: it goes to sinks that take them (rawio.GroupSink, as load's
// does, which counts it as read) and is rejected as "seed node, not a
// message" by the others; its object_id is the Group of the messages below
// it. Offcut nodes (the rest of an API response) are not messages and are
// rejected with that reason. Rows whose query_status is not "fetched (2xx)", "downloaded (2xx)"
// or "ok" are rejected. A data row with no message above it is a post, one
// under a post a comment (ParentID the post's ID), one under a comment a
// reply. ID is object_id; when a message above has the same object_id
// (Facepager sometimes stores the queried object's id on every child), ID
// is object_id + "#" + the Facepager node id. Text is message, Created
// created_time, Author from.id and from.name, Reactions the first filled of
// reactions.summary.total_count, likes.summary.total_count and like_count;
// Shares shares.count; Links link. The index of nodes kept for
// the tree is the one part of memory that grows with the file.
//
// facebook-dyi: the JSON files of Facebook's "Download Your Information"
// archive holding a member's own posts in groups (key group_posts_v2) or
// comments (group_comments_v2, comments_v2), in three layouts: an object
// holding these keys, in any order among others (group_posts_and_comments
// .json, your_comments_in_groups.json, comments.json); an array of such
// objects; or an array of the records themselves (posts/your_posts_1.json),
// a record being a comment when its data holds one and a post otherwise.
// The document is streamed record by record; the record number counts
// the records of the file, from 1.
// Every string is re-decoded from the archive's mojibake (UTF-8 bytes
// written as Latin-1 escapes) when it round-trips to valid UTF-8. The
// archive has no ids: ID is "dyi-" and 16 hexadecimal digits of a hash of
// the kind, time, group and text, so that the same archive always gives the
// same ids. The author is the archive's owner, Person{ID: "dyi-owner"} (or
// the "owner" option when set: set it when several members' archives are
// loaded), with the comment's author as Name on comments. Comments carry no
// parent: Facebook does not say which post they answer, so ParentID is
// empty. Group is the record's group_name when it has one, else the
// comment's group or, for posts, what follows "posted in" or "a publié
// dans" (else the first "in" or "dans") in the title, best effort. Created
// is timestamp (data.comment.timestamp for comments, when not 0). Links
// are the attachments' external_context urls.
//
// generic-csv: a CSV built by hand (4CAT custom import), separated by ",",
// ";" or tab as its header line shows. Required columns id, thread_id,
// author, body, timestamp; optional parent_id, kind, author_role,
// reactions, shares, platform, and the extensions author_id and group.
// Options map our names to the file's (Options["body"] = "message"); names
// match case-insensitively. A row whose id equals its thread_id, or whose
// thread_id and parent_id are empty, is a post; otherwise it answers
// parent_id when given, else thread_id: it is a comment when it answers
// the thread start (or its thread is unknown), a reply when parent_id names
// another message than thread_id (a comment). A kind column, when
// filled, must agree (post for a thread start; comment or reply for an
// answer; on Twitter tweet and reply, and retweet or quote, which refer to
// parent_id without answering it). timestamp is RFC 3339, "2006-01-02
// 15:04:05" in UTC, or Unix seconds (an integer; 99999999999999, the year
// 3170843, or milliseconds, are rejected as implausible). Author is
// Person{Name: author} (and ID
// author_id). Platform is facebook unless platform says twitter (or x).
// The sniffer scores 10 only, so that every specific format wins.
package facebook
