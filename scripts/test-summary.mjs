// Adds up the "N passing" / "N failing" / "N pending" lines of every mocha run in a log (unit, in-VS Code
// integration, UI) and the ✔/✘ lines of test/integration/ui.mjs, and prints one closing line,
// "tests: N passed, N failed[, N pending]", for CI to read. Always exits 0: .ci/run keeps npm test's status.
import * as fs from 'node:fs';

let log;
try {
  log = fs.readFileSync(process.argv[2], 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
} catch (error) {
  console.log(`\ntest-summary: cannot read the log: ${error.message}`);
  process.exit(0);
}
let passed = 0;
let failed = 0;
let pending = 0;
let runs = 0;
let uiPassed = 0;
let uiFailed = 0;
// ui.mjs prints "  ✔ name" / "  ✘ name" per check, then "Phrasebook UI checks: …". Only check lines after the
// last mocha summary count, so a mocha spec line can never be taken for a UI check.
let uiSeen = { passed: 0, failed: 0 };
const takeUiChecks = () => {
  uiPassed += uiSeen.passed;
  uiFailed += uiSeen.failed;
  uiSeen = { passed: 0, failed: 0 };
};
for (const line of log.split('\n')) {
  const passing = /^\s*(\d+) passing\b/.exec(line);
  const failing = /^\s*(\d+) failing\b/.exec(line);
  const skipped = /^\s*(\d+) pending\b/.exec(line);
  if (passing) {
    passed += Number(passing[1]);
    runs++;
  }
  if (failing) failed += Number(failing[1]);
  if (skipped) pending += Number(skipped[1]);
  if (passing || failing || skipped) uiSeen = { passed: 0, failed: 0 };
  if (/^ {2}✔ \S/.test(line)) uiSeen.passed++;
  if (/^ {2}✘ \S/.test(line)) uiSeen.failed++;
  if (/^Phrasebook UI checks:/.test(line)) takeUiChecks();
}
// ui.mjs died before its closing line: the checks it printed still ran.
takeUiChecks();
console.log(`\n${runs} mocha run${runs === 1 ? "" : "s"}: ${passed} passing, ${failed} failing, ${pending} pending; UI checks: ${uiPassed} passed, ${uiFailed} failed`);
console.log(`tests: ${passed + uiPassed} passed, ${failed + uiFailed} failed${pending ? `, ${pending} pending` : ''}`);
