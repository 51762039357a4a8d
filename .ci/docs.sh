#!/usr/bin/env bash
# CI: postlint checks the project's own Markdown (README, ARCHITECTURE, SECURITY, docs/) with
# .ci/docs.postlint.yml: a broken link or image, an anchor that moved, or damaged text in the
# documentation fails the run like it would in a user's.
set -euo pipefail
cd "$(dirname "$0")/.."

scratch=()
if [ -n "${POSTLINT_SCRATCH:-}" ]; then scratch=(--scratch-path "$POSTLINT_SCRATCH"); fi
swift build "${scratch[@]}" --product postlint
bin="$(swift build "${scratch[@]}" --show-bin-path)"

"$bin/postlint" check --config .ci/docs.postlint.yml --max-warnings 0 README.md ARCHITECTURE.md SECURITY.md docs
