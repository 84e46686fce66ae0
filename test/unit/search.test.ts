import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { allItems, type Item } from '../../src/core/model';
import { SearchIndex, type SearchHit, type Range } from '../../src/core/search';
import { builtinCorpus } from './helpers';

const items = allItems(builtinCorpus());
const index = new SearchIndex(items);

function ids(query: string, limit = 5): string[] {
  return index.search(query, { limit }).map((hit) => hit.item.id);
}

function top(query: string): SearchHit {
  const [hit] = index.search(query, { limit: 1 });
  assert.ok(hit, `no result for ${query}`);
  return hit;
}

function marked(text: string, ranges: Range[]): string[] {
  return ranges.map(([start, end]) => text.slice(start, end));
}

function item(id: string, title: string, rest = ''): Item {
  const [categoryId, number] = id.split('.');
  return { id: `t/${id}`, corpusId: 't', categoryId, number: Number(number), title, text: title + rest, line: 0 };
}

describe('SearchIndex', () => {
  it('indexes every item and returns nothing for an empty or blank query', () => {
    assert.equal(index.size, items.length);
    assert.deepEqual(index.search(''), []);
    assert.deepEqual(index.search('   '), []);
    assert.deepEqual(index.search('，。“”'), []);
    assert.deepEqual(new SearchIndex([]).search('接地气'), []);
  });

  describe('Chinese phrases', () => {
    it('puts the item holding the phrase on top and marks exactly the phrase', () => {
      const hit = top('接地气');
      assert.equal(hit.item.id, 'builtin/llxx.5');
      assert.deepEqual(marked(hit.item.text, hit.textRanges), ['接地气']);
      assert.deepEqual(hit.titleRanges, []);
    });

    it('finds all items sharing a phrase', () => {
      assert.deepEqual(ids('学用脱节', 2).sort(), ['builtin/llxx.11', 'builtin/llxx.12']);
      assert.deepEqual(ids('马放南山', 2).sort(), ['builtin/nlbl.16', 'builtin/nlbl.6']);
    });

    it('ranks a match in the title above the same match in the text', () => {
      const small = new SearchIndex([item('a.1', '甲乙丙。', '学用脱节。'), item('a.2', '学用脱节。', '甲乙丙。')]);
      const hits = small.search('学用脱节');
      assert.deepEqual(hits.map((h) => h.item.id), ['t/a.2', 't/a.1']);
      assert.deepEqual(hits[0].titleRanges, [[0, 4]]);
      assert.deepEqual(hits[0].textRanges, [[0, 4]]);
      assert.deepEqual(hits[1].titleRanges, []);
      assert.deepEqual(hits[1].textRanges, [[4, 8]]);
    });
  });

  describe('pinyin', () => {
    it('finds a phrase typed in full pinyin without an IME', () => {
      assert.equal(top('jiediqi').item.id, 'builtin/llxx.5');
      const hit = top('laohaoren');
      assert.equal(hit.item.id, 'builtin/ljzl.7');
      assert.deepEqual(marked(hit.item.text, hit.textRanges), ['老好人']);
      assert.deepEqual(ids('xueyongtuojie', 2).sort(), ['builtin/llxx.11', 'builtin/llxx.12']);
    });

    it('finds a phrase by initials', () => {
      assert.deepEqual(ids('xytj', 2).sort(), ['builtin/llxx.11', 'builtin/llxx.12']);
      assert.equal(top('lhr').item.id, 'builtin/ljzl.7');
      assert.equal(top('jdq').item.id, 'builtin/llxx.5');
      assert.deepEqual(marked(top('lhr').item.text, top('lhr').textRanges), ['老好人']);
    });

    it('accepts full and partial syllables mixed while typing, and Chinese mixed with pinyin', () => {
      for (const query of ['laohaor', 'laoh', 'lhren', '老好ren', 'laohao人']) {
        assert.equal(top(query).item.id, 'builtin/ljzl.7', query);
      }
      assert.ok(['builtin/llxx.11', 'builtin/llxx.12'].includes(top('xueyongtj').item.id), top('xueyongtj').item.id);
      assert.ok(ids('形式zhuyi').includes('builtin/gzzf.12'));
    });

    it('reads polyphones every way they can be read (卡脖子: ka or qia)', () => {
      for (const query of ['qiabozi', 'kabozi', 'qbz', 'qiabz']) {
        assert.equal(top(query).item.id, 'builtin/nlbl.4', query);
      }
      assert.ok(ids('kbz').includes('builtin/nlbl.4'));
      assert.deepEqual(marked(top('qbz').item.text, top('qbz').textRanges), ['卡脖子']);
    });

    it('accepts ü typed as v or u (略 lve / lue) and upper case', () => {
      const small = new SearchIndex([item('a.1', '策略不够科学。'), item('a.2', '方法不够科学。')]);
      assert.equal(small.search('celve')[0]?.item.id, 't/a.1');
      assert.equal(small.search('celue')[0]?.item.id, 't/a.1');
      assert.equal(small.search('CeLue')[0]?.item.id, 't/a.1');
    });

    it('ignores tone marks (jiēdìqì, cèlüè)', () => {
      assert.equal(top('jiēdìqì').item.id, 'builtin/llxx.5');
      assert.equal(top('lǎohǎorén').item.id, 'builtin/ljzl.7');
      const small = new SearchIndex([item('a.1', '策略不够科学。'), item('a.2', '方法不够科学。')]);
      assert.equal(small.search('cèlüè')[0]?.item.id, 't/a.1');
    });
  });

  describe('forgiving Chinese', () => {
    it('survives a homophone picked by the IME', () => {
      const hit = top('官撩主义');
      assert.equal(hit.item.id, 'builtin/gzzf.12');
      assert.deepEqual(marked(hit.item.title, hit.titleRanges), ['官僚主义']);
      assert.ok(ids('形式注意').includes('builtin/gzzf.12'));
      assert.equal(top('老好仁').item.id, 'builtin/ljzl.7');
    });

    it('matches several words in any order', () => {
      for (const query of ['考察 干部 政治素质', '政治素质 考察 干部', '干部，考察']) {
        assert.equal(top(query).item.id, 'builtin/zzsz.4', query);
      }
      const hit = top('留痕 台账');
      assert.equal(hit.item.id, 'builtin/gzzf.4');
      assert.deepEqual(marked(hit.item.text, hit.textRanges).sort(), ['台账', '留痕']);
    });

    it('requires every word of a multi-word query for a full match; the rest is a partial match', () => {
      const hits = index.search('接地气 量子计算机', { limit: 5 });
      assert.deepEqual(hits.filter((hit) => hit.tier === 'full'), []);
      assert.deepEqual(hits.map((hit) => hit.item.id), ['builtin/llxx.5']);
    });

    it('tolerates skipped characters and marks only the characters found', () => {
      const hit = top('热衷空泛表态');
      assert.equal(hit.item.id, 'builtin/gzzf.6');
      assert.deepEqual(marked(hit.item.text, hit.textRanges), ['热衷', '空泛', '表态']);
      assert.equal(top('按下葫芦起瓢').item.id, 'builtin/nlbl.18');
      assert.equal(top('一天和尚一天钟').item.id, 'builtin/gzzf.10');
    });

    it('finds a half-remembered heading, marked in the title', () => {
      const hit = top('斗争策略不科学');
      assert.equal(hit.item.id, 'builtin/ddzw.6');
      assert.deepEqual(marked(hit.item.title, hit.titleRanges), ['斗争策略', '不', '科学']);
      assert.equal(top('干部政治素质考察不严').item.id, 'builtin/zzsz.4');
      assert.equal(top('宣传创新理论缺创新').item.id, 'builtin/llxx.5');
    });
  });

  describe('result set', () => {
    it('does not flood: queries with nothing reasonable to match return few or no items', () => {
      for (const query of ['量子计算机', '足球比赛结果', '巧克力蛋糕', 'kkkkkk', 'qwxzpt', 'zzzxxx']) {
        assert.ok(index.search(query).length <= 2, `${query}: ${ids(query, 50).join(' ')}`);
      }
      assert.deepEqual(index.search('量子计算机'), []);
    });

    it('cuts pasted pages to a phrase-sized query instead of searching them whole', () => {
      // 65 536 letters in one run once wrapped a 16-bit index and never returned.
      assert.deepEqual(index.search('a'.repeat(70000)), []);
      const paragraph = items.find((candidate) => candidate.id === 'builtin/llxx.11')!.text;
      assert.ok(paragraph.length > 100);
      assert.equal(index.search(paragraph.repeat(50))[0]?.item.id, 'builtin/llxx.11');
      // Terms beyond the eighth are ignored; all kept ones must still match.
      assert.equal(index.search(`接地气 ${'jdq '.repeat(5000)}`)[0]?.item.id, 'builtin/llxx.5');
    });

    it('keeps weak matches out when a strong one exists', () => {
      assert.ok(index.search('当一天和尚撞一天钟').length <= 3);
    });

    it('honours limit and orders by score', () => {
      const hits = index.search('政治', { limit: 7 });
      assert.equal(hits.length, 7);
      for (let k = 1; k < hits.length; k++) assert.ok(hits[k - 1].score >= hits[k].score);
      assert.deepEqual(index.search('政治', { limit: 0 }), []);
    });

    it('returns ranges inside the strings, sorted and disjoint', () => {
      for (const query of ['政治', 'zhengzhi', 'zz', '考察 干部', '热衷空泛表态', 'qbz']) {
        for (const hit of index.search(query)) {
          for (const [ranges, text] of [
            [hit.titleRanges, hit.item.title],
            [hit.textRanges, hit.item.text],
          ] as const) {
            let last = 0;
            for (const [start, end] of ranges) {
              assert.ok(start >= last && end > start && end <= text.length, `${query} ${JSON.stringify(ranges)}`);
              last = end;
            }
          }
          assert.ok(hit.textRanges.length > 0 || hit.titleRanges.length > 0, query);
        }
      }
    });

    it('finds any phrase cut from any item (property)', () => {
      fc.assert(
        fc.property(fc.nat(items.length - 1), fc.nat(1000), fc.integer({ min: 2, max: 8 }), (k, at, length) => {
          const text = items[k].text.replace(/[^\u4e00-\u9fff]/g, '');
          const start = at % Math.max(1, text.length - length);
          const phrase = text.slice(start, start + length);
          const hits = index.search(phrase, { limit: 50 });
          assert.ok(hits.length > 0, phrase);
          assert.ok(hits[0].score >= 1 - 1e-9, `${phrase}: top score ${hits[0].score}`);
        }),
        { numRuns: 200, seed: 42 },
      );
    });
  });

  describe('usage', () => {
    const twins = new SearchIndex([item('u.1', '形式主义问题。'), item('u.2', '形式主义现象。'), item('u.3', '行事主意。')]);

    it('lifts recently and often used items among comparable matches', () => {
      assert.equal(twins.search('形式主义')[0].item.id, 't/u.1');
      const now = Date.UTC(2025, 0, 31);
      const usage = { 't/u.2': { count: 5, lastUsed: now - 3_600_000 } };
      const hits = twins.search('形式主义', { usage, now });
      assert.equal(hits[0].item.id, 't/u.2');
      assert.ok(hits[0].score > hits[1].score);
    });

    it('counts recency: an item used long ago is lifted less than one used today', () => {
      const now = Date.UTC(2025, 0, 31);
      const usage = {
        't/u.1': { count: 3, lastUsed: now - 200 * 86_400_000 },
        't/u.2': { count: 3, lastUsed: now },
      };
      assert.equal(twins.search('形式主义', { usage, now })[0].item.id, 't/u.2');
    });

    it('never lifts a poor match above an exact one', () => {
      const now = Date.UTC(2025, 0, 31);
      const usage = { 't/u.3': { count: 1000, lastUsed: now } };
      const hits = twins.search('形式主义', { usage, now });
      assert.notEqual(hits[0].item.id, 't/u.3');
      assert.ok(!twins.search('接地气', { usage, now }).length, 'usage alone never makes a result');
    });
  });

  describe('buildAsync', () => {
    it('builds the same index as the constructor', async () => {
      const built = await SearchIndex.buildAsync(items);
      assert.equal(built.size, items.length);
      for (const query of ['jdq', '官撩主义', '考察 干部 政治素质']) {
        assert.deepEqual(
          built.search(query).map((h) => [h.item.id, h.score, h.textRanges]),
          index.search(query).map((h) => [h.item.id, h.score, h.textRanges]),
        );
      }
    });

    it('yields to the event loop while building, and its slices add up to the same index', async () => {
      const many = Array.from({ length: 3000 }, (_, k) => item(`b.${k + 1}`, items[k % items.length].text));
      let ticks = 0;
      const timer = setInterval(() => ticks++, 0);
      let built: SearchIndex;
      try {
        built = await SearchIndex.buildAsync(many);
      } finally {
        clearInterval(timer);
      }
      assert.ok(ticks > 0, 'no timer ran during the build');
      const whole = new SearchIndex(many);
      for (const query of ['jdq', '形式主义', 'xueyongtuojie']) {
        assert.deepEqual(
          built.search(query, { limit: 500 }).map((h) => [h.item.id, h.score]),
          whole.search(query, { limit: 500 }).map((h) => [h.item.id, h.score]),
        );
      }
    });

    it('rejects with an AbortError when aborted', async () => {
      const controller = new AbortController();
      const building = SearchIndex.buildAsync(items, { signal: controller.signal });
      controller.abort();
      await assert.rejects(building, (error: Error) => error.name === 'AbortError');
    });
  });
});
