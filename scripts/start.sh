#!/usr/bin/env bash
# Sets Trace up and starts it on its embedded default: a managed Anvil chain, SQLite and local
# blobs under ./data. Extra arguments go to the API (e.g. --Api:GrpcUrl=http://127.0.0.1:6000).
set -euo pipefail
cd "$(dirname "$0")/.."
CONFIGURATION="${CONFIGURATION:-Release}"
bash scripts/setup.sh
exec dotnet "src/TraceApi/bin/$CONFIGURATION/net10.0/Trace.Api.dll" "$@"
