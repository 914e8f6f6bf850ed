"""Print the ids of the figures a notebook drew, from their sidecars.

Usage: figures_of.py FIGDIR NOTEBOOK
"""
import glob
import json
import os
import sys

figdir, nb = sys.argv[1], os.path.basename(sys.argv[2])
for side in sorted(glob.glob(os.path.join(figdir, "*.json"))):
    try:
        with open(side) as f:
            meta = json.load(f)
    except (OSError, ValueError):
        continue
    if isinstance(meta, dict) and meta.get("notebook") == nb and meta.get("id"):
        print(meta["id"])
