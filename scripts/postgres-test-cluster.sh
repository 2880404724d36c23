#!/usr/bin/env bash
# Runs one command against a throwaway PostgreSQL server, then removes the server.
#
#   scripts/postgres-test-cluster.sh COMMAND [ARGS...]
#
# The server lives in a fresh `mktemp -d` folder, uses trust authentication, listens only on
# 127.0.0.1 on a free port (55432 upward) and on a unix socket inside that folder, and runs
# with fsync off. While COMMAND runs these are exported:
#
#   SERVICEPLAN_TEST_POSTGRES  Host=127.0.0.1;Port=<port>;Username=postgres;Password=postgres;Database=postgres
#   PGHOST=127.0.0.1 PGPORT=<port> PGUSER=postgres PGDATABASE=postgres   (for psql and friends)
#
# The server is stopped (pg_ctl stop -m immediate) and its folder deleted on exit, also when
# COMMAND fails or the script is interrupted. Exit status: COMMAND's, or 3 when the server
# could not be started.
#
# Examples:
#   scripts/postgres-test-cluster.sh dotnet test tests/ServicePlan.IntegrationTests --filter "Category=Database"
#   scripts/postgres-test-cluster.sh psql -c 'select version()'
#
# Needs the PostgreSQL server binaries (Debian: apt-get install postgresql); ./test.sh installs
# them. As root the server runs as the `postgres` system user (PostgreSQL refuses to run as root).
set -euo pipefail

if [ $# -eq 0 ]; then
  sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0" >&2
  exit 2
fi

log() { echo "postgres-test-cluster: $*" >&2; }

# Newest server installation. Debian puts it in /usr/lib/postgresql/<version>/bin and puts no
# initdb/pg_ctl/postgres on PATH, so look there first; elsewhere (Homebrew, source builds)
# fall back to the directory that holds pg_ctl on PATH.
find_bindir() {
  local d best=""
  while IFS= read -r d; do
    if [ -x "$d/postgres" ] && [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then best="$d"; fi
  done < <(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V)
  if [ -z "$best" ] && command -v pg_ctl >/dev/null 2>&1; then
    d=$(dirname "$(readlink -f "$(command -v pg_ctl)")")
    if [ -x "$d/postgres" ] && [ -x "$d/initdb" ]; then best="$d"; fi
  fi
  printf '%s' "$best"
}

PG_BIN=$(find_bindir)
if [ -z "$PG_BIN" ]; then
  log "no PostgreSQL server found (initdb, pg_ctl and postgres under /usr/lib/postgresql/*/bin or on PATH)."
  log "install it with: apt-get install -y --no-install-recommends postgresql   (./test.sh does this when run as root)"
  exit 3
fi

PG_DIR=""
RUNAS=()   # prefix that runs a command as the server's owner (empty when not root)
PG_PID=""

as_owner() { (cd / && ${RUNAS[@]+"${RUNAS[@]}"} "$@"); }

# shellcheck disable=SC2317  # called from the EXIT trap
cleanup() {
  local rc=$?
  trap - EXIT INT TERM HUP
  if [ -n "$PG_DIR" ] && [ -d "$PG_DIR" ]; then
    if [ -f "$PG_DIR/data/postmaster.pid" ]; then
      PG_PID=$(head -n1 "$PG_DIR/data/postmaster.pid" 2>/dev/null || true)
      as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
      # Last resort, only for the server this script started.
      if [ -n "$PG_PID" ] && kill -0 "$PG_PID" 2>/dev/null; then
        kill -KILL "$PG_PID" 2>/dev/null || true
        sleep 1
      fi
    fi
    rm -rf "$PG_DIR"
    log "server stopped, $PG_DIR removed"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# /tmp explicitly: a TMPDIR under a private home could not be entered by the postgres user.
PG_DIR=$(mktemp -d /tmp/serviceplan-pg.XXXXXX)
chmod 700 "$PG_DIR"
if [ "$(id -u)" -eq 0 ]; then
  owner=postgres
  if ! id -u "$owner" >/dev/null 2>&1; then
    owner=serviceplan-pg
    if ! id -u "$owner" >/dev/null 2>&1; then
      useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$owner"
    fi
  fi
  chown "$owner:" "$PG_DIR"
  RUNAS=(runuser -u "$owner" --)
fi

# C.UTF-8: byte-order sorting like SQLite's BINARY collation, Unicode upper/lower.
initdb_ok=0
for locale in C.UTF-8 C; do
  rm -rf "$PG_DIR/data"
  if as_owner "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust --username=postgres -E UTF8 \
       --locale="$locale" >"$PG_DIR/initdb.log" 2>&1; then
    initdb_ok=1
    break
  fi
done
if [ "$initdb_ok" -ne 1 ]; then
  log "initdb failed:"
  cat "$PG_DIR/initdb.log" >&2
  exit 3
fi

cat >>"$PG_DIR/data/postgresql.conf" <<EOF

# throwaway test server (scripts/postgres-test-cluster.sh)
listen_addresses = '127.0.0.1'
unix_socket_directories = '$PG_DIR'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 300
EOF

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

port=""
candidate=${SERVICEPLAN_TEST_POSTGRES_PORT:-55432}
tries=0
while [ -z "$port" ] && [ "$tries" -lt 5 ]; do
  while port_in_use "$candidate"; do candidate=$((candidate + 1)); done
  tries=$((tries + 1))
  # The port goes on the command line so that a retry can pick another one.
  if as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -o "-p $candidate" \
       -w -t 60 start >/dev/null 2>&1; then
    port=$candidate
  else
    log "could not start on port $candidate (try $tries); server log:"
    tail -n 20 "$PG_DIR/server.log" >&2 2>/dev/null || true
    as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    candidate=$((candidate + 1))
  fi
done
if [ -z "$port" ]; then
  log "giving up: the server did not start"
  exit 3
fi

version=$("$PG_BIN/postgres" --version 2>/dev/null || echo PostgreSQL)
log "$version listening on 127.0.0.1:$port (data in $PG_DIR)"

export SERVICEPLAN_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Password=postgres;Database=postgres"
export PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres PGDATABASE=postgres
unset PGPASSWORD PGSERVICE PGSSLMODE PGHOSTADDR
# psql lives in /usr/lib/postgresql/<v>/bin too; put it on PATH for the command.
export PATH="$PATH:$PG_BIN"

# Not exec: the EXIT trap must outlive the command to stop the server.
rc=0
"$@" || rc=$?
exit "$rc"
