package load

// Every format registers itself: importing them here makes them all
// available to Study and Files.
import (
	_ "github.com/faire-communaute/compendium/analysis/load/bluesky"
	_ "github.com/faire-communaute/compendium/analysis/load/discourse"
	_ "github.com/faire-communaute/compendium/analysis/load/facebook"
	_ "github.com/faire-communaute/compendium/analysis/load/mastodon"
	_ "github.com/faire-communaute/compendium/analysis/load/metacl"
	_ "github.com/faire-communaute/compendium/analysis/load/observation"
	_ "github.com/faire-communaute/compendium/analysis/load/reddit"
	_ "github.com/faire-communaute/compendium/analysis/load/telegram"
	_ "github.com/faire-communaute/compendium/analysis/load/twitter"
	_ "github.com/faire-communaute/compendium/analysis/load/whatsapp"
)
