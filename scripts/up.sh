#!/usr/bin/env bash
# Quick start (npm run up): installs dependencies when needed, builds, and starts Zhiping on the embedded
# database (PGlite in ./data, or ZHIPING_DATA_DIR), loading the demo district on first start, with the
# web app and API on port 8080 (PORT). Every other setting is read by the server; see README.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ZP_ROOT" || exit 1

zp_check_node
zp_log "Node $(node -v), npm $(npm -v)"
zp_ensure_deps

zp_log "building server and web app: npm run build"
npm run build --silent || zp_die "the build failed (see above)."

export ZHIPING_DATA_DIR="${ZHIPING_DATA_DIR:-./data}"
zp_log "starting: node apps/server/dist/main.js (data folder ${ZHIPING_DATA_DIR}, port ${PORT:-8080}; Ctrl-C stops it)"
exec node apps/server/dist/main.js
