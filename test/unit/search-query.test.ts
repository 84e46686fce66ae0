import * as assert from 'node:assert/strict';
import { parseQuery, segmentLetters } from '../../src/core/search/query';
import { usageBoost } from '../../src/core/search/usage';
import { toRanges } from '../../src/core/search/ranges';
import { RANK } from '../../src/core/search/scoring';

const pieces = (run: string) => segmentLetters(run).pieces?.map((p) => p.text).join('|');

describe('search query parsing', () => {
  it('splits terms at spaces and punctuation, keeps Chinese and pinyin together, folds width and case', () => {
    assert.deepEqual(parseQuery(' 考察　干部，政治素质 ').terms.map((t) => t.text), ['考察', '干部', '政治素质']);
    assert.deepEqual(parseQuery('老好Ren').terms.map((t) => t.text), ['老好ren']);
    assert.deepEqual(parseQuery('ＪＤＱ').terms.map((t) => t.text), ['jdq']);
    assert.deepEqual(parseQuery('“”、').terms, []);
  });

  it('reads typed letters as whole syllables where it can, initials otherwise', () => {
    assert.equal(pieces('jiediqi'), 'jie|di|qi');
    assert.equal(pieces('laohaoren'), 'lao|hao|ren');
    assert.equal(pieces('jdq'), 'j|d|q');
    assert.equal(pieces('laohaor'), 'lao|hao|r');
    assert.equal(pieces('xueyon'), 'xue|yon');
    assert.equal(pieces('zhengzhisuzhi'), 'zheng|zhi|su|zhi');
  });

  it('scores every best reading of the letters the same (xian = 先 or 西安)', () => {
    const plan = segmentLetters('xian');
    assert.equal(plan.score, 4);
    assert.equal(plan.onPath[2], 1, 'xi|an is a best reading too');
  });

  it('gives index keys for two or more pieces and signature masks for every piece', () => {
    const [term] = parseQuery('卡脖子').terms;
    assert.equal(term.masks.length, 3);
    assert.ok(term.groups.length >= 3, 'two syllable pairs and one initial triple');
    assert.equal(parseQuery('政').terms[0].groups.length, 0);
  });
});

describe('search helpers', () => {
  it('merges matched positions into ranges relative to a field', () => {
    assert.deepEqual(toRanges([0, 1, 2, 5, 7, 8], 0, 100), [[0, 3], [5, 6], [7, 9]]);
    assert.deepEqual(toRanges([3, 4, 10], 2, 5), [[1, 3]]);
    assert.deepEqual(toRanges([], 0, 10), []);
  });

  it('bounds the usage boost and decays it with age', () => {
    const now = 1_700_000_000_000;
    assert.equal(usageBoost(undefined, now), 0);
    assert.equal(usageBoost({ count: 0, lastUsed: now }, now), 0);
    const fresh = usageBoost({ count: 1000, lastUsed: now }, now);
    assert.ok(fresh > 0 && fresh <= RANK.usage + 1e-12);
    const old = usageBoost({ count: 1000, lastUsed: now - 365 * 86_400_000 }, now);
    assert.ok(old < fresh);
    assert.ok(usageBoost({ count: 2, lastUsed: now }, now) < fresh);
  });
});
