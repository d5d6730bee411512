#!/usr/bin/env bash
# bench_html.sh — ingest of saved web pages against the same articles as text
# files, same run: time (median of REPEATS, default 3) and the ratio; and
# fidelity — the pages go into the store that already holds the text files,
# so every page whose story comes out as the text did is a duplicate.
# Usage: bash bench/bench_html.sh BUILD_DIR SHARED_DIR
set -eu
build=${1:-build}; shared=${2:-../shared}
data="$shared/data/baly2018/dev.jsonl"
if [ ! -f "$data" ]; then
  echo "bench html: $data not found, skipped"; exit 0
fi
make -s "$build/mizan" BUILD="$build"
tmp=$(mktemp -d /tmp/mizan-html-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
n=$(python3 bench/html_pages.py "$data" "$tmp")
echo "-- $n distinct dev articles: $(du -sh "$tmp/txt" | cut -f1) as text, $(du -sh "$tmp/html" | cut -f1) as pages"
for kind in txt html div; do
  for r in $(seq "${REPEATS:-3}"); do
    rm -f "$tmp/$kind.db"*
    s=$(date +%s.%N)
    "$build/mizan" ingest --db "$tmp/$kind.db" --quiet "$tmp/$kind" >/dev/null
    e=$(date +%s.%N)
    awk -v s="$s" -v e="$e" 'BEGIN { printf "%.3f\n", e - s }'
  done | sort -n | sed -n "$(( (${REPEATS:-3} + 1) / 2 ))p" >"$tmp/$kind.t"
done
awk -v n="$n" -v t="$(cat "$tmp/txt.t")" -v h="$(cat "$tmp/html.t")" -v d="$(cat "$tmp/div.t")" 'BEGIN {
  printf "text files              %.3f s  %6.0f articles/s  1.00x\n", t, n / t
  printf "pages, semantic layout  %.3f s  %6.0f articles/s  %.2fx the text time\n", h, n / h, h / t
  printf "pages, <div> layout     %.3f s  %6.0f articles/s  %.2fx the text time\n", d, n / d, d / t }'
for kind in html div; do
  "$build/mizan" ingest --db "$tmp/txt.db" --quiet "$tmp/$kind" 2>&1 |
    sed "s/^/fidelity, $kind pages into the text store: /"
done
