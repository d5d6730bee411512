#!/usr/bin/env bash
# Boilerplate filter on the baly2018 scrapes: share of annotated story
# (rationale) lines kept, share of bytes removed. Usage: BUILD SHARED
set -eu
build=${1:-build}; shared=${2:-../shared}
data="$shared/data/baly2018"
if [ ! -f "$data/train.jsonl" ]; then echo "skip: $data not found"; exit 0; fi
make -s "$build/libmizan.a" BUILD="$build"
mkdir -p "$build/bench"
cc -std=c17 -O2 -Iinclude -Isrc -D_POSIX_C_SOURCE=200809L $(pkg-config --cflags libcjson) \
  -o "$build/bench/boilerplate_eval" bench/boilerplate_eval.c "$build/libmizan.a" \
  $(pkg-config --libs libcjson libxml-2.0) -lstemmer -lm
"$build/bench/boilerplate_eval" "$data/train.jsonl" "$data/dev.jsonl"
