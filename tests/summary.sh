#!/usr/bin/env bash
# Adds up build*/test-results.txt (written by tests/run.sh and fuzz/run.sh)
# and prints the closing line CI reads: "N passed, N failed[, N skipped]".
p=0; f=0; s=0
for r in build*/test-results.txt build-fuzz/fuzz-results.txt; do
  [ -f "$r" ] || continue
  while read -r _ a b c; do p=$((p + a)); f=$((f + b)); s=$((s + ${c:-0})); done <"$r"
done
echo "tests: $p passed, $f failed, $s skipped"
[ "$f" -eq 0 ]
