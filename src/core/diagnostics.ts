// Problems → what a Problems-panel entry needs: a 0-based range, a severity and the problem's code/args
// for the localized message. No vscode import; the extension turns these into vscode.Diagnostic.
import type { Problem } from './model';

export interface DiagnosticData {
  /** 0-based line and character range. */
  line: number;
  startCharacter: number;
  endCharacter: number;
  severity: 'error' | 'warning';
  code: Problem['code'];
  args: Problem['args'];
  /** English fallback. */
  message: string;
}

/** `lines` (the file's text, when it could be decoded) lets the range cover the offending line's text. */
export function diagnosticData(problems: readonly Problem[], lines?: readonly string[]): DiagnosticData[] {
  return problems.map((problem) => {
    const lineCount = lines?.length ?? 0;
    const line = Math.max(0, lineCount > 0 ? Math.min(problem.line - 1, lineCount - 1) : problem.line - 1);
    const text = lines?.[line] ?? '';
    const startCharacter = text.length - text.trimStart().length;
    return {
      line,
      startCharacter,
      endCharacter: Math.max(startCharacter, text.trimEnd().length),
      severity: problem.severity,
      code: problem.code,
      args: problem.args,
      message: problem.message,
    };
  });
}

export { formatBytes } from './problems';
