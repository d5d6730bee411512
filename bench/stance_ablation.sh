#!/usr/bin/env bash
# Ablation of the stance feature groups: cross-validation over the folds of
# train.jsonl (each fold held out in turn, grouped by claim), and — with
# --dev — the same configurations trained on train.jsonl and scored once on
# dev.jsonl. Prints macro-F1 and per-class F1 for each configuration.
# Usage: bench/stance_ablation.sh BUILD_DIR SHARED_DIR [--dev]
set -eu
build=${1:-build}; shared=${2:-../shared}; dev=${3:-}
train="$shared/data/baly2018/train.jsonl"; devset="$shared/data/baly2018/dev.jsonl"
[ -f "$train" ] || { echo "stance ablation: $train not found, skipped"; exit 0; }
mkdir -p bench/out
# default = the shipped configuration (rel, report, claim)
configs=("default:rel,report,claim" "-rel:report,claim" "-report:rel,claim" "-claim:rel,report" "+style:rel,report,claim,style"
         "+denial:rel,report,claim,denial" "+num:rel,report,claim,num"
         "all groups:rel,num,denial,report,claim" "rel only:rel")
fmt='import json,sys; d=json.load(sys.stdin); f=d["f1"]; print("%.4f  %.3f  %.3f  %.3f  %.3f" % (d["macro_f1"], f["agree"], f["disagree"], f["discuss"], f["unrelated"]))'
printf '%-12s %-6s %-7s %-6s %-6s %-6s %-6s\n' config split macroF1 agree disag discu unrel
for c in "${configs[@]}"; do
  name=${c%%:*}; groups=${c#*:}
  printf '%-12s %-6s ' "$name" cv
  "$build/mizan" train --data "$train" --cv --json --groups "$groups" | python3 -c "$fmt"
  if [ "$dev" = "--dev" ]; then
    "$build/mizan" train --data "$train" --groups "$groups" --out bench/out/ablation.model 2>/dev/null
    printf '%-12s %-6s ' "$name" dev
    "$build/mizan" eval --data "$devset" --model bench/out/ablation.model --json | python3 -c "$fmt"
  fi
done
