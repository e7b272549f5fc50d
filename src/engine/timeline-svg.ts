/**
 * Draws a chronology timeline (`chronologyTimeline` in chronology/timeline.ts) as one
 * standalone SVG document: one labelled lane per agency, a marker per event,
 * periods with no recorded event longer than `gapWeeks` hatched with their
 * length written, and a date axis. Used by the editor's “Show timeline”
 * webview and its “Export SVG…”.
 *
 * Accessibility: whether the child was seen is told by the marker's shape
 * (filled diamond: seen; square with a cross: not seen; small ring: not
 * recorded), not by colour alone; an uncertain date has a dashed outline and a
 * “?”; a month or a year written without a day, and a date range, are drawn as
 * a bar over the period. Every event has a <title> (the tooltip) with its date
 * as written, agency, child seen and event text. Colours are presentation
 * attributes (no <style>, no `style=`), so the file looks the same in any
 * viewer and passes a webview's strict content security policy.
 *
 * Labels fit (widths estimated from the characters, on the generous side): the
 * title wraps onto a second line; the lane names' column is as wide as the
 * longest name, up to 30% of the drawing, and a longer name wraps onto two
 * lines; text that still does not fit ends with “…” and keeps its full wording
 * in a tooltip. Gap labels never overlap: two rows, then a shorter wording,
 * then none (the gap's tooltip still says it).
 *
 * Pure: no VS Code, no file system, no network. All text is escaped.
 */
import type { TimelineData, TimelineEvent, TimelineGap } from './chronology/index.js';
import { dayOfKey, MONTH_NAMES } from './dates.js';

export interface TimelineSvgOptions {
  /** Width of the drawing in pixels (at least 480); default 1100. */
  width?: number;
  /** Heading drawn at the top; default “Chronology timeline”. */
  title?: string;
  /** Focusable, clickable event markers (tabindex, role="button") for the editor's webview. */
  interactive?: boolean;
}

const RIGHT = 30;
const SUB_ROW = 18;
const LANE_PAD = 9;
const MARKER = 6;

const COLOURS = {
  background: '#ffffff',
  text: '#1f2328',
  muted: '#57606a',
  laneA: '#f3f6f9',
  laneB: '#ffffff',
  grid: '#d0d7de',
  seen: '#1a7f37',
  seenEdge: '#0b4d20',
  notSeen: '#b42318',
  unknown: '#57606a',
  bar: '#8c959f',
  gapEdge: '#9a6700',
  gapFill: '#fff3c4',
  gapHatch: '#e3b341',
} as const;

// ---------------------------------------------------------------------------
// Text

/** Escape text for XML content and attribute values; drops characters XML cannot hold (controls, lone surrogates). */
export function escapeXml(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += text[i]! + text[i + 1]!;
        i++;
      }
      continue;
    }
    if (code >= 0xdc00 && code <= 0xdfff) continue;
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) continue;
    if (code === 0xfffe || code === 0xffff) continue;
    const ch = text[i]!;
    if (ch === '&') out += '&amp;';
    else if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    else if (ch === '"') out += '&quot;';
    else if (ch === "'") out += '&#39;';
    else out += ch;
  }
  return out;
}

/** Shorten to `max` characters with an ellipsis (whole code points). */
function shorten(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

/** Words onto lines of at most `max` characters (a longer word gets a line of its own). */
function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

const num = (n: number) => (Math.round(n * 10) / 10).toString();

/** Character widths (in ems) of a sans-serif font such as Helvetica or Segoe UI, by class; a little generous. */
function charEm(ch: string): number {
  if (/[ijlI|.,:;!'’ ]/.test(ch)) return 0.3;
  if (/[frt()[\]\-"“”/]/.test(ch)) return 0.38;
  if (/[mwMW@]/.test(ch)) return 0.88;
  if (/[A-Z]/.test(ch)) return 0.7;
  if (/[0-9]/.test(ch)) return 0.58;
  if (/[a-z]/.test(ch)) return 0.56;
  return 0.62;
}

/** The width in pixels a text takes at a font size (bold a little wider): an estimate on the generous side, for layout. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let ems = 0;
  for (const ch of text) ems += charEm(ch);
  return ems * fontSize * (bold ? 1.07 : 1);
}

/** Words onto at most `maxLines` lines no wider than `maxWidth`; the last line ends with “…” when the text does not fit. */
export function fitLines(text: string, fontSize: number, bold: boolean, maxWidth: number, maxLines: number): string[] {
  const fits = (line: string) => textWidth(line, fontSize, bold) <= maxWidth;
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  let i = 0;
  while (i < words.length) {
    const candidate = line ? `${line} ${words[i]}` : words[i]!;
    if (fits(candidate)) {
      line = candidate;
      i++;
      continue;
    }
    // A word too long for a line of its own, or no line left: cut what remains.
    if (!line || lines.length === maxLines - 1) break;
    lines.push(line);
    line = '';
  }
  if (i === words.length) return [...lines, line];
  const chars = Array.from([line, ...words.slice(i)].filter(Boolean).join(' '));
  const cut = (n: number) => `${chars.slice(0, n).join('').trimEnd()}…`;
  let n = chars.length;
  while (n > 1 && !fits(cut(n))) n--;
  return [...lines, cut(n)];
}

// ---------------------------------------------------------------------------
// Days (days since 1970-01-01, UTC)

const dateOfDay = (day: number) => new Date(day * 86_400_000);
const monthIndexOfDay = (day: number) => {
  const d = dateOfDay(day);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};
const dayOfMonthIndex = (index: number) => Math.floor(Date.UTC(Math.floor(index / 12), index % 12, 1) / 86_400_000);

/** “3 Aug 2007”. */
export function formatDay(day: number): string {
  const d = dateOfDay(day);
  return `${d.getUTCDate()} ${MONTH_NAMES[d.getUTCMonth()]!.slice(0, 3)} ${d.getUTCFullYear()}`;
}

// ---------------------------------------------------------------------------
// Wording

export function childSeenText(event: TimelineEvent): string {
  if (event.childSeen === true) return 'child seen';
  if (event.childSeen === false) return 'child not seen';
  return 'child seen not recorded';
}

/** One line per event, for tooltips and screen readers. */
export function describeEvent(event: TimelineEvent): string {
  const date = `${event.label}${event.uncertain ? ' (uncertain date)' : ''}`;
  const text = event.event ? ` — ${event.event}` : '';
  return `${date} · ${event.agency} · ${childSeenText(event)} · line ${event.line}${text}`;
}

/** The period a gap covers: the day after the last event before it to the day before the next event. */
export function gapPeriod(gap: TimelineGap): { from: number; to: number } {
  return { from: dayOfKey(gap.after.endKey, true) + 1, to: dayOfKey(gap.before.key) - 1 };
}

/** “10 weeks”, “6 weeks 6 days”. */
export function gapLength(gap: TimelineGap): string {
  const weeks = Math.floor(gap.days / 7);
  const days = gap.days - weeks * 7;
  return `${weeks} week${weeks === 1 ? '' : 's'}${days > 0 ? ` ${days} day${days === 1 ? '' : 's'}` : ''}`;
}

export function describeGap(gap: TimelineGap): string {
  const { from, to } = gapPeriod(gap);
  return `${gapLength(gap)} with no recorded event from any agency: ${formatDay(from)} to ${formatDay(to)} (between line ${gap.after.line} and line ${gap.before.line})`;
}

/** “12 events in 3 agency lanes, 3 Aug 2007 to 15 Jan 2008; child seen at 4; 1 gap longer than 6 weeks.” */
export function timelineSummary(data: TimelineData): string {
  if (data.events.length === 0) return 'No dated chronology rows: add a chronology table with a Date column to see the timeline.';
  const first = dayOfKey(data.events[0]!.key);
  const last = Math.max(...data.events.map((e) => dayOfKey(e.endKey, true)));
  const seen = data.events.filter((e) => e.childSeen === true).length;
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return (
    `${plural(data.events.length, 'event', 'events')} in ${plural(data.lanes.length, 'agency lane', 'agency lanes')}, ${formatDay(first)} to ${formatDay(last)}; ` +
    `child seen at ${seen}; ${plural(data.gaps.length, 'gap', 'gaps')} longer than ${plural(data.gapWeeks, 'week', 'weeks')}.`
  );
}

// ---------------------------------------------------------------------------
// Shapes

function marker(event: TimelineEvent, x: number, y: number): string {
  const dash = event.uncertain ? ' stroke-dasharray="2.5 1.5"' : '';
  const m = MARKER;
  let shape: string;
  if (event.childSeen === true) {
    shape = `<path class="crl-marker crl-seen" d="M${num(x)} ${num(y - m - 1)}L${num(x + m + 1)} ${num(y)}L${num(x)} ${num(y + m + 1)}L${num(x - m - 1)} ${num(y)}Z" fill="${event.uncertain ? '#a8d5b5' : COLOURS.seen}" stroke="${COLOURS.seenEdge}" stroke-width="1.5"${dash}/>`;
  } else if (event.childSeen === false) {
    const s = m - 1;
    shape =
      `<rect class="crl-marker crl-not-seen" x="${num(x - s)}" y="${num(y - s)}" width="${num(2 * s)}" height="${num(2 * s)}" fill="#ffffff" stroke="${COLOURS.notSeen}" stroke-width="1.8"${dash}/>` +
      `<path d="M${num(x - s + 2.5)} ${num(y - s + 2.5)}L${num(x + s - 2.5)} ${num(y + s - 2.5)}M${num(x + s - 2.5)} ${num(y - s + 2.5)}L${num(x - s + 2.5)} ${num(y + s - 2.5)}" stroke="${COLOURS.notSeen}" stroke-width="1.6"/>`;
  } else {
    shape = `<circle class="crl-marker crl-not-recorded" cx="${num(x)}" cy="${num(y)}" r="${num(m - 2)}" fill="#ffffff" stroke="${COLOURS.unknown}" stroke-width="1.6"${dash}/>`;
  }
  const query = event.uncertain
    ? `<text x="${num(x + m + 2)}" y="${num(y - 2)}" font-size="10" font-weight="bold" fill="${COLOURS.text}">?</text>`
    : '';
  // A transparent hit area, so a small marker is easy to click.
  const hit = `<rect x="${num(x - m - 3)}" y="${num(y - m - 3)}" width="${num(2 * m + 6)}" height="${num(2 * m + 6)}" fill="#ffffff" fill-opacity="0"/>`;
  return hit + shape + query;
}

/** The key to the symbols, wrapped onto as many rows of 20 px as `maxWidth` needs. */
function legend(x: number, y: number, maxWidth: number): { svg: string; rows: number } {
  const items: { shape: string; label: string; width: number }[] = [
    { shape: marker(sample(true), 0, 0), label: 'Child seen', width: 104 },
    { shape: marker(sample(false), 0, 0), label: 'Child not seen', width: 124 },
    { shape: marker(sample(undefined), 0, 0), label: 'Not recorded', width: 114 },
    { shape: marker({ ...sample(undefined), uncertain: true }, 0, 0), label: 'Uncertain date', width: 128 },
    {
      shape: `<line x1="-8" y1="0" x2="8" y2="0" stroke="${COLOURS.bar}" stroke-width="4" stroke-dasharray="4 2"/>`,
      label: 'Month, year or range',
      width: 168,
    },
    {
      shape: `<rect x="-8" y="-7" width="16" height="14" fill="url(#crl-gap-hatch)" stroke="${COLOURS.gapEdge}" stroke-dasharray="3 2"/>`,
      label: 'Gap with no recorded event',
      width: 200,
    },
  ];
  let dx = 0;
  let row = 0;
  const parts = items.map((item) => {
    if (dx > 0 && dx + item.width > maxWidth) {
      dx = 0;
      row++;
    }
    const part = `<g transform="translate(${num(x + dx + 8)} ${num(y + row * 20)})">${item.shape}<text x="20" y="4" font-size="12" fill="${COLOURS.text}">${escapeXml(item.label)}</text></g>`;
    dx += item.width;
    return part;
  });
  return { svg: `<g class="crl-legend" aria-hidden="true">${parts.join('')}</g>`, rows: row + 1 };
}

function sample(childSeen: boolean | undefined): TimelineEvent {
  return {
    key: 0,
    endKey: 0,
    iso: '',
    label: '',
    precision: 'day',
    uncertain: false,
    agency: '',
    childSeen,
    contact: false,
    event: '',
    offset: 0,
    end: 0,
    line: 0,
    chronology: 0,
  };
}

// ---------------------------------------------------------------------------
// Axis

interface Tick {
  day: number;
  label: string;
}

function axisTicks(startDay: number, endDay: number, plotWidth: number): Tick[] {
  const first = monthIndexOfDay(startDay);
  const last = monthIndexOfDay(endDay);
  const months = last - first + 1;
  const fit = Math.max(2, Math.floor(plotWidth / 56));
  const step = [1, 2, 3, 6, 12, 24, 60, 120, 600].find((s) => months / s <= fit) ?? 1200;
  const ticks: Tick[] = [];
  for (let index = Math.ceil(first / step) * step; index <= last + 1; index += step) {
    const day = dayOfMonthIndex(index);
    if (day < startDay || day > endDay + 1) continue;
    const year = Math.floor(index / 12);
    ticks.push({ day, label: step >= 12 ? String(year) : `${MONTH_NAMES[index % 12]!.slice(0, 3)} ${year}` });
  }
  return ticks;
}

// ---------------------------------------------------------------------------
// The drawing

interface Placed {
  event: TimelineEvent;
  index: number;
  lane: number;
  row: number;
  x: number;
  from: number;
  to: number;
}

/** Space between a lane name and the plot, and at the left edge. */
const LABEL_PAD = 24;

/** A lane's name, right-aligned at `x`, on one or two lines centred on `middle`; the full name in its tooltip. */
function laneLabel(lane: string, lines: readonly string[], x: number, middle: number): string {
  const open = `<text x="${x}" y="${num(middle + 4 - ((lines.length - 1) * 15) / 2)}" text-anchor="end" font-size="13" font-weight="600" fill="${COLOURS.text}"><title>${escapeXml(lane)}</title>`;
  if (lines.length === 1) return `${open}${escapeXml(lines[0]!)}</text>`;
  return `${open}${lines.map((line, i) => `<tspan x="${x}"${i === 0 ? '' : ' dy="15"'}>${escapeXml(line)}</tspan>`).join('')}</text>`;
}

interface GapLabel {
  gap: TimelineGap;
  x1: number;
  x2: number;
  /** Undefined when no wording of the length fits without overlapping another label (the tooltip and the list still give it). */
  text?: string;
  centre: number;
  row: number;
}

/** Space kept between two gap labels on one row. */
const GAP_LABEL_SPACE = 8;
/** Rows for gap labels above the lanes. */
const GAP_LABEL_ROWS = 2;

/**
 * Gap lengths above the lanes, never overlapping: each label (left to right) takes the
 * first of two rows where it fits beside the labels already there, kept within the plot;
 * when it fits on neither, a shorter wording (“15 weeks”, “15 wk”) is tried, and failing
 * that the label is left out.
 */
export function placeGapLabels(gaps: readonly TimelineGap[], xOf: (day: number) => number, minX: number, maxX: number): GapLabel[] {
  const taken: { from: number; to: number }[][] = Array.from({ length: GAP_LABEL_ROWS }, () => []);
  return gaps.map((gap) => {
    const { from, to } = gapPeriod(gap);
    const x1 = xOf(from);
    const x2 = xOf(to + 1);
    const wanted = (x1 + x2) / 2;
    const weeks = Math.floor(gap.days / 7);
    for (const text of [...new Set([gapLength(gap), `${weeks} week${weeks === 1 ? '' : 's'}`, `${weeks} wk`])]) {
      const half = textWidth(text, 12, true) / 2;
      const centre = Math.min(Math.max(wanted, minX + half), maxX - half);
      const row = taken.findIndex((labels) =>
        labels.every((l) => centre + half + GAP_LABEL_SPACE <= l.from || centre - half - GAP_LABEL_SPACE >= l.to),
      );
      if (row === -1) continue;
      taken[row]!.push({ from: centre - half, to: centre + half });
      return { gap, x1, x2, text, centre, row };
    }
    return { gap, x1, x2, centre: wanted, row: 0 };
  });
}

/** The timeline as a standalone SVG document (UTF-8 text, starting with `<svg`). */
export function timelineSvg(data: TimelineData, options: TimelineSvgOptions = {}): string {
  const width = Math.max(480, Math.round(options.width ?? 1100));
  const title = options.title?.trim() || 'Chronology timeline';
  const summary = timelineSummary(data);
  const head = `<svg xmlns="http://www.w3.org/2000/svg" class="crl-timeline" role="img" aria-labelledby="crl-title crl-desc" font-family="Segoe UI, Helvetica, Arial, sans-serif"`;
  const titleBlock =
    `<title id="crl-title">${escapeXml(title)}</title><desc id="crl-desc">${escapeXml(summary)}</desc>` +
    `<defs><pattern id="crl-gap-hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
    `<rect width="8" height="8" fill="${COLOURS.gapFill}"/><line x1="0" y1="0" x2="0" y2="8" stroke="${COLOURS.gapHatch}" stroke-width="2.5"/></pattern></defs>`;
  // The title on up to two lines (the full title in a tooltip when even that is too short), then the summary.
  const titleLines = fitLines(title, 17, true, width - 32, 2);
  const titleShift = (titleLines.length - 1) * 21;
  const titleTip = titleLines.length > 1 || titleLines[0] !== title ? `<title>${escapeXml(title)}</title>` : '';
  // About 6.5 px a character of the 12 px summary.
  const summaryLines = wrap(summary, Math.floor((width - 32) / 6.5)).slice(0, 4);
  const heading =
    `<g class="crl-heading">${titleTip}` +
    titleLines
      .map(
        (line, i) => `<text x="16" y="${26 + i * 21}" font-size="17" font-weight="bold" fill="${COLOURS.text}">${escapeXml(line)}</text>`,
      )
      .join('') +
    `</g>` +
    summaryLines
      .map((line, i) => `<text x="16" y="${46 + titleShift + i * 16}" font-size="12" fill="${COLOURS.muted}">${escapeXml(line)}</text>`)
      .join('');
  const headShift = titleShift + (summaryLines.length - 1) * 16;

  if (data.events.length === 0) {
    const height = 70 + headShift;
    return `${head} width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${titleBlock}<rect width="${width}" height="${height}" fill="${COLOURS.background}"/>${heading}</svg>\n`;
  }

  // The lane names' column is as wide as the longest name needs, from 90 px up to 30% of the width (at most
  // 260 px); a longer name wraps onto a second line, and what still does not fit ends with “…” (full name in its tooltip).
  const laneLabelMax = Math.round(Math.max(120, Math.min(260, width * 0.3)));
  const longest = Math.max(0, ...data.lanes.map((lane) => textWidth(lane, 13, true)));
  const left = Math.min(laneLabelMax, Math.max(90, Math.ceil(longest + LABEL_PAD)));
  const laneLabels = data.lanes.map((lane) => fitLines(lane, 13, true, left - LABEL_PAD, 2));
  const plotWidth = width - left - RIGHT;
  // The axis runs from the first day of the first event's month to the last day of the last event's month.
  const firstDay = Math.min(...data.events.map((e) => dayOfKey(e.key)));
  const lastDay = Math.max(...data.events.map((e) => dayOfKey(e.endKey, true)));
  const startDay = dayOfMonthIndex(monthIndexOfDay(firstDay));
  const endDay = dayOfMonthIndex(monthIndexOfDay(lastDay) + 1) - 1;
  const span = endDay + 1 - startDay;
  const xOf = (day: number) => left + ((day - startDay) / span) * plotWidth;

  // Place each event in its lane, on the first sub-row where it does not touch the previous marker.
  const laneIndex = new Map(data.lanes.map((lane, i) => [lane, i]));
  const rowEnds = data.lanes.map(() => [] as number[]);
  const placed: Placed[] = data.events.map((event, index) => {
    const lane = laneIndex.get(event.agency) ?? 0;
    const from = dayOfKey(event.key);
    const to = dayOfKey(event.endKey, true);
    const x = xOf(from + 0.5);
    const barEnd = event.precision === 'day' && to === from ? x : xOf(to + 1);
    const ends = rowEnds[lane]!;
    let row = ends.findIndex((end) => x - end >= 2 * MARKER + 6);
    if (row === -1) {
      if (ends.length < 4) row = ends.length;
      else row = ends.indexOf(Math.min(...ends));
    }
    ends[row] = Math.max(x + MARKER, barEnd);
    return { event, index, lane, row, x, from, to };
  });

  const gapLabels = placeGapLabels(data.gaps, xOf, left, width - RIGHT);

  const key = legend(16, 70 + headShift, width - 32);
  const shift = headShift + (key.rows - 1) * 20;
  const gapRowY = [94 + shift, 108 + shift];
  const lanesTop = (data.gaps.length > 0 ? 118 : 90) + shift;
  const laneHeights = rowEnds.map((ends) => Math.max(36, 2 * LANE_PAD + Math.max(1, ends.length) * SUB_ROW));
  const laneTops: number[] = [];
  let y = lanesTop;
  for (const h of laneHeights) {
    laneTops.push(y);
    y += h;
  }
  const lanesBottom = y;
  const height = lanesBottom + 44;

  const parts: string[] = [];
  parts.push(`${head} width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`);
  parts.push(titleBlock);
  parts.push(`<rect width="${width}" height="${height}" fill="${COLOURS.background}"/>`);
  parts.push(heading);
  parts.push(key.svg);

  // Lanes.
  parts.push('<g class="crl-lanes">');
  data.lanes.forEach((lane, i) => {
    const top = laneTops[i]!;
    const h = laneHeights[i]!;
    parts.push(
      `<g class="crl-lane" data-lane="${i}"><rect x="0" y="${num(top)}" width="${width}" height="${num(h)}" fill="${i % 2 === 0 ? COLOURS.laneA : COLOURS.laneB}"/>` +
        laneLabel(lane, laneLabels[i]!, left - 12, top + h / 2) +
        '</g>',
    );
  });
  parts.push(`<line x1="${left}" y1="${num(lanesTop)}" x2="${left}" y2="${num(lanesBottom)}" stroke="${COLOURS.grid}"/>`);
  parts.push('</g>');

  // Grid and axis.
  const ticks = axisTicks(startDay, endDay, plotWidth);
  parts.push('<g class="crl-axis">');
  for (const tick of ticks) {
    const x = num(xOf(tick.day));
    parts.push(`<line x1="${x}" y1="${num(lanesTop)}" x2="${x}" y2="${num(lanesBottom + 6)}" stroke="${COLOURS.grid}" stroke-width="1"/>`);
    parts.push(
      `<text x="${x}" y="${num(lanesBottom + 22)}" text-anchor="middle" font-size="11" fill="${COLOURS.muted}">${escapeXml(tick.label)}</text>`,
    );
  }
  parts.push(`<line x1="${left}" y1="${num(lanesBottom)}" x2="${width - RIGHT}" y2="${num(lanesBottom)}" stroke="${COLOURS.muted}"/>`);
  parts.push('</g>');

  // Gaps, under the events.
  parts.push('<g class="crl-gaps">');
  for (const label of gapLabels) {
    const w = Math.max(1, label.x2 - label.x1);
    parts.push(
      `<g class="crl-gap" data-weeks="${label.gap.weeks}"><title>${escapeXml(describeGap(label.gap))}</title>` +
        `<rect x="${num(label.x1)}" y="${num(lanesTop)}" width="${num(w)}" height="${num(lanesBottom - lanesTop)}" fill="url(#crl-gap-hatch)" fill-opacity="0.8" stroke="${COLOURS.gapEdge}" stroke-dasharray="4 3"/>` +
        (label.text === undefined
          ? '</g>'
          : `<text x="${num(label.centre)}" y="${gapRowY[label.row]!}" text-anchor="middle" font-size="12" font-weight="bold" fill="${COLOURS.gapEdge}">${escapeXml(label.text)}</text></g>`),
    );
  }
  parts.push('</g>');

  // Events.
  parts.push('<g class="crl-events">');
  for (const p of placed) {
    const cy = laneTops[p.lane]! + LANE_PAD + SUB_ROW / 2 + p.row * SUB_ROW;
    const description = describeEvent(p.event);
    const attributes = options.interactive ? ` tabindex="0" role="button" aria-label="${escapeXml(shorten(description, 300))}"` : '';
    let bar = '';
    if (p.to > p.from || p.event.precision !== 'day') {
      const dashed = p.event.precision !== 'day' || p.event.uncertain ? ' stroke-dasharray="4 2"' : '';
      bar = `<line x1="${num(xOf(p.from))}" y1="${num(cy)}" x2="${num(Math.max(xOf(p.to + 1), xOf(p.from) + 2))}" y2="${num(cy)}" stroke="${COLOURS.bar}" stroke-width="4" stroke-linecap="round"${dashed}/>`;
    }
    parts.push(
      `<g class="crl-event" data-event="${p.index}" data-line="${p.event.line}"${attributes}><title>${escapeXml(description)}</title>${bar}${marker(p.event, p.x, cy)}</g>`,
    );
  }
  parts.push('</g>');
  parts.push('</svg>\n');
  return parts.join('');
}
