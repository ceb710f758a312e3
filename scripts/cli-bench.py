#!/usr/bin/env python3
"""A new ngomatch process on a large registry: import, then the commands people type (issue 18).

Usage: cli-bench.py WORKDIR JSONL RUNS BINARY [BINARY...]

For each binary: `import` of JSONL into a fresh registry (3 runs), then, on that registry with
the index snapshot its first reader leaves, `suggest --need`, `discover --ngo`, `ngos show`,
`needs show` (RUNS runs each) and `gaps` (5 runs). The binaries take turns run by run, so a
slow minute of a shared machine falls on all of them alike. Prints a Markdown table: median
and 90th percentile of wall time, and the largest resident memory of any run.
"""
import json
import os
import statistics
import subprocess
import sys
import time

workdir, jsonl, runs, binaries = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]


def run(command):
    """Wall time in ms and peak resident memory in MB of one child process."""
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = (time.perf_counter() - started) * 1000
    if status != 0:
        sys.exit(f"{' '.join(command)} failed: {child.stderr.read().decode()}")
    return elapsed, usage.ru_maxrss / 1024


def output(command):
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


registries = {}
times = {}  # (label, binary) -> [(ms, MB)]


def timed(label, binary, command):
    times.setdefault((label, binary), []).append(run(command))


for attempt in range(3):
    for number, binary in enumerate(binaries):
        database = os.path.join(workdir, f"import-{number}.sqlite")
        for suffix in ("", "-wal", "-shm", "-index"):
            if os.path.exists(database + suffix):
                os.remove(database + suffix)
        output([binary, "init", "--empty", "--db", database])
        timed("import", binary, [binary, "import", jsonl, "--db", database])
        registries[binary] = database

for binary, database in registries.items():
    run([binary, "gaps", "--db", database])  # the first reader compiles and leaves the snapshot
first = registries[binaries[0]]
need = json.loads(output([binaries[0], "needs", "list", "--status", "open", "--format", "jsonl", "--limit", "1",
                          "--db", first]).splitlines()[0])["id"]
ngo = json.loads(output([binaries[0], "ngos", "list", "--format", "jsonl", "--limit", "1",
                         "--db", first]).splitlines()[0])["id"]
commands = [
    (f"suggest --need {need}", ["suggest", "--need", need], runs),
    (f"discover --ngo {ngo}", ["discover", "--ngo", ngo], runs),
    (f"ngos show {ngo}", ["ngos", "show", ngo], runs),
    (f"needs show {need}", ["needs", "show", need], runs),
    ("gaps", ["gaps"], 5),
]
for label, arguments, count in commands:
    for binary in binaries:
        run([binary] + arguments + ["--db", registries[binary]])  # warm the page cache
    for _ in range(count):
        for binary in binaries:
            timed(label, binary, [binary] + arguments + ["--db", registries[binary]])

print("| command | " + " | ".join(binaries) + " |")
print("|---|" + "---|" * len(binaries))
for label in ["import"] + [label for label, _, _ in commands]:
    cells = []
    for binary in binaries:
        samples = times[(label, binary)]
        walls = sorted(ms for ms, _ in samples)
        p90 = walls[min(len(walls) - 1, int(len(walls) * 0.9))]
        peak = max(mb for _, mb in samples)
        cells.append(f"{statistics.median(walls):,.0f} ms (p90 {p90:,.0f}), {peak:,.0f} MB")
    print(f"| `{label}` | " + " | ".join(cells) + " |")
