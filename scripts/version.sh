#!/usr/bin/env bash
# Prints postlint's version as the command defines it (`static let version` in
# Sources/postlint/Postlint.swift), the one place it is written. The release archive's name, the
# wheel and the GitHub Action's default download all take it from here; the packaging checks
# that the built binary's `--version` agrees.
set -euo pipefail
source_file="$(dirname "$0")/../Sources/postlint/Postlint.swift"
if [ ! -f "$source_file" ]; then
    echo "version: $source_file not found" >&2
    exit 1
fi
version=$(sed -n 's/^[[:space:]]*static let version = "\([^"]*\)".*/\1/p' "$source_file")
if [ -z "$version" ] || [ "$(printf '%s\n' "$version" | wc -l)" -ne 1 ]; then
    echo "version: no single 'static let version = \"…\"' line in $source_file" >&2
    exit 1
fi
printf '%s\n' "$version"
