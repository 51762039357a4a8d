#!/usr/bin/env bash
# CommonMark conformance of the body scanner: fetches the CommonMark 0.31.2 spec examples (the
# marko package's source distribution ships spec.txt for its own tests), runs the scanner over
# each and compares image and link destinations with the spec's HTML. Exits non-zero below the
# floor, when any image example fails, or when an example without images or links yields one.
set -euo pipefail
cd "$(dirname "$0")/.."

FLOOR=144            # every example with an image or a link (144 of 144 in 0.31.2)
PACKAGE=marko
PACKAGE_VERSION=2.2.4
SPEC_PATH="$PACKAGE-$PACKAGE_VERSION/tests/spec/commonmark.txt"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 -m pip download --quiet --no-deps --no-binary :all: --dest "$work" "$PACKAGE==$PACKAGE_VERSION"
tar -xzf "$work/$PACKAGE-$PACKAGE_VERSION.tar.gz" -C "$work" "$SPEC_PATH"

scratch=()
if [ -n "${POSTLINT_SCRATCH:-}" ]; then scratch=(--scratch-path "$POSTLINT_SCRATCH"); fi
swift build "${scratch[@]}" --product commonmark-conformance
bin="$(swift build "${scratch[@]}" --show-bin-path)"

python3 scripts/commonmark-conformance.py --spec "$work/$SPEC_PATH" --tool "$bin/commonmark-conformance" \
    --version 0.31.2 --floor "$FLOOR" --all-images --strict-others
