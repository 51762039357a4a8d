#!/usr/bin/env bash
# The README's pre-commit configurations under the real pre-commit framework. The README shows two
# blocks under "### Before each commit": the repository's hooks (repo: and rev: left for the user
# to fill in) and a local hook (language: system) that needs no repository. Each runs in a
# temporary git repository: the first with this repository (a local clone, at the HEAD commit)
# filled in as its hook repository, the second as written. A README.md that .postlint.yml excludes
# must not block a commit; a staged post with errors must.
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

# Every ```yaml block under "### Before each commit" that starts with "# .pre-commit-config.yaml",
# one file each.
awk -v out="$work/readme-config-" '
    /^```/ { fenced = !fenced; copying = 0; next }
    !fenced && /^#+ / { section = ($0 == "### Before each commit") }
    fenced && section && /^# \.pre-commit-config\.yaml$/ { copying = 1; count++ }
    copying { print > (out count ".yaml") }' "$root/README.md"
[ -f "$work/readme-config-1.yaml" ] && [ -f "$work/readme-config-2.yaml" ] \
    || { echo "README: expected two pre-commit configurations under \"### Before each commit\"" >&2; exit 1; }

failures=0
fail() { echo "pre-commit check: $*" >&2; failures=$((failures + 1)); }

# The first block names the repository and revision as placeholders for the user to fill in.
grep -q "id: postlint " "$work/readme-config-1.yaml" || fail "README: the first configuration has no id: postlint"
grep -Eq "^ *- repo: <[^>]+>" "$work/readme-config-1.yaml" || fail "README: the first configuration's repo: is not a <…> to fill in"
grep -Eq "^ *rev: <[^>]+>" "$work/readme-config-1.yaml" || fail "README: the first configuration's rev: is not a <…> to fill in"
rev=$(git -C "$root" rev-parse HEAD)
sed -i -e "s|repo: .*|repo: $root|" -e "s|rev: .*|rev: $rev|" "$work/readme-config-1.yaml"
if [ "${POSTLINT_CI_PRECOMMIT_FROM_SOURCE:-}" != 1 ]; then
    sed -i 's|- id: postlint |- id: postlint-system |' "$work/readme-config-1.yaml"
fi
# The second is a local hook: it runs as written, with nothing filled in.
grep -q "repo: local" "$work/readme-config-2.yaml" || fail "README: the second configuration is not a local hook"
grep -q "language: system" "$work/readme-config-2.yaml" || fail "README: the second configuration is not language: system"

# try_configuration N: a fresh site with README configuration N; two commits.
try_configuration() {
    local number=$1 site="$work/site-$1"
    mkdir -p "$site/content"
    cp "$work/readme-config-$number.yaml" "$site/.pre-commit-config.yaml"
    echo "--- configuration $number: .pre-commit-config.yaml"
    cat "$site/.pre-commit-config.yaml"
    (
        cd "$site"
        git init -q -b main
        git config user.name "CI"
        git config user.email "ci@example.invalid"
        git config commit.gpgsign false
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
    )

    echo "--- configuration $number, commit 1: a clean post and a README.md the configuration excludes"
    (cd "$site" && git add . && git commit -q -m "a clean post and an excluded README") > "$work/out" 2>&1
    local code=$?
    if [ "$code" -eq 0 ]; then
        grep -q "postlint.*Passed" "$work/out" || fail "configuration $number: the postlint hook did not run: $(cat "$work/out")"
    else
        fail "configuration $number: the commit was refused, the excluded README.md was linted: $(cat "$work/out")"
    fi
    cat "$work/out"

    echo "--- configuration $number, commit 2: a post with a broken slug"
    sed -e 's/slug: green-tea-notes/slug: Broken Slug/' -e 's/green tea/black tea/g' \
        "$site/content/tea.md" > "$site/content/broken.md"
    if (cd "$site" && git add content/broken.md && git commit -q -m "a broken post") > "$work/out" 2>&1; then
        fail "configuration $number: the commit of a broken post went through: $(cat "$work/out")"
    else
        grep -q "content/broken.md:3:7: error: slug" "$work/out" \
            || fail "configuration $number: the refusal does not name the broken post: $(cat "$work/out")"
    fi
    cat "$work/out"
}

set +e
try_configuration 1
try_configuration 2
set -e

if [ "$failures" -ne 0 ]; then exit 1; fi
echo "pre-commit: the README's configurations work"
