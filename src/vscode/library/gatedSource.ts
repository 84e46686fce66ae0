// A corpus source shown only while a boolean setting is on (`phrasebook.builtinCorpus.enabled` hides the
// built-in corpus). The wrapped source keeps its corpora loaded, so turning the setting back on is instant.
import * as vscode from 'vscode';
import { Disposable } from '../common/disposable';
import type { CorpusSource, LoadedCorpus } from './library';

export class SettingGatedSource extends Disposable implements CorpusSource {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private enabled: boolean;

  constructor(
    private readonly inner: CorpusSource,
    private readonly setting: string,
  ) {
    super();
    this.enabled = this.read();
    this.register(inner);
    this.register(inner.onDidChange(() => this.changed.fire()));
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!event.affectsConfiguration(setting)) return;
        const enabled = this.read();
        if (enabled === this.enabled) return;
        this.enabled = enabled;
        this.changed.fire();
      }),
    );
  }

  private read(): boolean {
    const dot = this.setting.indexOf('.');
    return vscode.workspace.getConfiguration(this.setting.slice(0, dot)).get<boolean>(this.setting.slice(dot + 1), true);
  }

  get corpora(): readonly LoadedCorpus[] {
    return this.enabled ? this.inner.corpora : [];
  }

  reload(): Promise<void> {
    return this.inner.reload?.() ?? Promise.resolve();
  }
}
