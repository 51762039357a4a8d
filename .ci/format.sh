#!/usr/bin/env bash
# CI: the Swift sources are formatted as `.swift-format` says (4 spaces, lines up to 130
# characters). `swift format lint --strict` reports each difference as an error and exits non-zero;
# `swift format --in-place --recursive --configuration .swift-format Sources Tests Package.swift`
# applies the formatting.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! swift format --version >/dev/null 2>&1; then
    echo "swift format is not available (it ships with Swift 6 toolchains)" >&2
    exit 2
fi
swift format lint --strict --recursive --configuration .swift-format Sources Tests Package.swift
