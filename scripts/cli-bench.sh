#!/usr/bin/env bash
# A new ngomatch process on 100,000 NGOs and 10,000 needs: import, then suggest, discover,
# show and gaps (issue 18). Median and 90th percentile of wall time, peak memory.
#
#   scripts/cli-bench.sh                           # release build, 21 runs a command
#   STATIC=1 scripts/cli-bench.sh                  # the build to install: Swift's runtime inside
#   BASELINE=/path/to/ngomatch scripts/cli-bench.sh  # taking turns with another build
#   JSONL=big.jsonl RUNS=11 scripts/cli-bench.sh   # an existing export, fewer runs
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${STATIC:-}" ]; then
    # Its own build folder, so that the two builds do not undo each other.
    swift build -c release --product ngomatch --static-swift-stdlib --scratch-path .build/static >/dev/null
    bin=$PWD/.build/static/release/ngomatch
else
    swift build -c release --product ngomatch >/dev/null
    bin=$PWD/.build/release/ngomatch
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
jsonl=${JSONL:-}
if [ -z "$jsonl" ]; then
    jsonl=$work/big.jsonl
    $bin generate --ngos 100000 --needs 10000 --out "$jsonl" >/dev/null
fi
echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%F)"
# shellcheck disable=SC2086
python3 scripts/cli-bench.py "$work" "$jsonl" "${RUNS:-21}" "$bin" ${BASELINE:-}
