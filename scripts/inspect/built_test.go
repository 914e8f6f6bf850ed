package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// build builds the command into dir, with the given build tags.
func build(t *testing.T, dir, name string, tags ...string) string {
	t.Helper()
	goBin := filepath.Join(runtime.GOROOT(), "bin", "go")
	if _, err := os.Stat(goBin); err != nil {
		if goBin, err = exec.LookPath("go"); err != nil {
			t.Skip("no go command to build the inspector")
		}
	}
	bin := filepath.Join(dir, name)
	args := []string{"build", "-o", bin}
	if len(tags) > 0 {
		args = append(args, "-tags", strings.Join(tags, ","))
	}
	cmd := exec.Command(goBin, append(args, ".")...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// runBin runs a built command and returns its exit status, standard
// output and standard error.
func runBin(t *testing.T, bin string, stdin []byte, env []string, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), env...)
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case err == nil:
		return 0, out.String(), errb.String()
	case errors.As(err, &ee):
		return ee.ExitCode(), out.String(), errb.String()
	}
	t.Fatalf("%s: %v", bin, err)
	return 0, "", ""
}

// The exit statuses of the command as built, on real formats: 0 read, 1
// a strict rejection, 2 an unreadable input, 3 an internal error (from a
// reader, from the inspector itself), each with one JSON object per PATH
// and never a goroutine dump. Status 3 needs a crash: the binary built
// with the tag inspecttest has a format "crash-test" whose reader panics,
// and panics itself under INSPECT_TEST_CRASH=run (crash_inspecttest.go).
func TestBuiltCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	setup(t)
	dir := t.TempDir()
	bin := build(t, dir, "inspect")
	crashBin := build(t, dir, "inspect-crash", "inspecttest")
	good, broken := "testdata/generic/good.csv", "testdata/generic/broken.csv"
	unknown := filepath.Join(dir, "notes.md")
	os.WriteFile(unknown, []byte("# notes\n"), 0o644)
	crash := filepath.Join(dir, "crash.txt")
	os.WriteFile(crash, []byte("#crash-test\n"), 0o644)
	goodBytes, _ := os.ReadFile(good)

	for _, c := range []struct {
		what   string
		bin    string
		stdin  []byte
		env    []string
		args   []string
		status int
		lines  int    // JSON objects on standard output
		stderr string // a line standard error must hold
	}{
		{"read", bin, nil, nil, []string{good, broken}, 0, 2, ""},
		{"strict", bin, nil, nil, []string{"--strict", good, broken}, 1, 2, "inspect: 1 records rejected; first: " + broken + `:3: field "timestamp"`},
		{"unreadable", bin, nil, nil, []string{good, unknown}, 2, 2, "inspect: " + unknown + ": format not recognised"},
		{"usage", bin, nil, nil, []string{"--limit", "nope=1", good}, 2, 0, `inspect: --limit: unknown limit "nope"`},
		{"stdin", bin, goodBytes, nil, []string{"-"}, 0, 1, ""},
		{"/dev/stdin", bin, goodBytes, nil, []string{"/dev/stdin"}, 0, 1, ""},
		{"reader crash", crashBin, nil, nil, []string{good, crash}, 3, 2,
			"inspect: " + crash + ": internal error in the crash-test reader (a bug: please report it with this message): assignment to entry in nil map"},
		{"inspector crash", crashBin, nil, []string{"INSPECT_TEST_CRASH=run"}, []string{good}, 3, 1,
			"inspect: internal error (a bug: please report it with this message): runtime error: index out of range [6] with length 0 (at crash_inspecttest.go:"},
		{"crash-test absent", bin, nil, []string{"INSPECT_TEST_CRASH=run"}, []string{good, crash}, 2, 2, "inspect: " + crash + ": format not recognised"},
	} {
		status, out, stderr := runBin(t, c.bin, c.stdin, c.env, c.args...)
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		if out == "" {
			lines = nil
		}
		if status != c.status || len(lines) != c.lines || c.stderr != "" && !strings.Contains("\n"+stderr, "\n"+c.stderr) {
			t.Errorf("%s: status %d (want %d), %d objects (want %d), stderr %q (want a line %q)", c.what, status, c.status, len(lines), c.lines, stderr, c.stderr)
		}
		if strings.Contains(stderr, "goroutine ") || strings.Contains(out, "goroutine ") {
			t.Errorf("%s: a goroutine dump:\n%s", c.what, stderr)
		}
		// Every object is JSON; with status 2 or 3, the last holds an
		// error.
		var obj map[string]any
		for _, l := range lines {
			obj = nil
			if err := json.Unmarshal([]byte(l), &obj); err != nil {
				t.Errorf("%s: not JSON: %q", c.what, l)
			}
		}
		if e, _ := obj["error"].(string); len(lines) > 0 && (c.status >= 2) != (e != "") || c.status == 3 && !strings.Contains(e, "internal error") {
			t.Errorf("%s: last object %v", c.what, obj)
		}
		if c.what == "stdin" || c.what == "/dev/stdin" {
			var r Result
			json.Unmarshal([]byte(lines[0]), &r)
			if r.Path != c.args[0] || r.Format != "generic-csv" || r.Records != 2 || r.Loaded != 2 {
				t.Errorf("%s: %+v", c.what, r)
			}
		}
	}
}
