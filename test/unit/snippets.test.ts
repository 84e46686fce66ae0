import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import fc from 'fast-check';
import { importOutline } from '../../src/core/importer';
import { completionKeys, completionMatches } from '../../src/core/completion';
import { allItems } from '../../src/core/model';
import { escapeSnippetText, snippetsForCorpus } from '../../src/core/snippets';
import { BUILTIN } from '../../scripts/generate';
import { builtinSnippetsText } from '../../scripts/generate';
import { builtinCorpus } from './helpers';

/**
 * What VS Code's snippet parser makes of a body, for the subset that matters here: `\` escapes
 * `$`, `}` and `\`; any other `\` is literal; an unescaped `$` that starts a tabstop, placeholder
 * or variable, or an unescaped `}`, means the body would not be inserted literally.
 */
function insertedText(body: string): string {
  let out = '';
  for (let index = 0; index < body.length; index++) {
    const char = body[index];
    if (char === '\\' && '$}\\'.includes(body[index + 1] ?? '')) {
      out += body[++index];
    } else if (char === '$' && /[0-9{A-Za-z_]/.test(body[index + 1] ?? '')) {
      throw new Error(`unescaped snippet syntax at ${index}`);
    } else if (char === '}') {
      throw new Error(`unescaped } at ${index}`);
    } else {
      out += char;
    }
  }
  return out;
}

describe('snippet escaping', () => {
  it('escapes $, } and \\', () => {
    assert.equal(escapeSnippetText('费用$1 ${x} a\\b'), '费用\\$1 \\${x\\} a\\\\b');
  });

  it('round-trips arbitrary text through the snippet grammar', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('$', '}', '{', '\\', '1', 'a', '中', ' ', ':', '|', ',') }), (text) => {
        assert.equal(insertedText(escapeSnippetText(text)), text);
      }),
      { numRuns: 2000 },
    );
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => insertedText(escapeSnippetText(text)) === text));
  });

  it('the test grammar itself rejects unescaped syntax', () => {
    assert.throws(() => insertedText('a$1'));
    assert.throws(() => insertedText('${x}'));
  });
});

describe('snippetsForCorpus', () => {
  const corpus = builtinCorpus();
  const snippets = snippetsForCorpus(corpus);

  it('has one snippet per item with ASCII and Chinese prefixes', () => {
    assert.equal(Object.keys(snippets).length, allItems(corpus).length);
    const snippet = snippets['理论学习 11'];
    assert.deepEqual(snippet.prefix, ['llxx11', '理论学习11']);
    assert.match(snippet.description, /^理论学习 11 · 个别班子成员/);
    for (const { prefix } of Object.values(snippets)) assert.match(prefix[0], /^[a-z]+\d+$/);
  });

  it('bodies insert every item text exactly', () => {
    const byPrefix = new Map(Object.values(snippets).map((snippet) => [snippet.prefix[0], snippet]));
    for (const category of corpus.categories) {
      for (const item of category.items) {
        const snippet = byPrefix.get(`${category.id}${item.number}`)!;
        assert.equal(insertedText(snippet.body.join('\n')), item.text, item.id);
      }
    }
  });

  it('keeps every item when two categories share a short name', () => {
    const { corpus: clash } = importOutline('一、理论学习方面存在问题\n1.甲。\n二、理论学习方面\n1.乙。', { id: 't' });
    const entries = Object.entries(snippetsForCorpus(clash)).map(([name, snippet]) => [name, snippet.prefix, snippet.body]);
    assert.deepEqual(entries, [
      ['理论学习 1', ['llxx1', '理论学习1'], ['甲。']],
      ['理论学习 1 (t/llxx2.1)', ['llxx21', '理论学习1'], ['乙。']],
    ]);
  });

  it('keeps multi-line items as body lines', () => {
    const corpus2 = { ...corpus, categories: [{ ...corpus.categories[0], items: [{ ...corpus.categories[0].items[0], text: '一$\n\n二}' }] }] };
    assert.deepEqual(Object.values(snippetsForCorpus(corpus2))[0].body, ['一\\$', '', '二\\}']);
  });
});

describe('generated snippets', () => {
  it('are up to date with corpus/builtin.md', () => {
    const committed = fs.readFileSync(BUILTIN.snippets, 'utf8');
    assert.ok(committed === builtinSnippetsText(), 'snippets/builtin.code-snippets is out of date: run npm run gen:snippets');
  });

  it('are not contributed in package.json: the completion serves the built-in corpus, once per item', () => {
    const manifest = JSON.parse(fs.readFileSync(BUILTIN.snippets.replace(/snippets[\\/]builtin\.code-snippets$/, 'package.json'), 'utf8'));
    assert.equal(manifest.contributes.snippets, undefined);
  });

  it('lose no prefix: the completion offers every snippet prefix with the same text', () => {
    const corpus = builtinCorpus();
    const keys = completionKeys([corpus]);
    const snippets = Object.values(snippetsForCorpus(corpus));
    assert.equal(snippets.length, allItems(corpus).length);
    for (const snippet of snippets) {
      for (const prefix of snippet.prefix) {
        // Typed after other text, as a writer does mid-sentence.
        const matches = completionMatches(`我们${prefix}`, keys).filter((match) => match.label === prefix);
        assert.ok(matches.length > 0, `${prefix} is not offered`);
        assert.ok(
          matches.some((match) => escapeSnippetText(match.item.text) === snippet.body.join('\n')),
          `${prefix} does not offer the snippet's text`,
        );
      }
    }
  });
});
