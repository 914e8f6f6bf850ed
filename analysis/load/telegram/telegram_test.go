package telegram

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// The hand-made group export: every item is one call, at the line its
// object opens; service items by action, the broken item (a missing
// comma) and the unreadable time rejected alone between good ones.
func TestGroupExport(t *testing.T) {
	rec := readFile(t, filepath.Join("testdata", "telegram", "result.json"), nil)
	if rec.Calls() != 11 || len(rec.Msgs) != 5 || len(rec.Rejects) != 2 || len(rec.Services) != 4 {
		t.Fatalf("%d calls: %d messages, %d rejects %v, %d services", rec.Calls(), len(rec.Msgs), len(rec.Rejects), rec.Rejects, len(rec.Services))
	}
	if k := rec.Kinds(); !reflect.DeepEqual(k, map[string]int{"create_group": 1, "join_group_by_link": 1, "pin_message": 1, ServiceUnsupported: 1}) {
		t.Errorf("service kinds %v", k)
	}
	var lines []int
	for _, s := range rec.Services {
		lines = append(lines, s.Line)
	}
	if !reflect.DeepEqual(lines, []int{6, 31, 96, 134}) {
		t.Errorf("service lines %v", lines)
	}
	at := func(s string) time.Time { t, _ := time.Parse(time.RFC3339, s); return t }
	want := []rawio.RawMessage{
		{ID: "102", Kind: corpus.Post, Line: 19, Created: at("2024-03-04T08:02:11Z"), CreatedField: "date_unixtime",
			Author: rawio.Person{ID: "user5550101", Name: "Sandrine Morel"},
			Text:   "Bonjour à toutes ! Qui fait la tournée de Vitry demain matin ?"},
		{ID: "104", Kind: corpus.Reply, ParentID: "102", Line: 43, Created: at("2024-03-04T08:10:00Z"), CreatedField: "date_unixtime",
			Author:   rawio.Person{ID: "user5550102", Name: "Nadia Benali"},
			Text:     "Moi, avec Sandrine si elle veut. Voir #planning et https://exemple.fr/tournees",
			Mentions: []rawio.Person{{ID: "user5550101", Name: "Sandrine"}},
			Hashtags: []string{"planning"}, Links: []string{"https://exemple.fr/tournees"}, Reactions: 4},
		{ID: "106", Kind: corpus.Retweet, Line: 83, Created: at("2024-03-04T08:20:05Z"), CreatedField: "date_unixtime",
			Author: rawio.Person{ID: "user5550103", Name: "Karim Haddad"},
			Text:   "Rappel : la formation gestes et postures a lieu le 12 mars."},
		// No date_unixtime: "date" is Paris time, 10:00 CET = 09:00 UTC.
		{ID: "108", Kind: corpus.Reply, ParentID: "104", Line: 108, Created: at("2024-03-04T09:00:00Z"), CreatedField: "date",
			Author:   rawio.Person{ID: "user5550101", Name: "Sandrine Morel"},
			Text:     "Merci @nadia_b ! Voici le planning.",
			Mentions: []rawio.Person{{Handle: "nadia_b"}}},
		// A deleted account: from is null, from_id kept.
		{ID: "111", Kind: corpus.Post, Line: 138, Created: at("2024-03-04T09:30:00Z"), CreatedField: "date_unixtime",
			Author: rawio.Person{ID: "user5550199"}, Text: "Compte supprimé, message gardé."},
	}
	for i := range want {
		w := want[i]
		w.Platform, w.Group, w.IDField = corpus.Telegram, "1700000042", "id"
		if got := *rec.Msgs[i]; !reflect.DeepEqual(got, w) {
			t.Errorf("message %d:\n got %+v\nwant %+v", i, got, w)
		}
	}
	if e := rec.Rejects[0]; e.Line != 74 || e.Field != "" || !errors.Is(e, rawio.ErrBadJSON) {
		t.Errorf("reject 0: %v", e)
	}
	if e := rec.Rejects[1]; e.Line != 125 || e.Field != "date_unixtime" || !errors.Is(e, rawio.ErrBadTime) ||
		e.Error() != `testdata/telegram/result.json:125: field "date_unixtime": unreadable time: "h…"` {
		t.Errorf("reject 1: %v", e)
	}
}

// The study's time zone applies to local dates; an unknown one stops the
// file with an error naming the option.
func TestTimezoneOption(t *testing.T) {
	const doc = `{"name":"g","type":"private_group","id":1,"messages":[
{"id":1,"type":"message","date":"2024-07-01T10:00:00","from":"A","from_id":"user1","text":"été"}]}`
	for zone, want := range map[string]string{"": "2024-07-01T08:00:00Z", "Europe/Paris": "2024-07-01T08:00:00Z",
		"America/Montreal": "2024-07-01T14:00:00Z", "UTC": "2024-07-01T10:00:00Z"} {
		rec, err := readBytes(t, doc, map[string]string{OptionTimezone: zone})
		if err != nil || len(rec.Msgs) != 1 || rec.Msgs[0].Created.Format(time.RFC3339) != want {
			t.Errorf("zone %q: %v %+v", zone, err, rec.Msgs)
		}
	}
	if _, err := readBytes(t, doc, map[string]string{OptionTimezone: "Mars/Olympus"}); err == nil || !strings.Contains(err.Error(), "option timezone") {
		t.Errorf("unknown zone: %v", err)
	}
}

// A reply to a message of another chat (reply_to_peer_id another chat's
// id) names no parent here: the id is that chat's; one whose peer is this
// chat keeps its parent.
func TestReplyToAnotherChat(t *testing.T) {
	const doc = `{"name":"g","type":"private_supergroup","id":1234,"messages":[
{"id":1,"type":"message","date_unixtime":"1709539331","from":"A","from_id":"user1","reply_to_message_id":7,"reply_to_peer_id":"channel555","text":"ailleurs"},
{"id":2,"type":"message","date_unixtime":"1709539331","from":"A","from_id":"user1","reply_to_message_id":1,"reply_to_peer_id":"channel1234","text":"ici"}]}`
	rec, err := readBytes(t, doc, nil)
	if err != nil || len(rec.Msgs) != 2 {
		t.Fatalf("%v %d", err, len(rec.Msgs))
	}
	if m := rec.Msgs[0]; m.Kind != corpus.Reply || m.ParentID != "" {
		t.Errorf("reply elsewhere %+v", m)
	}
	if m := rec.Msgs[1]; m.Kind != corpus.Reply || m.ParentID != "1" {
		t.Errorf("reply here %+v", m)
	}
}

// A full-account export: the chats of chats.list and left_chats.list,
// each message in its chat's group; with the chat option, only that
// chat's messages are messages and the others are service records.
func TestFullAccountExport(t *testing.T) {
	const doc = `{
 "about": "Here is the data you requested.",
 "personal_information": {"user_id": 9, "first_name": "Moi"},
 "chats": {
  "about": "This page lists all chats from this export.",
  "list": [
   {"name": "Aides", "type": "private_group", "id": 11, "messages": [
     {"id": 1, "type": "message", "date_unixtime": "1709539331", "from": "A", "from_id": "user1", "text": "un"},
     {"id": 2, "type": "service", "date_unixtime": "1709539332", "action": "invite_members", "text": ""}
   ]},
   {"name": "B", "type": "personal_chat", "id": 22, "messages": [
     {"id": 1, "type": "message", "date_unixtime": "1709539333", "from": "B", "from_id": "user2", "text": "deux"}
   ]}
  ]
 },
 "left_chats": {"about": "", "list": [
   {"name": "Ancien", "type": "private_supergroup", "id": 33, "messages": [
     {"id": 7, "type": "message", "date_unixtime": "1709539334", "from": "C", "from_id": "user3", "text": "trois"}
   ]}
 ]}
}`
	if s := sniff([]byte(doc)); s == 0 {
		t.Error("full-account export not recognised")
	}
	rec, err := readBytes(t, doc, nil)
	if err != nil || len(rec.Msgs) != 3 || len(rec.Services) != 1 || len(rec.Rejects) != 0 {
		t.Fatalf("%v: %d messages, %d services, %v", err, len(rec.Msgs), len(rec.Services), rec.Rejects)
	}
	var got []string
	for _, m := range rec.Msgs {
		got = append(got, m.Group+"/"+m.ID+"/"+m.Text)
	}
	if !reflect.DeepEqual(got, []string{"11/1/un", "22/1/deux", "33/7/trois"}) {
		t.Errorf("messages %v", got)
	}
	rec, err = readBytes(t, doc, map[string]string{OptionChat: "11"})
	if err != nil || len(rec.Msgs) != 1 || rec.Msgs[0].Text != "un" ||
		!reflect.DeepEqual(rec.Kinds(), map[string]int{"invite_members": 1, ServiceOtherChat: 2}) {
		t.Errorf("chat 11: %v %d messages, %v", err, len(rec.Msgs), rec.Kinds())
	}
}

// Damaged documents: a file cut inside a record loses that record only
// (the rest cannot be read); an item that is no object, an unknown type,
// or a record past the limits are rejected alone; a document that is no
// chat export is a file-level error.
func TestDamaged(t *testing.T) {
	const good = `{"id":1,"type":"message","date_unixtime":"1709539331","from":"A","from_id":"user1","text":"un"}`
	rec, err := readBytes(t, `{"id":5,"messages":[`+good+",\n"+`{"id":2,"type":"message","text":"coupé`, nil)
	if err != nil || len(rec.Msgs) != 1 || len(rec.Rejects) != 1 || rec.Rejects[0].Line != 2 || !errors.Is(rec.Rejects[0], rawio.ErrBadJSON) {
		t.Errorf("cut: %v %d %v", err, len(rec.Msgs), rec.Rejects)
	}
	rec, err = readBytes(t, `{"id":5,"messages":[`+good+`,`+"\n"+`[1,2],`+"\n"+`{"id":3,"type":"sticker"},`+good+`]}`, nil)
	if err != nil || len(rec.Msgs) != 2 || len(rec.Rejects) != 2 || rec.Rejects[0].Line != 2 || rec.Rejects[1].Field != "type" {
		t.Errorf("bad items: %v %d %v", err, len(rec.Msgs), rec.Rejects)
	}
	f, _ := rawio.NewFileWith("in.json", strings.NewReader(`{"id":5,"messages":[`+good+`,`+"\n"+`{"id":2,"text":"`+strings.Repeat("x", 600)+`"},`+"\n"+good+`]}`), rawio.Limits{LineBytes: 512})
	rec = &recorder{}
	if err := read(f, rec); err != nil || len(rec.Msgs) != 2 || len(rec.Rejects) != 1 || !errors.Is(rec.Rejects[0], rawio.ErrLimit) || rec.Rejects[0].Line != 2 {
		t.Errorf("limit: %v %d %v", err, len(rec.Msgs), rec.Rejects)
	}
	for _, doc := range []string{`[]`, `{"name": "x"}`, `"x"`} {
		if _, err := readBytes(t, doc, nil); err == nil {
			t.Errorf("%s: no error", doc)
		}
	}
}

// The real sample of Tkonverter (45 items: 23 messages, 21 service items
// and one unsupported item): every item accounted for.
func TestTkonverterSample(t *testing.T) {
	path := filepath.Join("..", "..", "..", "..", "shared", "fixtures", "telegram", "Tkonverter_result_group.json")
	if _, err := os.Stat(path); err != nil {
		t.Skip("real sample absent")
	}
	b, _ := os.ReadFile(path)
	if s := sniff(b); s < 90 {
		t.Errorf("sniff %d", s)
	}
	rec := readFile(t, path, nil)
	if rec.Calls() != 45 || len(rec.Msgs) != 23 || len(rec.Rejects) != 0 || len(rec.Services) != 22 || rec.Kinds()[ServiceUnsupported] != 1 || rec.Kinds()["pin_message"] != 1 {
		t.Fatalf("%d calls, %d messages, %v, %v", rec.Calls(), len(rec.Msgs), rec.Rejects, rec.Kinds())
	}
	kinds := map[corpus.Kind]int{}
	reactions := 0
	for _, m := range rec.Msgs {
		kinds[m.Kind]++
		reactions += m.Reactions
	}
	if !reflect.DeepEqual(kinds, map[corpus.Kind]int{corpus.Post: 21, corpus.Reply: 1, corpus.Retweet: 1}) || reactions != 5 {
		t.Errorf("kinds %v, reactions %d", kinds, reactions)
	}
	var mentions []string
	for _, m := range rec.Msgs {
		for _, p := range m.Mentions {
			mentions = append(mentions, p.Handle)
		}
	}
	if !reflect.DeepEqual(mentions, []string{"alice", "bob"}) {
		t.Errorf("mentions %v", mentions)
	}
}
