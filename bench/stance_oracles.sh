#!/usr/bin/env bash
# stance_oracles.sh — where stance loses, inside folds 1-3 only (dev never
# read): out-of-fold predictions (each fold scored by a model trained on the
# other two), then macro-F1 (a) as predicted, (b) with the related/unrelated
# decision made perfect (the model still picks among agree/disagree/discuss),
# (c) with the agree/disagree/discuss choice made perfect (the model's
# related/unrelated decision kept). Trained as `make model` trains: the
# written news of data/written/train.jsonl always on the training side.
# Usage: bash bench/stance_oracles.sh BUILD SHARED
set -eu
build=${1:-build}; shared=${2:-../shared}
train="$shared/data/baly2018/train.jsonl"
if [ ! -f "$train" ]; then
  echo "stance oracles: $train not found, skipped"; exit 0
fi
make -s "$build/mizan" BUILD="$build"
tmp=$(mktemp -d /tmp/mizan-oracle-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
for f in 1 2 3; do grep "\"fold\": *\"Fold_$f\"" "$train" >"$tmp/$f.jsonl"; done
for te in 1 2 3; do
  set -- $(for f in 1 2 3; do [ "$f" = "$te" ] || echo "$f"; done)
  "$build/mizan" train --data "$tmp/$1.jsonl,$tmp/$2.jsonl,data/written/train.jsonl" --out "$tmp/m.model" >/dev/null 2>&1
  "$build/mizan" eval --data "$tmp/$te.jsonl" --model "$tmp/m.model" --predictions "$tmp/p$te.jsonl" >/dev/null
done
python3 - "$tmp" <<'PY'
import json, sys
tmp = sys.argv[1]
C = ["agree", "disagree", "discuss", "unrelated"]
gold, probs, pred = [], [], []
for f in (1, 2, 3):
    gold += [json.loads(l)["stance"] for l in open(f"{tmp}/{f}.jsonl", encoding="utf-8")]
    for l in open(f"{tmp}/p{f}.jsonl", encoding="utf-8"):
        p = json.loads(l)
        pred.append(p["label"])
        probs.append(p["probs"])
def f1s(pr):
    out = []
    for c in C:
        tp = sum(g == c and p == c for g, p in zip(gold, pr))
        fp = sum(g != c and p == c for g, p in zip(gold, pr))
        fn = sum(g == c and p != c for g, p in zip(gold, pr))
        out.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return out
def show(name, pr):
    f = f1s(pr)
    print(f"{name:<40} {sum(f) / 4:.4f}  " + "  ".join(f"{c} {v:.3f}" for c, v in zip(C, f)))
related = ["agree", "disagree", "discuss"]
show("as predicted (out of fold)", pred)
show("perfect related/unrelated", ["unrelated" if g == "unrelated" else max(related, key=lambda k: p[k])
                                   for g, p in zip(gold, probs)])
show("perfect agree/disagree/discuss", [l if l == "unrelated" or g == "unrelated" else g
                                        for g, l in zip(gold, pred)])
PY
