"""Record provenance in an executed notebook's metadata.

Usage: stamp_notebook.py NOTEBOOK FIGDIR REVISION

Adds metadata.compendium = {revision, figures: [ids], inputs: [{path, sha256}]}
gathered from the sidecars of the figures this notebook drew, so that an
executed notebook can be traced back to its raw inputs and code revision.
Standard library only: Debian's python3 is enough.
"""
import glob
import json
import os
import sys

path, figdir, revision = sys.argv[1], sys.argv[2], sys.argv[3]
name = os.path.basename(path)
figures, inputs = [], {}
for side in sorted(glob.glob(os.path.join(figdir, "*.json"))):
    try:
        with open(side) as f:
            meta = json.load(f)
    except (OSError, ValueError):
        continue
    if not isinstance(meta, dict) or meta.get("notebook") != name:
        continue
    figures.append(meta.get("id", ""))
    for inp in meta.get("inputs") or []:
        inputs[inp["path"]] = inp["sha256"]
with open(path) as f:
    nb = json.load(f)
nb.setdefault("metadata", {})["compendium"] = {
    "revision": revision,
    "figures": figures,
    "inputs": [{"path": p, "sha256": inputs[p]} for p in sorted(inputs)],
}
with open(path, "w") as f:
    json.dump(nb, f, indent=1, ensure_ascii=False)
    f.write("\n")
