#!/usr/bin/env bash
# Builds every file-based app in this folder (dotnet build file.cs). Exits non-zero when any fails.
# Optional: --run also runs each against the in-memory simulator (no credentials, no network).
set -u
cd "$(dirname "$0")"
status=0
for script in *.cs; do
  echo "== dotnet build $script"
  if ! dotnet build "$script" -nologo -v quiet; then
    echo "FAILED: $script does not build" >&2
    status=1
  fi
done

if [ "${1:-}" = "--run" ] && [ $status -eq 0 ]; then
  run() { echo "== dotnet run $*"; dotnet run --no-build "$@" >/dev/null || { echo "FAILED: $*" >&2; status=1; }; }
  run daily-stats.cs -- --simulator
  run export-purchases.cs -- --from 2026-01-01 --to 2026-12-31 --simulator
  run register-content.cs -- content.sample.csv --simulator
fi
exit $status
