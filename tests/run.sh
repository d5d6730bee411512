#!/usr/bin/env bash
# Runs the cmocka test binaries given, in the build folder given, and records
# per-binary pass/fail counts in BUILD/test-results.txt for tests/summary.sh.
# Environment: MIZAN_BIN (the CLI under test), SHARED (../shared, may be absent).
set -u
build=$1; shift
results="$build/test-results.txt"
: >"$results"
export MIZAN_BIN="${MIZAN_BIN:-$build/mizan}" SHARED="${SHARED:-../shared}"
export CMOCKA_MESSAGE_OUTPUT=stdout
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
status=0
for t in "$@"; do
  out=$("$t" 2>&1); rc=$?
  passed=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -1)
  failed=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | head -1)
  skipped=$(printf '%s\n' "$out" | sed -n 's/^\[  SKIPPED \] \([0-9]*\) test.*/\1/p' | head -1)
  passed=${passed:-0}; failed=${failed:-0}; skipped=${skipped:-0}
  if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi   # crashed or leaked
  if [ "$rc" -ne 0 ] || [ "$failed" -ne 0 ]; then
    status=1
    printf '%s\n' "$out"
    echo "FAIL $t (exit $rc)"
  else
    echo "ok   $t: $passed passed${skipped:+, $skipped skipped}"
  fi
  echo "$t $passed $failed $skipped" >>"$results"
done
exit $status
