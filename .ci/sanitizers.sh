#!/usr/bin/env bash
# CI: the whole test suite under AddressSanitizer (its own build folder, so the main build is
# untouched). ThreadSanitizer runs the same way with POSTLINT_SANITIZERS="address thread"; it is
# left out of CI by default to keep the run within its time on two cores.
set -euo pipefail
cd "$(dirname "$0")/.."

# Swift's runtime keeps caches for the process's life: leak reports would be noise.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
export SWIFT_BACKTRACE="${SWIFT_BACKTRACE:-enable=no}"

for sanitizer in ${POSTLINT_SANITIZERS:-address}; do
    case "$sanitizer" in
        address) scratch=.build-asan ;;
        thread) scratch=.build-tsan ;;
        *) echo "unknown sanitizer: $sanitizer" >&2; exit 2 ;;
    esac
    printf '\n== swift test --sanitize=%s\n' "$sanitizer"
    # Tests that measure memory check only the outcome under a sanitizer.
    export POSTLINT_SANITIZER="$sanitizer"
    # The linker's notes about sanitizer runtime symbols are not warnings about our code.
    set +e
    swift test --scratch-path "$scratch" --sanitize="$sanitizer" 2>&1 | grep -v "Cannot export local symbol"
    status=${PIPESTATUS[0]}
    set -e
    if [ "$status" -ne 0 ]; then
        echo "swift test under the $sanitizer sanitizer failed (exit $status)" >&2
        exit "$status"
    fi
done
