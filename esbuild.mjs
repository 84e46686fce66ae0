// Bundles the extension (Node and browser), the CLI and the core library into dist/.
// `--production` minifies (for the .vsix); `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

// markdown-it constructs a linkify-it matcher in every instance but calls it only with `linkify: true`, which
// no parser of ours sets (src/core/markdown.ts, src/core/export/docx.ts). A stand-in that fails loudly if
// that ever changes keeps ~11 KB of URL rules out of the bundles (the browser bundle's budget is 350 KB).
const linkifyUnused = {
  name: 'linkify-unused',
  setup(build) {
    build.onResolve({ filter: /^linkify-it$/ }, () => ({ path: 'linkify-it', namespace: 'linkify-unused' }));
    build.onLoad({ filter: /.*/, namespace: 'linkify-unused' }, () => ({
      contents: `export class LinkifyIt {
        test() { throw new Error('linkify-it is not bundled: see esbuild.mjs'); }
        match() { throw new Error('linkify-it is not bundled: see esbuild.mjs'); }
        pretest() { throw new Error('linkify-it is not bundled: see esbuild.mjs'); }
      }
      export default LinkifyIt;`,
      loader: 'js',
    }));
  },
};

const shared = {
  plugins: [linkifyUnused],
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
  { ...shared, entryPoints: ['src/extension.node.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // VS Code for the Web: the web worker extension host loads one CommonJS file. Platform 'browser' with no
  // externals but vscode: a Node built-in imported anywhere fails this build ("Could not resolve node:…"),
  // and test/unit/web-bundle.test.ts checks the metafile's inputs as well.
  {
    ...shared,
    platform: 'browser',
    target: 'es2022',
    entryPoints: ['src/extension.web.ts'],
    outfile: 'dist/web/extension.js',
    external: ['vscode'],
    mainFields: ['browser', 'module', 'main'],
    // Chinese text as UTF-8, not \uXXXX escapes: a third smaller (pinyin-pro's dictionaries); the worker
    // reads extension code as UTF-8.
    charset: 'utf8',
    metafile: true,
  },
  { ...shared, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { ...shared, entryPoints: ['src/core/index.ts'], outfile: 'dist/core.js' },
];

if (watch) {
  for (const options of builds) {
    const context = await esbuild.context(options);
    await context.watch();
  }
} else {
  const results = await Promise.all(builds.map((options) => esbuild.build(options)));
  results.forEach((result, index) => {
    if (result.metafile) fs.writeFileSync(builds[index].outfile.replace(/\.js$/, '.meta.json'), JSON.stringify(result.metafile));
  });
}
// Types for dist/core.js; `tsc -p tsconfig.core.json` (part of `npm run build`) emits them into dist/core-types.
fs.writeFileSync('dist/core.d.ts', "export * from './core-types/index';\n");
