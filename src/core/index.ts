// The pure core as a library (dist/core.js): no vscode, usable from scripts, the CLI and benchmarks.
export * from './model';
export { parseCorpus, splitHeading, type ParseOptions, type ParseResult } from './parse';
export { serializeCorpus, type CorpusComment } from './serialize';
export { importOutline, type ImportOptions, type ImportResult } from './importer';
export { escapeSnippetText, snippetFileText, snippetsForCorpus, snippetPrefixes, type Snippet } from './snippets';
export { decodeCorpusBytes, MAX_CORPUS_BYTES } from './decode';
export { readCorpus, corpusIdFromFileName, type ReadResult } from './read';
export { corpusIdFromTitle, isValidCorpusId } from './template';
export { pinyinInitials } from './pinyin';
export { fullPinyin } from './fullPinyin';
export { titleOf, shortNameOf } from './text';
export { SearchIndex, Thesaurus, type SearchHit, type SearchOptions, type UsageStats, type Range } from './search';
export { composeMarkdown, type ComposeOptions } from './compose';
export * from './export';
