// A small sequential test runner for the web worker extension host. mocha's browser build ran the suite
// there but never settled its run (an error in the page, "fn is not a function", and no exit code), so the
// web suite uses this instead: the same describe/it/before/afterEach shape, one test at a time, a line
// per test and a summary line.
type Body = () => unknown | Promise<unknown>;

interface Suite {
  name: string;
  tests: { name: string; body: Body }[];
  before: Body[];
  afterEach: Body[];
}

const suites: Suite[] = [];
let current: Suite | undefined;

export function describe(name: string, define: () => void): void {
  current = { name, tests: [], before: [], afterEach: [] };
  suites.push(current);
  define();
  current = undefined;
}

function suite(): Suite {
  if (!current) throw new Error('it/before/afterEach outside describe');
  return current;
}

export const it = (name: string, body: Body) => void suite().tests.push({ name, body });
export const before = (body: Body) => void suite().before.push(body);
export const afterEach = (body: Body) => void suite().afterEach.push(body);

export const SUMMARY = 'Phrasebook web integration tests:';

const message = (error: unknown) => (error instanceof Error ? (error.stack ?? error.message) : String(error));

/** Runs every suite; resolves with the number of failures (a failed `before` fails each of its tests). */
export async function runAll(log: (line: string) => void = console.log): Promise<number> {
  let passed = 0;
  let failed = 0;
  for (const { name, tests, before: setup, afterEach: cleanup } of suites) {
    log(`\n  ${name}`);
    let setupError: unknown;
    try {
      for (const hook of setup) await hook();
    } catch (error) {
      setupError = error;
    }
    for (const test of tests) {
      const started = Date.now();
      try {
        if (setupError !== undefined) throw setupError;
        await test.body();
        for (const hook of cleanup) await hook();
        passed++;
        log(`    ✔ ${test.name} (${Date.now() - started} ms)`);
      } catch (error) {
        failed++;
        log(`    ✘ ${test.name}\n      ${message(error).replace(/\n/g, '\n      ')}`);
        for (const hook of cleanup) await Promise.resolve(hook()).catch(() => undefined);
      }
    }
  }
  // mocha's closing lines too, which scripts/test-summary.mjs adds up for CI.
  log(`\n  ${passed} passing${failed > 0 ? `\n  ${failed} failing` : ''}`);
  log(`${SUMMARY} ${passed} passed, ${failed} failed`);
  return passed === 0 ? 1 : failed;
}
