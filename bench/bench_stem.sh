#!/usr/bin/env bash
# Light stemming vs light + Snowball: conflation and root damage on the seed
# articles (and, if present, a dump of the baly2018 article texts). Usage: BUILD SHARED
set -eu
build=${1:-build}; shared=${2:-../shared}
if [ ! -d "$shared/seeds" ]; then echo "skip: $shared/seeds not found"; exit 0; fi
make -s "$build/libmizan.a" BUILD="$build"
mkdir -p "$build/bench"
cc -std=c17 -O2 -Iinclude -Isrc -D_POSIX_C_SOURCE=200809L -o "$build/bench/stem_eval" \
  bench/stem_eval.c "$build/libmizan.a" -lstemmer -lm
echo "-- seeds"
"$build/bench/stem_eval" "$shared"/seeds/*.txt
if [ -f "$shared/data/baly2018/train.jsonl" ] && command -v python3 >/dev/null; then
  tmp=$(mktemp /tmp/mizan-stem-XXXXXX)
  python3 -c 'import json,sys
for f in sys.argv[1:]:
    for l in open(f): print(json.loads(l)["article"])' "$shared"/data/baly2018/*.jsonl >"$tmp"
  echo "-- baly2018 articles"
  "$build/bench/stem_eval" "$tmp" | head -3
  rm -f "$tmp"
fi
