// Package metacl reads the CSV exports of Meta Content Library (MCL) and
// registers the rawio format "meta-content-library": public Facebook
// posts and comments, as the MCL API writes them in its Secure Research
// Environment (a data frame of the search results, expanded fields
// flattened with dots: post_owner.name, statistics.reaction_count) or as
// the MCL web interface downloads them (columns named as its Name column:
// "Creation time", "Post owner name"…). The column names are those of
// Meta's data dictionary (developers.facebook.com/docs/content-library-
// and-api/appendix/data-dictionary, tables "Facebook post" and "Facebook
// comment"); the dictionary's post_owner.data.* spellings are read too.
//
// # Mapping
//
// A file is a posts file or a comments file, told by its header: a
// comments file has post_id (or "Post ID"). Every record after the header
// is one message of platform facebook:
//
//   - a post: corpus.Post, ID its Meta Content Library id, ThreadID the
//     same; author the post owner (post_owner.id, .name, .username); Group
//     the surface it was posted to (surface.name, else surface.id, else
//     the owner's name): the Page, group or event.
//   - a comment: corpus.Comment answering post_id, or, with a
//     parent_comment_id (parent_id in some exports), a corpus.Reply
//     answering that comment; ThreadID the post_id (a comment whose
//     post_id is empty is kept as a comment answering nothing the data
//     hold, an orphan, never guessed); author the comment
//     owner (owner.id, .name, .username; a "private" owner has only an
//     id). Comments carry no surface: load them in the same community as
//     their posts (a study's community, as researchers do), where their
//     links meet the posts' ids: message-level links.
//
// Ids are MCL ids, "unique IDs … that cannot be used to search on Meta
// technologies": they meet between the posts and comments of MCL but not
// the Graph API ids of other Facebook exports. Text is text (MCL excludes
// tags from it). Links: the link attachment's URL (link_attachment.link,
// link_attachment_fields.link or link_attachment.url). Reactions: the
// total reaction count (statistics.reaction_count, "Reactions"), else the
// sum of the per-reaction counts (like, love, wow, haha, sad, angry,
// care); Shares: statistics.share_count. The comment count and views are
// read and checked but not kept: the corpus has no field for them.
//
// Created: creation_time in RFC 3339 or ISO 8601 with a zone
// ("2024-03-14T08:02:11+0000"), or without one ("2024-03-14 08:02:11",
// read as UTC, the zone MCL gives its times in), or Unix seconds.
// IDField and CreatedField are the header's names of the id and time
// columns.
//
// # Records and rejects
//
// Records are read by the project's one CSV reader (load/internal/csvread)
// with its resynchronisation rule: a record with another field count than
// the header's, or a quote left open, is rejected at its first line and
// reading resumes at its second, so a damaged record costs itself only. A
// record without id or time, with an unreadable time or count, is rejected
// naming its column. Memory holds one record at a time.
package metacl
