// `npm run package`: phrasebook.vsix with a README page whose images and links work (scripts/package-readme.mjs).
// The base URL, where the repository's files are served over https, comes from PHRASEBOOK_BASE_URL or
// `npm run package -- --base-url <url>`; the project has no public home yet, so by default there is none.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, packagedReadme } from './package-readme.mjs';

const { values } = parseArgs({ options: { 'base-url': { type: 'string' }, out: { type: 'string', default: 'phrasebook.vsix' } } });
const baseUrl = values['base-url'] || process.env.PHRASEBOOK_BASE_URL || undefined;
const readme = path.join(ROOT, 'out', 'package', 'README.md');
fs.mkdirSync(path.dirname(readme), { recursive: true });
fs.writeFileSync(readme, packagedReadme({ baseUrl }));

// No `repository` while the project has no public home: vsce would otherwise stop to ask.
const args = ['package', '--no-dependencies', '--allow-missing-repository', '--readme-path', path.relative(ROOT, readme), '-o', values.out];
// With a base URL vsce checks that every image is https (what the Marketplace requires). Without one the
// README holds no relative link at all, only embedded images, which vsce's check would refuse although
// VS Code and Open VSX show them: the packaged README is checked instead by test/package (every image
// embedded, in the package, or under the base URL; every link resolvable).
args.push(...(baseUrl ? ['--baseImagesUrl', baseUrl, '--baseContentUrl', baseUrl] : ['--no-rewrite-relative-links']));
if (!baseUrl) console.log('package: no base URL (PHRASEBOOK_BASE_URL): README images are embedded. For the Marketplace, which shows only https images, package with one.');
execFileSync(process.execPath, [path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), ...args], { cwd: ROOT, stdio: 'inherit' });
