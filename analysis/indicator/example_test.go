package indicator_test

import (
	"math"
	"os"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator"
)

func ExampleWriteCSV() {
	rows := []indicator.Row{
		{Community: indicator.AllCommunities, Profession: corpus.HomeCareAide, Indicator: "reply_rate", Value: 0.8},
		{Community: "avs", Profession: corpus.HomeCareAide, Indicator: "reply_rate", Value: 0.784120},
		{Community: "doctoctoc", Profession: corpus.GP, Indicator: "reply_rate", Value: 0.826619},
		{Community: "doctoctoc", Profession: corpus.GP, Indicator: "lurker_share", Value: math.NaN(), Reason: indicator.ReasonNoPanel},
	}
	indicator.WriteCSV(os.Stdout, rows)
	// Output:
	// community,profession,indicator,value,lo,hi,n,unit,method,reason
	// doctoctoc,general-practitioner,lurker_share,,,,,,,no panel observation
	// doctoctoc,general-practitioner,reply_rate,0.826619,,,,,,
	// avs,home-care-aide,reply_rate,0.784120,,,,,,
	// *,home-care-aide,reply_rate,0.800000,,,,,,
}
