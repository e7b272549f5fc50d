/**
 * The timeline drawing (src/engine/timeline-svg.ts): lanes, markers by shape,
 * gaps with their length, uncertain dates, the axis, escaping, and a document
 * that any SVG viewer can read. Every table is invented; names are pseudonyms.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { chronologyTimeline, type TimelineData } from '../../src/engine/chronology/index.js';
import { describeGap, escapeXml, gapLength, timelineSummary, timelineSvg } from '../../src/engine/timeline-svg.js';
import { reportOf } from '../../src/models/report-model.js';

const FIXTURE = readFileSync(new URL('../fixtures/timeline/overview-child-f.md', import.meta.url), 'utf8');
const timeline = (markdown: string, gapWeeks = 6): TimelineData => chronologyTimeline(reportOf(markdown), { gapWeeks });
const table = (rows: string[]) =>
  `## Integrated chronology\n\n| Date | Agency | Event | Child seen |\n| --- | --- | --- | --- |\n${rows.join('\n')}\n`;

/** Elements in document order, checking that every tag is closed in order (a small well-formedness check). */
function elements(svg: string): string[] {
  const names: string[] = [];
  const open: string[] = [];
  let at = svg.indexOf('<');
  while (at !== -1) {
    const end = svg.indexOf('>', at);
    assert.ok(end > at, `tag at ${at} is closed`);
    const tag = svg.slice(at + 1, end);
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      assert.equal(open.pop(), name, `</${name}> at ${at} closes the open element`);
    } else {
      const name = tag.split(/[\s/]/, 1)[0]!;
      assert.match(name, /^[a-z][a-zA-Z]*$/, `element name at ${at}`);
      names.push(name);
      if (!tag.endsWith('/')) open.push(name);
    }
    at = svg.indexOf('<', end);
  }
  assert.deepEqual(open, [], 'every element is closed');
  return names;
}

/** One top-level group of the drawing: from `<g class="NAME">` to the next top-level group or the end. */
function group(svg: string, name: string): string {
  const starts = (n: string) => [`<g class="${n}">`, `<g class="${n}" `].map((open) => svg.indexOf(open)).filter((i) => i !== -1);
  const start = Math.min(...starts(name));
  assert.ok(Number.isFinite(start), `${name} group`);
  const next = ['crl-legend', 'crl-lanes', 'crl-axis', 'crl-gaps', 'crl-events'].flatMap(starts).filter((i) => i > start);
  return svg.slice(start, next.length > 0 ? Math.min(...next) : svg.length);
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

describe('timeline SVG', () => {
  const data = timeline(FIXTURE);
  const svg = timelineSvg(data, { title: 'Child F: chronology timeline' });

  it('is one standalone, well-formed SVG document with no script, style or remote reference', () => {
    assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'), svg.slice(0, 60));
    assert.ok(svg.endsWith('</svg>\n'));
    const names = elements(svg);
    assert.equal(names[0], 'svg');
    assert.equal(count(svg, '<svg'), 1);
    assert.ok(!names.includes('script') && !names.includes('style') && !names.includes('image') && !names.includes('foreignObject'));
    assert.ok(!/\sstyle=|\son[a-z]+=|href=/i.test(svg), 'no style attribute, event handler or link');
    assert.deepEqual(svg.match(/https?:\/\/[^"]*/g), ['http://www.w3.org/2000/svg']);
    assert.match(
      svg,
      /<title id="crl-title">Child F: chronology timeline<\/title><desc id="crl-desc">12 events in 6 agency lanes, 4 Mar 2019 to 17 Mar 2020; child seen at 6; 2 gaps longer than 6 weeks\.<\/desc>/,
    );
  });

  it('draws one labelled lane per agency, in order of first appearance', () => {
    const lanes = group(svg, 'crl-lanes');
    assert.equal(count(lanes, 'class="crl-lane"'), 6);
    const labels = [...lanes.matchAll(/<\/title>([^<]+)<\/text>/g)].map((m) => m[1]);
    assert.deepEqual(labels, ['Health visiting', 'GP', 'Police', 'Children&#39;s social care', 'Health', 'Nursery']);
  });

  it('marks each event, with a shape for child seen, not seen and not recorded, and its row line', () => {
    const events = group(svg, 'crl-events');
    assert.equal(count(events, 'class="crl-event"'), 12);
    assert.deepEqual(
      [...events.matchAll(/data-event="(\d+)" data-line="(\d+)"/g)].map((m) => Number(m[1])),
      [...Array(12).keys()],
    );
    assert.equal(count(events, 'crl-seen"'), data.events.filter((e) => e.childSeen === true).length);
    assert.equal(count(events, 'crl-seen"'), 6);
    assert.equal(count(events, 'crl-not-seen"'), 4);
    assert.equal(count(events, 'crl-not-recorded"'), 2);
    // The shapes differ, not only their colours.
    assert.match(events, /<path class="crl-marker crl-seen" d="M[^"]+Z"/);
    assert.match(events, /<rect class="crl-marker crl-not-seen"/);
    assert.match(events, /<circle class="crl-marker crl-not-recorded"/);
    const first = data.events[0]!;
    assert.match(
      events,
      new RegExp(
        `data-event="0" data-line="${first.line}"><title>04/03/2019 · Health visiting · child seen · line ${first.line} — New birth visit`,
      ),
    );
    assert.equal(FIXTURE.split('\n')[first.line - 1]!.slice(0, 14), '| 04/03/2019 |');
  });

  it('shows an uncertain date as such: dashed outline, a “?”, said in the tooltip', () => {
    const events = group(svg, 'crl-events');
    const index = data.events.findIndex((e) => e.uncertain);
    assert.equal(data.events[index]!.label, 'c. June 2019');
    const uncertain = events.slice(events.indexOf(`data-event="${index}"`), events.indexOf(`data-event="${index + 1}"`));
    assert.match(uncertain, /<title>c\. June 2019 \(uncertain date\) · Police · child seen not recorded/);
    assert.match(uncertain, /stroke-dasharray/);
    assert.match(uncertain, />\?<\/text>/);
    // A month without a day is drawn as a bar over the month; a day is not.
    assert.match(uncertain, /<line /);
    const plain = events.slice(events.indexOf('data-event="0"'), events.indexOf('data-event="1"'));
    assert.ok(!plain.includes('stroke-dasharray') && !plain.includes('<line '), plain);
  });

  it('hatches the gaps longer than N weeks and writes their length', () => {
    const gaps = group(svg, 'crl-gaps');
    assert.equal(count(gaps, 'class="crl-gap"'), 2);
    assert.match(
      gaps,
      /data-weeks="10"><title>10 weeks 3 days with no recorded event from any agency: 1 Sep 2019 to 11 Nov 2019 \(between line \d+ and line \d+\)<\/title>/,
    );
    assert.match(gaps, />10 weeks 3 days<\/text>/);
    assert.match(gaps, />15 weeks<\/text>/);
    assert.match(gaps, /fill="url\(#crl-gap-hatch\)"/);
    assert.equal(describeGap(data.gaps[1]!).slice(0, 60), '15 weeks with no recorded event from any agency: 4 Dec 2019 ');

    const gap = (days: number) => gapLength({ ...data.gaps[0]!, days, weeks: Math.floor(days / 7) });
    assert.deepEqual([gap(7), gap(8), gap(48), gap(105)], ['1 week', '1 week 1 day', '6 weeks 6 days', '15 weeks']);

    const fewer = timelineSvg(timeline(FIXTURE, 12));
    assert.equal(count(group(fewer, 'crl-gaps'), 'class="crl-gap"'), 1);
    assert.ok(!fewer.includes('>10 weeks'));
    assert.equal(count(timelineSvg(timeline(FIXTURE, 52)), 'class="crl-gap"'), 0);
  });

  it('has a date axis: months for a year, years for a longer span', () => {
    const axis = group(svg, 'crl-axis');
    const labels = [...axis.matchAll(/>([^<]+)<\/text>/g)].map((m) => m[1]);
    assert.equal(labels[0], 'Mar 2019');
    assert.ok(labels.includes('Mar 2020'), labels.join());
    const long = timelineSvg(timeline(table(['| 01/01/2005 | Police | Incident. | No |', '| 01/06/2015 | Health | Visit. | Yes |'])));
    const years = [...group(long, 'crl-axis').matchAll(/>([^<]+)<\/text>/g)].map((m) => m[1]);
    assert.ok(years.length >= 3 && years.every((y) => /^\d{4}$/.test(y!)), years.join());
  });

  it('escapes every text: agencies, events, title', () => {
    const hostile = table([
      '| 03/08/2007 | <script>alert(1)</script> & "Co" | Visit </title><svg onload=x> ]]> \u0001 \uD800 done 😀 | Yes |',
      "| 10/08/2007 | Police | Officer's visit | No |",
    ]);
    const out = timelineSvg(timeline(hostile), { title: 'A <b>&</b> title', interactive: true });
    elements(out);
    assert.ok(!out.includes('<script') && !out.includes('<b>') && !out.includes('onload=x>'));
    assert.match(out, /&lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; &quot;Co&quot;/);
    assert.match(out, /A &lt;b&gt;&amp;&lt;\/b&gt; title/);
    assert.match(out, /Officer&#39;s visit/);
    assert.ok(!out.includes('\u0001') && !out.includes('\uD800 '), 'characters XML cannot hold are dropped');
    assert.ok(out.includes('😀'));
    assert.equal(escapeXml('a&b<c>d"e\'f\u0000g\uDC00h'), 'a&amp;b&lt;c&gt;d&quot;e&#39;fgh');
  });

  it('wraps a long agency label onto two lines, shortens it only when two lines are not enough, and keeps the full name in its tooltip', () => {
    const name = 'Northshire Community Health and Wellbeing Partnership Trust';
    const out = timelineSvg(timeline(table([`| 03/08/2007 | ${name} | Visit. | Yes |`])));
    const lanes = group(out, 'crl-lanes');
    assert.match(
      lanes,
      new RegExp(
        `<title>${name}</title><tspan x="\\d+">Northshire Community Health and</tspan><tspan x="\\d+" dy="15">Wellbeing Partnership Trust</tspan></text>`,
      ),
    );
    const narrow = group(timelineSvg(timeline(table([`| 03/08/2007 | ${name} | Visit. | Yes |`])), { width: 480 }), 'crl-lanes');
    assert.match(
      narrow,
      new RegExp(`<title>${name}</title><tspan x="\\d+">Northshire</tspan><tspan x="\\d+" dy="15">Community Hea?l?…</tspan></text>`),
    );
  });

  it('fits a narrow width: the key wraps onto more rows and everything stays inside', () => {
    const wide = timelineSvg(data, { width: 1100 });
    const narrow = timelineSvg(data, { width: 500 });
    const rows = (out: string) => new Set([...group(out, 'crl-legend').matchAll(/translate\([\d.]+ ([\d.]+)\)/g)].map((m) => m[1])).size;
    assert.equal(rows(wide), 1);
    assert.ok(rows(narrow) >= 3, `${rows(narrow)} rows`);
    const xs = [...narrow.matchAll(/ (?:x|x1|x2|cx)="([\d.]+)"/g)].map((m) => Number(m[1]));
    assert.ok(Math.max(...xs) <= 500, `max x ${Math.max(...xs)}`);
    assert.match(narrow, /^<svg [^>]*width="500"/);
    assert.ok(narrow.includes('<text x="16" y="62"') && !wide.includes('<text x="16" y="62"'), 'the summary wraps onto a second line');
  });

  it('makes markers focusable buttons only in the interactive drawing', () => {
    assert.ok(!svg.includes('tabindex'));
    const interactive = timelineSvg(data, { interactive: true });
    assert.equal(count(group(interactive, 'crl-events'), 'tabindex="0" role="button" aria-label="'), 12);
  });

  it('says so when there is no dated row', () => {
    const empty = timeline('# Notes\n\nNo chronology here.\n');
    const out = timelineSvg(empty);
    elements(out);
    assert.match(out, /No dated chronology rows/);
    assert.ok(!out.includes('crl-lane'));
    assert.equal(timelineSummary(empty), 'No dated chronology rows: add a chronology table with a Date column to see the timeline.');
  });

  it('stacks events of the same lane and day instead of drawing them on top of each other', () => {
    const out = timelineSvg(
      timeline(
        table(['| 03/08/2007 | Police | One. | Yes |', '| 03/08/2007 | Police | Two. | No |', '| 03/09/2007 | Police | Three. | Yes |']),
      ),
    );
    const ys = [...group(out, 'crl-events').matchAll(/<\/title><rect x="[\d.]+" y="([\d.]+)"/g)].map((m) => Number(m[1]));
    assert.equal(ys.length, 3);
    assert.ok(Math.abs(ys[1]! - ys[0]!) >= 12, `same day, two rows: ${ys}`);
    assert.equal(ys[2], ys[0], `a month later, back on the first row: ${ys}`);
  });
});
