#!/usr/bin/python3
"""Passage-level BM25 (MaxP) for claim retrieval, measured in Python before any C.

Each article is cut into passages of `win` sentences (a sliding window,
`stride` sentences apart), BM25 is computed over the passages as documents
(their own df and mean length), and an article scores its best passage's
BM25. Ranked by alpha * BM25(article) + (1 - alpha) * MaxP, each normalised by
the claim's best, against plain BM25 (alpha 1) -- same tokenizer, stemmer,
stopwords and recall@10 / MRR as bench/retrieval_prototypes.py. The hope:
a multi-story page (a long aggregator) scores by its best story alone.

Uses folds 1-3 (train.jsonl) by default; never tune on dev.
Needs Debian's python3-numpy. Usage:
  bench/retrieval_passages.py [SHARED_DIR] [FILE]   (~6 min)
"""
import collections
import json
import math
import os
import re
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import retrieval_prototypes as rp  # noqa: E402

SPLIT = re.compile(r'[\.\!\?؟\n]+')

def passages(text, win, stride):
    sents = [s for s in SPLIT.split(text) if len(rp.AR.findall(s)) >= 3]
    if not sents:
        return [text]
    out = []
    for i in range(0, max(1, len(sents) - win + 1), stride):
        out.append(' '.join(sents[i:i + win]))
    return out

class PIndex:
    def __init__(self, rows, win, stride):
        texts = {}
        for r in rows:
            texts.setdefault(r['article'], len(texts))
        self.owner = []
        docs = []
        for t, i in texts.items():
            for p in passages(t, win, stride):
                docs.append(collections.Counter(w for w in rp.toks(p) if w not in rp.STOP))
                self.owner.append(i)
        self.owner = np.array(self.owner)
        self.n = len(docs); self.ndoc = len(texts)
        self.dl = np.array([sum(d.values()) for d in docs]) + 1e-9
        self.df = collections.Counter()
        for d in docs: self.df.update(d.keys())
        self.post = collections.defaultdict(list)
        for i, d in enumerate(docs):
            for w, tf in d.items(): self.post[w].append((i, tf))
    def maxp(self, q, k1=1.2, b=0.75):
        s, avg = np.zeros(self.n), self.dl.mean()
        for w in set(q):
            if w not in self.df: continue
            idf = math.log(1 + (self.n - self.df[w] + 0.5) / (self.df[w] + 0.5))
            for i, tf in self.post[w]:
                s[i] += idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * self.dl[i] / avg))
        d = np.zeros(self.ndoc)
        np.maximum.at(d, self.owner, s)
        return d

def evaluate(rows, ix, px, claims, alpha):
    rec, rr = [], []
    for ids in claims.values():
        rel = {ix.aid[i] for i in ids if rows[i]['stance'] != 'unrelated'}
        if not rel: continue
        q = [w for w in rp.toks(rows[ids[0]]['claim']) if w not in rp.STOP]
        s = ix.bm25(q); m = px.maxp(q)
        s = s / (s.max() or 1); m = m / (m.max() or 1)
        tot = alpha * s + (1 - alpha) * m
        order = list(np.argsort(-tot, kind='stable'))[:100]
        rec.append(len(rel & set(order[:10])) / len(rel))
        ranks = [order.index(a) for a in rel if a in order]
        rr.append(1 / (1 + min(ranks)) if ranks else 0)
    return np.mean(rec), np.mean(rr)

def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else "../shared"
    path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(shared, "data/baly2018/train.jsonl")
    if not os.path.exists(path):
        print(f"retrieval passages: {path} not found, skipped")
        return
    rows = [json.loads(line) for line in open(path, encoding="utf-8")]
    ix = rp.Index(rows)
    claims = collections.defaultdict(list)
    for i, r in enumerate(rows):
        claims[r["claim_id"]].append(i)
    for win, stride in ((1, 1), (2, 1), (3, 1), (5, 2)):
        px = PIndex(rows, win, stride)
        for alpha in (1.0, 0.7, 0.5, 0.3, 0.0):
            if alpha == 1.0 and win != 1:
                continue  # plain BM25, once
            print(f"win={win} stride={stride} alpha={alpha}: recall@10 %.4f  MRR %.4f"
                  % evaluate(rows, ix, px, claims, alpha), flush=True)


if __name__ == "__main__":
    main()
