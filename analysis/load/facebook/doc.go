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
// All formats fill RawMessage with Platform facebook (generic-csv may say
// twitter), Created in UTC and Line the line (or record number) where the
// record starts. A post's ThreadID is its own ID; a comment's or reply's
// ThreadID is the post's ID when the export gives or implies it, and is
// left empty otherwise so that package load rebuilds threads. Hashtags and
// mentions are not filled: Facebook exports do not list them apart from
// the text, which is kept whole.
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
// Created Date" and "Post Created Time"; the time zone is the suffix (CET,
// CEST, UTC, GMT, WET, WEST, EET, EEST, BST, EST, EDT, CST, CDT, MST, MDT,
// PST, PDT, or a numeric offset such as +0200 or -05:00); a time without
// zone takes the "timezone" option (an IANA name, abbreviation or offset)
// and is rejected when there is none. Reactions is the sum of Likes, Love,
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
// comments (group_comments_v2, comments_v2). The document is streamed
// record by record; the record number is the index in the array, from 1.
// Every string is re-decoded from the archive's mojibake (UTF-8 bytes
// written as Latin-1 escapes) when it round-trips to valid UTF-8. The
// archive has no ids: ID is "dyi-" and 16 hexadecimal digits of a hash of
// the kind, time, group and text, so that the same archive always gives the
// same ids. The author is the archive's owner, Person{ID: "dyi-owner"} (or
// the "owner" option when set: set it when several members' archives are
// loaded), with the comment's author as Name on comments. Comments carry no
// parent: Facebook does not say which post they answer, so ParentID is
// empty. Group is the comment's group or, for posts, what follows "posted
// in" or "a publié dans" (else the first "in" or "dans") in the title, best
// effort. Links are the attachments' external_context urls.
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
// 15:04:05" in UTC, or Unix seconds. Author is Person{Name: author} (and ID
// author_id). Platform is facebook unless platform says twitter (or x).
// The sniffer scores 10 only, so that every specific format wins.
package facebook
