// Package bluesky reads Bluesky exports into raw messages, as four formats
// detected from content:
//
//   - "bluesky-api": views of the atproto API (app.bsky.feed.*), as the
//     atproto SDKs or a plain HTTP client save them (twitwi's test
//     samples are such files) — a PostView (uri, author, record, likeCount...),
//     a FeedViewPost (post, reply, reason), a getPostThread response
//     (thread: post, parent, replies, recursively), a page of
//     searchPosts or getPosts ({posts: [...], cursor}) or of
//     getAuthorFeed, getTimeline or getFeed ({feed: [...], cursor}); a
//     file holds one such document, a JSON array of them, or one per
//     line (JSON lines).
//   - "bluesky-jetstream": events of Jetstream, the JSON relay of the
//     firehose ({did, time_us, kind, commit: {operation, collection,
//     rkey, record}}), one per line as the stream sends them or saved in
//     a JSON array. The firehose itself (com.atproto.sync.subscribeRepos)
//     is CBOR and is not read.
//   - "bluesky-csv": the post CSV of médialab's twitwi, which `minet
//     bluesky search-posts` and `get-user-posts` write (cid, did, uri,
//     url, timestamp_utc, user_did, user_handle, text, original_text,
//     ...; list columns joined by '|'). Its "did" column is the post's
//     record key, not an account. The text read is original_text when
//     the file has it (text appends the quoted post and media links);
//     times are timestamp_utc (Unix seconds: local_time is the
//     collector's zone); to_post_uri and to_root_post_uri (or, in older
//     files, the DID and record key columns to_user_did and to_post_did)
//     are the links; a row with repost_by_user_did is the post and its
//     repost, as a feed item with a repost reason.
//   - "4cat-bluesky": the NDJSON of 4CAT's Bluesky search, one PostView
//     per line as the Python atproto SDK dumps it (snake case:
//     like_count, indexed_at, display_name, record.created_at, py_type
//     for $type), with 4CAT's 4CAT_metadata (query, rank, the mentions'
//     handles), read as "bluesky-api" reads a PostView (the lexicon's
//     names are read too). Its fixture is built from the fields 4CAT's
//     datasources/bsky/search_bsky.py reads, not from a real export.
//
// # Records
//
// Every record ends in one sink call. A PostView is one message; a
// FeedViewPost is its post, and, when a repost brought the post into the
// feed (reason #reasonRepost), a second message: the repost, of kind
// Retweet, by the reposter, at the reason's indexedAt, referring to the
// post (RefID). A feed item's reply.parent and reply.root are context
// that the post's own record.reply links to: they are not read as
// messages (as twarc2's includes are not). A thread is every post of its
// tree; its placeholders for deleted or hidden posts (#notFoundPost,
// #blockedPost) are service records "not-found-post" and
// "blocked-post". A page of N posts is N records; an empty page, none.
//
// In Jetstream, a post created is a message, a repost created a message
// of kind Retweet (RefID the post reposted). Every other event is a record
// read that is no message, counted in the load report by kind
// (rawio.EmitService): "like", "follow", "block", "profile" and the like
// for other records created (the last word of an app.bsky or chat.bsky
// record type, "other" for other lexicons), "update" and "delete" for
// commits that update or delete a record, "identity" and "account" for
// those events. Likes are not added to their posts' Reactions: a stream
// gives a like after its post was read.
//
// # Ids and links
//
// A message's id is derived from the at:// URI of its record
// (at://DID/app.bsky.feed.post/RKEY), never its DID or handle: the record
// key and the first 16 hexadecimal digits of the SHA-256 of the URI, as
// "3lkizm6uvhc2b.5c1f0a9e2b7d4c38" (see MessageID; a record key that is
// not a TID gives "h." and the digits only). A Jetstream event's URI is
// built from its did, collection and rkey, so a post has the same id in
// both formats. A post's record.reply.parent is its ParentID and
// record.reply.root its ThreadID, transformed the same way, so the links
// meet whichever file holds the parent: reply links are message-level.
// A reply whose parent is not in the data keeps its ParentID (an answer to
// a message the data do not hold). A post embedding another post
// (app.bsky.embed.record, or recordWithMedia) is a Quote whose RefID is the
// quoted post (a reply quoting keeps kind Reply and the RefID). A repost
// without its own uri (older API answers) gets "repost." and the 16 digits
// of the SHA-256 of the reposter's DID, a space and the post's URI.
//
// # People, counts, language
//
// The author is rawio.Person{ID: DID, Handle: handle, Name: displayName};
// Jetstream gives the DID only, so its authors' pseudonyms differ from
// those of API files, which give handles (package pseudo keys accounts by
// handle first). Mentions come from the record's facets
// (app.bsky.richtext.facet#mention gives a DID; the handle is read from
// the text the facet covers, "@handle"); hashtags from #tag facets; links
// from #link facets and an external embed's uri.
//
// Reactions is likeCount; Shares is repostCount + quoteCount (the two ways
// of passing a post on). Jetstream carries no counts.
//
// Lang keeps the record's langs as the author's client declared them
// (joined by ',', e.g. "fr" or "fr,en"): a declaration, not a detection.
// minet's authors measured that only about 72 % of the posts tagged "fr"
// are in French; a study that selects by language must check it.
//
// Times are the record's createdAt (declared by the client, in UTC; RFC
// 3339 with any fraction of a second); a Jetstream record without one gets
// the relay's time_us. Load rejects times before Bluesky's first posts.
package bluesky
