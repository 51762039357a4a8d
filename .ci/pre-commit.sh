#!/usr/bin/env bash
# The README's pre-commit configuration under the real pre-commit framework: a temporary git
# repository takes this repository (a local clone, at the HEAD commit) as its hook repository, with
# the configuration block copied from the README. A README.md that .postlint.yml excludes must not
# block a commit; a staged post with errors must.
#
# By default the README's `id: postlint` (built from source by pre-commit, minutes) is swapped for
# `id: postlint-system` with this checkout's debug build on the PATH; with
# POSTLINT_CI_PRECOMMIT_FROM_SOURCE=1 the configuration runs exactly as written. Only committed
# changes are seen (pre-commit clones the repository at `rev:`).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export PIP_DISABLE_PIP_VERSION_CHECK=1

if ! command -v pre-commit >/dev/null; then
    python3 -m pip install --quiet pre-commit
    hash -r
fi
if [ -n "$(git status --porcelain --untracked-files=no)" ]; then
    echo "note: uncommitted changes are not part of this check (pre-commit clones HEAD)" >&2
fi

swift build --product postlint >/dev/null
export PATH="$(swift build --show-bin-path):$PATH"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/cache"
site="$work/site"
mkdir -p "$site/content"
cd "$site"
git init -q -b main
git config user.name "CI"
git config user.email "ci@example.invalid"
git config commit.gpgsign false

# The README's configuration block, pointed at this repository's HEAD.
rev=$(git -C "$root" rev-parse HEAD)
# (the block under the "### pre-commit" heading; the install section shows another, for the wheel).
awk '/^### pre-commit$/ { section = 1 } section && /^# \.pre-commit-config\.yaml$/ { copying = 1 }
     copying && /^```$/ { exit } copying { print }' \
    "$root/README.md" > .pre-commit-config.yaml
grep -q "id: postlint " .pre-commit-config.yaml || { echo "README: no pre-commit configuration with id: postlint found" >&2; exit 1; }
sed -i -e "s|repo: .*|repo: $root|" -e "s|rev: [0-9a-zA-Z.]*|rev: $rev|" .pre-commit-config.yaml
if [ "${POSTLINT_CI_PRECOMMIT_FROM_SOURCE:-}" != 1 ]; then
    sed -i 's|- id: postlint |- id: postlint-system |' .pre-commit-config.yaml
fi
echo "--- .pre-commit-config.yaml"
cat .pre-commit-config.yaml

cat > .postlint.yml <<'YAML'
exclude: ["**/README.md"]
YAML
cat > content/tea.md <<'POST'
---
title: "Notes on green tea, brewed at lower temperatures"
slug: green-tea-notes
excerpt: "How water temperature changes green tea, with the times and temperatures that work."
keywords: ["tea"]
---

Green tea, brewed cooler, tastes sweeter.
POST
printf '# About this site\n\nNo front matter here, and none is wanted.\n' > README.md
pre-commit install >/dev/null

failures=0
fail() { echo "pre-commit check: $*" >&2; failures=$((failures + 1)); }

echo "--- commit 1: a clean post and a README.md the configuration excludes"
git add .
if git commit -q -m "a clean post and an excluded README" > "$work/out" 2>&1; then
    grep -q "postlint.*Passed" "$work/out" || fail "the postlint hook did not run: $(cat "$work/out")"
else
    fail "the commit was refused, the excluded README.md was linted: $(cat "$work/out")"
fi
cat "$work/out"

echo "--- commit 2: a post with a broken slug"
sed -e 's/slug: green-tea-notes/slug: Broken Slug/' -e 's/green tea/black tea/g' content/tea.md > content/broken.md
git add content/broken.md
if git commit -q -m "a broken post" > "$work/out" 2>&1; then
    fail "the commit of a broken post went through: $(cat "$work/out")"
else
    grep -q "content/broken.md:3:7: error: slug" "$work/out" || fail "the refusal does not name the broken post: $(cat "$work/out")"
fi
cat "$work/out"

if [ "$failures" -ne 0 ]; then exit 1; fi
echo "pre-commit: the README's configuration works"
