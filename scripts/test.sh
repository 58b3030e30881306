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
