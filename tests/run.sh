#!/usr/bin/env bash
# The one test command: installs what the tests need, starts a throwaway PostgreSQL cluster, builds the solution,
# runs every test project, and ends with one line "N passed, N failed" summed over all of them. Exits non-zero on
# any failure. The cluster is stopped and removed at the end.
set -uo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Debian packages the tests use: Chromium for the browser tests.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "The tests need: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing ${missing[*]} ..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null || {
    echo "apt-get could not install ${missing[*]}" >&2
    exit 1
  }
fi

# PostgreSQL for the tests of the scale-out provider (installed when missing): FLOWDESIGNER_TEST_POSTGRES names it.
source tests/postgres.sh
trap 'postgres_stop' EXIT
if ! postgres_start; then
  echo "0 passed, 1 failed"
  exit 1
fi

if ! dotnet build FlowDesigner.sln -c Debug -warnaserror -nologo -clp:ErrorsOnly; then
  echo "0 passed, 1 failed"
  exit 1
fi

results=$(mktemp -d)
trap 'rm -rf "$results"; postgres_stop' EXIT

# Runs one test project, its output kept in its own log; its exit code goes to a file of its own.
run_project() {
  local project=$1 name
  name=$(basename "$project" .csproj)
  echo "-- $name started"
  dotnet test "$project" -c Debug --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results/$name" --blame-hang-timeout 5m >"$results/$name.log" 2>&1
  echo $? >"$results/$name.status"
  echo "-- $name: $(grep -E -o '(Passed|Failed)!.*' "$results/$name.log" | tail -n 1)"
}

# The browser and multi-process tests spend most of their time waiting (on Chromium, on processes starting, on
# deadlines), so they run beside the other projects, which run one after another.
projects=(tests/*.Tests/*.Tests.csproj)
run_project tests/FlowDesigner.E2E.Tests/FlowDesigner.E2E.Tests.csproj &
for project in "${projects[@]}"; do
  [[ "$project" == *E2E* ]] || run_project "$project"
done
wait

status=0
passed=0
failed=0
for project in "${projects[@]}"; do
  name=$(basename "$project" .csproj)
  echo "== $name"
  cat "$results/$name.log" 2>/dev/null
  code=$(cat "$results/$name.status" 2>/dev/null || echo 1)
  [ "$code" -ne 0 ] && status=$code
  trx="$results/$name/$name.trx"
  if [ ! -e "$trx" ]; then
    echo "$name wrote no results: counted as one failure." >&2
    failed=$((failed + 1))
    continue
  fi
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0}))
done

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet test exited with $status although no test reported a failure (a test host crashed or hung); counted as one failure." >&2
  failed=1
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
