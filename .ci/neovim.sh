#!/usr/bin/env bash
# The Neovim set-up for Neovim 0.7 to 0.10 in docs/editors.md, in the real editor: Debian's neovim
# (0.7.2 on Debian 12), headless, with that Lua block as its init.lua, opens a post with mojibake;
# Tests/editor-e2e/neovim-check.lua waits for postlint's diagnostics, asks for code actions and
# applies the quick fix, and fails if any of it does not happen within a bounded time.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
source .ci/apt.sh

if ! command -v nvim >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt_install neovim
    else
        echo "neovim: nvim is not installed (apt-get install -y neovim)" >&2
        exit 1
    fi
fi
nvim --version | head -1

swift build --product postlint >/dev/null
export PATH="$(swift build --show-bin-path):$PATH"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The Lua block that follows the marker comment in docs/editors.md, as written.
awk '/<!-- neovim-0.7-setup/ { found = 1; next }
     found && /^```lua$/ { copying = 1; next }
     copying && /^```$/ { exit }
     copying { print }' docs/editors.md > "$work/init.lua"
if [ ! -s "$work/init.lua" ]; then
    echo "neovim: the set-up block was not found in docs/editors.md" >&2
    exit 1
fi

mkdir -p "$work/site/posts"
printf 'exclude: ["**/README.md"]\n' > "$work/site/.postlint.yml"
cat > "$work/site/posts/tea.md" <<'POST'
---
title: "Notes on green tea, brewed at lower temperatures"
slug: green-tea-notes
excerpt: "How water temperature changes green tea, with the times and temperatures that work."
keywords: ["tea"]
---

Green tea brewed cooler: itâ€™s sweeter, and the tea keeps its colour.
POST

cd "$work/site"
# XDG folders inside the work folder: no user configuration, state or shada is read or written.
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state" XDG_CACHE_HOME="$work/cache"
set +e
timeout 90 nvim --headless -n -i NONE -u "$work/init.lua" posts/tea.md \
    -c "luafile $root/Tests/editor-e2e/neovim-check.lua"
code=$?
set -e
if [ "$code" -ne 0 ]; then
    echo "neovim: FAIL (exit code $code)" >&2
    exit 1
fi
echo "neovim: PASS"
