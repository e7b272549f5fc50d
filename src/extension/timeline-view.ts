/**
 * “Case Review: Show Timeline”: a webview beside the report that draws its
 * chronology as a timeline (timeline-svg.ts): one lane per agency, markers
 * where the child was seen, gaps longer than `caseReview.timelineGapWeeks`
 * hatched. A click on an event (or Enter on a focused one) selects its
 * chronology row in the editor. The drawing follows edits (throttled like
 * linting, `caseReview.delayBeforeChecking`).
 *
 * Commands:
 * - `caseReview.showTimeline` (uri?): shows the timeline of the given report, or
 *   of the active editor's. Resolves to a `TimelineHandle` (the extension-host
 *   tests read the drawing and post the page's messages through it), or
 *   undefined when no Markdown document is open.
 * - `caseReview.exportTimelineSvg` (uri? | { target?, uri? }): saves the drawing
 *   of the panel's report (or of `uri`, or of the active editor's) as a
 *   standalone SVG file where the user chooses: a save dialog unless `target`
 *   is given (a bare URI is the report, never the target); written through
 *   `vscode.workspace.fs`. Resolves to the file's URI, or
 *   undefined when cancelled or when the file could not be written.
 *
 * The page has a strict content security policy (timeline-html.ts); it loads
 * nothing and the extension never uses the network.
 */
import * as vscode from 'vscode';
import { chronologyTimeline, stringValue, type TimelineData, type TimelineEvent, timelineSvg } from '../index.js';
import type { LintController } from './linter.js';
import { MARKDOWN } from './linter.js';
import { reportOf } from '../models/report-model.js';
import { delaySetting } from '../models/settings.js';
import { parseTimelineMessage, timelineContent, timelineHtml, type TimelineMessage } from '../models/timeline-html.js';

export const SHOW_TIMELINE_COMMAND = 'caseReview.showTimeline';
export const EXPORT_TIMELINE_COMMAND = 'caseReview.exportTimelineSvg';
export const TIMELINE_VIEW_TYPE = 'caseReview.timeline';
export const DEFAULT_GAP_WEEKS = 6;
/** Width of the drawing until the page tells its own, and of an exported file. */
const DEFAULT_WIDTH = 1100;

/** `caseReview.timelineGapWeeks`: a whole number of weeks from 1 to 520, else the default. */
export function gapWeeksSetting(scope?: vscode.Uri): number {
  const value = vscode.workspace.getConfiguration('caseReview', scope).get<unknown>('timelineGapWeeks');
  return typeof value === 'number' && Number.isFinite(value) && value >= 1 ? Math.min(520, Math.floor(value)) : DEFAULT_GAP_WEEKS;
}

/** What the page last reported: its DOM shows `events` markers for document version `version`. */
export interface TimelineRendered {
  events: number;
  version: number;
}

/** The open timeline panel, as the command returns it. */
export interface TimelineHandle {
  readonly panel: vscode.WebviewPanel;
  /** The report drawn. */
  readonly uri: vscode.Uri;
  /** The document version drawn, its timeline data and the interactive SVG shown. */
  readonly version: number;
  readonly data: TimelineData;
  readonly svg: string;
  /** What the page last reported rendering (undefined until its script has run). */
  readonly rendered: TimelineRendered | undefined;
  readonly onDidRender: vscode.Event<TimelineRendered>;
  /** Handle a message as if the page had posted it (what a click on an event posts: `{ type: 'reveal', index }`). */
  receive(message: unknown): Promise<vscode.TextEditor | vscode.Uri | undefined>;
  /** Save the drawing as SVG: to `target`, or where the user chooses in a save dialog. */
  exportSvg(target?: vscode.Uri): Promise<vscode.Uri | undefined>;
}

const toUri = (value: unknown): vscode.Uri | undefined =>
  value instanceof vscode.Uri ? value : typeof value === 'string' && value ? vscode.Uri.parse(value) : undefined;

const openDocument = (uri: vscode.Uri) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());

const baseName = (uri: vscode.Uri) => uri.path.slice(uri.path.lastIndexOf('/') + 1) || uri.toString();

interface Drawing {
  version: number;
  data: TimelineData;
  title: string;
}

function draw(controller: LintController, document: vscode.TextDocument): Drawing {
  const text = document.getText();
  const report = reportOf(text, controller.entryFor(document)?.config ?? {});
  const data = chronologyTimeline(report, { gapWeeks: gapWeeksSetting(document.uri) });
  const child = stringValue(report.frontMatter.data['child']);
  const title = `${child ? `${child}: ` : ''}Chronology timeline (${baseName(document.uri)})`;
  return { version: document.version, data, title };
}

/** Where the save dialog starts: `<report>-timeline.svg` next to the report, else in the workspace folder. */
function defaultTarget(uri: vscode.Uri): vscode.Uri | undefined {
  const name = `${baseName(uri).replace(/\.(?:md|markdown)$/i, '') || 'chronology'}-timeline.svg`;
  if (uri.scheme === 'file' || (uri.scheme !== 'untitled' && vscode.workspace.getWorkspaceFolder(uri)))
    return vscode.Uri.joinPath(uri, '..', name);
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, name.startsWith('Untitled') ? 'chronology-timeline.svg' : name) : undefined;
}

/** Write the standalone drawing; asks for the place unless `target` is given. */
async function exportDrawing(drawing: Drawing, source: vscode.Uri, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  if (drawing.data.events.length === 0) {
    void vscode.window.showInformationMessage('Case Review: this report has no dated chronology rows, so there is no timeline to export.');
    return undefined;
  }
  const destination =
    target ??
    (await vscode.window.showSaveDialog({
      title: 'Export timeline as SVG',
      saveLabel: 'Export',
      defaultUri: defaultTarget(source),
      filters: { 'SVG image': ['svg'] },
    }));
  if (!destination) return undefined;
  try {
    await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(timelineSvg(drawing.data, { title: drawing.title })));
  } catch (error) {
    void vscode.window.showErrorMessage(
      `Case Review: could not save the timeline to ${destination.fsPath || destination.toString()}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return undefined;
  }
  void vscode.window.showInformationMessage(`Case Review: timeline saved to ${vscode.workspace.asRelativePath(destination, false)}.`);
  return destination;
}

class TimelinePanel implements TimelineHandle, vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  private drawing: Drawing;
  private shown = '';
  /** Width of the drawing: the page's, once it has said (see the `width` message). */
  private width = DEFAULT_WIDTH;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly renderEmitter = new vscode.EventEmitter<TimelineRendered>();
  readonly onDidRender = this.renderEmitter.event;
  rendered: TimelineRendered | undefined;

  constructor(
    private readonly controller: LintController,
    private document: vscode.TextDocument,
    private readonly onDispose: () => void,
  ) {
    this.panel = vscode.window.createWebviewPanel(
      TIMELINE_VIEW_TYPE,
      'Timeline',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, enableCommandUris: false, localResourceRoots: [] },
    );
    this.drawing = draw(controller, document);
    this.setHtml();
    this.subscriptions.push(
      this.panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message)),
      this.panel.onDidDispose(() => this.dispose()),
      // When the panel was hidden, updates could not be posted: show the current drawing.
      this.panel.onDidChangeViewState(() => {
        if (this.panel.visible && this.rendered?.version !== this.drawing.version) this.setHtml();
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === this.document && event.contentChanges.length > 0) this.schedule();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('caseReview.timelineGapWeeks', this.document.uri)) this.update();
      }),
      this.renderEmitter,
    );
  }

  get uri(): vscode.Uri {
    return this.document.uri;
  }
  get version(): number {
    return this.drawing.version;
  }
  get data(): TimelineData {
    return this.drawing.data;
  }
  get svg(): string {
    return this.shown;
  }

  /** Show another report in the same panel. */
  retarget(document: vscode.TextDocument): void {
    if (document !== this.document) {
      this.document = document;
      this.rendered = undefined;
    }
    this.update(true);
  }

  private content(): string {
    const { data, title } = this.drawing;
    this.shown = timelineSvg(data, { title, interactive: true, width: this.width });
    this.panel.title = `Timeline: ${baseName(this.document.uri)}`;
    return timelineContent(data, this.shown);
  }

  private setHtml(): void {
    this.panel.webview.html = timelineHtml({
      cspSource: this.panel.webview.cspSource,
      nonce: makeNonce(),
      title: this.drawing.title,
      content: this.content(),
      version: this.drawing.version,
    });
  }

  private schedule(): void {
    if (this.timer) return;
    const delay = Math.max(100, delaySetting(vscode.workspace.getConfiguration('caseReview', this.document.uri)));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.update();
    }, delay);
  }

  /** Redraw from the document's current text; a full page load when asked or when the page cannot take a message now. */
  update(reload = false): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.drawing = draw(this.controller, this.document);
    if (reload || !this.panel.visible) {
      this.setHtml();
      return;
    }
    void this.panel.webview.postMessage({ type: 'update', content: this.content(), version: this.drawing.version }).then(
      (delivered) => {
        if (!delivered) this.setHtml();
      },
      () => this.setHtml(),
    );
  }

  async receive(value: unknown): Promise<vscode.TextEditor | vscode.Uri | undefined> {
    const message: TimelineMessage | undefined = parseTimelineMessage(value);
    if (!message) return undefined;
    if (message.type === 'rendered') {
      this.rendered = { events: message.events, version: message.version };
      this.renderEmitter.fire(this.rendered);
      return undefined;
    }
    if (message.type === 'export') return this.exportSvg();
    if (message.type === 'width') {
      // Fit the panel (the paper's border takes 2 px); below 480 px the page scrolls.
      const width = Math.min(2400, Math.max(480, message.width - 2));
      if (Math.abs(width - this.width) >= 16) {
        this.width = width;
        this.update();
      }
      return undefined;
    }
    return this.reveal(message.index);
  }

  /** Select the chronology row of `events[index]` in an editor. */
  private async reveal(index: number): Promise<vscode.TextEditor | undefined> {
    let event: TimelineEvent | undefined = this.drawing.data.events[index];
    if (!event) return undefined;
    const document = this.document.isClosed ? await vscode.workspace.openTextDocument(this.document.uri) : this.document;
    if (document !== this.document) this.document = document;
    if (document.version !== this.drawing.version) {
      // Edited since the page was drawn: find the same row in the current text.
      const before = event;
      this.update();
      event =
        this.drawing.data.events.find((e) => e.label === before.label && e.agency === before.agency && e.event === before.event) ??
        this.drawing.data.events[index];
      if (!event) return undefined;
    }
    const range = new vscode.Range(document.positionAt(event.offset), document.positionAt(event.end));
    const column = vscode.window.visibleTextEditors.find((e) => e.document === document)?.viewColumn ?? vscode.ViewColumn.One;
    const editor = await vscode.window.showTextDocument(document, {
      viewColumn: column,
      selection: range,
      preserveFocus: false,
      preview: false,
    });
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    const shownIndex = this.drawing.data.events.indexOf(event);
    if (shownIndex !== -1) void this.panel.webview.postMessage({ type: 'select', index: shownIndex });
    return editor;
  }

  exportSvg(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    if (this.document.version !== this.drawing.version && !this.document.isClosed) this.update();
    return exportDrawing(this.drawing, this.document.uri, target);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (const s of this.subscriptions.splice(0)) s.dispose();
    this.onDispose();
  }
}

/** The one timeline panel (shown beside the report; showing another report retargets it). */
class TimelineViews implements vscode.Disposable {
  private current: TimelinePanel | undefined;

  constructor(private readonly controller: LintController) {}

  private documentFor(uriArg: unknown): vscode.TextDocument | undefined {
    const uri = toUri(uriArg) ?? vscode.window.activeTextEditor?.document.uri;
    const document = uri && openDocument(uri);
    return document && document.languageId === MARKDOWN ? document : undefined;
  }

  async show(uriArg?: unknown): Promise<TimelineHandle | undefined> {
    let document = this.documentFor(uriArg);
    const uri = toUri(uriArg);
    if (!document && uri) {
      try {
        const opened = await vscode.workspace.openTextDocument(uri);
        if (opened.languageId === MARKDOWN) document = opened;
      } catch {
        // Reported below.
      }
    }
    if (!document) {
      void vscode.window.showInformationMessage('Case Review: open a report (a Markdown file) with a chronology to see its timeline.');
      return undefined;
    }
    if (this.current) {
      this.current.retarget(document);
      this.current.panel.reveal(undefined, true);
    } else {
      const panel = new TimelinePanel(this.controller, document, () => {
        if (this.current === panel) this.current = undefined;
      });
      this.current = panel;
    }
    return this.current;
  }

  /** `arg`: the report's URI (as editor menus pass it), or `{ target?, uri? }`. */
  async exportSvg(arg?: unknown): Promise<vscode.Uri | undefined> {
    const options =
      arg && typeof arg === 'object' && !(arg instanceof vscode.Uri) ? (arg as { target?: unknown; uri?: unknown }) : { uri: arg };
    const target = toUri(options.target);
    const uri = toUri(options.uri);
    if (this.current && (!uri || uri.toString() === this.current.uri.toString())) return this.current.exportSvg(target);
    const document = this.documentFor(uri);
    if (!document) {
      void vscode.window.showInformationMessage('Case Review: open a report (a Markdown file) with a chronology to export its timeline.');
      return undefined;
    }
    return exportDrawing(draw(this.controller, document), document.uri, target);
  }

  dispose(): void {
    this.current?.panel.dispose();
  }
}

export function registerTimelineView(context: vscode.ExtensionContext, controller: LintController): void {
  const views = new TimelineViews(controller);
  context.subscriptions.push(
    views,
    vscode.commands.registerCommand(SHOW_TIMELINE_COMMAND, (uri?: unknown) => views.show(uri)),
    vscode.commands.registerCommand(EXPORT_TIMELINE_COMMAND, (arg?: unknown) => views.exportSvg(arg)),
  );
}

/** A script nonce from Web Crypto (available in Node 20 and in web extension hosts alike). */
function makeNonce(): string {
  const bytes = new Uint8Array(18);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
