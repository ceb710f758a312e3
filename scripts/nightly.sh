#!/usr/bin/env bash
# The long runs at their nightly sizes (RELIABILITY.md, "How to reproduce the long runs"):
# what CI runs small, run large. About an hour on a 2-core machine.
#
#   scripts/nightly.sh            # every long run
#   scripts/nightly.sh soak crash # some of them
#
# Each run prints its figures (`crash/import: …`, `soak: …`, `fuzz: …`); the script stops at
# the first that fails and says which.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${*:-exit crash soak fuzz libfuzzer}
swift build --build-tests
for run in $runs; do
    echo "== nightly: $run"
    case $run in
        exit) NGOMATCH_EXIT_RUNS=1000 swift test --skip-build --filter ExitUnderLoadTests ;;
        crash) NGOMATCH_CRASH_KILLS=100 swift test --skip-build --filter CrashTests ;;
        soak) NGOMATCH_SOAK_SECONDS=600 swift test --skip-build --filter SoakTests ;;
        fuzz) NGOMATCH_FUZZ_RUNS=1000000 swift test --skip-build --filter HostileCorpusTests ;;
        libfuzzer) scripts/fuzz.sh json 600 && scripts/fuzz.sh dispatcher 600 ;;
        *) echo "unknown run '$run': exit, crash, soak, fuzz or libfuzzer" >&2; exit 2 ;;
    esac || { echo "nightly: $run FAILED" >&2; exit 1; }
done
echo "nightly: every run passed ($runs)"
