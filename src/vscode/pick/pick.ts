// The two picks the commands open: Insert Item… (one item) and Compose… (several, checked across queries).
import * as vscode from 'vscode';
import type { Item } from '../../core/model';
import type { Library } from '../library/library';
import type { ItemMarks } from '../marks/marks';
import { PickSession, type PickOptions } from './session';

export interface PickContext {
  library: Library;
  marks: ItemMarks;
  /** Told of every pick as it opens (the test API follows the open pick through it). */
  onDidOpen?: (session: PickSession) => void;
}

function open(ctx: PickContext, options: PickOptions): Promise<Item[] | undefined> {
  const session = new PickSession(ctx.library, ctx.marks, options);
  const items = session.run();
  ctx.onDidOpen?.(session);
  return items;
}

/** Lets the user pick one item; undefined when dismissed. */
export async function pickItem(ctx: PickContext): Promise<Item | undefined> {
  const items = await open(ctx, {
    title: vscode.l10n.t('Insert Phrasebook Item'),
    placeholder: vscode.l10n.t('Search by Chinese, pinyin or initials (e.g. 学用脱节, xueyong, xytj)'),
  });
  return items?.[0];
}

/** Lets the user check several items (across queries); undefined when dismissed. */
export function pickItems(ctx: PickContext): Promise<Item[] | undefined> {
  return open(ctx, {
    title: vscode.l10n.t('Compose from Phrasebook Items'),
    // Short: the input shares a 560 px pick with the check-all box, the "N Selected" badge and OK.
    placeholder: vscode.l10n.t('Check items, then press Enter'),
    canSelectMany: true,
  });
}
