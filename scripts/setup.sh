#!/usr/bin/env bash
# Install every Debian package the build, the tests, the fuzzers, the browser
# test and the benchmarks need. Idempotent: apt-get runs only for what is missing.
set -euo pipefail

PKGS=(
  build-essential pkg-config clang libclang-rt-14-dev
  libsqlite3-dev sqlite3 libstemmer-dev libmicrohttpd-dev libcjson-dev libxml2-dev
  libcmocka-dev
  valgrind curl wrk
  chromium nodejs npm fonts-noto-core
)

missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

# node/npm may come from outside Debian (e.g. a preinstalled Node): accept those.
filtered=()
for p in "${missing[@]}"; do
  case "$p" in
    nodejs) command -v node >/dev/null 2>&1 && continue ;;
    npm) command -v npm >/dev/null 2>&1 && continue ;;
  esac
  filtered+=("$p")
done

if [ "${#filtered[@]}" -gt 0 ]; then
  echo "setup: installing ${filtered[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${filtered[@]}"
else
  echo "setup: all packages present"
fi
