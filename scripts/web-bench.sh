#!/usr/bin/env bash
# Page times of the web app on a large registry (issue 14): release build, 2,000 NGOs and
# 5,000 needs, every page timed many times by scripts/web-bench.py.
#
#   scripts/web-bench.sh            # 200 requests a page
#   scripts/web-bench.sh 500
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
requests=${1:-200}
work=$(mktemp -d)
trap 'kill "${server:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
cd "$root"
swift build -c release --product ngomatch >/dev/null 2>&1
ngomatch=.build/release/ngomatch
"$ngomatch" generate --ngos 2000 --needs 5000 --seed 1 --out "$work/registry.jsonl" 2>/dev/null
"$ngomatch" init --empty --db "$work/r.sqlite" 2>/dev/null
"$ngomatch" import "$work/registry.jsonl" --db "$work/r.sqlite" >/dev/null 2>&1
# The largest event a registry can hold: every one of the 34 units, 300 of the NGOs, 12 slots
# and 34 tables, planned and published, for the master grid's page.
python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
ngos = [json.loads(line)["id"] for line in open(f"{work}/registry.jsonl") if '"type":"ngo"' in line.replace(" ", "")][:300]
event = {"name": "Large meeting (benchmark)", "date": "2027-03-10", "start": "08:00", "slotMinutes": 20,
         "slots": 12, "tables": 34, "provinces": [], "ngos": [{"id": ngo} for ngo in ngos]}
json.dump(event, open(f"{work}/event.json", "w"))
PY
"$ngomatch" provinces list --db "$work/r.sqlite" --format json \
    | python3 -c 'import json,sys; e=json.load(open(sys.argv[1])); e["provinces"]=[{"id": p["id"], "minMeetings": 4} for p in json.load(sys.stdin)]; json.dump(e, open(sys.argv[1], "w"))' "$work/event.json"
"$ngomatch" events import "$work/event.json" --id large --db "$work/r.sqlite" >/dev/null
"$ngomatch" events plan large --publish final --db "$work/r.sqlite" >/dev/null
"$ngomatch" web --listen 127.0.0.1:0 --db "$work/r.sqlite" 2>"$work/log" &
server=$!
for _ in $(seq 100); do
    port=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/log" | head -1 | cut -d: -f3 || true)
    [ -n "$port" ] && break
    sleep 0.1
done
echo "$(date -u +%Y-%m-%d), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
python3 scripts/web-bench.py "http://127.0.0.1:$port" "$requests"
