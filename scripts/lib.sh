# shellcheck shell=bash
# Shared helpers of scripts/up.sh, scripts/test.sh and .ci/run (sourced, not run).
# Everything prints one clear line per step, prefixed with [zhiping].

ZP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ZP_MIN_NODE="20.19.0"

zp_log() { printf '[zhiping] %s\n' "$*"; }
zp_warn() { printf '[zhiping] WARNING: %s\n' "$*" >&2; }
zp_die() {
  printf '[zhiping] ERROR: %s\n' "$*" >&2
  exit 1
}

zp_is_root() { [ "$(id -u)" = 0 ]; }

# True when this run may install system packages: root, apt-get present, and ZHIPING_NO_INSTALL not set to 1.
zp_can_apt_install() {
  [ "${ZHIPING_NO_INSTALL:-0}" != 1 ] && zp_is_root && command -v apt-get >/dev/null 2>&1
}

ZP_APT_UPDATED=0
# Installs Debian packages non-interactively, running `apt-get update` at most once per process.
zp_apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  local log
  log="$(mktemp "${TMPDIR:-/tmp}/zhiping-apt.XXXXXX")"
  if [ "$ZP_APT_UPDATED" = 0 ]; then
    zp_log "apt-get update"
    apt-get update -q >"$log" 2>&1 || {
      tail -n 20 "$log" >&2
      rm -f "$log"
      return 1
    }
    ZP_APT_UPDATED=1
  fi
  zp_log "apt-get install -y $*"
  apt-get install -y -q "$@" >"$log" 2>&1 || {
    tail -n 20 "$log" >&2
    rm -f "$log"
    return 1
  }
  rm -f "$log"
}

# Fails unless node is present and at least ZP_MIN_NODE (package.json engines).
zp_check_node() {
  command -v node >/dev/null 2>&1 || zp_die "Node.js is not installed: install Node ${ZP_MIN_NODE} or newer (https://nodejs.org) and retry."
  command -v npm >/dev/null 2>&1 || zp_die "npm is not installed: install Node ${ZP_MIN_NODE} or newer with npm and retry."
  local v
  v="$(node -p 'process.versions.node')"
  if ! node -e '
    const [a, b] = process.argv.slice(1).map((s) => s.split(".").map(Number));
    for (let i = 0; i < 3; i++) { if (a[i] !== b[i]) process.exit(a[i] > b[i] ? 0 : 1); }' "$v" "$ZP_MIN_NODE"; then
    zp_die "Node $v is too old: Zhiping needs Node ${ZP_MIN_NODE} or newer."
  fi
}

# Installs dependencies with `npm ci` when node_modules is missing or package-lock.json changed since the
# last install (stamp in node_modules). A changed lock whose tree is already installed (npm ls passes,
# e.g. after `npm install`) only refreshes the stamp, so a shared checkout is not wiped needlessly.
# ZHIPING_FORCE_CI=1 always runs npm ci.
zp_ensure_deps() {
  local stamp="$ZP_ROOT/node_modules/.zhiping-install-stamp" want have=""
  want="$(sha256sum "$ZP_ROOT/package-lock.json" | cut -d' ' -f1)"
  [ -f "$stamp" ] && have="$(cat "$stamp")"
  if [ "${ZHIPING_FORCE_CI:-0}" != 1 ] && [ -d "$ZP_ROOT/node_modules" ]; then
    if [ "$have" = "$want" ]; then
      zp_log "dependencies up to date (package-lock.json unchanged since the last install)"
      return 0
    fi
    if (cd "$ZP_ROOT" && npm ls --all >/dev/null 2>&1); then
      zp_log "dependencies already match package-lock.json (npm ls): recording the install stamp"
      printf '%s\n' "$want" >"$stamp"
      return 0
    fi
  fi
  zp_log "installing dependencies: npm ci"
  (cd "$ZP_ROOT" && npm ci --no-audit --no-fund) || zp_die "npm ci failed (see above)."
  printf '%s\n' "$want" >"$stamp"
}
