#!/usr/bin/env bash
# learning_curve.sh — how stance quality grows with labeled data, inside
# folds 1-3 only (dev never read): each fold held out in turn, the model
# trained on one other fold (~610 pairs) or on both (~1,220), macro-F1 and
# per-class F1 on the held-out fold. The written news of data/written/train.jsonl
# is always on the training side, as in `make model`, so the curve is the one
# of labeled scrapes added to what ships.
# Usage: bash bench/learning_curve.sh BUILD SHARED
set -eu
build=${1:-build}; shared=${2:-../shared}
train="$shared/data/baly2018/train.jsonl"
if [ ! -f "$train" ]; then
  echo "learning curve: $train not found, skipped"; exit 0
fi
make -s "$build/mizan" BUILD="$build"
tmp=$(mktemp -d /tmp/mizan-lc-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
for f in 1 2 3; do grep "\"fold\": *\"Fold_$f\"" "$train" >"$tmp/$f.jsonl"; done
score() { # train files, test file, label
  "$build/mizan" train --data "$1,data/written/train.jsonl" --out "$tmp/m.model" >/dev/null 2>&1
  "$build/mizan" eval --data "$2" --model "$tmp/m.model" --json |
    python3 -c 'import json, sys; j = json.load(sys.stdin); f = j["f1"]
print("%-22s %.4f  agree %.3f  disagree %.3f  discuss %.3f  unrelated %.3f" % (sys.argv[1],
      j["macro_f1"], f["agree"], f["disagree"], f["discuss"], f["unrelated"]))' "$3"
}
for te in 1 2 3; do
  set -- $(for f in 1 2 3; do [ "$f" = "$te" ] || echo "$f"; done)
  score "$tmp/$1.jsonl" "$tmp/$te.jsonl" "fold $1 -> fold $te"
  score "$tmp/$2.jsonl" "$tmp/$te.jsonl" "fold $2 -> fold $te"
  score "$tmp/$1.jsonl,$tmp/$2.jsonl" "$tmp/$te.jsonl" "folds $1+$2 -> fold $te"
done
