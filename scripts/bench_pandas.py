#!/usr/bin/python3
"""The pandas side of scripts/bench: load raw exports and compute the seven
reference indicators the way a researcher would in Jupyter with pandas.

    bench_pandas.py --format twarc2|netvizz|facepager FILES... --out RESULT.json
    bench_pandas.py --self-test [--write DIR]

Needs Debian's python3 with python3-pandas (pandas and numpy only).

Loading
  twarc2   gzip (or plain) JSON lines of API v2 response pages:
           pd.read_json(lines=True), explode of `data`, pd.json_normalize.
           Tweets in includes.tweets are context, not collected messages,
           and are not loaded (as the Go loader does). id, created_at; the
           author is the account's lower-cased username when the page's
           includes.users lists it, else author_id (the Go loader's
           identity of a Twitter account); parent = the id of the `replied_to` reference,
           except for a retweet (a `retweeted` reference), which has no
           parent. Rows without id or with an unreadable created_at are
           dropped (the Go loader rejects them).
  netvizz  posts and comments TSV files (told apart by their header:
           comment_id makes a comments file), pd.read_csv(sep='\\t'),
           never quoted. Post: id post_id, author `by`, time
           post_published (else post_published_unix, else
           post_published_sql, UTC). Comment: id comment_id, parent
           post_id. Reply (is_reply 1/true/yes): parent is the comment at
           position K_0 (or K) of the same post, for position K_n; a reply
           whose comment is not in the file is dropped, as the Go loader
           rejects it. Authors: "post_user_..." and empty are anonymous,
           "post_page_<id>" is <id>, anything else is taken as written.
  facepager  Facepager's CSV of a node tree (separator of the header:
           ';' as Facepager writes, ',' or tab), pd.read_csv. A row is a
           node with a database id and its parent_id ("None": none); the
           seed (object_type seed, no message, no created_time) names the
           group. A message is a node of type data or unpacked whose
           query_status is "fetched (2xx)", "downloaded (2xx)" or "ok"
           and that has an object_id; at level 2 and below its parent
           must be a node kept above it in the file (else it is dropped,
           and so are the nodes below it, as the Go loader rejects them).
           Its id is object_id (object_id#id when a message above it has
           the same object_id), its parent the id of the message its
           parent node is (none under the seed), its time created_time
           (Graph API time). Author: the display name from.name,
           normalised as the Go loader's identity does (NFC, case-folded,
           white space collapsed), else from.id; "None" and empty are
           anonymous. A node whose created_time is missing or unreadable
           is not a message but its children still name it as parent.

  All files of one run form one community. Duplicates are removed by id:
  groupby('id').first(), i.e. the first copy wins and a field it lacks
  (parent, author) is taken from a later copy, as the Go loader does.

Indicators (exact reference definitions; NaN, written null, when undefined)
  reply_rate, median_first_reply_min: a message belongs to the thread whose
    start its chain of parents reaches within the data. Chains are resolved
    by a thread-id propagation loop: each pass gives every unresolved
    message the thread of its parent when the parent's is known; the loop
    stops when a pass resolves nothing (chains leaving the data, or loops,
    stay unresolved: they belong to no thread), or after MAX_DEPTH passes.
    A reply qualifies when its author differs from the starter's (an
    anonymous author is the empty string, equal to itself). Delays below 0
    count as 0.
  gini_messages_per_author, top10_share: over non-anonymous authors; Gini
    from the sorted values, sum_k (2k - n - 1) x_(k) / (n * sum x), which
    equals sum_i sum_j |x_i - x_j| / (2 n^2 mean); top10 share of the
    authored messages held by the ceil(n/10) most active authors.
  density, reciprocity: distinct edges a->b (a message of a whose direct
    parent, present in the data, is by b; a != b; anonymous authors are not
    nodes); density E / (n(n-1)) over authors with an edge (NaN when n < 2);
    reciprocity the share of edges whose reverse exists (NaN when E = 0).
  off_hours_share: share of messages outside Monday-Friday 08:00-19:00,
    Europe/Paris (tz_convert).

Output: prints and writes {"load_s", "indicators_s", "peak_rss_mb",
"messages", "indicators": {name: value}}; peak_rss_mb is the process's peak
resident set size from resource.getrusage.
"""

import argparse
import csv
import gzip
import json
import math
import os
import resource
import sys
import tempfile
import time

import numpy as np
import pandas as pd

# MAX_DEPTH bounds the passes of the thread-id propagation loop: a reply
# chain longer than this is left unresolved (it never happens in real or
# simulated data, where chains are a few messages deep).
MAX_DEPTH = 10000

INDICATORS = [
    "reply_rate",
    "median_first_reply_min",
    "gini_messages_per_author",
    "top10_share",
    "density",
    "reciprocity",
    "off_hours_share",
]

COLUMNS = ["id", "parent", "author", "created"]


# ---------------------------------------------------------------- loading


def _messages(df):
    """Keep the message columns, drop rows the Go loader rejects."""
    df = df[COLUMNS]
    return df[df["id"].notna() & (df["id"] != "") & df["created"].notna()]


def load_twarc2(paths):
    frames = []
    for path in paths:
        pages = pd.read_json(path, lines=True, dtype=False, convert_dates=False)
        if "data" not in pages:
            continue
        # A page holds a list of tweets; a stream line holds one tweet.
        data = pages["data"].explode().dropna()
        if data.empty:
            continue
        tweets = pd.json_normalize(data.tolist())
        for col in ("id", "author_id", "created_at", "referenced_tweets"):
            if col not in tweets:
                tweets[col] = np.nan
        refs = tweets["referenced_tweets"].dropna().explode().dropna()
        parent = pd.Series(np.nan, index=tweets.index, dtype=object)
        if not refs.empty:
            refs = pd.json_normalize(refs.tolist()).set_index(refs.index)
            replied = refs.loc[refs["type"] == "replied_to", "id"]
            replied = replied[~replied.index.duplicated(keep="last")]
            parent.loc[replied.index] = replied
            retweets = refs.index[refs["type"] == "retweeted"].unique()
            parent.loc[retweets] = np.nan
        parent = parent.replace("", np.nan)
        frames.append(
            _messages(
                pd.DataFrame(
                    {
                        "id": tweets["id"],
                        "parent": parent,
                        "author": twarc2_author(pages, data.index, tweets["author_id"]),
                        "created": pd.to_datetime(tweets["created_at"], utc=True, errors="coerce"),
                    }
                )
            )
        )
    return frames


def twarc2_author(pages, page_of, author_id):
    """An account as the Go loader identifies it: its lower-cased username
    when the tweet's page lists the account in includes.users, else its id
    (the project pseudonymises Twitter accounts by handle first, so that an
    author and the @mentions of that author get the same pseudonym)."""
    author_id = author_id.fillna("").astype(str)
    author = ("id:" + author_id).where(author_id != "")
    if "includes" not in pages:
        return author
    inc = pages["includes"].dropna()
    users = inc.map(lambda i: i.get("users") if isinstance(i, dict) else None).dropna().explode().dropna()
    if users.empty:
        return author
    users = pd.json_normalize(users.tolist()).set_index(users.index)
    if "username" not in users:
        return author
    users = users.assign(page=users.index, handle=users["username"].fillna("").str.strip().str.lstrip("@").str.lower())
    users = users[users["handle"] != ""].drop_duplicates(["page", "id"], keep="last")
    keys = pd.DataFrame({"page": np.asarray(page_of), "id": author_id.to_numpy()})
    handle = keys.merge(users[["page", "id", "handle"]], on=["page", "id"], how="left")["handle"]
    return ("h:" + handle.set_axis(author.index)).fillna(author)


def netvizz_author(by):
    """Authors as the Go loader reads Netvizz's `by` and `comment_by`."""
    by = by.fillna("").str.strip()
    by = by.mask(by.str.startswith("post_user_"), "")
    by = by.str.replace(r"^post_page_", "", regex=True)
    return by.replace("", np.nan)


def parse_api_time(s):
    """Graph API times (2016-08-31T19:02:51+0000), else ISO 8601."""
    s = s.fillna("").str.strip()
    t = pd.to_datetime(s, format="%Y-%m-%dT%H:%M:%S%z", utc=True, errors="coerce")
    rest = t.isna() & (s != "")
    if rest.any():
        t[rest] = pd.to_datetime(s[rest], utc=True, errors="coerce")
    return t


def read_tsv(path):
    return pd.read_csv(
        path,
        sep="\t",
        dtype=str,
        quoting=csv.QUOTE_NONE,
        keep_default_na=False,
        on_bad_lines="skip",
        skip_blank_lines=True,
    )


def load_netvizz_posts(df):
    created = parse_api_time(df.get("post_published", pd.Series("", index=df.index)))
    if "post_published_unix" in df:
        unix = pd.to_numeric(df["post_published_unix"].str.strip(), errors="coerce")
        unix = unix.where((unix > 0) & (unix < 1e11))
        created = created.fillna(pd.to_datetime(unix, unit="s", utc=True))
    if "post_published_sql" in df:
        sql = pd.to_datetime(df["post_published_sql"].str.strip(), format="%Y-%m-%d %H:%M:%S", errors="coerce")
        created = created.fillna(sql.dt.tz_localize("UTC"))
    return _messages(
        pd.DataFrame(
            {
                "id": df["post_id"].str.strip(),
                "parent": np.nan,
                "author": netvizz_author(df.get("by", pd.Series("", index=df.index))),
                "created": created,
            }
        )
    )


def load_netvizz_comments(df):
    df = df.assign(post_id=df["post_id"].str.strip(), comment_id=df["comment_id"].str.strip())
    df = df[(df["post_id"] != "") & (df["comment_id"] != "")]
    flag = df.get("is_reply", pd.Series("", index=df.index)).str.strip().str.lower()
    df = df[flag.isin(["1", "true", "yes", "0", "false", "no", ""])]
    is_reply = flag[df.index].isin(["1", "true", "yes"])
    position = df.get("position", pd.Series("", index=df.index)).str.strip()
    key = position.str.split("_").str[0]
    # Replies answer the comment at position K_0 of their post.
    comments = pd.DataFrame({"post_id": df["post_id"], "key": key, "parent": df["comment_id"]})
    comments = comments[~is_reply & (key != "")].drop_duplicates(["post_id", "key"], keep="last")
    replies = df[is_reply & (key != "")].assign(key=key).merge(comments, on=["post_id", "key"], how="inner")
    top = df[~is_reply].assign(parent=df["post_id"])
    both = pd.concat([top, replies], ignore_index=True)
    return _messages(
        pd.DataFrame(
            {
                "id": both["comment_id"],
                "parent": both["parent"],
                "author": netvizz_author(both.get("comment_by", pd.Series("", index=both.index))),
                "created": parse_api_time(both["comment_published"]),
            }
        )
    )


def load_netvizz(paths):
    frames = []
    for path in paths:
        df = read_tsv(path)
        if "comment_id" in df:
            frames.append(load_netvizz_comments(df))
        elif "post_id" in df:
            frames.append(load_netvizz_posts(df))
        else:
            raise SystemExit(f"bench_pandas: {path}: neither a Netvizz posts nor comments file")
    return frames


def facepager_separator(path):
    """The separator of a Facepager header ("level;id;..."), ';' when the
    first line does not say."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8-sig", newline="") as f:
        head = f.readline()
    rest = head.lstrip('"')[len("level") :].lstrip('"') if head.lstrip('"').startswith("level") else ""
    return rest[0] if rest[:1] in (";", ",", "\t") else ";"


def facepager_author(name, fbid):
    """The Go loader's identity of a Facebook person: the normalised
    display name, else the id (empty: anonymous)."""
    def value(s):
        s = s.fillna("").str.strip()
        return s.mask(s == "None", "")

    name = value(name).str.normalize("NFC").str.casefold().str.normalize("NFC").str.split().str.join(" ")
    fbid = value(fbid)
    return ("n:" + name).where(name != "", ("id:" + fbid).where(fbid != "", ""))


def load_facepager(paths):
    frames = []
    for path in paths:
        df = pd.read_csv(path, sep=facepager_separator(path), dtype=str, keep_default_na=False,
                         encoding="utf-8-sig", on_bad_lines="skip")
        for col in ("level", "id", "parent_id", "object_id", "object_type", "query_status", "message",
                    "created_time", "from.name", "from.id"):
            if col not in df:
                df[col] = ""
        n = len(df)
        pos = np.arange(n)
        level_s = df["level"].str.strip()
        level = pd.to_numeric(level_s.where(level_s.str.fullmatch(r"\+?\d+"), None), errors="coerce")
        node = df["id"].str.strip()
        parent_node = df["parent_id"].str.strip()
        parent_node = parent_node.mask(parent_node == "None", "")
        obj = df["object_id"].str.strip()
        typ = df["object_type"].str.strip().str.lower()
        stamp = df["created_time"].str.strip()
        stamp = stamp.mask(stamp == "None", "")
        status = df["query_status"].str.strip().str.lower()
        fetched = (status == "ok") | status.str.startswith("fetched (2") | status.str.startswith("downloaded (2")
        row_ok = level.notna() & (node != "")
        seed = row_ok & (typ == "seed") & (df["message"] == "") & (stamp == "")
        # Nodes that become messages if their parent is found (or needs
        # not be: level 0 and 1, or no parent_id).
        cand = row_ok & ~seed & typ.isin(["data", "seed", "unpacked"]) & ((typ == "seed") | fetched) & (obj != "")
        # The parent of a node is the node of that id kept above it;
        # ids are database row numbers, unique in a file.
        first_pos = pd.Series(pos, index=node).groupby(level=0).first()
        ppos = parent_node.map(first_pos)
        ppos = ppos.where(ppos < pos)
        free = (parent_node == "") | (level <= 1)
        kept = seed | (cand & free)
        pending = cand & ~kept
        while True:
            add = pending & ppos.notna() & kept.to_numpy()[ppos.fillna(0).astype(int).to_numpy()]
            if not add.any():
                break
            kept |= add
            pending &= ~add
        # A kept node's parent reference: only to a kept node.
        pref = ppos.where(ppos.notna() & kept.to_numpy()[ppos.fillna(0).astype(int).to_numpy()])
        is_msg = kept & ~seed
        # object_id#id when a message above has the same object_id.
        dup = pd.Series(False, index=df.index)
        cur = pref.copy()
        for _ in range(64):
            live = cur.notna()
            if not live.any():
                break
            ci = cur.fillna(0).astype(int).to_numpy()
            dup |= live & is_msg.to_numpy()[ci] & (obj.to_numpy()[ci] == obj.to_numpy())
            cur = pref.reindex(ci).set_axis(df.index).where(live)
        mid = obj.where(~dup, obj + "#" + node)
        pi = pref.fillna(0).astype(int).to_numpy()
        parent = pd.Series(mid.to_numpy()[pi], index=df.index).where(pref.notna() & is_msg.to_numpy()[pi])
        frames.append(
            _messages(
                pd.DataFrame(
                    {
                        "id": mid,
                        "parent": parent,
                        "author": facepager_author(df["from.name"], df["from.id"]),
                        "created": parse_api_time(stamp),
                    }
                )[is_msg]
            )
        )
    return frames


LOADERS = {"twarc2": load_twarc2, "netvizz": load_netvizz, "facepager": load_facepager}


def load(fmt, paths):
    """Load the files into one frame of distinct messages (id, parent,
    author, created), in file order."""
    frames = LOADERS[fmt](paths)
    if not frames:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in COLUMNS})
    msgs = pd.concat(frames, ignore_index=True)
    msgs = msgs.groupby("id", sort=False).first().reset_index()
    msgs["author"] = msgs["author"].fillna("")
    return msgs


# ------------------------------------------------------------- indicators


def ratio(a, b):
    return a / b if b else math.nan


def thread_roots(m):
    """The thread start id of every message (NaN when its chain of parents
    leaves the data or loops), by the thread-id propagation loop."""
    root = pd.Series(np.where(m["parent"].isna(), m["id"], None), index=m["id"], dtype=object)
    pending = m.loc[m["parent"].notna(), ["id", "parent"]].set_index("id")["parent"]
    for _ in range(MAX_DEPTH):
        if pending.empty:
            break
        found = pending.map(root).dropna()
        if found.empty:
            break
        root.loc[found.index] = found
        pending = pending.drop(found.index)
    return root.to_numpy()


def responsiveness(m):
    m = m.assign(root=thread_roots(m))
    starts = m.loc[m["parent"].isna(), ["id", "author", "created"]]
    replies = m[m["root"].notna() & m["parent"].notna()].merge(
        starts, left_on="root", right_on="id", suffixes=("", "_start")
    )
    replies = replies[replies["author"] != replies["author_start"]]
    first = replies.groupby("root").agg(first=("created", "min"), start=("created_start", "first"))
    delays = ((first["first"] - first["start"]).dt.total_seconds() / 60).clip(lower=0)
    median = float(delays.median()) if len(delays) else math.nan
    return ratio(len(first), len(starts)), median


def participation(m):
    x = np.sort(m.loc[m["author"] != "", "author"].value_counts().to_numpy(dtype=np.int64))
    n, total = len(x), int(x.sum())
    if n == 0 or total == 0:
        return math.nan, math.nan
    k = np.arange(1, n + 1, dtype=np.int64)
    gini = int(((2 * k - n - 1) * x).sum()) / (n * total)
    top = int(x[n - (n + 9) // 10 :].sum()) / total
    return gini, top


def network(m):
    edges = m.loc[m["parent"].notna(), ["author", "parent"]].merge(
        m[["id", "author"]], left_on="parent", right_on="id", suffixes=("", "_to")
    )
    edges = edges[(edges["author"] != edges["author_to"]) & (edges["author"] != "") & (edges["author_to"] != "")]
    edges = edges[["author", "author_to"]].drop_duplicates()
    n = len(pd.unique(pd.concat([edges["author"], edges["author_to"]])))
    e = len(edges)
    density = e / (n * (n - 1)) if n >= 2 else math.nan
    back = edges.merge(edges, left_on=["author", "author_to"], right_on=["author_to", "author"])
    return density, ratio(len(back), e)


def off_hours_share(m):
    paris = m["created"].dt.tz_convert("Europe/Paris")
    off = (paris.dt.dayofweek >= 5) | (paris.dt.hour < 8) | (paris.dt.hour >= 19)
    return float(off.mean()) if len(m) else math.nan


def indicators(m):
    """The seven reference indicators of the distinct messages m."""
    reply_rate, median = responsiveness(m)
    gini, top = participation(m)
    density, reciprocity = network(m)
    return {
        "reply_rate": reply_rate,
        "median_first_reply_min": median,
        "gini_messages_per_author": gini,
        "top10_share": top,
        "density": density,
        "reciprocity": reciprocity,
        "off_hours_share": off_hours_share(m),
    }


def peak_rss_mb():
    # ru_maxrss is in kilobytes on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(fmt, paths):
    t0 = time.perf_counter()
    msgs = load(fmt, paths)
    t1 = time.perf_counter()
    ind = indicators(msgs)
    t2 = time.perf_counter()
    return {
        "load_s": t1 - t0,
        "indicators_s": t2 - t1,
        "peak_rss_mb": peak_rss_mb(),
        "messages": int(len(msgs)),
        "indicators": {k: (None if math.isnan(v) else v) for k, v in ind.items()},
    }


# -------------------------------------------------------------- self-test

# The 6-message example, worked by hand (times UTC; Paris is UTC+1 in
# January). Thread p1 by A starts Monday 2024-01-08 07:00 (08:00 Paris, the
# first working minute); c1 by B answers it at 07:30; r1 by A answers c1 at
# 07:40 (depth 2, by the starter: not a qualifying reply). Thread p2 by B
# starts Saturday 2024-01-13 10:00; c2 by C answers it at 10:10. Thread p3
# by A starts Monday 2024-01-15 18:00 (19:00 Paris, the first off-hours
# minute) and is unanswered. c1 is exported twice.
#
#   reply_rate = 2 answered / 3 threads = 2/3
#   median_first_reply_min = median(30, 10) = 20
#   messages per author: A 3 (p1 r1 p3), B 2 (c1 p2), C 1 (c2)
#   gini = sum_k (2k-n-1) x_(k) / (n sum x) = (-2*1 + 0*2 + 2*3) / (3*6) = 2/9
#     (directly: sum |x_i - x_j| = 2*(1+2+1) = 8; 8 / (2 * 9 * 2) = 2/9)
#   top10_share = ceil(3/10) = 1 author, 3 of 6 messages = 1/2
#   edges: c1 B->A, r1 A->B, c2 C->B: E = 3, n = 3, density = 3/6 = 1/2,
#     reciprocity = 2/3 (B->A and A->B are returned, C->B is not)
#   off hours: p2, c2 (Saturday), p3 (19:00): 3/6 = 1/2
SELF_TEST_EXPECTED = {
    "reply_rate": 2 / 3,
    "median_first_reply_min": 20.0,
    "gini_messages_per_author": 2 / 9,
    "top10_share": 0.5,
    "density": 0.5,
    "reciprocity": 2 / 3,
    "off_hours_share": 0.5,
}

_SELF_TEST_MESSAGES = [
    # id, parent, author, created (UTC)
    ("p1", None, "A", "2024-01-08T07:00:00"),
    ("c1", "p1", "B", "2024-01-08T07:30:00"),
    ("r1", "c1", "A", "2024-01-08T07:40:00"),
    ("p2", None, "B", "2024-01-13T10:00:00"),
    ("c2", "p2", "C", "2024-01-13T10:10:00"),
    ("p3", None, "A", "2024-01-15T18:00:00"),
]


def write_self_test(folder):
    """Write the 6-message example as twarc2, Netvizz and Facepager files
    under folder/twarc2, folder/netvizz and folder/facepager; returns
    {format: [paths]}."""
    tw_ids = {"p1": "1001", "c1": "1002", "r1": "1003", "p2": "1004", "c2": "1005", "p3": "1006"}
    tw_users = {"A": "11", "B": "22", "C": "33"}
    tweets = []
    for mid, parent, author, created in _SELF_TEST_MESSAGES:
        t = {"id": tw_ids[mid], "text": "bonjour", "author_id": tw_users[author], "created_at": created + ".000Z"}
        if parent:
            t["referenced_tweets"] = [{"type": "replied_to", "id": tw_ids[parent]}]
        tweets.append(t)
    context = {"id": "999", "text": "context", "author_id": "44", "created_at": "2024-01-01T00:00:00.000Z"}
    os.makedirs(os.path.join(folder, "twarc2"), exist_ok=True)
    tw = os.path.join(folder, "twarc2", "selftest.jsonl")

    def page(data, extra=None):
        # As the API does with expansions=author_id, a page lists the users
        # of its tweets (the Go loader pseudonymises by handle when known).
        users = sorted({t["author_id"] for t in data})
        includes = {"users": [{"id": u, "username": "user" + u, "name": "User " + u} for u in users]}
        includes.update(extra or {})
        return json.dumps({"data": data, "includes": includes, "meta": {"result_count": len(data)},
                           "__twarc": {"url": "https://api.twitter.com/2/tweets/search/all", "version": "2.13.0"}})

    with open(tw, "w") as f:
        # Page 1: p1 c1 r1, with a context tweet that is not a message.
        f.write(page(tweets[:3], {"tweets": [context]}) + "\n")
        # Page 2: p2 c2 p3, and c1 again (a duplicate).
        f.write(page(tweets[3:] + [tweets[1]]) + "\n")

    fb_posts = {"p1": "100_1", "p2": "100_2", "p3": "100_3"}
    fb_users = {"A": "aaaa", "B": "bbbb", "C": "cccc"}

    def fb_time(created):
        return created + "+0000"

    os.makedirs(os.path.join(folder, "netvizz"), exist_ok=True)
    posts = os.path.join(folder, "netvizz", "selftest_posts.tsv")
    with open(posts, "w") as f:
        f.write("type\tby\tpost_id\tpost_message\tpost_published\tlikes_count_fb\n")
        for mid, parent, author, created in _SELF_TEST_MESSAGES:
            if parent is None:
                f.write(f"status\t{fb_users[author]}\t{fb_posts[mid]}\tbonjour\t{fb_time(created)}\t0\n")
    comments = os.path.join(folder, "netvizz", "selftest_comments.tsv")
    by_id = {m[0]: m for m in _SELF_TEST_MESSAGES}
    rows = [
        # position, post, comment id, is_reply, message
        ("0_0", "p1", "c1", "0"),
        ("0_1", "p1", "r1", "1"),
        ("0_0", "p2", "c2", "0"),
        ("0_0", "p1", "c1", "0"),  # the duplicate
    ]
    with open(comments, "w") as f:
        f.write("position\tpost_id\tpost_by\tpost_text\tpost_published\tcomment_id\tcomment_by\tis_reply\t"
                "comment_message\tcomment_published\tcomment_like_count\n")
        for pos, post, cid, reply in rows:
            _, _, author, created = by_id[cid]
            p = by_id[post]
            f.write(f"{pos}\t{fb_posts[post]}\t{fb_users[p[2]]}\tbonjour\t{fb_time(p[3])}\t{fb_posts[post]}_{cid}\t"
                    f"{fb_users[author]}\t{reply}\tmerci\t{fb_time(created)}\t0\n")
    # Facepager: the seed (the group), posts at level 1, comments at 2,
    # replies at 3; c1 fetched twice; A's name written another way on r1
    # (the same person once normalised).
    fp_names = {"A": "Aline Martin", "B": "Bruno Petit", "C": "Chloé Durand"}
    fp_rows = [
        # message, message answered, object id, name when not fp_names's
        ("p1", None, "100_1", None),
        ("c1", "p1", "100_1_c1", None),
        ("r1", "c1", "100_1_r1", "aline  MARTIN"),
        ("c1", "p1", "100_1_c1", None),  # the duplicate
        ("p2", None, "100_2", None),
        ("c2", "p2", "100_2_c2", None),
        ("p3", None, "100_3", None),
    ]
    os.makedirs(os.path.join(folder, "facepager"), exist_ok=True)
    fp = os.path.join(folder, "facepager", "selftest_feed.csv")
    with open(fp, "w", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\n")
        w.writerow(["level", "id", "parent_id", "object_id", "object_type", "object_key", "query_status", "query_time",
                    "query_type", "message", "created_time", "from.name", "from.id", "like_count", "comment_count"])
        w.writerow(["0", "10", "None", "100", "seed", "", "", "None", "None", "", "", "", "", "", ""])
        node = {}
        for k, (mid, parent, obj, name) in enumerate(fp_rows):
            _, _, author, created = by_id[mid]
            fid = str(11 + k)
            node.setdefault(mid, fid)
            level = "1" if parent is None else ("3" if by_id[parent][1] else "2")
            w.writerow([level, fid, "10" if parent is None else node[parent], obj, "data", "data.*", "fetched (200)",
                        "2024-02-01 10:00:00.000000", "Facebook:/<group-id>/feed", 'bonjour; "merci"',
                        fb_time(created), name or fp_names[author], fb_users[author], "0", "0"])
    return {"twarc2": [tw], "netvizz": [posts, comments], "facepager": [fp]}


def close(a, b, rel=1e-9):
    """Equal within a relative tolerance; None (NaN) equals None."""
    if a is None or b is None:
        return a is None and b is None
    return a == b or abs(a - b) <= rel * max(abs(a), abs(b))


def self_test(folder=None):
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        files = write_self_test(folder or tmp)
        for fmt, paths in files.items():
            res = run(fmt, paths)
            if res["messages"] != 6:
                print(f"self-test {fmt}: {res['messages']} messages, want 6")
                ok = False
            for name, want in SELF_TEST_EXPECTED.items():
                got = res["indicators"][name]
                if not close(got, want):
                    print(f"self-test {fmt}: {name} = {got}, want {want}")
                    ok = False
    print("self-test: ok" if ok else "self-test: FAILED")
    return ok


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--format", choices=sorted(LOADERS))
    ap.add_argument("--out", help="where to write the result as JSON")
    ap.add_argument("--self-test", action="store_true", help="check the indicators on the hand-worked example")
    ap.add_argument("--write", metavar="DIR", help="with --self-test: keep the example files in DIR")
    ap.add_argument("files", nargs="*")
    args = ap.parse_args(argv)
    if args.self_test:
        return 0 if self_test(args.write) else 1
    if not args.format or not args.files:
        ap.error("--format and at least one file are required")
    res = run(args.format, args.files)
    text = json.dumps(res, indent=2)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text + "\n")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
