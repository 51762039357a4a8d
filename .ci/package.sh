#!/usr/bin/env bash
# Release packaging: builds the static binary, the archive and the wheel once (scripts/package.sh),
# then checks them the way people without a Swift toolchain use them:
#   - the binary is fully static (ldd), reports the source's version and runs with an empty
#     environment; the archive's SHA-256 sum verifies and it holds the binary and the README;
#   - the wheel installs with pip from the local file into a fresh virtual environment, whose
#     `postlint` is the binary itself and lints fixtures/ with no Swift toolchain on the PATH;
#   - the real pre-commit framework installs the toolchain-free hook (docs/install.md: repo: local,
#     language: python, the wheel as additional dependency), lets a clean post be committed and
#     blocks a commit of a post with a broken image; its install time is printed;
#   - action.yml parses, its steps run only this repository's scripts, every input is documented
#     in docs/install.md, and its scripts install the archive and the wheel and report as annotations
#     and as SARIF.
# Exits non-zero on any failure.
#
# POSTLINT_SCRATCH=PATH reuses that build folder for the static build (default: .build-static).
set -euo pipefail
cd "$(dirname "$0")/.."
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_ROOT_USER_ACTION=ignore

started=$SECONDS
fail() { echo "package: FAILED: $*" >&2; exit 1; }
note() { printf 'package: %s\n' "$*"; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
version=$(scripts/version.sh)

# --- build once -----------------------------------------------------------------------------------
build_started=$SECONDS
scripts/package.sh --out "$work/dist" ${POSTLINT_SCRATCH:+--scratch-path "$POSTLINT_SCRATCH"} \
    | tee "$work/package.log"
build_seconds=$((SECONDS - build_started))
arch=$(uname -m)
name="postlint-$version-linux-$arch"
archive="$work/dist/$name.tar.gz"
[ -f "$archive" ] || fail "no archive $name.tar.gz was made"
shopt -s nullglob
wheels=("$work/dist/postlint-$version-py3-none-"*"_$arch.whl")
shopt -u nullglob
[ ${#wheels[@]} -eq 1 ] || fail "expected one wheel for $version on $arch, found ${#wheels[@]}"
wheel=${wheels[0]}
note "wheel: $(basename "$wheel")"
case "$(basename "$wheel")" in
    *manylinux*"_$arch"*musllinux*"_$arch.whl") ;;
    *) fail "the wheel is not tagged for both manylinux and musllinux on $arch" ;;
esac

# --- archive ----------------------------------------------------------------------------------------
(cd "$work/dist" && sha256sum -c "$name.tar.gz.sha256") || fail "the archive's checksum does not verify"
(cd "$work/dist" && sha256sum -c SHA256SUMS) || fail "SHA256SUMS does not verify"
tar -tzf "$archive" | sort >"$work/listing"
for member in "$name/postlint" "$name/README.md"; do
    grep -qx "$member" "$work/listing" || fail "the archive lacks $member"
done
mkdir "$work/unpacked"
tar -xzf "$archive" -C "$work/unpacked"
binary="$work/unpacked/$name/postlint"

set +e
ldd_out=$(ldd "$binary" 2>&1)
set -e
note "ldd $name/postlint: $ldd_out"
case "$ldd_out" in
    *"not a dynamic executable"*|*"statically linked"*) ;;
    *) fail "ldd reports the binary as dynamic" ;;
esac
reported=$(env -i "$binary" --version) || fail "the binary does not run with an empty environment"
[ "$reported" = "$version" ] || fail "the binary reports $reported, the source $version"

# The reference report: the archive's binary on the fixtures (which hold findings: exit code 1).
set +e
env -i "$binary" check --format json fixtures >"$work/expected.json"
code=$?
set -e
[ "$code" -eq 1 ] || fail "postlint check fixtures exited with $code, expected 1 (findings)"

# --- wheel in a fresh virtual environment, no toolchain on the PATH ---------------------------------
swift_path=$(command -v swift || true)
note "swift on the build PATH: ${swift_path:-none}"
case "$swift_path" in
    /usr/bin/*|/bin/*) toolchain_free=0
        note "the toolchain lives in /usr/bin, so a bare PATH still reaches it; the binary's static linking and empty-environment run above stand in" ;;
    *) toolchain_free=1 ;;
esac
python3 -m venv "$work/venv"
install_started=$(date +%s.%N)
"$work/venv/bin/python" -m pip install --quiet --no-index --no-deps "$wheel"
install_seconds=$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" \
    "$install_started" "$(date +%s.%N)")
cmp -s "$work/venv/bin/postlint" "$binary" || fail "the venv's postlint is not the release binary itself"
bare=(env -i "PATH=$work/venv/bin:/usr/bin:/bin")
if [ "$toolchain_free" -eq 1 ] && "${bare[@]}" sh -c 'command -v swift' >/dev/null; then
    fail "swift is still reachable on the bare PATH"
fi
[ "$("${bare[@]}" postlint --version)" = "$version" ] || fail "the wheel's postlint --version is not $version"
set +e
"${bare[@]}" postlint check --format json fixtures >"$work/wheel.json"
code=$?
"${bare[@]}" postlint check fixtures >"$work/wheel.txt"
set -e
[ "$code" -eq 1 ] || fail "the wheel's postlint check fixtures exited with $code, expected 1"
cmp -s "$work/expected.json" "$work/wheel.json" || fail "the wheel's report on fixtures differs from the archive binary's"
note "wheel: postlint check fixtures from the venv: $(tail -n 1 "$work/wheel.txt")"

# --- the pre-commit framework with the toolchain-free hook -------------------------------------------
python3 -m venv "$work/pre-commit-venv"
"$work/pre-commit-venv/bin/python" -m pip install --quiet pre-commit || fail "pip install pre-commit failed"
site="$work/site"
mkdir -p "$site/content"
cp -R fixtures/clean/. "$site/content/"
cat >"$site/.pre-commit-config.yaml" <<EOF
repos:
  - repo: local
    hooks:
      - id: postlint
        name: postlint
        entry: postlint check --force-exclude
        language: python
        additional_dependencies: ["$wheel"]
        types_or: [markdown]
        require_serial: true
EOF
hook_env=(env -i "HOME=$work/home" "PATH=$work/pre-commit-venv/bin:/usr/bin:/bin"
          "PRE_COMMIT_HOME=$work/pre-commit-cache" "GIT_AUTHOR_NAME=ci" "GIT_AUTHOR_EMAIL=ci@example.com"
          "GIT_COMMITTER_NAME=ci" "GIT_COMMITTER_EMAIL=ci@example.com" "PIP_DISABLE_PIP_VERSION_CHECK=1")
# pip reaches the package index only for pre-commit's placeholder package's build backend.
for var in PIP_INDEX_URL PIP_EXTRA_INDEX_URL PIP_TRUSTED_HOST HTTPS_PROXY HTTP_PROXY https_proxy http_proxy NO_PROXY no_proxy; do
    [ -n "${!var:-}" ] && hook_env+=("$var=${!var}")
done
mkdir "$work/home"
(cd "$site" && "${hook_env[@]}" git init --quiet && "${hook_env[@]}" git add -A \
    && "${hook_env[@]}" pre-commit install >"$work/pre-commit-install.log" 2>&1) \
    || { cat "$work/pre-commit-install.log" >&2; fail "pre-commit install failed"; }
# The timed part: the first install of the hook's environment (a fresh pre-commit cache).
hook_started=$(date +%s.%N)
(cd "$site" && "${hook_env[@]}" pre-commit install-hooks >>"$work/pre-commit-install.log" 2>&1) \
    || { cat "$work/pre-commit-install.log" >&2; fail "pre-commit could not install the hook"; }
hook_seconds=$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" \
    "$hook_started" "$(date +%s.%N)")
note "pre-commit installed the hook's environment in $hook_seconds s"
(cd "$site" && "${hook_env[@]}" git commit --quiet -m "a clean post" >"$work/commit1.log" 2>&1) \
    || { cat "$work/commit1.log" >&2; fail "the hook blocked a commit of the clean fixture post"; }

# A post whose image was never added: the commit must be refused, naming the rule.
sed -e 's/^slug: .*/slug: green-tea-gallery/' -e 's|images/green-tea.png|images/never-uploaded.png|' \
    -e 's/^title: .*/title: "Green Tea Gallery: Cups, Kettles and Leaves"/' \
    "$site/content/brewing-green-tea.md" >"$site/content/green-tea-gallery.md"
grep -q never-uploaded "$site/content/green-tea-gallery.md" || fail "the broken post was not made"
set +e
(cd "$site" && "${hook_env[@]}" git add -A && "${hook_env[@]}" git commit --quiet -m "a broken image" >"$work/commit2.log" 2>&1)
code=$?
set -e
cat "$work/commit2.log"
[ "$code" -ne 0 ] || fail "pre-commit let a post with a broken image be committed"
grep -q 'broken-image' "$work/commit2.log" || fail "the refused commit does not name broken-image"
[ "$(cd "$site" && git rev-list --count HEAD)" -eq 1 ] || fail "a commit was made despite the hook"

# --- the GitHub Action ------------------------------------------------------------------------------
"$work/pre-commit-venv/bin/python" - action.yml docs/install.md <<'EOF' || fail "action.yml does not meet the rules"
import re, sys, yaml
action = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
install_page = open(sys.argv[2], encoding="utf-8").read()
problems = []
if action.get("runs", {}).get("using") != "composite":
    problems.append("runs.using is not composite")
for key in ("name", "description", "inputs", "runs"):
    if key not in action:
        problems.append(f"no {key}")
for name, spec in action.get("inputs", {}).items():
    if not (spec or {}).get("description"):
        problems.append(f"input {name} has no description")
    if not re.search(rf"^\| `{re.escape(name)}` \|", install_page, re.MULTILINE):
        problems.append(f"input {name} is not documented in the inputs table of docs/install.md")
for step in action["runs"].get("steps", []):
    if "uses" in step:
        problems.append(f"step {step.get('name')!r} uses an external action ({step['uses']})")
    run = step.get("run", "")
    if not re.fullmatch(r'bash "\$GITHUB_ACTION_PATH/scripts/[\w/.-]+\.sh"', run.strip()):
        problems.append(f"step {step.get('name')!r} runs something other than one of the repository's scripts: {run!r}")
    if "${{" in run:
        problems.append(f"step {step.get('name')!r} puts an expression into its script (pass it through env)")
if problems:
    print("\n".join(problems), file=sys.stderr)
    sys.exit(1)
print(f"package: action.yml: {len(action['inputs'])} inputs, {len(action['runs']['steps'])} steps, valid")
EOF

# Its scripts as a runner calls them: once with the archive (annotations), once with the wheel (SARIF).
for kind in archive wheel; do
    runner="$work/runner-$kind"
    mkdir -p "$runner/temp"
    : >"$runner/path" && : >"$runner/output"
    runner_env=(env -i "PATH=/usr/bin:/bin" "HOME=$work/home" "RUNNER_TEMP=$runner/temp"
                "GITHUB_PATH=$runner/path" "GITHUB_OUTPUT=$runner/output" "GITHUB_ACTION_PATH=$PWD")
    if [ "$kind" = archive ]; then
        "${runner_env[@]}" "POSTLINT_ARCHIVE=$archive" bash scripts/action/install.sh \
            || fail "the action could not install the archive"
    else
        "${runner_env[@]}" "PATH=$(dirname "$(command -v python3)"):/usr/bin:/bin" "POSTLINT_WHEEL=$wheel" \
            bash scripts/action/install.sh || fail "the action could not install the wheel"
    fi
    [ "$(wc -l <"$runner/path")" -eq 1 ] || fail "the action's install step did not add one folder to GITHUB_PATH"
    action_path="$(cat "$runner/path"):/usr/bin:/bin"
    set +e
    if [ "$kind" = archive ]; then
        "${runner_env[@]}" "PATH=$action_path" "POSTLINT_PATHS=fixtures/body
fixtures/front-matter" bash scripts/action/check.sh >"$work/action.out"
    else
        "${runner_env[@]}" "PATH=$action_path" "POSTLINT_PATHS=fixtures" "POSTLINT_SARIF_FILE=$work/out/postlint.sarif" \
            bash scripts/action/check.sh >"$work/action.out"
    fi
    code=$?
    set -e
    [ "$code" -eq 1 ] || { cat "$work/action.out"; fail "the action's check ($kind) exited with $code, expected 1"; }
    grep -qx "exit-code=1" "$runner/output" || fail "the action's check ($kind) did not set its exit-code output"
    if [ "$kind" = archive ]; then
        grep -q '^::error file=fixtures/body/missing-image.md,' "$work/action.out" \
            || { cat "$work/action.out"; fail "the action did not annotate the missing image"; }
        grep -q 'fixtures/front-matter/' "$work/action.out" || fail "the action skipped its second path"
    else
        grep -qx "sarif-file=$work/out/postlint.sarif" "$runner/output" || fail "the action did not set its sarif-file output"
        python3 - "$work/out/postlint.sarif" "$work/expected.json" <<'EOF' || fail "the action's SARIF is not the fixtures' report"
import json, sys
sarif = json.load(open(sys.argv[1]))
expected = json.load(open(sys.argv[2]))
results = sarif["runs"][0]["results"]
assert sarif["version"] == "2.1.0", sarif["version"]
assert results, "no results"
assert any(r["ruleId"] == "broken-image" for r in results), "no broken-image result"
count = len(expected["diagnostics"])
assert len(results) == count, f"{len(results)} SARIF results, {count} diagnostics in the JSON report"
print(f"package: action SARIF: {len(results)} results")
EOF
    fi
done

wheel_kib=$(du -k "$wheel" | cut -f1)
archive_kib=$(du -k "$archive" | cut -f1)
printf '\npackage: figures: build and packaging %d s; archive %d KiB; wheel %d KiB; pip install of the wheel %s s; pre-commit hook install %s s; this script %d s\n' \
    "$build_seconds" "$archive_kib" "$wheel_kib" "$install_seconds" "$hook_seconds" "$((SECONDS - started))"
