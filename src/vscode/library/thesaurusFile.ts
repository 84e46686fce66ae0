// The search thesaurus (corpus/thesaurus.txt) is read through the corpus reader when the library builds its
// first index, rather than bundled: it keeps ~25 KB of Chinese out of the browser bundle.
import * as vscode from 'vscode';
import { Thesaurus } from '../../core/search';
import type { CorpusWorkspace } from '../../core/workspace';

/** The thesaurus the extension ships; without it search still works, only everyday wording finds less. */
export async function readThesaurus(extensionUri: vscode.Uri, files: Pick<CorpusWorkspace, 'readFile'>, log: vscode.LogOutputChannel): Promise<Thesaurus> {
  const uri = vscode.Uri.joinPath(extensionUri, 'corpus', 'thesaurus.txt');
  try {
    const thesaurus = Thesaurus.parse(new TextDecoder().decode(await files.readFile(uri.toString())));
    for (const problem of thesaurus.problems) log.warn(`${uri.toString(true)}:${problem.line}: ${problem.message}`);
    return thesaurus;
  } catch (error) {
    log.warn(`${uri.toString(true)}: ${String(error)}; searching without near-synonyms`);
    return Thesaurus.empty;
  }
}
