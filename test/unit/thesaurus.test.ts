// The search thesaurus is data read at run time (corpus/thesaurus.txt): the shipped file must parse
// cleanly, and an index must search with the thesaurus it is given, and only with it.
import * as assert from 'node:assert/strict';
import type { Item } from '../../src/core/model';
import { SearchIndex, Thesaurus } from '../../src/core/search';
import { builtinThesaurus } from './helpers';

const item = (id: string, text: string): Item => ({ id, corpusId: 't', categoryId: 'c', number: 1, line: 1, title: text.slice(0, 8), text });

describe('the search thesaurus', () => {
  it('ships corpus/thesaurus.txt without a refused line, each word in groups of one idea', () => {
    const thesaurus = builtinThesaurus();
    assert.deepEqual(thesaurus.problems, []);
    assert.ok(thesaurus.groups > 0);
    assert.ok(thesaurus.synonymsOf('开会').includes('会议'));
    assert.ok(thesaurus.synonymsOf('会议').includes('开会'), 'a group links both ways');
  });

  it('reads one group per line, skips comments and blank lines, and names the line it refuses', () => {
    const thesaurus = Thesaurus.parse('# a comment\n\n拖拉 拖延  拖沓\r\n孤词\n拖拉 abc 磨蹭\n');
    assert.equal(thesaurus.groups, 2);
    assert.deepEqual([...thesaurus.synonymsOf('拖拉')].sort(), ['拖沓', '拖延', '磨蹭'].sort(), 'groups sharing a word merge for it');
    assert.deepEqual(thesaurus.synonymsOf('磨蹭'), ['拖拉']);
    assert.deepEqual(
      thesaurus.problems.map((problem) => problem.line),
      [4, 5],
    );
    assert.match(thesaurus.problems[1].message, /abc/);
  });

  it('finds a paragraph worded differently only when the index has the thesaurus', () => {
    const items = [item('t/1', '干部队伍建设需要加强。'), item('t/2', '干部作风有待改进。'), item('t/3', '各类会议名目繁多，疲于应付。')];
    const query = '开会太多 干部';
    const withThesaurus = new SearchIndex(items, { thesaurus: Thesaurus.parse('开会 会议\n太多 繁多') }).search(query);
    assert.equal(withThesaurus[0]?.item.id, 't/3');
    const without = new SearchIndex(items).search(query);
    assert.notEqual(without[0]?.item.id, 't/3');
  });
});
