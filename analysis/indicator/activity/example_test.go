package activity_test

import (
	"fmt"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/activity"
)

func Example() {
	at := func(s string) time.Time { t, _ := time.Parse(time.RFC3339, s); return t }
	msgs := []corpus.Message{
		{Community: "g", Kind: corpus.Post, Created: at("2024-04-01T08:00:00Z")},
		{Community: "g", Kind: corpus.Comment, Created: at("2024-04-01T09:00:00Z")},
		{Community: "g", Kind: corpus.Post, Created: at("2024-04-03T21:30:00Z")}, // 23:30 in Paris
	}
	for _, d := range activity.Daily(msgs) {
		fmt.Println(d.Date.Format(time.DateOnly), d.Messages, d.Posts, d.Messages30d)
	}
	now := at("2024-04-03T22:00:00Z") // midnight in Paris: a new day
	fmt.Println("posts in 30 days:", activity.Posts30d(msgs, now), "today:", activity.PostsToday(msgs, now))
	// Output:
	// 2024-04-01 2 1 2
	// 2024-04-02 0 0 2
	// 2024-04-03 1 1 3
	// posts in 30 days: 2 today: 0
}
