#!/usr/bin/env bash
# The logic of Rehearsal's GitHub Action (action.yml): installs Rehearsal, runs 'rehearse run' in the project,
# and tells the next step where the summaries are. Tested by engine/cli's ActionScriptIT.
#
# Inputs (the action's, as GitHub passes them to composite steps through the environment):
#   INPUT_VERSION            the release to install, e.g. 0.1.0; default: the action's tag (uses: ...@v0.1.0),
#                            else (a branch, a commit, uses: ./) the action's checkout is built with Maven
#   INPUT_DATABASES          databases to run on, comma- or space-separated (--database each); default: the
#                            project's databases run by default
#   INPUT_SHARD              I/N: this job's share of the scenario runs (--shard)
#   INPUT_POSTGRES_URL       the PostgreSQL door URL, passed as REHEARSAL_POSTGRES_URL (never on a command line)
#   INPUT_ARGS               more arguments for 'rehearse run', split on spaces
#   INPUT_WORKING_DIRECTORY  the project (holds rehearsal.yaml), relative to the workspace; default: .
# From GitHub: GITHUB_ACTION_PATH, GITHUB_ACTION_REF, GITHUB_ACTION_REPOSITORY, GITHUB_OUTPUT, RUNNER_TEMP, GITHUB_STEP_SUMMARY (the run
# appends its Markdown summary to it by itself).
# REHEARSAL_RELEASES_URL: where releases are downloaded from (tests point it at a directory).
#
# Exit code: that of 'rehearse run' (0 passed, 1 a check failed, 2 invalid input, 3 infrastructure), or 3 when
# Rehearsal cannot be installed.
set -euo pipefail

# The action's own repository (GitHub sets it for the steps of an action); the fallback is the pom.xml's
# rehearsal.repository, which ActionScriptIT keeps in step.
repository="${GITHUB_ACTION_REPOSITORY:-rehearsal-dev/rehearsal}"
releases="${REHEARSAL_RELEASES_URL:-https://github.com/$repository/releases/download}"
temp="${RUNNER_TEMP:-${TMPDIR:-/tmp}}"
action_path="${GITHUB_ACTION_PATH:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"

fail() {
  echo "::error::rehearsal: $*" >&2
  exit 3
}

# The version to install: the input, else the action's tag; empty means "build the action's checkout".
version="${INPUT_VERSION:-}"
if [ -z "$version" ] && [[ "${GITHUB_ACTION_REF:-}" =~ ^v[0-9]+\.[0-9]+\.[0-9]+ ]]; then
  version="${GITHUB_ACTION_REF#v}"
fi

install_release() {
  local archive="rehearsal-$version.tar.gz"
  local url="$releases/v$version/$archive"
  echo "rehearsal: installing $version from $url"
  mkdir -p "$temp/rehearsal"
  curl -fsSL --retry 3 -o "$temp/rehearsal/$archive" "$url" || fail "cannot download $url — is $version a release?"
  tar xzf "$temp/rehearsal/$archive" -C "$temp/rehearsal" || fail "cannot unpack $archive"
  home="$temp/rehearsal/rehearsal-$version"
}

build_checkout() {
  [ -f "$action_path/pom.xml" ] || fail "no version given and $action_path is not a Rehearsal checkout to build"
  command -v mvn >/dev/null 2>&1 || fail "building the checkout needs Maven; give the action a version instead"
  echo "rehearsal: building the checkout in $action_path"
  mvn -B -q -f "$action_path/pom.xml" -pl engine/cli -am -DskipTests -Dmaven.javadoc.skip=true \
      -Dmaven.source.skip=true package || fail "the build of $action_path failed"
  local archives=("$action_path"/engine/cli/target/rehearsal-*.tar.gz)
  [ -f "${archives[0]}" ] || fail "the build made no archive in $action_path/engine/cli/target"
  mkdir -p "$temp/rehearsal"
  tar xzf "${archives[0]}" -C "$temp/rehearsal" || fail "cannot unpack ${archives[0]}"
  local name
  name="$(basename "${archives[0]}" .tar.gz)"
  home="$temp/rehearsal/$name"
}

if [ -n "$version" ]; then
  install_release
else
  build_checkout
fi
[ -x "$home/bin/rehearse" ] || fail "$home/bin/rehearse is missing from the archive"

databases="${INPUT_DATABASES:-}"
args=(run)
for database in ${databases//,/ }; do
  args+=(--database "$database")
done
if [ -n "${INPUT_SHARD:-}" ]; then
  args+=(--shard "$INPUT_SHARD")
fi
if [ -n "${INPUT_ARGS:-}" ]; then
  read -r -a extra <<<"$INPUT_ARGS"
  args+=("${extra[@]}")
fi
if [ -n "${INPUT_POSTGRES_URL:-}" ]; then
  export REHEARSAL_POSTGRES_URL="$INPUT_POSTGRES_URL"
fi

# Where the summaries are, and a name for them that differs between the jobs of a matrix.
directory="${INPUT_WORKING_DIRECTORY:-.}"
name="rehearsal"
for database in ${databases//,/ }; do
  name="$name-$database"
done
if [ -n "${INPUT_SHARD:-}" ]; then
  name="$name-${INPUT_SHARD//\//-of-}"
fi
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  {
    echo "reports=${directory%/}/artifacts/migrations"
    echo "artifact-name=$name"
  } >>"$GITHUB_OUTPUT"
fi

cd "$directory" || fail "working-directory $directory does not exist"
echo "rehearsal: rehearse ${args[*]}"
status=0
"$home/bin/rehearse" "${args[@]}" || status=$?
exit "$status"
