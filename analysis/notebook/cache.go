package notebook

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/load"
	"github.com/faire-communaute/compendium/analysis/rawio"
	"github.com/faire-communaute/compendium/analysis/repo"
)

// EnvCache names the environment variable that moves the corpus cache
// (a folder) or turns it off ("off").
const EnvCache = "COMPENDIUM_CACHE"

// cacheFormat starts every cache file; a file of another format is not
// read, whatever its name.
const cacheFormat = "compendium corpus cache 1"

// cacheKeep is how many corpus files the cache keeps (the most recently
// used): the sample and a study of one's own, in two code versions.
const cacheKeep = 4

// CacheDir is the folder of the corpus cache: $COMPENDIUM_CACHE when set
// ("off" turns the cache off: it returns ""), else build/cache at the
// repository root, else "" (no cache outside the repository).
func CacheDir() string {
	switch d := os.Getenv(EnvCache); d {
	case "off":
		return ""
	case "":
		if root := repo.Root(); root != "" {
			return filepath.Join(root, "build", "cache")
		}
		return ""
	default:
		return d
	}
}

// cached is a loaded study: the corpus and the totals of its load
// report. Nothing else of the report is cached: its rejections quote raw
// values, and the totals are all Describe prints.
type cached struct {
	Corpus                                             *corpus.Corpus
	Records, Loaded, Duplicates, Conflicting, Rejected int
}

func totals(c *corpus.Corpus, rep *load.Report) cached {
	return cached{Corpus: c, Records: rep.Records, Loaded: rep.Loaded, Duplicates: rep.Duplicates,
		Conflicting: rep.Conflicting, Rejected: rep.Rejected}
}

// cacheFile is what a cache file's payload holds: a cached study whose
// messages are cut in chunks of chunkLen. Gob decodes a slice of large
// structs longer than a few megabytes by growing it step by step, which
// took half of the decoding time of the sample's 70,000 messages.
type cacheFile struct {
	Corpus                                             *corpus.Corpus // without Messages
	Messages                                           [][]corpus.Message
	Records, Loaded, Duplicates, Conflicting, Rejected int
}

const chunkLen = 4096

func toFile(e cached) cacheFile {
	c := *e.Corpus
	f := cacheFile{Corpus: &c, Records: e.Records, Loaded: e.Loaded, Duplicates: e.Duplicates,
		Conflicting: e.Conflicting, Rejected: e.Rejected}
	for m := c.Messages; len(m) > 0; m = m[min(chunkLen, len(m)):] {
		f.Messages = append(f.Messages, m[:min(chunkLen, len(m))])
	}
	c.Messages = nil
	return f
}

func (f cacheFile) cached() cached {
	e := cached{Corpus: f.Corpus, Records: f.Records, Loaded: f.Loaded, Duplicates: f.Duplicates,
		Conflicting: f.Conflicting, Rejected: f.Rejected}
	if f.Corpus == nil || len(f.Messages) == 0 {
		return e
	}
	n := 0
	for _, m := range f.Messages {
		n += len(m)
	}
	msgs := make([]corpus.Message, 0, n)
	for _, m := range f.Messages {
		msgs = append(msgs, m...)
	}
	f.Corpus.Messages = msgs
	return e
}

// studyKey is what a loaded corpus depends on, written out as text:
// one line per input file, the study file, the pseudonymisation key's
// fingerprint, the load options, the code and the Go version (see
// keyMaterial). Its sha256 is the cache key.
type studyKey struct {
	material []byte
	// files are the sha256 of the regular files hashed, by absolute
	// path, to check the load read the files the key was made of.
	files map[string]string
	// uncacheable, when set, says why this study is not cached.
	uncacheable string
}

// sum is the cache key: the sha256 of the key material, in hex.
func (k *studyKey) sum() string {
	s := sha256.Sum256(k.material)
	return hex.EncodeToString(s[:])
}

// file is the cache file of the key in dir: corpus- and the first 32
// hex digits of the key (128 bits); the whole key is checked inside.
func (k *studyKey) file(dir string) string {
	return filepath.Join(dir, "corpus-"+k.sum()[:32]+".gob")
}

// KeyFingerprint identifies a pseudonymisation key without revealing it:
// the first 16 bytes, in hex, of the HMAC-SHA256 of a fixed text keyed by
// the key. It is what the corpus cache records of the key; the key itself
// is never written.
func KeyFingerprint(key []byte) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte("compendium: fingerprint of a pseudonymisation key"))
	return hex.EncodeToString(m.Sum(nil)[:16])
}

// keyMaterial returns what the corpus loaded from spec (parsed from the
// study file's bytes data) with opt depends on:
//
//   - every file a pattern of the study could read: for each pattern,
//     every file under its fixed part (the folders before the first
//     wildcard), with its path and sha256 — a superset of the files the
//     load reads, so that a file added, removed or changed under a
//     pattern changes the key;
//   - the study file's sha256;
//   - the fingerprint of the pseudonymisation key (KeyFingerprint);
//   - the load options that change a corpus (Strict, Format, Limits with
//     the defaults applied);
//   - the code, codeHash(codeRoot): every source file of the analysis
//     packages, go.mod and go.sum, and the Go version.
//
// A pattern that names a file that is not a regular file (a pipe) makes
// the study uncacheable: reading it to hash it would consume it.
func keyMaterial(spec *load.Spec, data []byte, opt load.Options, fingerprint, codeRoot, cacheDir string) (*studyKey, error) {
	k := &studyKey{files: map[string]string{}}
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s\n", cacheFormat)
	fmt.Fprintf(&b, "study %x\n", sha256.Sum256(data))
	fmt.Fprintf(&b, "pseudonymisation-key %s\n", fingerprint)
	fmt.Fprintf(&b, "options strict=%t format=%q limits=%+v\n", opt.Strict, opt.Format, opt.Limits.WithDefaults())
	code, err := codeHash(codeRoot)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(&b, "code %s\n", code)
	fmt.Fprintf(&b, "go %s\n", runtime.Version())

	var patterns []string
	for _, cs := range spec.Communities {
		for _, src := range cs.Sources {
			patterns = append(patterns, src.Files...)
		}
	}
	for _, src := range spec.Observations {
		patterns = append(patterns, src.Files...)
	}
	lines := map[string]string{}
	skip := ""
	if cacheDir != "" {
		skip, _ = filepath.Abs(cacheDir)
	}
	for _, pat := range patterns {
		root, hiddenOK := patternRoot(spec.Dir, pat)
		if err := k.walk(root, hiddenOK, true, skip, map[string]bool{}, lines); err != nil {
			return nil, err
		}
	}
	paths := make([]string, 0, len(lines))
	for p := range lines {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		rel := p
		if r, err := filepath.Rel(spec.Dir, p); err == nil {
			rel = r
		}
		fmt.Fprintf(&b, "input %q %s\n", filepath.ToSlash(rel), lines[p])
	}
	k.material = b.Bytes()
	return k, nil
}

// patternRoot returns the folder (or file) under which every file a
// study pattern can name lies: dir joined with the pattern's segments
// before the first one holding a wildcard or "**". hiddenOK says whether
// the pattern can reach names starting with '.': only when a later
// segment starts with '.' (package load skips them otherwise).
func patternRoot(dir, pattern string) (root string, hiddenOK bool) {
	pattern = filepath.ToSlash(pattern)
	root = dir
	if strings.HasPrefix(pattern, "/") {
		root, pattern = "/", strings.TrimLeft(pattern, "/")
	} else if vol := filepath.VolumeName(filepath.FromSlash(pattern)); vol != "" {
		root, pattern = vol+string(filepath.Separator), strings.TrimLeft(pattern[len(vol):], "/")
	}
	wild := false
	for _, s := range strings.Split(pattern, "/") {
		if s == "" || s == "." {
			continue
		}
		if s == "**" || strings.ContainsAny(s, `*?[\`) {
			wild = true
		}
		if !wild {
			root = filepath.Join(root, s)
		} else if strings.HasPrefix(s, ".") {
			hiddenOK = true
		}
	}
	return root, hiddenOK
}

// walk adds to lines what p contributes to the key: a regular file its
// sha256, a folder everything under it (links to folders followed once),
// anything else its kind. named is whether p is named by a pattern itself
// (a pipe named so would be read by the load: uncacheable); skip is the
// cache folder, never hashed.
func (k *studyKey) walk(p string, hiddenOK, named bool, skip string, seen map[string]bool, lines map[string]string) error {
	abs, err := filepath.Abs(p)
	if err != nil {
		return err
	}
	if abs == skip {
		return nil
	}
	if _, done := lines[abs]; done {
		return nil
	}
	fi, err := os.Stat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		lines[abs] = "absent"
		return nil
	case err != nil:
		return err
	case fi.Mode().IsRegular():
		sum, err := fileSHA256(abs)
		if err != nil {
			return err
		}
		lines[abs], k.files[abs] = sum, sum
		return nil
	case !fi.IsDir():
		lines[abs] = "not-a-regular-file"
		if named {
			k.uncacheable = fmt.Sprintf("%s is not a regular file", p)
		}
		return nil
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return err
	}
	lines[abs] = "folder"
	if seen[real] {
		return nil
	}
	seen[real] = true
	entries, err := os.ReadDir(abs)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") && !hiddenOK {
			continue
		}
		if err := k.walk(filepath.Join(abs, e.Name()), hiddenOK, false, skip, seen, lines); err != nil {
			return err
		}
	}
	return nil
}

// fileSHA256 is rawio.SHA256, the checksum load reports for an input.
func fileSHA256(path string) (string, error) { return rawio.SHA256(path) }

// codeHash is the sha256 of the code a corpus is loaded with: the path
// and content of every file under root/analysis except tests (*_test.go
// and testdata folders), and of root/go.mod and root/go.sum. It changes
// with any edit of the packages, committed or not; editing a test, a
// notebook or a script does not change it.
func codeHash(root string) (string, error) {
	if root == "" {
		return "", errors.New("the code's folder is unknown")
	}
	h := sha256.New()
	add := func(p string) error {
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		fmt.Fprintf(h, "%s %d\n", filepath.ToSlash(rel), len(b))
		h.Write(b)
		return nil
	}
	for _, f := range []string{"go.mod", "go.sum"} {
		if err := add(filepath.Join(root, f)); err != nil {
			return "", err
		}
	}
	err := filepath.WalkDir(filepath.Join(root, "analysis"), func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && d.Name() == "testdata":
			return filepath.SkipDir
		case !d.Type().IsRegular() || strings.HasSuffix(d.Name(), "_test.go"):
			return nil
		}
		return add(p)
	})
	if err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// codeRoot is the repository the running code was compiled from: the
// root of this source file's module when it is still there (a notebook
// cell builds against the working tree), else repo.Root.
func codeRoot() string {
	if _, file, _, ok := runtime.Caller(0); ok {
		dir := filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
		if fi, err := os.Stat(filepath.Join(dir, "analysis", "notebook")); err == nil && fi.IsDir() {
			if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
				return dir
			}
		}
	}
	return repo.Root()
}

// readCache returns the corpus cached under k in dir, or why there is
// none: absent, of another format or key, truncated, or corrupt (its
// checksum does not match). Such a file is simply rebuilt.
func readCache(k *studyKey, dir string) (*cached, error) {
	b, err := os.ReadFile(k.file(dir))
	if err != nil {
		return nil, err
	}
	head, rest, ok := cutLines(b, 3)
	if !ok || head[0] != cacheFormat {
		return nil, errors.New("not a cache file of this format")
	}
	if head[1] != k.sum() {
		return nil, errors.New("another key")
	}
	n, sum, _ := strings.Cut(head[2], " ")
	size, err := strconv.Atoi(n)
	if err != nil || size != len(rest) {
		return nil, fmt.Errorf("truncated: %d bytes of corpus, header says %s", len(rest), n)
	}
	if s := sha256.Sum256(rest); hex.EncodeToString(s[:]) != sum {
		return nil, errors.New("corrupt: checksum differs")
	}
	var f cacheFile
	if err := gob.NewDecoder(bytes.NewReader(rest)).Decode(&f); err != nil {
		return nil, fmt.Errorf("corrupt: %v", err)
	}
	e := f.cached()
	if e.Corpus == nil {
		return nil, errors.New("corrupt: no corpus")
	}
	now := time.Now()
	os.Chtimes(k.file(dir), now, now) // marks it used, for pruneCache
	return &e, nil
}

// cutLines splits the first n lines off b.
func cutLines(b []byte, n int) ([]string, []byte, bool) {
	lines := make([]string, n)
	for i := range lines {
		j := bytes.IndexByte(b, '\n')
		if j < 0 || j > 200 {
			return nil, nil, false
		}
		lines[i], b = string(b[:j]), b[j+1:]
	}
	return lines, b, true
}

// encodeCache encodes e as a cache file of key k, after checking that the
// corpus read back from it is deep-equal to e.Corpus: a field gob cannot
// carry (unexported, a nil slice told from an empty one) would otherwise
// give cells a corpus different from a fresh load.
func encodeCache(k *studyKey, e cached) ([]byte, error) {
	var payload bytes.Buffer
	if err := gob.NewEncoder(&payload).Encode(toFile(e)); err != nil {
		return nil, err
	}
	var back cacheFile
	if err := gob.NewDecoder(bytes.NewReader(payload.Bytes())).Decode(&back); err != nil {
		return nil, err
	}
	if !reflect.DeepEqual(back.cached(), e) {
		return nil, errors.New("the corpus read back from its encoding differs from the corpus loaded")
	}
	sum := sha256.Sum256(payload.Bytes())
	var out bytes.Buffer
	fmt.Fprintf(&out, "%s\n%s\n%d %x\n", cacheFormat, k.sum(), payload.Len(), sum)
	out.Write(payload.Bytes())
	return out.Bytes(), nil
}

// writeCache writes b as the cache file of k in dir atomically (a
// temporary file renamed), so that a reader sees the old file, the new
// one or none, never a partial one; then prunes the cache.
func writeCache(k *studyKey, dir string, b []byte) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "corpus-*.tmp")
	if err != nil {
		return err
	}
	_, err = tmp.Write(b)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), k.file(dir))
	}
	if err != nil {
		os.Remove(tmp.Name())
		return err
	}
	pruneCache(dir, k.file(dir))
	return nil
}

// pruneCache removes all but the cacheKeep most recently used corpus
// files of dir (keeping keep), and temporary files left for more than an
// hour by a cell that was stopped while writing.
func pruneCache(dir, keep string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	type file struct {
		path string
		used time.Time
	}
	var files []file
	for _, e := range entries {
		fi, err := e.Info()
		if err != nil || !fi.Mode().IsRegular() || !strings.HasPrefix(e.Name(), "corpus-") {
			continue
		}
		p := filepath.Join(dir, e.Name())
		switch filepath.Ext(e.Name()) {
		case ".tmp":
			if time.Since(fi.ModTime()) > time.Hour {
				os.Remove(p)
			}
		case ".gob":
			if p != keep {
				files = append(files, file{p, fi.ModTime()})
			}
		}
	}
	sort.Slice(files, func(i, j int) bool { return files[i].used.After(files[j].used) })
	for i, f := range files {
		if i >= cacheKeep-1 {
			os.Remove(f.path)
		}
	}
}

// uncacheable says why a load's corpus must not be cached, or "": a
// message rejected for an implausible time may be accepted by a later
// load (a time after the load instant becomes plausible a day later),
// and a file read may differ from the one hashed for the key (it was
// being written).
func uncacheable(k *studyKey, spec *load.Spec, c *corpus.Corpus, rep *load.Report) string {
	if k.uncacheable != "" {
		return k.uncacheable
	}
	implausible := 0
	for _, f := range rep.Files {
		for reason, n := range f.Reasons {
			if strings.Contains(reason, rawio.ErrImplausibleTime.Error()) {
				implausible += n
			}
		}
	}
	if implausible > 0 {
		return fmt.Sprintf("%d messages rejected for an implausible time, which depends on the day of the load", implausible)
	}
	for _, in := range c.Inputs {
		if strings.Contains(in.Path, "!/") {
			continue // a zip member: its archive was hashed
		}
		p := filepath.FromSlash(in.Path)
		if !filepath.IsAbs(p) {
			p = filepath.Join(spec.Dir, p)
		}
		abs, err := filepath.Abs(p)
		if err != nil || k.files[abs] != in.SHA256 {
			return fmt.Sprintf("%s changed while it was read", in.Path)
		}
	}
	return ""
}
