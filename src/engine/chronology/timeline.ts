/** Timeline data for the editor's "Show timeline" webview: dated rows in order, agency lanes and gaps. */
import type { Report } from '../report.js';
import { dayOfKey, type ChronologyPrecision } from '../dates.js';
import { isChildContact, readChildSeen } from './child-seen.js';
import { findChronologies } from './table.js';

export interface TimelineEvent {
  /** Sortable yyyymmdd of the start and of the last day meant. */
  key: number;
  endKey: number;
  /** ISO date of the start (yyyy-mm-dd; the 1st for a month, 1 January for a year). */
  iso: string;
  /** The date as written. */
  label: string;
  precision: ChronologyPrecision;
  uncertain: boolean;
  minutes?: number;
  /** The agency lane (Agency cell, else the IMR's agency, else “Unknown agency”). */
  agency: string;
  /** Was the child seen: true, false, or undefined (no column, blank or not recorded). */
  childSeen: boolean | undefined;
  /** Was this a contact in which the child could have been seen (home visit, clinic, school…)? */
  contact: boolean;
  /** Plain text of the Event cell, at most 200 characters. */
  event: string;
  /** 0-based document offsets of the row, and its 1-based line. */
  offset: number;
  end: number;
  line: number;
  /** Index of the chronology among `findChronologies(report)`. */
  chronology: number;
}

export interface TimelineGap {
  /** The last event before the gap and the first after it. */
  after: TimelineEvent;
  before: TimelineEvent;
  days: number;
  weeks: number;
}

export interface TimelineData {
  events: TimelineEvent[];
  /** Agency lanes in order of first appearance. */
  lanes: string[];
  /** Periods with no recorded event longer than `gapWeeks`. */
  gaps: TimelineGap[];
  gapWeeks: number;
}

function isoOf(key: number): string {
  return new Date(dayOfKey(key) * 86_400_000).toISOString().slice(0, 10);
}

/** Timeline data: every dated row of every chronology in date order, agency lanes, and gaps longer than `gapWeeks`. */
export function chronologyTimeline(report: Report, options: { gapWeeks?: number } = {}): TimelineData {
  const gapWeeks = options.gapWeeks ?? 4;
  const events: TimelineEvent[] = [];
  findChronologies(report).forEach((chronology, index) => {
    for (const row of chronology.rows) {
      const d = row.date;
      if (!d || !d.from.valid || (d.to && !d.to.valid)) continue;
      const event = (row.cells.event?.text ?? '').replace(/\s+/g, ' ').trim();
      events.push({
        key: d.key,
        endKey: Math.max(d.key, d.endKey),
        iso: isoOf(d.key),
        label: d.text.trim(),
        precision: d.from.precision,
        uncertain: d.uncertain,
        minutes: row.minutes,
        agency: row.agency?.trim() || 'Unknown agency',
        childSeen: row.cells.childSeen ? readChildSeen(row.cells.childSeen.text) : undefined,
        contact: isChildContact(`${row.cells.event?.text ?? ''} ${row.cells.source?.text ?? ''}`),
        event: event.length > 200 ? `${event.slice(0, 199)}…` : event,
        offset: row.start,
        end: row.end,
        line: report.toPoint(row.start).line,
        chronology: index,
      });
    }
  });
  events.sort((a, b) => a.key - b.key || (a.minutes ?? -1) - (b.minutes ?? -1) || a.offset - b.offset);
  const lanes = [...new Set(events.map((e) => e.agency))];
  const gaps: TimelineGap[] = [];
  let latest: TimelineEvent | undefined;
  for (const e of events) {
    if (latest) {
      const days = dayOfKey(e.key) - dayOfKey(latest.endKey, true);
      if (days > gapWeeks * 7) gaps.push({ after: latest, before: e, days, weeks: Math.floor(days / 7) });
    }
    if (!latest || dayOfKey(e.endKey, true) >= dayOfKey(latest.endKey, true)) latest = e;
  }
  return { events, lanes, gaps, gapWeeks };
}
