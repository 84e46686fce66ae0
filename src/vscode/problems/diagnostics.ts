// Problems → vscode.Diagnostic, the one place that builds them (corpus files and imported outlines).
import * as vscode from 'vscode';
import { diagnosticData } from '../../core/diagnostics';
import type { Problem } from '../../core/model';
import { problemMessage } from './problemMessages';

export interface DiagnosticPlacement {
  /** Lines before the text the problems' lines count from (an imported selection). */
  lineOffset?: number;
  /** Characters before the text on its first line. */
  firstLineOffset?: number;
  /** How serious each problem looks here; default: errors are errors, warnings warnings. */
  severity?: Record<Problem['severity'], vscode.DiagnosticSeverity>;
}

const CORPUS_SEVERITY = { error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning };

/** `lines` (the text, when it could be decoded) lets each range cover the offending line's text. */
export function toDiagnostics(problems: readonly Problem[], lines?: readonly string[], placement: DiagnosticPlacement = {}): vscode.Diagnostic[] {
  const { lineOffset = 0, firstLineOffset = 0, severity = CORPUS_SEVERITY } = placement;
  return diagnosticData(problems, lines).map((data) => {
    const shift = data.line === 0 ? firstLineOffset : 0;
    const line = data.line + lineOffset;
    const range = new vscode.Range(line, data.startCharacter + shift, line, data.endCharacter + shift);
    const diagnostic = new vscode.Diagnostic(range, problemMessage(data), severity[data.severity]);
    diagnostic.source = 'Phrasebook';
    diagnostic.code = data.code;
    return diagnostic;
  });
}
