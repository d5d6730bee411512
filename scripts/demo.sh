#!/usr/bin/env bash
# make demo: ingest the bundled sample (and ../shared/seeds when present) into
# fresh databases and check a claim against each, showing the full report.
# Usage: scripts/demo.sh PATH/TO/mizan PATH/TO/shared
set -euo pipefail
bin=${1:-build/mizan}
shared=${2:-../shared}
here=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d /tmp/mizan-demo-XXXXXX)
trap 'rm -rf "$tmp"' EXIT

rule() { printf '\n══════ %s ══════\n\n' "$1"; }

rule "1. the bundled sample (sample/: a fictional prisoner exchange, 8 short articles)"
"$bin" ingest --db "$tmp/sample.db" "$here/sample/articles.jsonl"
claim="أفرج لواء الوادي عن 40 أسيرا من القوات الحكومية في صفقة تبادل في تل السنابل"
echo "\$ mizan check \"$claim\""
echo
"$bin" check --db "$tmp/sample.db" "$claim"

echo
echo "The same report as JSON (schema mizan.check/1, docs/json-schema.md), first lines:"
"$bin" check --db "$tmp/sample.db" --json "$claim" >"$tmp/report.json"
head -n 12 "$tmp/report.json"
echo "  ..."

rule "2. a claim none of the sample is about"
"$bin" check --db "$tmp/sample.db" "ارتفعت أسعار الذهب في الأسواق العالمية"

if [ -d "$shared/seeds" ]; then
  rule "3. the seeds ($shared/seeds: five real articles on Raqqa, October 2017)"
  "$bin" ingest --db "$tmp/seeds.db" "$shared/seeds"
  claim="قوات سوريا الديمقراطية تتفاوض مع تنظيم داعش لتأمين خروج مقاتليه من الرقة"
  echo "\$ mizan check \"$claim\""
  echo
  "$bin" check --db "$tmp/seeds.db" "$claim"
else
  rule "3. seeds skipped: $shared/seeds not found"
fi
