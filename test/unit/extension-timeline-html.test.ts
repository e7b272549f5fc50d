/** The timeline webview's page (src/extension/timeline-html.ts): no VS Code needed. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { chronologyTimeline } from '../../src/engine/chronology.js';
import { timelineSvg } from '../../src/engine/timeline-svg.js';
import { parseTimelineMessage, timelineContent, timelineHtml } from '../../src/extension/timeline-html.js';
import { reportOf } from '../../src/extension/report-model.js';

const FIXTURE = readFileSync(new URL('../fixtures/timeline/overview-child-f.md', import.meta.url), 'utf8');

describe('timeline webview page', () => {
  const data = chronologyTimeline(reportOf(FIXTURE), { gapWeeks: 6 });
  const svg = timelineSvg(data, { interactive: true });
  const content = timelineContent(data, svg);
  const html = timelineHtml({ cspSource: 'https://file+.vscode-resource.example', nonce: 'abc123+/=', title: 'Child F <draft>', content, version: 7 });

  it('has a strict content security policy: nothing loads, only the nonced style and script run', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.equal(csp, "default-src &#39;none&#39;; img-src https://file+.vscode-resource.example data:; style-src &#39;nonce-abc123+/=&#39;; script-src &#39;nonce-abc123+/=&#39;;");
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.match(html, /<script nonce="abc123\+\/=">/);
    assert.equal((html.match(/<style/g) ?? []).length, 1);
    assert.match(html, /<style nonce="abc123\+\/=">/);
    assert.ok(!/\sstyle=|\son[a-z]+=|<link|<iframe|src="http/i.test(html), 'no inline style attribute, handler, link or remote source');
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<style'), 'the policy comes before anything it governs');
  });

  it('holds the drawing, the escaped title, the export button and the version shown', () => {
    assert.ok(html.includes(svg));
    assert.match(html, /<title>Child F &lt;draft&gt;<\/title>/);
    assert.match(html, /<button id="export" type="button"[^>]*>Export SVG…<\/button>/);
    assert.match(html, /<main id="content" data-version="7"/);
  });

  it('lists the gaps, each a button to the first row after it', () => {
    const buttons = [...content.matchAll(/<button type="button" class="link" data-event="(\d+)"[^>]*>([^<]+)<\/button>/g)];
    assert.equal(buttons.length, 2);
    assert.deepEqual(
      buttons.map((b) => data.events[Number(b[1])]!.iso),
      data.gaps.map((g) => g.before.iso),
    );
    assert.match(buttons[1]![2]!, /^15 weeks with no recorded event from any agency: 4 Dec 2019 to 16 Mar 2020/);
    const none = chronologyTimeline(reportOf(FIXTURE), { gapWeeks: 26 });
    assert.match(timelineContent(none, ''), /No gap longer than 26 weeks between recorded events\./);
  });

  it('accepts only the messages the page sends', () => {
    assert.deepEqual(parseTimelineMessage({ type: 'reveal', index: 3 }), { type: 'reveal', index: 3 });
    assert.deepEqual(parseTimelineMessage({ type: 'export', target: 'file:///etc/passwd' }), { type: 'export' });
    assert.deepEqual(parseTimelineMessage({ type: 'rendered', events: 12, version: 2 }), { type: 'rendered', events: 12, version: 2 });
    assert.deepEqual(parseTimelineMessage({ type: 'width', width: 640 }), { type: 'width', width: 640 });
    for (const bad of [undefined, null, 'reveal', { type: 'reveal' }, { type: 'reveal', index: -1 }, { type: 'reveal', index: 1.5 }, { type: 'reveal', index: '2' }, { type: 'write', path: '/tmp/x' }, { type: 'rendered', events: 1 }, { type: 'width', width: 'wide' }, { type: 'width', width: -5 }]) {
      assert.equal(parseTimelineMessage(bad), undefined, JSON.stringify(bad));
    }
  });
});
