// Package telegram reads the JSON exports of Telegram Desktop (Settings >
// Advanced > Export Telegram data, or a chat's menu > Export chat
// history, format "Machine-readable JSON") and registers the rawio format
// "telegram-desktop".
//
// # What is read
//
// A chat's result.json is one object {name, type, id, messages: [...]}
// (a group, supergroup or channel; a personal chat reads the same way).
// A full-account export holds its chats under chats.list and
// left_chats.list, each an object of the same shape; every chat's
// messages are read, each with its chat's id as RawMessage.Group. In a
// study, where all the messages of a source go to one community, the
// "chat" option names the one chat to read (its id): the messages of the
// other chats are then service records of kind "other-chat", read and
// counted, not messages. The chat's name in the export is not used: the
// community's name comes from the study file.
//
// The document is walked, not decoded whole: the messages array is split
// into its items by following strings and brackets (as the facebook DYI
// reader does), each item decoded alone within the limits, so a
// result.json of hundreds of megabytes is read in the memory of one item.
//
// # Records
//
// Each item of a messages array is one record, named by the line where
// its object opens:
//
//   - type "message": a message (Platform telegram). ID is the item's id
//     (a number, unique within its chat); Author is Person{ID: from_id
//     ("user123", "channel456"), Name: from} (from is null for a deleted
//     account: the id is kept). A message with reply_to_message_id is a
//     Reply whose ParentID is that id (a message-level link, within the
//     chat), unless its reply_to_peer_id names another chat (a reply to
//     a message elsewhere, whose id is that chat's): then a Reply naming
//     no parent. Any other is a Post, except a forward (forwarded_from
//     present, even null when the original author hides it), which is a
//     Retweet (a repost) with no RefID: the original message is not in
//     the chat and who wrote it is not kept. A forward that also replies
//     stays a Reply. Text is the text written as a string, or the
//     concatenation of an array of strings and entity objects ({type,
//     text}); the entities (text_entities when present, else the
//     objects of the text array) give Mentions — "mention" @username as
//     Person{Handle}, "mention_name" as Person{ID: "user"+user_id, Name:
//     text}, so that a member named by a mention_name meets the
//     from_id of their own messages — Hashtags ("hashtag", without '#')
//     and Links ("link" text, "text_link" href). Reactions is the sum of
//     the counts of the reactions array (every emoji, custom emoji and
//     paid reaction). A photo, file, sticker, poll or location adds
//     nothing but its caption (the text). Edits are not kept.
//   - type "service" (a group created, members invited or joining, a
//     message pinned, a title or photo changed, a call...): a service
//     record (rawio.EmitService) of kind its action ("join_group_by_link",
//     "pin_message"...; "service" when it has none).
//   - type "unsupported": a message Telegram Desktop could not export (it
//     keeps nothing of it, not even a date): a service record of kind
//     "unsupported", so the report shows how many there were.
//   - anything else (an item that is no object, another type, malformed
//     JSON, an unreadable time or reaction count): rejected with a
//     rawio.ParseError naming the line and the field.
//
// # Times
//
// date_unixtime (Telegram Desktop 3.x and later) is seconds since the
// epoch, read as UTC. Older exports give only "date"
// ("2024-03-04T10:00:00"), the local time of the exporting computer
// without a zone: it is read in the zone of the "timezone" option (an
// IANA name) or, without one, in Europe/Paris, the zone of the studies
// of this compendium. CreatedField names the field used.
//
// # Resynchronisation
//
// An item that is not valid JSON but whose brackets and quotes balance
// (a lost comma) is rejected alone and reading goes on at the next item.
// An item longer than the line-bytes limit or nested deeper than the
// depth limit is followed to its end without being kept, rejected, and
// reading goes on. A document cut inside an item rejects that item and
// ends (nothing after it can be read); a structure broken outside the
// items after some were read ends in one rejection naming its line. A
// document that is no chat export (no messages array) is a file-level
// error.
package telegram
