// Bundles the extension, the CLI and the core library into dist/.
// `--production` minifies (for the .vsix); `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const shared = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const builds = [
  // vscode is provided by the host at run time.
  { ...shared, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...shared, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { ...shared, entryPoints: ['src/core/index.ts'], outfile: 'dist/core.js' },
];

if (watch) {
  for (const options of builds) {
    const context = await esbuild.context(options);
    await context.watch();
  }
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
// Types for dist/core.js; `tsc -p tsconfig.core.json` (part of `npm run build`) emits them into dist/core-types.
fs.writeFileSync('dist/core.d.ts', "export * from './core-types/index';\n");
