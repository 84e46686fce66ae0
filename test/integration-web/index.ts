// Test entry the web worker extension host loads (extensionTestsPath): one browser bundle, built by
// test/integration-web/run.mjs with esbuild, holding runner.ts and every test file.
import { runAll } from './runner';
import './web.test';

export async function run(): Promise<void> {
  const failures = await runAll();
  if (failures > 0) throw new Error(`${failures} web integration test(s) failed`);
}
