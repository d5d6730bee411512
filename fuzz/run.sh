#!/usr/bin/env bash
# Runs each libFuzzer target for the given number of seconds, starting from its
# seed corpus in fuzz/seeds/<target>/ and with the dictionary fuzz/<target>.dict
# when present. A crash fails the run.
set -u
secs=$1; shift
mkdir -p build-fuzz
results=build-fuzz/fuzz-results.txt
: >"$results"
status=0
for t in "$@"; do
  name=$(basename "$t")
  corpus="build-fuzz/corpus-$name"
  mkdir -p "$corpus"
  seeds=()
  [ -d "fuzz/seeds/$name" ] && seeds=("fuzz/seeds/$name")
  dict=() # tags and names the parser looks for, when the target has them
  [ -f "fuzz/$name.dict" ] && dict=("-dict=fuzz/$name.dict")
  if "$t" -max_total_time="$secs" -max_len=65536 -rss_limit_mb=2048 -print_final_stats=1 "${dict[@]}" \
       -artifact_prefix=build-fuzz/ "$corpus" "${seeds[@]}" >"build-fuzz/$name.log" 2>&1; then
    echo "ok   fuzz $name (${secs}s, $(grep -ao 'stat::number_of_executed_units: [0-9]*' "build-fuzz/$name.log" | awk '{print $2}') runs)"
    echo "$name 1 0 0" >>"$results"
  else
    tail -40 "build-fuzz/$name.log"
    echo "FAIL fuzz $name"
    echo "$name 0 1 0" >>"$results"
    status=1
  fi
done
exit $status
