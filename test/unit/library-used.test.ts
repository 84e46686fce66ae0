import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatItem, INSERT_FORMATS } from '../../src/core/compose';
import { UsedIndex } from '../../src/core/used';
import { clearHistory, emptyHistory, orderForEmptyQuery, parseHistoryState, rankOf, recordUse, toggleFavourite } from '../../src/core/history';

describe('library: used-in-document detection', () => {
  const items = [
    { id: 'a', text: '对党的创新理论学习不够全面系统，学习成效未能达到“事半功倍”。' },
    { id: 'b', text: '调研不够深入。' },
    { id: 'c', text: '第一段很长很长很长很长。\n\n第二段也很长很长。' },
    { id: 'd', text: '对党的创新理论学习不够全面系统，但这是另一条。' },
  ];
  const index = new UsedIndex(items);

  it('finds items whose whole text is in the document, whitespace and wrapping ignored', () => {
    const doc = '# 报告\n\n- 对党的创新理论学习不够全面系统，\n  学习成效未能达到“事半功倍”。\n\n第一段很长很长很长很长。\n第二段也很长很长。\n';
    assert.deepEqual([...index.find(doc)].sort(), ['a', 'c']);
  });

  it('finds items inserted in every format: bold lead sentence, heading, list item, numbered', () => {
    const item = { title: '第一段很长很长很长很长。', text: items[2].text };
    for (const format of INSERT_FORMATS) {
      for (const titleStyle of ['bold', 'heading'] as const) {
        const doc = `# 报告\n\n${formatItem(item, format, { titleStyle })}\n`;
        assert.deepEqual([...index.find(doc)], ['c'], `${format} ${titleStyle}:\n${doc}`);
      }
    }
  });

  it('finds items shorter than the fingerprint', () => {
    assert.deepEqual([...index.find('前言。调研不够深入。后记')], ['b']);
  });

  it('does not count a partial text or items sharing a fingerprint', () => {
    assert.deepEqual([...index.find('对党的创新理论学习不够全面系统，学习成效')], []);
    assert.deepEqual([...index.find('对党的创新理论学习不够全面系统，但这是另一条。')], ['d']);
  });

  it('agrees with a naive search (property)', () => {
    const alphabet = fc.constantFrom('甲', '乙', '丙', '。', ' ', '\n');
    const text = fc.array(alphabet, { minLength: 1, maxLength: 20 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 8 }), fc.array(alphabet, { maxLength: 80 }), (texts, docChars) => {
        const candidates = texts.map((t, i) => ({ id: String(i), text: t }));
        const doc = docChars.join('') + texts[0];
        // Oracle written independently of normalizeForMatch: drop the alphabet's whitespace characters.
        const strip = (s: string) => [...s].filter((ch) => ch !== ' ' && ch !== '\n').join('');
        const expected = candidates
          .filter((c) => strip(c.text) !== '' && strip(doc).includes(strip(c.text)))
          .map((c) => c.id);
        assert.deepEqual([...new UsedIndex(candidates, 4).find(doc)].sort(), expected.sort());
      }),
    );
  });

  it('finds exactly the used items of a large library in a large document', () => {
    const many = Array.from({ length: 10000 }, (_, i) => ({ id: `x${i}`, text: `第${i}条素材的正文，内容各不相同，编号${i}。` }));
    const big = new UsedIndex(many);
    const doc = Array.from({ length: 2000 }, (_, i) => `第${i * 5}条素材的正文，内容各不相同，编号${i * 5}。`).join('\n\n');
    const found = big.find(doc);
    assert.deepEqual([...found].sort(), Array.from({ length: 2000 }, (_, i) => `x${i * 5}`).sort());
  });
});

describe('library: history and favourites', () => {
  const items = ['a', 'b', 'c', 'd', 'e'];

  it('puts favourites, then recently used, then the rest in corpus order', () => {
    let state = emptyHistory();
    state = recordUse(state, ['c'], 1000);
    state = recordUse(state, ['e'], 2000);
    state = toggleFavourite(state, 'd');
    assert.deepEqual(orderForEmptyQuery(items, state, (x) => x), ['d', 'e', 'c', 'a', 'b']);
    state = recordUse(state, ['c'], 3000);
    assert.deepEqual(orderForEmptyQuery(items, state, (x) => x), ['d', 'c', 'e', 'a', 'b']);
    assert.deepEqual([rankOf(state, 'd'), rankOf(state, 'c'), rankOf(state, 'a')], ['favourite', 'recent', 'other']);
  });

  it('counts uses, unpins on a second toggle, and clears history but not favourites', () => {
    let state = recordUse(recordUse(emptyHistory(), ['a'], 1), ['a'], 2);
    assert.deepEqual(state.usage.a, { count: 2, lastUsed: 2 });
    state = toggleFavourite(toggleFavourite(state, 'b'), 'c');
    assert.deepEqual(state.favourites, ['c', 'b']);
    state = toggleFavourite(state, 'c');
    assert.deepEqual(state.favourites, ['b']);
    assert.deepEqual(clearHistory(state), { usage: {}, favourites: ['b'] });
    assert.deepEqual(clearHistory(state, true), emptyHistory());
  });

  it('keeps only the most recent entries', () => {
    let state = emptyHistory();
    for (let i = 0; i < 10; i++) state = recordUse(state, [`i${i}`], i, 3);
    assert.deepEqual(Object.keys(state.usage).sort(), ['i7', 'i8', 'i9']);
  });

  it('survives damaged stored state', () => {
    assert.deepEqual(parseHistoryState(undefined), emptyHistory());
    assert.deepEqual(parseHistoryState('x'), emptyHistory());
    assert.deepEqual(
      parseHistoryState({ usage: { a: { count: 2, lastUsed: 5 }, b: { count: 'x' }, c: null }, favourites: ['a', 'a', 3] }),
      { usage: { a: { count: 2, lastUsed: 5 } }, favourites: ['a'] },
    );
  });
});
