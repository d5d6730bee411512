#!/usr/bin/env bash
# test_install.sh — the library as a Debian-world user gets it: `make install`
# into a temporary DESTDIR, then examples/check.c compiled with the flags
# pkg-config gives for that tree, against libmizan.so and against
# libmizan.a, and run on a small Arabic input; the installed CLI finds its
# installed model; `make uninstall` leaves nothing behind.
# Run by `make test` through tests/run.sh (it prints cmocka's summary lines).
# Environment: MIZAN_BIN (BUILD/mizan), MAKE, MZ_PREFIX (the build's PREFIX),
# CC, MZ_SAN (the build's sanitizer flags: the objects are instrumented).
set -u
bin=${MIZAN_BIN:-build/mizan}
build=$(dirname "$bin")
make=${MAKE:-make}
prefix=${MZ_PREFIX:-/usr/local}
cc=${CC:-cc}
san=${MZ_SAN:-}
version=$(sed -n 's/^#define MZ_VERSION_STRING "\(.*\)"$/\1/p' include/mizan.h)
major=$(sed -n 's/^#define MZ_VERSION_MAJOR \([0-9]*\)$/\1/p' include/mizan.h)
tmp=$(mktemp -d /tmp/mizan-install-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
D=$tmp/stage
P=$D$prefix
unset MIZAN_MODEL MIZAN_DB

passed=0
failed=()
current=
fail() { echo "  $current: $*"; return 1; }
run_test() {
  current=$1
  echo "[ RUN      ] $1"
  if "$1"; then
    echo "[       OK ] $1"
    passed=$((passed + 1))
  else
    echo "[  FAILED  ] $1"
    failed+=("$1")
  fi
}

# The input: two short articles, one reporting the claim, one denying it.
cat >"$tmp/articles.jsonl" <<'JSONL'
{"title": "الإفراج عن 40 أسيرا في صفقة تبادل", "text": "أفرج لواء الوادي اليوم عن 40 أسيرا من القوات الحكومية في صفقة تبادل جرت في تل السنابل، بحسب ما أعلن متحدث باسم اللواء في بيان.", "url": "https://wadi-media.example/news/1"}
{"title": "الحكومة تنفي صفقة التبادل", "text": "نفت الحكومة أن يكون لواء الوادي قد أفرج عن أي أسرى من قواتها في تل السنابل، ووصفت الأنباء عن صفقة تبادل بأنها لا أساس لها من الصحة.", "url": "https://gov-news.example/2"}
JSONL
claim='أفرج لواء الوادي عن 40 أسيرا من القوات الحكومية في صفقة تبادل في تل السنابل'

test_install_tree() {
  "$make" --no-print-directory install BUILD="$build" PREFIX="$prefix" DESTDIR="$D" \
    >"$tmp/install.log" 2>&1 || { cat "$tmp/install.log"; fail "make install failed"; return 1; }
  local f
  for f in bin/mizan lib/libmizan.so.$version; do
    [ -f "$P/$f" ] && [ -x "$P/$f" ] || fail "$f: missing or not executable" || return 1
  done
  for f in include/mizan.h lib/libmizan.a lib/pkgconfig/mizan.pc share/mizan/stance.model \
           share/mizan/web/index.html; do
    [ -f "$P/$f" ] && [ "$(stat -c %a "$P/$f")" = 644 ] || fail "$f: missing or not 644" || return 1
  done
  [ "$(readlink "$P/lib/libmizan.so.$major")" = "libmizan.so.$version" ] || fail "libmizan.so.$major link" || return 1
  [ "$(readlink "$P/lib/libmizan.so")" = "libmizan.so.$major" ] || fail "libmizan.so link" || return 1
  readelf -d "$P/lib/libmizan.so.$version" | grep -q "SONAME.*\[libmizan.so.$major\]" || fail "soname" || return 1
  cmp -s include/mizan.h "$P/include/mizan.h" || fail "header differs" || return 1
  # nothing outside PREFIX (DESTDIR only stages it)
  local stray
  stray=$(find "$D" -mindepth 1 \( -type f -o -type l \) ! -path "$P/*")
  [ -z "$stray" ] || fail "installed outside PREFIX: $stray"
}

pc() { PKG_CONFIG_PATH="$P/lib/pkgconfig" pkg-config --define-prefix "$@" mizan; }

test_pkg_config() {
  command -v pkg-config >/dev/null || fail "pkg-config is not installed (scripts/setup.sh installs it)" || return 1
  [ "$(pc --modversion)" = "$version" ] || fail "modversion $(pc --modversion), not $version" || return 1
  [[ " $(pc --cflags) " == *" -I$P/include "* ]] || fail "cflags: $(pc --cflags)" || return 1
  [[ " $(pc --libs) " == *" -L$P/lib -lmizan "* ]] || fail "libs: $(pc --libs)" || return 1
  local l static
  static=" $(pc --static --libs) "
  for l in -lmizan -lsqlite3 -lcjson -lxml2 -lstemmer -lm; do
    [[ "$static" == *" $l "* ]] || fail "static libs lack $l: $static" || return 1
  done
  [[ " $(pc --libs) " != *" -lsqlite3 "* ]] || fail "shared libs name private dependencies" || return 1
  [ "$(pc --variable=model)" = "$P/share/mizan/stance.model" ] || fail "model variable: $(pc --variable=model)"
}

# Builds examples/check.c as a program outside the tree would: C99, the
# installed header and library only (no -Iinclude).
compile() { # OUT FLAGS...
  local out=$1; shift
  # shellcheck disable=SC2086
  "$cc" -std=c99 -Wall -Wextra -Werror -pedantic $san -o "$out" examples/check.c "$@" \
    >"$tmp/cc.log" 2>&1 || { cat "$tmp/cc.log"; fail "compiling $out failed"; }
}

check_output() { # FILE
  # one source reports the claim, the other denies it
  grep -q "^added 2, skipped 0 (duplicates)$" "$1" &&
    grep -Eq "^disputed \(0\.[0-9]{2}\)$" "$1" && grep -q "(gov-news.example) carries a denial" "$1" &&
    grep -q "bytes of JSON$" "$1" || { cat "$1"; fail "unexpected output"; }
}

test_shared() {
  # shellcheck disable=SC2046
  compile "$tmp/check-shared" $(pc --cflags --libs) || return 1
  readelf -d "$tmp/check-shared" | grep -q "NEEDED.*\[libmizan.so.$major\]" || fail "not linked to libmizan.so.$major" || return 1
  LD_LIBRARY_PATH="$P/lib" ldd "$tmp/check-shared" | grep -q "libmizan.so.$major => $P/lib/" ||
    fail "libmizan.so.$major does not resolve into $P/lib" || return 1
  LD_LIBRARY_PATH="$P/lib" MIZAN_MODEL="$P/share/mizan/stance.model" \
    "$tmp/check-shared" "$tmp/shared.db" "$claim" "$tmp/articles.jsonl" >"$tmp/shared.out" 2>&1 ||
    { cat "$tmp/shared.out"; fail "check-shared failed"; return 1; }
  check_output "$tmp/shared.out"
}

test_static() {
  # -l:libmizan.a: the archive, though libmizan.so lies beside it
  # shellcheck disable=SC2046
  compile "$P/bin/check-static" $(pc --cflags) $(pc --static --libs | sed 's/-lmizan /-l:libmizan.a /') || return 1
  ! readelf -d "$P/bin/check-static" | grep -q "libmizan" || fail "check-static needs libmizan.so" || return 1
  # no MIZAN_MODEL, no LD_LIBRARY_PATH: the model is found from the program's
  # place (PREFIX/bin -> PREFIX/share/mizan)
  (cd "$tmp" && "$P/bin/check-static" "$tmp/static.db" "$claim" "$tmp/articles.jsonl") >"$tmp/static.out" 2>&1 ||
    { cat "$tmp/static.out"; rm -f "$P/bin/check-static"; fail "check-static failed"; return 1; }
  rm -f "$P/bin/check-static"
  check_output "$tmp/static.out" || return 1
  # the same verdict and reasons (the JSON's size varies with its timings)
  [ ! -f "$tmp/shared.out" ] || cmp -s <(grep -v "bytes of JSON" "$tmp/shared.out") <(grep -v "bytes of JSON" "$tmp/static.out") ||
    { diff "$tmp/shared.out" "$tmp/static.out"; fail "shared and static disagree"; }
}

# The installed CLI: the version the library gives, and its installed model.
test_installed_cli() {
  [ "$("$P/bin/mizan" --version)" = "mizan $version" ] || fail "--version: $("$P/bin/mizan" --version)" || return 1
  printf 'الإفراج عن أسرى\nأفرج لواء الوادي اليوم عن 40 أسيرا في صفقة تبادل.\n' >"$tmp/a.txt"
  (cd "$tmp" && "$P/bin/mizan" stance --claim "$claim" --article "$tmp/a.txt" --json) >"$tmp/cli.out" 2>&1 ||
    { cat "$tmp/cli.out"; fail "installed mizan stance failed (model not found?)"; return 1; }
  grep -q '"label"' "$tmp/cli.out" || { cat "$tmp/cli.out"; fail "no stance label"; }
}

# The installed server finds its installed page (PREFIX/share/mizan/web),
# run from a folder with no web/ of its own.
test_installed_serve() {
  (cd "$tmp" && exec "$P/bin/mizan" serve --db "$tmp/serve.db" --port 0 --threads 1) 2>"$tmp/serve.err" &
  local pid=$! i
  for i in $(seq 100); do grep -q "mizan serve: http" "$tmp/serve.err" && break; sleep 0.05; done
  kill -TERM "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  grep -q "mizan serve: http" "$tmp/serve.err" || { cat "$tmp/serve.err"; fail "installed mizan serve did not start"; return 1; }
  ! grep -q "no web/ folder found" "$tmp/serve.err" || { cat "$tmp/serve.err"; fail "installed mizan serve found no page"; }
}

# With no model to find, the library says where it looked without CLI
# advice; the CLI adds its own (--model).
test_no_model_message() {
  if [ -e "$prefix/share/mizan/stance.model" ]; then
    echo "  (skipped: $prefix/share/mizan/stance.model is installed on this machine)"
    return 0
  fi
  mkdir -p "$tmp/bare"
  cp "$P/bin/mizan" "$tmp/bare/mizan"
  local want="no stance model: give its path, set MIZAN_MODEL, or install one as $prefix/share/mizan/stance.model"
  (cd "$tmp" && "$tmp/bare/mizan" stance --claim "$claim" --article "$tmp/a.txt") >"$tmp/bare.out" 2>&1
  local rc=$?
  [ "$rc" -eq 6 ] || { cat "$tmp/bare.out"; fail "exit $rc, not 6"; return 1; }
  grep -qF "mizan stance: $want (or give --model FILE; make model trains one)" "$tmp/bare.out" ||
    { cat "$tmp/bare.out"; fail "CLI message"; return 1; }
  [ -x "$tmp/check-shared" ] || return 0
  LD_LIBRARY_PATH="$P/lib" "$tmp/check-shared" "$tmp/bare.db" "$claim" >"$tmp/lib.out" 2>&1
  [ "$(cat "$tmp/lib.out")" = "check: bad_model: $want" ] || { cat "$tmp/lib.out"; fail "library message"; }
}

test_uninstall() {
  "$make" --no-print-directory uninstall BUILD="$build" PREFIX="$prefix" DESTDIR="$D" \
    >"$tmp/uninstall.log" 2>&1 || { cat "$tmp/uninstall.log"; fail "make uninstall failed"; return 1; }
  local left
  left=$(find "$D" \( -type f -o -type l \))
  [ -z "$left" ] || fail "left behind: $left" || return 1
  [ ! -d "$P/share/mizan" ] || fail "$P/share/mizan is still there"
}

tests=(test_install_tree test_pkg_config test_shared test_static test_installed_cli
       test_installed_serve test_no_model_message test_uninstall)
echo "[==========] Running ${#tests[@]} test(s)."
for t in "${tests[@]}"; do run_test "$t"; done
echo "[==========] ${#tests[@]} test(s) run."
echo "[  PASSED  ] $passed test(s)."
if [ "${#failed[@]}" -gt 0 ]; then
  echo "[  FAILED  ] ${#failed[@]} test(s), listed below:"
  for t in "${failed[@]}"; do echo "[  FAILED  ] $t"; done
  exit 1
fi
