#!/usr/bin/env bash
# make demo: ingest the bundled sample (and ../shared/seeds when present) and check a claim.
set -euo pipefail
bin=$1; shared=$2
echo "demo: not built yet"
