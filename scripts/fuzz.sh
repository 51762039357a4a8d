#!/usr/bin/env bash
# Builds the libFuzzer targets of Fuzz/ (AddressSanitizer, coverage on every module, C and C++
# parsers included) and runs each for a share of the given time, then prints the executions and
# crashes of every target. Exits 1 when any target crashed, hung or ran out of memory.
#
#   scripts/fuzz.sh                    every target, 600 seconds in total
#   scripts/fuzz.sh --total 60         every target, a minute in total
#   scripts/fuzz.sh --each 30 FuzzYAML one target for 30 seconds
#   scripts/fuzz.sh --no-build ...     reuse the last build
#
# Corpora grow in .build-fuzz/corpus/TARGET across runs and start from seeds made from fixtures/,
# rules/ and hand-made hostile shapes (scripts/fuzz-seeds.py). A crash leaves its input in
# .build-fuzz/artifacts/TARGET/ and the full log in .build-fuzz/logs/TARGET.log; reproduce it
# with `.build-fuzz/release/TARGET ARTIFACT`, then write a regression test before fixing it.
set -euo pipefail
cd "$(dirname "$0")/.."

targets_all=(FuzzDocumentLoader FuzzYAML FuzzTOML FuzzMarkdown FuzzEncoding FuzzConfiguration FuzzRulePack
             FuzzLSPFraming)
total=600
each=""
build=1
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
        --total) total="$2"; shift 2 ;;
        --each) each="$2"; shift 2 ;;
        --no-build) build=0; shift ;;
        -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
        Fuzz*) targets+=("$1"); shift ;;
        *) echo "unknown argument: $1 (targets: ${targets_all[*]})" >&2; exit 2 ;;
    esac
done
[ ${#targets[@]} -eq 0 ] && targets=("${targets_all[@]}")
if [ -z "$each" ]; then
    each=$(( total / ${#targets[@]} ))
    [ "$each" -lt 1 ] && each=1
fi

scratch="$PWD/.build-fuzz"
if [ "$build" -eq 1 ]; then
    coverage=inline-8bit-counters,pc-table,trace-cmp
    echo "== building fuzz targets (release, AddressSanitizer, libFuzzer coverage)"
    # A failed build must stop the run: fuzzing the binaries of an earlier build would test old code.
    set +e
    (cd Fuzz && swift build -c release --scratch-path "$scratch" \
        -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,$coverage \
        -Xcc -fsanitize=address -Xcc -fsanitize-coverage=$coverage \
        -Xcxx -fsanitize=address -Xcxx -fsanitize-coverage=$coverage 2>&1) | grep -v "Cannot export local symbol"
    status=${PIPESTATUS[0]}
    set -e
    if [ "$status" -ne 0 ]; then
        echo "building the fuzz targets failed (exit $status)" >&2
        exit 2
    fi
fi
bin="$scratch/release"
for target in "${targets[@]}"; do
    if [ ! -x "$bin/$target" ]; then
        echo "missing $bin/$target: the build failed" >&2
        exit 2
    fi
done

rm -rf "$scratch/seeds"
python3 scripts/fuzz-seeds.py "$scratch/seeds" 2>/dev/null
mkdir -p "$scratch/logs"

# Swift's runtime keeps caches for the process's life; leak reports would be noise, not findings.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=1}"
# The Swift runtime's own crash backtracer would run inside AddressSanitizer and add noise.
export SWIFT_BACKTRACE="${SWIFT_BACKTRACE:-enable=no}"

failed=0
summary=()
for target in "${targets[@]}"; do
    corpus="$scratch/corpus/$target"
    artifacts="$scratch/artifacts/$target"
    log="$scratch/logs/$target.log"
    mkdir -p "$corpus" "$artifacts"
    echo "== $target for ${each}s"
    set +e
    # -timeout: one input taking longer than 10 s is a hang; -rss_limit_mb / -malloc_limit_mb: memory
    # use out of proportion to an input of at most -max_len bytes is a finding.
    "$bin/$target" "$corpus" "$scratch/seeds/$target" \
        -max_total_time="$each" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=1024 -max_len=65536 \
        -print_final_stats=1 -artifact_prefix="$artifacts/" >"$log" 2>&1
    code=$?
    set -e
    executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    coverage=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | awk '{print $2}')
    crashes=0
    if [ "$code" -ne 0 ]; then
        crashes=1
        failed=1
        echo "   $target FAILED (exit $code); last lines of $log:"
        grep -E "ERROR|SUMMARY|Fatal error|Test unit written|deadly signal|timeout" "$log" | head -8 | sed 's/^/     /'
    fi
    line=$(printf '%-20s executions %10s   coverage %6s   crashes %d   (%ss)' \
        "$target" "${executions:-0}" "${coverage:-0}" "$crashes" "$each")
    echo "   $line"
    summary+=("$line")
done

echo
echo "== fuzz summary"
printf '%s\n' "${summary[@]}"
exit "$failed"
