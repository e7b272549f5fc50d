/**
 * Entry point of the web extension (package.json `browser`, bundled to
 * dist/browser.cjs for vscode.dev, github.dev and other web extension hosts).
 * The same extension as extension.ts, minus what needs Node: the “lint
 * workspace” task (it runs the CLI in a process) is not offered. Everything
 * else reads and writes through the `vscode` API only (config files through
 * vscode.workspace.fs), and esbuild.js fails this build if any module it
 * reaches imports a Node built-in.
 */
import type * as vscode from 'vscode';
import { activateWith, type CaseReviewApi } from './extension.js';

export type { CaseReviewApi } from './extension.js';

export function activate(context: vscode.ExtensionContext): CaseReviewApi {
  return activateWith(context, {});
}

export function deactivate(): void {
  // Everything is disposed through the extension context's subscriptions.
}
