#!/usr/bin/env bash
# Builds postlint's release artifacts for Linux from a checkout:
#   postlint-VERSION-linux-ARCH.tar.gz         the fully static executable, README.md (and the
#                                              licence file, when the repository has one)
#   postlint-VERSION-linux-ARCH.tar.gz.sha256  its SHA-256 sum (`sha256sum -c` reads it)
#   postlint-VERSION-py3-none-…_ARCH.whl       a wheel whose `postlint` command is that executable
#   SHA256SUMS                                 the sums of every archive and wheel above
#
# VERSION comes from scripts/version.sh (the command's source); the build is checked to report it.
# ARCH is the machine's own (x86_64 or aarch64); the other one is cross-built when a Swift SDK for
# it is installed (`swift sdk list`, e.g. the Static Linux SDK), and skipped with a note otherwise.
#
# Usage: scripts/package.sh [--out DIR] [--scratch-path PATH] [--arch ARCH]... [--no-wheel]
#   --out DIR            where the artifacts go (default: dist)
#   --scratch-path PATH  SwiftPM build folder (default: .build-static, or $POSTLINT_SCRATCH);
#                        a second run reuses the build there
#   --arch ARCH          build only for ARCH (repeatable); an ARCH that cannot be built is an error
#   --no-wheel           archives only (the wheel needs python3 with pip, and hatchling from the
#                        package index at build time)
# macOS is not covered: there, build with `swift build -c release --static-swift-stdlib`.
set -euo pipefail
cd "$(dirname "$0")/.."

out=dist
scratch=${POSTLINT_SCRATCH:-.build-static}
archs=()
wheel=1
while [ $# -gt 0 ]; do
    case "$1" in
        --out) out=${2:?--out needs a folder}; shift 2 ;;
        --scratch-path) scratch=${2:?--scratch-path needs a folder}; shift 2 ;;
        --arch) archs+=("${2:?--arch needs x86_64 or aarch64}"); shift 2 ;;
        --no-wheel) wheel=0; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "package: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done

if [ "$(uname -s)" != Linux ]; then
    echo "package: this script builds the Linux artifacts and runs on Linux only" >&2
    exit 1
fi

version=$(scripts/version.sh)
host=$(uname -m)
case "$host" in
    x86_64|aarch64) ;;
    arm64) host=aarch64 ;;
    *) echo "package: unsupported machine $host (x86_64 and aarch64 are)" >&2; exit 1 ;;
esac

# The Swift SDK that cross-builds a fully static executable for ARCH, if one is installed: the
# Static Linux SDK's targets are named ARCH-swift-linux-musl.
cross_sdk() {
    local arch=$1
    if swift sdk list 2>/dev/null | grep -qi 'static-linux'; then
        echo "$arch-swift-linux-musl"
    fi
}

for arch in "${archs[@]}"; do
    case "$arch" in
        x86_64|aarch64) ;;
        *) echo "package: unknown architecture $arch (x86_64 and aarch64 are known)" >&2; exit 2 ;;
    esac
done

explicit=1
if [ ${#archs[@]} -eq 0 ]; then
    explicit=0
    archs=("$host")
    for other in x86_64 aarch64; do
        [ "$other" = "$host" ] && continue
        if [ -n "$(cross_sdk "$other")" ]; then
            archs+=("$other")
        else
            echo "package: note: no Swift SDK can cross-build $other here (swift sdk list shows none for it; the Static Linux SDK would); building $host only"
        fi
    done
fi

licence_files=()
while IFS= read -r file; do
    case "$(basename "$file")" in
        LICENSE*|LICENCE*|COPYING*|NOTICE*) licence_files+=("$file") ;;
    esac
done < <(git ls-files 2>/dev/null | grep -v / || true)
if [ ${#licence_files[@]} -eq 0 ]; then
    echo "package: note: the repository has no LICENSE file; the archives carry the README only"
fi

mkdir -p "$out"
out=$(cd "$out" && pwd)
artifacts=()

for arch in "${archs[@]}"; do
    build=(swift build -c release --product postlint --scratch-path "$scratch" --static-swift-stdlib)
    if [ "$arch" = "$host" ]; then
        build+=(-Xswiftc -static-executable)
    else
        sdk=$(cross_sdk "$arch")
        if [ -z "$sdk" ]; then
            echo "package: cannot build $arch on this $host machine: no Swift SDK for it is installed (swift sdk list)" >&2
            [ "$explicit" -eq 1 ] && exit 1
            continue
        fi
        build+=(--swift-sdk "$sdk")
    fi

    echo "package: building postlint $version for linux-$arch: ${build[*]}"
    started=$SECONDS
    "${build[@]}"
    bin_dir=$("${build[@]}" --show-bin-path)
    echo "package: built in $((SECONDS - started)) s"
    binary="$bin_dir/postlint"

    # The executable must be fully static, and report the version the artifacts are named for.
    if readelf -l "$binary" | grep -q 'INTERP'; then
        echo "package: $binary is dynamically linked (it names a program interpreter)" >&2
        exit 1
    fi
    if [ "$arch" = "$host" ]; then
        reported=$(env -i "$binary" --version)
        if [ "$reported" != "$version" ]; then
            echo "package: the binary reports version $reported, the source $version" >&2
            exit 1
        fi
    fi

    name="postlint-$version-linux-$arch"
    stage=$(mktemp -d)
    trap 'rm -rf "$stage"' EXIT
    mkdir "$stage/$name"
    # Symbols stay out of the shipped copy (a fraction of the size); the build folder keeps them.
    strip -o "$stage/$name/postlint" "$binary" 2>/dev/null || cp "$binary" "$stage/$name/postlint"
    chmod 755 "$stage/$name/postlint"
    cp README.md "$stage/$name/"
    for file in "${licence_files[@]}"; do cp "$file" "$stage/$name/"; done

    # Reproducible: sorted names, fixed owner, the last commit's time, no gzip time stamp.
    epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}
    tar -C "$stage" --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" -cf - "$name" \
        | gzip -9n >"$out/$name.tar.gz"
    (cd "$out" && sha256sum "$name.tar.gz" >"$name.tar.gz.sha256")
    artifacts+=("$name.tar.gz")
    echo "package: $out/$name.tar.gz ($(du -k "$out/$name.tar.gz" | cut -f1) KiB)"

    if [ "$wheel" -eq 1 ]; then
        echo "package: building the wheel for linux-$arch"
        before=$(ls "$out")
        POSTLINT_BINARY="$stage/$name/postlint" python3 -m pip wheel --quiet --no-deps \
            --disable-pip-version-check --wheel-dir "$out" packaging/python
        made=$(comm -13 <(printf '%s\n' "$before" | sort) <(ls "$out" | sort) | grep '\.whl$' || true)
        if [ -z "$made" ]; then
            # Already there from an earlier run with the same name: it was overwritten.
            made=$(cd "$out" && ls postlint-"$version"-py3-none-*"_$arch".whl)
        fi
        artifacts+=("$made")
        echo "package: $out/$made ($(du -k "$out/$made" | cut -f1) KiB)"
    fi
    rm -rf "$stage"
    trap - EXIT
done

(cd "$out" && sha256sum "${artifacts[@]}" >SHA256SUMS)
echo "package: done; $out/SHA256SUMS:"
cat "$out/SHA256SUMS"
