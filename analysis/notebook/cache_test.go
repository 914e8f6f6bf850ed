package notebook

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/load"
	"github.com/faire-communaute/compendium/analysis/privacy"
	"github.com/faire-communaute/compendium/analysis/pseudo"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

const tinyKey = "a test key, never a real one, 32b"

// tinyStudy writes a study of one Facebook group read from raw/*.csv
// (generic CSV) into a new folder, points $COMPENDIUM_STUDY at it, gives
// the cache a folder of its own and sets the pseudonymisation key. It
// returns the study folder.
func tinyStudy(t *testing.T, rows ...string) string {
	t.Helper()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "study.json"), `{"name": "tiny", "synthetic": true,
 "communities": [{"id": "g", "name": "Groupe", "platform": "facebook", "profession": "home-care-aide",
   "admins": ["Élodie Fictive"], "sources": [{"files": ["raw/*.csv"], "format": "generic-csv"}]}]}`)
	if len(rows) == 0 {
		rows = []string{
			"p1,p1,,Élodie Fictive,Bonjour à toutes,2019-05-15T18:02:11+02:00",
			"c1,p1,p1,Sandrine Exemple,Merci Élodie Fictive !,2019-05-15T18:30:00+02:00",
		}
	}
	write(t, filepath.Join(dir, "raw", "a.csv"), "id,thread_id,parent_id,author,body,timestamp\n"+strings.Join(rows, "\n")+"\n")
	t.Setenv(load.EnvStudy, filepath.Join(dir, "study.json"))
	t.Setenv(EnvCache, filepath.Join(t.TempDir(), "cache"))
	t.Setenv("COMPENDIUM_PSEUDO_KEY", tinyKey)
	return dir
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// fresh loads the study as a cell did before the cache.
func fresh(t *testing.T) (*corpus.Corpus, *load.Report) {
	t.Helper()
	c, rep, err := load.Study(load.DefaultStudy(), load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return c, rep
}

func mustLoad(t *testing.T) *loaded {
	t.Helper()
	l, err := loadStudy()
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// sameAsFresh checks that l holds the corpus and totals of a fresh load.
func sameAsFresh(t *testing.T, l *loaded) {
	t.Helper()
	c, rep := fresh(t)
	if !reflect.DeepEqual(l.Corpus, c) {
		t.Errorf("the corpus (%s) differs from a fresh load", l.cache)
	}
	if l.cached != totals(l.Corpus, rep) {
		t.Errorf("totals %+v, a fresh load's %+v", l.cached, totals(c, rep))
	}
}

func cacheFiles(t *testing.T) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(CacheDir(), "*"))
	return files
}

func TestCacheWrittenThenRead(t *testing.T) {
	tinyStudy(t)
	first := mustLoad(t)
	if !strings.Contains(first.cache, "chargé des exports bruts") || !strings.Contains(first.cache, "mis en cache dans") {
		t.Errorf("first load: %s", first.cache)
	}
	files := cacheFiles(t)
	if len(files) != 1 || !strings.HasPrefix(filepath.Base(files[0]), "corpus-") || filepath.Ext(files[0]) != ".gob" {
		t.Fatalf("cache folder holds %q", files)
	}
	second := mustLoad(t)
	if !strings.HasPrefix(second.cache, "lu dans le cache") {
		t.Errorf("second load: %s", second.cache)
	}
	sameAsFresh(t, first)
	sameAsFresh(t, second)
	if n := len(second.Corpus.Messages); n != 2 || second.Loaded != 2 || second.Records != 2 {
		t.Errorf("%d messages, totals %+v", n, second.cached)
	}
	if !strings.Contains(second.keySource, "COMPENDIUM_PSEUDO_KEY") {
		t.Errorf("key source %q", second.keySource)
	}
}

// The sample study read from the cache is deep-equal to a fresh load, in
// every field of every message.
func TestCacheOfTheSampleEqualsAFreshLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the sample study")
	}
	t.Setenv(EnvCache, t.TempDir())
	first := mustLoad(t)
	second := mustLoad(t)
	if !strings.Contains(first.cache, "mis en cache") || !strings.HasPrefix(second.cache, "lu dans le cache") {
		t.Fatalf("first %s; second %s", first.cache, second.cache)
	}
	sameAsFresh(t, second)
	c, prov := Study()
	if !reflect.DeepEqual(c, second.Corpus) || !reflect.DeepEqual(prov, Provenance(second.Corpus, filepath.Dir(second.path))) {
		t.Error("Study does not return the cached corpus and its provenance")
	}
}

// A cache file that is truncated, corrupt or of another format or key is
// ignored: the study is loaded again and the file rewritten.
func TestCorruptCacheIgnoredAndRebuilt(t *testing.T) {
	tinyStudy(t)
	mustLoad(t)
	path := cacheFiles(t)[0]
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	head, payload, _ := cutLines(good, 3)
	flipped := bytes.Clone(good)
	flipped[len(flipped)-10] ^= 0x20
	garbage := []byte("not gob at all")
	gs := sha256.Sum256(garbage)
	badGob := []byte(head[0] + "\n" + head[1] + "\n" + strconv.Itoa(len(garbage)) + " " + hex.EncodeToString(gs[:]) + "\n" + string(garbage))
	for name, content := range map[string][]byte{
		"empty":          {},
		"truncated":      good[:len(good)-len(payload)/2],
		"header only":    good[:len(good)-len(payload)],
		"flipped byte":   flipped,
		"other format":   append([]byte("compendium corpus cache 0\n"), good[len(head[0])+1:]...),
		"other key":      bytes.Replace(good, []byte(head[1]), []byte(strings.Repeat("0", 64)), 1),
		"bad length":     bytes.Replace(good, []byte(head[2]), []byte("12 "+strings.Repeat("0", 64)), 1),
		"not gob":        badGob,
		"binary garbage": bytes.Repeat([]byte{0xff, 0x00, '\n'}, 1000),
	} {
		t.Run(name, func(t *testing.T) {
			if err := os.WriteFile(path, content, 0o600); err != nil {
				t.Fatal(err)
			}
			l := mustLoad(t)
			if !strings.Contains(l.cache, "chargé des exports bruts") || !strings.Contains(l.cache, "à refaire") {
				t.Errorf("a %s cache file: %s", name, l.cache)
			}
			sameAsFresh(t, l)
			if b, _ := os.ReadFile(path); !bytes.Equal(b, good) {
				t.Errorf("the %s cache file was not rewritten", name)
			}
			if again := mustLoad(t); !strings.HasPrefix(again.cache, "lu dans le cache") {
				t.Errorf("after rewriting: %s", again.cache)
			}
		})
	}
}

// keyOf is the cache key of the study the environment names, with opt.
func keyOf(t *testing.T, opt load.Options, code string) string {
	t.Helper()
	path := load.DefaultStudy()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	spec, err := load.ParseStudy(path, data)
	if err != nil {
		t.Fatal(err)
	}
	spec.Dir = filepath.Dir(path)
	key, _, err := pseudo.LoadKey()
	if err != nil {
		t.Fatal(err)
	}
	k, err := keyMaterial(spec, data, opt, KeyFingerprint(key), code, CacheDir())
	if err != nil {
		t.Fatal(err)
	}
	return k.sum()
}

// Every input of the corpus is in its key: a raw file changed or added
// under a pattern, the study file, the pseudonymisation key, the load
// options, the code.
func TestCacheKeyFollowsEveryInput(t *testing.T) {
	dir := tinyStudy(t)
	code := codeRoot()
	base := keyOf(t, load.Options{}, code)
	if base != keyOf(t, load.Options{}, code) {
		t.Fatal("the key is not deterministic")
	}
	changes := []struct {
		name   string
		change func()
		undo   func()
		same   bool
	}{
		{name: "a raw file changed",
			change: func() {
				appendTo(t, filepath.Join(dir, "raw", "a.csv"), "c2,p1,p1,Nadia Test,Oui,2019-05-15T19:00:00Z\n")
			}},
		{name: "a raw file added",
			change: func() { write(t, filepath.Join(dir, "raw", "b.csv"), "id\n") },
			undo:   func() { os.Remove(filepath.Join(dir, "raw", "b.csv")) }},
		{name: "a file under a pattern's folder (a superset of the inputs)",
			change: func() { write(t, filepath.Join(dir, "raw", "notes.txt"), "x") },
			undo:   func() { os.Remove(filepath.Join(dir, "raw", "notes.txt")) }},
		{name: "a hidden file, which the load skips", same: true,
			change: func() { write(t, filepath.Join(dir, "raw", ".c.csv"), "id\n") },
			undo:   func() { os.Remove(filepath.Join(dir, "raw", ".c.csv")) }},
		{name: "a file outside every pattern", same: true,
			change: func() { write(t, filepath.Join(dir, "README.md"), "x") }},
		{name: "the study file",
			change: func() {
				b, _ := os.ReadFile(filepath.Join(dir, "study.json"))
				write(t, filepath.Join(dir, "study.json"), strings.Replace(string(b), `"Groupe"`, `"Groupe 2"`, 1))
			}},
		{name: "the pseudonymisation key",
			change: func() { t.Setenv("COMPENDIUM_PSEUDO_KEY", tinyKey+"!") },
			undo:   func() { t.Setenv("COMPENDIUM_PSEUDO_KEY", tinyKey) }},
	}
	prev := base
	for _, ch := range changes {
		ch.change()
		got := keyOf(t, load.Options{}, code)
		if (got == prev) != ch.same {
			t.Errorf("%s: key changed %v", ch.name, got != prev)
		}
		if ch.undo != nil {
			ch.undo()
			if again := keyOf(t, load.Options{}, code); again != prev {
				t.Errorf("%s undone: the key did not come back", ch.name)
			}
		} else {
			prev = got
		}
	}
	if keyOf(t, load.Options{Limits: rawio.Limits{LineBytes: 1 << 20}}, code) == prev {
		t.Error("the key ignores the load limits")
	}
	if keyOf(t, load.Options{Strict: true}, code) == prev {
		t.Error("the key ignores Strict")
	}
	if keyOf(t, load.Options{Limits: rawio.Limits{}.WithDefaults()}, code) != prev {
		t.Error("the default limits, spelt out, change the key")
	}
}

func appendTo(t *testing.T, path, s string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(s)
	f.Close()
}

// A changed input loads again, and the new corpus is the one read.
func TestChangedInputLoadsAgain(t *testing.T) {
	dir := tinyStudy(t)
	mustLoad(t)
	appendTo(t, filepath.Join(dir, "raw", "a.csv"), "c2,p1,p1,Nadia Test,Oui,2019-05-15T19:00:00Z\n")
	l := mustLoad(t)
	if !strings.Contains(l.cache, "chargé des exports bruts") || len(l.Corpus.Messages) != 3 {
		t.Errorf("%s, %d messages", l.cache, len(l.Corpus.Messages))
	}
	if again := mustLoad(t); !strings.HasPrefix(again.cache, "lu dans le cache") || len(again.Corpus.Messages) != 3 {
		t.Errorf("%s, %d messages", again.cache, len(again.Corpus.Messages))
	}
}

// The code hash covers the analysis packages, go.mod and go.sum, and
// leaves out tests and testdata.
func TestCodeHash(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, "go.mod"), "module m\n")
	write(t, filepath.Join(root, "go.sum"), "")
	write(t, filepath.Join(root, "analysis", "a", "a.go"), "package a\n")
	write(t, filepath.Join(root, "scripts", "s.go"), "package main\n")
	base, err := codeHash(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		file, content string
		same          bool
	}{
		{"analysis/a/a.go", "package a // edited\n", false},
		{"analysis/a/b.go", "package a\n", false},
		{"analysis/a/codebook.json", "{}", false}, // embedded data is code too
		{"go.sum", "x v1 h1:\n", false},
		{"go.mod", "module m\ngo 1.26\n", false},
		{"analysis/a/a_test.go", "package a\n", true},
		{"analysis/a/testdata/x.csv", "x", true},
		{"scripts/s.go", "package main // edited\n", true},
	} {
		write(t, filepath.Join(root, filepath.FromSlash(c.file)), c.content)
		got, err := codeHash(root)
		if err != nil {
			t.Fatal(err)
		}
		if (got == base) != c.same {
			t.Errorf("%s: code hash changed %v", c.file, got != base)
		}
		base = got
	}
	if _, err := codeHash(""); err == nil {
		t.Error("no error without a code folder")
	}
	if r := codeRoot(); r == "" {
		t.Error("no code root")
	} else if _, err := os.Stat(filepath.Join(r, "analysis", "notebook", "cache.go")); err != nil {
		t.Errorf("code root %s does not hold this package: %v", r, err)
	}
}

func TestKeyFingerprint(t *testing.T) {
	key := []byte(tinyKey)
	fp := KeyFingerprint(key)
	if len(fp) != 32 || fp != KeyFingerprint([]byte(tinyKey)) {
		t.Fatalf("fingerprint %q", fp)
	}
	if KeyFingerprint([]byte(tinyKey+"!")) == fp {
		t.Error("two keys, one fingerprint")
	}
	plain := sha256.Sum256(key)
	if strings.Contains(fp, hex.EncodeToString(key)[:16]) || strings.HasPrefix(hex.EncodeToString(plain[:]), fp) {
		t.Error("the fingerprint reveals the key or its plain hash")
	}
	// The key is nowhere in a cache file.
	tinyStudy(t)
	mustLoad(t)
	b, _ := os.ReadFile(cacheFiles(t)[0])
	if bytes.Contains(b, key) || bytes.Contains(b, []byte(hex.EncodeToString(key))) {
		t.Error("the cache file holds the key")
	}
}

// Whether a time lies after the load depends on the day of the load: a
// load that rejected one is not cached.
func TestImplausibleTimesNotCached(t *testing.T) {
	tinyStudy(t, "p1,p1,,Élodie Fictive,Bonjour,2019-05-15T18:02:11+02:00",
		"p2,p2,,Nadia Test,Du futur,2999-01-01T00:00:00Z")
	for range 2 {
		l := mustLoad(t)
		if !strings.Contains(l.cache, "pas mis en cache : 1 messages rejected for an implausible time") {
			t.Errorf("%s", l.cache)
		}
		sameAsFresh(t, l)
	}
	if files := cacheFiles(t); len(files) != 0 {
		t.Errorf("cache folder holds %q", files)
	}
}

func TestCacheOff(t *testing.T) {
	tinyStudy(t)
	t.Setenv(EnvCache, "off")
	if CacheDir() != "" {
		t.Fatal("COMPENDIUM_CACHE=off does not turn the cache off")
	}
	l := mustLoad(t)
	if !strings.Contains(l.cache, "cache désactivé") {
		t.Errorf("%s", l.cache)
	}
	sameAsFresh(t, l)
	t.Setenv(EnvCache, "")
	if d := CacheDir(); !strings.HasSuffix(filepath.ToSlash(d), "/build/cache") {
		t.Errorf("default cache folder %q", d)
	}
}

// A file read that differs from the one hashed for the key (it was being
// written during the load) is not cached.
func TestInputChangedDuringLoadNotCached(t *testing.T) {
	dir := t.TempDir()
	spec := &load.Spec{Dir: dir}
	k := &studyKey{files: map[string]string{filepath.Join(dir, "raw", "a.csv"): "aa"}}
	c := &corpus.Corpus{Inputs: []corpus.Input{{Path: "raw/a.csv", SHA256: "aa"}, {Path: "raw/z.zip!/m.csv", SHA256: "cc"}}}
	if why := uncacheable(k, spec, c, &load.Report{}); why != "" {
		t.Errorf("same files: %s", why)
	}
	c.Inputs[0].SHA256 = "bb"
	if why := uncacheable(k, spec, c, &load.Report{}); why != "raw/a.csv changed while it was read" {
		t.Errorf("changed file: %q", why)
	}
}

// Only the cacheKeep most recently used corpus files stay, and temporary
// files of interrupted writes go after an hour.
func TestPruneCache(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-2 * time.Hour)
	for i, name := range []string{"corpus-1.gob", "corpus-2.gob", "corpus-3.gob", "corpus-4.gob", "corpus-5.gob"} {
		p := filepath.Join(dir, name)
		write(t, p, "x")
		when := old.Add(time.Duration(i) * time.Minute)
		os.Chtimes(p, when, when)
	}
	write(t, filepath.Join(dir, "corpus-old.tmp"), "x")
	os.Chtimes(filepath.Join(dir, "corpus-old.tmp"), old, old)
	write(t, filepath.Join(dir, "corpus-new.tmp"), "x")
	write(t, filepath.Join(dir, "other.txt"), "x")
	pruneCache(dir, filepath.Join(dir, "corpus-1.gob"))
	var left []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		left = append(left, e.Name())
	}
	want := []string{"corpus-1.gob", "corpus-3.gob", "corpus-4.gob", "corpus-5.gob", "corpus-new.tmp", "other.txt"}
	if cacheKeep != 4 || !reflect.DeepEqual(left, want) {
		t.Errorf("left %q, want %q", left, want)
	}
}

// The cache holds pseudonyms only: none of the identities met in the raw
// exports of the sample is in any string of the cached corpus, nor in the
// file's bytes.
func TestCacheHoldsNoIdentity(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the sample study")
	}
	t.Setenv(EnvCache, t.TempDir())
	key, _, err := pseudo.LoadKey()
	if err != nil {
		t.Fatal(err)
	}
	ps := pseudo.New(key)
	if _, _, err := load.Study(load.DefaultStudy(), load.Options{Pseudonymizer: ps}); err != nil {
		t.Fatal(err)
	}
	ids := ps.Identities()
	sc := privacy.NewScanner(privacy.Needles(ids))
	mustLoad(t)
	path := cacheFiles(t)[0]
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	l := mustLoad(t)
	var text strings.Builder
	strs(reflect.ValueOf(l.Corpus), &text)
	found, err := sc.Scan("corpus", strings.NewReader(text.String()))
	if err != nil || len(found) > 0 {
		t.Errorf("identities in the cached corpus: %d (%v)", len(found), err)
	}
	if found, _ := sc.Scan(path, bytes.NewReader(b)); len(found) > 0 {
		t.Errorf("identities in the cache file's bytes: %d", len(found))
	}
	// The scan finds an identity when one is there.
	name := ""
	for _, p := range ids {
		if strings.Count(strings.TrimSpace(p.Name), " ") >= 1 {
			name = p.Name
			break
		}
	}
	if name == "" {
		t.Fatal("no name of two words among the identities")
	}
	if found, _ := sc.Scan("control", strings.NewReader(text.String()+"\nbonjour "+name+" !")); len(found) == 0 {
		t.Error("the scan misses a name added to the corpus's strings")
	}
}

// strs writes every string held by v, one a line.
func strs(v reflect.Value, b *strings.Builder) {
	switch v.Kind() {
	case reflect.String:
		b.WriteString(v.String())
		b.WriteByte('\n')
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			strs(v.Elem(), b)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			strs(v.Field(i), b)
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			strs(v.Index(i), b)
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			strs(k, b)
			strs(v.MapIndex(k), b)
		}
	}
}

// BenchmarkStudy measures what a cell spends getting the sample's corpus:
// from the cache (every cell after the first) and from the raw exports
// (the first cell, and every cell before the cache).
func BenchmarkStudy(b *testing.B) {
	b.Setenv(EnvCache, b.TempDir())
	if _, err := loadStudy(); err != nil {
		b.Fatal(err)
	}
	b.Run("cached", func(b *testing.B) {
		for b.Loop() {
			if l, err := loadStudy(); err != nil || !strings.HasPrefix(l.cache, "lu dans le cache") {
				b.Fatal(err, l.cache)
			}
		}
	})
	b.Run("raw", func(b *testing.B) {
		for b.Loop() {
			if _, _, err := load.Study(load.DefaultStudy(), load.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
