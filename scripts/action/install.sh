#!/usr/bin/env bash
# The GitHub Action's first step (action.yml): installs postlint on a Linux runner and puts it on
# the job's PATH. No Swift toolchain is needed.
#
# Environment (the action's inputs):
#   POSTLINT_WHEEL    a wheel (path or URL): installed with pip into a virtual environment
#   POSTLINT_ARCHIVE  a release archive (path or URL): its .sha256 beside it is verified when
#                     present (always, for a URL), then it is unpacked
#   POSTLINT_VERSION  otherwise, the release archive of this version is downloaded from the
#                     action's repository's releases (default: the version in the action's own
#                     source, so a `uses:` of the action at tag v0.1.0 installs 0.1.0)
# Set by the runner: RUNNER_TEMP, GITHUB_PATH, and GITHUB_ACTION_REPOSITORY or GITHUB_ACTION_PATH
# (or GITHUB_REPOSITORY) to find the releases.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

fail() { echo "::error title=postlint action::$*" >&2; exit 1; }

[ "$(uname -s)" = Linux ] || fail "postlint's release binaries are for Linux runners; on macOS build it from source (swift build -c release)"
case "$(uname -m)" in
    x86_64) arch=x86_64 ;;
    aarch64|arm64) arch=aarch64 ;;
    *) fail "no postlint release for $(uname -m)" ;;
esac
: "${RUNNER_TEMP:?RUNNER_TEMP is not set (this script runs as a step of the action)}"
: "${GITHUB_PATH:?GITHUB_PATH is not set (this script runs as a step of the action)}"

root="$RUNNER_TEMP/postlint"
rm -rf "$root"
mkdir -p "$root"

# Copies a path or downloads a URL to $2.
fetch() {
    case "$1" in
        http://*|https://*) curl --fail --silent --show-error --location --retry 3 -o "$2" "$1" ;;
        *) [ -f "$1" ] || fail "$1 does not exist"; cp "$1" "$2" ;;
    esac
}

if [ -n "${POSTLINT_WHEEL:-}" ]; then
    wheel_name=$(basename "${POSTLINT_WHEEL%%\?*}")
    fetch "$POSTLINT_WHEEL" "$root/$wheel_name"
    python3 -m venv "$root/venv" || fail "python3 -m venv failed (the wheel needs Python 3 with venv)"
    "$root/venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-index --no-deps \
        "$root/$wheel_name"
    bin_dir="$root/venv/bin"
else
    if [ -n "${POSTLINT_ARCHIVE:-}" ]; then
        source=$POSTLINT_ARCHIVE
    else
        version=${POSTLINT_VERSION:-$("$here/../version.sh")}
        version=${version#v}
        # The action's own repository: the runner names it, or its checkout's path does
        # (…/_actions/<owner>/<name>/<ref>); for `uses: ./` it is the workflow's repository.
        repository=${GITHUB_ACTION_REPOSITORY:-}
        if [ -z "$repository" ] && [[ "${GITHUB_ACTION_PATH:-}" =~ /_actions/([^/]+/[^/]+)/[^/]+$ ]]; then
            repository=${BASH_REMATCH[1]}
        fi
        repository=${repository:-${GITHUB_REPOSITORY:?neither the action nor the workflow repository is known}}
        source="https://github.com/$repository/releases/download/v$version/postlint-$version-linux-$arch.tar.gz"
    fi
    archive_name=$(basename "${source%%\?*}")
    echo "postlint: installing $source"
    fetch "$source" "$root/$archive_name"
    case "$source" in
        http://*|https://*)
            fetch "$source.sha256" "$root/$archive_name.sha256" ;;
        *)
            [ -f "$source.sha256" ] && cp "$source.sha256" "$root/$archive_name.sha256" ;;
    esac
    if [ -f "$root/$archive_name.sha256" ]; then
        (cd "$root" && sha256sum --check --status "$archive_name.sha256") \
            || fail "$archive_name does not match its SHA-256 sum"
    fi
    tar -xzf "$root/$archive_name" -C "$root"
    bin_dir="$root/${archive_name%.tar.gz}"
fi

[ -x "$bin_dir/postlint" ] || fail "no postlint executable in $bin_dir"
echo "$bin_dir" >>"$GITHUB_PATH"
echo "postlint: $("$bin_dir/postlint" --version) installed in $bin_dir"
