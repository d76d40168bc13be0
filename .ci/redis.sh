#!/usr/bin/env bash
# A throwaway Redis for the tests of Conscent.Sdk.AspNetCore.Redis: 127.0.0.1 only, a free port, no persistence.
#
#   bash .ci/redis.sh start   installs redis-server (Debian package) when it is missing, starts it daemonized,
#                             writes its state under $CONSCENT_REDIS_DIR (default artifacts/redis) and prints
#                             "export CONSCENT_REDIS=127.0.0.1:PORT" (eval it, or copy it into your shell)
#   bash .ci/redis.sh stop    stops the Redis that "start" started (by the pid it wrote), removes its state
#   bash .ci/redis.sh status  prints the export line when that Redis is running; exits 1 otherwise
#
# The tests read CONSCENT_REDIS. Without it they start their own redis-server from PATH, so after one "start"
# (which installs it) `dotnet test` works too.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${CONSCENT_REDIS_DIR:-$PWD/artifacts/redis}
pidfile=$dir/redis.pid
portfile=$dir/port

running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

free_port() { # asks the kernel for a free loopback port
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null && return
  local p
  for _ in $(seq 1 50); do # bounded fallback without python: a random high port nobody listens on
    p=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  echo "no free port found" >&2; return 1
}

install() {
  command -v redis-server >/dev/null && return
  echo "redis-server is missing: installing the Debian package" >&2
  if [ "$(id -u)" -ne 0 ]; then echo "need root to apt-get install redis-server" >&2; return 1; fi
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >&2
  # The package may start a system service on the default port; ours does not use it, and it is not ours to stop.
}

start() {
  if running; then echo "export CONSCENT_REDIS=127.0.0.1:$(cat "$portfile")"; return; fi
  install
  mkdir -p "$dir"
  local port
  port=$(free_port)
  redis-server --bind 127.0.0.1 --port "$port" --daemonize yes --pidfile "$pidfile" --logfile "$dir/redis.log" \
    --dir "$dir" --save "" --appendonly no --protected-mode yes >&2
  for _ in $(seq 1 100); do # up to ~10 s for the server to answer
    if redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null | grep -q PONG; then
      echo "$port" >"$portfile"
      echo "127.0.0.1:$port" >"$dir/connection"
      echo "export CONSCENT_REDIS=127.0.0.1:$port"
      return
    fi
    sleep 0.1
  done
  echo "redis-server did not answer on 127.0.0.1:$port; see $dir/redis.log" >&2
  return 1
}

stop() {
  if ! running; then rm -f "$pidfile" "$portfile" "$dir/connection"; return; fi
  local pid
  pid=$(cat "$pidfile")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
  rm -f "$pidfile" "$portfile" "$dir/connection"
  echo "redis stopped" >&2
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) running && echo "export CONSCENT_REDIS=127.0.0.1:$(cat "$portfile")" ;;
  *) echo "usage: bash .ci/redis.sh start|stop|status" >&2; exit 2 ;;
esac
