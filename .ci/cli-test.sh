#!/usr/bin/env bash
# The conscent tool as a user gets it: packs src/Conscent.Cli into a local feed, installs it from there into a temporary
# tool path (dotnet tool install), and runs the installed command:
#   1. conscent --help;
#   2. conscent purchases export --simulator: at least one data row, and no email or phone number without --include-contact;
#   3. conscent simulator --port 0 in the background: one authenticated request (over bash's /dev/tcp, with the credentials it prints) is
#      answered 200 and logged; a real SIGINT (Ctrl+C) stops it with exit code 0, its stopping lines, and the port free;
#   4. conscent webhooks trigger against samples/PublisherBackend, started in the background on a free 127.0.0.1 port
#      with test credentials: signed deliveries are answered 2xx, forged ones are rejected (4xx);
#   and checks that the API secret shows in none of the tool's output.
# Uses the Release builds of src/Conscent.Cli and samples/PublisherBackend: .ci/run builds the solution first; run
# alone (CI unset) the script builds those two projects itself. Needs nothing but bash and the .NET SDK (HTTP over /dev/tcp).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
backend_pid=""
simulator_pid=""
cleanup() {
  if [ -n "$backend_pid" ]; then kill "$backend_pid" 2>/dev/null || true; wait "$backend_pid" 2>/dev/null || true; fi
  if [ -n "$simulator_pid" ]; then kill "$simulator_pid" 2>/dev/null || true; wait "$simulator_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "cli-test: FAILED: $*" >&2; exit 1; }
# HTTP over bash's own /dev/tcp, so a machine with only the .NET SDK needs no curl. http_get HOST PORT PATH USER PASS FILE:
# writes the raw answer (status line, headers, body) to FILE and prints the status code.
http_get() {
  local auth
  auth="$(printf '%s:%s' "$4" "$5" | base64 | tr -d '\n')"
  exec 3<>"/dev/tcp/$1/$2" || return 7
  printf 'GET %s HTTP/1.1\r\nHost: %s:%s\r\nAuthorization: Basic %s\r\nConnection: close\r\n\r\n' "$3" "$1" "$2" "$auth" >&3
  timeout 10 cat <&3 >"$6"
  exec 3<&- 3>&-
  head -1 "$6" | awk '{print $2}'
}
# Whether something accepts connections on HOST PORT.
listening() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }
# A version of its own, so the NuGet cache can never hand back an older package with the same number; its major.minor.patch
# is the repository's, so the assemblies of this pack and of the Release build carry the same assembly version.
base_version="$(sed -n 's:.*<Version>\([0-9][0-9.]*\)</Version>.*:\1:p' "$repo/Directory.Build.props" | head -1)"
[ -n "$base_version" ] || fail "no <Version> in Directory.Build.props"
version="$base_version-ci.$(date +%s)"
api_key="cli-test-key"
api_secret="cli-test-secret-$(date +%s%N)"

if [ "${CI:-}" != "true" ]; then
  dotnet build "$repo/src/Conscent.Cli/Conscent.Cli.csproj" -c Release -v q -nologo
  dotnet build "$repo/samples/PublisherBackend/PublisherBackend.csproj" -c Release -v q -nologo
fi

echo "-- pack src/Conscent.Cli and install it from the local feed"
dotnet pack "$repo/src/Conscent.Cli/Conscent.Cli.csproj" -c Release --no-build -o "$work/feed" -p:Version="$version" -v q -nologo
dotnet tool install Conscent.Cli --tool-path "$work/tools" --add-source "$work/feed" --version "$version" >"$work/install.txt"
conscent="$work/tools/conscent"
[ -x "$conscent" ] || fail "the tool was not installed as $conscent"

echo "-- conscent --help"
"$conscent" --help >"$work/help.txt"
for command in simulator webhooks purchases content stats; do
  grep -q "^  $command " "$work/help.txt" || fail "--help does not list '$command'"
done

echo "-- conscent purchases export --simulator"
from="$(date -u -d '45 days ago' +%F)"
to="$(date -u +%F)"
"$conscent" purchases export --simulator --from "$from" --to "$to" --page-size 50 --out "$work/purchases.csv" 2>"$work/export.err" \
  || fail "purchases export exited $? ($(cat "$work/export.err"))"
head -1 "$work/purchases.csv" | grep -q '^type,purchaseId,createdAt,' || fail "unexpected CSV header: $(head -1 "$work/purchases.csv")"
rows=$(($(wc -l <"$work/purchases.csv") - 1))
[ "$rows" -ge 1 ] || fail "the export has no data row"
if grep -q '@' "$work/purchases.csv"; then fail "an email was exported without --include-contact"; fi
grep -q "export: page 1," "$work/export.err" || fail "no progress on standard error"
echo "   $rows purchases exported"

echo "-- conscent simulator --port 0, stopped by a real SIGINT"
# Started directly (`"$conscent" … &`), a background job of a non-interactive shell has SIGINT ignored, and .NET leaves
# an ignored SIGINT ignored: the kill -INT below would do nothing (tried: this check then fails). A subshell that resets
# SIGINT and execs the tool starts it with the default action (setsid would not help: an ignored signal stays ignored
# across it). $! is then the tool's own pid.
( trap - INT; exec "$conscent" simulator --port 0 ) >"$work/simulator.log" 2>&1 &
simulator_pid=$!
for _ in $(seq 1 60); do
  grep -q "Press Ctrl+C to stop" "$work/simulator.log" && break
  kill -0 "$simulator_pid" 2>/dev/null || fail "the simulator stopped: $(cat "$work/simulator.log")"
  sleep 0.5
done
grep -q "Press Ctrl+C to stop" "$work/simulator.log" || fail "the simulator did not start within 30 s: $(cat "$work/simulator.log")"
simulator_url="$(grep -o 'listening on http://127\.0\.0\.1:[0-9]*/' "$work/simulator.log" | head -1 | sed 's/listening on //')"
simulator_key="$(sed -n 's/^  CONSCENT_API_KEY=//p' "$work/simulator.log")"
simulator_secret="$(sed -n 's/^  CONSCENT_API_SECRET=//p' "$work/simulator.log")"
[ -n "$simulator_url" ] && [ -n "$simulator_key" ] && [ -n "$simulator_secret" ] \
  || fail "the simulator did not print its address and credentials: $(cat "$work/simulator.log")"
echo "   listening on $simulator_url"
simulator_port="${simulator_url##*:}"; simulator_port="${simulator_port%/}"
status="$(http_get 127.0.0.1 "$simulator_port" /api/v1/content/client/demo-ai-jobs "$simulator_key" "$simulator_secret" "$work/simulator-content.json")" \
  || fail "could not reach the simulator at $simulator_url"
[ "$status" = "200" ] || fail "the simulator answered $status to an authenticated request: $(cat "$work/simulator-content.json")"
grep -q '"demo-ai-jobs"' "$work/simulator-content.json" || fail "unexpected answer: $(cat "$work/simulator-content.json")"
# The request line is logged once the answer is written: it may come just after the answer arrived.
for _ in $(seq 1 20); do
  grep -q "GET /api/v1/content/client/demo-ai-jobs -> 200" "$work/simulator.log" && break
  sleep 0.5
done
grep -q "GET /api/v1/content/client/demo-ai-jobs -> 200" "$work/simulator.log" || fail "the request was not logged: $(cat "$work/simulator.log")"
kill -INT "$simulator_pid"
for _ in $(seq 1 60); do
  kill -0 "$simulator_pid" 2>/dev/null || break
  sleep 0.5
done
kill -0 "$simulator_pid" 2>/dev/null && fail "the simulator was still running 30 s after SIGINT: $(cat "$work/simulator.log")"
simulator_exit=0
wait "$simulator_pid" || simulator_exit=$?
simulator_pid=""
[ "$simulator_exit" -eq 0 ] || fail "the simulator exited $simulator_exit after SIGINT: $(cat "$work/simulator.log")"
grep -q "^Stopping…$" "$work/simulator.log" && grep -q "^Stopped after 1 request\.$" "$work/simulator.log" \
  || fail "the simulator did not print its stopping lines: $(cat "$work/simulator.log")"
listening 127.0.0.1 "$simulator_port" && fail "the port of $simulator_url was not released after SIGINT"
sed -n 's/^\(Stopp.*\)/   \1/p' "$work/simulator.log"

echo "-- samples/PublisherBackend on a free port, with test credentials"
(
  cd "$repo/samples/PublisherBackend/bin/Release/net10.0"
  exec env Conscent__ApiKey="$api_key" Conscent__ApiSecret="$api_secret" Conscent__ClientId="cli-test-client" \
    dotnet PublisherBackend.dll --urls "http://127.0.0.1:0"
) >"$work/backend.log" 2>&1 &
backend_pid=$!
url=""
for _ in $(seq 1 120); do
  url="$(grep -o 'Now listening on: http://127\.0\.0\.1:[0-9]*' "$work/backend.log" | head -1 | sed 's/Now listening on: //')" || true
  [ -n "$url" ] && break
  kill -0 "$backend_pid" 2>/dev/null || fail "the backend stopped: $(cat "$work/backend.log")"
  sleep 0.5
done
[ -n "$url" ] || fail "the backend did not start within 60 s"
echo "   listening on $url"

trigger() { # trigger OUTPUT-NAME ARGS...: runs the installed tool with the backend's credentials
  local name=$1; shift
  env CONSCENT_API_KEY="$api_key" CONSCENT_API_SECRET="$api_secret" "$conscent" webhooks trigger "$@" >"$work/$name.out" 2>&1
}

echo "-- conscent webhooks trigger: signed deliveries are accepted"
for event in sign-up subscription-payment micro-payment; do
  trigger "$event" "$event" --to "$url/webhooks/conscent/$event" || fail "$event exited $?: $(cat "$work/$event.out")"
  grep -qE '#1: 2[0-9][0-9] ' "$work/$event.out" || fail "$event was not answered 2xx: $(cat "$work/$event.out")"
  sed 's/^/   /' "$work/$event.out"
done
trigger repeat pass-payment --to "$url/webhooks/conscent/pass-payment" --repeat 3 || fail "--repeat exited $?: $(cat "$work/repeat.out")"
[ "$(grep -cE '#[0-9]: 2[0-9][0-9] ' "$work/repeat.out")" -eq 3 ] || fail "--repeat 3 did not get three 2xx: $(cat "$work/repeat.out")"

echo "-- conscent webhooks trigger --forge: forgeries are rejected"
for forgery in "sign-up wrong-secret" "sign-up alg-none" "login tampered" "micro-payment wrong-secret"; do
  set -- $forgery
  trigger "forged-$1-$2" "$1" --to "$url/webhooks/conscent/$1" --forge "$2" \
    || fail "--forge $2 on $1 exited $? (the receiver did not reject it): $(cat "$work/forged-$1-$2.out")"
  grep -qE '#1: 4[0-9][0-9] ' "$work/forged-$1-$2.out" || fail "--forge $2 on $1 was not rejected with a 4xx: $(cat "$work/forged-$1-$2.out")"
  sed 's/^/   /' "$work/forged-$1-$2.out"
done

if grep -rqF "$api_secret" "$work"/*.out "$work"/*.err "$work/help.txt" "$work/purchases.csv"; then fail "the API secret shows in the tool's output"; fi
echo "cli-test: ok (installed $version; $rows purchases exported; simulator answered 1 request and stopped on SIGINT; 4 signed deliveries accepted, 4 forgeries rejected)"
