#!/usr/bin/env bash
# Runs the jest suite against a throwaway PostgreSQL server (npm run test:pg).
#
# Starts a private server (trust auth, 127.0.0.1 on a free port, unix socket and data in a
# new temp folder), exports DATABASE_URL=postgresql://postgres@127.0.0.1:PORT/postgres,
# runs `npx jest "$@"`, then always stops the server and removes the temp folder (also when
# jest fails or the run is interrupted) and exits with jest's exit code.
#
# PostgreSQL refuses to run as root: as root the server runs as the `postgres` system user.
set -uo pipefail

here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=scripts/pg-bin.sh
source "$here/pg-bin.sh"

log() { echo "test-pg: $*" >&2; }
die() { log "$*"; exit 1; }

pg_find_bin || die "PostgreSQL server binaries (initdb, pg_ctl, postgres) not found in PATH" \
  "or /usr/lib/postgresql/*/bin; install PostgreSQL (Debian: apt-get install postgresql)"

tmp=""       # the temp folder: data/, sock/, logs
launched=""  # set once `pg_ctl start` has been called
jest_pid=""
jest_pgid="" # jest runs in a process group of its own, so the whole tree can be stopped

if [[ $(id -u) -eq 0 ]]; then
  id -u postgres >/dev/null 2>&1 ||
    die "running as root, but there is no 'postgres' system user to run PostgreSQL as"
  command -v runuser >/dev/null 2>&1 || die "running as root, but runuser is missing"
  as_pg() { (cd -- "$tmp" && runuser -u postgres -- "$@"); }
else
  as_pg() { (cd -- "$tmp" && "$@"); }
fi

# shellcheck disable=SC2317 # run by the EXIT trap
cleanup() {
  local rc=$? i pid
  trap - EXIT INT TERM HUP
  trap '' INT TERM HUP # a second Ctrl-C must not skip the cleanup
  # Stop jest (if interrupted) and anything it left behind in its process group.
  local target=${jest_pgid:+-$jest_pgid}
  target=${target:-$jest_pid}
  if [[ -n $target ]] && kill -0 -- "$target" 2>/dev/null; then
    kill -TERM -- "$target" 2>/dev/null
    for ((i = 0; i < 100; i++)); do kill -0 -- "$target" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "$target" 2>/dev/null
  fi
  [[ -n $jest_pid ]] && wait "$jest_pid" 2>/dev/null
  if [[ -n $tmp && -d $tmp ]]; then
    if [[ -n $launched ]]; then
      # Interrupted while starting: give the postmaster a moment to write its pid file.
      for ((i = 0; i < 50; i++)); do [[ -f $tmp/data/postmaster.pid ]] && break; sleep 0.1; done
    fi
    if [[ -f $tmp/data/postmaster.pid ]]; then
      pid=$(head -n 1 "$tmp/data/postmaster.pid" 2>/dev/null)
      as_pg "$PG_CTL" stop -D "$tmp/data" -m fast -w -t 20 -s >/dev/null 2>&1 ||
        as_pg "$PG_CTL" stop -D "$tmp/data" -m immediate -w -t 10 -s >/dev/null 2>&1 ||
        { [[ $pid =~ ^[0-9]+$ ]] && kill -KILL "$pid" 2>/dev/null; sleep 0.5; }
    fi
    rm -rf -- "$tmp"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

# As root the postgres user must be able to reach the folder, hence /tmp; keep the path
# short as well, since unix socket paths are limited to about 100 bytes.
base=${TMPDIR:-/tmp}
if [[ $(id -u) -eq 0 || ${#base} -gt 60 || ! -d $base || ! -w $base ]]; then base=/tmp; fi
tmp=$(mktemp -d "$base/claimtrack-pg.XXXXXX") || die "mktemp failed"
mkdir -p "$tmp/sock"
if [[ $(id -u) -eq 0 ]]; then chown -R postgres: "$tmp" || die "chown of $tmp failed"; fi

run_initdb() {
  rm -rf -- "$tmp/data"
  as_pg "$PG_INITDB" -D "$tmp/data" --auth=trust -U postgres --encoding=UTF8 --locale="$1" -N \
    >"$tmp/initdb.log" 2>&1
}
if ! run_initdb C.UTF-8; then
  log "initdb with locale C.UTF-8 failed; retrying with locale C"
  run_initdb C || { cat "$tmp/initdb.log" >&2; die "initdb failed"; }
fi

free_port() {
  node -e 'const s = require("net").createServer();
    s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

port=""
for attempt in 1 2 3; do
  port=$(free_port) || die "could not pick a free port (node -e failed)"
  launched=1
  if as_pg "$PG_CTL" start -D "$tmp/data" -l "$tmp/postgres.log" -w -t 60 -s -o \
    "-F -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c listen_addresses=127.0.0.1 -p $port -k '$tmp/sock'" \
    >/dev/null 2>&1; then
    break
  fi
  if [[ $attempt -eq 3 ]]; then
    cat "$tmp/postgres.log" >&2 2>/dev/null
    die "PostgreSQL did not start"
  fi
  log "PostgreSQL did not start on port $port (attempt $attempt); retrying"
  sleep 1
done

if [[ -n $PG_ISREADY ]]; then
  for ((i = 0; ; i++)); do
    "$PG_ISREADY" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres && break
    if ((i >= 100)); then
      cat "$tmp/postgres.log" >&2 2>/dev/null
      die "PostgreSQL on 127.0.0.1:$port is not ready after 30 s"
    fi
    sleep 0.3
  done
fi

export DATABASE_URL="postgresql://postgres@127.0.0.1:$port/postgres"
log "$("$PG_POSTGRES" --version) running on 127.0.0.1:$port (temp folder $tmp, removed afterwards)"

# jest runs in the background so that a signal reaches our trap at once (bash defers traps
# until a foreground command ends), and under setsid so that the trap can stop its whole
# process tree (npx -> sh -> jest -> workers); a Ctrl-C reaches it through the trap.
# (A background command without job control is never a group leader, so setsid execs in
# place and jest's pid is also its process group id.)
if command -v setsid >/dev/null 2>&1; then
  setsid npx jest "$@" &
  jest_pid=$!
  jest_pgid=$jest_pid
else
  npx jest "$@" &
  jest_pid=$!
fi
wait "$jest_pid"
rc=$?
jest_pid=""
exit "$rc"
