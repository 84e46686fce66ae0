import * as assert from 'node:assert/strict';
import { decodeCorpusBytes } from '../../src/core/decode';
import { readCorpus, corpusIdFromFileName } from '../../src/core/read';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('readCorpus and decodeCorpusBytes', () => {
  it('reads UTF-8 with a BOM', () => {
    const { corpus, problems } = readCorpus(utf8('\ufeff## 甲\n\n1. 乙。\n'), '/x/团队 素材.md');
    assert.deepEqual(problems, []);
    assert.equal(corpus?.id, '团队-素材');
    assert.equal(corpus?.categories[0].items[0].text, '乙。');
  });

  it('refuses an empty file, binary bytes, bad UTF-8 and oversize files with a reason and a line', () => {
    assert.equal(decodeCorpusBytes(utf8(' \n\n')).problem?.code, 'empty');
    assert.equal(decodeCorpusBytes(new Uint8Array([0x23, 0x00, 0x41])).problem?.code, 'binary');
    const gbk = new Uint8Array([...utf8('## 甲\n\n'), 0xc4, 0xe3, 0xba, 0xc3]);
    assert.deepEqual([decodeCorpusBytes(gbk).problem?.code, decodeCorpusBytes(gbk).problem?.line], ['notUtf8', 3]);
    // A UTF-16 surrogate, an overlong form and a code point past U+10FFFF, each on line 3.
    for (const bad of [[0xed, 0xa0, 0x80], [0xe0, 0x80, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xc0, 0xaf]]) {
      const bytes = new Uint8Array([...utf8('## 甲\n\n'), ...bad, ...utf8('\n1. 乙\n')]);
      assert.deepEqual([decodeCorpusBytes(bytes).problem?.code, decodeCorpusBytes(bytes).problem?.line], ['notUtf8', 3], String(bad));
    }
    // Notepad's "Unicode" (UTF-16 with a BOM) is text to save as UTF-8, not binary.
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'## 甲\n'].flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8])]);
    assert.equal(decodeCorpusBytes(utf16).problem?.code, 'notUtf8');
    const big = decodeCorpusBytes(utf8('x'.repeat(101)), 100).problem;
    assert.equal(big?.code, 'tooLarge');
    assert.match(big?.message ?? '', /101 bytes.*100 bytes/);
  });

  it('derives ids from file names', () => {
    assert.equal(corpusIdFromFileName('C:\\a\\b\\述职 报告.md'), '述职-报告');
    assert.equal(corpusIdFromFileName('.md'), 'corpus');
    assert.equal(corpusIdFromFileName('file:///ws/.phrasebook/%E5%9B%A2%E9%98%9F%20%E7%B4%A0%E6%9D%90.md'), '团队-素材');
    assert.equal(corpusIdFromFileName('/x/100%.md'), '100%');
  });
});
