#!/usr/bin/env bash
# Rebuilds the raw files of the two study shapes scripts/test runs whole
# (deterministic: same seed, same bytes). See README.md here.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
here="$root/scripts/testdata/shapes"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cd "$root"
go run ./scripts/simulator -seed 20190523 -scale 0.03 -formats facepager,twarc2 -out "$tmp" >/dev/null
# one-group: one Facebook group, one format (Facepager), no observations.
cp "$tmp/raw/tu-sais-que/facepager_feed_146190510705272.csv" "$here/one-group/raw/"
# no-parents: the #DocTocToc search (thread starts) and its replies with
# every parent id removed (referenced_tweets "replied_to",
# conversation_id, the included parent tweets): only in_reply_to_user_id
# links a reply to the account it answers, as in an export without parents.
cp "$tmp/raw/doctoctoc/twarc2-search-doctoctoc.jsonl.gz" "$here/no-parents/raw/"
python3 - "$tmp/raw/doctoctoc/twarc2-conversations.jsonl.gz" "$here/no-parents/raw/twarc2-replies-no-parents.jsonl.gz" <<'PY'
import gzip, json, sys
out = []
with gzip.open(sys.argv[1], "rt", encoding="utf-8") as f:
    for line in f:
        page = json.loads(line)
        for t in page.get("data", []):
            t.pop("conversation_id", None)
            refs = [r for r in t.get("referenced_tweets", []) if r.get("type") != "replied_to"]
            if refs:
                t["referenced_tweets"] = refs
            else:
                t.pop("referenced_tweets", None)
        page.get("includes", {}).pop("tweets", None)
        out.append(json.dumps(page, ensure_ascii=False, separators=(",", ":")))
with open(sys.argv[2], "wb") as raw:
    with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as g:
        g.write(("\n".join(out) + "\n").encode("utf-8"))
PY
