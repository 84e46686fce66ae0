// One concrete ranking per ranking rule: each test fails when its rule is taken out (checked by hand
// by neutralising the constant or the code path the test names).
import * as assert from 'node:assert/strict';
import { allItems, type Item } from '../../src/core/model';
import { SearchIndex, categoryAtLine, categoryForHeading, categoryLabels, type IndexOptions, type SearchHit } from '../../src/core/search';
import { splitWords } from '../../src/core/search/words';
import { builtinCorpus, builtinThesaurus } from './helpers';

const corpus = builtinCorpus();
const thesaurus = builtinThesaurus();
/** An index as the product builds it: with the shipped thesaurus. */
const searchIndex = (items: readonly Item[], options: IndexOptions = {}) => new SearchIndex(items, { thesaurus, ...options });
const builtin = searchIndex(allItems(corpus), { categories: categoryLabels([corpus]) });

let serial = 0;
function item(text: string, categoryId = 'c'): Item {
  serial++;
  const end = text.search(/[。！？；]/);
  const title = end >= 0 ? text.slice(0, end + 1) : text;
  return { id: `t/${categoryId}.${serial}`, corpusId: 't', categoryId, number: serial, title, text, line: 0 };
}

const order = (hits: SearchHit[]) => hits.map((hit) => hit.item.id);
const full = (hits: SearchHit[]) => hits.filter((hit) => hit.tier === 'full');

describe('ranking rules', () => {
  it('rarer reading: 对 (dui) ranks above 追 read as its rarer dui', () => {
    const zhui = item('他追一下就好了');
    const dui = item('他对一下就好了');
    const hits = searchIndex([zhui, dui]).search('dui');
    assert.deepEqual(order(hits), [dui.id, zhui.id]);
  });

  it('punctuation boundary: a phrase standing between punctuation ranks above the same phrase inside a sentence', () => {
    const inside = item('宣讲很接地气的方式好');
    const quoted = item('宣讲方式好，“接地气”');
    const hits = searchIndex([inside, quoted]).search('接地气');
    assert.equal(hits[0].item.id, quoted.id);
  });

  it('relative floor: a strong full match keeps weak full matches out', () => {
    const strong = item('有的当一天和尚撞一天钟。');
    const weak = item('有的当一天和尚啊');
    const hits = searchIndex([weak, strong]).search('当一天和尚撞一天钟');
    assert.deepEqual(order(full(hits)), [strong.id]);
  });

  it('homophones: 官撩主义 (IME slip) finds 官僚主义 as one piece, above a text holding 官 and 主义 apart', () => {
    const apart = item('做官要讲主义');
    const meant = item('反对官僚主义作风');
    const hits = searchIndex([apart, meant]).search('官撩主义');
    assert.equal(hits[0].item.id, meant.id);
    const [start, end] = hits[0].textRanges[0];
    assert.equal(meant.text.slice(start, end), '官僚主义');
  });

  it('word boundaries: initials spelling a whole word (形式主义) rank above ones straddling two (形式|装样子)', () => {
    const straddling = item('学习走形式装样子的问题');
    const whole = item('反对形式主义的问题');
    const hits = searchIndex([straddling, whole]).search('xszy');
    assert.deepEqual(order(hits), [whole.id, straddling.id]);
  });

  describe('tiers', () => {
    it('an extra word keeps the item holding the rest, as a partial match, instead of emptying the list', () => {
      const hits = builtin.search('纪律 老好人');
      assert.equal(hits[0].item.id, 'builtin/ljzl.7');
      assert.equal(hits[0].tier, 'partial');
      assert.ok(hits[0].textRanges.length > 0);
    });

    it('full matches come before partial ones', () => {
      const hits = builtin.search('躺平 斗争精神');
      assert.equal(hits[0].item.id, 'builtin/ddzw.5');
      assert.equal(hits[0].tier, 'full');
      const firstPartial = hits.findIndex((hit) => hit.tier === 'partial');
      assert.ok(firstPartial > 0, 'ddzw.1 holds only 斗争精神');
      assert.ok(hits.slice(firstPartial).every((hit) => hit.tier === 'partial'));
    });

    it('rare words count more than common ones in the partial tier', () => {
      const common = ['工作中存在问题较多', '学习上存在问题', '作风存在问题', '存在问题需要整改', '纪律方面存在问题'].map((text) => item(text));
      const rare = item('心存老好人思想');
      const hits = searchIndex([...common, rare]).search('存在问题 老好人');
      assert.equal(hits[0].item.id, rare.id);
      assert.equal(hits[0].tier, 'partial');
    });

    it('rarity counts typed Chinese as typed, not by its readings: 侥幸 (one item) outweighs 风险 (three) though 交行 shares its pinyin', () => {
      const fillers = Array.from({ length: 20 }, () => item('交行办理业务。'));
      const risky = [item('风险可控。'), item('风险可控啊。')];
      const lucky = item('存在侥幸心理。');
      const risk = item('注意防范风险。');
      const hits = searchIndex([...fillers, ...risky, risk, lucky]).search('风险 侥幸');
      assert.equal(hits[0]?.tier, 'partial');
      assert.equal(hits[0]?.item.id, lucky.id);
    });

    it('weak full matches: the one holding more of the query elsewhere in the item comes first (领导干部贪图享乐)', () => {
      const plain = item('领导干部忽视大局。');
      const more = item('领导干部忽视学习。不少人开始信奉享乐至上。');
      const hits = searchIndex([plain, more]).search('领导干部贪图享乐');
      assert.deepEqual(order(full(hits)), [more.id, plain.id]);
    });

    it('a query sharing nothing meaningful returns nothing: no full match and at most 3 partial ones', () => {
      for (const query of ['明天天气预报下雨', '世界杯足球决赛', '手机屏幕碎了怎么办']) {
        const hits = builtin.search(query);
        assert.equal(full(hits).length, 0, query);
        assert.ok(hits.length <= 3, `${query}: ${order(hits).join(' ')}`);
      }
      assert.deepEqual(builtin.search('明天天气预报下雨'), []);
    });
  });

  describe('near-synonyms (partial tier)', () => {
    const fillers = () => ['干部队伍建设需要加强。', '干部作风有待改进。', '干部教育培训不够。', '做事要认真负责。'].map((text) => item(text));

    it('a word the library words differently counts through its near-synonym: 开会太多 finds 会议…繁多', () => {
      const meant = item('各类会议名目繁多，疲于应付。');
      const hits = searchIndex([...fillers(), meant]).search('开会太多 干部');
      assert.equal(hits[0]?.item.id, meant.id);
      assert.equal(hits[0]?.tier, 'partial');
    });

    it('a stock phrase stays whole and finds its variant: 做事拖拖拉拉 finds 能拖则拖 above 做事', () => {
      const meant = item('部分干部能拖则拖、能躲则躲。');
      const hits = searchIndex([...fillers(), meant]).search('做事拖拖拉拉');
      assert.equal(hits[0]?.item.id, meant.id);
    });

    it('a thesaurus word no item holds still counts by the pieces items hold: 啃硬骨头 finds 难啃的骨头 beside 攻坚克难', () => {
      const piece = item('不愿接难啃的骨头。');
      const synonym = item('敢于攻坚克难。');
      const hits = searchIndex([...fillers(), synonym, piece]).search('啃硬骨头 干部');
      assert.deepEqual(order(hits).sort(), [piece.id, synonym.id].sort());
    });

    it('thesaurus words are cut on word boundaries only, and a negation stays with its verb', () => {
      assert.deepEqual(splitWords('不愿意听群众意见', thesaurus), ['不愿意', '听', '群众', '意见']);
      assert.deepEqual(splitWords('在意识形态领域', thesaurus), ['在', '意识', '形态', '领域'], 'no 在意 across 在|意识');
      assert.deepEqual(splitWords('就绕着走', thesaurus), ['就', '绕着走']);
      assert.deepEqual(splitWords('就绕着走', thesaurus, () => false), ['就绕着走'], 'a word the caller refuses is left to the segmenter');
    });

    it('a word items hold as typed still counts through its near-synonyms: 调研 不深入 finds 调研…了解不深 first', () => {
      // 不深入 is held as typed elsewhere (从不深入基层…调查研究); the item on 调研 says 了解不深.
      const hits = builtin.search('调研 不深入');
      assert.equal(hits[0]?.item.id, 'builtin/gzzf.1', order(hits).join(' '));
    });

    it('one stock phrase is enough when the library words it differently: 上面说一套下面做一套 finds 打折扣', () => {
      const meant = item('执行政策打折扣。');
      const hits = searchIndex([...fillers(), meant]).search('上面说一套下面做一套');
      assert.deepEqual(order(hits), [meant.id]);
      assert.equal(hits[0].tier, 'partial');
    });

    it('a common two-character piece never stands in for a thesaurus word: 出了问题 is not 问题', () => {
      // Most items hold 问题; 出了问题 counts through 发生后 (nlbl.17) and through no piece of it, so only the
      // items that also hold 下属 or a synonym of 推给 or 下属 (gzzf.7: 交给下属…转嫁责任; ddzw.4: 分管干部…
      // 往外推) are listed.
      const hits = builtin.search('出了问题推给下属');
      assert.deepEqual(order(hits).sort(), ['builtin/ddzw.4', 'builtin/gzzf.7', 'builtin/nlbl.17']);
    });
  });

  describe('partial tier admission and order', () => {
    it('an item repeating a found word (it is about it) ranks above one naming it once', () => {
      const once = item('风险意识不强，工作很多。');
      const about = item('风险无处不在，风险意识不强，风险点多，风险隐患大。');
      const hits = searchIndex([once, about, item('学习不够深入。')]).search('风险 走神');
      assert.deepEqual(order(hits), [about.id, once.id]);
    });

    it('a hit must hold an uncommon word: 学习 and 方法 (in many items) alone do not match 学习英语口语的方法', () => {
      assert.deepEqual(order(builtin.search('学习英语口语的方法')), []);
      // One uncommon word is enough: 接地气 (one item) with the same common company.
      assert.equal(builtin.search('学习接地气的方法')[0]?.item.id, 'builtin/llxx.5');
    });

    it('a hit must hold a fair part of what was typed: 世界 alone does not match 世界杯足球决赛', () => {
      const world = ['树立正确的世界观。', '世界百年未有之大变局。', '改造主观世界和客观世界。'].map((text) => item(text));
      const index = searchIndex([...world, item('干部作风有待改进。')]);
      assert.deepEqual(index.search('世界杯足球决赛'), []);
      assert.equal(index.search('大变局 足球')[0]?.item.id, world[1].id, 'a found word that is most of the query still counts');
    });

    it('a stretch remembered word for word, held by one item, makes it a hit among everyday words (没有先例)', () => {
      assert.deepEqual(order(builtin.search('遇到新情况没有先例 不知道怎么干')), ['builtin/nlbl.1']);
      // Not when many items hold the stretch: 理论学习 alone is no match for the rest.
      const common = ['理论学习不深入。', '理论学习不系统。', '理论学习走过场。'].map((text) => item(text));
      assert.deepEqual(searchIndex([...common, item('干部作风有待改进。')]).search('周末在家理论学习打游戏看电影'), []);
    });
  });

  describe('near-synonyms, negatives', () => {
    it('a negative query stays empty: synonyms never create a match from common words alone', () => {
      for (const query of ['开会讨论周末聚餐', '手机屏幕碎了怎么办', '明天天气预报下雨']) {
        const hits = builtin.search(query);
        assert.equal(full(hits).length, 0, query);
        assert.ok(hits.length <= 3, `${query}: ${order(hits).join(' ')}`);
      }
    });
  });

  it('category names count for every item in the category: 作风 太平官 narrows to 工作作风', () => {
    const hits = builtin.search('作风 太平官');
    assert.equal(hits[0].item.id, 'builtin/gzzf.8');
    assert.equal(hits[0].tier, 'full');
    assert.ok(hits[0].textRanges.length > 0, '太平官 is marked');
    // Without category names the same query finds no full match.
    assert.equal(full(searchIndex(allItems(corpus)).search('作风 太平官')).length, 0);
  });

  describe('fuzzy pinyin and typos', () => {
    it('sushiqu finds 舒适区 (s for sh); bengling konghuang finds 本领恐慌 (eng for en)', () => {
      assert.equal(builtin.search('sushiqu')[0]?.item.id, 'builtin/nlbl.2');
      assert.equal(builtin.search('bengling konghuang')[0]?.item.id, 'builtin/nlbl.1');
    });

    it('the caller chooses the pairs: yicicunsui (一池春水 with c for ch, s for sh) needs c-ch and s-sh', () => {
      assert.equal(builtin.search('yicicunsui')[0]?.item.id, 'builtin/ddzw.4');
      assert.equal(full(builtin.search('yicicunsui', { fuzzyPinyin: ['z-zh', 'an-ang'] })).length, 0);
    });

    it('an exact spelling ranks above a fuzzy one', () => {
      const fuzzy = item('留恋舒适区');
      const exact = item('设立速食区');
      const hits = searchIndex([fuzzy, exact]).search('sushiqu');
      assert.deepEqual(order(hits), [exact.id, fuzzy.id]);
    });

    it('the syllable still being typed may be fuzzy too: xingshizua finds 形式装 (zhuang typed zua…), fangshon 放松 (song typed shon…)', () => {
      const zhuang = item('学习走形式装样子。');
      const song = item('不能放松要求。');
      const other = item('形式多样的活动。');
      const index = searchIndex([other, zhuang, song]);
      assert.equal(index.search('xingshizua')[0]?.item.id, zhuang.id);
      assert.equal(index.search('xingshi zua')[0]?.item.id, zhuang.id);
      assert.equal(index.search('fangshon')[0]?.item.id, song.id);
      // Off with the pairs: zua is then only the start of zuan, shon the start of nothing.
      const scoreOf = (hits: SearchHit[]) => hits.find((hit) => hit.item.id === zhuang.id)?.score ?? 0;
      assert.ok(scoreOf(index.search('xingshizua', { fuzzyPinyin: [] })) < scoreOf(index.search('xingshizua')) - 0.1);
      assert.equal(full(index.search('fangshon', { fuzzyPinyin: ['l-n'] })).length, 0);
    });

    it('the issue\'s half-typed examples: bengling kongh finds 本领恐慌, sushiq 舒适区', () => {
      assert.equal(builtin.search('bengling kongh')[0]?.item.id, 'builtin/nlbl.1');
      assert.equal(builtin.search('benglingkongh')[0]?.item.id, 'builtin/nlbl.1');
      assert.equal(builtin.search('sushiq')[0]?.item.id, 'builtin/nlbl.2');
    });

    it('an exact beginning of the syllable being typed ranks above a fuzzy one: xingshizu → 形式组 before 形式装', () => {
      const zhuang = item('学习走形式装样子。');
      const zu = item('学习走形式组织。');
      assert.deepEqual(order(searchIndex([zhuang, zu]).search('xingshizu')), [zu.id, zhuang.id]);
    });

    it('one typo in a long pinyin word is forgiven (swapped letters)', () => {
      assert.equal(builtin.search('yigangshaungze')[0]?.item.id, 'builtin/ljzl.5');
      assert.equal(builtin.search('yigangshaungze', { fuzzyPinyin: [] })[0]?.item.id, 'builtin/ljzl.5');
    });
  });

  describe('context', () => {
    it('items used in the document sink below unused ones of similar quality, and stay findable', () => {
      const first = item('要有接地气的作风');
      const second = item('要有接地气的作风');
      const index = searchIndex([first, second]);
      assert.deepEqual(order(index.search('接地气')), [first.id, second.id]);
      assert.deepEqual(order(index.search('接地气', { usedInDocument: new Set([first.id]) })), [second.id, first.id]);
    });

    it('the preferred category comes first among equally good hits, never above a better one', () => {
      const a = item('要有接地气的作风', 'llxx');
      const b = item('要有接地气的作风', 'gzzf');
      const exact = item('接地气', 'llxx');
      const index = searchIndex([a, b]);
      assert.deepEqual(order(index.search('接地气', { preferCategory: 'gzzf' })), [b.id, a.id]);
      const withExact = searchIndex([exact, a, b]);
      assert.equal(withExact.search('接地气', { preferCategory: 'gzzf' })[0].item.id, exact.id);
    });

    it('recognises a heading naming a category by name, id or ordinal', () => {
      const { categories } = corpus;
      assert.equal(categoryForHeading('## 一、理论学习方面', categories), 'llxx');
      assert.equal(categoryForHeading('### （一）工作作风', categories), 'gzzf');
      assert.equal(categoryForHeading('## 关于**廉洁自律**', categories), 'ljzl');
      assert.equal(categoryForHeading('## ddzw', categories), 'ddzw');
      assert.equal(categoryForHeading('## 三、', categories), 'nlbl');
      assert.equal(categoryForHeading('## 三、下一步打算', categories), undefined);
      const lines = ['# 对照检查', '## 二、政治素质方面', '### 1. 具体表现', '正文', '## 下一步打算', '正文'];
      assert.equal(categoryAtLine(lines, 3, categories), 'zzsz');
      assert.equal(categoryAtLine(lines, 5, categories), undefined);
    });
  });

  it('exact recall: an item holding the phrase verbatim is found even when hundreds of others hold its keys in their titles', () => {
    // The decoys' titles hold every key of the phrase, as many times as the target's title does.
    const decoys = Array.from({ length: 400 }, (_, k) => item(`春风化，风化雨，化雨润，雨润物；润物无声${k}。后文`));
    const target = item('春风化雨润物无声。后文');
    const index = searchIndex([...decoys, target]);
    assert.equal(index.search('春风化雨润物', { limit: 5 })[0]?.item.id, target.id);
  });

  it('exact first: an item holding the query as typed ranks above items holding its terms apart, even in their titles', () => {
    // 学有效。平 splits into the terms 学有效 and 平; the decoys hold both in their titles (+title bonus).
    const decoys = Array.from({ length: 6 }, (_, k) => item(`要学有效方法，平${k}稳推进。`));
    const target = item('大家都在讲。要学有效。平时多用功。');
    const hits = searchIndex([...decoys, target]).search('学有效。平');
    assert.equal(hits[0]?.item.id, target.id);
    // Approximate (a skipped character) but in the title is still below verbatim in the text.
    const skipped = item('热衷于空泛表态。');
    const verbatim = item('有的同志啊。热衷空泛表态。');
    assert.equal(searchIndex([skipped, verbatim]).search('热衷空泛表态')[0]?.item.id, verbatim.id);
  });

  it('one very long item: highlighting a 48-character query allocates by the query, not by the item', function () {
    this.timeout(120_000); // building a 2 M-character index on a loaded machine
    const filler = '统筹推进各项工作落实见效，';
    const needle = '在把斗争精神落实落细到工作中还有差距没有很好地理解和把握好团结同志和发扬斗争精神之间的关系对';
    const text = filler.repeat(Math.ceil(2_000_000 / filler.length)) + needle + '。';
    const index = searchIndex([item(text)]);
    const query = needle.slice(0, 48);
    const globals = globalThis as unknown as Record<string, unknown>;
    const saved = { Int32Array: globals.Int32Array, Int8Array: globals.Int8Array };
    let largest = 0;
    for (const name of ['Int32Array', 'Int8Array'] as const) {
      const Original = saved[name] as Int32ArrayConstructor;
      globals[name] = class extends Original {
        constructor(...args: ConstructorParameters<Int32ArrayConstructor>) {
          super(...args);
          largest = Math.max(largest, this.length);
        }
      };
    }
    let hits: SearchHit[];
    try {
      hits = index.search(query, { limit: 1 });
    } finally {
      Object.assign(globals, saved);
    }
    assert.equal(hits.length, 1);
    assert.equal(hits[0].textRanges.length, 1);
    assert.equal(text.slice(...hits[0].textRanges[0]), query);
    assert.ok(largest < 1_000_000, `largest typed array during search: ${largest} elements`);
  });
});
