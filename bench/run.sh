#!/usr/bin/env bash
# make bench: runs every bench/bench_*.sh in turn (each prints its own table,
# with ratios against a reference measured in the same run).
# Usage: bench/run.sh BUILD_DIR SHARED_DIR [NAME...]   (NAME: e.g. ingest, stance)
set -u
build=${1:-build}; shared=${2:-../shared}; shift 2 2>/dev/null || true
mkdir -p bench/out
status=0
for b in bench/bench_*.sh; do
  name=$(basename "$b" .sh); name=${name#bench_}
  if [ $# -gt 0 ] && ! printf '%s\n' "$@" | grep -qx "$name"; then continue; fi
  echo "== bench $name"
  bash "$b" "$build" "$shared" || status=1
done
exit $status
