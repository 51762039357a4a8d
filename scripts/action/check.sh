#!/usr/bin/env bash
# The GitHub Action's second step (action.yml): runs `postlint check` on the given paths.
#
# Environment (the action's inputs):
#   POSTLINT_PATHS       files and folders, separated by spaces or new lines (default: .)
#   POSTLINT_ARGS        further arguments of `postlint check`, split on spaces
#                        (e.g. --changed-since origin/main --max-warnings 0)
#   POSTLINT_SARIF_FILE  when set, the report is written there as SARIF for code scanning;
#                        otherwise findings are annotations on the pull request (--format github)
# Outputs (GITHUB_OUTPUT): exit-code, and sarif-file when one was written. The step exits with
# postlint's code: 0 clean, 1 findings, 2 a usage, configuration or I/O error.
set -euo pipefail

command -v postlint >/dev/null || { echo "::error title=postlint action::postlint is not on the PATH" >&2; exit 2; }

read -r -d '' -a paths <<<"${POSTLINT_PATHS:-.}" || true
[ ${#paths[@]} -gt 0 ] || paths=(.)
read -r -d '' -a extra <<<"${POSTLINT_ARGS:-}" || true

if [ -n "${POSTLINT_SARIF_FILE:-}" ]; then
    mkdir -p "$(dirname "$POSTLINT_SARIF_FILE")"
    report=(--format sarif --output "$POSTLINT_SARIF_FILE")
else
    report=(--format github)
fi

set +e
postlint check "${report[@]}" "${extra[@]}" -- "${paths[@]}"
code=$?
set -e

if [ -n "${GITHUB_OUTPUT:-}" ]; then
    echo "exit-code=$code" >>"$GITHUB_OUTPUT"
    if [ -n "${POSTLINT_SARIF_FILE:-}" ] && [ -f "$POSTLINT_SARIF_FILE" ]; then
        echo "sarif-file=$POSTLINT_SARIF_FILE" >>"$GITHUB_OUTPUT"
    fi
fi
case "$code" in
    0) echo "postlint: no findings that fail the check" ;;
    1) echo "postlint: findings reported (exit code 1)" ;;
    *) echo "postlint: the check could not run (exit code $code)" >&2 ;;
esac
exit "$code"
