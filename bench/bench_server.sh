#!/usr/bin/env bash
# bench_server: throughput and p99 latency of POST /api/check under wrk at 1, 8
# and 64 connections over a 10k-article store (baly2018 articles replicated
# with distinct ids), GET /api/health at 8 connections as the in-run
# reference (server overhead without the check), and a soak run with the
# server's RSS sampled every 5 s to show memory stays flat.
# Usage: bench/bench_server.sh BUILD SHARED
# Environment: DURATION (s per load level, default 20), SOAK (s, default 120),
#              (10,100 inputs give ~10,040 stored: a few baly2018 texts are duplicates already)
#              ARTICLES (default 10100), THREADS (server threads, default nproc).
set -euo pipefail
build=${1:-build}; shared=${2:-../shared}
dur=${DURATION:-20}; soak=${SOAK:-120}; n=${ARTICLES:-10100}; threads=${THREADS:-$(nproc)}
bin="$build/mizan"
out=bench/out/server.txt
mkdir -p bench/out
if [ ! -f "$shared/data/baly2018/train.jsonl" ]; then echo "bench_server: skipped ($shared/data/baly2018 absent)"; exit 0; fi
command -v wrk >/dev/null || { echo "bench_server: skipped (wrk not installed)"; exit 0; }
tmp=$(mktemp -d /tmp/mizan-bench-server.XXXXXX)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

python3 bench/make_store.py "$shared" "$n" "$tmp/articles.jsonl" "$tmp/claims.jsonl"
t0=$(date +%s.%N)
"$bin" ingest --db "$tmp/bench.db" "$tmp/articles.jsonl" >/dev/null
stored=$("$bin" stats --db "$tmp/bench.db" --json | sed -n 's/.*"articles":[[:space:]]*\([0-9]*\).*/\1/p')
echo "ingested: $stored articles stored in $(echo "$(date +%s.%N) - $t0" | bc) s"

model=(); [ -f models/stance.model ] && model=(--model models/stance.model)
"$bin" serve --db "$tmp/bench.db" --read-only --quiet --port 0 --threads "$threads" "${model[@]}" 2>"$tmp/serve.log" &
pid=$!
for _ in $(seq 50); do grep -q 'http://' "$tmp/serve.log" && break; sleep 0.1; done
port=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$tmp/serve.log")
[ -n "$port" ] || { cat "$tmp/serve.log"; exit 1; }
url="http://127.0.0.1:$port"
curl -sf "$url/api/health"; echo

rss() { awk '/^VmRSS/ {print $2}' "/proc/$pid/status"; }
run() { # name conns duration script...
  local name=$1 c=$2 d=$3; shift 3
  local t=$(( c < 2 ? 1 : 2 ))
  CLAIMS="$tmp/claims.jsonl" nice wrk -t"$t" -c"$c" -d"${d}s" --timeout 30s --latency "$@" >"$tmp/wrk.txt" 2>&1 || true
  local lat non2xx sock
  lat=$(grep '^LAT' "$tmp/wrk.txt" || true)
  non2xx=$(sed -n 's/.*Non-2xx or 3xx responses: \([0-9]*\).*/\1/p' "$tmp/wrk.txt"); non2xx=${non2xx:-0}
  sock=$(grep -c 'Socket errors' "$tmp/wrk.txt" || true)
  rps=$(sed -n 's/^Requests\/sec: *\([0-9.]*\)/\1/p' "$tmp/wrk.txt")
  p99=$(awk '$1=="99%" {print $2}' "$tmp/wrk.txt")
  printf '%-22s conns=%-3s req/s=%-9s p99=%-9s non2xx=%s socket_errors=%s %s\n' "$name" "$c" "$rps" "$p99" "$non2xx" "$sock" "$lat"
}
{
  echo "== bench server: $(date -u +%FT%TZ), ${stored:-?} articles stored, server threads=$threads, ${dur}s per level, $(nproc) cpus"
  run "GET /api/health (ref)" 8 "$dur" "$url/api/health"
  ref=$rps
  for c in 1 8 64; do
    run "POST /api/check" "$c" "$dur" -s bench/server_check.lua "$url"
    echo "  reference ratio: one check costs $(echo "scale=0; $ref / $rps" | bc)x a health request at $c conns"
  done
  echo "soak: POST /api/check, 8 connections, ${soak}s; RSS (kB) every 5 s:"
  CLAIMS="$tmp/claims.jsonl" nice wrk -t2 -c8 -d"${soak}s" --timeout 30s --latency -s bench/server_check.lua "$url" >"$tmp/soak.txt" 2>&1 &
  wpid=$!
  samples=()
  while kill -0 "$wpid" 2>/dev/null; do samples+=("$(rss)"); sleep 5; done
  wait "$wpid" || true
  echo "  rss: ${samples[*]}"
  printf '%s\n' "${samples[@]}" | awk 'NR==1{first=$1; min=$1; max=$1} {if($1<min)min=$1; if($1>max)max=$1; last=$1}
    END {n=NR; printf "  rss first=%d kB last=%d kB min=%d max=%d; growth after warm-up (2nd sample to last): %d kB\n", first, last, min, max, last-'"${samples[1]:-0}"'}'
  grep -E 'requests in|Requests/sec|Non-2xx|Socket errors|^LAT|99%' "$tmp/soak.txt" | sed 's/^/  /'
} | tee "$out"
