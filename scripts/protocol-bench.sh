#!/usr/bin/env bash
# The protocol server's throughput and memory figures in BENCHMARKS.md (issue 4).
#
#   scripts/protocol-bench.sh            # the short runs: 8 s each
#   SECONDS_LONG=600 scripts/protocol-bench.sh memory   # ten minutes of load, memory read every 30 s
#   REGISTRY=big.sqlite scripts/protocol-bench.sh varied  # varied questions with and without a writer (issue 18)
#   COLD=1 REGISTRY=big.sqlite scripts/protocol-bench.sh varied  # the same, started without an index snapshot
#   REGISTRY=big.sqlite scripts/protocol-bench.sh detail  # varied questions with explain full, summary, none
#     (DETAILS="none:00 summary:01 full:02" for the other order)
#
# Release build, a fresh demo registry (or a copy of REGISTRY), loopback; the load generator
# shares the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product ngomatch >/dev/null
bin=.build/release/ngomatch
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
if [ -n "${REGISTRY:-}" ]; then
    $bin backup "$work/bench.sqlite" --db "$REGISTRY" >/dev/null
    # A registry in use has the snapshot of the index its last process left beside it; with
    # COLD=1 the server starts without one and compiles every record.
    if [ -z "${COLD:-}" ]; then $bin gaps --db "$work/bench.sqlite" >/dev/null; fi
else
    $bin init --db "$work/bench.sqlite" >/dev/null
fi
# Every open need and every province, asked in turn.
$bin needs list --db "$work/bench.sqlite" --status open --format jsonl |
    python3 -c 'import json,sys; [print(json.dumps({"need": json.loads(n)["id"]})) for n in sys.stdin]' >"$work/asks.jsonl"
$bin provinces list --db "$work/bench.sqlite" --format json |
    python3 -c 'import json,sys; [print(json.dumps({"province": p["name"]["vi"]}, ensure_ascii=False)) for p in json.load(sys.stdin)]' \
        >>"$work/asks.jsonl"
started=$(date +%s.%N)
$bin serve --listen 127.0.0.1:0 --db "$work/bench.sqlite" 2>"$work/serve.log" &
server=$!
for _ in $(seq 600); do grep -q "listening" "$work/serve.log" 2>/dev/null && break; sleep 0.01; done
port=$(grep -o '127.0.0.1:[0-9]*' "$work/serve.log" | head -1 | cut -d: -f2)
rss() { awk '/VmRSS/ {print $2 / 1024 " MB"}' "/proc/$server/status"; }
peak() { awk '/VmHWM/ {print $2 / 1024 " MB"}' "/proc/$server/status"; }
load() { $bin load --port "$port" "$@"; }
writer() { # $1 writes a second, for 8 s, in the background
    load --clients 1 --window 1 --rate "$1" --seconds 8 --method needs.update \
        --params '{"id":"cao-bang-2","fundingGapUSD":250000}' --params '{"id":"cao-bang-2","fundingGapUSD":300000}' &
    writing=$!
}
echo "server resident memory at start: $(rss)"
if [ "${1:-short}" = varied ]; then
    # The first answers after start: one that needs no ranking, then the first ranking.
    python3 - "$port" "$started" "$(head -1 "$work/asks.jsonl")" <<'PY'
import json, socket, sys, time
port, started, ask = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
connection = socket.create_connection(("127.0.0.1", port))
lines = connection.makefile("rb")
def call(method, params):
    connection.sendall((json.dumps({"jsonrpc": "2.0", "id": 1, "method": method, "params": params}) + "\n").encode())
    lines.readline()
    return time.time() - started
need = json.loads(ask)["need"]
print(f"first needs.get answered {call('needs.get', {'id': need}):.2f} s after start")
print(f"first match.suggest answered {call('match.suggest', {'need': need}):.2f} s after start")
PY
    # need × limit × rules × lang × diversify, shuffled: more questions than the server keeps.
    grep '"need"' "$work/asks.jsonl" | python3 -c '
import json, random, sys
random.seed(18)
needs = [json.loads(line)["need"] for line in sys.stdin][:2000]
asks = [{"need": n, "limit": l, "rules": r, "lang": g, "diversify": d}
        for n in needs for l in range(1, 21) for r in ("default", "climate", "underserved")
        for g in ("en", "vi") for d in (False, True)]
random.shuffle(asks)
for ask in asks[:200000]: print(json.dumps(ask))' >"$work/varied.jsonl"
    # Half each for the two runs: no question is asked in both, so the second is not answered
    # from replies the first kept. (Each client starts at its own place in its half.)
    split -n l/2 -d "$work/varied.jsonl" "$work/varied-"
    grep '"need"' "$work/asks.jsonl" | python3 -c '
import json, sys
for step, line in enumerate(sys.stdin):
    print(json.dumps({"id": json.loads(line)["need"], "fundingGapUSD": 100000 + step}))' >"$work/writes.jsonl"
    echo "varied questions: $(wc -l <"$work/varied.jsonl"), no writer"
    load --clients 8 --window 4 --seconds 8 --method match.suggest --params-file "$work/varied-00"
    echo "varied questions, one client writing 100 times a second (a different need each time)"
    load --clients 1 --window 1 --rate 100 --seconds 8 --method needs.update --params-file "$work/writes.jsonl" &
    writing=$!
    load --clients 8 --window 4 --seconds 8 --method match.suggest --params-file "$work/varied-01"
    wait $writing
    echo "server resident memory at the end: $(rss) (peak $(peak))"
    exit 0
fi
if [ "${1:-short}" = detail ]; then
    # The same kind of varied questions with explain full, summary and none: a third each, so
    # that no reply one run kept answers another.
    grep '"need"' "$work/asks.jsonl" | python3 -c '
import json, random, sys
random.seed(40)
needs = [json.loads(line)["need"] for line in sys.stdin][:2000]
asks = [{"need": n, "limit": l, "rules": r, "lang": g}
        for n in needs for l in range(1, 21) for r in ("default", "climate", "underserved") for g in ("en", "vi")]
random.shuffle(asks)
for ask in asks[:150000]: print(json.dumps(ask))' >"$work/detail.jsonl"
    split -n l/3 -d "$work/detail.jsonl" "$work/detail-"
    for pair in ${DETAILS:-full:00 summary:01 none:02}; do
        detail=${pair%%:*}
        python3 -c '
import json, sys
for line in open(sys.argv[2]):
    ask = json.loads(line); ask["explain"] = sys.argv[1]; print(json.dumps(ask))' "$detail" "$work/detail-${pair##*:}" \
            >"$work/asks-$detail.jsonl"
        echo "varied questions, explain $detail"
        load --clients 8 --window 4 --seconds 8 --method match.suggest --params-file "$work/asks-$detail.jsonl"
    done
    exit 0
fi
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
