// Package reddit reads the Reddit dumps researchers hold and registers the
// rawio format "reddit": Pushshift and Arctic Shift NDJSON of comments
// (RC_…) and submissions (RS_…), one JSON object per line, plain, gzip- or
// Zstandard-compressed (the .zst dumps read as they are, see
// rawio.MaxZstdWindow). Comments and submissions may share a file.
//
// # Mapping
//
// A record is a submission when it has a title, selftext or num_comments
// and no body, and a comment when it has a body, link_id or parent_id.
//
//   - Ids are Reddit's fullnames: a submission's id "1afjd7n" becomes
//     "t3_1afjd7n", a comment's "kod0bkd" becomes "t1_kod0bkd" (an id
//     already written as a fullname is kept). This is the form comments
//     name what they answer in (parent_id "t1_…"/"t3_…", link_id "t3_…"),
//     so links meet their parents whatever the dump, and a comment and a
//     submission with the same base-36 id stay two messages.
//   - Kinds: a submission is a corpus.Post (ThreadID its own id); a
//     comment whose parent_id is a t3_ (the submission) is a corpus.Comment,
//     one whose parent_id is a t1_ (another comment) a corpus.Reply. Both
//     have ParentID the parent's fullname and ThreadID the link_id: the
//     links are message-level. A parent_id written without prefix is the
//     submission when it equals the link_id's id, else a comment.
//   - Author: the username (author) as the handle and author_fullname
//     ("t2_…") as the account id, pseudonymised by load like any handle.
//     "[deleted]" and "[removed]" (and an empty or null author) are no
//     person: the message is kept with no author, so that the deleted
//     accounts of a dump are not merged into one, and counted as nobody
//     among authors (load and the inspector count only authors they know).
//   - Mentions: u/name and /u/name standing alone in the text (not inside a
//     word or another site's path), reddit.com/u/name and
//     reddit.com/user/name, for a name of 3 to 20 letters, digits, '_' or
//     '-', are listed as mentioned accounts, by handle, once each (see
//     Mentions), so that load knows those handles and scrubs them from
//     every text (a handle of 3 characters only after '@': the bare form
//     is scrubbed from 4 characters on).
//   - Text: a comment's body; a submission's title, then a blank line and
//     its selftext when it has one. Reddit writes &amp;, &lt; and &gt; for
//     &, < and > in its markdown: they are read as the characters. A body
//     "[deleted]" or "[removed]" is kept as written.
//   - Links: a link submission's url (not a self post's).
//   - Reactions: the score, Reddit's upvotes minus downvotes (fuzzed by
//     Reddit, and as of the time the dump took it): it can be negative, and
//     is kept so. Shares: none (Reddit counts no shares).
//   - Group: the subreddit's name (subreddit), else its id (subreddit_id);
//     a study's community overrides it.
//   - Created: created_utc, Unix seconds written as an integer, a float or
//     a string of either. IDField "id" and CreatedField "created_utc".
//
// # Records and rejects
//
// Each non-blank line is one record and ends in exactly one sink call: a
// message, or a rejection naming its line — a line that is not JSON, is
// longer than the line-bytes limit or nests deeper than the depth limit;
// a value of the wrong type (field named); a record that is neither a
// comment nor a submission (a "more" stub, a subreddit object); a missing
// id or created_utc; an unreadable created_utc or score. A comment without
// parent_id is kept, as a comment whose parent the data do not name (an
// orphan, never guessed from its link_id). Reading goes on at the next
// line, so a broken record costs that record only, and memory holds one
// line at a time whatever the file holds.
package reddit
