// Corpus problems in the writer's language: the core's English template for the code is the l10n key.
import * as vscode from 'vscode';
import type { Problem } from '../../core/model';
import { messageArgs, PROBLEM_MESSAGES } from '../../core/problems';

export function problemMessage(problem: Pick<Problem, 'code' | 'args'>): string {
  return vscode.l10n.t(PROBLEM_MESSAGES[problem.code], ...messageArgs(problem.code, problem.args));
}
