"""Gather the figures of some notebooks, to check only them.

Usage: figure_subset.py FIGDIR OUTDIR NOTEBOOK...

Writes OUTDIR/manifest.json holding the entries of FIGDIR/manifest.json
whose notebook is one of NOTEBOOK (by file name), and copies into OUTDIR
the files (ID.csv, ID.svg, ID.png, ID.json) of those figures and of every
figure whose sidecar names one of NOTEBOOK, so that figcheck run on OUTDIR
reports them missing, incomplete, unexpected or changed, and says nothing
of the figures of the notebooks not run. Prints the number of figures
gathered. Standard library only.
"""
import glob
import json
import os
import shutil
import sys


def main(figdir, outdir, notebooks):
    names = {os.path.basename(n) for n in notebooks}
    with open(os.path.join(figdir, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    kept = [e for e in manifest.get("figures", []) if e.get("notebook") in names]
    ids = {e["id"] for e in kept}
    for side in glob.glob(os.path.join(figdir, "*.json")):
        if os.path.basename(side) == "manifest.json":
            continue
        try:
            with open(side, encoding="utf-8") as f:
                meta = json.load(f)
        except (OSError, ValueError):
            continue
        if isinstance(meta, dict) and meta.get("notebook") in names and meta.get("id"):
            ids.add(meta["id"])
    shutil.rmtree(outdir, ignore_errors=True)
    os.makedirs(outdir)
    manifest["figures"] = kept
    with open(os.path.join(outdir, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=2, ensure_ascii=False)
        f.write("\n")
    for i in sorted(ids):
        for ext in ("csv", "svg", "png", "json"):
            p = os.path.join(figdir, i + "." + ext)
            if os.path.exists(p):
                shutil.copy2(p, outdir)
    print(len(ids))


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.stderr.write(__doc__)
        sys.exit(2)
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
