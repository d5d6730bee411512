#!/usr/bin/python3
"""Re-ranking ideas for claim retrieval, measured in Python before any C.

Plain BM25 (k1 1.2, b 0.75, a light prefix/suffix stemmer) over all distinct
articles of a baly2018 file, then, for each claim, recall@10 and MRR of its
related (agree/disagree/discuss) articles, as `mizan eval-claims` counts them.
Compares two re-rankings of the 100 best BM25 candidates:

- cluster: the cluster hypothesis -- related articles of one claim tell one
  story, so a candidate close (tf-idf cosine) to the centroid of the m best
  hits is lifted: score = a * bm25/bm25_max + (1 - a) * cos(centroid).
- length: a prior against long pages, score = bm25/bm25_max -
  g * max(0, log(length / median length)); and BM25 with b = 1.
- rare: a bonus for the claim's r rarest terms present in the candidate (the
  town or person that tells sibling claims apart), score = bm25/bm25_max +
  beta * share of those terms present.

Then counts who holds the top-10 slots of the claims that miss a related
article: the claim's own related and unrelated articles, or articles returned
for *other* claims (and whether those are related to their own claim).

Uses folds 1-3 (train.jsonl) by default; never tune on dev.
Needs Debian's python3-numpy. Usage:
  bench/retrieval_prototypes.py [SHARED_DIR] [FILE]   (~1 min)
"""
import collections
import json
import math
import os
import re
import sys

import numpy as np

AR = re.compile(r"[\u0621-\u064A]+")
PREFIXES = ["وال", "بال", "كال", "فال", "لل", "ال", "و"]
SUFFIXES = ["ات", "ون", "ين", "ها", "ه", "ي"]


def norm(t):
    t = re.sub("[\u064B-\u0652\u0640]", "", t)
    t = re.sub("[إأآ]", "ا", t)
    return t.replace("ة", "ه").replace("ى", "ي")


def stem(w):
    for p in PREFIXES:
        if w.startswith(p) and len(w) - len(p) >= 3:
            w = w[len(p):]
            break
    for s in SUFFIXES:
        if w.endswith(s) and len(w) - len(s) >= 3:
            w = w[:-len(s)]
            break
    return w


def toks(t):
    return [stem(w) for w in AR.findall(norm(t))]


STOP = set(toks("في من على الى عن ان قال يوم مع هذا التي الذي كان ما لا و او ثم قد الخميس "
                "الجمعة السبت الاحد الاثنين الثلاثاء الاربعاء"))


class Index:
    def __init__(self, rows):
        texts = {}
        self.aid = [texts.setdefault(r["article"], len(texts)) for r in rows]
        self.docs = [None] * len(texts)
        for t, i in texts.items():
            self.docs[i] = collections.Counter(w for w in toks(t) if w not in STOP)
        self.n = len(self.docs)
        self.dl = np.array([sum(d.values()) for d in self.docs])
        self.df = collections.Counter()
        for d in self.docs:
            self.df.update(d.keys())
        self.post = collections.defaultdict(list)
        for i, d in enumerate(self.docs):
            for w, tf in d.items():
                self.post[w].append((i, tf))
        self.vec = []
        for d in self.docs:
            v = {w: (1 + math.log(tf)) * math.log(self.n / self.df[w]) for w, tf in d.items()}
            nv = math.sqrt(sum(x * x for x in v.values())) or 1
            self.vec.append({w: x / nv for w, x in v.items()})

    def bm25(self, q, k1=1.2, b=0.75):
        s, avg = np.zeros(self.n), self.dl.mean()
        for w in set(q):
            if w not in self.df:
                continue
            idf = math.log(1 + (self.n - self.df[w] + 0.5) / (self.df[w] + 0.5))
            for i, tf in self.post[w]:
                s[i] += idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * self.dl[i] / avg))
        return s


def cosine(a, b):
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0) for w, x in a.items())


def rerank_cluster(ix, order, s, m, alpha):
    top = s[order[0]] or 1
    cen = collections.Counter()
    for a in order[:m]:
        for w, x in ix.vec[a].items():
            cen[w] += x / m
    return sorted(order, key=lambda a: -(alpha * s[a] / top + (1 - alpha) * cosine(ix.vec[a], cen)))


def rerank_rare(ix, order, s, q, r, beta):
    top = s[order[0]] or 1
    rare = sorted({w for w in q if w in ix.df}, key=lambda w: ix.df[w])[:r]
    share = lambda a: sum(w in ix.docs[a] for w in rare) / max(1, len(rare))
    return sorted(order, key=lambda a: -(s[a] / top + beta * share(a)))


def rerank_length(ix, order, s, g):
    top, med = s[order[0]] or 1, np.median(ix.dl)
    return sorted(order, key=lambda a: -(s[a] / top - g * max(0.0, math.log(ix.dl[a] / med))))


def evaluate(rows, ix, claims, rerank):
    rec, rr = [], []
    for ids in claims.values():
        rel = {ix.aid[i] for i in ids if rows[i]["stance"] != "unrelated"}
        if not rel:
            continue
        q = [w for w in toks(rows[ids[0]]["claim"]) if w not in STOP]
        s = ix.bm25(q)
        order = list(np.argsort(-s, kind="stable"))[:100]
        order = rerank(order, s, q)
        rec.append(len(rel & set(order[:10])) / len(rel))
        ranks = [order.index(a) for a in rel if a in order]
        rr.append(1 / (1 + min(ranks)) if ranks else 0)
    return np.mean(rec), np.mean(rr)


def competitors(rows, ix, claims):
    label = {(ix.aid[i], r["claim_id"]): r["stance"] for i, r in enumerate(rows)}
    owners = collections.defaultdict(set)
    for i, r in enumerate(rows):
        owners[ix.aid[i]].add(r["claim_id"])
    slots, n_claims = collections.Counter(), 0
    for ids in claims.values():
        mine = {ix.aid[i] for i in ids}
        rel = {ix.aid[i] for i in ids if rows[i]["stance"] != "unrelated"}
        q = [w for w in toks(rows[ids[0]]["claim"]) if w not in STOP]
        top = list(np.argsort(-ix.bm25(q), kind="stable"))[:10]
        if not rel or rel <= set(top):
            continue
        n_claims += 1
        for a in top:
            if a in rel:
                slots["own related"] += 1
            elif a in mine:
                slots["own unrelated"] += 1
            elif any(label[(a, c)] != "unrelated" for c in owners[a]):
                slots["other claim's, related to it"] += 1
            else:
                slots["other claim's, unrelated to it"] += 1
    return n_claims, slots


def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else "../shared"
    path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(shared, "data/baly2018/train.jsonl")
    if not os.path.exists(path):
        print(f"retrieval prototypes: {path} not found, skipped")
        return
    rows = [json.loads(line) for line in open(path, encoding="utf-8")]
    ix = Index(rows)
    claims = collections.defaultdict(list)
    for i, r in enumerate(rows):
        claims[r["claim_id"]].append(i)
    show = lambda name, rm: print(f"{name:<36} recall@10 %.4f  MRR %.4f" % evaluate(rows, ix, claims, rm),
                                  flush=True)
    show("BM25", lambda o, s, q: o)
    for m in (3, 5):
        for alpha in (0.8, 0.6):
            show(f"cluster m={m} a={alpha}", lambda o, s, q, m=m, a=alpha: rerank_cluster(ix, o, s, m, a))
    for r in (2, 4):
        for beta in (0.1, 0.25):
            show(f"rare r={r} beta={beta}", lambda o, s, q, r=r, b=beta: rerank_rare(ix, o, s, q, r, b))
    for g in (0.05, 0.1, 0.3):
        show(f"length prior g={g}", lambda o, s, q, g=g: rerank_length(ix, o, s, g))
    show("BM25 b=1", lambda o, s, q: sorted(o, key=lambda a, s1=ix.bm25(q, 1.2, 1.0): -s1[a]))
    n, slots = competitors(rows, ix, claims)
    print(f"top-10 slots of the {n} claims that miss a related article (BM25):")
    for k, v in slots.most_common():
        print(f"  {k:<34} {v:5d}  ({v / sum(slots.values()):.0%})")


if __name__ == "__main__":
    main()
