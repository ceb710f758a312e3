#!/usr/bin/env bash
# The protocol server's throughput and memory figures in BENCHMARKS.md (issue 4).
#
#   scripts/protocol-bench.sh            # the short runs: 8 s each
#   SECONDS_LONG=600 scripts/protocol-bench.sh memory   # ten minutes of load, memory read every 30 s
#
# Release build, a fresh demo registry, loopback; the load generator shares the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product ngomatch >/dev/null
bin=.build/release/ngomatch
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
$bin init --db "$work/bench.sqlite" >/dev/null
$bin serve --listen 127.0.0.1:0 --db "$work/bench.sqlite" 2>"$work/serve.log" &
server=$!
for _ in $(seq 100); do grep -q "listening" "$work/serve.log" 2>/dev/null && break; sleep 0.1; done
port=$(grep -o '127.0.0.1:[0-9]*' "$work/serve.log" | head -1 | cut -d: -f2)
# Every open need and every province, asked in turn.
$bin needs list --db "$work/bench.sqlite" --format json |
    python3 -c 'import json,sys; [print(json.dumps({"need": n["id"]})) for n in json.load(sys.stdin)]' >"$work/asks.jsonl"
$bin provinces list --db "$work/bench.sqlite" --format json |
    python3 -c 'import json,sys; [print(json.dumps({"province": p["name"]["vi"]}, ensure_ascii=False)) for p in json.load(sys.stdin)]' \
        >>"$work/asks.jsonl"
rss() { awk '/VmRSS/ {print $2 / 1024 " MB"}' "/proc/$server/status"; }
load() { $bin load --port "$port" "$@"; }
writer() { # $1 writes a second, for 8 s, in the background
    load --clients 1 --window 1 --rate "$1" --seconds 8 --method needs.update \
        --params '{"id":"cao-bang-2","fundingGapUSD":250000}' --params '{"id":"cao-bang-2","fundingGapUSD":300000}' &
    writing=$!
}
echo "server resident memory at start: $(rss)"
if [ "${1:-short}" = memory ]; then
    seconds=${SECONDS_LONG:-600}
    load --clients 8 --window 4 --seconds "$seconds" --method match.suggest --params-file "$work/asks.jsonl" &
    loader=$!
    for elapsed in $(seq 30 30 "$seconds"); do
        sleep 30
        echo "after ${elapsed} s: $(rss)"
    done
    wait $loader
    exit 0
fi
load --clients 8 --window 4 --seconds 8 --method match.suggest --params '{"need":"cao-bang-1"}'
load --clients 8 --window 4 --seconds 8 --method match.suggest --params-file "$work/asks.jsonl"
for rate in 10 100; do
    writer $rate
    load --clients 8 --window 4 --seconds 8 --method match.suggest --params-file "$work/asks.jsonl"
    wait $writing
done
load --clients 1 --window 512 --seconds 8 --method ping
load --clients 8 --window 16 --seconds 8 --method ping
echo "server resident memory at the end: $(rss)"
