// The extension's settings, read in one place with their defaults. Every key lives under `phrasebook.`.
import * as vscode from 'vscode';
import { INSERT_FORMATS, type InsertFormat, type TitleStyle } from '../../core/compose';

export const SECTION = 'phrasebook';

export interface InsertSettings {
  format: InsertFormat;
  titleStyle: TitleStyle;
  headingLevel: number;
}

export interface ComposeSettings {
  headingLevel: number;
  renumberCategories: boolean;
}

/** Settings for the document at `scope` (language-specific and folder settings apply). */
export function insertSettings(scope?: vscode.ConfigurationScope): InsertSettings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const format = config.get<string>('insert.format', 'paragraph');
  return {
    format: (INSERT_FORMATS as readonly string[]).includes(format) ? (format as InsertFormat) : 'paragraph',
    titleStyle: config.get<string>('insert.titleStyle', 'bold') === 'heading' ? 'heading' : 'bold',
    headingLevel: config.get<number>('insert.headingLevel', 3),
  };
}

export function composeSettings(scope?: vscode.ConfigurationScope): ComposeSettings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  return {
    headingLevel: config.get<number>('compose.headingLevel', 2),
    renumberCategories: config.get<boolean>('compose.renumberCategories', true),
  };
}

/** What clicking an item in the tree, or Enter on it, does. */
export type TreeEnterAction = 'insert' | 'preview';

export function treeEnterAction(): TreeEnterAction {
  return vscode.workspace.getConfiguration(SECTION).get<string>('tree.enterAction', 'insert') === 'preview' ? 'preview' : 'insert';
}
