#!/usr/bin/env bash
# End-to-end test of the language server with a real LSP client that this project did not write:
# pytest-lsp (with pygls and lsprotocol) drives `postlint lsp` as VS Code and Neovim would, from
# their published capabilities. It checks UTF-16 and UTF-8 positions on a line with emoji before a
# mojibake error, applies the quick fix, sees the diagnostic go, and shuts the server down cleanly.
#
# Installs what it needs into a throw-away virtual environment (fresh machines have nothing).
# POSTLINT_SCRATCH=PATH uses that build folder instead of the default one.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "lsp: installing the client (pip install pytest-lsp)"
python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet --disable-pip-version-check "pytest-lsp==1.0.1"

scratch=()
if [ -n "${POSTLINT_SCRATCH:-}" ]; then scratch=(--scratch-path "$POSTLINT_SCRATCH"); fi
echo "lsp: building postlint"
swift build "${scratch[@]}" --product postlint >/dev/null
bin_path=$(swift build "${scratch[@]}" --show-bin-path)

set +e
POSTLINT="$bin_path/postlint" "$work/venv/bin/python" -m pytest -p no:cacheprovider -v Tests/lsp-e2e
code=$?
set -e
if [ "$code" -eq 0 ]; then
    echo "lsp: PASS (real-client end-to-end test)"
else
    echo "lsp: FAIL (real-client end-to-end test, pytest exit code $code)" >&2
fi
exit "$code"
