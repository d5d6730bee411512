#!/usr/bin/env bash
# Browser test of the web page: headless Debian chromium driven by
# playwright-core (pinned in package-lock.json, installed with `npm ci` when
# node_modules is missing). Records its counts in build-browser/test-results.txt,
# which tests/summary.sh adds up with the rest. Skips (counted, with a reason)
# only when chromium or node is absent.
# Usage: tests/browser/run.sh BUILD_DIR
set -u
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
results=build-browser/test-results.txt
mkdir -p build-browser "$build/browser"
chromium=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ] || ! command -v node >/dev/null 2>&1; then
  echo "browser: skipped (chromium at $chromium or node is not installed; run scripts/setup.sh)"
  echo "tests/browser 0 0 1" >"$results"
  exit 0
fi
if [ ! -d "$here/node_modules/playwright-core" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error) || {
    echo "browser: npm ci failed"; echo "tests/browser 0 1 0" >"$results"; exit 1; }
fi
out=$(node "$here/browser_test.js" "$build/mizan" "$build/browser" 2>&1); rc=$?
printf '%s\n' "$out"
passed=$(printf '%s\n' "$out" | sed -n 's/^browser: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p' | tail -1)
failed=$(printf '%s\n' "$out" | sed -n 's/^browser: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p' | tail -1)
passed=${passed:-0}; failed=${failed:-1}
[ "$rc" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
echo "tests/browser $passed $failed 0" >"$results"
[ "$failed" -eq 0 ]
