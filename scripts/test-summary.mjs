// Adds up the "N passing" / "N failing" lines of every mocha run in a log (unit, in-VS Code
// integration, UI) and prints one closing line, "tests: N passed, N failed", for CI to read.
import * as fs from 'node:fs';

const log = fs.readFileSync(process.argv[2], 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
let passed = 0;
let failed = 0;
let runs = 0;
for (const line of log.split('\n')) {
  const passing = /^\s*(\d+) passing\b/.exec(line);
  const failing = /^\s*(\d+) failing\b/.exec(line);
  if (passing) {
    passed += Number(passing[1]);
    runs++;
  }
  if (failing) failed += Number(failing[1]);
}
console.log(`\n${runs} mocha runs`);
console.log(`tests: ${passed} passed, ${failed} failed`);
