// "Enable Suggestions While Typing in Markdown": VS Code keeps `editor.quickSuggestions` off for Markdown,
// so snippets (`llxx11`) pop up only on Ctrl+Space. The command turns them on in the `[markdown]` block at
// the level the writer picks, keeping the block's other keys, and says what it changed. The first time a
// Phrasebook snippet is used, it is offered once.
import * as vscode from 'vscode';

const ENABLE_SUGGESTIONS_COMMAND = 'phrasebook.enableSuggestions';
/** globalState key: set once the offer was shown, so it is never shown again. */
const OFFERED_KEY = 'phrasebook.suggestionsOffered';
/** Suggestions for words in the text; none inside code (`comments`/`strings` are code-only scopes). */
const MARKDOWN_QUICK_SUGGESTIONS = { other: 'on', comments: 'off', strings: 'off' } as const;

export type SettingsLevel = 'user' | 'workspace';

export interface EnableSuggestionsArgs {
  /** Skips the Quick Pick. */
  level?: SettingsLevel;
  /** Show the "changed" message (default true). */
  notify?: boolean;
}

export interface EnableSuggestionsResult {
  level: SettingsLevel;
  before: unknown;
  after: unknown;
}

const TARGETS: Record<SettingsLevel, vscode.ConfigurationTarget> = {
  user: vscode.ConfigurationTarget.Global,
  workspace: vscode.ConfigurationTarget.Workspace,
};

const markdownConfiguration = () => vscode.workspace.getConfiguration('', { languageId: 'markdown' });

/** Whether suggestions already pop up for words in Markdown (at any level). */
export function markdownSuggestionsOn(): boolean {
  const value = markdownConfiguration().get<unknown>('editor.quickSuggestions');
  if (value === true || value === 'on') return true;
  return typeof value === 'object' && value !== null && ((value as Record<string, unknown>).other === 'on' || (value as Record<string, unknown>).other === true);
}

/** The `[markdown]` value of editor.quickSuggestions written at `level`, or undefined. */
function valueAt(level: SettingsLevel): unknown {
  const inspected = markdownConfiguration().inspect('editor.quickSuggestions');
  return level === 'user' ? inspected?.globalLanguageValue : inspected?.workspaceLanguageValue;
}

async function askLevel(): Promise<SettingsLevel | undefined> {
  type Choice = vscode.QuickPickItem & { level: SettingsLevel };
  const choices: Choice[] = [
    { level: 'user', label: vscode.l10n.t('User Settings'), description: vscode.l10n.t('every folder you open') },
  ];
  if (vscode.workspace.workspaceFolders?.length) {
    choices.push({ level: 'workspace', label: vscode.l10n.t('Workspace Settings'), description: vscode.l10n.t('this workspace only') });
  }
  const picked = await vscode.window.showQuickPick(choices, {
    title: vscode.l10n.t('Show suggestions while typing in Markdown'),
    placeHolder: vscode.l10n.t('Where should the setting be saved?'),
  });
  return picked?.level;
}

export async function enableSuggestions(args: EnableSuggestionsArgs = {}): Promise<EnableSuggestionsResult | undefined> {
  const level = args.level ?? (await askLevel());
  if (!level) return undefined;
  if (level === 'workspace' && !vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder first: workspace settings belong to a folder.'));
    return undefined;
  }
  const before = valueAt(level);
  try {
    // overrideInLanguage: written into the `[markdown]` block, next to the keys already there.
    await markdownConfiguration().update('editor.quickSuggestions', { ...MARKDOWN_QUICK_SUGGESTIONS }, TARGETS[level], true);
  } catch (error) {
    // A settings.json with a syntax error, or an untrusted workspace: VS Code refuses the write.
    showSuggestionsError(error);
    return undefined;
  }
  const after = valueAt(level);
  if (args.notify !== false) showChange(level, before, after).catch(showSuggestionsError);
  return { level, before, after };
}

/** Says why suggestions could not be turned on, where the writer sees it. */
export function showSuggestionsError(error: unknown): void {
  void vscode.window.showErrorMessage(
    vscode.l10n.t('Could not turn on suggestions while typing: {0}', error instanceof Error ? error.message : String(error)),
  );
}

async function showChange(level: SettingsLevel, before: unknown, after: unknown): Promise<void> {
  const where = level === 'user' ? vscode.l10n.t('User Settings') : vscode.l10n.t('Workspace Settings');
  const message = vscode.l10n.t(
    'Set "editor.quickSuggestions" in the [markdown] block of {0} to {1} (was {2}). Phrasebook snippets now appear while you type.',
    where,
    JSON.stringify(after),
    before === undefined ? vscode.l10n.t('not set') : JSON.stringify(before),
  );
  const open = vscode.l10n.t('Open Settings (JSON)');
  if ((await vscode.window.showInformationMessage(message, open)) === open) {
    await vscode.commands.executeCommand(level === 'user' ? 'workbench.action.openSettingsJson' : 'workbench.action.openWorkspaceSettingsFile');
  }
}

/** Asks the writer; replaceable by tests, which cannot click a notification. */
export type Ask = (message: string, ...choices: string[]) => Thenable<string | undefined>;

/**
 * Offers the command once, after the first use of a Phrasebook snippet, unless suggestions are on already.
 * Watches for that use (`watch` starts a detector) only while an offer could still be made: not once it was
 * made, and not while suggestions are on.
 */
export class SuggestionOffer implements vscode.Disposable {
  ask: Ask = (message, ...choices) => vscode.window.showInformationMessage(message, ...choices);
  /** What "Turn On…" runs; tests replace it to skip the level pick. */
  enable: () => Thenable<unknown> = () => vscode.commands.executeCommand(ENABLE_SUGGESTIONS_COMMAND);
  private detector?: vscode.Disposable;
  private readonly listener: vscode.Disposable;

  constructor(
    private readonly state: vscode.Memento,
    private readonly watch: (onUse: () => void) => vscode.Disposable = () => ({ dispose() {} }),
  ) {
    this.listener = vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('editor.quickSuggestions', { languageId: 'markdown' })) this.rearm();
    });
    this.rearm();
  }

  get offered(): boolean {
    return this.state.get<boolean>(OFFERED_KEY, false);
  }

  /** Whether a snippet use is being watched for (tests). */
  get watching(): boolean {
    return this.detector !== undefined;
  }

  private rearm(): void {
    if (this.offered || markdownSuggestionsOn()) {
      this.detector?.dispose();
      this.detector = undefined;
    } else {
      this.detector ??= this.watch(() => void this.snippetUsed().catch(showSuggestionsError));
    }
  }

  /** Called on a snippet use; asks at most once in this profile's life. Resolves to the answer. */
  async snippetUsed(): Promise<'enabled' | 'failed' | 'declined' | 'dismissed' | 'skipped'> {
    if (this.offered || markdownSuggestionsOn()) return 'skipped';
    await this.state.update(OFFERED_KEY, true); // before asking: a second snippet while the toast is up must not ask again
    this.rearm();
    const turnOn = vscode.l10n.t('Turn On…');
    const never = vscode.l10n.t("Don't Ask Again");
    const answer = await this.ask(
      vscode.l10n.t('Phrasebook snippets can pop up while you type in Markdown (VS Code keeps that off for Markdown; Ctrl+Space shows them meanwhile). Turn suggestions on?'),
      turnOn,
      never,
    );
    if (answer === turnOn) {
      try {
        await this.enable();
      } catch (error) {
        showSuggestionsError(error);
        return 'failed';
      }
      return 'enabled';
    }
    return answer === never ? 'declined' : 'dismissed';
  }

  /** Forgets that the offer was made (tests). */
  async reset(): Promise<void> {
    await this.state.update(OFFERED_KEY, undefined);
    this.rearm();
  }

  dispose(): void {
    this.listener.dispose();
    this.detector?.dispose();
  }
}

export function registerSuggestionCommand(): vscode.Disposable {
  return vscode.commands.registerCommand(ENABLE_SUGGESTIONS_COMMAND, (args?: EnableSuggestionsArgs) => enableSuggestions(args ?? {}));
}
