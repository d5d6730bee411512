#!/usr/bin/env bash
# stop_churn.sh — PROCS processes of ROUNDS server stops each under connection
# churn (bench/stop_churn.c); counts the processes that aborted (libmicrohttpd's
# "Failed to remove listen FD from epoll set") or hung. ~1 min for 50 x 20.
# Usage: bash bench/stop_churn.sh [BUILD] [PROCS] [ROUNDS]   (after make)
set -u
build=${1:-build} procs=${2:-50} rounds=${3:-20}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cc -std=c17 -O2 -Iinclude -Isrc -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -o "$dir/stop_churn" \
   bench/stop_churn.c "$build"/src/server/*.o "$build/libmizan.a" \
   $(pkg-config --libs sqlite3 libcjson libmicrohttpd libxml-2.0) -lstemmer -lpthread -lm || exit 1
aborted=0 hung=0
for ((i = 0; i < procs; i++)); do
    ( exec "$dir/stop_churn" "$dir/s.db" models/stance.model "$rounds" ) 2>>"$dir/err"
    case $? in
        0) ;;
        3) hung=$((hung + 1)) ;;
        *) aborted=$((aborted + 1)) ;;
    esac
done
sort "$dir/err" | uniq -c
echo "processes of $rounds stops: $procs, aborted $aborted, hung $hung"
