#!/usr/bin/env bash
# Runs every test project and ends with one line: "tests: N passed, N failed".
# Exits non-zero when a test fails, a project does not build, or a test project reports nothing.
set -uo pipefail
cd "$(dirname "$0")/.."

# The browser tests drive Debian's Chromium (never a downloaded browser). Install it when missing and we may.
if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's chromium package for the browser tests..."
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) ||
      echo "warning: could not install chromium; the browser tests will fail" >&2
  else
    echo "warning: the browser tests need Chromium: run 'sudo apt-get install chromium' (or set CHROMIUM_PATH)" >&2
  fi
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT

dotnet test NerveSpasmGuide.sln --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

projects=$(ls tests/*/*.csproj | wc -l)
summaries=$(grep -cE '^(Passed|Failed)!' "$log" || true)
passed=$(grep -oE '^(Passed|Failed)!.*Passed: +[0-9]+' "$log" | grep -oE '[0-9]+$' | awk '{ s += $1 } END { print s + 0 }')
failed=$(grep -oE '^(Passed|Failed)! +- Failed: +[0-9]+' "$log" | grep -oE '[0-9]+$' | awk '{ s += $1 } END { print s + 0 }')

if [ "$summaries" -lt "$projects" ]; then
  echo "error: $projects test projects, but only $summaries reported results (build or host failure above)" >&2
  failed=$((failed + projects - summaries))
  status=1
fi

echo "tests: $passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
