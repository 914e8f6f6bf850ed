// Package load reads a study's raw exports into one typed, pseudonymised
// corpus.Corpus, and says what became of every raw record.
//
// Notebooks call
//
//	c, report, err := load.Study(load.DefaultStudy(), load.Options{})
//
// and the inspector (scripts/inspect) calls Files on loose exports.
//
// # The study file
//
// A study is described by a JSON file, data/study.json by default
// (DefaultStudy). Every field:
//
//	{
//	  "name": "sample",                 // required: the study's name (Corpus.Study)
//	  "synthetic": true,                // whether the data are synthetic (Corpus.Synthetic)
//	  "description": "...",             // free text for people; not loaded
//	  "observation_date": "2019-05-15T18:00:00+02:00",
//	                                    // RFC 3339, or YYYY-MM-DD (midnight, Paris);
//	                                    // Corpus.ObservationDate, in UTC; optional
//	  "communities": [{                 // required, at least one
//	    "id": "avs",                    // required, unique: Community.ID
//	    "name": "AVS - Auxiliaire de Vie Sociale",
//	    "platform": "facebook",         // required: "facebook" or "twitter"
//	    "profession": "home-care-aide", // "home-care-aide", "general-practitioner" or ""
//	    "visibility": "closed",         // "public", "closed", "private" or ""
//	    "created": "2015-05",           // YYYY, YYYY-MM or YYYY-MM-DD (UTC); optional
//	    "admins": ["..."],              // names (Facebook), @handles (Twitter), or "id:<account id>" for exports that hide names
//	    "moderators": ["..."],          // likewise
//	    "sources": [{                   // the community's exports
//	      "files": ["raw/avs/*.tsv.gz"],// required: globs (see below)
//	      "format": "auto",             // a format name, or "auto"/"" to detect
//	      "options": {"body": "message"},// the format's settings (rawio.File.Options)
//	      "limits": {"line-bytes": "256M", "depth": 1024}
//	                                    // rawio.Limits for these files, by name (see below)
//	    }]
//	  }],
//	  "observations": [{                // panels and profiles noted by the researcher
//	    "files": ["raw/observations/panels.csv"], "format": "auto"
//	  }]
//	}
//
// Unknown fields are errors, so that a misspelt field is not silently
// ignored. Errors name the study file and the field, e.g.
// `data/study.json: field "communities[0].platform": want facebook or
// twitter, not "fb"`.
//
// Globs are relative to the study file's folder and use path.Match syntax
// per path segment, plus "**" for any number of folders. A pattern that
// names a folder reads every file under it, recursively. Names starting
// with '.' are skipped unless the pattern segment itself starts with '.'.
// Each pattern's matches are read in lexical order, patterns in their
// order; a pattern that matches nothing is an error, as is a file claimed
// by two sources (a file listed twice by one source is read once).
//
// A file met through a wildcard or in a folder that is no export — its
// format is not recognised (a README, a picture, an X archive's
// account.js or like.js), it is empty or blank, or it is not a regular
// file (a FIFO, a link to a folder, a broken link) — is skipped and
// listed in Report.Skipped with its reason, never silently. A pattern
// without wildcards that names a file is explicit: a format not
// recognised is an error for it. A source none of whose files is read
// (all skipped) is an error, e.g. `load: communities[0].sources[1]: none
// of its 2 files read: skipped raw/a.md (format not recognised), ...`.
// With a format named ("format" not "auto"), files are not sniffed, so
// only empty files and what is not a regular file are skipped.
//
// A zip archive (recognised by its first bytes, "PK\x03\x04", whatever
// its name) is read as a folder of its members, each named
// ARCHIVE!/MEMBER in reports and the corpus's Inputs, in lexical order;
// folders, names starting with '.' and macOS's "__MACOSX" resource forks
// are passed over, members that are no export (a zip inside the zip
// among them) skipped. A zip archive named by itself of which no member
// is read is an error. Each member's decompressed size and ratio are
// bounded by the limits decompressed-bytes and ratio, as a gzip file's.
// A zip archive is read from a file only (its index is at its end): from
// a pipe or standard input, or inside a gzip file, it is an error asking
// to save or decompress it first.
//
// "limits" bound what reading each of the source's files may spend, by
// the names of rawio.LimitNames: line-bytes, field-bytes, record-lines,
// depth, decompressed-bytes, ratio; values are numbers or strings ending
// in k, M or G (powers of 1024). Each limit a source names replaces, for
// its files, the one of Options.Limits (the inspector's --limit); the
// others are Options.Limits', else rawio's defaults. An unknown name or a
// value that is not a positive whole number is an error naming the field.
//
// Admin and moderator names are pseudonymised like authors (for Twitter
// communities an entry that looks like a handle, with or without '@', is a
// handle, anything else a display name); messages of those accounts get
// AuthorRole admin or moderator unless the export states a role. The names
// themselves never reach the corpus; they are also scrubbed out of the
// community's Facebook texts.
//
// # What load does to records
//
// Every raw record a format reads ends as exactly one of loaded, duplicate
// or rejected, so that per file Records == Loaded + Duplicates + Rejected.
// Beyond the formats' own rejections, load rejects messages without id,
// without creation time, of an unknown kind, of the wrong platform, and
// panels or profiles naming a community the study does not declare.
//
// A message belongs to the community of the source that read it (in Study)
// or, in Files, to the group its export names, else to the community
// "ungrouped-facebook" or "ungrouped-twitter" (NeutralCommunity), one per
// platform for every path, so that duplicates and threads are found
// across files. A community id is never taken from a file name without
// the study naming it: timeline exports are often named after their
// account ("@name.jsonl"), and the id is in every row of the corpus.
//
// # Loose files
//
// Files reads paths as the inspector gets them: a file, read whatever it
// is (a regular file, /dev/stdin, a pipe such as /dev/fd/63, a FIFO);
// "-" for standard input (Options.Stdin); a folder, read recursively as
// a study's folder pattern is (names starting with '.' passed over, what
// is no export skipped, see above); a zip archive, read as a folder. A
// path that names a file of a format not recognised is an error, and so
// is a folder or a zip archive of which no file is read. Every file is
// opened once and read once from its start: its format is sniffed from
// the first rawio.HeadSize decoded bytes, which stay buffered for its
// reader, so pipes and standard input read as files do. Paths are listed
// first, so that a missing one fails before any reading; with
// Options.KeepGoing a path that cannot be read is reported in its
// FileReport.Err and the load goes on.
//
// Duplicates: a message whose (community, id) was already read, in the
// same file or another export of the same community, is kept once: the
// copy read first (in study-file, source and file order) wins, but fields
// it lacks (author, role, parent, reference, export thread id, text,
// reactions and shares when zero, hashtags, mentions, links, replied-to
// account) are filled from later copies. The record counts as a duplicate
// of the file where it reappeared. Ids are compared in their canonical
// form (CanonicalID): Netvizz's "<group>_<post>" and CrowdTangle's
// "<post>" are the same Facebook post.
//
// Pseudonymisation (package pseudo) of authors, mentions and replied-to
// accounts happens as records arrive, and the handles texts and links
// mention become known (pseudo.Pseudonymizer.Meet). Texts, links and
// hashtags are scrubbed once every file is read, on both platforms: each
// community's with the display names of its authors, of the people its
// exports mention or answer and of its admins and moderators, and with
// every handle met in the whole load (pseudo.NamesFor, Names.Text: names
// before @handles, so that "@Marie Dupont" goes whole); e-mail addresses
// become "<email>". The ids and names of the communities a study declares
// are public words (pseudo.Pseudonymizer.Public), which the bare forms of
// handles and names leave alone. Hashtags are lower-cased and stripped of
// '#'. Times are UTC.
//
// Threads: ThreadID is rebuilt by following ParentID within the community.
// A message without parent starts a thread (ThreadID = its own ID), except
// a comment or reply whose parent the export does not give, or a message
// whose export names only the account answered (TweetScraper): those keep
// the export's thread id, else none. A message inherits the thread of its
// parent; when the chain leaves the data or loops, the message keeps the
// export's thread id (conversation_id, thread_id), else ThreadID is empty
// (an open thread). ReplyToAuthor is never used to guess a thread.
//
// Memory: while loading, a community's messages are kept in a compact
// store (184 bytes a message, not a 288-byte corpus.Message), their ids,
// texts and links copied into large blocks (a reader's string is often a
// window on its whole raw line, which would otherwise stay alive), and
// found by id through a 64-bit hash of it. finish turns the store into
// corpus.Messages a quarter at a time, returning the memory of each
// quarter moved, copies the strings the corpus keeps into fresh blocks
// once texts are scrubbed (a parent's and a thread's id share the
// message's id), and leaves the lists (hashtags, mentions, links) as
// windows on shared pages. None of this changes a value of the corpus.
//
// In strict mode the first rejection aborts the load with that
// *rawio.ParseError. Files that cannot be opened or read, or whose format
// is not recognised when named explicitly, are *FileError errors in every
// mode. A reader or sniffer that panics is an *InternalError (a bug of
// the compendium) inside a *FileError, and ends the load even with
// KeepGoing.
package load
