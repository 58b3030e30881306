#!/usr/bin/env bash
# Installs what Trace needs from the package registries (npm for solc/anvil, NuGet for .NET)
# and builds the solution. Idempotent; used by start.sh and test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
CONFIGURATION="${CONFIGURATION:-Release}"

command -v dotnet >/dev/null || { echo "Trace needs the .NET 10 SDK (dotnet) on PATH" >&2; exit 1; }
command -v npm >/dev/null || { echo "Trace needs Node.js 20+ with npm on PATH" >&2; exit 1; }

if [ ! -x contracts/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil ] || [ contracts/package-lock.json -nt contracts/node_modules/.package-lock.json ]; then
  # --ignore-scripts: the anvil binary ships inside the platform package; its postinstall is not needed.
  # --no-save: npm would otherwise rewrite the lock with the other platforms' entries and leave the checkout dirty.
  # `npm install`, not `npm ci`: the lock lists only the platform packages this registry serves
  # (linux-amd64), and `npm ci` refuses a lock without the other platforms' optional entries.
  npm --prefix contracts install --ignore-scripts --no-save --no-audit --no-fund --loglevel=error
fi
dotnet build Trace.sln -c "$CONFIGURATION" --nologo -v quiet -clp:ErrorsOnly
