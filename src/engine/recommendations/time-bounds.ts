/**
 * Time bounds of recommendations and action plan rows (primer §4 "Time-bound"):
 * dates, months, quarters, financial years, seasons, years and periods relative
 * to a known event; and timing words that set none ("as soon as possible",
 * "ongoing", "annually").
 */
import { dateEndKey, findDates, monthEndKey, type FoundDate } from '../dates.js';
import { ContextMemo } from '../memo.js';
import timing from '../../data/recommendation-timing.json' with { type: 'json' };
import { isNonCommittal } from './cells.js';
import { PhraseMatcher } from './phrases.js';
import type { Span } from './plain-text.js';

export interface TimeBound extends Span {
  kind: 'date' | 'month' | 'quarter' | 'financial-year' | 'season' | 'year' | 'relative' | 'label';
  /** Latest sortable date key the bound can mean (yyyymmdd), when it names a calendar time. */
  endKey?: number;
  /** The parsed date when the bound is one. */
  date?: FoundDate;
}

export interface NonDate extends Span {
  kind: 'vague' | 'frequency';
  /** The whole content of a table's date cell (replaced by a date, without "by"). */
  inCell?: boolean;
}

const NUM =
  '(?:\\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|twenty[- ' + ']four|thirty|a|an)';
const MONTHS_CAP = 'January|February|March|April|May|June|July|August|September|October|November|December';
const YEAR = '(?:19|20)\\d{2}';
const FY = `${YEAR}\\s?[/–-]\\s?(?:${YEAR}|\\d{2})`;
const KNOWN_EVENTS = new PhraseMatcher(timing.knownEvents.map((e) => [e, e] as const));

const TIME_PATTERNS: { kind: TimeBound['kind']; pattern: RegExp; cue?: boolean }[] = [
  { kind: 'quarter', pattern: new RegExp(`\\bQ[1-4](?:\\s{0,2}(?:of\\s+)?(?:${FY}|${YEAR}))?\\b`, 'g') },
  {
    kind: 'quarter',
    pattern: new RegExp(
      `\\b(?:quarter\\s+(?:[1-4]|one|two|three|four)|(?:first|second|third|fourth|final|last)\\s+quarter)(?:\\s+of)?(?:\\s+(?:the\\s+)?(?:${FY}|${YEAR}))?\\b`,
      'gi',
    ),
  },
  { kind: 'financial-year', pattern: new RegExp(`(?<![\\d/]|\\d[.-])${FY}(?![\\d/]|[.-]\\d)`, 'g') },
  { kind: 'season', pattern: new RegExp(`\\b(?:spring|summer|autumn|winter)(?:\\s+term)?\\s+(?:of\\s+)?(?:${FY}|${YEAR})\\b`, 'gi') },
  {
    kind: 'year',
    pattern: new RegExp(
      `\\b(?:by|in|during|before|until|from|throughout|for)\\s+(?:the\\s+(?:end|start|beginning|middle|course)\\s+of\\s+)?${YEAR}\\b(?!\\s?[/–-]\\s?\\d)`,
      'gi',
    ),
  },
  {
    kind: 'month',
    pattern: new RegExp(`\\b(?:[Bb]y|[Bb]efore|[Uu]ntil|[Ii]n|[Ff]rom|[Ee]nd\\s+of)\\s+(?:the\\s+end\\s+of\\s+)?(?:${MONTHS_CAP})\\b`, 'g'),
  },
  {
    kind: 'relative',
    pattern: new RegExp(
      `\\b(?:within|in|over|during|for)\\s+(?:the\\s+)?(?:next|coming|following)\\s+(?:${NUM}\\s+)?(?:calendar\\s+)?(?:months?|years?|quarters?|financial\\s+year|academic\\s+year|school\\s+year|weeks?)\\b`,
      'gi',
    ),
  },
  {
    kind: 'relative',
    pattern: new RegExp(
      `\\b(?:by|before|at|in|from|for|until|during|prior\\s+to)\\s+(?:the\\s+|its\\s+|their\\s+)?(?:end|start|beginning|close)\\s+of\\s+(?:the\\s+|this\\s+|that\\s+)?(?:current\\s+|next\\s+)?(?:year|financial\\s+year|calendar\\s+year|academic\\s+year|school\\s+year|month|quarter|term|review\\s+period)\\b`,
      'gi',
    ),
  },
  { kind: 'relative', pattern: /\b(?:by|before|at)\s{1,8}(?:the\s{1,8})?year[- ]end\b/gi },
  {
    kind: 'relative',
    pattern: /\b(?:by|before|at|in|from|for|until|during|starting|commencing|after)\s{1,8}(?:the\s{1,8}|its\s{1,8}|their\s{1,8})?next\b/gi,
  },
  {
    kind: 'relative',
    pattern:
      /\bbefore\s{1,8}(?:the\s{1,8})?(?:publication|launch|end|start|beginning|inspection|anniversary|implementation|completion)\b/gi,
  },
];

const WITHIN = new RegExp(
  `\\b(?:within|in)\\s+(?:the\\s+first\\s+)?${NUM}\\s+(?:calendar\\s+|working\\s+|school\\s+)?(months?|years?|weeks?|days?|hours?)(['’]?\\s+time)?\\b`,
  'gi',
);

const PERIOD_AFTER = new RegExp(`\\b${NUM}\\s+(?:calendar\\s+)?(?:months?|years?|weeks?)\\s+(?:after|following|from|of)\\s+`, 'gi');
const OF_CLAUSE = /^\s{1,8}(?:of|from|after|following)\s{1,8}/i;
const TIME_LABEL =
  /\b(?:timescales?|time\s?scales?|target\s{1,8}date|deadline|due\s{1,8}date|completion\s{1,8}date|date\s{1,8}for\s{1,8}completion|by\s{1,8}when|time\s?frame)\s{0,3}[:–—-]\s{0,3}([^.;\n|]{1,60})/gi;

const HISTORIC_CUES = new Set(timing.historicCues.map((c) => c.toLowerCase()));
const DEADLINE_CUES = new Set(['by', 'before', 'until', 'within', 'than', 'of']);
const RANGE_AFTER =
  /^\s{0,3}(?:to|until|and|–|—|-)\s{0,3}(?:\d|January|February|March|April|May|June|July|August|September|October|November|December)/i;

function endKeyOf(kind: TimeBound['kind'], text: string, date?: FoundDate): number | undefined {
  if (date) return date.valid ? dateEndKey(date) : undefined;
  const fy = new RegExp(FY).exec(text);
  if (fy) {
    const start = Number(fy[0].slice(0, 4));
    return monthEndKey(start + 1, 3);
  }
  const year = new RegExp(YEAR).exec(text);
  if (!year) return undefined;
  const y = Number(year[0]);
  if (kind === 'quarter') {
    const q = /Q([1-4])|quarter\s{1,8}([1-4])|(first|second|third|fourth)\s{1,8}quarter/i.exec(text);
    const n = q ? Number(q[1] ?? q[2] ?? ['first', 'second', 'third', 'fourth'].indexOf(q[3]!.toLowerCase()) + 1) : 4;
    return monthEndKey(y, n * 3);
  }
  if (kind === 'season') {
    const s = /spring|summer|autumn|winter/i.exec(text)?.[0].toLowerCase();
    return monthEndKey(y, s === 'spring' ? 5 : s === 'summer' ? 8 : s === 'autumn' ? 11 : 12);
  }
  return monthEndKey(y, 12);
}

/** Is the text right before a date history ("issued in April 2010", "since March")? */
function historic(text: string, start: number, end: number): boolean {
  const words = (text.slice(Math.max(0, start - 40), start).match(/\p{L}+/gu) ?? []).map((w) => w.toLowerCase());
  const last = words.filter((w) => w !== 'the').slice(-1)[0];
  // "by March 2013", "no later than", "the end of": a deadline, whatever came before.
  if (last && DEADLINE_CUES.has(last) && (last !== 'of' || words.slice(-3).includes('end'))) return false;
  const recent = words.slice(-3);
  if (recent.some((w) => HISTORIC_CUES.has(w)) || recent.join(' ').includes('took place')) return true;
  return RANGE_AFTER.test(text.slice(end, end + 20));
}

/**
 * Time bounds in a text: dates, months, quarters, financial years, seasons,
 * years and periods relative to a known event. In `cell` mode (a table's target
 * date column) a bare year, month or period counts without a cue word.
 */
export function findTimeBounds(text: string, options: { cell?: boolean } = {}): TimeBound[] {
  return timeBounds.get(options.cell ? 'cell' : 'text', text, () => findTimeBoundsOnce(text, options));
}

/** Time bounds of texts, kept across lints (read-only). */
const timeBounds = new ContextMemo<TimeBound[]>();

function findTimeBoundsOnce(text: string, options: { cell?: boolean }): TimeBound[] {
  const found: TimeBound[] = [];
  const add = (bound: TimeBound) => {
    if (!found.some((f) => f.start < bound.end && f.end > bound.start)) found.push(bound);
  };
  for (const date of findDates(text)) {
    if (!options.cell && historic(text, date.start, date.end)) continue;
    add({
      start: date.start,
      end: date.end,
      text: date.text,
      kind: date.precision === 'day' ? 'date' : 'month',
      date,
      endKey: endKeyOf('date', date.text, date),
    });
  }
  for (const { kind, pattern } of TIME_PATTERNS) {
    for (const m of text.matchAll(new RegExp(pattern.source, pattern.flags))) {
      const start = m.index;
      const end = start + m[0].length;
      if (kind !== 'relative' && !options.cell && historic(text, start, end)) continue;
      if (/next$/i.test(m[0])) {
        // "from the next financial year": take the word after "next" into the bound.
        const word = /^ {1,3}[a-z]{2,30}/i.exec(text.slice(end));
        if (!word) continue;
        add({ start, end: end + word[0].length, text: m[0] + word[0], kind });
        continue;
      }
      if (
        kind === 'quarter' &&
        !/\d{4}/.test(m[0]) &&
        !options.cell &&
        !/\b(?:by|in|before|end\s{1,8}of|during|from|until)\s{1,8}(?:the\s{1,8})?$/i.test(text.slice(Math.max(0, start - 16), start))
      )
        continue;
      add({ start, end, text: m[0], kind, endKey: endKeyOf(kind, m[0]) });
    }
  }
  for (const m of text.matchAll(new RegExp(WITHIN.source, WITHIN.flags))) {
    const start = m.index;
    const end = start + m[0].length;
    const unit = m[1]!.toLowerCase();
    const after = text.slice(end);
    const of = OF_CLAUSE.exec(after);
    if (of) {
      const event = KNOWN_EVENTS.startOf(after.slice(of[0].length));
      if (event)
        add({ start, end: end + of[0].length + event.end, text: text.slice(start, end + of[0].length + event.end), kind: 'relative' });
      continue;
    }
    if (/^(?:month|year)/.test(unit) || m[2] || options.cell) add({ start, end, text: m[0], kind: 'relative' });
  }
  for (const m of text.matchAll(new RegExp(PERIOD_AFTER.source, PERIOD_AFTER.flags))) {
    const event = KNOWN_EVENTS.startOf(text.slice(m.index + m[0].length));
    if (event)
      add({
        start: m.index,
        end: m.index + m[0].length + event.end,
        text: text.slice(m.index, m.index + m[0].length + event.end),
        kind: 'relative',
      });
  }
  for (const m of text.matchAll(new RegExp(TIME_LABEL.source, TIME_LABEL.flags))) {
    const value = m[1]!.trim();
    if (!value || value.startsWith('[') || findNonDates(value).length > 0 || isNonCommittal(value, 'date')) continue;
    add({ start: m.index, end: m.index + m[0].length, text: m[0], kind: 'label' });
  }
  if (options.cell) {
    // "Mar-13", "Sept 13", "Jan '14": a month and a two-digit year, as spreadsheets write them.
    const short = /\b(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]{0,6}[ -]'?(\d{2})\b/i.exec(text);
    if (short) {
      const month =
        ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(short[1]!.toLowerCase().slice(0, 3)) +
        1;
      add({
        start: short.index,
        end: short.index + short[0].length,
        text: short[0],
        kind: 'month',
        endKey: monthEndKey(2000 + Number(short[2]), month),
      });
    }
    const bare = new RegExp(
      `^\\s*(?:(?:by|before|end\\s+of|by\\s+end\\s+of|by\\s+the\\s+end\\s+of)\\s+)?(?:${YEAR}|(?:${MONTHS_CAP})|${NUM}\\s+(?:calendar\\s+)?(?:months?|years?|weeks?))\\s*$`,
      'i',
    ).exec(text);
    if (bare) add({ start: 0, end: text.length, text, kind: /\d{4}/.test(text) ? 'year' : 'relative', endKey: endKeyOf('year', text) });
  }
  return found.sort((a, b) => a.start - b.start);
}

const nonDateCache = new Map<string, PhraseMatcher<NonDate['kind']>>();

function nonDateMatcher(extra: readonly string[]): PhraseMatcher<NonDate['kind']> {
  const key = extra.join('\u0000');
  let matcher = nonDateCache.get(key);
  if (!matcher) {
    matcher = new PhraseMatcher<NonDate['kind']>([
      ...extra.map((p) => [p, 'vague'] as const),
      ...timing.nonDates.map((n) => [n.phrase, n.kind as NonDate['kind']] as const),
    ]);
    nonDateCache.set(key, matcher);
  }
  return matcher;
}

/** Timing words that set no time bound ("as soon as possible", "ongoing", "annually"). */
export function findNonDates(text: string, extra: readonly string[] = []): NonDate[] {
  return nonDateMatcher(extra)
    .find(text)
    .map((h) => ({ start: h.start, end: h.end, text: h.text, kind: h.value }));
}
