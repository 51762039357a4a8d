#!/usr/bin/env bash
# CI: the whole test suite under AddressSanitizer (its own build folder, so the main build is
# untouched), then the concurrency tests under ThreadSanitizer: those that drive the types whose
# thread safety the compiler takes on trust (`@unchecked Sendable`, each with its reason beside it)
# and the shared caches built on them. They are a package of their own (Tests/ThreadSanitizer, its
# test files links to the suite's), so ThreadSanitizer builds the engine and those tests only, not
# the whole suite a second time. POSTLINT_SANITIZERS picks the runs ("address thread" by default);
# "thread-all" runs the whole suite under ThreadSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."

# Swift's runtime keeps caches for the process's life: leak reports would be noise.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1}"
export SWIFT_BACKTRACE="${SWIFT_BACKTRACE:-enable=no}"

for run in ${POSTLINT_SANITIZERS:-address thread}; do
    package=()
    case "$run" in
        address) sanitizer=address; scratch=.build-asan ;;
        thread) sanitizer=thread; scratch=.build-tsan-concurrency; package=(--package-path Tests/ThreadSanitizer) ;;
        thread-all) sanitizer=thread; scratch=.build-tsan ;;
        *) echo "unknown sanitizer run: $run" >&2; exit 2 ;;
    esac
    started=$SECONDS
    printf '\n== swift test --sanitize=%s %s\n' "$sanitizer" "${package[*]}"
    # Tests that measure memory check only the outcome under a sanitizer.
    export POSTLINT_SANITIZER="$sanitizer"
    # The linker's notes about sanitizer runtime symbols are not warnings about our code.
    set +e
    swift test "${package[@]}" --scratch-path "$scratch" --sanitize="$sanitizer" 2>&1 | grep -v "Cannot export local symbol"
    status=${PIPESTATUS[0]}
    set -e
    if [ "$status" -ne 0 ]; then
        echo "swift test under the $sanitizer sanitizer failed (exit $status)" >&2
        exit "$status"
    fi
    printf '== %s: %ds\n' "$run" "$((SECONDS - started))"
done
