import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { polyphonic } from 'pinyin-pro';
import { READING_TABLE_FILE, readingTableText } from '../../scripts/readingTable';
import { CharClass, CHAR_CLASS, INITIALS_MASK, READING_COUNT, READING_POOL, READING_START, ensureReadingTables } from '../../src/core/search/readings';
import { HAN_RANGES } from '../../src/core/search/readingTableFormat';
import { INITIAL_OF, syllableId } from '../../src/core/search/syllables';

describe('search: the generated reading table', () => {
  it('is what pinyin-pro gives today (run npm run gen:readings if not)', () => {
    assert.ok(fs.readFileSync(READING_TABLE_FILE, 'utf8') === readingTableText(), 'src/core/search/readingTable.generated.ts is out of date: run npm run gen:readings');
  });

  it('gives every Han character exactly the readings pinyin-pro lists for it at run time', () => {
    ensureReadingTables();
    const codes: number[] = [];
    for (const [from, to] of HAN_RANGES) for (let code = from; code <= to; code++) codes.push(code);
    let text = '';
    for (let i = 0; i < codes.length; i += 4096) text += String.fromCharCode(...codes.slice(i, i + 4096));
    const readings = polyphonic(text, { toneType: 'none', type: 'array' });
    let mismatches = 0;
    let withReadings = 0;
    codes.forEach((code, index) => {
      const expected: number[] = [];
      for (const raw of readings[index] ?? []) {
        const id = syllableId(raw.replace(/ü/g, 'v'));
        if (id >= 0 && !expected.includes(id)) expected.push(id);
      }
      const actual = [...READING_POOL.subarray(READING_START[code], READING_START[code] + READING_COUNT[code])];
      const mask = expected.reduce((bits, id) => bits | (1 << INITIAL_OF[id]), 0);
      const kind = expected.length > 0 ? CharClass.Han : CharClass.HanNoReading;
      if (actual.join() !== expected.join() || INITIALS_MASK[code] !== mask || CHAR_CLASS[code] !== kind) mismatches++;
      if (expected.length > 0) withReadings++;
    });
    assert.equal(mismatches, 0);
    assert.ok(withReadings > 20_000, `only ${withReadings} characters have readings`);
  });
});
