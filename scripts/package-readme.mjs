// The README that goes into the .vsix (the Marketplace / Open VSX page and VS Code's extension details):
// README.md (Chinese) with README.en.md appended, every relative link made to resolve where the page is shown.
// - With a base URL (https, where the repository's files are served): images and links point there.
// - Without one (the project has no public home yet): screenshots are embedded as data: URIs, so they show
//   in VS Code from the .vsix and on Open VSX (each once, as a reference both languages use); links to files
//   that are not in the package become plain text.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ENGLISH_ANCHOR = 'english';
export const CHINESE_ANCHOR = 'chinese';

const IMAGE_TYPES = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp' };
// [text](target) and ![alt](target); targets in this project's READMEs hold no spaces or parentheses.
const LINK = /(!?)\[([^\]]*)\]\(([^)\s]+)\)/g;
const isAbsolute = (target) => /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#');

/** `base` joined with a repository-relative path. */
const joinUrl = (base, file) => `${base.replace(/\/+$/, '')}/${file.split('/').map(encodeURIComponent).join('/')}`;

/** Rewrites the relative links of one README; `from` is its path relative to the repository. */
function resolveLinks(markdown, { baseUrl, root, from, anchors, embedded }) {
  return markdown.replace(LINK, (whole, bang, text, target) => {
    if (isAbsolute(target)) return whole;
    const [file, hash] = target.split('#');
    if (anchors[file]) return `${bang}[${text}](#${hash ?? anchors[file]})`;
    const repoPath = path.posix.normalize(path.posix.join(path.posix.dirname(from), file));
    if (bang) {
      if (baseUrl) return `![${text}](${joinUrl(baseUrl, repoPath)})`;
      const type = IMAGE_TYPES[path.extname(repoPath).toLowerCase()];
      if (!type) throw new Error(`${from}: image ${target} is not PNG, JPEG, GIF or WebP and cannot be embedded`);
      // A reference, defined once at the end: both languages show the same screenshots.
      const label = `image:${repoPath}`;
      if (!embedded.has(label)) {
        const bytes = fs.readFileSync(path.join(root, repoPath)); // a missing screenshot fails the package step
        embedded.set(label, `data:${type};base64,${bytes.toString('base64')}`);
      }
      return `![${text}][${label}]`;
    }
    if (!fs.existsSync(path.join(root, repoPath))) throw new Error(`${from}: link to ${target}, which does not exist`);
    return baseUrl ? `[${text}](${joinUrl(baseUrl, repoPath)}${hash ? `#${hash}` : ''})` : text;
  });
}

/**
 * The packaged README's Markdown.
 * @param {{ baseUrl?: string, root?: string }} options
 */
export function packagedReadme({ baseUrl, root = ROOT } = {}) {
  if (baseUrl && !/^https:\/\/[^/]/.test(baseUrl)) throw new Error(`the base URL must be https://…: ${baseUrl}`);
  // The English README comes along under an anchor; links between the two become links within the page.
  const anchors = { 'README.en.md': ENGLISH_ANCHOR, 'README.md': CHINESE_ANCHOR };
  const embedded = new Map();
  const chinese = resolveLinks(fs.readFileSync(path.join(root, 'README.md'), 'utf8'), { baseUrl, root, from: 'README.md', anchors, embedded });
  const english = resolveLinks(fs.readFileSync(path.join(root, 'README.en.md'), 'utf8'), { baseUrl, root, from: 'README.en.md', anchors, embedded });
  const definitions = [...embedded].map(([label, uri]) => `[${label}]: ${uri}\n`).join('');
  return `<a id="${CHINESE_ANCHOR}"></a>\n\n${chinese.trimEnd()}\n\n---\n\n<a id="${ENGLISH_ANCHOR}"></a>\n\n${english.trimEnd()}\n${definitions ? `\n${definitions}` : ''}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const [out = path.join(ROOT, 'out', 'package', 'README.md')] = process.argv.slice(2);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, packagedReadme({ baseUrl: process.env.PHRASEBOOK_BASE_URL || undefined }));
}
