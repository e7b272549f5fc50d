/**
 * The timeline webview's page (src/models/timeline-html.ts), and the drawing's layout as
 * the page shows it (src/engine/timeline-svg.ts): titles, lane names and gap labels that
 * fit and never overlap. No VS Code needed.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { chronologyTimeline } from '../../src/engine/chronology/index.js';
import { textWidth, timelineSvg } from '../../src/engine/timeline-svg.js';
import { parseTimelineMessage, timelineContent, timelineHtml } from '../../src/models/timeline-html.js';
import { reportOf } from '../../src/models/report-model.js';

const FIXTURE = readFileSync(new URL('../fixtures/timeline/overview-child-f.md', import.meta.url), 'utf8');

describe('timeline webview page', () => {
  const data = chronologyTimeline(reportOf(FIXTURE), { gapWeeks: 6 });
  const svg = timelineSvg(data, { interactive: true });
  const content = timelineContent(data, svg);
  const html = timelineHtml({
    cspSource: 'https://file+.vscode-resource.example',
    nonce: 'abc123+/=',
    title: 'Child F <draft>',
    content,
    version: 7,
  });

  it('has a strict content security policy: nothing loads, only the nonced style and script run', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.equal(
      csp,
      'default-src &#39;none&#39;; img-src https://file+.vscode-resource.example data:; style-src &#39;nonce-abc123+/=&#39;; script-src &#39;nonce-abc123+/=&#39;;',
    );
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
    for (const bad of [
      undefined,
      null,
      'reveal',
      { type: 'reveal' },
      { type: 'reveal', index: -1 },
      { type: 'reveal', index: 1.5 },
      { type: 'reveal', index: '2' },
      { type: 'write', path: '/tmp/x' },
      { type: 'rendered', events: 1 },
      { type: 'width', width: 'wide' },
      { type: 'width', width: -5 },
    ]) {
      assert.equal(parseTimelineMessage(bad), undefined, JSON.stringify(bad));
    }
  });
});

const chronology = (rows: string[]) =>
  `## Integrated chronology\n\n| Date | Agency | Event | Child seen |\n| --- | --- | --- | --- |\n${rows.join('\n')}\n`;

/** The gap labels drawn: text, centre, row (its y) and estimated extent. */
function gapLabels(svg: string): { text: string; x: number; y: number; from: number; to: number }[] {
  return [
    ...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)" text-anchor="middle" font-size="12" font-weight="bold"[^>]*>([^<]+)<\/text><\/g>/g),
  ].map((m) => {
    const x = Number(m[1]);
    const half = textWidth(m[3]!, 12, true) / 2;
    return { text: m[3]!, x, y: Number(m[2]), from: x - half, to: x + half };
  });
}

/** Where the plot starts: the lanes' left border. */
const plotLeft = (svg: string) => Number(/<line x1="([\d.]+)" y1="[\d.]+" x2="\1" y2="[\d.]+" stroke="#d0d7de"\/><\/g>/.exec(svg)?.[1]);

describe('timeline layout: labels that fit', () => {
  // Ten years of records with a cluster of contacts ten days apart: every gap of more than a week is a few pixels wide.
  const rows = ['| 01/01/2005 | Police | Incident. | No |'];
  for (let day = 1; day <= 28; day += 9) rows.push(`| ${String(day).padStart(2, '0')}/03/2010 | Health visiting | Visit. | Yes |`);
  for (let day = 1; day <= 28; day += 9) rows.push(`| ${String(day).padStart(2, '0')}/04/2010 | GP | Appointment. | No |`);
  rows.push('| 01/06/2015 | Police | Incident. | No |');
  const close = chronologyTimeline(reportOf(chronology(rows)), { gapWeeks: 1 });

  for (const width of [480, 800, 1100]) {
    it(`never draws two gap labels over each other, and keeps them inside the drawing (${width} px)`, () => {
      const svg = timelineSvg(close, { width });
      assert.ok(close.gaps.length >= 6, `${close.gaps.length} gaps`);
      assert.equal((svg.match(/class="crl-gap"/g) ?? []).length, close.gaps.length, 'every gap is drawn, with its tooltip');
      const labels = gapLabels(svg);
      assert.ok(labels.length >= 2, `${labels.length} labels`);
      assert.ok(labels.length < close.gaps.length, 'labels that cannot fit are left out (the tooltip and the list below keep them)');
      for (const [i, a] of labels.entries()) {
        assert.ok(a.from >= plotLeft(svg) - 0.5 && a.to <= width - 30 + 0.5, `“${a.text}” at ${a.from}–${a.to} stays over the plot`);
        for (const b of labels.slice(i + 1)) {
          if (a.y !== b.y) continue;
          assert.ok(
            a.to <= b.from || b.to <= a.from,
            `“${a.text}” (${a.from}–${a.to}) and “${b.text}” (${b.from}–${b.to}) overlap on row ${a.y}`,
          );
        }
      }
    });
  }

  it('staggers two close gap labels onto two rows instead of overlapping them (the example report, 480 px)', () => {
    const labels = gapLabels(timelineSvg(chronologyTimeline(reportOf(FIXTURE), { gapWeeks: 6 }), { width: 480 }));
    assert.deepEqual(
      labels.map((l) => l.text),
      ['10 weeks 3 days', '15 weeks'],
    );
    assert.ok(labels[0]!.y !== labels[1]!.y || labels[0]!.to <= labels[1]!.from, JSON.stringify(labels));
  });

  it('sizes the lane names’ column to the longest name: narrow for short names, wider (up to a limit) for long ones', () => {
    const short = timelineSvg(
      chronologyTimeline(reportOf(chronology(['| 03/08/2007 | GP | Visit. | Yes |', '| 10/08/2007 | Police | Visit. | No |'])), {
        gapWeeks: 6,
      }),
    );
    assert.ok(plotLeft(short) <= 100, `plot starts at ${plotLeft(short)}`);
    const name = 'Children’s social care, Northshire';
    const long = timelineSvg(
      chronologyTimeline(reportOf(chronology([`| 03/08/2007 | ${name} | Visit. | Yes |`, '| 10/08/2007 | GP | Visit. | No |'])), {
        gapWeeks: 6,
      }),
    );
    assert.ok(plotLeft(long) >= textWidth(name, 13, true) + 12, `plot starts at ${plotLeft(long)}`);
    assert.match(long, new RegExp(`<title>${name}</title>${name}</text>`), 'shown whole on one line');
    const veryLong = 'Northshire and Southshire Joint Community Health, Wellbeing and Early Help Partnership Trust';
    const capped = timelineSvg(chronologyTimeline(reportOf(chronology([`| 03/08/2007 | ${veryLong} | Visit. | Yes |`])), { gapWeeks: 6 }), {
      width: 1100,
    });
    assert.ok(plotLeft(capped) <= 260, `the column stops at 260 px (${plotLeft(capped)})`);
    const lines = [...capped.matchAll(/<tspan x="(\d+)"[^>]*>([^<]+)<\/tspan>/g)];
    assert.equal(lines.length, 2);
    for (const line of lines) assert.ok(textWidth(line[2]!, 13, true) <= plotLeft(capped) - 24, `“${line[2]}” fits its column`);
    assert.match(lines[1]![2]!, /…$/);
    assert.match(capped, new RegExp(`<title>${veryLong}</title>`));
  });

  it('wraps a long title onto a second line instead of cutting it, with the full title as its tooltip', () => {
    const title = 'Child F and Child G: chronology timeline (overview-report-northshire-scr-2020-final-draft.md)';
    const svg = timelineSvg(chronologyTimeline(reportOf(FIXTURE), { gapWeeks: 6 }), { width: 480, title });
    const heading = /<g class="crl-heading">(.*?)<\/g>/.exec(svg)?.[1] ?? '';
    assert.match(heading, new RegExp(`^<title>${title.replace(/[()]/g, '\\$&')}</title>`));
    const lines = [...heading.matchAll(/<text x="16" y="(\d+)" font-size="17" font-weight="bold"[^>]*>([^<]+)<\/text>/g)];
    assert.equal(lines.length, 2);
    for (const line of lines) assert.ok(textWidth(line[2]!, 17, true) <= 480 - 32, `“${line[2]}” fits`);
    const summaryY = Number(/<text x="16" y="(\d+)" font-size="12"/.exec(svg)?.[1]);
    assert.ok(summaryY > Number(lines[1]![1]) + 12, 'the summary starts below the title');
    const short = timelineSvg(chronologyTimeline(reportOf(FIXTURE), { gapWeeks: 6 }), {
      width: 1100,
      title: 'Child F: chronology timeline',
    });
    assert.match(
      short,
      /<g class="crl-heading"><text x="16" y="26" font-size="17" font-weight="bold"[^>]*>Child F: chronology timeline<\/text><\/g>/,
      'a title that fits has no tooltip of its own',
    );
  });
});
