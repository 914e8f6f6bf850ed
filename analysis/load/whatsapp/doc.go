// Package whatsapp reads the text a phone writes with WhatsApp's "Export
// chat" (a chat > More > Export chat, "Without media") and registers the
// rawio format "whatsapp-txt".
//
// # Layouts
//
// Each message starts with a header line giving its date and time, then
// its author and text; its text goes on over the following lines until
// the next header. The layouts read, by phone system and locale:
//
//	26/09/2019 à 22:39 - Nadia Benali : Bonjour      Android, French (a space before ':')
//	26/09/2019, 22:39 - Nadia Benali: Bonjour        Android, English (UK) and many locales
//	9/26/19, 10:39 PM - Amy Clarke: Hi               Android, English (US)
//	[02/11/2020, 9:47:19 pm] Amy Clarke: Hi          iOS
//	[26/09/2019 22:39:05] Nadia Benali : Bonjour     iOS, French
//
// and their variants: two- or four-digit years, '/', '.' or '-' between
// the date's fields, a year first (2019-09-26), 12- or 24-hour clocks
// with AM/PM, am/pm, a.m./p.m. after a space, a no-break space or the
// narrow no-break space (U+202F) recent phones write, and the invisible
// marks (U+200E left-to-right mark, U+202A…U+202E, U+2066…U+2069 around
// phone numbers, a byte-order mark) at the start of lines and around
// names, which are removed. Formats are recognised by content: the first
// line that is not blank must be a header.
//
// # Day-month order
//
// "02/11/2020" is 2 November or 11 February depending on the phone's
// locale, and the file does not say which. The order is decided from the
// whole file, never line by line: a first pass reads every header's date
// (keeping only what they say of the order), then the records are read
// in a second pass, from the file opened again beside itself, or, for
// standard input and pipes, from a temporary copy the first pass writes
// and the reader removes. If a first field is above 12 somewhere and no
// second field is, the dates are day first; if a second field is above
// 12 and no first field is, month first. When neither (no day above 12:
// a chat of a few days) or both (two exports of different phones
// concatenated), a French cue — "à" between date and time, French system
// lines or media markers ("a créé le groupe", "<Médias omis>"...) —
// decides day first (French phones write day first), and the dates
// impossible in that order are rejected. Otherwise the file is not
// guessed: it stops with ErrUndecidedOrder, asking for the "dates"
// option ("day-first" or "month-first"), which, when given, skips the
// first pass. A 12-hour English file is not taken as month first: en-GB
// and en-AU phones write day first with am/pm too.
//
// # Records
//
// A record is a header line and its continuation lines, named by the
// header's line:
//
//   - "Author: text" (the author before the first colon, spaces and
//     marks trimmed) is a message (Platform whatsapp, Kind Post: an
//     export has no reply links, as a quoted reply is written as plain
//     text without the message it answers; ParentID is always empty and
//     the corpus has no threads for WhatsApp). Its text is the rest of
//     the line and the continuation lines joined by line feeds, trailing
//     space and the invisible marks removed (WhatsApp writes a mention
//     "@\u2068Nadia Benali\u2069"). An export holds no reactions:
//     Reactions is 0. A first line that stands for a media file —
//     "<Médias omis>", "<Media omitted>", "image absente", "image
//     omitted", "<attached: …>", "<pièce jointe : …>", "… (fichier
//     joint)", "… document omitted"... — becomes MediaText, "<media>" (the
//     file names are dropped; a caption on the next lines is kept). A
//     deleted message ("Ce message a été supprimé") is kept as written.
//   - a header followed by a line without a colon ("Sandrine a créé le
//     groupe « Aides »", "Vous avez été ajouté", "X a ajouté Y", the
//     encryption notice, "X left"), or whose part before the colon holds
//     a quote or is longer than 100 characters, or an iOS line whose text
//     starts with a left-to-right mark (iOS writes its system lines under
//     the group's name that way, "Aides: \u200eNadia a ajouté Karim"),
//     unless it is a media marker or a deleted message: a system line, a
//     service record (rawio.EmitService) of kind "system".
//   - a header whose date or time does not exist (31/02, 25:00, a month
//     13 in the order decided): rejected, naming field "date", with its
//     continuation lines.
//   - lines before the first header (a file cut at its start): one
//     rejected record; blank ones are not records.
//   - a line longer than line-bytes: rejected alone (the message it may
//     belong to keeps its other lines); a message longer than line-bytes
//     in all: rejected, so memory stays within the limit.
//
// A continuation line that happens to start like a header (a pasted
// message with its own date and time) cannot be told from one and starts
// a new record.
//
// # Authors
//
// Participants are written as the exporting phone shows them: the name
// in its contacts, the profile name, or the phone number of someone not
// in them. A name is Person.Name; a phone number (an optional '+' and 6
// to 15 digits with spaces, dots, hyphens or parentheses between) is
// Person.ID written without them ("+33 6 12 34 56 78" and
// "+33\u00a06\u00a012…" are both +33612345678), so every spelling of one
// number is one person. Two members' exports of one chat name people as
// their own phones do: they are not linked. Phone numbers inside texts
// are left to package pseudo.
//
// # Chat name and ids
//
// The export holds no chat name (the file's name, "Discussion WhatsApp
// avec Nadia.txt", names a person, and is never read): RawMessage.Group
// is empty and the community is the study's. The export holds no message
// ids either: ID is "wa" and 24 hexadecimal digits of the SHA-256 of the
// message's minute (UTC), its author (normalised as above, names
// lower-cased) and its text, with "-2", "-3"... for the second and later
// exact repeats within one minute. The minute, not the second, so that an
// iOS export (with seconds) and an Android one (without) of the same
// messages meet; two exports of the same chat from the same phone (a week
// apart, say) give their common messages the same ids, and load counts
// the second copies as duplicates.
//
// # Times
//
// Times are the phone's local time without zone: they are read in the
// zone of the "timezone" option (an IANA name) or, without one, in
// Europe/Paris, and given in UTC.
package whatsapp
