// Package twitter reads the raw exports of Twitter/X that researchers hold
// and registers one rawio format per export family:
//
//   - "twarc2": twarc2 JSON lines (Twitter API v2). A line is either a
//     response page (data[], includes{users, tweets, ...}, meta, __twarc),
//     a filtered-stream line (data is one tweet), or a flattened tweet
//     (twarc2 flatten: author, in_reply_to_user and referenced tweets
//     inlined). A single API response saved as one pretty-printed JSON
//     object (possibly with an errors array) is read too.
//   - "twarc-csv": the CSV that twarc-csv writes from twarc2 output.
//   - "twitter-v1": API v1.1 tweet objects, one per line (or a JSON array).
//   - "x-archive": tweets.js / tweet.js / tweets-part1.js of an X account
//     archive (window.YTD.tweets.part0 = [...]).
//   - "tweetscraper": TweetScraper JSON, one object per file or per line.
//   - "zeeschuimer-x": Zeeschuimer NDJSON items of twitter.com / x.com.
//
// Formats are recognised by content, never by file name: exports are
// renamed, compressed, or saved without extension (TweetScraper writes one
// file per tweet named by its id).
//
// # Mapping
//
// Every tweet becomes one rawio.RawMessage of platform twitter. Its kind
// follows the references the export gives: a retweet (RefID the retweeted
// tweet), a reply (ParentID the tweet answered; a reply that also quotes
// keeps the quoted tweet in RefID), a quote (RefID the quoted tweet), or a
// tweet. A reply keeps the account it answers in ReplyTo whenever the
// export names it (in_reply_to_user_id, and the handle when given), also
// beside its ParentID: when the parent tweet is missing from the data (a
// reply collected without its conversation), that account is still an
// account-level link. A reply whose parent tweet the export does not give,
// only the account answered (old @-replies, TweetScraper), is a reply with
// that account in ReplyTo and no ParentID: the parent is never guessed.
// ThreadID is the conversation id when the export has one (API v2,
// twarc-csv, Zeeschuimer); API v1.1, X archives and TweetScraper have none.
// Created is in UTC, Reactions is the like (favorite) count, Shares the
// retweet count; for a retweet, text and counts are kept as the export
// gives them (API v2 and v1.1 give the retweeted tweet's counts). Hashtags
// are kept as written, without '#', one per occurrence; Mentions are the
// accounts the export's entities list (id and handle); Links are the
// expanded URLs when the export has them. Line is the line where the
// record starts, or 1 for a file holding a single object.
//
// # Records and rejects
//
// Every raw record ends in exactly one call to the sink. What counts as a
// record, format by format:
//
//   - twarc2: each tweet of data[] is a record; tweets of a page share the
//     page's line, and their rejects name the tweet as data[i] in the
//     field. Tweets in includes.tweets are the context of the collected
//     tweets (the tweets they answer, quote or retweet), not messages
//     collected from the community: they are not emitted. Entries of an
//     API errors array are not records either (they report tweets the API
//     could not give); a line holding only errors or meta emits nothing.
//     A line that is not valid JSON is one rejected record naming the
//     line, since the number of tweets it held cannot be known.
//   - twarc-csv: each CSV record after the header (see below for a
//     damaged one).
//   - twitter-v1, zeeschuimer-x: each line (or array element).
//   - x-archive: each element of the array; each names its own line.
//   - tweetscraper: each object.
//
// Blank lines are not records. A record without id or creation time, with
// an unreadable time or count, or with a field of the wrong JSON type, is
// rejected with a *rawio.ParseError naming file, line, field and reason;
// reasons never quote names or handles (bad values are masked by
// rawio.Quote). A time before Twitter existed (21 March 2006), such as a
// year 0000 or 0001, is rejected by the reader with rawio.CheckTime's
// reason (implausible time), naming the export's time field. Ids are
// passed as the export writes them, never mended; every message names
// the export's id and time fields (RawMessage.IDField, CreatedField: "id"
// and "created_at" in twarc2, "data[3].id" for the fourth tweet of a
// page, "id_str" in API v1.1, "tweet.id_str" in X archives, "ID" and
// "datetime" in TweetScraper, "data.rest_id" and "data.legacy.created_at"
// in Zeeschuimer, the column names in twarc-csv), so that load's
// rejections of bad ids (letters, a line break) and implausible times
// name them. twarc-csv ids are checked by the reader: digits, with only
// spaces and tabs around them trimmed.
//
// # Decoding twarc2
//
// twarc2 records are read by a scanner written for their shape (pages,
// stream lines, flattened tweets), which reads each line once and keeps
// only the fields the reader maps, about four times as fast per CPU
// second as the general decoder. It gives exactly what encoding/json
// gives, or declines and leaves the record to the general decoder: on
// invalid JSON, a value of another type, a repeated key or one matching
// a field only without regard to case, a kept string that is not UTF-8
// or holds a lone escaped surrogate, a null array element. Rejections
// are therefore those of encoding/json, with its positions.
//
// # Limits and resynchronisation
//
// Readers stay within the file's rawio.Limits, whatever it holds, and
// memory stays within them:
//
//   - JSON lines: a line longer than Limits.LineBytes is one rejected
//     record naming the limit (whatever it holds, blank or not), and
//     reading goes on with the next line. A record nested deeper than
//     Limits.Depth is rejected before it is decoded (the decoder is
//     recursive; twarc2's scanner, below, measures the depth as it reads
//     and follows at most 256 levels, and a record past the limit gets
//     the same rejection). The JSON held in twarc-csv fields (entities,
//     referenced_tweets) is checked the same way.
//   - JSON documents (a top-level array, a pretty-printed response, an X
//     archive's array): a value longer than Limits.LineBytes or nested
//     deeper than Limits.Depth is followed to its end without being kept,
//     rejected naming its first line and the limit, and reading goes on
//     with the next value. A string, array or object still open at the
//     end of the file took the rest of it, which cannot be split into
//     values: it is one rejection naming its first and last lines and how
//     many lines it held. A single-object document (a saved API response)
//     longer than Limits.LineBytes is therefore one rejected record.
//   - twarc-csv (RFC 4180, as Python's csv module and spreadsheets write
//     it) is read with package load/internal/csvread, the reader of the
//     Facebook CSV formats, and its rule: a line longer than
//     Limits.LineBytes is one rejected record; a record on one line is
//     rejected alone when it is malformed (a bare quote in an unquoted
//     field, a closing quote not followed by the separator), holds a
//     field longer than Limits.FieldBytes, or has another field count
//     than the header (more fields are read when the extra ones are
//     empty, as spreadsheets add separators). A record whose quoted field
//     runs over several lines is rejected as one record naming its first
//     line and the column of its open quote, and reading resumes at its
//     second line, when its quote is still open after Limits.RecordLines
//     lines or its open field passes Limits.FieldBytes (or the record
//     passes Limits.LineBytes, or runs into a line longer than it, or the
//     file ends with the quote open), when, once closed, it is malformed
//     or has another field count than the header's, or — a rule
//     twarc-csv turns on (csvread's SetSplitOnRecords) and the Facebook
//     formats do not — when one of its later lines reads alone as a
//     whole record of the header's field count (the quote swallowed
//     whole records: a stray quote, even one closed hundreds of lines
//     later with the header's field count). The rule suits twarc-csv and
//     not the Facebook formats: twarc-csv writes 81 columns by default,
//     so a genuine line would need 80 separators and no quote, within a
//     tweet of 280 characters or a profile description of 160; and its
//     current versions write the line breaks of every field as \n, so a
//     genuine record spans several lines only in files of older versions
//     or edited by hand. (A file of a few columns chosen with
//     --output-columns, written by an older version, could lose a
//     genuine tweet this way, to a few counted rejections.) So a stray
//     quote costs the record holding it, never the rows after it. No
//     line is parsed more than twice; what cannot be resynchronised is
//     one rejection naming its first and last lines and how many lines
//     it held.
//
// A decompressed size or ratio past the limits is a file-level error
// (the *rawio.LimitError of the file's reader): the records read until
// then are kept.
//
// # X archives
//
// An archive's data folder holds, beside the files of tweets, account.js
// (its owner), manifest.js (window.__THAR_CONFIG, the list of its files)
// and some eighty other window.YTD files: like.js, follower.js,
// following.js, direct-messages.js, tweet-headers.js (ids and times of
// the tweets of tweets.js), note-tweet.js (the long texts of tweets of
// tweets.js, without their tweet ids), deleted-tweets.js (tweets the
// owner deleted), twitter-circle-tweet.js (tweets shown to a chosen
// circle only), profile.js, ad and device files... The x-archive sniffer
// claims only the files of the owner's tweets, whose data set is tweets
// (tweets.js, tweets-part1.js, ...), tweet (tweet.js of archives before
// 2022, tweet-part1.js, ...) or community_tweet (community-tweet.js,
// tweets posted in X Communities), and scores 0 on every other file, so
// that a loader given the folder reads the tweets and lists the other
// files as skipped. Deleted and circle tweets are left out on purpose:
// their owner withdrew them or restricted their audience; a study that
// has a reason to read them can force the x-archive format on them.
//
// # Decisions where the exports are silent
//
// X archives do not name their owner in tweets.js. The reader takes the
// owner (accountId, username, accountDisplayName) from an account.js in the
// same folder when there is one; otherwise every tweet's author is
// rawio.Person{ID: ArchiveOwnerID}, so that archives of different owners
// read without their account.js cannot be told apart: keep account.js
// next to tweets.js. An account.js that is present but unreadable makes
// Read fail rather than attribute the tweets to nobody. Archives mark
// retweets only by their "RT @" text prefix, which makes them retweets
// without RefID.
//
// TweetScraper's datetime is a wall-clock time without zone, written in
// the time zone of the machine that ran the scraper (Python's
// datetime.fromtimestamp). It is read as UTC unless the data say otherwise:
// a tweet id since November 2010 is a snowflake that encodes the creation
// instant, and when the datetime equals that instant shifted by a whole
// number of quarter hours, the shift is the scraper's offset from UTC and
// is removed (the #DocTocToc scrape was written in Paris time). A reply
// keeps the account answered, from the leading "@name" (or "@ name") of
// its text, in ReplyTo. TweetScraper reads the id, author, text and time of
// the tweet card it sees; on a card shown because someone retweeted it,
// these are the retweeted tweet's, and the retweeter is not recorded. Such
// a record is therefore loaded as the original tweet (kind tweet or
// reply), not as a retweet, which would credit its author with a retweet
// they did not make. Hashtags and mentions come from the text, since
// TweetScraper keeps no entities (it glues "#" and "@" to the word before).
//
// twarc-csv escapes line breaks in texts as the two characters `\n`; they
// are turned back into line breaks. A text written JSON-encoded (the
// --json-encode-text option, and older versions) is decoded. Counts
// written as floats by pandas ("3.0") or in a locale ("1 040") are read;
// ids must be plain digits, since a spreadsheet that rewrote them
// ("1.17E+18") has lost them. Entity columns hold JSON lists of strings
// ("#tag", "@name", URLs) or, in older versions, of entity objects.
//
// Long tweets keep their whole text: note_tweet.text (API v2, GraphQL)
// and extended_tweet.full_text (API v1.1) replace the truncated text, with
// their entities when given.
//
// Zeeschuimer: items whose source_platform is twitter.com, x.com or
// twitter-comments (Zeeschuimer's module for reply threads) are read; an
// item of another platform is rejected with ErrNotTwitter: it is a record
// of the file, but not one this format reads. Tweets wrapped as
// TweetWithVisibilityResults are unwrapped; the author's screen name and
// name are read from user_results.result.legacy or, in X's 2025 layout,
// .core; older "adaptive" items (legacy plus a v1.1 user) are read too.
// Since zeeschuimer-facebook claims any head showing a facebook.com item,
// this format scores just above it when the first item is X's, so that
// the first item decides for a file mixing platforms.
//
// twarc-csv files re-saved by a spreadsheet are read whatever their
// separator (',', ';' or tab, taken from the header line); created_at may
// also be written "2006-01-02 15:04:05+00:00" (pandas) or without zone
// (read as UTC).
package twitter
