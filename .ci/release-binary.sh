#!/usr/bin/env bash
# The release binary as users build it: position-independent, and silent on standard error. A
# fixed-address (-no-pie) executable takes the address of functions in the Swift runtime's shared
# library, and newer loaders then warn on every run ("direct reference to protected function ...
# may break pointer equality"). Checks the plain `swift build -c release`; with
# POSTLINT_CI_STATIC=1 also `--static-swift-stdlib` and `-Xswiftc -static-executable` (each a
# further release build of several minutes).
set -euo pipefail
cd "$(dirname "$0")/.."

failures=0
fail() { echo "release binary: $*" >&2; failures=$((failures + 1)); }

# check_binary LABEL PATH: --version prints 0.1.0 once and nothing on standard error.
check_binary() {
    local label=$1 binary=$2 out err
    out=$(mktemp)
    err=$(mktemp)
    if ! "$binary" --version >"$out" 2>"$err"; then fail "$label: --version failed"; fi
    if [ "$(cat "$out")" != "0.1.0" ]; then fail "$label: --version printed: $(od -c "$out" | head -3)"; fi
    if [ -s "$err" ]; then fail "$label: standard error is not empty: $(head -3 "$err")"; fi
    # A run on a real post must be just as quiet on standard error.
    "$binary" check fixtures/clean >/dev/null 2>"$err" || fail "$label: check fixtures/clean failed"
    if [ -s "$err" ]; then fail "$label: check wrote to standard error: $(head -3 "$err")"; fi
    rm -f "$out" "$err"
    echo "$label: ok"
}

# check_position_independent LABEL PATH: an ELF shared-object type (PIE), and no undefined
# function with a fixed address (a canonical PLT entry, what the loader's warning is about).
check_position_independent() {
    local label=$1 binary=$2 fixed
    command -v readelf >/dev/null || { echo "$label: readelf not found; ELF checks skipped"; return; }
    readelf -h "$binary" | grep -q "Type:[[:space:]]*DYN" || fail "$label: not a position-independent executable"
    fixed=$(readelf --dyn-syms -W "$binary" | awk '$4 == "FUNC" && $7 == "UND" && $2 !~ /^0+$/ { print $8 }' | head -5)
    if [ -n "$fixed" ]; then fail "$label: functions of shared libraries referenced at fixed addresses: $fixed"; fi
}

swift build -c release --product postlint 2>&1 | tail -1
plain="$(swift build -c release --show-bin-path)/postlint"
check_binary "swift build -c release" "$plain"
check_position_independent "swift build -c release" "$plain"

if [ "${POSTLINT_CI_STATIC:-}" = 1 ]; then
    swift build -c release --product postlint --static-swift-stdlib 2>&1 | tail -1
    check_binary "--static-swift-stdlib" "$(swift build -c release --show-bin-path)/postlint"
    scratch=.build/static-executable
    swift build -c release --product postlint --scratch-path "$scratch" -Xswiftc -static-executable 2>&1 | tail -1
    check_binary "-Xswiftc -static-executable" "$(swift build -c release --scratch-path "$scratch" --show-bin-path)/postlint"
fi

if [ "$failures" -ne 0 ]; then exit 1; fi
