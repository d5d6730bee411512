#!/usr/bin/env bash
# Text engine throughput on the baly2018 article texts (best of 3 passes),
# as a ratio to a plain space-splitting loop run in the same process.
# Usage: BUILD SHARED
set -eu
build=${1:-build}; shared=${2:-../shared}
data="$shared/data/baly2018"
if [ ! -f "$data/train.jsonl" ]; then echo "skip: $data not found"; exit 0; fi
make -s "$build/libmizan.a" BUILD="$build"
mkdir -p "$build/bench"
cc -std=c17 -O2 -Iinclude -Isrc -D_POSIX_C_SOURCE=200809L $(pkg-config --cflags libcjson) \
  -o "$build/bench/text_speed" bench/text_speed.c "$build/libmizan.a" \
  $(pkg-config --libs libcjson libxml-2.0) -lstemmer -lm
nice "$build/bench/text_speed" "$data/train.jsonl" "$data/dev.jsonl"
