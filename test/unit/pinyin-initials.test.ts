// Category ids and corpus ids are pinyin initials; they moved from pinyin-pro's pinyin() to generated tables
// (src/core/pinyin.ts). Ids of existing corpora must not change, so the new function is compared with
// pinyin-pro's over every character and word it knows, realistic names and generated texts.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pinyin } from 'pinyin-pro';
import DICT1 from 'pinyin-pro/dist/esm/data/dict1.mjs';
import { PatternsNormal } from 'pinyin-pro/dist/esm/common/segmentit/index.mjs';
import { INITIALS_TABLE_FILE, initialsTableText } from '../../scripts/initialsTable';
import { hanCodes, readingTable } from '../../scripts/readingTable';
import { pinyinInitials } from '../../src/core/pinyin';
import { shortNameOf } from '../../src/core/text';
import { ROOT } from './helpers';

/** What src/core/pinyin.ts did before: pinyin-pro at run time. */
function pinyinProInitials(text: string): string {
  const letters = pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' });
  return letters.join('').toLowerCase().replace(/[^a-z0-9]/g, '');
}

function differences(texts: Iterable<string>): { count: number; examples: string[] } {
  let count = 0;
  const examples: string[] = [];
  for (const text of texts) {
    const ours = pinyinInitials(text);
    const theirs = pinyinProInitials(text);
    if (ours === theirs) continue;
    count++;
    if (examples.length < 10) examples.push(`${JSON.stringify(text)}: ${ours}, pinyin-pro ${theirs}`);
  }
  return { count, examples };
}

function assertSame(texts: string[], minimum: number): void {
  assert.ok(texts.length >= minimum, `only ${texts.length} texts`);
  const { count, examples } = differences(texts);
  assert.equal(count, 0, `${count} of ${texts.length} differ from pinyin-pro:\n${examples.join('\n')}`);
}

/** Every line of the corpus files, seeds and fixtures in the repo, and each heading's short name. */
function realisticNames(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.(md|txt)$/.test(entry.name)) files.push(file);
    }
  };
  walk(path.join(ROOT, 'corpus'));
  walk(path.join(ROOT, 'test', 'fixtures'));
  const names = new Set<string>();
  for (const file of files) {
    for (const raw of fs.readFileSync(file, 'utf8').split('\n')) {
      const line = raw.trim();
      if (!/\p{Script=Han}/u.test(line)) continue;
      names.add(line);
      const heading = /^#+\s*(.*)$/.exec(line)?.[1];
      if (heading) names.add(shortNameOf(heading).slice(0, 64));
    }
  }
  return [...names];
}

const words = [...new Set(PatternsNormal.map((pattern) => pattern.zh))];

function characters(): string[] {
  const chars: string[] = [];
  DICT1.NumberDICT.forEach((reading, code) => {
    if (reading) chars.push(String.fromCharCode(code));
  });
  chars.push(...DICT1.StringDICT.keys());
  return chars;
}

/** A small deterministic generator, so a failure repeats. */
function random(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % below;
  };
}

describe('pinyin initials (category ids) without pinyin-pro at run time', function () {
  this.timeout(120_000);

  it('the word table is what pinyin-pro gives today (run npm run gen:readings if not)', () => {
    assert.ok(
      fs.readFileSync(INITIALS_TABLE_FILE, 'utf8') === initialsTableText(readingTable(), hanCodes()),
      'src/core/pinyinWords.generated.ts is out of date: run npm run gen:readings',
    );
  });

  it('reads every character pinyin-pro knows as pinyin-pro does', () => {
    assertSame(characters(), 20_000);
  });

  it('reads every word of pinyin-pro’s dictionary as pinyin-pro does, alone and between neighbours', () => {
    const next = random(7);
    const chars = characters();
    assertSame(words, 4_000);
    assertSame(
      words.map((word) => chars[next(chars.length)] + word + chars[next(chars.length)]),
      4_000,
    );
  });

  it('gives every heading and line of the corpora, seeds and fixtures the id pinyin-pro gives', () => {
    assertSame(realisticNames(), 100);
  });

  it('agrees on generated two-to-eight-character texts of dictionary words, overlapping words and characters', () => {
    const next = random(42);
    const chars = characters().filter((char) => char.length === 1);
    const texts: string[] = [];
    for (let n = 0; n < 40_000; n++) {
      const length = 2 + next(7);
      let text = '';
      while (text.length < length) text += next(3) > 0 ? words[next(words.length)] : chars[next(chars.length)];
      texts.push(text.slice(0, length));
    }
    // Words that overlap (the end of one is the start of the next), where the segmentation must choose.
    const byFirst = new Map<string, string[]>();
    for (const word of words) byFirst.set(word[0], [...(byFirst.get(word[0]) ?? []), word]);
    for (const word of words) {
      const following = byFirst.get(word[word.length - 1]) ?? [];
      for (const other of following.slice(0, 3)) texts.push(word + other.slice(1));
    }
    assertSame(texts, 40_000);
  });

  it('agrees on text beside Latin letters, digits, punctuation, repeats (々), 一, 不, 了 and supplementary characters', () => {
    assertSame(
      [
        '々', '人々', 'A々', '々々', '一一', '一不', '说一说', '说不说', '了', '好了', '了解', '不了了之',
        '一〇一', '二〇二六年工作总结', '２０２６年', 'Café 重要', 'ABC银行DEF', '（一）理论学习', '第1章 长期调查',
        '𠅤行', '行𠅤', '𫭟重', '\uD800重', '重\uDC00', '', ' ', '重要!', 'İ行', 'ê重', '重行行长长',
      ],
      20,
    );
  });
});
