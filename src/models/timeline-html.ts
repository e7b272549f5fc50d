/**
 * The “Show timeline” webview's page (pure: no VS Code API, unit-tested).
 *
 * The page holds the drawing (timeline-svg.ts, interactive; with its own title
 * and summary), an “Export SVG…” button and the list of gaps. Strict content security policy:
 * nothing may load from anywhere (`default-src 'none'`), the one style sheet
 * and the one script carry a fresh nonce, the drawing uses presentation
 * attributes only. The script posts the messages below; the extension answers
 * an edit of the report with an `update` message carrying the new content
 * (`{ type: 'update', content, version }`), and marks the event whose row it
 * revealed with `{ type: 'select', index }`.
 */
import { describeGap, escapeXml, type TimelineData } from '../index.js';

/** Messages the page posts to the extension. */
export type TimelineMessage =
  /** A click (or Enter / Space) on an event or a gap: reveal the chronology row of `events[index]`. */
  | { type: 'reveal'; index: number }
  /** The “Export SVG…” button. */
  | { type: 'export' }
  /** The page shows the content of `version`, with `events` event markers in its DOM. */
  | { type: 'rendered'; events: number; version: number }
  /** The width in pixels the drawing has (on load and after the panel is resized). */
  | { type: 'width'; width: number };

/** The message, if it is one the page may send (anything else is ignored). */
export function parseTimelineMessage(value: unknown): TimelineMessage | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const m = value as Record<string, unknown>;
  const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  if (m.type === 'reveal' && isCount(m.index)) return { type: 'reveal', index: m.index };
  if (m.type === 'export') return { type: 'export' };
  if (m.type === 'rendered' && isCount(m.events) && typeof m.version === 'number')
    return { type: 'rendered', events: m.events, version: m.version };
  if (m.type === 'width' && isCount(m.width)) return { type: 'width', width: m.width };
  return undefined;
}

/** The part of the page that changes with the report: the drawing and the list of gaps. */
export function timelineContent(data: TimelineData, svg: string): string {
  const gaps = data.gaps.map((gap) => {
    const index = data.events.indexOf(gap.before);
    return `<li><button type="button" class="link" data-event="${index}" title="Go to the first row after the gap (line ${gap.before.line})">${escapeXml(describeGap(gap))}</button></li>`;
  });
  const list =
    data.events.length === 0
      ? ''
      : gaps.length === 0
        ? `<p class="gaps-none">No gap longer than ${data.gapWeeks} week${data.gapWeeks === 1 ? '' : 's'} between recorded events.</p>`
        : `<h2>Gaps longer than ${data.gapWeeks} week${data.gapWeeks === 1 ? '' : 's'}</h2><ul class="gaps">${gaps.join('')}</ul>`;
  return `<div class="paper">${svg}</div>${list}`;
}

export interface TimelinePage {
  /** The webview's `cspSource`. */
  cspSource: string;
  nonce: string;
  /** Page title (the report's name). */
  title: string;
  /** `timelineContent(…)`. */
  content: string;
  /** Document version shown, echoed back in `rendered`. */
  version: number;
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 16px 24px; }
.toolbar { position: sticky; top: 0; z-index: 1; display: flex; flex-wrap: wrap; gap: 12px; align-items: center; padding: 10px 0; background: var(--vscode-editor-background); }
.toolbar button { font: inherit; color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: 1px solid var(--vscode-button-border, transparent); border-radius: 2px; padding: 4px 12px; cursor: pointer; }
.toolbar button:hover { background: var(--vscode-button-hoverBackground); }
button:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
.summary { color: var(--vscode-descriptionForeground); }
.paper { display: inline-block; max-width: 100%; overflow-x: auto; background: #ffffff; border: 1px solid var(--vscode-panel-border, #d0d7de); border-radius: 4px; }
.paper svg { display: block; }
.crl-event { cursor: pointer; }
.crl-event:hover .crl-marker, .crl-event:focus .crl-marker { stroke-width: 3; }
.crl-event:focus { outline: none; }
.crl-event:focus-visible .crl-marker, .crl-event.selected .crl-marker { stroke: #0969da; stroke-width: 3; }
h2 { font-size: 1.1em; margin: 20px 0 6px; }
ul.gaps { margin: 0; padding-left: 20px; }
button.link { font: inherit; color: var(--vscode-textLink-foreground); background: none; border: none; padding: 2px 0; cursor: pointer; text-align: left; }
button.link:hover { text-decoration: underline; }
`;

/** Runs in the webview: clicks and keys on events, the export button, updates from the extension. */
const SCRIPT = `
(function () {
  const vscode = acquireVsCodeApi();
  const content = document.getElementById('content');
  const rendered = () => vscode.postMessage({ type: 'rendered', events: content.querySelectorAll('.crl-event').length, version: Number(content.getAttribute('data-version')) });
  function select(index) {
    for (const selected of content.querySelectorAll('.selected')) selected.classList.remove('selected');
    const marker = content.querySelector('.crl-event[data-event="' + index + '"]');
    if (marker) marker.classList.add('selected');
  }
  function reveal(target) {
    const element = target && target.closest ? target.closest('[data-event]') : null;
    if (!element) return false;
    const index = Number(element.getAttribute('data-event'));
    if (!Number.isInteger(index) || index < 0) return false;
    select(index);
    vscode.postMessage({ type: 'reveal', index: index });
    return true;
  }
  document.getElementById('export').addEventListener('click', function () { vscode.postMessage({ type: 'export' }); });
  content.addEventListener('click', function (event) { reveal(event.target); });
  content.addEventListener('keydown', function (event) {
    if ((event.key === 'Enter' || event.key === ' ') && reveal(event.target)) event.preventDefault();
  });
  window.addEventListener('message', function (event) {
    const message = event.data;
    if (!message) return;
    if (message.type === 'select') select(message.index);
    if (message.type !== 'update') return;
    content.innerHTML = message.content;
    content.setAttribute('data-version', String(message.version));
    rendered();
  });
  const reportWidth = () => vscode.postMessage({ type: 'width', width: Math.floor(content.clientWidth) });
  let resizing;
  window.addEventListener('resize', function () {
    clearTimeout(resizing);
    resizing = setTimeout(reportWidth, 200);
  });
  rendered();
  reportWidth();
})();
`;

/** The whole page. */
export function timelineHtml(page: TimelinePage): string {
  const nonce = escapeXml(page.nonce);
  const csp = `default-src 'none'; img-src ${page.cspSource} data:; style-src 'nonce-${page.nonce}'; script-src 'nonce-${page.nonce}';`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeXml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeXml(page.title)}</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<div class="toolbar"><button id="export" type="button" title="Save the timeline as an SVG image">Export SVG…</button><span class="summary">Click an event to go to its chronology row.</span></div>
<main id="content" data-version="${page.version}" aria-live="polite">${page.content}</main>
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>
`;
}
