#!/usr/bin/env bash
# The README's GitHub Actions workflow (under "### In CI"), run the way a runner would run it on a
# pull request of a sample site. The workflow is read from the README itself, so what is tested is
# what users copy:
#   - its `env:` names no repository: POSTLINT_REPOSITORY and POSTLINT_REF are <…> to fill in;
#   - its steps are the known ones: the site's checkout (with the history), postlint's source
#     checked out from POSTLINT_REPOSITORY at POSTLINT_REF, the Swift set-up, and `run:` steps,
#     which use no `${{ }}` expressions (they get what they need from the environment);
#   - the `run:` steps run as written, in order, in the site's checkout, with the runner's
#     GITHUB_PATH, GITHUB_BASE_REF and the workflow's env; the last one is the check.
# Two pull requests of a site made from fixtures/: one adds a post with a bad slug and one with a
# missing image (the check exits 1 and annotates exactly those two, in the workflow-command
# format, and nothing of the posts it did not change), one edits a clean post (exit 0, no
# annotation).
#
# By default postlint's source is this checkout (a link to it stands in for the checkout step), so
# the workflow's `swift build -c release` reuses .build (built already by .ci/release-binary.sh in
# .ci/run: seconds; on its own, one release build). With POSTLINT_CI_EXAMPLE_FRESH=1 the source is a
# fresh clone of this repository at HEAD (committed changes only), built from scratch as on a
# runner (several minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

failures=0
fail() { echo "ci-example: $*" >&2; failures=$((failures + 1)); }

python3 -c "import yaml" 2>/dev/null || python3 -m pip install --quiet pyyaml

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# --- the workflow, from the README ------------------------------------------------------------------
python3 - "$root/README.md" "$work/steps" <<'EOF'
import os, re, sys, yaml

readme, out = sys.argv[1], sys.argv[2]
lines = open(readme, encoding="utf-8").read().split("\n")
block, section, fenced, copying = [], False, False, False
for line in lines:
    if line.startswith("```"):
        fenced, copying = not fenced, False
        continue
    if not fenced and re.match(r"#+ ", line):
        section = line == "### In CI"
    if fenced and section and line == "# .github/workflows/postlint.yml":
        if block:
            sys.exit("README: more than one workflow under \"### In CI\"")
        copying = True
    if copying:
        block.append(line)
if not block:
    sys.exit("README: no workflow starting with \"# .github/workflows/postlint.yml\" under \"### In CI\"")

workflow = yaml.safe_load("\n".join(block))
problems = []
env = workflow.get("env") or {}
for name in ("POSTLINT_REPOSITORY", "POSTLINT_REF"):
    value = str(env.get(name, ""))
    if not re.fullmatch(r"<[^<>]+>", value):
        problems.append(f"env {name} is {value!r}, not a <…> for the user to fill in")
jobs = workflow.get("jobs") or {}
if len(jobs) != 1:
    sys.exit(f"README: the workflow has {len(jobs)} jobs, expected one")
job = next(iter(jobs.values()))
if not str(job.get("runs-on", "")).startswith("ubuntu-"):
    problems.append(f"runs-on is {job.get('runs-on')!r}, not a Linux runner")

source_path, runs, site_checkout = None, [], False
for step in job.get("steps") or []:
    uses, run = step.get("uses"), step.get("run")
    arguments = step.get("with") or {}
    if uses and uses.startswith("actions/checkout@"):
        if "repository" not in arguments:
            site_checkout = True
            if arguments.get("fetch-depth") != 0:
                problems.append("the site's checkout does not fetch the history (fetch-depth: 0)")
        elif (arguments.get("repository") == "${{ env.POSTLINT_REPOSITORY }}"
              and arguments.get("ref") == "${{ env.POSTLINT_REF }}" and arguments.get("path")):
            source_path = arguments["path"]
        else:
            problems.append(f"a checkout of something other than POSTLINT_REPOSITORY at POSTLINT_REF: {arguments}")
    elif uses and uses.startswith("swift-actions/setup-swift@"):
        pass  # the toolchain: this machine's
    elif run is not None:
        if "${{" in run:
            problems.append(f"a run: step uses a ${{{{ }}}} expression, which this test cannot run: {run!r}")
        runs.append(run)
    else:
        problems.append(f"a step this test does not know: {step}")
if not site_checkout:
    problems.append("no checkout of the site")
if source_path is None:
    problems.append("no checkout of postlint's source")
if len(runs) < 2:
    problems.append(f"{len(runs)} run: steps; expected the build and the check")
if problems:
    sys.exit("README's workflow:\n  " + "\n  ".join(problems))

os.makedirs(out)
with open(os.path.join(out, "source-path"), "w") as f:
    f.write(source_path)
for number, run in enumerate(runs, 1):
    with open(os.path.join(out, f"{number:02d}.sh"), "w") as f:
        f.write(run)
print(f"ci-example: the README's workflow: postlint's source at {source_path}, {len(runs)} run: steps")
EOF
source_path=$(cat "$work/steps/source-path")
case "$source_path" in
    /*|*..*) echo "ci-example: the source path $source_path leaves the workspace" >&2; exit 1 ;;
esac

# --- a sample site on a "remote", and its pull requests --------------------------------------------
git_quiet() { git -c user.name=CI -c user.email=ci@example.invalid -c commit.gpgsign=false "$@"; }
origin="$work/origin"
mkdir -p "$origin/content"
cp -R fixtures/clean/. "$origin/content/"
git_quiet -C "$origin" init -q -b main
git_quiet -C "$origin" add -A
git_quiet -C "$origin" commit -q -m "the site"

# The source checkout: this checkout (linked) or a fresh clone at HEAD.
rev=$(git rev-parse HEAD)
if [ "${POSTLINT_CI_EXAMPLE_FRESH:-}" = 1 ]; then
    source_checkout="$work/postlint-source"
    git clone -q "$root" "$source_checkout"
    git -C "$source_checkout" checkout -q --detach "$rev"
    echo "ci-example: postlint's source: a fresh clone at $rev"
else
    source_checkout=$root
    echo "ci-example: postlint's source: this checkout (POSTLINT_CI_EXAMPLE_FRESH=1 for a fresh clone)"
fi

# run_pull_request NAME EXPECTED-CODE: clones the site as the first checkout does (the pull
# request's branch is already in $work/pr-NAME), then runs the README's steps in order; the last
# step's standard output goes to $work/NAME.out.
run_pull_request() {
    local name=$1 expected=$2 workspace="$work/workspace-$1" github_path="$work/path-$1" step code path
    git_quiet clone -q "$origin" "$workspace"
    git_quiet -C "$workspace" fetch -q "$work/pr-$name" "HEAD:refs/heads/pull"
    git_quiet -C "$workspace" checkout -q pull
    # A link stands in for the source's checkout (SwiftPM follows it, so both pull requests share
    # one build folder, the source checkout's own).
    mkdir -p "$workspace/$(dirname "$source_path")"
    ln -s "$source_checkout" "$workspace/$source_path"
    : > "$github_path"
    local steps=("$work"/steps/[0-9]*.sh)
    local last=${steps[${#steps[@]}-1]}
    for step in "${steps[@]}"; do
        # The runner puts what earlier steps added to GITHUB_PATH in front of the PATH, newest first.
        path=$PATH
        if [ -s "$github_path" ]; then path="$(tac "$github_path" | paste -sd: -):$PATH"; fi
        set +e
        (cd "$workspace" && env PATH="$path" GITHUB_PATH="$github_path" \
            GITHUB_WORKSPACE="$workspace" GITHUB_BASE_REF=main GITHUB_HEAD_REF=pull \
            GITHUB_EVENT_NAME=pull_request GITHUB_ACTIONS=true CI=true \
            POSTLINT_REPOSITORY=local/postlint POSTLINT_REF="$rev" \
            bash --noprofile --norc -e -o pipefail "$step") > "$work/$name.out" 2> "$work/$name.err"
        code=$?
        set -e
        if [ "$step" != "$last" ]; then
            [ "$code" -eq 0 ] || { cat "$work/$name.out" "$work/$name.err" >&2; fail "$name: step $(basename "$step") exited with $code"; return; }
        fi
    done
    echo "--- $name: the check step's output (exit code $code)"
    cat "$work/$name.out"
    [ "$code" -eq "$expected" ] || { cat "$work/$name.err" >&2; fail "$name: the check exited with $code, expected $expected"; }
    [ -s "$work/$name.err" ] && { echo "--- $name: standard error"; cat "$work/$name.err"; }
    return 0
}

# Pull request 1: two broken posts added.
git_quiet clone -q "$origin" "$work/pr-broken"
cp fixtures/front-matter/bad-slug.md "$work/pr-broken/content/bad-slug.md"
cp fixtures/body/missing-image.md "$work/pr-broken/content/missing-image.md"
git_quiet -C "$work/pr-broken" add -A
git_quiet -C "$work/pr-broken" commit -q -m "two new posts"
run_pull_request broken 1

# Every line is a workflow command of the documented shape, and the two new posts are the ones named.
annotation='^::(error|warning|notice) file=[^,]+,line=[0-9]+,col=[0-9]+,endLine=[0-9]+,endColumn=[0-9]+,title=[a-z0-9-]+::.+$'
if grep -Evq "$annotation" "$work/broken.out"; then
    fail "broken: lines that are not annotations: $(grep -Ev "$annotation" "$work/broken.out" | head -3)"
fi
grep -q '^::error file=content/bad-slug.md,line=3,col=7,endLine=3,endColumn=39,title=slug-format::slug "Slugs With Capitals_and Spaces"' "$work/broken.out" \
    || fail "broken: no slug-format annotation at content/bad-slug.md:3:7"
grep -q '^::error file=content/missing-image.md,line=12,col=1,endLine=12,endColumn=61,title=broken-image::' "$work/broken.out" \
    || fail "broken: no broken-image annotation at content/missing-image.md:12:1"
if grep '^::' "$work/broken.out" | grep -Evq 'file=content/(bad-slug|missing-image)\.md,'; then
    fail "broken: annotations for posts the pull request did not change"
fi

# Pull request 2: an edit to a clean post.
git_quiet clone -q "$origin" "$work/pr-clean"
printf '\nA cup brewed at 70 °C is sweeter still.\n' >> "$work/pr-clean/content/brewing-green-tea.md"
git_quiet -C "$work/pr-clean" commit -q -am "one more sentence"
run_pull_request clean 0
if grep -q '^::' "$work/clean.out"; then fail "clean: annotations for a clean post"; fi

if [ "$failures" -ne 0 ]; then exit 1; fi
echo "ci-example: the README's workflow builds postlint, annotates the broken pull request (exit 1) and passes the clean one (exit 0)"
