// A real reader for the Word export: LibreOffice (headless) turns the .docx into a PDF, poppler reads it back.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The 公文 fonts are drawn with Noto CJK SC (see fonts.conf); the checks hold with any CJK font. */
const env = { ...process.env, FONTCONFIG_FILE: path.join(here, 'fonts.conf'), HOME: process.env.HOME ?? '/tmp' };

/** Converts the .docx files to PDF in one LibreOffice run (its start-up is the slow part), in a private profile. */
export function convertToPdf(files, outDir) {
  const profile = fs.mkdtempSync(path.join(outDir, 'lo-profile-'));
  try {
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...files], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 600_000,
    });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  return files.map((file) => {
    const pdf = path.join(outDir, `${path.basename(file, '.docx')}.pdf`);
    if (!fs.existsSync(pdf)) throw new Error(`LibreOffice did not convert ${file}`);
    return pdf;
  });
}

/** pdfinfo's page count and size (points). */
export function pdfInfo(pdf) {
  const text = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const [, width, height] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(text);
  return { pages: Number(/Pages:\s+(\d+)/.exec(text)[1]), width: Number(width), height: Number(height), text };
}

const unescape = (text) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Every page's text lines with their boxes (points, y from the top), from `pdftotext -bbox-layout`. */
export function pdfLines(pdf) {
  const html = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map(([, width, height, body]) => ({
    width: Number(width),
    height: Number(height),
    lines: [...body.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)].map(([, xMin, yMin, xMax, yMax, words]) => {
      const parts = [...words.matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((match) => unescape(match[1]));
      return { xMin: Number(xMin), yMin: Number(yMin), xMax: Number(xMax), yMax: Number(yMax), text: parts.join(''), words: parts.length };
    }),
  }));
}

/** The first page as a PNG (pdftoppm), for the README. */
export function renderFirstPage(pdf, png, dpi = 60) {
  const prefix = png.replace(/\.png$/, '');
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', pdf, prefix]);
  return `${prefix}.png`;
}
