/** Lint messages and config errors as VS Code diagnostics. */
import * as vscode from 'vscode';
import { type ConfigError, type LintMessage, type Severity } from '../index.js';
import { messageRange, type TextIndex } from '../models/positions.js';

export const DIAGNOSTIC_SOURCE = 'case-review';
/** `code` of the diagnostics on a `.casereviewrc*` that cannot be used. */
export const CONFIG_ERROR_CODE = 'config';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function toRange(message: LintMessage, index: TextIndex): vscode.Range {
  const { start, end } = messageRange(message, index);
  return new vscode.Range(start.line, start.character, end.line, end.character);
}

function docTarget(url: string): vscode.Uri | undefined {
  if (!/^[a-z][a-z0-9+.-]*:/i.test(url)) return undefined;
  try {
    return vscode.Uri.parse(url, true);
  } catch {
    return undefined;
  }
}

export function toDiagnostic(message: LintMessage, index: TextIndex): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(message, index), message.message, SEVERITY[message.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  const target = docTarget(message.url);
  diagnostic.code = target ? { value: message.ruleId, target } : message.ruleId;
  return diagnostic;
}

/** Is this diagnostic the one shown for this message? */
export function sameProblem(diagnostic: vscode.Diagnostic, message: LintMessage, index: TextIndex): boolean {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return diagnostic.source === DIAGNOSTIC_SOURCE && code === message.ruleId && diagnostic.range.isEqual(toRange(message, index));
}

export function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return code === undefined ? undefined : String(code);
}

export function configErrorDiagnostic(error: ConfigError): vscode.Diagnostic {
  const line = Math.max(0, error.line - 1);
  const character = Math.max(0, error.column - 1);
  const diagnostic = new vscode.Diagnostic(
    new vscode.Range(line, character, line, Number.MAX_SAFE_INTEGER),
    `Case review config: ${error.message} (linting goes on without this setting)`,
    vscode.DiagnosticSeverity.Error,
  );
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = CONFIG_ERROR_CODE;
  return diagnostic;
}
