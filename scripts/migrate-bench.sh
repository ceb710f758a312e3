#!/usr/bin/env bash
# Moving the 100,000-NGO registry to PostgreSQL and back (issue 39), beside an import of the
# same records into SQLite: the median of RUNS runs each, on a throw-away cluster with fsync on.
#
#   scripts/migrate-bench.sh                 # release build, 3 runs
#   RUNS=5 NGOS=20000 NEEDS=2000 scripts/migrate-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product ngomatch >/dev/null
bin=$PWD/.build/release/ngomatch
work=$(mktemp -d /tmp/ngomatch-migrate-bench.XXXXXX)
chmod 755 "$work"
cluster=$work/pg
eval "$(FSYNC=on scripts/checks/postgres-cluster.sh start "$cluster")"
export PGPASSFILE
trap 'scripts/checks/postgres-cluster.sh stop "$cluster"; rm -rf "$work"' EXIT
server=${NGOMATCH_TEST_POSTGRES%/postgres}
$bin generate --ngos "${NGOS:-100000}" --needs "${NEEDS:-10000}" --seed 1 --out "$work/registry.jsonl" >/dev/null
echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%F)," \
    "PostgreSQL $(psql "$NGOMATCH_TEST_POSTGRES" -Atc 'SHOW server_version'), fsync on"
seconds() {
    python3 -c 'import subprocess, sys, time
start = time.monotonic()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
if done.returncode != 0:
    sys.exit(done.stderr)
print(f"{time.monotonic() - start:.2f}")' "$@"
}
: > "$work/times"
for run in $(seq "${RUNS:-3}"); do
    rm -f "$work"/r.sqlite* "$work"/back.sqlite*
    $bin init --empty --db "$work/r.sqlite" >/dev/null 2>&1
    import=$(seconds $bin import "$work/registry.jsonl" --db "$work/r.sqlite")
    PGOPTIONS=--client-min-messages=warning psql "$NGOMATCH_TEST_POSTGRES" -qc "DROP DATABASE IF EXISTS bench" \
        -c "CREATE DATABASE bench"
    to=$(seconds $bin migrate --to "$server/bench" --db "$work/r.sqlite")
    from=$(seconds $bin migrate --from "$server/bench" --db "$work/back.sqlite")
    echo "$import $to $from" >> "$work/times"
    echo "run $run: SQLite import $import s, migrate --to $to s, migrate --from $from s"
done
rows=$(psql "$server/bench" -Atc "SELECT (SELECT count(*) FROM ngo) + (SELECT count(*) FROM need)")
size=$(psql "$server/bench" -Atc "SELECT pg_size_pretty(pg_database_size('bench'))")
python3 - "$work/times" "$rows" "$size" <<'PY'
import statistics, sys
runs = [list(map(float, line.split())) for line in open(sys.argv[1])]
imp, to, back = (statistics.median(column) for column in zip(*runs))
print(f"median of {len(runs)}: SQLite import {imp:.2f} s; migrate --to {to:.2f} s ({to / imp:.2f}x the import);"
      f" migrate --from {back:.2f} s; {sys.argv[2]} NGOs and needs, {sys.argv[3]} on PostgreSQL")
PY
