#!/usr/bin/env bash
# Publishes the Quickstart with Native AOT (PublishAot is set in its project), fails on any trim/AOT warning, then runs the native binary.
set -euo pipefail
cd "$(dirname "$0")/.."
# Native AOT links with clang; this machine kind has clang-14 without the plain 'clang' name.
linker_args=()
if ! command -v clang >/dev/null 2>&1; then
  if command -v clang-14 >/dev/null 2>&1; then
    linker_args+=("-p:CppCompilerAndLinker=clang-14")
  else
    (apt-get update -qq && apt-get install -y -qq clang zlib1g-dev) >/dev/null
  fi
fi
out=$(mktemp -d)
log=$(mktemp)
dotnet publish samples/Quickstart -c Release -r linux-x64 "${linker_args[@]}" -o "$out" -nologo >"$log" 2>&1 || { tail -40 "$log"; exit 1; }
if grep -E "warning (IL[0-9]+|AOT)" "$log" | grep -v "^$" ; then
  echo "trim/AOT warnings (above)"
  exit 1
fi
env -u CONSCENT_API_KEY -u CONSCENT_API_SECRET "$out/Quickstart"
