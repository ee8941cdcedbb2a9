#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the database tests, built from the installed server binaries.
#
#   scripts/pg-test-cluster.sh start   start one (or reuse the running one) and print its URL on stdout
#   scripts/pg-test-cluster.sh url     print the URL of the running cluster
#   scripts/pg-test-cluster.sh stop    stop it and delete its files (no-op when none is running)
#
# The cluster lives in a mktemp folder owned by a non-root user (the current user; as root: `postgres`
# when it exists, else a `zhiping-test` system user), listens on 127.0.0.1 only on a free port, trusts
# local connections and runs without fsync. Its URL is postgres://postgres@127.0.0.1:PORT/postgres.
# State (folder, port, user, URL) is kept in $ZHIPING_PG_CLUSTER_STATE (default tmp/pg-test-cluster.env),
# so several runs in one checkout each pass their own state file. PG_BINDIR overrides the binaries;
# ZHIPING_PG_CLUSTER_USER (as root) picks the user that runs the cluster.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# stdout carries only the URL; every message goes to stderr.
exec 3>&1 1>&2

STATE="${ZHIPING_PG_CLUSTER_STATE:-$ZP_ROOT/tmp/pg-test-cluster.env}"
# The folder of a cluster whose start has not completed; removed when this script exits early.
PENDING_DIR=""
trap '[ -z "$PENDING_DIR" ] || rm -rf "$PENDING_DIR"' EXIT

# Prints the folder of initdb/pg_ctl: PG_BINDIR, else the newest /usr/lib/postgresql/*/bin, else PATH.
find_bindir() {
  if [ -n "${PG_BINDIR:-}" ]; then
    [ -x "$PG_BINDIR/initdb" ] && [ -x "$PG_BINDIR/pg_ctl" ] && { echo "$PG_BINDIR"; return 0; }
    return 1
  fi
  local d
  for d in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V -r); do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
  done
  if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v pg_ctl)"
    return 0
  fi
  return 1
}

ensure_bindir() {
  local d
  if d="$(find_bindir)"; then
    echo "$d"
    return 0
  fi
  if zp_can_apt_install; then
    zp_log "no PostgreSQL server binaries found: installing Debian's postgresql" >&2
    zp_apt_install postgresql >&2 || zp_die "apt-get install postgresql failed."
    d="$(find_bindir)" || zp_die "postgresql installed but initdb/pg_ctl not found under /usr/lib/postgresql/*/bin."
    echo "$d"
    return 0
  fi
  zp_die "No PostgreSQL server found: run 'sudo apt-get install -y postgresql' (or set ZHIPING_TEST_DATABASE_URL to a server where the tests may CREATE DATABASE) and retry."
}

# The non-root user that owns and runs the cluster.
cluster_user() {
  if ! zp_is_root; then
    id -un
    return 0
  fi
  if [ -n "${ZHIPING_PG_CLUSTER_USER:-}" ]; then
    [ "$ZHIPING_PG_CLUSTER_USER" != root ] || zp_die "ZHIPING_PG_CLUSTER_USER must not be root: PostgreSQL refuses to run as root."
    id "$ZHIPING_PG_CLUSTER_USER" >/dev/null 2>&1 || zp_die "ZHIPING_PG_CLUSTER_USER=$ZHIPING_PG_CLUSTER_USER is not a user on this machine."
    echo "$ZHIPING_PG_CLUSTER_USER"
    return 0
  fi
  if id postgres >/dev/null 2>&1; then
    echo postgres
    return 0
  fi
  if ! id zhiping-test >/dev/null 2>&1; then
    zp_log "creating system user zhiping-test to run the test cluster" >&2
    if command -v useradd >/dev/null 2>&1; then
      useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin zhiping-test
    else
      adduser --system --no-create-home --home /nonexistent --shell /usr/sbin/nologin zhiping-test >/dev/null
    fi
  fi
  echo zhiping-test
}

# Runs a command as $PGC_USER from the cluster folder (which that user can always enter). fd 3 (our
# stdout) is closed so the server daemon never holds the pipe of a caller's $(... start) open.
run_as() {
  if [ "$PGC_USER" = "$(id -un)" ]; then
    (cd "$PGC_DIR" && "$@") 3>&-
  elif command -v runuser >/dev/null 2>&1; then
    (cd "$PGC_DIR" && runuser -u "$PGC_USER" -- "$@") 3>&-
  else
    (cd "$PGC_DIR" && su -s /bin/sh "$PGC_USER" -c "$(printf '%q ' "$@")") 3>&-
  fi
}

is_port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pick_port() {
  local p
  for _ in $(seq 1 50); do
    p=$((20000 + RANDOM % 40000))
    if is_port_free "$p"; then
      echo "$p"
      return 0
    fi
  done
  zp_die "could not find a free TCP port for the test cluster."
}

load_state() {
  [ -f "$STATE" ] || return 1
  # shellcheck disable=SC1090
  source "$STATE"
  [ -n "${PGC_DIR:-}" ] && [ -d "$PGC_DIR/data" ]
}

is_running() { run_as "$PGC_BIN/pg_ctl" -D "$PGC_DIR/data" status >/dev/null 2>&1; }

cmd_start() {
  if load_state && is_running; then
    zp_log "test cluster already running on port $PGC_PORT ($PGC_DIR)"
    echo "$PGC_URL" >&3
    return 0
  fi
  if [ -f "$STATE" ]; then cmd_stop; fi
  PGC_BIN="$(ensure_bindir)"
  PGC_USER="$(cluster_user)"
  PGC_DIR="$(mktemp -d "${TMPDIR:-/tmp}/zhiping-pg.XXXXXX")"
  PENDING_DIR="$PGC_DIR"
  chmod 700 "$PGC_DIR"
  zp_is_root && chown "$PGC_USER" "$PGC_DIR"
  local version attempt
  version="$("$PGC_BIN/postgres" --version | awk '{print $3}')"
  zp_log "initdb: PostgreSQL $version test cluster in $PGC_DIR as user $PGC_USER"
  if ! run_as "$PGC_BIN/initdb" -D "$PGC_DIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C --no-sync >"$PGC_DIR/initdb.log" 2>&1; then
    cat "$PGC_DIR/initdb.log"
    zp_die "initdb failed (output above)."
  fi
  for attempt in 1 2 3 4 5; do
    PGC_PORT="$(pick_port)"
    cat >>"$PGC_DIR/data/postgresql.conf" <<CONF

# zhiping test cluster (attempt $attempt): throwaway, local only, speed over durability
listen_addresses = '127.0.0.1'
port = $PGC_PORT
unix_socket_directories = '$PGC_DIR'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
CONF
    if run_as "$PGC_BIN/pg_ctl" -D "$PGC_DIR/data" -l "$PGC_DIR/postgres.log" -w -t 60 start >/dev/null; then
      PGC_URL="postgres://postgres@127.0.0.1:$PGC_PORT/postgres"
      mkdir -p "$(dirname "$STATE")"
      printf 'PGC_DIR=%q\nPGC_PORT=%q\nPGC_USER=%q\nPGC_BIN=%q\nPGC_URL=%q\n' \
        "$PGC_DIR" "$PGC_PORT" "$PGC_USER" "$PGC_BIN" "$PGC_URL" >"$STATE"
      PENDING_DIR=""
      zp_log "test cluster running: $PGC_URL (PostgreSQL $version, user $PGC_USER)"
      echo "$PGC_URL" >&3
      return 0
    fi
    zp_warn "PostgreSQL did not start on port $PGC_PORT (attempt $attempt); log tail:"
    tail -n 5 "$PGC_DIR/postgres.log" >&2 || true
    run_as "$PGC_BIN/pg_ctl" -D "$PGC_DIR/data" -m immediate -w -t 20 stop >/dev/null 2>&1 || true
  done
  zp_die "the PostgreSQL test cluster did not start (see the log lines above)."
}

cmd_stop() {
  if ! load_state; then
    rm -f "$STATE"
    return 0
  fi
  if is_running; then
    run_as "$PGC_BIN/pg_ctl" -D "$PGC_DIR/data" -m fast -w -t 20 stop >/dev/null 2>&1 ||
      run_as "$PGC_BIN/pg_ctl" -D "$PGC_DIR/data" -m immediate -w -t 20 stop >/dev/null 2>&1 || true
  fi
  case "$PGC_DIR" in
    "${TMPDIR:-/tmp}"/zhiping-pg.*) rm -rf "$PGC_DIR" ;;
    *) zp_warn "not deleting unexpected cluster folder $PGC_DIR" ;;
  esac
  rm -f "$STATE"
  zp_log "test cluster on port $PGC_PORT stopped and removed"
}

cmd_url() {
  if load_state && is_running; then
    echo "$PGC_URL" >&3
  else
    zp_die "no test cluster is running (scripts/pg-test-cluster.sh start)."
  fi
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  url) cmd_url ;;
  *) zp_die "usage: scripts/pg-test-cluster.sh start|stop|url" ;;
esac
