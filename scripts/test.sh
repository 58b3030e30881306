#!/usr/bin/env bash
# Sets Trace up and runs the whole test suite against real parts (Anvil, SQLite, PostgreSQL when
# installed, gRPC over sockets). Ends with one line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
CONFIGURATION="${CONFIGURATION:-Release}"
bash scripts/setup.sh || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }

# Standards example data (GS1 EPCIS, WBCSD PACT) may not be committed here; tests read it from the workplace's shared/
# directory: beside the checkout, else this workplace's /work/shared. Tests that need it skip, saying why, when neither exists.
if [ -z "${TRACE_SHARED_DIR:-}" ]; then
  for candidate in "$(pwd)/../shared" /work/shared; do
    if [ -d "$candidate/standards" ]; then export TRACE_SHARED_DIR="$(cd "$candidate" && pwd)"; break; fi
  done
fi

# The provenance page's browser test: Debian's headless Chromium and playwright-core (tests/browser; no browser download).
# Offline-safe: when either cannot be installed, the browser test is skipped and says why; the rest runs.
if ! command -v chromium >/dev/null && ! command -v chromium-browser >/dev/null && [ -z "${TRACE_CHROMIUM:-}" ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    (apt-get install -y -qq chromium >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq chromium >/dev/null 2>&1; }) \
      || echo "scripts/test.sh: could not install chromium; the provenance page's browser test will be skipped" >&2
  else
    echo "scripts/test.sh: chromium is not installed (apt-get install chromium as root); the browser test will be skipped" >&2
  fi
fi
if [ ! -d tests/browser/node_modules/playwright-core ] || [ tests/browser/package-lock.json -nt tests/browser/node_modules/.package-lock.json ]; then
  npm --prefix tests/browser ci --no-audit --no-fund --loglevel=error \
    || echo "scripts/test.sh: could not install playwright-core in tests/browser; the browser test will be skipped" >&2
fi

status=0
log="$(mktemp)"
dotnet test Trace.sln -c "$CONFIGURATION" --no-build --nologo ${TEST_FILTER:+--filter "$TEST_FILTER"} 2>&1 | tee "$log"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1

# Sum the per-assembly summaries ("Passed!  - Failed: 0, Passed: 12, Skipped: 1, ...").
read -r passed failed skipped < <(grep -E '^(Passed|Failed)!' "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\2 \1 \3/' \
  | awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
rm -f "$log"
[ "$failed" -eq 0 ] || status=1
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
