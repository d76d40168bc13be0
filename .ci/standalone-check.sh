#!/usr/bin/env bash
# The repository stands alone: no tracked file (code, tests, scripts, docs, comments, XML docs) may refer to a folder
# outside it, or cite the private reference notes the SDK was first written from (their contradiction codes such as
# "C30", their line references such as "L3589" or "002 L12", their file names). Rulings are stated in our own words in
# docs/rulings.md. Exits non-zero and lists every offending line.
set -uo pipefail
cd "$(dirname "$0")/.."
self=.ci/standalone-check.sh
patterns=(
  '\.\./shared'                      # a sibling folder of the clone
  'shared/(api|seeds|hooks)'         # the reference folder's layout
  'ENDPOINTS\.md|DECISIONS\.md|ARCHITECTURE\.md'
  '\b00[0-3]_[A-Za-z]'               # the source documents' file names
  '\b00[0-3] L[0-9]+'                # "002 L3589"
  '\bL[0-9]{2,5}(-L?[0-9]+)?\b'      # bare line references
  '\(C[0-9]{2}\)|\bC[0-9]{2}\b'      # contradiction codes
)
status=0
for p in "${patterns[@]}"; do
  hits=$(git ls-files -z | grep -zv "^$self\$" | xargs -0 grep -nIE "$p" -- 2>/dev/null)
  if [ -n "$hits" ]; then
    echo "refers outside the repository ($p):"
    echo "$hits" | head -40
    status=1
  fi
done
[ "$status" -eq 0 ] && echo "no tracked file refers outside the repository ($(git ls-files | wc -l) files checked)"
exit $status
