#!/usr/bin/env bash
# Claim-check latency (p50/p99 of mz_check, k = 20) over stores of 1k, 10k
# and 100k articles (the distinct baly2018 texts replicated, each copy made
# distinct by a marker line), with plain BM25 (mz_search, k = 100) on the same
# store measured in the same run as the reference. Claims: the 84 of dev.jsonl.
# Stores are kept in bench/out/ (the 100k one takes minutes to build: it is
# built once, with nice; SIZES="1000 10000" skips it).
# Usage: bench/bench_check.sh BUILD_DIR SHARED_DIR
set -euo pipefail
build=${1:-build}; shared=${2:-../shared}
data=$shared/data/baly2018
if [ ! -f "$data/dev.jsonl" ]; then echo "bench check: $data not found, skipped"; exit 0; fi
mkdir -p bench/out
drv=bench/out/check_bench
cc -std=c17 -O2 -Iinclude -Isrc -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
   $(pkg-config --cflags libcjson) -o "$drv" bench/check_bench.c "$build/libmizan.a" \
   $(pkg-config --libs sqlite3 libcjson libxml-2.0) -lstemmer -lpthread -lm
for n in ${SIZES:-1000 10000 100000}; do
  db=bench/out/check_$n.db
  [ -f "$db" ] || nice "$drv" build "$db" "$n" "$data/train.jsonl" "$data/dev.jsonl"
done
for n in ${SIZES:-1000 10000 100000}; do
  reps=3; [ "$n" -ge 100000 ] && reps=1
  "$drv" run bench/out/check_$n.db "$data/dev.jsonl" "$reps"
done
