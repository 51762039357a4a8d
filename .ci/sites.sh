#!/usr/bin/env bash
# CI: postlint's broken-link and broken-image findings on the Hugo and Jekyll fixture sites
# (fixtures/sites/) against the truth of the sites as the real generators build them: Debian's
# hugo and jekyll (with the jekyll-relative-links and jekyll-redirect-from plugins) build each
# site, every link of the built pages is resolved and read back to its source line, and precision
# and recall per kind of link must each be at least 0.97 (scripts/site-truth.py prints the table).
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/apt.sh

packages=()
command -v hugo >/dev/null || packages+=(hugo)
command -v jekyll >/dev/null || packages+=(jekyll)
for plugin in ruby-jekyll-relative-links ruby-jekyll-redirect-from; do
    dpkg-query -W -f='${Status}' "$plugin" 2>/dev/null | grep -q "install ok installed" || packages+=("$plugin")
done
if [ "${#packages[@]}" -gt 0 ]; then
    apt_install --no-install-recommends "${packages[@]}"
fi

scratch=()
if [ -n "${POSTLINT_SCRATCH:-}" ]; then scratch=(--scratch-path "$POSTLINT_SCRATCH"); fi
swift build "${scratch[@]}" --product postlint
bin="$(swift build "${scratch[@]}" --show-bin-path)"

# The harness's own parts first: link kinds, source links, finding destinations, link pairing.
(cd scripts && python3 -B -m doctest link_kinds.py && python3 -B -m doctest site-truth.py)

status=0
for site in fixtures/sites/hugo fixtures/sites/jekyll; do
    python3 scripts/site-truth.py "$site" --postlint "$bin/postlint" --min 0.97 --verbose || status=1
done
exit "$status"
