#!/usr/bin/env bash
# Ablation of the stance feature groups, trained as `make model` trains (the
# baly2018 folds 1-3 plus data/written/train.jsonl): cross-validation over
# folds 1-3 (each held out in turn, grouped by claim; the written news always
# on the training side), then each configuration trained on all of it and
# scored on the two written sets kept for choosing (the design half of
# test.jsonl, Hard_1 of hard.jsonl). With --dev it also scores dev.jsonl,
# which is for reporting, not for choosing. Prints macro-F1 (and per-class F1
# for CV) for each configuration.
# Usage: bench/stance_ablation.sh BUILD_DIR SHARED_DIR [--dev]   (~4 min)
set -eu
build=${1:-build}; shared=${2:-../shared}; dev=${3:-}
train="$shared/data/baly2018/train.jsonl"; devset="$shared/data/baly2018/dev.jsonl"
[ -f "$train" ] || { echo "stance ablation: $train not found, skipped"; exit 0; }
make -s "$build/mizan" BUILD="$build"
data="$train,data/written/train.jsonl"
tmp=$(mktemp -d /tmp/mizan-ablation-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
grep '"Clean_1"' data/written/test.jsonl >"$tmp/design.jsonl"
grep '"Hard_1"' data/written/hard.jsonl >"$tmp/hard1.jsonl"
# shipped = the default groups
configs=("shipped:rel,report,claim,denial,lex" "-rel:report,claim,denial,lex"
         "-report:rel,claim,denial,lex" "-claim:rel,report,denial,lex" "-denial:rel,report,claim,lex"
         "-lex:rel,report,claim,denial" "+num:rel,report,claim,denial,lex,num"
         "+style:rel,report,claim,denial,lex,style")
cvfmt='import json,sys; d=json.load(sys.stdin); f=d["f1"]; print("%.4f (%.3f %.3f %.3f %.3f)" % (d["macro_f1"], f["agree"], f["disagree"], f["discuss"], f["unrelated"]), end="")'
mfmt='import json,sys; print("  %.3f" % json.load(sys.stdin)["macro_f1"], end="")'
printf '%-9s %-34s %-7s %-7s%s\n' config "CV (agree disagree discuss unrelated)" design Hard_1 "$([ "$dev" = --dev ] && echo '  dev')"
for c in "${configs[@]}"; do
  name=${c%%:*}; groups=${c#*:}
  printf '%-9s ' "$name"
  "$build/mizan" train --data "$data" --cv --json --groups "$groups" 2>/dev/null | python3 -c "$cvfmt"
  "$build/mizan" train --data "$data" --groups "$groups" --out "$tmp/m.model" >/dev/null 2>&1
  for set in "$tmp/design.jsonl" "$tmp/hard1.jsonl"; do
    "$build/mizan" eval --data "$set" --model "$tmp/m.model" --json | python3 -c "$mfmt"
  done
  if [ "$dev" = "--dev" ]; then
    "$build/mizan" eval --data "$devset" --model "$tmp/m.model" --json | python3 -c "$mfmt"
  fi
  echo
done
