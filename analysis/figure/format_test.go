package figure

import (
	"math"
	"testing"
	"time"

	"gonum.org/v1/plot"
)

func withLang(t *testing.T, l Language) {
	t.Helper()
	old := Lang
	Lang = l
	t.Cleanup(func() { Lang = old })
}

func TestNumberFrench(t *testing.T) {
	withLang(t, French)
	for _, c := range []struct {
		x    float64
		dec  int
		want string
	}{
		{1040, 0, "1\u202f040"},
		{0.125, 1, "0,1"},
		{0.15, 1, "0,1"}, // 0.15 is 0.1499999… in binary
		{1234567.891, 2, "1\u202f234\u202f567,89"},
		{1234567.891, 0, "1\u202f234\u202f568"},
		{-1234.5, 1, "-1\u202f234,5"},
		{-0.04, 1, "0,0"},
		{0, 0, "0"},
		{0, 2, "0,00"},
		{999, 0, "999"},
		{100000, 0, "100\u202f000"},
		{12.5, -1, "12"},
		{math.NaN(), 2, "NaN"},
		{math.Inf(1), 2, "∞"},
		{math.Inf(-1), 0, "-∞"},
	} {
		if got := Number(c.x, c.dec); got != c.want {
			t.Errorf("Number(%v, %d) = %q, want %q", c.x, c.dec, got, c.want)
		}
	}
	if got := Integer(-1234567); got != "-1\u202f234\u202f567" {
		t.Errorf("Integer = %q", got)
	}
}

func TestNumberEnglish(t *testing.T) {
	withLang(t, English)
	for _, c := range []struct {
		x    float64
		dec  int
		want string
	}{
		{1040, 0, "1,040"},
		{1234567.891, 2, "1,234,567.89"},
		{-1234.5, 1, "-1,234.5"},
		{0, 0, "0"},
		{0.125, 1, "0.1"},
	} {
		if got := Number(c.x, c.dec); got != c.want {
			t.Errorf("Number(%v, %d) = %q, want %q", c.x, c.dec, got, c.want)
		}
	}
	if got := Percent(0.125); got != "12.5%" {
		t.Errorf("Percent = %q", got)
	}
	if got := Date(time.Date(2019, 5, 2, 0, 0, 0, 0, time.UTC)); got != "2 May 2019" {
		t.Errorf("Date = %q", got)
	}
	if got := T("bonjour", "hello"); got != "hello" {
		t.Errorf("T = %q", got)
	}
}

func TestPercentDateFrench(t *testing.T) {
	withLang(t, French)
	for _, c := range []struct {
		x    float64
		want string
	}{
		{0.125, "12,5\u202f%"},
		{1, "100,0\u202f%"},
		{0, "0,0\u202f%"},
		{-0.5, "-50,0\u202f%"},
		{12.34, "1\u202f234,0\u202f%"},
	} {
		if got := Percent(c.x); got != c.want {
			t.Errorf("Percent(%v) = %q, want %q", c.x, got, c.want)
		}
	}
	if got := PercentN(0.3333, 0); got != "33\u202f%" {
		t.Errorf("PercentN = %q", got)
	}
	for _, c := range []struct {
		t    time.Time
		want string
	}{
		{time.Date(2019, 5, 2, 23, 0, 0, 0, time.UTC), "2 mai 2019"},
		{time.Date(2020, 2, 1, 0, 0, 0, 0, time.UTC), "1er février 2020"},
		{time.Date(2021, 8, 15, 0, 0, 0, 0, time.UTC), "15 août 2021"},
		{time.Date(2021, 12, 31, 0, 0, 0, 0, time.UTC), "31 décembre 2021"},
	} {
		if got := Date(c.t); got != c.want {
			t.Errorf("Date(%v) = %q, want %q", c.t, got, c.want)
		}
	}
	abbr := ""
	for m := time.January; m <= time.December; m++ {
		abbr += MonthAbbr(m) + "|"
	}
	if want := "janv.|févr.|mars|avr.|mai|juin|juil.|août|sept.|oct.|nov.|déc.|"; abbr != want {
		t.Errorf("MonthAbbr = %q", abbr)
	}
	if MonthName(time.July) != "juillet" || WeekdayName(time.Monday) != "lundi" {
		t.Error("MonthName/WeekdayName")
	}
	if MonthYear(time.Date(2019, 1, 9, 0, 0, 0, 0, time.UTC)) != "janvier 2019" {
		t.Error("MonthYear")
	}
}

func TestFrenchTicks(t *testing.T) {
	withLang(t, French)
	ticks := FrenchTicks{}.Ticks(0, 2500)
	var labels []string
	for _, tk := range ticks {
		if tk.Label != "" {
			labels = append(labels, tk.Label)
		}
	}
	want := []string{"0", "1\u202f000", "2\u202f000"}
	if len(labels) != len(want) {
		t.Fatalf("labels %q, want %q", labels, want)
	}
	for i := range want {
		if labels[i] != want[i] {
			t.Errorf("label %d = %q, want %q", i, labels[i], want[i])
		}
	}
	small := FrenchTicks{}.Ticks(0, 0.5)
	found := false
	for _, tk := range small {
		if tk.Label == "0,2" || tk.Label == "0,25" {
			found = true
		}
	}
	if !found {
		t.Errorf("no decimal-comma labels in %v", small)
	}
	pt := PercentTicks{Ticker: plot.ConstantTicks{{Value: 0.25, Label: "x"}, {Value: 0.5}}}.Ticks(0, 1)
	if pt[0].Label != "25\u202f%" || pt[1].Label != "" {
		t.Errorf("PercentTicks = %v", pt)
	}
}

func TestDateTicks(t *testing.T) {
	withLang(t, French)
	from := TimeToFloat(time.Date(2019, 1, 15, 0, 0, 0, 0, time.UTC))
	to := TimeToFloat(time.Date(2019, 7, 20, 0, 0, 0, 0, time.UTC))
	var labels []string
	for _, tk := range (DateTicks{}).Ticks(from, to) {
		if tk.Label != "" {
			labels = append(labels, tk.Label)
		}
	}
	want := []string{"févr. 2019", "mars 2019", "avr. 2019", "mai 2019", "juin 2019", "juil. 2019"}
	if len(labels) != len(want) {
		t.Fatalf("labels %q, want %q", labels, want)
	}
	for i := range want {
		if labels[i] != want[i] {
			t.Errorf("label %d = %q, want %q", i, labels[i], want[i])
		}
	}
	years := (DateTicks{}).Ticks(TimeToFloat(time.Date(2010, 3, 1, 0, 0, 0, 0, time.UTC)), TimeToFloat(time.Date(2020, 3, 1, 0, 0, 0, 0, time.UTC)))
	if years[0].Label != "2012" {
		t.Errorf("year ticks start %q", years[0].Label)
	}
	days := (DateTicks{}).Ticks(TimeToFloat(time.Date(2019, 4, 30, 0, 0, 0, 0, time.UTC)), TimeToFloat(time.Date(2019, 5, 3, 0, 0, 0, 0, time.UTC)))
	if len(days) != 4 || days[1].Label != "1er mai" || days[2].Label != "2 mai" {
		t.Errorf("day ticks %v", days)
	}
}
