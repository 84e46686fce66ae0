// Commands that act on the open pick's highlighted row, bound to keys while a Phrasebook pick is open
// (`phrasebook.pickOpen`): the keyboard path to a row's buttons.
import * as vscode from 'vscode';
import type { OpenPick } from '../testApi';

export function registerPickCommands(openPick: OpenPick): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('phrasebook.pick.toggleFavourite', async () => {
      await openPick.current?.toggleActiveFavourite();
    }),
  ];
}
