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
//	      "options": {"body": "message"}// the format's settings (rawio.File.Options)
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
// or, in Files, to the group its export names, else to a community named
// after the file (its base name without extensions).
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
// In strict mode the first rejection aborts the load with that
// *rawio.ParseError. Files that cannot be opened or read, or whose format
// is not recognised, are *FileError errors in every mode.
package load
