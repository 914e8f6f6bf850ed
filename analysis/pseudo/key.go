package pseudo

import (
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Environment variables read by LoadKey.
const (
	EnvKey     = "COMPENDIUM_PSEUDO_KEY"
	EnvKeyFile = "COMPENDIUM_PSEUDO_KEY_FILE"
)

// DevKey is the development default key, used when no key is configured.
// It is public, so pseudonyms made with it protect nobody: it is meant for
// the synthetic data shipped with the project only.
const DevKey = "faire-communaute compendium development key: synthetic data only"

// DevKeySource is the source LoadKey reports for DevKey.
const DevKeySource = "development default key (synthetic data only; set COMPENDIUM_PSEUDO_KEY for real data)"

// MinKeyLen is the shortest key LoadKey accepts from the environment or a
// file, in bytes.
const MinKeyLen = 16

// LoadKey finds the pseudonymisation key and says where it came from:
//
//  1. the environment variable COMPENDIUM_PSEUDO_KEY;
//  2. else the file named by COMPENDIUM_PSEUDO_KEY_FILE, which must then
//     exist;
//  3. else $XDG_CONFIG_HOME/compendium/pseudo.key (by default
//     ~/.config/compendium/pseudo.key) when it exists;
//  4. else DevKey, with source DevKeySource.
//
// A value (or file content, trimmed of surrounding white space) made only
// of an even number of hexadecimal digits is decoded as hex; any other
// value is used as raw bytes. Keys shorter than MinKeyLen bytes are
// refused. The key file must live outside the repository, which LoadKey
// cannot check: a key committed with the data would let anyone holding
// both re-identify everybody.
func LoadKey() (key []byte, source string, err error) {
	if v := os.Getenv(EnvKey); v != "" {
		k, err := parseKey(v)
		if err != nil {
			return nil, "", fmt.Errorf("pseudo: %s: %w", EnvKey, err)
		}
		return k, "environment variable " + EnvKey, nil
	}
	if path := os.Getenv(EnvKeyFile); path != "" {
		k, err := readKeyFile(path)
		if err != nil {
			return nil, "", fmt.Errorf("pseudo: %s: %w", EnvKeyFile, err)
		}
		return k, "file " + path, nil
	}
	if path := defaultKeyFile(); path != "" {
		k, err := readKeyFile(path)
		switch {
		case err == nil:
			return k, "file " + path, nil
		case !errors.Is(err, os.ErrNotExist):
			return nil, "", fmt.Errorf("pseudo: %w", err)
		}
	}
	return []byte(DevKey), DevKeySource, nil
}

// defaultKeyFile returns $XDG_CONFIG_HOME/compendium/pseudo.key, or
// ~/.config/compendium/pseudo.key, or "" when neither can be told.
func defaultKeyFile() string {
	dir := os.Getenv("XDG_CONFIG_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return ""
		}
		dir = filepath.Join(home, ".config")
	}
	return filepath.Join(dir, "compendium", "pseudo.key")
}

func readKeyFile(path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	k, err := parseKey(string(b))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return k, nil
}

// parseKey decodes a key written as hex or as raw text.
func parseKey(v string) ([]byte, error) {
	v = strings.TrimSpace(v)
	k := []byte(v)
	if len(v)%2 == 0 && isHex(v) {
		k, _ = hex.DecodeString(v)
	}
	if len(k) < MinKeyLen {
		return nil, fmt.Errorf("key too short: %d bytes, want at least %d", len(k), MinKeyLen)
	}
	return k, nil
}

func isHex(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}
