// Entry point the extension host loads (extensionTestsPath): runs every *.test.js next to this file with mocha.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 120000, color: false, reporter: 'spec', forbidOnly: true });
  // As in test/integration: PHRASEBOOK_TEST_GREP runs only the matching tests.
  const grep = process.env.PHRASEBOOK_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const file of fs.readdirSync(__dirname).sort()) {
    if (file.endsWith('.test.js')) mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      if (failures > 0) reject(new Error(`${failures} test(s) failed`));
      // A run where nothing passed (no files found, everything skipped) must not count as green.
      else if ((runner.stats?.passes ?? 0) === 0) reject(new Error('no library integration tests ran'));
      else resolve();
    });
  });
}
