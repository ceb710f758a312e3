#!/usr/bin/env bash
# libFuzzer over the protocol's line decoder and request parser (issue 6).
#
#   scripts/fuzz.sh                  # both targets, 60 s each
#   scripts/fuzz.sh dispatcher 600   # one target, ten minutes
#
# Targets (sources in scripts/fuzz/): json — the JSON reader every line and file goes
# through, checked to read back what it writes; dispatcher — bytes framed into
# lines and dispatched against a real registry, every reply checked to be one
# JSON-RPC message. The corpus starts from fixtures/hostile and grows in
# .build-fuzz/corpus; a crashing input is copied into fixtures/fuzz/<target>/,
# where `swift test` replays it (HostileCorpusTests) once it is fixed.
#
# LeakSanitizer is off: Swift keeps enum tags in the spare bits of pointers (Data's
# storage, for one), which it cannot follow, so it reports a few reachable objects at
# exit as leaked. Memory is bounded instead by -rss_limit_mb here, and checked by the
# ten-minute runs in BENCHMARKS.md and RELIABILITY.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
targets=${1:-json dispatcher}
seconds=${2:-60}
build="$root/.build-fuzz"
package="$build/package"
dependency=$(basename "$root" | tr '[:upper:]' '[:lower:]')
mkdir -p "$package/Sources/FuzzJSONParser" "$package/Sources/FuzzDispatcher"
cp "$root/scripts/fuzz/FuzzJSONParser.swift" "$package/Sources/FuzzJSONParser/"
cp "$root/scripts/fuzz/FuzzDispatcher.swift" "$package/Sources/FuzzDispatcher/"
# A package of its own, so the fuzzing flags never reach the project's normal build.
# Everything is built with AddressSanitizer and coverage (libFuzzer's guide); only the
# fuzz targets link libFuzzer itself, as the build tool that embeds the seeds has a main of its own.
cat >"$package/Package.swift" <<SWIFT
// swift-tools-version: 5.4
import PackageDescription

let package = Package(
    name: "ngomatch-fuzz",
    dependencies: [.package(path: "$root")],
    targets: [
        .executableTarget(
            name: "FuzzJSONParser",
            dependencies: [.product(name: "NGOMatchCore", package: "$dependency")],
            swiftSettings: [.unsafeFlags(["-parse-as-library", "-sanitize=fuzzer"])],
            linkerSettings: [.unsafeFlags(["-sanitize=fuzzer"])]
        ),
        .executableTarget(
            name: "FuzzDispatcher",
            dependencies: [
                .product(name: "NGOMatchCore", package: "$dependency"),
                .product(name: "NGOMatchStore", package: "$dependency"),
                .product(name: "NGOMatchService", package: "$dependency"),
                .product(name: "NGOMatchProtocol", package: "$dependency"),
            ],
            swiftSettings: [.unsafeFlags(["-parse-as-library", "-sanitize=fuzzer"])],
            linkerSettings: [.unsafeFlags(["-sanitize=fuzzer"])]
        ),
    ]
)
SWIFT
flags="-Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp"
# SwiftPM does not rebuild when only these flags change: start over when they do.
if [ "$(cat "$build/flags" 2>/dev/null)" != "$flags" ]; then rm -rf "$build/scratch"; fi
echo "$flags" >"$build/flags"
# shellcheck disable=SC2086
swift build -c release --package-path "$package" --scratch-path "$build/scratch" $flags
# Anything libFuzzer writes without the prefix below lands in the build folder, not the repository's root.
cd "$build"
# libFuzzer's -detect_leaks=0 stops the checks while fuzzing; ASan would still check once at exit.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
for target in $targets; do
    case $target in
    json) binary=FuzzJSONParser ;;
    dispatcher) binary=FuzzDispatcher ;;
    *) echo "unknown target '$target' (json or dispatcher)" >&2; exit 2 ;;
    esac
    corpus="$build/corpus/$target"
    crashes="$root/fixtures/fuzz/$target"
    mkdir -p "$corpus" "$crashes"
    # Seeds: each hostile line on its own, and the binary files.
    awk -F'\t' '!/^#/ && NF > 1 { sub(/^[^\t]*\t/, ""); print > ("'"$corpus"'/seed-" NR) }' \
        "$root/fixtures/hostile/protocol-lines.txt"
    cp "$root"/fixtures/hostile/*.bin "$corpus/"
    echo "== $target: $seconds s"
    "$build/scratch/release/$binary" "$corpus" -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 \
        -artifact_prefix="$crashes/" -print_final_stats=1 2>&1 | { grep -E "^(#[0-9]+.*(DONE|pulse|NEW)|stat::|==[0-9]+==|SUMMARY|INFO: (Loaded|seed))" || true; } | tail -12
done
