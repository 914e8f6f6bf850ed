package facebook

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/internal/cputime"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// counter is a Sink that only counts.
type counter struct{ msgs, rejects int }

func (c *counter) Message(*rawio.RawMessage)      { c.msgs++ }
func (c *counter) Panel(*corpus.PanelObservation) {}
func (c *counter) Profile(*rawio.RawProfile)      {}
func (c *counter) Reject(*rawio.ParseError)       { c.rejects++ }

// benchRead reads data with format b.N times, reporting MB/s and, as the
// machine may be shared, MB per second of CPU time used by the process.
// Each read must give wantMsgs messages and no rejection; wantMsgs < 0:
// any number, the same each time, reported as msgs.
func benchRead(b *testing.B, format string, data []byte, wantMsgs int) {
	fm, _ := rawio.Lookup(format)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	start, n := cputime.Used(), 0
	defer func() {
		if cpu := cputime.Used() - start; cpu > 0 && n > 0 {
			b.ReportMetric(float64(len(data))*float64(n)/cpu.Seconds()/1e6, "MB/cpu-s")
		}
	}()
	msgs := -1
	for b.Loop() {
		n++
		f, err := rawio.NewFile("bench", bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		var c counter
		if err := fm.Read(f, &c); err != nil {
			b.Fatal(err)
		}
		if wantMsgs < 0 {
			if msgs >= 0 && c.msgs != msgs {
				b.Fatalf("%d messages, then %d", msgs, c.msgs)
			}
			msgs = c.msgs
			b.ReportMetric(float64(c.msgs), "msgs")
			continue
		}
		if c.msgs != wantMsgs || c.rejects != 0 {
			b.Fatalf("%d messages, %d rejections; want %d messages", c.msgs, c.rejects, wantMsgs)
		}
	}
}

// repeat builds a file of a header and n bodies made by body(i).
func repeat(header string, n int, body func(i int) string) []byte {
	var buf bytes.Buffer
	buf.WriteString(header)
	for i := range n {
		buf.WriteString(body(i))
	}
	return buf.Bytes()
}

// zsNoise imitates the bulk of a real Facebook item: nested objects the
// reader skips (real items weigh 20 to 100 kB).
func zsNoise() any {
	var blocks []any
	for i := range 60 {
		blocks = append(blocks, map[string]any{
			"__typename": "CometFeedStoryUFIContainerStrategy", "__isICometStorySection": "x",
			"id": fmt.Sprintf("S:_I%d:VK:%d", 100000+i, 987654321+i), "is_prod_eligible": true,
			"encrypted_tracking": strings.Repeat("AZW", 40), "uri": "https://scontent.xx.fbcdn.net/v/t39.30808-1/p40x40/photo.jpg",
			"reactions": []any{map[string]any{"count": i, "reaction_type": "LIKE"}, map[string]any{"count": 1, "reaction_type": "LOVE"}},
			"scale":     1.5, "nested": map[string]any{"a": map[string]any{"b": []any{1, 2, 3, nil, "x"}}},
		})
	}
	return blocks
}

func BenchmarkZeeschuimer(b *testing.B) {
	noise := zsNoise()
	data := repeat("", 200, func(i int) string {
		item := map[string]any{
			"nav_index": "1:1", "item_id": fmt.Sprint(i), "timestamp_collected": 1700000000123, "source_platform": "facebook.com",
			"source_platform_url": "https://www.facebook.com/groups/987654321/", "source_url": "https://www.facebook.com/api/graphql/",
			"user_agent": "Mozilla/5.0", "data": map[string]any{"comet_sections": map[string]any{
				"content": map[string]any{"story": map[string]any{
					"post_id": fmt.Sprint(1000 + i), "wwwURL": "https://www.facebook.com/groups/987654321/posts/1/",
					"message":     map[string]any{"text": "Bonjour à toutes, qui a déjà eu un souci de planning le dimanche ? Ça fait trois semaines…"},
					"actors":      []any{map[string]any{"id": "100012345678901", "name": "Élodie Fictive", "url": "https://www.facebook.com/elodie.fictive"}},
					"attachments": []any{map[string]any{"target": map[string]any{"__typename": "Photo", "id": "5566778899"}}},
				}},
				"context_layout": map[string]any{"story": map[string]any{"comet_sections": map[string]any{"metadata": []any{
					map[string]any{"__typename": "CometFeedStoryMinimizedTimestampStrategy",
						"story": map[string]any{"creation_time": 1557936131 + i, "url": "https://www.facebook.com/groups/987654321/posts/1/"}},
				}}}},
				"feedback": noise,
			}},
		}
		line, _ := json.Marshal(item)
		return string(line) + "\n"
	})
	benchRead(b, Zeeschuimer, data, 200)
}

func BenchmarkCrowdTangle(b *testing.B) {
	raw := string(fixtureBytes(b, "crowdtangle.csv"))
	header, rows, _ := strings.Cut(raw, "\n")
	lines := strings.Split(rows, "\n")
	// The good records of the fixture: lines 2-5, 7, 9 and 11 of the file.
	good := strings.Join(append(append(lines[0:4:4], lines[5], lines[7]), lines[9]), "\n") + "\n"
	data := repeat(header+"\n", 4000, func(int) string { return good })
	benchRead(b, CrowdTangle, data, 4000*5)
}

func BenchmarkNetvizzPosts(b *testing.B) {
	raw := string(fixtureBytes(b, "netvizz_posts.tab"))
	header, rows, _ := strings.Cut(raw, "\n")
	lines := strings.Split(rows, "\n")
	good := strings.Join([]string{lines[0], lines[1], lines[2], lines[5]}, "\n") + "\n"
	data := repeat(header+"\n", 8000, func(int) string { return good })
	benchRead(b, NetvizzPosts, data, 8000*4)
}

func BenchmarkNetvizzComments(b *testing.B) {
	const header = "position\tpost_id\tpost_by\tpost_text\tpost_published\tcomment_id\tcomment_by\tis_reply\tcomment_message\tcomment_published\tcomment_like_count\n"
	data := repeat(header, 5000, func(i int) string {
		var s strings.Builder
		for c := range 6 {
			reply := 0
			pos := fmt.Sprintf("%d_0", c/2)
			if c%2 == 1 {
				reply, pos = 1, fmt.Sprintf("%d_1", c/2)
			}
			fmt.Fprintf(&s, "%s\t987654321_%d\ta94a8fe5ccb19ba61c4c0873d391e987982fbbd3\tRéunion d_information sur la convention collective\t2016-08-31T19:02:51+0000\t%d_%d\t3c363836cf4e16666669a25da280a1865c2d2874\t%d\tTrès bonne idée, j_y serai avec deux collègues du secteur.\t2016-08-31T19:10:00+0000\t2\n",
				pos, i, i, c, reply)
		}
		return s.String()
	})
	benchRead(b, NetvizzComments, data, 5000*6)
}

func BenchmarkFacepager(b *testing.B) {
	const header = "level;id;parent_id;object_id;object_type;object_key;query_status;query_time;query_type;message;created_time;from.name;from.id;like_count;comment_count;shares.count;reactions.summary.total_count;link\n"
	data := repeat(header+"0;1;None;987654321;seed;;;None;None;;;;;;;;;\n", 4000, func(i int) string {
		var s strings.Builder
		p := 2 + i*5
		fmt.Fprintf(&s, "1;%d;1;987654321_%d;data;data.*;fetched (200);2019-05-16 10:00:00.000000;Facebook:/<page-id>/feed;Bonjour à toutes ! Qui travaille le dimanche ? On s'organise comment ?;2019-05-15T16:02:11+0000;Claire Fictive;100001;;4;1;12;https://www.service-public.fr/particuliers/vosdroits/F2405\n", p, i)
		for c := 1; c <= 3; c++ {
			fmt.Fprintf(&s, "2;%d;%d;987654321_%d_%d;data;data.*;fetched (200);2019-05-16 10:00:01.000000;Facebook:/<post-id>/comments;Moi, et c'est épuisant, surtout seule le week-end.;2019-05-15T16:30:00+0000;Sophie Exemple;100002;3;1;;;\n", p+c, p, i, c)
		}
		fmt.Fprintf(&s, "3;%d;%d;987654321_%d_9;data;data.*;fetched (200);2019-05-16 10:00:02.000000;Facebook:/<comment-id>/comments;Courage, ça va aller ♥;2019-05-15T17:00:00+0000;Claire Fictive;100001;1;0;;;\n", p+4, p+1, i)
		return s.String()
	})
	// The seed line is repeated with the header: one seed, rejected, per
	// repetition would spoil the count, so only the first copy is kept.
	data = bytes.Replace(data, []byte("0;1;None;987654321;seed;;;None;None;;;;;;;;;\n"), nil, -1)
	benchRead(b, Facepager, data, 4000*5)
}

func BenchmarkDYI(b *testing.B) {
	var recs []any
	for i := range 10000 {
		recs = append(recs, map[string]any{
			"timestamp": 1557936131 + i,
			"data": []any{map[string]any{"comment": map[string]any{"timestamp": 1557936131 + i,
				"comment": moj("Merci pour l'info, ça m'aide beaucoup ! Leçon retenue : cœur à l'ouvrage 🙏"),
				"author":  moj("Élodie Fictive"), "group": moj("Auxiliaires de vie à domicile")}}},
			"title": moj("Élodie Fictive a commenté la publication de Sandrine Exemple."),
		})
	}
	data, _ := json.MarshalIndent(map[string]any{"group_comments_v2": recs}, "", "  ")
	benchRead(b, DYI, data, 10000)
}

// moj writes s as "Download Your Information" archives do.
func moj(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteRune(rune(s[i]))
	}
	return b.String()
}

func BenchmarkGenericCSV(b *testing.B) {
	const header = "id,thread_id,parent_id,author,body,timestamp,kind,author_role,reactions,shares,group\n"
	data := repeat(header, 10000, func(i int) string {
		return fmt.Sprintf("p%d,p%d,,Élodie Fictive,\"Bonjour à toutes, qui connaît la nouvelle grille ?\",2019-05-15T18:02:11+02:00,,administratrice,\"1,040\",3,auxiliaires-vie\n"+
			"c%d,p%d,,Sandrine Exemple,Moi ! Ça change au 1er juillet.,2019-05-15 16:30:00,,,2,,auxiliaires-vie\n", i, i, i, i)
	})
	benchRead(b, GenericCSV, data, 20000)
}
