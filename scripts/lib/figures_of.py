"""Print the ids of the figures of a notebook: those whose sidecar in
FIGDIR names it (the figures it drew), and those FIGDIR/manifest.json
assigns to it (the figures it must draw: a fresh checkout has no sidecars).

Usage: figures_of.py [--drawn] FIGDIR NOTEBOOK

--drawn: the sidecars only.
"""
import glob
import json
import os
import sys

args = sys.argv[1:]
drawn = args[:1] == ["--drawn"]
if drawn:
    args = args[1:]
figdir, nb = args[0], os.path.basename(args[1])
ids = set()
if not drawn:
    try:
        with open(os.path.join(figdir, "manifest.json")) as f:
            for e in json.load(f).get("figures", []):
                if e.get("notebook") == nb and e.get("id"):
                    ids.add(e["id"])
    except (OSError, ValueError):
        pass
for side in sorted(glob.glob(os.path.join(figdir, "*.json"))):
    try:
        with open(side) as f:
            meta = json.load(f)
    except (OSError, ValueError):
        continue
    if isinstance(meta, dict) and meta.get("notebook") == nb and meta.get("id"):
        ids.add(meta["id"])
for i in sorted(ids):
    print(i)
