// Writes a Corpus in the Markdown corpus format; parseCorpus(serializeCorpus(c)) gives c back.
import type { Category, Corpus, Item } from './model';

function frontMatterValue(value: string): string {
  // Quote only when YAML would otherwise misread the value.
  return /^[\s'"#&*!|>%@`{[-]|:\s|\s$/.test(value) ? JSON.stringify(value) : value;
}

function headingOf(category: Category): string {
  return category.ordinal ? `## ${category.ordinal}、${category.name}` : `## ${category.name}`;
}

function itemBlock(item: Item): string {
  const marker = `${item.number}. `;
  const indent = ' '.repeat(marker.length);
  return item.text
    .split('\n')
    .map((line, index) => (index === 0 ? marker + line : line === '' ? '' : indent + line))
    .join('\n');
}

export function serializeCorpus(corpus: Corpus): string {
  const frontMatter = ['---', `id: ${frontMatterValue(corpus.id)}`, `title: ${frontMatterValue(corpus.title)}`];
  if (corpus.language) frontMatter.push(`language: ${frontMatterValue(corpus.language)}`);
  frontMatter.push('---');
  const blocks = [frontMatter.join('\n')];
  for (const category of corpus.categories) {
    blocks.push(headingOf(category));
    for (const item of category.items) blocks.push(itemBlock(item));
  }
  return blocks.join('\n\n') + '\n';
}
