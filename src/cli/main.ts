// phrasebook — the command line on the same core as the extension.
import { parseArgs } from 'node:util';
import * as commands from './commands';
import { docx } from './docx';
import { CliError, loadCorpus } from './io';

const HELP = `Usage: phrasebook <command> [options]

Commands:
  list                          Categories and their items
  show <id>                     One item's full text (id as in "list", e.g. builtin/llxx.11)
  search <query>                Items for a query: Chinese, pinyin (xueyongtuojie) or initials (xytj)
  import <text-file>            Turn plain outline text (一、 1. （1） ①) into a corpus file
  snippets <corpus.md>          VS Code snippets (.code-snippets JSON) for a corpus
  docx <report.md>              Word document in 公文 format (GB/T 9704); report.docx beside it unless -o

Options:
  --corpus <file>     Use this corpus instead of the built-in one (list, show, search)
  --json              Machine-readable output (list, show, search)
  --limit <n>         At most n results (search; default 10)
  -o, --output <file> Write to a file instead of stdout (import, snippets); the .docx to write (docx)
  --force             Replace an existing output file (docx)
  --id, --title, --language   Corpus front matter for import
  -h, --help          This help
`;

function run(argv: string[], out: (text: string) => void, err: (text: string) => void): number | Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      corpus: { type: 'string' },
      json: { type: 'boolean', default: false },
      limit: { type: 'string' },
      output: { type: 'string', short: 'o' },
      id: { type: 'string' },
      title: { type: 'string' },
      language: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
      force: { type: 'boolean', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') {
    out(HELP);
    return command === undefined && !values.help ? 1 : 0;
  }
  const needArgument = (name: string): string => {
    if (rest[0] === undefined) throw new CliError(`${command}: missing <${name}>\n\n${HELP}`, 1);
    return rest.join(' ');
  };
  // A query may be several words; an id or a file is one argument (quote a path with spaces).
  const needOne = (name: string): string => {
    if (rest.length > 1) throw new CliError(`${command}: expected one <${name}>, got ${rest.length}: ${rest.join(' ')}`, 1);
    return needArgument(name);
  };
  if (values.output !== undefined && command !== 'import' && command !== 'snippets' && command !== 'docx') {
    throw new CliError(`${command}: --output applies to import, snippets and docx only`, 1);
  }
  const warn = (line: string) => err(line);
  switch (command) {
    case 'list':
      out(commands.list(loadCorpus(values.corpus, warn), values.json));
      return 0;
    case 'show':
      out(commands.show(loadCorpus(values.corpus, warn), needOne('id'), values.json));
      return 0;
    case 'search': {
      const limit = values.limit === undefined ? 10 : Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new CliError(`--limit must be a positive whole number, not "${values.limit}"`, 1);
      out(commands.search(loadCorpus(values.corpus, warn), needArgument('query'), limit, values.json));
      return 0;
    }
    case 'import':
      commands.importText({ file: needOne('text-file'), output: values.output, id: values.id, title: values.title, language: values.language }, { out, err });
      return 0;
    case 'snippets':
      commands.snippets(loadCorpus(needOne('corpus.md'), warn), values.output, { out, err });
      return 0;
    case 'docx':
      return docx({ file: needOne('report.md'), output: values.output, force: values.force }, { out, err }).then(() => 0);
    default:
      throw new CliError(`unknown command: ${command}\n\n${HELP}`, 1);
  }
}

async function main(): Promise<void> {
  const out = (text: string) => process.stdout.write(text);
  const err = (text: string) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
  try {
    process.exitCode = await run(process.argv.slice(2), out, err);
  } catch (error) {
    if (error instanceof CliError) {
      err(`phrasebook: ${error.message}`);
      process.exitCode = error.exitCode;
    } else if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      err(`phrasebook: ${(error as Error).message}`);
      process.exitCode = 1;
    } else {
      throw error;
    }
  }
}

void main();
