// phrasebook — the command line on the same core as the extension.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import * as commands from './commands';
import { docx } from './docx';
import { CliError, checkOutput, loadCorpus, reporter } from './io';

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
  -o, --output <file> Write to a new file instead of stdout (import, snippets); the .docx to write (docx)
  --force             Let --output replace an existing file (never the input)
  --id, --title, --language   Corpus front matter for import
  -h, --help          This help
  --version           The version

Exit status: 0 done (warnings may have been printed); 1 bad arguments, or an output
file that exists or is the input; 2 a file that cannot be read or written;
3 done, but error-level problems were reported (text was left out of the result).
`;

/** Error-level problems were reported: the output was written, but without some of the input's text. */
const EXIT_PROBLEMS = 3;

/** package.json sits next to dist/ in the repo and in the package. */
function version(): string {
  return (JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;
}

async function run(argv: string[], out: (text: string) => void, err: (text: string) => void): Promise<number> {
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
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.version) {
    out(`${version()}\n`);
    return 0;
  }
  if (values.help || command === 'help') {
    out(HELP);
    return 0;
  }
  // Nothing asked for: usage is the error message, so it goes to stderr.
  if (command === undefined) throw new CliError(`no command given\n\n${HELP}`, 1);
  const needArgument = (name: string): string => {
    if (rest[0] === undefined) throw new CliError(`${command}: missing <${name}>\n\n${HELP}`, 1);
    return rest.join(' ');
  };
  // A query may be several words; an id or a file is one argument (quote a path with spaces).
  const needOne = (name: string): string => {
    if (rest.length > 1) throw new CliError(`${command}: expected one <${name}>, got ${rest.length}: ${rest.join(' ')}`, 1);
    return needArgument(name);
  };
  for (const [option, given] of [['--output', values.output !== undefined], ['--force', values.force]] as const) {
    if (given && command !== 'import' && command !== 'snippets' && command !== 'docx') throw new CliError(`${command}: ${option} applies to import, snippets and docx only`, 1);
  }
  const problems = reporter(err);
  const io = { out, err, problems };
  switch (command) {
    case 'list':
      out(commands.list(loadCorpus(values.corpus, problems), values.json));
      break;
    case 'show':
      out(commands.show(loadCorpus(values.corpus, problems), needOne('id'), values.json));
      break;
    case 'search': {
      const limit = values.limit === undefined ? 10 : Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new CliError(`--limit must be a positive whole number, not "${values.limit}"`, 1);
      out(commands.search(loadCorpus(values.corpus, problems), needArgument('query'), limit, values.json));
      break;
    }
    case 'import':
      commands.importText(
        { file: needOne('text-file'), output: values.output, force: values.force, id: values.id, title: values.title, language: values.language },
        io,
      );
      break;
    case 'snippets': {
      const file = needOne('corpus.md');
      checkOutput(values.output, file, values.force);
      commands.snippets(loadCorpus(file, problems), values.output, values.force, io);
      break;
    }
    case 'docx':
      await docx({ file: needOne('report.md'), output: values.output, force: values.force }, io);
      break;
    default:
      throw new CliError(`unknown command: ${command}\n\n${HELP}`, 1);
  }
  return problems.errors > 0 ? EXIT_PROBLEMS : 0;
}

async function main(): Promise<void> {
  // A reader that stops early (`phrasebook list --json | head -c 100`) closes the pipe: end quietly,
  // as other command-line tools do, instead of dying on an unhandled EPIPE.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit();
    });
  }
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
