#!/usr/bin/env node
// Runs the UI suite (the test commands of `npm run test:ui`) several times in a row while busy child
// processes keep every core at 100 %, and prints a tally. A suite that passes only on an idle machine
// fails here. Usage: npm run test:ui:stress -- [--runs 5] [--burners <n, default: one per core>]
// Each run's output goes to test-results/ui-stress/run-<n>.log. Exits 0 only when every run passed.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    burners: { type: 'string', default: String(os.availableParallelism()) },
  },
});
const runs = Number(values.runs);
const burnerCount = Number(values.burners);
if (!Number.isInteger(runs) || runs < 1) usage(`--runs must be a positive whole number, not "${values.runs}"`);
if (!Number.isInteger(burnerCount) || burnerCount < 0) usage(`--burners must be a whole number, not "${values.burners}"`);

// The same commands as `npm run test:ui`, so the two cannot drift apart; its set-up steps
// (`npm run test:deps`, `npm run build`) run once, before the burners start.
const steps = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'))
  .scripts['test:ui'].split('&&')
  .map((step) => step.trim());
const setup = steps.filter((step) => step.startsWith('npm run '));
const suite = steps.filter((step) => !step.startsWith('npm run '));

const logDir = path.join(ROOT, 'test-results', 'ui-stress');
fs.mkdirSync(logDir, { recursive: true });

for (const step of setup) {
  console.log(`ui-stress: ${step}`);
  if (spawnSync(step, { cwd: ROOT, shell: true, stdio: 'inherit' }).status !== 0) {
    console.error(`ui-stress: "${step}" failed`);
    process.exit(2);
  }
}

// Burners spin until killed, and stop by themselves when this script is gone (killed with -9 or the
// like), so they can never outlive it.
const BURN = `const parent = process.ppid; for (let i = 0; ; i++) if (i % 5e7 === 0 && process.ppid !== parent) process.exit(0);`;
const burners = [];
let suiteRun; // the running suite: its own process group, so a signal here can end all of it
const stopBurners = () => {
  for (const burner of burners.splice(0)) {
    try {
      burner.kill('SIGKILL');
    } catch {
      /* already gone */
    }
  }
};
process.on('exit', stopBurners);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    stopBurners();
    // SIGTERM lets mocha stop the code-server it started (test/runner/codeServer.mjs kills its group).
    if (suiteRun) {
      try {
        process.kill(-suiteRun.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    }
    process.exit(130);
  });
}
for (let i = 0; i < burnerCount; i++) burners.push(spawn(process.execPath, ['-e', BURN], { stdio: 'ignore' }));
console.log(`ui-stress: ${runs} run${runs === 1 ? '' : 's'} of the UI suite with ${burnerCount} CPU burner${burnerCount === 1 ? '' : 's'} on ${os.availableParallelism()} cores`);

const results = [];
try {
  for (let run = 1; run <= runs; run++) {
    const log = path.join(logDir, `run-${run}.log`);
    const started = Date.now();
    const load = [];
    const sampler = setInterval(() => load.push(os.loadavg()[0]), 5000);
    const status = await runSuite(log);
    clearInterval(sampler);
    const seconds = (Date.now() - started) / 1000;
    const tally = summary(log);
    const passed = status === 0;
    const meanLoad = load.length ? load.reduce((a, b) => a + b, 0) / load.length : os.loadavg()[0];
    results.push({ run, passed, seconds, tally, meanLoad });
    console.log(`ui-stress: run ${run}/${runs} ${passed ? 'passed' : `FAILED (exit ${status})`} in ${seconds.toFixed(0)} s, load ${meanLoad.toFixed(1)}; ${tally}`);
    if (!passed) console.log(tail(log, 60));
  }
} finally {
  stopBurners();
}

const passes = results.filter((result) => result.passed).length;
const times = results.map((result) => result.seconds);
console.log(
  `\nui-stress: ${passes}/${runs} runs passed with ${burnerCount} CPU burner${burnerCount === 1 ? '' : 's'}; ` +
    `time per run ${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)} s (mean ${(times.reduce((a, b) => a + b, 0) / times.length).toFixed(0)} s); ` +
    `logs in ${path.relative(process.cwd(), logDir) || logDir}`,
);
process.exit(passes === runs ? 0 : 1);

/** Runs the suite's commands one after another (as `&&` would), output to `log`; resolves with the exit code. */
function runSuite(log) {
  const out = fs.openSync(log, 'w');
  return new Promise((resolve) => {
    const child = spawn(suite.join(' && '), { cwd: ROOT, shell: true, detached: true, stdio: ['ignore', out, out] });
    suiteRun = child;
    child.on('exit', (code, signal) => {
      suiteRun = undefined;
      fs.closeSync(out);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

/** The closing "tests: N passed, N failed" line of scripts/test-summary.mjs for one run's log. */
function summary(log) {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'test-summary.mjs'), log], { encoding: 'utf8' });
  return result.stdout.trim().split('\n').at(-1) ?? '';
}

function tail(file, lines) {
  return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

function usage(message) {
  console.error(`ui-stress: ${message}\nUsage: npm run test:ui:stress -- [--runs 5] [--burners <n>]`);
  process.exit(2);
}
