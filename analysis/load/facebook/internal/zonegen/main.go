// Command zonegen writes the table of time-zone abbreviations that the
// crowdtangle format reads (zones_table.go in package facebook): every
// alphabetic abbreviation of the tz database in use since Facebook opened
// (4 February 2004), with each offset it had, when, and an example zone.
// Package facebook runs it with go generate:
//
//	go generate ./analysis/load/facebook
//
// Its sources are the tz database shipped with the Go toolchain
// ($GOROOT/lib/time/zoneinfo.zip, whose tzdata release is named in
// $GOROOT/lib/time/update.bash), read from its TZif files, and
// historic.txt, the abbreviations of tzdata 2016j: from 2017a to 2017c
// the tz project replaced by numeric ones ("-03") the abbreviations it
// had invented (BRT, ART, AMT, GST, PHT...), which exports made with older
// tables still carry. historic.txt was written by this command from the
// tzdata 2016j data of moment-timezone (repository moment/moment-timezone,
// data/packed/2016j.json), with
//
//	go run ./internal/zonegen -moment 2016j.json -historic internal/zonegen/historic.txt
//
// Uses of one abbreviation with one offset less than 400 days apart are
// merged into one span (so that a summer-time abbreviation has one span,
// not one a year).
package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/format"
	"io"
	"log"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"
)

// since is the first instant of interest: Facebook's opening.
var since = time.Date(2004, 2, 4, 0, 0, 0, 0, time.UTC).Unix()

// forever ends the spans of abbreviations still in use.
const forever = math.MaxInt64

// mergeGap is the longest gap between two uses merged into one span.
const mergeGap = 400 * 24 * 3600

// use is one abbreviation used with one offset by one zone, over [from, to).
type use struct {
	abbr     string
	off      int
	from, to int64
	zone     string
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("zonegen: ")
	out := flag.String("o", "zones_table.go", "the Go file to write")
	zipPath := flag.String("zoneinfo", filepath.Join(runtime.GOROOT(), "lib", "time", "zoneinfo.zip"), "the tz database, as Go ships it")
	historic := flag.String("historic", "internal/zonegen/historic.txt", "the abbreviations of tzdata 2016j")
	moment := flag.String("moment", "", "with a moment-timezone packed data file (2016j.json), rewrite -historic from it and stop")
	flag.Parse()

	if *moment != "" {
		uses, version, err := readMoment(*moment)
		if err != nil {
			log.Fatal(err)
		}
		if err := writeHistoric(*historic, version, merge(uses)); err != nil {
			log.Fatal(err)
		}
		return
	}
	current, release, err := readZoneinfo(*zipPath)
	if err != nil {
		log.Fatal(err)
	}
	old, oldRelease, err := readHistoric(*historic)
	if err != nil {
		log.Fatal(err)
	}
	src, err := table(merge(append(current, old...)), release, oldRelease)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		log.Fatal(err)
	}
}

// readZoneinfo reads every zone of a zoneinfo.zip and returns the uses of
// alphabetic abbreviations since 2004, and the tzdata release.
func readZoneinfo(path string) ([]use, string, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, "", err
	}
	defer zr.Close()
	release := tzRelease(filepath.Join(filepath.Dir(path), "update.bash"))
	// Names with identical data are aliases: the example zone of a use is
	// a name of the largest group (America/Chicago rather than
	// America/Menominee), preferring Area/City names.
	groups := map[string][]string{}
	data := map[string][]byte{}
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, "/") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, "", err
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, "", err
		}
		data[f.Name] = b
		groups[string(b)] = append(groups[string(b)], f.Name)
	}
	var uses []use
	for _, names := range groups {
		zone := exampleName(names)
		periods, err := parseTZif(data[zone])
		if err != nil {
			return nil, "", fmt.Errorf("%s: %v", zone, err)
		}
		weights[zone] = len(names)
		for _, p := range periods {
			p.zone = zone
			uses = append(uses, p)
		}
	}
	return uses, release, nil
}

// weights counts the names that share the data of a zone.
var weights = map[string]int{}

// exampleName chooses the name shown for a group of aliases: Area/City
// names first, then the alphabetically first.
func exampleName(names []string) string {
	rank := func(n string) int {
		switch {
		case !strings.Contains(n, "/"), strings.HasPrefix(n, "Etc/"), strings.HasPrefix(n, "US/"),
			strings.HasPrefix(n, "SystemV/"), strings.HasPrefix(n, "posix/"), strings.HasPrefix(n, "right/"):
			return 1
		}
		return 0
	}
	sort.Slice(names, func(i, j int) bool {
		if ri, rj := rank(names[i]), rank(names[j]); ri != rj {
			return ri < rj
		}
		return names[i] < names[j]
	})
	return names[0]
}

// tzRelease reads the tzdata release named in Go's update.bash.
func tzRelease(path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return "of the Go toolchain"
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "DATA="); ok {
			return strings.TrimSpace(v)
		}
	}
	return "of the Go toolchain"
}

// parseTZif returns the periods of a TZif file (version 2 or later) whose
// abbreviation is alphabetic and that end after 2004.
func parseTZif(b []byte) ([]use, error) {
	r := bytes.NewReader(b)
	header := func() ([6]uint32, byte, error) {
		var h struct {
			Magic   [4]byte
			Version byte
			_       [15]byte
			Counts  [6]uint32 // isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
		}
		if err := binary.Read(r, binary.BigEndian, &h); err != nil {
			return h.Counts, 0, err
		}
		if string(h.Magic[:]) != "TZif" {
			return h.Counts, 0, errors.New("not a TZif file")
		}
		return h.Counts, h.Version, nil
	}
	c, version, err := header()
	if err != nil {
		return nil, err
	}
	if version < '2' {
		return nil, errors.New("TZif version 1")
	}
	// Skip the version 1 data.
	skip := int64(c[3])*5 + int64(c[4])*6 + int64(c[5]) + int64(c[2])*8 + int64(c[1]) + int64(c[0])
	if _, err := r.Seek(skip, io.SeekCurrent); err != nil {
		return nil, err
	}
	if c, _, err = header(); err != nil {
		return nil, err
	}
	isut, isstd, leap, timecnt, typecnt, charcnt := int(c[0]), int(c[1]), int(c[2]), int(c[3]), int(c[4]), int(c[5])
	times := make([]int64, timecnt)
	if err := binary.Read(r, binary.BigEndian, times); err != nil {
		return nil, err
	}
	idx := make([]byte, timecnt)
	if _, err := io.ReadFull(r, idx); err != nil {
		return nil, err
	}
	type ttinfo struct {
		off   int
		abbrI int
	}
	types := make([]ttinfo, typecnt)
	for i := range types {
		var t struct {
			Off   int32
			IsDST uint8
			Abbr  uint8
		}
		if err := binary.Read(r, binary.BigEndian, &t); err != nil {
			return nil, err
		}
		types[i] = ttinfo{int(t.Off), int(t.Abbr)}
	}
	chars := make([]byte, charcnt)
	if _, err := io.ReadFull(r, chars); err != nil {
		return nil, err
	}
	if _, err := r.Seek(int64(leap)*12+int64(isstd)+int64(isut), io.SeekCurrent); err != nil {
		return nil, err
	}
	abbr := func(i int) string {
		s := chars[i:]
		if j := bytes.IndexByte(s, 0); j >= 0 {
			s = s[:j]
		}
		return string(s)
	}
	var out []use
	add := func(a string, off int, from, to int64) {
		if to > since && alphabetic(a) {
			out = append(out, use{abbr: strings.ToUpper(a), off: off, from: max(from, since), to: to})
		}
	}
	footer, _ := io.ReadAll(r)
	tz := strings.TrimSpace(string(footer))
	if timecnt == 0 {
		if len(types) > 0 {
			add(abbr(types[0].abbrI), types[0].off, math.MinInt64, forever)
		}
	}
	for i, t := range times {
		end := int64(forever)
		if i+1 < timecnt {
			end = times[i+1]
		} else if tz != "" {
			end = t // the footer's rule takes over
		}
		ty := types[idx[i]]
		if end > t {
			add(abbr(ty.abbrI), ty.off, t, end)
		}
	}
	if tz != "" {
		from := int64(math.MinInt64)
		if timecnt > 0 {
			from = times[timecnt-1]
		}
		std, stdOff, dst, dstOff, err := parsePOSIX(tz)
		if err != nil {
			return nil, fmt.Errorf("footer %q: %v", tz, err)
		}
		add(std, stdOff, from, forever)
		if dst != "" {
			add(dst, dstOff, from, forever)
		}
	}
	return out, nil
}

// alphabetic reports whether an abbreviation is made of letters (not a
// numeric one such as "+03", which the reader parses as an offset).
func alphabetic(a string) bool {
	if len(a) < 2 {
		return false
	}
	for _, c := range a {
		if !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z') {
			return false
		}
	}
	return a != "LMT" // local mean time, different in every zone
}

// parsePOSIX reads the standard and daylight names and offsets (seconds
// east of UTC) of a POSIX TZ string such as "CET-1CEST,M3.5.0,M10.5.0/3".
func parsePOSIX(s string) (std string, stdOff int, dst string, dstOff int, err error) {
	name := func() string {
		if strings.HasPrefix(s, "<") {
			i := strings.IndexByte(s, '>')
			if i < 0 {
				err = errors.New("unterminated <name>")
				return ""
			}
			n := s[1:i]
			s = s[i+1:]
			return n
		}
		i := 0
		for i < len(s) && ('A' <= s[i] && s[i] <= 'Z' || 'a' <= s[i] && s[i] <= 'z') {
			i++
		}
		n := s[:i]
		s = s[i:]
		return n
	}
	offset := func() (int, bool) {
		i := 0
		for i < len(s) && strings.IndexByte("+-0123456789:", s[i]) >= 0 {
			i++
		}
		if i == 0 {
			return 0, false
		}
		o := s[:i]
		s = s[i:]
		sign := -1 // POSIX offsets are west of UTC
		if o[0] == '-' {
			sign, o = 1, o[1:]
		} else if o[0] == '+' {
			o = o[1:]
		}
		secs := 0
		for k, part := range strings.Split(o, ":") {
			v, e := strconv.Atoi(part)
			if e != nil {
				err = e
				return 0, false
			}
			secs += v * []int{3600, 60, 1}[min(k, 2)]
		}
		return sign * secs, true
	}
	std = name()
	var ok bool
	if stdOff, ok = offset(); !ok && err == nil {
		err = errors.New("no standard offset")
	}
	if err != nil || s == "" || s[0] == ',' {
		return std, stdOff, "", 0, err
	}
	dst = name()
	dstOff = stdOff + 3600
	if o, ok := offset(); ok {
		dstOff = o
	}
	return std, stdOff, dst, dstOff, err
}

// readMoment reads a moment-timezone packed data file: zones written
// "name|abbrs|offsets|indices|untils|population", with offsets in
// minutes west of UTC and untils in minutes, both in base 60.
func readMoment(path string) ([]use, string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, "", err
	}
	var packed struct {
		Version string
		Zones   []string
	}
	if err := json.Unmarshal(b, &packed); err != nil {
		return nil, "", err
	}
	var uses []use
	for _, z := range packed.Zones {
		parts := strings.Split(z, "|")
		if len(parts) < 4 {
			return nil, "", fmt.Errorf("zone %q", z)
		}
		abbrs, offsets := strings.Fields(parts[1]), strings.Fields(parts[2])
		if len(parts) > 5 {
			if pop, err := strconv.ParseFloat(parts[5], 64); err == nil {
				weights[parts[0]] = int(pop)
			}
		}
		var untils []int64
		if len(parts) > 4 {
			var at float64
			for _, u := range strings.Fields(parts[4]) {
				at += base60(u) * 60
				untils = append(untils, int64(math.Round(at)))
			}
		}
		from := int64(math.MinInt64)
		for i, c := range parts[3] {
			k := int(c - '0')
			if k < 0 || k >= len(abbrs) || k >= len(offsets) {
				return nil, "", fmt.Errorf("zone %s: index %c", parts[0], c)
			}
			to := int64(forever)
			if i < len(untils) {
				to = untils[i]
			}
			off := -int(math.Round(base60(offsets[k]) * 60))
			if to > since && alphabetic(abbrs[k]) {
				uses = append(uses, use{abbr: strings.ToUpper(abbrs[k]), off: off, from: max(from, since), to: to, zone: parts[0]})
			}
			from = to
		}
	}
	return uses, packed.Version, nil
}

// base60 decodes moment-timezone's base 60 numbers ("36.s", "-2glwR.w").
func base60(s string) float64 {
	digit := func(c byte) float64 {
		switch {
		case c > 96:
			return float64(c) - 87
		case c > 64:
			return float64(c) - 29
		}
		return float64(c) - 48
	}
	sign := 1.0
	if strings.HasPrefix(s, "-") {
		sign, s = -1, s[1:]
	}
	whole, frac, _ := strings.Cut(s, ".")
	v := 0.0
	for i := 0; i < len(whole); i++ {
		v = v*60 + digit(whole[i])
	}
	m := 1.0
	for i := 0; i < len(frac); i++ {
		m /= 60
		v += digit(frac[i]) * m
	}
	return sign * v
}

// merge keeps, for each abbreviation and offset, spans of uses less than
// mergeGap apart, with the example zone of the first use of the span
// (zones sorted by how many names share their data, then by name).
func merge(uses []use) []use {
	sort.Slice(uses, func(i, j int) bool {
		a, b := uses[i], uses[j]
		switch {
		case a.abbr != b.abbr:
			return a.abbr < b.abbr
		case a.off != b.off:
			return a.off < b.off
		case a.from != b.from:
			return a.from < b.from
		case weights[a.zone] != weights[b.zone]:
			return weights[a.zone] > weights[b.zone]
		}
		return a.zone < b.zone
	})
	var out []use
	for _, u := range uses {
		if n := len(out); n > 0 && out[n-1].abbr == u.abbr && out[n-1].off == u.off && u.from-out[n-1].to < mergeGap {
			last := &out[n-1]
			last.to = max(last.to, u.to)
			if weights[u.zone] > weights[last.zone] {
				last.zone = u.zone
			}
			continue
		}
		out = append(out, u)
	}
	return out
}

func writeHistoric(path, version string, uses []use) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Time-zone abbreviations of tzdata %s in use since 2004-02-04, with their offsets (seconds\n", version)
	fmt.Fprintf(&b, "# east of UTC), spans (Unix seconds, %d for none), an example zone and its population\n", int64(forever))
	fmt.Fprintf(&b, "# (to choose examples). Written by zonegen -moment\n")
	fmt.Fprintf(&b, "# from moment-timezone's data/packed/%s.json; facts of the tz database, which is in the public domain.\n", version)
	fmt.Fprintf(&b, "version %s\n", version)
	for _, u := range uses {
		fmt.Fprintf(&b, "%s %d %d %d %s %d\n", u.abbr, u.off, u.from, u.to, u.zone, weights[u.zone])
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}

func readHistoric(path string) ([]use, string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, "", err
	}
	defer f.Close()
	var uses []use
	version := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := sc.Text()
		if strings.HasPrefix(l, "#") || strings.TrimSpace(l) == "" {
			continue
		}
		if v, ok := strings.CutPrefix(l, "version "); ok {
			version = v
			continue
		}
		var u use
		var weight int
		if _, err := fmt.Sscan(l, &u.abbr, &u.off, &u.from, &u.to, &u.zone, &weight); err != nil {
			return nil, "", fmt.Errorf("%s: %q: %v", path, l, err)
		}
		weights[u.zone] = max(weights[u.zone], weight)
		uses = append(uses, u)
	}
	return uses, version, sc.Err()
}

// table writes the Go source of the table.
func table(uses []use, release, oldRelease string) ([]byte, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by zonegen from tzdata %s (the Go toolchain's) and tzdata %s; DO NOT EDIT.\n\n", release, oldRelease)
	b.WriteString("package facebook\n\n")
	fmt.Fprintf(&b, "// zoneAbbrevs holds every alphabetic time-zone abbreviation of tzdata %s and %s in use\n", release, oldRelease)
	b.WriteString("// since 2004-02-04, upper-cased, with its offsets, when and an example zone (see\n// internal/zonegen).\n")
	b.WriteString("var zoneAbbrevs = map[string][]zoneUse{\n")
	for i := 0; i < len(uses); {
		j := i
		for j < len(uses) && uses[j].abbr == uses[i].abbr {
			j++
		}
		fmt.Fprintf(&b, "\t%q: {", uses[i].abbr)
		for k, u := range uses[i:j] {
			if k > 0 {
				b.WriteString(", ")
			}
			to := "forever"
			if u.to != forever {
				to = strconv.FormatInt(u.to, 10)
			}
			fmt.Fprintf(&b, "{%d, %d, %s, %q}", u.off, u.from, to, u.zone)
		}
		b.WriteString("},\n")
		i = j
	}
	b.WriteString("}\n")
	return format.Source(b.Bytes())
}
