#!/usr/bin/env bash
# Stance throughput on one core, ~4 KB articles (bench/stance_speed.c), with
# the tokenizer alone over the same bytes as the reference in the same run.
# Usage: bench/bench_stance.sh BUILD_DIR SHARED_DIR
set -eu
build=${1:-build}; shared=${2:-../shared}
data="$shared/data/baly2018/dev.jsonl"
if [ ! -f "$data" ]; then echo "bench stance: $data not found, skipped"; exit 0; fi
mkdir -p bench/out
cc -std=c17 -O2 -Iinclude -Isrc -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
   $(pkg-config --cflags libcjson) -o bench/out/stance_speed bench/stance_speed.c \
   "$build/libmizan.a" $(pkg-config --libs sqlite3 libcjson libxml-2.0) -lstemmer -lpthread -lm
taskset -c 0 nice bench/out/stance_speed "${STANCE_MODEL:-models/stance.model}" "$data" "${STANCE_BENCH_SECONDS:-3}" 2>/dev/null \
  || bench/out/stance_speed "${STANCE_MODEL:-models/stance.model}" "$data" "${STANCE_BENCH_SECONDS:-3}"
