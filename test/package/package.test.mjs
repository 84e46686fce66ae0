// The .vsix a writer installs: built by `npm run package`, holding only what runs or is shown (read from
// the real .vsix, a zip), small, and installable into VS Code (code-server 4.139.1, the same build the other
// tests run in), where the installed extension activates and inserts an item. Part of `npm run release:check`.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import MarkdownIt from 'markdown-it';
import { packagedReadme } from '../../scripts/package-readme.mjs';
import { REPO_ROOT, codeServerPaths, launchChromium, openWorkbench, startCodeServer } from '../runner/codeServer.mjs';

const VSIX = path.join(REPO_ROOT, 'phrasebook.vsix');
const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
// About 2x today's .vsix (1.1 MB, of which ~0.45 MB are the README's embedded screenshots): room to grow, but a
// bundled dependency or stray folder by mistake fails.
const MAX_VSIX_BYTES = 2_000_000;

function run(command, args, options = {}) {
  return execFileSync(command, args, { cwd: REPO_ROOT, encoding: 'utf8', timeout: 240_000, ...options });
}

describe('the .vsix package', function () {
  this.timeout(300_000);
  let files;
  let zip;

  before(async () => {
    fs.rmSync(VSIX, { force: true });
    run('npm', ['run', '--silent', 'package'], { stdio: ['ignore', 'ignore', 'inherit'] });
    assert.ok(fs.existsSync(VSIX), 'npm run package made no phrasebook.vsix');
    zip = await JSZip.loadAsync(fs.readFileSync(VSIX));
    const entries = Object.keys(zip.files).filter((name) => !zip.files[name].dir);
    assert.ok(entries.includes('extension.vsixmanifest'), `not a .vsix: ${entries.join(', ')}`);
    files = entries.filter((name) => name.startsWith('extension/')).map((name) => name.slice('extension/'.length));
  });

  it(`is smaller than ${MAX_VSIX_BYTES / 1e6} MB, with a production (minified, map-free) bundle`, async () => {
    const size = fs.statSync(VSIX).size;
    assert.ok(size < MAX_VSIX_BYTES, `phrasebook.vsix is ${size} bytes`);
    const bundle = await zip.file('extension/dist/extension.js').async('string');
    assert.ok(!bundle.includes('sourceMappingURL'), 'the bundle points at a source map');
    // Minified code keeps the newlines inside template literals (markdown-it and docx have some: about a
    // hundred lines); an unminified bundle of this size has tens of thousands.
    assert.ok(bundle.split('\n').length < 1000, 'the bundle is not minified (vscode:prepublish did not run?)');
    const packaged = JSON.parse(await zip.file('extension/package.json').async('string'));
    assert.equal(packaged.version, manifest.version);
    assert.equal(packaged.engines.vscode, manifest.engines.vscode);
  });

  it('holds the bundle, the built-in corpus and thesaurus, snippets, translations and docs', () => {
    for (const file of [
      'dist/extension.js',
      'dist/web/extension.js',
      'corpus/builtin.md',
      'corpus/builtin.json',
      'corpus/thesaurus.txt',
      'snippets/builtin.code-snippets',
      'package.json',
      'package.nls.json',
      'package.nls.zh-cn.json',
      'l10n/bundle.l10n.zh-cn.json',
      // vsce stores these under the names the Marketplace looks for.
      'readme.md',
      'changelog.md',
      'LICENSE.txt',
      manifest.icon,
      ...manifest.contributes.walkthroughs.flatMap((walkthrough) => walkthrough.steps.map((step) => step.media.image ?? step.media.markdown)),
    ]) {
      assert.ok(files.includes(file), `${file} is missing from the package`);
    }
  });

  it("has a README page whose every image shows and every link resolves, rendered as the gallery renders it", async () => {
    const readme = await zip.file('extension/readme.md').async('string');
    const html = new MarkdownIt({ html: true }).render(readme);
    const images = [...html.matchAll(/<img\b[^>]*\bsrc="([^"]*)"/g)].map((match) => match[1]);
    const sourceImages = ['README.md', 'README.en.md'].flatMap((file) => [...fs.readFileSync(path.join(REPO_ROOT, file), 'utf8').matchAll(/!\[[^\]]*\]\(/g)]);
    assert.ok(sourceImages.length >= 4, 'the READMEs lost their screenshots');
    assert.equal(images.length, sourceImages.length, 'an image of README.md or README.en.md did not render');
    const base = process.env.PHRASEBOOK_BASE_URL;
    for (const src of images) {
      const data = /^data:image\/(png|jpeg|gif|webp);base64,([A-Za-z0-9+/=]+)$/.exec(src);
      if (data) {
        const bytes = Buffer.from(data[2], 'base64');
        const magic = { png: '89504e47', jpeg: 'ffd8ff', gif: '47494638', webp: '52494646' }[data[1]];
        assert.ok(bytes.length > 1000 && bytes.toString('hex').startsWith(magic), `an embedded ${data[1]} is no image`);
      } else if (base && src.startsWith(base)) {
        assert.match(src, /^https:\/\//);
      } else {
        assert.ok(files.includes(decodeURIComponent(src)), `image ${src.slice(0, 80)} resolves to nothing in the package`);
      }
    }
    const ids = new Set([...html.matchAll(/\bid="([^"]+)"/g)].map((match) => match[1]));
    for (const [, href] of html.matchAll(/<a\b[^>]*\bhref="([^"]*)"/g)) {
      if (href.startsWith('#')) assert.ok(ids.has(decodeURIComponent(href.slice(1))), `link ${href} has no anchor`);
      else if (!/^(https?|mailto):/.test(href)) assert.ok(files.includes(decodeURIComponent(href)), `link ${href} resolves to nothing in the package`);
    }
    // Both languages are on the page.
    assert.match(readme, /60 秒上手/);
    assert.match(readme, /Your first minute/);
  });

  it('with a base URL, points every image and link there instead (what the Marketplace needs)', () => {
    const base = 'https://files.example.test/phrasebook/main'; // a test value: the project has no public home
    const html = new MarkdownIt({ html: true }).render(packagedReadme({ baseUrl: base }));
    const images = [...html.matchAll(/<img\b[^>]*\bsrc="([^"]*)"/g)].map((match) => match[1]);
    assert.ok(images.length >= 4);
    for (const src of images) assert.ok(src.startsWith(`${base}/docs/`) && fs.existsSync(path.join(REPO_ROOT, src.slice(base.length))), src);
    for (const [, href] of html.matchAll(/<a\b[^>]*\bhref="([^"]*)"/g)) assert.match(href, /^(https:|#)/);
    assert.throws(() => packagedReadme({ baseUrl: 'http://insecure.test/' }), /https/);
  });

  it('has the manifest fields of a gallery page: localized name and description, keywords, categories, preview, banner, icon', async () => {
    const packaged = JSON.parse(await zip.file('extension/package.json').async('string'));
    const nls = {
      en: JSON.parse(await zip.file('extension/package.nls.json').async('string')),
      zh: JSON.parse(await zip.file('extension/package.nls.zh-cn.json').async('string')),
    };
    for (const field of ['displayName', 'description']) {
      const key = /^%(.+)%$/.exec(packaged[field])?.[1];
      assert.ok(key, `${field} is not localized`);
      assert.match(nls.en[key], /Phrasebook|report|paragraph/i);
      assert.match(nls.zh[key], /[\u4e00-\u9fff]/);
      assert.notEqual(nls.zh[key], nls.en[key]);
    }
    assert.ok(packaged.keywords.length <= 30, 'the Marketplace takes at most 30 keywords');
    assert.equal(new Set(packaged.keywords).size, packaged.keywords.length);
    for (const word of ['公文', '对照检查材料', '述职报告', '工作总结', '拼音', '素材库', 'pinyin', 'chinese', 'snippets']) assert.ok(packaged.keywords.includes(word), word);
    const allowed = ['AI', 'Azure', 'Chat', 'Data Science', 'Debuggers', 'Education', 'Extension Packs', 'Formatters', 'Keymaps', 'Language Packs', 'Linters', 'Machine Learning', 'Notebooks', 'Other', 'Programming Languages', 'SCM Providers', 'Snippets', 'Testing', 'Themes', 'Visualization'];
    for (const category of packaged.categories) assert.ok(allowed.includes(category), category);
    assert.ok(packaged.categories.includes('Snippets'));
    assert.equal(packaged.preview, packaged.version.startsWith('0.'), 'preview while 0.x');
    assert.match(packaged.galleryBanner.color, /^#[0-9a-f]{6}$/i);
    assert.ok(['dark', 'light'].includes(packaged.galleryBanner.theme));
    // No made-up home: where these are given, they are real https addresses.
    for (const field of ['repository', 'bugs', 'homepage']) {
      const value = packaged[field];
      if (value !== undefined) assert.match(typeof value === 'string' ? value : value.url, /^(git\+)?https:\/\//, field);
    }
    // The icon: a PNG of at least 128 × 128 (the gallery's size), square, with colour and alpha.
    const icon = await zip.file(`extension/${packaged.icon}`).async('nodebuffer');
    assert.equal(icon.subarray(1, 4).toString('latin1'), 'PNG');
    const [width, height, colourType] = [icon.readUInt32BE(16), icon.readUInt32BE(20), icon[25]];
    assert.ok(width >= 128 && width === height, `icon is ${width} × ${height}`);
    assert.equal(colourType, 6, 'icon is not RGBA');
  });

  it('holds no sources, tests, node_modules, source maps or build leftovers', () => {
    const unwanted = files.filter((file) =>
      /^(src|test|bench|scripts|out|node_modules|\.vscode-test|\.ci|test-results)\//.test(file) ||
      /\.(ts|map|mjs|vsix)$/.test(file) ||
      /^(tsconfig.*|esbuild\.mjs|package-lock\.json|\.mocharc.*)$/.test(file),
    );
    assert.deepEqual(unwanted, []);
  });

  it('installs into VS Code with --install-extension, then activates, inserts an item and shows its walkthrough there', async () => {
    const { node, entry } = codeServerPaths();
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'phrasebook-vsix-'));
    try {
      const dirs = ['--extensions-dir', path.join(home, 'extensions'), '--user-data-dir', path.join(home, 'data')];
      const env = { ...process.env, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_DATA_HOME: path.join(home, 'xdg') };
      run(node, [entry, ...dirs, '--install-extension', VSIX], { env });
      const listed = run(node, [entry, ...dirs, '--list-extensions', '--show-versions'], { env });
      assert.match(listed, new RegExp(`^${manifest.publisher}\\.${manifest.name}@${manifest.version.replace(/\./g, '\\.')}$`, 'm'));
      const installed = path.join(home, 'extensions', `${manifest.publisher}.${manifest.name}-${manifest.version}`);
      assert.ok(fs.existsSync(path.join(installed, 'dist', 'extension.js')));
      assert.ok(fs.existsSync(path.join(installed, 'corpus', 'builtin.md')));
      await activateAndInsert(path.join(home, 'extensions'), { XDG_CONFIG_HOME: env.XDG_CONFIG_HOME, XDG_DATA_HOME: env.XDG_DATA_HOME });
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});

/** Runs test/package/installed/index.js in code-server with the installed extension; fails unless it passes. */
async function activateAndInsert(extensionsDir, env) {
  const { allItems, readCorpus, SearchIndex } = await import(path.join(REPO_ROOT, 'dist', 'core.js'));
  const { corpus } = readCorpus(fs.readFileSync(path.join(REPO_ROOT, 'corpus', 'builtin.md')), 'builtin.md');
  const [hit] = new SearchIndex(allItems(corpus)).search('xytj', { limit: 1 });
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'phrasebook-installed-'));
  const server = await startCodeServer({ workspace, extensionsDir, env });
  const browser = await launchChromium();
  const output = [];
  const seen = path.join(workspace, '..', `${path.basename(workspace)}-walkthrough-seen`);
  try {
    const { exitCode, page } = await openWorkbench(browser, server.url, {
      folder: workspace,
      extensionDevelopmentPath: path.join(REPO_ROOT, 'test', 'package', 'installed', 'host'),
      extensionTestsPath: path.join(REPO_ROOT, 'test', 'package', 'installed', 'index.js'),
      extensionEnvironment: { PHRASEBOOK_EXTENSIONS_DIR: extensionsDir, PHRASEBOOK_ITEM_ID: hit.item.id, PHRASEBOOK_ITEM_TEXT: hit.item.text, PHRASEBOOK_WALKTHROUGH_SEEN: seen },
      onLog: (level, message) => output.push(`[${level}] ${message}`),
      navigationTimeoutMs: 180_000, // the first page load starts VS Code's server: slow on a busy CI machine
    });
    const walkthroughSeen = checkWalkthrough(page).finally(() => fs.writeFileSync(seen, ''));
    const code = await Promise.race([exitCode, new Promise((resolve) => setTimeout(() => resolve('timeout'), 240_000))]);
    await walkthroughSeen;
    assert.equal(code, 0, `the installed extension failed to activate, insert or show its walkthrough:\n${output.filter((line) => !line.startsWith('[trace]')).join('\n')}`);
    assert.ok(output.some((line) => line.includes(`activated and inserted ${hit.item.id}`)), output.join('\n'));
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.rmSync(seen, { force: true });
  }
}

/** The walkthrough as the workbench shows it: its title, every step's title, and the first step's picture. */
async function checkWalkthrough(page) {
  const nls = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.nls.json'), 'utf8'));
  const [walkthrough] = manifest.contributes.walkthroughs;
  const text = (value) => nls[/^%(.+)%$/.exec(value)[1]];
  const timeout = 150_000;
  const pane = page; // by text and alt, not by the workbench's class names
  await pane.getByText(text(walkthrough.title), { exact: true }).first().waitFor({ state: 'visible', timeout });
  for (const step of walkthrough.steps) await pane.getByText(text(step.title), { exact: true }).first().waitFor({ state: 'attached', timeout });
  // The first step is expanded: its picture comes from the installed extension and loads.
  const first = walkthrough.steps[0];
  const image = pane.locator(`img[alt="${text(first.media.altText)}"]`).first();
  await image.waitFor({ state: 'visible', timeout });
  await page.waitForFunction((img) => img.complete && img.naturalWidth > 100, await image.elementHandle(), { timeout });
}
