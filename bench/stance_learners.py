#!/usr/bin/python3
"""Learners and extra features for stance, compared by cross-validation over
folds 1-3 of baly2018 (grouped by claim: the `fold` field). Never looks at
dev.jsonl. Prototype only: it decides what is worth porting to C.

Needs Debian's python3-sklearn/python3-numpy (/usr/bin/python3, not pyenv).
Usage: bench/stance_learners.py BUILD_DIR SHARED_DIR
  (runs BUILD_DIR/mizan train --dump to get the shipped dense features)

Prints macro-F1 and per-class F1 (agree, disagree, discuss, unrelated) of
each design. With 35 disagree pairs in train, a design moves macro-F1 by
±0.01 through disagree alone: only gains >= 0.02 count as real.
"""
import collections
import csv
import itertools
import json
import math
import os
import re
import subprocess
import sys
import tempfile

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score

CLASSES = ["agree", "disagree", "discuss", "unrelated"]
STYLE = {"claim_said", "claim_time", "claim_wire_x_cov", "claim_other_x_cov",
         "claim_other_x_den", "claim_other_x_neg"}


def load_dump(path):
    rows = list(csv.reader(open(path, encoding="utf-8")))
    cols = rows[0][2:]
    fold = np.array([int(r[0]) for r in rows[1:]])
    y = np.array([CLASSES.index(r[1]) for r in rows[1:]])
    X = np.array([[float(v) for v in r[2:]] for r in rows[1:]])
    return cols, X, y, fold


def class_weights(y, power=0.75):
    n = np.bincount(y, minlength=4)
    return ((len(y) / (4 * n)) ** power)[y]


class LR:
    """Standardized multinomial logistic regression (C = 1 / (2 l2 n) of
    the C trainer; C 0.03 is about its default l2 0.01)."""

    def __init__(self, C):
        self.C = C

    def fit(self, X, y, sample_weight):
        self.mu, self.sd = X.mean(0), X.std(0) + 1e-9
        self.m = LogisticRegression(C=self.C, max_iter=3000)
        self.m.fit((X - self.mu) / self.sd, y, sample_weight=sample_weight)
        return self

    def predict_proba(self, X):
        return self.m.predict_proba((X - self.mu) / self.sd)


def hgb(**kw):
    args = dict(max_iter=100, learning_rate=0.05, max_depth=3, min_samples_leaf=40,
                l2_regularization=5.0, random_state=0)
    args.update(kw)
    return HistGradientBoostingClassifier(**args)


def cv_probs(make, X, y, fold):
    P = np.zeros((len(y), 4))
    for f in sorted(set(fold)):
        te = fold == f
        m = make().fit(X[~te], y[~te], sample_weight=class_weights(y[~te]))
        P[te] = m.predict_proba(X[te])
    return P


def score(y, pred):
    return f1_score(y, pred, average="macro"), f1_score(y, pred, average=None)


def fit_bias(L, y):
    """Per-class additive biases on log-probabilities maximizing macro-F1
    (coordinate search)."""
    b = np.zeros(4)
    for _ in range(3):
        for k in range(3):
            best = max(np.linspace(-2, 2, 41),
                       key=lambda g: f1_score(y, (L + np.where(np.arange(4) == k, g, b)).argmax(1),
                                              average="macro"))
            b[k] = best
    return b


def nested_bias(P, y, fold):
    """Biases fitted on the other folds' out-of-fold predictions, applied to
    the held-out fold: an honest estimate of what bias calibration gives."""
    L = np.log(P + 1e-12)
    pred = np.zeros(len(y), int)
    for f in sorted(set(fold)):
        te = fold == f
        pred[te] = (L[te] + fit_bias(L[~te], y[~te])).argmax(1)
    return pred


# ---- extra features from the raw text (prototypes of candidate C features)

def norm(s):
    s = re.sub("[\u064B-\u0652\u0640]", "", s)
    s = re.sub("[إأآ]", "ا", s)
    return s.replace("ة", "ه").replace("ى", "ي")


def words(s):
    return re.findall(r"[\u0621-\u064A]+|\d+", norm(s))


STOP = set(words("في من على إلى الى عن مع أن إن ان التي الذي قال قالت يوم هذا هذه بعد قبل كان وقد "
                 "قد أو او و ما لا لم ثم حيث كما ذلك تلك بين عند منذ حتى إنه انه أي"))


def grams(w, n=4):
    w = "_" + w + "_"
    return [w[i:i + n] for i in range(max(1, len(w) - n + 1))]


def chargram_features(rows):
    """Claim coverage by character 4-grams (morphology-blind matching:
    قتل/مقتل, اعتقلت/تعتقل): best line, second line, 40-word window, title,
    lines >= 0.4, tf-idf cosine with the whole article."""
    df, seen = collections.Counter(), set()
    for r in rows:
        if r["article"] not in seen:
            seen.add(r["article"])
            df.update(set(g for w in words(r["article"]) for g in grams(w)))
    N = len(seen)
    idf_of = lambda g: math.log((N + 1) / (df.get(g, 0) + 1))
    out = []
    for r in rows:
        cg = collections.Counter(g for w in words(r["claim"]) if w not in STOP and len(w) > 1
                                 for g in grams(w))
        idf = {g: idf_of(g) for g in cg}
        tot = sum(idf.values()) or 1
        cov = lambda gs: sum(idf[g] for g in cg if g in gs) / tot
        lines = [l for l in r["article"].split("\n") if l.strip()] or [""]
        sc = sorted((cov(set(g for w in words(l) for g in grams(w))) for l in lines), reverse=True)
        aw = words(r["article"])
        win = max([cov(set(g for w in aw[i:i + 40] for g in grams(w)))
                   for i in range(0, max(1, len(aw)), 15)] or [0])
        ag = collections.Counter(g for w in aw for g in grams(w))
        dot = sum((1 + math.log(ag[g])) * idf[g] ** 2 for g in cg if ag[g])
        na = math.sqrt(sum(((1 + math.log(c)) * idf_of(g)) ** 2 for g, c in ag.items())) or 1
        nc = math.sqrt(sum(v * v for v in idf.values())) or 1
        title = cov(set(g for w in words(lines[0]) for g in grams(w)))
        out.append([sc[0], sc[1] if len(sc) > 1 else 0, win, title,
                    math.log1p(sum(s > 0.4 for s in sc)), dot / (na * nc)])
    return np.array(out)


def structure_features(rows):
    """Page shape: lines, mean line length, best line length, short lines,
    digit density, share of the words in lines covering >= 0.3 of the claim,
    relative position of the best line."""
    out = []
    for r in rows:
        cw = set(w for w in words(r["claim"]) if w not in STOP and len(w) > 2)
        lw = [words(l) for l in r["article"].split("\n") if l.strip()] or [[]]
        nw = [len(x) for x in lw]
        tot = sum(nw) or 1
        sc = [len(cw & set(x)) / max(1, len(cw)) for x in lw]
        b = int(np.argmax(sc))
        out.append([math.log1p(len(lw)), math.log1p(tot / len(lw)), math.log1p(nw[b]),
                    sum(n < 12 for n in nw) / len(nw), len(re.findall(r"\d+", r["article"])) / tot,
                    sum(n for n, s in zip(nw, sc) if s >= 0.3) / tot, b / len(lw)])
    return np.array(out)


def lsa_cv(rows, X, y, fold, dim=300):
    """LSA (truncated SVD of tf-idf over the article lines of the training
    folds only, refit for each held-out fold): cosine of the claim with the
    whole article, its best line and second-best line, added to X. Soft
    matching of a claim's words by the company they keep in this corpus,
    where the thesaurus had nothing (mythes-ar, README)."""
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import TfidfVectorizer
    analyzer = lambda t: [w for w in words(t) if w not in STOP]
    lines = [[l for l in r["article"].split("\n") if len(words(l)) >= 4] or [""] for r in rows]
    P = np.zeros((len(y), 4))
    for f in sorted(set(fold)):
        te = fold == f
        seen, corpus = set(), []
        for i in np.flatnonzero(~te):
            if rows[i]["article"] not in seen:
                seen.add(rows[i]["article"])
                corpus += lines[i]
        vec = TfidfVectorizer(analyzer=analyzer, min_df=2, sublinear_tf=True).fit(corpus)
        svd = TruncatedSVD(dim, random_state=0).fit(vec.transform(corpus))

        def emb(texts):
            E = svd.transform(vec.transform(texts))
            return E / (np.linalg.norm(E, axis=1, keepdims=True) + 1e-9)
        F = np.zeros((len(y), 3))
        for i, r in enumerate(rows):
            c = emb([r["claim"]])[0]
            s = np.sort(emb(lines[i]) @ c)[::-1]
            F[i] = [emb([r["article"]])[0] @ c, s[0], s[1] if len(s) > 1 else s[0]]
        XF = np.hstack([X, F])
        m = LR(0.03).fit(XF[~te], y[~te], sample_weight=class_weights(y[~te]))
        P[te] = m.predict_proba(XF[te])
    return P


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else "build"
    shared = sys.argv[2] if len(sys.argv) > 2 else "../shared"
    train = os.path.join(shared, "data/baly2018/train.jsonl")
    if not os.path.exists(train):
        print(f"stance learners: {train} not found, skipped")
        return
    with tempfile.TemporaryDirectory() as tmp:
        dump = os.path.join(tmp, "train.csv")
        subprocess.run([os.path.join(build, "mizan"), "train", "--data", train,
                        "--groups", "rel,num,denial,report,claim,style", "--dump", dump,
                        "--out", os.path.join(tmp, "m.model"), "--no-calibrate"],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        cols, X, y, fold = load_dump(dump)
    rows = [json.loads(l) for l in open(train, encoding="utf-8")]
    assert len(rows) == len(y)
    group = lambda c: "style" if c in STYLE else {"att": "report", "hedge": "report",
                                                    "question": "report", "assert": "report",
                                                    "fake": "denial", "neg": "denial", "den": "denial",
                                                    "contrast": "denial"}.get(c.split("_")[0], c.split("_")[0])
    pick = lambda gs: [i for i, c in enumerate(cols) if group(c) in gs]
    default = pick({"rel", "report", "claim"})
    every = pick({"rel", "report", "claim", "num", "denial"})

    def show(name, pred):
        m, f = score(y, pred)
        print(f"{name:<44} {m:.4f}  " + "  ".join(f"{v:.3f}" for v in f), flush=True)

    print(f"{'design (CV over folds 1-3)':<44} macroF1 agree  disag  discu  unrel")
    for C in (0.1, 0.03, 0.01):
        show(f"LR C={C} default groups", cv_probs(lambda: LR(C), X[:, default], y, fold).argmax(1))
    P_lr = cv_probs(lambda: LR(0.03), X[:, default], y, fold)
    show("LR + style group", cv_probs(lambda: LR(0.03), X[:, pick({"rel", "report", "claim", "style"})],
                                      y, fold).argmax(1))
    show("LR + per-class biases (nested on OOF)", nested_bias(P_lr, y, fold))
    rel = pick({"rel"})
    quad = np.stack([X[:, i] * X[:, j] for i, j in itertools.combinations_with_replacement(rel, 2)], 1)
    show("LR + rel x rel products (C 0.03)",
         cv_probs(lambda: LR(0.03), np.hstack([X[:, default], quad]), y, fold).argmax(1))
    P_gbt = cv_probs(lambda: hgb(), X[:, default], y, fold)
    show("GBT depth 3, 100 trees, default groups", P_gbt.argmax(1))
    show("GBT depth 3, all but style", cv_probs(lambda: hgb(max_iter=150, l2_regularization=20.0),
                                                X[:, every], y, fold).argmax(1))
    show("0.75 LR + 0.25 GBT (log-prob blend)", (0.75 * np.log(P_lr) + 0.25 * np.log(P_gbt)).argmax(1))
    CG = chargram_features(rows)
    show("LR + char-4-gram coverage (6)",
         cv_probs(lambda: LR(0.03), np.hstack([X[:, default], CG]), y, fold).argmax(1))
    ST = structure_features(rows)
    show("LR + page structure (7)",
         cv_probs(lambda: LR(0.03), np.hstack([X[:, default], ST]), y, fold).argmax(1))
    show("LR + char-4-gram + page structure",
         cv_probs(lambda: LR(0.03), np.hstack([X[:, default], CG, ST]), y, fold).argmax(1))
    show("LR + LSA-300 claim/line cosines (3)", lsa_cv(rows, X[:, default], y, fold).argmax(1))
    RS = {"rel", "report", "claim", "style"}
    show("LR + style + char-4-gram + page structure",
         cv_probs(lambda: LR(0.03), np.hstack([X[:, pick(RS)], CG, ST]), y, fold).argmax(1))


if __name__ == "__main__":
    main()
