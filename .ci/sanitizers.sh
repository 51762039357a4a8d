#!/usr/bin/env bash
# CI: the whole test suite under AddressSanitizer (its own build folder, so the main build is
# untouched). POSTLINT_SANITIZERS="address thread" adds the concurrency tests under
# ThreadSanitizer: those that drive the types whose thread safety the compiler takes on trust
# (`@unchecked Sendable`, each with its reason beside it) and the shared caches built on them;
# "thread-all" runs the whole suite under it. ThreadSanitizer needs a second sanitized build of
# the package (about as long as the AddressSanitizer one), which does not fit `.ci/run`'s
# 30 minutes on two cores, so it is run before merging concurrency changes, not on every run.
set -euo pipefail
cd "$(dirname "$0")/.."

# Swift's runtime keeps caches for the process's life: leak reports would be noise.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1}"
export SWIFT_BACKTRACE="${SWIFT_BACKTRACE:-enable=no}"

concurrency_tests='LockedTests|ShortHoldConditionTests|OrderedWorkQueueTests|SharedLookUpsTests|FolderPrefetcherTests|AnchorCacheTests|WorkerFileSystemTests|PipelineMemoryTests'

for run in ${POSTLINT_SANITIZERS:-address}; do
    filter=()
    case "$run" in
        address) sanitizer=address; scratch=.build-asan ;;
        thread) sanitizer=thread; scratch=.build-tsan; filter=(--filter "$concurrency_tests") ;;
        thread-all) sanitizer=thread; scratch=.build-tsan ;;
        *) echo "unknown sanitizer run: $run" >&2; exit 2 ;;
    esac
    started=$SECONDS
    printf '\n== swift test --sanitize=%s %s\n' "$sanitizer" "${filter[*]}"
    # Tests that measure memory check only the outcome under a sanitizer.
    export POSTLINT_SANITIZER="$sanitizer"
    # The linker's notes about sanitizer runtime symbols are not warnings about our code.
    set +e
    swift test --scratch-path "$scratch" --sanitize="$sanitizer" "${filter[@]}" 2>&1 | grep -v "Cannot export local symbol"
    status=${PIPESTATUS[0]}
    set -e
    if [ "$status" -ne 0 ]; then
        echo "swift test under the $sanitizer sanitizer failed (exit $status)" >&2
        exit "$status"
    fi
    printf '== %s: %ds\n' "$run" "$((SECONDS - started))"
done
