// A corpus source shown only while a boolean setting is on (`phrasebook.builtinCorpus.enabled` hides the
// built-in corpus). The wrapped source keeps its corpora loaded, so turning the setting back on is instant.
import * as vscode from 'vscode';
import type { CorpusSource, LoadedCorpus } from './library';

export class SettingGatedSource implements CorpusSource {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[];
  private enabled: boolean;

  constructor(
    private readonly inner: CorpusSource,
    private readonly setting: string,
  ) {
    this.enabled = this.read();
    this.disposables = [
      this.changed,
      inner.onDidChange(() => this.changed.fire()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!event.affectsConfiguration(setting)) return;
        const enabled = this.read();
        if (enabled === this.enabled) return;
        this.enabled = enabled;
        this.changed.fire();
      }),
    ];
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

  dispose(): void {
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.inner.dispose();
  }
}
