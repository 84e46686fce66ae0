// The corpus shipped with the extension (`corpus/builtin.md`) as a library source.
import * as vscode from 'vscode';
import { corpusFromJson } from '../../core/corpusJson';
import type { Problem } from '../../core/model';
import type { CorpusWorkspace } from '../../core/workspace';
import { readCorpus } from '../../core/read';
import type { CorpusSource, LoadedCorpus } from './library';

/** Corpus problems (or a file that could not be read) are reported here; diagnostics can plug in later. */
export type ProblemReporter = (uri: vscode.Uri, problems: readonly Problem[], error?: unknown) => void;

/**
 * The corpus shipped with the extension: `corpus/builtin.md`. Read through the host's corpus workspace:
 * on the Node host from its own disk (in a remote window vscode.workspace.fs would carry it through the
 * browser during activation), in the browser through VS Code's file systems.
 */
export class BuiltinCorpusSource implements CorpusSource {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private loaded: LoadedCorpus[] = [];
  /** Which file the corpus came from: the parsed builtin.json, or builtin.md when that was unusable. */
  from?: 'json' | 'markdown';

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly files: Pick<CorpusWorkspace, 'readFile'>,
    private readonly report?: ProblemReporter,
  ) {}

  get uri(): vscode.Uri {
    return vscode.Uri.joinPath(this.extensionUri, 'corpus', 'builtin.md');
  }

  get corpora(): readonly LoadedCorpus[] {
    return this.loaded;
  }

  /**
   * The corpus as `npm run gen:corpus` parsed it (corpus/builtin.json), which spares activation the
   * Markdown parse; undefined when that file is missing or not of this version's format.
   */
  private async readParsed(): Promise<LoadedCorpus | undefined> {
    const json = vscode.Uri.joinPath(this.extensionUri, 'corpus', 'builtin.json');
    let bytes: Uint8Array;
    try {
      bytes = await this.files.readFile(json.toString());
    } catch {
      return undefined;
    }
    const corpus = corpusFromJson(new TextDecoder().decode(bytes), this.uri.toString());
    return corpus && { corpus, uri: this.uri, builtin: true };
  }

  private async readMarkdown(): Promise<LoadedCorpus | undefined> {
    const { corpus, problems } = readCorpus(await this.files.readFile(this.uri.toString()), this.uri.toString());
    if (problems.length > 0) this.report?.(this.uri, problems);
    return corpus && { corpus, uri: this.uri, builtin: true };
  }

  async reload(): Promise<void> {
    let next: LoadedCorpus[] = [];
    try {
      const parsed = await this.readParsed();
      const corpus = parsed ?? (await this.readMarkdown());
      this.from = parsed ? 'json' : corpus ? 'markdown' : undefined;
      next = corpus ? [corpus] : [];
    } catch (error) {
      this.report?.(this.uri, [], error);
    }
    this.loaded = next;
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
