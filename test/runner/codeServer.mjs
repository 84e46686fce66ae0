// Starts code-server (VS Code in the browser) and opens its workbench in headless
// Chromium, for running extension tests offline. See README.md next to this file.
//
//   const server = await startCodeServer({ workspace: '/abs/folder' });
//   const browser = await launchChromium();
//   const { page, exitCode } = await openWorkbench(browser, server.url, {
//     extensionDevelopmentPath: '/abs/ext', extensionTestsPath: '/abs/ext/out/test/index.js', folder: '/abs/folder' });
//   ...
//   await browser.close(); await server.stop();
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CACHE_DIR = process.env.VSCODE_TEST_CACHE ?? path.join(REPO_ROOT, '.vscode-test');

/** The code-server release of the oldest VS Code we support (engines.vscode), and the Node it runs on. */
export const OLDEST = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'test', 'runner', 'oldest.json'), 'utf8'));

/**
 * Paths of the Node binary and code-server entry installed by scripts/install-test-deps.sh: VS Code 1.139
 * (Node 24), or with CODE_SERVER_INSTALL=oldest the oldest supported VS Code (scripts/install-oldest-vscode.sh).
 */
export function codeServerPaths() {
  const oldest = process.env.CODE_SERVER_INSTALL === 'oldest';
  const nodeDir = oldest ? `node${OLDEST.node.split('.')[0]}` : 'node24';
  const node = process.env.CODE_SERVER_NODE ?? path.join(CACHE_DIR, nodeDir, 'bin', 'node');
  const entry =
    process.env.CODE_SERVER_ENTRY ??
    path.join(CACHE_DIR, oldest ? `code-server-${OLDEST.codeServer}` : 'code-server', 'lib', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  for (const [what, p] of [[`Node (${nodeDir})`, node], ['code-server', entry]]) {
    if (!fs.existsSync(p)) {
      throw new Error(`${what} not found at ${p}; run scripts/install-test-deps.sh first`);
    }
  }
  return { node, entry };
}

/** Whether this code-server passes flags on to VS Code with --vscode-option (older ones reject it). */
function passesVscodeOptions(entry) {
  return fs.readFileSync(path.join(path.dirname(entry), 'cli.js'), 'utf8').includes('"vscode-option"');
}

/** { codeServer: '4.139.1', vscode: '1.139.1', commit } read from `code-server --version`. */
export function codeServerVersion() {
  const { node, entry } = codeServerPaths();
  const out = execFileSync(node, [entry, '--version'], { env: cleanEnv({}), encoding: 'utf8', timeout: 60_000 });
  const m = /^(\d+\.\d+\.\d+) ([0-9a-f]+) with Code (\d+\.\d+\.\d+)/m.exec(out);
  if (!m) throw new Error(`cannot parse code-server --version output:\n${out}`);
  return { codeServer: m[1], commit: m[2], vscode: m[3] };
}

/** Settings that keep the workbench quiet and deterministic under test; callers' settings win. */
export const DEFAULT_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'files.hotExit': 'off',
  'window.restoreWindows': 'none',
  'workbench.editor.restoreViewState': false,
  'editor.accessibilitySupport': 'off',
};

function cleanEnv(extra) {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    // Inside a VS Code terminal VSCODE_IPC_HOOK_CLI etc. would turn code-server into a
    // client of that VS Code; PORT/PASSWORD/CODE_SERVER_CONFIG would override our flags.
    if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE' || key === 'NODE_OPTIONS') delete env[key];
    if (['PORT', 'PASSWORD', 'HASHED_PASSWORD', 'CODE_SERVER_CONFIG', 'GITHUB_TOKEN'].includes(key)) delete env[key];
  }
  return { ...env, ...extra };
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function httpStatus(url) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

const live = new Set();
let exitHookInstalled = false;
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Synchronous last resort: kill every code-server process group we started.
  process.on('exit', () => {
    for (const s of live) s.killNow();
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(sig, () => {
      for (const s of live) s.killNow();
      process.exit(128 + (os.constants.signals[sig] ?? 1));
    });
  }
}

/**
 * Starts code-server on a free port of 127.0.0.1 with no auth, and resolves once it answers HTTP.
 * @param {object} opts
 * @param {string} opts.workspace  folder the server opens by default (also pass it as `folder` to openWorkbench)
 * @param {string} [opts.userDataDir]   default: a fresh temp dir (removed on stop)
 * @param {string} [opts.extensionsDir] default: a fresh temp dir (removed on stop) - i.e. no other extensions
 * @param {object} [opts.settings]      merged over DEFAULT_SETTINGS into <userDataDir>/User/settings.json
 * @param {object} [opts.env]           extra environment for code-server and so for the extension host
 * @param {boolean} [opts.verbose]      stream code-server's own output to stderr
 * @param {number} [opts.startTimeoutMs=60000]
 * @param {boolean} [opts.smokeTestDriver=true]  pass --enable-smoke-test-driver to VS Code (needed for extensionTestsPath;
 *   note it also suppresses notification toasts)
 * @returns {Promise<{url: string, port: number, pid: number, userDataDir: string, extensionsDir: string, output: () => string, stop: () => Promise<void>}>}
 */
export async function startCodeServer(opts) {
  const { workspace, settings = {}, env = {}, verbose = false, startTimeoutMs = 60_000, smokeTestDriver = true } = opts;
  if (!workspace) throw new Error('startCodeServer: workspace is required');
  const { node, entry } = codeServerPaths();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vscode-test-'));
  const userDataDir = opts.userDataDir ?? path.join(tmp, 'user-data');
  const extensionsDir = opts.extensionsDir ?? path.join(tmp, 'extensions');
  for (const d of [userDataDir, extensionsDir, path.join(userDataDir, 'User'), path.join(tmp, 'config'), path.join(tmp, 'data')]) {
    fs.mkdirSync(d, { recursive: true });
  }
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...DEFAULT_SETTINGS, ...settings }, null, 2),
  );

  const port = await freePort();
  const args = [
    entry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    // Without this the workbench ignores the extensionTestsPath payload and never reports an exit code.
    // code-server before 4.103 has no --vscode-option (nor needs the flag: VS Code 1.89 runs the payload).
    ...(smokeTestDriver && passesVscodeOptions(entry) ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    workspace,
  ];
  let output = '';
  const child = spawn(node, args, {
    detached: true, // own process group, so stop() takes the extension host and pty host with it
    stdio: ['ignore', 'pipe', 'pipe'],
    env: cleanEnv({
      XDG_CONFIG_HOME: path.join(tmp, 'config'),
      XDG_DATA_HOME: path.join(tmp, 'data'),
      // No marketplace: offline it only produces ENOTFOUND errors (and we want no surprise installs).
      EXTENSIONS_GALLERY: '{}',
      ...env,
    }),
  });
  const onData = (chunk) => {
    output += chunk;
    if (output.length > 200_000) output = output.slice(-100_000);
    if (verbose) process.stderr.write(`[code-server] ${chunk}`);
  };
  child.stdout.setEncoding('utf8').on('data', onData);
  child.stderr.setEncoding('utf8').on('data', onData);
  let exited = null;
  const exitPromise = new Promise((resolve) => child.on('exit', (code, signal) => resolve((exited = { code, signal }))));

  let stopped = false;
  const handle = {
    killNow() {
      if (stopped) return;
      stopped = true;
      live.delete(handle);
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
      // tmp holds only what we created (caller-given dirs live elsewhere and are kept).
      try { fs.rmSync(tmp, { recursive: true, force: true }); } catch { /* best effort */ }
    },
  };
  live.add(handle);
  installExitHook();

  const stop = async () => {
    if (stopped) return;
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
    await Promise.race([exitPromise, new Promise((r) => setTimeout(r, 3000))]);
    handle.killNow(); // SIGKILL stragglers in the group (extension host, pty host, file watcher)
  };

  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`code-server exited early (${JSON.stringify(exited)}):\n${output}`);
    }
    if ((await httpStatus(`${url}healthz`)) === 200) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on ${url} within ${startTimeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, port, pid: child.pid, userDataDir, extensionsDir, output: () => output, stop };
}

/** Debian's headless Chromium, with the flags that keep it off the (closed) network. */
export async function launchChromium(options = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--disable-dev-shm-usage',
    ],
    ...options,
  });
}

/**
 * codeAutomationLog messages are JSON arrays of console arguments (e.g. '["  %d passing (%s)",2,"74ms"]');
 * this turns one into the line console.log would have printed.
 */
export function formatLogMessage(message) {
  if (typeof message !== 'string') return util.format(message);
  if (message.startsWith('[')) {
    try {
      const args = JSON.parse(message);
      if (Array.isArray(args)) return util.format(...args);
    } catch { /* not JSON */ }
  }
  return message;
}

/** Workbench start-up chatter that codeAutomationLog interleaves with the tests' own console output. */
export const WORKBENCH_NOISE = [
  /^Resolving connection token/,
  /^Resolved connection token/,
  /^Creating a socket \(/,
  /^\[reconnection-grace-time\]/,
  /^Updating additional builtin extensions cache/,
  /^\[Service Worker\]/,
  /^\[AgentHost:/,
  /^\[AccountPolicyGate\]/,
  /^Ignoring fetching additional builtin extensions from gallery/,
  /^No search provider registered for scheme/,
  /^Creation of workbench contribution '.*' took \d+ms/,
  /^Timed out waiting for authentication provider 'github'/,
];
export const isWorkbenchNoise = (line) => WORKBENCH_NOISE.some((re) => re.test(line));

/** vscode-remote URI for an absolute path on the code-server machine (authority must be literally `remote`). */
export function remoteUri(absPath, authority = 'remote') {
  if (!path.isAbsolute(absPath)) throw new Error(`expected an absolute path, got ${absPath}`);
  return `vscode-remote://${authority}${absPath.split(path.sep).map(encodeURIComponent).join('/')}`;
}

/** The workbench URL with the test payload (what VS Code's own browser integration tests use). */
export function workbenchUrl(serverUrl, { folder, extensionDevelopmentPath, webExtensionDevelopmentPath, extensionTestsPath, extensionEnvironment } = {}) {
  const u = new URL(serverUrl);
  if (folder) u.searchParams.set('folder', path.resolve(folder));
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remoteUri(path.resolve(extensionDevelopmentPath))]);
  // The workbench finds the host to run the tests in by the extension whose folder holds them; a web
  // extension's folder carries the authority the browser resolved (host:port), not `remote`.
  const testsAuthority = webExtensionDevelopmentPath ? u.host : 'remote';
  if (extensionTestsPath) payload.push(['extensionTestsPath', remoteUri(path.resolve(extensionTestsPath), testsAuthority)]);
  if (extensionEnvironment) payload.push(['extensionEnvironment', JSON.stringify(extensionEnvironment)]);
  if (payload.length) u.searchParams.set('payload', JSON.stringify(payload));
  return u.toString();
}

/**
 * Opens the workbench in a new page of `browser`.
 * @returns {Promise<{page, context, exitCode: Promise<number>, logs: Promise<Array<{relativePath: string, contents: string}>>}>}
 *   `exitCode` resolves when the extension host exits (i.e. when the tests in extensionTestsPath finished).
 * @param {object} opts
 * @param {string} opts.folder
 * @param {string} [opts.extensionDevelopmentPath]
 * @param {string} [opts.extensionTestsPath]  absolute path of the compiled test index (exports run())
 * @param {string} [opts.webExtensionDevelopmentPath]  load this extension into the browser's web worker extension host
 *   (from its `browser` entry; its package.json must have no `main`); pass it as extensionDevelopmentPath too
 * @param {object} [opts.extensionEnvironment] env vars for the extension host
 * @param {(level: string, message: string) => void} [opts.onLog]  the workbench's log lines (incl. the test output)
 * @param {{width: number, height: number}} [opts.viewport]
 * @param {number} [opts.timeoutMs=120000]  how long the first page load may take (minutes on a busy machine)
 * @param {number} [opts.navigationTimeoutMs]  for loading the workbench page (Playwright's default: 30 s)
 */
export async function openWorkbench(browser, url, opts) {
  const { onLog = () => {}, viewport = { width: 1400, height: 900 }, timeoutMs = 120_000 } = opts;
  const context = await browser.newContext({ viewport, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  if (opts.navigationTimeoutMs) page.setDefaultNavigationTimeout(opts.navigationTimeoutMs);
  let resolveExit;
  const exitCode = new Promise((r) => (resolveExit = r));
  let resolveLogs;
  const logs = new Promise((r) => (resolveLogs = r));
  // Both must exist before the workbench loads: it looks them up on window at run time.
  await page.exposeFunction('codeAutomationLog', (level, message) => {
    try { onLog(String(level), typeof message === 'string' ? message : JSON.stringify(message)); } catch { /* ignore */ }
  });
  await page.exposeFunction('codeAutomationExit', (code, logFiles) => {
    resolveLogs(Array.isArray(logFiles) ? logFiles : []);
    resolveExit(typeof code === 'number' ? code : 1);
  });
  if (opts.webExtensionDevelopmentPath) await addWebDevelopmentExtension(page, opts.webExtensionDevelopmentPath);
  await page.goto(workbenchUrl(url, opts), { waitUntil: 'domcontentloaded', timeout: timeoutMs });
  return { page, context, exitCode, logs };
}

/**
 * code-server offers no flag for a web extension under development: the browser workbench takes those from
 * its configuration's `developmentOptions.extensions` (what @vscode/test-web sets), which code-server never
 * fills in. So the page's script sees that list added when it reads the configuration: the extension folder
 * as a vscode-remote URI, which the browser reads through code-server's remote resource route.
 */
async function addWebDevelopmentExtension(page, extensionPath) {
  const extensionLocation = path.resolve(extensionPath).split(path.sep).join('/');
  await page.addInitScript((extensionPath) => {
    // The authority the workbench itself resolves remote resources with.
    const extension = { scheme: 'vscode-remote', authority: location.host, path: extensionPath };
    const getAttribute = Element.prototype.getAttribute;
    Element.prototype.getAttribute = function (name) {
      const value = getAttribute.call(this, name);
      if (this.id !== 'vscode-workbench-web-configuration' || name !== 'data-settings' || !value) return value;
      const config = JSON.parse(value);
      config.developmentOptions = { ...config.developmentOptions, extensions: [extension] };
      return JSON.stringify(config);
    };
  }, extensionLocation);
}
