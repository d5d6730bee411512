#!/usr/bin/python3
"""mutate.py -- hand-rolled mutation testing of one source file at a time.

A mutant is the source with one small change: a comparison flipped
(< <=, > >=, == !=), && for || and back, an if/while condition negated, a
numeric constant moved (an integer +1 and -1, a fraction x2 and /2), a
`return true` for `return false` and back, or a call on a line of its own
replaced by `(void)0;`. Each is applied in a scratch copy of the tree (never
in the checkout), built there with BUILD=build-mut (the mizan binary and the
named test programs only, -j2), and the test programs are run, fastest
first, with a timeout. A mutant is killed (a test failed, crashed or timed
out), survived (every test passed: a behaviour nobody pins), or did not
compile (-Werror counts, but for -Wparentheses).

Not mutated: comments, strings, preprocessor lines (#define caps), hex
constants (hash seeds), numbers inside [...] (array sizes and indexes), and
free() calls (memory is the sanitizer build's to check, not a test's).

Usage (from the repository root; minutes per file, not part of make test):
  tests/mutate.py --file src/check/verdict.c               # all its mutants
  tests/mutate.py --file src/check/verdict.c --list        # list them, run nothing
  tests/mutate.py --file src/check/verdict.c --only 12,30  # some, by number
  tests/mutate.py --file src/check/voices.c --limit 20 --tests check/test_voices
Options: --scratch DIR (default /tmp/mizan-mutate-$USER, reused between
runs: only changed files are copied and rebuilt), --timeout S per test
program (default 60), --out FILE (tab-separated results, one mutant a line),
--san (build with ASan+UBSan, for mutants that only corrupt memory).
Exit status: 0 when it ran (survivors are a finding, not an error), 2 on a
usage error, 3 when the unmutated tree fails its own tests.
"""
import argparse
import os
import re
import subprocess
import sys
import time

# The test programs that judge each module (paths under tests/, no .c);
# fast unit programs first, the CLI ones last.
TESTS = {
    "src/check/verdict.c": [
        "check/test_verdict", "check/test_verdict_bounds", "check/test_voices",
        "check/test_report_schema", "check/test_eval_claims", "check/test_check_batch",
        "check/test_check_format", "check/test_check"],
    "src/check/voices.c": [
        "check/test_voices", "check/test_verdict", "check/test_report_schema",
        "check/test_check_batch", "check/test_check_format", "check/test_check"],
    "src/check/build_voices.c": [
        "check/test_voices", "check/test_build_voices", "check/test_verdict",
        "check/test_report_schema", "check/test_check_batch", "check/test_check_format",
        "check/test_check"],
    "src/check/collect_numbers.c": [
        "check/test_numbers", "check/test_collect_numbers", "check/test_numbers_parts",
        "check/test_days", "check/test_report_schema", "check/test_check_format",
        "check/test_check"],
    "src/check/reason.c": [
        "check/test_verdict", "check/test_verdict_bounds", "check/test_reason_edges",
        "check/test_arabic_count", "check/test_report_schema", "check/test_check_format",
        "check/test_check"],
    "src/stance/predict.c": [
        "stance/test_predict", "stance/test_features", "api/test_public", "stance/test_model",
        "check/test_verdict", "check/test_voices", "check/test_numbers",
        "check/test_report_schema", "check/test_check_format", "stance/test_cli",
        "check/test_check"],
}
DEFAULT_TESTS = [
    "check/test_verdict", "check/test_verdict_bounds", "check/test_voices",
    "check/test_build_voices", "check/test_numbers", "check/test_collect_numbers",
    "check/test_numbers_parts", "check/test_days", "check/test_report_schema",
    "stance/test_predict", "stance/test_features", "stance/test_model",
    "check/test_check_format", "stance/test_cli", "check/test_check"]
BUILD = "build-mut"
MAKEVARS = ["OPT=-O2 -Wno-parentheses"]
# --san: the sanitizer build of make check, for mutants that only corrupt
# memory (a loop bound one too far, a short realloc, a leak)
SAN = "-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all"
SWAP = {"<": "<=", "<=": "<", ">": ">=", ">=": ">", "==": "!=", "!=": "==",
        "&&": "||", "||": "&&"}


def code_mask(src):
    """True for each character that is code: not a comment, a string, a
    character literal or a preprocessor line."""
    mask = [True] * len(src)
    i, n, line_start = 0, len(src), True
    while i < n:
        c = src[i]
        if line_start and c == "#":
            j = i
            while j < n and (src[j] != "\n" or src[j - 1] == "\\"):
                j += 1
            mask[i:j] = [False] * (j - i)
            i = j
            continue
        if c == "\n":
            line_start = True
            i += 1
            continue
        if not c.isspace():
            line_start = False
        if src.startswith("//", i):
            j = src.find("\n", i)
            j = n if j < 0 else j
        elif src.startswith("/*", i):
            j = src.find("*/", i + 2)
            j = n if j < 0 else j + 2
        elif c in "\"'":
            j = i + 1
            while j < n and src[j] != c:
                j += 2 if src[j] == "\\" else 1
            j += 1
        else:
            i += 1
            continue
        mask[i:j] = [False] * (j - i)
        i = j
    return mask


def closing_paren(src, mask, i):
    """Index of the ')' matching the '(' at i, or -1."""
    depth = 0
    for j in range(i, len(src)):
        if not mask[j]:
            continue
        if src[j] == "(":
            depth += 1
        elif src[j] == ")":
            depth -= 1
            if depth == 0:
                return j
    return -1


def mutants(src):
    """Every mutant of src as (start, end, replacement, kind), in file order."""
    mask = code_mask(src)
    out = []
    # operators
    i, n = 0, len(src)
    while i < n:
        if not mask[i]:
            i += 1
            continue
        three, two = src[i:i + 3], src[i:i + 2]
        if three in ("<<=", ">>="):
            i += 3
        elif two in ("<<", ">>", "->"):
            i += 2
        elif two in SWAP:
            out.append((i, i + 2, SWAP[two], "operator"))
            i += 2
        elif src[i] in "<>":
            out.append((i, i + 1, SWAP[src[i]], "operator"))
            i += 1
        else:
            i += 1
    # conditions negated
    for m in re.finditer(r"\b(if|while)\s*\(", src):
        if not mask[m.start()]:
            continue
        o = m.end() - 1
        c = closing_paren(src, mask, o)
        if c > o:
            out.append((o + 1, c, "!(" + src[o + 1:c] + ")", "negate"))
    # numeric constants, outside [...]
    depth = [0] * (n + 1)
    d = 0
    for j in range(n):
        if mask[j] and src[j] == "[":
            d += 1
        elif mask[j] and src[j] == "]":
            d = max(d - 1, 0)
        depth[j] = d
    num = re.compile(r"(?<![\w.])(\d+\.\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?"
                     r"|\d+[eE][-+]?\d+|\d+)"
                     r"([uUlLfF]*)(?![\w.])")
    for m in num.finditer(src):
        if not mask[m.start()] or depth[m.start()]:
            continue
        if re.fullmatch(r"\{\s*", src[max(src.rfind("{", 0, m.start()), 0):m.start()]) and \
                re.match(r"\s*\}", src[m.end():]):
            continue  # = {0}: a zeroed struct
        lit = m.group(1)
        if re.fullmatch(r"\d+", lit):
            v = int(lit)
            news = [str(v + 1)] + ([str(v - 1)] if v > 0 else [])
        else:
            v = float(lit)
            news = [repr(v * 2), repr(v / 2)] if v else ["1.0"]
        for new in news:
            out.append((m.start(1), m.end(1), new, "constant"))  # the suffix stays
    # return true <-> return false
    for m in re.finditer(r"\breturn\s+(true|false)\b", src):
        if mask[m.start()]:
            new = "false" if m.group(1) == "true" else "true"
            out.append((m.start(1), m.end(1), new, "return"))
    # a call on a line of its own
    call = re.compile(r"^([ \t]*)([A-Za-z_][\w]*(?:(?:\.|->)[A-Za-z_]\w*)*\s*\(.*\)\s*;)[ \t]*$",
                      re.M)
    for m in call.finditer(src):
        s, e = m.start(2), m.end(2)
        name = re.match(r"[\w.>-]+", m.group(2)).group(0)
        if not mask[s]:
            continue
        if name in ("return", "if", "while", "for", "switch", "sizeof") or name.endswith("free"):
            continue
        if closing_paren(src, mask, src.index("(", s)) != src.rindex(")", s, e):
            continue  # not one call: f(a) + g(b);
        out.append((s, e, "(void)0;", "delete"))
    out.sort(key=lambda t: (t[0], t[1], t[3], t[2]))
    return out


def line_col(src, pos):
    line = src.count("\n", 0, pos) + 1
    return line, pos - (src.rfind("\n", 0, pos) + 1) + 1


def describe(src, mut):
    s, e, new, kind = mut
    old = src[s:e]
    if kind == "negate":
        old, new = "(" + old + ")", "(!(...))"
    elif kind == "delete":
        new = "deleted"
    old = " ".join(old.split())
    if len(old) > 60:
        old = old[:57] + "..."
    line, col = line_col(src, s)
    return line, col, f"{kind}: {old} -> {new}"


def sync_tree(root, scratch):
    """Copy the checkout's files (tracked and untracked, not ignored) into
    scratch, rewriting only those that differ so make rebuilds only them."""
    files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=root,
                           check=True, capture_output=True).stdout.split(b"\0")
    for f in files:
        f = f.decode()
        if not f or f.startswith("tests/browser/node_modules"):
            continue
        src, dst = os.path.join(root, f), os.path.join(scratch, f)
        if os.path.islink(src) or not os.path.isfile(src):
            continue
        with open(src, "rb") as fh:
            data = fh.read()
        try:
            with open(dst, "rb") as fh:
                if fh.read() == data:
                    continue
        except OSError:
            pass
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        with open(dst, "wb") as fh:
            fh.write(data)
        os.chmod(dst, os.stat(src).st_mode & 0o777)


def build(scratch, tests, log):
    targets = [f"{BUILD}/mizan"] + [f"{BUILD}/tests/{t}" for t in tests]
    if any(t.startswith("api/") for t in tests):
        targets.append(f"{BUILD}/libmizan.so")  # test_public reads its exports
    # -Wno-parentheses: "a || b && c", a flipped operator, is a mutant, not an error
    r = subprocess.run(["make", "-j2", "-s", f"BUILD={BUILD}"] + MAKEVARS + targets,
                       cwd=scratch,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=1800)
    if r.returncode != 0:
        log.write(r.stdout.decode(errors="replace")[-4000:])
    return r.returncode == 0


def run_tests(scratch, tests, timeout, shared):
    """The first test program that fails (or times out), or None."""
    env = dict(os.environ, MIZAN_BIN=f"{BUILD}/mizan", SHARED=shared,
               CMOCKA_MESSAGE_OUTPUT="stdout")
    for t in tests:
        try:
            r = subprocess.run([f"{BUILD}/tests/{t}"], cwd=scratch, env=env, timeout=timeout,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            return t + " (timeout)"
        if r.returncode != 0:
            return t
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--file", action="append", required=True, help="source file (repeatable)")
    ap.add_argument("--limit", type=int, default=0, help="the first N mutants only")
    ap.add_argument("--only", default="", help="mutant numbers, comma-separated")
    ap.add_argument("--tests", default="", help="test programs, comma-separated (check/test_x)")
    ap.add_argument("--list", action="store_true", help="list the mutants and stop")
    ap.add_argument("--scratch", default=f"/tmp/mizan-mutate-{os.environ.get('USER', 'u')}")
    ap.add_argument("--timeout", type=int, default=60)
    ap.add_argument("--out", default="")
    ap.add_argument("--san", action="store_true",
                    help="build with ASan+UBSan (BUILD=build-mut-asan; slower)")
    a = ap.parse_args()
    global BUILD, MAKEVARS
    if a.san:
        BUILD, MAKEVARS = "build-mut-asan", ["OPT=-O1 -Wno-parentheses", f"SAN={SAN}"]
        os.environ.setdefault("ASAN_OPTIONS", "detect_leaks=1")
    root = subprocess.run(["git", "rev-parse", "--show-toplevel"], check=True,
                          capture_output=True, text=True).stdout.strip()
    shared = os.path.abspath(os.environ.get("SHARED", os.path.join(root, "..", "shared")))
    only = {int(x) for x in a.only.split(",") if x.strip()}
    for f in a.file:
        if not os.path.isfile(os.path.join(root, f)):
            print(f"mutate: no such file: {f}", file=sys.stderr)
            return 2
    out = open(a.out, "w") if a.out else None
    if not a.list:
        os.makedirs(a.scratch, exist_ok=True)
        sync_tree(root, a.scratch)
    total = {}
    for f in a.file:
        with open(os.path.join(root, f)) as fh:
            orig = fh.read()
        muts = mutants(orig)
        tests = [t for t in a.tests.split(",") if t] or TESTS.get(f, DEFAULT_TESTS)
        picked = [(k, m) for k, m in enumerate(muts, 1) if not only or k in only]
        if a.limit:
            picked = picked[:a.limit]
        if a.list:
            for k, m in picked:
                line, col, what = describe(orig, m)
                print(f"{f}:{line}:{col}\t#{k}\t{what}")
            continue
        path = os.path.join(a.scratch, f)
        log = open(os.path.join(a.scratch, "mutate-build.log"), "w")
        if not build(a.scratch, tests, log) or run_tests(a.scratch, tests, a.timeout, shared):
            print(f"mutate: {f}: the unmutated tree does not build or pass {tests}",
                  file=sys.stderr)
            return 3
        counts = {"killed": 0, "survived": 0, "no-compile": 0}
        t0 = time.time()
        try:
            for k, m in picked:
                s, e, new, _ = m
                with open(path, "w") as fh:
                    fh.write(orig[:s] + new + orig[e:])
                if not build(a.scratch, tests, log):
                    res, by = "no-compile", ""
                else:
                    by = run_tests(a.scratch, tests, a.timeout, shared)
                    res = "killed" if by else "survived"
                counts[res] += 1
                line, col, what = describe(orig, m)
                row = f"{f}:{line}:{col}\t#{k}\t{res}\t{by or ''}\t{what}"
                print(row, flush=True)
                if out:
                    out.write(row + "\n")
                    out.flush()
        finally:
            with open(path, "w") as fh:  # the scratch copy back as it was
                fh.write(orig)
            obj = os.path.join(a.scratch, BUILD, f[:-2] + ".o")
            if os.path.exists(obj):
                os.remove(obj)
        judged = counts["killed"] + counts["survived"]
        score = counts["killed"] / judged if judged else 0.0
        total[f] = counts
        print(f"# {f}: {len(picked)} mutants, {counts['killed']} killed, {counts['survived']} "
              f"survived, {counts['no-compile']} did not compile; score {score:.2f} "
              f"({time.time() - t0:.0f} s)", flush=True)
    if out:
        out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
