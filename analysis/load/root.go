package load

import (
	"os"
	"path/filepath"

	"github.com/faire-communaute/compendium/analysis/repo"
)

// EnvStudy names the environment variable that overrides DefaultStudy.
const EnvStudy = "COMPENDIUM_STUDY"

// DefaultStudy returns the study file notebooks and scripts load:
// $COMPENDIUM_STUDY when set, else data/study.json at the root of the
// repository (repo.Root); "data/study.json" when there is no root.
func DefaultStudy() string {
	if s := os.Getenv(EnvStudy); s != "" {
		return s
	}
	if root := repo.Root(); root != "" {
		return filepath.Join(root, "data", "study.json")
	}
	return filepath.Join("data", "study.json")
}
