#!/usr/bin/env bash
# bench_ingest.sh — ingest of every distinct baly2018 article text: the mizan
# pipeline and its Arabic FTS5 tokenizer against FTS5's built-in unicode61
# tokenizer, same texts, same run (see bench/ingest.c); query cost over the
# ingested store (bench/ingest_search.c); retrieval quality of the analyzers
# (bench/ingest_recall.c). CALLGRIND=1 adds instruction counts.
# Usage: bash bench/bench_ingest.sh BUILD_DIR SHARED_DIR
set -eu
build=${1:-build}; shared=${2:-../shared}
data="$shared/data/baly2018"
if [ ! -f "$data/train.jsonl" ]; then
  echo "bench ingest: $data not found, skipped"; exit 0
fi
make -s "$build/libmizan.a" "$build/mizan"
flags="-Iinclude -Isrc -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -std=c17 -O2 $(pkg-config --cflags sqlite3 libcjson)"
libs="$build/libmizan.a $(pkg-config --libs sqlite3 libcjson libxml-2.0) -lstemmer -lm"
mkdir -p bench/out
cc $flags -o bench/out/ingest-bench bench/ingest.c $libs
cc $flags -o bench/out/ingest-recall bench/ingest_recall.c $libs
cc $flags -o bench/out/ingest-search bench/ingest_search.c $libs
echo "-- ingest: time, throughput, peak memory (median of ${REPEATS:-3})"
nice bench/out/ingest-bench -r "${REPEATS:-3}" "$data/train.jsonl" "$data/dev.jsonl" | tee bench/out/ingest.txt
if [ "${CALLGRIND:-0}" = 1 ] && command -v valgrind >/dev/null; then
  echo "-- instructions (callgrind), first 300 distinct articles"
  tmp=$(mktemp -d /tmp/mizan-bench-XXXXXX)
  bench/out/ingest-bench --distinct 300 "$tmp/d.jsonl" "$data/dev.jsonl"
  ref=""
  for v in unicode61 mizan_ar mizan; do
    rm -f "$tmp"/b.db*
    ir=$(nice valgrind --tool=callgrind --callgrind-out-file=/dev/null bench/out/ingest-bench --run $v "$tmp/d.jsonl" "$tmp/b.db" 2>&1 >/dev/null | sed -n 's/.*refs: *//p' | tr -d ,)
    ref=${ref:-$ir}
    awk -v v=$v -v ir="$ir" -v ref="$ref" 'BEGIN { printf "%-10s %14.0f instructions  %.2fx\n", v, ir, ir / ref }'
  done | tee bench/out/ingest_callgrind.txt
  rm -rf "$tmp"
fi
echo "-- search: each dev claim as a query over the whole store (train + dev)"
tmp=$(mktemp -d /tmp/mizan-bench-XXXXXX)
"$build/mizan" ingest --db "$tmp/s.db" --on-error skip --quiet "$data/train.jsonl" "$data/dev.jsonl" >/dev/null
nice bench/out/ingest-search "$tmp/s.db" "$data/dev.jsonl" | tee bench/out/ingest_search.txt
rm -rf "$tmp"
echo "-- retrieval: each claim as the query over its fold's pooled articles"
nice bench/out/ingest-recall "$data/dev.jsonl" "$data/train.jsonl" | tee bench/out/ingest_recall.txt
