#!/usr/bin/env bash
# stance_written.sh — the stance model on the clean written news of
# data/written (README, "Clean text"): macro-F1, accuracy and per-class F1 on each test
# set, for the shipped model and, with ../shared present, for a model trained
# on the baly2018 scrapes alone with today's defaults. (The model shipped
# before the written news, a3933de, computes another feature set, which no
# build reads now; its scores are in the README.) Quality, not speed: plain
# numbers, no timing.
# Usage: bash bench/stance_written.sh BUILD SHARED   (~15 s)
set -eu
build=${1:-build}; shared=${2:-../shared}
make -s "$build/mizan" BUILD="$build"
tmp=$(mktemp -d /tmp/mizan-written-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
grep '"Clean_1"' data/written/test.jsonl >"$tmp/design.jsonl"
grep '"Clean_2"' data/written/test.jsonl >"$tmp/held-out.jsonl"
cp data/written/factcheck.jsonl data/written/roundup.jsonl "$tmp/"
grep '"Hard_1"' data/written/hard.jsonl >"$tmp/hard-design.jsonl"
grep '"Hard_2"' data/written/hard.jsonl >"$tmp/hard-held.jsonl"
grep '"Hard_3"' data/written/hard.jsonl >"$tmp/hard-fresh.jsonl"
grep '"Conflict_1"' data/written/conflict.jsonl >"$tmp/conflict-1.jsonl"
grep '"Conflict_2"' data/written/conflict.jsonl >"$tmp/conflict-2.jsonl"

models=("shipped=models/stance.model")
train="$shared/data/baly2018/train.jsonl"
if [ -f "$train" ]; then
  "$build/mizan" train --data "$train" --out "$tmp/scrapes.model" >/dev/null 2>&1
  models+=("scrapes only, today's defaults=$tmp/scrapes.model")
fi

for entry in "${models[@]}"; do
  name=${entry%%=*}; model=${entry#*=}
  echo "== $name"
  for set in design held-out factcheck roundup hard-design hard-held hard-fresh conflict-1 conflict-2; do
    "$build/mizan" eval --data "$tmp/$set.jsonl" --model "$model" --json |
      python3 -c 'import json, sys; j = json.load(sys.stdin); f = j["f1"]
print("  %-11s n %3d  macro-F1 %.3f  accuracy %.3f  agree %.2f  disagree %.2f  discuss %.2f  unrelated %.2f" % (
    sys.argv[1], j["n"], j["macro_f1"], j["accuracy"], f["agree"], f["disagree"], f["discuss"], f["unrelated"]))' "$set"
  done
done
