#!/usr/bin/env bash
# The numbers reader (mz_numbers_extract) on every claim, sentence and line
# of the distinct baly2018 texts: calls, words, and ns per call and per word
# (best of 3 passes). With CALLGRIND=1 also its instructions on dev
# (valgrind --tool=callgrind, counted inside mz_numbers_extract only).
# `numbers_speed dump` prints every value found, to compare two builds.
# Usage: bench/bench_numbers.sh BUILD_DIR SHARED_DIR
set -eu
build=${1:-build}; shared=${2:-../shared}
data="$shared/data/baly2018"
if [ ! -f "$data/train.jsonl" ]; then echo "skip: $data not found"; exit 0; fi
make -s "$build/libmizan.a" BUILD="$build"
mkdir -p "$build/bench"
drv="$build/bench/numbers_speed"
cc -std=c17 -O2 -g -Iinclude -Isrc -D_POSIX_C_SOURCE=200809L $(pkg-config --cflags libcjson) \
  -o "$drv" bench/numbers_speed.c "$build/libmizan.a" \
  $(pkg-config --libs libcjson libxml-2.0) -lstemmer -lm
nice "$drv" time "$data/train.jsonl" "$data/dev.jsonl"
if [ "${CALLGRIND:-0}" = 1 ]; then
  out="$build/bench/numbers.callgrind"
  valgrind --tool=callgrind --toggle-collect=mz_numbers_extract --callgrind-out-file="$out" \
    "$drv" once "$data/dev.jsonl" 2>&1 | grep -E "calls=|Collected"
fi
