#!/usr/bin/env bash
# Deployment checks, run by .ci/run after the jars are built (mvn package):
#   1. template.yml and s.yaml exist (fun validate exits 0 on a missing file),
#   2. Funcraft's own validation of template.yml,
#   3. the checker's tests (it fails on broken copies, passes on the real manifests),
#   4. the checker on the real manifests, code and jars.
# Every step runs even if an earlier one failed, so one run shows every problem; exit 1 if any did.
# Needs node >= 18, npm, and a JDK (javap).
set -uo pipefail
cd "$(dirname "$0")/.."
ci=.ci

# fun and npm get a private, writable HOME: no credentials or profile from the machine, and fun's
# usage reporting off (it only reports when a profile asks for it; this one says no).
private_home=$(mktemp -d)
trap 'rm -rf "$private_home"' EXIT
mkdir -p "$private_home/.fcli"
printf 'report: false\n' > "$private_home/.fcli/config.yaml"
export FUN_DISABLE_VERSION_CHECK=1

failed=()
step() {
  local name=$1
  shift
  local start=$SECONDS
  echo "deploy-check: $name"
  if "$@"; then
    echo "deploy-check: $name: ok ($((SECONDS - start)) s)"
  else
    echo "deploy-check: $name: FAILED ($((SECONDS - start)) s)"
    failed+=("$name")
  fi
}

install_tools() {
  # npm ci replaces node_modules: skip it when the lockfile is the one installed last time.
  if [ -x "$ci/node_modules/.bin/fun" ] && cmp -s "$ci/package-lock.json" "$ci/node_modules/.installed-lock"; then
    return 0
  fi
  (cd "$ci" && HOME=$private_home npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) &&
    cp "$ci/package-lock.json" "$ci/node_modules/.installed-lock"
}

manifests_exist() {
  local ok=0
  for f in template.yml s.yaml; do
    [ -f "$f" ] || { echo "deploy-check: $f is missing"; ok=1; }
  done
  return $ok
}

fun_validate() {
  # Prints nothing when valid; "fun ERR! ..." lines and exit 255 when not.
  HOME=$private_home "$ci/node_modules/.bin/fun" validate -t template.yml
}

started=$SECONDS
step "install Funcraft 3.6.24 (npm ci)" install_tools
step "manifests exist" manifests_exist
step "fun validate template.yml" fun_validate
step "checker tests" bash -c "cd $ci && node --test test/*.test.mjs > \"$private_home/test.log\" 2>&1 || { cat \"$private_home/test.log\"; exit 1; }; grep -E '^# (tests|pass|fail)' \"$private_home/test.log\""
step "check template.yml and s.yaml against the code and jars" node "$ci/check-deploy.mjs"

echo "deploy-check: $((SECONDS - started)) s in all"
if [ ${#failed[@]} -gt 0 ]; then
  printf 'deploy-check: FAILED: %s\n' "${failed[@]}"
  exit 1
fi
echo "deploy-check: all ok"
