#!/usr/bin/env node
// Runs an extension's integration tests inside a real VS Code (code-server + headless Chromium), offline.
//
//   node test/runner/runIntegration.mjs --extension <abs ext folder> --tests <abs compiled test index.js> \
//        --workspace <folder> [--timeout 1200] [--settings settings.json] [--verbose] [--screenshot out.png]
//        [--code-server oldest]   (the oldest supported VS Code, test/runner/oldest.json; default 1.139)
//        [--web]   (run the extension in the browser's web worker extension host: test/integration-web/run.mjs)
//
// Exit code: the one the extension host reports when the test index's run() settles
// (0 = resolved, non-zero = rejected), or 2 for a timeout / runner failure.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  codeServerVersion, formatLogMessage, isWorkbenchNoise, launchChromium, openWorkbench, startCodeServer,
} from './codeServer.mjs';

const USAGE =
  'usage: node test/runner/runIntegration.mjs --extension <abs path> --tests <abs path to compiled index.js> ' +
  '--workspace <folder> [--timeout 1200] [--settings <settings.json>] [--verbose] [--screenshot <png>] [--code-server oldest] [--web]';

function fail(message) {
  console.error(`runIntegration: ${message}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      extension: { type: 'string' },
      tests: { type: 'string' },
      workspace: { type: 'string' },
      timeout: { type: 'string', default: '1200' },
      settings: { type: 'string' },
      screenshot: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      'code-server': { type: 'string' },
      web: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (e) {
  fail(`${e.message}\n${USAGE}`);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
for (const k of ['extension', 'tests', 'workspace']) if (!values[k]) fail(`--${k} is required\n${USAGE}`);

const extension = path.resolve(values.extension);
const tests = path.resolve(values.tests);
const workspace = path.resolve(values.workspace);
const timeoutSec = Number(values.timeout);
if (!Number.isFinite(timeoutSec) || timeoutSec <= 0) fail(`bad --timeout ${values.timeout}`);
if (!fs.existsSync(path.join(extension, 'package.json'))) fail(`no package.json in --extension ${extension}`);
if (!fs.existsSync(tests)) fail(`--tests ${tests} does not exist (compile the tests first)`);
if (!fs.statSync(workspace, { throwIfNoEntry: false })?.isDirectory()) fail(`--workspace ${workspace} is not a folder`);
const main = JSON.parse(fs.readFileSync(path.join(extension, 'package.json'), 'utf8')).main;
if (main && !fs.existsSync(path.resolve(extension, main)) && !fs.existsSync(path.resolve(extension, `${main}.js`))) {
  fail(`the extension's main ${main} does not exist in ${extension} (build it first)`);
}
const settings = values.settings ? JSON.parse(fs.readFileSync(values.settings, 'utf8')) : {};

if (values['code-server'] !== undefined) {
  if (values['code-server'] !== 'oldest') fail(`--code-server takes only "oldest", got ${values['code-server']}`);
  process.env.CODE_SERVER_INSTALL = 'oldest';
}
let version;
try {
  version = codeServerVersion();
} catch (e) {
  fail(e.message);
}
console.log(`Running integration tests in VS Code ${version.vscode} (code-server ${version.codeServer})`);
console.log(`  extension: ${extension}\n  tests:     ${tests}\n  workspace: ${workspace}\n  timeout:   ${timeoutSec} s`);

const started = Date.now();
let server;
let browser;
let exitCode = 2;
let page;
let timer;
try {
  server = await startCodeServer({ workspace, settings, verbose: values.verbose });
  browser = await launchChromium();
  let finished = false; // after the exit code, the workbench only logs its own shutdown ("Canceled" etc.)
  const onLog = (level, message) => {
    if (finished && !values.verbose) return;
    // The workbench forwards its whole log here; the extension host's console output (i.e. mocha's
    // reporter) arrives at info level, mixed with a few workbench start-up lines that we drop
    // (and trace/debug) unless --verbose.
    const line = formatLogMessage(message);
    if (values.verbose) {
      process.stdout.write(`[${level}] ${line}\n`);
      return;
    }
    if (level === 'trace' || level === 'debug' || isWorkbenchNoise(line)) return;
    (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(`${line}\n`);
  };
  const wb = await openWorkbench(browser, server.url, {
    folder: workspace,
    extensionDevelopmentPath: extension,
    ...(values.web ? { webExtensionDevelopmentPath: extension } : {}),
    extensionTestsPath: tests,
    onLog,
    navigationTimeoutMs: timeoutSec * 1000, // a busy machine may take over 30 s to serve the first page
  });
  page = wb.page;
  page.on('pageerror', (err) => values.verbose && console.error(`[page error] ${err.message}`));
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutSec * 1000);
  });
  const result = await Promise.race([wb.exitCode, timeout]);
  finished = true;
  if (result === 'timeout') {
    console.error(
      `\nrunIntegration: TIMEOUT after ${timeoutSec} s - the extension host never reported an exit code. ` +
        'Did the test index export run() and settle its promise? Did the extension fail to activate? ' +
        'Re-run with --verbose to see code-server and workbench logs.',
    );
    if (values.verbose) console.error(server.output());
    exitCode = 2;
  } else {
    exitCode = result;
  }
  if (values.screenshot || (exitCode !== 0 && process.env.CI)) {
    const shot = values.screenshot ?? path.resolve('test-results', 'integration-failure.png');
    fs.mkdirSync(path.dirname(shot), { recursive: true });
    await page.screenshot({ path: shot }).catch(() => {});
    console.error(`runIntegration: screenshot in ${shot}`);
  }
} catch (e) {
  console.error(`runIntegration: ${e.stack ?? e}`);
  exitCode = 2;
} finally {
  clearTimeout(timer);
  await browser?.close().catch(() => {});
  await server?.stop().catch(() => {});
}
console.log(`runIntegration: exit code ${exitCode} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(exitCode);
